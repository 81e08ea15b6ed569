"""The answer selector: how likely a candidate sentence is to hold the answer to a question.

A logistic regression over cheap features of the sentence, its passage and the question, fit on
the train weeks of RealTime QA (real news; `make train`, `eval/train_selector.py`) and checked
on the dev weeks. It replaces hand-set weights: those ranked a sentence *about* the topic above
the one that answers, since nothing in them knew that "who" wants a name, "how many" a number,
or that the sentence holding the answer usually brings words the question lacks.

The features are computed from what the question path already has (the passage text, its rank,
the sentence vectors' similarity to the question), so answering never parses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.text import content_terms, mentions, named_entities

WEIGHTS = Path(__file__).parent / "data" / "selector.json"
# the same fit with the re-ranker's score as two more features (used when the re-ranker is on)
WEIGHTS_RERANKED = Path(__file__).parent / "data" / "selector_reranked.json"


@dataclass(frozen=True)
class Candidate:
    """What the selector sees of one sentence (the quote as it would be written)."""

    text: str
    passage_rank: int  # 1-based
    order: int  # position of the sentence in its passage
    similarity: float
    title: str
    at_document_start: bool
    leans: bool  # quoted with the sentence(s) before it
    # days its document is older than the newest dated document among those retrieved for the
    # question (None when either is undated)
    days_behind: float | None = None
    # days between the oldest and the newest dated document retrieved for the question
    dated_span: float | None = None


FEATURES = (
    "similarity",
    "similarity_gap",
    "overlap",
    "overlap_gap",
    "named",
    "type_match",
    "type_miss",
    "new_names",
    "new_names_for_name",
    "has_number",
    "inverse_rank",
    "first_in_passage",
    "document_lead",
    "log_words",
    "leans",
    "quote",
    "title_overlap",
    "novelty",
    "fresh",
    "fresh_asked",
)
# the cross-encoder's logit for the sentence (index/reranker.py), and its gap to the best one
CROSS = ("cross", "cross_gap")

# numbers as words ("one" is left out: "one of the" is no count)
_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|hundreds?|thousands?|millions?|billions?|dozens?"
)
_UNITS = r"second|minute|hour|day|week|month|year|decade"
# "nearly eight hours", "an hour and a half", "two-year", "since 2019" (how long since ...)
_DURATION = re.compile(
    rf"\b(\d[\d,.]*|{_NUMBER_WORDS}|one|several|nearly|almost|about|an?|half an?)"
    rf"[\s-]+({_UNITS})s?\b|\b(since|until)\s+(19|20)\d\d\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    rf"\b\d[\d,.]*\b|\b({_NUMBER_WORDS})\b|%|\$|€|£",
    re.IGNORECASE,
)
# a date with its day when it has one ("12 January", "March 17"), so that a date the question
# names itself ("the talks that began on 10 January") is told from another
_WHEN = re.compile(
    r"\b(\d{1,2}\s+)?(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(\s+\d{1,2}\b)?|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|tomorrow|(19|20)\d\d)\b"
)
# a name of two or more capitalised words, taken whole ("Deputy Secretary Wendy R. Sherman")
_WHO = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+))*\s+[A-Z][a-z]+")
_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z\-]+")
_LEAD_NAME = re.compile(r"\s*([A-Z][a-zA-Z\-]+)\s+[A-Z][a-zA-Z\-]+")
_QUOTE = re.compile(r"[\"\u201c\u201d]")
# "which company", "what country", "who": the answer is a name
_WANTS_NAME = re.compile(
    r"^\s*(who|whom|whose)\b|\b(which|what)\s+(\w+\s+)?(?:"
    # one or several ("which countries", "which cities", "which parties")
    r"(?:compan|countr|cit|part|agenc|universit|celebrit)(?:y|ies)|people|m[ae]n|wom[ae]n|"
    r"(?:state|team|firm|group|person|leader|president|minister|official|organi[sz]ation|"
    r"nation|player|club|brand|bank|airline|network|app|platform|court|region|island|"
    r"province|band|singer|actor|actress|candidate|senator|governor|rapper|musician|author|"
    r"director|athlete|star|chain|retailer|automaker|carmaker|startup)s?)\b",
    re.IGNORECASE,
)


# the question asks about the latest news ("this week", "recently", "the new ...")
_ASKS_NOW = re.compile(
    r"\b(this|last|past) (week|weekend|month)\b|\brecent(ly)?\b|\blatest\b|\bnew(ly)?\b|"
    r"\btoday\b|\byesterday\b|\btonight\b|\blast night\b|\bthis year\b|\bjust\b|"
    r"\bcurrent(ly)?\b|\bnow\b|\b(on|this|last) (Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b",
    re.IGNORECASE,
)
# a document this many days older than the newest retrieved is no longer this week's news
FRESH_DAYS = 7
# retrieved documents spread over this many days mix the news with its background
BACKGROUND_DAYS = 180


def freshness(c: Candidate) -> float:
    """0 for a sentence from an older document when the retrieved ones mix this week's news
    with background from months or years before; 1 otherwise (a newest-week document, an
    undated one, or a focused set: the 39 texts of one two-month crisis are all "current").

    In real news the sentence holding the answer is four times as likely in a document of
    the newest week (13% of candidates against 3% for those over a month older, RealTime QA
    train weeks): search also finds older stories on the subject, and these name last year's
    winner, last month's tariff. 96% of RealTime QA questions retrieve documents spread over
    more than 180 days.
    """
    if c.dated_span is None or c.dated_span < BACKGROUND_DAYS:
        return 1.0
    return _in_newest_week(c)


def _in_newest_week(c: Candidate) -> float:
    """0 for a document over a week older than the newest retrieved, whatever the spread (for
    a question about now: "this week", "on Tuesday", "the latest"); 1 otherwise or undated.
    """
    return 1.0 if c.days_behind is None or c.days_behind <= FRESH_DAYS else 0.0


_OPENS = r"(^|[.?!:;]\s+)\s*"  # the question word opens the question (or its last sentence)


def answer_type(question: str) -> re.Pattern[str] | None:
    """What an answering sentence contains, from the question word: a duration for "how long"
    (and "how many hours/days/..."), a number for "how many/much", a date for "when" and
    "which year", a name for "who". ("where" and "which country" are left to the names a
    sentence brings: a place after "in" also matched "in Stockholm" for a prize given in Oslo,
    and the country asked for is as often the subject.)
    """
    q = question.lower()
    if re.search(rf"\bhow long\b|\bhow many ({_UNITS})s\b", q):
        return _DURATION
    if re.search(r"\bhow (many|much)\b|\bwhat (percentage|share|number|amount)\b", q):
        return _NUMBER
    if re.search(r"\bwhen\b|\b(what|which) (date|day|year|month)\b", q):
        return _WHEN
    if re.search(rf"{_OPENS}who\b", q):
        return _WHO
    return None


def holds_type(expected: re.Pattern[str] | None, question: str, text: str) -> bool:
    """Whether the sentence holds the kind of thing asked for, beyond what the question says
    itself ("10 January" does not answer "when did the talks that began on 10 January end?").
    """
    if expected is None:
        return False
    q = question.lower()
    if expected is _WHO:  # "Who accompanied Sherman?": not "Wendy Sherman", whom it names
        asked = set(re.findall(r"[a-z]+", q))
        return any(
            not set(re.findall(r"[a-z]+", m.group(0).lower())) & asked
            for m in expected.finditer(text)
        )
    return any(m.group(0).lower() not in q for m in expected.finditer(text))


def _names(text: str) -> set[str]:
    """Capitalised words: names, except a sentence's first word, which is capitalised anyway,
    unless the next word is too ("Northwind Holdings agreed").
    """
    found = {m.group(0).lower() for m in _NAME_WORD.finditer(text)}
    lead = _LEAD_NAME.match(text)
    if lead:
        found.add(lead.group(1).lower())
    return found


def features(
    question: str, candidates: Sequence[Candidate], cross: Sequence[float] | None = None
) -> list[list[float]]:
    """One row of `FEATURES` per candidate (gaps are relative to the question's best), with
    the `CROSS` features after them when the re-ranker's scores are given.
    """
    q_terms = set(content_terms(question))
    entities = named_entities(question)
    expected = answer_type(question)
    wants_name = 1.0 if _WANTS_NAME.search(question) else 0.0
    asks_now = 1.0 if _ASKS_NOW.search(question) else 0.0
    q_words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]+", question)}
    rows: list[list[float]] = []
    overlaps: list[float] = []
    for c in candidates:
        terms = set(content_terms(c.text))
        overlaps.append(len(q_terms & terms) / len(q_terms) if q_terms else 0.0)
    best_sim = max((c.similarity for c in candidates), default=0.0)
    best_overlap = max(overlaps, default=0.0)
    for c, overlap in zip(candidates, overlaps, strict=True):
        terms = set(content_terms(c.text))
        named = sum(mentions(e, c.text) for e in entities) / len(entities) if entities else 0.0
        match = holds_type(expected, question, c.text)
        new = len(_names(c.text) - q_words)
        title_terms = set(content_terms(c.title))
        words = len(c.text.split())
        rows.append(
            [
                c.similarity,
                c.similarity - best_sim,
                overlap,
                overlap - best_overlap,
                named,
                1.0 if match else 0.0,
                1.0 if expected is not None and not match else 0.0,
                min(new, 4) / 4,
                wants_name * min(new, 4) / 4,
                1.0 if _NUMBER.search(c.text) else 0.0,
                1.0 / c.passage_rank,
                1.0 if c.order == 0 else 0.0,
                1.0 if c.at_document_start and c.order == 0 else 0.0,
                math.log(max(words, 1)),
                1.0 if c.leans else 0.0,
                1.0 if _QUOTE.search(c.text) else 0.0,
                len(q_terms & title_terms) / len(q_terms) if q_terms else 0.0,
                len(terms - q_terms) / len(terms) if terms else 0.0,
                freshness(c),
                asks_now * _in_newest_week(c),
            ]
        )
    if cross is not None:
        best_cross = max(cross, default=0.0)
        for row, x in zip(rows, cross, strict=True):
            row += [float(x), float(x) - best_cross]
    return rows


@dataclass(frozen=True)
class Selector:
    """A fitted logistic regression (standardised inputs) and the thresholds tuned with it."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    abstain_below: float  # best sentence's probability under which the sources do not answer
    keep_ratio: float  # further sentences kept when their probability is this share of the best

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        out = []
        for row in rows:
            z = self.intercept
            for x, m, s, w in zip(row, self.mean, self.scale, self.coef, strict=True):
                z += w * (x - m) / s
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "abstain_below": self.abstain_below,
            "keep_ratio": self.keep_ratio,
        }


def from_dict(d: dict[str, object], reranked: bool = False) -> Selector:
    names = tuple(str(n) for n in d["features"])  # type: ignore[attr-defined]
    expected, file = (FEATURES + CROSS, WEIGHTS_RERANKED) if reranked else (FEATURES, WEIGHTS)
    if names != expected:
        raise ValueError(
            f"{file.name} was fit on other features ({', '.join(names)}); run `make train`"
        )

    def floats(key: str) -> tuple[float, ...]:
        return tuple(float(x) for x in d[key])  # type: ignore[attr-defined]

    return Selector(
        names,
        floats("mean"),
        floats("scale"),
        floats("coef"),
        float(d["intercept"]),  # type: ignore[arg-type]
        float(d["abstain_below"]),  # type: ignore[arg-type]
        float(d["keep_ratio"]),  # type: ignore[arg-type]
    )


@cache
def shipped(reranked: bool = False) -> Selector:
    """The selector that ships in the package (read once, on first use); `reranked`: the one
    fit with the re-ranker's score among its features.
    """
    file = WEIGHTS_RERANKED if reranked else WEIGHTS
    return from_dict(json.loads(file.read_text(encoding="utf-8")), reranked)
