"""What every module's storage shares: engines and migrations (`database`), one metadata
(`metadata`), and the unit of work (`transaction`)."""
