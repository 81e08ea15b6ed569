"""The web app through gradio_client, against a launched server on a small real-embedder store.

The articles (tests/support/ui_app.py) are invented. One of them is hostile (script and img tags
in its title, text and url); it must come back escaped everywhere. The pure formatting helpers
are tested in tests/unit/test_ui_format.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.ui_app import TRADE, Running, build_store, launch


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[Running]:
    a = build_store(tmp_path_factory.mktemp("ui") / "store", real_embedder)
    r = launch(a)
    yield r
    r.ui.close()
    a.close()


def client(r: Running) -> Any:
    from gradio_client import Client

    return Client(r.url, verbose=False)


def last_html(chat: list[dict[str, Any]]) -> str:
    content = chat[-1]["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def ask(c: Any, question: str) -> tuple[list[dict[str, Any]], str]:
    chat, cleared, plain = c.predict(question, api_name="/ask")
    assert cleared == ""
    return chat, plain


def documents(c: Any) -> list[list[Any]]:
    table = c.predict(api_name="/documents")[0]
    return table["data"] if isinstance(table, dict) else table


# --- through the server ---------------------------------------------------------------------


def test_ask_returns_a_cited_answer_with_its_source(running: Running) -> None:
    chat, plain = ask(client(running), "What pay rise did the Halvern union accept?")
    html = last_html(chat)
    assert chat[-1]["role"] == "assistant" and chat[-2]["role"] == "user"
    assert "seven percent" in html
    m = re.search(r'<sup class="fn"><a href="#([\w-]+)-src-1"[^>]*>\[1\]</a></sup>', html)
    assert m, html  # the [1] marker became a footnote link ...
    assert f'id="{m.group(1)}-src-1"' in html  # ... to the source shown under the answer
    assert "Halvern dock strike ends with pay deal" in html and "Coastal Ledger" in html
    assert "2024-03-04" in html
    assert "<details" in html and "<mark>" in html  # the passage, cited sentence highlighted
    mark = re.search(r"<mark>(.*?)</mark>", html).group(1)  # type: ignore[union-attr]
    assert "seven percent pay rise" in mark and "four percent" not in mark
    assert 'href="https://ledger.example/strike-ends#:~:text=Port%20workers%20in%20Halvern' in html
    assert "[1]" in plain and "Halvern dock strike ends with pay deal" in plain  # copyable


def test_abstention_says_the_sources_do_not_say(running: Running) -> None:
    chat, _ = ask(client(running), "What is the boiling point of liquid nitrogen on Neptune?")
    html = last_html(chat)
    assert "The sources do not say" in html and "abstained" in html
    assert "Closest passages" in html
    assert '<sup class="fn">' not in html


def test_follow_up_keeps_history_per_session(running: Running) -> None:
    c1, c2 = client(running), client(running)
    ask(c1, "What does Valmora demand from Ostrand?")
    chat, _ = ask(c1, "Where did the delegations meet?")
    assert len(chat) == 4  # both turns, in this session only
    assert "Lindau" in last_html(chat)
    other, _ = ask(c2, "What did Ostrand offer?")
    assert len(other) == 2  # a second user starts with an empty history
    assert "monitoring mission" in last_html(other)
    assert c1.predict(api_name="/clear")[0] == []
    chat, _ = ask(c1, "What did Ostrand offer?")
    assert len(chat) == 2  # a new conversation


def test_upload_files_then_listed_and_deleted(running: Running, tmp_path: Path) -> None:
    c = client(running)
    from gradio_client import handle_file

    ferry = tmp_path / "ferry.txt"
    ferry.write_text(
        "title: Skarra ferry resumes service\nsource: Island Post\ndate: 2024-02-10\n---\n"
        "The ferry between Skarra and the mainland resumed on Saturday after pier repairs.\n",
        encoding="utf-8",
    )
    glacier = tmp_path / "glacier.md"
    glacier.write_text(
        "---\ntitle: Felden glacier retreats forty metres\nsource: Alpine Wire\n---\n"
        "Surveyors measured a retreat of forty metres at the Felden glacier this summer.\n",
        encoding="utf-8",
    )
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    report, files = c.predict(
        [handle_file(str(ferry)), handle_file(str(glacier)), handle_file(str(broken))],
        api_name="/ingest_files",
    )
    assert "2 added" in report and "1 failed" in report and "empty" in report, report
    rows = documents(c)
    titles = [row[0] for row in rows]
    assert "Skarra ferry resumes service" in titles
    assert "Felden glacier retreats forty metres" in titles
    ferry_row = next(row for row in rows if row[0] == "Skarra ferry resumes service")
    assert ferry_row[1] == "Island Post" and ferry_row[2] == "2024-02-10"
    assert int(ferry_row[3]) >= 1
    deleted, _ = c.predict(ferry_row[4], api_name="/delete")
    assert "Deleted" in deleted
    assert "Skarra ferry resumes service" not in [row[0] for row in documents(c)]


def test_paste_text_with_metadata(running: Running) -> None:
    c = client(running)
    report, box = c.predict(
        "The Lindmoor orchards reported a record apple harvest after a mild spring.",
        "Record apple harvest in Lindmoor",
        "Valley Farm News",
        "2024-09-30",
        "",
        api_name="/add_text",
    )
    assert "1 added" in report and box == ""
    rows = documents(c)
    assert ["Record apple harvest in Lindmoor", "Valley Farm News", "2024-09-30"] in [
        row[:3] for row in rows
    ]


def test_hostile_article_is_escaped(running: Running) -> None:
    chat, _ = ask(client(running), "What was painted on the Zanthor council notice board?")
    html = last_html(chat)
    assert "Zanthor" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Bad&lt;/b&gt; Outlet" in html
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<b>" not in lowered
    assert "javascript:" not in lowered.replace("javascript:alert(1)", "")
    assert 'href="javascript' not in lowered  # a non-http(s) url is never a link
    user_turn = last_html(chat[:-1])
    assert "<" not in user_turn.replace("&lt;", "")  # the question is escaped too


def test_filters_restrict_the_chat(running: Running) -> None:
    c = client(running)
    status, note = c.predict("", "", ["Northern Courier"], api_name="/set_filters")
    assert "Northern Courier" in status and status == note
    chat, _ = ask(c, "What pay rise did the Halvern union accept?")
    html = last_html(chat)
    assert "Coastal Ledger" not in html  # the only source that says it is filtered out
    bad, _ = c.predict("March 2024", "", [], api_name="/set_filters")
    assert "2024-03-15" in bad  # a clear message, filters unchanged
    c.predict(api_name="/clear_filters")
    chat, _ = ask(c, "What pay rise did the Halvern union accept?")
    assert "Coastal Ledger" in last_html(chat)
    c.predict("2024-05-01", "2024-05-31", [], api_name="/set_filters")
    chat, _ = ask(c, "What pay rise did the Halvern union accept?")
    assert "Coastal Ledger" not in last_html(chat)


def test_llm_without_a_model_shows_a_clear_message(running: Running) -> None:
    engine, note = client(running).predict("llm", api_name="/set_engine")
    assert engine == "extractive"
    assert "not configured" in note and "BRIEFING_LLM_MODEL" in note


def test_settings_show_the_index_state(running: Running) -> None:
    out = client(running).predict(api_name="/documents")
    index = out[-2]
    assert out[-1].endswith("documents in the store.")
    status = running.assistant.status()
    assert f"{status.documents} documents" in index and f"{status.chunks} chunks" in index
    assert status.embedder in index
    assert "embedded Chroma" in index and "catalog in SQLite" in index


# --- main() ---------------------------------------------------------------------------------


def test_main_ingests_samples_on_first_start_and_passes_auth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, real_embedder: Any
) -> None:
    import app
    from assistant.settings import Settings

    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "a.txt").write_text(
        "title: Brenna rail tunnel opens\nsource: Alpine Wire\n---\n"
        "A new rail tunnel under the Brenna pass opened to passenger trains on Friday.\n",
        encoding="utf-8",
    )
    launched: dict[str, Any] = {}

    def fake_serve(server: Any, host: str, port: int) -> None:  # the API with the UI mounted
        [ui] = [r.app for r in server.routes if getattr(r, "path", None) == ""]
        blocks = ui.get_blocks()
        launched.update(server_name=host, server_port=port, auth=ui.auth, blocks=blocks)
        launched.update(max_file_size=blocks.max_file_size, css=blocks.css)

    monkeypatch.setattr(app, "serve", fake_serve)
    monkeypatch.setattr(
        "assistant.services.build_embedder", lambda settings, stored=None: real_embedder
    )
    monkeypatch.setenv("BRIEFING_AUTH", "analyst:s3cret:with-colon")
    settings = Settings(
        store=tmp_path / "store", samples=[samples, tmp_path / "missing"], port=7999
    )
    app.main(settings)
    assert launched["server_port"] == 7999 and launched["server_name"] == "127.0.0.1"
    login = launched["auth"]  # the app's login check (rate-limited: assistant/logins.py)
    assert login("analyst", "s3cret:with-colon") and not login("analyst", "s3cret")
    assert launched["max_file_size"] == 100 * 1024 * 1024  # the limit ingestion applies
    assert "briefing-answer" in launched["css"]
    from assistant.api import open_assistant

    with open_assistant(tmp_path / "store", embedder=real_embedder) as a:
        assert [d.title for d in a.documents()] == ["Brenna rail tunnel opens"]


def test_main_starts_the_parser_before_the_first_upload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, real_embedder: Any
) -> None:
    """The parser's child loads spaCy while the app starts, so an analyst's first upload does
    not wait for it (measured 1.10 -> 0.38 s), and that child is the one that parses it.
    """
    import app
    from assistant.settings import Settings
    from index.language import shared_parser

    settings = Settings(store=tmp_path / "store", samples=[], port=7998)
    parser = shared_parser(settings.spacy_model, settings.spacy_process)
    child = parser._child
    assert child is not None  # the default: the parse runs in a child process
    child.close()  # whatever an earlier test left running
    launched: list[Any] = []
    monkeypatch.setattr(app, "serve", lambda server, host, port: launched.append(server))
    monkeypatch.setattr(
        "assistant.services.build_embedder", lambda settings, stored=None: real_embedder
    )
    app.main(settings)
    assert launched and child._proc is not None and child._proc.poll() is None
    pid = child._proc.pid
    from assistant.api import open_assistant

    with open_assistant(tmp_path / "store", embedder=real_embedder) as a:
        a.ingest_text(
            "The dockers' union rejected the port authority's pay offer on Monday.",
            title="Dockers reject offer",
            source="Harbour Wire",
        )
        assert [(p.party, p.stance) for p in a.positions()] == [("Dockers", "rejects")]
        assert child.pid == pid


def test_opens_on_sources_when_the_store_is_empty(tmp_path: Path, real_embedder: Any) -> None:
    import app

    a = build_store(tmp_path / "empty", real_embedder, articles=[])
    try:
        ui = app.create_ui(a)
        tabs = next(b for b in ui.blocks.values() if type(b).__name__ == "Tabs")
        assert tabs.selected == "sources"
        a.ingest_text("The Brenna tunnel opened on Friday.", title="Tunnel opens")
        tabs = next(b for b in app.create_ui(a).blocks.values() if type(b).__name__ == "Tabs")
        assert tabs.selected == "chat"
    finally:
        a.close()


def test_read_auth_from_a_file(tmp_path: Path) -> None:
    from app import read_auth

    f = tmp_path / "users"
    f.write_text("# analysts\nana:pw1\n\nbo:pw:2\n", encoding="utf-8")
    assert read_auth(str(f)) == [("ana", "pw1"), ("bo", "pw:2")]
    assert read_auth("") is None and read_auth(None) is None
    with pytest.raises(ValueError):
        read_auth("no-colon-here")


# --- positions and memos ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def trade(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[Running]:
    a = build_store(tmp_path_factory.mktemp("trade") / "store", real_embedder, articles=TRADE)
    r = launch(a)
    yield r
    r.ui.close()
    a.close()


def positions(c: Any, party: str | None) -> tuple[list[dict[str, Any]], str]:
    """The Positions table as one dict a row (by header), and the first statement's passage."""
    table, source = c.predict(party, "", api_name="/positions")
    return [dict(zip(table["headers"], row, strict=True)) for row in table["data"]], source


