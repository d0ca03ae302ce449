"""The Gradio front end: Ask, SPARQL, Browse, Deadlines and Ingest tabs over one AppState.

Handlers are thin: they call the library (qa.api, qa.app_sparql, qa.app_browse,
qa.app_deadlines, AppState.ingest_file) and turn GazetteError / SparqlFailure into a message
in the page, never a traceback.
"""

from __future__ import annotations

import html
import json
import queue
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.errors import GazetteError
from qa import app_browse, app_deadlines
from qa.app_render import Passage, needles_of, passage_html
from qa.app_sparql import SparqlFailure, ready_queries, run_query, table_csv, to_table
from qa.app_state import AppState

EXAMPLES_FILE = Path(__file__).parent / "app_examples.json"
ALL_AGENCIES = "（全部单位）"


def example_questions(path: Path = EXAMPLES_FILE) -> list[str]:
    """The clickable example questions, from a data file (a JSON list of strings)."""
    try:
        return [q for q in json.loads(path.read_text(encoding="utf-8")) if isinstance(q, str)]
    except (OSError, ValueError):
        return []


# -- Ask -------------------------------------------------------------------------------


def answer_json(state: AppState, question: str) -> dict[str, Any]:
    """Answer.to_json() of the QA engine plus "highlights" (the answer items), or an "error"."""
    question = (question or "").strip()
    if not question:
        return {"question": "", "answer": "", "found": False, "error": "请输入问题", "sources": []}
    if state.qa is None:
        reason = state.qa_error or state.status
        return {
            "question": question,
            "answer": "",
            "found": False,
            "sources": [],
            "error": f"问答引擎不可用：{reason}",
        }
    try:
        with state.reading():
            answer = state.qa.ask(question)
    except GazetteError as exc:
        return {
            "question": question,
            "answer": "",
            "found": False,
            "sources": [],
            "error": str(exc),
        }
    out = dict(answer.to_json())
    out["highlights"] = list(getattr(answer, "highlights", []) or [])
    return out


def answer_html(ans: dict[str, Any]) -> str:
    """An answer for the chat: the answer line, then each cited passage with the answer marked."""
    if ans.get("error"):
        return f"<p>⚠️ {html.escape(ans['error'])}</p>"
    text = str(ans.get("answer") or "")
    head = (
        f"<p><b>答：</b>{html.escape(text)}</p>"
        if ans.get("found") and text
        else f"<p>{html.escape(text or '没有在已收录的公报中找到答案。')}</p>"
    )
    sources = ans.get("sources") or []
    needles = [*ans.get("highlights", []), *needles_of(text)]
    parts = [passage_html(_passage(s), needles, open_=(i == 0)) for i, s in enumerate(sources)]
    cited = f"<p><b>依据（{len(sources)}）</b></p>" + "".join(parts) if parts else ""
    return head + cited


def _passage(source: dict[str, Any]) -> Passage:
    lines = source.get("lines") or ""
    if isinstance(lines, list | tuple):
        first, last = (str(lines[0]), str(lines[-1])) if lines else ("", "")
    else:
        first, _, last = str(lines).partition("-")
    return Passage(
        str(source.get("doc_number") or ""),
        str(source.get("title") or ""),
        str(source.get("page") or ""),
        first,
        last or first,
        str(source.get("text") or ""),
    )


# -- the Blocks ------------------------------------------------------------------------


