"""What every page family (incidents, programmes, rainstorm warnings, ...) shares around
its own content: the templates, the language the reader wants, where the router is
mounted, and the page answered in that language.

The language is the one asked for with ?lang=, else the one remembered in the
`govops_lang` cookie every family shares, else the browser's Accept-Language, else the
organisation's default; every family speaks every language of the catalogs. A language
asked for is remembered for a year. Templates translate with `_()`, `ngettext()` and
`pgettext()`, format with `t` (the request's translator) and show pack texts with `tx()`,
which marks a text shown in the document's own language with its `lang`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from govops.platform.i18n.languages import LANGUAGES, OWN_NAMES, choose
from govops.platform.i18n.translator import Translator, translator
from govops.platform.web.markup import marked
from govops.platform.web.shell import NO_ONE, Shell, shell_of

LANGUAGE_COOKIE = "govops_lang"
LANGUAGE_MAX_AGE = 365 * 24 * 3600


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


TEMPLATES = jinja2.Environment(
    loader=ModuleTemplates(),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What every page reads from its request: the language, its translator, and where
    the router is mounted."""

    language: str
    language_asked: bool  # given with ?lang=: remember it
    base: str  # where the router is mounted, without a trailing slash: "" at the root
    translator: Translator
    shell: Shell = NO_ONE


@dataclass(frozen=True, slots=True)
class LanguageLink:
    """One entry of the language switch: the language in its own words, and the page in it."""

    language: str
    name: str
    url: str


def read_page_request(
    request: Request, default_language: str, timezone: str = "Asia/Shanghai"
) -> PageRequest:
    """The request's language: ?lang=, else the cookie, else Accept-Language, else
    `default_language` (the organisation's); times shown in `timezone`."""
    choice = choose(
        request.query_params.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
        default_language,
    )
    base = str(request.scope.get("root_path", "")).rstrip("/")
    t = translator(choice.language, timezone)
    return PageRequest(choice.language, choice.asked, base, t, shell_of(request, t))


def remember_language(response: Response, page_request: PageRequest) -> None:
    if page_request.language_asked:
        response.set_cookie(
            LANGUAGE_COOKIE, page_request.language, max_age=LANGUAGE_MAX_AGE, samesite="lax"
        )


def shown_text(t: Translator, texts: Mapping[str, str]) -> Markup:
    """A pack text for the page: in the reader's language when the pack has it (or in the
    other Chinese script), else in the document's own, marked with its `lang`."""
    found = t.text(texts)
    return marked(found.text, found.language, t.language)


def template_words(t: Translator) -> dict[str, object]:
    """What every template translates and formats with."""
    return {
        "_": t._,
        "ngettext": t.ngettext,
        "pgettext": t.pgettext,
        "say": t.say,
        "t": t,
        "tx": lambda texts: shown_text(t, texts),
    }


def render_page(
    page_request: PageRequest,
    template: str,
    page_url: str,
    values: Mapping[str, object],
    status: int = 200,
) -> HTMLResponse:
    """The page `template` shows with `values`, and with what skeleton.html needs: the
    language, where the router is mounted, and the language switch, which reloads
    `page_url` in each other language. The language is remembered when it was asked for."""
    switch = [
        LanguageLink(language, OWN_NAMES[language], with_language(page_url, language))
        for language in LANGUAGES
        if language != page_request.language
    ]
    html = TEMPLATES.get_template(template).render(
        language=page_request.language,
        base=page_request.base,
        languages=switch,
        shell=page_request.shell,
        **template_words(page_request.translator),
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
