"""The demonstration storm (govops.warnings.model.weather.demo) taken through the whole platform as
live data would be: ingested (with its ingestion report kept), run minute by minute through the
streaming engine, the warning lifecycle issuing, upgrading, downgrading and cancelling each street's
warning, the events recorded with their CAP alerts through the warning service (give it one that
marks its alerts Exercise, so no demo alert can pass for a real one), and every area's minutes kept
for the charts and the daily report (`govops serve --demo`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.series import AreaMinute, MinuteRows
from govops.warnings.model.warning import WarningEvent
from govops.warnings.model.weather.demo import OBSERVATIONS_FILE, demo_observations, demo_stations
from govops.warnings.model.weather.ingest import read_observations
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules
from govops.warnings.model.weather.report import IngestReport
from govops.warnings.model.weather.stations import read_stations
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.model.weather.stream_files import minutes
from govops.warnings.service.series import SeriesService
from govops.warnings.service.warning import WarningService

SIGNAL_TABLE = "rainstorm_signal"
SOURCE = f"demo {OBSERVATIONS_FILE}"
CHUNK = 240  # minutes of rows written per transaction


class DemoNotEmptyError(Exception):
    """The demonstration storm is loaded only where no warning or statistic is stored;
    said as a message (translated where it is shown)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class DemoStorm:
    day: date
    minutes: int  # minutes taken by the engine
    rows: int  # area minutes stored
    events: list[WarningEvent]  # recorded, in order
    report: IngestReport


def issuer_code(pack: Pack) -> str | None:
    """The pack's one top area (the district whose centre issues for its streets)."""
    if pack.areas is None:
        return None
    roots = [area.code for area in pack.areas if area.parent is None]
    return roots[0] if len(roots) == 1 else None


def load_demo_storm(
    pack: Pack, warnings: WarningService, series: SeriesService, day: date
) -> DemoStorm:
    """Take the storm of `day` (a Beijing date) through ingestion, the engine, the
    lifecycle and the services. DemoNotEmptyError if anything is stored already."""
    if pack.areas is None:
        raise ValueError(f"pack {pack.id} has no areas")
    if not series.is_empty() or warnings.history():
        raise DemoNotEmptyError(msg("warning events or statistics are stored already"))
    metadata = demo_stations(pack.areas)
    observations, _ = demo_observations(metadata, day)
    ingested = read_observations(observations, read_stations(metadata))
    series.record_ingestion(SOURCE, ingested.report)
    layout = StationLayout.from_areas(pack.areas)
    parameters = pack.rules_as_of(day)
    rules = SignalRules.from_table(pack.table(SIGNAL_TABLE), parameters)
    state = StreamState(layout, rules, str(parameters["area_level_method"].value))
    lifecycle = WarningLifecycle(issuer_code=issuer_code(pack))
    to_rows = MinuteRows(layout, rules)
    events: list[WarningEvent] = []
    pending: list[AreaMinute] = []
    taken = stored = 0
    for minute, values in minutes(ingested.frame.sort("minute", "station"), layout):
        batch = state.advance_to(minute, values)
        for stats in batch:
            pending += to_rows.rows(stats, stats.windows)
            events += lifecycle.feed(stats.steps)
        taken += len(batch)
        if len(pending) >= CHUNK * len(layout.areas):
            stored += series.record(pending)
            pending = []
    stored += series.record(pending)
    recorded = warnings.record(events)
    return DemoStorm(day, taken, stored, recorded, ingested.report)