def build_blocks(state: AppState) -> Any:
    """The Gradio Blocks of the app, bound to `state`."""
    import gradio as gr
    import pandas as pd  # type: ignore[import-untyped]

    queries = ready_queries()
    cfg = state.server.config

    def status_md() -> str:
        return (
            f"**存储** `{state.store_dir}` · {state.status} · **SPARQL 端点** "
            f"[{cfg.query_url}]({cfg.url}/)（只读，超时 {cfg.timeout_s} 秒；经本应用转发："
            f"[/sparql](/sparql)）· **下载** [Turtle](/dump.ttl) · [N-Triples](/dump.nt) · "
            f"[N-Quads](/dump.nq) · [JSON-LD](/dump.jsonld) · [本体](/ontology.ttl)"
        )

    with gr.Blocks(title="政府公报知识图谱") as demo:
        gr.Markdown("## 政府公报知识图谱 · gazette-kg")
        status = gr.Markdown(status_md(), elem_id="gkg-status")
        with gr.Tabs(selected="ask") as tabs:
            # ---------------------------------------------------------------- Ask
            with gr.Tab("问答 Ask", id="ask"):
                chat = gr.Chatbot(
                    label="问答",
                    height=520,
                    elem_id="gkg-chat",
                    sanitize_html=False,
                    render_markdown=False,
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="用中文提问，例如：某领导小组的组长是谁？",
                        show_label=False,
                        scale=8,
                        elem_id="gkg-question",
                    )
                    ask_btn = gr.Button("提问", variant="primary", scale=1, elem_id="gkg-ask")
                gr.Examples(example_questions(), inputs=[question], label="示例问题")
                with gr.Accordion("答案背后的 SPARQL", open=False):
                    answer_sparql = gr.Code(
                        language="sql", interactive=False, elem_id="gkg-answer-sparql"
                    )
                    to_sparql_btn = gr.Button("在 SPARQL 页打开", size="sm")
            # ---------------------------------------------------------------- SPARQL
            with gr.Tab("SPARQL", id="sparql"):
                with gr.Row():
                    ready = gr.Dropdown(list(queries), label="审计常用查询", value=None, scale=4)
                    run_btn = gr.Button("运行查询", variant="primary", scale=1, elem_id="gkg-run")
                editor = gr.Code(
                    next(iter(queries.values()), ""),
                    language="sql",
                    interactive=True,
                    lines=14,
                    label="SPARQL",
                    elem_id="gkg-editor",
                )
                run_status = gr.Markdown(elem_id="gkg-run-status")
                results = gr.Dataframe(
                    label="结果", interactive=False, wrap=True, elem_id="gkg-results"
                )
                with gr.Row():
                    csv_btn = gr.DownloadButton("下载 CSV", value=None, size="sm")
                    json_btn = gr.DownloadButton("下载 JSON", value=None, size="sm")
            # ---------------------------------------------------------------- Browse
            with gr.Tab("浏览 Browse", id="browse"):
                with gr.Row():
                    kind = gr.Radio(list(app_browse.KINDS), value="公文", label="类别", scale=2)
                    entity = gr.Dropdown([], label="选择", scale=5, elem_id="gkg-entity")
                page = gr.HTML(elem_id="gkg-page")
            # ---------------------------------------------------------------- Deadlines
            with gr.Tab("时限 Deadlines", id="deadlines"):
                with gr.Row():
                    agency = gr.Dropdown(
                        [ALL_AGENCIES], value=ALL_AGENCIES, label="按单位筛选", scale=5
                    )
                    reload_btn = gr.Button("刷新", scale=1)
                deadlines = gr.Dataframe(
                    headers=app_deadlines.HEADERS,
                    interactive=False,
                    wrap=True,
                    elem_id="gkg-deadlines",
                )
            # ---------------------------------------------------------------- Ingest
            with gr.Tab("导入 Ingest", id="ingest"):
                gr.Markdown(
                    "上传一期公报的文本文件（UTF-8 或 GB18030 的 .txt）。同名文件会替换原有内容。"
                    "写入期间 SPARQL 服务暂停，写入后自动重启，应用重新打开只读存储。"
                )
                upload = gr.File(label="公报文本", file_types=[".txt"], type="filepath")
                ingest_btn = gr.Button("导入", variant="primary")
                ingest_log = gr.Textbox(
                    label="进度", lines=8, interactive=False, elem_id="gkg-ingest-log"
                )

        # ------------------------------------------------------------------ handlers
        def on_ask(q: str, history: list[dict[str, Any]] | None):
            ans = answer_json(state, q)
            history = list(history or []) + [
                {"role": "user", "content": html.escape(q or "")},
                {"role": "assistant", "content": answer_html(ans)},
            ]
            return history, "", str(ans.get("sparql") or "")

        for trigger in (ask_btn.click, question.submit):
            trigger(
                on_ask, [question, chat], [chat, question, answer_sparql], api_visibility="private"
            )

        def answer(question: str) -> dict:
            """Answer a question; returns Answer.to_json() (question, answer, found, intent,
            sparql, sources) plus highlights."""
            return answer_json(state, question)

        gr.api(answer, api_name="answer")

        to_sparql_btn.click(
            lambda code: (code, gr.Tabs(selected="sparql")),
            [answer_sparql],
            [editor, tabs],
            api_visibility="private",
        )
        ready.change(
            lambda title: queries.get(title, gr.skip()), [ready], [editor], api_visibility="private"
        )

        def on_run(text: str):
            try:
                answer = run_query(cfg.query_url, text or "", deadline_s=cfg.timeout_s + 2)
                table = to_table(answer)
            except SparqlFailure as exc:
                return (
                    f"⚠️ **{exc.status}** {html.escape(exc.message)}",
                    pd.DataFrame(),
                    None,
                    None,
                )
            folder = Path(tempfile.mkdtemp(prefix="gkg-result-"))
            csv_path, json_path = folder / "result.csv", folder / "result.json"
            csv_path.write_text(table_csv(table), encoding="utf-8")
            json_path.write_bytes(
                answer.body
                if table.kind != "graph"
                else json.dumps(
                    [dict(zip(table.headers, r, strict=True)) for r in table.rows],
                    ensure_ascii=False,
                ).encode()
            )
            frame = pd.DataFrame(table.rows, columns=table.headers)
            return (
                f"{len(table.rows)} 行 · {answer.seconds:.2f} 秒",
                frame,
                str(csv_path),
                str(json_path),
            )

        run_btn.click(on_run, [editor], [run_status, results, csv_btn, json_btn], api_name="sparql")

        def on_kind(k: str):
            try:
                with state.reading() as store:
                    items = app_browse.choices(store, k)
            except GazetteError as exc:
                return gr.Dropdown(choices=[], value=None), f"<p>⚠️ {html.escape(str(exc))}</p>"
            return gr.Dropdown(choices=items, value=None), ""

        def on_entity(k: str, iri: str | None):
            if not iri:
                return ""
            try:
                with state.reading() as store:
                    return app_browse.page_html(store, k, iri)
            except GazetteError as exc:
                return f"<p>⚠️ {html.escape(str(exc))}</p>"

        kind.change(on_kind, [kind], [entity, page], api_visibility="private")
        entity.change(on_entity, [kind, entity], [page], api_name="browse")

        def on_deadlines(agency_choice: str | None):
            try:
                with state.reading() as store:
                    rows = app_deadlines.deadline_rows(store)
                    agencies = app_browse.choices(store, "单位")
                    iri = agency_choice if agency_choice and agency_choice != ALL_AGENCIES else None
                    names = app_browse.agency_names(store, iri) if iri else []
            except GazetteError as exc:
                gr.Warning(str(exc))
                return gr.skip(), gr.skip()
            table = pd.DataFrame(
                app_deadlines.filter_rows(rows, iri, names), columns=app_deadlines.HEADERS
            )
            return gr.Dropdown(
                choices=[(ALL_AGENCIES, ALL_AGENCIES), *agencies],
                value=agency_choice or ALL_AGENCIES,
            ), table

        agency.input(on_deadlines, [agency], [agency, deadlines], api_visibility="private")
        reload_btn.click(on_deadlines, [agency], [agency, deadlines], api_name="deadlines")

        def on_ingest(path: str | None) -> Iterator[str]:
            if not path:
                yield "请先选择一个 .txt 文件"
                return
            messages: queue.Queue[str | None] = queue.Queue()
            log: list[str] = []
            outcome: dict[str, Any] = {}

            def work() -> None:
                try:
                    outcome["lines"] = state.ingest_file(Path(path), messages.put)
                except GazetteError as exc:
                    outcome["error"] = str(exc)
                finally:
                    messages.put(None)

            threading.Thread(target=work, daemon=True).start()
            while (message := messages.get()) is not None:
                log.append(message)
                yield "\n".join(log)
            if "error" in outcome:
                log.append(f"⚠️ 未导入：{outcome['error']}")
            else:
                log += outcome["lines"]
                log.append("✅ 已写入存储；SPARQL 服务已重启，应用已重新打开只读存储。")
            yield "\n".join(log)

        ingest_btn.click(on_ingest, [upload], [ingest_log], api_name="ingest").then(
            status_md, None, [status], api_visibility="private"
        )

        def on_load():
            return (status_md(), *on_kind("公文"), *on_deadlines(ALL_AGENCIES))

        demo.load(
            on_load, None, [status, entity, page, agency, deadlines], api_visibility="private"
        )
    return demo
