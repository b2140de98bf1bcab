"""The cadre record as callers give it (JSON), checked field by field.

Every problem raises InputError naming the field (`positions[1].end`), so a caller can
point at it. Unknown fields are refused at every level.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime

from govops.lawcode.rules.inputs import InputError
from govops.lawcode.texts.messages import msg

RANKS = ("deputy_section", "section_chief", "deputy_division", "division_chief")
DIVISION_RANKS = frozenset({"deputy_division", "division_chief"})  # 处级
"""副科 < 正科 < 副处 < 正处; a rank's index is its place in this order."""
EDUCATION = ("none", "college", "bachelor", "master", "doctorate")
"""Education as a level 0..4 (none, 大专, 大学本科, 硕士, 博士)."""
RESULTS = ("excellent", "competent", "basically_competent", "incompetent")
"""Annual assessment results, best first (优秀, 称职, 基本称职, 不称职)."""
DISCIPLINE = ("admonition", "organisational", "party", "government")
"""诫勉, 组织处理, 党纪处分, 政纪处分 (17(6))."""

_REQUIRED = {"as_of", "target_rank", "work_start", "education", "positions"}

JUDGED = (
    "political_discipline_breach",
    "low_public_recognition",
    "canvassing",
    "otherwise_unsuitable",
)
"""Art. 17 (1), (2), (4), (7): findings a person asserts (违反政治纪律和政治规矩, 群众公认度
不高, 跑官、拉票等非组织行为, 其他原因不宜提拔或者进一步使用); optional flags, default false."""


@dataclass(frozen=True, slots=True)
class Position:
    rank: int  # index in RANKS
    start: date
    end: date | None  # None: still held
    grassroots: bool
    post: str | None
    probation_end: date | None  # the day the probation (35) is completed


@dataclass(frozen=True, slots=True)
class CadreRecord:
    as_of: date
    target_rank: int
    target_is_party_post: bool
    work_start: date
    education: int
    party_join_date: date | None  # the day full membership began (转正): 党龄 counts from it
    training_completed: bool
    exceptional: bool
    previous_promotion_exceptional: bool  # the promotion into the rank held was exceptional
    positions: tuple[Position, ...]
    grassroots_periods: tuple[tuple[date, date | None], ...]
    assessments: Mapping[int, int]  # year -> index in RESULTS
    discipline_until: tuple[date, ...]  # the last day each sanction has effect
    spouse_or_children_abroad: bool
    on_establishment: bool | None
    personnel_agency: bool
    establishment_date: date | None
    demoted_on: date | None
    political_discipline_breach: bool = False  # 17(1)
    low_public_recognition: bool = False  # 17(2)
    canvassing: bool = False  # 17(4)
    otherwise_unsuitable: bool = False  # 17(7)


# The record's fields (those of CadreRecord, sanctions given as `disciplinary`) -> required.
_TOP = {
    "disciplinary" if f.name == "discipline_until" else f.name: f.name in _REQUIRED
    for f in fields(CadreRecord)
}


def parse_record(raw: Mapping[str, object]) -> CadreRecord:
    _fields(raw, _TOP, "")
    as_of = _date(raw["as_of"], "as_of")
    party = raw.get("party_join_date")
    record = CadreRecord(
        as_of=as_of,
        target_rank=_code(raw["target_rank"], RANKS, "target_rank"),
        target_is_party_post=_flag(raw, "target_is_party_post"),
        work_start=_past(raw["work_start"], "work_start", as_of),
        education=_code(raw["education"], EDUCATION, "education"),
        party_join_date=None if party is None else _past(party, "party_join_date", as_of),
        training_completed=_flag(raw, "training_completed"),
        exceptional=_flag(raw, "exceptional"),
        previous_promotion_exceptional=_flag(raw, "previous_promotion_exceptional"),
        positions=tuple(
            _position(p, f"positions[{i}]", as_of)
            for i, p in enumerate(_list(raw["positions"], "positions"))
        ),
        grassroots_periods=tuple(
            _period(p, f"grassroots_periods[{i}]", as_of)
            for i, p in enumerate(_list(raw.get("grassroots_periods", []), "grassroots_periods"))
        ),
        assessments=_assessments(raw.get("assessments", []), as_of),
        discipline_until=tuple(
            _discipline(d, f"disciplinary[{i}]")
            for i, d in enumerate(_list(raw.get("disciplinary", []), "disciplinary"))
        ),
        spouse_or_children_abroad=_flag(raw, "spouse_or_children_abroad"),
        on_establishment=_optional_flag(raw, "on_establishment"),
        personnel_agency=_flag(raw, "personnel_agency"),
        establishment_date=_optional_date(raw, "establishment_date", as_of),
        demoted_on=_optional_date(raw, "demoted_on", as_of),
        political_discipline_breach=_flag(raw, "political_discipline_breach"),
        low_public_recognition=_flag(raw, "low_public_recognition"),
        canvassing=_flag(raw, "canvassing"),
        otherwise_unsuitable=_flag(raw, "otherwise_unsuitable"),
    )
    _check_together(record)
    return record


def _check_together(record: CadreRecord) -> None:
    for i, position in enumerate(record.positions):
        if position.start < record.work_start:
            raise InputError(f"positions[{i}].start", msg("is before work_start"))
        for j, other in enumerate(record.positions[:i]):
            if other.rank != position.rank and _overlaps(other, position, record.as_of):
                earlier = f"positions[{j}]"
                raise InputError(
                    f"positions[{i}]",
                    msg(
                        "overlaps {other} at another rank: a cadre holds one rank at a time",
                        other=earlier,
                    ),
                )
    if current_rank(record) >= record.target_rank:
        raise InputError("target_rank", msg("is not above the rank now held: no promotion"))
    if record.target_rank == 0 and record.on_establishment is None:
        raise InputError(
            "on_establishment",
            msg("is required for a deputy section post ({article})", article="6(3)"),
        )
    if record.personnel_agency and record.establishment_date is None:
        raise InputError("establishment_date", msg("is required when personnel_agency is true"))


