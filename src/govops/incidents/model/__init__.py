"""The incident module's domain, pure: the incident as events (`incident`), what a duty officer
files (`intake`), and what the pack says about a report (`rules`)."""
