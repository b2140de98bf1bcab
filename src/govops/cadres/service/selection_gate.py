"""The candidate of a selection case in the cadre registry: who they are there
(`identify`) and what the registry's eligibility screening says of them on a day
(`screen`), handed to the model's gate (`govops.cadres.model.selection_gate`), which
refuses the step or records the warnings. The screening is the registry's own
(`RegistryService.eligibility`: the pack's table of breaches), not a second one.

Readings: without the registry id the candidate is the one person of that name in the
registry (several of that name: the id is asked for); without the post's rank, the rank
above the one the candidate holds on the day (as `govops cadres screen` takes it)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from govops.cadres.model.record import RANKS
from govops.cadres.model.registry import EntryKind, RegistryInputError
from govops.cadres.model.registry_views import held_rank, next_rank
from govops.cadres.model.selection import Case, Subject, Subjects
from govops.cadres.model.selection_case import screened
from govops.cadres.model.selection_gate import Screening
from govops.cadres.service.registry import CadreNotFoundError, RegistryService
from govops.cadres.service.selection_inputs import MAX_TEXT, SelectionInputError, checked_text
from govops.lawcode.texts.messages import msg

Named = tuple[str, str | None]
"""Another investigation subject as a caller names them: name, and registry id or None."""


class Candidates:
    def __init__(self, registry: RegistryService) -> None:
        self._registry = registry

    def identify(self, candidate: str, cadre: str | None) -> str | None:
        """The candidate's id in the registry; None when they are not in it."""
        if cadre is not None:
            cadre = checked_text("cadre", cadre)
            try:
                found = self._registry.get(cadre)
            except CadreNotFoundError:
                return None
            if found.person.name != candidate:
                raise SelectionInputError(
                    "cadre",
                    msg(
                        "is {name} in the registry, not the candidate {candidate}",
                        name=found.person.name,
                        candidate=candidate,
                    ),
                )
            return cadre
        named = [p.id for p in self._registry.people() if p.name == candidate]
        if len(named) > 1:
            raise SelectionInputError(
                "cadre",
                msg(
                    "{count} cadres are named {name}; give the id of one: {ids}",
                    count=len(named),
                    name=candidate,
                    ids=", ".join(named),
                ),
            )
        return named[0] if named else None

    def again(self, case: Case, day: date) -> Screening:
        """The candidate screened again on `day`, as the motion named them."""
        named = screened(case)
        cadre, rank = named.get("cadre"), named.get("rank")
        flags = named.get("party_post", False), named.get("exceptional", False)
        return self.screen(cadre, rank, day, *flags)

    def subjects(
        self, case: Case, names: Iterable[Named], concentrated: str, day: date
    ) -> Subjects:
        """The other investigation subjects (18), by name (and registry id where names are
        shared), each screened on `day` for the post's rank as the motion screened the
        candidate (a Party post alike, not exceptional)."""
        named = screened(case)
        rank, party_post = named.get("rank"), bool(named.get("party_post", False))
        seen = {case.candidate}
        others = []
        for index, (raw, cadre) in enumerate(names):
            name = checked_text(f"subjects[{index}].name", raw)
            if name in seen:
                said = msg("{name} is named twice among the subjects", name=name)
                raise SelectionInputError(f"subjects[{index}].name", said)
            seen.add(name)
            try:
                found = self.identify(name, cadre)
            except SelectionInputError as error:
                raise SelectionInputError(f"subjects[{index}].cadre", error.message) from None
            others.append(Subject(name, self.screen(found, rank, day, party_post)))
        reason = checked_text("concentrated", concentrated, MAX_TEXT, required=False)
        return Subjects(tuple(others), reason)

    def party_member(self, case: Case, day: date) -> bool:
        """Whether the registry has the candidate in the Party on `day` (admitted, as a
        probationary member or a full one); not, when the registry does not have them."""
        named = screened(case)
        try:
            cadre = self._registry.get(str(named["cadre"]))
        except (KeyError, CadreNotFoundError):
            return False
        joined = [e.data["joined_on"] for e in cadre.facts(EntryKind.PARTY)]
        return any(date.fromisoformat(str(on)) <= day for on in joined)

    def screen(
        self,
        cadre: str | None,
        rank: str | None,
        day: date,
        party_post: bool = False,
        exceptional: bool = False,
    ) -> Screening:
        """What the registry says of `cadre` on `day` for a post of `rank` (default: the
        rank above the one held that day), as an `exceptional` promotion (7) or not."""
        if rank is not None and rank not in RANKS:
            raise SelectionInputError(
                "rank",
                msg("unknown rank {rank} ({known})", rank=repr(rank), known=", ".join(RANKS)),
            )
        flags = party_post, exceptional
        if cadre is None:
            return Screening(day, None, rank, *flags)
        try:
            target = rank or next_rank(held_rank(self._registry.get(cadre), day))
            if target is None:
                problem = msg("{rank} is the highest rank", rank=RANKS[-1])
                return Screening(day, cadre, rank, *flags, problem=problem)
            answer = self._registry.eligibility(cadre, target, day, exceptional, party_post)
        except CadreNotFoundError:
            return Screening(day, None, rank, *flags)
        except RegistryInputError as error:
            problem = msg("{field}: {problem}", field=error.field, problem=error.message)
            return Screening(day, cadre, rank, *flags, problem=problem)
        return Screening(day, cadre, target, *flags, answer=answer)
