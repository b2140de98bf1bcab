"""The HTTP API (/api/v1): request and response schemas, problem documents, routes."""
