"""End to end in headless Chromium (Playwright, system /usr/bin/chromium; never downloaded).

The app runs with the LLM engine against the local OpenAI-compatible stub, streaming its reply
word by word, slowly enough to watch the answer arrive; the stub quotes the first sentence of
the first passage it is given, cited [1], so the verified answer keeps it. Screenshots go to
tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import ARTIFACTS
from tests.support.openai_stub import OpenAIStub, prompt_text
from tests.support.ui_app import HOSTILE, TRADE, Running, build_store, launch

WORD_DELAY = 0.06


def first_sentence_cited(request: dict) -> str:
    """`<first sentence of passage [1]> [1].`: a reply the verifier keeps."""
    m = re.search(r"\[1\][^\n]*\n```\n(.*?)\n```", prompt_text(request), re.S)
    first = re.split(r"(?<=[.!?])\s+", m.group(1).strip())[0] if m else ""
    return f"{first.rstrip('.')} [1]." if first else "The sources do not say."


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[str]:
    with OpenAIStub(first_sentence_cited, word_delay=WORD_DELAY) as stub:
        a = build_store(
            tmp_path_factory.mktemp("browser") / "store",
            real_embedder,
            engine="llm",
            llm_provider="openai",
            llm_model="stub-model",
            llm_base_url=stub.base_url,
        )
        r: Running = launch(a)
        yield r.url
        r.ui.close()
        a.close()


@pytest.fixture
def page(browser: Any, app_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    p = context.new_page()
    p.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        p.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    p.on("dialog", on_dialog)
    p.goto(app_url)
    p.wait_for_selector("#question textarea", timeout=30_000)
    p.locator("#chat-index", has_text="in the store").wait_for(timeout=30_000)  # page loaded
    yield p
    context.close()


WATCH_STREAM = """() => {
  window.__seen = [];
  const root = document.querySelector('#chatbot');
  new MutationObserver(() => {
    const el = root.querySelector('.briefing-answer.streaming');
    if (el) { const t = el.innerText; if (window.__seen.at(-1) !== t) window.__seen.push(t); }
  }).observe(root, {subtree: true, childList: true, characterData: true});
}"""


def ask(page: Any, question: str, answers_before: int) -> Any:
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    final = page.locator("#chatbot .briefing-answer:not(.streaming)")
    final.nth(answers_before).wait_for(timeout=60_000)
    return final.nth(answers_before)


def test_answer_streams_in_with_footnotes_and_highlighted_source(page: Any) -> None:
    page.evaluate(WATCH_STREAM)
    answer = ask(page, "What pay rise did the Halvern union accept?", 0)
    seen = page.evaluate("window.__seen")
    grown = [t for t in seen if t.strip() not in ("", "…")]
    assert len(grown) >= 3, seen  # the text arrived piece by piece
    assert all(a in b for a, b in zip(grown, grown[1:], strict=False)), seen
    assert "seven percent pay rise" in answer.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat_answer.png"), full_page=True)

    fn = answer.locator("sup.fn a").first
    assert fn.inner_text() == "[1]"
    target = fn.get_attribute("href")
    assert target and target.startswith("#")
    source = answer.locator(f"li{target}")
    assert "Halvern dock strike ends with pay deal" in source.inner_text()
    assert "Coastal Ledger" in source.inner_text() and "2024-03-04" in source.inner_text()
    assert source.locator("a.src-title").get_attribute("href") == (
        "https://ledger.example/strike-ends"
    )
    mark = source.locator("mark")
    assert not mark.is_visible()  # the passage is folded until asked for
    fn.click()
    source.locator("summary").click()
    mark.wait_for(state="visible")
    assert "seven percent pay rise" in mark.inner_text()
    assert "four percent" not in mark.inner_text()
    jump = source.locator("a.src-jump").get_attribute("href")
    assert jump and jump.startswith("https://ledger.example/strike-ends#:~:text=Port%20workers")
    page.screenshot(path=str(ARTIFACTS / "chat_source_open.png"), full_page=True)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_hostile_article_renders_as_text(page: Any) -> None:
    answer = ask(page, "What was painted on the Zanthor council notice board?", 0)
    text = answer.inner_text()
    assert "<script>alert(1)</script>" in text  # visible, literally
    answer.locator("summary").first.click()
    assert "<img src=x onerror=alert(1)>" in answer.inner_text()
    chat = page.locator("#chatbot")
    assert chat.locator("script").count() == 0 and chat.locator("img[src='x']").count() == 0
    assert chat.locator("b", has_text="Bad").count() == 0  # the outlet's <b> is text too
    assert chat.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "chat_hostile.png"), full_page=True)

    page.get_by_role("tab", name="Sources").click()
    table = page.locator("#documents")
    table.get_by_text(HOSTILE["title"]).filter(visible=True).first.wait_for(timeout=15_000)
    assert table.locator("script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "sources_table.png"), full_page=True)
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_upload_in_the_browser_lists_the_file(page: Any, tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(
        "title: Skarra ferry back in service\nsource: Island Post\ndate: 2024-02-10\n---\n"
        "The ferry between Skarra and the mainland resumed on Saturday after pier repairs.\n",
        encoding="utf-8",
    )
    page.get_by_role("tab", name="Sources").click()
    page.locator("#upload input[type=file]").set_input_files(str(article))
    page.locator("#upload").get_by_text("ferry.txt").filter(visible=True).first.wait_for(
        timeout=90_000  # the upload round trip; over 45 s on a 2-core machine under load
    )
    page.get_by_role("button", name="Add files").click()
    page.locator("#ingest-report", has_text="1 added").wait_for(timeout=60_000)
    table = page.locator("#documents")
    table.get_by_text("Skarra ferry back in service").filter(visible=True).first.wait_for(
        timeout=15_000
    )
    page.screenshot(path=str(ARTIFACTS / "sources_uploaded.png"), full_page=True)
    page.get_by_role("tab", name="Settings").click()
    page.locator("#index-state", has_text="5 documents").wait_for(timeout=15_000)
    body = page.locator("body").inner_text()
    assert "stub-model" in body and "http://127.0.0.1:" in body  # the LLM in use is shown
    page.screenshot(path=str(ARTIFACTS / "settings.png"), full_page=True)


@pytest.fixture(scope="module")
def trade_url(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[str]:
    store = tmp_path_factory.mktemp("browser-trade") / "store"
    r: Running = launch(build_store(store, real_embedder, articles=TRADE))
    yield r.url
    r.ui.close()
    r.assistant.close()


def test_positions_and_memo_tabs_in_the_browser(browser: Any, trade_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    p = context.new_page()
    try:
        p.goto(trade_url)
        p.wait_for_selector("#question textarea", timeout=30_000)
        p.get_by_role("tab", name="Positions").click()
        p.get_by_role("button", name="Show positions").click()
        table = p.locator("#positions")  # the Dataframe
        table.get_by_text("joint scientific survey").filter(visible=True).first.wait_for(
            timeout=30_000
        )
        assert "Canada" in table.inner_text() and "Norway" in table.inner_text()
        # parties found in the text, not in any registry, hold their own positions
        table.get_by_text("Brindle Seafoods").filter(visible=True).first.wait_for(timeout=10_000)
        assert "Trawlermen's Guild" in table.inner_text()
        source = p.locator("#position-source")
        source.locator("details.src-passage").first.wait_for(timeout=10_000)
        # a click on a statement shows its cited passage, the sentence highlighted
        offer = "Norway offered a joint scientific survey"
        table.get_by_text(offer).filter(visible=True).first.click()
        source.locator(".pos", has_text=offer).wait_for(timeout=10_000)
        first = source.locator("details.src-passage").first
        first.locator("summary").click()
        assert first.locator("mark").first.is_visible()
        assert offer in first.locator("mark").first.inner_text()
        p.screenshot(path=str(ARTIFACTS / "positions.png"), full_page=True)
        p.get_by_role("tab", name="Memo").click()
        p.fill("#memo-topic textarea", "the cod quota dispute")
        p.get_by_role("button", name="Write memo").click()
        preview = p.locator("#memo-preview .memo")
        preview.wait_for(timeout=60_000)
        text = preview.inner_text()
        assert "Bottom line" in text and "sources" in text.lower()
        p.locator("#memo-preview sup.fn a").first.wait_for(timeout=10_000)
        assert p.get_by_text(".docx").first.is_visible(timeout=10_000)
        p.screenshot(path=str(ARTIFACTS / "memo.png"))
    finally:
        context.close()
