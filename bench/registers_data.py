"""Synthetic registers of many district emergency offices (pack cn-xicheng-em-14fyp) for
the registers benchmark: districts of streets of communities, five years of events up to
the board day (2020-07-01 on) and 2020's baseline figures. Every table is one record kind
of `govops.registers.model.records`, each row an event with a `seq` unique across tables
and the `unit` whose register holds it. The figures straddle their targets, the stock
cards never go below zero, and duties, shifts, shelters, hazards and milestones are mostly
kept with gaps, late ones and re-recordings, so that every check both passes and fails.
None of it is real data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import polars as pl

from govops.lawcode.plans.indicators import Measure
from govops.lawcode.rules.intervals import Side
from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack

START = date(2020, 7, 1)
PLAN_START = date(2021, 1, 1)
KINDS = ("receipt", "issue", "transfer", "stocktake", "expiry")
EXTRA_ITEMS = {"tent": 0.1, "flashlight": 0.5}  # per person, beside the pack's needs
STAGES = ("planned", "building", "open", "closed", "open")  # the last one reopens


@dataclass(frozen=True)
class _Tree:
    districts: pl.Series
    streets: pl.Series  # district-major: street s is in district s // per
    communities: pl.Series
    first: np.ndarray  # each street's first community
    count: np.ndarray  # and how many it has
    per: int


def generate(districts: int, streets: int, on: date, seed: int) -> dict[str, pl.DataFrame]:
    """The units and each record kind's table, for `districts` of `streets` each, the board
    day `on`; the same seed draws the same tables."""
    rng = np.random.default_rng(seed)
    pack = load_builtin_pack("cn-xicheng-em-14fyp")
    span = (on - START).days
    tree, units = _units(rng, districts, streets)
    residents = _residents(rng, len(tree.streets), on.year - 2019)
    depots = _depots(rng, tree)
    shelters, statuses = _shelters(rng, tree, span)
    enterprises = _enterprises(rng, tree)
    hazards, rectified, verified = _hazards(rng, tree, span)
    tables = {
        "figures": _figures(rng, pack, tree, on),
        "populations": _populations(rng, tree, residents),
        "depots": depots.select("unit", "depot", "level"),
        "movements": _movements(rng, pack, depots, residents[:, -1], tree, span),
        "shelters": shelters,
        "shelter_statuses": statuses,
        "enterprises": enterprises,
        "occurrences": _occurrences(rng, pack, tree, enterprises, on),
        "shifts": _shifts(rng, pack.registers.duty.roles, tree, span + 15),
        "trainings": _trainings(rng, _aim(pack, "officers_trained"), tree, on),
        "hazards": hazards,
        "rectified": rectified,
        "verified": verified,
        "milestones": _milestones(rng, pack, tree, on),
    }
    # One counter in this order: depots before their movements, shelters before their
    # statuses, hazards before their rectification and verification.
    seq = 1
    for frame in tables.values():
        frame.insert_column(0, pl.Series("seq", np.arange(seq, seq + frame.height)))
        seq += frame.height
    return {"units": units, **tables}


def _aim(pack: Pack, counted: str) -> float:
    """The target of the indicator whose figure the registers count as `counted`."""
    ids = [i for i, what in pack.registers.computed.items() if what == counted]
    return float(next(i.target.value for i in pack.indicators if i.id in ids))


def _day(offsets: np.ndarray) -> pl.Series:
    return pl.Series(np.datetime64(START) + offsets.astype("timedelta64[D]")).cast(pl.Date)


def _nulls(n: int) -> pl.Series:
    return pl.repeat(None, n, dtype=pl.String, eager=True)


def _numbered(prefix: pl.Series | str, numbers: np.ndarray, mark: str, width: int = 1) -> pl.Series:
    n = pl.Series(numbers).cast(pl.String).str.zfill(width)
    return prefix + mark + n


def _rank(group: np.ndarray) -> np.ndarray:
    """Each row's place within its group (rows sorted by group)."""
    first = np.searchsorted(group, group, side="left")
    return np.arange(len(group)) - first


