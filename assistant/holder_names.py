"""One party, one name, among a document's statements.

A news story names one party several ways: in full and by surname ("Pramila Jayapal" ...
"Jayapal said"; "Cui Tiankai" ... "Cui said", the family name first), by its initials
("General Motors" ... "GM"), with a word that describes it ("the jihadist Gamaa Islamiya"), or
by the end of its name ("the Fish and Wildlife Service" of "the U.S. Fish and Wildlife
Service"). The reader names a statement's holder as its sentence does, so the Positions tab
listed one party two or three times, its positions split between the names. After a document is
read, each such holder takes the one other name the document's statements give it; where two
names fit (two people of one surname, two bodies ending alike) nothing is joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from assistant.party_names import _NOT_FIRST
from assistant.party_names import _PARTICLES as _NAME_PARTICLES
from assistant.stance_parties import _CALENDAR_WORDS, SHORT_TITLES
from assistant.stance_statements import Found
from assistant.stance_words import _BODY_END, _TITLE_WORDS, opening_word

# a capitalised word of a person's name: "Jayapal", "O'Rourke", "Duck-soo", "McCarthy", "DeSantis"
_WORD = r"[A-Z](?:[a-z]+[A-Z])?[a-z]+(?:[\-'’][A-Z]?[a-z]+)?"
# a person's name as a holder: two to four such words, no organisation's
_PERSON_NAME = re.compile(rf"{_WORD}(?: {_WORD}){{1,3}}")

# a capitalised word before a surname that is no given name: a title, a party's label, a place
# (besides the title words: "President", "Sen.", "Gov.")
_NOT_GIVEN = (
    _TITLE_WORDS
    | SHORT_TITLES
    | {
        "speaker", "whip", "gop", "democrat", "republican", "judge", "justice", "attorney",
        "officer", "agent", "coach", "pope", "king", "queen", "prince", "sir", "lord", "lady",
        "father", "sister", "brother", "saint", "st", "new",
    }
)  # fmt: skip

# words that describe a party and are no part of its name: "the hard-line Islamist Nour
# Party", "the opposition Democratic Party"
_DESCRIBING = frozenset(
    {
        "opposition", "ruling", "islamist", "jihadist", "militant", "rebel", "separatist",
        "leftist", "rightist", "far-right", "far-left", "hard-line", "hardline", "nonprofit",
        "non-profit",
    }
)  # fmt: skip
# titles that open a person's name as a holder ("Surgeon General Vivek Murthy"): the words of
# the title run after them are dropped too, but only when a person's name is left
_TITLE_OPENERS = frozenset(
    {
        "surgeon", "attorney", "president", "vice", "secretary", "minister", "senator",
        "governor", "mayor", "ambassador", "chancellor", "speaker", "deputy", "former",
        "acting", "interim",
    }
) | SHORT_TITLES  # fmt: skip
# lowercase words that open names ("al-Shabaab", "de Blasio", "van der Leyen", "bin Salman")
_PARTICLES = frozenset(
    _NAME_PARTICLES
    | {"el", "den", "des", "della", "dos", "das", "do", "ter", "ten", "zu", "ibn", "abu", "ben"}
)
# "the state Department of Health" is the state's, not a federal one: the word stays
_JURISDICTIONS = frozenset(
    {"state", "federal", "city", "county", "national", "provincial", "regional", "local"}
    | {"municipal", "tribal", "town", "district"}
)
_JOINS = frozenset({"of", "for", "and", "&", "the", "on", "in"})
_INITIALS = re.compile(r"[A-Z](?:\.?[A-Z]){1,4}\.?")


def one_name_each(
    found: list[Found], text: str = "", known: Callable[[str], bool] = lambda name: False
) -> list[Found]:
    """`found` with each holder under the one name the document gives it in full.

    `known`: whether a name is a party the registry knows: "US" is not the "United Steelworkers"
    of the same story.
    """
    found = [replace(f, holder=_undescribed(_as_written(f, text, known))) for f in found]
    found = _full_names(found, text)
    renamed = short_forms((f.holder for f in found), known)
    return [replace(f, holder=renamed.get(f.holder, f.holder)) for f in found]


# "Arab leaders", "Western powers": a people's adjective is no party, the group it describes is
_GROUPS = (
    "leaders|powers|governments|nations|states|countries|allies|officials|diplomats|ministers|"
    "lawmakers|legislators|politicians|activists|groups"
)


def _as_written(f: Found, text: str, known: Callable[[str], bool]) -> str:
    """The holder as its sentence writes it when the reader kept only a group's adjective:
    "Arab" of "Arab leaders had rejected", "Western" of "Western powers have warned".
    """
    h = f.holder
    if " " in h or not h[:1].isupper() or known(h) or not _ADJECTIVE.search(h):
        return h
    m = re.search(rf"\b{re.escape(h)}\s+({_GROUPS})\b", text[f.start : f.end])
    return f"{h} {m[1]}" if m else h


_ADJECTIVE = re.compile(
    r"(?:an|ern|ish|ese|ic|i)$|^(?:Arab|Druze|Gulf|Thai|Swiss|French|Dutch|Greek|Czech)$"
)


def _undescribed(name: str) -> str:
    """Without the describing words before a name: lowercase words before a capitalised one
    ("jihadist Gamaa Islamiya"), the words of `_DESCRIBING` before at least two more
    ("Opposition Democratic Party"), a title before a person's name ("Surgeon General Vivek
    Murthy"); and without a joining word after it ("Gina Raimondo and").
    """
    words = name.split()
    if len(words) >= 2 and words[0] in _CREDITS:
        words = words[1:]  # "AP US", "Reuters US": a wire's credit the tagger ran into a name
    while len(words) >= 2 and opening_word(words[0]):
        words.pop(0)  # "But Vance", "For Bill": the sentence's first word run into a name
    if words and words[0].lower() in _NOT_FIRST:
        return " ".join(words)  # "infamous Apophis" (an asteroid): dropped when stored
    while (
        len(words) >= 2
        and re.fullmatch(r"[a-z][a-z'’-]*", words[0])
        and words[0].split("-")[0] not in _PARTICLES | _JURISDICTIONS
        and words[1][:1].isupper()
    ):
        words.pop(0)
    while len(words) >= 2 and words[-1].lower() in _JOINS:
        words.pop()  # "Gina Raimondo and": a tagger's run cut before the second name
    while len(words) >= 3 and words[0].lower() in _DESCRIBING:
        words.pop(0)
    if len(words) >= 3 and words[0].lower().rstrip(".") in _TITLE_OPENERS:
        rest = list(words)
        while len(rest) > 2 and rest[0].lower().rstrip(".") in _TITLE_OPENERS | _TITLE_WORDS:
            rest.pop(0)
        if _PERSON_NAME.fullmatch(" ".join(rest)):
            words = rest
    return " ".join(words)


_CREDITS = frozenset({"AP", "AFP", "UPI", "Reuters"})
# a body's name, never a person's written family name first
_A_BODY = re.compile(
    rf"{_BODY_END.pattern}|\b(?:Organi[sz]ation|Airport|Management|Inc|Corp|Company|Group|Holdings)$"
)


def _full_names(found: list[Found], text: str) -> list[Found]:
    """A person who holds statements under their full name and, in a quote's later sentence,
    under their surname alone ("Pramila Jayapal" ... "I fully condemn this," Jayapal said) is
    one holder: the full name, when the document gives the surname one person only. A surname
    no statement gives in full takes the full name the text gives it ("House Speaker Mike
    Johnson ... Johnson urged"), when the text gives only one. A name written family name first
    ("Cui Tiankai" ... "Cui said") is joined the same way when that one word speaks for itself.
    """
    names = {f.holder for f in found if _PERSON_NAME.fullmatch(f.holder)}
    full: dict[str, str] = {}
    for name in names:
        last = name.rsplit(" ", 1)[-1]
        full[last] = "" if last in full else name  # two people of one surname: neither
    people = {f.holder for f in found if f.holder == f.speaker}  # a person speaking for himself
    first: dict[str, str] = {}
    for name in names:
        given = name.split(" ", 1)[0]
        first[given] = "" if given in first else name
    for single in {h for h in people if h.isalpha() and h[:1].isupper()}:
        if single in full:
            continue
        before = {
            m[0]
            for m in re.finditer(rf"\b([A-Z][a-z]+) {single}\b(?![\w'’-])", text)
            if m[1].lower() not in _NOT_GIVEN and m[1] not in _CALENDAR_WORDS
        }
        if len(before) == 1:
            full[single] = before.pop()
        elif not before and first.get(single) and not _A_BODY.search(first[single]):
            # no given name before it anywhere in the text: the family name written first
            # ("Robert Aitken" is not the "Aitken Bible Historical Foundation", nor "President
            # Trump" the "Trump Organization")
            full[single] = first[single]
    return [
        replace(f, holder=full[f.holder]) if full.get(f.holder) and " " not in f.holder else f
        for f in found
    ]


def joined_bodies(
    ids: Iterable[str],
    known: Iterable[str] = (),
    written_with: Callable[[str, str], bool] = lambda short, full: True,
) -> dict[str, str]:
    """Holder id -> the id it is shown under, across a collection: a body one story names by
    its initials or the end of its name ("GM", "Fish and Wildlife Service") and another story
    in full, when the collection has one such fuller name and a document of the short form's
    statements writes it (`written_with(short, full)`). `known`: the registry's ids, never
    renamed. The people's counterpart is `party_names.joined_names`.
    """
    keep = set(known)
    return {
        short: full
        for short, full in short_forms(ids, keep.__contains__).items()
        if full not in keep and written_with(short, full)
    }


def short_forms(holders: Iterable[str], known: Callable[[str], bool]) -> dict[str, str]:
    """Holder -> the one other holder it is a short form of: its initials ("GM" of "General
    Motors"), or its last words, two or more or a lowercase group ("Fish and Wildlife Service",
    "families" of "victims' families"). Indexed, so that a collection's many thousand holders
    cost one pass.
    """
    names = list(dict.fromkeys(holders))
    present = set(names)
    by_initials: dict[str, set[str]] = {}
    by_end: dict[tuple[str, ...], set[str]] = {}
    for h in names:
        by_initials.setdefault(_initials(h), set()).add(h)
        words = h.split()
        for k in range(1, len(words)):
            if _ends_whole(words[:k], present, known):
                by_end.setdefault(tuple(words[k:]), set()).add(h)
    out: dict[str, str] = {}
    for h in names:
        if known(h):
            continue
        if _INITIALS.fullmatch(h):
            letters = h.replace(".", "")
            fits = by_initials.get(letters, set()) - {h}
            if not fits and letters != h and letters in present:
                fits = {letters}  # "G.M" of "GM"
        elif len(h.split()) >= 2 or h.islower():
            fits = by_end.get(tuple(h.split()), set())
        else:
            continue
        if len(fits) == 1:
            out[h] = next(iter(fits))
    return out


def _ends_whole(before: list[str], holders: set[str], known: Callable[[str], bool]) -> bool:
    """Whether the words `before` a short name in a longer one make one name with it: not a
    place a body is named for ("North Dakota" of the "University of North Dakota"), nor a party
    of its own joined by "and" ("Department of Homeland Security" of the tagger's "FBI and
    Department of Homeland Security"), but the tagger's cut at "and" ("Wildlife Service" of the
    "U.S. Fish and Wildlife Service").
    """
    if any(not re.fullmatch(r"[\w&'’-]+|(?:[A-Z]\.)+|St\.", w) for w in before):
        return False  # "Barbara Wilson. Iowa City", "St. Paul: Enbridge Energy": a tagger's run
    last = before[-1].lower()
    if last in ("and", "&"):
        first = before[:-1]
        named = " ".join(first)
        return not (
            named in holders
            or known(named)
            or _INITIALS.fullmatch(named)
            or any(w.lower() in _JOINS for w in first)  # "Members of the House and Senate ..."
        )
    return last not in _JOINS


def _initials(name: str) -> str:
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _JOINS and w[0].isupper())
