"""The voter register and the slate, checked with the pack's rules of the election day:
18 on the day (Art. 8 para 2), a resident of the area, not deprived of political rights;
candidates on the register, enough of them, no kin among them (slide 38)."""

from __future__ import annotations

from datetime import date

import pytest

from govops.communities.model.election import (
    RegisterRow,
    Step,
    check_candidates,
    check_register,
    election_procedure,
    rules_in_force,
)
from govops.communities.model.registry import Relation
from govops.lawcode.dated.parameters import ParameterError
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

PACK = load_builtin_pack("cn-community-organizations")
DAY = date(2025, 6, 15)  # an election day under the 2018 text (the 2025 text is not at hand)
EN = translator("en")


def row(
    line: int, ident: str, born: date | None, resident: bool | None = True, **more: bool
) -> RegisterRow:
    return RegisterRow(line, ident, f"name {ident}", born, resident, **more)


def test_the_packs_six_steps_are_the_textbooks_in_order_each_cited_to_slide_42() -> None:
    procedure = election_procedure(PACK)
    assert {str(s.cite) for s in procedure.steps} == {str(procedure.cite)}
    assert procedure.cite.article == "42"
    assert (
        [s.value for s in Step]
        == [s.id for s in procedure.steps]
        == [
            "election_committee",
            "voter_registration",
            "representatives",
            "congress_and_council",
            "committee",
            "reelection",
        ]
    )


def test_a_voter_is_18_on_the_day_and_17_is_refused_with_the_article() -> None:
    register = check_register(
        [
            row(2, "v1", date(2007, 6, 15)),  # 18 on the day itself
            row(3, "v2", date(2007, 6, 16)),  # 18 the day after
            row(4, "v3", date(1960, 1, 1), resident=False),
            row(5, "v4", date(1960, 1, 1), deprived=True),
        ],
        DAY,
        PACK,
    )
    assert [v.id for v in register.voters] == ["v1"]
    refused = {r.id: r for r in register.refused}
    assert refused["v2"].outcomes == ("under_voting_age",)
    assert [str(c) for c in refused["v2"].cites] == ["cn-urc-organic-law 8 para 2"]
    assert EN.say(refused["v2"].reason) == "aged 17 on Jun 15, 2025 (born Jun 16, 2007)"
    assert refused["v3"].outcomes == ("not_resident",)
    assert refused["v4"].outcomes == ("deprived_of_rights",)
    assert [r.line for r in register.refused] == [3, 4, 5]


def test_a_row_that_lacks_a_fact_or_repeats_a_person_is_refused_with_its_line() -> None:
    register = check_register(
        [
            row(2, "v1", date(1980, 1, 1)),
            row(3, "v1", date(1980, 1, 1)),
            row(4, "v2", None),
            row(5, "v3", date(1980, 1, 1), resident=None),
        ],
        DAY,
        PACK,
    )
    said = [(r.line, r.outcomes, EN.say(r.reason)) for r in register.refused]
    assert said == [
        (3, (), "v1 is already listed on line 2"),
        (4, (), "no birth date: the age on the election day cannot be told"),
        (5, (), "residence in the area not stated"),
    ]


def test_an_election_after_the_2025_text_is_refused_not_run_on_the_old_law() -> None:
    with pytest.raises(ParameterError, match="voting_min_age"):
        check_register([row(2, "v1", date(1980, 1, 1))], date(2026, 3, 1), PACK)
    assert rules_in_force(PACK, date(2025, 12, 31))["voting_min_age"].value == 18


def kin_of(pairs: dict[frozenset[str], Relation]) -> object:
    return lambda a, b: pairs.get(frozenset({a, b}))


def test_candidates_who_are_siblings_are_named_with_slide_38() -> None:
    register = check_register([row(i, f"c{i}", date(1980, 1, 1)) for i in range(1, 8)], DAY, PACK)
    slate = [f"c{i}" for i in range(1, 7)]
    kin = kin_of({frozenset({"c1", "c2"}): Relation.SIBLING})
    found = check_candidates(slate, 5, register, kin, PACK)  # type: ignore[arg-type]
    assert [(f.people, EN.say(f.reason), str(f.cite)) for f in found] == [
        (("c1", "c2"), "c1 and c2 are kin (sibling)", "cn-community-textbook-ch3 38")
    ]
    none = check_candidates(slate, 5, register, kin_of({}), PACK)  # type: ignore[arg-type]
    assert none == ()


def test_a_slate_with_too_few_candidates_seats_out_of_range_or_a_non_voter_is_barred() -> None:
    register = check_register([row(i, f"c{i}", date(1980, 1, 1)) for i in range(1, 6)], DAY, PACK)
    nobody = kin_of({})
    found = check_candidates(["c1", "c2", "c3", "c9", "c1"], 4, register, nobody, PACK)  # type: ignore[arg-type]
    assert [(f.people, EN.say(f.reason)) for f in found] == [
        ((), "4 seats, outside 5 to 9"),
        (("c9",), "c9 is not on the voter register"),
        (("c1",), "c1 is listed twice"),
    ]
    assert str(found[0].cite) == "cn-community-textbook-ch3 36"
    five = [f"c{i}" for i in range(1, 6)]
    assert check_candidates(five, 5, register, nobody, PACK) == ()  # type: ignore[arg-type]
    ten = check_candidates(five, 10, register, nobody, PACK)  # type: ignore[arg-type]
    assert [EN.say(f.reason) for f in ten] == [
        "10 seats, outside 5 to 9",
        "5 candidates for 10 seats",
    ]


def test_a_person_refused_once_is_not_taken_on_a_later_row() -> None:
    register = check_register(
        [row(2, "v1", date(2010, 1, 1)), row(3, "v1", date(1960, 1, 1))], DAY, PACK
    )
    assert register.voters == ()
    assert [(r.line, EN.say(r.reason) if r.reason else None) for r in register.refused] == [
        (2, "aged 15 on Jun 15, 2025 (born Jan 1, 2010)"),
        (3, "v1 is already listed on line 2"),
    ]
    resident = check_register([row(2, "v2", date(1960, 1, 1), resident=False)], DAY, PACK)
    assert resident.refused[0].reason is None  # the outcome's label says it; no figure


def test_a_spouse_or_other_relative_is_not_kin_under_slide_38() -> None:
    register = check_register([row(i, f"c{i}", date(1980, 1, 1)) for i in range(1, 6)], DAY, PACK)
    slate = [f"c{i}" for i in range(1, 6)]
    for relation in (Relation.SPOUSE, Relation.OTHER):
        kin = kin_of({frozenset({"c1", "c2"}): relation})
        assert check_candidates(slate, 5, register, kin, PACK) == ()  # type: ignore[arg-type]
    parent = kin_of({frozenset({"c1", "c2"}): Relation.PARENT})
    assert len(check_candidates(slate, 5, register, parent, PACK)) == 1  # type: ignore[arg-type]


def test_a_register_before_the_tianjin_example_is_checked_by_the_law_alone() -> None:
    register = check_register([row(2, "v1", date(1977, 3, 1))], date(1995, 3, 1), PACK)
    assert [v.id for v in register.voters] == ["v1"]
