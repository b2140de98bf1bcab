"""A warning event as a CAP 1.2 alert (OASIS Common Alerting Protocol), with a Chinese and an
English info block; elements in the order the CAP 1.2 schema requires.

Choices (the profile GB/T 35965.1 leaves to the issuer, or CAP leaves open):
- msgType: Alert for an issue, Update for an upgrade or downgrade, Cancel for a cancel;
  Update and Cancel reference every earlier alert of the same warning, and `incidents`
  carries the warning's id so a receiver can group its alerts.
- sent: the event's time (the end of the minute whose observations caused it), in Beijing
  time with its +08:00 offset, to the second. The time is also in the identifier, so the
  references' "sender,identifier,sent" are rebuilt exactly from the identifiers alone.
- urgency Immediate for orange and red, Expected for blue and yellow, Past for a cancel;
  severity red Extreme, orange Severe, yellow Moderate, blue Minor, and Minor for a cancel
  (the rain no longer reaches the lowest signal); certainty Observed: the levels come from
  measured accumulations, not forecasts.
- responseType Monitor for blue (a heads-up), Prepare for yellow, orange and red (their
  defence guidelines ask for protective measures), AllClear for a cancel.
- area: geocode "GB/T 2260" for a county-level code (6 digits), "GB/T 10114" for a street's
  9-digit code (the rules for codes below county level), never the county code for a street:
  CAP reads several geocodes as their union, which would widen the alert to the district.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from govops.lawcode.dated.procedures import Text
from govops.warnings.model.identifiers import AlertIdentifier, IdentifierError, beijing_second
from govops.warnings.model.warning import EventKind, WarningEvent
from govops.warnings.model.wording import (
    DEFAULT_CLAUSE_WINDOWS,
    LANGUAGES,
    description,
    headline,
    instruction,
    millimetres,
)

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_LANGUAGE = {"zh-Hans": "zh-CN", "en": "en-US"}
STATUSES = ("Actual", "Exercise", "System", "Test", "Draft")
EVENT_NAME = {"zh-Hans": "暴雨预警", "en": "Rainstorm warning"}

MSG_TYPE = {
    EventKind.ISSUE: "Alert",
    EventKind.UPGRADE: "Update",
    EventKind.DOWNGRADE: "Update",
    EventKind.CANCEL: "Cancel",
}
SEVERITY = {"red": "Extreme", "orange": "Severe", "yellow": "Moderate", "blue": "Minor"}
URGENCY = {"red": "Immediate", "orange": "Immediate", "yellow": "Expected", "blue": "Expected"}
RESPONSE = {"red": "Prepare", "orange": "Prepare", "yellow": "Prepare", "blue": "Monitor"}
_CANCELLED = {"severity": "Minor", "urgency": "Past", "responseType": "AllClear"}
_FORBIDDEN = set(" ,<&")  # CAP 1.2, 3.2.1: no spaces, commas or restricted characters


class CapError(ValueError):
    """An alert that cannot be written: a missing area name, a bad sender or status."""


def cap_time(moment: datetime) -> str:
    """CAP's time form: Beijing time with its offset (+08:00), whole seconds."""
    return beijing_second(moment).isoformat()


def cap_references(sender: str, identifiers: tuple[str, ...]) -> str:
    """CAP `references`: "sender,identifier,sent" of each earlier alert, space-separated."""
    try:
        parsed = [AlertIdentifier.parse(identifier) for identifier in identifiers]
    except IdentifierError as error:
        raise CapError(f"cannot reference an earlier alert: {error}") from None
    return " ".join(f"{sender},{p},{cap_time(p.issued)}" for p in parsed)


