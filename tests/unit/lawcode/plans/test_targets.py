"""A target read as the plan writes it: its sign or word by the pack's boundary convention,
a bare figure only with a stated reading; a figure holds it or not, exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.plans.targets import TargetError, read_target
from govops.lawcode.rules.intervals import BoundaryConvention, BoundaryWord, Side
from govops.lawcode.sources.citations import Citation

CITE = Citation("plan", "二(三)1")
CONVENTION = BoundaryConvention(
    {
        word: BoundaryWord(word, side, inclusive, CITE)
        for word, side, inclusive in (
            ("<", Side.UPPER, False),
            ("≧", Side.LOWER, True),
            ("以上", Side.LOWER, True),
            ("之内", Side.UPPER, True),
            ("至少", Side.LOWER, True),
        )
    }
)
READING = {"en": "reach: at least"}


def test_a_sign_excludes_or_includes_the_figure_as_the_convention_declares() -> None:
    below = read_target("<0.9", CONVENTION)
    assert (below.value, below.unit, below.comparator()) == (Decimal("0.9"), "", "<")
    assert below.holds(Decimal("0.89")) and not below.holds(Decimal("0.9"))
    fall = read_target("≧30%", CONVENTION)
    assert (fall.unit, fall.comparator()) == ("%", "≥")
    assert fall.holds(Decimal(30)) and not fall.holds(Decimal("29.99"))


def test_a_word_after_or_before_the_figure_reads_by_the_convention() -> None:
    share = read_target("70%以上", CONVENTION)
    assert share.holds(Decimal(70)) and not share.holds(Decimal("69.99"))
    hours = read_target("6小时之内", CONVENTION)
    assert (hours.unit, hours.side) == ("小时", Side.UPPER)
    assert hours.holds(Decimal(6)) and not hours.holds(Decimal("6.01"))
    depots = read_target("至少3处", CONVENTION)
    assert depots.holds(Decimal(3)) and not depots.holds(Decimal(2))


def test_a_bare_figure_needs_the_packs_reading() -> None:
    with pytest.raises(TargetError) as caught:
        read_target("2处", CONVENTION)
    assert "the pack must say how it is read" in str(caught.value)
    two = read_target("2处", CONVENTION, "at_least", READING)
    assert two.holds(Decimal(2)) and not two.holds(Decimal(1)) and two.reading == READING
    spacing = read_target("2公里", CONVENTION, "at_most", READING)
    assert spacing.holds(Decimal(2)) and not spacing.holds(Decimal("2.01"))
    range_ = read_target("1至2处", CONVENTION, "at_least", READING)
    assert range_.value == 1 and range_.holds(Decimal(1))


def test_what_cannot_be_read_is_refused_with_its_words() -> None:
    for written, said in (
        ("about 5", "is not a figure with a sign or a word"),
        ("≤5", "'≤' is not a boundary word the pack declares"),
        ("<5以上", "has both a sign and a word"),
        ("1至2处", "is a range: the pack reads it as at least its first figure"),
        ("至少1至2处", "is a range: it takes no sign nor word"),
    ):
        with pytest.raises(TargetError) as caught:
            read_target(written, CONVENTION)
        assert said in str(caught.value), written


def test_a_target_with_a_sign_or_a_word_takes_no_bare_reading() -> None:
    with pytest.raises(TargetError) as caught:
        read_target("70%以上", CONVENTION, "at_least", READING)
    assert "has a sign or a word: it takes no bare reading" in str(caught.value)
