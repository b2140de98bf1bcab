"""Packs: the declarative files that carry a document's rules, and their loader."""

from govops.packs.errors import PackError, PackProblem
from govops.packs.loader import load_pack
from govops.packs.registry import builtin_pack_ids, load_builtin_pack, open_pack, pack_folder

__all__ = [
    "PackError",
    "PackProblem",
    "builtin_pack_ids",
    "load_builtin_pack",
    "load_pack",
    "open_pack",
    "pack_folder",
]
