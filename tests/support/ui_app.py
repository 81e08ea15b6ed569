"""The web app under test: invented articles (one hostile), a store built from them and the app
launched on a free loopback port. Used by tests/integration/test_ui.py (through gradio_client)
and tests/e2e/test_browser.py (in Chromium).

The articles are invented. HOSTILE has script and img tags in its title, text and url; it must
come back escaped everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.servers import free_port

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ARTICLES: list[dict[str, str]] = [
    {
        "title": "Halvern dock strike ends with pay deal",
        "source": "Coastal Ledger",
        "date": "2024-03-04",
        "url": "https://ledger.example/strike-ends",
        "text": "Port workers in Halvern ended their strike on Monday after the union accepted a "
        "seven percent pay rise. The harbour authority had first offered four percent. The "
        "talks took place in the town hall of Brenmouth on Sunday night.",
    },
    {
        "title": "Valmora and Ostrand open border talks",
        "source": "Northern Courier",
        "date": "2024-05-13",
        "url": "https://courier.example/border-talks?id=7",
        "text": "Valmora demands that Ostrand withdraw its artillery from the Tessel valley. "
        "Ostrand offered a joint monitoring mission along the river instead. The two "
        "delegations met in the lakeside city of Lindau on 12 May.",
    },
    {
        "title": "Kestrel Rovers sign goalkeeper Ivo Marek",
        "source": "Sideline Weekly",
        "date": "2024-07-14",
        "url": "",
        "text": "Kestrel Rovers signed goalkeeper Ivo Marek from Millbrook on a three-year "
        "contract. The coach said Marek would start the opening match in August.",
    },
]
HOSTILE = {
    "title": "<script>alert(1)</script>Zanthor council row",
    "source": "<b>Bad</b> Outlet",
    "date": "2024-06-02",
    "url": "javascript:alert(1)",
    "text": "The mayor of Zanthor said <script>alert(1)</script> was painted on the council "
    "notice board. A second notice read <img src=x onerror=alert(1)> and was removed on "
    "Tuesday by the Zanthor caretaker.",
}


TRADE = [
    {
        "title": "Canada and Norway argue over fishing quotas",
        "source": "Harbour Times",
        "date": "2024-09-02",
        "url": "https://harbour.example/quotas",
        "text": "Canada demands that Norway cut its cod quota in the Barents Sea by a third. "
        "Norway rejected the Canadian proposal on Tuesday. Norwegian Fisheries Minister "
        'Kari Dahl said: "We will not accept quotas set in Ottawa." '
        "The two sides will meet again in Oslo on Friday.",
    },
    {
        "title": "Norway offers joint survey of cod stocks",
        "source": "Nordic Wire",
        "date": "2024-09-05",
        "url": "https://nordic.example/survey",
        "text": "Norway offered a joint scientific survey of cod stocks to settle the dispute "
        "with Canada. Canada called for the survey to start before the winter season.",
    },
    {  # parties no registry knows: they must be found in the text
        "title": "Trawler crews threaten strike at Brindle Seafoods",
        "source": "Coastal Ledger",
        "date": "2024-09-06",
        "url": "https://ledger.example/brindle",
        "text": "Brindle Seafoods rejected the Trawlermen's Guild's demand for a ten percent "
        "pay rise on Thursday. The guild threatened to strike from October if the company "
        "does not improve its offer.",
    },
]


@dataclass
class Running:
    url: str
    assistant: Any
    ui: Any


def build_store(
    store: Path, embedder: Any, articles: list[dict[str, str]] | None = None, **overrides: Any
) -> Any:
    """A store with `articles` (default: ARTICLES and HOSTILE) ingested as pasted text."""
    from assistant.api import open_assistant

    a = open_assistant(store, embedder=embedder, **overrides)
    for art in [*ARTICLES, HOSTILE] if articles is None else articles:
        meta = {k: v for k, v in art.items() if k != "text" and v}
        report = a.ingest_text(art["text"], **meta)
        assert report.added == 1, report.to_dict()
    return a


def launch(a: Any, **options: Any) -> Running:
    """The app on a free loopback port, not blocking; close with `.ui.close()`."""
    import app

    ui = app.create_ui(a)
    port = free_port()
    ui.launch(
        prevent_thread_lock=True,
        server_port=port,
        server_name="127.0.0.1",
        quiet=True,
        **{**app.launch_options(), **options},
    )
    return Running(f"http://127.0.0.1:{port}/", a, ui)
