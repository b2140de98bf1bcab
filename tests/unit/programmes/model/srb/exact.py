"""An exact Clopper–Pearson interval computed independently of scipy: binomial tail sums
with math.comb in 60-digit decimals, solved for p by bisection."""

from __future__ import annotations

from decimal import Decimal, localcontext
from math import comb

TAIL = Decimal("0.025")
STEPS = 90  # halvings: 2**-90 is far below float resolution


def _at_least(b: int, n: int, p: Decimal) -> Decimal:
    return sum((comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(b, n + 1)), Decimal(0))


def _solve(f, increasing: bool) -> Decimal:  # type: ignore[no-untyped-def]
    low, high = Decimal(0), Decimal(1)
    for _ in range(STEPS):
        mid = (low + high) / 2
        if (f(mid) < TAIL) == increasing:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def clopper_pearson(boys: int, girls: int) -> tuple[float, float]:
    """Bounds on the share of boys: P(X >= boys | p_low) = 0.025, P(X <= boys | p_high) = 0.025."""
    n = boys + girls
    with localcontext() as context:
        context.prec = 60
        low = Decimal(0) if boys == 0 else _solve(lambda p: _at_least(boys, n, p), True)
        high = Decimal(1) if girls == 0 else _solve(lambda p: 1 - _at_least(boys + 1, n, p), False)
    return float(low), float(high)
