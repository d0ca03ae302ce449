"""Where the store and its retrieval index live when the user names no folder."""

from __future__ import annotations

import os
from pathlib import Path


def default_home() -> Path:
    """$GAZETTE_KG_HOME, else $XDG_DATA_HOME/gazette-kg, else ~/.local/share/gazette-kg."""
    if os.environ.get("GAZETTE_KG_HOME"):
        return Path(os.environ["GAZETTE_KG_HOME"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "gazette-kg"


def default_store() -> Path:
    """The Oxigraph store folder used when --store is not given."""
    return default_home() / "store"


def index_dir_for(store: Path) -> Path:
    """The retrieval index (BM25 + embeddings) kept next to a store: STORE-index/."""
    return store.parent / f"{store.name}-index"
