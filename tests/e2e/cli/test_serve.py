"""`govops serve --demo` as a user runs it: a child process on a free port, polled until
it answers, then stopped."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from tests.e2e.served import demo_password, log_in

STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)


def _serve(tmp_path: Path, port: int, lang: str = "en", **more: str) -> subprocess.Popen[str]:
    env = os.environ | {"GOVOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}"} | more
    env.pop("GOVOPS_PORT", None)
    return subprocess.Popen(
        [sys.executable, "-m", "govops", "serve", "--demo", "--port", str(port), "--lang", lang],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(url: str, server: subprocess.Popen[str], headers: dict[str, str]) -> Any:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            return _get(url, headers)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} within {STARTUP_SECONDS} s")


def _stop(server: subprocess.Popen[str]) -> tuple[int, str, str]:
    server.send_signal(signal.SIGTERM)
    out, err = server.communicate(timeout=30)
    return server.returncode, out, err


def test_serve_demo_answers_and_stops_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/api/v1/incidents"
    server = _serve(tmp_path, port)
    try:
        password, printed = demo_password(server, "duty")  # the county's duty officer
        _wait_for(f"{base}/health", server, {})
        duty = log_in(base, "duty", password)
        listing = _wait_for(url, server, duty)
        overdue = _get(f"{url}?overdue=true", duty)
        closed = _get(f"{url}?status=closed", duty)
        first = _get(f"{url}?grade=I&overdue=false", duty)["incidents"][0]["id"]
        upgraded = _get(f"{url}/{first}", duty)
    finally:
        code, out, err = _stop(server)
    out = printed + out
    assert code == 0, err
    assert "Traceback" not in err
    assert "Loaded 5 demo incidents" in out
    # the outbox, delivered (outside a request: no request id)
    assert "govops.notifications [-]: notify public_security (县公安局)" in err
    assert f"http://127.0.0.1:{port}/" in out
    assert listing["count"] == 5
    stages = {(i["stage"], i["grade"], i["status"]) for i in listing["incidents"]}
    assert stages == {
        ("warning", "II", "open"),
        ("incident", "I", "open"),
        ("incident", "III", "open"),
        ("incident", "III", "closed"),
    }
    assert overdue["count"] == 1 and overdue["incidents"][0]["grade"] == "I"
    assert closed["count"] == 1
    assert upgraded["regrades"][0]["before"] == "II" and upgraded["regrades"][0]["after"] == "I"

    again = _serve(tmp_path, port, "zh-Hans")
    try:
        assert _wait_for(url, again, duty)["count"] == 5  # the session outlives a restart
    finally:
        code, out, err = _stop(again)
    assert code == 0, err
    assert "数据库中已有5起事件：未载入演示事件。" in out
    assert f"govops 正在 http://127.0.0.1:{port}/ 提供事件页面" in out


def test_serve_refuses_a_bad_port_setting_without_a_traceback(tmp_path: Path) -> None:
    env = os.environ | {"GOVOPS_PORT": "eighty", "GOVOPS_DATABASE_URL": "sqlite:///x.db"}
    done = subprocess.run(
        [sys.executable, "-m", "govops", "serve"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "govops: GOVOPS_PORT 必须是端口号，收到 'eighty'\n"  # Chinese by default
    english = subprocess.run(
        [sys.executable, "-m", "govops", "serve"],
        cwd=tmp_path,
        env=env | {"LANG": "en_GB.UTF-8"},  # the shell's language
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert english.stderr == "govops: GOVOPS_PORT must be a port number, got 'eighty'\n"


def test_the_log_as_json_lines_follows_each_request_by_its_id(tmp_path: Path) -> None:
    port = _free_port()
    server = _serve(tmp_path, port, GOVOPS_LOG_FORMAT="json")
    try:
        _wait_for(f"http://127.0.0.1:{port}/health", server, {"X-Request-ID": "probe-1"})
        assert _get(f"http://127.0.0.1:{port}/ready")["status"] == "ready"
    finally:
        status, _, err = _stop(server)
    assert status == 0
    lines = [json.loads(line) for line in err.splitlines()]  # every line is JSON
    requests = [line for line in lines if line["logger"] == "govops.requests"]
    assert requests[-2]["message"].startswith("GET /health 200 ")
    assert requests[-2]["request_id"] == "probe-1"
    assert requests[-1]["message"].startswith("GET /ready 200 ")
    assert any(line["logger"].startswith("uvicorn") for line in lines)  # the server's own
