"""Built-in packs ship inside the package; a pack may also be named by its folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg
from govops.packs.errors import UnknownPackError
from govops.packs.loader import MANIFEST, load_pack

BUILTIN = Path(__file__).parent / "builtin"

__all__ = [
    "BUILTIN",
    "UnknownPackError",
    "builtin_pack_ids",
    "load_builtin_pack",
    "open_pack",
    "pack_folder",
]


def builtin_pack_ids() -> list[str]:
    return sorted(p.parent.name for p in BUILTIN.glob(f"*/{MANIFEST}"))


def _is_path(name: str) -> bool:
    """Anything written as a path is a path, even if a built-in pack has the same name."""
    return "/" in name or "\\" in name or name.startswith(".") or Path(name).is_dir()


def pack_folder(name: str) -> Path:
    """A built-in pack id, or the path of a pack folder."""
    if _is_path(name):
        if (Path(name) / MANIFEST).is_file():
            return Path(name)
        raise UnknownPackError(
            msg(
                "no pack manifest ({manifest}) in folder {folder}",
                manifest=MANIFEST,
                folder=repr(name),
            )
        )
    if (BUILTIN / name / MANIFEST).is_file():
        return BUILTIN / name
    known = ", ".join(builtin_pack_ids())
    raise UnknownPackError(
        msg(
            "no pack {name}: not a built-in pack ({known}) nor a pack folder",
            name=repr(name),
            known=known,
        )
    )


@cache
def load_builtin_pack(pack_id: str) -> Pack:
    if (BUILTIN / pack_id / MANIFEST).is_file():
        return load_pack(BUILTIN / pack_id)
    known = ", ".join(builtin_pack_ids())
    raise UnknownPackError(
        msg("no built-in pack {name} (built-in: {known})", name=repr(pack_id), known=known)
    )


def open_pack(name: str) -> Pack:
    folder = pack_folder(name)
    return load_pack(folder) if _is_path(name) else load_builtin_pack(name)
