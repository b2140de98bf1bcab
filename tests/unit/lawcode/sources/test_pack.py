"""A pack's rules for some of its tables on a day: the snapshot when every parameter their
clauses read is in force, else ParameterError naming the first missing one, in the tables' order."""

from __future__ import annotations

from datetime import date

import pytest

from govops.lawcode.dated.parameters import ParameterError
from govops.packs import load_builtin_pack

PACK = load_builtin_pack("cn-community-organizations")


def test_the_rules_of_the_tables_asked_are_in_force_or_refused_by_name() -> None:
    assert PACK.rules_for(date(2025, 6, 15), "voters", "vote")["voting_min_age"].value == 18
    with pytest.raises(ParameterError, match="'election_quorum_share' has no value"):
        PACK.rules_for(date(2026, 3, 1), "vote", "voters")
    with pytest.raises(ParameterError, match="'voting_min_age' has no value"):
        PACK.rules_for(date(2026, 3, 1), "voters")
    assert PACK.rules_for(date(2026, 3, 1), "committee")["committee_min_members"].value == 5
