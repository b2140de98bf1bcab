"""Every text a request body or a query of the API takes is bounded, as its OpenAPI
document says (maxLength), or is a choice, a date or a time; the only free-form objects
are checked field by field by the module that takes them (a cadre entry's `data`, a
selection step's fields). A longer text is refused with 422 naming it and the limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from govops.server import API_PREFIX
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import problem_fields
from tests.fakes import Clock
from tests.identity import sign_in

# Objects whose fields the module checks itself once the body is read: a cadre entry's
# and a community event's data (by its kind: texts at most 200 characters, codes, dates),
# a selection step's fields (by the step's own body model, bounded like the others); and
# an uploaded sheet (bounded by the server's body limit, then by platform.sheets: rows,
# columns, unpacked size).
CHECKED_BY_THE_MODULE = {
    "POST /api/v1/cadres/{person_id}/entries body.data{}",
    "POST /api/v1/cadres/{person_id}/entries/{seq}/corrections body.data{}",
    "POST /api/v1/selections/{case_id}/{step} body{}",
    "POST /api/v1/communities/{code}/events body.data{}",
    "POST /api/v1/communities/{code}/members/import body.file",
    "POST /api/v1/communities/{code}/elections/{election}/steps/{step} body{}",
    "POST /api/v1/communities/{code}/elections/{election}/voters body.file",
    "POST /api/v1/registers/{unit}/records/{kind}/import body.file",
}
BOUNDED = {"enum", "const", "format", "maxLength"}


@pytest.fixture(scope="module")
def app_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("fields")
    app = build_app(Settings(database_url=f"sqlite:///{folder / 'govops.db'}"))
    document: dict[str, Any] = app.openapi()
    return document


class Unbounded:
    """The texts of an OpenAPI document's request bodies and queries that are neither
    bounded nor a choice, a date or a time, each named by where it is."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.schemas = document["components"]["schemas"]
        self.found: set[str] = set()
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                for content in operation.get("requestBody", {}).get("content", {}).values():
                    self.walk(content["schema"], f"{method.upper()} {path} body")
                for parameter in operation.get("parameters", []):
                    if parameter["in"] == "query":
                        where = f"{method.upper()} {path} query:{parameter['name']}"
                        self.walk(parameter.get("schema", {}), where)

    def resolved(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def walk(self, schema: dict[str, Any], where: str) -> None:
        schema = self.resolved(schema)
        for choice in schema.get("anyOf", []) + schema.get("allOf", []):
            self.walk(choice, where)
        kind = schema.get("type")
        if kind == "string" and not BOUNDED & schema.keys():
            self.found.add(where)
        if kind == "array":
            self.walk(schema.get("items", {}), f"{where}[]")
        for name, field in schema.get("properties", {}).items():
            self.walk(field, f"{where}.{name}")
        if kind == "object":
            self.mapping(schema, where)

    def mapping(self, schema: dict[str, Any], where: str) -> None:
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            if "maxLength" not in schema.get("propertyNames", {}):
                self.found.add(f"{where}{{key}}")
            self.walk(extra, f"{where}{{}}")
        elif not schema.get("properties") and extra is not False:  # False: takes nothing
            self.found.add(f"{where}{{}}")


def test_every_text_of_a_body_or_a_query_is_bounded(app_document: dict[str, Any]) -> None:
    # `grade` is checked against the pack's grades before anything else is done.
    assert Unbounded(app_document).found == CHECKED_BY_THE_MODULE | {
        "GET /api/v1/incidents query:grade"
    }


def test_the_grading_figures_say_their_limit(app_document: dict[str, Any]) -> None:
    report = app_document["components"]["schemas"]["IncidentReport"]["properties"]
    assert {"type": "string", "maxLength": 64} in report["participants"]["anyOf"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"), Clock(START))
    with TestClient(app, headers={"Accept-Language": "en"} | sign_in(app)) as client:
        yield client


def test_a_longer_text_is_refused_naming_it_and_the_limit(client: TestClient) -> None:
    motion = {"candidate": "张三", "post": "处长", "committee": ["王书记", "王" * 201]}
    answer = client.post(f"{API_PREFIX}/selections", json=motion | {"team": ["陈干事"]})
    assert problem_fields(answer) == {"committee[1]": "must be at most 200 characters long"}
    person = client.post(f"{API_PREFIX}/cadres", json={"name": "张三"}).json()["id"]
    entries = f"{API_PREFIX}/cadres/{person}/entries"
    long_kind = client.post(entries, json={"kind": "k" * 33, "data": {}})
    assert problem_fields(long_kind) == {"kind": "must be at most 32 characters long"}
    many = {"kind": "education", "data": {f"f{i}": 1 for i in range(33)}}
    assert problem_fields(client.post(entries, json=many)) == {"data": "must have at most 32 items"}
