"""Accounts and organisations: the units an organisation is made of (a tree, versioned),
its users, the roles granted to them at units, their sessions and API tokens, and the
record of log-ins, grants and other access events."""
