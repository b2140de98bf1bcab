"""What the pages and the API ask of the accounts to know who a request comes from: the
actor of a session cookie's secret or of an API token (None: no such live one). The
composition root puts the accounts' session service behind it."""

from __future__ import annotations

from typing import Protocol

from govops.platform.identity.actor import Actor


class Authenticator(Protocol):
    def session_actor(self, secret: str) -> Actor | None: ...

    def token_actor(self, secret: str) -> Actor | None: ...
