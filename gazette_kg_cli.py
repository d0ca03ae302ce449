"""The `gazette-kg` command: parse arguments, call the library, turn errors into one line.

Heavy imports (torch, faiss, gradio, sentence-transformers) happen inside the commands that
need them, so `gazette-kg --help` is instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _store(args: argparse.Namespace) -> Path:
    from graph.paths import default_store

    return Path(args.store).expanduser() if args.store else default_store()


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from graph.load import ingest_paths

    summary = ingest_paths([Path(p) for p in args.paths], _store(args), _progress, force=args.force)
    for line in summary.lines():
        print(line)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from graph.store import GraphStore

    with GraphStore.open(_store(args), read_only=True) as store:
        sys.stdout.buffer.write(store.query_serialized(args.sparql, args.format))
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from graph.dump import dump_store

    data = dump_store(_store(args), args.format)
    if args.output:
        Path(args.output).write_bytes(data)
        _progress(f"wrote {len(data)} bytes to {args.output}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_tables(args: argparse.Namespace) -> int:
    from graph.tables import write_tables

    for path, rows in write_tables(_store(args), Path(args.out)):
        print(f"{path}: {rows} rows")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from graph.validate import validate_store

    conforms, report = validate_store(_store(args))
    print(report)
    return 0 if conforms else 1


def _open_qa(args: argparse.Namespace):
    from graph.paths import index_dir_for
    from qa.api import QA

    store = _store(args)
    return QA.open(
        store, index_dir_for(store), embedding_model=args.embedding_model, progress=_progress
    )


def cmd_ask(args: argparse.Namespace) -> int:
    qa = _open_qa(args)
    if args.jsonl:
        for line in sys.stdin:
            if line.strip():
                answer = qa.ask(line.strip())
                print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        raise SystemExit("gazette-kg ask: give a question, or --jsonl to read questions from stdin")
    print(qa.ask(" ".join(args.question)).to_text())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    qa = _open_qa(args)
    queries = [" ".join(args.query)] if args.query else (q.strip() for q in sys.stdin)
    for query in queries:
        if not query:
            continue
        results = [
            {
                "text": h.passage.text,
                "doc_number": h.passage.doc_number,
                "lines": [h.passage.first_line, h.passage.last_line],
                "score": round(h.score, 6),
            }
            for h in qa.search(query, k=args.k, mode=args.mode)
        ]
        print(json.dumps({"query": query, "results": results}, ensure_ascii=False), flush=True)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from qa.app import serve

    serve(
        _store(args),
        host=args.host,
        port=args.port,
        sparql_port=args.sparql_port,
        timeout_s=args.timeout_s,
        embedding_model=args.embedding_model,
        progress=_progress,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="gazette-kg", description="Knowledge graph and QA over Chinese government gazettes."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--store",
            help="store folder (default: $GAZETTE_KG_HOME/store or "
            "~/.local/share/gazette-kg/store)",
        )
        return p

    p = add("ingest", "ingest gazette text files or folders (default: the bundled sample)")
    p.add_argument("paths", nargs="*", help="UTF-8 or GB18030 text files, or folders of *.txt")
    p.add_argument(
        "--force", action="store_true", help="re-ingest files even when unchanged since last time"
    )
    p.set_defaults(run=cmd_ingest)

    p = add("query", "run a SPARQL query against the store")
    p.add_argument("sparql", help="SPARQL 1.1 query text")
    p.add_argument("--format", choices=["json", "csv", "tsv", "xml"], default="json")
    p.set_defaults(run=cmd_query)

    p = add("dump", "write the whole graph in an RDF format")
    p.add_argument("--format", choices=["ttl", "nt", "nq", "trig", "jsonld"], required=True)
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(run=cmd_dump)

    p = add("tables", "write CSV tables of what was extracted (for audit and scoring)")
    p.add_argument("--out", required=True, help="folder for documents.csv, memberships.csv, …")
    p.set_defaults(run=cmd_tables)

    p = add("validate", "check the graph against the SHACL shapes (exit 1 on violations)")
    p.set_defaults(run=cmd_validate)

    for name, help_text in (
        ("ask", "answer a question in Chinese"),
        ("search", "retrieve passages (the retriever alone)"),
    ):
        p = add(name, help_text)
        p.add_argument(
            "--jsonl",
            action="store_true",
            help="read one line per item from stdin, write one JSON object per line",
        )
        p.add_argument(
            "--embedding-model",
            help="sentence-transformers model name or path (default: bundled USE-multilingual-v3)",
        )
        if name == "ask":
            p.add_argument("question", nargs="*")
            p.set_defaults(run=cmd_ask)
        else:
            p.add_argument("query", nargs="*")
            p.add_argument("-k", type=int, default=10)
            p.add_argument("--mode", choices=["bm25", "dense", "hybrid"], default="hybrid")
            p.set_defaults(run=cmd_search)

    p = add("serve", "start the Gradio app and the read-only SPARQL endpoint")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--sparql-port", type=int, default=7878)
    p.add_argument("--timeout-s", type=int, default=10, help="SPARQL query timeout (seconds)")
    p.add_argument("--embedding-model", help="sentence-transformers model name or path")
    p.set_defaults(run=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    from ingest.errors import GazetteError

    try:
        return args.run(args)
    except GazetteError as exc:
        print(f"gazette-kg {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
