"""Speakers a story names by their role the second time: "the official added", "said the
Pentagon spokesman", "the lawmaker said".

News copy introduces a speaker once ("Pentagon spokesman John Kirby", "Anton Alberts, an
opposition lawmaker,", "a senior administration official told CNN") and then refers back by
the role alone. Those sentences name no one, so the voice layer left them without a speaker,
and an answer quoting them could not say whose words they were. The role is resolved to the
last speaker the story introduced with the same role word, never to whoever spoke last: two
officials, a spokesman and a lawmaker often alternate in one story. Every word before the
role that is not generic ("the port spokesman", "the State Department spokesperson") must have
been part of that introduction; else the capitalised ones name the party the unnamed speaker
speaks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_ONE_OR_MORE = r"[A-Z][\w.&'\u2019\-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w.&'\u2019\-]*){0,5}"
# role words a story refers back to a person or an unnamed spokesperson by
ROLES = (
    "officials?|spokes(?:man|woman|person)|sources?|lawmakers?|senator|minister|lawyer|"
    "attorney|executive|aide|diplomats?|negotiator|ambassador|envoy|commissioner|prosecutor|"
    "congress(?:man|woman)|governor|mayor|chairman|chairwoman|chief|director|analyst|"
    "economist|researcher|professor|expert|strategist|adviser|advisor"
)
# what a story calls a body the second time: "the group said in a statement", "the union said"
BODIES = (
    "group|union|company|firm|organi[sz]ation|agency|regulator|carmaker|automaker|network|"
    "broadcaster|newspaper|paper|news site|outlet|think tank|nonprofit|association|coalition|"
    "alliance|retailer|airline|ministry|department|board|council|committee|campaign|charity"
)
_NAME = r"[A-Z][\w.'\u2019\-]+(?:\s+(?:de|van|von|al|bin|der|la|le)?\s*[A-Z][\w.'\u2019\-]*){1,3}"
_SAY = (
    r"said|says|added|adds|told|tells|wrote|noted|stressed|warned|insisted|declared|stated|"
    r"explained|argued|continued|replied|acknowledged|conceded|countered|asserted|maintained|"
    r"admitted|confirmed|described|called"
)
# what the second mention may put before the role: "the senior official", "the Pentagon
# spokesman", "the port spokesman"
_MODIFIERS = r"((?:[\w.'\u2019\-]+\s+){0,4}?)"
# words the second mention may add without naming another person ("the same official")
_GENERIC = {
    "the", "senior", "top", "former", "same", "other", "second", "first", "unnamed",
    "anonymous", "new", "official", "press",
}  # fmt: skip
# words that show the role belongs to someone else or is not a speaker's ("the company's
# spokesman", "the talks with the official")
_NOT_MODIFIERS = {"of", "for", "and", "or", "with", "to", "in", "at", "by", "on", "from", "that"}
_BETWEEN = r"(?:(?:also|later|then|again|on\s+\w+day)\s+){0,2}"
# "the official added", "the Pentagon spokesman said on Tuesday"
_THE_ROLE_SAID = re.compile(
    rf"(?<![\w'\u2019])[Tt]he\s+{_MODIFIERS}({ROLES}|{BODIES})\s+{_BETWEEN}(?:{_SAY})\b"
)
# "said the official", "said the State Department spokesperson" (the speaker ends the clause:
# in "a BBC spokesperson said the company would defend itself" the company is what was said)
_SAID_THE_ROLE = re.compile(
    rf"\b(?:{_SAY})\s+the\s+{_MODIFIERS}({ROLES}|{BODIES})\b"
    r"(?=\s*(?:[,.;:!?)\u201d\"]|$)|\s+(?:in|on|during|after|before|who|which|adding|noting|"
    r"saying|according|late|earlier|yesterday|today|tonight|last|this|when|while|as)\b)"
)
# an introduction: "Pentagon spokesman John Kirby", "Anton Alberts, an opposition lawmaker,",
# "a senior administration official" (the voice layer gives that one its party)
_TITLE_NAME = re.compile(rf"\b({ROLES})\s+({_NAME})")
# (the apposition closes with a comma, and no reporting verb is in it: in "... over Ukraine, the
# North American grid regulator said" the role is the subject of "said", not Ukraine's)
_CLOSED = rf"(?:(?!\b(?:{_SAY})\b)[^,\"\u201c\u201d]){{0,60}}[,.]"
_NAME_APPOSED = re.compile(
    rf"({_NAME}),\s+(?:an?|the|[\w.'\u2019\-]+['\u2019]s)\s+[^,\"\u201c\u201d]{{0,60}}?"
    rf"\b({ROLES})\b{_CLOSED}"
)
# a body introduced by what it is: "Penn Hillel, the campus Jewish group,", "the ILA union",
# "the carmaker Renault"
_BODY_APPOSED = re.compile(
    rf"({_ONE_OR_MORE}),\s+(?:an?|the)\s+[^,\"\u201c\u201d]{{0,60}}?\b({BODIES})\b{_CLOSED}"
)
_NAME_BODY = re.compile(rf"\bthe\s+({_ONE_OR_MORE})\s+({BODIES})\b")
_BODY_NAME = re.compile(rf"\b({BODIES})\s+({_ONE_OR_MORE})")
_INDEFINITE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal)\s+([^,.;\"\u201c\u201d]{{0,60}}?)"
    rf"\b({ROLES})\b"
)


@dataclass(frozen=True)
class _Introduced:
    role: str
    words: str  # the introduction: the second mention's modifiers must be in it
    speaker: tuple[str, str]  # (person, party)


class DescribedSpeakers:
    """The speakers one story has introduced by role, latest last."""

    def __init__(self) -> None:
        self._seen: list[_Introduced] = []

    def learn(
        self,
        outside: str,
        person_of: Callable[[str], str],
        speaks_for: Callable[[str], str],
        party_named: Callable[[str], str],
        spoke: tuple[str, str] | None,
    ) -> None:
        """Remember the people the sentence (quotes blanked) introduces by a role, and the
        role of an unnamed speaker of it (`spoke`, as the voice layer resolved it).
        """
        if not any(c.islower() for c in outside):
            return
        for m in _TITLE_NAME.finditer(outside):
            person = person_of(m[2])
            if len(person.split()) >= 2:
                words = outside[max(0, m.start() - 40) : m.end()]
                self._seen.append(_Introduced(m[1].lower(), words, (person, speaks_for(person))))
        for m in _NAME_APPOSED.finditer(outside):
            person = person_of(m[1])
            if len(person.split()) >= 2:
                self._seen.append(_Introduced(m[2].lower(), m[0], (person, speaks_for(person))))
        for pattern, name in ((_BODY_APPOSED, 1), (_NAME_BODY, 1), (_BODY_NAME, 2)):
            for m in pattern.finditer(outside):
                if party := party_named(m[name].strip()):
                    self._seen.append(_Introduced(m[3 - name].lower(), m[0], ("", party)))
        for m in _INDEFINITE.finditer(outside):
            # "a senior Ukrainian official told CNN", "according to a US national security
            # official": the party the description names, else the one the sentence's voice has
            named = " ".join(w for w in m[1].split() if w[:1].isupper())
            party = party_named(named) if named else ""
            if not party and spoke is not None and not spoke[0]:
                party = spoke[1]
            if party:
                self._seen.append(_Introduced(m[2].lower(), m[0], ("", party)))

    def resolve(self, outside: str, party_named: Callable[[str], str]) -> tuple[str, str] | None:
        """(person, party) of a sentence whose speaker is "the <role>", None when the story
        introduced no one by that role and the modifiers name no party.
        """
        m = _THE_ROLE_SAID.search(outside) or _SAID_THE_ROLE.search(outside)
        if m is None:
            return None
        role = m[2].lower()
        modifiers = [w for w in m[1].split() if w.lower() not in _GENERIC]
        if any(w.lower() in _NOT_MODIFIERS for w in modifiers):
            return None  # "the talks with the official": the role is not the one speaking
        capitalised = [w for w in modifiers if w[:1].isupper()]
        for seen in reversed(self._seen):
            said = seen.words.lower()
            if seen.role == role and all(
                re.search(rf"\b{re.escape(w.lower())}\b", said) for w in modifiers
            ):
                return seen.speaker
        if capitalised and (party := party_named(" ".join(capitalised))):
            return ("", party)  # "the State Department spokesperson added": the party alone
        return None
