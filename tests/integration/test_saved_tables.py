"""The followed-feeds log and saved conversations, on SQLite and on the shared PostgreSQL
catalog (one schema definition, index/migrations.py migration 2)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.conversations import ConversationStore
from assistant.types import Answer, Citation
from index.catalog import Catalog
from index.feeds import FeedLog


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Catalog]:
    if request.param == "sqlite":
        cat = Catalog(tmp_path / "catalog.sqlite3")
    else:
        from index.catalog_pg import PgCatalog

        pg_url: str = request.getfixturevalue("pg_url")
        cat = PgCatalog(pg_url, schema=f"t_{uuid.uuid4().hex[:10]}")
    yield cat
    cat.close()


def _answer(text: str, title: str) -> Answer:
    quote = text.split(" [1]")[0]
    cite = Citation(
        1,
        "d1",
        "d1:0",
        title,
        "Coastal Ledger",
        "2024-03-04",
        "https://x.example/a",
        quote,
        quote,
        (0, len(quote)),
        0.9,
    )
    return Answer(text=text, citations=[cite], question="q")


def test_feed_log_counts_reads_and_keeps_validators(catalog: Catalog) -> None:
    log = FeedLog(catalog)
    log.record("https://x.example/rss", "X News", "ok", 3, etag='"v1"')
    log.record("https://x.example/rss", "", "not modified", 0, etag='"v1"')
    log.record("https://y.example/atom", "", "the server answered HTTP 503", 0)
    [x, y] = log.feeds()
    assert (x.title, x.status, x.last_added, x.total_added) == ("X News", "not modified", 0, 3)
    assert y.status == "the server answered HTTP 503" and y.last_read
    assert log.validators("https://x.example/rss") == ('"v1"', "")
    assert log.forget("https://y.example/atom") and not log.forget("https://y.example/atom")
    assert [f.url for f in log.feeds()] == ["https://x.example/rss"]


def test_conversations_are_private_ordered_and_round_trip(catalog: Catalog) -> None:
    store = ConversationStore(catalog)
    first = _answer("The union accepted seven percent [1].", "Strike ends")
    cid = store.save_turn("ana", None, "What did the union accept?", first)
    store.save_turn("ana", cid, "And the first offer?", _answer("Four percent [1].", "Offer"))
    other = store.save_turn("ben", "new", "Where were the talks?", _answer("Lindau [1].", "Talks"))
    [mine] = store.list("ana")
    assert mine.conversation_id == cid and [t.question for t in mine.turns] == [
        "What did the union accept?",
        "And the first offer?",
    ]
    assert mine.turns[0].answer == first  # citations, spans and all
    assert store.get("ana", other) is None and not store.delete("ana", other)
    assert (
        store.rename("ana", cid, "  Dock   strike ")
        and store.get("ana", cid).title == "Dock strike"
    )  # type: ignore[union-attr]
    md = store.get("ana", cid).markdown()  # type: ignore[union-attr]
    assert md.startswith("# Dock strike") and "1. Strike ends (Coastal Ledger, 2024-03-04)" in md
    assert store.delete("ana", cid) and store.list("ana") == []
    assert [c.conversation_id for c in store.list("ben")] == [other]


def test_unknown_conversation_id_starts_a_new_one(catalog: Catalog) -> None:
    store = ConversationStore(catalog)
    cid = store.save_turn("ana", "no-such-id", "Q?", _answer("A [1].", "T"))
    assert cid != "no-such-id" and store.get("ana", cid) is not None
