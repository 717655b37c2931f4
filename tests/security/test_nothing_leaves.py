"""Nothing leaves the machine: the server and Chromium, in a network namespace that has only loopback,
open every page (empty and with the demo data) and a foreign page knocks on the websocket; neither
the server nor the browser tries to reach any other address (offline_journey.py records the tries).

`unshare -n` needs root (CI runs as root); elsewhere the test skips and says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _chromium() -> str:
    for candidate in (os.environ.get("REBOUND_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    message = "Chromium not found: the offline journey needs a real browser"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def offline_run() -> dict:
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        pytest.skip("needs root with `unshare` and `ip` to build a loopback-only network namespace")
    env = dict(os.environ, REBOUND_CHROMIUM=_chromium())
    script = f"ip link set lo up && exec {sys.executable} {HERE / 'offline_journey.py'}"
    done = subprocess.run(
        ["unshare", "-n", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=400
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_page_opened_offline(offline_run):
    assert offline_run["pages_opened"] == 30
    assert offline_run["page_requests"] > 30  # the log really listened


def test_the_server_tries_no_other_address_even_when_a_foreign_page_knocks(offline_run):
    assert offline_run["foreign_handshake_status"] == 403
    assert offline_run["server_attempts"] == []


def test_the_page_asks_no_other_address_favicon_and_fonts_included(offline_run):
    assert offline_run["page_requests_elsewhere"] == []
    assert offline_run["browser_hosts_elsewhere"] == []
