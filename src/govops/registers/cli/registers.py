"""`govops registers`: the district's registers on the database of GOVOPS_DATABASE_URL
(default ./govops.db), migrated on first use, acting as a local user (--as, or
GOVOPS_USER) with the checks of the API: register.read to read, register.record to record,
for the units of the user's grants (one outside them is not found; recording where one may
only read exits with status 4). Text in the reader's language (--lang, default Chinese),
or with --json the API's bodies."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from govops.cli.context import AsOption
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, parse_date, to_json
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator
from govops.platform.sheets import SheetError, read_rows, write_rows
from govops.registers.cli.board_text import board_lines

if TYPE_CHECKING:
    from govops.platform.identity.actor import Actor
    from govops.registers.service.registers import RegisterService

app = typer.Typer(
    help="The district's registers: figures, reserves, shelters, duties, roster, hazards.",
    no_args_is_help=True,
)
T = TypeVar("T")
UnitArgument = Annotated[str, typer.Argument(metavar="UNIT", help="The unit's code.")]
KindArgument = Annotated[
    str,
    typer.Argument(
        metavar="KIND",
        help="figure, population, depot, movement, shelter, shelter_status, enterprise, "
        "occurrence, shift, training, hazard, rectified, verified, plan_step, milestone",
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON data instead of text.")]


@contextmanager
def _service(t: Translator, as_user: str | None) -> Iterator[tuple[RegisterService, Actor]]:
    from govops.bootstrap import build_registers  # noqa: PLC0415
    from govops.cli.context import acting_user  # noqa: PLC0415

    with acting_user(t, as_user) as (engine, actor, _):
        yield build_registers(engine), actor


def _run(t: Translator, as_user: str | None, action: Callable[[RegisterService, Actor], T]) -> T:
    """The use case as the command's user, its refusals as `govops: ...` (exit 2; 4 for
    what the user may not do)."""
    from govops.registers.ports import RegisterConflictError  # noqa: PLC0415
    from govops.registers.service.access import (  # noqa: PLC0415
        NotAllowedError,
        RegisterNotFoundError,
    )
    from govops.registers.service.registers import (  # noqa: PLC0415
        RecordInputError,
        RowsRefusedError,
    )

    with _service(t, as_user) as (service, actor):
        try:
            return action(service, actor)
        except RowsRefusedError as error:
            for refusal in error.refused:
                said = t._(
                    "line {line}, column {column}: {problem}",
                    line=str(refusal.line),
                    column=refusal.column,
                    problem=t.say(refusal.message),
                )
                print(f"govops: {said}", file=sys.stderr)
            fail(t._("nothing was recorded"))
        except (RegisterNotFoundError, RecordInputError) as error:
            fail(t.say(error.message))
        except RegisterConflictError:
            fail(t._("the registers are being changed by others; try again"))
        except NotAllowedError as error:
            fail(t.say(error.message), 4)


@app.command("record")
def record_command(
    unit: UnitArgument,
    kind: KindArgument,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A .csv or .xlsx sheet.")],
    encoding: Annotated[str, typer.Option(help="The CSV's encoding.")] = "utf-8",
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record a sheet's rows (one record of KIND a row) into UNIT's registers: all of them,
    or none with every refused row's line and column."""
    t = command_translator(lang, ZH_HANS)
    try:
        rows = read_rows(file.read_bytes(), file.name, encoding)
    except OSError as error:
        fail(t._("cannot read {path}: {error}", path=str(file), error=error.strerror or str(error)))
    except SheetError as error:
        fail(t.say(error.message))
    except (LookupError, UnicodeDecodeError):
        fail(t._("{path} is not text in {encoding}", path=str(file), encoding=encoding))
    done = _run(t, as_user, lambda s, a: s.record(a, unit, kind, [(r.line, r.cells) for r in rows]))
    print(
        t.ngettext(
            "{count} record of {kind} into {unit}",
            "{count} records of {kind} into {unit}",
            len(done.events),
            kind=kind,
            unit=unit,
        )
    )


@app.command("board")
def board_command(
    unit: UnitArgument,
    on: Annotated[str | None, typer.Option("--on", help="The day (YYYY-MM-DD); today.")] = None,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """UNIT's dashboard (a district or a street): each indicator against its target, and
    the alerts of its registers."""
    from govops.registers.api.board import board_body  # noqa: PLC0415

    t = command_translator(lang, ZH_HANS)
    day: date | None = parse_date(on, "--on", t) if on else None
    found = _run(t, as_user, lambda s, a: s.board(a, unit, day))
    if json_out:
        print(to_json(board_body(found, t), indent=2))
        return
    print("\n".join(board_lines(found, t)))


@app.command("evaluation")
def evaluation_command(
    unit: UnitArgument,
    out: Annotated[Path, typer.Argument(metavar="OUT", help="A .docx file to write.")],
    on: Annotated[str | None, typer.Option("--on", help="The day (YYYY-MM-DD); today.")] = None,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """The plan's mid-term and final evaluation (六(四)) of UNIT (a district or a street)
    from its registers, as DOCX in the chosen language: the figures reported with their
    sources and those the registers count, up to the last whole year."""
    from govops.platform.reports.evaluation import evaluation_docx  # noqa: PLC0415

    t = command_translator(lang, ZH_HANS)
    day: date | None = parse_date(on, "--on", t) if on else None
    document = _run(t, as_user, lambda s, a: evaluation_docx(s.pack, s.evaluation(a, unit, day), t))
    try:
        out.write_bytes(document)
    except OSError as error:
        fail(t._("cannot write {path}: {error}", path=str(out), error=error.strerror or str(error)))
    print(t._("{path} written", path=str(out)))


@app.command("export")
def export_command(
    unit: UnitArgument,
    kind: KindArgument,
    out: Annotated[Path, typer.Argument(metavar="OUT", help="A .csv or .xlsx file to write.")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Every record of KIND in UNIT's registers and below, as recorded (with who recorded
    it and when), into OUT."""
    from govops.registers.model.records import RecordKind, export_columns  # noqa: PLC0415

    t = command_translator(lang, ZH_HANS)
    try:
        record_kind = RecordKind(kind)
    except ValueError:
        fail(
            t._(
                "{value} is not one of {choices}",
                value=kind,
                choices=", ".join(k.value for k in RecordKind),
            )
        )
    if out.suffix.lower() not in (".csv", ".xlsx"):
        fail(t._("{name}: must be .csv or .xlsx", name=out.name))
    rows = _run(t, as_user, lambda s, a: s.rows(a, unit, record_kind))
    columns = export_columns(record_kind)
    try:
        out.write_bytes(write_rows(rows, columns, out.name))
    except SheetError as error:
        fail(t.say(error.message))
    except OSError as error:
        fail(t._("cannot write {path}: {error}", path=str(out), error=error.strerror or str(error)))
    print(
        t.ngettext(
            "{count} record written to {path}",
            "{count} records written to {path}",
            len(rows),
            path=str(out),
        )
    )
