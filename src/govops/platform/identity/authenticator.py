"""What the pages and the API ask of the accounts: who a request comes from (the actor of a
session cookie's secret or of an API token; None: no such live one), and the record of a
reading that must leave a trace (a selection dossier, Art. 48). The composition root puts
the accounts' services behind them."""

from __future__ import annotations

from typing import Protocol

from govops.platform.identity.actor import Actor


class Authenticator(Protocol):
    def session_actor(self, secret: str) -> Actor | None: ...

    def token_actor(self, secret: str) -> Actor | None: ...


class ReadingLog(Protocol):
    def record_reading(self, actor: Actor, unit: str | None, subject: str, what: str) -> None:
        """`actor`, acting in `unit`, read `what` (e.g. `dossier`) of `subject` (a case)."""
