"""The warning module's API routes: /api/v1/warnings (levels, history, alerts, subscriptions,
deliveries; the per-area series and the daily report)."""
