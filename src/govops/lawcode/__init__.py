"""The pure law-as-code model and engine: no I/O, no frameworks (stdlib and polars only)."""
