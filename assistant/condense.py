"""Rewriting a follow-up question into a stand-alone one, from the chat history.

Without an LLM this is rule-based: "and what about X?" swaps X for the party the previous
question asked about; a question leaning on pronouns ("why did they refuse?") borrows the
previous question's names and terms. With an LLM, `prompts/condense.md` does the same job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from index.text import content_terms, named_entities

_WHAT_ABOUT = re.compile(
    r"^\s*(?:and|but|so)?\s*(?:what|how)\s+about\s+(?P<x>.+?)\s*\??\s*$|"
    r"^\s*(?:and|but)\s+(?!(?:what|who|whom|how|why|when|where|which|did|does|do|is|are|was|"
    r"were|can|could|will|would|has|have|had)\b)(?P<y>(?:\S+\s*){1,5})\?\s*$",
    re.IGNORECASE,
)
_LEANING = re.compile(
    r"\b(they|them|their|theirs|he|him|his|she|her|it|its|this|that|these|those|there|then)\b",
    re.IGNORECASE,
)


def user_turns(history: Sequence[Any] | None) -> list[str]:
    """User messages from a history given as (user, assistant) pairs or role/content dicts."""
    out: list[str] = []
    for turn in history or []:
        if isinstance(turn, dict):
            if turn.get("role") == "user" and isinstance(turn.get("content"), str):
                out.append(turn["content"])
        elif isinstance(turn, (list, tuple)) and turn and isinstance(turn[0], str):
            out.append(turn[0])
    return out


def condense(question: str, history: Sequence[Any] | None) -> str:
    previous = user_turns(history)
    if not previous:
        return question
    prev = previous[-1]
    if len(previous) > 1 and is_follow_up(prev):
        prev = condense(prev, [{"role": "user", "content": q} for q in previous[:-1]])
    m = _WHAT_ABOUT.match(question)
    if m:
        subject = (m.group("x") or m.group("y") or "").strip()
        prev_entities = named_entities(prev)
        if prev_entities and subject:
            return re.sub(re.escape(prev_entities[0]), subject, prev, count=1)
        return f"{prev.rstrip('?')} {subject}?"
    if is_follow_up(question):
        context = " ".join(dict.fromkeys(named_entities(prev) + _key_words(prev)))
        return f"{question.rstrip()} ({context})" if context else question
    return question


def is_follow_up(question: str) -> bool:
    if _WHAT_ABOUT.match(question):
        return True
    if re.match(r"^\s*(?:and|but|so|then)\b", question, re.IGNORECASE) and re.search(
        r"\b(?:in return|instead|in response|in exchange|after that|then)\b", question, re.I
    ):
        return True  # "And what did NATO want in return?" continues the last question
    has_names = bool(named_entities(question))
    leans = bool(_LEANING.search(question))
    short = len(content_terms(question)) <= 2
    return (leans and not has_names) or (short and not has_names)


def _key_words(text: str) -> list[str]:
    names = {w.lower() for e in named_entities(text) for w in e.split()}
    words = re.findall(r"[A-Za-z][A-Za-z'\-]+", text)
    return [w for w in words if w.lower() not in names and content_terms(w)][:6]
