"""Shared fixtures: the bundled sample parsed once, a store built once, and no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from ingest.pipeline import SAMPLE, parse_file
from ingest.records import ParsedSource

DATA = Path(__file__).parent / "data"
EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to loopback servers only; any other connect fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address) -> None:  # type: ignore[no-untyped-def]
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0")
            and not host.startswith("127.")
            and self.family != socket.AF_UNIX
        ):
            raise OSError(f"network access to {host} is not allowed in tests")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def sample_parsed() -> ParsedSource:
    """The bundled sample gazette, parsed once per test session."""
    return parse_file(SAMPLE)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the sample, built once per session (read-only use please)."""
    from graph.load import ingest_paths

    store = tmp_path_factory.mktemp("store") / "store"
    ingest_paths([SAMPLE], store)
    return store


def eval_file(name: str) -> Path:
    """A file of ../shared/eval; tests that need it skip when the folder is absent."""
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
