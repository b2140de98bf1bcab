"""Rows of a spreadsheet given as bytes (nothing is read from disk): a CSV in UTF-8 (a
byte-order mark allowed) or a named encoding, a bad byte refused where it is, blank rows
skipped, a header cell given twice refused, each row with the line a user sees it on; the
first sheet of an XLSX workbook made in memory, its cells as text (a date as YYYY-MM-DD, a
whole number without ".0"); anything else refused."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from govops.platform.i18n.translator import translator
from govops.platform.sheets import Row, SheetError, read_rows

MEMBERS = "id,name,birth_date\nm1,张三,1975-07-01\nm2,Nguyễn Văn An,1980-01-01\n"
READ = [
    Row(2, {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}),
    Row(3, {"id": "m2", "name": "Nguyễn Văn An", "birth_date": "1980-01-01"}),
]


def refusal(content: bytes, filename: str, encoding: str = "utf-8") -> str:
    with pytest.raises(SheetError) as error:
        read_rows(content, filename, encoding)
    assert str(error.value) == str(error.value.message)
    return translator("en").say(error.value.message)


def workbook(*rows: list[object], sheets: int = 1) -> bytes:
    """An XLSX workbook of `rows` on its first sheet, made in memory."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for n in range(1, sheets):
        book.create_sheet(f"other {n}").append(["not", "read"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_utf8_csv_with_or_without_its_byte_order_mark() -> None:
    assert read_rows(MEMBERS.encode(), "members.csv") == READ
    assert read_rows(("\ufeff" + MEMBERS).encode(), "members.csv") == READ
    assert read_rows(("\ufeff" + MEMBERS).encode(), "MEMBERS.CSV", "UTF_8") == READ
    assert read_rows(MEMBERS.replace("\n", "\r\n").encode(), "members.csv") == READ


def test_a_csv_in_a_named_encoding() -> None:
    assert (
        read_rows(MEMBERS.replace("Nguyễn Văn An", "李四").encode("gb18030"), "m.csv", "gb18030")[
            1
        ].cells["name"]
        == "李四"
    )
    assert read_rows(MEMBERS.encode("utf-16"), "members.csv", "utf-16") == READ
    assert refusal(MEMBERS.encode(), "members.csv", "klingon") == "unknown encoding 'klingon'"


def test_a_bad_byte_is_refused_where_it_is() -> None:
    content = b"id,name\nm1,\xff\n"
    assert refusal(content, "members.csv") == "members.csv is not utf-8 text at byte 11"
    gbk = "id,name\nm1,张三\n".encode("gb18030")
    assert refusal(gbk, "members.csv") == "members.csv is not utf-8 text at byte 11"


def test_cells_are_trimmed_and_blank_rows_skipped() -> None:
    content = b" id , name \n\n ,  \nm1 , \xe5\xbc\xa0\xe4\xb8\x89 \n,,\n"
    assert read_rows(content, "m.csv") == [Row(4, {"id": "m1", "name": "张三"})]


def test_short_rows_are_filled_and_a_cell_under_no_column_is_refused() -> None:
    assert read_rows(b"id,,name\nm1,,a,\nm2\n", "m.csv") == [
        Row(2, {"id": "m1", "name": "a"}),
        Row(3, {"id": "m2", "name": ""}),
    ]
    said = "m.csv: line 3: a cell without a column header ('note')"
    assert refusal(b"id,,name\nm1,,a\nm2,note,b\n", "m.csv") == said
    said = "m.csv: line 2: a cell without a column header ('extra')"
    assert refusal(b"id,name\nm1,a,extra\n", "m.csv") == said


def test_a_header_given_twice_or_missing_is_refused() -> None:
    assert refusal(b"id,name, id\nm1,a,b\n", "m.csv") == "m.csv: column id given twice"
    assert refusal(b"", "m.csv") == "m.csv: no header row"
    assert read_rows(b"id,name\n", "m.csv") == []  # a header alone: no rows


def test_a_quoted_cell_over_several_lines_is_one_cell() -> None:
    content = b'id,residence\nm1,"3\xe5\x8f\xb7\xe6\xa5\xbc\n2\xe5\x8d\x95\xe5\x85\x83"\nm2,x\n'
    rows = read_rows(content, "m.csv")
    assert [r.cells for r in rows] == [
        {"id": "m1", "residence": "3号楼\n2单元"},
        {"id": "m2", "residence": "x"},
    ]
    assert rows[1].line == 4  # the row after it is on its own line


def test_a_row_whose_cell_spans_lines_is_on_the_line_it_starts_on() -> None:
    content = b'id,residence\nm1,"3\xe5\x8f\xb7\xe6\xa5\xbc\n2\xe5\x8d\x95\xe5\x85\x83"\nm2,x\n'
    assert [r.line for r in read_rows(content, "m.csv")] == [2, 4]


def test_blank_rows_before_the_header_are_skipped() -> None:
    assert read_rows(b"\n,\nid,name\nm1,a\n", "m.csv") == [Row(4, {"id": "m1", "name": "a"})]


def test_an_xlsx_first_sheet_with_its_cells_as_text() -> None:
    content = workbook(
        ["id", "name", "birth_date", "households", "share", "retired", "since"],
        ["m1", "张三", date(1975, 7, 1), 3.0, 87.5, True, datetime(2026, 1, 5, 9, 30)],
        [],
        [None, None, None],
        ["m2", " 李四 ", datetime(1980, 1, 1), 42, 0.0, False, None],
        sheets=2,
    )
    assert read_rows(content, "members.xlsx") == [
        Row(
            2,
            {
                "id": "m1",
                "name": "张三",
                "birth_date": "1975-07-01",
                "households": "3",
                "share": "87.5",
                "retired": "true",
                "since": "2026-01-05T09:30:00",
            },
        ),
        Row(
            5,
            {
                "id": "m2",
                "name": "李四",
                "birth_date": "1980-01-01",
                "households": "42",
                "share": "0",
                "retired": "false",
                "since": "",
            },
        ),
    ]


def test_an_xlsx_header_given_twice_or_missing_is_refused() -> None:
    assert (
        refusal(workbook(["id", "id"], ["m1", "m2"]), "m.xlsx") == "m.xlsx: column id given twice"
    )
    assert refusal(workbook(), "m.xlsx") == "m.xlsx: no header row"


def test_a_file_that_is_no_workbook_is_refused() -> None:
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    for content in (MEMBERS.encode(), b"", other.getvalue(), workbook(["id"])[:200]):
        assert refusal(content, "members.xlsx") == "members.xlsx: not an XLSX workbook"


def test_only_csv_and_xlsx_are_read() -> None:
    for name in ("members.xls", "members.txt", "members", "members.csv.gz", "csv"):
        assert refusal(MEMBERS.encode(), name) == f"{name}: must be .csv or .xlsx"


def test_more_rows_than_an_import_takes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govops.platform.sheets.MAX_ROWS", 2)
    assert len(read_rows(b"id\n1\n2\n", "m.csv")) == 2
    assert refusal(b"id\n1\n2\n3\n", "m.csv") == "m.csv: more than 2 rows"
    assert len(read_rows(workbook(["id"], [1], [2]), "m.xlsx")) == 2
    assert refusal(workbook(["id"], [1], [2], [3]), "m.xlsx") == "m.xlsx: more than 2 rows"


def test_a_damaged_or_swollen_workbook_is_refused_not_read() -> None:
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
    assert refusal(damaged.getvalue(), "m.xlsx") == "m.xlsx: not an XLSX workbook"
    swollen = io.BytesIO()  # 70 MB of XML in a 70 kB upload
    with zipfile.ZipFile(swollen, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * (70 << 20))
    assert refusal(swollen.getvalue(), "m.xlsx") == "m.xlsx: unpacks to more than 64 MB"
    wide = ",".join(f"c{i}" for i in range(70)).encode()
    assert refusal(wide + b"\n" + b"x," * 69 + b"x\n", "m.csv") == (
        "m.csv: line 2: more than 64 columns"
    )
