"""The catalog contract on SQLite and on a real PostgreSQL, and several hosts sharing one store.

In server mode each app host has its own process and disk; what they share is the Chroma server
and, with BRIEFING_CATALOG_URL, the PostgreSQL catalog. The tests below play two hosts with two
store folders: what one ingests or deletes, the other sees at once.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import numpy as np
import pytest

from assistant.types import Article, Chunk, StatementRow
from index.catalog import Catalog, StoreMismatch
from index.pipeline import owner_alive, owner_id


def _article(doc_id: str, text: str, date: str = "2024-03-01", source: str = "Wire") -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        title=f"Title {doc_id}",
        source=source,
        date=date,
        origin=f"file:{doc_id}",
    )


def _chunks(a: Article, size: int = 60) -> list[Chunk]:
    out, start, n = [], 0, 0
    while start < len(a.text):
        end = min(len(a.text), start + size)
        out.append(
            Chunk(f"{a.doc_id}:{n}", a.doc_id, n, a.text[start:end], start, end, ((start, end),))
        )
        start, n = end, n + 1
    return out


@pytest.fixture(params=["sqlite", "postgres"])
def catalog(request, tmp_path):
    if request.param == "sqlite":
        cat = Catalog(tmp_path / "catalog.sqlite3")
        yield cat
        cat.close()
        return
    from index.catalog_pg import PgCatalog

    cat = PgCatalog(request.getfixturevalue("pg_url"), schema=f"t_{uuid.uuid4().hex[:10]}")
    yield cat
    cat.drop()
    cat.close()


HARBOR = (
    "Dockworkers at Harbor City ended a nine-day strike. The union accepted a seven "
    "percent pay rise after talks with the port authority."
)
FARM = "Farmers in the valley protested against new water quotas imposed by the ministry."


def test_commit_makes_a_document_visible_and_searchable(catalog):
    a = _article("d1", HARBOR)
    assert catalog.commit_document(a, _chunks(a), np.arange(128, dtype=np.uint64))
    assert catalog.has_document("d1") and catalog.doc_for_origin("file:d1") == "d1"
    assert catalog.counts() == (1, len(_chunks(a)))
    hits = catalog.lexical("strike at the harbor", k=5)
    assert hits and hits[0][0].startswith("d1:")
    passages = catalog.passages(hits)
    assert passages[0].title == "Title d1" and passages[0].date == "2024-03-01"
    assert catalog.document_text("d1") == HARBOR


def test_lexical_ranks_the_document_holding_the_rare_words_first(catalog):
    for doc_id, text in (("h", HARBOR), ("f", FARM)):
        a = _article(doc_id, text)
        catalog.commit_document(a, _chunks(a, size=400), None)
    assert catalog.lexical("water quotas", k=5)[0][0] == "f:0"
    assert catalog.lexical("dockworkers", k=5)[0][0] == "h:0"
    assert catalog.lexical("dockworkers", k=5, doc_ids=["f"]) == []
    assert catalog.lexical("the of and", k=5) == []  # only stopwords: no lexical evidence


def test_a_second_commit_of_the_same_document_changes_nothing(catalog):
    a = _article("d1", HARBOR)
    assert catalog.commit_document(a, _chunks(a), None)
    generation = catalog.generation()
    assert not catalog.commit_document(a, _chunks(a), None)
    assert catalog.counts() == (1, len(_chunks(a))) and catalog.generation() == generation


def test_remove_hides_everything_and_leaves_a_pending_delete(catalog):
    a = _article("d1", HARBOR)
    catalog.commit_document(
        a,
        _chunks(a),
        np.arange(128, dtype=np.uint64),
        statements=[StatementRow("us", "demands", 0, 10, "strike", "", "own")],
    )
    before = catalog.generation()
    assert catalog.remove_document("d1", owner="host:1")
    assert catalog.counts() == (0, 0) and catalog.lexical("dockworkers", 5) == []
    assert catalog.statement_rows() == [] and catalog.generation() > before
    assert [(d, act, who) for d, act, who, _ in catalog.pending()] == [("d1", "delete", "host:1")]
    assert not catalog.remove_document("d1")


def test_replacement_swaps_versions_in_one_step(catalog):
    old = _article("v1", HARBOR)
    catalog.commit_document(old, _chunks(old), None)
    new = Article(**{**old.to_dict(), "doc_id": "v2", "text": HARBOR + " Work resumed Monday."})
    catalog.commit_document(new, _chunks(new), None, replaces="v1")
    assert [d.doc_id for d in catalog.documents()] == ["v2"]
    assert catalog.doc_for_origin("file:v1") == "v2"
    assert all(c.startswith("v2:") for c, _ in catalog.lexical("dockworkers", 10))


def test_minhash_candidates_aliases_people_and_statements(catalog):
    sig = np.arange(128, dtype=np.uint64) * 7919
    a = _article("d1", HARBOR)
    from index.dedup import band_keys

    catalog.commit_document(
        a,
        _chunks(a),
        sig,
        statements=[StatementRow("union", "demands", 0, 20, "pay", "Ann Lee", "own")],
    )
    ids, sigs = catalog.minhashes(band_keys(sig))
    assert ids == ["d1"] and np.array_equal(sigs[0], sig)
    catalog.add_alias("file:copy", "d1")
    assert catalog.doc_for_origin("file:copy") == "d1"
    catalog.add_people({"Ann Lee": "union"})
    catalog.add_people({"Ann Lee": "someone else"})  # first learned wins, no error
    assert catalog.learned_people() == {"Ann Lee": "union"}
    row = catalog.statement_rows(party_id="union")[0]
    assert (row.row.party_id, row.row.stance) == ("union", "demands")
    assert row.sentence == HARBOR[:20] and row.row.speaker == "Ann Lee"
    assert catalog.chunk_at("d1", 70).chunk_id == "d1:1"


def test_a_store_refuses_another_embedding_model(catalog):
    catalog.check_compatible("model-a@int8")
    catalog.check_compatible("model-a@int8")
    with pytest.raises(StoreMismatch, match="model-a@int8"):
        catalog.check_compatible("model-b@fp32")


def test_pending_entries_of_a_live_writer_are_not_recovered():
    assert owner_alive(owner_id().rsplit(":", 1)[0] + ":1", since=0)  # pid 1 is alive
    assert not owner_alive(owner_id(), since=0)  # this process: an earlier failed attempt
    assert not owner_alive("", since=0)  # stores made before owners were kept
    assert owner_alive("other-host:42", since=__import__("time").time())
    assert not owner_alive("other-host:42", since=0)  # its lease ran out


# --- two hosts, one store ----------------------------------------------------------------------


def _host(root: Path, name: str, chroma, pg_url: str, collection: str, embedder):
    from assistant.api import open_assistant

    host, port = chroma
    return open_assistant(
        root / name,
        embedder=embedder,
        chroma_mode="server",
        chroma_host=host,
        chroma_port=port,
        catalog_url=pg_url,
        collection=collection,
    )


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_hosts_share_documents_answers_and_deletes(
    chroma_server, pg_url, tmp_path, real_embedder
):
    collection = f"hosts{uuid.uuid4().hex[:6]}"
    a = _host(tmp_path, "host-a", chroma_server, pg_url, collection, real_embedder)
    b = _host(tmp_path, "host-b", chroma_server, pg_url, collection, real_embedder)
    try:
        docs = tmp_path / "docs"
        _write(docs, "harbor.txt", "title: Port strike ends\nsource: Wire\n---\n" + HARBOR)
        _write(docs, "farm.txt", "title: Water protest\nsource: Wire\n---\n" + FARM)
        report = a.ingest([docs])
        assert report.added == 2 and not report.failed
        # host B sees both at once: in its document list, its lexical leg and its answers
        assert {d.title for d in b.documents()} == {"Port strike ends", "Water protest"}
        answer = b.ask("What pay rise did the union accept?")
        assert "seven percent" in answer.text and answer.citations
        assert answer.citations[0].title == "Port strike ends"
        assert "PostgreSQL" in b.services.catalog.location
        # re-ingesting on B adds nothing: one catalog, no duplicates
        assert b.ingest([docs]).unchanged == 2
        assert len(a.documents()) == 2
        # a delete on B is gone for A
        farm = next(d for d in b.documents() if d.title == "Water protest")
        assert b.delete(farm.doc_id)
        assert [d.title for d in a.documents()] == ["Port strike ends"]
        assert all(p.title != "Water protest" for p in a.search("water quotas farmers", k=5))
        assert a.services.vectors.count() == len(
            a.services.vectors.ids_for(a.documents()[0].doc_id)
        )
    finally:
        a.services.catalog.drop()
        a.close()
        b.close()


def test_two_hosts_ingesting_the_same_files_at_once_store_them_once(
    chroma_server, pg_url, tmp_path, real_embedder
):
    collection = f"race{uuid.uuid4().hex[:6]}"
    a = _host(tmp_path, "host-a", chroma_server, pg_url, collection, real_embedder)
    b = _host(tmp_path, "host-b", chroma_server, pg_url, collection, real_embedder)
    try:
        docs = tmp_path / "docs"
        for i in range(6):
            _write(
                docs,
                f"n{i}.txt",
                f"title: Note {i}\n---\nBulletin {i}: the council met on "
                f"day {i} and agreed on measure {i * 17} for district {i + 3}.",
            )
        reports: dict[str, object] = {}
        threads = [
            threading.Thread(target=lambda h=h, n=n: reports.__setitem__(n, h.ingest([docs])))
            for h, n in ((a, "a"), (b, "b"))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        ra, rb = reports["a"], reports["b"]
        assert not ra.failed and not rb.failed  # type: ignore[attr-defined]
        assert ra.added + rb.added == 6  # type: ignore[attr-defined]
        assert ra.added + ra.unchanged == 6 and rb.added + rb.unchanged == 6  # type: ignore[attr-defined]
        docs_a = a.documents()
        assert len(docs_a) == 6 and len({d.doc_id for d in docs_a}) == 6
        # every stored document still has its vectors: the losing writer deleted none
        for d in docs_a:
            assert len(a.services.vectors.ids_for(d.doc_id)) == d.chunks
        assert a.services.catalog.pending() == []
    finally:
        a.services.catalog.drop()
        a.close()
        b.close()


def test_a_writer_that_loses_the_race_keeps_the_winners_vectors(
    chroma_server, pg_url, tmp_path, real_embedder, monkeypatch
):
    """B stores the file while A is between writing its vectors and committing: A must count it
    unchanged, and must not delete the (identical) vectors B's document now relies on."""
    collection = f"lose{uuid.uuid4().hex[:6]}"
    a = _host(tmp_path, "host-a", chroma_server, pg_url, collection, real_embedder)
    b = _host(tmp_path, "host-b", chroma_server, pg_url, collection, real_embedder)
    try:
        docs = tmp_path / "docs"
        _write(docs, "harbor.txt", "title: Port strike ends\n---\n" + HARBOR)
        real_add = a.services.vectors.add
        fired = []

        def add_then_let_b_win(*args, **kwargs):
            real_add(*args, **kwargs)
            if not fired:
                fired.append(b.ingest([docs]))

        monkeypatch.setattr(a.services.vectors, "add", add_then_let_b_win)
        report = a.ingest([docs])
        assert fired and fired[0].added == 1
        assert report.added == 0 and report.unchanged == 1 and not report.failed
        (doc,) = b.documents()
        assert len(b.services.vectors.ids_for(doc.doc_id)) == doc.chunks
        assert b.ask("What pay rise did the union accept?").citations
    finally:
        a.services.catalog.drop()
        a.close()
        b.close()


