"""Finding passages: dense (vector index) and BM25 (catalog) legs, fused and diversified."""

from __future__ import annotations

import re
from collections.abc import Sequence
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

    Small to big: the chunks are matched, but a reader is shown each chosen chunk widened with
    the whole sentences around it, up to `window_chars` characters on either side (see `widen`);
    chosen chunks of one document whose windows would meet become one passage, and the slot
    that frees goes to the next pick.
    """

    def __init__(
        self,
        embedder: Embedder,
        vectors: VectorIndex,
        catalog: Catalog,
        candidates: int = 30,
        per_doc: int = 3,
        mmr_lambda: float = 0.75,
        rrf_k: int = RRF_K,
        window_chars: int = 0,
    ) -> None:
        self._embedder = embedder
        self._vectors = vectors
        self._catalog = catalog
        self._candidates = candidates
        self._per_doc = per_doc
        self._lambda = mmr_lambda
        self._rrf_k = rrf_k
        self._window = max(0, window_chars)

    def dense(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        return self._catalog.passages(self._dense_hits(query, k, filters))

    def lexical(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        return self._catalog.passages(self._lexical_hits(query, k, filters))

    def search(
        self,
        query: str,
        k: int = 10,
        filters: Filters | None = None,
        mode: Mode = "hybrid",
        window: int | None = None,
    ) -> list[Passage]:
        """`window` overrides the configured one (0: the bare chunks, as matched)."""
        if not query.strip():
            return []
        w = self._window if window is None else max(0, window)
        if mode == "dense":
            return self._widen(self.dense(query, k, filters), w)
        if mode == "lexical":
            return self._widen(self.lexical(query, k, filters), w)
        n = max(self._candidates, k * 3)
        dense = self._dense_hits(query, n, filters)
        lexical = self._lexical_hits(query, n, filters)
        fused = rrf([dense, lexical], self._rrf_k)[: max(2 * k, 20)]  # MMR among the plausible
        passages = self._catalog.passages(fused)
        # The score shown is the fused relevance scaled so the best candidate is 1.0; MMR picks
        # the set, and the set is shown best first.
        top = passages[0].score if passages else 1.0
        passages = [replace(p, score=round(p.score / top, 4)) for p in passages]
        # The whole greedy order (its first k are MMR's k): picks past k fill the slots that
        # merging neighbouring picks of one document frees.
        order = diversify(
            passages, [p.score for p in passages], len(passages), self._per_doc, self._lambda
        )
        take = min(k, len(order))
        shown = self._widen(order[:take], w)
        while len(shown) < k and take < len(order):
            take = min(len(order), take + k - len(shown))
            shown = self._widen(order[:take], w)
        return sorted(shown, key=lambda p: -p.score)

    def _widen(self, chosen: list[Passage], window: int) -> list[Passage]:
        """Each chosen chunk with its surrounding sentences (none when the window is 0)."""
        if not window or not chosen:
            return chosen
        by_doc: dict[str, list[Passage]] = {}
        for p in chosen:
            by_doc.setdefault(p.doc_id, []).append(p)
        out: list[Passage] = []
        for doc_id, cores in by_doc.items():
            lo = max(0, min(p.start for p in cores) - window)
            hi = max(p.end for p in cores) + window
            offset, text, spans = self._catalog.surrounding_sentences(doc_id, lo, hi)
            out.extend(widen(cores, offset, text, spans, window))
        return out

    def lead_in(self, passage: Passage, sentences: int = 2, reach: int = 600) -> Passage:
        """The passage with up to `sentences` whole sentences of its document before it
        (starting within `reach` characters): a chunk cut right after "The talks ended." whose
        first sentence is "This is with regard to ..." can then be quoted with what it leans on.
        The passage itself when nothing precedes it.
        """
        if passage.start <= 0 or sentences <= 0:
            return passage
        lo = max(0, passage.start - reach)
        # the chunks from `lo` through the passage's own (so the text holds what lies between)
        offset, text, spans = self._catalog.surrounding_sentences(
            passage.doc_id, lo, passage.start + 1
        )
        before = [(s, e) for s, e in spans if lo <= s and e <= passage.start and s >= offset]
        before = before[-sentences:]
        if not before or passage.start - offset > len(text):
            return passage
        left = before[0][0]
        return replace(
            passage,
            text=text[left - offset : passage.start - offset] + passage.text,
            start=left,
            sentence_spans=tuple(sorted(set(before) | set(passage.sentence_spans))),
        )

    def document_text(self, doc_id: str) -> str:
        """A stored document's whole text ("" when it is gone): what a passage's sentences
        refer back to.
        """
        return self._catalog.document_text(doc_id) or ""

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


def widen(
    cores: Sequence[Passage],
    offset: int,
    text: str,
    spans: Sequence[tuple[int, int]],
    budget: int,
) -> list[Passage]:
    """Widen chosen passages of one document with whole neighbouring sentences.

    `text` is the document's text from character `offset` on (covering every core and every
    sentence in `spans`, the document's sentence spans near the cores, absolute). Cores whose
    gap is at most 2 * `budget` (their windows would meet) are merged into one passage, which
    keeps the best core's chunk id and score. Each passage then takes sentences on its left
    while they start within `budget` characters of it and on its right while they end within
    `budget`; it never reaches into another passage's sentences. Spans stay absolute: the
    passage's text is the document's text[start:end].
    """
    if not cores:
        return []
    ordered = sorted(cores, key=lambda p: (p.start, p.end))
    groups: list[list[Passage]] = [[ordered[0]]]
    for p in ordered[1:]:
        if p.start - max(q.end for q in groups[-1]) <= 2 * budget:
            groups[-1].append(p)
        else:
            groups.append([p])
    sents = sorted(set(spans))
    limit = offset + len(text)
    out: list[Passage] = []
    for i, group in enumerate(groups):
        start = min(p.start for p in group)
        end = max(p.end for p in group)
        floor = max(offset, max(q.end for q in groups[i - 1]) if i else offset)
        ceiling = min(limit, min(q.start for q in groups[i + 1]) if i + 1 < len(groups) else limit)
        if not (offset <= start and end <= limit):  # the document changed under us
            out.extend(group)
            continue
        left = start
        for s, e in reversed(sents):
            if e > start:
                if s < start:  # a sentence cut by the passage: go no further
                    break
                continue
            if s < floor or start - s > budget:
                break
            left = s
        right = end
        for s, e in sents:
            if s < end:
                if e > end:
                    break
                continue
            if e > ceiling or e - end > budget:
                break
            right = e
        best = max(group, key=lambda p: p.score)
        inside = {(s, e) for s, e in sents if left <= s and e <= right}
        inside.update(sp for p in group for sp in p.sentence_spans)
        out.append(
            replace(
                best,
                text=text[left - offset : right - offset],
                start=left,
                end=right,
                sentence_spans=tuple(sorted(inside)),
            )
        )
    return out


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
