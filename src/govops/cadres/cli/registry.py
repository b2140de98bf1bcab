"""`govops cadres`: the cadre registry on the database of GOVOPS_DATABASE_URL (default: the
SQLite file ./govops.db), migrated on first use, as `govops serve` does. What they print is
JSON data; refusals and notes are in the reader's language (--lang, default Chinese)."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from govops.platform.cli.inputs import database, json_option
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator

app = typer.Typer(help="The cadre registry: people, dated entries, corrections, eligibility.")
T = TypeVar("T")

JsonOption = Annotated[str, typer.Option("--json", help="The entry's fields as a JSON object.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Who records it (default: the login name).")
]


def translator_for(lang: str | None) -> Translator:
    """The language of these commands: --lang, the shell's, GOVOPS_LANGUAGE, else Chinese
    (the language of the regulation the registry serves)."""
    return command_translator(lang, ZH_HANS)


@contextmanager
def _registry(t: Translator) -> Iterator[Any]:
    """The registry service on the configured database; the engine is disposed after."""
    from govops.bootstrap import build_cadre_registry  # noqa: PLC0415

    with database(t) as engine:
        yield build_cadre_registry(engine)


def with_registry(action: Callable[[Any], T], t: Translator) -> T:
    """Run a use case, turning the registry's refusals into `govops: ...` and exit 2."""
    from govops.cadres.model.registry import RegistryInputError  # noqa: PLC0415
    from govops.cadres.ports import RegistryConflictError  # noqa: PLC0415
    from govops.cadres.service.registry import CadreNotFoundError  # noqa: PLC0415

    with _registry(t) as registry:
        try:
            return action(registry)
        except RegistryInputError as error:
            fail(t._("{field}: {problem}", field=error.field, problem=error.message))
        except (CadreNotFoundError, RegistryConflictError) as error:
            fail(t.say(error.message))


def _print(value: object) -> None:
    print(to_json(value, indent=2))


def _person(cadre: Any) -> dict[str, Any]:
    from govops.cadres.api.registry import person_out  # noqa: PLC0415

    shown: dict[str, Any] = person_out(cadre).model_dump(mode="json")
    return shown


def _entry(entry: Any) -> dict[str, Any]:
    from govops.cadres.api.registry import entry_out  # noqa: PLC0415

    shown: dict[str, Any] = entry_out(entry).model_dump(mode="json")
    return shown


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="The cadre's name.")], lang: LanguageOption = None
) -> None:
    """Add a person; prints the person with the id to use in the other commands."""
    t = translator_for(lang)
    _print(_person(with_registry(lambda r: r.add_person(name), t)))


@app.command("entry")
def entry_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    kind: Annotated[str, typer.Argument(help="position, work_start, education, training, ...")],
    data: JsonOption,
    actor: ActorOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record a dated fact about a person (append-only)."""
    t = translator_for(lang)
    fields = json_option(data, t)
    who = actor or getpass.getuser()
    _print(_entry(with_registry(lambda r: r.add_entry(person_id, kind, fields, who), t)))


@app.command("correct")
def correct_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    seq: Annotated[int, typer.Argument(help="The entry corrected.")],
    data: JsonOption,
    kind: Annotated[
        str | None, typer.Option("--kind", help="'retraction' to withdraw the entry.")
    ] = None,
    actor: ActorOption = None,
    lang: LanguageOption = None,
) -> None:
    """Supersede an entry with a corrected one (or withdraw it); the entry is kept."""
    t = translator_for(lang)
    fields = json_option(data, t)
    who = actor or getpass.getuser()
    _print(_entry(with_registry(lambda r: r.correct(person_id, seq, kind, fields, who), t)))


@app.command("show")
def show_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")], lang: LanguageOption = None
) -> None:
    """A person: the facts in force, by kind, and the whole history."""
    t = translator_for(lang)
    _print(_person(with_registry(lambda r: r.get(person_id), t)))


@app.command("list")
def list_command(lang: LanguageOption = None) -> None:
    """Everyone in the registry, one per line: id, name."""
    for person in with_registry(lambda r: r.people(), translator_for(lang)):
        print(f"{person.id}\t{person.name}")


@app.command("eligibility")
def eligibility_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    target_rank: Annotated[
        str, typer.Option("--target-rank", help="deputy_section .. division_chief")
    ],
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default today)")] = None,
    exceptional: Annotated[bool, typer.Option("--exceptional", help="Art. 7")] = False,
    party_post: Annotated[bool, typer.Option("--party-post", help="A Party post")] = False,
    lang: LanguageOption = None,
) -> None:
    """Eligibility for promotion, decided by cn-cadre-selection from the registry: the
    verdict, each breach with its article, and the record used."""
    t = translator_for(lang)
    answer = with_registry(
        lambda r: r.eligibility(person_id, target_rank, as_of, exceptional, party_post), t
    )
    _print(answer)
