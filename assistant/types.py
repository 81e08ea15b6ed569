"""The project's own small types.

Framework objects (LangChain documents, Chroma results, tensors) never cross these boundaries:
the UI, the CLI and scripts only see what is defined here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Article:
    """One cleaned document, ready to be chunked; `text` is what every span points into."""

    doc_id: str
    text: str
    title: str
    source: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) or ""
    url: str = ""
    language: str = ""
    path: str = ""  # file name, or "" for pasted text
    origin: str = ""  # the key that identifies "the same file" across re-ingests

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Chunk:
    """A contiguous slice of an article's text, made of whole sentences."""

    chunk_id: str
    doc_id: str
    ordinal: int
    text: str
    start: int  # character span in Article.text
    end: int
    sentence_spans: tuple[tuple[int, int], ...]  # absolute spans in Article.text
    embed_text: str = ""  # contextual header + text; what the embedder sees


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the metadata a reader needs to judge and cite it."""

    doc_id: str
    chunk_id: str
    text: str
    title: str
    source: str
    date: str
    url: str
    score: float
    start: int = 0
    end: int = 0
    sentence_spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentence_spans"] = [list(s) for s in self.sentence_spans]
        return d


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
class DocumentInfo:
    """What the catalog knows about one stored document."""

    doc_id: str
    title: str
    source: str
    date: str
    url: str
    path: str
    chunks: int
    words: int
    duplicate_of: str = ""  # set for near-duplicates stored as a link only

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestFailure:
    path: str
    reason: str


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicates: int = 0
    failed: list[IngestFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    chunks: int = 0
    seconds: float = 0.0
    doc_ids: list[str] = field(default_factory=list)
    duplicate_notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "skipped": list(self.skipped),
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
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
