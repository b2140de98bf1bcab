"""Forms are accepted only from the pages themselves: a page of another site that the
duty officer has open must not be able to file, tick or close anything (cross-site request
forgery). Browsers say where a form comes from in Sec-Fetch-Site or, failing that, Origin;
a request that carries neither (a command-line client) is not a browser being misused.
A refusal says why in the reader's language (as the pages choose it)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from govops.platform.web.pages import read_page_request

ALLOWED_FETCH_SITES = {"same-origin", "none"}


def _from_elsewhere(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ALLOWED_FETCH_SITES
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc != request.headers.get("host", "")


def same_origin_guard(default_language: str) -> Callable[[Request], None]:
    """A dependency refusing (403) a form posted from another site; `default_language`
    is the organisation's, for a reader who chose none."""

    def same_origin_only(request: Request) -> None:
        if _from_elsewhere(request):
            t = read_page_request(request, default_language).translator
            raise HTTPException(403, t._("forms are accepted only from this site's own pages"))

    return same_origin_only
