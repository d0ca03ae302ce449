"""Helpers for tests that run the real servers: free loopback ports and a `gazette-kg serve` child.

Not a test module; test_server_*, test_app_* and test_browser_* import it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pid_alive(pid: int) -> bool:
    """True while a process with this pid exists (and is not a zombie)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def copy_store(store: Path, dest: Path) -> Path:
    """A private copy of a (closed) store folder, so a test may write to it."""
    shutil.copytree(store, dest)
    return dest


@dataclass
class ServedApp:
    """A `gazette-kg serve` child process and its addresses."""

    proc: subprocess.Popen[bytes]
    store: Path
    url: str
    sparql_url: str
    log: Path

    def status(self) -> dict:
        """The app's /status JSON."""
        with urllib.request.urlopen(self.url + "/status", timeout=5) as r:
            return json.loads(r.read())

    def stop(self) -> int:
        """Ctrl-C the app and wait for it; returns its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        return self.proc.returncode


def start_app(store: Path, log: Path, timeout_s: int = 3, ready_s: float = 180.0) -> ServedApp:
    """Run `gazette-kg serve` on `store` on free ports; return once the app and QA are up."""
    port, sparql_port = free_port(), free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [
        sys.executable,
        str(ROOT / "gazette_kg_cli.py"),
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
        "--sparql-port",
        str(sparql_port),
        "--timeout-s",
        str(timeout_s),
    ]
    out = open(log, "wb")  # noqa: SIM115 — the child writes to it for its whole life
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    app = ServedApp(
        proc, store, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{sparql_port}/query", log
    )
    deadline = time.monotonic() + ready_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if app.status()["sparql"]["running"]:
                return app
        except OSError:
            pass
        time.sleep(0.5)
    app.stop()
    raise RuntimeError(f"serve did not come up: {log.read_text(errors='replace')[-2000:]}")


def wait_for(predicate, timeout_s: float = 60.0, every_s: float = 0.2) -> bool:  # type: ignore[no-untyped-def]
    """Poll `predicate` until it is true or `timeout_s` passes; returns its last value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):  # not up yet: keep polling
            if predicate():
                return True
        time.sleep(every_s)
    return False
