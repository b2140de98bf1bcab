"""`govops cadres`: the cadre registry on the database of GOVOPS_DATABASE_URL (default: the
SQLite file ./govops.db), migrated on first use, as `govops serve` does, acting as a local
user (--as, or GOVOPS_USER) with the checks of the API: cadre.read to read, cadre.record to
record, at the unit running cn-cadre-selection (a refusal exits with status 4; a cadre
outside the user's units is not found). Entries name their actor `username@unit`. What they
print is JSON data; refusals and notes are in the reader's language (--lang, default
Chinese)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from govops.cadres.cli.acting import AsOption, signed_in
from govops.platform.cli.inputs import json_option
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator

app = typer.Typer(help="The cadre registry: people, dated entries, corrections, eligibility.")
T = TypeVar("T")

JsonOption = Annotated[str, typer.Option("--json", help="The entry's fields as a JSON object.")]


def translator_for(lang: str | None) -> Translator:
    """The language of these commands: --lang, the shell's, GOVOPS_LANGUAGE, else Chinese
    (the language of the regulation the registry serves)."""
    return command_translator(lang, ZH_HANS)


def with_registry(
    action: Callable[[Any, Any], T], t: Translator, as_user: str | None, code: str
) -> T:
    """Run a use case as the command's user (`action(registry, actor)`), who must hold the
    permission `code` (as the API's route would require), turning the registry's refusals
    into `govops: ...` and exit 2 (4 for what the user may not do)."""
    from govops.bootstrap import build_cadre_registry  # noqa: PLC0415
    from govops.cadres.model.registry import RegistryInputError  # noqa: PLC0415
    from govops.cadres.ports import RegistryConflictError  # noqa: PLC0415
    from govops.cadres.service.access import NotAllowedError, holding  # noqa: PLC0415
    from govops.cadres.service.registry import CadreNotFoundError  # noqa: PLC0415

    with signed_in(t, as_user) as signed:
        try:
            holding(signed.actor, code)
            return action(build_cadre_registry(signed.engine), signed.actor)
        except RegistryInputError as error:
            fail(t._("{field}: {problem}", field=error.field, problem=error.message))
        except (CadreNotFoundError, RegistryConflictError) as error:
            fail(t.say(error.message))
        except NotAllowedError as error:
            fail(t.say(error.message), 4)


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
    name: Annotated[str, typer.Argument(help="The cadre's name.")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Add a person; prints the person with the id to use in the other commands."""
    from govops.cadres.service.access import CADRE_RECORD, signature  # noqa: PLC0415

    def add(registry: Any, actor: Any) -> Any:
        return registry.add_person(name, signature(actor, CADRE_RECORD))

    _print(_person(with_registry(add, translator_for(lang), as_user, CADRE_RECORD)))


@app.command("entry")
def entry_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    kind: Annotated[str, typer.Argument(help="position, work_start, education, training, ...")],
    data: JsonOption,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record a dated fact about a person (append-only)."""
    from govops.cadres.service.access import CADRE_RECORD, signature  # noqa: PLC0415

    t = translator_for(lang)
    fields = json_option(data, t)

    def add(registry: Any, actor: Any) -> Any:
        return registry.add_entry(person_id, kind, fields, signature(actor, CADRE_RECORD))

    _print(_entry(with_registry(add, t, as_user, CADRE_RECORD)))


@app.command("correct")
def correct_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    seq: Annotated[int, typer.Argument(help="The entry corrected.")],
    data: JsonOption,
    kind: Annotated[
        str | None, typer.Option("--kind", help="'retraction' to withdraw the entry.")
    ] = None,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Supersede an entry with a corrected one (or withdraw it); the entry is kept."""
    from govops.cadres.service.access import CADRE_RECORD, signature  # noqa: PLC0415

    t = translator_for(lang)
    fields = json_option(data, t)

    def correct(registry: Any, actor: Any) -> Any:
        return registry.correct(person_id, seq, kind, fields, signature(actor, CADRE_RECORD))

    _print(_entry(with_registry(correct, t, as_user, CADRE_RECORD)))


@app.command("show")
def show_command(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """A person: the facts in force, by kind, and the whole history."""
    from govops.cadres.service.access import CADRE_READ, visible_cadre  # noqa: PLC0415

    def show(registry: Any, actor: Any) -> Any:
        return visible_cadre(registry, person_id, actor)

    _print(_person(with_registry(show, translator_for(lang), as_user, CADRE_READ)))


@app.command("list")
def list_command(as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """Everyone in the registry, one per line: id, name."""
    from govops.cadres.service.access import CADRE_READ, scoped  # noqa: PLC0415

    def everyone(registry: Any, actor: Any) -> Any:
        return scoped(actor, CADRE_READ, registry.people())

    for person in with_registry(everyone, translator_for(lang), as_user, CADRE_READ):
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
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Eligibility for promotion, decided by cn-cadre-selection from the registry: the
    verdict, each breach with its article, and the record used."""
    from govops.cadres.service.access import CADRE_READ, visible_cadre  # noqa: PLC0415

    def decide(registry: Any, actor: Any) -> Any:
        visible_cadre(registry, person_id, actor)
        return registry.eligibility(person_id, target_rank, as_of, exceptional, party_post)

    _print(with_registry(decide, translator_for(lang), as_user, CADRE_READ))
