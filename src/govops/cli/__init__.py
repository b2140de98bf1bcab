"""The command-line adapter."""
