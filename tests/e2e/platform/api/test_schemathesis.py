"""The whole API under schemathesis, authenticated: cases generated from the OpenAPI document
for every operation (the tester holds every role at every root, so requests reach the
handlers), none may answer 5xx, and every answer must match what the document declares."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from govops.warnings.service.outbound import WebhookGuard
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import bearer
from tests.unit.warnings.outbox_support import Dns

API = "/api/v1"
EXAMPLES = 25  # per operation
# No 5xx, and every answer as the document declares it: its content type and its body.
# (Not whether the API accepts every request the document allows: it also refuses, 422,
# what the law does, such as a date its storage cannot hold.)
CHECKS = [
    checks.not_a_server_error,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    app, _, _ = demo_app(tmp_path_factory.mktemp("fuzz"))
    warnings = app.state.warnings
    warnings.guard = WebhookGuard(warnings.guard.allow, Dns())  # no real DNS asked
    app.state.warning_sender = lambda outgoing: None  # nothing leaves the test
    yield app


def _run(operation: Any) -> None:
    @given(case=operation.as_strategy())
    # The same cases at every run (derandomize), so that CI is reproducible; nothing kept
    # between runs (no example database in the working tree).
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def examples(case: Any) -> None:
        case.call_and_validate(headers=bearer(), checks=CHECKS)

    examples()


def test_no_answer_is_a_server_error_or_breaks_the_document(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi(f"{API}/openapi.json", app, headers=bearer())
    failed, ran = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        ran += 1
        try:
            _run(operation)
        except BaseExceptionGroup as error:  # schemathesis's failures, each operation's
            failed.append(f"{operation.label}: {error}")
    assert ran >= 30  # the whole document, not a part of it
    assert not failed, "\n\n".join(failed)
