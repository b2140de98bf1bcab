"""The built-in pack the registers are kept by, read once."""

from __future__ import annotations

import pytest

from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from tests.unit.registers.builders import PACK_ID


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_builtin_pack(PACK_ID)
