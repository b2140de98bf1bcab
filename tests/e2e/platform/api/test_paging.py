"""Paging of list answers (`platform.api.paging`), through a small application that pages a
list held in its state: `?limit=` (100 by default, 1 to 1000), the next page's address in
the `Link` header until the last page, keyset cursors (an item added or removed between
pages neither repeats nor hides another), and a cursor no list gave refused 422 naming
`cursor`, as a problem document."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from govops.platform.api import problems
from govops.platform.api.paging import DEFAULT_LIMIT, MAX_LIMIT, Page
from tests.e2e.paging import next_page

Item = dict[str, Any]


def _items(count: int) -> list[Item]:
    """`count` items, named so that some share a name (the id tells them apart), held in
    no particular order."""
    made = [{"id": f"id-{n:04d}", "name": f"name-{n % 7}", "n": n} for n in range(count)]
    return made[::2] + made[1::2]


def _ordered(items: list[Item], descending: bool = False) -> list[Item]:
    return sorted(items, key=lambda i: (i["name"], i["id"]), reverse=descending)


@pytest.fixture
def app() -> FastAPI:
    app = FastAPI()
    problems.install(app, "/api")
    app.state.items = _items(10)

    @app.get("/api/items")
    def items(request: Request, page: Page, prefix: str = "") -> list[Item]:
        held = [i for i in request.app.state.items if i["name"].startswith(prefix)]
        return page.page(held, lambda i: (i["name"], i["id"]))

    @app.get("/api/items/latest")
    def latest(request: Request, page: Page) -> list[Item]:
        return page.page(request.app.state.items, lambda i: (i["name"], i["id"]), True)

    @app.get("/api/numbers")
    def numbers(request: Request, page: Page) -> list[Item]:
        return page.page(request.app.state.items, lambda i: (i["n"],))

    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, headers={"Accept-Language": "en"}) as client:
        yield client


def _walk(client: TestClient, url: str) -> list[list[Item]]:
    """Every page, from `url` on, following the Link headers."""
    pages: list[list[Item]] = []
    next_url: str | None = url
    while next_url is not None:
        answer = client.get(next_url)
        assert answer.status_code == 200, answer.text
        pages.append(answer.json())
        next_url = next_page(answer)
        assert len(pages) < 1000, "the pages never end"
    return pages


def _cursor(key: Any) -> str:
    """A cursor as the server writes one: base64url (no padding) of the key as JSON."""
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _refused(answer: Any, field: str = "cursor") -> None:
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    document = answer.json()
    assert (document["status"], document["code"]) == (422, "invalid-input")
    assert [e["field"] for e in document["errors"]] == [field]
    assert all(e["message"] for e in document["errors"])


def test_without_a_limit_a_page_holds_the_default_number_of_items(
    app: FastAPI, client: TestClient
) -> None:
    app.state.items = _items(DEFAULT_LIMIT * 2 + 5)
    answer = client.get("/api/items")
    assert answer.status_code == 200, answer.text
    assert answer.json() == _ordered(app.state.items)[:DEFAULT_LIMIT]
    next_url = next_page(answer)
    assert next_url is not None and f"limit={DEFAULT_LIMIT}" in next_url
    pages = _walk(client, "/api/items")
    assert [len(p) for p in pages] == [DEFAULT_LIMIT, DEFAULT_LIMIT, 5]


@pytest.mark.parametrize("limit", [0, -1, MAX_LIMIT + 1])
def test_a_limit_out_of_bounds_is_refused(client: TestClient, limit: int) -> None:
    _refused(client.get(f"/api/items?limit={limit}"), "limit")


@pytest.mark.parametrize("limit", [1, MAX_LIMIT])
def test_the_limits_bounds_are_taken(app: FastAPI, client: TestClient, limit: int) -> None:
    app.state.items = _items(MAX_LIMIT + 1)
    answer = client.get(f"/api/items?limit={limit}")
    assert answer.status_code == 200, answer.text
    assert answer.json() == _ordered(app.state.items)[:limit]
    assert next_page(answer) is not None


@pytest.mark.parametrize("limit", [1, 3, 5, 9, 10, 11])
@pytest.mark.parametrize("descending", [False, True])
def test_following_the_links_gives_every_item_once_in_order(
    app: FastAPI, client: TestClient, limit: int, descending: bool
) -> None:
    path = "/api/items/latest" if descending else "/api/items"
    pages = _walk(client, f"{path}?limit={limit}")
    assert [i for p in pages for i in p] == _ordered(app.state.items, descending)
    assert all(1 <= len(p) <= limit for p in pages)
    assert len(pages) == -(-len(app.state.items) // limit)  # no empty page at the end


def test_the_link_keeps_the_other_query_parameters(app: FastAPI, client: TestClient) -> None:
    first = client.get("/api/items?prefix=name-1&limit=1")
    next_url = next_page(first)
    assert next_url is not None and next_url.startswith("/api/items?")
    assert "prefix=name-1" in next_url and "limit=1" in next_url
    pages = _walk(client, "/api/items?prefix=name-1&limit=1")
    wanted = [i for i in _ordered(app.state.items) if i["name"] == "name-1"]
    assert [i for p in pages for i in p] == wanted


def test_the_last_page_and_a_list_of_one_page_have_no_link(
    app: FastAPI, client: TestClient
) -> None:
    answer = client.get("/api/items?limit=10")  # exactly the ten items
    assert answer.status_code == 200 and len(answer.json()) == 10
    assert "link" not in answer.headers
    assert "link" not in client.get("/api/items").headers
    last = client.get(next_page(client.get("/api/items?limit=6")) or "")
    assert last.status_code == 200 and len(last.json()) == 4
    assert "link" not in last.headers


def test_an_empty_list_is_one_empty_page(app: FastAPI, client: TestClient) -> None:
    app.state.items = []
    answer = client.get("/api/items?limit=1")
    assert answer.status_code == 200
    assert answer.json() == []
    assert "link" not in answer.headers


def test_a_list_emptied_between_pages_ends_with_an_empty_page(
    app: FastAPI, client: TestClient
) -> None:
    next_url = next_page(client.get("/api/items?limit=2"))
    app.state.items = []
    answer = client.get(next_url or "")
    assert answer.status_code == 200 and answer.json() == []
    assert "link" not in answer.headers


def test_an_item_removed_between_pages_hides_no_other(app: FastAPI, client: TestClient) -> None:
    wanted = _ordered(app.state.items)
    first = client.get("/api/items?limit=3")
    assert first.json() == wanted[:3]
    given_last, ahead = wanted[2], wanted[5]
    app.state.items = [i for i in app.state.items if i not in (given_last, ahead)]
    rest = _walk(client, next_page(first) or "")
    assert [i for p in rest for i in p] == [i for i in wanted[3:] if i != ahead]


def test_an_item_added_before_the_cursor_is_not_repeated(app: FastAPI, client: TestClient) -> None:
    wanted = _ordered(app.state.items)
    first = client.get("/api/items?limit=4")
    assert first.json() == wanted[:4]
    before = {"id": "id-0000a", "name": wanted[1]["name"], "n": 100}
    after = {"id": "id-9999", "name": "name-9", "n": 101}
    app.state.items = [*app.state.items, before, after]
    rest = [i for p in _walk(client, next_page(first) or "") for i in p]
    assert rest == [*wanted[4:], after]
    seen = [i["id"] for i in [*first.json(), *rest]]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    "cursor",
    [
        "!!!not base64!!!",
        "a",  # no whole byte
        _cursor("x")[:-1] + "é",
        base64.urlsafe_b64encode(b"not json").decode(),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),  # not UTF-8
        _cursor({"name": "name-1", "id": "id-0001"}),
        _cursor("name-1"),
        _cursor([]),
        _cursor(None),
        _cursor([1.5, "id-0001"]),
        _cursor([True, "id-0001"]),
        _cursor([None, "id-0001"]),
        _cursor([["name-1"], "id-0001"]),
        _cursor([1, 2]),  # ints, where the list's key is two texts
        _cursor(["name-1"]),  # one text, where it is two
        _cursor(["name-1", "id-0001", "more"]),
        "x" * 1001,  # longer than any cursor
    ],
)
def test_a_cursor_no_list_gave_is_refused(client: TestClient, cursor: str) -> None:
    _refused(client.get("/api/items", params={"cursor": cursor, "limit": 2}))


def test_a_cursor_of_another_list_is_refused(client: TestClient) -> None:
    from_items = next_page(client.get("/api/items?limit=2"))
    assert from_items is not None
    cursor = re.search(r"cursor=([^&]+)", from_items)
    assert cursor is not None
    _refused(client.get(f"/api/numbers?cursor={cursor[1]}"))
    from_numbers = next_page(client.get("/api/numbers?limit=2"))
    assert from_numbers is not None
    numbers_cursor = re.search(r"cursor=([^&]+)", from_numbers)
    assert numbers_cursor is not None
    _refused(client.get(f"/api/items?cursor={numbers_cursor[1]}"))


def test_the_refusal_is_worded_in_the_readers_language(client: TestClient) -> None:
    answer = client.get("/api/items?cursor=!!!")
    _refused(answer)
    assert answer.json()["errors"][0]["message"] == "not a cursor of this list"
