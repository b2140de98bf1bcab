"""`govops srb compute` and `govops srb rank`: the sex ratio at birth (boys per 100 girls)
from births counted by area and year, as JSON Lines.

Messages are Vietnamese unless --lang en. Figures are rounded for display to --digits
decimals (2 by default; Python's round, i.e. the nearest value to the binary float, ties to
even); --full writes every float exactly as computed (shortest repr that reads back the
same double).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import polars as pl
import typer

from govops.cli.context import encoding_option
from govops.cli.output import to_json
from govops.indicators.areas import LEVELS, AreaHierarchy, parse_areas
from govops.indicators.counts import data_level, parse_births, roll_up
from govops.indicators.messages import IndicatorError

app = typer.Typer(
    help="Tỷ số giới tính khi sinh (SRB) / sex ratio at birth.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

BirthsArg = Annotated[
    Path,
    typer.Argument(
        metavar="BIRTHS", help="area_code,year,boys,girls (.csv, or .parquet with those columns)."
    ),
]
LangOption = Annotated[str, typer.Option("--lang", help="vi (default) or en.")]
DigitsOption = Annotated[
    int, typer.Option("--digits", min=0, max=15, help="Decimals shown (default 2).")
]
FullOption = Annotated[bool, typer.Option("--full", help="Full float precision, no rounding.")]
REASONS = {
    "no_girls": (
        "không có bé gái: tỷ số và cận trên là vô hạn",
        "no girls: the ratio and its upper bound are infinite",
    ),
    "no_births": ("không có ca sinh nào", "no births"),
    "missing_years": (
        "thiếu số liệu của năm trong khoảng gộp",
        "a year of the pooled window has no data",
    ),
}


def say(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def stop(lang: str, vi: str, en: str) -> NoReturn:
    """A one-line message on stderr, exit status 2, no traceback."""
    print(f"govops: {say(lang, vi, en)}", file=sys.stderr)
    raise typer.Exit(2)


def note(lang: str, vi: str, en: str) -> None:
    print(f"govops: {say(lang, 'ghi chú', 'note')}: {say(lang, vi, en)}", file=sys.stderr)


def check_lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        stop(
            "vi",
            f"--lang phải là vi hoặc en, có {lang!r}",
            f"--lang must be vi or en, not {lang!r}",
        )
    return lang


def read_text(path: Path, encoding: str, lang: str) -> str:
    """The file's text in the encoding named (UTF-8 by default, a byte-order mark allowed);
    never guessed, since a wrong guess would change names without a word."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        data = path.read_bytes()
    except OSError as error:
        stop(
            lang,
            f"{path}: không đọc được tệp ({error.strerror})",
            f"{path}: cannot read ({error.strerror})",
        )
    try:
        return data.decode(codec)
    except LookupError:
        stop(lang, f"không có bảng mã --encoding {encoding!r}", f"unknown --encoding {encoding!r}")
    except UnicodeDecodeError as error:
        stop(
            lang,
            f"{path} không phải văn bản {encoding} (byte {error.start}); thử --encoding cp1258",
            f"{path} is not {encoding} text at byte {error.start}; try --encoding cp1258",
        )


def read_hierarchy(path: Path | None, encoding: str, lang: str) -> AreaHierarchy | None:
    if path is None:
        return None
    try:
        return parse_areas(read_text(path, encoding, lang))
    except IndicatorError as error:
        stop(lang, f"{path}: {error.text['vi']}", f"{path}: {error.text['en']}")


