"""Programme plans: a plan's scope, activities, budget and targets checked against its own
text, progress records, and the sex-ratio-at-birth indicator of the Thanh Hóa plan."""
