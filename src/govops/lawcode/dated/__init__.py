"""Time in the law: dated parameters (a value per period of validity), legal deadlines and
checklists (`procedures`), and the working-day calendar port (`calendar`)."""
