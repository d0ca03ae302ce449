"""Run the real Oxigraph SPARQL server (`oxigraph serve-read-only`) as a supervised child process.

We do not implement an endpoint: `SparqlServer` starts the `oxigraph` binary shipped by the
`oxigraph` PyPI package on a store folder, waits until it answers a query, and stops it cleanly
(terminate, then kill). Every child is stopped at interpreter exit (atexit) and, on Linux, is
also sent SIGTERM by the kernel if this process dies without running atexit (SIGKILL, crash).

Oxigraph's `--timeout-s` cancels query evaluation, but work that runs after the cancellation
point (sorting what was collected before the deadline) keeps a thread busy and memory held long
after the client was answered; see docs/endpoint.md for the measurements. A watchdog thread
therefore restarts the server when one of its threads has been busy for longer than any query
may legitimately run, or when its resident memory passes a cap.
"""

from __future__ import annotations

import atexit
import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from ingest.errors import GazetteError

Progress = Callable[[str], None]

_LIVE: weakref.WeakSet[SparqlServer] = weakref.WeakSet()


class ServerError(GazetteError):
    """The SPARQL server could not be started or stopped."""


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How to run `oxigraph serve-read-only` on one store folder."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout_s: int = 10  # oxigraph --timeout-s: evaluation is cancelled after this
    union_default_graph: bool = True  # auditors see every named graph without GRAPH clauses
    cors: bool = True  # YASGUI pages on other origins (e.g. the app) may query it
    # Watchdog: a thread busy for longer than this is past any legitimate query (which
    # oxigraph cancels at timeout_s) and the server is restarted. None: timeout_s + 5.
    runaway_after_s: float | None = None
    max_rss_mb: int | None = 2048  # restart above this resident size; None: no cap
    ready_timeout_s: float = 30.0

    @property
    def url(self) -> str:
        """Base URL; YASGUI is served at this address."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return f"{self.url}/query"

    @property
    def runaway_limit_s(self) -> float:
        """Seconds of uninterrupted busy thread after which the watchdog restarts the server."""
        return self.runaway_after_s if self.runaway_after_s is not None else self.timeout_s + 5.0


def oxigraph_binary() -> str:
    """Path of the `oxigraph` executable: next to this Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise ServerError(
            "the `oxigraph` server binary is not installed; run `pip install oxigraph` in the "
            "environment of gazette-kg"
        )
    return found


def server_command(config: ServerConfig) -> list[str]:
    """The argument vector that runs the read-only server for `config`."""
    cmd = [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(config.store),
        "--bind",
        f"{config.host}:{config.port}",
        "--timeout-s",
        str(config.timeout_s),
    ]
    if config.union_default_graph:
        cmd.append("--union-default-graph")
    if config.cors:
        cmd.append("--cors")
    return cmd


