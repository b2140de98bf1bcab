"""Rows of a spreadsheet a user uploads or names (a CSV file, or the first sheet of an XLSX
workbook), as text cells under their header, each with the line a user sees it on (the
CSV's line, the sheet's row number), so that an import can say which row it refuses.

Nothing is guessed: a CSV is UTF-8 (a byte-order mark allowed) unless its encoding is
named; a cell of a workbook is given as its text (a date as YYYY-MM-DD, a whole number
without its ".0"); a blank row is skipped; a header cell given twice is refused."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zipfile import BadZipFile, ZipFile

from govops.lawcode.texts.messages import Message, msg

FORMATS = (".csv", ".xlsx")
MAX_ROWS = 100_000  # an import larger than a city's residents is refused, not read
MAX_COLUMNS = 64  # far more than any import has; a wider row is refused (`_cells`)
MAX_UNPACKED = 64 << 20  # bytes a workbook may unpack to (its XML): about 100,000 rows


class SheetError(ValueError):
    """The file cannot be read as rows; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: dict[str, str]


def read_rows(content: bytes, filename: str, encoding: str = "utf-8") -> list[Row]:
    """The rows of `content`, read as the file's suffix says (.csv or .xlsx)."""
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if f".{suffix}" not in FORMATS:
        raise SheetError(msg("{name}: must be .csv or .xlsx", name=filename))
    table = _xlsx(content, filename) if suffix == "xlsx" else _csv(content, filename, encoding)
    while table and not any(cell.strip() for cell in table[0][1]):
        table = table[1:]  # blank rows above the header
    if not table:
        raise SheetError(msg("{name}: no header row", name=filename))
    (_, header), *body = table
    names = [cell.strip() for cell in header]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        raise SheetError(msg("{name}: column {column} given twice", name=filename, column=twice[0]))
    if len(body) > MAX_ROWS:
        raise SheetError(msg("{name}: more than {limit} rows", name=filename, limit=MAX_ROWS))
    rows = []
    for line, cells in body:
        if any(c.strip() for c in cells):
            rows.append(Row(line, _cells(filename, line, names, cells)))
    return rows


def _cells(filename: str, line: int, names: list[str], cells: list[str]) -> dict[str, str]:
    """A row's cells by column; a filled cell under no column is refused, not dropped."""
    if len(cells) > MAX_COLUMNS:
        raise SheetError(
            msg(
                "{name}: line {line}: more than {limit} columns",
                name=filename,
                line=line,
                limit=MAX_COLUMNS,
            )
        )
    for index, cell in enumerate(cells):
        if cell.strip() and (index >= len(names) or not names[index]):
            raise SheetError(
                msg(
                    "{name}: line {line}: a cell without a column header ({cell})",
                    name=filename,
                    line=line,
                    cell=repr(cell.strip()),
                )
            )
    return {n: (cells[i].strip() if i < len(cells) else "") for i, n in enumerate(names) if n}


def _csv(content: bytes, filename: str, encoding: str) -> list[tuple[int, list[str]]]:
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = content.decode(codec)
    except LookupError:
        raise SheetError(msg("unknown encoding {encoding}", encoding=repr(encoding))) from None
    except UnicodeDecodeError as error:
        raise SheetError(
            msg(
                "{name} is not {encoding} text at byte {byte}",
                name=filename,
                encoding=encoding,
                byte=str(error.start),
            )
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        while True:
            start = reader.line_num + 1  # a row is on the line it starts on
            row = next(reader, None)
            if row is None:
                return rows
            rows.append((start, row))
    except csv.Error as error:
        raise SheetError(
            msg(
                "{name}: line {line}: {error}",
                name=filename,
                line=reader.line_num,
                error=str(error),
            )
        ) from None


def _xlsx(content: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """The first sheet's rows. A workbook is a zip of XML: its unpacked size is bounded
    before it is read (a small upload must not unpack into gigabytes), and whatever a
    damaged workbook makes the reader raise is said as not a workbook, never a crash."""
    from openpyxl import load_workbook  # noqa: PLC0415 (only an import of a workbook needs it)

    not_a_workbook = SheetError(msg("{name}: not an XLSX workbook", name=filename))
    try:
        with ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (BadZipFile, OSError, ValueError):
        raise not_a_workbook from None
    if unpacked > MAX_UNPACKED:
        raise SheetError(
            msg("{name}: unpacks to more than {limit} MB", name=filename, limit=MAX_UNPACKED >> 20)
        )
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # any failure of the reader on a damaged file
        raise not_a_workbook from None
    try:
        return _sheet_rows(book, filename)
    except SheetError:
        raise
    except Exception:  # a damaged sheet fails while its rows are read
        raise not_a_workbook from None
    finally:
        book.close()


def _sheet_rows(book: Any, filename: str) -> list[tuple[int, list[str]]]:
    if not book.worksheets:
        raise SheetError(msg("{name}: no header row", name=filename))
    sheet = book.worksheets[0]
    sheet.reset_dimensions()  # read every row, whatever size the file claims
    found = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS + 1:
            raise SheetError(msg("{name}: more than {limit} rows", name=filename, limit=MAX_ROWS))
        found.append((number, [_cell(v) for v in values[: MAX_COLUMNS + 1]]))
    return found


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_rows(
    rows: Sequence[Mapping[str, object]], columns: Sequence[str], filename: str
) -> bytes:
    """`rows` under `columns` as the file's suffix says: a UTF-8 CSV (with a byte-order
    mark, so that a spreadsheet opens Chinese text as such) or an XLSX workbook of one
    sheet; a list is written as its items joined by "; ", a missing value as nothing."""
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if f".{suffix}" not in FORMATS:
        raise SheetError(msg("{name}: must be .csv or .xlsx", name=filename))
    table = [[_written(row.get(column)) for column in columns] for row in rows]
    if suffix == "csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(table)
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    from openpyxl import Workbook  # noqa: PLC0415 (only an export to a workbook needs it)

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(columns))
    for line in table:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _written(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
