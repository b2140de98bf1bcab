"""The mid-term and final evaluation: per evaluation year and unit every indicator with its
target as written, status and reason; the targets in words; the figures with sources."""

from __future__ import annotations

import io
from decimal import Decimal

import docx

from govops.lawcode.plans.evaluation import ReportedFigure
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from govops.platform.reports.blocks import Para, Table
from govops.platform.reports.evaluation import evaluation_blocks, evaluation_docx

PACK = load_builtin_pack("cn-xicheng-em-14fyp")
FIGURES = [
    ReportedFigure(2, "110102", "fire_death_rate", 2021, Decimal("0.30"), "区消防救援支队年报"),
    ReportedFigure(3, "110102", "fire_death_rate", 2024, Decimal("0.50"), "区消防救援支队年报"),
]


def test_each_evaluation_year_holds_every_indicator_with_its_status_and_reason() -> None:
    blocks = evaluation_blocks(PACK, FIGURES, translator("en"), "Evaluation")
    headings = [b.text for b in blocks if isinstance(b, Para) and b.role == "heading"]
    assert headings == [
        "Mid-term evaluation (2023)",
        "Final evaluation (2025)",
        "Targets stated only in words (not assessed)",
        "The figures and their sources",
    ]
    mid, final, sources = [b for b in blocks if isinstance(b, Table)]
    fire_mid = next(r for r in mid.rows if r[1] == "<0.35")
    assert fire_mid[2:4] == ("on track", "the average of 1 year is 0.3人/10万人: meets <0.35")
    fire_final = next(r for r in final.rows if r[1] == "<0.35")
    assert fire_final[2:4] == ("no figure", "no figure for 2022, 2023, 2025")
    assert len(mid.rows) == len(PACK.indicators)
    assert sources.rows[1] == ("110102", "fire_death_rate", "2024", "0.50", "区消防救援支队年报")


def test_the_report_opens_as_a_word_document_in_the_readers_language() -> None:
    content = evaluation_docx(PACK, FIGURES, translator("zh-Hans"))
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "中期评估 (2023)" in text
    assert "仅以文字表述的目标（不评估）" in text
