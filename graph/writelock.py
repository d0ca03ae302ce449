"""Keep writers and serving readers of one store apart, across processes.

RocksDB allows read-only opens beside a writer but calls reading a store that another process
is writing undefined behaviour, so a running `gazette-kg serve` (its SPARQL server and its own
read-only handle) must let go of the store while anything writes to it.

The protocol uses an advisory lock file next to the store, `STORE.lock`:
- a serving app holds a shared lock (`ReaderLease`) while it has the store open;
- a writer (`writing`) first drops a request file, `STORE.write-request`, holding its pid;
  the app polls for it, closes its handles, stops its server and releases the shared lock;
  the writer's exclusive lock then goes through, it writes, removes the request and unlocks;
- the app waits for the request to disappear and takes its shared lock again (blocking until
  the writer has unlocked), then reopens.
Locks die with their process, so a crashed writer or app never leaves the store locked; a stale
request file (its pid gone) is ignored and removed.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest.errors import GazetteError

Progress = Callable[[str], None]


class StoreBusyError(GazetteError):
    """The store could not be locked for writing in time."""


def lock_path(store: Path) -> Path:
    """The advisory lock file of `store`: a sibling named STORE.lock."""
    return store.parent / f"{store.name}.lock"


def request_path(store: Path) -> Path:
    """The file a writer drops to ask a serving app to let go of `store`."""
    return store.parent / f"{store.name}.write-request"


@contextmanager
def writing(
    store: Path, timeout_s: float = 60.0, progress: Progress | None = None
) -> Iterator[None]:
    """Hold `store` exclusively for writing; a serving app pauses meanwhile.

    Raises StoreBusyError when the lock cannot be had within `timeout_s`.
    """
    store.parent.mkdir(parents=True, exist_ok=True)
    request = request_path(store)
    request.write_text(str(os.getpid()), encoding="ascii")
    fd = os.open(lock_path(store), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _lock(fd, fcntl.LOCK_EX, timeout_s, progress, store):
            raise StoreBusyError(
                f"{store} is held by another process (a `gazette-kg serve` that does not let go, "
                f"or another ingest) for more than {timeout_s:.0f} s; stop it and try again"
            )
        try:
            yield
        finally:
            _remove_own_request(request)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        _remove_own_request(request)
        os.close(fd)


def write_requested(store: Path) -> bool:
    """True when a live writer waits for `store`; a stale request file is removed."""
    request = request_path(store)
    try:
        pid = int(request.read_text(encoding="ascii").strip() or "0")
    except (OSError, ValueError):
        return False
    if pid == os.getpid() or _alive(pid):
        return True
    request.unlink(missing_ok=True)
    return False


class ReaderLease:
    """A serving app's shared hold on a store; released while a writer works."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self._fd: int | None = None

    def acquire(self, timeout_s: float = 600.0) -> None:
        """Take the shared lock once no writer asks for the store (waits for a running write)."""
        deadline = time.monotonic() + timeout_s
        while write_requested(self.store) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.store.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(self.store), os.O_RDWR | os.O_CREAT, 0o644)
        if not _lock(fd, fcntl.LOCK_SH, max(0.0, deadline - time.monotonic()), None, self.store):
            os.close(fd)
            raise StoreBusyError(f"{self.store} is being written by another process; try later")
        self._fd = fd

    def release(self) -> None:
        """Drop the shared lock; safe to call when not held."""
        fd, self._fd = self._fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @property
    def held(self) -> bool:
        """True while the shared lock is held."""
        return self._fd is not None


def _lock(fd: int, kind: int, timeout_s: float, progress: Progress | None, store: Path) -> bool:
    deadline = time.monotonic() + timeout_s
    told = False
    while True:
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            if progress and not told:
                progress(f"waiting for the app serving {store} to release it …")
                told = True
            time.sleep(0.1)


def _remove_own_request(request: Path) -> None:
    try:
        if request.read_text(encoding="ascii").strip() == str(os.getpid()):
            request.unlink()
    except (OSError, ValueError):
        pass


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
