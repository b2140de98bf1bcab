"""The warning module's use cases: warnings (`warning`), per-area series (`series`), the day
of each area for the report (`daily`) and webhook delivery (`webhooks`)."""
