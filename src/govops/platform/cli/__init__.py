"""What every command shares: output without tracebacks, JSON input, record files (CSV,
Parquet) and plain-text rendering for the terminal."""
