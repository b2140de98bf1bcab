"""Cadres: the adapter that turns a cadre's record (career history, assessments,
sanctions) into the inputs of the pack cn-cadre-selection's eligibility table; batch
screening; the selection procedure with its guards; alerts over the organisation."""
