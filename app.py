"""The Gradio web app: `create_ui(assistant)` builds it, `main()` launches it.

The UI only calls the `Assistant` and formats what it returns (see `assistant/ui_format.py`).
Per-user state (chat history, filters, engine) lives in `gr.State`, never in globals. The styles
are in `assistant/web/app.css` (package data), read when the app is launched.
"""

from __future__ import annotations

import logging
import os
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.settings import Settings
from assistant.ui_conversations import ConversationHandlers, conversations_panel
from assistant.ui_handlers import Handlers
from assistant.ui_web import WebHandlers, address_box, feeds_table

if TYPE_CHECKING:
    import gradio as gr
    from fastapi import FastAPI

    from assistant.api import Assistant
    from assistant.logins import LoginGuard

log = logging.getLogger(__name__)

EXAMPLES = [
    "What does Russia demand from NATO?",
    "What did the US offer?",
    "Where and when did the talks take place?",
]
FILE_TYPES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".json", ".jsonl"]


def create_ui(assistant: Assistant) -> gr.Blocks:
    """Build (not launch) the Blocks app around an `Assistant`."""
    import gradio as gr

    h = Handlers(assistant)
    ui = gr.Blocks(title="Briefing Assistant", analytics_enabled=False)
    with ui:
        filters = gr.State(None)  # {"sources": [...], "date_from": ..., "date_to": ...} or None
        engine = gr.State(h.default_engine())
        passages = gr.State(h.passages())  # this session's passages per question
        gr.Markdown("# Briefing Assistant\nCited answers from the articles you load.")
        with gr.Tabs(selected=h.start_tab()) as tabs:
            with gr.Tab("Chat", id="chat"):
                chat = _chat_tab(gr, h, filters, engine, passages)
            with gr.Tab("Sources", id="sources"):
                sources = _sources_tab(gr, h, filters, chat["filters_note"])
            with gr.Tab("Positions", id="positions"):
                positions = _positions_tab(gr, h)
            with gr.Tab("Memo", id="memo"):
                memo = _memo_tab(gr, h)
            with gr.Tab("Settings", id="settings"):
                settings = _settings_tab(gr, h, engine, passages)
        chat["to_memo"].click(
            h.memo_from_chat,
            chat["history"],
            [memo["topic"], memo["preview"], memo["files"], tabs],
            api_name="memo_from_chat",
        )
        refreshed = [
            sources["table"],
            sources["delete_id"],
            sources["source_filter"],
            settings["index"],
            chat["store_note"],
        ]
        for event in sources["changes"]:
            event.then(
                lambda: gr.Dropdown(choices=h.party_choices()),
                None,
                positions["party"],
                api_visibility="private",
            )
        for event in sources["changes"]:
            event.then(h.refresh, None, refreshed, api_visibility="private")
        sources["refresh"].click(h.refresh, None, refreshed, api_name="documents")
        settings["refresh"].click(h.refresh, None, refreshed, api_visibility="private")
        ui.load(h.on_load, None, [tabs, *refreshed], api_visibility="private")
        ui.load(
            ConversationHandlers(h.a).choices,
            None,
            chat["saved"],
            api_name="conversations",
            api_visibility="private",
        )
        ui.load(WebHandlers(h.a).feeds, None, sources["feeds"], api_visibility="private")
    return ui


def _chat_tab(gr: Any, h: Handlers, filters: Any, engine: Any, passages: Any) -> dict[str, Any]:
    history = gr.State([])  # plain role/content dicts passed to assistant.stream
    shown = gr.State([])  # the messages on screen (HTML), this session's only
    with gr.Row():
        filters_note = gr.Markdown(h.filters_note(None), elem_id="filters-note")
        store_note = gr.Markdown(elem_id="chat-index")
    chatbot = gr.Chatbot(
        label="Briefing",
        elem_id="chatbot",
        height=560,
        buttons=["copy", "copy_all"],
        latex_delimiters=[],
        feedback_options=None,
        placeholder="Ask a question about the loaded articles. Every sentence of an answer "
        "is cited; click a footnote to see its source.",
    )
    with gr.Row():
        question = gr.Textbox(
            label="Question",
            placeholder="Ask about the sources…",
            elem_id="question",
            scale=5,
            submit_btn="Ask",
        )
        clear = gr.Button("New conversation", scale=1)
        to_memo = gr.Button("Turn into a memo", scale=1)
    gr.Examples(EXAMPLES, inputs=question, label="Example questions")
    with gr.Accordion("Copy the last answer (plain text)", open=False):
        plain = gr.Textbox(
            label="Last answer",
            lines=6,
            buttons=["copy"],
            interactive=False,
            elem_id="answer-plain",
        )
    asked = question.submit(
        h.respond,
        [question, shown, history, filters, engine, passages],
        [chatbot, shown, history, question, plain],
        api_name="ask",
        concurrency_limit=2,  # bench/load.py, 8 users: p95 1.3 s at 1 or 2, 2.9 s at 4
    )
    cleared = clear.click(h.clear_chat, None, [chatbot, shown, history, plain], api_name="clear")
    saved = conversations_panel(
        ConversationHandlers(h.a), chatbot, shown, history, asked, cleared
    )  # assistant/ui_conversations.py
    return {
        "saved": saved,
        "filters_note": filters_note,
        "store_note": store_note,
        "history": history,
        "to_memo": to_memo,
    }


