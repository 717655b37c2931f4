"""First load in a real browser: from `streamlit run` to a settled first page in a fresh browser
context, for Rebound (Home) and for a one-widget app measured in the same run (the floor).

Chromium from /usr/bin/chromium (or REBOUND_CHROMIUM); none found: the measurement is skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_APP = "import streamlit as st\n\nst.button('Press')\n"
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("REBOUND_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _settle(page, timeout_ms: int = 120_000) -> float:
    """The moment the app finished its run and drew everything, confirmed 300 ms later (a run can
    end in a rerun that starts a moment after)."""
    while True:
        page.wait_for_selector(SETTLED, timeout=timeout_ms)
        page.wait_for_selector("[data-testid='stSkeleton']", state="detached", timeout=timeout_ms)
        settled = time.perf_counter()
        page.wait_for_timeout(300)
        if page.query_selector(SETTLED) and not page.query_selector("[data-testid='stSkeleton']"):
            return settled


def _first_load(browser, script: Path, env: dict[str, str], ready_text: str) -> float:
    port = _free_port()
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true"]
        + ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]
        + ["--browser.gatherUsageStats", "false"],
        cwd=script.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1):
                    break
            except OSError:
                if time.perf_counter() - start > 120:
                    raise RuntimeError(f"{script.name} did not start") from None
                time.sleep(0.02)
        context = browser.new_context(viewport={"width": 1280, "height": 900})  # a fresh browser profile
        try:
            page = context.new_page()
            page.goto(base)
            page.get_by_text(ready_text).first.wait_for(timeout=120_000)
            settled = _settle(page)
        finally:
            context.close()
        return round((settled - start) * 1000, 1)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def first_loads(workdir: Path, runs: int = 3) -> dict[str, float] | None:
    """{"first_load_ms", "floor_first_load_ms"}: medians of `runs` alternating measurements."""
    chromium = _chromium()
    if chromium is None:
        print("browser: Chromium not found, first load not measured", file=sys.stderr)
        return None
    from playwright.sync_api import sync_playwright

    from lib.core import db

    floor_dir = Path(tempfile.mkdtemp(prefix="floor-", dir=workdir))
    floor_script = floor_dir / "floor_app.py"
    floor_script.write_text(FLOOR_APP)
    env = dict(os.environ)
    env["REBOUND_DATABASE_URL"] = f"sqlite:///{workdir / 'browser.db'}"
    env["REBOUND_DEMO_DATABASE_URL"] = f"sqlite:///{workdir / 'browser-demo.db'}"
    db.open_database(env["REBOUND_DATABASE_URL"]).dispose()  # an existing (empty) database, as after install
    apps, floors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        try:
            for _ in range(runs):
                floors.append(_first_load(browser, floor_script, env, "Press"))
                apps.append(_first_load(browser, ROOT / "app.py", env, "Every “no” is material"))
        finally:
            browser.close()
    return {"first_load_ms": statistics.median(apps), "floor_first_load_ms": statistics.median(floors)}
