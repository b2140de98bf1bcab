"""`govops demo`: grade a pack's sample incidents and print each decision, explained, in
the reader's language (--lang; pack texts in it when the pack has them)."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.cli.context import DEFAULT_LANGUAGE, load, rules_on, said, stop
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.dated.procedures import Stage
from govops.lawcode.rules.decision import Decision, decide
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.sources.pack import Pack
from govops.packs import PackError, pack_folder
from govops.packs.examples import load_examples
from govops.packs.schema import ExampleModel
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail
from govops.platform.cli.render import labelled, listed, render_decision, span, text_of
from govops.platform.i18n.translator import Translator

DEMO_PACK = "cn-county-mass-incident"


def demo_command(
    pack: Annotated[str, typer.Argument(help="A pack with examples.yaml.")] = DEMO_PACK,
    lang: LanguageOption = None,
) -> None:
    """Grade the pack's sample incidents, with reasons, departments and deadlines."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded = load(pack, t)
    try:
        examples = load_examples(pack_folder(pack))
    except PackError as error:
        stop(t, error)
    if examples is None:
        fail(t._("pack {pack} has no examples.yaml", pack=repr(pack)))
    parameters = rules_on(loaded, examples.as_of, t)
    title = text_of(t, loaded.title, loaded.id)
    print(t._("{title} — rules in force on {day}", title=title, day=examples.as_of) + "\n")
    for number, example in enumerate(examples.examples, start=1):
        print(f"{number}. {text_of(t, example.title)}")
        decisions = _decisions(loaded, example, parameters, t)
        for decision in decisions:
            print("\n".join(render_decision(decision, t, loaded.language)))
        print("\n".join(_obligations(loaded, decisions, t)) + "\n")


def _decisions(
    pack: Pack, example: ExampleModel, parameters: ParameterSnapshot, t: Translator
) -> list[Decision]:
    try:
        return [decide(pack.table(i), record, parameters) for i, record in example.inputs.items()]
    except (InputError, ParameterError, KeyError) as error:
        fail(
            t._(
                "example {example}: {problem}",
                example=text_of(t, example.title),
                problem=said(t, error),
            )
        )


def _obligations(pack: Pack, decisions: list[Decision], t: Translator) -> list[str]:
    grades = [d.outcome for d in decisions if isinstance(d.outcome, str)]
    lines = []
    for deadline in pack.deadlines:
        # The examples are incidents that happened: warning-stage deadlines do not apply.
        if deadline.stage is Stage.INCIDENT and set(deadline.applies_to) & set(grades):
            title = text_of(t, deadline.title, deadline.id)
            due = f"{span(t, deadline)} [{deadline.cite.article}]"
            lines.append("    ⏱ " + labelled(t, title, due))
    actions = [item for item in pack.checklist if set(item.applies_to) & set(grades)]
    if actions:
        articles = sorted({a.cite.article.split(" ")[0].split("(")[0] for a in actions})
        lines.append(
            "    ☐ "
            + t.ngettext(
                "{count} response action ({articles})",
                "{count} response actions ({articles})",
                len(actions),
                articles=listed(t, articles),
            )
        )
    return lines
