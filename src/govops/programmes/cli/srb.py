"""`govops srb compute` and `govops srb rank`: the sex ratio at birth (boys per 100 girls)
from births counted by area and year, as JSON Lines.

Messages speak the language --lang names (zh-Hans, zh-Hant, vi, en), else the shell's,
else GOVOPS_LANGUAGE, else Vietnamese. Figures are rounded for display to --digits
decimals (2 by default; Python's round, i.e. the nearest value to the binary float, ties to
even); --full writes every float exactly as computed (shortest repr that reads back the
same double).
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import polars as pl
import typer

from govops.cli.context import encoding_option
from govops.lawcode.texts.messages import Message, msg, msg_n
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import to_json
from govops.platform.i18n.languages import VI
from govops.platform.i18n.translator import Translator
from govops.programmes.model.srb.areas import LEVELS, AreaHierarchy, parse_areas
from govops.programmes.model.srb.counts import data_level, parse_births
from govops.programmes.model.srb.coverage import incomplete_warning, roll_up_with_coverage
from govops.programmes.model.srb.messages import REASONS, IndicatorError

if TYPE_CHECKING:
    from govops.programmes.model.srb.shrinkage import Ranking

app = typer.Typer(
    help="Sex ratio at birth (SRB): compute, rank, progress against a plan's target.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

BirthsArg = Annotated[
    Path,
    typer.Argument(
        metavar="BIRTHS", help="area_code,year,boys,girls (.csv, or .parquet with those columns)."
    ),
]
DigitsOption = Annotated[
    int, typer.Option("--digits", min=0, max=15, help="Decimals shown (default 2).")
]
FullOption = Annotated[bool, typer.Option("--full", help="Full float precision, no rounding.")]
DOCUMENT_LANGUAGE = VI  # the plans' own: for a user who chose none
ZONE = "Asia/Ho_Chi_Minh"


def speaking(lang: str | None) -> Translator:
    return command_translator(lang, DOCUMENT_LANGUAGE, ZONE)


def stop(text: str) -> NoReturn:
    """A one-line message (already in the reader's language) on stderr, exit status 2, no
    traceback."""
    print(f"govops: {text}", file=sys.stderr)
    raise typer.Exit(2)


def note(t: Translator, message: Message) -> None:
    said = t._("note: {text}", text=message)
    print(f"govops: {said}", file=sys.stderr)


def read_text(path: Path, encoding: str, t: Translator) -> str:
    """The file's text in the encoding named (UTF-8 by default, a byte-order mark allowed);
    never guessed, since a wrong guess would change names without a word."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        data = path.read_bytes()
    except OSError as error:
        stop(t._("{path}: cannot read ({reason})", path=str(path), reason=str(error.strerror)))
    try:
        return data.decode(codec)
    except LookupError:
        stop(t._("unknown --encoding {encoding}", encoding=repr(encoding)))
    except UnicodeDecodeError as error:
        stop(
            t._(
                "{path} is not {encoding} text at byte {byte}; try --encoding cp1258",
                path=str(path),
                encoding=encoding,
                byte=str(error.start),
            )
        )


def read_hierarchy(path: Path | None, encoding: str, t: Translator) -> AreaHierarchy | None:
    if path is None:
        return None
    try:
        return parse_areas(read_text(path, encoding, t))
    except IndicatorError as error:
        stop(f"{path}: {t.say(error.message)}")


def read_counts(
    path: Path, hierarchy: AreaHierarchy | None, encoding: str, t: Translator
) -> pl.DataFrame:
    """Counts checked by govops.programmes.model.srb.parse_births; CSV cells are read as text so
    that every figure is parsed exactly."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        stop(t._("{path}: must be .csv or .parquet", path=str(path)))
    try:
        if suffix == ".csv":
            frame = pl.read_csv(io.StringIO(read_text(path, encoding, t)), infer_schema=False)
        else:
            frame = pl.read_parquet(path)
        return parse_births(frame, hierarchy)
    except IndicatorError as error:
        stop(f"{path}: {t.say(error.message)}")
    except (pl.exceptions.PolarsError, OSError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        stop(t._("{path}: cannot read: {reason}", path=str(path), reason=first))


def shown(value: object, digits: int | None) -> object:
    if isinstance(value, float) and digits is not None:
        return round(value, digits)
    return value


def explained(
    row: dict[str, Any], t: Translator, digits: int | None, warning: Message | None = None
) -> dict[str, Any]:
    """The row with rounded floats; null figures come with their reasons in words (`reason`
    a code, or `reasons` a list of codes), an incomplete sum with a `warning`."""
    line = {key: shown(value, digits) for key, value in row.items()}
    codes = row.get("reasons") or [row.get("reason")]
    said = [t._(REASONS[code]) for code in codes if code in REASONS]
    if said:
        line["message"] = "; ".join(said)
    for key in ("reason", "reasons", "years_missing"):
        if key in line and not line[key]:
            del line[key]
    if warning is not None:
        line["warning"] = t.say(warning)
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
    lang: LanguageOption = None,
    digits: DigitsOption = 2,
    full: FullOption = False,
) -> None:
    """SRB per area and year with its exact 95 % interval (Clopper–Pearson): area, year,
    boys, girls, srb, ci_low, ci_high (with --pool-years: from_year to year). Above the
    data's level: areas_reporting of areas_listed (pooled: the fewest in a year, and
    area_years_missing), with a `warning` when some area below has no row."""
    from govops.programmes.model.srb.ratio import estimate  # noqa: PLC0415 (scipy only when computing)

    t = speaking(lang)
    if level is not None and level not in LEVELS:
        stop(t._("--level must be one of {levels}", levels=", ".join(LEVELS)))
    if level is not None and areas is None:
        stop(
            t._(
                "--level needs --areas (the list of areas); without it only the data's own "
                "level can be computed"
            )
        )
    hierarchy = read_hierarchy(areas, encoding, t)
    counts = read_counts(births, hierarchy, encoding, t)
    table, below = counts, "commune"  # below: the level a roll-up sums (with --areas)
    if hierarchy is not None:
        below = data_level(counts, hierarchy)
        table = _rolled(counts, hierarchy, level or below, t)
    if not counts.height:
        note(t, msg("the file has no rows of counts"))
    if pool is not None:
        table = _pooled(table, pool, t)
    for row in estimate(table).iter_rows(named=True):
        named = {} if hierarchy is None else {"name": hierarchy.name_of(row["area"])}
        line = {"area": row["area"]} | named | row
        warning = incomplete_warning(row, below)
        print(to_json(explained(line, t, None if full else digits, warning)))


def _rolled(
    counts: pl.DataFrame, hierarchy: AreaHierarchy, level: str, t: Translator
) -> pl.DataFrame:
    try:
        return roll_up_with_coverage(counts, hierarchy, level)
    except IndicatorError as error:
        stop(t.say(error.message))


def _pooled(table: pl.DataFrame, years: int, t: Translator) -> pl.DataFrame:
    from govops.programmes.model.srb.ratio import pool_years  # noqa: PLC0415

    pooled = pool_years(table, years)
    if table.height and not pooled.height:
        first, last = table.select(pl.col("year").min().alias("first"), pl.col("year").max()).row(0)
        note(
            t,
            msg_n(
                "no window of {count} year fits the data's years ({first}–{last})",
                "no window of {count} years fits the data's years ({first}–{last})",
                years,
                first=str(first),
                last=str(last),
            ),
        )
    return pooled


@app.command("rank")
def rank_command(  # noqa: PLR0913, PLR0917 (one parameter per command-line option)
    births: BirthsArg,
    areas: Annotated[Path, typer.Option("--areas", help="code,name,level,parent (.csv).")],
    from_year: Annotated[int | None, typer.Option("--from-year")] = None,
    to_year: Annotated[int | None, typer.Option("--to-year")] = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Only the first N.")] = None,
    encoding: encoding_option = "utf-8",
    lang: LanguageOption = None,
    digits: DigitsOption = 2,
    full: FullOption = False,
) -> None:
    """Communes ranked by their expected SRB given every commune's counts (empirical
    Bayes), highest first: rank, area, name, district, births, srb (raw) with its exact
    ci_low and ci_high, srb_posterior, district_srb, pooled_srb, spread, districts_differ;
    a null figure with its reasons."""
    from govops.programmes.model.srb.shrinkage import rank_communes  # noqa: PLC0415

    t = speaking(lang)
    hierarchy = read_hierarchy(areas, encoding, t)
    assert hierarchy is not None  # --areas is required
    counts = read_counts(births, hierarchy, encoding, t)
    if from_year is not None and to_year is not None and from_year > to_year:
        stop(t._("--from-year is after --to-year"))
    try:
        ranking = rank_communes(counts, hierarchy, from_year, to_year)
    except IndicatorError as error:
        stop(t.say(error.message))
    _explain(ranking, t)
    table = ranking.table if top is None else ranking.table.head(top)
    model = {
        "pooled_srb": ranking.pooled_srb,
        "spread": ranking.spread,
        "districts_differ": ranking.districts_differ,
    }
    for row in table.iter_rows(named=True):
        named = {
            "rank": row["rank"],
            "area": row["area"],
            "name": hierarchy.name_of(row["area"]),
            "district": row["district"],
            "district_name": hierarchy.name_of(row["district"]),
        }
        print(to_json(explained(named | row | model, t, None if full else digits)))


def _explain(ranking: Ranking, t: Translator) -> None:
    if not ranking.table.height:
        note(t, msg("no commune has counts (in the years chosen): nothing to rank"))
    elif ranking.alike:
        note(
            t,
            msg(
                "the communes differ no more than chance explains: they share one expected "
                "ratio, and the order follows their excess of boys"
            ),
        )
    elif ranking.spread is not None:
        note(
            t,
            msg(
                "the communes' true ratios spread by about {points} points around the pooled "
                "ratio; each commune's figure is its expected ratio given that spread and its "
                "births",
                points=Decimal(f"{ranking.spread:.1f}"),
            ),
        )
    if ranking.districts_differ:
        note(t, msg("the districts differ beyond what their communes' differences explain"))
