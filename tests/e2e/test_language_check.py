"""The check that a page holds no sentence of another language, on small pages."""

from __future__ import annotations

import pytest

from tests.e2e.languages import foreign_sentences


def page(language: str, body: str) -> str:
    return f'<!doctype html><html lang="{language}"><body>{body}</body></html>'


@pytest.mark.parametrize(
    ("language", "body", "found"),
    [
        ("zh-Hans", "<p>事件列表</p><p>DOCX 2026年6月1日 09:30 A1001</p>", []),
        ("zh-Hans", "<p>下载 the report</p>", ["下载 the report"]),
        ("zh-Hans", "<p>處置中</p>", ["處置中"]),  # Traditional in a Simplified page
        ("zh-Hant", "<p>處置中</p><p>处置中</p>", ["处置中"]),
        ("zh-Hans", '<p>Kế hoạch</p><p lang="vi">Kế hoạch số 161</p>', ["Kế hoạch"]),
        ("vi", "<p>Kế hoạch số 161/KH-UBND</p><p>SRB 115</p><p>III.2.4 a</p>", []),
        ("vi", "<p>Download the report</p><p>事件</p>", ["Download the report", "事件"]),
        ("vi", '<p><span lang="zh-Hans">一般</span> cấp IV</p>', []),
        ("en", "<p>Incidents of Thanh Hóa</p>", []),
        ("en", "<p>Kế hoạch</p><p>报告</p>", ["Kế hoạch", "报告"]),
        ("en", '<input placeholder="填写"><code>城关镇</code>', ["填写"]),
        ("zh-Hans", "<script>let a = 'some code here'</script><p>是</p>", []),
    ],
)
def test_sentences_in_another_language_are_found(
    language: str, body: str, found: list[str]
) -> None:
    assert foreign_sentences(page(language, body), names=["Thanh Hóa"]) == found
