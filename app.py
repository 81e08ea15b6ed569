"""The Gradio web app: `create_ui(services)` builds it, `main()` launches it.

The UI only calls the Python API and formats what it returns.
"""

from __future__ import annotations

from typing import Any

from assistant.settings import Settings


def create_ui(assistant: Any) -> Any:
    import gradio as gr

    with gr.Blocks(title="Briefing Assistant") as ui:
        gr.Markdown("# Briefing Assistant\nLoad articles, then search them.")
        with gr.Tab("Search"):
            query = gr.Textbox(label="Query")
            results = gr.Markdown()
            query.submit(lambda q: _format_hits(assistant.search(q, k=5)), query, results)
        with gr.Tab("Sources"):
            table = gr.Dataframe(
                headers=["title", "source", "date", "chunks"],
                value=lambda: [[d.title, d.source, d.date, d.chunks] for d in assistant.documents()],
            )
    return ui


def _format_hits(hits: list[Any]) -> str:
    import html

    if not hits:
        return "_No passages found._"
    return "\n\n".join(
        f"**[{i}] {html.escape(p.title)}** ({html.escape(p.source)}, {p.date})\n\n> "
        + html.escape(p.text[:500])
        for i, p in enumerate(hits, 1)
    )


def main(settings: Settings | None = None) -> None:
    from assistant.api import Assistant
    from assistant.services import build_services

    settings = settings or Settings()
    assistant = Assistant(build_services(settings))
    if assistant.services.catalog.counts()[0] == 0 and settings.samples:
        existing = [p for p in settings.samples if p.exists()]
        if existing:
            report = assistant.ingest(existing)
            print(f"ingested samples: {report.to_dict()}")
    create_ui(assistant).launch(server_name=settings.host, server_port=settings.port)


if __name__ == "__main__":
    main()
