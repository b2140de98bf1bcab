"""The cadre module's use cases, the only code that commits: the registry and selections."""
