"""Dated events: meetings, talks, deadlines, with relative dates resolved against the article's date.

"Further talks will take place on Wednesday" in a story of Monday 10 January is 12 January; the
tense decides whether a bare weekday points forward or back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from assistant.instructions import is_instruction
from index.chunking import sentence_spans

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EXPR = re.compile(
    rf"\b(?:(?P<md>{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)|"
    rf"(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?)|"
    rf"(?P<wd>(?:(?:on|next|last|this)\s+)?{_WEEKDAYS})|"
    r"(?P<rel>next week|last week|tomorrow|yesterday|today))\b"
)
_EVENT = re.compile(
    r"\b(talks?|meet(?:s|ing)?|met|summit|council|session|conference|call|conversation|visit|"
    r"deadline|negotiations?|dialogue|consultations?|deliver(?:y|ies|ed)?|vote|hearing|"
    r"exercises?|drills?|briefing)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(will|shall|next|upcoming|scheduled|planned|plans? to|expected|due|set to|is to|are to|"
    r"going to)\b"
)


def resolve(expression: str, base: date | None, future: bool) -> date | None:
    expr = expression.strip()
    low = expr.lower()
    if base is not None:
        if low in ("today",):
            return base
        if low == "tomorrow":
            return base + timedelta(days=1)
        if low == "yesterday":
            return base - timedelta(days=1)
        if low == "next week":
            return base + timedelta(days=7 - base.weekday())
        if low == "last week":
            return base - timedelta(days=7 + base.weekday())
        wd = re.search(_WEEKDAYS, expr)
        if wd and not re.search(r"\d", expr):
            target = [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ].index(wd.group(0).lower())
            delta = (target - base.weekday()) % 7
            if low.startswith("next"):
                return base + timedelta(days=delta or 7)
            if low.startswith("last") or not future:
                return base - timedelta(days=(base.weekday() - target) % 7)
            return base + timedelta(days=delta)
    import dateparser

    if base is not None and not re.search(r"\d{4}", expr) and re.search(r"\d", expr):
        # a day and a month without a year: the nearest such day within a week of the story's
        # date, else the next one (future tense) or the last one. "Speaking to reporters on
        # Aug. 11, Trump said a decision could come within the next couple of weeks" in a story
        # of Aug. 12 was put on next year's 11 August, a coming event, by its "next".
        parsed = dateparser.parse(expr.replace(".", ""), languages=["en"])
        if parsed is None:
            return None
        days = []
        for year in (base.year - 1, base.year, base.year + 1):
            try:
                days.append(date(year, parsed.month, parsed.day))
            except ValueError:
                continue  # 29 February
        near = min(days, key=lambda d: abs((d - base).days))
        if abs((near - base).days) <= 7:
            return near
        ahead = [d for d in days if d >= base]
        behind = [d for d in days if d < base]
        if future and ahead:
            return min(ahead)
        return max(behind) if behind else near

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(expr.replace(".", ""), languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def find_events(text: str, doc_date: str) -> list[tuple[str, str, tuple[int, int], str]]:
    """(iso date, sentence, span, expression) for each sentence naming a dated event."""
    base = date.fromisoformat(doc_date) if doc_date else None
    out = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        if not _EVENT.search(sentence) or is_instruction(sentence):
            continue
        m = _EXPR.search(sentence)
        if not m:
            continue
        if m.group("wd") or m.group("rel"):
            if base is None:
                continue  # a weekday in an undated story cannot be placed
        when = resolve(m.group(0), base, bool(FUTURE.search(sentence)))
        if when is None:
            continue
        out.append((when.isoformat(), sentence, (s, e), m.group(0)))
    return out


def unplaced_events(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(expression, sentence, span) for announced events an undated story names only by a
    weekday or "next week": worth telling a reader, in the text's own words, as undated.
    """
    out = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        if not _EVENT.search(sentence) or not FUTURE.search(sentence) or is_instruction(sentence):
            continue
        m = _EXPR.search(sentence)
        if m and (m.group("wd") or m.group("rel") in ("next week", "tomorrow")):
            expr = re.sub(r"^(?:on|this)\s+", "", m.group(0))
            out.append((expr, sentence, (s, e)))
    return out
