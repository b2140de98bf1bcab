"""The cadre module's API routes: /api/v1/cadres (the registry), /api/v1/selections and
/api/v1/cadre-reports."""
