"""The upper layer's own small types: citations, answers, positions, memos.

Framework objects (LangChain documents, Chroma results, tensors) never cross these boundaries:
the UI, the CLI and scripts only see what is defined here and in `index.types`, which this module
re-exports so callers have one place to import from.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple

from assistant import markers
from index.types import (
    Annotations,
    Article,
    Chunk,
    DocumentInfo,
    IngestFailure,
    IngestReport,
    Passage,
    StatementRow,
    StoredStatement,
    VoiceRow,
)

__all__ = [
    "Annotations",
    "Answer",
    "Article",
    "Chunk",
    "Citation",
    "DocumentInfo",
    "IngestFailure",
    "IngestReport",
    "Memo",
    "MemoItem",
    "MemoPiece",
    "MemoSection",
    "Passage",
    "Position",
    "StatementRow",
    "VoiceRow",
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


class MemoPiece(NamedTuple):
    """A piece of a memo item as renderers lay it out: plain text, a party name (shown bold),
    or the citation numbers of the text before it (shown as markers or footnotes).
    """

    kind: Literal["text", "party", "refs"]
    text: str = ""
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class MemoItem:
    """One sentence or bullet of a memo, as data: its text carries no markup and no markers.

    Laid out as `party — label: text [n]` (the markers before the text's final full stop), then
    each of `clauses` laid out the same way, joined by "; ". `refs` are citation numbers into
    the memo's `citations`.
    """

    text: str = ""
    refs: tuple[int, ...] = ()
    party: str = ""  # the party the item is about, emphasised (bold) by the renderers
    label: str = ""  # a lead-in: a date, a stance, "Possible common ground"
    clauses: tuple[MemoItem, ...] = ()

    def pieces(self) -> list[MemoPiece]:
        """The item in reading order, adjacent text merged (what every renderer walks)."""
        out: list[MemoPiece] = []

        def add(piece: MemoPiece) -> None:
            if piece.kind == "text" and not piece.text:
                return
            if piece.kind == "text" and out and out[-1].kind == "text":
                out[-1] = MemoPiece("text", out[-1].text + piece.text)
            else:
                out.append(piece)

        if self.party:
            add(MemoPiece("party", self.party))
            add(MemoPiece("text", " — "))
        own = bool(self.text or self.refs)  # a label alone leads straight into the clauses
        if self.label:
            add(MemoPiece("text", f"{self.label}: "))
        text = self.text
        if self.refs:
            end = text[-1] if text and text[-1] in ".!?" else ""
            add(MemoPiece("text", f"{text[: len(text) - len(end)]} "))
            add(MemoPiece("refs", refs=self.refs))
            add(MemoPiece("text", end))
        else:
            add(MemoPiece("text", text))
        for i, clause in enumerate(self.clauses):
            if i or own:
                add(MemoPiece("text", "; "))
            for piece in clause.pieces():
                add(piece)
        return out

    def all_refs(self) -> list[int]:
        """Every citation number of the item, in reading order."""
        return [n for p in self.pieces() if p.kind == "refs" for n in p.refs]

    def renumbered(self, mapping: dict[int, int]) -> MemoItem:
        return replace(
            self,
            refs=tuple(mapping[n] for n in self.refs),
            clauses=tuple(c.renumbered(mapping) for c in self.clauses),
        )

    @classmethod
    def from_markup(cls, text: str) -> MemoItem:
        """An item from a string in the memo's Markdown ("**party** — text [1]; more [2].").

        For memos written by hand: a leading bold name becomes the party, each marker the refs
        of the text before it; any other `**` stays text.
        """
        party = ""
        lead = re.match(r"\*\*(.+?)\*\*(?:\s+—\s+|\s*)", text)
        if lead:
            party, text = lead.group(1), text[lead.end() :]
        parts: list[tuple[str, tuple[int, ...]]] = []
        pos = 0
        for m in markers.MARKER.finditer(text):
            before = text[pos : m.start()]
            if parts and not before.strip():  # "[1][2]": one more source for the same text
                parts[-1] = (parts[-1][0], parts[-1][1] + markers.refs(m))
            else:
                parts.append((before, markers.refs(m)))
            pos = m.end()
        tail = text[pos:]
        if parts and tail[:1] and tail[0] in ".!?":
            parts[-1] = (parts[-1][0].rstrip() + tail[0], parts[-1][1])
            tail = tail[1:]
        if tail.strip() or not parts:
            parts.append((tail, ()))
        clauses = [
            cls(t.strip().removeprefix(";").strip() if i else t.strip(), r)
            for i, (t, r) in enumerate(parts)
        ]
        if len(clauses) == 1:
            return replace(clauses[0], party=party)
        return cls(party=party, clauses=tuple(clauses))


@dataclass(frozen=True)
class MemoSection:
    heading: str
    items: list[MemoItem]  # strings in the memo's Markdown are read with MemoItem.from_markup
    bullets: bool = True

    def __post_init__(self) -> None:
        items = [MemoItem.from_markup(i) if isinstance(i, str) else i for i in self.items]
        object.__setattr__(self, "items", items)


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
        """Words in the sections' items as the Markdown shows them (markers count as words)."""
        from assistant.memo_export import item_markdown

        return sum(len(item_markdown(i).split()) for s in self.sections for i in s.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date_line": self.date_line,
            "markdown": self.markdown,
            "citations": [c.to_dict() for c in self.citations],
        }
