"""The composition root: the one place that wires packs, calendars, the clock, storage,
the modules' services and the web application (the early-warning services in
`early_warning`, re-exported here)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

# The early-warning part of the root, re-exported (explicitly: `name as name`).
from govops.bootstrap.communities import COMMUNITY_PACK as COMMUNITY_PACK
from govops.bootstrap.communities import build_communities as build_communities
from govops.bootstrap.communities import communities_into_tree
from govops.bootstrap.early_warning import ALERT_SENDER as ALERT_SENDER
from govops.bootstrap.early_warning import ALERT_SENDER_NAME as ALERT_SENDER_NAME
from govops.bootstrap.early_warning import WARNING_PACK as WARNING_PACK
from govops.bootstrap.early_warning import build_series as build_series
from govops.bootstrap.early_warning import build_warnings as build_warnings
from govops.bootstrap.early_warning import load_warning_demo as load_warning_demo
from govops.bootstrap.early_warning import utc_now as _now
from govops.bootstrap.registers import build_registers as build_registers
from govops.calendars import calendar_for
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.rules.adapters import Adapter
from govops.lawcode.sources.pack import Pack
from govops.packs import builtin_pack_ids, load_builtin_pack, open_pack

# The web and database libraries, and the modules' services, are imported only by the
# functions that use them: the other commands start without them.
if TYPE_CHECKING:
    from fastapi import FastAPI
    from sqlalchemy import Engine

    from govops.accounts.demo import DemoUser
    from govops.accounts.service.accounts import AccountsService
    from govops.accounts.service.sessions import SessionService
    from govops.accounts.service.units import UnitService
    from govops.cadres.service.registry import RegistryService
    from govops.cadres.service.selection import SelectionService
    from govops.config import Settings
    from govops.incidents.model.rules import IncidentRules
    from govops.incidents.ports import UnitOfWork
    from govops.incidents.service.incident import IncidentService
    from govops.platform.identity.units import Unit
    from govops.platform.web.shell import ModuleEntry

INCIDENT_PACK = "cn-county-mass-incident"
CADRE_PACK = "cn-cadre-selection"


def builtin_adapters() -> dict[str, Adapter]:
    """The record adapters packs may name, by name."""
    from govops.cadres.model.adapter import cadre_record  # noqa: PLC0415

    return {"cadre-record": cadre_record}


@dataclass(frozen=True)
class Services:
    open_pack: Callable[[str], Pack] = open_pack
    calendar: Callable[[str], WorkingDayCalendar] = calendar_for
    clock: Callable[[], datetime] = field(default=_now)
    adapters: Callable[[], dict[str, Adapter]] = builtin_adapters

    def today(self, timezone: str) -> date:
        """Today in the pack's own timezone: a rule's date is the date where it applies."""
        return self.clock().astimezone(ZoneInfo(timezone)).date()


def build_services() -> Services:
    return Services()


@dataclass(frozen=True)
class Incidents:
    """The incident use cases on a migrated database, and what they are built from."""

    engine: Engine
    pack: Pack
    rules: IncidentRules
    unit_of_work: Callable[[], UnitOfWork]
    service: IncidentService
    clock: Callable[[], datetime]


def build_incidents(settings: Settings, clock: Callable[[], datetime] = _now) -> Incidents:
    """Engine, migrations (to the newest schema), units of work, the pack's rules on its
    jurisdiction's working-day calendar, and the service."""
    from govops.incidents.model.rules import IncidentRules  # noqa: PLC0415
    from govops.incidents.service.incident import IncidentService  # noqa: PLC0415
    from govops.incidents.storage.incident import unit_of_work_factory  # noqa: PLC0415
    from govops.platform.storage.database import make_engine, migrate  # noqa: PLC0415

    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    pack = load_builtin_pack(INCIDENT_PACK)
    rules = IncidentRules(pack, calendar_for(pack.jurisdiction))
    unit_of_work = unit_of_work_factory(engine)
    service = IncidentService(unit_of_work, rules, clock)
    return Incidents(engine, pack, rules, unit_of_work, service, clock)


@dataclass(frozen=True)
class Accounts:
    """Users, grants and units; sign-in, sessions and API tokens."""

    accounts: AccountsService
    sessions: SessionService
    units: UnitService


