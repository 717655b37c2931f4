"""Run inside a network namespace with only loopback: the server and Chromium, and every attempt either
makes to reach another address. Used by test_nothing_leaves.py; prints one JSON line.

The server's attempts come from a Python audit hook (every connect, sendto and name lookup, see
SITECUSTOMIZE); Chromium's from its own network log (every URL and host it tried, favicon included)
and from Playwright's request events.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.security.conftest import ROOT, free_port, server_command, stop, wait_healthy  # noqa: E402
from tests.security.test_nothing_gets_in import handshake  # noqa: E402

PAGES = ["", "applications", "add_application", "application", "debrief", "rejection", "questions"]
PAGES += ["compose", "feedback", "network", "traction", "insights", "strategy", "data", "settings"]
LOCAL = re.compile(r"^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\]|0\.0\.0\.0|)$", re.IGNORECASE)

SITECUSTOMIZE = """
import os, sys, socket
_LOG = os.environ["REBOUND_OUTBOUND_LOG"]
_LOCAL = ("127.", "localhost", "::1", "0.0.0.0")

def _note(kind, target):
    with open(_LOG, "a") as f:
        f.write(f"{kind} {target}\\n")

def _hook(event, args):
    if event == "socket.getaddrinfo" or event == "socket.gethostbyname":
        host = args[0]
        if isinstance(host, bytes):
            host = host.decode()
        if host and not str(host).startswith(_LOCAL):
            _note(event, host)
    elif event in ("socket.connect", "socket.sendto"):
        address = args[1]
        if isinstance(address, tuple) and address and not str(address[0]).startswith(_LOCAL):
            _note(event, address[0])

sys.addaudithook(_hook)
"""


def hosts_in_netlog(path: Path) -> set[str]:
    """Every host a page asked Chromium for (favicon included), from Chromium's network log.

    Requests the browser makes for itself (component updates, its clock check) carry the initiator
    "not an origin" and are left out: they are the browser's, not Rebound's.
    """
    text = path.read_text(errors="replace").rstrip()
    try:
        events = json.loads(text)["events"]
    except json.JSONDecodeError:  # a log cut short still lists its events
        events = json.loads(text.rstrip(",") + "]}")["events"]
    hosts = set()
    for event in events:
        params = event.get("params", {})
        if "url" in params and params.get("initiator", "not an origin") != "not an origin":
            hosts.add(urlsplit(params["url"]).hostname or "")
    return {h for h in hosts if not LOCAL.match(h)}


def main() -> dict:
    work = Path(tempfile.mkdtemp(prefix="rebound-offline-"))
    try:
        return journey(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # this run's databases and logs


def journey(work: Path) -> dict:
    (work / "sitecustomize.py").write_text(SITECUSTOMIZE)
    outbound_log, netlog, server_log = work / "outbound.log", work / "netlog.json", work / "server.log"
    outbound_log.touch()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(work), REBOUND_OUTBOUND_LOG=str(outbound_log))
    env["REBOUND_DATABASE_URL"] = f"sqlite:///{work / 'rebound.db'}"
    env["REBOUND_DEMO_DATABASE_URL"] = f"sqlite:///{work / 'demo.db'}"
    page_requests: list[str] = []
    with open(server_log, "w") as log:
        process = subprocess.Popen(server_command(port), cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_healthy(base, process, server_log)
            # A page on another site knocking: before, this made the server look up its public address.
            refused = handshake(port, f"127.0.0.1:{port}", "http://evil.example")
            opened = browse(base, netlog, page_requests)
            time.sleep(1)
        finally:
            stop(process)
    server_attempts = sorted(set(outbound_log.read_text().split("\n")) - {""})
    # a blob: URL names in-memory data the page made, under its own origin (blob:http://127.0.0.1:…)
    page_hosts = {re.sub(r"^(?:blob:)?\w+://([^/:]+).*", r"\1", url) for url in page_requests}
    return {
        "pages_opened": opened,
        "foreign_handshake_status": refused,
        "server_attempts": server_attempts,
        "page_requests_elsewhere": sorted(h for h in page_hosts if not LOCAL.match(h)),
        "browser_hosts_elsewhere": sorted(hosts_in_netlog(netlog)),
        "page_requests": len(page_requests),
    }


def browse(base: str, netlog: Path, page_requests: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    args = [*CHROMIUM_ARGS, "--disable-features=AutofillServerCommunication", f"--log-net-log={netlog}"]
    opened = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ["REBOUND_CHROMIUM"], args=args)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.on("request", lambda request: page_requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(90_000)  # a busy machine; a page settles in seconds
        for data in ("", "?data=demo"):
            for path in PAGES:
                page.goto(f"{base}/{path}{data}")
                page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
                page.wait_for_timeout(300)
                opened += 1
        browser.close()
    return opened


if __name__ == "__main__":
    print(json.dumps(main()))
