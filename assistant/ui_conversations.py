"""The Chat tab's saved conversations: every answered question is kept for its user (the
login name, or "anonymous" without BRIEFING_AUTH), and the panel lists them to reopen with
their citations, rename, delete or download as Markdown.

The answer to save travels from `Handlers.respond` in the chat history (the last assistant
message's "answer", the verified `Answer` as a dict); `save` stores it and drops it from the
history, so a turn is saved once. Only the web app imports this module (and so Gradio).
"""

from __future__ import annotations

import re
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant import ui_format as fmt
from assistant.conversations import Conversation, answer_from_dict

if TYPE_CHECKING:
    from assistant.api import Assistant


def owner(request: gr.Request | None) -> str:
    return str(getattr(request, "username", None) or "anonymous")


class ConversationHandlers:
    def __init__(self, assistant: Assistant) -> None:
        self.a = assistant

    def choices(self, request: gr.Request) -> Any:
        return gr.Dropdown(choices=self._choices(owner(request)))

    def _choices(self, user: str) -> list[tuple[str, str]]:
        return [
            (f"{c.title} ({c.updated[:16].replace('T', ' ')}, {len(c.turns)} Q)", c.conversation_id)
            for c in self.a.conversations(user)
        ]

    def save(
        self, history: list[dict[str, Any]] | None, conversation_id: str | None, request: gr.Request
    ) -> tuple[Any, ...]:
        """Keep the turn just answered (if any) in this session's conversation."""
        history = [dict(m) for m in history or []]
        if len(history) < 2 or "answer" not in history[-1]:
            return history, conversation_id, gr.skip()
        answer = answer_from_dict(history[-1].pop("answer"))
        question = str(history[-2].get("content", ""))
        user = owner(request)
        cid = self.a.save_turn(user, conversation_id, answer, question)
        return history, cid, gr.Dropdown(choices=self._choices(user), value=cid)

    def new(self) -> None:
        return None

    def open(self, conversation_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """Show a saved conversation again, answers with their footnotes and sources."""
        found = self._get(conversation_id, request)
        if found is None:
            return (gr.skip(),) * 4 + ("Choose a saved conversation first.",)
        shown = render(found)
        return (
            shown,
            shown,
            found.history(),
            found.conversation_id,
            f"Opened “{fmt.md_text(found.title)}”.",
        )

    def rename(
        self, conversation_id: str | None, title: str, request: gr.Request
    ) -> tuple[Any, ...]:
        user = owner(request)
        if not conversation_id or not (title or "").strip():
            return gr.skip(), "Choose a conversation and type its new name.", gr.skip()
        if not self.a.rename_conversation(user, conversation_id, title):
            return gr.skip(), "No such conversation.", gr.skip()
        return gr.Dropdown(choices=self._choices(user), value=conversation_id), "Renamed.", ""

    def delete(
        self, conversation_id: str | None, current: str | None, request: gr.Request
    ) -> tuple[Any, ...]:
        user = owner(request)
        if not conversation_id or not self.a.delete_conversation(user, conversation_id):
            return gr.skip(), "Choose a saved conversation first.", gr.skip()
        still = None if current == conversation_id else current
        return gr.Dropdown(choices=self._choices(user), value=None), "Deleted.", still

    def export(self, conversation_id: str | None, request: gr.Request) -> tuple[Any, str]:
        found = self._get(conversation_id, request)
        if found is None:
            return None, "Choose a saved conversation first."
        folder = Path(tempfile.mkdtemp(prefix="conversation-"))
        stem = re.sub(r"[^A-Za-z0-9]+", "-", found.title).strip("-").lower()[:60] or "conversation"
        path = folder / f"{stem}.md"
        path.write_text(found.markdown(), encoding="utf-8")
        return str(path), f"Exported “{fmt.md_text(found.title)}” as Markdown."

    def _get(self, conversation_id: str | None, request: gr.Request) -> Conversation | None:
        if not conversation_id:
            return None
        return self.a.conversation(owner(request), conversation_id)


def render(found: Conversation) -> list[dict[str, str]]:
    """The chat messages of a saved conversation, as the Chat tab draws a fresh one."""
    shown = []
    tag = uuid.uuid4().hex[:6]
    for i, turn in enumerate(found.turns, 1):
        shown.append({"role": "user", "content": fmt.esc(turn.question)})
        shown.append({"role": "assistant", "content": fmt.answer_html(turn.answer, f"s{i}-{tag}")})
    return shown


def conversations_panel(
    h: ConversationHandlers,
    chatbot: Any,
    shown: Any,
    history: Any,
    asked: Any,
    cleared: Any,
) -> Any:
    """The 'Saved conversations' accordion under the chat; returns its list (filled on load)."""
    conversation_id = gr.State(None)  # this session's conversation, None until the first answer
    with gr.Accordion("Saved conversations", open=False, elem_id="saved-conversations"):
        with gr.Row():
            saved = gr.Dropdown(label="Your conversations", choices=[], scale=4, elem_id="saved")
            reopen = gr.Button("Open", scale=1, elem_id="saved-open")
            export = gr.Button("Export Markdown", scale=1)
            delete = gr.Button("Delete", variant="stop", scale=1)
        with gr.Row():
            title = gr.Textbox(label="New name", scale=4, elem_id="saved-title")
            rename = gr.Button("Rename", scale=1)
        note = gr.Markdown(elem_id="saved-note")
        download = gr.File(label="Markdown", interactive=False, height=80)
    asked.then(
        h.save,
        [history, conversation_id],
        [history, conversation_id, saved],
        api_visibility="private",
    )
    cleared.then(
        h.new, None, conversation_id, api_name="new_conversation", api_visibility="private"
    )
    reopen.click(
        h.open,
        saved,
        [chatbot, shown, history, conversation_id, note],
        api_name="open_conversation",
    )
    rename.click(h.rename, [saved, title], [saved, note, title], api_name="rename_conversation")
    delete.click(
        h.delete,
        [saved, conversation_id],
        [saved, note, conversation_id],
        api_name="delete_conversation",
    )
    export.click(h.export, saved, [download, note], api_name="export_conversation")
    return saved
