"""Passages as retrieval hands them over, built from plain text, for tests that need no store."""

from __future__ import annotations

from assistant.types import Passage
from index.chunking import sentence_spans


def passage(
    text: str,
    doc_id: str = "d1",
    *,
    title: str = "",
    source: str = "Wire",
    date: str = "2024-03-04",
    url: str = "",
    start: int = 0,
    score: float = 1.0,
    chunk: int = 0,
) -> Passage:
    """A chunk of a document whose text starts at `start`; sentence spans are absolute."""
    spans = tuple((a + start, b + start) for a, b in sentence_spans(text))
    return Passage(
        doc_id=doc_id,
        chunk_id=f"{doc_id}:{chunk}",
        text=text,
        title=title or f"Title of {doc_id}",
        source=source,
        date=date,
        url=url,
        score=score,
        start=start,
        end=start + len(text),
        sentence_spans=spans,
    )