def _positions_tab(gr: Any, h: Handlers) -> dict[str, Any]:
    gr.Markdown(
        "Who demands, rejects, offers, warns or assures what: one row a statement, each cited. "
        "'own words' marks a quote or an official text, as opposed to a reporter's "
        "paraphrase. Click a row to read its passage."
    )
    with gr.Row():
        party = gr.Dropdown(label="Party", choices=h.party_choices(), value=None, scale=2)
        topic = gr.Textbox(label="Topic (optional)", placeholder="e.g. NATO enlargement", scale=3)
        show = gr.Button("Show positions", variant="primary", scale=1)
    shown = gr.State([])  # the statements in the table, this session's only
    table = gr.Dataframe(
        headers=h.position_headers(),
        datatype=h.position_types(),
        interactive=False,
        show_label=False,
        wrap=True,
        show_search="filter",
        column_widths=["4%", "11%", "9%", "36%", "9%", "19%", "12%"],
        max_height=520,
        elem_id="positions",
    )
    source = gr.HTML(elem_id="position-source")
    outputs = [table, shown, source]
    show.click(h.positions, [party, topic], outputs, api_name="positions")
    topic.submit(h.positions, [party, topic], outputs, api_visibility="private")
    table.select(h.position_source, shown, source, api_visibility="private")
    return {"party": party}


def _memo_tab(gr: Any, h: Handlers) -> dict[str, Any]:
    gr.Markdown("A short briefing memo (at most about 450 words), every bullet cited.")
    with gr.Row():
        topic = gr.Textbox(
            label="Topic",
            scale=5,
            elem_id="memo-topic",
            placeholder="e.g. Russia's security demands and the Western response",
        )
        write = gr.Button("Write memo", variant="primary", scale=1)
    preview = gr.Markdown(elem_id="memo-preview", latex_delimiters=[])
    files = gr.File(
        label="Download (Markdown, DOCX, HTML)", file_count="multiple", interactive=False
    )
    write.click(h.memo, topic, [preview, files], api_name="memo")
    topic.submit(h.memo, topic, [preview, files], api_visibility="private")
    return {"topic": topic, "preview": preview, "files": files}


def _sources_tab(gr: Any, h: Handlers, filters: Any, filters_note: Any) -> dict[str, Any]:
    web = WebHandlers(h.a)
    with gr.Row():
        with gr.Column():
            files = gr.File(
                label="Upload articles (several at once)",
                file_count="multiple",
                file_types=FILE_TYPES,
                elem_id="upload",
            )
            add_files = gr.Button("Add files", variant="primary")
        with gr.Column():
            with gr.Accordion("…or paste an article", open=False):
                text = gr.Textbox(label="Article text", lines=6)
                with gr.Row():
                    title = gr.Textbox(label="Title (optional)")
                    source = gr.Textbox(label="Source / outlet (optional)")
                with gr.Row():
                    date = gr.Textbox(label="Date (optional)", placeholder="YYYY-MM-DD")
                    url = gr.Textbox(label="URL (optional)", placeholder="https://…")
                add_text = gr.Button("Add text")
            address, add_address = address_box()  # assistant/ui_web.py
    report = gr.Markdown(elem_id="ingest-report")
    with gr.Row():
        gr.Markdown("### Stored documents")
        refresh = gr.Button("Refresh list", size="sm", scale=0)
    table = gr.Dataframe(
        headers=h.doc_headers(),
        datatype=["str", "str", "str", "number", "str"],
        interactive=False,
        show_label=False,
        wrap=True,
        column_widths=["43%", "21%", "11%", "6%", "19%"],  # long titles wrap; fits at 1366 px
        elem_id="documents",
    )
    with gr.Row():
        delete_id = gr.Dropdown(
            label="Document to delete (doc id)", choices=[], allow_custom_value=True, scale=4
        )
        delete = gr.Button("Delete", variant="stop", scale=1)
    with gr.Accordion("Filters for the chat", open=True):
        with gr.Row():
            date_from = gr.Textbox(label="Date from", placeholder="YYYY-MM-DD")
            date_to = gr.Textbox(label="Date to", placeholder="YYYY-MM-DD")
            source_filter = gr.Dropdown(
                label="Sources", choices=[], multiselect=True, scale=2, allow_custom_value=True
            )
        with gr.Row():
            apply = gr.Button("Apply filters")
            reset = gr.Button("Clear filters")
        filters_status = gr.Markdown(h.filters_note(None))
    changes = [
        add_files.click(h.ingest_files, files, [report, files], api_name="ingest_files"),
        add_text.click(
            h.ingest_text, [text, title, source, date, url], [report, text], api_name="add_text"
        ),
        delete.click(h.delete, delete_id, [report, delete_id], api_name="delete"),
        add_address.click(web.add, address, [report, address], api_name="add_address"),
    ]
    feeds = feeds_table(web)
    for event in changes:
        event.then(web.feeds, None, feeds, api_name="feeds", api_visibility="private")
    apply.click(
        h.set_filters,
        [date_from, date_to, source_filter],
        [filters, filters_status, filters_note],
        api_name="set_filters",
    )
    reset.click(
        h.clear_filters,
        None,
        [filters, filters_status, filters_note, date_from, date_to, source_filter],
        api_name="clear_filters",
    )
    return {
        "table": table,
        "delete_id": delete_id,
        "source_filter": source_filter,
        "changes": changes,
        "refresh": refresh,
        "feeds": feeds,
    }


