"""The peer of govops's intake under load: a bare FastAPI app doing the same durable insert.

POST /api/v1/incidents takes the report's JSON and inserts it as one row (an id, the time,
the body) into SQLite in its own transaction, with govops's durability settings (WAL, the
default synchronous=FULL, BEGIN IMMEDIATE, a 5 s busy time-out), and answers 201 with the
id; GET /api/v1/incidents/{id} reads the row back. No sign-in, no checks, no grading, no
deadlines, no events, no outbox: the floor a service of this shape cannot go below.

Usage: python intake_bare_app.py DATABASE PORT
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import uvicorn
from fastapi import FastAPI, HTTPException

LOCAL = threading.local()  # one connection per worker thread, as a pool would hand out


def connection(path: str) -> sqlite3.Connection:
    found: sqlite3.Connection | None = getattr(LOCAL, "connection", None)
    if found is None:
        found = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        found.execute("PRAGMA journal_mode=WAL")
        LOCAL.connection = found
    return found


def build(path: str) -> FastAPI:
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute(
            "CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, at TEXT, body TEXT)"
        )
    app = FastAPI()

    @app.post("/api/v1/incidents", status_code=201)
    def report(body: dict[str, Any]) -> dict[str, Any]:  # a worker thread, as govops's
        return insert(path, body)

    @app.get("/api/v1/incidents/{incident_id}")
    def read(incident_id: str) -> dict[str, Any]:
        row = (
            connection(path)
            .execute("SELECT id, at, body FROM reports WHERE id = ?", (incident_id,))
            .fetchone()
        )
        if row is None:
            raise HTTPException(404)
        return {"id": row[0], "at": row[1], **json.loads(row[2])}

    return app


def insert(path: str, body: dict[str, Any]) -> dict[str, Any]:
    identifier = uuid.uuid4().hex
    database = connection(path)
    database.execute("BEGIN IMMEDIATE")
    try:
        database.execute(
            "INSERT INTO reports VALUES (?, ?, ?)",
            (identifier, datetime.now(UTC).isoformat(), json.dumps(body, ensure_ascii=False)),
        )
        database.execute("COMMIT")
    except BaseException:
        database.execute("ROLLBACK")
        raise
    return {"id": identifier}


if __name__ == "__main__":
    uvicorn.run(build(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
