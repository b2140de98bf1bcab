"""Population indicators computed from counts: the sex ratio at birth (SRB) with exact
intervals, pooled over years, rolled up the commune -> district -> province hierarchy,
communes ranked by their expected ratio given all communes (empirical Bayes), and progress
against a target trajectory. Pure functions over polars frames; no files, no command line.

Modules (imported one by one, so that the command line loads scipy only when it computes):
- `areas`: the area hierarchy (`parse_areas`, `AreaHierarchy`);
- `counts`: births by area and year (`parse_births`, `count_records`, `roll_up`);
- `srb`: estimates and exact intervals (`estimate`, `estimate_levels`, `pool_years`,
  `srb_interval`);
- `coverage`: how many areas below a roll-up's figures sum, and warnings when some are
  missing (`roll_up_with_coverage`, `incomplete_warning`, `change_warning`);
- `shrinkage`: communes ranked by their expected SRB (`rank_communes`), built on
  `hierarchy` (beta-binomial marginal likelihood: do communes, do districts differ) and
  `mixing` (the communes' spread with no shape assumed, posterior means);
- `progress`: a target trajectory (`assess_progress`, `births_needed`);
- `messages`: what they say (Messages, translated where shown), `IndicatorError`.

Imports numpy, scipy, polars, the standard library and govops.lawcode only.
"""
