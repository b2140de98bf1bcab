"""The community use cases: the registry (its events), the composition checks."""
