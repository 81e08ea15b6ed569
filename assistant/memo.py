"""Short briefing memos in the usual shape, assembled from cited sentences (no LLM needed).

Bottom line up front, key developments, each party's positions, where they disagree and might
meet, what comes next, sources. Every bullet carries its citation; the memo stays within a word
budget by cutting the least central material first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from assistant.citations import balance_quotes, leans_on_previous, same_claim
from assistant.full_names import as_written
from assistant.markers import cited, unmark
from assistant.memo_export import item_markdown, to_markdown
from assistant.positions import dangling, on_topic, rank
from assistant.timeline import FUTURE, find_events, unplaced_events
from assistant.types import (
    Answer,
    Citation,
    Memo,
    MemoItem,
    MemoSection,
    Passage,
    Position,
    TimelineEvent,
)
from index.text import content_terms, mentions, named_entities

if TYPE_CHECKING:
    from assistant.api import Assistant

MAX_WORDS = 450
STANCE_LABELS = {"demands": "demands", "rejects": "red lines / rejects", "offers": "offers"}


class _Numbering:
    """Citations numbered in order of first use across the whole memo."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_key: dict[tuple[str, int], int] = {}

    @staticmethod
    def key(c: Citation) -> tuple[str, int]:
        return (c.doc_id, c.span[0])

    def number(self, c: Citation) -> int:
        key = self.key(c)
        if key not in self._by_key:
            self._by_key[key] = len(self.citations) + 1
            self.citations.append(replace(c, n=self._by_key[key]))
        n = self._by_key[key]
        if c.span[1] > self.citations[n - 1].span[1]:
            # a claim joined with the sentence that leans on it ("... not an issue. However,
            # Sherman rejected ..."): the source quotes both, not the first alone
            self.citations[n - 1] = replace(c, n=n)
        return n

    def spans(self, numbers: Iterable[int]) -> set[tuple[str, int, int]]:
        """(document, start, end) of the citations numbered so."""
        return {(c.doc_id, *c.span) for c in (self.citations[n - 1] for n in numbers)}


def _quoted(c: Citation, spans: AbstractSet[tuple[str, int, int]]) -> bool:
    """Whether a statement is already quoted: its span lies within one the memo has written,
    but for a character or two (a statement's span takes in the quotation mark that opens it,
    an answer's sentence may start after it: a memo gave Trump's "I'm suing the BBC ..." as
    its bottom line and again under his positions).
    """
    s, e = c.span
    return any(d == c.doc_id and min(b, e) - max(a, s) >= 0.9 * (e - s) for d, a, b in spans)


def build_memo(assistant: Assistant, topic: str) -> Memo:
    numbering = _Numbering()
    answer: Answer = assistant.ask(topic if topic.endswith("?") else f"{topic}?")
    sections: list[MemoSection] = []

    names = named_entities(topic)
    bottom = _from_answer(answer, numbering, limit=3, names=names)
    developments = _developments(assistant, topic, answer, numbering, names)
    upcoming = _what_next(assistant, topic, numbering, names)
    # an announced event is said once, under what comes next
    bottom = [i for i in bottom if not any(_within(u.text, i.text) for u in upcoming)] or bottom
    developments = [
        i
        for i in developments
        if not any(_within(u.text, i.text) for u in upcoming)
        and not any(_within(b.text.split(": ", 1)[-1], i.text.split(": ", 1)[-1]) for b in bottom)
    ]
    if not bottom:
        bottom = [MemoItem(f"The loaded sources say nothing about {unmark(topic)}.")]
    sections.append(MemoSection("Bottom line", bottom, bullets=False))
    if developments:
        sections.append(MemoSection("Key developments", developments))

    positions = assistant.positions(topic=topic)
    # a statement the bottom line or the developments already quote is not repeated under its
    # party, nor written again where the parties disagree
    above = numbering.spans(n for i in bottom + developments for n in i.all_refs())
    party_items = _party_positions(positions, numbering, above, assistant.same_claim)
    if party_items:
        sections.append(MemoSection("Positions", party_items))
    # a statement listed above is referred to, not written again
    listed = above | numbering.spans(n for i in party_items for n in i.all_refs())
    meet = _disagree_and_meet(positions, numbering, listed)
    if meet:
        sections.append(MemoSection("Where they disagree and where they might meet", meet))

    if upcoming:
        sections.append(MemoSection("What comes next", upcoming))
    else:
        sections.append(
            MemoSection(
                "What comes next",
                [MemoItem("The sources announce no dated event after the newest of them.")],
                bullets=False,
            )
        )

    drafter = assistant.drafter()
    if drafter is not None:  # the LLM engine: prose sections drafted by the model, verified
        from assistant.memo_llm import redraft

        sections = redraft(drafter, topic, sections, numbering.citations, assistant.passage_at)
    sections = _fit(sections, MAX_WORDS)
    used = _used_numbers(sections)
    citations, sections = _renumber(numbering.citations, used, sections)
    dates = sorted(c.date for c in citations if c.date)
    span = f"{dates[0]} to {dates[-1]}" if dates else "undated sources"
    date_line = f"{date.today().isoformat()} · based on {len(citations)} cited passages ({span})"
    title = f"Briefing: {topic.rstrip('?')}"
    return Memo(
        title,
        date_line,
        sections,
        citations,
        to_markdown(title, date_line, sections, citations),
    )


