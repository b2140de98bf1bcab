"""What a new entry of the cadre registry must not clash with among the facts in force:
a second fact of a kind recorded once (work start, Party membership, establishment), a
second assessment of a year; and what a correction may correct (not a retraction, not an
entry already corrected, only with an entry of its kind or a retraction)."""

from __future__ import annotations

from typing import Any

from govops.cadres.model.registry import SINGLE, Cadre, Entry, EntryKind, RegistryInputError
from govops.lawcode.texts.messages import msg


def check_addition(
    cadre: Cadre, kind: EntryKind, data: dict[str, Any], replacing: int | None = None
) -> None:
    """What an entry must not clash with among the facts in force (but the one it replaces)."""
    if kind is EntryKind.RETRACTION and replacing is None:
        raise RegistryInputError("kind", msg("a retraction is filed as a correction of an entry"))
    others = [e for e in cadre.current if e.kind is kind and e.seq != replacing]
    if kind in SINGLE:
        for entry in others:
            raise RegistryInputError(
                "kind",
                msg(
                    "{kind} is already recorded (entry {seq}): file a correction",
                    kind=kind.value,
                    seq=entry.seq,
                ),
            )
    if kind is EntryKind.ASSESSMENT:
        for entry in others:
            if entry.data["year"] == data["year"]:
                raise RegistryInputError(
                    "data.year",
                    msg(
                        "{year} is already assessed (entry {seq}): file a correction",
                        year=str(data["year"]),
                        seq=entry.seq,
                    ),
                )


def check_correction(cadre: Cadre, seq: int, kind: EntryKind) -> Entry:
    """The entry corrected by a new entry of `kind`; LookupError if there is none."""
    target = cadre.entry(seq)
    if target is None:
        raise LookupError(seq)
    if target.kind is EntryKind.RETRACTION:
        raise RegistryInputError(
            "seq", msg("entry {seq} is a retraction; it cannot be corrected", seq=seq)
        )
    later = cadre.superseded_by.get(seq)
    if later is not None:
        raise RegistryInputError(
            "seq",
            msg("entry {seq} is superseded by entry {later}: correct that", seq=seq, later=later),
        )
    if kind not in (target.kind, EntryKind.RETRACTION):
        raise RegistryInputError(
            "kind",
            msg(
                "entry {seq} is a {kind}: its correction is a {kind} too",
                seq=seq,
                kind=target.kind.value,
            ),
        )
    return target
