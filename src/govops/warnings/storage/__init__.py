"""The warning module's ports on SQLAlchemy Core: its tables, warnings and series."""