def test_a_word_in_most_chunks_is_not_scored_once_the_postings_budget_is_spent(
    catalog, monkeypatch
):
    """At archive scale, the lexical leg scores the rare words and skips the ubiquitous ones;
    the word counts behind that follow deletes."""
    for i in range(40):
        a = _article(f"c{i}", f"The council met again on day {i} to discuss the budget.")
        catalog.commit_document(a, _chunks(a, size=400), None)
    z = _article("z", "The council inspected the zeppelin hangar at dawn.")
    catalog.commit_document(z, _chunks(z, size=400), None)
    assert len(catalog.lexical("council zeppelin", k=100)) == 41  # within budget: every word
    monkeypatch.setattr(catalog, "POSTINGS_BUDGET", 10)
    if hasattr(catalog, "_df_cache"):
        catalog._df_cache.clear()
    assert [c for c, _ in catalog.lexical("council zeppelin", k=100)] == ["z:0"]
    assert catalog.lexical("council", k=100) == []  # in every chunk: no lexical evidence at all
    assert [c for c, _ in catalog.lexical("zeppelin", k=100)] == ["z:0"]
    for i in range(35):
        catalog.remove_document(f"c{i}")
    if hasattr(catalog, "_df_cache"):
        catalog._df_cache.clear()
    assert len(catalog.lexical("council zeppelin", k=100)) == 6  # 5 + 1 postings: all scored


