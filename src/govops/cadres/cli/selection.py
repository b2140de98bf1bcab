"""`govops selections`: selection cases under the procedure of cn-cadre-selection, on the
database of GOVOPS_DATABASE_URL (default: the SQLite file ./govops.db), migrated on first
use, as `govops serve` does, acting as a local user (--as, or GOVOPS_USER) with the checks
of the API: selection.read to see cases, selection.run to record steps, selection.decide and
a seat on the case's committee to record its decision, dossier.read and a place on the
team or the committee to read the dossier (each reading recorded); a refusal exits with
status 4. Bodies are those of the API (/api/v1/selections). What they print is JSON data;
refusals, with their articles, are in the reader's language (--lang, default Chinese)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from govops.cadres.cli.acting import AsOption, Signed, signed_in
from govops.cadres.cli.registry import translator_for
from govops.platform.cli.inputs import json_option
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.translator import Translator

app = typer.Typer(help="Selection cases: motion, each step under its guards, the dossier.")
T = TypeVar("T")

JsonOption = Annotated[str, typer.Option("--json", help="The body, as a JSON object.")]
CaseArgument = Annotated[str, typer.Argument(metavar="ID", help="The case's id.")]
STEPS = (
    "recommendation, investigation, decision, public_notice, appointment, probation_end, "
    "reconsideration, closed, superior_consent"
)


def _run(action: Callable[[Any, Signed], T], t: Translator, as_user: str | None, *codes: str) -> T:
    """Run a use case as the command's user (`action(selections, signed)`), who must hold
    one of the permissions `codes` (as the API's route would require), turning refusals
    into `govops: ...` and exit 2 (3 for a refused step, 4 for what the user may not do)."""
    from govops.bootstrap import build_selections  # noqa: PLC0415
    from govops.cadres.model.selection import AccessDeniedError  # noqa: PLC0415
    from govops.cadres.model.steps import StepRefusedError  # noqa: PLC0415
    from govops.cadres.ports import SelectionConflictError  # noqa: PLC0415
    from govops.cadres.service.access import NotAllowedError, holding  # noqa: PLC0415
    from govops.cadres.service.selection import SelectionInputError, SelectionNotFoundError  # noqa: PLC0415

    with signed_in(t, as_user) as signed:
        try:
            holding(signed.actor, *codes)
            return action(build_selections(signed.engine), signed)
        except StepRefusedError as error:
            fail(t.say(error.message), 3)
        except SelectionInputError as error:
            fail(t._("{field}: {problem}", field=error.field, problem=error.message))
        except SelectionNotFoundError as error:
            fail(t.say(error.message))
        except (AccessDeniedError, NotAllowedError) as error:
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


def _print(value: Any) -> None:
    print(to_json(value.model_dump(mode="json"), indent=2))


@app.command("open")
def open_command(data: JsonOption, as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """Open a case with its motion (10): candidate, post, committee, team, plan,
    relations ([{a, b, kind}], 43), cadre (the registry id), rank, party_post,
    exceptional and exceptional_reasons (7, 31(1), 34), at; the candidate is screened in
    the registry (6, 7, 17, 46); prints the case with its id."""
    from govops.cadres.api.selection_bodies import MotionBody, open_selection, selection_out  # noqa: PLC0415
    from govops.cadres.service.access import SELECTION_RUN, on_case  # noqa: PLC0415

    t = translator_for(lang)
    body = _body(MotionBody, data, t)

    def open_as(selections: Any, signed: Signed) -> Any:
        case = open_selection(selections, body, signed.actor)
        return selection_out(case, on_case(signed.actor, case))

    _print(_run(open_as, t, as_user, SELECTION_RUN))


@app.command("step")
def step_command(
    case_id: CaseArgument,
    step: Annotated[str, typer.Argument(help=STEPS)],
    data: Annotated[str, typer.Option("--json", help="The step's body.")] = "{}",
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record the next step if its guards hold; prints the event. A refused step names the
    guard, its article and the figures, and exits with status 3."""
    from govops.cadres.api.selection_bodies import STEP_BODIES, apply_step, event_out  # noqa: PLC0415
    from govops.cadres.model.steps import Step  # noqa: PLC0415
    from govops.cadres.service.access import step_code  # noqa: PLC0415

    t = translator_for(lang)
    model = next((m for s, m in STEP_BODIES.items() if s.value == step), None)
    if model is None:
        fail(t._("unknown step {step}; one of: {steps}", step=repr(step), steps=STEPS))
    body = _body(model, data, t)
    done = Step(step)
    event = _run(
        lambda s, u: apply_step(s, case_id, done, body, u.actor), t, as_user, step_code(done)
    )
    _print(event_out(event))


@app.command("show")
def show_command(
    case_id: CaseArgument, as_user: AsOption = None, lang: LanguageOption = None
) -> None:
    """A case without its dossier: candidate, post, committee, team, step reached, next."""
    from govops.cadres.api.selection_bodies import selection_out  # noqa: PLC0415
    from govops.cadres.service.access import SELECTION_READ, on_case, visible_case  # noqa: PLC0415

    t = translator_for(lang)

    def show(selections: Any, signed: Signed) -> Any:
        case = visible_case(selections, case_id, signed.actor)
        return selection_out(case, on_case(signed.actor, case))

    _print(_run(show, t, as_user, SELECTION_READ))


@app.command("list")
def list_command(as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """Every case, the latest motion first, one per line: id, step, candidate, post."""
    from govops.cadres.service.access import SELECTION_READ, visible_cases  # noqa: PLC0415

    t = translator_for(lang)
    for case in _run(lambda s, u: visible_cases(s, u.actor), t, as_user, SELECTION_READ):
        print(f"{case.id}\t{case.step}\t{case.candidate}\t{case.post}")


@app.command("dossier")
def dossier_command(
    case_id: CaseArgument, as_user: AsOption = None, lang: LanguageOption = None
) -> None:
    """The dossier: every step with who, when and its figures, for the selection team and
    the committee only (anyone else: exit status 4); the reading is put on record."""
    from govops.cadres.api.selection_bodies import DossierOut, dossier_out  # noqa: PLC0415
    from govops.cadres.service.access import DOSSIER_READ, read_dossier  # noqa: PLC0415

    def read(selections: Any, signed: Signed) -> DossierOut:
        return dossier_out(read_dossier(selections, case_id, signed.actor, signed.reading_log))

    _print(_run(read, translator_for(lang), as_user, DOSSIER_READ))