def _settings_tab(gr: Any, h: Handlers, engine: Any, session_passages: Any) -> dict[str, Any]:
    choice = gr.Radio(
        ["extractive", "llm"],
        value=h.default_engine(),
        label="Answer engine",
        info="extractive: sentences quoted from the sources (no LLM). "
        "llm: an LLM writes the answer; every sentence is still verified.",
    )
    gr.Markdown(h.llm_description())
    engine_note = gr.Markdown()
    passages = gr.Slider(
        3, 30, value=h.passages(), step=1, label="Passages retrieved per question (this session)"
    )
    index = gr.Markdown(elem_id="index-state")
    refresh = gr.Button("Refresh")
    choice.change(h.set_engine, choice, [engine, choice, engine_note], api_name="set_engine")
    passages.release(
        h.set_passages, passages, [session_passages, engine_note], api_name="set_passages"
    )
    return {"index": index, "refresh": refresh}


def read_css() -> str:
    """The app's styles, shipped in the `assistant` package as `web/app.css`."""
    return files("assistant").joinpath("web/app.css").read_text(encoding="utf-8")


def launch_options() -> dict[str, Any]:
    """App-level options that Gradio 6 takes in `launch()` (styling)."""
    return {"css": read_css()}


def read_auth(value: str | None) -> list[tuple[str, str]] | None:
    """`user:password`, or a path to a file of `user:password` lines (# comments allowed)."""
    value = (value or "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else [value]
    pairs = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user or not password:
            raise ValueError("BRIEFING_AUTH must be user:password or a file of such lines")
        pairs.append((user, password))
    if not pairs:
        raise ValueError(f"BRIEFING_AUTH file {path} holds no user:password line")
    return pairs


def login_check(pairs: list[tuple[str, str]] | None, settings: Settings) -> LoginGuard | None:
    """The one login check of the app and the API, failed attempts rate-limited."""
    if not pairs:
        return None
    from assistant.logins import LoginGuard

    return LoginGuard(pairs, settings.login_max_failures, settings.login_lockout_seconds)


def main(settings: Settings | None = None) -> None:
    from assistant.warm import start_parser

    settings = settings or Settings()
    start_parser(settings)  # spaCy loads while Gradio imports: the first upload does not wait

    from assistant.api import Assistant

    auth = login_check(read_auth(os.environ.get("BRIEFING_AUTH")), settings)
    assistant = Assistant.from_settings(settings)
    if assistant.status().documents == 0 and settings.samples:
        existing = [p for p in settings.samples if p.exists()]
        if existing:
            report = assistant.ingest(existing)
            log.info("ingested samples: %s", report.to_dict())
            print(f"ingested samples: {report.to_dict()}")
    host, port = settings.bind_address()
    serve(build_server(assistant, settings, auth), host, port)


def build_server(assistant: Assistant, settings: Settings, auth: Any = None) -> FastAPI:
    """The REST API (assistant/rest.py) with the web app mounted at `/`: one process, one
    port, one login (BRIEFING_AUTH; API keys from BRIEFING_API_KEYS for scripts).
    """
    import gradio as gr

    from assistant.rest import create_api, read_api_keys

    api = create_api(assistant, auth=auth, api_keys=read_api_keys(settings.api_keys))
    server: FastAPI = gr.mount_gradio_app(
        api,
        create_ui(assistant),
        path="/",
        auth=auth,
        max_file_size=f"{settings.max_file_mb:g}mb",  # uploads refused above the ingest limit
        **launch_options(),
    )
    return server


def serve(server: FastAPI, host: str, port: int) -> None:
    """Run the app and the API until interrupted."""
    import uvicorn

    print(f"Briefing Assistant on http://{host}:{port}/ (API docs: /api/docs)", flush=True)
    uvicorn.run(server, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
