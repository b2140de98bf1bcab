"""The demonstration organisations, one for each built-in pack, and one demonstration user
per role, each with a random password (printed by `govops serve --demo`, never stored in
clear). Loaded only into a system without users.

- a county (示范县) whose emergency office runs cn-county-mass-incident: four townships
  (those of the demonstration incidents) and the county departments the plan routes to
  (their codes are the pack's department codes);
- Xicheng District (cn-xicheng-em-14fyp): the district and its 15 streets as the pack
  lists them, and one demonstration community;
- a university whose organisation department runs cn-cadre-selection;
- Thanh Hóa province, whose population office runs vn-thanhhoa-srb-2016, and two of its
  districts."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from govops.accounts.service.accounts import AccountsService
from govops.accounts.service.units import UnitService
from govops.platform.identity.units import Unit

COUNTY = "demo-county"
XICHENG = "110102"
UNIVERSITY = "demo-university"
THANH_HOA = "38"
ROOTS = (COUNTY, XICHENG, UNIVERSITY, THANH_HOA)


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    display_name: str
    role: str
    units: tuple[str, ...]
    password: str = ""


def _unit(
    code: str,
    zh: str,
    en: str,
    kind: str,
    parent: str | None,
    packs: tuple[str, ...] = (),
    vi: str = "",
) -> Unit:
    names = {"zh-Hans": zh, "en": en} if zh else {}
    if vi:
        names = {"vi": vi, **names}
    return Unit(code, names, kind, parent, packs)


def county_units(departments: Iterable[tuple[str, dict[str, str]]]) -> list[Unit]:
    incident = ("cn-county-mass-incident",)
    units = [
        _unit(COUNTY, "示范县", "Demonstration County", "county", None, incident),
        _unit(
            "demo-county-emergency-office",
            "县应急办",
            "County emergency office",
            "office",
            COUNTY,
            incident,
        ),
        _unit("chengguan", "城关镇", "Chengguan", "township", COUNTY),
        _unit("qingshi", "青石镇", "Qingshi", "township", COUNTY),
        _unit("hekou", "河口乡", "Hekou", "township", COUNTY),
        _unit("shiqiao", "石桥镇", "Shiqiao", "township", COUNTY),
    ]
    units += [Unit(code, dict(names), "bureau", COUNTY) for code, names in departments]
    return units


def other_units() -> list[Unit]:
    cadres, srb = ("cn-cadre-selection",), ("vn-thanhhoa-srb-2016",)
    return [
        _unit("demo-community", "示范社区", "Demonstration community", "community", "110102001"),
        _unit(
            "demo-new-estate", "示范新建小区", "Demonstration new estate", "community", "110102001"
        ),
        _unit(UNIVERSITY, "示范大学", "Demonstration University", "university", None),
        _unit(
            "demo-organisation-department",
            "党委组织部",
            "Organisation department",
            "department",
            UNIVERSITY,
            cadres,
        ),
        _unit(THANH_HOA, "", "Thanh Hóa province", "province", None, srb, vi="Tỉnh Thanh Hóa"),
        _unit(
            "38-population-office",
            "",
            "Population and family planning office",
            "office",
            THANH_HOA,
            srb,
            vi="Chi cục Dân số - Kế hoạch hóa gia đình",
        ),
        _unit("380", "", "Thanh Hóa city", "district", THANH_HOA, vi="Thành phố Thanh Hóa"),
        _unit("381", "", "Bỉm Sơn town", "district", THANH_HOA, vi="Thị xã Bỉm Sơn"),
    ]


USERS: Sequence[DemoUser] = (
    DemoUser("admin", "系统管理员", "administrator", ROOTS),
    DemoUser("duty", "值班员 王芳", "duty_officer", (COUNTY,)),
    DemoUser("chengguan", "城关镇值班员 李强", "duty_officer", ("chengguan",)),
    DemoUser("head", "应急办主任 赵敏", "office_head", (COUNTY,)),
    DemoUser("liaison", "公安局联络员 陈刚", "department_liaison", ("public_security",)),
    DemoUser("orgstaff", "组织部 周洁", "organisation_staff", ("demo-organisation-department",)),
    DemoUser("team", "考察组 吴磊", "selection_team_member", ("demo-organisation-department",)),
    DemoUser("committee", "党委委员 郑华", "committee_member", (UNIVERSITY,)),
    DemoUser("street", "街道 孙丽", "street_staff", ("110102001",)),
    DemoUser("district", "区应急管理局 韩梅", "district_emergency_staff", (XICHENG,)),
    DemoUser("community", "社区 钱进", "community_staff", ("demo-community",)),
    DemoUser("population", "Nguyễn Thị Lan", "population_officer", (THANH_HOA,)),
    DemoUser("viewer", "只读 冯涛", "viewer", ROOTS),
)


def load_demo_accounts(
    accounts: AccountsService,
    units: UnitService,
    pack_units: Iterable[Unit],
    departments: Iterable[tuple[str, dict[str, str]]],
) -> list[DemoUser]:
    """The demonstration tree and users, each with a new random password (returned, to be
    shown once); nothing when users exist already. The administrator is made first, as
    on any new system, and grants every other role."""
    if accounts.has_users():
        return []
    units.record(None, [*county_units(departments), *pack_units, *other_units()])
    made: list[DemoUser] = []
    for user in USERS:
        password = secrets.token_urlsafe(12)
        actor = accounts.local_actor(USERS[0].username) if made else None
        accounts.add_user(actor, user.username, user.display_name, password)
        for unit in user.units:
            accounts.grant(actor, user.username, user.role, unit)
        made.append(DemoUser(user.username, user.display_name, user.role, user.units, password))
    return made
