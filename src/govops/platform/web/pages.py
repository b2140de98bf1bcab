"""What the three page families (incidents, programmes, rainstorm warnings) share around
their own content: the templates, the language the reader wants, where the router is
mounted, and the page answered in that language.

The language is the one asked for with ?lang=, else the one remembered in the
`govops_lang` cookie every family shares, else the family's default. Each family keeps
its own languages (incidents and warnings zh-Hans/en, programmes vi/en) and reads a value
it does not know as "not chosen". A language asked for is remembered for a year.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response

LANGUAGE_COOKIE = "govops_lang"
LANGUAGE_MAX_AGE = 365 * 24 * 3600

# A language tag (`en`, `zh`, `vi-VN`, ...) -> the family's language it names, else None.
LanguageOf = Callable[[str | None], str | None]


class ModuleTemplates(jinja2.BaseLoader):
    """Templates named `<module>/<file>`: the file in the `templates` folder of the module's
    web room, `govops.<module>.web` (`platform/skeleton.html` is the shared skeleton's).
    Each module keeps its own templates; none needs registering."""

    def __init__(self) -> None:
        self._loaders: dict[str, jinja2.PackageLoader] = {}

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        module, _, name = template.partition("/")
        if not module.isidentifier() or not name:
            raise jinja2.TemplateNotFound(template)
        loader = self._loaders.get(module)
        if loader is None:
            try:
                loader = jinja2.PackageLoader(f"govops.{module}.web", "templates")
            except (ModuleNotFoundError, ValueError):
                raise jinja2.TemplateNotFound(template) from None
            self._loaders[module] = loader
        return loader.get_source(environment, name)


TEMPLATES = jinja2.Environment(
    loader=ModuleTemplates(),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What every page reads from its request: the language and where it is mounted."""

    language: str
    language_asked: bool  # given with ?lang=: remember it
    other_language: str  # the one the language switch offers
    base: str  # where the router is mounted, without a trailing slash: "" at the root


def read_page_request(
    request: Request, language_of: LanguageOf, languages: tuple[str, str]
) -> PageRequest:
    """The request to a family that speaks `languages`, its default first: the language
    of ?lang=, else of the cookie, else the default."""
    default, second = languages
    asked = language_of(request.query_params.get("lang"))
    language = asked or language_of(request.cookies.get(LANGUAGE_COOKIE)) or default
    other = second if language == default else default
    base = str(request.scope.get("root_path", "")).rstrip("/")
    return PageRequest(language, asked is not None, other, base)


def remember_language(response: Response, page_request: PageRequest) -> None:
    if page_request.language_asked:
        response.set_cookie(
            LANGUAGE_COOKIE, page_request.language, max_age=LANGUAGE_MAX_AGE, samesite="lax"
        )


def render_page(
    page_request: PageRequest,
    template: str,
    page_url: str,
    values: Mapping[str, object],
    status: int = 200,
) -> HTMLResponse:
    """The page `template` shows with `values`, and with what skeleton.html needs: the
    language, where the router is mounted, and the language switch, which reloads
    `page_url`. The language is remembered when it was asked for."""
    html = TEMPLATES.get_template(template).render(
        language=page_request.language,
        base=page_request.base,
        switch_url=with_language(page_url, page_request.other_language),
        other_language=page_request.other_language,
        **values,
    )
    response = HTMLResponse(html, status_code=status)
    remember_language(response, page_request)
    return response


class TemplateHelpers(Protocol):
    """A family's reader: the functions its templates call, in the reader's language."""

    def template_functions(self) -> Mapping[str, object]: ...


HelpersT = TypeVar("HelpersT", bound=TemplateHelpers)


@dataclass(frozen=True, slots=True)
class ReaderVisit(Generic[HelpersT]):
    """One request to the pages of a family that reads them through `reader` (the
    programme and the warning pages)."""

    page_request: PageRequest
    reader: HelpersT

    @property
    def base(self) -> str:
        return self.page_request.base

    def render(
        self, template: str, page_url: str, values: Mapping[str, object], status: int = 200
    ) -> HTMLResponse:
        """A page; `page_url` is the address the language switch reloads."""
        shown = {**self.reader.template_functions(), **values}
        return render_page(self.page_request, template, page_url, shown, status)


def with_language(url: str, language: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "lang"] + [("lang", language)]
    return f"{parts.path}?{urlencode(query)}"


def without_language(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "lang"]
    return f"{parts.path}?{urlencode(query)}" if query else parts.path