def cap_alert(
    event: WarningEvent,
    area_names: Text,
    sender: str,
    *,
    sender_name: Text,
    status: str = "Actual",
    clause_windows: Mapping[str, str] = DEFAULT_CLAUSE_WINDOWS,
) -> bytes:
    """The event's CAP 1.2 alert as UTF-8 XML. `area_names` and `sender_name` give the
    Chinese ("zh-Hans") and English ("en") names; `sender` is the issuer's CAP address
    (e.g. an e-mail address or domain); `status` Exercise or Test marks a drill or a test."""
    _check(area_names, sender, sender_name, status)
    alert = ET.Element(_tag("alert"))
    _add(alert, "identifier", event.identifier)
    _add(alert, "sender", sender)
    _add(alert, "sent", cap_time(event.at))
    _add(alert, "status", status)
    _add(alert, "msgType", MSG_TYPE[event.kind])
    _add(alert, "scope", "Public")
    if event.references:
        _add(alert, "references", cap_references(sender, event.references))
    _add(alert, "incidents", event.warning_id)
    for language in LANGUAGES:
        _info(alert, event, language, area_names[language], sender_name[language], clause_windows)
    document: bytes = ET.tostring(
        alert, encoding="utf-8", xml_declaration=True, default_namespace=CAP_NAMESPACE
    )
    return document


def _info(
    alert: ET.Element,
    event: WarningEvent,
    language: str,
    area_name: str,
    sender_name: str,
    clause_windows: Mapping[str, str],
) -> None:
    level = event.level
    info = ET.SubElement(alert, _tag("info"))
    _add(info, "language", CAP_LANGUAGE[language])
    _add(info, "category", "Met")
    _add(info, "event", EVENT_NAME[language])
    _add(info, "responseType", _CANCELLED["responseType"] if level is None else RESPONSE[level])
    _add(info, "urgency", _CANCELLED["urgency"] if level is None else URGENCY[level])
    _add(info, "severity", _CANCELLED["severity"] if level is None else SEVERITY[level])
    _add(info, "certainty", "Observed")
    _add(info, "senderName", sender_name)
    _add(info, "headline", headline(event, area_name, language))
    _add(info, "description", description(event, area_name, language, clause_windows))
    _add(info, "instruction", instruction(event, language))
    for name, value in parameters(event).items():
        parameter = ET.SubElement(info, _tag("parameter"))
        _add(parameter, "valueName", name)
        _add(parameter, "value", value)
    area = ET.SubElement(info, _tag("area"))
    _add(area, "areaDesc", area_name)
    geocode = ET.SubElement(area, _tag("geocode"))
    _add(geocode, "valueName", "GB/T 2260" if len(event.area) == 6 else "GB/T 10114")
    _add(geocode, "value", event.area)


def parameters(event: WarningEvent) -> dict[str, str]:
    """The event's trace as CAP parameters: the same in both info blocks."""
    step = event.step
    found = {
        "level": event.level or "none",
        "previous_level": event.previous or "none",
        "sequence": str(event.seq),
        "area_level_method": step.method,
        "stations": str(step.stations),
        "stations_reporting": str(step.reporting),
    }
    if step.clause_id is not None:
        found["clause"] = step.clause_id
    if step.cite is not None:
        found["citation"] = str(step.cite)
    if step.deciding:
        found["deciding_stations"] = " ".join(r.station for r in step.deciding)
    found |= _statistics(step.maximum, "max")
    found |= _statistics(step.mean, "mean")
    return found


def _statistics(values: Mapping[str, Decimal], statistic: str) -> dict[str, str]:
    return {f"{window}_{statistic}_mm": millimetres(value) for window, value in values.items()}


def _check(area_names: Text, sender: str, sender_name: Text, status: str) -> None:
    for what, names in (("area name", area_names), ("sender name", sender_name)):
        missing = [language for language in LANGUAGES if not names.get(language)]
        if missing:
            raise CapError(f"the {what} has no text in {', '.join(missing)}")
    if not sender or _FORBIDDEN & set(sender):
        raise CapError(f"sender {sender!r} is empty or has a space, comma, '<' or '&'")
    if status not in STATUSES:
        raise CapError(f"status {status!r} is not one of {', '.join(STATUSES)}")


def _tag(name: str) -> str:
    return f"{{{CAP_NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, _tag(name))
    child.text = text
    return child
