"""The programme module's reports: a plan's mid-term and final evaluation (`evaluation`)."""
