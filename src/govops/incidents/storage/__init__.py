"""The incident module's ports on SQLAlchemy Core: its tables, repositories and unit of work."""
