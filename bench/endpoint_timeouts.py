"""Measure what bounds runaway SPARQL queries on the real Oxigraph server (docs/endpoint.md).

    python bench/endpoint_timeouts.py [--store DIR] [--timeout-s 2]

For each runaway query it reports, talking to the server directly (urllib, like curl) and
through the app's proxy logic (qa.app_sparql.run_query): HTTP status, seconds to answer,
whether the body is a complete document, the latency of an ASK sent meanwhile, and — with the
watchdog on — how long until the busy process was replaced. Loopback only, bounded in time.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.server import ServerConfig, SparqlServer
from qa.app_sparql import SparqlFailure, run_query

RUNAWAYS = {
    "cross-product COUNT(*)": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
    "cross-product ORDER BY … LIMIT 1": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c ?a LIMIT 1",
}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def direct(url: str, query: str, limit_s: float) -> dict:
    """POST like curl; status, seconds, complete-JSON flag (client gives up after limit_s)."""
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data, {"Accept": "application/sparql-results+json"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=limit_s) as r:
            body = r.read()
            status = r.status
    except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
        return {
            "status": None,
            "seconds": round(time.monotonic() - started, 1),
            "error": repr(exc)[:80],
        }
    try:
        json.loads(body)
        complete = True
    except ValueError:
        complete = False
    return {
        "status": status,
        "seconds": round(time.monotonic() - started, 1),
        "complete": complete,
        "tail": body[-45:].decode("utf-8", "replace"),
    }


def _into(results: dict, url: str, query: str) -> None:
    results.update(direct(url, query, 60.0))


def proxied(url: str, query: str, deadline_s: float) -> dict:
    started = time.monotonic()
    try:
        run_query(url, query, deadline_s=deadline_s)
        status = 200
    except SparqlFailure as exc:
        status = exc.status
    return {"status": status, "seconds": round(time.monotonic() - started, 1)}


def ask_latency(url: str) -> float:
    started = time.monotonic()
    run_query(url, "ASK { ?s ?p ?o }")
    return round(time.monotonic() - started, 3)


def _until_restarted(server: SparqlServer, started: float, limit_s: float = 60.0) -> float | None:
    while not server.restarts and time.monotonic() - started < limit_s:
        time.sleep(0.2)
    return round(time.monotonic() - started, 1) if server.restarts else None


def measure(store: Path, timeout_s: int, watchdog: bool) -> None:
    runaway_after = timeout_s + 5.0 if watchdog else 10_000.0
    config = ServerConfig(store, port=_port(), timeout_s=timeout_s, runaway_after_s=runaway_after)
    print(f"\n## timeout_s={timeout_s}, watchdog {'on' if watchdog else 'off'}")
    for name, query in RUNAWAYS.items():
        with SparqlServer(config) as server:
            pid = server.pid
            results: dict = {}
            worker = threading.Thread(target=_into, args=(results, config.query_url, query))
            started = time.monotonic()
            worker.start()
            time.sleep(1.0)
            meanwhile = ask_latency(config.query_url) if server.running else None
            worker.join()
            replaced = _until_restarted(server, started) if watchdog else None
            print(
                f"- {name}: direct {results}; ASK meanwhile {meanwhile} s; "
                f"restarts {server.restarts}; process replaced after ~{replaced} s; "
                f"pid {pid} -> {server.pid}"
            )
        with SparqlServer(config) as server:
            print(
                f"  proxied (deadline {timeout_s + 2} s): "
                f"{proxied(config.query_url, query, timeout_s + 2.0)}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store built from the sample")
    parser.add_argument("--timeout-s", type=int, default=2)
    args = parser.parse_args()
    measure(args.store, args.timeout_s, watchdog=False)
    measure(args.store, args.timeout_s, watchdog=True)


if __name__ == "__main__":
    main()
