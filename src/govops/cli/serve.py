"""`govops serve`: the incident web pages and API on this machine (uvicorn)."""

from __future__ import annotations

import signal
import socket
from dataclasses import replace
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from govops.bootstrap import (
    Incidents,
    build_accounts,
    build_app,
    build_communities,
    build_incidents,
    load_accounts_demo,
    load_warning_demo,
)
from govops.incidents.demo import incident_count, load_demo
from govops.incidents.service.outbox import INTERVAL_SECONDS, LOG, Delivery, log_notification
from govops.lawcode.texts.messages import N_
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator
from govops.platform.operations.logs import log_to_stderr
from govops.platform.rounds import RoundWorker

if TYPE_CHECKING:
    from fastapi import FastAPI

WEBHOOK_INTERVAL = 10.0  # seconds between two rounds of webhook deliveries
# The demo incidents' stage and status, as the list printed after loading them names them.
_STAGES = {"warning": N_("warning stage"), "incident": N_("incident stage")}
_STATUSES = {"open": N_("open"), "closed": N_("closed")}


def serve_command(
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Load demonstration incidents and a demonstration storm (warnings marked "
            "Exercise) into an empty database.",
        ),
    ] = False,
    host: Annotated[
        str | None,
        typer.Option("--host", help="Address to listen on (default: GOVOPS_HOST or 127.0.0.1)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option("--port", min=1, max=65535, help="Port (default: GOVOPS_PORT or 8000)."),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    """Serve the incident pages at / and the API at /api/v1 until stopped (Ctrl+C).
    The database is GOVOPS_DATABASE_URL (default: the SQLite file ./govops.db). --lang is
    the language of what this command prints, not of the pages (each reader chooses)."""
    # Imported here, not with the module: the other commands need no web server.
    import uvicorn  # noqa: PLC0415

    from govops.config import Settings, SettingsError  # noqa: PLC0415

    t = command_translator(lang, ZH_HANS)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        fail(t.say(error.message))
    settings = replace(settings, host=host or settings.host, port=port or settings.port)
    try:
        incidents = build_incidents(settings)
    except Exception as error:  # a bad URL, a server that does not answer, a missing driver
        fail(
            t._(
                "cannot open the database {url}: {error}",
                url=_shown(settings.database_url, t),
                error=str(error),
            )
        )
    if demo:
        _load_demo(incidents, t)
        _load_storm(incidents, t)
        _load_communities(incidents, t)
        _load_registers(incidents, t)
    app = build_app(settings, incidents=incidents)
    address = _address(settings.host, settings.port)

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                print(t._("govops is serving the incident pages at {address}", address=address))
                api, openapi = f"{address}api/v1/incidents", f"{address}api/v1/openapi.json"
                print("  " + t._("API: {api} (OpenAPI: {openapi})", api=api, openapi=openapi))
                print("  " + t._("Press Ctrl+C to stop."), flush=True)

    # As JSON lines, the server's own messages join govops's and each request is one
    # govops line with its id (uvicorn's access log, which has no id, is off).
    own_logs = uvicorn.config.LOGGING_CONFIG if not settings.log_json else None
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        access_log=not settings.log_json,
        log_config=own_logs,
    )
    server = Server(config)
    # uvicorn shuts down gracefully on SIGINT or SIGTERM, then raises the signal again for
    # the handler in place before it: ours ends the command normally (exit status 0).
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, _stopped)
    log_to_stderr(settings.log_json, ("govops", "uvicorn") if settings.log_json else ("govops",))
    delivery = Delivery(incidents.unit_of_work, incidents.clock)
    outbox = RoundWorker(
        lambda: delivery.drain(log_notification),
        INTERVAL_SECONDS,
        "govops-outbox",
        LOG,
        "outbox delivery round",
        threads=2,
    )
    outbox.start()
    webhooks = _webhook_worker(app)
    webhooks.start()
    try:
        server.run()
    except _Stopped:
        pass
    except SystemExit:  # uvicorn has logged why (e.g. the port is in use)
        where = f"{settings.host}:{settings.port}"
        fail(t._("could not serve on {address}", address=where), 1)
    finally:
        webhooks.stop()
        outbox.stop()


class _Stopped(BaseException):
    """The server was asked to stop (Ctrl+C or SIGTERM) and has shut down."""


def _stopped(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


def _load_demo(incidents: Incidents, t: Translator) -> None:
    _load_users(incidents, t)
    count = incident_count(incidents.unit_of_work)
    if count:
        print(
            t.ngettext(
                "The database already holds {count} incident: demo incidents not loaded.",
                "The database already holds {count} incidents: demo incidents not loaded.",
                count,
            )
        )
        return
    loaded = load_demo(incidents.unit_of_work, incidents.rules, incidents.clock())
    print(
        t.ngettext("Loaded {count} demo incident:", "Loaded {count} demo incidents:", len(loaded))
    )
    for incident in loaded:
        grade = incident.grade or "-"
        stage = t._(_STAGES[incident.stage.value])
        status = t._(_STATUSES[incident.status.value])
        print(f"  {grade:>3} {stage} {status} {incident.place}")


def _load_users(incidents: Incidents, t: Translator) -> None:
    """The demonstration organisations and one user per role; their passwords are shown
    here once (only their hashes are kept)."""
    made = load_accounts_demo(build_accounts(incidents.engine, incidents.clock))
    if not made:
        print(t._("The database already holds users: demo users not made."))
        return
    print(t._("Demo users (sign in at /login; the passwords are shown only now):"))
    for user in made:
        units = ", ".join(user.units)
        print(f"  {user.username:<11} {user.password}  {user.role} @ {units}")


def _load_storm(incidents: Incidents, t: Translator) -> None:
    from govops.warnings.demo import DemoNotEmptyError  # noqa: PLC0415

    try:
        storm = load_warning_demo(incidents.engine, incidents.clock)
    except DemoNotEmptyError:
        print(t._("The database already holds warnings: the demo storm is not loaded."))
        return
    levels = sum(1 for e in storm.events if e.seq == 1)
    print(
        t._(
            "Loaded the demo storm of {day} (Beijing time): {minutes}, {events} in {warnings}, "
            "CAP status Exercise; see /warnings.",
            day=storm.day,
            minutes=t.ngettext("{count} minute", "{count} minutes", storm.minutes),
            events=t.ngettext("{count} warning event", "{count} warning events", len(storm.events)),
            warnings=t.ngettext("{count} rainstorm warning", "{count} rainstorm warnings", levels),
        )
    )


def _load_communities(incidents: Incidents, t: Translator) -> None:
    from govops.communities.demo import load_community_demo  # noqa: PLC0415

    loaded = load_community_demo(build_communities(incidents.engine, incidents.clock))
    if not loaded:
        print(t._("The database already holds community records: the demo street is not loaded."))
        return
    print(
        t.ngettext(
            "Loaded the demo street's communities: {count} registry event; see /communities.",
            "Loaded the demo street's communities: {count} registry events; see /communities.",
            len(loaded),
        )
    )


def _load_registers(incidents: Incidents, t: Translator) -> None:
    """Xicheng's demo registers, filed as the demo district and street users (none when
    those users are not the demo's, or the district has records already)."""
    from govops.bootstrap import build_registers  # noqa: PLC0415
    from govops.registers.demo import load_register_demo  # noqa: PLC0415

    accounts = build_accounts(incidents.engine, incidents.clock).accounts
    try:
        district, street = accounts.local_actor("district"), accounts.local_actor("street")
        loaded = load_register_demo(
            build_registers(incidents.engine, incidents.clock), district, street
        )
    except LookupError:  # no demo users (the database had users of its own)
        loaded = 0
    if not loaded:
        print(t._("The database already holds register records: the demo year is not loaded."))
        return
    print(
        t.ngettext(
            "Loaded Xicheng's demo registers: {count} record; see /registers.",
            "Loaded Xicheng's demo registers: {count} records; see /registers.",
            loaded,
        )
    )


def _webhook_worker(app: FastAPI) -> RoundWorker:
    """Delivers the warning alerts to the subscribed webhooks every WEBHOOK_INTERVAL
    seconds while the server runs (only here: the application alone never sends)."""
    from govops.warnings.service.webhooks import log  # noqa: PLC0415

    service, send = app.state.warnings, app.state.warning_sender

    def deliver_round() -> object:
        return service.deliver_due(service.now(), send)

    return RoundWorker(
        deliver_round, WEBHOOK_INTERVAL, "govops-webhooks", log, "webhook delivery round"
    )


def _address(host: str, port: int) -> str:
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _shown(url: str, t: Translator) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not even a URL: say so without repeating it
        return t._("(an unreadable GOVOPS_DATABASE_URL)")
