"""The vector index contract: what embedded Chroma and a `chroma run` server must both do.

tests/unit/test_vector_index_embedded.py runs it on embedded Chroma, tests/integration/
test_vector_index.py on a real server. Nothing here is collected on its own.
"""

from __future__ import annotations

import numpy as np
import pytest

from index.types import Filters


def _vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _add(index, doc: str, n: int, seed: int, date: int = 20240101, source: str = "Wire"):
    ids = [f"{doc}:{i}" for i in range(n)]
    vecs = _vectors(n, seed=seed)
    meta = [{"doc_id": doc, "source": source, "date": date, "ordinal": i} for i in range(n)]
    index.add(ids, vecs, [f"text {i}" for i in range(n)], meta)
    return ids, vecs


class VectorIndexContract:
    """Tests every vector index must pass; `index` is the index's fixture."""

    def test_add_query_count(self, index):
        ids, vecs = _add(index, "d1", 7, seed=1)  # more than one write batch (batch=3)
        assert index.count() == 7
        hits = index.query(vecs[4], k=3)
        assert hits[0][0] == ids[4] and hits[0][1] == pytest.approx(1.0, abs=1e-4)
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
        assert len(hits) == 3

    def test_upsert_is_idempotent(self, index):
        _add(index, "d1", 5, seed=1)
        _add(index, "d1", 5, seed=1)
        assert index.count() == 5

    def test_filters_and_delete(self, index):
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
