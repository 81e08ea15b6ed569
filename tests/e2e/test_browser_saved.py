"""In headless Chromium, the app as `briefing serve` runs it (the REST API with the UI mounted,
one uvicorn server): a conversation survives a reload and reopens with its citations; a page is
added by its address; the documents table fits a 1366 px wide screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.browser import ARTIFACTS
from tests.support.rest_app import serve_app
from tests.support.ui_app import build_store
from tests.support.web import PAGES, NewsServer

QUESTION = "What pay rise did the Halvern union accept?"

# Elements inside the documents table that scroll sideways (their content wider than they are).
SIDEWAYS = """() => [...document.querySelectorAll('#documents *')].filter(el => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
}).map(el => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)"""


@pytest.fixture(scope="module")
def news() -> Iterator[NewsServer]:
    server = NewsServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[str]:
    a = build_store(
        tmp_path_factory.mktemp("browser-saved") / "store",
        real_embedder,
        fetch_allow_hosts="127.0.0.1",
    )
    a.ingest_text(  # a long headline and outlet: the table must wrap them, not scroll sideways
        "Harbour pilots in Halvern and Brenmouth agreed on Tuesday to share night shifts "
        "through the winter, the pilots' association said after a meeting in the town hall.",
        title="Harbour pilots in Halvern and Brenmouth agree to share night shifts through the "
        "winter after a long dispute over rosters, overtime and the cost of the new launch",
        source="The Coastal Ledger and Maritime Gazette (Halvern edition)",
        date="2024-11-02",
    )
    with serve_app(a) as base:
        yield base + "/"
    a.close()


@pytest.fixture
def page(browser: Any, app_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    p = context.new_page()
    p.goto(app_url)
    p.wait_for_selector("#question textarea", timeout=30_000)
    p.locator("#chat-index", has_text="in the store").wait_for(timeout=30_000)
    yield p
    context.close()


def test_a_saved_conversation_reopens_with_its_citations(page: Any, app_url: str) -> None:
    page.fill("#question textarea", QUESTION)
    page.press("#question textarea", "Enter")
    answer = page.locator("#chatbot .briefing-answer:not(.streaming)").first
    answer.wait_for(timeout=60_000)
    assert "seven percent" in answer.inner_text()
    page.get_by_text("Saved conversations").click()
    saved = page.locator("#saved")
    # the turn is saved once the answer is in: the list names it by its question
    page.wait_for_function(
        "q => document.querySelector('#saved input')?.value.startsWith(q)", arg=QUESTION
    )
    page.reload()  # a reload used to lose the conversation
    page.wait_for_selector("#question textarea", timeout=30_000)
    assert page.locator("#chatbot .briefing-answer").count() == 0
    page.get_by_text("Saved conversations").click()
    saved.locator("input").click()
    page.get_by_role("option", name=QUESTION).first.click(timeout=15_000)
    page.locator("#saved-open").click()
    reopened = page.locator("#chatbot .briefing-answer").first
    reopened.wait_for(timeout=30_000)
    assert "seven percent" in reopened.inner_text()
    assert QUESTION in page.locator("#chatbot").inner_text()
    fn = reopened.locator("sup.fn a").first
    assert fn.inner_text() == "[1]"
    source = reopened.locator(f"li{fn.get_attribute('href')}")
    assert "Halvern dock strike ends with pay deal" in source.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat_reopened.png"), full_page=True)
    page.fill("#saved-title textarea", "Dock strike pay")
    page.get_by_role("button", name="Rename").click()
    page.wait_for_function(
        "() => document.querySelector('#saved input')?.value.startsWith('Dock strike pay')"
    )
    page.get_by_role("button", name="Export Markdown").click()
    page.locator("#saved-note", has_text="as Markdown").wait_for(timeout=15_000)
    link = page.locator("#saved-conversations a[href*='dock-strike-pay.md']").first
    link.wait_for(timeout=15_000)
    exported = httpx.get(str(link.get_attribute("href")), timeout=30).text
    assert exported.startswith("# Dock strike pay") and "Halvern dock strike ends" in exported
    page.get_by_role("button", name="Delete").first.click()
    page.locator("#saved-note", has_text="Deleted").wait_for(timeout=15_000)
    saved.locator("input").click()
    assert page.get_by_role("option", name="Dock strike pay").count() == 0


def test_add_from_address_and_the_documents_table_fits_1366px(page: Any, news: NewsServer) -> None:
    page.get_by_role("tab", name="Sources").click()
    page.fill("#address textarea", f"{news.base}/article/orchard")
    page.get_by_role("button", name="Add from address").click()
    page.locator("#ingest-report", has_text="1 added").wait_for(timeout=60_000)
    table = page.locator("#documents")
    title = PAGES["orchard"]["title"]
    table.get_by_text(title).filter(visible=True).first.wait_for(timeout=15_000)
    for column in ("title", "source", "date"):
        header = table.get_by_text(column, exact=True).filter(visible=True).first
        box = header.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1366, column
    assert page.evaluate(SIDEWAYS) == []
    page.screenshot(path=str(ARTIFACTS / "sources_address.png"), full_page=True)
