"""Every word a reader sees comes from the catalogs: no text written into a template, and
none written into the pages, API, reports or commands outside a gettext call.

A template's words are `{{ _("...") }}` calls; its raw text holds only punctuation,
numbers and markup. In the adapter rooms (web, api, reports, cli) a string literal that
reads as a sentence (a Chinese character, a Vietnamese letter, or English words with a
function word among them) is an argument of _(), ngettext(), pgettext(), N_(), msg() or
msg_n(); docstrings, the interfaces' own documentation (`help=` of the command line,
`description=` and `summary=` of the OpenAPI document: they stay English), log lines and
lines marked `# i18n: not shown` (an internal error, say) are left out."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.e2e.languages import ENGLISH_WORDS, HAN, VIETNAMESE
from tests.paths import REPOSITORY

SOURCE = REPOSITORY / "src" / "govops"
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
WORDS = re.compile(r"[A-Za-z]{2,}")
ADAPTER_ROOMS = ("web", "api", "reports", "cli")
MARKERS = {"_", "ngettext", "pgettext", "N_", "msg", "msg_n", "gettext"}
LOGGING = {"debug", "info", "warning", "error", "exception", "critical", "log"}
SHOWN_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")
PATH = re.compile(r"/[\w/.{}-]*")  # an address a block fills in (an href's), not words
NOT_SHOWN = "# i18n: not shown"
# The interfaces' own documentation (--help, the OpenAPI document) stays English.
DOCUMENTATION = {"help", "description", "summary"}


class _TemplateText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.texts.extend(v for k, v in attrs if k in SHOWN_ATTRIBUTES and v)
        if tag == "input" and found.get("type") in ("submit", "button") and found.get("value"):
            self.texts.append(found["value"] or "")
        if tag in ("script", "style"):
            self.inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()

    def handle_data(self, data: str) -> None:
        if not self.inside and data.strip():
            self.texts.append(data.strip())


def _written(text: str) -> bool:
    text = PATH.sub(" ", text)
    return bool(HAN.search(text) or VIETNAMESE.search(text) or WORDS.search(text))


def test_templates_hold_no_words_of_their_own() -> None:
    found = {}
    for path in SOURCE.rglob("templates/*.html"):
        parser = _TemplateText()
        parser.feed(JINJA.sub("\x00", path.read_text(encoding="utf-8")))
        words = [t for t in parser.texts if _written(t.replace("\x00", " "))]
        if words:
            found[str(path.relative_to(SOURCE))] = words
    assert found == {}


def _sentence(text: str) -> bool:
    if HAN.search(text) or VIETNAMESE.search(text):
        return True
    tokens = (token.strip(".,;:!?()[]'\"") for token in text.split())
    words = [token for token in tokens if len(token) > 1 and token.isalpha()]
    return len(words) >= 2 and any(w.lower() in ENGLISH_WORDS for w in words)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Literals(ast.NodeVisitor):
    """String constants outside gettext calls, docstrings, help= and log lines."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: list[tuple[int, str]] = []

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in MARKERS or name in LOGGING:
            return
        for keyword in node.keywords:
            if keyword.arg not in DOCUMENTATION:
                self.visit(keyword.value)
        for argument in node.args:
            self.visit(argument)
        self.visit(node.func)

    def visit_Expr(self, node: ast.Expr) -> None:
        if not isinstance(node.value, ast.Constant):  # a docstring or a bare string
            self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        shown = NOT_SHOWN not in self.lines[node.lineno - 1]
        if isinstance(node.value, str) and _sentence(node.value) and shown:
            self.found.append((node.lineno, node.value))


def _adapter_modules() -> list[Path]:
    paths = []
    for path in SOURCE.rglob("*.py"):
        parts = path.relative_to(SOURCE).parts
        if any(room in parts[:-1] for room in ADAPTER_ROOMS):
            paths.append(path)
    return sorted(paths)


def test_pages_answers_reports_and_commands_say_nothing_outside_the_catalogs() -> None:
    found = {}
    for path in _adapter_modules():
        source = path.read_text(encoding="utf-8")
        visitor = _Literals(source.splitlines())
        visitor.visit(ast.parse(source))
        if visitor.found:
            found[str(path.relative_to(SOURCE))] = visitor.found
    assert found == {}
