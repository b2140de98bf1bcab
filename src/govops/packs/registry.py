"""Built-in packs ship inside the package; a pack may also be named by its folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from govops.lawcode.pack import Pack
from govops.packs.loader import MANIFEST, load_pack

BUILTIN = Path(__file__).parent / "builtin"


class UnknownPackError(LookupError):
    pass


def builtin_pack_ids() -> list[str]:
    return sorted(p.parent.name for p in BUILTIN.glob(f"*/{MANIFEST}"))


def pack_folder(name: str) -> Path:
    """A built-in pack id, or the path of a pack folder."""
    if (BUILTIN / name / MANIFEST).is_file():
        return BUILTIN / name
    candidate = Path(name)
    if (candidate / MANIFEST).is_file():
        return candidate
    known = ", ".join(builtin_pack_ids())
    raise UnknownPackError(f"no pack {name!r}: not a built-in pack ({known}) nor a pack folder")


@cache
def load_builtin_pack(pack_id: str) -> Pack:
    if (BUILTIN / pack_id / MANIFEST).is_file():
        return load_pack(BUILTIN / pack_id)
    raise UnknownPackError(
        f"no built-in pack {pack_id!r} (built-in: {', '.join(builtin_pack_ids())})"
    )


def open_pack(name: str) -> Pack:
    folder = pack_folder(name)
    return load_builtin_pack(name) if folder.parent == BUILTIN else load_pack(folder)
