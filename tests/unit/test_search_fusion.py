"""Hybrid search's two pure steps: reciprocal rank fusion of the dense and lexical legs, and the
diversified pick (MMR with a per-document cap) that decides which passages a reader sees.
"""

from __future__ import annotations

import pytest

from index.search import RRF_K, diversify, rrf
from tests.support.passages import passage


def test_rrf_puts_what_both_legs_found_first():
    dense = [("x", 0.9), ("y", 0.8), ("z", 0.7)]
    lexical = [("y", 12.0), ("w", 3.0)]
    fused = rrf([dense, lexical])
    assert [cid for cid, _ in fused] == ["y", "x", "w", "z"]
    assert fused[0][1] == pytest.approx(1 / (RRF_K + 1) + 1 / (RRF_K + 2))


def test_rrf_uses_ranks_not_raw_scores():
    """A leg whose scores run on another scale (BM25 in the tens) cannot swamp the other."""
    dense = [("a", 0.31), ("b", 0.30)]
    lexical = [("b", 250.0), ("a", 249.0)]
    fused = dict(rrf([dense, lexical]))
    assert fused["a"] == pytest.approx(fused["b"])  # first once and second once: a tie
    assert [c for c, _ in rrf([[("low", 0.01), ("high", 99.0)]])] == ["low", "high"]
    assert rrf([]) == [] and rrf([[], []]) == []


def _texts(*words: str) -> list[str]:
    return [f"The {w} council met on Monday about the {w} budget and the {w} plan." for w in words]


def test_diversify_caps_passages_per_document():
    many = [passage(t, "flood", chunk=i) for i, t in enumerate(_texts("harbour", "rail", "mine"))]
    other = [passage(t, "other", chunk=i) for i, t in enumerate(_texts("orchard", "bridge"))]
    picked = diversify(many + other, [1.0, 0.95, 0.9, 0.5, 0.4], k=4, per_doc=2, lam=1.0)
    assert [p.chunk_id for p in picked] == ["flood:0", "flood:1", "other:0", "other:1"]


def test_diversify_skips_a_near_repeat_for_something_new():
    same = "Dockworkers at Harbor City ended their strike after a seven percent pay rise."
    news = "Orchard growers in Lindmoor reported a record apple harvest this autumn."
    ps = [passage(same, "wire-a"), passage(same + " Ships docked.", "wire-b"), passage(news, "c")]
    relevance = [1.0, 0.95, 0.6]
    picked = diversify(ps, relevance, k=2, per_doc=3, lam=0.5)
    assert [p.doc_id for p in picked] == ["wire-a", "c"]  # the copy gives way
    by_relevance = diversify(ps, relevance, k=2, per_doc=3, lam=1.0)
    assert [p.doc_id for p in by_relevance] == ["wire-a", "wire-b"]


def test_diversify_keeps_relevance_order_and_k():
    ps = [passage(t, f"d{i}") for i, t in enumerate(_texts("harbour", "orchard", "glacier"))]
    picked = diversify(ps, [0.2, 0.9, 0.5], k=2, per_doc=2, lam=0.9)
    assert [p.doc_id for p in picked] == ["d1", "d2"]
    assert diversify([], [], k=5, per_doc=2, lam=0.7) == []
