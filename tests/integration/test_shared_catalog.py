"""The catalog contract on a real PostgreSQL, and several hosts sharing one store.

In server mode each app host has its own process and disk; what they share is the Chroma server
and, with BRIEFING_CATALOG_URL, the PostgreSQL catalog. The tests below play two hosts with two
store folders: what one ingests or deletes, the other sees at once. The same contract on SQLite
is in tests/unit/test_catalog.py.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.catalog_contract import FARM, HARBOR, CatalogContract


class TestPostgresCatalog(CatalogContract):
    @pytest.fixture
    def catalog(self, pg_url: str) -> Iterator[object]:
        from index.catalog_pg import PgCatalog

        cat = PgCatalog(pg_url, schema=f"t_{uuid.uuid4().hex[:10]}")
        yield cat
        cat.drop()
        cat.close()


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
