"""Readability checks for answers and memos: what an analyst would not send.

    from eval.readability import defects
    defects("They agreed [1]. Thank you [2].")  # {"dangling_openers": 1, "greetings": 1, ...}

`defects(text)` counts, over the sentences of an answer or a memo (markdown; the Sources list
and headings are skipped, each bullet is read on its own):

- dangling_openers: a sentence that leans on one the reader does not have: it opens on a
  pronoun, demonstrative or connective ("They ...", "This ...", "But ...", "So no, ...") or its
  speaker is a bare pronoun ("..., he said"), and the sentence right before it (in the same
  paragraph or bullet) is not from the same source (shares no citation number with it);
- repeated_claims: pairs of sentences stating the same claim (`assistant.citations.same_claim`;
  with `embed`, embedding similarity too, otherwise content-word overlap alone);
- fragments: no finite verb, or a subordinate clause with no main clause;
- unattributed_quotes: a quotation of four words or more with no speaker named in its sentence
  (a reporting verb with a name or title outside the quotes) nor in the sentence right before;
- unpaired_quotes: a quotation mark with no partner in its sentence (a quote cut at one sentence
  of several, left open or closed without its start);
- greetings, questions, speaker_labels, datelines: inside the text at all.

These are surface tests (patterns, no parser): they are meant to move when the answers improve,
and to stay at zero where the answers are held to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from assistant.citations import (
    cited_sentences,
    is_fragment,
    is_greeting,
    is_question,
    leans_on_previous,
    opening_label,
    refs_in,
    same_claim,
)
from assistant.markers import unmark

KEYS = (
    "dangling_openers",
    "repeated_claims",
    "fragments",
    "unattributed_quotes",
    "unpaired_quotes",
    "greetings",
    "questions",
    "speaker_labels",
    "datelines",
)
Embed = Callable[[Sequence[str]], np.ndarray]

_LABELLED = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:\s*[–-]\s*\d{4}-\d{2}-\d{2})?|[\w /]{1,30}):\s+")
_CLAUSES = re.compile(r"^\*\*[^*]+\*\*\s*[—-]|;\s+\S")  # positions bullets: labelled clauses
_QUOTED = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d")
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|declared|declares|wrote|writes|"
    r"noted|notes|stressed|stresses|insisted|insists|warned|warns|argued|argues|explained|"
    r"replied|asked|recalled|called|calls|urged|urges|demanded|announced|according to|"
    # the participles ("Harris condemned the remarks, saying ...") report speech as well
    r"quoted|saying|telling|stating|declaring|writing|noting|warning|adding|calling)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<!^)\b[A-Z][a-z][\w'\-]*")
_PRONOUN = re.compile(r"^\s*(?:he|she|they|it|we|i|you)\b", re.IGNORECASE)
_NAMED = re.compile(
    r"\b[A-Z][a-z][\w'\-]*|\b(?:minister|spokes\w+|official|ambassador|"
    r"secretary|president|chancellor|envoy|diplomat|leader|chief|director|"
    r"head|representative|negotiator|analyst|expert)s?\b",
    re.IGNORECASE,
)


# a name an editor put into a quotation, written "[Wendy Sherman]" (escaped in markdown);
# not a citation marker ("[1]")
_PUT_IN = re.compile(r"\\?\[([^\]\d\\][^\]]*?)\\?\]")


def blocks(text: str) -> list[list[tuple[str, tuple[int, ...]]]]:
    """The text's paragraphs and bullets, each as its sentences with their citation numbers.
    Headings, the memo's date line and everything from "## Sources" on are left out.
    """
    text = text.split("\n## Sources", 1)[0]
    out: list[list[tuple[str, tuple[int, ...]]]] = []
    for raw in re.split(r"\n\s*\n|\n(?=\s*[-*] )|\n", text):
        line = raw.strip()
        if not line or line.startswith("#") or (line.startswith("*") and line.endswith("*")):
            continue
        line = re.sub(r"^[-*]\s+", "", line)
        line = _PUT_IN.sub(r"\1", line)  # "[Wendy Sherman]" put in a quote reads as the name
        clauses = bool(_CLAUSES.search(line))
        line = _LABELLED.sub("", line, count=1) if not clauses else line
        cited, rest = cited_sentences(line)
        sentences = list(cited)
        if rest:
            sentences += [(s, ()) for s in _split(rest)]
        if clauses:  # "**Russia** — demands: ...; rejects: ...": labelled phrases, not prose
            line = re.sub(r"^\*\*[^*]+\*\*\s*[—-]\s*", "", line)
            parts = [_LABELLED.sub("", p.strip(), count=1) for p in re.split(r";\s+", line)]
            out.append([(f"\0{unmark(p)}", tuple(refs_in(p))) for p in parts if p])
            continue
        out.append([(unmark(s), ns) for s, ns in sentences])
    return out


def _split(text: str) -> list[str]:
    from index.chunking import sentence_spans

    return [text[a:b] for a, b in sentence_spans(text)]


def defects(text: str, embed: Embed | None = None) -> dict[str, int]:
    """Counts of each defect in one answer or memo (see the module docstring)."""
    counts = dict.fromkeys(KEYS, 0)
    every: list[str] = []
    for block in blocks(text):
        prev: tuple[str, tuple[int, ...]] | None = None
        for raw, nums in block:
            phrases = raw.startswith("\0")
            sentence = raw.lstrip("\0")
            every.append(sentence)
            if not phrases:
                _sentence_defects(sentence, nums, prev, counts)
            if is_greeting(sentence):
                counts["greetings"] += 1
            label = opening_label(sentence)
            if label == "dateline":
                counts["datelines"] += 1
            elif label == "speaker_label":
                counts["speaker_labels"] += 1
            prev = (sentence, nums)
    counts["repeated_claims"] = repeated_claims(every, embed)
    return counts


def _sentence_defects(
    sentence: str,
    nums: tuple[int, ...],
    prev: tuple[str, tuple[int, ...]] | None,
    counts: dict[str, int],
) -> None:
    if leans_on_previous(sentence) and not _follows_its_source(nums, prev):
        counts["dangling_openers"] += 1
    if is_question(sentence):
        counts["questions"] += 1
    elif is_fragment(sentence):
        counts["fragments"] += 1
    if unattributed_quote(sentence, prev[0] if prev else ""):
        counts["unattributed_quotes"] += 1
    if unpaired_quote(sentence):
        counts["unpaired_quotes"] += 1


def unpaired_quote(sentence: str) -> bool:
    """A double quotation mark with no partner: curly ones counted by kind, straight ones by
    parity (an open curly quote closed by a straight mark, as pages mix them, is a pair)."""
    opened = sentence.count("\u201c")
    closed = sentence.count("\u201d")
    straight = sentence.count('"')
    if opened == closed:
        return straight % 2 == 1
    return abs(opened - closed) != straight


def _follows_its_source(nums: tuple[int, ...], prev: tuple[str, tuple[int, ...]] | None) -> bool:
    """The sentence before is there and from the same source (or neither cites any: the
    app's own words, "The sources do not say. They ...")."""
    if prev is None:
        return False
    return bool(set(nums) & set(prev[1])) or (not nums and not prev[1])


def unattributed_quote(sentence: str, before: str = "") -> bool:
    """A quotation of four words or more whose speaker is named neither in its sentence nor
    in the sentence right before it ("X said:", "X told reporters")."""
    quotes = [a or b for a, b in _QUOTED.findall(sentence)]
    if not any(len(q.split()) >= 4 and not _is_title(q) for q in quotes):
        return False
    if _attributed(sentence) or _attributed(before):
        return False
    # "..., he told reporters" right after a sentence naming him: the speaker is named before
    outside = _QUOTED.sub(" ", sentence)
    pronoun = re.search(r"\b(?:he|she|they)\s+\w+", outside, re.IGNORECASE)
    return not (pronoun and _REPORTING.search(outside) and len(_CAPITALISED.findall(before)) >= 2)


# the small words a title leaves in lower case ("Shang-Chi and the Legend of the Ten Rings")
_TITLE_SMALL = frozenset(
    "a an the of and or nor but in on at to for with by from as vs via & -".split()
)


def _is_title(quoted: str) -> bool:
    """Whether the quotation marks hold a title, not speech: every word but the small ones
    capitalised, and no sentence's end ("Birds of a Feather", "The Lord of the Rings").
    In real-news answers a film, song or show in quotation marks was most of what this check
    counted as a quote without a speaker.
    """
    words = quoted.strip().split()
    if quoted.rstrip()[-1:] in ".!?,;:":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if sum(w.isupper() and len(w) > 1 for w in content) * 2 > len(content):
        return False  # capitals throughout: a shouted line ("THIS WILL NOT STAND"), not a title
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _attributed(sentence: str) -> bool:
    if _introduced_by_name(sentence):
        return True
    outside = _QUOTED.sub(" ", sentence)
    m = _REPORTING.search(outside)
    if m is None:
        return False
    around = outside[max(0, m.start() - 60) : m.end() + 60]
    subject = outside[: m.start()].strip(" ,")
    if _PRONOUN.match(subject) and len(subject.split()) <= 2:
        return False  # "..., he said": no name
    return bool(_NAMED.search(around.replace(m.group(0), " ")))


_INTRODUCED = re.compile(r":\s*[\"\u201c]")
_CONNECTOR = re.compile(r"^(?:however|but|and|meanwhile|instead|again|later|then|yet),?\s+", re.I)
_NOT_A_NAME = {"The", "A", "An", "This", "That", "These", "Those", "It", "There", "In", "On", "At"}


def _introduced_by_name(sentence: str) -> bool:
    """A quotation a clause introduces with a colon, whose subject is a name or a title
    ("However, Sherman again rejected the demands: \u201cWe will not ...\u201d")."""
    m = _INTRODUCED.search(sentence)
    if m is None:
        return False
    # the clause that introduces it: after the last full stop before the colon
    clause = re.split(r"(?<=[.!?])\s+", sentence[: m.start()].strip())[-1]
    clause = _CONNECTOR.sub("", clause)
    first = clause.split(" ", 1)[0].strip(",")
    # "Sherman rejected ...:", not "Russia's demands were clear:" (a possessive is no speaker)
    return first[:1].isupper() and first not in _NOT_A_NAME and not first.endswith(("'s", "’s"))


def repeated_claims(sentences: Iterable[str], embed: Embed | None = None) -> int:
    """Pairs of sentences that state the same claim."""
    texts = [s for s in sentences if len(s.split()) >= 4]
    vecs = embed(texts) if embed is not None and len(texts) > 1 else None
    n = 0
    for i in range(len(texts)):
        for j in range(i):
            sim = float(vecs[i] @ vecs[j]) if vecs is not None else None
            n += same_claim(texts[i], texts[j], sim)
    return n


def table(rows: dict[str, dict[str, Any]]) -> str:
    """A markdown table: one row per set of texts (its count, then each defect's total)."""
    head = "| texts | n | sentences | " + " | ".join(k.replace("_", " ") for k in KEYS) + " |"
    out = [head, "|" + "---|" * (len(KEYS) + 3)]
    for name, r in rows.items():
        cells = [str(r["n"]), str(r["sentences"])] + [str(r["defects"][k]) for k in KEYS]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def summarise(texts: Sequence[str], embed: Embed | None = None) -> dict[str, Any]:
    """Defect totals over several texts, with how many texts and sentences were read, and
    the texts that have any defect (index and counts)."""
    total = dict.fromkeys(KEYS, 0)
    flagged = []
    sentences = 0
    for i, t in enumerate(texts):
        d = defects(t, embed)
        sentences += sum(len(b) for b in blocks(t))
        for k, v in d.items():
            total[k] += v
        if any(d.values()):
            flagged.append({"index": i, **{k: v for k, v in d.items() if v}})
    return {"n": len(texts), "sentences": sentences, "defects": total, "flagged": flagged}
