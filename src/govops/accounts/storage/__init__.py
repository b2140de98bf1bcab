"""The accounts' ports on SQLAlchemy Core: users, grants, sessions, API tokens, unit
versions and access events (`tables`), their repositories and unit of work (`accounts`)."""
