"""What a figure costs to read: a text longer than MAX_TEXT is refused before it is read,
and below that reading is linear in the text's length (a 1.8 MB `1多多多…` once kept the
parser busy for 20 s, each 多 peeled by copying the whole text)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from govops.lawcode.figures import zh
from govops.lawcode.figures.zh import MAX_TEXT, FigureError, parse_figure
from govops.lawcode.texts.messages import Quote


def test_a_figure_of_max_text_characters_is_read() -> None:
    raw = "约" + "5,000人左右".rjust(MAX_TEXT - 1)
    assert len(raw) == MAX_TEXT
    figure = parse_figure(raw)
    assert (figure.value, figure.approximate, figure.unit) == (5000, True, "人")


def test_a_longer_text_is_refused_with_its_head_quoted() -> None:
    with pytest.raises(FigureError) as refused:
        parse_figure("5000".ljust(MAX_TEXT + 1))
    message = refused.value.message
    assert message.id == "{raw}: a figure is at most {most} characters long"
    assert message.values["most"] == MAX_TEXT
    assert message.values["raw"] == Quote(repr("5000" + " " * 16 + "…"))


def test_the_figure_that_took_twenty_seconds_is_refused_at_once() -> None:
    raw = "1" + "多" * 600_000  # 1.8 MB in UTF-8
    started = time.perf_counter()
    with pytest.raises(FigureError, match="at most 64 characters") as refused:
        parse_figure(raw)
    assert time.perf_counter() - started < 0.05
    assert len(str(refused.value)) < 100  # the message quotes 20 characters, not 600,000


def _fastest(read: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        with contextlib.suppress(FigureError):
            read()
        best = min(best, time.perf_counter() - started)
    return best


# Texts that make a reader do the most work per character: suffixes peeled one by one,
# spaces between them, long runs of digits (Arabic and positional Chinese), commas.
SHAPES: dict[str, Callable[[int], str]] = {
    "多 peeled": lambda n: "1" + "多" * n,
    "多 and spaces": lambda n: "1" + " 多" * (n // 2),
    "人左右 repeated": lambda n: "1" + "人左右" * (n // 3),
    "Arabic digits": lambda n: "约" + "1" * n,
    "positional": lambda n: "五" + "〇" * n,
    "grouped": lambda n: "1" + ",000" * (n // 4),
    "big units": lambda n: "一万" * (n // 2),
    "inner approx": lambda n: "三" + "千" * n + "余万",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_reading_is_linear_in_the_length_of_the_text(
    shape: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cap lifted, ten times the text takes about ten times as long (9 to 12 times
    here); the reader that copied the text for each 多 it peeled took 30 to 45 times as
    long (the copies' share grows with the square of the length)."""
    monkeypatch.setattr(zh, "MAX_TEXT", 10**7)
    small, large = shape(20_000), shape(200_000)
    parse_small = _fastest(lambda: parse_figure(small))
    parse_large = _fastest(lambda: parse_figure(large))
    assert parse_large < 2.0
    assert parse_large < 20 * parse_small + 0.005, (parse_small, parse_large)
