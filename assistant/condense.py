"""Rewriting a follow-up question into a stand-alone one, from the chat history.

Without an LLM this is rule-based: "and what about X?" swaps X for the party the previous
question asked about; a question leaning on pronouns ("why did they refuse?") borrows the
previous question's names and terms. With an LLM, `prompts/condense.md` does the same job
(`rewrite`/`arewrite`); a rewrite that is not one plain question (not ending in "?", several
lines, citation markers, an instruction, or nothing the conversation or question said) is not
trusted, and the rule-based rewrite is used instead, as it is when the model fails.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from assistant.markers import MARKER, unmark
from index.text import content_terms, named_entities

log = logging.getLogger(__name__)

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


# --- with a chat model --------------------------------------------------------------------------


def rewrite(question: str, history: Sequence[Any] | None, chat: Any = None) -> str:
    """The stand-alone question: the model's rewrite when a model is given, else the rules'."""
    if chat is None or not user_turns(history):
        return condense(question, history)
    try:
        reply = _chain(chat).invoke(_inputs(question, history))
    except Exception as exc:  # a model that fails must not fail the question
        log.warning("follow-up rewrite by the model failed (%s); using the rules", exc)
        reply = ""
    return _accept(reply, question, history) or condense(question, history)


async def arewrite(question: str, history: Sequence[Any] | None, chat: Any = None) -> str:
    if chat is None or not user_turns(history):
        return condense(question, history)
    try:
        reply = await _chain(chat).ainvoke(_inputs(question, history))
    except Exception as exc:
        log.warning("follow-up rewrite by the model failed (%s); using the rules", exc)
        reply = ""
    return _accept(reply, question, history) or condense(question, history)


def _chain(chat: Any) -> Any:
    from langchain_core.output_parsers import StrOutputParser

    from assistant.llm import as_runnable, prompt_template

    return (prompt_template("condense") | as_runnable(chat) | StrOutputParser()).with_config(
        run_name="condense"
    )


def _inputs(question: str, history: Sequence[Any] | None) -> dict[str, str]:
    lines = []
    for turn in list(history or [])[-6:]:
        if isinstance(turn, dict):
            role, content = str(turn.get("role", "")), turn.get("content")
            if role in ("user", "assistant") and isinstance(content, str):
                lines.append(f"{role.capitalize()}: {_short(content)}")
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            for role, content in zip(("User", "Assistant"), turn, strict=True):
                if isinstance(content, str):
                    lines.append(f"{role}: {_short(content)}")
    return {"history": "\n".join(lines), "question": question}


def _short(text: str, chars: int = 400) -> str:
    text = " ".join(unmark(text).split())
    return text if len(text) <= chars else text[:chars].rsplit(" ", 1)[0] + " ..."


def _accept(reply: str, question: str, history: Sequence[Any] | None) -> str:
    """The model's rewrite if it is one plain question grounded in the conversation."""
    from assistant.citations import is_instruction
    from assistant.llm import without_thinking

    text = without_thinking(reply).strip('"').strip()
    text = re.sub(r"^(?:stand-?alone question|question|rewritten)\s*:\s*", "", text, flags=re.I)
    if not text.endswith("?") or "\n" in text or len(text) > 3 * len(question) + 200:
        return ""  # not one question: an answer, a refusal, a chatty preamble
    if MARKER.search(text) or is_instruction(text):
        return ""
    said = set(content_terms(question + " " + " ".join(user_turns(history))))
    if said and not said & set(content_terms(text)):
        return ""  # shares nothing with what the user asked: not a rewrite of it
    return text
