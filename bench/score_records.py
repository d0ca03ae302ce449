"""Write the five audit tables straight from ingest records (no graph) and score them.

Development aid for the extractors: same columns as `gazette-kg tables`, so
`../shared/eval/score_tables.py` can score the records before the graph exists.

    python bench/score_records.py [GAZETTE.txt] [--out DIR] [--show-wrong]
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.tables import TABLES
from ingest.pipeline import SAMPLE, parse_file
from ingest.records import ParsedSource

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows([["" if v is None else v for v in row] for row in rows])


def _resolved(d) -> str:
    if d.kind == "absolute" and d.due:
        return d.due.isoformat()
    if d.kind == "period":
        return f"{d.start or ''}/{d.due.isoformat() if d.due else ''}"
    if d.kind == "recurring":
        return ";".join(x for x in [d.frequency or "", f"day={d.day}" if d.day else ""] if x)
    return ""


def write_tables(parsed: ParsedSource, out: Path) -> None:
    """The five CSV tables of `gazette-kg tables`, from records."""
    out.mkdir(parents=True, exist_ok=True)
    _write(
        out / "documents.csv",
        list(TABLES["documents"]),
        [
            [
                d.number,
                d.title,
                d.issuer,
                d.signed.isoformat() if d.signed else "",
                d.recipients,
                d.genre,
                d.interpreted_by,
                d.consult_unit,
                d.consult_phone,
            ]
            for d in parsed.documents
        ],
    )
    _write(
        out / "memberships.csv",
        list(TABLES["memberships"]),
        [
            [g.name, g.doc_number, m.role, m.person, m.title]
            for g in parsed.groups
            for m in g.members
        ],
    )
    _write(
        out / "groups.csv",
        list(TABLES["groups"]),
        [[g.name, g.doc_number, g.office_at, g.office_director] for g in parsed.groups],
    )

    def units(t, role):
        return "；".join(u.unit for u in t.units if u.role == role)

    _write(
        out / "tasks.csv",
        list(TABLES["tasks"]),
        [
            [
                t.doc_number,
                t.task_id,
                t.heading,
                units(t, "lead"),
                units(t, "responsible"),
                units(t, "cooperating"),
            ]
            for t in parsed.tasks
        ],
    )
    _write(
        out / "deadlines.csv",
        list(TABLES["deadlines"]),
        [[d.doc_number, d.who, d.what, d.surface, d.kind, _resolved(d)] for d in parsed.deadlines],
    )


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    out = Path("/tmp/records_tables")
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
        args.remove(str(out))
    source = Path(args[0]) if args else SAMPLE
    parsed = parse_file(source)
    write_tables(parsed, out)
    cmd = [sys.executable, str(EVAL / "score_tables.py"), str(out), str(EVAL / "dev")]
    if "--show-wrong" in argv:
        cmd.append("--show-wrong")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
