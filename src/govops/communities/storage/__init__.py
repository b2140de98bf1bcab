"""The community module's ports on SQLAlchemy Core: its table (`tables`), the registry's
repository and unit of work (`registry`)."""
