"""Programme plans: activities, outputs, budget lines and trajectories (`programme`), the
budget recomputed (`budget`, `budget_words`), the text set against the appendix
(`consistency`), both together (`check`), progress records (`progress`) and the findings
they give (`findings`)."""