def _units(rng: np.random.Generator, districts: int, per: int) -> tuple[_Tree, pl.DataFrame]:
    d = _numbered(pl.Series(["d"] * districts), np.arange(1, districts + 1), "", 4)
    s = _numbered(
        d.gather(np.repeat(np.arange(districts), per)),
        np.tile(np.arange(per) + 1, districts),
        "s",
        2,
    )
    count = rng.integers(3, 7, len(s))
    owner = np.repeat(np.arange(len(s)), count)
    c = _numbered(s.gather(owner), _rank(owner) + 1, "c")
    units = pl.DataFrame(
        {
            "unit": pl.concat([d, s, c]),
            "parent": pl.concat(
                [
                    _nulls(districts),
                    d.gather(np.arange(len(s)) // per),
                    s.gather(owner),
                ]
            ),
            "kind": ["district"] * districts + ["street"] * len(s) + ["community"] * len(c),
        }
    )
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    return _Tree(d, s, c, first, count, per), units


def _residents(rng: np.random.Generator, streets: int, years: int) -> np.ndarray:
    """Each street's residents, 2020 onwards (streets x years)."""
    base = rng.lognormal(np.log(55_000), 0.35, streets)
    growth = rng.normal(0.003, 0.01, streets)
    return np.rint(base[:, None] * (1 + growth[:, None]) ** np.arange(years)).astype(np.int64)


def _populations(rng: np.random.Generator, tree: _Tree, residents: np.ndarray) -> pl.DataFrame:
    districts, years = len(tree.districts), residents.shape[1]
    district = residents.reshape(districts, tree.per, years).sum(axis=1)
    frame = pl.DataFrame(
        {
            "unit": pl.concat([tree.districts, tree.streets]).gather(
                np.repeat(np.arange(districts + len(tree.streets)), years)
            ),
            "year": np.tile(
                np.arange(2020, 2020 + years, dtype=np.int32), districts + len(tree.streets)
            ),
            "residents": np.concatenate([district.ravel(), residents.ravel()]),
        }
    )
    silent = tree.districts.filter(pl.Series(rng.random(districts) < 0.02))
    return frame.filter(~pl.col("unit").str.slice(0, 5).is_in(silent.implode())).sort(
        "year", maintain_order=True
    )


def _figures(rng: np.random.Generator, pack: Pack, tree: _Tree, on: date) -> pl.DataFrame:
    """Each reported indicator's yearly figure for 2020 to the year before the board day's,
    at every district: ~3 % missing, ~2 % reported again with another draw."""
    years = np.arange(2020, on.year, dtype=np.int32)
    n = len(tree.districts)
    frames = []
    for indicator in pack.indicators:
        if indicator.id in pack.registers.computed:
            continue
        values, other = (np.round(_values(rng, indicator, n, len(years)), 2) for _ in range(2))
        frames.append(
            pl.DataFrame(
                {
                    "unit": tree.districts.gather(np.repeat(np.arange(n), len(years))),
                    "indicator": indicator.id,
                    "year": np.tile(years, n),
                    "value": values.ravel(),
                    "other": other.ravel(),
                }
            )
        )
    figures = pl.concat(frames).sort("year", "unit", maintain_order=True)
    figures = figures.filter(pl.Series(rng.random(figures.height) >= 0.03))
    again = figures.filter(pl.Series(rng.random(figures.height) < 0.02))
    again = again.filter(pl.col("other") != pl.col("value")).with_columns(value="other")
    figures = pl.concat([figures, again]).drop("other")
    return figures.with_columns(pl.col("value").cast(pl.Decimal(18, 4)))


def _values(rng: np.random.Generator, indicator: Any, n: int, years: int) -> np.ndarray:
    """Yearly figures (districts x years, 2020 first) around the target, half each side."""
    target = float(indicator.target.value)
    upper = indicator.target.side is Side.UPPER
    on_target = rng.random((n, years)) < 0.01
    if indicator.measure is Measure.FALL:
        # whole baselines, so that the fall exactly on target is exact in 2 decimals
        base = rng.integers(40, 400, n).astype(float)[:, None]
        fall = rng.uniform(0, 0.5, (n, 1)) * np.linspace(0, 1, years) ** rng.uniform(0.5, 2, (n, 1))
        values = np.where(on_target, base * (1 - target / 100), base * (1 - fall))
        values[:, 0] = base[:, 0]
        return values
    if indicator.measure is Measure.TOTAL:
        rate = target * rng.lognormal(0, 0.35, (n, 1)) / (years - 1)
        return rng.poisson(np.broadcast_to(rate, (n, years))).astype(float)
    level = target * rng.lognormal(0, 0.25, (n, 1))
    if indicator.measure is Measure.AT_END:
        behind = (years - 1 - np.arange(years)) * rng.uniform(0.02, 0.08, (n, 1))
        values = level * (1 + behind if upper else 1 - behind)
    else:
        values = level * rng.lognormal(0, 0.15, (n, years))
    if indicator.target.unit == "%" and not upper:
        values = np.minimum(values, 100.0)  # a share reaches 100 % at most
    return np.where(on_target, target, values)


def _depots(rng: np.random.Generator, tree: _Tree) -> pl.DataFrame:
    """Depots sorted by district, with the street they stand in and their level's code."""
    n, s = len(tree.districts), len(tree.streets)
    streets = np.arange(s)
    parts = [
        np.repeat(np.arange(n) * tree.per, rng.integers(2, 5, n)),
        streets,
        streets[rng.random(s) < 0.3],
        streets[rng.random(s) < 0.1],
    ]
    street = np.concatenate(parts)
    code = np.repeat(np.arange(4), [len(p) for p in parts])
    order = np.argsort(street // tree.per, kind="stable")
    street, code = street[order], code[order]
    district = street // tree.per
    community = tree.first[street] + (rng.random(len(street)) * tree.count[street]).astype(int)
    held = np.select([code == 0, code == 1], [district, n + street], n + s + community)
    return pl.DataFrame(
        {
            "unit": pl.concat([tree.districts, tree.streets, tree.communities]).gather(held),
            "depot": _numbered(tree.districts.gather(district), _rank(district) + 1, "-dep"),
            "level": pl.Series(["district", "street", "community", "household"]).gather(code),
            "district": district,
            "street": street,
            "code": code,
        }
    )


def _movements(
    rng: np.random.Generator,
    pack: Pack,
    depots: pl.DataFrame,
    residents: np.ndarray,
    tree: _Tree,
    span: int,
) -> pl.DataFrame:
    """Each depot's card of each item (a series: depot-major, item-minor), its quantities
    drawn so that the district holds about what its needs call for, and no card below zero."""
    reserves = pack.registers.reserves
    needs = {n.item: float(n.per_person) for n in reserves.needs} | EXTRA_ITEMS
    items = len(needs)
    target, group = _stock_targets(rng, depots, residents, tree, reserves, list(needs.values()))
    kind, frac, day, valid = _schedule(rng, target.size, items, span)
    water = np.arange(target.size) % items == list(needs).index("drinking_water")
    half = 0.5 * ((rng.random(kind.shape) < 0.05) & water[:, None] & (kind == 0))
    to = _destinations(rng, depots["district"].to_numpy(), kind.shape, items)
    _, final = _card(kind, frac, valid, np.ones(target.size), None)
    scale = target / final
    quantity, final = _card(kind, frac, valid, scale, half)
    # what transfers bring a card after its last stocktake is on no simulated card: scale
    # each district's pool of an item down by it, and draw the cards again
    held = final + _brought(
        kind, day, quantity, to * items + np.arange(target.size)[:, None] % items
    )
    scale *= np.bincount(group, target)[group] / np.bincount(group, held)[group]
    quantity, _ = _card(kind, frac, valid, scale, half)
    row, place = np.nonzero(valid & ((quantity > 0) | (kind == 3)))
    frame = pl.DataFrame(
        {
            "unit": depots["unit"].gather(row // items),
            "depot": depots["depot"].gather(row // items),
            "item": pl.Series(list(needs)).gather(row % items),
            "movement": pl.Series(KINDS).gather(kind[row, place]),
            "quantity": pl.Series(quantity[row, place]).cast(pl.Decimal(18, 3)),
            "on": _day(day[row, place]),
            "to_depot": depots["depot"].gather(to[row, place]),
        }
    )
    transfer = pl.col("movement") == "transfer"
    frame = frame.with_columns(to_depot=pl.when(transfer).then("to_depot"))
    return frame.sort("on", maintain_order=True)


def _stock_targets(
    rng: np.random.Generator,
    depots: pl.DataFrame,
    residents: np.ndarray,
    tree: _Tree,
    reserves: Any,
    per_person: list[float],
) -> tuple[np.ndarray, np.ndarray]:
    """The stock each card should end with, and its (district, pool, item): the district
    depots share the needs of `district_people`, the street and community depots those of
    the rest of `population_share` of the residents, households hold a little."""
    n, items = len(tree.districts), len(per_person)
    district, code = depots["district"].to_numpy(), depots["code"].to_numpy()
    pool = np.array([0, 1, 1, 2])[code]
    weight = rng.uniform(0.5, 1.5, len(code))
    weight *= np.where(pool == 1, residents[depots["street"].to_numpy()], 1.0)
    weight *= np.where(code == 2, 0.3, 1.0)
    key = district * 3 + pool
    weight /= np.bincount(key, weight, minlength=3 * n)[key]
    wanted = float(reserves.population_share) * residents.reshape(n, tree.per).sum(axis=1)
    people = float(reserves.district_people)
    pools = np.stack([np.full(n, people), np.maximum(wanted - people, 0.2 * wanted)], axis=1)
    served = np.where(pool == 2, 30.0, pools[district, np.minimum(pool, 1)] * weight)
    factor = rng.lognormal(0, 0.25, (n, items))  # some districts above their needs, some below
    target = served[:, None] * np.array(per_person)[None, :] * factor[district]
    return target.ravel(), (key[:, None] * items + np.arange(items)).ravel()


def _schedule(
    rng: np.random.Generator, series: int, items: int, span: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """About 40 movements a depot a year, as (series x place) matrices: their kinds, their
    size (`_card`), their days (sorted) and whether the place holds one."""
    # 42, not 40: outflows rounded down to nothing are left off the card
    count = np.maximum(2, rng.poisson(42 * span / 365.25 / items, series))
    valid = np.arange(count.max()) < count[:, None]
    when = np.where(valid, rng.random(valid.shape), 2.0)
    when.sort(axis=1)
    day = (when * (span + 1)).astype(np.int64)
    kind = rng.choice(5, valid.shape, p=[0.25, 0.35, 0.1, 0.1, 0.2])
    kind[:, 0] = 0  # a card opens with a receipt
    low = np.array([0.5, 0.02, 0.05, -0.01, 0.01])[kind]
    high = np.array([1.5, 0.3, 0.25, 0.004, 0.1])[kind]
    frac = low + (high - low) * rng.random(valid.shape)
    return np.where(valid, kind, -1), frac, day, valid


def _destinations(
    rng: np.random.Generator, district: np.ndarray, shape: tuple[int, int], items: int
) -> np.ndarray:
    """For every place of every card, another depot of its district (a transfer's)."""
    depot = np.arange(shape[0]) // items
    first = np.searchsorted(district, district[depot])[:, None]
    size = np.bincount(district)[district[depot]][:, None]
    other = (rng.random(shape) * (size - 1)).astype(np.int64)
    return first + other + (other >= depot[:, None] - first)


def _brought(
    kind: np.ndarray, day: np.ndarray, quantity: np.ndarray, into: np.ndarray
) -> np.ndarray:
    """What transfers bring each card after its last stocktake, in the table's order (by
    day, then by card)."""
    series = kind.shape[0]
    card = np.broadcast_to(np.arange(series)[:, None], kind.shape)
    order = day * series + card
    last = np.full(series, -1)
    np.maximum.at(last, card[kind == 3], order[kind == 3])
    moved = (kind == 2) & (quantity > 0)
    after = order[moved] > last[into[moved]]
    return np.bincount(into[moved][after], quantity[moved][after], minlength=series)


def _card(
    kind: np.ndarray,
    frac: np.ndarray,
    valid: np.ndarray,
    scale: np.ndarray,
    half: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Plays every card at once, one movement at a time: receipts of `frac * scale`, issues,
    transfers and expiries taking `frac` of the stock, stocktakes counting it `frac` off.
    With `half`, in whole units (and the odd half): outflows rounded down never overdraw."""
    stock = np.zeros(len(kind))
    quantity = np.zeros(kind.shape)
    for j in range(kind.shape[1]):
        k, f = kind[:, j], frac[:, j]
        if half is None:
            receipt, out, count = f * scale, f * stock, stock * (1 + f)
        else:
            receipt = np.maximum(1, np.rint(f * scale)) + half[:, j]
            out, count = np.floor(f * stock), np.rint(stock * (1 + f))
        q = np.where(k == 0, receipt, np.where(k == 3, count, out)) * valid[:, j]
        stock = np.where((k == 3) & valid[:, j], count, stock + np.where(k == 0, q, -q))
        quantity[:, j] = q
    return quantity, stock


def _shelters(
    rng: np.random.Generator, tree: _Tree, span: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """1-2 shelters a street, each serving its street and up to two others of the district.
    A street's first shelter is open on the board day, but in the ~3 % of streets left
    uncovered: theirs never open, and no other shelter serves them."""
    s = len(tree.streets)
    home = np.repeat(np.arange(s), rng.integers(1, 3, s))
    n, district = len(home), home // tree.per
    first = _rank(home) == 0
    bare = rng.random(s) < 0.03
    held = np.where(~first & (rng.random(n) < 0.2), district, len(tree.districts) + home)
    kind = rng.choice(3, n, p=[0.45, 0.4, 0.15])
    extra = np.repeat(np.arange(n), 2)
    other = district[extra] * tree.per + rng.integers(0, tree.per, len(extra))
    keep = (rng.random(len(extra)) < 0.5) & (other != home[extra]) & ~bare[other]
    street = np.concatenate([home, other[keep]])
    serves = pl.DataFrame(
        {
            "shelter": np.concatenate([np.arange(n), extra[keep]]),
            "street": tree.streets.gather(street),
        }
    ).sort("shelter", maintain_order=True)
    serves = serves.group_by("shelter", maintain_order=True).agg(
        pl.col("street").unique(maintain_order=True)
    )
    ids = _numbered(tree.districts.gather(district), _rank(district) + 1, "-sh")
    shelters = pl.DataFrame(
        {
            "unit": pl.concat([tree.districts, tree.streets]).gather(held),
            "shelter": ids,
            "kind": pl.Series(
                ["earthquake_shelter", "evacuation_point", "convertible_building"]
            ).gather(kind),
            "capacity": rng.integers(
                np.array([2000, 200, 500])[kind], np.array([20000, 3000, 5000])[kind]
            ),
            "streets": serves["street"],
            "national_standard": rng.random(n) < np.array([0.75, 0.3, 0.5])[kind],
        }
    )
    return shelters, _lives(rng, shelters, first & ~bare[home], bare[home], span)


def _lives(
    rng: np.random.Generator, shelters: pl.DataFrame, sure: np.ndarray, never: np.ndarray, span: int
) -> pl.DataFrame:
    """Planned, building, open (by the board day for `sure` ones), sometimes closed and
    reopened; some never open (all the `never` ones)."""
    n = shelters.height
    opened = np.where(sure, rng.integers(120, span, n), rng.integers(120, span + 400, n))
    building = (opened * rng.uniform(0.5, 0.95, n)).astype(np.int64)
    planned = (building * rng.uniform(0.3, 0.95, n)).astype(np.int64)
    closed = opened + rng.integers(60, 900, n)
    reopened = closed + rng.integers(30, 400, n)
    never = never | (~sure & (rng.random(n) < 0.08))
    shut = ~sure & ~never & (rng.random(n) < 0.25)
    again = shut & (rng.random(n) < 0.4)
    day = np.concatenate([planned, building, opened, closed, reopened])
    stage = np.repeat(np.arange(5), n)
    shelter = np.tile(np.arange(n), 5)
    happens = np.concatenate([np.ones(2 * n, bool), ~never, shut, again]) & (day <= span)
    frame = pl.DataFrame(
        {"i": shelter[happens], "stage": stage[happens], "day": day[happens]}
    ).sort("day", "stage", "i")
    i = frame["i"].to_numpy()
    return pl.DataFrame(
        {
            "unit": shelters["unit"].gather(i),
            "shelter": shelters["shelter"].gather(i),
            "status": pl.Series(STAGES).gather(frame["stage"].to_numpy()),
            "on": _day(frame["day"].to_numpy()),
        }
    )


def _enterprises(rng: np.random.Generator, tree: _Tree) -> pl.DataFrame:
    street = np.repeat(np.arange(len(tree.streets)), rng.integers(0, 9, len(tree.streets)))
    unit = tree.streets.gather(street)
    return pl.DataFrame({"unit": unit, "enterprise": _numbered(unit, _rank(street) + 1, "e")})


def _occurrences(
    rng: np.random.Generator, pack: Pack, tree: _Tree, enterprises: pl.DataFrame, on: date
) -> pl.DataFrame:
    frames = []
    for owed in pack.registers.cadences:
        cadence = owed.cadence
        if owed.owed_by == "enterprise":
            frames.append(_evaluations(rng, enterprises, cadence.id, (on - START).days))
            continue
        owners = tree.districts if owed.owed_by == "district" else tree.streets
        who, day = _windows(rng, len(owners), cadence.months, cadence.start, on)
        assessment = _nulls(len(who))
        if owed.assessed:
            grades = pl.Series(["评估：优秀", "评估：良好", "评估：合格，需整改"])
            assessment = grades.gather(rng.integers(0, 3, len(who)))
            assessment = assessment.scatter(np.flatnonzero(rng.random(len(who)) < 0.1), None)
        frames.append(
            pl.DataFrame(
                {
                    "unit": owners.gather(who),
                    "cadence": cadence.id,
                    "on": _day(day),
                    "subject": _nulls(len(who)),
                    "assessment": assessment,
                }
            )
        )
    return pl.concat(frames).sort("on", maintain_order=True)


def _windows(
    rng: np.random.Generator, owners: int, months: int, start: date, on: date
) -> tuple[np.ndarray, np.ndarray]:
    """Windows of `months` counted from `start`, from the one holding START to the one
    holding `on`: mostly one occurrence in each, some none, some two."""
    month = start.year * 12 + start.month - 1
    first = (START.year * 12 + START.month - 1 - month) // months
    last = (on.year * 12 + on.month - 1 - month) // months
    begins = month + np.arange(first, last + 2) * months - 1970 * 12
    days = (begins.astype("datetime64[M]").astype("datetime64[D]") - np.datetime64(START)).astype(
        np.int64
    )
    low, high = np.maximum(days[:-1], 0), np.minimum(days[1:] - 1, (on - START).days)
    times = rng.choice(3, (owners, len(low)), p=[0.1, 0.82, 0.08])
    who = np.repeat(np.repeat(np.arange(owners), len(low)), times.ravel())
    window = np.repeat(np.tile(np.arange(len(low)), owners), times.ravel())
    day = low[window] + (rng.random(len(window)) * (high - low + 1)[window]).astype(np.int64)
    return who, day


def _evaluations(
    rng: np.random.Generator, enterprises: pl.DataFrame, cadence: str, span: int
) -> pl.DataFrame:
    """Each enterprise's evaluations, the next one mostly within three years of the last."""
    n = enterprises.height
    gaps = np.concatenate([rng.integers(0, 1000, (n, 1)), rng.integers(300, 1250, (n, 3))], axis=1)
    day = gaps.cumsum(axis=1)
    done = (day <= span) & (rng.random((n, 1)) >= 0.1)
    row, place = np.nonzero(done)
    return pl.DataFrame(
        {
            "unit": enterprises["unit"].gather(row),
            "cadence": cadence,
            "on": _day(day[row, place]),
            "subject": enterprises["enterprise"].gather(row),
            "assessment": _nulls(len(row)),
        }
    )


def _shifts(
    rng: np.random.Generator, roles: tuple[str, ...], tree: _Tree, days: int
) -> pl.DataFrame:
    """24-hour shifts from 08:00 Beijing time (00:00 UTC), day by day, every command centre
    and role; 0.1 % missing (gaps), some ending hours early (part-day gaps) or late."""
    centres = pl.concat([tree.districts, tree.streets])
    per_day = len(centres) * len(roles)
    n = days * per_day
    keep = np.ones(n, bool)
    keep[rng.integers(0, n, n // 1000)] = False
    index = np.flatnonzero(keep)
    hour = 3_600_000_000
    start = np.datetime64(START, "us").astype(np.int64) + (index // per_day) * 24 * hour
    end = start + 24 * hour
    moved = rng.integers(0, len(index), len(index) // 1000)
    end[moved] += rng.choice([-12, -6, -2, 1, 3], len(moved)) * hour
    return pl.DataFrame(
        {
            "unit": centres.gather(index % per_day // len(roles)),
            "role": pl.Series(roles).gather(index % len(roles)),
            "start": pl.Series(start).cast(pl.Datetime("us", "UTC")),
            "end": pl.Series(end).cast(pl.Datetime("us", "UTC")),
        }
    )


def _trainings(rng: np.random.Generator, aim: float, tree: _Tree, on: date) -> pl.DataFrame:
    """2-6 sessions a street a year, each district training about `aim` people from the
    plan's start to the board day."""
    years = np.arange(START.year, on.year + 1)
    low = np.array([(max(date(y, 1, 1), START) - START).days for y in years])
    high = np.array([(min(date(y, 12, 31), on) - START).days for y in years])
    part = (high - low + 1) / 365
    sessions = rng.binomial(
        rng.integers(2, 7, (len(tree.streets), len(years))), np.minimum(part, 1)
    )
    street = np.repeat(np.arange(len(tree.streets)), sessions.sum(axis=1))
    year = np.repeat(np.tile(np.arange(len(years)), len(tree.streets)), sessions.ravel())
    day = low[year] + (rng.random(len(year)) * (high - low + 1)[year]).astype(np.int64)
    district = street // tree.per
    weight = rng.gamma(3.0, 1.0, len(day))
    counted = day >= (PLAN_START - START).days
    total = np.bincount(district[counted], weight[counted], minlength=len(tree.districts))
    target = aim * rng.lognormal(0, 0.2, len(tree.districts))
    people = np.maximum(1, np.rint(target[district] * weight / total[district])).astype(np.int64)
    frame = pl.DataFrame({"unit": tree.streets.gather(street), "on": _day(day), "people": people})
    return frame.sort("on", maintain_order=True)


def _hazards(rng: np.random.Generator, tree: _Tree, span: int) -> tuple[pl.DataFrame, ...]:
    """About 20 hazards a street a year; most rectified (a fifth late, some not at all),
    most of those verified on or after the rectification."""
    street = np.repeat(
        np.arange(len(tree.streets)), rng.poisson(20 * (span + 1) / 365.25, len(tree.streets))
    )
    found = rng.integers(0, span + 1, len(street))
    found = found[np.lexsort((found, street))]  # streets stay in order, their days sorted
    n = len(street)
    allowed = rng.integers(7, 91, n)
    unit = tree.streets.gather(street)
    hazards = pl.DataFrame(
        {
            "unit": unit,
            "hazard": _numbered("h", _rank(street) + 1, "", 4),
            "found": _day(found),
            "deadline": _day(found + allowed),
        }
    )
    late = rng.random(n) < 0.2
    fixed = found + np.where(
        late, allowed + rng.integers(1, 60, n), (rng.random(n) * (allowed + 1)).astype(np.int64)
    )
    checked = fixed + rng.integers(0, 31, n)
    was_fixed = rng.random(n) < 0.92
    was_checked = was_fixed & (rng.random(n) < 0.9)
    rectified = hazards.select("unit", "hazard", on=_day(fixed)).filter(pl.Series(was_fixed))
    verified = hazards.select("unit", "hazard", on=_day(checked)).filter(pl.Series(was_checked))
    return (
        hazards.sort("found", maintain_order=True),
        rectified.sort("on", maintain_order=True),
        verified.sort("on", maintain_order=True),
    )


def _milestones(rng: np.random.Generator, pack: Pack, tree: _Tree, on: date) -> pl.DataFrame:
    """3-5 milestones a project and district, due 2021-2025, most done around their due day;
    15 % recorded again later, their due day moved or done since."""
    projects = pl.Series([p.id for p in pack.registers.projects])
    group = np.repeat(
        np.arange(len(tree.districts) * len(projects)),
        rng.integers(3, 6, len(tree.districts) * len(projects)),
    )
    n, span = len(group), (on - START).days
    low, high = (date(2021, 3, 1) - START).days, (date(2025, 12, 31) - START).days
    due = rng.integers(low, high, n)
    due = due[np.lexsort((due, group))]
    done = np.minimum(
        span, np.where(due <= span, due + rng.integers(-90, 60, n), due - rng.integers(0, 200, n))
    )
    finished = rng.random(n) < np.where(due <= span, 0.8, 0.25)
    again = np.flatnonzero(rng.random(n) < 0.15)
    moved = rng.random(len(again)) < 0.5
    due = np.concatenate([due, due[again] + moved * rng.integers(30, 240, len(again))])
    done = np.concatenate(
        [done, np.where(moved, done[again], span - rng.integers(0, 60, len(again)))]
    )
    finished = np.concatenate([finished, np.where(moved, finished[again], True)])
    row = np.concatenate([np.arange(n), again])
    return pl.DataFrame(
        {
            "unit": tree.districts.gather(group[row] // len(projects)),
            "project": projects.gather(group[row] % len(projects)),
            "milestone": _numbered("m", _rank(group)[row] + 1, ""),
            "due": _day(due),
            "done": _day(done).scatter(np.flatnonzero(~finished), None),
        }
    )


if __name__ == "__main__":
    import time

    for name, frame in generate(3, 4, date(2025, 6, 30), 7).items():
        print(name, frame.height)
        print(frame.head(4))
    began = time.perf_counter()
    tables = generate(300, 20, date(2025, 6, 30), 20261207)
    seconds = time.perf_counter() - began
    print({name: frame.height for name, frame in tables.items()})
    print(f"{seconds:.1f} s")
