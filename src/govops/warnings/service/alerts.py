"""The CAP writer the warning service records alerts with: `model.cap.cap_alert` with the
areas' names, the issuer, and the catalogs each info block is written with."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from govops.lawcode.texts.messages import msg
from govops.platform.i18n.translator import translator
from govops.warnings.model.cap import CAP_LANGUAGES, Wording, Wordings, cap_alert
from govops.warnings.model.warning import WarningEvent
from govops.warnings.service.inputs import WarningInputError


def catalog_wording(timezone: str = "Asia/Shanghai") -> Wordings:
    """Each language's catalog, with times in `timezone`: what an alert is written with."""

    def wording(language: str) -> Wording:
        return translator(language, timezone)

    return wording


def cap_writer(
    area_names: Mapping[str, Mapping[str, str]],
    sender: str,
    sender_name: Mapping[str, str],
    status: str = "Actual",
    languages: Sequence[str] = CAP_LANGUAGES,
    wordings: Wordings | None = None,
) -> Callable[[WarningEvent], bytes]:
    """What `WarningService` takes as `alert`: `cap.cap_alert` with the areas' names (code
    -> language -> name) and the issuer; `status` Exercise or Test marks drills and demos;
    an info block per CAP language of `languages` (default zh-CN and en-US), written with
    the catalogs (`wordings`, default: govops.platform.i18n's, in Beijing time)."""
    wording = wordings or catalog_wording()

    def alert(event: WarningEvent) -> bytes:
        names = area_names.get(event.area)
        if names is None:
            raise WarningInputError(
                "area", msg("no area {code} to name in the alert", code=repr(event.area))
            )
        return cap_alert(
            event,
            dict(names),
            sender,
            sender_name=dict(sender_name),
            wordings=wording,
            status=status,
            languages=languages,
        )

    return alert
