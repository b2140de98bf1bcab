"""The community module's codes in words, for the pages and the commands alike (each
translated where shown): kinds of organisation, posts, verdicts of a make-up, kinds of
registry event."""

from __future__ import annotations

from govops.lawcode.texts.messages import N_

# model.registry.OrganisationKind
KIND_NAMES = {
    "party_committee": N_("community Party committee"),
    "party_branch": N_("community Party branch"),
    "congress": N_("residents' congress"),
    "committee": N_("residents' committee"),
    "subcommittee": N_("sub-committee"),
    "council": N_("consultative council"),
    "resident_group": N_("resident group"),
    "intermediary": N_("intermediary organisation"),
    "professional_service": N_("professional service organisation"),
}
# model.composition.Role
ROLE_NAMES = {
    "director": N_("director"),
    "deputy": N_("deputy director"),
    "member": N_("member"),
    "secretary": N_("secretary"),
    "deputy_secretary": N_("deputy secretary"),
}
# lawcode.rules.verdict.Verdict, as a make-up is judged
VERDICT_NAMES = {
    "eligible": N_("meets the rules"),
    "eligible_with_warnings": N_("meets the firm rules, with warnings"),
    "ineligible": N_("breaches a firm rule"),
}
# model.registry.EventKind: what was recorded (not the post "member", nor the body)
EVENT_NAMES = {
    "facts": N_("households and occupancy"),
    "organisation": N_("organisation recorded"),
    "member": N_("member recorded"),
    "post": N_("post recorded"),
    "kinship": N_("kinship declared"),
    "exception": N_("exception recorded"),
    "meeting": N_("meeting held"),
    "election": N_("election step recorded"),
}
# model.registry.Relation, as `a` is to `b`
RELATION_NAMES = {
    "sibling": N_("sibling"),
    "parent": N_("parent"),
    "child": N_("child"),
    "grandparent": N_("grandparent"),
    "grandchild": N_("grandchild"),
    "spouse": N_("spouse"),
    "other": N_("other relative"),
}
# model.election.Step: slide 42's six steps
STEP_NAMES = {
    "election_committee": N_("the election committee"),
    "voter_registration": N_("voter registration"),
    "representatives": N_("representatives and resident group leaders"),
    "congress_and_council": N_("the congress and the council"),
    "committee": N_("election of the residents' committee"),
    "reelection": N_("re-election for the seats left"),
}
# model.registry_checks.SCHEMAS: the fields of a registry event, as its history shows them
FIELD_NAMES = {
    "households": N_("households"),
    "occupancy": N_("occupancy (%)"),
    "as_of": N_("as of"),
    "moving_in_since": N_("moving in since"),
    "applied_on": N_("committee applied for on"),
    "id": N_("id"),
    "kind": N_("kind"),
    "name": N_("name"),
    "formed": N_("formed"),
    "parent": N_("its committee"),
    "subcommittee": N_("sub-committee kind"),
    "building": N_("building"),
    "dissolved": N_("dissolved"),
    "elected": N_("last elected on"),
    "birth_date": N_("birth date"),
    "retired": N_("retired"),
    "party_member": N_("Party member"),
    "full_time": N_("full-time"),
    "residence": N_("residence"),
    "member": N_("member"),
    "organisation": N_("organisation"),
    "role": N_("post"),
    "start": N_("from"),
    "end": N_("until"),
    "a": N_("member"),
    "b": N_("related to"),
    "relation": N_("relation"),
    "held_on": N_("held on"),
    "rule": N_("rule"),
    "reason": N_("reason"),
    "granted_on": N_("granted on"),
}
