"""The permission matrix, generated from the route table of the whole application (API and
pages, over the demonstration data): every route declares exactly one access rule, and for
every route, every role of the catalogue, granted at a unit in scope and at one out of
scope, and an anonymous client, the answer is the one the rule and the unit scope give.

- anonymous: a public route answers; the API 401 (with `WWW-Authenticate: Bearer`); a
  page sends the reader to the log-in page (303 to /login?next=...);
- a role holding none of the permissions the route needs here: 403;
- holding one at the unit of what the route touches (or above it): the route's answer
  (200 for a reading, and the record in it; its success for a write, 303 for a form);
- holding it only at a unit out of scope: what the module answers for what lies outside
  the reader's units, 404 (nothing confirmed) for a thing, a list without it, or 403 where
  the module refuses a record made outside (cadres, selection steps, reports filed for
  another township).

A route without a rule, or without an example in `matrix_examples`, fails
`test_every_route_has_one_rule` and `test_every_route_has_an_example`: a new route is added
to that table as it is added to the application. Writes that change what later requests
see (close, tick, correct, delete, run a step) act on a fresh record per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.platform.api.auth import Rule, rules_of
from govops.warnings.service.outbound import WebhookGuard
from tests.e2e.platform.matrix_examples import (
    API,
    CATALOGUE,
    EXAMPLES,
    ROLES,
    Example,
    RoleAtUnit,
    World,
    member,
)
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import TokenAuthenticator, bearer
from tests.unit.warnings.outbox_support import Dns


def routes(app: FastAPI) -> list[tuple[str, str, list[Rule]]]:
    """(method, path, rules) of every route the application serves, routers included."""

    def walk(found: list[Any], prefix: str) -> Iterator[tuple[str, Any]]:
        for route in found:
            included = getattr(route, "original_router", None)
            if included is not None:
                context = getattr(route, "include_context", None)
                yield from walk(included.routes, prefix + (getattr(context, "prefix", "") or ""))
            else:
                yield prefix, route

    table = []
    for prefix, route in walk(app.router.routes, ""):
        dependant = getattr(route, "dependant", None)
        rules = rules_of(dependant.dependencies) if dependant is not None else []
        for method in sorted(getattr(route, "methods", None) or {"GET"}):
            if method != "HEAD":
                table.append((method, prefix + route.path, rules))
    return table


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, World]]:
    app, _, _ = demo_app(tmp_path_factory.mktemp("matrix"))
    app.state.authenticator = TokenAuthenticator(RoleAtUnit())
    app.state.warning_sender = lambda outgoing: None  # nothing leaves the test
    with TestClient(app, headers={"Accept-Language": "en"} | bearer()) as client:
        warnings = app.state.warnings
        warnings.guard = WebhookGuard(warnings.guard.allow, Dns())  # no real DNS asked
        yield client, World(client)


def _call(client: TestClient, example: Example, method: str, path: str, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}" if token else ""}
    return client.request(
        method,
        path,
        json=example.json,
        data=example.form,
        params=example.params,
        headers=headers,
        follow_redirects=False,
    )


def _holds(role: str, codes: tuple[str, ...]) -> bool:
    return bool(CATALOGUE.role(role).permissions & set(codes))


def _verdict(
    answer: Any, expected: frozenset[int], record: str | None = None, shown: bool = True
) -> str | None:
    """What is wrong with `answer` (None: nothing): its status, or whether it shows
    `record` (a list shows what lies in the reader's units, and nothing else)."""
    if answer.status_code not in expected:
        return f"{answer.status_code}, expected {sorted(expected)}: {answer.text[:120]!r}"
    if record is not None and (record in answer.text) != shown:
        where = "inside" if shown else "outside"
        return f"{answer.status_code} {'omits' if shown else 'shows'} {record!r} ({where})"
    return None


def _anonymous(answer: Any, rule: Rule, api: bool, example: Example) -> str | None:
    if rule.kind == "public":
        return _verdict(answer, example.admitted)
    if api:
        if answer.headers.get("WWW-Authenticate") != "Bearer":
            return f"{answer.status_code} without WWW-Authenticate: Bearer"
        return _verdict(answer, frozenset({401}))
    if not answer.headers.get("location", "").startswith("/login?next="):
        return f"{answer.status_code} not sent to the log-in page"
    return _verdict(answer, frozenset({303}))


def _checks(
    rule: Rule, example: Example, role: str
) -> Iterator[tuple[str, str, frozenset[int], bool | None]]:
    """(where, unit, expected answers, whether the example's record must show: None for
    no check) for one role."""
    needs = example.needs or rule.permissions
    inside, outside = example.placed.get(role, (example.inside, example.outside))
    refused = frozenset({403})
    held = rule.kind != "permission" or _holds(role, needs)
    listed = example.hidden is not None and held
    yield "in scope", inside, example.admitted if held else refused, True if listed else None
    if outside is not None:
        beyond = frozenset({example.beyond})
        yield "out of scope", outside, beyond if held else refused, False if listed else None


# Read by programs outside the API, answered as the API answers (a problem, not a page).
MACHINE_PATHS = ("/metrics",)


@pytest.mark.parametrize(("method", "template"), sorted(EXAMPLES))
def test_the_answer_to_every_role_in_and_out_of_scope_and_to_no_one(
    matrix: tuple[TestClient, World], method: str, template: str
) -> None:
    client, world = matrix
    example = EXAMPLES[(method, template)]
    (rule,) = {(m, p): r for m, p, r in routes(client.app)}[(method, template)]  # type: ignore[arg-type]
    api = template.startswith(API + "/") or template in MACHINE_PATHS

    def path() -> str:
        return example.path if isinstance(example.path, str) else example.path(world)

    wrong = []
    said = _anonymous(_call(client, example, method, path(), None), rule, api, example)
    if said:
        wrong.append(f"anonymous: {said}")
    record = example.hidden(world) if example.hidden else None
    for role in ROLES:
        for where, unit, expected, shown in _checks(rule, example, role):
            answer = _call(client, example, method, path(), member(role, unit))
            said = _verdict(answer, expected, record if shown is not None else None, bool(shown))
            if said:
                wrong.append(f"{role} at {unit} ({where}): {said}")
    assert not wrong, f"{method} {template} {rule}:\n" + "\n".join(wrong)


def test_every_route_has_one_rule(matrix: tuple[TestClient, World]) -> None:
    client, _ = matrix
    without = [(m, p, r) for m, p, r in routes(client.app) if len(r) != 1]  # type: ignore[arg-type]
    assert not without, f"routes without exactly one access rule: {without}"


def test_every_route_has_an_example(matrix: tuple[TestClient, World]) -> None:
    client, _ = matrix
    served = {(m, p) for m, p, _ in routes(client.app)}  # type: ignore[arg-type]
    assert served - EXAMPLES.keys() == set(), "add these routes to the matrix's examples"
    assert EXAMPLES.keys() - served == set(), "these examples name no route any more"


def test_anonymous_clients_reach_only_what_is_public_on_purpose(
    matrix: tuple[TestClient, World],
) -> None:
    client, _ = matrix
    public = {p for m, p, r in routes(client.app) if r and r[0].kind == "public"}  # type: ignore[arg-type]
    assert public == {
        "/health",
        "/ready",
        "/login",
        "/logout",
        f"{API}/warnings/alerts/{{identifier}}.xml",
        "/static/{name}",
        "/static/common.css",
        "/programmes/static/programme.css",
        "/cadres/static/cadres.css",
        "/warnings/static/warnings.css",
        "/communities/static/communities.css",
        "/registers/static/registers.css",
    }
