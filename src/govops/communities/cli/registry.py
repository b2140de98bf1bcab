"""`govops communities`: the registry of a street office's community organisations on the
database of GOVOPS_DATABASE_URL (default: the SQLite file ./govops.db), migrated on first
use, as `govops serve` does, acting as a local user (--as, or GOVOPS_USER) with the checks
of the API: community.read to read, community.record to record, for the communities of the
user's units (one outside them is not found; recording where one may only read exits with
status 4). Events name their actor `username@unit`. What they print is text in the reader's
language (--lang, default Chinese), or with --json the API's bodies (`record` prints the
event so); refusals on stderr are in the reader's language too."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from govops.cli.context import AsOption
from govops.platform.cli.inputs import JsonInputError, parse_json
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import decode_text, fail, to_json
from govops.platform.cli.render import listed
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.communities.model.registry import Community, Event, Facts, Member
    from govops.communities.service.registry import RegistryService
    from govops.platform.identity.actor import Actor
    from govops.platform.identity.units import Unit

app = typer.Typer(help="Community organisations: the registry, imports, composition checks.")
T = TypeVar("T")
Action = Callable[["RegistryService", "Actor"], T]

CodeArgument = Annotated[str, typer.Argument(metavar="CODE", help="The community's unit code.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON data instead of text.")]
KINDS = "facts, organisation, member, post, kinship, meeting, exception"
STEP_REFUSED = 3  # the exit status of a step the rules refuse (as `govops selections`)


def translator_for(lang: str | None) -> Translator:
    """The language of these commands: --lang, the shell's, GOVOPS_LANGUAGE, else Chinese
    (the language of the offices the registry serves)."""
    return command_translator(lang, ZH_HANS)


@contextmanager
def signed_in(t: Translator, as_user: str | None) -> Iterator[tuple[Engine, Actor]]:
    """The user named by --as (or GOVOPS_USER) on the configured database, migrated
    (`govops.cli.context.acting_user`)."""
    from govops.cli.context import acting_user  # noqa: PLC0415

    with acting_user(t, as_user) as (engine, actor, _):
        yield engine, actor


def with_registry(action: Action[T], t: Translator, as_user: str | None, code: str) -> T:
    """Run a use case as the command's user (`action(registry, actor)`), who must hold the
    permission `code` (as the API's route would require), turning the registry's refusals
    into `govops: ...` and exit 2 (4 for what the user may not do, 3 for an election's
    step its rules refuse)."""
    from govops.bootstrap import build_communities  # noqa: PLC0415
    from govops.communities.model.election_case import StepRefusedError  # noqa: PLC0415
    from govops.communities.model.registry import RegistryInputError  # noqa: PLC0415
    from govops.communities.ports import RegistryConflictError  # noqa: PLC0415
    from govops.communities.service.access import (  # noqa: PLC0415
        CommunityNotFoundError,
        NotAllowedError,
        holding,
    )

    with signed_in(t, as_user) as (engine, actor):
        try:
            holding(actor, code)
            return action(build_communities(engine), actor)
        except RegistryInputError as error:
            fail(t._("{field}: {problem}", field=error.field, problem=error.message))
        except (CommunityNotFoundError, RegistryConflictError) as error:
            fail(t.say(error.message))
        except NotAllowedError as error:
            fail(t.say(error.message), 4)
        except StepRefusedError as error:  # an election's step: each finding, then why
            for finding in error.findings:
                cite = f" [{finding.cite}]" if finding.cite else ""
                print(f"govops: {t.say(finding.reason)}{cite}", file=sys.stderr)
            fail(t.say(error.message), STEP_REFUSED)


def print_json(value: object) -> None:
    print(to_json(value, indent=2))


def read_file(path: Path, t: Translator) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        fail(t._("{path}: no such file", path=str(path)))
    except OSError as error:
        fail(t._("{path}: cannot read: {error}", path=str(path), error=error.strerror or ""))


def data_option(text: str, t: Translator) -> dict[str, Any]:
    """The object of --data, given as JSON or as @FILE (a UTF-8 JSON file); numbers with
    decimals are passed on as their exact digits."""
    if text.startswith("@"):
        path = Path(text[1:])
        text = decode_text(read_file(path, t), str(path), "utf-8", t)
    try:
        value = parse_json(text)
    except JsonInputError as error:
        fail(t._("--data: {problem}", problem=error.message))
    if not isinstance(value, dict):
        fail(t._("--data must be a JSON object"))
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in value.items()}


@app.command("list")
def list_command(
    under: Annotated[
        str | None, typer.Option("--under", metavar="STREET", help="Only those under this unit.")
    ] = None,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """The communities the user may read, one per line: code, name, events recorded;
    with --json, the body of GET /api/v1/communities."""
    from govops.communities.service.access import COMMUNITY_READ, visible  # noqa: PLC0415

    t = translator_for(lang)

    def everyone(registry: RegistryService, actor: Actor) -> list[tuple[Community, Unit]]:
        return [(registry.get(c), actor.tree.get(c)) for c in visible(actor, under)]

    communities = with_registry(everyone, t, as_user, COMMUNITY_READ)
    if json_out:
        from govops.communities.api.registry import CommunityList, CommunitySummary  # noqa: PLC0415

        listed = [
            CommunitySummary(code=c.code, names=dict(u.names), facts=c.facts)
            for c, u in communities
        ]
        print_json(CommunityList(count=len(listed), communities=listed).model_dump(mode="json"))
        return
    for community, unit in communities:
        print(f"{community.code}\t{t.text(unit.names).text or unit.code}\t{community.version}")


@app.command("show")
def show_command(
    code: CodeArgument,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """A community as recorded: facts, organisations, members, posts, kinships and
    exceptions; with --json, the body of GET /api/v1/communities/CODE."""
    from govops.communities.service.access import COMMUNITY_READ, readable  # noqa: PLC0415

    t = translator_for(lang)

    def show(registry: RegistryService, actor: Actor) -> tuple[Unit, Community]:
        return actor.tree.get(readable(actor, code)), registry.get(code)

    unit, community = with_registry(show, t, as_user, COMMUNITY_READ)
    if json_out:
        from govops.communities.api.registry import community_out  # noqa: PLC0415

        print_json(community_out(community, dict(unit.names)).model_dump(mode="json"))
    else:
        print("\n".join(community_lines(t, t.text(unit.names).text or code, community)))


def community_lines(t: Translator, name: str, community: Community) -> list[str]:
    """The community as text: a heading, then each part of it, one entry a line."""
    lines = [
        t.ngettext(
            "{name} ({code}): {count} event recorded",
            "{name} ({code}): {count} events recorded",
            community.version,
            name=name,
            code=community.code,
        )
    ]
    for heading, rows in _sections(t, community):
        lines += [heading, *(f"  {row}" for row in rows or [t._("none")])]
    return lines


def _sections(t: Translator, c: Community) -> list[tuple[str, list[str]]]:
    organisations = [
        f"{o.id}  {o.kind.value}  {o.name}  {_period(t, o.formed, o.dissolved)}"
        for o in c.organisations.values()
    ]
    members = [
        f"{m.id}  {m.name}  {t.date(m.birth_date)}  {_traits(t, m)}".rstrip()
        for m in c.members.values()
    ]
    posts = [
        f"{p.member}  {p.organisation}  {p.role.value}  {_period(t, p.start, p.end)}"
        for p in c.posts.values()
    ]
    return [
        (t._("facts:"), _facts(t, c.facts)),
        (t._("organisations:"), organisations),
        (t._("members:"), members),
        (t._("posts:"), posts),
        (t._("kinships:"), [f"{k.a}  {k.relation.value}  {k.b}" for k in c.kinships]),
        (
            t._("exceptions:"),
            [
                f"{e.organisation}  {e.rule}  {t.date(e.granted_on)}  {e.reason}"
                for e in c.exceptions
            ],
        ),
    ]


def _facts(t: Translator, facts: Facts | None) -> list[str]:
    if facts is None:
        return []
    found = [
        t.ngettext(
            "{count} household, occupancy {occupancy}%, as of {day}",
            "{count} households, occupancy {occupancy}%, as of {day}",
            facts.households,
            occupancy=facts.occupancy,
            day=facts.as_of,
        )
    ]
    if facts.moving_in_since is not None:
        found.append(t._("residents moving in since {day}", day=facts.moving_in_since))
    return found


def _period(t: Translator, start: date, end: date | None) -> str:
    return f"{t.date(start)} – {t.date(end) or '…'}"


def _traits(t: Translator, member: Member) -> str:
    traits = [t._("retired")] if member.retired else []
    traits += [t._("Party member")] if member.party_member else []
    traits += [] if member.full_time else [t._("part-time")]
    return listed(t, traits)


@app.command("record")
def record_command(
    code: CodeArgument,
    kind: Annotated[str, typer.Argument(metavar="KIND", help=KINDS)],
    data: Annotated[
        str, typer.Option("--data", help="The event's fields: a JSON object, or @FILE holding one.")
    ],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record one event (append-only); prints it with its number."""
    from govops.communities.service.access import COMMUNITY_RECORD, signature  # noqa: PLC0415

    t = translator_for(lang)
    fields = data_option(data, t)

    def record(registry: RegistryService, actor: Actor) -> Event:
        return registry.record(code, kind, fields, signature(actor, code))

    print_json(asdict(with_registry(record, t, as_user, COMMUNITY_RECORD)))
