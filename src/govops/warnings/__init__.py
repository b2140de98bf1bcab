"""Rainstorm warnings for areas: the lifecycle of each area's warning (issue, upgrade,
downgrade, cancel), each event with its trace and its CAP 1.2 alert, and the ports the
storage and the publication outbox implement."""
