"""What a running app holds open on its store, and how it lets go while the store is written.

`AppState` owns the SPARQL server, the app's read-only store handle and the QA engine. Readers
(UI handlers, dumps) enter `reading()`; a writer — an upload in the UI, or `gazette-kg ingest`
in another process announcing itself through graph.writelock — gets `paused()`: in-flight
readers finish, the server is stopped, the handles are dropped, the shared lock is released,
and after the write everything is reopened and the server restarted. Readers that arrive during
a pause get `StoreUnavailable` at once (HTTP 503 / a UI message) instead of waiting.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.server import ServerConfig, SparqlServer
from graph.store import GraphStore
from graph.writelock import ReaderLease, write_requested
from ingest.errors import GazetteError

Progress = Callable[[str], None]
QaFactory = Callable[[Path], Any]


class StoreUnavailable(GazetteError):
    """The store is being written; retry in a moment."""


class AppState:
    """The store handles of one running app, reopened around every write."""

    def __init__(
        self,
        store_dir: Path,
        server: ServerConfig,
        qa_factory: QaFactory | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.store_dir = store_dir
        self.server = SparqlServer(server, progress)
        self._qa_factory = qa_factory
        self._say = progress or (lambda message: None)
        self._lease = ReaderLease(store_dir)
        self._cond = threading.Condition()
        self._readers = 0
        self._paused = False
        self._pause_lock = threading.Lock()  # one writer at a time
        self.store: GraphStore | None = None
        self.qa: Any = None
        self.qa_error: str | None = None
        self.status = "starting"
        self.generation = 0  # bumped on every reopen, so the UI can refresh its choices
        self._watcher: threading.Thread | None = None
        self._closing = threading.Event()

    # -- lifecycle ---------------------------------------------------------------------

    def open(self) -> AppState:
        """Take the shared lock, open the handles, start the server and the writer watcher."""
        self._lease.acquire()
        self._open_handles()
        self.server.start()
        self._watcher = threading.Thread(
            target=self._watch_writers, name="store-writer-watch", daemon=True
        )
        self._watcher.start()
        return self

    def close(self) -> None:
        """Stop the server and release everything; safe to call twice."""
        self._closing.set()
        self.server.stop()
        self._drop_handles()
        self._lease.release()
        self.status = "stopped"

    # -- readers -----------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[GraphStore]:
        """The read-only store for the duration; StoreUnavailable while a write is under way."""
        with self._cond:
            if self._paused or self.store is None:
                raise StoreUnavailable(
                    f"the store is being updated ({self.status}); try again in a few seconds"
                )
            self._readers += 1
            store = self.store
        try:
            yield store
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    # -- writers -----------------------------------------------------------------------

    @contextmanager
    def paused(self, reason: str) -> Iterator[None]:
        """Let go of the store for a writer; reopen and restart the server afterwards."""
        with self._pause_lock:
            with self._cond:
                self._paused = True
                self.status = f"paused: {reason}"
                while self._readers:
                    self._cond.wait()
            self._say(f"releasing the store for {reason}: stopping the SPARQL server")
            self.server.stop()
            self._drop_handles()
            self._lease.release()
            try:
                yield
            finally:
                if not self._closing.is_set():
                    self._lease.acquire()
                    self._open_handles()
                    self.server.start()
                    self._say("store reopened read-only; SPARQL server restarted")
                with self._cond:
                    self._paused = False
                    self.generation += 1

    def ingest_file(self, path: Path, progress: Progress | None = None) -> list[str]:
        """Parse `path`, then write it through graph.load with the server stopped.

        Returns the summary lines. Parsing happens before anything is stopped, so a file that
        is not a gazette is refused (GazetteError) while the app keeps serving.
        """
        from graph.load import ingest_parsed
        from ingest.pipeline import parse_file

        say = progress or self._say
        say(f"parsing {path.name} …")
        parsed = parse_file(path)
        say(f"{path.name}: {len(parsed.documents)} documents, {len(parsed.paragraphs)} paragraphs")
        with self.paused(f"ingesting {path.name}"):
            say("SPARQL server stopped; writing the store …")
            summary = ingest_parsed(parsed, self.store_dir)
            say("written; reopening the store and restarting the SPARQL server …")
        return summary.lines()

    # -- internals ---------------------------------------------------------------------

    def _open_handles(self) -> None:
        started = time.perf_counter()
        self.store = GraphStore.open(self.store_dir, read_only=True)
        self.qa, self.qa_error = None, None
        if self._qa_factory is not None:
            try:
                self.qa = self._qa_factory(self.store_dir)
            except Exception as exc:  # noqa: BLE001 — the app still serves SPARQL and Browse
                self.qa_error = str(exc)
                self._say(f"question answering is unavailable: {exc}")
        self.status = f"serving {self.store_dir} ({time.perf_counter() - started:.1f} s to open)"

    def _drop_handles(self) -> None:
        store, self.store, self.qa = self.store, None, None
        if store is not None:
            store.close()
        gc.collect()  # RocksDB closes when the last Python reference goes

    def _watch_writers(self) -> None:
        while not self._closing.wait(0.5):
            if not write_requested(self.store_dir) or self._pause_lock.locked():
                continue
            with self.paused("a writer (gazette-kg ingest) in another process"):
                while write_requested(self.store_dir) and not self._closing.is_set():
                    time.sleep(0.2)
