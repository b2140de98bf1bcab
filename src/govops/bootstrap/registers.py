"""The district's registers, under the Xicheng District plan's pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from govops.bootstrap.early_warning import utc_now as _now
from govops.packs import load_builtin_pack

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.registers.service.registers import RegisterService

REGISTERS_PACK = "cn-xicheng-em-14fyp"


def build_registers(engine: Engine, clock: Callable[[], datetime] = _now) -> RegisterService:
    """The registers' use cases on a migrated database."""
    from govops.registers.service.registers import RegisterService  # noqa: PLC0415
    from govops.registers.storage.registers import register_unit_of_work_factory  # noqa: PLC0415

    return RegisterService(
        register_unit_of_work_factory(engine), clock, load_builtin_pack(REGISTERS_PACK)
    )
