"""`govops demo`: grade a pack's sample incidents and print each decision, explained."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from govops.cli.context import load
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.dated.procedures import Deadline, SpanUnit, Stage
from govops.lawcode.rules.decision import Decision, decide
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.sources.pack import Pack
from govops.packs import PackError, pack_folder
from govops.packs.examples import load_examples
from govops.packs.schema import ExampleModel
from govops.platform.cli.output import fail
from govops.platform.cli.render import render_decision

DEMO_PACK = "cn-county-mass-incident"


class Language(StrEnum):
    CHINESE = "zh-Hans"
    ENGLISH = "en"


def demo_command(
    pack: Annotated[str, typer.Argument(help="A pack with examples.yaml.")] = DEMO_PACK,
    language: Annotated[Language, typer.Option("--lang", help="Language of the output.")] = (
        Language.CHINESE
    ),
) -> None:
    """Grade the pack's sample incidents, with reasons, departments and deadlines."""
    loaded = load(pack)
    lang = language.value
    try:
        examples = load_examples(pack_folder(pack))
    except PackError as error:
        fail(str(error))
    if examples is None:
        fail(f"pack {pack!r} has no examples.yaml")
    try:
        parameters = loaded.rules_as_of(examples.as_of)
    except ParameterError as error:
        fail(str(error))
    print(f"{loaded.title.get(lang, loaded.id)} — rules in force on {examples.as_of}\n")
    for number, example in enumerate(examples.examples, start=1):
        print(f"{number}. {example.title.get(lang) or next(iter(example.title.values()), '')}")
        decisions = _decisions(loaded, example, parameters)
        for decision in decisions:
            print("\n".join(render_decision(decision, lang)))
        print("\n".join(_obligations(loaded, decisions, lang)) + "\n")


def _decisions(pack: Pack, example: ExampleModel, parameters: ParameterSnapshot) -> list[Decision]:
    try:
        return [decide(pack.table(t), record, parameters) for t, record in example.inputs.items()]
    except (InputError, ParameterError, KeyError) as error:
        fail(f"example {example.title}: {error}")


def _obligations(pack: Pack, decisions: list[Decision], language: str) -> list[str]:
    grades = [d.outcome for d in decisions if isinstance(d.outcome, str)]
    lines = []
    for deadline in pack.deadlines:
        # The examples are incidents that happened: warning-stage deadlines do not apply.
        if deadline.stage is Stage.INCIDENT and set(deadline.applies_to) & set(grades):
            title = deadline.title.get(language, deadline.id)
            lines.append(f"    ⏱ {title}: {_span(deadline, language)} [{deadline.cite.article}]")
    actions = [item for item in pack.checklist if set(item.applies_to) & set(grades)]
    if actions:
        articles = sorted({a.cite.article.split(" ")[0].split("(")[0] for a in actions})
        lines.append(f"    ☐ {len(actions)} response actions ({', '.join(articles)})")
    return lines


_UNITS = {
    "zh-Hans": {
        "immediately": "立即",
        "hours": "小时",
        "calendar_days": "日",
        "working_days": "个工作日",
    },
    "en": {
        "immediately": "at once",
        "hours": "h",
        "calendar_days": "days",
        "working_days": "working days",
    },
}


def _span(deadline: Deadline, language: str) -> str:
    units = _UNITS.get(language, _UNITS["en"])
    if deadline.unit is SpanUnit.IMMEDIATELY:
        return units["immediately"]
    return f"{deadline.amount} {units[deadline.unit.value]}"