class SparqlServer:
    """One supervised `oxigraph serve-read-only` process; use as a context manager."""

    def __init__(self, config: ServerConfig, progress: Progress | None = None) -> None:
        self.config = config
        self._say = progress or (lambda message: None)
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.RLock()
        self._wanted = False  # True between start() and stop(): the watchdog keeps it up
        self._log: collections.deque[str] = collections.deque(maxlen=200)
        self._watchdog: threading.Thread | None = None
        self._watchdog_stop = threading.Event()
        self.restarts: list[str] = []  # why the watchdog restarted the server, oldest first

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> SparqlServer:
        """Start the server and wait until it answers a query; ServerError if it does not."""
        with self._lock:
            if self.running:
                return self
            self._spawn()
            self._supervise()
        return self

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s); safe to call twice."""
        with self._lock:
            self._wanted = False
            self._terminate()
            watchdog, self._watchdog = self._watchdog, None
            self._watchdog_stop.set()
        if watchdog is not None and watchdog is not threading.current_thread():
            watchdog.join()

    def restart(self, reason: str = "") -> None:
        """Stop and start again (after an ingest, or when the watchdog finds a runaway)."""
        with self._lock:
            if reason:
                self.restarts.append(reason)
                self._say(f"restarting the SPARQL server: {reason}")
            self._terminate()
            self._spawn()
            self._supervise()

    @contextmanager
    def stopped(self) -> Iterator[None]:
        """Keep the server down for the duration (a writer is changing the store)."""
        was_wanted = self._wanted
        self.stop()
        try:
            yield
        finally:
            if was_wanted:
                self.start()

    @property
    def running(self) -> bool:
        """True while the child process is alive."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """Process id of the child, None when stopped."""
        return self._proc.pid if self.running and self._proc else None

    def log_tail(self, n: int = 20) -> list[str]:
        """The last `n` lines the server wrote to stderr/stdout."""
        return list(self._log)[-n:]

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- internals ---------------------------------------------------------------------

    def _supervise(self) -> None:
        self._wanted = True
        _LIVE.add(self)
        if self._watchdog is None:
            stop = threading.Event()
            self._watchdog = threading.Thread(
                target=self._watch, args=(stop,), name="oxigraph-watchdog", daemon=True
            )
            self._watchdog_stop = stop
            self._watchdog.start()

    def _spawn(self) -> None:
        cfg = self.config
        if not cfg.store.is_dir():
            raise ServerError(f"no store at {cfg.store}; run `gazette-kg ingest` first")
        if not _port_free(cfg.host, cfg.port):
            # oxigraph binds with SO_REUSEPORT: a second server on a taken port would start
            # and silently share the port with the first one.
            raise ServerError(
                f"port {cfg.port} on {cfg.host} is in use; choose another with --sparql-port"
            )
        proc = _spawner.popen(server_command(cfg))
        self._proc = proc
        threading.Thread(target=self._drain, args=(proc,), name="oxigraph-log", daemon=True).start()
        try:
            _wait_ready(cfg, proc)
        except ServerError:
            self._terminate()
            tail = " | ".join(self.log_tail(5))
            hint = ""
            if "in use" in tail.lower():
                hint = f"; port {cfg.port} is taken, choose another with --sparql-port"
            raise ServerError(
                f"the SPARQL server did not come up at {cfg.url}{hint}"
                + (f" (oxigraph said: {tail})" if tail else "")
            ) from None
        self._say(
            f"SPARQL endpoint {cfg.query_url} (YASGUI at {cfg.url}/), "
            f"timeout {cfg.timeout_s} s, pid {proc.pid}"
        )

    def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def _drain(self, proc: subprocess.Popen[bytes]) -> None:
        # The pipe must be read or a chatty server blocks once the buffer fills.
        assert proc.stdout is not None
        for raw in proc.stdout:
            self._log.append(raw.decode("utf-8", "replace").rstrip())

    def _watch(self, stop: threading.Event) -> None:
        sampler = _ThreadSampler()
        while not stop.wait(0.5):
            with self._lock:
                if stop.is_set() or not self._wanted:
                    return
                proc = self._proc
            if proc is None or proc.poll() is not None:
                code = None if proc is None else proc.returncode
                self._restart_quietly(f"the server exited unexpectedly (status {code})")
                sampler = _ThreadSampler()
                continue
            reason = sampler.check(proc.pid, self.config)
            if reason:
                self._restart_quietly(reason)
                sampler = _ThreadSampler()

    def _restart_quietly(self, reason: str) -> None:
        with self._lock:
            if not self._wanted:
                return
            try:
                self.restart(reason)
            except ServerError as exc:
                self._say(f"SPARQL server restart failed: {exc}")


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # Like the server itself: connections of a stopped server in TIME_WAIT do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _wait_ready(config: ServerConfig, proc: subprocess.Popen[bytes]) -> None:
    """Poll ASK {} until it answers 200, the process dies, or ready_timeout_s passes."""
    url = config.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + config.ready_timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError("exited")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise ServerError("timeout")


class _ThreadSampler:
    """Per-thread CPU time and resident memory of a process, from /proc (Linux only)."""

    def __init__(self) -> None:
        self._hz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self._busy_since: dict[str, float] = {}
        self._last: dict[str, tuple[float, int]] = {}

    def check(self, pid: int, config: ServerConfig) -> str | None:
        """A reason to restart, or None.

        A thread counts as busy while it keeps using CPU (≥10% of a core in every sample):
        on a loaded machine a runaway query may get well under a full core, and an idle
        server thread uses none.
        """
        now = time.monotonic()
        rss_mb = _rss_mb(pid)
        if config.max_rss_mb is not None and rss_mb is not None and rss_mb > config.max_rss_mb:
            return f"resident memory {rss_mb} MB exceeds the {config.max_rss_mb} MB cap"
        ticks = _thread_ticks(pid)
        for tid, used in ticks.items():
            last = self._last.get(tid)
            self._last[tid] = (now, used)
            if last is None:
                continue
            busy = (used - last[1]) / self._hz >= 0.1 * (now - last[0])
            if not busy:
                self._busy_since.pop(tid, None)
                continue
            since = self._busy_since.setdefault(tid, last[0])
            if now - since > config.runaway_limit_s:
                return (
                    f"a query thread has been busy for {now - since:.0f} s, past the "
                    f"{config.timeout_s} s query timeout (runaway query)"
                )
        for gone in set(self._last) - set(ticks):
            self._last.pop(gone, None)
            self._busy_since.pop(gone, None)
        return None


def _thread_ticks(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            out[tid] = int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            continue
    return out


def _rss_mb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)


class _Spawner:
    """Creates every child from one long-lived thread.

    On Linux the child asks the kernel for SIGTERM when its parent *thread* ends
    (PR_SET_PDEATHSIG); spawning from a thread that lives as long as the process makes that
    "when gazette-kg dies", whichever thread (UI worker, watchdog) wanted the restart.
    """

    def __init__(self) -> None:
        self._jobs: collections.deque[tuple[list[str], dict[str, object], threading.Event]] = (
            collections.deque()
        )
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def popen(self, cmd: list[str]) -> subprocess.Popen[bytes]:
        box: dict[str, object] = {}
        done = threading.Event()
        with self._wake:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="oxigraph-spawner", daemon=True
                )
                self._thread.start()
            self._jobs.append((cmd, box, done))
            self._wake.notify()
        done.wait()
        if "error" in box:
            raise ServerError(f"cannot start {cmd[0]}: {box['error']}")
        return box["proc"]  # type: ignore[return-value]

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._jobs:
                    self._wake.wait()
                cmd, box, done = self._jobs.popleft()
            try:
                box["proc"] = subprocess.Popen(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent,  # noqa: PLW1509 — only calls prctl()
                    # Own process group: a Ctrl-C in the terminal reaches gazette-kg, which
                    # then stops the server in order, instead of racing the watchdog.
                    start_new_session=True,
                )
            except OSError as exc:
                box["error"] = exc
            done.set()


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


_spawner = _Spawner()


@atexit.register
def _stop_all() -> None:
    for server in list(_LIVE):
        server.stop()
