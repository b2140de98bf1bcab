"""`govops selections`: selection cases under the procedure of cn-cadre-selection, on the
database of GOVOPS_DATABASE_URL (default: the SQLite file ./govops.db), migrated on first
use, as `govops serve` does. Bodies are those of the API (/api/v1/selections). What they
print is JSON data; refusals, with their articles, are in the reader's language (--lang,
default Chinese)."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from govops.cadres.cli.registry import translator_for
from govops.platform.cli.inputs import database, json_option
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.translator import Translator

app = typer.Typer(help="Selection cases: motion, each step under its guards, the dossier.")
T = TypeVar("T")

JsonOption = Annotated[str, typer.Option("--json", help="The body, as a JSON object.")]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Who does it (default: the body's actor, or the login name)."),
]
CaseArgument = Annotated[str, typer.Argument(metavar="ID", help="The case's id.")]
STEPS = "recommendation, investigation, decision, public_notice, appointment, probation_end"


@contextmanager
def _selections(t: Translator) -> Iterator[Any]:
    """The selection service on the configured database; the engine is disposed after."""
    from govops.bootstrap import build_selections  # noqa: PLC0415

    with database(t) as engine:
        yield build_selections(engine)


def _run(action: Callable[[Any], T], t: Translator) -> T:
    """Run a use case, turning refusals into `govops: ...` and exit 2 (3 for a refused
    step, 4 for a dossier refused to the reader)."""
    from govops.cadres.model.selection import AccessDeniedError  # noqa: PLC0415
    from govops.cadres.model.steps import StepRefusedError  # noqa: PLC0415
    from govops.cadres.ports import SelectionConflictError  # noqa: PLC0415
    from govops.cadres.service.selection import SelectionInputError, SelectionNotFoundError  # noqa: PLC0415

    with _selections(t) as selections:
        try:
            return action(selections)
        except StepRefusedError as error:
            fail(t.say(error.message), 3)
        except SelectionInputError as error:
            fail(t._("{field}: {problem}", field=error.field, problem=error.message))
        except SelectionNotFoundError as error:
            fail(t.say(error.message))
        except AccessDeniedError as error:
            fail(t.say(error.message), 4)
        except SelectionConflictError as error:
            fail(t.say(error.message))


def _body(model: Any, text: str, t: Translator) -> Any:
    """The --json body checked by the API's model, each problem as `field: message`."""
    from fastapi.exceptions import RequestValidationError  # noqa: PLC0415
    from pydantic import ValidationError  # noqa: PLC0415

    from govops.platform.api.problems import field_problems  # noqa: PLC0415

    fields = json_option(text, t)
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        found = field_problems(RequestValidationError(error.errors()), model.model_fields, t)
        separator = t.pgettext("list of problems", "; ")
        fail(
            separator.join(
                t._("{field}: {problem}", field=p.field, problem=p.message) for p in found
            )
        )


def _actor(body: Any, option: str | None, t: Translator) -> str:
    if body.actor and option and body.actor != option:
        fail(
            t._(
                "actor: is {body} in --json but {option} in --actor",
                body=repr(body.actor),
                option=repr(option),
            )
        )
    actor: str = body.actor or option or getpass.getuser()
    return actor


def _print(value: Any) -> None:
    print(to_json(value.model_dump(mode="json"), indent=2))


@app.command("open")
def open_command(data: JsonOption, actor: ActorOption = None, lang: LanguageOption = None) -> None:
    """Open a case with its motion (10): candidate, post, committee, team, plan,
    relations ([{a, b, kind}], 43), at; prints the case with its id."""
    from govops.cadres.api.selection import MotionBody, open_selection, selection_out  # noqa: PLC0415

    t = translator_for(lang)
    body = _body(MotionBody, data, t)
    who = _actor(body, actor, t)
    _print(selection_out(_run(lambda s: open_selection(s, body, who), t)))


@app.command("step")
def step_command(
    case_id: CaseArgument,
    step: Annotated[str, typer.Argument(help=STEPS)],
    data: Annotated[str, typer.Option("--json", help="The step's body.")] = "{}",
    actor: ActorOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record the next step if its guards hold; prints the event. A refused step names the
    guard, its article and the figures, and exits with status 3."""
    from govops.cadres.api.selection import STEP_BODIES, apply_step, event_out  # noqa: PLC0415
    from govops.cadres.model.steps import Step  # noqa: PLC0415

    t = translator_for(lang)
    model = next((m for s, m in STEP_BODIES.items() if s.value == step), None)
    if model is None:
        fail(t._("unknown step {step}; one of: {steps}", step=repr(step), steps=STEPS))
    body = _body(model, data, t)
    who = _actor(body, actor, t)
    _print(event_out(_run(lambda s: apply_step(s, case_id, Step(step), body, who), t)))


@app.command("show")
def show_command(case_id: CaseArgument, lang: LanguageOption = None) -> None:
    """A case without its dossier: candidate, post, committee, team, step reached, next."""
    from govops.cadres.api.selection import selection_out  # noqa: PLC0415

    _print(selection_out(_run(lambda s: s.get(case_id), translator_for(lang))))


@app.command("list")
def list_command(lang: LanguageOption = None) -> None:
    """Every case, the latest motion first, one per line: id, step, candidate, post."""
    for case in _run(lambda s: s.cases(), translator_for(lang)):
        print(f"{case.id}\t{case.step}\t{case.candidate}\t{case.post}")


@app.command("dossier")
def dossier_command(
    case_id: CaseArgument,
    reader: Annotated[str, typer.Option("--reader", help="Who reads it: team or committee.")],
    lang: LanguageOption = None,
) -> None:
    """The dossier: every step with who, when and its figures, for the selection team and
    the committee only (anyone else: exit status 4)."""
    from govops.cadres.api.selection import DossierOut, event_out, selection_out  # noqa: PLC0415

    def read(selections: Any) -> DossierOut:
        events = selections.dossier(case_id, reader)
        shown = selection_out(selections.get(case_id))
        return DossierOut(selection=shown, reader=reader, events=[event_out(e) for e in events])

    _print(_run(read, translator_for(lang)))
