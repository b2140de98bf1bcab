"""The kinds of entry of the cadre registry and the fields of each (`SCHEMAS`), with the
codes they take: relatives and the kinship of Art. 43 each is, lines of work (43),
accountability (46), absences (45(6), 45(7))."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from govops.cadres.model.people import AbsenceKind, Function
from govops.cadres.model.record import DISCIPLINE, EDUCATION, RANKS, RESULTS
from govops.lawcode.texts.messages import N_

# Relatives as recorded, and the kinship of 43 para 2 each is (registry_views.KINSHIP):
# 夫妻; 直系血亲 (parents, children, grandparents, grandchildren); 三代以内旁系血亲 (siblings,
# uncles and aunts, nephews and nieces, first cousins); 近姻亲 (reading: the spouse's parents
# and siblings, the spouses of one's children and siblings). `other` is none of them.
RELATIONS = (
    "spouse",
    "child",
    "parent",
    "sibling",
    "grandparent",
    "grandchild",
    "uncle_or_aunt",
    "nephew_or_niece",
    "cousin",
    "parent_in_law",
    "sibling_in_law",
    "child_in_law",
    "other",
)
RELATION_NAMES = {
    "spouse": N_("spouse"),
    "child": N_("child"),
    "parent": N_("parent"),
    "sibling": N_("sibling"),
    "grandparent": N_("grandparent"),
    "grandchild": N_("grandchild"),
    "uncle_or_aunt": N_("uncle or aunt"),
    "nephew_or_niece": N_("nephew or niece"),
    "cousin": N_("first cousin"),
    "parent_in_law": N_("spouse's parent"),
    "sibling_in_law": N_("spouse's sibling, or sibling's spouse"),
    "child_in_law": N_("child's spouse"),
    "other": N_("other relative"),
}
FUNCTIONS = tuple(f.value for f in Function)  # lines of work of 43 para 2
# Art. 46: 引咎辞职, 责令辞职, 因问责被免职 (no equivalent post for one year).
ACCOUNTABILITY = ("resigned_taking_blame", "ordered_to_resign", "dismissed")
ABSENCES = tuple(a.value for a in AbsenceKind)  # 45(6) study leave, 45(7) health


class EntryKind(StrEnum):
    POSITION = "position"
    WORK_START = "work_start"
    EDUCATION = "education"
    TRAINING = "training"
    PARTY = "party"
    ASSESSMENT = "assessment"
    DISCIPLINE = "discipline"
    RELATIVE = "relative"
    ESTABLISHMENT = "establishment"
    DEMOTION = "demotion"
    ACCOUNTABILITY = "accountability"  # resignation or dismissal through accountability (46)
    ABSENCE = "absence"  # away from the post: study leave (45(6)), ill health (45(7))
    RETRACTION = "retraction"  # withdraws the entry it supersedes


# Field types: a tuple is a set of codes; "past" a date not after today; "date" any date.
PAST, DATE, TEXT, FLAG, YEAR = "past", "date", "text", "flag", "year"
Spec = Mapping[str, tuple[str | tuple[str, ...], bool]]  # field -> (type, required)

SCHEMAS: dict[EntryKind, Spec] = {
    EntryKind.POSITION: {
        "rank": (RANKS, True),
        "unit": (TEXT, True),
        "post": (TEXT, False),
        "start": (PAST, True),
        "end": (DATE, False),
        "grassroots": (FLAG, False),
        "party_post": (FLAG, False),
        "probation_end": (DATE, False),
        "exceptional": (FLAG, False),  # reached by exceptional promotion (Art. 7)
        "reports_to": (TEXT, False),  # the registry id of the direct leader (43)
        "leads_unit": (FLAG, False),  # a leadership post of the unit (领导职务, 43)
        "function": (FUNCTIONS, False),  # personnel, discipline, ... work (43)
        "supervised_by": (TEXT, False),  # the registry id of who supervises its work (43)
    },
    EntryKind.WORK_START: {"date": (PAST, True)},
    EntryKind.EDUCATION: {
        "level": (EDUCATION, True),
        "institution": (TEXT, False),
        "completed_on": (PAST, False),
    },
    EntryKind.TRAINING: {
        "course": (TEXT, True),
        "completed_on": (PAST, True),
        "meets_requirement": (FLAG, False),  # the training requirement of 6(5) is met
    },
    EntryKind.PARTY: {
        "joined_on": (PAST, True),  # admitted (入党), as a probationary member
        "full_member_on": (PAST, False),  # full membership (转正): 党龄 counts from it (6(7))
    },
    EntryKind.ASSESSMENT: {"year": (YEAR, True), "result": (RESULTS, True)},
    EntryKind.DISCIPLINE: {
        "kind": (DISCIPLINE, True),
        "decided_on": (PAST, True),
        "effect_until": (DATE, True),  # the last day of its effect period
        "reason": (TEXT, False),
    },
    EntryKind.RELATIVE: {
        "relation": (RELATIONS, True),
        "name": (TEXT, True),
        "cadre_id": (TEXT, False),  # the relative's own id in the registry, if a cadre
        "abroad": (FLAG, False),  # has emigrated (移居国(境)外)
        "abroad_since": (PAST, False),
    },
    EntryKind.ESTABLISHMENT: {
        "on_establishment": (FLAG, True),
        "personnel_agency": (FLAG, False),
        "date": (PAST, False),  # formal entry into the establishment
    },
    EntryKind.DEMOTION: {"on": (PAST, True), "reason": (TEXT, False)},
    EntryKind.ACCOUNTABILITY: {
        "kind": (ACCOUNTABILITY, True),
        "on": (PAST, True),  # the day of the resignation or dismissal
        "reason": (TEXT, False),
    },
    EntryKind.ABSENCE: {
        "reason": (ABSENCES, True),
        "start": (PAST, True),  # the first day away
        "end": (DATE, False),  # the first day back, or the planned one
        "organisation_sent": (FLAG, False),  # 组织选派 study leave (not 45(6))
        "note": (TEXT, False),
    },
    EntryKind.RETRACTION: {"reason": (TEXT, True)},
}
SINGLE = {EntryKind.WORK_START, EntryKind.PARTY, EntryKind.ESTABLISHMENT}  # one at a time
