"""The decimal context figures are computed in: sums, products and scalings of exact
decimals are exact at MAX_PREC, and an Inexact or invalid result is trapped (a bug, never
a rounding)."""

from __future__ import annotations

import decimal

EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.InvalidOperation],
)
