"""The cadre module's ports on SQLAlchemy Core: its tables, the registry and selections."""
