"""The pages' stylesheets, read from the package once and served with an hour's cache.

Every page links common.css first (the colours, the page skeleton, headings, sections,
tables), then its family's own sheet. common.css has one address, /static/common.css;
each family's router answers it there, so a router used alone still finds it. In the
whole application the first router included answers: with the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from govops.platform.api.auth import public

COMMON_STYLESHEET = "common.css"
COMMON_STYLESHEET_PATH = f"/static/{COMMON_STYLESHEET}"
CSS = "text/css; charset=utf-8"
PLATFORM_WEB = "govops.platform.web"  # the package whose static folder holds common.css


class Stylesheets:
    """Some stylesheets, by file name, each read from the static folder of a module's web
    package."""

    def __init__(self, sheets: Mapping[str, str]) -> None:
        """`sheets`: file name -> the package whose `static` folder holds it."""
        self.contents = {
            name: files(package).joinpath("static", name).read_bytes()
            for name, package in sheets.items()
        }

    def response(self, name: str) -> Response:
        """The stylesheet `name`; 404 for a name not among these."""
        content = self.contents.get(name)
        if content is None:
            return Response(status_code=404)
        return Response(content, media_type=CSS, headers={"Cache-Control": "max-age=3600"})


def add_stylesheet(router: APIRouter, path: str, name: str, package: str) -> None:
    """GET `path` answers the stylesheet `name` of `package`'s static folder."""
    stylesheets = Stylesheets({name: package})

    def stylesheet() -> Response:
        return stylesheets.response(name)

    # Stylesheets are public: the log-in page needs them before anyone is signed in.
    router.add_api_route(path, stylesheet, methods=["GET"], dependencies=[Depends(public)])


def add_common_stylesheet(router: APIRouter) -> None:
    add_stylesheet(router, COMMON_STYLESHEET_PATH, COMMON_STYLESHEET, PLATFORM_WEB)
