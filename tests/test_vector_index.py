"""One contract for the vector index, run against embedded Chroma and a real `chroma run` server.

The server is the one `.ci/run` starts (BRIEFING_TEST_CHROMA_PORT), or one the `chroma_server`
fixture in conftest.py starts.
"""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from index.store import ChromaIndex
from index.types import Filters


@pytest.fixture(params=["embedded", "server"])
def index(request, tmp_path):
    name = f"contract-{uuid.uuid4().hex[:8]}"
    if request.param == "embedded":
        return ChromaIndex.embedded(tmp_path / "chroma", name, batch=3)
    host, port = request.getfixturevalue("chroma_server")
    return ChromaIndex.server(host, port, name, batch=3)


def _vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _add(index, doc: str, n: int, seed: int, date: int = 20240101, source: str = "Wire"):
    ids = [f"{doc}:{i}" for i in range(n)]
    vecs = _vectors(n, seed=seed)
    meta = [{"doc_id": doc, "source": source, "date": date, "ordinal": i} for i in range(n)]
    index.add(ids, vecs, [f"text {i}" for i in range(n)], meta)
    return ids, vecs


def test_add_query_count(index):
    ids, vecs = _add(index, "d1", 7, seed=1)  # more than one write batch (batch=3)
    assert index.count() == 7
    hits = index.query(vecs[4], k=3)
    assert hits[0][0] == ids[4] and hits[0][1] == pytest.approx(1.0, abs=1e-4)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert len(hits) == 3


def test_upsert_is_idempotent(index):
    _add(index, "d1", 5, seed=1)
    _add(index, "d1", 5, seed=1)
    assert index.count() == 5


def test_filters_and_delete(index):
    _add(index, "d1", 4, seed=1, date=20220110, source="A")
    ids2, vecs2 = _add(index, "d2", 4, seed=2, date=20220201, source="B")
    hits = index.query(vecs2[0], k=10, filters=Filters(sources=("A",)))
    assert hits and all(h.startswith("d1:") for h, _ in hits)
    hits = index.query(vecs2[0], k=10, filters=Filters(date_from="2022-01-15"))
    assert {h for h, _ in hits} == set(ids2)
    assert sorted(index.ids_for("d2")) == sorted(ids2)
    index.delete(index.ids_for("d2"))
    assert index.count() == 4 and index.ids_for("d2") == []
    assert index.query(vecs2[0], k=0) == []


def test_ingest_then_ask_in_server_mode(chroma_server, tmp_path, real_embedder):
    from assistant.api import open_assistant

    host, port = chroma_server
    text = (
        "Dockworkers at Harbor City ended a nine-day strike after the union accepted a 7 "
        "percent pay rise. The port authority had first offered 5 percent."
    )
    a = open_assistant(
        tmp_path / "store",
        embedder=real_embedder,
        chroma_mode="server",
        chroma_host=host,
        chroma_port=port,
        collection=f"srv-{uuid.uuid4().hex[:6]}",
    )
    try:
        assert a.ingest_text(text, title="Port strike ends").added == 1
        assert a.services.vectors.count() == 1
        answer = a.ask("What pay rise did the union accept?")
        assert "7 percent" in answer.text and answer.citations
    finally:
        a.close()
    # a second process sees the same vectors through the server
    b = open_assistant(
        tmp_path / "store",
        embedder=real_embedder,
        chroma_mode="server",
        chroma_host=host,
        chroma_port=port,
        collection=a.services.settings.collection,
    )
    try:
        assert b.ingest_text(text, title="Port strike ends").added == 0
        assert b.search("port authority offer", k=1)[0].text.startswith("Dockworkers")
    finally:
        b.close()
