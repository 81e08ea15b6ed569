"""Citation markers and their verification.

The reply (from any engine) cites passages as [n]; markers are parsed, mapped to passages,
renumbered in order of first use, and every sentence is checked against what it cites. A sentence
whose cited passages do not support it is removed (or flagged in debug mode), so a reader never
sees a claim with a citation that does not back it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.markers import MARKER, attach, format_refs, refs, unmark
from assistant.types import Citation, Passage
from index.text import content_terms

__all__ = ["MARKER", "Claim", "Support", "Verifier", "build_citations", "parse", "unmark"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])|\n+")


_INJECTION = re.compile(
    r"ignore (?:all |any )?(?:previous|prior|above) instructions|^\s*system\s*:|\byou are now\b|"
    r"disregard (?:all|the|previous)|\b(?:answer|respond|reply) (?:to )?(?:every|all|each|any) "
    r"(?:questions?|queries|requests)\b|\bcite (?:source|passage|document)s? \[?\d|"
    r"\bas an ai\b|^\s*(?:assistant|user)\s*:",
    re.IGNORECASE,
)


def is_instruction(sentence: str) -> bool:
    """A sentence addressing a model rather than reporting: never evidence, never an answer."""
    return bool(_INJECTION.search(sentence))


_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|neither|nor|cannot|without)\b|n't\b", re.I)


@dataclass(frozen=True)
class Claim:
    text: str  # without markers
    cited: tuple[int, ...]  # 1-based passage numbers as written


def parse(reply: str, n_passages: int) -> list[Claim]:
    """Split a reply into sentences with the passage numbers each cites (invalid ones dropped).

    Markers may follow the sentence end ("... Europe. [2]") or sit inside it; `[1, 3]` and
    `[1][2]` both work. A marker-only fragment attaches to the sentence before it.
    """
    claims: list[Claim] = []
    for raw in _SENTENCE_END.split(reply.strip()):
        raw = raw.strip()
        if not raw:
            continue
        nums = [n for m in MARKER.finditer(raw) for n in refs(m)]
        valid = tuple(dict.fromkeys(n for n in nums if 1 <= n <= n_passages))
        text = unmark(raw)
        if not re.search(r"\w", text):
            if claims and valid:
                prev = claims[-1]
                claims[-1] = Claim(prev.text, tuple(dict.fromkeys(prev.cited + valid)))
            continue
        claims.append(Claim(text, valid))
    return claims


@dataclass(frozen=True)
class Support:
    score: float
    passage: int  # 1-based index into the passages given
    span: tuple[int, int]  # absolute span of the best supporting sentence(s) in the document
    quote: str


SentenceEmbed = Callable[[Sequence[str]], np.ndarray]


class Verifier:
    """Scores how well a passage supports a claim: embedding similarity plus term coverage.

    Term coverage (share of the claim's content words found in the supporting sentences) guards
    against a fluent sentence that shares the topic but not the facts; the embedding similarity
    catches paraphrase. Thresholds come from `eval/` runs on gold data.
    """

    def __init__(
        self, embed: SentenceEmbed, threshold: float = 0.55, min_cover: float = 0.75
    ) -> None:
        self._embed = embed
        self.threshold = threshold
        self.min_cover = min_cover

    def support(self, claim: str, passages: Sequence[Passage], cited: Sequence[int]) -> Support:
        best = Support(0.0, 0, (0, 0), "")
        claim_terms = set(content_terms(claim))
        for n in cited:
            p = passages[n - 1]
            sents = [(t, sp) for t, sp in passage_sentences(p) if not is_instruction(t)]
            if not sents:
                continue
            texts = [t for t, _ in sents]
            vecs = self._embed([claim, *texts])
            sims = vecs[1:] @ vecs[0]
            order = np.argsort(-sims)
            # The best sentence, or the best two adjacent ones, may carry the claim together.
            i = int(order[0])
            candidates = [(i, i)]
            if i + 1 < len(sents):
                candidates.append((i, i + 1))
            if i > 0:
                candidates.append((i - 1, i))
            for a, b in candidates:
                quote = " ".join(texts[a : b + 1])
                cover = (
                    len(claim_terms & set(content_terms(quote))) / len(claim_terms)
                    if claim_terms
                    else 0.0
                )
                if bool(_NEGATION.search(claim)) != bool(_NEGATION.search(quote)):
                    continue  # "did not reopen" is not supported by "reopened"
                if cover < self.min_cover:
                    continue  # the claim's own facts must be in the quote, not just its topic
                sim = float(max(sims[a : b + 1]))
                score = 0.5 * sim + 0.5 * cover
                if score > best.score:
                    span = (sents[a][1][0], sents[b][1][1])
                    best = Support(score, n, span, quote)
        return best


def passage_sentences(p: Passage) -> list[tuple[str, tuple[int, int]]]:
    """The passage's sentences with their absolute spans in the document."""
    out = []
    for s, e in p.sentence_spans:
        a, b = s - p.start, e - p.start
        if 0 <= a < b <= len(p.text):
            out.append((p.text[a:b], (s, e)))
    if not out and p.text.strip():
        out.append((p.text.strip(), (p.start, p.end)))
    return out


def build_citations(
    claims: Sequence[tuple[Claim, Support]], passages: Sequence[Passage]
) -> tuple[str, list[Citation]]:
    """Render kept claims with markers renumbered by first use; one citation per passage."""
    numbering: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for claim, sup in claims:
        cites = [sup.passage] + [n for n in claim.cited if n != sup.passage]
        cites = [n for n in cites if n]
        marks = []
        for n in cites:
            if n not in numbering:
                numbering[n] = len(numbering) + 1
                p = passages[n - 1]
                quote, span = (sup.quote, sup.span) if n == sup.passage else _first(p)
                citations.append(
                    Citation(
                        n=numbering[n],
                        doc_id=p.doc_id,
                        chunk_id=p.chunk_id,
                        title=p.title,
                        source=p.source,
                        date=p.date,
                        url=p.url,
                        text=p.text,
                        quote=quote,
                        span=span,
                        support=round(sup.score, 3),
                    )
                )
            marks.append(numbering[n])
        parts.append(attach(unmark(claim.text), format_refs(marks)))
    return " ".join(parts), citations


def _first(p: Passage) -> tuple[str, tuple[int, int]]:
    sents = passage_sentences(p)
    return sents[0] if sents else (p.text, (p.start, p.end))
