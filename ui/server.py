"""The web server's own guard: only this machine's names get in, nothing frames the app, nothing looks out.

`streamlit run app.py` serves app.py as an `st.App` whose middleware is `GUARD` (see app.py):
- a request (page, upload, websocket) whose Host is not in `server.allowedHosts` is refused (DNS rebinding);
- a request whose Origin is another site is refused before Streamlit sees it, so Streamlit never
  looks up this machine's public address (checkip.amazonaws.com, 8.8.8.8) to compare against it;
- every answer says it may not be framed (X-Frame-Options, CSP frame-ancestors) and sends no Referer.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config, net_util

# Nothing in Rebound loads from anywhere but itself; the page may not be framed by another site.
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


def _hostname(netloc: str) -> str | None:
    """'LocalHost:8501' -> 'localhost'; None for anything that is not a plain host[:port]."""
    try:
        parts = urlsplit(f"//{netloc}")
        _ = parts.port  # validates the port
    except ValueError:
        return None
    if not parts.hostname or parts.username or parts.password or parts.path or parts.query:
        return None
    return parts.hostname.lower().rstrip(".")


def host_is_allowed(host: str | None, allowed: Iterable[str]) -> bool:
    """Whether a Host header names this app (port ignored). Same rules as `server.allowedHosts`."""
    name = _hostname(host or "")
    if name is None:
        return False
    for pattern in (p.strip().lower().rstrip(".") for p in allowed):
        if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False


def origin_is_allowed(origin: str | None, host: str | None, allowed: Iterable[str]) -> bool:
    """No Origin (a plain navigation) or the app's own origin; never another site."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https"):
        return False
    return parts.netloc.lower() == (host or "").lower() and host_is_allowed(parts.netloc, allowed)


def allowed_hosts() -> list[str]:
    """The names from `server.allowedHosts`; the local names when it is left empty."""
    return list(config.get_option("server.allowedHosts") or LOCAL_NAMES)


class Guard:
    """ASGI middleware: refuse foreign Host/Origin, add the no-framing headers to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host, allowed = headers.get("host"), allowed_hosts()
        if not (host_is_allowed(host, allowed) and origin_is_allowed(headers.get("origin"), host, allowed)):
            await _refuse(scope, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(scope: Scope, send: Send) -> None:
    if scope["type"] == "websocket":  # closing before accepting answers the handshake with 403
        await send({"type": "websocket.close", "code": 1008})
        return
    body = b"This address is not one Rebound answers to.\n"
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _no_address_lookups() -> None:
    """Streamlit asks the internet for this machine's public address (checkip.amazonaws.com) and
    routes a packet towards 8.8.8.8 for its network address, to print URLs and to judge a foreign
    Origin. Rebound listens on loopback only: answer both from here."""
    net_util.get_external_ip = lambda: None
    net_util.get_internal_ip = lambda: "127.0.0.1"


# While the server imports app.py there is no session yet: Streamlit warns about every st. call.
_BARE_MODE_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
    "streamlit.runtime.caching.cache_resource_api",
)
_quieted = {name: logging.getLogger(name).level for name in _BARE_MODE_LOGGERS}
for _name in _BARE_MODE_LOGGERS:
    logging.getLogger(_name).setLevel(logging.ERROR)


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """When the server starts (app.py has been imported), Streamlit's warnings speak again."""
    for name, level in _quieted.items():
        logging.getLogger(name).setLevel(level)
    yield


def guarded() -> list[Middleware]:
    """The middleware for `st.App(..., middleware=guarded())`; also stops the address lookups."""
    _no_address_lookups()
    return [Middleware(Guard)]
