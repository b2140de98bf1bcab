"""A `govops serve --demo` child process as a user meets it: the one-time password it
printed, and a sign-in at /login."""

from __future__ import annotations

import http.client
import subprocess
import urllib.parse


def demo_password(server: subprocess.Popen[str], username: str) -> tuple[str, str]:
    """The one-time password `serve --demo` printed for `username`, and what it printed
    up to serving."""
    assert server.stdout is not None
    printed, password = "", ""
    for line in server.stdout:
        printed += line
        if line.split()[:1] == [username]:
            password = line.split()[1]
        if "Ctrl+C" in line:
            break
    assert password, printed
    return password, printed


def log_in(base: str, username: str, password: str) -> dict[str, str]:
    """The session cookie of a sign-in at /login, as the header to send it back."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    form = urllib.parse.urlencode({"username": username, "password": password, "next": "/"})
    kind = {"Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/login", form, kind)
    answer = connection.getresponse()
    cookie = answer.getheader("set-cookie") or ""
    connection.close()
    assert answer.status == 303 and cookie.startswith("govops_session="), answer.status
    return {"Cookie": cookie.split(";")[0]}
