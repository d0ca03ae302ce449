"""Ask the Oxigraph SPARQL server a query with a hard deadline, a size cap and a clean error.

Oxigraph streams results: once the status line (200) is sent, a query cancelled by its
`--timeout-s` can only end the body early with an error message, and a client sees a 200 with
a truncated document. `run_query` reads the whole answer within its own deadline, checks that
the document is complete (parsing it where the format can be parsed), and otherwise reports a
`SparqlFailure` carrying the HTTP status the app's `/sparql` route returns: 504 for a timeout
or cancelled query, 413 for an answer over the cap, 503 while the server is down (it is
restarted after every ingest), and the server's own 4xx (malformed query, read-only) as is.
"""

from __future__ import annotations

import csv
import io
import json
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

RESULTS_JSON = "application/sparql-results+json"
# SELECT/ASK answer in results JSON, CONSTRUCT/DESCRIBE in N-Triples: one Accept for both.
DEFAULT_ACCEPT = f"{RESULTS_JSON}, application/n-triples;q=0.9"
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SparqlAnswer:
    """A complete answer of the server."""

    content_type: str  # media type without parameters
    body: bytes
    seconds: float


class SparqlFailure(Exception):
    """A query that did not produce a complete answer; `status` is the HTTP status to return."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def run_query(
    query_url: str,
    query: str,
    accept: str = DEFAULT_ACCEPT,
    deadline_s: float = 12.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SparqlAnswer:
    """POST `query` to the SPARQL 1.1 Protocol endpoint `query_url`; raises SparqlFailure."""
    if not query.strip():
        raise SparqlFailure(400, "empty query: type a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE")
    started = time.monotonic()
    timeout = httpx.Timeout(deadline_s, connect=2.0)
    try:
        with (
            httpx.Client(timeout=timeout) as client,
            client.stream(
                "POST",
                query_url,
                data={"query": query},
                headers={"Accept": accept or DEFAULT_ACCEPT},
            ) as response,
        ):
            body = _read_capped(response, started, deadline_s, max_bytes)
            status = response.status_code
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
    except httpx.ConnectError:
        raise SparqlFailure(
            503,
            "the SPARQL server is not answering (it restarts after an ingest); "
            "retry in a few seconds",
        ) from None
    except httpx.TimeoutException:
        raise SparqlFailure(504, _timeout_message(deadline_s)) from None
    except httpx.HTTPError as exc:
        raise SparqlFailure(502, f"the SPARQL server broke off the answer: {exc}") from None
    if status != 200:
        text = body.decode("utf-8", "replace").strip() or response.reason_phrase
        if status == 403 or "read-only" in text.lower():
            text = (
                f"{text}: this endpoint only answers queries; change data with `gazette-kg ingest`"
            )
        raise SparqlFailure(status, text)
    if not _complete(body, content_type):
        raise SparqlFailure(504, _timeout_message(deadline_s, cancelled=True))
    return SparqlAnswer(content_type, body, time.monotonic() - started)


def _read_capped(response: httpx.Response, started: float, deadline_s: float, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise SparqlFailure(
                413,
                f"the answer is larger than {cap // (1024 * 1024)} MB; add a LIMIT, or "
                "download the whole graph from /dump.nq",
            )
        if time.monotonic() - started > deadline_s:
            raise httpx.ReadTimeout("deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _timeout_message(deadline_s: float, cancelled: bool = False) -> str:
    how = (
        "was cancelled by the server's timeout"
        if cancelled
        else f"took longer than {deadline_s:.0f} s"
    )
    return (
        f"the query {how}; narrow it (more specific patterns, LIMIT, fewer OPTIONALs) and try again"
    )


def _complete(body: bytes, content_type: str) -> bool:
    """False when the body was cut short (the server appends its error to a streamed answer)."""
    try:
        results = ox.QueryResultsFormat.from_media_type(content_type)
    except (ValueError, TypeError):
        results = None
    if results == ox.QueryResultsFormat.CSV:
        return not body or body.endswith(b"\n")  # each CSV row ends with CRLF
    if results is not None:
        try:
            parsed = ox.parse_query_results(body, results)
            if isinstance(parsed, ox.QuerySolutions):
                for _ in parsed:
                    pass
            return True
        except (SyntaxError, ValueError, OSError):
            return False
    try:
        rdf = ox.RdfFormat.from_media_type(content_type)
    except (ValueError, TypeError):
        rdf = None
    if rdf is not None:
        try:
            for _ in ox.parse(body, rdf):
                pass
            return True
        except (SyntaxError, ValueError, OSError):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Table:
    """A query answer as a table for display and CSV/JSON download."""

    headers: list[str]
    rows: list[list[str]]
    kind: str  # "select" | "ask" | "graph"


def to_table(answer: SparqlAnswer) -> Table:
    """Rows of a results-JSON or N-Triples answer; terms shown as their value."""
    if answer.content_type == RESULTS_JSON:
        data = json.loads(answer.body)
        if "boolean" in data:
            return Table(["ASK"], [["true" if data["boolean"] else "false"]], "ask")
        headers = data["head"].get("vars", [])
        rows = [
            [b.get(v, {}).get("value", "") for v in headers] for b in data["results"]["bindings"]
        ]
        return Table(headers, rows, "select")
    fmt = ox.RdfFormat.from_media_type(answer.content_type)
    rows = [
        [q.subject.value, q.predicate.value, q.object.value] for q in ox.parse(answer.body, fmt)
    ]
    return Table(["subject", "predicate", "object"], rows, "graph")


def table_csv(table: Table) -> str:
    """The table as CSV text (header row first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return out.getvalue()


AUDITOR_QUERIES = Path(__file__).parent / "queries" / "auditor"


def ready_queries(folder: Path = AUDITOR_QUERIES) -> dict[str, str]:
    """Title (from the `# Title:` header line) → text of every ready-made auditor query."""
    out: dict[str, str] = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title = next(
            (
                line.split(":", 1)[1].strip()
                for line in text.splitlines()
                if line.lower().startswith("# title:")
            ),
            path.stem,
        )
        out[title] = text
    return out
