"""Memo sections drafted by the model from the evidence the extractive memo chose.

The extractive memo (assistant/memo.py) picks, for each section, the cited passages that belong
there. With an LLM engine, the model rewrites the prose sections from exactly those passages
(prompts/memo.md), citing them by number; every sentence it writes is then checked by the same
`Verifier` as an answer against the passages it cites. A section keeps the model's sentences
when at least one holds and no more than a third fail (failed ones are dropped); otherwise it
stays extractive. The Positions section stays the per-party table (its statements are refined
by assistant/positions_llm.py). The memo's word budget and exports apply afterwards, unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.citations import is_instruction, parse
from assistant.markers import unmark
from assistant.types import Citation, MemoItem, MemoSection, Passage

if TYPE_CHECKING:
    from assistant.llm import Drafter

log = logging.getLogger(__name__)

DRAFTED = {
    "Bottom line": "Bottom line: the answer to the topic in {n} sentences",
    "Key developments": "Key developments: what happened, in date order, in {n} sentences",
    "Where they disagree and where they might meet": (
        "Where they disagree and where they might meet: the clash and any common ground, "
        "in {n} sentences"
    ),
    "What comes next": "What comes next: the announced events with their dates, in {n} sentences",
}
MAX_FAILED = 1 / 3  # share of a section's sentences that may fail before it stays extractive

PassageAt = Callable[[str, int], "Passage | None"]


def redraft(
    drafter: Drafter | None,
    topic: str,
    sections: list[MemoSection],
    citations: Sequence[Citation],
    passage_at: PassageAt,
) -> list[MemoSection]:
    """The memo's prose sections drafted by the model and verified; the rest unchanged."""
    if drafter is None:
        return sections
    by_n = {c.n: c for c in citations}
    jobs: list[tuple[int, list[int], list[Passage]]] = []
    for i, section in enumerate(sections):
        if section.heading not in DRAFTED:
            continue
        numbers = list(dict.fromkeys(r for it in section.items for r in it.all_refs()))
        kept: list[tuple[int, Passage]] = []
        for n in numbers:
            p = _passage(by_n[n], passage_at) if n in by_n else None
            if p is not None:
                kept.append((n, p))
        if kept:
            jobs.append((i, [n for n, _ in kept], [p for _, p in kept]))
    if not jobs:
        return sections
    from langchain_core.output_parsers import StrOutputParser

    from assistant.llm import as_runnable, prompt_template, render_passages

    chain = (prompt_template("memo") | as_runnable(drafter.chat) | StrOutputParser()).with_config(
        run_name="memo_section"
    )
    inputs = [
        {
            "passages": render_passages(passages),
            "topic": unmark(topic),
            "section": DRAFTED[sections[i].heading].format(n=max(2, len(sections[i].items))),
        }
        for i, _, passages in jobs
    ]
    replies = chain.batch(
        inputs, config={"max_concurrency": drafter.concurrency}, return_exceptions=True
    )
    out = list(sections)
    for (i, numbers, passages), reply in zip(jobs, replies, strict=True):
        if isinstance(reply, BaseException):
            log.warning("memo section %r: the model failed (%s)", sections[i].heading, reply)
            continue
        items = verified_items(drafter, str(reply), numbers, passages, len(sections[i].items))
        if items:
            out[i] = MemoSection(sections[i].heading, list(items), sections[i].bullets)
    return out


def verified_items(
    drafter: Drafter, reply: str, numbers: list[int], passages: list[Passage], most: int
) -> list[MemoItem]:
    """The reply's sentences that their cited passages support, as memo items citing the memo's
    own numbers; [] when none holds or too many fail (the section then stays extractive).
    """
    items: list[MemoItem] = []
    failed = total = 0
    from assistant.llm import without_thinking

    for claim in parse(without_thinking(reply), len(passages)):
        total += 1
        if not claim.cited or is_instruction(claim.text):
            failed += 1
            continue
        support = drafter.verifier.support(claim.text, passages, claim.cited)
        if support.score < drafter.verifier.threshold:
            failed += 1
            continue
        local = [support.passage, *claim.cited]
        refs = tuple(dict.fromkeys(numbers[n - 1] for n in local))
        items.append(MemoItem(unmark(claim.text), refs))
    if not items or failed > MAX_FAILED * total:
        return []
    return items[: max(2, most + 1)]


def _passage(c: Citation, passage_at: PassageAt) -> Passage | None:
    """The stored chunk holding the cited sentence: what the model reads and is checked on."""
    return passage_at(c.doc_id, c.span[0])
