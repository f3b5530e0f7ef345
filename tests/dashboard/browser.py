"""Support for driving the real app: start ``streamlit run dashboard.py`` on a free port, and
Debian's Chromium through playwright (never ``playwright install``). Used by the end-to-end
test, the latency benchmark and the screenshot script."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MATRIX = ".st-key-matrix [data-testid='stVegaLiteChart'] canvas, .st-key-matrix [data-testid='stVegaLiteChart'] svg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until the server answers its health check (fails fast if it exits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}: {process.stdout.read() if process.stdout else ''}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer on port {port} within {timeout} s")


@contextmanager
def dashboard_server(env: Mapping[str, str], port: int | None = None) -> Iterator[str]:
    """``streamlit run dashboard.py`` with ``env`` added; yields its URL; always stops it."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true", "--server.port", str(port)]
    command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_healthy(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def launch(playwright):
    """Headless Debian Chromium with the flags a container needs."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
