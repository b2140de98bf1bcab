"""The cadre record of a person as of a date, assembled from the registry's facts in
force, in the shape the `cadre-record` adapter reads, with the entry each part comes from."""

from __future__ import annotations

from datetime import date
from typing import Any

from govops.cadres.model.record import EDUCATION, RANKS
from govops.cadres.model.registry import Cadre, Entry, EntryKind, RegistryInputError
from govops.lawcode.texts.messages import msg


def assemble(
    cadre: Cadre, target_rank: str, as_of: date, exceptional: bool, is_party_post: bool
) -> dict[str, Any]:
    """{"record": the cadre record as of `as_of`, "sources": record field -> entry seq}.
    Facts dated after as_of are left out; a post ending after it is held on it."""
    if target_rank not in RANKS:
        raise RegistryInputError(
            "target_rank",
            msg("unknown rank {rank} ({known})", rank=repr(target_rank), known=", ".join(RANKS)),
        )
    sources: dict[str, int] = {}
    work = [e for e in cadre.facts(EntryKind.WORK_START) if _on(e, "date", as_of)]
    if not work:
        if cadre.facts(EntryKind.WORK_START):
            raise RegistryInputError(
                "as_of", msg("{day} is before the recorded start of work", day=as_of)
            )
        raise RegistryInputError(
            "work_start", msg("no work_start entry is recorded for this cadre")
        )
    educations = [e for e in cadre.facts(EntryKind.EDUCATION) if _on(e, "completed_on", as_of)]
    if not educations:
        raise RegistryInputError("education", msg("no education entry is recorded for this cadre"))
    best = max(educations, key=lambda e: EDUCATION.index(e.data["level"]))
    sources |= {"work_start": work[0].seq, "education": best.seq}
    party = _full_membership(cadre, as_of, is_party_post)
    if party is not None:
        sources["party_join_date"] = party.seq
    record: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "target_rank": target_rank,
        "target_is_party_post": is_party_post,
        "work_start": work[0].data["date"],
        "education": best.data["level"],
        "party_join_date": None if party is None else party.data["full_member_on"],
        "training_completed": any(
            e.data["meets_requirement"]
            for e in cadre.facts(EntryKind.TRAINING)
            if _on(e, "completed_on", as_of)
        ),
        "exceptional": exceptional,
    }
    _history(cadre, as_of, record, sources)
    establishment = cadre.facts(EntryKind.ESTABLISHMENT)
    for entry in establishment:
        record["on_establishment"] = entry.data["on_establishment"]
        record["personnel_agency"] = entry.data["personnel_agency"]
        if "date" in entry.data and _on(entry, "date", as_of):
            record["establishment_date"] = entry.data["date"]
        sources["on_establishment"] = entry.seq
    demotions = [e.data["on"] for e in cadre.facts(EntryKind.DEMOTION) if _on(e, "on", as_of)]
    if demotions:
        record["demoted_on"] = max(demotions)
    record["spouse_or_children_abroad"] = _family_abroad(cadre, as_of)
    return {"record": record, "sources": sources}


def _full_membership(cadre: Cadre, as_of: date, is_party_post: bool) -> Entry | None:
    """The Party entry giving the day full membership began (转正) by as_of: Party standing
    (党龄, 6(7)) counts from it, not from admission as a probationary member (joined_on).
    For a Party post, an entry without that day is refused rather than read as no standing."""
    party = [e for e in cadre.facts(EntryKind.PARTY) if _on(e, "joined_on", as_of)]
    if not party:
        return None
    if "full_member_on" not in party[0].data:
        if is_party_post:
            raise RegistryInputError(
                "full_member_on",
                msg(
                    "the day full Party membership began is not recorded (entry {seq}): "
                    "Party standing counts from it",
                    seq=party[0].seq,
                ),
            )
        return None
    return party[0] if _on(party[0], "full_member_on", as_of) else None


def _history(cadre: Cadre, as_of: date, record: dict[str, Any], sources: dict[str, int]) -> None:
    """Posts, assessments of years ended before as_of, sanctions decided by then."""
    posts = sorted(
        (e for e in cadre.facts(EntryKind.POSITION) if _on(e, "start", as_of)),
        key=lambda e: (e.data["start"], e.seq),
    )
    record["positions"] = [_position(e, as_of) for e in posts]
    promotion = _promotion(posts, as_of)
    record["previous_promotion_exceptional"] = bool(promotion and promotion.data["exceptional"])
    assessed = sorted(
        (e for e in cadre.facts(EntryKind.ASSESSMENT) if e.data["year"] < as_of.year),
        key=lambda e: int(e.data["year"]),
    )
    record["assessments"] = [{"year": e.data["year"], "result": e.data["result"]} for e in assessed]
    sanctions = [e for e in cadre.facts(EntryKind.DISCIPLINE) if _on(e, "decided_on", as_of)]
    record["disciplinary"] = [
        {"kind": e.data["kind"], "effect_until": e.data["effect_until"]} for e in sanctions
    ]
    for name, entries in (
        ("positions", posts),
        ("assessments", assessed),
        ("disciplinary", sanctions),
    ):
        sources |= {f"{name}[{i}]": e.seq for i, e in enumerate(entries)}


def _promotion(posts: list[Entry], as_of: date) -> Entry | None:
    """The post by which the rank promoted from was reached (7): the earliest at the highest
    rank held on as_of, else at the rank of the post left last."""
    if not posts:
        return None
    held = [e for e in posts if e.data.get("end") is None or e.data["end"] > as_of.isoformat()]
    if held:
        rank = max((e.data["rank"] for e in held), key=RANKS.index)
    else:
        rank = max(posts, key=lambda e: (e.data["end"], RANKS.index(e.data["rank"]))).data["rank"]
    return min((e for e in posts if e.data["rank"] == rank), key=lambda e: e.data["start"])


def _on(entry: Entry, name: str, as_of: date) -> bool:
    """Whether the entry's date `name` (if it has one) is on or before as_of."""
    value = entry.data.get(name)
    return value is None or date.fromisoformat(value) <= as_of


def _position(entry: Entry, as_of: date) -> dict[str, Any]:
    data = entry.data
    end = data.get("end")
    held = end is None or date.fromisoformat(end) > as_of
    post: dict[str, Any] = {
        "rank": data["rank"],
        "start": data["start"],
        "end": None if held else end,
        "grassroots": data["grassroots"],
    }
    if "post" in data:  # the same post held twice counts once (6(2)); else each entry counts
        post["post"] = f"{data['unit']}: {data['post']}"
    if "probation_end" in data:
        post["probation_end"] = data["probation_end"]
    return post


def _family_abroad(cadre: Cadre, as_of: date) -> bool:
    """17(5): the spouse has emigrated; or, without a spouse, every child has."""
    relatives = cadre.facts(EntryKind.RELATIVE)

    def abroad(entry: Entry) -> bool:
        since = entry.data.get("abroad_since")
        return bool(entry.data["abroad"]) and (since is None or date.fromisoformat(since) <= as_of)

    spouses = [e for e in relatives if e.data["relation"] == "spouse"]
    if spouses:
        return any(abroad(e) for e in spouses)
    children = [e for e in relatives if e.data["relation"] == "child"]
    return bool(children) and all(abroad(e) for e in children)