def build_accounts(engine: Engine, clock: Callable[[], datetime] = _now) -> Accounts:
    """The accounts on a migrated database, with the role catalogue of GOVOPS_ROLES (a
    roles.yaml file) or the built-in one."""
    from govops.accounts.model.roles import builtin_catalogue_text, parse_catalogue  # noqa: PLC0415
    from govops.accounts.service.accounts import AccountsService  # noqa: PLC0415
    from govops.accounts.service.sessions import SessionService  # noqa: PLC0415
    from govops.accounts.service.units import UnitService  # noqa: PLC0415
    from govops.accounts.storage.accounts import accounts_unit_of_work_factory  # noqa: PLC0415

    roles_file = os.environ.get("GOVOPS_ROLES", "").strip()
    text = Path(roles_file).read_text(encoding="utf-8") if roles_file else builtin_catalogue_text()
    unit_of_work = accounts_unit_of_work_factory(engine)
    accounts = AccountsService(unit_of_work, clock, parse_catalogue(text))
    return Accounts(
        accounts, SessionService(accounts, unit_of_work, clock), UnitService(unit_of_work, clock)
    )


def load_accounts_demo(accounts: Accounts) -> list[DemoUser]:
    """The demonstration organisations and one user per role (with their one-time
    passwords), into a system without users; [] otherwise."""
    from govops.accounts.demo import load_demo_accounts  # noqa: PLC0415

    incident_pack = load_builtin_pack(INCIDENT_PACK)
    departments = [(o.value, dict(o.labels)) for o in incident_pack.table("route").outcomes]
    return load_demo_accounts(accounts.accounts, accounts.units, pack_units(), departments)


def pack_units() -> list[Unit]:
    """The units the built-in packs list as their areas (a district and its streets), each
    area running its pack."""
    from govops.platform.identity.units import Unit  # noqa: PLC0415

    found = []
    for pack_id in builtin_pack_ids():
        areas = load_builtin_pack(pack_id).areas
        for area in areas or ():
            packs = (pack_id,) if area.parent is None else ()
            found.append(Unit(area.code, dict(area.name), area.level, area.parent, packs))
    return found


def build_app(
    settings: Settings,
    clock: Callable[[], datetime] = _now,
    incidents: Incidents | None = None,
) -> FastAPI:
    """The application: the API at /api/v1 and the web pages at /, over the database of
    `settings` (or over `incidents` already built); the engine is disposed at shutdown.
    The built-in packs' programmes are served at /programmes."""
    from govops.accounts.api.accounts import accounts_router  # noqa: PLC0415
    from govops.accounts.web import build_accounts_router  # noqa: PLC0415
    from govops.bootstrap.operations import build_operations  # noqa: PLC0415
    from govops.cadres.web import build_cadre_web_router  # noqa: PLC0415
    from govops.communities.web import build_community_web_router  # noqa: PLC0415
    from govops.incidents.web import build_web_router  # noqa: PLC0415
    from govops.platform.web.shell import set_module_entries  # noqa: PLC0415
    from govops.programmes.web import build_programme_router  # noqa: PLC0415
    from govops.registers.web import build_register_web_router  # noqa: PLC0415
    from govops.server import API_PREFIX, create_app, watch  # noqa: PLC0415
    from govops.warnings.api.series import warning_series_router  # noqa: PLC0415
    from govops.warnings.api.warning import warnings_router  # noqa: PLC0415
    from govops.warnings.service.outbound import http_sender  # noqa: PLC0415
    from govops.warnings.web import build_warning_web_router  # noqa: PLC0415

    built = incidents or build_incidents(settings, clock)
    language = settings.language
    accounts = build_accounts(built.engine, built.clock)
    web = build_web_router(built.service, built.pack, built.clock, language)
    app = create_app(
        built.service,
        built.pack,
        web,
        clock=built.clock,
        on_shutdown=[built.engine.dispose],
        language=language,
        authenticator=accounts.sessions,
    )
    app.state.accounts = accounts
    app.state.reading_log = accounts.accounts
    app.state.operation_log = accounts.accounts
    app.include_router(build_accounts_router(accounts.sessions, language or built.pack.language))
    app.include_router(accounts_router(), prefix=API_PREFIX)
    app.include_router(build_programme_router(programme_packs(), language))
    app.state.cadres = build_cadre_registry(built.engine, built.clock)
    app.state.selections = build_selections(built.engine, built.clock)
    app.include_router(
        build_cadre_web_router(
            app.state.cadres, app.state.selections, load_builtin_pack(CADRE_PACK), language
        )
    )
    app.state.communities = build_communities(built.engine, built.clock)
    communities_into_tree(app.state.communities, language or built.pack.language)
    app.include_router(build_community_web_router(app.state.communities, language))
    app.state.registers = build_registers(built.engine, built.clock)
    app.include_router(build_register_web_router(app.state.registers, language))
    app.state.warnings = build_warnings(built.engine, built.clock, settings=settings)
    app.state.warning_series = build_series(built.engine, built.clock)
    app.state.warning_sender = http_sender()
    app.include_router(warnings_router(), prefix=API_PREFIX)
    app.include_router(warning_series_router(), prefix=API_PREFIX)
    app.include_router(
        build_warning_web_router(
            app.state.warnings,
            app.state.warning_series,
            load_builtin_pack(WARNING_PACK),
            language,
        )
    )
    set_module_entries(app, _module_entries(app, built))
    watch(app, build_operations(built.engine, built.clock))
    return app


