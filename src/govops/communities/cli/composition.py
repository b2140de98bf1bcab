"""Who sits on a community's organisations: `govops communities import` (members and their
posts from a sheet, for a user holding community.record there), and `govops communities
check` and `check-street` (the make-up of the residents' committee, sub-committees, council
and Party organisation judged by cn-community-organizations on a day, for a user holding
community.read). Each refusal and warning comes with its article and the figures behind it
("3 of 7 members retired (42.9%)"), in the reader's language (--lang, default Chinese);
--json prints the same as JSON data."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from govops.cli.context import AsOption
from govops.communities.cli.registry import (
    CodeArgument,
    JsonFlag,
    print_json,
    read_file,
    translator_for,
    with_registry,
)
from govops.communities.model.words import KIND_NAMES, VERDICT_NAMES
from govops.lawcode.texts.messages import N_
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import fail, parse_date
from govops.platform.cli.render import labelled, listed, text_of
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from govops.communities.api.composition import CheckOut
    from govops.communities.model.registry import Event
    from govops.communities.service.composition import Check
    from govops.communities.service.members_import import RowError
    from govops.communities.service.registry import RegistryService
    from govops.platform.identity.actor import Actor

AsOf = Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default: today)")]
# A verdict of a table of breaches (lawcode.rules.verdict), as said of an organisation.
BREACHES = {
    "refusals": N_("breach: {label} [{cite}]"),
    "warnings": N_("warning: {label} [{cite}]"),
}
TABLES = ("committee", "bodies")  # the pack's tables of the composition checks
Labels = dict[str, Mapping[str, str]]  # an outcome's label in each language, by outcome id
Rows = list[dict[str, Any]]  # the street batch's: community, organisation, kind, verdict, breaches


def import_command(
    code: CodeArgument,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help=".csv or .xlsx, a member a row: id, name, birth_date, retired, party_member, "
            "full_time, residence; organisation, role, start, end for the post held",
        ),
    ],
    encoding: Annotated[
        str, typer.Option("--encoding", help="Of a CSV, e.g. gb18030 (default: utf-8).")
    ] = "utf-8",
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Import members, and the posts they hold, from a sheet: all rows or none. Every
    refused row is listed with its line, its column and why."""
    from govops.communities.service.access import COMMUNITY_RECORD, signature  # noqa: PLC0415
    from govops.communities.service.members_import import (  # noqa: PLC0415
        ImportRefusedError,
        import_members,
    )
    from govops.platform.sheets import SheetError, read_rows  # noqa: PLC0415

    t = translator_for(lang)
    try:
        rows = [(r.line, r.cells) for r in read_rows(read_file(file, t), str(file), encoding)]
    except SheetError as error:
        fail(t.say(error.message))

    def add(registry: RegistryService, actor: Actor) -> list[Event]:
        try:
            return import_members(registry, code, rows, signature(actor, code))
        except ImportRefusedError as error:
            refused(t, error.errors)

    events = with_registry(add, t, as_user, COMMUNITY_RECORD)
    members = sum(e.kind.value == "member" for e in events)
    print(
        t._(
            "{community}: imported {members} and {posts}",
            community=code,
            members=t.ngettext("{count} member", "{count} members", members),
            posts=t.ngettext("{count} post", "{count} posts", len(events) - members),
        )
    )


def refused(t: Translator, errors: list[RowError]) -> NoReturn:
    """Every refused row on stderr, then what came of the import; exit 2."""
    said = [
        t._("line {line}, {column}: {problem}", line=e.line, column=e.column, problem=e.message)
        if e.line
        else t.say(e.message)
        for e in errors
    ]
    rows = len({e.line for e in errors if e.line})
    if rows:
        said.append(
            t.ngettext(
                "nothing imported: {count} row refused",
                "nothing imported: {count} rows refused",
                rows,
            )
        )
    for line in said[:-1]:
        print(f"govops: {line}", file=sys.stderr)
    fail(said[-1])


def _day(registry: RegistryService, asked: date | None) -> date:
    return registry.today() if asked is None else asked


