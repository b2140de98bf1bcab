"""The composition root's early-warning part: the warning and series services of
cn-xicheng-em-14fyp's areas, and the demonstration storm."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from govops.packs import load_builtin_pack

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.config import Settings
    from govops.warnings.demo import DemoStorm
    from govops.warnings.service.series import SeriesService
    from govops.warnings.service.warning import WarningService

WARNING_PACK = "cn-xicheng-em-14fyp"
# The issuer of the CAP alerts (CAP `sender`, `senderName`): the district warning centre.
ALERT_SENDER = "warning-centre.xicheng.example"
ALERT_SENDER_NAME = {"zh-Hans": "西城区预警信息发布中心", "en": "Xicheng District Warning Centre"}


def utc_now() -> datetime:
    """The clock of the services built without one."""
    return datetime.now(ZoneInfo("UTC"))


def build_warnings(
    engine: Engine,
    clock: Callable[[], datetime] = utc_now,
    status: str = "Actual",
    settings: Settings | None = None,
) -> WarningService:
    """Warnings of cn-xicheng-em-14fyp's areas on a migrated database; their CAP alerts
    issued by the district warning centre (`status` Exercise or Test for drills, demos);
    webhook URLs vetted under the settings' allow list (none: https to public hosts only)."""
    from govops.warnings.model.webhooks import WebhookAllow  # noqa: PLC0415
    from govops.warnings.service.outbound import WebhookGuard  # noqa: PLC0415
    from govops.warnings.service.warning import WarningService, cap_writer  # noqa: PLC0415
    from govops.warnings.storage.warning import warning_unit_of_work_factory  # noqa: PLC0415

    areas = load_builtin_pack(WARNING_PACK).areas
    assert areas is not None, f"{WARNING_PACK} ships its areas"
    names = {area.code: area.name for area in areas}
    alert = cap_writer(names, ALERT_SENDER, ALERT_SENDER_NAME, status)
    allow = None  # without settings: https to public hosts only
    if settings is not None:
        allow = WebhookAllow.of(settings.webhook_allow, settings.webhook_allow_http)
    guard = WebhookGuard(allow)
    return WarningService(warning_unit_of_work_factory(engine), clock, alert, names, guard=guard)


def _area_names() -> dict[str, dict[str, str]]:
    areas = load_builtin_pack(WARNING_PACK).areas
    assert areas is not None, f"{WARNING_PACK} ships its areas"
    return {area.code: dict(area.name) for area in areas}


def build_series(engine: Engine, clock: Callable[[], datetime] = utc_now) -> SeriesService:
    """The per-area, per-minute statistics of cn-xicheng-em-14fyp's areas."""
    from govops.warnings.service.series import SeriesService  # noqa: PLC0415
    from govops.warnings.storage.series import series_unit_of_work_factory  # noqa: PLC0415

    return SeriesService(series_unit_of_work_factory(engine), clock, _area_names())


def load_warning_demo(
    engine: Engine, clock: Callable[[], datetime] = utc_now, day: date | None = None
) -> DemoStorm:
    """The demonstration storm of `day` (default: the Beijing day before the clock's)
    through the warning platform, its alerts marked Exercise (CAP status), on a migrated
    database holding no warning yet (earlywarning.demo.DemoNotEmptyError otherwise)."""
    from govops.warnings.demo import load_demo_storm  # noqa: PLC0415

    pack = load_builtin_pack(WARNING_PACK)
    if day is None:
        day = clock().astimezone(ZoneInfo(pack.timezone)).date() - timedelta(days=1)
    warnings = build_warnings(engine, clock, status="Exercise")
    return load_demo_storm(pack, warnings, build_series(engine, clock), day)
