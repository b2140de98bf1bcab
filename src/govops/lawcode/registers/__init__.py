"""Registers a plan is kept by: dated occurrences held against a required cadence
(`cadences`), duty rosters and their gaps (`roster`), hazards and their rectification
(`hazards`), stock cards of reserves and their coverage (`stock`, `coverage`), shelters with
their status history and the streets they serve (`shelters`)."""
