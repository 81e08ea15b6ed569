"""The Sources tab's web part: add a page or a feed by its address, and the feeds followed
(when each was last read, what it added or why it failed). Only the web app imports this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant import ui_format as fmt

if TYPE_CHECKING:
    from assistant.api import Assistant

FEED_HEADERS = [
    "feed",
    "title",
    "last read (UTC)",
    "last read's result",
    "added then",
    "added in all",
]


class WebHandlers:
    def __init__(self, assistant: Assistant) -> None:
        self.a = assistant

    def add(self, address: str) -> tuple[str, Any]:
        """Fetch a page (its article) or a feed (its items) on the server, with its limits."""
        address = (address or "").strip()
        if not address:
            return "Paste a web address (https://…) first.", gr.skip()
        if not address.lower().startswith(("http://", "https://")):
            return f"{fmt.md_code(address)} is not a web address (http:// or https://).", gr.skip()
        report = self.a.ingest_url(address)
        return fmt.report_markdown(report, "Address"), "" if not report.failed else gr.skip()

    def feeds(self) -> dict[str, Any]:
        rows = [
            [
                f.url,
                f.title,
                f.last_read.replace("T", " ")[:19],
                f.status,
                f.last_added,
                f.total_added,
            ]
            for f in self.a.feeds()
        ]
        return {"headers": FEED_HEADERS, "data": rows}


def address_box() -> tuple[Any, Any]:
    """The address field and its button."""
    with gr.Accordion("…or add a web page or feed by its address", open=True):
        address = gr.Textbox(
            label="Web address",
            placeholder="https://… (an article page, or an RSS/Atom feed: every item)",
            elem_id="address",
        )
        add = gr.Button("Add from address", elem_id="add-address")
    return address, add


def feeds_table(h: WebHandlers) -> Any:
    with gr.Accordion("Followed feeds", open=False, elem_id="feeds-panel"):
        gr.Markdown("Feeds added here or kept current by `briefing watch FEED_URL --every 15m`.")
        return gr.Dataframe(
            headers=FEED_HEADERS,
            interactive=False,
            show_label=False,
            wrap=True,
            elem_id="feeds",
        )