def test_past_the_budget_chunks_must_hold_the_rare_words_together_and_work_is_capped(
    catalog, monkeypatch
):
    """Two words each in ~9% of the archive, neither affordable alone: the lexical leg returns
    the chunks that hold both, and a single such word never scores more than the budget."""
    texts = (
        [f"Filler note {i} on shipping schedules." for i in range(200)]
        + [f"Alpha battalion moved on day {i}." for i in range(17)]
        + [f"Beta convoy waited on day {i}." for i in range(17)]
        + [f"Alpha battalion met the beta convoy, report {i}." for i in range(3)]
    )
    for i, text in enumerate(texts):
        a = _article(f"d{i}", text)
        catalog.commit_document(a, _chunks(a, size=400), None)
    monkeypatch.setattr(catalog, "POSTINGS_BUDGET", 10)
    if hasattr(catalog, "_df_cache"):
        catalog._df_cache.clear()
    both = {c for c, _ in catalog.lexical("alpha beta", k=100)}
    assert both == {f"d{i}:0" for i in range(234, 237)}
    alone = [c for c, _ in catalog.lexical("alpha", k=100)]
    assert len(alone) == 10 and set(alone) <= {
        f"d{i}:0" for i in [*range(200, 217), *range(234, 237)]
    }


def test_choose_terms_takes_rare_words_first_within_the_budget():
    from index.catalog import LexicalPlan, choose_terms

    df = {"zeppelin": 3, "hangar": 40, "council": 900_000}
    assert choose_terms(df, 1_000_000, budget=10**7) == (list(df), [])  # small: all of them
    assert choose_terms(df, 1_000_000, budget=100) == (["zeppelin", "hangar"], [])
    assert choose_terms({"treaty": 5_000, "russia": 850_000}, 1_000_000, 1_000) == (["treaty"], [])
    assert choose_terms({"russia": 850_000}, 1_000_000, 1_000) == ([], [])  # IDF near zero
    assert choose_terms({"novel": 0, "russia": 850_000}, 1_000_000, 1_000) == (["novel"], [])
    # Every word past the budget: chunks must hold the rarer uncommon ones together.
    both = choose_terms({"geneva": 80_000, "treaty": 60_000, "russia": 850_000}, 10**6, 15_000)
    assert both == LexicalPlan(["treaty", "geneva"], ["treaty", "geneva"])
