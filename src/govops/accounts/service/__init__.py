"""The accounts' use cases, the only code that commits: users and grants (`accounts`),
log-ins, sessions and API tokens (`sessions`), units (`units`); each change also appends an
access event."""
