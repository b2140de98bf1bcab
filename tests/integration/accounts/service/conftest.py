"""The accounts on a migrated database (SQLite, and PostgreSQL when configured), at a
clock the tests move, with a small tree: a county with two townships, and a university."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine

from govops.accounts.model.roles import builtin_catalogue_text, parse_catalogue
from govops.accounts.service.accounts import AccountsService
from govops.accounts.service.sessions import SessionService
from govops.accounts.service.units import UnitService
from govops.accounts.storage.accounts import accounts_unit_of_work_factory
from govops.platform.identity.units import Unit
from tests.fakes import Clock

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
UNITS = [
    Unit("county", {"zh-Hans": "示范县", "en": "County"}, "county"),
    Unit("town-a", {"zh-Hans": "甲镇"}, "township", "county"),
    Unit("town-b", {"zh-Hans": "乙镇"}, "township", "county"),
    Unit("university", {"en": "University"}, "university"),
]
# Cheap hashing for tests: the parameters, not the algorithm, are what makes it slow.
FAST = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


class Services:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        unit_of_work = accounts_unit_of_work_factory(engine)
        catalogue = parse_catalogue(builtin_catalogue_text())
        self.clock = clock
        self.accounts = AccountsService(unit_of_work, clock, catalogue, FAST)
        self.sessions = SessionService(self.accounts, unit_of_work, clock)
        self.units = UnitService(unit_of_work, clock)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def services(engine: Engine, clock: Clock) -> Services:
    found = Services(engine, clock)
    found.units.record(None, UNITS)
    found.accounts.add_user(None, "admin", "管理员", PASSWORD)
    found.accounts.grant(None, "admin", "administrator", "county")
    return found
