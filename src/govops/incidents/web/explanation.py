"""The decision of a report explained for the incident page: each clause that fired with
its article and the tests it passed, for each grade above why not (briefly, and for a
bound in words), and whether figures were estimates; each already in the reader's
language (texts) or marked with the language it is in (markup)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from markupsafe import Markup

from govops.incidents.web.shown import Reader, joined
from govops.lawcode.texts.messages import msg

_NEGATION = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
_RANGE_NEEDS = re.compile(r"^(>=|>|<=|<) (\S+)$")
_FLAG_TEST = re.compile(r"^(\S+) is (true|false)$")
_MEMBER_TEST = re.compile(r"^(\S+) in (\S+)$")
# `participants in [1000, 5000) (以上、以下)`: an input, its interval, the plan's words
_INTERVAL = re.compile(r"^(\S+) in ([\[(])(-∞|[^,]+), (\+∞|[^\])]+)([\])])(?: \((.+)\))?$")
_OPPOSITE = "the opposite of: "  # i18n: not shown (the core trace's wording, read here)


@dataclass(frozen=True, slots=True)
class ClauseView:
    id: str
    article: Markup
    text: Markup
    tests: list[Markup]


@dataclass(frozen=True, slots=True)
class WhyNotView:
    outcome: str
    heading: Markup  # why not this grade
    summary: Markup  # what it lacks, and the articles
    details: list[Markup]


@dataclass(frozen=True, slots=True)
class Explanation:
    grade: str | None
    label: Markup
    heading: Markup
    fired: list[ClauseView]
    why_not: list[WhyNotView]
    approximate: Markup  # empty unless the grade rests on approximate figures
    as_of: str


def explain(decision: dict[str, Any], reader: Reader) -> Explanation:
    """The stored decision, read for people: each clause that fired, its article and the
    tests it passed; for each grade above, why not; and whether figures were estimates."""
    t = reader.t
    outcome = decision.get("outcome")
    grade = outcome if isinstance(outcome, str) else None
    trace = {step["clause"]: step for step in decision.get("trace", [])}
    fired = []
    for clause_id, cite in zip(decision["fired"], decision["citations"], strict=True):
        step = trace.get(clause_id, {})
        tests = [_test_line(test, reader) for test in step.get("tests", []) if test.get("holds")]
        article = reader.document(_article(cite, reader.pack.document.id))
        fired.append(ClauseView(clause_id, article, reader.document(step.get("text", "")), tests))
    why_not = [
        _why_not(outcome_value, reason, reader)
        for outcome_value, reason in decision.get("why_not", {}).items()
    ]
    names = [reader.input_label(name) for name in decision.get("approximate", [])]
    approximate = (
        reader.say(msg("Graded on approximate figures: {names}", names=joined(t, names)))
        if names
        else Markup()
    )
    as_of = decision.get("as_of")
    label = reader.grade(grade)
    return Explanation(
        grade,
        label,
        reader.say(msg("Grade: {grade}", grade=label)),
        fired,
        why_not,
        approximate,
        t._("rules in force on {day}", day=date.fromisoformat(as_of)) if as_of else "",
    )


def _article(cite: str, document_id: str) -> str:
    """'cn-county-mass-incident-plan 4.2(1)' -> '4.2(1)'."""
    prefix = f"{document_id} "
    return cite[len(prefix) :] if cite.startswith(prefix) else cite


def _test_line(test: dict[str, Any], reader: Reader) -> Markup:
    """'参与人数 = 约1200 (≥ 1,000, < 5,000, 以上、以下)': the figure, then the test it
    passed in symbols and figures of the reader's language, with the plan's own words."""
    shown = test.get("raw", test.get("value"))
    return Markup("{} = {} ({})").format(
        reader.input_label(test.get("input", "")),
        reader.figure(shown),
        _condition(str(test.get("test", "")), reader),
    )


def _condition(test: str, reader: Reader) -> Markup:
    """A test of the rule's notation (`participants in [1000, 5000) (以上、以下)`, `x is
    true`) as a reader reads it; a form it does not know, as written (in code)."""
    interval = _INTERVAL.match(test)
    if interval:
        _, left, low, high, right, words = interval.groups()
        parts = []
        if low != "-∞":
            parts.append(Markup("{} {}").format("≥" if left == "[" else ">", _bound(low, reader)))
        if high != "+∞":
            parts.append(Markup("{} {}").format("≤" if right == "]" else "<", _bound(high, reader)))
        if words:
            parts.append(reader.document(words))  # the plan's words for its bounds
        return Markup(", ").join(parts)
    flag = _FLAG_TEST.match(test)
    if flag:
        said = msg("asserted") if flag.group(2) == "true" else msg("not asserted")
        return reader.say(said)
    return Markup("<code>{}</code>").format(test)


def _bound(text: str, reader: Reader) -> Markup:
    return reader.figure(_number(text))


def _number(value: object) -> object:
    """A figure from the stored decision as a number when it is one (for its format)."""
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        return int(number) if number == number.to_integral_value() else number
    return value


def _why_not(outcome: str, reason: dict[str, Any], reader: Reader) -> WhyNotView:
    gaps, details = [], []
    for failing in reason.get("failing", []):
        gap, detail = _shortfall(failing, reader)
        gaps.append(gap)
        if detail is not None:
            details.append(detail)
    articles = [_article(c, reader.pack.document.id) for c in reason.get("cite", [])]
    summary = Markup("; ").join(gaps)
    if articles:
        cited = Markup(", ").join(reader.document(a) for a in articles)
        summary = Markup("{} ({})").format(summary, cited)
    heading = reader.say(msg("Why not {grade}", grade=reader.grade(outcome)))
    return WhyNotView(outcome, heading, summary, details)


def _shortfall(failing: dict[str, Any], reader: Reader) -> tuple[Markup, Markup | None]:
    """What one failing test lacks: briefly, and for a bound in words."""
    name, needs = str(failing.get("input") or ""), str(failing.get("needs", ""))
    label = reader.input_label(name)
    bound = _RANGE_NEEDS.match(needs)
    if name and bound:
        operator, limit = bound.groups()
        value = reader.figure(_number(failing.get("value")))
        shown = reader.figure(_number(limit))
        brief = Markup("{} {} {} {}").format(label, value, _NEGATION[operator], shown)
        needed = Markup("{} {}").format(operator, shown)
        detail = reader.say(
            msg("{input}: {value}, needs {needs}", input=label, value=value, needs=needed)
        )
        return brief, detail
    flag = _FLAG_TEST.match(needs)
    if name and flag:
        if flag.group(2) == "true":
            return reader.say(msg("{input}: not asserted", input=label)), None
        return reader.say(msg("{input}: asserted", input=label)), None
    member = _MEMBER_TEST.match(needs)
    if name and member:
        code = Markup("<code>{}</code>").format(member.group(1))
        return reader.say(msg("{input}: {code} is not among them", input=label, code=code)), None
    tests = needs.removeprefix(_OPPOSITE)
    code = Markup("<code>{}</code>").format(tests)
    return reader.say(msg("the opposite of: {tests}", tests=code)), None
