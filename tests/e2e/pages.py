"""Helpers for the page tests: filing reports through the form, reading what a page says."""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi.testclient import TestClient

GOOD_REPORT = {
    "officer": "张三",
    "occurred_at": "2026-06-01T09:30",
    "township": "城关镇",
    "place": "县政府大门",
    "summary": "城区房屋拆迁,群众到县政府集体上访",
    "participants": "约1200",
    "major_impact_protest": "true",  # 4.2(1)'s 影响较大的...上访请愿: the officer's box ticked
    "causes": ["demolition_and_arrears"],
}


def report(client: TestClient, **changes: Any) -> str:
    """File a report through the intake form; the incident page's path."""
    response = client.post("/incidents", data={**GOOD_REPORT, **changes}, follow_redirects=False)
    assert response.status_code == 303, errors(response.text)
    location: str = response.headers["location"]
    return location


def errors(page: str) -> dict[str, str]:
    """The messages shown next to fields: field name -> message."""
    found = re.findall(r'<p class="error" id="e-([\w-]+)" role="alert">([^<]*)</p>', page)
    return {name: html.unescape(message) for name, message in found}


def section(page: str, section_id: str) -> str:
    """The text of one <section id=...> of a page, tags removed, spaces collapsed."""
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', page, re.S)
    assert match, f"no section {section_id}"
    return text(match.group(1))


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
