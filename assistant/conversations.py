"""Saved conversations: each user's questions and cited answers, kept in the store's catalog
(table `conversations`, SQLite or the shared PostgreSQL), so a reload or another device reopens
them with their citations, and they can be renamed, deleted and exported as Markdown.

A user is the login name (BRIEFING_AUTH), an API key's fingerprint, or "anonymous" when the app
has no login; nobody reads another user's conversations.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assistant.types import Answer, Citation
from index.catalog import Catalog
from index.types import Passage

TITLE_CHARS = 80


@dataclass(frozen=True)
class Turn:
    question: str
    answer: Answer
    asked: str  # ISO 8601 UTC

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer.to_dict(), "asked": self.asked}


@dataclass
class Conversation:
    conversation_id: str
    owner: str
    title: str
    created: str
    updated: str
    turns: list[Turn] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "conversation_id": self.conversation_id,
            "title": self.title,
            "created": self.created,
            "updated": self.updated,
            "turns": len(self.turns),
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "messages": [t.to_dict() for t in self.turns]}

    def history(self) -> list[dict[str, str]]:
        """The role/content messages an `Assistant.ask` continues from."""
        out = []
        for t in self.turns:
            out += [
                {"role": "user", "content": t.question},
                {"role": "assistant", "content": t.answer.text},
            ]
        return out

    def markdown(self) -> str:
        """The conversation as Markdown: each question, its answer, then its numbered sources.

        What came from documents or users is escaped as in the memo's Markdown (`md_escape`):
        no tag, image or link from it; source links only for http(s) URLs (`safe_url`).
        """
        from assistant.markers import safe_url
        from assistant.memo_export import md_escape, shown_quote

        saved = self.updated[:16].replace("T", " ")
        lines = [f"# {md_escape(self.title)}", "", f"_Saved {md_escape(saved)} UTC_", ""]
        for t in self.turns:
            lines += [f"## {md_escape(t.question)}", "", md_escape(t.answer.text), ""]
            for c in sorted(t.answer.citations, key=lambda c: c.n):
                where = ", ".join(md_escape(b) for b in (c.source, c.date or "date unknown") if b)
                url = safe_url(c.url)
                link = f" <{url}>" if url else ""
                lines.append(
                    f"{c.n}. {md_escape(c.title)} ({where}){link}: “{md_escape(shown_quote(c))}”"
                )
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def answer_from_dict(d: dict[str, Any]) -> Answer:
    """An `Answer` back from `Answer.to_dict()` (citations and closest passages included)."""
    citations = [Citation(**{**c, "span": tuple(c.get("span") or (0, 0))}) for c in d["citations"]]
    closest = [
        Passage(**{**p, "sentence_spans": tuple(tuple(s) for s in p.get("sentence_spans", ()))})
        for p in d.get("closest", [])
    ]
    return Answer(
        text=d["text"],
        citations=citations,
        abstained=bool(d.get("abstained")),
        question=d.get("question", ""),
        standalone_question=d.get("standalone_question", ""),
        uncovered=list(d.get("uncovered", [])),
        closest=closest,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ConversationStore:
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def save_turn(
        self, owner: str, conversation_id: str | None, question: str, answer: Answer
    ) -> str:
        """Append a turn; a missing, unknown or 'new' id starts a conversation. Returns its id."""
        now = _now()
        turn = Turn(question, answer, now)
        found = self.get(owner, conversation_id) if conversation_id else None
        with self._catalog.transaction() as db:
            if found is None:
                cid = uuid.uuid4().hex[:16]
                title = " ".join(question.split())[:TITLE_CHARS] or "Conversation"
                db.execute(
                    "INSERT INTO conversations (conversation_id, owner, title, created, updated, "
                    "turns) VALUES (?, ?, ?, ?, ?, ?)",
                    (cid, owner, title, now, now, json.dumps([turn.to_dict()])),
                )
                return cid
            turns = [t.to_dict() for t in found.turns] + [turn.to_dict()]
            db.execute(
                "UPDATE conversations SET turns = ?, updated = ? "
                "WHERE conversation_id = ? AND owner = ?",
                (json.dumps(turns), now, found.conversation_id, owner),
            )
            return found.conversation_id

    def list(self, owner: str) -> list[Conversation]:
        with self._catalog.transaction() as db:
            rows = db.execute(
                "SELECT conversation_id, owner, title, created, updated, turns FROM conversations "
                "WHERE owner = ? ORDER BY updated DESC, created DESC",
                (owner,),
            ).fetchall()
        return [_conversation(r) for r in rows]

    def get(self, owner: str, conversation_id: str | None) -> Conversation | None:
        with self._catalog.transaction() as db:
            row = db.execute(
                "SELECT conversation_id, owner, title, created, updated, turns FROM conversations "
                "WHERE owner = ? AND conversation_id = ?",
                (owner, conversation_id or ""),
            ).fetchone()
        return _conversation(row) if row else None

    def rename(self, owner: str, conversation_id: str, title: str) -> bool:
        title = " ".join(title.split())[:200]
        if not title or self.get(owner, conversation_id) is None:
            return False
        with self._catalog.transaction() as db:
            db.execute(
                "UPDATE conversations SET title = ? WHERE conversation_id = ? AND owner = ?",
                (title, conversation_id, owner),
            )
        return True

    def delete(self, owner: str, conversation_id: str) -> bool:
        if self.get(owner, conversation_id) is None:
            return False
        with self._catalog.transaction() as db:
            db.execute(
                "DELETE FROM conversations WHERE conversation_id = ? AND owner = ?",
                (conversation_id, owner),
            )
        return True


def _conversation(row: Any) -> Conversation:
    turns = [
        Turn(t["question"], answer_from_dict(t["answer"]), t.get("asked", ""))
        for t in json.loads(row[5] or "[]")
    ]
    return Conversation(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), turns)
