"""`govops communities election|voters|elections`: a committee election step by step
(slide 42), recorded in the community's stream as the user of --as, with the guards of
`model.election_case`; a refused step exits with status 3 and says why (for a slate, each
finding with its people and article). `voters` registers step 2 from a CSV or XLSX sheet
(row errors with their lines, nothing stored); `elections` shows them, `--audit` prints
the rounds' audit records (JSON, for an observer's recount), `--voted` who signed in."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govops.cli.context import AsOption
from govops.communities.cli.composition import refused
from govops.communities.cli.registry import (
    CodeArgument,
    JsonFlag,
    data_option,
    print_json,
    read_file,
    translator_for,
    with_registry,
)
from govops.communities.model.words import STEP_NAMES
from govops.lawcode.texts.messages import Message
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import fail
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from govops.communities.model.election_case import ElectionCase
    from govops.communities.model.registry import Event
    from govops.communities.service.registry import RegistryService
    from govops.lawcode.sources.pack import Pack
    from govops.platform.identity.actor import Actor

STEPS = (
    "election_committee, voter_registration, representatives, congress_and_council, "
    "committee, reelection"
)
ElectionArgument = Annotated[str, typer.Argument(metavar="ELECTION", help="The election's id.")]


def election_command(
    code: CodeArgument,
    step: Annotated[str, typer.Argument(metavar="STEP", help=STEPS)],
    data: Annotated[
        str, typer.Option("--data", help="The step's fields: a JSON object, or @FILE holding one.")
    ],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record one step of an election (append-only); prints the event with its number."""
    from govops.communities.service.access import COMMUNITY_RECORD, signature  # noqa: PLC0415
    from govops.communities.service.elections import ElectionService  # noqa: PLC0415

    t = translator_for(lang)
    fields = data_option(data, t)

    def record(registry: RegistryService, actor: Actor) -> Event:
        return ElectionService(registry).record_step(code, step, fields, signature(actor, code))

    print_json(asdict(with_registry(record, t, as_user, COMMUNITY_RECORD)))


def voters_command(
    code: CodeArgument,
    election: ElectionArgument,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A .csv (UTF-8) or .xlsx sheet.")],
    encoding: Annotated[str, typer.Option("--encoding", help="The CSV file's encoding.")] = "utf-8",
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Register the voters of an election (step 2) from a sheet with the columns id, name,
    birth_date, resident, deprived (yes/no); prints who is registered and who is not, why."""
    from govops.communities.service.access import COMMUNITY_RECORD, signature  # noqa: PLC0415
    from govops.communities.service.elections import ElectionService  # noqa: PLC0415
    from govops.communities.service.members_import import ImportRefusedError  # noqa: PLC0415
    from govops.platform.sheets import SheetError, read_rows  # noqa: PLC0415

    t = translator_for(lang)
    try:
        rows = [(r.line, r.cells) for r in read_rows(read_file(file, t), str(file), encoding)]
    except SheetError as error:
        fail(t.say(error.message))

    def register(registry: RegistryService, actor: Actor) -> tuple[Event, Pack]:
        service = ElectionService(registry)
        try:
            event = service.import_voters(code, election, rows, signature(actor, code))
        except ImportRefusedError as error:
            refused(t, error.errors)
        return event, registry.pack

    event, pack = with_registry(register, t, as_user, COMMUNITY_RECORD)
    _print_register(t, election, event, pack)


def _print_register(t: Translator, election: str, event: Event, pack: Pack) -> None:
    """How many were registered, then each refused row: line, id, why, articles."""
    kept, refused = len(event.data["voters"]), len(event.data["refused"])
    print(
        t._(
            "{election}: {kept} voters registered, {refused} rows refused",
            election=election,
            kept=kept,
            refused=refused,
        )
    )
    table = pack.table("voters")
    for row in event.data["refused"]:
        why = ", ".join(t.text(table.outcome(o).labels).text for o in row["outcomes"])
        if row.get("reason"):
            why = t.say(Message(row["reason"]["id"], row["reason"]["values"]))
        place = t._("line {line}", line=row["line"])
        print(f"  {place}  {row['id']}  {why} [{', '.join(row['cites'])}]")


def elections_command(
    code: CodeArgument,
    election: Annotated[
        str | None, typer.Argument(metavar="[ELECTION]", help="One election (default: all).")
    ] = None,
    audit: Annotated[
        bool, typer.Option("--audit", help="The rounds' audit records (JSON).")
    ] = False,
    voted: Annotated[
        bool, typer.Option("--voted", help="Who signed in for each round (CSV).")
    ] = False,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """The community's elections: id, next step, seats, elected; one with its steps."""
    from govops.communities.service.access import COMMUNITY_READ, readable  # noqa: PLC0415
    from govops.communities.service.elections import (  # noqa: PLC0415
        ElectionService,
        UnknownElectionError,
        voted_csv,
    )

    t = translator_for(lang)

    def read(registry: RegistryService, actor: Actor) -> list[ElectionCase]:
        readable(actor, code)
        service = ElectionService(registry)
        if election is None:
            return list(service.all(code).values())
        try:
            return [service.get(code, election)]
        except UnknownElectionError as error:
            fail(t.say(error.message))

    if (audit or voted) and election is None:
        fail(t._("--audit and --voted need an ELECTION"))
    cases = with_registry(read, t, as_user, COMMUNITY_READ)
    if audit:
        print_json([dict(r) for r in cases[0].rounds])
    elif voted:
        print(voted_csv(cases[0]), end="")
    else:
        _print_elections(t, cases, json_out)


def _print_elections(t: Translator, cases: list[ElectionCase], json_out: bool) -> None:
    from govops.communities.service.elections import election_out  # noqa: PLC0415

    if json_out:
        print_json([election_out(c) for c in cases])
    else:
        for case in cases:
            print(_line(t, case))


def _line(t: Translator, case: ElectionCase) -> str:
    waited = case.next_step()
    state = t._(STEP_NAMES[waited.value]) if waited else t._("over")
    elected = ", ".join(case.elected()) or "-"
    return f"{case.id}\t{case.organisation}\t{t.date(case.day)}\t{case.seats}\t{state}\t{elected}"
