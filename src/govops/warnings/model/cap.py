"""A warning event as a CAP 1.2 alert (OASIS Common Alerting Protocol), with an info block
per language (by default a Chinese, zh-CN, and an English, en-US, one), each written with the
catalog of its language; elements in the order the CAP 1.2 schema requires.

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
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from govops.lawcode.dated.procedures import Text
from govops.lawcode.texts.messages import Message, msg
from govops.warnings.model.identifiers import AlertIdentifier, IdentifierError, beijing_second
from govops.warnings.model.warning import EventKind, WarningEvent
from govops.warnings.model.wording import (
    DEFAULT_CLAUSE_WINDOWS,
    EVENT_NAME,
    description,
    headline,
    instruction,
    millimetres,
)

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
# The info blocks an alert carries by default, one per language (CAP `language` codes).
CAP_LANGUAGES = ("zh-CN", "en-US")
# CAP's language codes and the catalogs' languages they are written in.
CATALOG_LANGUAGE = {"zh-CN": "zh-Hans", "zh-TW": "zh-Hant", "vi-VN": "vi", "en-US": "en"}
STATUSES = ("Actual", "Exercise", "System", "Test", "Draft")

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
    """An alert that cannot be written: a missing area name, a bad sender, status or
    language."""


class ShownText(Protocol):
    @property
    def text(self) -> str: ...


class Wording(Protocol):
    """What an info block is written with, in its language: the catalog's texts (`say`)
    and the pack's names in that language (`text`), as govops.platform.i18n's translator
    gives them."""

    def say(self, message: Message | str) -> str: ...

    def text(self, texts: Mapping[str, str]) -> ShownText: ...


Wordings = Callable[[str], Wording]  # a catalog language (zh-Hans, zh-Hant, vi, en) -> its wording


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


def cap_alert(  # noqa: PLR0913 (the alert's parts, each named)
    event: WarningEvent,
    area_names: Text,
    sender: str,
    *,
    sender_name: Text,
    wordings: Wordings,
    status: str = "Actual",
    clause_windows: Mapping[str, str] = DEFAULT_CLAUSE_WINDOWS,
    languages: Sequence[str] = CAP_LANGUAGES,
) -> bytes:
    """The event's CAP 1.2 alert as UTF-8 XML, with one info block per CAP language of
    `languages` (zh-CN, zh-TW, vi-VN, en-US), its texts the catalog's in that language
    (`wordings`). `area_names` and `sender_name` give the names by language ("zh-Hans",
    "en"); a block in a language they lack shows them in their own. `sender` is the
    issuer's CAP address (e.g. an e-mail address or domain); `status` Exercise or Test
    marks a drill or a test."""
    _check(area_names, sender, sender_name, status, languages)
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
    for language in languages:
        wording = wordings(CATALOG_LANGUAGE[language])
        names = (wording.text(area_names).text, wording.text(sender_name).text)
        _info(alert, event, language, wording, names, clause_windows)
    document: bytes = ET.tostring(
        alert, encoding="utf-8", xml_declaration=True, default_namespace=CAP_NAMESPACE
    )
    return document


def _info(
    alert: ET.Element,
    event: WarningEvent,
    language: str,
    wording: Wording,
    names: tuple[str, str],
    clause_windows: Mapping[str, str],
) -> None:
    level = event.level
    area_name, sender_name = names
    info = ET.SubElement(alert, _tag("info"))
    _add(info, "language", language)
    _add(info, "category", "Met")
    _add(info, "event", wording.say(msg(EVENT_NAME)))
    _add(info, "responseType", _CANCELLED["responseType"] if level is None else RESPONSE[level])
    _add(info, "urgency", _CANCELLED["urgency"] if level is None else URGENCY[level])
    _add(info, "severity", _CANCELLED["severity"] if level is None else SEVERITY[level])
    _add(info, "certainty", "Observed")
    _add(info, "senderName", sender_name)
    _add(info, "headline", wording.say(headline(event, area_name)))
    _add(info, "description", wording.say(description(event, area_name, clause_windows)))
    _add(info, "instruction", wording.say(instruction(event)))
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


def _check(
    area_names: Text, sender: str, sender_name: Text, status: str, languages: Sequence[str]
) -> None:
    for what, names in (("area name", area_names), ("sender name", sender_name)):
        if not any(names.values()):
            raise CapError(f"the {what} has no text in any language")
    unknown = [language for language in languages if language not in CATALOG_LANGUAGE]
    if unknown or not languages:
        known = ", ".join(CATALOG_LANGUAGE)
        raise CapError(f"info languages {list(languages)} must be some of {known}")
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
