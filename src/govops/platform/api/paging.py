"""Paging of list answers: `?limit=` items at most (1 to `MAX_LIMIT`, `DEFAULT_LIMIT` when
not given) after `?cursor=`, the place where the previous page ended; when more follow, the
next page's address in the `Link` header (RFC 8288, `rel="next"`), none on the last page.

A cursor is the sort key of the last item given (opaque to the client: base64url of JSON),
and a page is the items after that key in the list's order (keyset paging): an item added
or removed meanwhile, even the last one given, neither repeats nor hides another. Each list
names its order as a key per item, unique within the list (an id last); the items are
answered in that order. A cursor no list gave is refused (422, field `cursor`)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request, Response

from govops.lawcode.texts.messages import msg
from govops.platform.api.problems import FieldInputError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
Key = tuple[str | int, ...]
Item = TypeVar("Item")

LimitQuery = Annotated[
    int,
    Query(ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}"),
]
CursorQuery = Annotated[
    str | None,
    Query(
        max_length=1000,
        description="Where the previous page ended, as its Link header gives it",
    ),
]


def at(moment: datetime) -> str:
    """A time as a sort key: UTC, fixed width, so that text order is time order."""
    return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M:%S.%f}"


class Paging:
    """One request's page: how many, after which key; it sets the answer's `Link`."""

    def __init__(self, request: Request, response: Response, limit: int, after: Key | None):
        self.request, self.response, self.limit, self.after = request, response, limit, after

    def page(
        self, items: Sequence[Item], key: Callable[[Item], Key], descending: bool = False
    ) -> list[Item]:
        """The items after the cursor in the order of `key` (reversed if `descending`), at
        most `limit` of them; the `Link` to the next page when more follow."""
        ordered = sorted(items, key=key, reverse=descending)
        after = self.after
        if after is not None and ordered:
            if [type(k) for k in after] != [type(k) for k in key(ordered[0])]:
                raise FieldInputError("cursor", msg("not a cursor of this list"))
            ordered = [i for i in ordered if (key(i) < after if descending else key(i) > after)]
        taken = ordered[: self.limit]
        if len(ordered) > self.limit:
            self._link(key(taken[-1]))
        return taken

    def _link(self, last: Key) -> None:
        cursor = base64.urlsafe_b64encode(json.dumps(list(last)).encode()).decode().rstrip("=")
        url = self.request.url.include_query_params(cursor=cursor, limit=self.limit)
        self.response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'


def _decoded(cursor: str) -> Key:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        key = None
    plain = isinstance(key, list) and key and all(type(k) in (str, int) for k in key)
    if not plain:
        raise FieldInputError("cursor", msg("not a cursor of this list"))
    return tuple(key)


def paging(
    request: Request,
    response: Response,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Paging:
    return Paging(request, response, limit, None if cursor is None else _decoded(cursor))


Page = Annotated[Paging, Depends(paging)]
