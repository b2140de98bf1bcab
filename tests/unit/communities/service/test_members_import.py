"""Members imported from a sheet's rows, over the in-memory store: a member and the post
they hold, flags written yes/no in the offices' languages, every refused row reported with
its line, its column and why, and then nothing stored."""

from __future__ import annotations

import pytest

from govops.communities.model.registry import EventKind, Member, RegistryInputError
from govops.communities.service.members_import import (
    ImportRefusedError,
    RowError,
    flag_of,
    import_members,
    row_changes,
)
from govops.communities.service.registry import RegistryService
from govops.platform.i18n.translator import translator
from govops.platform.sheets import read_rows
from tests.unit.communities.service.test_registry import (
    ACTOR,
    MemoryCommunities,
    record,
    service,
)

COMMITTEE = {"id": "committee", "kind": "committee", "name": "居委会", "formed": "2021-07-01"}
ZHANG = {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}


@pytest.fixture
def store() -> MemoryCommunities:
    return MemoryCommunities()


@pytest.fixture
def registry(store: MemoryCommunities) -> RegistryService:
    registry = service(store)
    record(registry, "c1", ("organisation", COMMITTEE))
    return registry


def refused(registry: RegistryService, *rows: tuple[int, dict[str, str]]) -> list[RowError]:
    with pytest.raises(ImportRefusedError) as error:
        import_members(registry, "c1", rows, ACTOR)
    assert str(error.value) == f"{len(error.value.errors)} rows refused"
    return error.value.errors


def said(errors: list[RowError]) -> list[tuple[int, str, str]]:
    english = translator("en")
    return [(e.line, e.column, english.say(e.message)) for e in errors]


def test_a_member_and_the_post_they_hold_are_imported(registry: RegistryService) -> None:
    rows = [
        (
            2,
            ZHANG
            | {"retired": "no", "residence": "3号楼", "organisation": "committee"}
            | {"role": "director", "start": "2021-07-01"},
        ),
        (3, {"id": "m2", "name": "李四", "birth_date": "1980-01-01", "party_member": "yes"}),
        (
            4,
            {
                "id": "m3",
                "name": "王五",
                "birth_date": "1982-02-02",
                "organisation": "committee",
                "start": "2021-07-01",
                "role": "",
                "end": "",
            },
        ),
    ]
    events = import_members(registry, "c1", rows, ACTOR)
    assert [(e.seq, e.kind) for e in events] == [
        (2, EventKind.MEMBER),
        (3, EventKind.POST),
        (4, EventKind.MEMBER),
        (5, EventKind.MEMBER),
        (6, EventKind.POST),
    ]
    assert {e.actor for e in events} == {ACTOR}
    community = registry.get("c1")
    assert community.members["m1"] == Member(
        "m1", "张三", community.members["m1"].birth_date, retired=False, residence="3号楼"
    )
    assert community.members["m2"].party_member is True
    posts = sorted((p.member, p.role.value) for p in community.posts.values())
    assert posts == [("m1", "director"), ("m3", "member")]  # the role left empty: member


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("yes", True),
        ("Yes", True),
        (" Y ", True),
        ("true", True),
        ("1", True),
        ("x", True),
        ("是", True),
        ("有", True),
        ("có", True),
        ("Có", True),
        ("no", False),
        ("NO", False),
        ("false", False),
        ("0", False),
        ("否", False),
        ("无", False),
        ("無", False),
        ("không", False),
        ("KHÔNG", False),
    ],
)
def test_a_flag_is_written_yes_or_no_in_the_offices_languages(written: str, meant: bool) -> None:
    assert flag_of("retired", written) is meant
    (kind, data), *_ = row_changes(ZHANG | {"retired": written})
    assert (kind, data["retired"]) == ("member", meant)


def test_a_flag_that_is_neither_is_refused_by_its_column() -> None:
    for written in ("maybe", "对", "vâng", "2"):
        with pytest.raises(RegistryInputError) as error:
            flag_of("full_time", written)
        assert error.value.field == "full_time"
        assert str(error.value.message) == f"must be yes or no, got {written!r}"


def test_a_row_without_a_post_records_the_member_only() -> None:
    assert row_changes(ZHANG | {"organisation": "", "residence": ""}) == [("member", ZHANG)]
    assert row_changes(ZHANG | {"start": "2021-07-01"}) == [
        ("member", ZHANG),
        ("post", {"member": "m1", "start": "2021-07-01", "role": "member"}),
    ]


