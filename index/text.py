"""Small language helpers shared by answering, verification and query rewriting.

Deliberately generic: nothing here knows about any party, outlet or topic.
"""

from __future__ import annotations

import html
import re

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves say said says tell
    told according did does give gives given make made get got go going want wants wanted
    mr ms mrs one two many much way thing things""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+")


def stem(word: str) -> str:
    """A crude prefix stem: enough to match Russia/Russian, demand/demanded/demands."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    return w[:6] if len(w) > 6 else w.rstrip("s") if len(w) > 3 else w


def content_terms(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]


def term_overlap(query_terms: set[str], text: str) -> float:
    if not query_terms:
        return 0.0
    return len(query_terms & set(content_terms(text))) / len(query_terms)


# a name's words: capitalised, with a digit or two in them ("COP28", "G20"), and the small words
# that join a name's parts ("Bank of England", "Rio de Janeiro", "Ursula von der Leyen")
_NAME = re.compile(
    r"\b([A-Z][a-zA-Z0-9\-]*[a-zA-Z0-9](?:\s+(?:of\s+the\s+|of\s+|(?:(?:de|da|dos|das|del|"
    r"della|di|du|la|le|van|von|der|ter|al|el|bin|ibn)\s+)+)?[A-Z][a-zA-Z0-9\-]*[a-zA-Z0-9])*)"
)
_QUESTION_OPENERS = frozenset(
    "what who whom whose when where why how which is are was were do does did can could will "
    "would should has have had and but so tell give list summarise summarize explain".split()
)


_NOT_NAMES = frozenset(
    "apart besides also overall according since after before during under following given "
    "despite beyond aside other others briefly exactly roughly approximately mainly only "
    "in on at for from with without between among across within "
    # counts: "Seven men have been charged ...", "Several right-wing media figures ..."
    "three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens several "
    "every nearly almost about more fewer less".split()
)


def named_entities(question: str) -> list[str]:
    """Capitalised names in a question (the parties or places it asks about), in order."""
    out: list[str] = []
    for m in _NAME.finditer(question):
        name = m.group(1)
        words = name.split()
        while words and words[0].lower() in _QUESTION_OPENERS:
            words = words[1:]
        at_start = not question[: m.start()].strip(" \"'(")
        while words and at_start and (words[0].lower() in _NOT_NAMES or words[0].endswith("ly")):
            words = words[1:]  # "Roughly how many ...", "Apart from Ukraine ...": not names
        while words and words[0].islower():  # "(Hundreds) of Tesla drivers": "Tesla"
            words = words[1:]
        cleaned = " ".join(words)
        if cleaned and cleaned.lower() not in STOPWORDS and cleaned not in out:
            out.append(cleaned)
    return out


def mentions(entity: str, text: str) -> bool:
    """Whether text names the entity (any of its words' stems), case-insensitively."""
    stems = {stem(w) for w in _WORD.findall(entity) if w.lower() not in STOPWORDS}
    have = {stem(w) for w in _WORD.findall(text)}
    return bool(stems) and stems <= have or any(s in have for s in stems if len(s) >= 5)


# inline markup a question copied from a web page brings with it ('... visited <a href="...">
# France</a> and which other country ...?'); the tags named, their attributes with values, so
# that "a<b and c>d" stays
_TAG = re.compile(
    r"</?(a|abbr|b|br|cite|code|del|div|em|font|i|ins|mark|p|q|s|small|span|strong|sub|sup|u)"
    r"(?:\s+[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))*\s*/?>",
    re.IGNORECASE,
)


def without_markup(text: str) -> str:
    """The text without inline HTML tags and with its character references read ("&amp;")."""
    if "<" not in text and "&" not in text:
        return text

    def gap(m: re.Match[str]) -> str:  # a line break or a block between words parts them
        return " " if m.group(1).lower() in ("br", "p", "div") else ""

    return " ".join(html.unescape(_TAG.sub(gap, text)).split())
