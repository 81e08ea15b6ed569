"""People who speak for a group as its lawyer: "Ana Ruiz, an attorney for the victims' families
and a law professor at Eastfield University" speaks for the families, not for the university.

In real court and accident stories the group a lawyer represents is rarely a named organisation
("the families", "the victims' families", "the families of 16 victims"), while the lawyer's
other affiliations are (a university, a law firm); the first organisation near the name was
taken for the lawyer's party. Read over the whole text, like the other title links.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2}"
_LAWYER = r"(?:attorney|lawyer|counsel|solicitor)"
_REPRESENTS = re.compile(
    rf"(?P<person>{_NAME}),? (?:who is )?(?:an? |the )?(?:[a-z\-]+ ){{0,2}}{_LAWYER}s? "
    r"(?:for|representing|who represents) (?:the )?"
    r"(?P<group>(?:[\w'’\-]+ ){0,3}?[\w'’\-]+?)(?=,| and | of | in | who | which |\.|;)"
)


def represented(text: str) -> list[tuple[str, str]]:
    """(lawyer, group) for each person the text calls a lawyer for a group."""
    out = []
    for m in _REPRESENTS.finditer(text):
        group = m.group("group").strip()
        if group and not group.lower().startswith(("him", "her", "them", "it")):
            out.append((m.group("person"), group))
    return out


# (and a place's own government: "The region's environment minister, Karin Lodahl")
_KINDS = (
    r"union|company|council|group|association|party|government|ministry|agency|firm|board|"
    r"alliance|region|province|municipality|cooperative|co-operative|federation|forum|"
    r"campaign|society|coalition|league|charity|syndicate|commission|authority"
)
_TITLES = (
    r"president|leader|chief executive|chief|spokes(?:man|woman|person)|head|chair(?:man|woman)?|"
    r"secretary|director|general secretary|CEO|minister"
)
_OWNED_TITLE = re.compile(
    rf"\b[Tt]he (?P<kind>{_KINDS})['’]s (?:[a-z\-]+ ){{0,2}}(?:{_TITLES}),? (?P<person>{_NAME})\b"
)


# "said Graham Lusk, the company's chief operating officer"
_TITLE_OWNED_AFTER = re.compile(
    rf"(?P<person>{_NAME}), [Tt]he (?P<kind>{_KINDS})['’]s (?:[a-z\-]+ ){{0,2}}(?:{_TITLES})\b"
)


def kind_titles(text: str) -> list[tuple[str, str, int]]:
    """(person, kind, where) for "the union's president, Ana Ruiz" and "Graham Lusk, the
    company's chief operating officer": the person speaks for the union or company the text
    names, whose name the caller finds from the kind ("union").
    """
    found = [
        (m.group("person"), m.group("kind"), m.start())
        for pattern in (_OWNED_TITLE, _TITLE_OWNED_AFTER)
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda person_kind_where: person_kind_where[2])  # text order


# "CEO Dana Holt", "Chief Executive Dana Holt" with no organisation before the title: in a story
# about one company, its chief
_BARE_CHIEF = re.compile(
    rf"\b(?:CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?) "
    rf"(?P<person>{_NAME})\b"
)


def bare_chiefs(text: str) -> list[str]:
    """People the text calls CEO with no organisation named before the title ("But CEO Dana
    Holt had told investors ..."): the caller links them to the company the story is about.
    """
    out = []
    for m in _BARE_CHIEF.finditer(text):
        raw = text[max(0, m.start() - 40) : m.start()]
        before = raw.rstrip()
        opens = re.search(r"(?:^|[.!?][\"”’]?\s+)$", raw) is not None  # "... on Wednesday. Chief"
        if (
            opens
            or not re.search(r"[A-Z][\w'’.&-]*(?:['’]s)?$", before)
            or before.endswith(("But", "And"))
        ):
            out.append(m.group("person"))
    return out
