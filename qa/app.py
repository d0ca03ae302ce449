"""`gazette-kg serve`: the Gradio app and the real Oxigraph SPARQL server, started and stopped together.

The app is a FastAPI application with the Gradio UI mounted at `/` and a few plain routes:
`/sparql` (the Oxigraph server behind a hard deadline, a size cap and clean HTTP errors; see
qa.app_sparql and docs/endpoint.md), `/dump.{ttl,nt,nq,trig,jsonld}`, `/ontology.ttl` and
`/status`. The SPARQL server itself (YASGUI at its root) listens on its own port.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Request  # resolvable at module level: FastAPI reads the route hints

from graph.server import ServerConfig
from qa.app_sparql import DEFAULT_ACCEPT, SparqlFailure, run_query
from qa.app_state import AppState, StoreUnavailable

Progress = Callable[[str], None]

DUMP_TYPES = {
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples; charset=utf-8",
    "nq": "application/n-quads; charset=utf-8",
    "trig": "application/trig; charset=utf-8",
    "jsonld": "application/ld+json",
}


def build_app(state: AppState) -> Any:
    """The FastAPI app: routes plus the Gradio UI at `/`."""
    import gradio as gr
    from fastapi import FastAPI
    from fastapi.concurrency import run_in_threadpool
    from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response

    from graph.dump import dump_store
    from ontology import ONTOLOGY_PATH
    from qa.app_render import CSS
    from qa.app_ui import build_blocks

    app = FastAPI(title="gazette-kg", docs_url=None, redoc_url=None)
    cfg = state.server.config

    @app.api_route("/sparql", methods=["GET", "POST"])
    async def sparql(request: Request) -> Response:
        """SPARQL 1.1 Protocol queries, forwarded to the Oxigraph server with a hard deadline."""
        query, refused = await _query_of(request)
        if refused:
            return PlainTextResponse(refused, status_code=403)
        accept = request.headers.get("accept") or DEFAULT_ACCEPT
        if accept.strip() in ("*/*", ""):
            accept = DEFAULT_ACCEPT
        try:
            answer = await run_in_threadpool(
                run_query, cfg.query_url, query or "", accept, cfg.timeout_s + 2.0
            )
        except SparqlFailure as exc:
            headers = {"Retry-After": "5"} if exc.status == 503 else None
            return PlainTextResponse(exc.message, status_code=exc.status, headers=headers)
        return Response(answer.body, media_type=answer.content_type)

    @app.get("/dump.{fmt}")
    def dump_route(fmt: str) -> Response:
        """The whole graph in one RDF format (nq and trig keep one named graph per source)."""
        if fmt not in DUMP_TYPES:
            return PlainTextResponse(
                f"unknown dump format {fmt!r}; use one of "
                f"{', '.join('/dump.' + f for f in DUMP_TYPES)}",
                404,
            )
        try:
            with state.reading() as store:
                data = dump_store(store, fmt)
        except StoreUnavailable as exc:
            return PlainTextResponse(str(exc), 503, headers={"Retry-After": "5"})
        return Response(
            data,
            media_type=DUMP_TYPES[fmt],
            headers={"Content-Disposition": f'inline; filename="gazette-kg.{fmt}"'},
        )

    @app.get("/ontology.ttl")
    def ontology() -> FileResponse:
        """The gazette-kg vocabulary in Turtle."""
        return FileResponse(ONTOLOGY_PATH, media_type="text/turtle; charset=utf-8")

    @app.get("/status")
    def status() -> JSONResponse:
        """Where the store is, whether the SPARQL server runs, and why it was restarted."""
        return JSONResponse(
            {
                "store": str(state.store_dir),
                "status": state.status,
                "generation": state.generation,
                "sparql": {
                    "url": cfg.query_url,
                    "yasgui": cfg.url + "/",
                    "running": state.server.running,
                    "pid": state.server.pid,
                    "timeout_s": cfg.timeout_s,
                    "restarts": state.server.restarts,
                },
                "qa": state.qa is not None,
                "qa_error": state.qa_error,
            }
        )

    blocks = build_blocks(state)
    return gr.mount_gradio_app(app, blocks, path="/", css=CSS, footer_links=["api"])


async def _query_of(request: Request) -> tuple[str | None, str | None]:
    """(query text, refusal message) from a GET or POST request of the SPARQL 1.1 Protocol."""
    refusal = (
        "this endpoint is read-only: SPARQL Update is refused; change data with `gazette-kg ingest`"
    )
    if request.method == "GET":
        if "update" in request.query_params:
            return None, refusal
        return request.query_params.get("query"), None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return None, refusal
    if ctype == "application/sparql-query":
        return (await request.body()).decode("utf-8", "replace"), None
    form = await request.form()
    if "update" in form:
        return None, refusal
    value = form.get("query") or request.query_params.get("query")
    return (value if isinstance(value, str) else None), None


def serve(
    store: Path,
    host: str = "127.0.0.1",
    port: int = 7860,
    sparql_port: int = 7878,
    timeout_s: int = 10,
    embedding_model: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Run the app and the SPARQL server until Ctrl-C / SIGTERM; both are stopped on the way out.

    With no store at `store` yet, the bundled sample gazette is ingested first.
    """
    import uvicorn

    say = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    ensure_store(store, say)
    state = AppState(
        store,
        ServerConfig(store, host=host, port=sparql_port, timeout_s=timeout_s),
        qa_factory=lambda path: open_qa(path, embedding_model, say),
        progress=say,
    )
    # uvicorn shuts down gracefully on SIGINT/SIGTERM and then re-raises the signal to the
    # handler it found. With the defaults that is a KeyboardInterrupt traceback (SIGINT) or
    # death before `finally` has stopped the SPARQL server (SIGTERM); a handler that only
    # records the signal lets serve() return normally after both are stopped.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _note_signal)
    try:
        say("opening the store and starting the SPARQL server …")
        state.open()
        app = build_app(state)
        say(f"app at http://{host}:{port}/  (Ctrl-C stops the app and the SPARQL server)")
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        state.close()
        say("stopped the app and the SPARQL server")


def _note_signal(signum: int, frame: object) -> None:
    """Signals are handled by uvicorn while it runs; this only absorbs its re-raise."""


def ensure_store(store: Path, progress: Progress) -> None:
    """Ingest the bundled sample into `store` when no store exists there yet."""
    if (store / "CURRENT").is_file():
        return
    from graph.load import ingest_paths

    progress(f"no store at {store} yet: ingesting the bundled sample gazette first")
    summary = ingest_paths([], store, progress)
    for line in summary.lines():
        progress(line)


def open_qa(store: Path, embedding_model: str | None, progress: Progress) -> Any:
    """The question-answering engine on `store` (qa.api.QA), its vectors cached in STORE-index/."""
    from graph.paths import index_dir_for
    from qa.api import QA

    progress("loading the question-answering engine (catalogs, passage index) …")
    qa = QA.open(store, index_dir=index_dir_for(store), embedding_model=embedding_model)
    progress(f"question answering ready ({sum(vars(qa.timings).values()):.1f} s)")
    return qa
