"""The rules engine: inputs, intervals and conditions, rule tables, single decisions with
trace and why-not, batch evaluation in polars, table analysis, what-if, verdicts of
tables of breaches, and the record adapters a table may name."""
