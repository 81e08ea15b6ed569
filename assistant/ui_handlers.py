"""Event handlers of the web UI: each calls the `Assistant` and formats what it returns.

No state is kept here: chat history, filters, the chosen engine and the positions on screen come
in and go out as Gradio session state. Only the web app imports this module (and so Gradio).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant import ui_format as fmt
from assistant.types import Answer, IngestReport, Position

if TYPE_CHECKING:
    from assistant.api import Assistant

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def discard_uploads(paths: list[str]) -> None:
    """Remove uploaded copies once read. The store keeps each document's text; the copy in
    Gradio's upload folder is not needed again, and must not outlive a deleted document.
    Only files inside that folder are touched, with their emptied per-upload folder.
    """
    from gradio.utils import get_upload_folder

    root = Path(get_upload_folder()).resolve()
    for p in paths:
        path = Path(p).resolve()
        if root not in path.parents or not path.is_file():
            continue
        path.unlink(missing_ok=True)
        if path.parent != root:
            try:
                path.parent.rmdir()
            except OSError:
                pass  # not empty: another upload of the same batch still lives there


def names_only(report: IngestReport, paths: list[str]) -> IngestReport:
    """The report with each uploaded file named by its name, not by its path on the server."""

    def name(text: str) -> str:
        for p in sorted(paths, key=len, reverse=True):
            text = text.replace(p, Path(p).name)
        return text

    return replace(
        report,
        failed=[replace(f, path=name(f.path), reason=name(f.reason)) for f in report.failed],
        skipped=[name(s) for s in report.skipped],
        duplicate_notes=[name(n) for n in report.duplicate_notes],
        notes=[name(n) for n in report.notes],
    )


class Handlers:
    def __init__(self, assistant: Assistant) -> None:
        self.a = assistant

    # --- chat -------------------------------------------------------------------------------

    def respond(
        self,
        question: str,
        chat: list[dict[str, Any]] | None,
        history: list[dict[str, Any]] | None,
        filters: dict[str, Any] | None,
        engine: str | None,
        passages: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Stream an answer: pieces as they arrive, then the verified answer with sources."""
        question = (question or "").strip()
        chat, history = list(chat or []), list(history or [])
        if not question:
            yield list(chat), list(chat), history, "", ""
            return
        engine = engine or self.default_engine()
        chat.append({"role": "user", "content": fmt.esc(question)})
        chat.append({"role": "assistant", "content": fmt.streaming_html("…")})
        yield list(chat), list(chat), history, "", ""
        if engine == "llm" and not self.llm_configured():
            chat[-1] = {"role": "assistant", "content": fmt.notice_html(self._llm_missing())}
            yield list(chat), list(chat), history, "", ""
            return
        prefix = f"a{len(history) // 2 + 1}-{uuid.uuid4().hex[:6]}"
        text, final = "", None
        try:
            for piece in self.a.stream(
                question, history, filters or None, engine, passages=passages or None
            ):
                if isinstance(piece, Answer):
                    final = piece
                    break
                text += piece
                chat[-1] = {"role": "assistant", "content": fmt.streaming_html(text)}
                yield list(chat), list(chat), history, "", ""
        except Exception as exc:  # a failing LLM server, a broken store: say so, keep the chat
            log.exception("answering %r failed", question[:200])
            chat[-1] = {"role": "assistant", "content": fmt.notice_html(f"Could not answer: {exc}")}
            yield list(chat), list(chat), history, "", ""
            return
        if final is None:
            final = Answer(text=text or "No answer.", abstained=not text, question=question)
        chat[-1] = {"role": "assistant", "content": fmt.answer_html(final, prefix)}
        plain = fmt.answer_plain(final)
        history += [
            {"role": "user", "content": question},
            # "answer": for ui_conversations.save, which keeps the turn and drops it from here
            {"role": "assistant", "content": final.text, "answer": final.to_dict()},
        ]
        yield list(chat), list(chat), history, "", plain

    def clear_chat(self) -> tuple[list[Any], list[Any], list[Any], str]:
        return [], [], [], ""

    def filters_note(self, filters: dict[str, Any] | None) -> str:
        return fmt.filters_summary(filters)

    # --- sources ----------------------------------------------------------------------------

    def ingest_files(
        self,
        files: list[str] | None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[str, None]:
        paths = [str(f) for f in (files or [])]
        if not paths:
            return "Choose one or more files first.", None
        progress(0, desc="Reading files…")

        def step(done: int, total: int, current: str) -> None:
            name = str(current).replace("\\", "/").rsplit("/", 1)[-1]
            progress((done, total), desc=f"Indexing {name}", unit="files")

        try:
            report = self.a.ingest(paths, progress=step)
        finally:
            discard_uploads(paths)
        return fmt.report_markdown(names_only(report, paths), "Upload"), None

    def ingest_text(
        self, text: str, title: str, source: str, date: str, url: str
    ) -> tuple[str, str]:
        if not (text or "").strip():
            return "Paste some text first.", text
        meta = {
            k: v.strip()
            for k, v in {"title": title, "source": source, "date": date, "url": url}.items()
            if v and v.strip()
        }
        report = self.a.ingest_text(text, **meta)
        return fmt.report_markdown(report, "Pasted text"), ""

    def delete(self, doc_id: str | None) -> tuple[str, None]:
        doc_id = (doc_id or "").strip()
        if not doc_id:
            return "Choose a document to delete.", None
        if self.a.delete(doc_id):
            return f"Deleted document {fmt.md_code(doc_id)}.", None
        return f"No document with id {fmt.md_code(doc_id)}.", None

    def documents(self) -> list[list[object]]:
        return fmt.documents_rows(self.a.documents())

    def doc_headers(self) -> list[str]:
        return list(fmt.DOC_HEADERS)

    def position_headers(self) -> list[str]:
        return list(fmt.POSITION_HEADERS)

    def position_types(self) -> list[str]:
        return list(fmt.POSITION_TYPES)

    def set_filters(
        self, date_from: str, date_to: str, sources: list[str] | None
    ) -> tuple[Any, ...]:
        date_from, date_to = (date_from or "").strip(), (date_to or "").strip()
        for label, value in (("Date from", date_from), ("Date to", date_to)):
            if value and not _ISO_DATE.match(value):
                message = f"{label} must look like 2024-03-15."
                return gr.skip(), f"**{message}**", gr.skip()
        if date_from and date_to and date_from > date_to:
            return gr.skip(), "**Date from is after date to.**", gr.skip()
        filters: dict[str, Any] = {}
        if sources:
            filters["sources"] = list(sources)
        if date_from:
            filters["date_from"] = date_from
        if date_to:
            filters["date_to"] = date_to
        note = fmt.filters_summary(filters or None)
        return filters or None, note, note

    def clear_filters(self) -> tuple[Any, ...]:
        note = fmt.filters_summary(None)
        return None, note, note, "", "", []

    # --- settings ---------------------------------------------------------------------------

    def default_engine(self) -> str:
        """The configured engine, or extractive while the LLM is not set up."""
        return self.a.engine_info().usable_engine

    def llm_configured(self) -> bool:
        return self.a.llm_configured

    def llm_description(self) -> str:
        info = self.a.engine_info()
        if not info.llm_configured:
            return (
                "**LLM:** not configured (set `BRIEFING_LLM_PROVIDER`, "
                "`BRIEFING_LLM_BASE_URL` and `BRIEFING_LLM_MODEL`, then restart)."
            )
        where = (
            fmt.md_code(info.llm_base_url) if info.llm_base_url else "the provider's default URL"
        )
        return (
            f"**LLM:** {fmt.md_code(info.llm_model)} via {fmt.md_text(info.llm_provider)} "
            f"at {where}"
        )

    def _llm_missing(self) -> str:
        return (
            "The LLM engine is not configured: no model is set. Set BRIEFING_LLM_PROVIDER, "
            "BRIEFING_LLM_BASE_URL and BRIEFING_LLM_MODEL and restart, or use the "
            "extractive engine (Settings tab)."
        )

    def set_engine(self, choice: str) -> tuple[str, str, str]:
        if choice == "llm" and not self.llm_configured():
            return "extractive", "extractive", f"**{self._llm_missing()}**"
        return choice, choice, f"Answers now use the **{choice}** engine."

    def passages(self) -> int:
        return self.a.engine_info().passages

    def set_passages(self, n: float) -> tuple[int, str]:
        """Set the number of passages for this session only (other users keep theirs)."""
        return int(n), f"Your questions now retrieve **{int(n)}** passages."

    def index_state(self) -> str:
        st = self.a.status()
        return fmt.index_markdown(st.documents, st.chunks, st.embedder, st.where)

    # --- positions and memos ------------------------------------------------------------------

    def party_choices(self) -> list[str]:
        return sorted({p.party for p in self.a.positions()})

    def positions(
        self, party: str | None, topic: str | None
    ) -> tuple[dict[str, Any], list[Position], str]:
        """The statements as table rows, kept for this session, and the first one's passage."""
        found = fmt.order_positions(
            self.a.positions(topic=(topic or "").strip() or None, party=party or None)
        )
        table = {"headers": list(fmt.POSITION_HEADERS), "data": fmt.positions_rows(found)}
        return table, found, fmt.position_source_html(found[0] if found else None)

    def position_source(self, shown: list[Position] | None, evt: gr.SelectData) -> Any:
        """The passage of the statement whose row was clicked (the row's first cell is its #)."""
        shown = shown or []
        row = evt.row_value or []
        try:
            n = int(row[0])
        except (IndexError, TypeError, ValueError):
            return gr.skip()
        if not 1 <= n <= len(shown):
            return gr.skip()
        return fmt.position_source_html(shown[n - 1], n)

    def memo(self, topic: str) -> tuple[str, list[str]]:
        """Write a memo; return its preview and the three export files to download."""
        import tempfile
        from pathlib import Path

        topic = (topic or "").strip()
        if not topic:
            return fmt.notice_html("Give the memo a topic first."), []
        memo = self.a.memo(topic)
        folder = Path(tempfile.mkdtemp(prefix="memo-"))
        stem = re.sub(r"[^A-Za-z0-9]+", "-", topic).strip("-").lower()[:60] or "memo"
        files = [
            str(memo.export(fmt_, folder / f"{stem}.{fmt_}")) for fmt_ in ("md", "docx", "html")
        ]
        return fmt.memo_html(memo), files

    def memo_from_chat(self, history: list[dict[str, str]] | None) -> tuple[Any, ...]:
        """Turn the conversation into a memo on what it was about (its first question)."""
        questions = [m["content"] for m in history or [] if m.get("role") == "user"]
        if not questions:
            return gr.skip(), fmt.notice_html("Ask a question first."), [], gr.skip()
        topic = questions[0].rstrip("?")
        preview, files = self.memo(topic)
        return topic, preview, files, gr.Tabs(selected="memo")

    # --- page load / refresh ----------------------------------------------------------------

    def start_tab(self) -> str:
        return "chat" if self.a.status().documents else "sources"

    def refresh(self) -> tuple[Any, ...]:
        docs = self.a.documents()
        return (
            fmt.documents_rows(docs),
            gr.Dropdown(choices=fmt.document_choices(docs), value=None),
            gr.Dropdown(choices=fmt.source_choices(docs)),
            self.index_state(),
            fmt.store_summary(len(docs)),
        )

    def on_load(self) -> tuple[Any, ...]:
        """Fill the tables; open Sources if the store is empty (never switch away from it)."""
        start = self.start_tab()
        return (gr.Tabs(selected=start) if start == "sources" else gr.skip(), *self.refresh())
