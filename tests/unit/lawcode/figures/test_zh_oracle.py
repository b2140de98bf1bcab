"""Plain Chinese numerals read as cn2an writes them: for any whole number a report may
hold (below 10**15), the numeral cn2an writes for it (一千零五, 十万, 一万亿零七...) is read
back as that number, in plain and in financial characters. cn2an is the oracle; Hypothesis
draws the numbers (the same ones at every run, so that CI is reproducible)."""

from __future__ import annotations

import cn2an
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govops.lawcode.figures.zh import MAX_DIGITS, parse_figure

NUMBERS = st.integers(min_value=0, max_value=10**MAX_DIGITS - 1)
FINANCIAL = str.maketrans("一二三四五六七八九十百千万亿", "壹贰叁肆伍陆柒捌玖拾佰仟萬億")


@settings(max_examples=3000, derandomize=True, database=None)
@given(NUMBERS)
@example(0)
@example(10)
@example(20_050_000)
@example(10**12 + 7)
@example(10**MAX_DIGITS - 1)
def test_a_plain_numeral_reads_back_as_its_number(number: int) -> None:
    written = cn2an.an2cn(number)
    assert parse_figure(written).value == number, written


@settings(max_examples=500, derandomize=True, database=None)
@given(NUMBERS)
def test_a_financial_numeral_reads_back_as_its_number(number: int) -> None:
    written = cn2an.an2cn(number).translate(FINANCIAL)
    assert parse_figure(written).value == number, written
