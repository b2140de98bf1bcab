"""Chinese numerals written out, as a document numbers its parts."""

from __future__ import annotations

import pytest

from govops.lawcode.figures.zh import parse_figure
from govops.lawcode.figures.zh_numerals import numeral


@pytest.mark.parametrize(
    ("n", "written"),
    [(1, "一"), (6, "六"), (10, "十"), (11, "十一"), (20, "二十"), (42, "四十二"), (99, "九十九")],
)
def test_numerals(n: int, written: str) -> None:
    assert numeral(n) == written


def test_every_numeral_reads_back() -> None:
    assert all(parse_figure(numeral(n)).value == n for n in range(1, 100))


@pytest.mark.parametrize("n", [0, 100, -1])
def test_only_one_to_ninety_nine(n: int) -> None:
    with pytest.raises(ValueError, match="1 to 99"):
        numeral(n)