def _from_answer(
    answer: Answer, numbering: _Numbering, limit: int, names: Sequence[str] = ()
) -> list[MemoItem]:
    if answer.abstained:
        return []
    by_n = {c.n: c for c in answer.citations if on_topic(names, c.title, c.text, c.quote)}
    items: list[MemoItem] = []
    sources: list[tuple[int, str]] = []  # (answer's citation number, text) of each item
    # one claim per citation marker: a leaning sentence stays with the one it leans on
    # ("Moscow made it clear ... demands. These included ... [2].")
    for sentence in re.split(r"(?<=\][.!?])\s+|(?<=\])\s+(?=[A-Z\u201c\"])", answer.text):
        nums = cited(sentence)
        if not nums or nums[0] not in by_n:
            continue
        leans = leans_on_previous(unmark(sentence))
        if len(items) == limit and not leans:
            break
        text = unmark(sentence)
        if leans:
            # "These included ...": with the sentence it leans on, from the same source
            if items and nums[0] == sources[-1][0]:
                joined = f"{_stop(items[-1].text)} {text}"
                first, _ = sources[-1]
                quote = _cite_sentence(by_n[first], joined) or by_n[first]
                items[-1] = MemoItem(joined, (numbering.number(quote),) + items[-1].refs[1:])
            continue  # else it cannot stand alone in a bottom line
        # each claim cites its own sentence, not the first sentence its passage was cited for
        cites = [_cite_sentence(by_n[n], text) or by_n[n] for n in nums if n in by_n]
        refs = tuple(dict.fromkeys(numbering.number(c) for c in cites))
        items.append(MemoItem(text, refs))
        sources.append((nums[0], text))
    return items


def _cite_sentence(c: Citation, text: str) -> Citation | None:
    """The citation narrowed (or widened) to the sentence(s) a claim quotes from its passage;
    a lead-in the answer added ("Sherman said: ") is not in the passage and is skipped.
    """
    at = c.text.find(c.quote)
    if at < 0:
        return None
    start_of_passage = c.span[0] - at
    for body in (text, text.split(": ", 1)[-1]):
        # (without the marks the answer added to pair a quote cut at a sentence)
        body = body.strip('"\u201c\u201d').rstrip(".")
        m = re.search(as_written(body), c.text) if body.strip() else None
        if m:
            k, end = m.start(), m.end()
            while end < len(c.text) and c.text[end] in ".!?\u201d\"'":
                end += 1
            quote = c.text[k:end]
            return replace(c, quote=quote, span=(start_of_passage + k, start_of_passage + end))
    return None


_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|adds|according to|wrote|writes)\b")


def _outlet(source: str) -> str:
    """'Voice of America' from 'Voice of America (VOA Learning English); via mirror ...'."""
    head = re.split(r"[;(]", source, maxsplit=1)[0].strip()
    return head if 0 < len(head.split()) <= 6 else "the outlet"


