"""The default answer engine: no LLM, deterministic, every sentence quoted from a passage.

Each quotable sentence of the retrieved passages gets the answer selector's probability that it
holds the answer (`assistant/selector.py`, fit on real news by `make train`); the best ones are
kept when they are not redundant and written in a readable order: the likeliest answer first,
then documents by relevance, and within a document in the order the author wrote them.

Every sentence quoted must stand alone: greetings, questions, captions and fragments are never
candidates, a dateline or transcript speaker label is cut from the quote, and a sentence that
leans on the one before ("They also ...", "But ...", "..., he said") is quoted together with
that sentence or not at all. A claim several passages state is written once, citing them all.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from assistant.citations import (
    Claim,
    Support,
    is_fragment,
    is_furniture,
    is_instruction,
    lead_to_strip,
    leans_on_previous,
    passage_sentences,
    same_claim,
    shared_terms,
)
from assistant.selector import (
    CROSS,
    FEATURES,
    Candidate,
    Selector,
    answer_type,
    features,
    holds_type,
    shipped,
)
from assistant.types import Passage
from index.reranker import Reranker
from index.text import content_terms


@dataclass(frozen=True)
class Scored:
    passage: int  # 1-based
    order: int  # position of the sentence in its passage
    text: str
    span: tuple[int, int]
    relevance: float
    similarity: float
    overlap: float
    # the sentences before it in its passage that it needs (text, span), when it leans on them
    before: tuple[tuple[str, tuple[int, int]], ...] = ()


@dataclass(frozen=True)
class ExtractiveConfig:
    # 5: gold fact recall 0.638 -> 0.695 against 4, RealTime QA dev hit unchanged (0.352);
    # 6 added nothing more, 3 lost both
    max_sentences: int = 5
    min_similarity: float = 0.35  # below this best sentence, the sources do not answer
    # a sentence quoted once they do needs this: 0.28 quotes "As Article 39 says, ..." (0.29) for
    # "Which UN Charter article did X invoke?"; gold fact recall 0.734 -> 0.750, citation recall
    # 0.859 -> 0.875, RealTime QA dev unchanged (0.25 and 0.22 measured the same)
    min_quote_similarity: float = 0.28
    min_typed_similarity: float = 0.25  # ... or this, holding the kind of thing asked for
    relative_cut: float = 0.75  # keep sentences within this share of the best one's relevance
    redundancy: float = 0.85  # drop a sentence this similar to one already kept
    max_context: int = 2  # sentences a leaning sentence may pull in before it
    max_sources: int = 4  # passages one merged claim may cite
    min_words: int = 5
    min_similarity_without_terms: float = 0.5  # a sentence sharing no question term needs this
    # an answer whose sentences hold fewer of the question's content terms is about its topic,
    # not what it asks, and abstains instead: chosen on RealTime QA train weeks
    min_question_coverage: float = 0.3


class SentenceCache:
    """Sentence vectors per passage: a follow-up question reuses the passages of the last one.

    Keyed by chunk, extent and sentence, since a passage may be a chunk widened by its
    neighbours and a question may need only some of its sentences embedded (`worth_embedding`).
    A sentence left out is a row of NaN: `candidates` never quotes it.
    """

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray], size: int = 16384) -> None:
        self._embed = embed
        self._size = size
        self._cache: dict[tuple[str, int, int, int], np.ndarray] = {}
        self._lock = threading.Lock()  # several users ask at once

    def vectors(
        self, passages: Sequence[Passage], wanted: Sequence[Sequence[bool]] | None = None
    ) -> list[np.ndarray]:
        with self._lock:
            return self._vectors(passages, wanted)

    def _vectors(
        self, passages: Sequence[Passage], wanted: Sequence[Sequence[bool]] | None
    ) -> list[np.ndarray]:
        texts = [[t for t, _ in passage_sentences(p)] for p in passages]
        missing: dict[tuple[str, int, int, int], str] = {}
        for pi, (p, ts) in enumerate(zip(passages, texts, strict=True)):
            for si, t in enumerate(ts):
                key = (*_key(p), si)
                if key not in self._cache and (wanted is None or wanted[pi][si]):
                    missing[key] = t
        if missing:
            vecs = self._embed(list(missing.values()))
            self._cache.update(zip(missing, vecs, strict=True))
        dim = next((len(r) for r in self._cache.values()), 1)
        blank = np.full(dim, np.nan, dtype=np.float32)
        out = []
        for p, ts in zip(passages, texts, strict=True):
            rows = [self._cache.get((*_key(p), si)) for si in range(len(ts))]
            out.append(np.array([blank if r is None else r for r in rows], dtype=np.float32))
        while len(self._cache) > self._size:
            self._cache.pop(next(iter(self._cache)))
        return out


def _key(p: Passage) -> tuple[str, int, int]:
    return (p.chunk_id, p.start, p.end)


# Sentences embedded per question at most. Embedding every sentence of the passages (~60 a
# question on real news) was 69% of an answer's time on a CPU without AVX-512; a sentence sharing
# no term with the question and holding nothing of the kind asked for was the best answer for 1
# of 89 RealTime QA dev questions. At 24, hit and abstentions are unchanged on 4 train and 6 dev
# weeks and gold fact recall stays 0.771; "holds the gold" lost one question in each (0.459 ->
# 0.446, 0.500 -> 0.481). 16 lost gold fact recall (0.740), 12 and 8 more.
EMBED_AT_MOST = 24


def worth_embedding(
    question: str, passages: Sequence[Passage], at_most: int = EMBED_AT_MOST
) -> list[list[bool]]:
    """Which sentences are worth a vector: those sharing the most of the question's terms or
    holding the kind of thing asked for, the better-ranked passages first on ties.
    """
    q_terms = set(content_terms(question))
    expected = answer_type(question)
    sentences = [passage_sentences(p) for p in passages]
    ranked = []
    for pi, ss in enumerate(sentences):
        for si, (t, _) in enumerate(ss):
            # the kind asked for counts as one more shared term: a name alone is common
            # (an obituary list held 30 above the sentence saying who "lives in Delaware")
            shared = len(q_terms & set(content_terms(t))) + holds_type(expected, question, t)
            if shared:
                ranked.append((-shared / max(len(q_terms), 1), pi, si))
    keep = {(pi, si) for _, pi, si in sorted(ranked)[:at_most]}
    return [[(pi, si) in keep for si in range(len(ss))] for pi, ss in enumerate(sentences)]


def candidates(
    question: str,
    passages: Sequence[Passage],
    similarities: Sequence[Sequence[float]],
    cfg: ExtractiveConfig,
) -> list[Scored]:
    """The sentences that could be quoted (standing alone, or with the sentences they lean on),
    with their similarity to the question; relevance is left to the selector.
    """
    q_terms = set(content_terms(question))
    out = []
    for pi, (p, sims) in enumerate(zip(passages, similarities, strict=True), start=1):
        sentences = passage_sentences(p)
        for si, ((raw, raw_span), sim) in enumerate(zip(sentences, sims, strict=True)):
            if math.isnan(sim):
                continue  # not embedded: `worth_embedding` judged it unable to answer
            text, span = standalone(raw, raw_span)
            if not text or not _is_statement(text, p.title, cfg):
                continue
            before = context(sentences, si, p.title, cfg) if leans_on_previous(text) else ()
            if before is None:
                continue  # it leans on a sentence the passage does not hold, or not a usable one
            terms = set(content_terms(text))
            overlap = len(q_terms & terms) / len(q_terms) if q_terms else 0.0
            if overlap == 0 and sim < cfg.min_similarity_without_terms:
                continue
            out.append(Scored(pi, si, text, span, 0.0, float(sim), overlap, before))
    return out


def score_sentences(
    question: str,
    qvec: np.ndarray,
    passages: Sequence[Passage],
    vectors: list[np.ndarray],
    cfg: ExtractiveConfig,
    selector: Selector | None = None,
    reranker: Reranker | None = None,
) -> list[Scored]:
    """Every quotable sentence, its relevance the selector's probability that it answers
    (with the re-ranker's score among its features when one is given).
    """
    # a passage none of whose sentences was embedded has rows of one NaN
    sims = [vecs @ qvec if vecs.shape[-1] == len(qvec) else vecs[:, 0] for vecs in vectors]
    found = candidates(question, passages, [list(map(float, s)) for s in sims], cfg)
    if selector is None:
        selector = shipped(reranked=reranker is not None)
    return rate(question, found, passages, selector, reranker, cfg.min_similarity)


def rate(
    question: str,
    found: Sequence[Scored],
    passages: Sequence[Passage],
    selector: Selector,
    reranker: Reranker | None = None,
    min_similarity: float = 0.0,
) -> list[Scored]:
    """The selector's probabilities as relevance; `min_similarity`: the similarity a sentence
    needs to be quoted at all (`ExtractiveConfig.min_similarity`).
    """
    cross = None
    seen = as_candidates(found, passages)
    if selector.names[len(FEATURES) :] == CROSS:  # fit with the re-ranker's score
        if reranker is None:
            raise ValueError("this selector was fit with a re-ranker's score: pass the re-ranker")
        cross = _cross(question, found, seen, reranker)
    probs = selector.probabilities(features(question, seen, cross))
    expected = answer_type(question)
    if expected is not None and not _MORE_QUESTIONS.search(question):
        holds = [holds_type(expected, question, quote(s)) for s in found]
        held = [
            p
            for p, h, s in zip(probs, holds, found, strict=True)
            if h and s.similarity >= min_similarity
        ]
        # "how long": a sentence with a duration beats one about the talks, when one is likely
        # enough to be quoted and close enough to be (so the rule never makes an abstention)
        if held and max(held) >= selector.abstain_below:
            probs = [p if h else p * TYPE_MISS_FACTOR for p, h in zip(probs, holds, strict=True)]
    return [replace(s, relevance=p) for s, p in zip(found, probs, strict=True)]


# When some candidate holds the kind of thing asked for (a duration for "how long", a number
# for "how many", a date for "when", a name for "who"), the others' odds
# are scaled by this. The fit alone weighs the kind lightly: in the news questions it is fit on
# most questions ask "which ...", and a news lead outweighed the sentence with the duration.
# 0.6 leaves RealTime QA train/dev top-1 and hit unchanged (0.4 lost dev hit).
TYPE_MISS_FACTOR = 0.6
# "What did Kuleba say, and how many tanks ...?": the kind asked for is one part's only
_MORE_QUESTIONS = re.compile(r"\b(and|or)\s+(how|when|who|whom|what|which|where|why)\b", re.I)


def asks_several(question: str) -> bool:
    """Whether the question joins two questions ("Who ..., and how did X react?")."""
    return _MORE_QUESTIONS.search(question) is not None


# sentences the re-ranker reads per question (~6 ms each on 2 cores): the smallest number that
# lost nothing (RealTime QA dev answer hit 0.370 at 12, 10 and 8, 0.352 at 6; gold fact recall
# 0.599 at 12 and 10, 0.615 at 8 and 6)
RERANK_AT_MOST = 8


def _cross(
    question: str, found: Sequence[Scored], seen: Sequence[Candidate], reranker: Reranker
) -> list[float]:
    """The re-ranker's scores: for the `RERANK_AT_MOST` sentences the selector alone rates
    best; the others get the lowest of those (reading all cost 350 ms p50 at 10k chunks).
    """
    top = list(range(len(found)))
    if len(found) > RERANK_AT_MOST:
        prior = shipped().probabilities(features(question, seen))
        top = sorted(top, key=lambda i: -prior[i])[:RERANK_AT_MOST]
    scores = reranker.score(question, [quote(found[i]) for i in top])
    out = [float(scores.min()) if len(scores) else 0.0] * len(found)
    for i, x in zip(top, scores, strict=True):
        out[i] = float(x)
    return out


def quotable_sentences(
    question: str, scored: Sequence[Scored], cfg: ExtractiveConfig
) -> list[Scored]:
    """The sentences close enough to the question to be quoted once the sources answer it. One
    holding the kind of thing asked for ("We had planned it to last an hour and a half." for
    "How long did the meeting last?") may be further from the question's wording than others:
    it shares the fact, not the words (`min_typed_similarity`, against `min_quote_similarity`).
    """
    expected = answer_type(question)
    out = []
    for s in scored:
        floor = cfg.min_quote_similarity
        if expected is not None and holds_type(expected, question, quote(s)):
            floor = min(floor, cfg.min_typed_similarity)
        if s.similarity >= floor:
            out.append(s)
    return out


def quote(s: Scored) -> str:
    """The sentence as the answer would write it: with the sentences it leans on before it."""
    return " ".join([b[0] for b in s.before] + [s.text])


def as_candidates(found: Sequence[Scored], passages: Sequence[Passage]) -> list[Candidate]:
    """What the selector sees of each sentence (also what `make train` fits it on)."""
    dates = [_day(p.date) for p in passages]
    newest = max((d for d in dates if d is not None), default=None)
    oldest = min((d for d in dates if d is not None), default=None)
    span = None if newest is None or oldest is None else float((newest - oldest).days)

    def behind(i: int) -> float | None:
        d = dates[i - 1]
        return None if d is None or newest is None else float((newest - d).days)

    return [
        Candidate(
            s.text,
            s.passage,
            s.order,
            s.similarity,
            passages[s.passage - 1].title,
            passages[s.passage - 1].start == 0,
            bool(s.before),
            behind(s.passage),
            span,
        )
        for s in found
    ]


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def leans_at_start(p: Passage) -> bool:
    """Whether the passage opens on a sentence that leans on the one before it ("This is with
    regard to ..."), which the passage does not hold: the answer path then reads the sentences
    before the chunk too (`Retriever.lead_in`), or the sentence could never be quoted.
    """
    sentences = passage_sentences(p)
    if not sentences or p.start <= 0:
        return False
    text, _ = standalone(*sentences[0])
    return bool(text) and leans_on_previous(text)


# a page's bullet or a label's colon left at a sentence's start
_LEAD_GLYPHS = re.compile(r"[\u25b6\u25ba\u2022\u00b7\u25cf\u25a0\u25aa\u2023\u2043*:;,|>]+\s*")


def standalone(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The sentence as it may be quoted: no dateline or speaker label at its start ("" when it
    is furniture: a greeting, a question, a caption, a journalist's question).
    """
    if is_furniture(text):
        return "", span
    glyph = _LEAD_GLYPHS.match(text)
    if glyph and glyph.end() < len(text):  # "▶ A Boeing 737 crashed ...", ": Slow-roasted ..."
        text, span = text[glyph.end() :], (span[0] + glyph.end(), span[1])
    cut = lead_to_strip(text)
    if cut:
        rest = text[cut:]
        lstripped = rest.lstrip()
        cut += len(rest) - len(lstripped)
        text, span = lstripped, (span[0] + cut, span[1])
        if is_furniture(text):
            return "", span
    return text, span


def context(
    sentences: Sequence[tuple[str, tuple[int, int]]], i: int, title: str, cfg: ExtractiveConfig
) -> tuple[tuple[str, tuple[int, int]], ...] | None:
    """The sentences before sentence `i` that it leans on, up to the first that stands alone
    (at most `cfg.max_context`); None when the passage does not hold a usable one.
    """
    out: list[tuple[str, tuple[int, int]]] = []
    j = i - 1
    while j >= 0 and len(out) < cfg.max_context:
        text, span = standalone(*sentences[j])
        if not text or not _is_statement(text, title, cfg):
            return None
        out.insert(0, (text, span))
        if not leans_on_previous(text):
            return tuple(out)
        j -= 1
    return None


_TERMINAL = (".", "!", '"', "\u201d", "\u2019", "'", ")")


def _is_statement(text: str, title: str, cfg: ExtractiveConfig) -> bool:
    """A full sentence of reporting: not a heading, dateline, caption, question or an
    instruction planted for a model.
    """
    if is_instruction(text) or is_fragment(text):
        return False
    words = text.split()
    if len(words) < cfg.min_words or text.rstrip().endswith("?"):
        return False
    if not text.rstrip().endswith(_TERMINAL) and (len(words) < 15 or text.rstrip()[-1:] in ",:;"):
        return False
    if sum(any(ch.isdigit() for ch in w) for w in words) > len(words) / 3:
        return False  # datelines, reference numbers, tables
    title_words = set(title.lower().split())
    # the title again, give or take a few words ("Ministers" for "Ministries", a backquote)
    return not title_words or len(set(text.lower().split()) - title_words) > max(
        2, len(words) // 10
    )


def select(
    scored: list[Scored],
    vectors: dict[tuple[int, int], np.ndarray],
    cfg: ExtractiveConfig,
    keep_ratio: float | None = None,
) -> list[Scored]:
    """Best sentences first, skipping near-repeats (wire copy quotes the same line twice).

    Further sentences are kept while their relevance is `keep_ratio` (default
    `cfg.relative_cut`) of the best one's.
    """
    if not scored:
        return []
    ratio = cfg.relative_cut if keep_ratio is None else keep_ratio
    ranked = sorted(scored, key=lambda s: -s.relevance)
    best = ranked[0].relevance
    kept: list[Scored] = []
    for s in ranked:
        if len(kept) >= cfg.max_sentences or s.relevance < ratio * best:
            break
        v = vectors[(s.passage, s.order)]
        if any(_repeats(s, k, float(v @ vectors[(k.passage, k.order)]), cfg) for k in kept):
            continue  # written once, citing both (see `compose`)
        kept.append(s)
    # a kept sentence that another kept sentence leans on is written with it, as one quote
    needed = {(s.passage, span) for s in kept for _, span in s.before}
    return [s for s in kept if (s.passage, s.span) not in needed]


def _repeats(s: Scored, k: Scored, similarity: float, cfg: ExtractiveConfig) -> bool:
    return similarity > cfg.redundancy or _same(s.text, k.text, similarity)


# Below this cosine no labelled same-claim pair falls (the lowest merged one is 0.77), so the
# word tests are skipped: they cost more than the vectors on long treaty sentences.
_NOT_SAME_BELOW = 0.6


def _same(a: str, b: str, similarity: float) -> bool:
    return similarity >= _NOT_SAME_BELOW and same_claim(a, b, similarity)


def compose(
    kept: Sequence[Scored],
    candidates: Sequence[Scored],
    passages: Sequence[Passage],
    vectors: dict[tuple[int, int], np.ndarray],
    cfg: ExtractiveConfig,
) -> list[tuple[Claim, Support]]:
    """The answer's claims in the order given: each leaning sentence right after the sentences
    it needs (all cited), each claim once, citing every passage among `candidates` (from
    another document) that states it too.
    """
    units: list[tuple[Scored, list[Scored]]] = []  # a kept sentence and its other sources
    for s in kept:
        merged = False
        for u, others in units:
            sim = float(vectors[(s.passage, s.order)] @ vectors[(u.passage, u.order)])
            same_place = s.span == u.span and (
                passages[s.passage - 1].doc_id == passages[u.passage - 1].doc_id
            )
            if same_place or _repeats(s, u, sim, cfg):
                if s.passage != u.passage and all(o.passage != s.passage for o in others):
                    others.append(s)
                merged = True
                break
        if not merged:
            units.append((s, []))
    claims: list[tuple[Claim, Support]] = []
    written: set[tuple[str, tuple[int, int]]] = set()  # (document, span) of what is written
    for u, others in units:
        doc_of_u = passages[u.passage - 1].doc_id
        docs = {passages[u.passage - 1].doc_id} | {passages[o.passage - 1].doc_id for o in others}
        for c in sorted(candidates, key=lambda c: -c.relevance):
            if len(others) + 1 >= cfg.max_sources:
                break
            doc = passages[c.passage - 1].doc_id
            if doc in docs or c.before:
                continue
            sim = float(vectors[(c.passage, c.order)] @ vectors[(u.passage, u.order)])
            if _same(c.text, u.text, sim):
                others.append(c)
                docs.add(doc)
        text, lead = u.text, u
        for o in others:  # the fuller wording is kept, and cited first
            if not o.before and _fuller(o.text, text):
                text, lead = o.text, o
        sources = [lead] + [x for x in [u, *others] if x is not lead]
        extra = tuple(Support(1.0, x.passage, x.span, x.text) for x in sources[1:])
        group = [] if lead is not u else [b for b in u.before if (doc_of_u, b[1]) not in written]
        if group:
            p = passages[u.passage - 1]
            a, b = group[0][1][0], u.span[1]
            joined = p.text[a - p.start : b - p.start]
            first = Support(1.0, u.passage, (a, b), joined)
            claims.append((Claim(group[0][0], (u.passage,)), first))
            for t, sp in group[1:]:
                claims.append((Claim(t, (u.passage,)), Support(1.0, u.passage, sp, t)))
            written.update((doc_of_u, sp) for _, sp in group)
        key = (passages[lead.passage - 1].doc_id, lead.span)
        if key in written:
            continue
        written.add(key)
        cited = tuple(x.passage for x in sources)
        claims.append((Claim(text, cited), Support(1.0, lead.passage, lead.span, text, extra)))
    return claims


def _fuller(a: str, b: str) -> bool:
    """Whether `a` says clearly more than `b` (a third more content words, most of b's)."""
    ta, tb = len(set(content_terms(a))), len(set(content_terms(b)))
    return ta >= 1.34 * tb and shared_terms(a, b)[0] >= 0.6


def readable_order(
    kept: list[Scored], passages: Sequence[Passage], lead_similarity: float = 0.0
) -> list[Scored]:
    """The sentence most likely to answer first; the others grouped by document (most relevant
    document first), each in reading order. (In reading order alone, a topical sentence the
    author wrote first opened the answer: "The talks covered ... . The talks lasted eight hours.")
    The first is one at least `lead_similarity` close to the question when there is one: a
    sentence quoted under that floor may add to an answer, not open it ("the union accepted a
    7 percent pay rise" before "the union had demanded a 12 percent raise").
    """
    if not kept:
        return []
    close = [s for s in kept if s.similarity >= lead_similarity] or kept
    best = max(close, key=lambda s: s.relevance)
    doc_rank: dict[str, float] = {}
    for s in kept:
        d = passages[s.passage - 1].doc_id
        doc_rank[d] = max(doc_rank.get(d, 0.0), s.relevance)
    rest = [s for s in kept if s is not best]
    return [best] + sorted(
        rest, key=lambda s: (-doc_rank[passages[s.passage - 1].doc_id], s.span[0])
    )
