"""The demo storm loaded into a SQLite file through the composition root, at a fixed time:
the morning after the storm's day, so the storm is the latest day stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI
from sqlalchemy import Engine

from govops.bootstrap import build_app, build_incidents, load_warning_demo
from govops.config import Settings
from govops.warnings.demo import DemoStorm
from govops.warnings.model.weather.demo import DEMO_DAY
from tests.fakes import Clock

BEIJING = ZoneInfo("Asia/Shanghai")
MORNING_AFTER = datetime(2026, 7, 21, 9, 0, tzinfo=BEIJING)
STORM_DAY = DEMO_DAY


def demo_database(folder: Path) -> tuple[Settings, Engine, Clock, DemoStorm]:
    settings = Settings(f"sqlite:///{folder / 'govops.db'}")
    clock = Clock(MORNING_AFTER)
    incidents = build_incidents(settings, clock)
    storm = load_warning_demo(incidents.engine, clock)
    return settings, incidents.engine, clock, storm


def demo_app(folder: Path) -> tuple[FastAPI, Clock, DemoStorm]:
    """The application over the demo, its administrator having vetted this machine's test
    webhooks (http to 127.0.0.1)."""
    settings, _, clock, storm = demo_database(folder)
    settings = replace(settings, webhook_allow_http=True, webhook_allow=("127.0.0.1/32",))
    incidents = build_incidents(settings, clock)
    return build_app(settings, clock, incidents), clock, storm
