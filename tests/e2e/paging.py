"""Walking a paged list answer (`platform.api.paging`) as a client does: from the first
page, each next one at the address its `Link` header gives, until a page gives none."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


def next_page(answer: Any) -> str | None:
    """The address of the page after this answer's, if one follows."""
    link = answer.headers.get("link")
    if link is None:
        return None
    found = NEXT.match(link)
    assert found is not None, link
    return found["url"]


def walked(
    client: TestClient, url: str, field: str | None = None, headers: dict[str, str] | None = None
) -> list[list[Any]]:
    """Every page of the list at `url` (asked with a `limit`), in order: each page's items
    (its `field`, for an answer that holds the list in one; each such page's `count` is
    checked to be the number of its items)."""
    pages: list[list[Any]] = []
    address: str | None = url
    while address is not None:
        answer = client.get(address, headers=headers)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items = body if field is None else body[field]
        if field is not None and "count" in body:
            assert body["count"] == len(items)
        pages.append(items)
        address = next_page(answer)
        assert len(pages) <= 10_000, "the pages never end"
    return pages


def every_item(
    client: TestClient, url: str, field: str | None = None, headers: dict[str, str] | None = None
) -> list[Any]:
    """The whole list at `url` in one answer (the most items a page holds)."""
    joined = "&" if "?" in url else "?"
    answer = client.get(f"{url}{joined}limit=1000", headers=headers)
    assert answer.status_code == 200, answer.text
    assert next_page(answer) is None
    body = answer.json()
    items: list[Any] = body if field is None else body[field]
    return items


def assert_walks_whole(
    client: TestClient,
    url: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    limit: int = 1,
) -> list[Any]:
    """Walking the list at `url` `limit` items a page gives the whole list, the same items
    in the same order, on as many pages as it takes; the list (of two items at least, so
    that there is more than one page) is returned."""
    whole = every_item(client, url, field, headers)
    assert len(whole) >= 2, whole  # more than one page to walk
    joined = "&" if "?" in url else "?"
    pages = walked(client, f"{url}{joined}limit={limit}", field, headers)
    assert [item for page in pages for item in page] == whole
    assert [len(page) for page in pages[:-1]] == [limit] * (len(pages) - 1)
    assert len(pages) == -(-len(whole) // limit)
    return whole
