"""The party registry: who is who in the news, and who speaks for whom.

States, organisations and blocs come from a YAML registry (a general default, extended or
corrected by the user's file); the people who speak for them are learned from the articles
("Russian Deputy Foreign Minister Sergei Ryabkov" makes Ryabkov speak for Russia).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from assistant.name_scan import LOOK_BEHIND, NameScan
from index.language import NAME_PARTICLES

DEFAULT_REGISTRY: Traversable = files("assistant") / "data" / "parties.yaml"  # package data

# Words that may stand between a party's adjective and a person's name in a title.
_TITLE_WORDS = (
    r"(?:Deputy|Vice|Foreign|Defen[cs]e|Prime|Minister|Secretary|General|President|Ambassador|"
    r"Permanent|Representative|Under|Assistant|State|Spokesperson|Spokesman|Spokeswoman|"
    r"Chancellor|Chief|Head|Envoy|Special|National|Security|Adviser|Advisor|of|the|Staff|"
    r"Chairman|Chair|Joint|Senior|Official|Press|Director|Minister's|Trade|Economy|Economic|"
    r"Finance|Interior|Justice|Energy|Health|Home|Affairs|Commerce|Industry|Agriculture|"
    r"Transport|Culture|Education|Labou?r|Environment|Climate|Sports?|Science|Army|Navy|"
    r"Commander|Governor|Mayor|Senator|Lawmaker|Speaker|Leader|Opposition|Central|Bank|"
    r"Fisheries|Maritime|Development|Digital|Immigration|Migration|Veterans|Housing|Water|"
    r"Treasury|Intelligence|European|International|Cooperation|Relations)"
)
# with the lower-case words inside a surname ("Ursula von der Leyen", "Mark van Dijk")
_PERSON = (
    r"(?P<person>[A-Z][a-z]+(?:[- ][A-Z]\.?)?"
    rf"(?:(?: (?:{'|'.join(sorted(NAME_PARTICLES))}))* [A-Z][a-z]+(?:-[A-Z][a-z]+)?){{1,2}})"
)


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    kind: str = "state"
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    party: str  # party id
    start: int
    end: int
    text: str
    person: str = ""  # set when the mention is a person speaking for the party


@dataclass
class Registry:
    parties: dict[str, Party] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # surname or full name -> party id
    _pattern: NameScan | None = None
    _lookup: dict[str, str] = field(default_factory=dict)
    _by_low: dict[str, str] = field(default_factory=dict)
    _aliases: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, *paths: Path | None) -> Registry:
        reg = cls()
        sources: list[Traversable] = [DEFAULT_REGISTRY, *(Path(p) for p in paths if p)]
        for path in sources:
            if not path.is_file():
                continue
            for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                if "person" in entry:  # a user correction: {person: Name, party: id}
                    reg.add_person(str(entry["person"]), str(entry["party"]))
                    continue
                party = Party(
                    id=str(entry["id"]),
                    name=str(entry.get("name", entry["id"])),
                    kind=str(entry.get("kind", "state")),
                    names=tuple(str(n) for n in entry.get("names", [])),
                    adjectives=tuple(str(a) for a in entry.get("adjectives", [])),
                )
                reg.parties[party.id] = party
        reg._compile()
        return reg

    def name(self, party_id: str) -> str:
        p = self.parties.get(party_id)
        return p.name if p else party_id

    def find(self, name: str) -> str | None:
        """The party id a name, adjective, metonym or known speaker stands for."""
        name = name.strip()
        if name in self._lookup:
            return self._lookup[name]
        pid = self._by_low.get(name.lower())
        if pid:
            return pid
        return self.people.get(name) or self.people.get(name.split()[-1] if name else "")

    def find_party(self, name: str) -> str | None:
        """The party id a name, adjective or metonym stands for; never through a speaker."""
        name = name.strip()
        pid = self._lookup.get(name)
        if pid and name not in self.people:
            return pid
        return self._by_low.get(name.lower())

    def is_adjective(self, alias: str) -> bool:
        return any(alias in p.adjectives and alias not in p.names for p in self.parties.values())

    def add_people(self, people: dict[str, str]) -> None:
        """Speakers learned earlier (kept in the store), without overriding the user's file."""
        for name, party_id in people.items():
            self.people.setdefault(name, party_id)
        self._compile()

    def add_person(self, person: str, party_id: str) -> None:
        self.people[person] = party_id
        self.people.setdefault(person.split()[-1], party_id)
        self._compile()

    def _compile(self) -> None:
        lookup: dict[str, str] = {}
        for pid, p in self.parties.items():
            for alias in (*p.names, *p.adjectives):
                lookup.setdefault(alias, pid)
        lookup.update({k: v for k, v in self.people.items() if k not in lookup})
        self._lookup = lookup
        # a party's id or name in any case (the first party that has it), asked per sentence
        by_low: dict[str, str] = {}
        for pid, p in self.parties.items():
            by_low.setdefault(p.id, pid)
            by_low.setdefault(p.name.lower(), pid)
        self._by_low = by_low
        self._aliases = {a for p in self.parties.values() for a in (*p.names, *p.adjectives)}
        aliases = sorted(lookup, key=len, reverse=True)
        self._pattern = NameScan(_mention_pattern, aliases) if aliases else None

    def mentions(self, text: str) -> list[Mention]:
        if self._pattern is None:
            return []
        out = []
        for m in self._pattern.finditer(text):
            alias = m.group(0)
            person = alias if alias in self.people and alias not in self._party_aliases() else ""
            out.append(Mention(self._lookup[alias], m.start(), m.end(), alias, person))
        return out

    def _party_aliases(self) -> set[str]:
        return self._aliases

    def learn_people(self, text: str) -> int:
        """Record "<Party adjective> <title> <Name>" speakers; returns how many were new."""
        new = {k: v for k, v in self.find_people(text).items() if k not in self.people}
        for person, pid in new.items():
            self.people[person] = pid
            self.people.setdefault(person.split()[-1], pid)
        if new:
            self._compile()
        return len(new)

    def find_people(self, text: str) -> dict[str, str]:
        """Speakers named as "<Party adjective> <title> <Name>" (person -> party id)."""
        adjectives = {a: pid for pid, p in self.parties.items() for a in (*p.adjectives, *p.names)}
        if not adjectives:
            return {}
        pattern = _people_pattern(tuple(sorted(adjectives, key=len, reverse=True)))
        common = set(re.findall(r"\b[a-z]+\b", text))  # words the text also uses uncapitalised
        found: dict[str, str] = {}
        for m in pattern.finditer(text):
            words = m.group("person").split()
            while words and words[0] in adjectives:
                words.pop(0)
            if any(w.lower() in common and w not in NAME_PARTICLES for w in words):
                continue  # a headline in title case, not a name
            person = _trim_person(" ".join(words))
            if person and person not in found:
                found[person] = adjectives[m.group("party")]
        return found

    def party_of_source(self, source: str) -> str | None:
        """The party whose own voice an official source is (a ministry, mission, office)."""
        if not re.search(
            r"Ministry|Department|Mission|Government|Office|President|Kremlin|Council|"
            r"Secretary|Embassy|Spokesperson|Defense|Defence|NATO|White House",
            source,
        ):
            return None
        found = self.mentions(source)
        return found[0].party if found else None


def _mention_pattern(body: str) -> str:
    return rf"{LOOK_BEHIND}(?:{body})(?![\w])"


@functools.lru_cache(maxsize=4)
def _people_pattern(adjectives: tuple[str, ...]) -> NameScan:
    """One compile per set of party words (the registry's, until it learns more), not one per
    document: the pattern holds every adjective and title, and took ~2 ms to compile.
    """
    return NameScan(_people_body, adjectives)


def _people_body(body: str) -> str:
    return rf"{LOOK_BEHIND}(?P<party>{body}) (?:{_TITLE_WORDS} ){{1,6}}{_PERSON}(?![\w])"


def _trim_person(name: str) -> str:
    words = name.split()
    # "Sergei Ryabkov said" style captures stop at lowercase; drop trailing title words.
    while words and re.fullmatch(_TITLE_WORDS, words[-1]):
        words.pop()
    while words and re.fullmatch(_TITLE_WORDS, words[0]):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else ""
