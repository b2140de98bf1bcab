"""The accounts' API routes: /api/v1/me (who the request comes from) and /api/v1/units
(the organisation's units the caller may read)."""
