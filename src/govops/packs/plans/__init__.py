"""A pack's programme plan (`programme.yaml`): its schema, the core objects built from it
(figures read as printed), its budget, and its worked checks."""
