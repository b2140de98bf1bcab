"""The programme module's domain: the SRB indicator (`srb`). Plans, budgets and their checks
are generic and live in the core (`govops.lawcode.plans`)."""
