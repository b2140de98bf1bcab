"""The incident module's API routes: /api/v1/incidents, with their bodies and errors."""
