"""`govops warnings watch DIR`: take each new observation file dropped in DIR, minute by
minute, and print JSON Lines: what became of each file, each area whose level changed
(every area with --verbose), each warning event (issue, upgrade, downgrade, cancel), and a
summary at the end. Events are recorded with their CAP alerts in the configured database
(GOVOPS_DATABASE_URL, or ./govops.db), published and queued for the subscribed webhooks;
--no-record only prints them. With --state the engine's state, the files taken and the
warnings in force are saved after each round, so a restart resumes where it stopped."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from govops.cli.context import encoding_option, load, rules_for, said
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.translator import Translator, translator
from govops.warnings.cli.ingest import DEFAULT_LANGUAGE, TIMEZONE, load_stations
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.series import AreaMinute, MinuteRows
from govops.warnings.model.state import LifecycleError
from govops.warnings.model.warning import WarningEvent
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules, UnsupportedTableError
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.model.weather.stream_files import Arrival, gather, minutes, new_files
from govops.warnings.model.weather.stream_snapshot import SnapshotError, load_state, save_state
from govops.warnings.model.weather.stream_steps import MinuteStats

DEFAULT_PACK = "cn-xicheng-em-14fyp"
T = TypeVar("T")
R = TypeVar("R")
RecordEvents = Callable[[Sequence[WarningEvent]], list[WarningEvent]]
RecordRows = Callable[[Sequence[AreaMinute]], int]
SIGNAL_TABLE = "rainstorm_signal"


class Watch:
    """One watcher: its folder, engine state, warning lifecycle and what it has said."""

    def __init__(self, folder: Path, state: StreamState, notes: dict[str, Any], pack: Pack) -> None:
        self.folder, self.state, self.pack = folder, state, pack
        self.taken: list[str] = list(notes.get("files", []))
        saved = notes.get("lifecycle")
        self.lifecycle = (
            WarningLifecycle.from_dict(saved)
            if saved
            else WarningLifecycle(issuer_code=_issuer(pack))
        )
        self.t: Translator = translator(DEFAULT_LANGUAGE, TIMEZONE)
        self.verbose, self.encoding = False, "utf-8"
        self.record: RecordEvents | None = None
        self.record_series: RecordRows | None = None  # every area's minutes, with the events
        self.to_rows = MinuteRows(state.layout, state.rules)
        self.state_path: Path | None = None
        names = ("taken", "late", "refused", "minutes", "events", "recorded")
        self.counts = dict.fromkeys(names, 0)

    def round(self) -> None:
        """Take the files found now; record their events; save the state."""
        paths = new_files(self.folder, set(self.taken))
        if not paths:
            return
        arrivals, frame = gather(paths, self.state.layout.stations, self.state.last, self.encoding)
        for arrival in arrivals:
            self._report(arrival)
        events: list[WarningEvent] = []
        rows: list[AreaMinute] = []
        for minute, values in minutes(frame, self.state.layout):
            taken = self.state.advance_to(minute, values, every_area=self.verbose)
            for stats in taken:
                events += self._minute(stats)
                if self.record_series is not None:
                    rows += self.to_rows.rows(stats, stats.windows)
        if events and self.record is not None:
            self.counts["recorded"] += len(self.record(events))
        if rows and self.record_series is not None:
            self.record_series(rows)
        self.taken += [path.name for path in paths]
        if self.state_path is not None:
            notes = {"files": self.taken, "lifecycle": self.lifecycle.to_dict()}
            save_state(self.state, self.state_path, notes)

    def _minute(self, stats: MinuteStats) -> list[WarningEvent]:
        self.counts["minutes"] += 1
        for step in stats.steps:
            _line(
                type="level",
                at=step.at.isoformat(),
                area=step.area,
                name=self._name(step.area),
                level=step.level,
                clause=step.clause_id,
                reporting=step.reporting,
                stations=step.stations,
                maximum_mm=step.maximum,
                mean_mm=step.mean,
            )
        events = self.lifecycle.feed(stats.steps)
        for event in events:
            _line(
                type="event",
                kind=event.kind.value,
                at=event.at.isoformat(),
                area=event.area,
                name=self._name(event.area),
                level=event.level,
                previous=event.previous,
                warning_id=event.warning_id,
                seq=event.seq,
                identifier=event.identifier,
                clause=event.step.clause_id,
                cite=None if event.step.cite is None else str(event.step.cite),
                deciding=[reading.station for reading in event.step.deciding],
            )
        self.counts["events"] += len(events)
        return events

    def _report(self, arrival: Arrival) -> None:
        self.counts[arrival.status] += 1
        message = None
        if arrival.reason is not None:
            message = self.t.say(arrival.reason.message)
        elif arrival.status == "late":
            message = self.t._(
                "every minute is at or before the last minute taken, {last}: skipped",
                last=self.t.when(self.state.last_minute),
            )
        if message is not None:
            said_here = self.t._(
                "{path}: {message}", path=str(self.folder / arrival.name), message=message
            )
            print(f"govops: {said_here}", file=sys.stderr)
        _line(
            type="file",
            file=arrival.name,
            status=arrival.status,
            rows_read=arrival.rows_read,
            rows_kept=arrival.rows_kept,
            excluded=arrival.excluded,
            late=arrival.late,
            repeated=arrival.repeated,
            first=None if arrival.first is None else arrival.first.isoformat(),
            last=None if arrival.last is None else arrival.last.isoformat(),
            message=message,
        )

    def _name(self, code: str) -> str:
        assert self.pack.areas is not None
        return self.t.text(self.pack.areas.get(code).name).text or code

    def summary(self) -> None:
        last = self.state.last_minute
        files = {k: self.counts[k] for k in ("taken", "late", "refused")}
        _line(
            type="summary",
            files=files,
            minutes=self.counts["minutes"],
            events=self.counts["events"],
            recorded=self.counts["recorded"] if self.record is not None else None,
            last_minute=None if last is None else last.isoformat(),
            state=None if self.state_path is None else str(self.state_path),
        )


def _line(**fields: object) -> None:
    print(to_json(fields), flush=True)


def _issuer(pack: Pack) -> str | None:
    """The pack's one top area (the district whose centre issues for its streets)."""
    assert pack.areas is not None
    roots = [area.code for area in pack.areas if area.parent is None]
    return roots[0] if len(roots) == 1 else None


