"""The registers' events on SQLAlchemy Core."""
