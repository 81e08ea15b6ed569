"""The upper layer's own small types: citations, answers, positions, memos.

Framework objects (LangChain documents, Chroma results, tensors) never cross these boundaries:
the UI, the CLI and scripts only see what is defined here and in `index.types`, which this module
re-exports so callers have one place to import from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.types import (
    Article,
    Chunk,
    DocumentInfo,
    IngestFailure,
    IngestReport,
    Passage,
    StatementRow,
    StoredStatement,
)

__all__ = [
    "Answer",
    "Article",
    "Chunk",
    "Citation",
    "DocumentInfo",
    "IngestFailure",
    "IngestReport",
    "Memo",
    "MemoSection",
    "Passage",
    "Position",
    "StatementRow",
    "StoredStatement",
    "TimelineEvent",
]


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    chunk_id: str
    title: str
    source: str
    date: str
    url: str
    text: str  # the whole passage
    quote: str  # the supporting sentence(s)
    span: tuple[int, int]  # character span of `quote` in the document text
    support: float

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    question: str = ""
    standalone_question: str = ""
    uncovered: list[str] = field(default_factory=list)
    closest: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "abstained": self.abstained,
            "question": self.question,
            "standalone_question": self.standalone_question,
            "uncovered": list(self.uncovered),
            "citations": [c.to_dict() for c in self.citations],
            "closest": [p.to_dict() for p in self.closest],
        }


@dataclass(frozen=True)
class Position:
    """One party's stated position, as one sentence of one document says it."""

    party: str  # display name
    party_id: str
    stance: str  # demands, rejects, offers, warns, assures
    text: str  # the statement (the sentence)
    about: str  # what it is about (the words after the stance cue)
    citation: Citation
    speaker: str = ""  # the person who made it, when named
    voice: str = "paraphrase"  # "own" (quote or official text) or "paraphrase" (reported)
    said_on: str = ""  # ISO date the statement was made (the document's date if no other)
    corroboration: int = 1  # independent documents carrying the same position
    superseded_by: str = ""  # chunk id of a later statement that changes this one

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["citation"] = self.citation.to_dict()
        return d


@dataclass(frozen=True)
class TimelineEvent:
    date: str  # ISO date
    text: str  # the sentence
    citation: Citation
    expression: str = ""  # the words that gave the date ("on Wednesday")

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "text": self.text,
            "expression": self.expression,
            "citation": self.citation.to_dict(),
        }


@dataclass(frozen=True)
class MemoSection:
    heading: str
    items: list[str]  # sentences or bullets, each ending with its [n] markers
    bullets: bool = True


@dataclass(frozen=True)
class Memo:
    title: str
    date_line: str
    sections: list[MemoSection]
    citations: list[Citation]
    markdown: str

    def export(self, format: str, path: str | Path) -> Path:
        """Write the memo as 'md', 'docx' or 'html'; returns the path written."""
        from assistant.memo_export import export

        return export(self, format, Path(path))

    def words(self) -> int:
        return sum(len(item.split()) for s in self.sections for item in s.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date_line": self.date_line,
            "markdown": self.markdown,
            "citations": [c.to_dict() for c in self.citations],
        }