FolderArgument = Annotated[
    Path, typer.Argument(metavar="DIR", help="The folder observation files are dropped in.")
]
StationsOption = Annotated[
    Path | None,
    typer.Option(
        "--stations",
        metavar="STATIONS",
        help="Station metadata (.csv or .parquet): its stations are accepted besides the "
        "pack's (those in no area of the pack count for no area).",
    ),
]
PackOption = Annotated[str, typer.Option("--pack", help="The pack with the areas and rules.")]
StateOption = Annotated[
    Path | None,
    typer.Option("--state", metavar="STATE.npz", help="Save and resume the state here."),
]
OnceOption = Annotated[bool, typer.Option("--once", help="Take what is there and stop.")]
PollOption = Annotated[float, typer.Option("--poll", help="Seconds between two looks.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", help="A line for every area every minute.")
]
RecordOption = Annotated[
    bool,
    typer.Option("--record/--no-record", help="Record the events in the database (default)."),
]


def watch_command(  # noqa: PLR0913, PLR0917 (one parameter per command-line option)
    folder: FolderArgument,
    stations: StationsOption = None,
    pack: PackOption = DEFAULT_PACK,
    state: StateOption = None,
    once: OnceOption = False,
    poll: PollOption = 10.0,
    lang: LanguageOption = None,
    verbose: VerboseOption = False,
    record: RecordOption = True,
    encoding: encoding_option = "utf-8",
) -> None:
    """Watch DIR for observation files; print levels and warning events as JSON Lines."""
    t = command_translator(lang, DEFAULT_LANGUAGE, TIMEZONE)
    if not poll > 0:
        fail(t._("--poll must be a number of seconds above 0, got {poll}", poll=str(poll)))
    if not folder.is_dir():
        fail(t._("{path}: no such folder", path=str(folder)))
    watch = _watch(folder, load(pack, t), stations, state, encoding, t)
    watch.t, watch.verbose, watch.encoding, watch.state_path = t, verbose, encoding, state
    with ExitStack() as resources:
        if record:
            watch.record, watch.record_series = _recorder(resources, t)
        try:
            while True:
                watch.round()
                if once:
                    break
                time.sleep(poll)
        except KeyboardInterrupt:
            pass  # Ctrl+C: the last round saved is where a restart resumes
    watch.summary()


def _watch(
    folder: Path,
    pack: Pack,
    stations: Path | None,
    state: Path | None,
    encoding: str,
    t: Translator,
) -> Watch:
    if pack.areas is None:
        fail(t._("pack {pack} has no areas to watch", pack=pack.id))
    extra: tuple[str, ...] = ()
    if stations is not None:
        extra = tuple(load_stations(stations, encoding, t))
    layout = StationLayout.from_areas(pack.areas, extra=extra)
    parameters = rules_for(pack, None, t)
    try:
        rules = SignalRules.from_table(pack.table(SIGNAL_TABLE), parameters)
        method = str(parameters["area_level_method"].value)
    except (KeyError, UnsupportedTableError) as error:
        fail(t._("pack {pack}: {error}", pack=pack.id, error=said(t, error)))
    if state is None or not state.exists():
        return Watch(folder, StreamState(layout, rules, method), {}, pack)
    try:
        engine, notes = load_state(state, layout, rules, method)
        return Watch(folder, engine, notes, pack)
    except (SnapshotError, LifecycleError) as error:
        fail(t.say(error.message))


def _recorder(resources: ExitStack, t: Translator) -> tuple[RecordEvents, RecordRows]:
    """Events recorded through the warning service, and every area's minutes through the
    series service, on the configured database. A failure stops the watch before the state
    is saved: a restart takes those minutes again (the minutes stored are skipped)."""
    from govops.bootstrap import build_series, build_warnings  # noqa: PLC0415
    from govops.platform.cli.inputs import database  # noqa: PLC0415

    engine = resources.enter_context(database())
    events = _stop_on_failure(build_warnings(engine).record, t, N_("the warning events"))
    return events, _stop_on_failure(build_series(engine).record, t, N_("the areas' statistics"))


def _stop_on_failure(
    write: Callable[[Sequence[T]], R], t: Translator, what: str
) -> Callable[[Sequence[T]], R]:
    def record(items: Sequence[T]) -> R:
        try:
            return write(items)
        except Exception as error:  # the database gone, a conflict: stop, say why
            fail(t._("cannot record {what}: {error}", what=t._(what), error=said(t, error)))

    return record