def test_every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_stored(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    rows = [
        (2, ZHANG | {"organisation": "committee", "role": "director", "start": "2021-07-01"}),
        (3, {"id": "m2", "name": "", "birth_date": "1975-07-01"}),
        (4, {"id": "m3", "name": "王五", "birth_date": "1975-13-01", "organisation": "committee"}),
        (5, {"id": "m4", "name": "赵六", "birth_date": "1975-01-01", "retired": "maybe"}),
        (
            6,
            {
                "id": "m5",
                "name": "钱七",
                "birth_date": "1975-01-01",
                "start": "2021-07-01",
                "organisation": "committee",
                "role": "secretary",
            },
        ),
        (7, {"id": "m6", "name": "孙八", "birth_date": "2030-01-01"}),
        (8, {"id": "m7", "name": "周九", "birth_date": "1975-01-01", "organisation": "committee"}),
        (9, {"id": "m 8", "name": "吴十", "birth_date": "1975-01-01"}),
        (10, {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}),  # m1 again: refused
    ]
    errors = refused(registry, *rows)
    assert said(errors) == [
        (3, "name", "is required"),
        (4, "birth_date", "must be a date YYYY-MM-DD, got '1975-13-01'"),
        (5, "retired", "must be yes or no, got 'maybe'"),
        (6, "role", "a committee has no post secretary (posts: deputy, director, member)"),
        (7, "birth_date", "is after today"),
        (8, "start", "is required"),
        (
            9,
            "id",
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; "
            "got 'm 8'",
        ),
        (10, "id", "member 'm1' is on line 2 already"),
    ]
    assert registry.get("c1").version == 1 and store.appends == 1  # only the committee


def test_the_rows_are_checked_in_order_each_on_what_the_rows_before_leave(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    post = {"organisation": "committee", "start": "2021-07-01"}
    errors = refused(
        registry,
        (2, ZHANG | post | {"end": "2021-01-01"}),  # the member is fine, the post is not
        (3, {"id": "m2", "name": "", "birth_date": "1980-01-01"} | post),  # one error a row
    )
    assert said(errors) == [(2, "end", "must be after the start"), (3, "name", "is required")]
    assert store.commits == 1


def test_an_unknown_column_is_refused_naming_it(registry: RegistryService) -> None:
    errors = refused(registry, (2, ZHANG | {"gender": "f", "age": "51"}))
    (error,) = errors
    assert (error.line, error.column) == (2, "age")  # the first, by name
    assert str(error.message).startswith("unknown column (columns: id, name, birth_date,")


def test_a_post_in_an_unknown_organisation_is_refused(registry: RegistryService) -> None:
    row = ZHANG | {"organisation": "council", "start": "2021-07-01"}
    assert said(refused(registry, (7, row))) == [
        (7, "organisation", "no organisation 'council' in this community")
    ]


def test_no_rows_is_no_import(registry: RegistryService) -> None:
    assert said(refused(registry)) == [(0, "-", "no rows to import")]


def test_a_sheet_read_from_bytes_is_imported(registry: RegistryService) -> None:
    sheet = (
        "\ufeffid,name,birth_date,retired,full_time,organisation,role,start\n"
        "m1,张三,1975-07-01,否,có,committee,director,2021-07-01\n"
        "\n"
        "m2,李四,1980-01-01,是,không,,,\n"
    ).encode()
    rows = read_rows(sheet, "成员.csv")
    assert [row.line for row in rows] == [2, 4]
    events = import_members(registry, "c1", [(r.line, r.cells) for r in rows], ACTOR)
    assert len(events) == 3
    members = registry.get("c1").members
    assert (members["m1"].retired, members["m1"].full_time) == (False, True)
    assert (members["m2"].retired, members["m2"].full_time) == (True, False)
    bad = read_rows(sheet.replace(b"1980-01-01", b"1980-02-30"), "成员.csv")
    errors = refused(registry, *[(r.line, r.cells) for r in bad])
    assert [(e.line, e.column) for e in errors] == [(4, "birth_date")]


def test_a_sheet_of_posts_keeps_what_it_does_not_say_of_a_member(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    first = ZHANG | {"retired": "是", "party_member": "是"}
    import_members(registry, "c1", [(2, first)], "wang@c1")
    post = {"id": "m1", "name": "张三", "birth_date": "1975-07-01", "organisation": "committee"}
    post |= {"role": "director", "start": "2021-07-01"}
    import_members(registry, "c1", [(2, post)], "wang@c1")
    member = registry.get("c1").members["m1"]
    assert (member.retired, member.party_member) == (True, True)  # not reset to the defaults
