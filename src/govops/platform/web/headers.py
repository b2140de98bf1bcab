"""Security headers on every answer: pages, API, stylesheets, refusals and errors.

The pages run no script and take no style but their stylesheets: the Content-Security-
Policy allows only this site's own files (`'self'`), no inline script or style (the charts
are inline SVG drawn with presentation attributes, which the policy does not govern), no
plug-in, no <base>, forms posted only here, no framing (also X-Frame-Options for older
browsers), and images from here or `data:` URLs. Links to other sites carry no Referer;
a page opened from another site shares no window with it (COOP); nothing is sniffed.

Strict-Transport-Security is sent only when configured (`hsts_seconds`, GOVOPS_HSTS) and
only on answers to requests that came over HTTPS: directly, or through a proxy the server
trusts (uvicorn reads X-Forwarded-Proto from FORWARDED_ALLOW_IPS, by default 127.0.0.1).
A header the application set itself is kept.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "style-src 'self'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def strict_transport(hsts_seconds: int) -> str:
    return f"max-age={hsts_seconds}"


class SecurityHeaders:
    """Add SECURITY_HEADERS (and Strict-Transport-Security over HTTPS when `hsts_seconds`
    is positive) to every HTTP answer of `app`."""

    def __init__(self, app: ASGIApp, hsts_seconds: int = 0) -> None:
        self.app = app
        self.hsts_seconds = hsts_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = dict(SECURITY_HEADERS)
        if self.hsts_seconds > 0 and scope.get("scheme") == "https":
            added["Strict-Transport-Security"] = strict_transport(self.hsts_seconds)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(scope=message)
                for name, value in added.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