def _within(a: str, b: str) -> bool:
    """Whether one text holds the other (a sentence and the joined quote it stands in)."""
    a, b = a.rstrip(". "), b.rstrip(". ")
    return bool(a and b) and (a in b or b in a)


def _stop(text: str) -> str:
    """The sentence with its full stop (a marker took it away: "... demands [2].")."""
    text = text.rstrip()
    return text if text[-1:] in '.!?\u201d"' else text + "."


def _developments(
    assistant: Assistant,
    topic: str,
    answer: Answer,
    numbering: _Numbering,
    names: Sequence[str] = (),
) -> list[MemoItem]:
    """Central, novel sentences: those most like the topic, not already in the bottom line."""
    used = {c.quote for c in answer.citations}
    follow = assistant.ask(f"{topic}: what happened?", engine="extractive", use_positions=False)
    chosen = []
    for c in sorted(follow.citations, key=lambda c: c.date or "9999"):
        if c.quote in used or _is_title(c.quote, c.title) or leans_on_previous(c.quote):
            continue  # "So today, ...": a development must stand alone in its bullet
        if not on_topic(names, c.title, c.text, c.quote):
            continue
        used.add(c.quote)
        chosen.append(c)
    chosen = chosen[:4]
    # each says whose words it is (the label already gives the date)
    texts = assistant.attributed(chosen, dated=False)
    return [
        MemoItem(t, (numbering.number(c),), label=c.date)
        for c, t in zip(chosen, texts, strict=True)
    ]


def _party_positions(
    positions: list[Position],
    numbering: _Numbering,
    exclude: AbstractSet[tuple[str, int, int]] = frozenset(),
    repeats: Callable[[str, str], bool] = same_claim,
) -> list[MemoItem]:
    """Each party's positions, one statement per stance. A statement two parties hold is
    written once and pointed to; so is one that says what another party's statement above
    says ("The USA demanded the withdrawal of Russian troops" for the US, then "The US and NATO
    are calling for Russian troops to be withdrawn" for NATO): which of two such statements a
    party is given depends on ranking, and the memo must not say the same thing twice.
    `repeats` tells two statements of one claim apart (`Assistant.same_claim` weighs their
    embeddings too).
    """
    by_party: dict[str, list[Position]] = {}
    for p in positions:
        if not p.superseded_by:
            by_party.setdefault(p.party, []).append(p)
    ranked = sorted(by_party.items(), key=lambda kv: -len(kv[1]))[:4]
    items = []
    written: dict[tuple[str, int], str] = {}  # a statement two parties hold is written once
    said: list[tuple[str, str]] = []  # (party, statement) as written
    for party, ps in ranked:
        parts = []
        for stance, label in STANCE_LABELS.items():
            own = rank(p for p in ps if p.stance == stance and not _quoted(p.citation, exclude))
            whole = [p for p in own if not dangling(p)]  # "these demands": whose?
            if whole:
                p = whole[0]
                first = written.get(numbering.key(p.citation))
                if first:  # "The United States and NATO are calling for ...": under the first
                    pointer = f"jointly with {first} (the statement above)"
                    parts.append(MemoItem(pointer, (numbering.number(p.citation),), label=label))
                    continue
                body = _statement(p)
                before = next((q for q, t in said if q != party and repeats(body, t)), "")
                if before:
                    pointer = f"the same as {before} (the statement above)"
                    parts.append(MemoItem(pointer, (numbering.number(p.citation),), label=label))
                    continue
                said.append((party, body))
                written[numbering.key(p.citation)] = party
                # own words in quotation marks; a reporter's paraphrase is the outlet's account
                words = p.voice == "own" and not _REPORTED.search(body)  # not "..., X said"
                notes = [] if words else [f"{_outlet(p.citation.source)}'s account"]
                notes += [] if p.corroboration > 1 else ["single source"]
                note = f" ({'; '.join(notes)})" if notes else ""
                if words and not re.match(r"[\"\u201c]", body):
                    body = f"\u201c{body}\u201d"
                parts.append(MemoItem(body + note, (numbering.number(p.citation),), label=label))
        if parts:
            items.append(MemoItem(party=party, clauses=tuple(parts)))
    return items


