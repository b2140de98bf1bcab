"""The community-organisation pack: its worked cases pass; every clause fires in one; every
numeric bound is tried on both sides under each dated value of its parameter (the law's
households before and from 2026-01-01, the term of 3 and of 5 years); a question of the
term as of 2026, whose article the pack could not read, is refused, not answered with the
old law; the values cite the textbook's slides and the law's articles."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from tests.packs.test_community_source import TEXTBOOK

from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.conditions import InRange, leaves
from govops.lawcode.rules.decision import Decider
from govops.lawcode.sources.scraped import normalise
from govops.packs import builtin_pack_ids, load_builtin_pack, pack_folder
from govops.packs.cases import CaseResult, load_cases, run_cases

PACK = "cn-community-organizations"
RESULTS = list(run_cases(load_builtin_pack(PACK), pack_folder(PACK)))


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: f"{r.table}:{r.name}")
def test_worked_case(result: CaseResult) -> None:
    assert result.passed, "\n".join(str(f) for f in result.failures)


def test_the_pack_is_built_in_and_every_clause_fires_in_a_case() -> None:
    assert PACK in builtin_pack_ids()
    pack = load_builtin_pack(PACK)
    fired = {
        f
        for _, entries in load_cases(pack_folder(PACK))
        for *_, c in entries
        for f in c.expect.fired or []
    }
    clauses = {clause.id for table in pack.tables.values() for _, clause in table.clauses()}
    assert clauses - fired == set()


def test_every_bound_is_tried_on_both_sides_under_each_dated_value() -> None:
    pack = load_builtin_pack(PACK)
    seen: dict[tuple[str, str], list[tuple[date, Decimal]]] = defaultdict(list)
    for _, entries in load_cases(pack_folder(PACK)):
        for _, cases_file, case in entries:
            day = case.as_of or cases_file.as_of
            for name, value in case.input.items():
                if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    seen[(cases_file.table, name)].append((day, Decimal(str(value))))
    missing = []
    for table in pack.tables.values():
        for _, clause in table.clauses():
            for leaf in leaves(clause.condition):
                if isinstance(leaf, InRange):
                    missing += _untried(table.id, leaf, seen[(table.id, leaf.input)])
    assert missing == []


def _untried(table: str, leaf: InRange, tried: list[tuple[date, Decimal]]) -> list[str]:
    """The dated values of the leaf's parameter whose bound no case tries on both sides."""
    bound = leaf.lower or leaf.upper
    assert bound is not None
    below = (bound is leaf.lower) == bound.word.inclusive
    name = bound.ref.parameter
    if name is None:  # a literal in the clause (超過 0): one value for every day
        limits = [(None, Decimal(str(bound.ref.literal)))]
    else:
        dated = load_builtin_pack(PACK).parameters.parameters[name].values
        limits = [(d, Decimal(str(d.value))) for d in dated]
    untried = []
    for version, limit in limits:
        values = {v for day, v in tried if version is None or version.in_force_on(day)}
        # The other side of the bound: below 以上 5 (4) and 不滿 5 (4), above 超過 9 (10).
        across = any(v < limit for v in values) if below else any(v > limit for v in values)
        if limit not in values or not across:
            start = version.start if version is not None else None
            untried.append(f"{table}.{leaf.input} {name or 'literal'}={limit} from {start}")
    return untried


def test_the_term_is_asked_of_the_law_of_its_day_and_refused_where_unread() -> None:
    pack = load_builtin_pack(PACK)
    term = pack.table("term")
    for day, years in ((date(2017, 6, 30), 3), (date(2020, 6, 30), 5)):
        rules = pack.rules_as_of(day)
        assert rules["term_years"].value == years
        decision = Decider(term, rules).decide({"years_since_election": years})
        assert decision.outcome == ["term_ended"]
    assert str(pack.rules_as_of(date(2020, 6, 30))["term_years"].cite) == (
        "cn-urc-organic-law-2018 8"
    )
    assert str(pack.rules_as_of(date(2017, 6, 30))["term_years"].cite) == (
        "cn-urc-organic-law-1989 8"
    )
    with pytest.raises(ParameterError, match=r"term_years.*no value in force on 2026-06-30"):
        pack.rules_as_of(date(2026, 6, 30))["term_years"]


def test_the_size_of_a_community_follows_the_law_of_its_day() -> None:
    pack = load_builtin_pack(PACK)
    before, after = pack.rules_as_of(date(2025, 12, 31)), pack.rules_as_of(date(2026, 1, 1))
    assert (before["community_min_households"].value, before["community_max_households"].value) == (
        100,
        700,
    )
    assert (after["community_min_households"].value, after["community_max_households"].value) == (
        1000,
        3000,
    )
    assert str(after["community_max_households"].cite) == "cn-urc-organic-law-2025 3"


def test_each_clause_quotes_its_slide_as_the_clean_text_reads() -> None:
    """A clause citing the textbook quotes its slide verbatim (the normaliser's text)."""
    clean = normalise(TEXTBOOK.read_text(encoding="utf-8"))
    pack = load_builtin_pack(PACK)
    misquoted = [
        f"{table.id}:{clause.id}"
        for table in pack.tables.values()
        for _, clause in table.clauses()
        if clause.cite.document == pack.document.id
        and clause.text not in clean.slide(clause.cite.article).text
    ]
    assert misquoted == []
