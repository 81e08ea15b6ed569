"""Stance statements refined by the model, each checked against its cited passage.

The stance reader (assistant/stance.py) finds statements at ingest by rules over spaCy's parse.
With an LLM engine, the model re-reads each statement's passage and restates it as structured
output (holder, stance, target, quote; prompts/positions.md, `with_structured_output`). A
refinement is used only when it holds against the passage:

- the output parsed into the schema (malformed output is not guessed at);
- the quote is in the statement's own sentence, word for word (so the citation stays true);
- the holder is the statement's party or speaker, and the passage names them;
- most of the target's words are in the sentence, and nothing in it is an instruction.

Otherwise the statement stays as the reader found it. Refinements are kept per assistant, so a
statement is sent to the model once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from langchain_core.exceptions import OutputParserException
from pydantic import BaseModel, Field, ValidationError

from assistant.citations import is_instruction
from assistant.markers import MARKER
from assistant.types import Position
from index.text import content_terms, mentions

if TYPE_CHECKING:
    from assistant.llm import Drafter
    from assistant.parties import Registry

log = logging.getLogger(__name__)

LIMIT = 40  # statements refined per call, most useful first; the rest stay as read


class Statement(BaseModel):
    """One stance statement as the model restates it."""

    holder: str = Field(description="Who holds the position, as the passage names them.")
    stance: Literal["demands", "rejects", "offers", "warns", "assures"] = Field(
        description="What the holder does about the target."
    )
    target: str = Field(description="What the position is about, a short phrase (<= 15 words).")
    quote: str = Field(description="The passage's exact words that state the position.")


SameHolder = Callable[[str, Position], bool]


def refine(
    positions: Sequence[Position],
    drafter: Drafter | None,
    same_holder: SameHolder | None = None,
    limit: int = LIMIT,
) -> list[Position]:
    """The positions with the model's verified restatements; unchanged without a model."""
    out = list(positions)
    if drafter is None or not hasattr(drafter.chat, "with_structured_output"):
        return out
    same_holder = same_holder or _names_party
    todo = [i for i, p in enumerate(out[:limit]) if _key(p) not in drafter.refined]
    if todo:
        _ask(drafter, [out[i] for i in todo])
    for i, p in enumerate(out[:limit]):
        statement = drafter.refined.get(_key(p))
        if isinstance(statement, Statement) and holds(statement, p, same_holder):
            out[i] = replace(p, stance=statement.stance, about=_clean(statement.target))
    return out


def _ask(drafter: Drafter, positions: list[Position]) -> None:
    from assistant.llm import prompt_template

    model = drafter.chat.with_structured_output(Statement, include_raw=True)
    chain = (prompt_template("positions") | model).with_config(run_name="refine_position")
    inputs = [
        {
            "passage": p.citation.text.replace("```", "'''"),
            "statement": f"{p.party} {p.stance}: {p.text}",
        }
        for p in positions
    ]
    replies = chain.batch(
        inputs, config={"max_concurrency": drafter.concurrency}, return_exceptions=True
    )
    for p, reply in zip(positions, replies, strict=True):
        drafter.refined[_key(p)] = _parsed(reply, p)


def _parsed(reply: Any, p: Position) -> Statement | None:
    if isinstance(reply, (ValidationError, OutputParserException)):
        log.info("refining %r: malformed output (%s)", p.text[:60], str(reply).splitlines()[0])
        return None
    if isinstance(reply, BaseException):
        log.warning("refining %r: the model failed (%s)", p.text[:60], reply)
        return None
    if isinstance(reply, dict):
        if reply.get("parsing_error") is not None:
            log.info("refining %r: malformed output (%s)", p.text[:60], reply["parsing_error"])
            return None
        reply = reply.get("parsed")
    return reply if isinstance(reply, Statement) else None


def holds(statement: Statement, p: Position, same_holder: SameHolder) -> bool:
    """Whether the restatement is true to the statement's sentence and passage."""
    sentence, quote = _norm(p.text), _norm(statement.quote)
    if len(quote) < 8 or quote not in sentence:
        return False
    holder, target = statement.holder.strip(), _clean(statement.target)
    if not holder or not mentions(holder, p.citation.text) or not same_holder(holder, p):
        return False
    terms = set(content_terms(target))
    if not terms or len(target.split()) > 20:
        return False
    if len(terms & set(content_terms(p.text))) < 0.75 * len(terms):
        return False
    return not any(is_instruction(t) for t in (holder, target, statement.quote))


def _names_party(holder: str, p: Position) -> bool:
    named = [n for n in (p.party, p.speaker) if n]
    return any(mentions(holder, n) or mentions(n, holder) for n in named)


def _clean(text: str) -> str:
    return " ".join(MARKER.sub("", text).split()).strip(" .;:")


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().strip('"').lower()


def _key(p: Position) -> tuple[str, ...]:
    return (p.citation.doc_id, str(p.citation.span[0]), p.party_id, p.stance, p.text)


def by_registry(registry: Registry) -> SameHolder:
    """Holder check through the party registry: "the Americans" holds the US's statement."""

    def same(holder: str, p: Position) -> bool:
        named = {m.party for m in registry.mentions(holder)}
        return p.party_id in named or _names_party(holder, p)

    return same