def _disagree_and_meet(
    positions: list[Position],
    numbering: _Numbering,
    listed: AbstractSet[tuple[str, int, int]] = frozenset(),
) -> list[MemoItem]:
    def said(p: Position) -> MemoItem:
        """The statement, or a pointer to it when the memo has written it already."""
        if _quoted(p.citation, listed):
            pointer = f"{p.party} {p.stance}, as quoted above"
            return MemoItem(pointer, (numbering.number(p.citation),))
        return MemoItem(_said(p), (numbering.number(p.citation),))

    # two parties set side by side must each be the one their sentence names, or speak in
    # their own words: a reporter's sentence whose holder was found through "the president"
    # or "he" several sentences back may have the wrong one, and a wrong one here says who
    # disagrees with whom ("Detroit City Council demands: It comes as the president has urged
    # Republicans ...", from a live blog of many stories)
    positions = [p for p in positions if p.voice == "own" or _names_its_holder(p)]
    demands = [p for p in positions if p.stance == "demands"]
    items = []
    for r in (p for p in positions if p.stance == "rejects"):
        r_terms = set(content_terms(r.about))
        clash = next(
            (
                d
                for d in demands
                if d.party_id != r.party_id and len(r_terms & set(content_terms(d.about))) >= 2
            ),
            None,
        )
        if clash:
            items.append(MemoItem(clauses=(said(clash), said(r))))
            break
    offers = [  # an offer that opens on "So ..." or "these" cannot stand in a bullet alone
        p
        for p in positions
        if p.stance == "offers"
        and not p.superseded_by
        and not dangling(p)
        and not leans_on_previous(p.text)
    ]
    # where they might meet: an offer made to a party that answers that party's demand (it
    # names the party and shares at least two words of substance with the demand)
    names = set(content_terms(" ".join({p.party for p in positions})))
    pairs = []
    for o in offers:
        o_terms = set(content_terms(o.about or o.text)) - names
        for d in demands:
            if d.party_id == o.party_id or not mentions(d.party, o.text):
                continue
            shared = len(o_terms & (set(content_terms(d.about or d.text)) - names))
            if shared >= 2:
                pairs.append((shared, o.corroboration, d, o))
    if pairs:
        _, _, d, o = max(pairs, key=lambda t: (t[0], t[1]))
        items.append(MemoItem(clauses=(said(d), said(o)), label="Where they might meet"))
        return items
    if offers:  # no offer answers a demand: the best corroborated, one not written above first
        o = max(offers, key=lambda p: (not _quoted(p.citation, listed), p.corroboration))
        items.append(replace(said(o), label="Possible common ground"))
    return items


def _names_its_holder(p: Position) -> bool:
    """Whether the statement's sentence names its party (as `mentions` reads a name: one of
    its words of five letters or more is enough, so "the Senate" passes for the "Maryland
    Senate") or its speaker (by surname).
    """
    surname = p.speaker.split()[-1] if p.speaker else ""
    return mentions(p.party, p.text) or bool(
        surname and re.search(rf"\b{re.escape(surname)}\b", p.text)
    )


def _what_next(
    assistant: Assistant, topic: str, numbering: _Numbering, names: Sequence[str] = ()
) -> list[MemoItem]:
    """Announced events: future tense, dated after the document that announces them, and not
    already overtaken by a later source (an event before the newest source's date is history).
    """
    passages = assistant.search(f"{topic} next meeting talks scheduled", k=12)
    latest = max((p.date for p in passages if p.date), default="")
    seen, items = set(), []
    for p in passages:
        if not on_topic(names, p.title, p.text):
            continue
        for when, sentence, span, _ in find_events(p.text, p.date):
            announced = bool(FUTURE.search(sentence)) and (not p.date or when > p.date)
            if not announced or when < latest or sentence in seen:
                continue
            seen.add(sentence)
            doc_start = p.start + span[0]
            c = _cite(p, sentence, doc_start)
            item = MemoItem(balance_quotes(unmark(sentence)), (numbering.number(c),), label=when)
            items.append((when, item_markdown(item), item))
        if p.date or latest:
            continue  # with dated sources, an undated story's "Wednesday" may be history
        for expr, sentence, span in unplaced_events(p.text):  # an undated story's "Wednesday"
            if sentence in seen:
                continue
            seen.add(sentence)
            c = _cite(p, sentence, p.start + span[0])
            label = f"{expr}, date not given"
            item = MemoItem(balance_quotes(unmark(sentence)), (numbering.number(c),), label=label)
            items.append(("9999", item_markdown(item), item))
    return [item for _, _, item in sorted(items, key=lambda t: t[:2])][:3]


