"""A person an answer names by surname alone is named in full, in brackets, as an editor would.

News names a person in full once and by surname after. "Snook, who's best known to HBO fans as
Shiv Roy, received her first Tony Award ..." answers "Who won her first Tony for best leading
actress in a play?", but an analyst forwarding it should not have to look up who Snook is. When
the sentence's own document named one person with that surname before it ("Sarah Snook says
..."), the answer's first mention is written "[Sarah Snook]": the editor's mark for words put
into a quotation in place of the writer's. The citation keeps the source's words.

Read from the document's text with the conventions of news copy, not a parse (the question path
never parses): a full name is two to four capitalised words or initials, not led by a title, a
place word ("West Texas") or a sentence opener; the short mention stands alone (not "the Trump
administration", "Kennedy Center", "in Texas"). Two people with the surname, John F. and Robert
F. Kennedy, leave it as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.text import STOPWORDS

_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|['\u2019][A-Z][a-z]+)*"  # "Ocasio-Cortez", "O'Brien"
_INITIAL = r"[A-Z]\."
_SUFFIX = r"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?![\w]))"
# a capitalised word standing alone in an answer sentence: a surname perhaps
_ALONE = re.compile(rf"(?<![\w.'\u2019-])({_WORD})(?![\w-]|['\u2019](?!s\b))")
# titles before a given name, dropped ("Secretary Robert F. Kennedy Jr.": Robert F. Kennedy Jr.)
_TITLES = frozenset(
    "president vice prime minister chancellor secretary general deputy foreign ambassador "
    "senator sen rep representative governor gov mayor king queen prince princess pope mr mrs "
    "ms dr gen col adm lt sgt capt judge justice chairman chairwoman chair premier sheikh lord "
    "lady sir dame coach director chief officer commissioner speaker leader councillor "
    "councilman councilwoman sheriff attorney professor prof actor actress artist singer "
    "rapper famer cardinal bishop archbishop rev reverend father pastor rabbi imam elect "
    "commander spokesman spokeswoman spokesperson founder ceo counsel".split()
)
# words that open a place or an institution, not a person's name ("West Texas", "United
# States Congress"), and the calendar
_NOT_GIVEN = frozenset(
    "saint st san santa los las fort port mount mt lake north south east west northern "
    "southern eastern western northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern midwest downstate upstate downtown coastal rural "
    "new old upper lower great little united golden central greater "
    "royal national federal state states city county kingdom republic union nations house "
    "senate congress department ministry office court party council committee assembly "
    "university college school company group bank agency "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep "
    "sept oct nov dec updated posted published whether without though although despite "
    "because unless during following amid among according first last next jr sr "
    "democratic republican".split()
)
# no given name, and no surname standing alone
_NOT_NAMES = _TITLES | _NOT_GIVEN | STOPWORDS
# "the Trump administration": a thing named after the person, written as the source wrote it
_NAMED_AFTER = frozenset("administration era campaign family organization foundation".split())
# before a short mention: it is a place or a thing, not a person ("in Texas", "the Trump era")
_NOT_PERSON_BEFORE = frozenset("the a an in at from to into near across".split())


def name_in_full(
    texts: Sequence[str],
    docs: Sequence[str],
    starts: Sequence[int],
    text_of: Callable[[str], str],
    is_party: Callable[[str], bool] = lambda name: False,
) -> list[str]:
    """The answer's sentences, each surname-only mention of a person its document named in full
    before it written in full, in brackets, the first time the answer names them.

    `docs`/`starts`: each sentence's document and where it starts there; `text_of(doc)`: the
    document's text; `is_party(word)`: a state, capital or organisation the registry knows
    ("Haiti" after "Without Haiti"), never a surname.
    """
    named: set[str] = set()  # surnames the answer has named in full (or expanded) already
    out: list[str] = []
    cache: dict[str, str] = {}
    for text, doc, start in zip(texts, docs, starts, strict=True):
        named.update(_full_names_in(text))
        pieces: list[str] = []
        last = 0
        for m in _ALONE.finditer(text):
            surname = m.group(1)
            if surname in named or not _stands_alone(text, m.start(1), m.end(1)):
                continue
            if is_party(surname):
                continue
            if doc not in cache:
                cache[doc] = text_of(doc)
            full = _full_name(cache[doc][:start], surname)
            if full is None:
                continue
            named.add(surname)
            pieces.append(text[last : m.start(1)] + f"[{full}]")
            last = m.end(1)
        out.append("".join(pieces) + text[last:] if pieces else text)
    return out


def _full_names_in(text: str) -> set[str]:
    """Surnames the sentence gives with a given name already ("Carlos Alcaraz")."""
    return {  # overlapping: "Ambassador Oskar Lindqvist" gives "Oskar Lindqvist"
        m.group(2)
        for m in re.finditer(rf"(?<![\w.])(?=({_WORD}|{_INITIAL})\s+({_WORD}))", text)
        if m.group(1).lower().rstrip(".") not in _NOT_NAMES
    }


def _stands_alone(text: str, a: int, b: int) -> bool:
    word = text[a:b]
    if word.lower() in _NOT_NAMES:
        return False
    before = text[:a].rstrip()
    prev = before.split()[-1] if before.split() else ""
    if prev.lower() in _NOT_PERSON_BEFORE:
        return False
    if re.fullmatch(rf"{_INITIAL}|[A-Z]{{2,}}", prev) or (
        re.fullmatch(_WORD, prev) and not before.endswith((".", ":"))
    ):
        return False  # part of a longer name ("Jannik Sinner", "Kennedy" in "John F. Kennedy",
        # "News" in "NBC News")
    if before.count("[") > before.count("]"):
        return False  # inside the source's own brackets
    after = text[b:]
    if re.match(rf"\.\s*\d|\s+\d|{_SUFFIX}", after):
        return False  # "Dec. 17", "Game 1", "Kennedy Jr."
    following = re.match(r"\s+([a-z]+)", after)
    if following and following.group(1) in _NAMED_AFTER:
        return False
    # a name or a thing named after them follows ("Kennedy Center", "Trump Tower")
    return not re.match(rf"(?:\u2019s|'s)?\s+(?:{_WORD}|{_INITIAL})", after) or bool(
        re.match(r"\s+(?:I|A)\b", after)
    )


def _full_name(before: str, surname: str) -> str | None:
    """The one person the text names in full with this surname, or None (none, or two)."""
    found: list[str] = []
    pattern = (  # one space between the words: a byline's or a heading's line break is no name
        rf"(?<![\w'\u2019.-])((?:(?:{_WORD}|{_INITIAL}) ){{1,3}}){re.escape(surname)}"
        rf"(?![\w-]|['\u2019](?!s\b)){_SUFFIX}?"
    )
    for m in re.finditer(pattern, before):
        words = m.group(1).split()
        # "Defense Secretary Pete Hegseth", "South African President Nelson Mandela": the name
        # starts after the last title; "Secretary Kennedy", "F. Kennedy", "West Texas" and
        # "Mapping Ukraine" have none
        titled = [i for i, w in enumerate(words) if _title(w)]
        words = words[titled[-1] + 1 :] if titled else words
        given = next((words[i:] for i, w in enumerate(words) if _given(w)), [])
        if not given or given[0].lower().endswith("ing"):
            continue
        if re.match(rf" (?:{_WORD})", before[m.end() :]):
            continue  # a longer name or a thing ("Taco Bell Cantina")
        full = " ".join(given) + " " + m.group(0)[len(m.group(1)) :].strip()
        found.append(re.sub(r"\s+", " ", full))
    if not found:
        return None
    longest = max(found, key=len)
    # "Robert F. Kennedy" and "Robert F. Kennedy Jr." are one person; John F. Kennedy another
    if any(not _same_person(f, longest) for f in found):
        return None
    return longest


def _title(word: str) -> bool:
    return any(part in _TITLES for part in word.lower().rstrip(".").split("-"))


def _given(word: str) -> bool:
    parts = word.lower().rstrip(".").split("-")  # "North-Central Gulf"
    return not word.endswith(".") and not any(part in _NOT_NAMES for part in parts)


def _same_person(a: str, b: str) -> bool:
    first_a, first_b = a.split()[0], b.split()[0]
    return first_a == first_b


# a name put into a quotation stands for one to four of the writer's words ("Kennedy", "she")
_PUT_IN = re.compile(r"\[[^\]\[]{1,80}\]")
_THEIR_WORDS = r"[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,3}?"


def as_written(text: str) -> str:
    """A pattern that finds the text in its source: its words with any whitespace between,
    each name put in brackets standing for the words it replaced.
    """
    out = []
    for piece in re.split(rf"({_PUT_IN.pattern}|\s+)", text.strip()):
        if not piece:
            continue
        if piece.isspace():
            out.append(r"\s+")
        elif _PUT_IN.fullmatch(piece):
            out.append(_THEIR_WORDS)
        else:
            out.append(re.escape(piece))
    return "".join(out)