def check_command(
    code: CodeArgument,
    organisation: Annotated[
        str | None,
        typer.Option("--organisation", metavar="ORG", help="Only this one (its id)."),
    ] = None,
    as_of: AsOf = None,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Every organisation composition rules speak of, active on the day (or the one
    asked): its verdict, and each refusal and warning with its article and figures."""
    from govops.communities.api.composition import CompositionOut, said  # noqa: PLC0415
    from govops.communities.service.access import COMMUNITY_READ, readable  # noqa: PLC0415
    from govops.communities.service.composition import (  # noqa: PLC0415
        check_organisation,
        checked_organisations,
    )

    t = translator_for(lang)
    asked = None if as_of is None else parse_date(as_of, "--as-of", t)

    def check(registry: RegistryService, actor: Actor) -> tuple[date, list[Check]]:
        community = registry.get(readable(actor, code))
        day = _day(registry, asked)
        wanted = [o.id for o in checked_organisations(community, day)]
        wanted = wanted if organisation is None else [organisation]
        return day, [check_organisation(registry.pack, community, o, day) for o in wanted]

    day, checks = with_registry(check, t, as_user, COMMUNITY_READ)
    found = [said(c.as_dict(), t) for c in checks]  # as the API answers, figures said
    if json_out and organisation is not None:
        print_json(found[0].model_dump(mode="json"))
    elif json_out:
        whole = CompositionOut(
            community=code, as_of=day.isoformat(), count=len(found), organisations=found
        )
        print_json(whole.model_dump(mode="json"))
    elif not checks:
        print(t._("{community}: no organisation to check on {day}", community=code, day=day))
    else:
        for one, answer in zip(checks, found, strict=True):
            print("\n".join(check_lines(t, one.organisation.name, answer)))


def check_lines(t: Translator, name: str, found: CheckOut) -> list[str]:
    """An organisation's verdict, then each breach: its label, its articles, its figures
    (said already)."""
    lines = [
        t._(
            "{name} ({organisation}, {kind}) on {day}: {verdict}",
            name=name,
            organisation=found.organisation,
            kind=t._(KIND_NAMES[found.kind]),
            day=date.fromisoformat(found.as_of),
            verdict=t._(VERDICT_NAMES[found.verdict]),
        )
    ]
    for key, template in BREACHES.items():
        for breach in getattr(found, key):
            said = t._(
                template,
                label=text_of(t, breach["label"], breach["id"]),
                cite=listed(t, breach["cite"]),
            )
            figures = breach["figures"]
            lines.append("  " + (labelled(t, said, listed(t, figures)) if figures else said))
    return lines


def check_street_command(
    street: Annotated[str, typer.Argument(metavar="STREET", help="The street's unit code.")],
    as_of: AsOf = None,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """The organisations of every community under the street the user may read, checked at
    once, one per line: community, organisation, kind, verdict, breaches."""
    from govops.communities.service.access import COMMUNITY_READ, visible  # noqa: PLC0415
    from govops.communities.service.composition_street import check_street  # noqa: PLC0415

    t = translator_for(lang)
    asked = None if as_of is None else parse_date(as_of, "--as-of", t)

    def check(registry: RegistryService, actor: Actor) -> tuple[date, Rows, Labels]:
        day = _day(registry, asked)
        rows = check_street(registry.pack, [registry.get(c) for c in visible(actor, street)], day)
        labels = {
            o.value: o.labels for table in TABLES for o in registry.pack.table(table).outcomes
        }
        return day, rows, labels

    day, rows, labels = with_registry(check, t, as_user, COMMUNITY_READ)
    if json_out:
        from govops.communities.api.composition import StreetOut, StreetRow  # noqa: PLC0415

        found = [StreetRow.model_validate(row) for row in rows]
        answer = StreetOut(
            under=street, as_of=day.isoformat(), count=len(found), organisations=found
        )
        print_json(answer.model_dump(mode="json"))
        return
    for row in rows:
        breaches = [text_of(t, labels.get(b, {}), b) for b in row["breaches"]]
        verdict = t._(VERDICT_NAMES[row["verdict"]])
        shown = listed(t, breaches) if breaches else t._("none")
        print(f"{row['community']}\t{row['organisation']}\t{row['kind']}\t{verdict}\t{shown}")
