"""Blocks into a DOCX file laid out like a Chinese government report, built in memory.

Fonts are named for both scripts on every style (Latin: Times New Roman; East Asian: 宋体
for the text, 黑体 for the title and headings), with the theme fonts of the template
removed, so that Word on a Chinese PC shows the text in the fonts named here.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from govops.platform.reports.blocks import Block, Para, Span, Table

# Font names, never shown as text.
LATIN = "Times New Roman"  # i18n: not shown
SONG = "宋体"  # SimSun: body text  # i18n: not shown
HEI = "黑体"  # SimHei: title and headings  # i18n: not shown
# The language Word checks the text in, by ours (the East Asian text: zh-CN or zh-TW).
WORD_LANGUAGES = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "vi": "vi-VN", "en": "en-US"}
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)
RED = RGBColor(0xC0, 0x00, 0x00)
BODY_SIZE = Pt(14)  # 四号
SMALL_SIZE = Pt(10.5)  # 五号: citations and tables
_STYLES = {  # role -> (style, East Asian font, size in points, centred)
    "title": ("Title", HEI, 22, True),
    "heading": ("Heading 1", HEI, 16, False),
    "subheading": ("Heading 2", HEI, 14, False),
}


def render(blocks: list[Block], title: str, language: str) -> bytes:
    document = Document()
    _page(document)
    _styles(document, language)
    document.core_properties.title = title
    document.core_properties.language = language
    for block in blocks:
        if isinstance(block, Table):
            _table(document, block)
        else:
            _paragraph(document, block)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: DocxDocument) -> None:
    """A4, with the margins of GB/T 9704 (party and government documents)."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _styles(document: DocxDocument, language: str) -> None:
    styles: Any = document.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):  # every theme font, in every style, named
        if any("theme" in name.lower() for name in rfonts.attrib):
            major = "major" in str(rfonts.get(qn("w:eastAsiaTheme"), ""))
            _fonts(rfonts.getparent(), HEI if major else SONG)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults, SONG)
    lang = defaults.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), WORD_LANGUAGES.get(language, "en-US"))
        lang.set(qn("w:eastAsia"), "zh-TW" if language == "zh-Hant" else "zh-CN")
    normal = _paragraph_style(document, "Normal")
    normal.font.name, normal.font.size = LATIN, BODY_SIZE
    _fonts(normal.element.find(qn("w:rPr")), SONG)
    normal.paragraph_format.space_after = Pt(3)
    for name, east_asian, size, centred in _STYLES.values():
        style = _paragraph_style(document, name)
        style.font.name, style.font.size = LATIN, Pt(size)
        style.font.bold = False
        style.font.color.rgb = BLACK
        rpr: Any = style.element.find(qn("w:rPr"))
        _fonts(rpr, east_asian)
        _drop_theme(rpr.find(qn("w:color")))
        _drop_border(style)
        if centred:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _paragraph_style(document: DocxDocument, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def _fonts(rpr: Any, east_asian: str) -> None:
    """Name the Latin and East Asian fonts on a run-properties element, no theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    _drop_theme(rfonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attribute), LATIN)
    rfonts.set(qn("w:eastAsia"), east_asian)


def _drop_theme(element: Any) -> None:
    """Theme attributes outrank the fonts and colours named beside them: remove them."""
    if element is None:
        return
    for attribute in list(element.attrib):
        if "theme" in attribute.lower():
            del element.attrib[attribute]


def _drop_border(style: ParagraphStyle) -> None:
    ppr: Any = style.element.find(qn("w:pPr"))
    border = None if ppr is None else ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


def _paragraph(document: DocxDocument, block: Para) -> None:
    if block.role in _STYLES:
        paragraph = document.add_paragraph(style=_STYLES[block.role][0])
    elif block.role == "item":
        paragraph = document.add_paragraph(style="List Bullet")
    else:
        paragraph = document.add_paragraph()
        if block.role == "meta":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.paragraph_format.first_line_indent = BODY_SIZE * 2
    for span in block.spans:
        _run(paragraph, span)


def _run(paragraph: Paragraph, span: Span, size: Pt | None = None) -> None:
    run = paragraph.add_run(span.text)
    if size is not None:
        run.font.size = size
    if span.kind == "label":
        run.bold = True
    elif span.kind == "cite":
        run.font.size = SMALL_SIZE
        run.font.color.rgb = GREY
    elif span.kind == "placeholder":
        run.font.color.rgb = RED


def _table(document: DocxDocument, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    for cell, text in zip(header.cells, block.headers, strict=True):
        _run(cell.paragraphs[0], Span(text, "label"), SMALL_SIZE)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _run(cell.paragraphs[0], Span(text), SMALL_SIZE)
