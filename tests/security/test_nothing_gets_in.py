"""DNS rebinding and framing: only this machine's names reach the app (`streamlit run app.py` on loopback).

A page on another site that rebinds its own name to 127.0.0.1 talks to the app with its own name in
Host and Origin. Those websocket handshakes and uploads are refused; the app's own are accepted.
"""

from __future__ import annotations

import base64
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

FOREIGN = "evil.example"


def handshake(port: int, host: str, origin: str | None) -> int:
    """The HTTP status of a websocket handshake to /_stcore/stream with these Host and Origin headers."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = sock.recv(4096).split(b"\r\n", 1)[0].decode()
    return int(status_line.split()[1])


def get(url: str, host: str | None = None, cookie: str | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url)
    if host:
        request.add_header("Host", host)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def put_upload(port: int, session_id: str, host: str, token: str, origin: str) -> int:
    boundary = "reboundboundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\ncompany,role\r\nAcme,Engineer\r\n\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/_stcore/upload_file/{session_id}/file-1", data=body, method="PUT"
    )
    request.add_header("Host", host)
    request.add_header("Origin", origin)
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    request.add_header("X-Xsrftoken", token)
    request.add_header("Cookie", f"_streamlit_xsrf={token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def xsrf_token(port: int, host: str) -> str | None:
    _status, headers = get(f"http://127.0.0.1:{port}/_stcore/health", host=host)
    cookie = headers.get("set-cookie", "")
    for part in cookie.split(";"):
        if part.strip().startswith("_streamlit_xsrf="):
            return part.strip().split("=", 1)[1]
    return None


@contextmanager
def open_session(port: int) -> Iterator[str]:
    """A websocket session as the app's own page opens it; yields its session id."""
    origin = f"http://127.0.0.1:{port}"
    with connect(f"ws://127.0.0.1:{port}/_stcore/stream", origin=origin, subprotocols=["streamlit"]) as ws:
        back = BackMsg()
        back.rerun_script.query_string = ""
        ws.send(back.SerializeToString())
        for _ in range(200):
            message = ForwardMsg()
            message.ParseFromString(ws.recv(timeout=30))
            if message.WhichOneof("type") == "new_session":
                yield message.new_session.initialize.session_id
                return
    pytest.fail("the app never started a session")


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        (f"{FOREIGN}:{{port}}", f"http://{FOREIGN}:{{port}}"),
        (f"{FOREIGN}:{{port}}", None),
        (f"{FOREIGN}:{{port}}", "http://127.0.0.1:{port}"),
        ("127.0.0.1:{port}", f"http://{FOREIGN}:{{port}}"),
        ("localhost.{port}.nip.io:{port}", "http://localhost.{port}.nip.io:{port}"),
        ("127.0.0.1:{port}@evil.example", None),
    ],
)
def test_a_websocket_from_another_name_or_site_is_refused(server, host, origin):
    host = host.format(port=server.port)
    origin = origin.format(port=server.port) if origin else None
    assert handshake(server.port, host, origin) == 403


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_the_apps_own_websocket_is_accepted(server, name):
    assert handshake(server.port, f"{name}:{server.port}", f"http://{name}:{server.port}") == 101


def test_the_page_cannot_be_framed_and_is_refused_under_another_name(server):
    status, headers = get(f"{server.base}/")
    assert status == 200
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    status, headers = get(f"{server.base}/", host=f"{FOREIGN}:{server.port}")
    assert status == 403
    assert "set-cookie" not in headers  # no XSRF token for a rebound page to use


def test_an_upload_under_another_name_is_refused_and_the_apps_own_is_accepted(server):
    with open_session(server.port) as session_id:
        own = f"127.0.0.1:{server.port}"
        token = xsrf_token(server.port, own)
        assert token
        # The rebinding page holds a real session id and token, but speaks with its own name.
        assert xsrf_token(server.port, f"{FOREIGN}:{server.port}") is None
        assert (
            put_upload(server.port, session_id, f"{FOREIGN}:{server.port}", token, f"http://{FOREIGN}") == 403
        )
        assert put_upload(server.port, session_id, own, token, f"http://{own}") in (200, 204)
