"""Finding passages: dense (vector index) and BM25 (catalog) legs, fused and diversified."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from index.catalog import Catalog
from index.embeddings import Embedder
from index.store import VectorIndex
from index.types import Filters, Passage

Mode = Literal["dense", "lexical", "hybrid"]
RRF_K = 60
_WORD = re.compile(r"\w+")


class Retriever:
    """Dense and BM25 candidates fused by reciprocal rank, then diversified.

    Fusion by rank (not score) needs no calibration between cosine and BM25 scales; the
    diversification (maximal marginal relevance over word overlap, plus a per-document cap) keeps
    one long document, or several copies of one passage, from filling every slot.
    """

    def __init__(
        self,
        embedder: Embedder,
        vectors: VectorIndex,
        catalog: Catalog,
        candidates: int = 30,
        per_doc: int = 3,
        mmr_lambda: float = 0.75,
    ) -> None:
        self._embedder = embedder
        self._vectors = vectors
        self._catalog = catalog
        self._candidates = candidates
        self._per_doc = per_doc
        self._lambda = mmr_lambda

    def dense(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        return self._catalog.passages(self._dense_hits(query, k, filters))

    def lexical(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        return self._catalog.passages(self._lexical_hits(query, k, filters))

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: Mode = "hybrid"
    ) -> list[Passage]:
        if not query.strip():
            return []
        if mode == "dense":
            return self.dense(query, k, filters)
        if mode == "lexical":
            return self.lexical(query, k, filters)
        n = max(self._candidates, k * 3)
        dense = self._dense_hits(query, n, filters)
        lexical = self._lexical_hits(query, n, filters)
        fused = rrf([dense, lexical])[: max(2 * k, 20)]  # MMR only among the plausible
        passages = self._catalog.passages(fused)
        # The score shown is the fused relevance scaled so the best candidate is 1.0; MMR picks
        # the set, and the set is shown best first.
        top = passages[0].score if passages else 1.0
        passages = [replace(p, score=round(p.score / top, 4)) for p in passages]
        chosen = diversify(passages, [p.score for p in passages], k, self._per_doc, self._lambda)
        return sorted(chosen, key=lambda p: -p.score)

    def _dense_hits(self, query: str, k: int, filters: Filters | None) -> list[tuple[str, float]]:
        if not query.strip():
            return []
        vec = self._embedder.embed_query(query)
        return self._vectors.query(vec, k, filters=filters)

    def _lexical_hits(self, query: str, k: int, filters: Filters | None) -> list[tuple[str, float]]:
        allowed = None
        if filters:
            allowed = [d.doc_id for d in self._catalog.documents() if filters.admits(d)]
        return self._catalog.lexical(query, k, allowed)


def rrf(rankings: list[list[tuple[str, float]]], k: int = RRF_K) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, (cid, _) in enumerate(ranking):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + rank + 1)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def diversify(
    passages: list[Passage], relevance: list[float], k: int, per_doc: int, lam: float
) -> list[Passage]:
    """Greedy MMR with word-set Jaccard as redundancy, at most `per_doc` per document."""
    if not passages:
        return []
    top = max(relevance[: len(passages)]) or 1.0
    rel = [r / top for r in relevance[: len(passages)]]
    words = [set(_WORD.findall(p.text.lower())) for p in passages]
    chosen: list[int] = []
    per: dict[str, int] = {}
    remaining = list(range(len(passages)))
    redundancy = [0.0] * len(passages)  # max similarity to anything chosen, kept up to date
    while remaining and len(chosen) < k:
        best, best_score = -1, -1e9
        for i in remaining:
            if per.get(passages[i].doc_id, 0) >= per_doc:
                continue
            score = lam * rel[i] - (1 - lam) * redundancy[i]
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
        remaining.remove(best)
        per[passages[best].doc_id] = per.get(passages[best].doc_id, 0) + 1
        for i in remaining:
            redundancy[i] = max(redundancy[i], _jaccard(words[i], words[best]))
    return [passages[i] for i in chosen]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
