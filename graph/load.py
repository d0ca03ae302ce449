"""Ingest gazette files into the store: parse everything first, then replace each source's graph.

Parsing all inputs before the first write means a bad file anywhere in the batch leaves the
store exactly as it was; each source's named graph is then replaced in one atomic step.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import GraphStore
from graph.writelock import writing
from ingest.errors import SourceError
from ingest.iri import graph_iri
from ingest.pipeline import SAMPLE, parse_file
from ingest.records import ParsedSource
from ingest.to_rdf import to_quads

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run added, for the closing line of `gazette-kg ingest`."""

    sources: list[str] = field(default_factory=list)
    documents: int = 0
    paragraphs: int = 0
    groups: int = 0
    memberships: int = 0
    tasks: int = 0
    deadlines: int = 0
    triples: int = 0  # triples in the whole store after the run
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged sources not rewritten

    def lines(self) -> list[str]:
        """Human-readable summary lines."""
        head = (
            f"ingested {len(self.sources)} source(s): {self.documents} documents, "
            f"{self.paragraphs} paragraphs, {self.groups} groups, {self.memberships} memberships, "
            f"{self.tasks} tasks, {self.deadlines} deadlines; store holds {self.triples} triples "
            f"({self.seconds:.1f} s)"
        )
        skipped = [f"unchanged, skipped: {', '.join(self.skipped)}"] if self.skipped else []
        return [head, *skipped, *(f"warning: {w}" for w in self.warnings)]


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given and *.txt files under folders, sorted; SourceError for missing paths."""
    if not paths:
        return [SAMPLE]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise SourceError(str(path), "folder contains no .txt gazette files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise SourceError(str(path), "no such file or folder")
    return files


def ingest_paths(
    paths: list[Path], store_dir: Path, progress: Progress | None = None, force: bool = False
) -> IngestSummary:
    """Parse every file, then write each as its own named graph; returns the summary.

    A file whose bytes are unchanged since it was last ingested (same name, same SHA-256) is
    skipped unless `force` is true; its graph would come out the same.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    files = expand_paths(paths)
    known = {} if force else _ingested_hashes(store_dir)
    parsed: list[ParsedSource] = []
    skipped: list[str] = []
    for n, path in enumerate(files, 1):
        if known and known.get(path.name) == _sha256(path):
            say(f"[{n}/{len(files)}] {path.name}: unchanged since last ingest, skipped")
            skipped.append(path.name)
            continue
        say(f"[{n}/{len(files)}] parsing {path}")
        source = parse_file(path)
        say(
            f"[{n}/{len(files)}] {path.name}: {len(source.documents)} documents, "
            f"{len(source.paragraphs)} paragraphs"
        )
        parsed.append(source)
    summary = write_sources(parsed, store_dir, say)
    summary.skipped = skipped
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_parsed(source: ParsedSource, store_dir: Path) -> IngestSummary:
    """Write one already-parsed source (the app's upload path) and return its summary."""
    return write_sources([source], store_dir)


def write_sources(
    parsed: list[ParsedSource], store_dir: Path, progress: Progress | None = None
) -> IngestSummary:
    """Replace the named graph of each parsed source, each in one transaction."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    summary = IngestSummary()
    # a running `gazette-kg serve` lets go of the store while we write (graph.writelock)
    with writing(store_dir, progress=say), GraphStore.open(store_dir) as store:
        for n, source in enumerate(parsed, 1):
            say(f"[{n}/{len(parsed)}] writing graph {graph_iri(source.source_name)}")
            store.replace_source(to_quads(source), graph_iri(source.source_name))
            _count(summary, source)
        summary.triples = store.triple_count()
    summary.seconds = time.perf_counter() - started
    return summary


def _ingested_hashes(store_dir: Path) -> dict[str, str]:
    """File name → SHA-256 of every source already in the store (empty for a new store)."""
    if not (store_dir / "CURRENT").is_file():
        return {}
    with GraphStore.open(store_dir, read_only=True) as store:
        return {source.name: source.sha256 for source in store.sources()}


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # unreadable: parse_file reports it properly


def _count(summary: IngestSummary, source: ParsedSource) -> None:
    summary.sources.append(source.source_name)
    summary.documents += len(source.documents)
    summary.paragraphs += len(source.paragraphs)
    summary.groups += len(source.groups)
    summary.memberships += sum(len(g.members) for g in source.groups)
    summary.tasks += len(source.tasks)
    summary.deadlines += len(source.deadlines)
    summary.warnings += source.warnings