def _cite(p: Passage, sentence: str, start: int) -> Citation:
    """A citation of one sentence (at `start` in its document) inside passage `p`."""
    return Citation(
        0,
        p.doc_id,
        p.chunk_id,
        p.title,
        p.source,
        p.date,
        p.url,
        p.text,
        sentence,
        (start, start + len(sentence)),
        1.0,
    )


def _is_title(sentence: str, title: str) -> bool:
    """A document's own title repeated as its first line is a heading, not a development."""
    terms, heading = set(content_terms(sentence)), set(content_terms(title))
    return bool(terms) and len(terms & heading) >= 0.8 * len(terms)


def _said(p: Position) -> str:
    """The statement, led by its party's name when the sentence does not name it."""
    text = _statement(p, 30)
    return text if mentions(p.party, text) else f"{p.party} {p.stance}: {text}"


def _statement(p: Position, words: int = 40) -> str:
    """The whole statement as its source wrote it (quotation marks show the party's own
    words), not a clause cut from it; its full stop is left to the list it stands in.
    """
    text = balance_quotes(_short(p.text, words).rstrip())
    return text[:-1] if text.endswith(".") else text


def _short(text: str, words: int = 22) -> str:
    w = unmark(text).split()
    return " ".join(w[:words]) + ("…" if len(w) > words else "")


def _fit(sections: list[MemoSection], budget: int) -> list[MemoSection]:
    """Drop the last items of the longest sections until the memo fits the word budget."""
    sections = [replace(s, items=list(s.items)) for s in sections]

    def words() -> int:
        return sum(len(item_markdown(i).split()) for s in sections for i in s.items) + sum(
            len(s.heading.split()) for s in sections
        )

    while words() > budget:
        # the bottom line keeps two claims while another section can give something up
        longest = max(
            (s for s in sections if len(s.items) > (2 if s.heading == "Bottom line" else 1)),
            key=lambda s: len(s.items),
            default=None,
        ) or max(
            (s for s in sections if len(s.items) > 1), key=lambda s: len(s.items), default=None
        )
        if longest is None:
            break
        longest.items.pop()
    return [s for s in sections if s.items]


def _used_numbers(sections: list[MemoSection]) -> list[int]:
    nums = [n for s in sections for i in s.items for n in i.all_refs()]
    return list(dict.fromkeys(nums))


def _renumber(
    citations: list[Citation], used: list[int], sections: list[MemoSection]
) -> tuple[list[Citation], list[MemoSection]]:
    by_n = {c.n: c for c in citations}
    # numbered in order of first use, a document's passages together: the source list gives
    # each document once, with its cited passages under it
    docs = list(dict.fromkeys(by_n[n].doc_id for n in used))
    used = sorted(used, key=lambda n: docs.index(by_n[n].doc_id))
    mapping = {old: new for new, old in enumerate(used, 1)}
    kept = [replace(by_n[old], n=new) for old, new in mapping.items()]
    return kept, [replace(s, items=[i.renumbered(mapping) for i in s.items]) for s in sections]


def timeline_events(assistant: Assistant, topic: str | None = None) -> list[TimelineEvent]:
    """Dated events over the store (or over the passages about a topic), in date order."""
    if topic:
        sources = [(p.doc_id, p.text, p.start, p.date) for p in assistant.search(topic, k=20)]
    else:
        sources = [(r[0], r[1], 0, r[4]) for r in assistant.document_rows()]
    events: dict[tuple[str, str], TimelineEvent] = {}
    for doc_id, text, offset, doc_date in sources:
        for when, sentence, span, expr in find_events(text, doc_date):
            start = offset + span[0]
            p = assistant.passage_at(doc_id, start)
            if p is None:
                continue
            c = _cite(p, sentence, start)
            events.setdefault((when, sentence), TimelineEvent(when, sentence, c, expr))
    return [events[k] for k in sorted(events)]
