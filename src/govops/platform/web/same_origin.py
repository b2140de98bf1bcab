"""Forms are accepted only from the pages themselves: a page of another site that the
duty officer has open must not be able to file, tick or close anything (cross-site request
forgery). Browsers say where a form comes from in Sec-Fetch-Site or, failing that, Origin;
a request that carries neither (a command-line client) is not a browser being misused."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import HTTPException, Request

ALLOWED_FETCH_SITES = {"same-origin", "none"}


def same_origin_only(request: Request) -> None:
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        if site not in ALLOWED_FETCH_SITES:
            raise HTTPException(403, "forms are accepted only from this site's own pages")
        return
    origin = request.headers.get("origin")
    if origin is None:
        return
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "forms are accepted only from this site's own pages")