def test_positions_tab_shows_each_party_with_cited_statements(trade: Running) -> None:
    rows, source = positions(client(trade), "Canada")
    assert rows and {r["party"] for r in rows} == {"Canada"}  # Canada's own only
    demands = [r for r in rows if r["stance"] == "demands"]
    assert any("cut its cod quota" in r["statement"] for r in demands)
    assert all(r["statement"].startswith("Canada") for r in rows)
    assert any("(https://harbour.example/quotas)" in r["source"] for r in rows)  # cited, linked
    assert [r["#"] for r in rows] == list(range(1, len(rows) + 1))
    # the first statement's passage, its sentence highlighted
    assert 'href="https://harbour.example/quotas"' in source and "<mark>" in source
    assert re.search(r'<div class="pos">Canada', source)
    everyone, _ = positions(client(trade), None)
    statements = " ".join(r["statement"] for r in everyone)
    assert "Norway rejected the Canadian proposal" in statements
    assert "joint scientific survey" in statements  # Norway's offer
    # a quote is filed under its speaker, learned from "Norwegian Fisheries Minister Kari Dahl"
    dahl = [r for r in everyone if r["statement"].startswith("Norwegian Fisheries Minister")]
    assert dahl and all(r["party"] == "Norway" for r in dahl)
    assert any("own words" in r["notes"] for r in everyone)
    # parties no registry knows are found in the text and hold their own statements
    parties = {r["party"] for r in everyone}
    assert {"Brindle Seafoods", "Trawlermen's Guild"} <= parties
    guild = [r for r in everyone if r["party"] == "Trawlermen's Guild"]
    assert any(r["stance"] == "warns" and "threatened to strike" in r["statement"] for r in guild)


