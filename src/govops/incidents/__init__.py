"""Incident case management: intake, grading, routing, deadlines, follow-ups, closure."""
