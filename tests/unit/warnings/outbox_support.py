"""Warning events for the outbox, service and API tests: area steps built by hand, turned
into events by the real lifecycle, with the real CAP alerts of the district's areas; and a
DNS of the test's own for the webhook URL policy (no test asks the real one)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from govops.lawcode.sources.citations import Citation
from govops.packs import load_builtin_pack
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import AreaStep, StationReading, WarningEvent
from govops.warnings.model.webhooks import WebhookAllow
from govops.warnings.service.outbound import WebhookGuard
from govops.warnings.service.warning import cap_writer

BEIJING = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 7, 20, 14, 0, tzinfo=BEIJING)
STREET = "110102001"  # 西长安街街道
OTHER_STREET = "110102003"  # 新街口街道
SENDER = "warning-centre.xicheng.example"
SENDER_NAME = {"zh-Hans": "西城区预警信息发布中心", "en": "Xicheng District Warning Centre"}
DISTRICT = "110102"  # the unit running the district's pack: where its office subscribes
BY = "office@110102"  # how events name the district office's user (Actor.signature)
PUBLIC = "93.184.216.34"  # what every name resolves to, unless a test says otherwise
_CLAUSES = {"red": "red-3h", "orange": "orange-3h", "yellow": "yellow-6h", "blue": "blue-12h"}
_RAIN_3H = {None: "12.5", "blue": "20", "yellow": "45.2", "orange": "61.07", "red": "104.3"}


def area_names() -> dict[str, dict[str, str]]:
    areas = load_builtin_pack("cn-xicheng-em-14fyp").areas
    assert areas is not None
    return {area.code: dict(area.name) for area in areas}


def real_alert() -> Callable[[WarningEvent], bytes]:
    """The CAP 1.2 alert writer the composition root uses."""
    return cap_writer(area_names(), SENDER, SENDER_NAME, status="Test")


def step(area: str, at: datetime, level: str | None) -> AreaStep:
    rain = {"rain_3h": Decimal(_RAIN_3H[level]), "rain_12h": Decimal(_RAIN_3H[level]) + 1}
    cite = None if level is None else Citation("cma-warning-signals-2007", "附件 暴雨预警信号")
    return AreaStep(
        area=area,
        at=at,
        level=level,
        clause_id=_CLAUSES.get(level or ""),
        cite=cite,
        method="max",
        reporting=3,
        stations=4,
        mean={"rain_3h": Decimal("10.01"), "rain_12h": Decimal("11.99")},
        maximum=rain,
        deciding=(StationReading(f"XC{area[-2:]}01", rain),) if level else (),
    )


def storm(
    levels: Sequence[str | None],
    area: str = STREET,
    start: datetime = START,
    lifecycle: WarningLifecycle | None = None,
) -> list[WarningEvent]:
    """The events of an area whose level is `levels[i]` at minute i after `start`."""
    cycle = lifecycle or WarningLifecycle()
    steps = [step(area, start + timedelta(minutes=i), level) for i, level in enumerate(levels)]
    return cycle.feed(steps)


class Dns:
    """A resolver answering `answers[host]` (no address: the name does not resolve), else
    PUBLIC; a test may change its answers between two questions (DNS rebinding).
    Remembers what it was asked."""

    def __init__(self, answers: dict[str, list[str]] | None = None) -> None:
        self.answers = dict(answers or {})
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        found = self.answers.get(host, [PUBLIC])
        if not found:
            raise OSError(f"[Errno -2] Name or service not known: {host}")
        return found


def guard(dns: Dns | None = None, allow: WebhookAllow | None = None) -> WebhookGuard:
    """The URL policy over the test's DNS (default: every name public)."""
    return WebhookGuard(allow, dns or Dns())
