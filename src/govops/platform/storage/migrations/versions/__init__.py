"""The migration scripts, in order (r0001 ...)."""
