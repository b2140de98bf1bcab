"""Automatic weather station observations: ingestion, rolling accumulations by time, per-area
statistics and rainstorm levels, in batch and minute by minute. Numbers are numpy/polars;
the rules (thresholds, areas) come from a pack."""
