"""The types the index produces: documents, chunks, passages, ingest reports, statement rows.

They sit at the bottom of the project: `index/` makes them and `assistant/` reads them, so
neither framework objects (Chroma results, tensors) nor the upper layer's types leak down here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
    updated: int = 0  # same text, a corrected header (title, date, source, url)
    stopped: str = ""  # why the batch stopped early (a full disk), or ""
    failed: list[IngestFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    chunks: int = 0
    seconds: float = 0.0
    doc_ids: list[str] = field(default_factory=list)
    duplicate_notes: list[str] = field(default_factory=list)
    # stored, with something missing: "<file>: stored without positions (<reason>)"
    notes: list[str] = field(default_factory=list)

    def add(self, part: IngestReport) -> None:
        """Count a part of the same run into this report (its seconds are the caller's to add:
        parts timed inside a run overlap it).
        """
        self.added += part.added
        self.unchanged += part.unchanged
        self.replaced += part.replaced
        self.duplicates += part.duplicates
        self.updated += part.updated
        self.stopped = self.stopped or part.stopped
        self.failed += part.failed
        self.skipped += part.skipped
        self.chunks += part.chunks
        self.doc_ids += part.doc_ids
        self.duplicate_notes += part.duplicate_notes
        self.notes += part.notes

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "stopped": self.stopped,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "skipped": list(self.skipped),
            "notes": list(self.notes),
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class StatementRow:
    """One stance statement of a document as the catalog stores it (span into the document text)."""

    party_id: str
    stance: str
    start: int
    end: int
    about: str = ""
    speaker: str = ""
    voice: str = ""

    def as_tuple(self) -> tuple[str, str, int, int, str, str, str]:
        return (
            self.party_id,
            self.stance,
            self.start,
            self.end,
            self.about,
            self.speaker,
            self.voice,
        )


@dataclass(frozen=True)
class VoiceRow:
    """Whose words a stretch of a document is (a span of consecutive sentences), read at ingest
    so that the question path can say who is speaking without parsing: a transcript turn, a
    party's own first-person text, a named speaker's quoted words, or a journalist's question.
    Text with no row is the outlet's own reporting.
    """

    start: int
    end: int
    speaker: str  # the person, when named ("Wendy R. Sherman")
    party_id: str  # the party the words belong to, or ""
    kind: str  # "turn", "own", "quote" or "question"

    def as_tuple(self) -> tuple[int, int, str, str, str]:
        return (self.start, self.end, self.speaker, self.party_id, self.kind)


@dataclass(frozen=True)
class Annotations:
    """What the language layer stores with a document: its stance statements and its voices."""

    statements: tuple[StatementRow, ...] = ()
    voices: tuple[VoiceRow, ...] = ()


@dataclass(frozen=True)
class StoredStatement:
    """A stored statement joined with its sentence and its document's metadata."""

    doc_id: str
    row: StatementRow
    sentence: str
    title: str
    source: str
    date: str
    url: str


def date_key(iso: str) -> int:
    """A date as the sortable integer the vector index filters on (YYYYMMDD; 0 when undated)."""
    return int(iso.replace("-", "")) if iso else 0


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some documents, sources or a date range (ISO dates, inclusive).

    Store-neutral: each index adapter translates it into its own filter syntax.
    """

    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_any(cls, value: Filters | dict[str, Any] | None) -> Filters | None:
        if value is None or isinstance(value, Filters):
            return value
        return cls(
            doc_ids=tuple(value.get("doc_ids", ()) or ()),
            sources=tuple(value.get("sources", ()) or ()),
            date_from=str(value.get("date_from", "") or ""),
            date_to=str(value.get("date_to", "") or ""),
        )

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.sources or self.date_from or self.date_to)

    def admits(self, d: DocumentInfo) -> bool:
        return (
            (not self.doc_ids or d.doc_id in self.doc_ids)
            and (not self.sources or d.source in self.sources)
            and (not self.date_from or (bool(d.date) and d.date >= self.date_from))
            and (not self.date_to or (bool(d.date) and d.date <= self.date_to))
        )
