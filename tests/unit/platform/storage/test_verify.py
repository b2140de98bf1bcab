"""Checking a chain, as pure computation: a whole chain passes; each kind of tampering is
named at its first broken link, with the row's key when the row is there."""

from __future__ import annotations

from dataclasses import replace

from govops.platform.storage.canonical import GENESIS, link_hash
from govops.platform.storage.verify import (
    Break,
    ChainCheck,
    Head,
    Link,
    Problem,
    Recorded,
    Source,
    StreamReport,
)

STREAM = "incident_events"


def chain(count: int, stream: str = STREAM) -> list[Link]:
    links, prev = [], GENESIS
    for seq in range(1, count + 1):
        content = {"incident_id": f"i{seq}", "seq": 1, "actor": "x"}
        digest = link_hash(stream, seq, prev, content)
        key = (("incident_id", f"i{seq}"), ("seq", 1))
        links.append(Link(seq, prev, digest, content, key, number=seq * 10))
        prev = digest
    return links


def head(links: list[Link]) -> Head:
    return Head(len(links), links[-1].hash) if links else Head(0, GENESIS)


def check(
    links: list[Link],
    register: Head | None,
    logged: Head | None = None,
    recorded: Recorded | None = None,
) -> StreamReport:
    witnesses = recorded.of(STREAM) if recorded else None
    return ChainCheck(STREAM, register, logged, witnesses).feed_all(links)


def logged_at(*heads: Head) -> Recorded:
    recorded = Recorded()
    for length, hashed in heads:
        recorded.note_logged({"stream": STREAM, "length": length, "head": hashed})
    return recorded


def test_a_whole_chain_is_whole() -> None:
    links = chain(4)
    report = check(links, head(links), head(links), logged_at(head(links[:2]), head(links)))
    assert report == StreamReport(STREAM, 4, links[-1].hash, None)
    assert report.whole
    assert check([], None).whole  # a stream never written


def test_an_edited_row_is_named_by_its_place_and_key() -> None:
    links = chain(4)
    edited = replace(links[2], content={**links[2].content, "actor": "y"})
    report = check([*links[:2], edited, links[3]], head(links), head(links))
    assert report.broken == Break(Problem.CONTENT_ALTERED, 3, links[2].key)
    assert report.length == 4


def test_a_deleted_row_leaves_a_hole() -> None:
    links = chain(4)
    assert check([*links[:1], *links[2:]], head(links)).broken == Break(Problem.ROW_MISSING, 2)


def test_a_row_whose_hash_was_recomputed_breaks_the_next_link() -> None:
    links = chain(4)
    content = {**links[1].content, "actor": "y"}
    forged = replace(links[1], content=content, hash=link_hash(STREAM, 2, links[0].hash, content))
    report = check([links[0], forged, *links[2:]], head(links))
    assert report.broken == Break(Problem.LINK_BROKEN, 3, links[2].key)


def test_a_rewritten_chain_disagrees_with_the_checkpoint_log() -> None:
    links = chain(4)
    rewritten, prev = [], GENESIS
    for link in links:
        content = {**link.content, "actor": "y"} if link.chain_seq >= 2 else link.content
        digest = link_hash(STREAM, link.chain_seq, prev, content)
        rewritten.append(replace(link, prev_hash=prev, hash=digest, content=content))
        prev = digest
    recorded = logged_at(head(links[:1]), head(links[:3]), head(links))
    report = check(rewritten, head(rewritten), head(links), recorded)
    assert report.broken == Break(
        Problem.REWRITTEN, 3, links[2].key, Source.LOG, Head(3, links[2].hash)
    )


def test_rows_out_of_place() -> None:
    links = chain(3)
    repeated = check([links[0], links[1], links[1], links[2]], head(links))
    assert repeated.broken == Break(Problem.ROW_OUT_OF_PLACE, 2, links[1].key)
    renumbered = [links[0], replace(links[1], number=5), links[2]]
    assert check(renumbered, head(links)).broken == Break(Problem.ROW_OUT_OF_PLACE, 2, links[1].key)


def test_rows_cut_off_the_end_or_the_whole_stream() -> None:
    links = chain(4)
    cut = check(links[:2], head(links), head(links), logged_at(head(links)))
    assert cut.broken == Break(Problem.SHORTER, 3, None, Source.REGISTER, head(links))
    deleted = check([], head(links), head(links), logged_at(head(links)))
    assert deleted.broken == Break(Problem.SHORTER, 1, None, Source.REGISTER, head(links))


def test_a_stream_deleted_with_its_head_is_still_in_the_log() -> None:
    links = chain(4)
    report = check([], None, head(links), logged_at(head(links[:2]), head(links)))
    assert report.broken == Break(Problem.SHORTER, 1, None, Source.LOG, Head(2, links[1].hash))


def test_a_stream_cut_with_its_head_moved_back_is_still_in_the_log() -> None:
    links = chain(4)
    report = check(links[:2], head(links[:2]), head(links), logged_at(head(links)))
    assert report.broken == Break(Problem.SHORTER, 3, None, Source.LOG, head(links))


def test_a_row_added_outside_the_chain_is_past_the_head() -> None:
    links = chain(4)
    report = check(links, head(links[:3]), head(links[:3]))
    assert report.broken == Break(Problem.LONGER, 4, links[3].key, Source.REGISTER, head(links[:3]))
    with_register = check(links, head(links), head(links[:3]))
    assert with_register.broken == Break(
        Problem.LONGER, 4, links[3].key, Source.LOG, head(links[:3])
    )


def test_an_edited_head_register() -> None:
    links = chain(3)
    edited = Head(3, "f" * 64)
    report = check(links, edited, head(links))
    assert report.broken == Break(Problem.HEAD_ALTERED, 3, None, Source.REGISTER, edited)
    missing = check(links, None, head(links))
    assert missing.broken == Break(Problem.HEAD_ALTERED, 3, None, Source.REGISTER, None)
    moved_back = check(links, Head(2, links[1].hash), head(links))
    assert moved_back.broken == Break(
        Problem.HEAD_ALTERED, 3, None, Source.REGISTER, Head(2, links[1].hash)
    )


def test_a_signed_checkpoint_catches_what_the_log_no_longer_can() -> None:
    """Rows cut off, and the register and the log rewritten to match: only the signed
    heads, kept outside the database, still say how long the stream was."""
    links = chain(4)
    recorded = Recorded()
    recorded.note_signed({STREAM: head(links)})
    report = check(links[:2], head(links[:2]), head(links[:2]), recorded)
    assert report.broken == Break(Problem.SHORTER, 3, None, Source.SIGNED, head(links))
    other = Recorded()
    other.note_signed({STREAM: Head(2, "e" * 64)})
    rewritten = check(links, head(links), head(links), other)
    assert rewritten.broken == Break(
        Problem.REWRITTEN, 2, links[1].key, Source.SIGNED, Head(2, "e" * 64)
    )