def test_memo_tab_previews_and_offers_three_downloads(trade: Running) -> None:
    preview, files = client(trade).predict("the cod quota dispute", api_name="/memo")
    assert "Bottom line" in preview and "Sources" in preview
    assert re.search(r'<sup class="fn"><a href="#m-src-1"', preview)
    paths = sorted(
        (Path(f if isinstance(f, str) else f["path"]) for f in files), key=lambda p: p.suffix
    )
    assert [p.suffix for p in paths] == [".docx", ".html", ".md"]
    md = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    assert md.startswith("# Briefing:") and "[1]" in md
    empty, none = client(trade).predict("  ", api_name="/memo")
    assert "topic" in empty and not none


def test_conversation_becomes_a_memo(trade: Running) -> None:
    c = client(trade)
    ask(c, "What quota cut does Canada demand?")
    topic, preview, files = c.predict(api_name="/memo_from_chat")[:3]
    assert topic == "What quota cut does Canada demand"
    assert "Bottom line" in preview and len(files) == 3


def test_with_auth_on_the_page_and_the_api_refuse_anonymous_calls(
    tmp_path: Path, real_embedder: Any
) -> None:
    import httpx
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    tunnel = [a for a in TRADE if a["title"].startswith("Norway offers")]
    r = launch(
        build_store(tmp_path / "store", real_embedder, articles=tunnel),
        auth=[("analyst", "s3cret")],
    )
    base = r.url.rstrip("/")
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            assert http.get("/config").status_code in (401, 403)
            info = http.get("/gradio_api/info")
            assert info.status_code in (401, 403)
            call = http.post("/gradio_api/call/documents", json={"data": []})
            assert call.status_code in (401, 403)
            # "/" serves only the static shell, which shows the login form: no app config
        with pytest.raises(AuthenticationError, match="credentials were not provided"):
            Client(base + "/", verbose=False)  # anonymous client cannot even read the API
        with pytest.raises(ValueError, match="Could not login"):
            Client(base + "/", auth=("analyst", "wrong"), verbose=False)  # a wrong password
        authed = Client(base + "/", auth=("analyst", "s3cret"), verbose=False)
        table = authed.predict(api_name="/documents")[0]  # the signed-in analyst sees the store
        rows = table["data"] if isinstance(table, dict) else table
        assert [row[0] for row in rows] == ["Norway offers joint survey of cod stocks"]
    finally:
        r.ui.close()
        r.assistant.close()


def test_uploads_above_the_size_limit_are_refused_over_http(
    tmp_path: Path, real_embedder: Any
) -> None:
    import httpx

    app = launch(build_store(tmp_path / "store", real_embedder, articles=[]), max_file_size="1kb")
    port = int(app.url.rstrip("/").rsplit(":", 1)[1])
    try:
        big = ("word " * 2000).encode()
        r = httpx.post(
            f"http://127.0.0.1:{port}/gradio_api/upload",
            files={"files": ("big.txt", big, "text/plain")},
            timeout=10,
        )
        assert r.status_code == 413
        small = httpx.post(
            f"http://127.0.0.1:{port}/gradio_api/upload",
            files={"files": ("small.txt", b"tiny", "text/plain")},
            timeout=10,
        )
        assert small.status_code == 200
    finally:
        app.ui.close()
        app.assistant.close()
