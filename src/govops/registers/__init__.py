"""The district's registers (the Xicheng District plan's parts 三 and 四): yearly figures
with their sources, reserves on a stock card, shelters, the recurring duties (meetings,
risk assessments, drills), the duty roster, training, hazards and their rectification,
each plan's life cycle; a dashboard per unit of indicators against targets and alerts."""
