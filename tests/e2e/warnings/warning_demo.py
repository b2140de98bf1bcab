"""The demo storm loaded into a SQLite file through the composition root, at a fixed time:
the morning after the storm's day, so the storm is the latest day stored; and the users
the warning tests sign in as, known by their bearer tokens (tests.identity)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI
from sqlalchemy import Engine

from govops.bootstrap import build_app, build_incidents, load_warning_demo
from govops.config import Settings
from govops.platform.identity.actor import Actor
from govops.warnings.demo import DemoStorm
from govops.warnings.model.weather.demo import DEMO_DAY
from tests.fakes import Clock
from tests.identity import EVERYTHING, TokenAuthenticator, actor, everything

BEIJING = ZoneInfo("Asia/Shanghai")
MORNING_AFTER = datetime(2026, 7, 21, 9, 0, tzinfo=BEIJING)
STORM_DAY = DEMO_DAY
DISTRICT, STREET, OTHER_STREET = "110102", "110102001", "110102003"
# The users of the access tests, each by role at a unit of the demonstration tree.
USERS: tuple[Actor, ...] = (
    actor("street", ("street_staff", STREET)),  # 西长安街街道's office
    actor("duty", ("duty_officer", "demo-county")),  # reads warnings, operates nothing
    actor("head", ("office_head", DISTRICT)),  # subscribes for the district
    actor("streethead", ("office_head", STREET)),  # subscribes for one street
    actor("operator", ("administrator", DISTRICT)),  # operates the district's deliveries
    actor("streetoperator", ("administrator", STREET)),  # one street's only
)


def signed(app: FastAPI) -> FastAPI:
    """The application knowing the tester (every role at every root) and USERS by their
    bearer tokens (tests.identity.bearer)."""
    known = {EVERYTHING: everything()} | {user.username: user for user in USERS}
    app.state.authenticator = TokenAuthenticator(known)
    return app


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
    return signed(build_app(settings, clock, incidents)), clock, storm
