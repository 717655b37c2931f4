"""`streamlit run app.py` on a free loopback port, with its own databases, for the security tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(port: int) -> list[str]:
    return [
        sys.executable,
        *("-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port)),
        *("--server.fileWatcherType", "none"),
    ]


def wait_healthy(base: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    process.kill()
    pytest.fail(f"streamlit did not start: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class Server:
    def __init__(self, port: int, data: Path, log: Path):
        self.port, self.data, self.log = port, data, log
        self.base = f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("security-data")
    port, log_path = free_port(), data / "server.log"
    env = dict(os.environ)
    env["REBOUND_DATABASE_URL"] = f"sqlite:///{data / 'rebound.db'}"
    env["REBOUND_DEMO_DATABASE_URL"] = f"sqlite:///{data / 'demo.db'}"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            server_command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process, log_path)
            yield Server(port, data, log_path)
        finally:
            stop(process)
