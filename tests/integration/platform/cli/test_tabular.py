"""Record files read from disk by polars: encodings, the header, typed flag columns."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import typer

from govops.platform.cli import tabular
from govops.platform.cli.tabular import read_records

FLAGS: dict[str, pl.DataType] = {"armed_fight": pl.Boolean()}


def refusal(path: Path, capsys: pytest.CaptureFixture[str], encoding: str = "utf-8") -> str:
    with pytest.raises(typer.Exit):
        read_records(path, encoding, typed=FLAGS)
    return capsys.readouterr().err.strip()


def test_a_utf8_file_with_a_byte_order_mark_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeff地点,participants\n某镇,五千\n".encode())
    frame = read_records(path)
    assert frame.columns == ["地点", "participants"]
    assert frame.rows() == [("某镇", "五千")]


def test_a_gb18030_file_is_transcoded_piece_by_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "PIECE_BYTES", 3)  # pieces cut through the characters
    path = tmp_path / "r.csv"
    rows = "".join(f"某镇{i},{i}\n" for i in range(50))
    path.write_bytes(("地点,participants\n" + rows).encode("gb18030"))
    frame = read_records(path, "gb18030")
    assert frame.height == 50
    assert frame.row(49) == ("某镇49", "49")


@pytest.mark.parametrize("piece", [3, 4, 1 << 24])
def test_a_bad_byte_is_named_by_its_offset_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], piece: int
) -> None:
    monkeypatch.setattr(tabular, "PIECE_BYTES", piece)
    path = tmp_path / "r.csv"
    good = "地点,participants\n某镇,1\n".encode("gb18030")
    path.write_bytes(good + b"\x81\x20,2\n")  # \x81 opens a character \x20 cannot end
    said = refusal(path, capsys, "gb18030")
    assert said == f"govops: {path} is not gb18030 text at byte {len(good)}"
    utf8 = "\ufeff地点,participants\n某镇,1\n".encode()
    path.write_bytes(utf8 + b"\xff,2\n")
    said = refusal(path, capsys)
    assert said.startswith(f"govops: {path} is not utf-8 text at byte {len(utf8)} (")


def test_an_unknown_encoding_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.csv"
    path.write_text("participants\n1\n", encoding="utf-8")
    assert "unknown --encoding 'klingon'" in refusal(path, capsys, "klingon")


def test_a_name_given_twice_in_the_header_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.csv"
    path.write_text('"armed_fight",participants,armed_fight\ntrue,1,false\n', encoding="utf-8")
    said = refusal(path, capsys)
    assert said == f"govops: {path}: column 'armed_fight' appears more than once in the header"


def test_a_flag_column_is_read_as_true_false_when_every_cell_is(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("armed_fight,note\nTRUE,true\nfalse,x\n,y\n", encoding="utf-8")
    frame = read_records(path, typed=FLAGS)
    assert frame.schema == pl.Schema({"armed_fight": pl.Boolean(), "note": pl.String()})
    assert frame["armed_fight"].to_list() == [True, False, None]


def test_a_flag_column_with_another_cell_is_read_as_text_for_the_check_to_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    path.write_text("armed_fight\ntrue\n yes\n", encoding="utf-8")
    frame = read_records(path, typed=FLAGS)
    assert frame["armed_fight"].to_list() == ["true", " yes"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_text_column_asked_by_its_values_codes_is_read_so(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    frame = pl.DataFrame({"station": ["A", "B", "A", None], "rain": [1, 2, 3, 4]})
    if suffix == ".csv":
        frame.write_csv(path)
    else:
        frame.write_parquet(path)
    coded = {"station": pl.Categorical(), "rain": pl.Categorical(), "absent": pl.Categorical()}
    read = read_records(path, typed=coded)
    assert read["station"].dtype == pl.Categorical
    assert read["station"].cast(pl.String).to_list() == ["A", "B", "A", None]
    # from CSV every cell is text, so the figures too; Parquet keeps what is stored as numbers
    assert read["rain"].dtype == (pl.Categorical if suffix == ".csv" else pl.Int64)
