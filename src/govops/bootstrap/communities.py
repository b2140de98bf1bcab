"""The communities' registry, wired to the organisation tree it keeps its committees and
resident groups in (the unit register of the accounts, through the registry's port)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from govops.bootstrap.early_warning import utc_now as _now
from govops.packs import load_builtin_pack

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.accounts.service.units import UnitService
    from govops.communities.service.registry import RegistryService
    from govops.platform.identity.units import Unit

COMMUNITY_PACK = "cn-community-organizations"
_log = logging.getLogger("govops.communities")


@dataclass(frozen=True)
class TreeOfUnits:
    """The unit register as the community registry's OrganisationUnits."""

    units: UnitService

    def taken(self, units: Sequence[Unit]) -> list[str]:
        return self.units.held_otherwise(units)

    def record(self, units: Sequence[Unit], actor: str) -> int:
        """The units into the tree, after the registry's commit: a failure here (the
        database busy, say) is logged, never undoing what the registry stored; the start
        of `govops serve` puts in what is missing."""
        try:
            return len(self.units.record_derived(units, actor))
        except Exception:  # whatever it is, the registry's record stands
            codes = ", ".join(u.code for u in units)
            _log.warning("units %s not placed in the organisation tree", codes, exc_info=True)
            return 0


def build_communities(engine: Engine, clock: Callable[[], datetime] = _now) -> RegistryService:
    """The community registry on a migrated database, under cn-community-organizations,
    keeping its committees and resident groups in the organisation tree."""
    from govops.accounts.service.units import UnitService  # noqa: PLC0415
    from govops.accounts.storage.accounts import accounts_unit_of_work_factory  # noqa: PLC0415
    from govops.communities.service.registry import RegistryService  # noqa: PLC0415
    from govops.communities.storage.registry import community_unit_of_work_factory  # noqa: PLC0415

    pack = load_builtin_pack(COMMUNITY_PACK)
    units = TreeOfUnits(UnitService(accounts_unit_of_work_factory(engine), clock))
    return RegistryService(community_unit_of_work_factory(engine), clock, pack, units)


def communities_into_tree(registry: RegistryService, language: str) -> None:
    """At start: committees and groups recorded but missing from the tree put there; one
    the tree holds as another unit is said in the log, in `language` (it is left out,
    never replaced)."""
    from govops.platform.i18n.translator import translator  # noqa: PLC0415

    t = translator(language)
    try:
        _, refused = registry.units_into_tree()
    except Exception:  # the service starts; the next start tries again
        _log.warning("the community organisations were not placed in the tree", exc_info=True)
        return
    for code in refused:
        _log.warning(
            t._(
                "unit {code} is held in the organisation tree by another unit, or its code is "
                "too long: the community organisation is not placed in the tree",
                code=code,
            )
        )
