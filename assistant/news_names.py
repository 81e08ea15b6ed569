"""How news copy ties a person to a party inside the name itself (issue 12).

Real wire copy writes a lawmaker's party as a tag ("Rep. Dana Holt, R-Colo.", "Sen. Marcus
Reyes (D-N.M.)") and a governor's state before the office ("Iowa Gov. Dale Brandt"). Read as
entities, the tag's state abbreviation ("Colo", "D-N.M") or the office ("Iowa Gov") became the
holder: on our own US-politics wire copy, 8 of 19 wrong holders. Read here over the whole text,
like the other title links, so that the sentence need not be parsed.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

_NAME = r"[A-Z][\w'’-]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){0,2}"
# "Dana Holt, R-Colo.", "Marcus Reyes (D-N.M.)", "Ana Ruiz, D-New York,"
_PARTISAN = re.compile(
    rf"(?P<person>{_NAME}),? \(?(?P<side>[RD])-(?:[A-Z][A-Za-z.]{{1,13}})(?: [A-Z][a-z.]+)?\)?"
    r"(?=[\s,;:)]|$)"
)
# "Rep. Ilhan Omar, a Democrat from Minnesota,": a lawmaker's tag in words (a governor's
# "Colorado Gov. Ruth Calloway, a Democrat," speaks for the state, below)
_PARTISAN_WORDS = re.compile(
    r"\b(?:Rep\.|Sen\.|Senator|Representative|Congress(?:wo)?man|[Ll]awmaker) "
    rf"(?P<person>{_NAME}), an? (?:[a-z-]+ )?(?P<side>Democrat|Republican)\b(?! Party| party)"
)
_SIDES = {
    "R": "Republicans",
    "D": "Democrats",
    "Democrat": "Democrats",
    "Republican": "Republicans",
}
# "Iowa Gov. Dale Brandt", "New Mexico Lt. Gov. Rafael Ortiz", "Texas Lieutenant Governor Dan
# Patrick" (Texas's, not "Texas Lieutenant"'s); not "Former ... Gov.": a former
# governor no longer speaks for the state
_PLACE_OFFICE = re.compile(
    rf"(?<![\w.’'-])(?P<former>(?:[Ff]ormer|[Ee]x-) )?"
    rf"(?P<place>(?:(?!Lieutenant )[A-Z][a-z]+ ){{0,2}}(?!Lieutenant )[A-Z][a-z]+)"
    rf" (?:Lt\. |Lieutenant )?(?:Gov\.|Governor) (?P<person>{_NAME})"
)
_NOT_PLACES = {"The", "Then", "State", "Deputy", "Acting", "Incoming", "Outgoing", "But", "And"}
_PARTY_WORDS = {"Democratic": "Democrats", "Republican": "Republicans"}


class NewsLink(NamedTuple):
    person: str
    party: str
    label: str  # the party's entity label: "NORP" for a US party, "GPE" for a state


def news_links(text: str) -> list[NewsLink]:
    """The people the text ties to a party by a partisan tag or a place before their office."""
    out: list[NewsLink] = []
    for pattern in (_PARTISAN, _PARTISAN_WORDS):
        for m in pattern.finditer(text):
            out.append(NewsLink(_bare(m.group("person")), _SIDES[m.group("side")], "NORP"))
    for m in _PLACE_OFFICE.finditer(text):
        if m.group("former"):
            continue
        words = m.group("place").split()
        while words and words[0] in _NOT_PLACES:
            words.pop(0)
        if not words:
            continue
        place = " ".join(words)
        if place in _PARTY_WORDS:  # "Republican Gov. Tim Hale"
            out.append(NewsLink(_bare(m.group("person")), _PARTY_WORDS[place], "NORP"))
        else:
            out.append(NewsLink(_bare(m.group("person")), place, "GPE"))
    return out


_TITLES = {
    "Rep", "Sen", "Gov", "Lt", "Dr", "Mr", "Mrs", "Ms", "Rev", "Leader", "Speaker", "Whip",
    "Chair", "Chairman", "Chairwoman", "Senator", "Representative", "Congressman",
    "Congresswoman", "Secretary", "President", "Minister", "Mayor", "Governor",
}  # fmt: skip


def _bare(person: str) -> str:
    """The name without titles the pattern took in ("Leader Carla Jimenez" -> "Carla Jimenez")."""
    words = person.split()
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words.pop(0)
    return " ".join(words)


# offices whose holder speaks in their own name in news copy when the text links them to no
# party: a lawmaker, a mayor, a speaker of a chamber; a president, a minister or an ambassador
# the text names with no state ("President Joe Biden said ..."; news dev 42.0 / 64.5 -> 43.7 /
# 64.8: the labellers list such a person among the aliases of the state or government); a
# spokeswoman is no office of her own
_ELECTED = re.compile(
    r"\b(?:Rep|Sen|Speaker|Mayor|[Ll]awmaker|[Ll]egislator|Congress(?:wo)?man|Representative|"
    r"Senator|Council(?:wo)?man|Council ?[Mm]ember|Councilor|Councillor|Alderman|Alderwoman|"
    r"Supervisor|Commissioner|Assemblyman|Assemblywoman|[A-Z][a-z]+-elect|"
    r"President|Prime Minister|Premier|Chancellor|Governor|Gov|Secretary|Minister|Ambassador|"
    # "Interim president Mansour", "acting prime minister Phumtham"
    r"(?:[Ii]nterim|[Aa]cting) (?:president|prime minister|premier|governor|mayor)|"
    # the office ends on a dot or a word's end: "Sen" once matched the start of "Senator", and
    # the name was looked for after "Sen|ator" (none found: no position of "Senator X")
    r"[Oo]pposition (?:[Ll]eader|[Ll]awmaker|[Pp]olitician|MP))(?:\.|\b)"
)
# a former office holder speaks for no office now, only in their own name ("former chancellor
# Philip Hammond", "Another former Tory leader, William Hague"): where the name starts
_FORMER_OFFICE = re.compile(r"\b(?:[Ff]ormer|[Ee]x(?=-))(?:[ -][\w.'’-]+){1,4}?,? (?=[A-Z])")
# "Ardonia's opposition leader Frida Moll", "Frida Moll, the opposition leader": she speaks
# against her state's government, never for the state
_OPPOSITION = re.compile(
    rf"\b[Oo]pposition (?:[A-Z][a-z]+ )?(?:[Ll]eader|[Ll]awmaker|[Pp]olitician|MP),? "
    rf"(?P<a>{_NAME})|(?P<b>{_NAME}), (?:the |an? )?(?:[A-Za-z]+ )?opposition (?:leader|lawmaker)"
)


def opposition_people(text: str) -> set[str]:
    """The people the text calls an opposition leader or lawmaker (full name and surname)."""
    out: set[str] = set()
    for m in _OPPOSITION.finditer(text):
        person = _bare(m.group("a") or m.group("b"))
        out |= {person, person.split()[-1]}
    return out


# the last words of a portfolio, which a lazy match may leave before a name
_PORTFOLIO_WORDS = {
    "Affairs", "Security", "Defense", "Defence", "State", "Development", "Services", "Relations",
    "Affairs,", "Justice", "Finance", "Commerce", "Trade", "Energy", "Health", "Education",
}  # fmt: skip


@functools.lru_cache(maxsize=256)  # asked for each statement: one scan a person and text
def elected(person: str, text: str) -> str:
    """The full name the text gives `person` (or their surname) after an elected office of their
    own ("Rep. Dana Holt", "Mayor Tim Dougherty", "a Conservative lawmaker Ana Ruiz"), '' when
    none: such a person holds a position in their own name when no party is linked to them.
    """
    last = person.split()[-1]
    opposing, offices = _offices(text)
    for name in opposing:
        if name.split()[-1] == last:
            return name
    offices = tuple(start for start in offices if _may_name(text, start, last))
    if not offices:
        return ""  # the pattern below, one per name, cost more to compile than to run
    after = re.compile(
        # "Secretary of Defense Jim Mattis": the portfolio between the office and the name
        rf"(?:of (?:the )?(?:[A-Z][\w'’-]* ){{1,2}}?)?(?P<n>(?:[A-Z][\w'’-]*\.? ){{0,3}}?"
        rf"{re.escape(last)})\b"
    )
    for start in offices:
        named = after.match(text, start)
        if named:
            # "(Former South) Carolina Gov. Ellen Marsh": the name after the last title
            words = named.group("n").split()
            while len(words) > 2 and words[0] in _PORTFOLIO_WORDS:
                words.pop(0)  # "(Secretary of Foreign) Affairs Ana Ruiz"
            cut = [k for k, w in enumerate(words[:-1]) if w.rstrip(".") in _TITLES]
            return " ".join(words[cut[-1] + 1 :] if cut else words)
    return ""


@functools.lru_cache(maxsize=8)  # the latest texts only: each is held while cached
def _offices(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The opposition people of a text, and where a name may start after each elected office."""
    opposing = tuple(_bare(m.group("a") or m.group("b")) for m in _OPPOSITION.finditer(text))
    offices = tuple(_SPACE.match(text, m.end()).end() for m in _ELECTED.finditer(text))  # type: ignore[union-attr]
    return opposing, offices + tuple(m.end() for m in _FORMER_OFFICE.finditer(text))


_SPACE = re.compile(r"\s*")
# what `elected`'s words between an office and the name are made of: no other character
_OUTSIDE_NAMES = re.compile(r"[^\w'’. -]")


def _may_name(text: str, start: int, last: str) -> bool:
    """Whether `last` starts before the first character after `start` that the words between
    an office and a name cannot hold: a name can follow the office there, and only there.
    """
    stop = _OUTSIDE_NAMES.search(text, start)
    end = stop.start() if stop else len(text)
    return text.find(last, start, end + len(last)) != -1
