"""Small to big: chunks are matched, readers get them widened with their neighbouring sentences.

The pure step (`widen`) and the whole search path on a HashEmbedder store: windows are whole
sentences within the budget, spans stay absolute (text == document[start:end]), hits of one
document never overlap and merge when their windows would meet, and a freed slot is refilled.
"""

from __future__ import annotations

from index.chunking import sentence_spans
from index.search import widen
from index.types import Passage
from tests.support.passages import passage

TOPICS = (
    "harbour",
    "orchard",
    "glacier",
    "railway",
    "vineyard",
    "lighthouse",
    "quarry",
    "brewery",
    "observatory",
    "tannery",
    "sawmill",
    "ferry",
    "granary",
    "foundry",
    "aqueduct",
    "monastery",
    "windmill",
    "canal",
)


def _document() -> str:
    return " ".join(
        f"The {w} board of Lindmoor met on day {i} and approved the {w} budget for repairs."
        for i, w in enumerate(TOPICS)
    )


def _core(doc: str, first: int, last: int, score: float = 1.0, doc_id: str = "d1") -> Passage:
    """A chunk made of sentences first..last of `doc`."""
    spans = sentence_spans(doc)
    start, end = spans[first][0], spans[last][1]
    return passage(doc[start:end], doc_id, start=start, score=score, chunk=first)


def _consistent(p: Passage, doc: str) -> None:
    assert p.text == doc[p.start : p.end]
    assert p.sentence_spans == tuple(sorted(p.sentence_spans))
    for s, e in p.sentence_spans:
        assert p.start <= s < e <= p.end


def test_widen_adds_whole_sentences_within_the_budget_on_each_side():
    doc = _document()
    spans = sentence_spans(doc)
    core = _core(doc, 8, 9)
    (w,) = widen([core], 0, doc, spans, budget=200)
    _consistent(w, doc)
    assert (w.start, w.end) in {(s, e) for s, _ in spans for _, e in spans}  # sentence bounds
    assert w.start < core.start and w.end > core.end
    assert core.start - w.start <= 200 and w.end - core.end <= 200
    # one more sentence on either side would break the budget
    before = [s for s, e in spans if e <= w.start]
    after = [e for s, e in spans if s >= w.end]
    assert core.start - before[-1] > 200 and after[0] - core.end > 200
    assert w.sentence_spans == tuple(sp for sp in spans if w.start <= sp[0] and sp[1] <= w.end)
    assert (w.chunk_id, w.score, w.doc_id) == (core.chunk_id, core.score, core.doc_id)


def test_widen_with_no_budget_or_no_room_keeps_the_chunk():
    doc = _document()
    spans = sentence_spans(doc)
    core = _core(doc, 4, 5)
    assert widen([core], 0, doc, spans, budget=0) == [core]
    first = _core(doc, 0, 1)
    (w,) = widen([first], 0, doc, spans, budget=10_000)
    assert w.start == 0 and w.end == len(doc)  # the whole document, never past its ends


def test_widen_merges_hits_whose_windows_would_meet_and_keeps_others_apart():
    doc = _document()
    spans = sentence_spans(doc)
    a, b = _core(doc, 2, 2, score=0.5), _core(doc, 4, 4, score=0.9)
    far = _core(doc, 15, 15, score=0.7)
    out = widen([far, a, b], 0, doc, spans, budget=120)
    assert len(out) == 2
    merged = next(p for p in out if p.start <= a.start)
    _consistent(merged, doc)
    assert merged.start <= a.start and merged.end >= b.end
    assert merged.chunk_id == b.chunk_id and merged.score == 0.9  # the best hit names it
    other = next(p for p in out if p is not merged)
    _consistent(other, doc)
    assert merged.end <= other.start  # never overlapping


def test_widen_reads_a_slice_of_the_document_at_an_offset():
    doc = _document()
    spans = sentence_spans(doc)
    lo, hi = spans[5][0], spans[12][1]
    core = _core(doc, 8, 8)
    near = [sp for sp in spans if lo <= sp[0] and sp[1] <= hi]
    (w,) = widen([core], lo, doc[lo:hi], near, budget=10_000)
    _consistent(w, doc)
    assert (w.start, w.end) == (lo, hi)


def test_search_returns_widened_consistent_passages(open_store):
    doc = _document()
    wide = open_store(chunk_tokens=30, passage_window_chars=250)
    wide.ingest_text(doc, title="Lindmoor boards", date="2024-03-04")
    other = "Fishermen in Brindle protested against new quotas on the tannery river."
    wide.ingest_text(other, title="Brindle", date="2024-03-05")
    (doc_id,) = [d.doc_id for d in wide.documents() if d.title == "Lindmoor boards"]
    found = wide.search("observatory budget", k=4)
    assert found and found[0].doc_id == doc_id and "observatory" in found[0].text
    texts = {d.doc_id: wide.document_text(d.doc_id) for d in wide.documents()}
    for p in found:
        _consistent(p, texts[p.doc_id] or "")
        assert wide.passage_at(p.doc_id, p.start) is not None
    mine = sorted((p.start, p.end) for p in found if p.doc_id == doc_id)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(mine, mine[1:], strict=False))
    bare = wide.services.retriever
    bare._window = 0  # the same store, chunks shown as they are
    chunk = wide.search("observatory budget", k=4)[0]
    assert chunk.start > found[0].start and chunk.end < found[0].end
    assert len(found[0].text) > len(chunk.text)


def test_merging_frees_a_slot_for_the_next_pick(open_store):
    doc = _document()
    a = open_store(chunk_tokens=60, passage_window_chars=5_000)
    a.ingest_text(doc, title="Lindmoor boards", date="2024-03-04")
    notes = (
        "Lindmoor's meadow budget was approved after a long debate among farmers.",
        "A bakery in Lindmoor won approval for its budget from the trade board.",
        "The pier board approved repairs; Lindmoor fishermen had asked for a budget.",
    )
    for i, text in enumerate(notes):
        a.ingest_text(text, title=f"Note {i}", date="2024-03-05")
    assert len(a.documents()) == 4
    found = a.search("Lindmoor budget board approved", k=4)
    # every chunk of the long document is one window; the other documents fill the slots
    assert len([p for p in found if p.title == "Lindmoor boards"]) == 1
    assert len(found) == 4
