"""Area steps built by hand: a street's level and its deciding station at given minutes."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from govops.lawcode.sources.citations import Citation
from govops.warnings.model.warning import AreaStep, StationReading

BEIJING = ZoneInfo("Asia/Shanghai")
START = datetime(2024, 7, 21, 14, 0, tzinfo=BEIJING)
STREET = "110102003"  # 新街口街道
NAMES = {"zh-Hans": "新街口街道", "en": "Xinjiekou"}
SENDER = "warning.xicheng.example.cn"
SENDER_NAME = {"zh-Hans": "西城区预警中心", "en": "Xicheng District Warning Centre"}

CLAUSES = {"red": "red-3h", "orange": "orange-3h", "yellow": "yellow-6h", "blue": "blue-12h"}
SIGNALS = {"red": "暴雨红色预警信号", "orange": "暴雨橙色预警信号"}
SIGNALS |= {"yellow": "暴雨黄色预警信号", "blue": "暴雨蓝色预警信号"}


def rain(r3: str, r6: str = "0", r12: str = "0") -> dict[str, Decimal]:
    return {"rain_3h": Decimal(r3), "rain_6h": Decimal(r6), "rain_12h": Decimal(r12)}


def step(
    minute: int,
    level: str | None,
    area: str = STREET,
    reading: dict[str, Decimal] | None = None,
    method: str = "max",
) -> AreaStep:
    """`area` at START + `minute`; at a level, its deciding station XC0201 with `reading`."""
    values = reading or rain("0")
    deciding = () if level is None else (StationReading("XC0201", values),)
    return AreaStep(
        area=area,
        at=START + timedelta(minutes=minute),
        level=level,
        clause_id=None if level is None else CLAUSES[level],
        cite=None
        if level is None
        else Citation("cma-warning-signals-2007", f"附件 {SIGNALS[level]}"),
        method=method,
        reporting=3,
        stations=4,
        mean={k: v / 2 for k, v in values.items()},
        maximum=dict(values),
        deciding=deciding,
    )