def read_counts(
    path: Path, hierarchy: AreaHierarchy | None, encoding: str, lang: str
) -> pl.DataFrame:
    """Counts checked by govops.indicators.parse_births; CSV cells are read as text so that
    every figure is parsed exactly."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        stop(lang, f"{path}: tệp phải là .csv hoặc .parquet", f"{path}: must be .csv or .parquet")
    try:
        if suffix == ".csv":
            frame = pl.read_csv(io.StringIO(read_text(path, encoding, lang)), infer_schema=False)
        else:
            frame = pl.read_parquet(path)
        return parse_births(frame, hierarchy)
    except IndicatorError as error:
        stop(lang, f"{path}: {error.text['vi']}", f"{path}: {error.text['en']}")
    except (pl.exceptions.PolarsError, OSError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        stop(lang, f"{path}: không đọc được: {first}", f"{path}: cannot read: {first}")


def shown(value: object, digits: int | None) -> object:
    if isinstance(value, float) and digits is not None:
        return round(value, digits)
    return value


def explained(row: dict[str, Any], lang: str, digits: int | None) -> dict[str, Any]:
    """The row with rounded floats; a null figure comes with its reason in words."""
    line = {key: shown(value, digits) for key, value in row.items()}
    reason = line.get("reason")
    if isinstance(reason, str) and reason in REASONS:
        line["message"] = say(lang, *REASONS[reason])
    for key in ("reason", "years_missing"):
        if key in line and line[key] is None:
            del line[key]
    return line


@app.command("compute")
def compute_command(  # noqa: PLR0913, PLR0917 (one parameter per command-line option)
    births: BirthsArg,
    areas: Annotated[
        Path | None, typer.Option("--areas", help="code,name,level,parent (.csv).")
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help="commune, district or province.")
    ] = None,
    pool: Annotated[
        int | None, typer.Option("--pool-years", min=1, help="Pool N consecutive years.")
    ] = None,
    encoding: encoding_option = "utf-8",
    lang: LangOption = "vi",
    digits: DigitsOption = 2,
    full: FullOption = False,
) -> None:
    """SRB per area and year with its exact 95 % interval (Clopper–Pearson): area, year,
    boys, girls, srb, ci_low, ci_high (with --pool-years: from_year to year)."""
    from govops.indicators.srb import estimate  # noqa: PLC0415 (scipy only when computing)

    check_lang(lang)
    if level is not None and level not in LEVELS:
        stop(lang, f"--level phải là {', '.join(LEVELS)}", f"--level must be {', '.join(LEVELS)}")
    if level is not None and areas is None:
        stop(
            lang,
            "--level cần --areas (danh sách địa bàn); không có nó chỉ tính được ở cấp của số liệu",
            "--level needs --areas (the list of areas); without it only the data's own level "
            "can be computed",
        )
    hierarchy = read_hierarchy(areas, encoding, lang)
    counts = read_counts(births, hierarchy, encoding, lang)
    table = counts
    if hierarchy is not None:
        table = _rolled(counts, hierarchy, level or data_level(counts, hierarchy), lang)
    if pool is not None:
        table = _pooled(table, pool)
    for row in estimate(table).iter_rows(named=True):
        named = {} if hierarchy is None else {"name": hierarchy.name_of(row["area"])}
        print(
            to_json(explained({"area": row["area"]} | named | row, lang, None if full else digits))
        )


def _rolled(counts: pl.DataFrame, hierarchy: AreaHierarchy, level: str, lang: str) -> pl.DataFrame:
    below = data_level(counts, hierarchy)
    try:
        rolled = roll_up(counts, hierarchy, level)
    except IndicatorError as error:
        stop(lang, error.text["vi"], error.text["en"])
    if level == below:
        return rolled.drop("areas")
    listed = hierarchy.links(below, level).group_by("parent").agg(areas_listed=pl.len())
    return rolled.rename({"areas": "areas_reporting"}).join(
        listed.rename({"parent": "area"}).with_columns(pl.col("areas_listed").cast(pl.Int64)),
        on="area",
        how="left",
    )


def _pooled(table: pl.DataFrame, years: int) -> pl.DataFrame:
    from govops.indicators.srb import pool_years  # noqa: PLC0415

    pooled = pool_years(table, years)
    return pooled.with_columns(
        pl.when(pl.col("years_missing").list.len() > 0).then(pl.col("years_missing"))
    )


@app.command("rank")
def rank_command(  # noqa: PLR0913, PLR0917 (one parameter per command-line option)
    births: BirthsArg,
    areas: Annotated[Path, typer.Option("--areas", help="code,name,level,parent (.csv).")],
    from_year: Annotated[int | None, typer.Option("--from-year")] = None,
    to_year: Annotated[int | None, typer.Option("--to-year")] = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Only the first N.")] = None,
    encoding: encoding_option = "utf-8",
    lang: LangOption = "vi",
    digits: DigitsOption = 2,
    full: FullOption = False,
) -> None:
    """Communes ranked by SRB shrunk towards their district's (empirical Bayes), highest
    first: rank, area, name, district, births, srb (raw), srb_posterior, post_low,
    post_high, district_srb, kappa, shrinkage."""
    from govops.indicators.shrinkage import describe_kappa, rank_communes  # noqa: PLC0415

    check_lang(lang)
    hierarchy = read_hierarchy(areas, encoding, lang)
    assert hierarchy is not None  # --areas is required
    counts = read_counts(births, hierarchy, encoding, lang)
    if from_year is not None and to_year is not None and from_year > to_year:
        stop(lang, "--from-year sau --to-year", "--from-year is after --to-year")
    try:
        ranking = rank_communes(counts, hierarchy, from_year, to_year)
    except IndicatorError as error:
        stop(lang, error.text["vi"], error.text["en"])
    _explain_kappa(ranking.kappa, lang)
    table = ranking.table if top is None else ranking.table.head(top)
    strength = describe_kappa(ranking.kappa)
    for row in table.iter_rows(named=True):
        named = {
            "rank": row["rank"],
            "area": row["area"],
            "name": hierarchy.name_of(row["area"]),
            "district": row["district"],
            "district_name": hierarchy.name_of(row["district"]),
        }
        print(to_json(explained(named | row | strength, lang, None if full else digits)))


def _explain_kappa(kappa: float | None, lang: str) -> None:
    if kappa is None:
        note(
            lang,
            "các xã không chênh lệch nhau quá mức dao động ngẫu nhiên: mỗi xã lấy tỷ số của "
            "huyện (co rút hoàn toàn)",
            "the communes differ no more than chance explains: each gets its district's ratio "
            "(full shrinkage)",
        )
    else:
        note(
            lang,
            f"mỗi xã được kéo về tỷ số của huyện với trọng số tương đương {kappa:.0f} ca sinh",
            f"each commune is pulled towards its district as if by {kappa:.0f} births",
        )
