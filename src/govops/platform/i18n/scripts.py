"""Chinese in the other script: Simplified to Traditional (Taiwan standard characters,
OpenCC `s2tw`) and back (`t2s`). Used for pack texts written in one script and read in the
other, and to seed the zh-Hant catalog from the zh-Hans one (marked as converted there)."""

from __future__ import annotations

from functools import cache, lru_cache

import opencc

from govops.platform.i18n.languages import ZH_HANS, ZH_HANT

_CONFIGS = {(ZH_HANS, ZH_HANT): "s2tw", (ZH_HANT, ZH_HANS): "t2s"}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=4096)
def convert(text: str, source: str, target: str) -> str:
    """`text` written in `source` (zh-Hans or zh-Hant) as `target` writes it."""
    if source == target:
        return text
    return str(_converter(_CONFIGS[(source, target)]).convert(text))


def convertible(source: str, target: str) -> bool:
    return (source, target) in _CONFIGS