def _module_entries(app: FastAPI, built: Incidents) -> list[ModuleEntry]:
    """The shell's modules, each with what needs attention in it on the home page."""
    from govops.cadres.web import ENTRY as CADRE_ENTRY  # noqa: PLC0415
    from govops.cadres.web.attention import open_steps  # noqa: PLC0415
    from govops.communities.web import ENTRY as COMMUNITY_ENTRY  # noqa: PLC0415
    from govops.communities.web.attention import due_alerts  # noqa: PLC0415
    from govops.incidents.web import ENTRY as INCIDENT_ENTRY  # noqa: PLC0415
    from govops.incidents.web.attention import overdue_reports  # noqa: PLC0415
    from govops.programmes.web import ENTRY as PROGRAMME_ENTRY  # noqa: PLC0415
    from govops.registers.web import ENTRY as REGISTER_ENTRY  # noqa: PLC0415
    from govops.warnings.web import ENTRY as WARNING_ENTRY  # noqa: PLC0415
    from govops.warnings.web.attention import active_warnings  # noqa: PLC0415

    incidents = overdue_reports(built.service, built.pack, built.clock)
    cadres = open_steps(app.state.selections, load_builtin_pack(CADRE_PACK))
    return [
        replace(INCIDENT_ENTRY, attention=incidents),
        replace(WARNING_ENTRY, attention=active_warnings(app.state.warnings)),
        PROGRAMME_ENTRY,
        replace(CADRE_ENTRY, attention=cadres),
        replace(COMMUNITY_ENTRY, attention=due_alerts(app.state.communities)),
        REGISTER_ENTRY,
    ]


def programme_packs() -> dict[str, Pack]:
    """The built-in packs that carry a programme (a plan with a budget), by id."""
    packs = (load_builtin_pack(pack_id) for pack_id in builtin_pack_ids())
    return {pack.id: pack for pack in packs if pack.programme is not None}


def build_cadre_registry(engine: Engine, clock: Callable[[], datetime] = _now) -> RegistryService:
    """The cadre registry on a migrated database, deciding eligibility by cn-cadre-selection."""
    from govops.cadres.service.registry import RegistryService  # noqa: PLC0415
    from govops.cadres.storage.registry import cadre_unit_of_work_factory  # noqa: PLC0415

    return RegistryService(cadre_unit_of_work_factory(engine), clock, load_builtin_pack(CADRE_PACK))


def build_selections(engine: Engine, clock: Callable[[], datetime] = _now) -> SelectionService:
    """Selection cases on a migrated database, under cn-cadre-selection and its calendar,
    their candidates screened in the cadre registry of the same database."""
    from govops.cadres.service.selection import SelectionService  # noqa: PLC0415
    from govops.cadres.storage.selection import selection_unit_of_work_factory  # noqa: PLC0415

    pack = load_builtin_pack(CADRE_PACK)
    calendar = calendar_for(pack.jurisdiction)
    registry = build_cadre_registry(engine, clock)
    return SelectionService(selection_unit_of_work_factory(engine), clock, pack, calendar, registry)
