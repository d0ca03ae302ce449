"""graph.writelock: a writer waits for a serving reader to let go, and never writes beside it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from graph.writelock import ReaderLease, StoreBusyError, request_path, write_requested, writing


def test_writer_gets_the_store_once_the_reader_lets_go(tmp_path: Path) -> None:
    store = tmp_path / "store"
    lease = ReaderLease(store)
    lease.acquire()
    events: list[str] = []

    def reader_app() -> None:  # what AppState's watcher does
        while not write_requested(store):
            time.sleep(0.05)
        events.append("reader released")
        lease.release()
        lease.acquire()  # blocks until the writer is done
        events.append("reader back")

    app = threading.Thread(target=reader_app)
    app.start()
    with writing(store, timeout_s=10):
        events.append("writing")
        assert not lease.held
    app.join(timeout=10)
    assert events == ["reader released", "writing", "reader back"]
    assert lease.held and not request_path(store).exists()
    lease.release()


def test_writer_times_out_when_the_reader_holds_on(tmp_path: Path) -> None:
    store = tmp_path / "store"
    lease = ReaderLease(store)
    lease.acquire()
    with pytest.raises(StoreBusyError, match="try again"), writing(store, timeout_s=0.3):
        pass
    assert not request_path(store).exists()
    lease.release()


def test_stale_request_of_a_dead_writer_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "store"
    request_path(store).write_text("999999999", encoding="ascii")
    assert not write_requested(store)
    assert not request_path(store).exists()