def current_rank(record: CadreRecord) -> int:
    """The rank promoted from: the highest rank of the posts held on as_of, else the rank
    of the post left last (a demoted cadre's lower rank), else -1 (no post yet)."""
    held = [p.rank for p in record.positions if p.end is None]
    if held:
        return max(held)
    ended = [(p.end, p.rank) for p in record.positions if p.end is not None]
    return max(ended)[1] if ended else -1


def _overlaps(a: Position, b: Position, as_of: date) -> bool:
    return a.start < (b.end or as_of) and b.start < (a.end or as_of)


def _fields(raw: object, known: Mapping[str, bool], prefix: str) -> None:
    where = prefix.rstrip(".") or "record"
    if not isinstance(raw, Mapping):
        raise InputError(where, msg("must be an object, got {raw}", raw=repr(raw)))
    for name in raw:
        if name not in known:
            raise InputError(
                f"{prefix}{name}", msg("is not a field (fields: {fields})", fields=", ".join(known))
            )
    for name, required in known.items():
        if required and raw.get(name) is None:
            raise InputError(f"{prefix}{name}", msg("is required"))


def _position(raw: object, where: str, as_of: date) -> Position:
    known = {"rank": True, "start": True, "end": False, "grassroots": False, "post": False}
    _fields(raw, {**known, "probation_end": False}, f"{where}.")
    assert isinstance(raw, Mapping)
    start, end = _period(raw, where, as_of, {**known, "probation_end": False})
    post = raw.get("post")
    if post is not None and (not isinstance(post, str) or not post.strip()):
        raise InputError(f"{where}.post", msg("must be a name, got {raw}", raw=repr(post)))
    probation = raw.get("probation_end")
    return Position(
        rank=_code(raw["rank"], RANKS, f"{where}.rank"),
        start=start,
        end=end,
        grassroots=_flag(raw, "grassroots", where),
        post=post,
        probation_end=None if probation is None else _date(probation, f"{where}.probation_end"),
    )


def _period(
    raw: object, where: str, as_of: date, known: Mapping[str, bool] | None = None
) -> tuple[date, date | None]:
    _fields(raw, known or {"start": True, "end": False}, f"{where}.")
    assert isinstance(raw, Mapping)
    start = _past(raw["start"], f"{where}.start", as_of)
    end = raw.get("end")
    if end is None:
        return start, None
    finished = _date(end, f"{where}.end")
    if finished <= start:
        raise InputError(f"{where}.end", msg("must be after start"))
    if finished > as_of:
        raise InputError(
            f"{where}.end", msg("is after as_of {as_of}: give null for a post held", as_of=as_of)
        )
    return start, finished


def _assessments(raw: object, as_of: date) -> dict[int, int]:
    results: dict[int, int] = {}
    for i, item in enumerate(_list(raw, "assessments")):
        where = f"assessments[{i}]"
        _fields(item, {"year": True, "result": True}, f"{where}.")
        assert isinstance(item, Mapping)
        year = item["year"]
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError(f"{where}.year", msg("must be a year, got {raw}", raw=repr(year)))
        if year >= as_of.year:
            raise InputError(
                f"{where}.year",
                msg("{year} has not ended on as_of {as_of}", year=str(year), as_of=as_of),
            )
        if year in results:
            raise InputError(f"{where}.year", msg("{year} is assessed twice", year=str(year)))
        results[year] = _code(item["result"], RESULTS, f"{where}.result")
    return results


def _discipline(raw: object, where: str) -> date:
    _fields(raw, {"kind": True, "effect_until": True}, f"{where}.")
    assert isinstance(raw, Mapping)
    _code(raw["kind"], DISCIPLINE, f"{where}.kind")
    return _date(raw["effect_until"], f"{where}.effect_until")


def _list(raw: object, where: str) -> list[object]:
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        raise InputError(where, msg("must be a list, got {raw}", raw=repr(raw)))
    return list(raw)


def _code(raw: object, codes: tuple[str, ...], where: str) -> int:
    if not isinstance(raw, str) or raw not in codes:
        raise InputError(
            where,
            msg("unknown code {code} (known: {known})", code=repr(raw), known=", ".join(codes)),
        )
    return codes.index(raw)


def _flag(raw: Mapping[str, object], name: str, where: str = "") -> bool:
    value = raw.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InputError(
            f"{where}.{name}" if where else name,
            msg("must be true or false, got {raw}", raw=repr(value)),
        )
    return value


def _optional_flag(raw: Mapping[str, object], name: str) -> bool | None:
    return None if raw.get(name) is None else _flag(raw, name)


def _optional_date(raw: Mapping[str, object], name: str, as_of: date) -> date | None:
    value = raw.get(name)
    return None if value is None else _past(value, name, as_of)


def _past(raw: object, where: str, as_of: date) -> date:
    value = _date(raw, where)
    if value > as_of:
        raise InputError(where, msg("{day} is after as_of {as_of}", day=value, as_of=as_of))
    return value


def _date(raw: object, where: str) -> date:
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise InputError(where, msg("must be a date YYYY-MM-DD, got {raw}", raw=repr(raw)))
