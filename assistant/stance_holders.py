"""The party (and person) a phrase of a parsed sentence stands for: subjects, reporting
speakers, pronouns, titles, "we" and "you".

Both the rules' statements and the learned model's candidate holders are named this way, and
each sentence's names teach the next ones who "he" or "they" is; the resolution and the reading
state it carries across sentences therefore live together, apart from deciding what the stance is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.news_names import elected
from assistant.stance_documents import DOCUMENTS, author_named
from assistant.stance_parties import (
    _WORKERS,
    GOVERNMENT_NAME,
    HONORIFICS,
    NAMED_KINDS,
    NOT_A_PARTY,
    NOT_OF,
    ORG_LIKE,
    SHORT_TITLES,
    Parties,
    city_of,
    country_of,
    is_party,
    is_portfolio,
    is_portfolio_name,
    is_titled,
    located,
    ministry_of,
    previous_subject,
    sentence_before,
    state_of_office,
    surname_of,
    untagged_name,
)
from assistant.stance_words import (
    _COMPANY_NOUNS,
    _FIRST,
    _GENERIC,
    _GOVERNMENT_TITLES,
    _GROUP_NOUNS,
    _HE_SHE,
    _LEGISLATORS,
    _LEVELS,
    _NOT_PARTIES,
    _SAY,
    _STATE_NOUNS,
    _STATEMENTS,
    _THEY_IT,
    _TITLE_RE,
    _TITLE_WORDS,
    _WHERE,
    QUOTED,
    _outlet,
)
from index.language import Entity, ParsedSentence, Token, apposed


@dataclass
class ReadingState:
    publisher: str = ""
    turn_label: str = ""
    turn_party: str = ""
    turn_person: str = ""
    last_person: str = ""  # display name of the person
    last_person_party: str = ""
    last_party: str = ""
    last_quote_speaker: tuple[str, str] = ("", "")  # (party, person)
    say_party: str = ""  # the reporting speaker's party in the current sentence
    say_first: bool = False  # the reporting speaker is "we" or "I"
    author: str = ""  # the party of the person a byline names, when no party publishes
    dear: list[tuple[int, str]] = field(default_factory=list)  # (where, name) of "Dear X,"
    to_party: str = ""  # the body a letter's title says it is to ("Letter to Quayside Homes")
    sections: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # headings
    at: int = 0  # where the current sentence starts in the document
    person_until: int = 0  # where the sentence that named last_person ends
    genders: dict[str, bool] = field(default_factory=dict)  # surname -> called 'he' (or 'she')
    titled: dict[str, bool] = field(default_factory=dict)  # surname -> "Mr." (or "Ms.", "Mrs.")
    news: bool = False  # news copy: no publishing party, no speaker turns
    partisans: dict[str, str] = field(default_factory=dict)  # lawmaker by a partisan tag
    inside_quote: bool = False  # the current sentence opens inside a quote begun before
    joint: tuple[str, ...] = ()  # the publishers of a statement issued jointly ("source: A; B")
    group: tuple[tuple[str, str], ...] = ()  # the last names listed together (name, label)
    group_until: int = 0  # where the sentence that named them ends

    def snapshot(self) -> dict[str, bool]:
        """A copy of what resolving a mention may teach the state: who is called 'he' or 'she'
        (`genders`). Listing the holders the learned model could choose (`holder_candidates`)
        resolves every mention of a sentence; `restore` puts this back, so that listing holders
        never changes what the reader remembers (with `Parties.snapshot`).
        """
        return dict(self.genders)

    def restore(self, genders: dict[str, bool]) -> None:
        """Back to `snapshot`'s copy, in place (the same dict, refilled)."""
        self.genders.clear()
        self.genders.update(genders)


def quoted_from_start(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` of a sentence that opens inside a quote begun in a sentence before: its words up
    to the first closing mark are quoted too ('That's what they say about you," Fain said.':
    "they say" is the quote's, Fain the one who said it).
    """
    close = re.search('["”]', text)
    first = (0, close.end() if close else len(text))
    return [first] + [q for q in spans if q[0] >= first[1]]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"“”]{2,}[\"”]", text)]
    if not spans and text.lstrip().startswith(('"', "“")):
        spans = [(0, len(text))]  # a quote that goes on past this sentence
    else:
        # 'X reiterated a statement that states: "Our offer has been ...': a quote opened
        # after the last closed one that goes on past this sentence
        opened = _OPENS_QUOTE.search(text, spans[-1][1] if spans else 0)
        if opened:
            spans.append((opened.start(), len(text)))
    return spans


# an opening quote mark before a word, not closed before the sentence ends
_OPENS_QUOTE = re.compile(r"(?:(?<=[\s:(—])|^)[\"“](?=\w)[^\"“”]*$")


def within(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


_MEMBERS = {"members", "staff", "employees"}  # an organisation's own people
# bodies whose "members" are the body's own people ("members will strike", in a union's text)
_MEMBERS_BODY = {
    "union", "guild", "association", "federation", "alliance", "coalition", "confederation",
    "syndicate", "cooperative", "co-operative", "society", "network", "congress", "chamber",
}  # fmt: skip
# a name ending in a kind of street is a place, whatever the tagger says ("Tor Lane")
_STREET = re.compile(
    r"\s(?:Lane|Road|Street|Avenue|Way|Close|Drive|Crescent|Terrace|Place|Row|Mews|Gardens)$"
)


def first_conjunct(ps: ParsedSentence, tok: Token) -> Token:
    """The first of the names joined to tok ("Ford, GM and Stellantis": Ford for all three)."""
    while tok.dep == "conj" and tok.head != tok.i:
        tok = ps.tokens[tok.head]
    return tok


def _remember_group(ps: ParsedSentence, state: ReadingState, quoted: list[tuple[int, int]]) -> None:
    """Names a sentence gives as one list ("from Ford, GM and Stellantis", "Harbour Freight and
    Portline met ..."), for a later "all three", "both companies" or "the two firms". Kept as
    written (name, label): resolving them to parties teaches the registry, so that is done
    only when a later sentence refers to them.
    """
    lists: dict[int, list[tuple[str, str]]] = {}
    for e in ps.entities:
        if e.label not in ("ORG", "GPE", "NORP", "PERSON") or within(
            quoted, ps.tokens[e.first].start
        ):  # (a person: "Harbour Freight", tagged one)
            continue
        first = first_conjunct(ps, ps.tokens[e.last - 1])
        if (e.text, e.label) not in lists.setdefault(first.i, []):
            lists[first.i].append((e.text, e.label))
    named = [names for names in lists.values() if len(names) > 1]
    if named:
        state.group = tuple(named[-1])
        state.group_until = state.at + len(ps.text)


def remember(ps: ParsedSentence, parties: Parties, state: ReadingState) -> None:
    # he/she refer to the most salient person of the sentence before: its subject (or the
    # subject's apposition) over a name in an object or a modifier ("... every Holm worker"),
    # and never to one named inside a quote ('"... until all Illegal Aliens stop ..." / he wrote')
    quoted = quoted_spans(ps.text)
    people = [
        e
        for e in ps.entities
        if e.label == "PERSON"
        and not within(quoted, ps.tokens[e.first].start)
        and (parties.speaks_for(e.text) or not is_party(e.text, parties))
        and not _STREET.search(e.text)
        and e.text[:1].isupper()  # "lorry", tagged a person in a long sentence
    ]  # "Brenton" tagged a person where the text names "Brenton Aggregates": the company;
    # "homes on Tor Lane": a street
    if people:
        best = min(people, key=lambda e: (_salience(ps, e), ps.depth(e.last - 1), e.first))
        state.last_person = best.text
        state.last_person_party = parties.speaks_for(best.text)
        state.person_until = state.at + len(ps.text)
    _remember_group(ps, state, quoted)
    subject = ""  # "The Commission has found ... in Stenmouth. It has told us ...": the subject's
    for e in ps.entities:
        if e.label == "PERSON":
            continue
        elif (
            e.label in ("ORG", "GPE", "NORP")
            and not is_portfolio(ps, e)
            and not _facility(ps, e)
            and not _dateline(ps, e)
            and not (e.last - e.first == 1 and _common_word(ps, ps.tokens[e.first], parties.text))
        ):
            name = parties.canonical(e.text, e.label)
            last = first_conjunct(ps, ps.tokens[e.last - 1])  # "between Varno and Kessel"
            prep = ps.tokens[last.head]
            place = (
                e.label == "ORG"
                and " " not in e.text
                and last.dep == "pobj"
                and prep.lemma in _WHERE | {"between", "from", "to"}
                # not "Pilots at Kerenair": people at a workplace
                and not (prep.lemma == "at" and ps.tokens[prep.head].tag == "NNS")
            )  # "told reporters in Varno", "between Varno and Kessel": a town, tagged ORG
            if name:
                parties.seen(name, "GPE" if place else e.label)
                state.last_party = name
                if not subject and _salience(ps, e) == 0:
                    subject = name
                for noun in _called(ps, e):
                    parties.described.setdefault(name, set()).add(noun)
    state.last_party = subject or state.last_party
    for t in ps.tokens:  # an untagged name the apposition calls a body: "the union, Corvex,"
        kind = ps.tokens[t.head]
        if t.dep == "appos" and t.pos == "PROPN" and t.ent_i < 0 and kind.text.islower():
            if kind.lemma in _GENERIC and kind.i < t.i:
                name = parties.canonical(untagged_name(ps, t)[1])
                if name:
                    parties.seen(name, "ORG")
                    parties.described.setdefault(name, set()).add(kind.lemma)


def _called(ps: ParsedSentence, e: Entity) -> list[str]:
    """The common nouns an apposition gives a named party: "the Canadian autoworkers union,
    Unifor" and "Unifor, the union that represents them" both call Unifor "the union". Not a
    compound ("the GM union" is no name of GM's).
    """
    called = [n.lemma for n in apposed(ps.tokens, e) if n.lemma in _GENERIC]
    last = ps.tokens[e.last - 1]
    if last.dep == "pobj" and ps.tokens[last.head].lemma == "of":
        # "The village council of Tesseni": its "council chair" speaks for Tesseni's council
        kind = ps.tokens[ps.tokens[last.head].head]
        if kind.pos == "NOUN" and kind.lemma in _GENERIC and kind.i < e.first:
            called.append(kind.lemma)
    return called


# what a name before it makes a place, not a party: "its Cerro Plata copper mine"
_FACILITIES = {
    "mine", "plant", "factory", "refinery", "smelter", "dam", "airport", "port", "terminal",
    "station", "depot", "field", "site", "project", "pit", "quarry", "reactor", "pipeline",
    "bridge", "crossing", "stadium", "arena", "hospital", "campus", "warehouse", "mill",
}  # fmt: skip


def _facility(ps: ParsedSentence, e: Entity) -> bool:
    """An organisation-tagged name that only modifies a facility noun ("its Cerro Plata copper
    mine", "the Kariba dam"): the place, whose operator is the party.
    """
    last = ps.tokens[e.last - 1]
    if last.dep != "compound":
        return False
    head = ps.tokens[last.head]
    while head.dep == "compound" and head.head != head.i:
        head = ps.tokens[head.head]
    return head.lemma.lower() in _FACILITIES and head.i >= e.last


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _latest_person(
    text: str, parties: Parties, genders: dict[str, bool] | None = None, he: bool = True
) -> str:
    """The person linked to a party whose name occurs last in `text` ('' when none); with
    `genders`, only one not already called by the other pronoun.
    """
    best, at = "", -1
    for person in parties.people:
        if genders is not None and genders.get(surname_of(person), he) != he:
            continue
        k = text.rfind(person)
        if k > at or (k == at >= 0 and len(person) > len(best)):
            best, at = person, k
    return best


def _salience(ps: ParsedSentence, e: Entity) -> int:
    """0 for a person who is a clause's subject (or in apposition to it), 1 otherwise."""
    head = ps.tokens[e.last - 1]
    deps = [head.dep]
    if head.dep in ("appos", "compound", "conj"):
        deps.append(ps.tokens[head.head].dep)
    return 0 if {"nsubj", "nsubjpass"} & set(deps) else 1


NOT_HOLDERS = {"there", "this", "that", "which", "who", "none", "nobody", "nothing"}


def stranded_subject(ps: ParsedSentence, i: int) -> Token | None:
    """The subject of a main verb the parser hung on a relative clause's object: "The
    Federation, which has some 60,000 members, called on the regulator ..." ("called" parsed as
    a clause of "members"): a past-tense verb after the clause's comma belongs to the noun the
    clause describes.
    """
    t = ps.tokens[i]
    if t.dep != "acl" or t.tag not in ("VBD", "VBN") or i == 0 or ps.tokens[i - 1].text != ",":
        return None
    if any(r.dep == "ROOT" and r.pos in ("VERB", "AUX") for r in ps.tokens):
        return None  # the sentence has its main verb: a participle clause, as parsed
    for a in ps.ancestors(i):
        if ps.tokens[a].dep == "relcl":
            noun = ps.tokens[ps.tokens[a].head]
            return noun if noun.i < i and noun.pos in ("PROPN", "NOUN") else None
    return None


def _conjuncts(ps: ParsedSentence, t: Token) -> list[Token]:
    """The names joined to t, in a chain ("Ford, GM and Stellantis": GM hangs from Ford and
    Stellantis from GM).
    """
    out: list[Token] = []
    todo = [c for c in ps.children(t.i) if c.dep == "conj"]
    while todo:
        c = todo.pop(0)
        out.append(c)
        todo += [g for g in ps.children(c.i) if g.dep == "conj"]
    return out


def subjects_of(ps: ParsedSentence, i: int) -> list[Token]:
    """The subject(s) of predicate i, looking up through xcomp/conj/aux chains."""
    seen = set()
    while i not in seen:
        seen.add(i)
        stranded = stranded_subject(ps, i)
        if stranded is not None:
            return [stranded]
        subs = [c for c in ps.children(i) if c.dep in ("nsubj", "nsubjpass", "csubj", "expl")]
        if not subs:  # "Lodgery has, however, offered": the subject hung on the auxiliary
            subs = [
                g
                for c in ps.children(i)
                if c.dep == "aux" and c.i < i
                for g in ps.children(c.i)
                if g.dep in ("nsubj", "nsubjpass")
            ]
        if len(subs) > 1:  # a misparse: a speaker label ("MS ABARA (...): The Office ...")
            # or an apposition ("The United States and the alliance NATO") taken as subjects
            subs = [
                s
                for s in subs
                if not any(c.dep == "punct" and ":" in c.text for c in ps.children(s.i))
            ] or subs
        noun = relative_subject(ps, i)
        if noun is not None:  # "Democrats who have called for ...": the Democrats
            subs = [noun]
        if subs:
            out = []
            for sub in subs:
                out += [sub, *_conjuncts(ps, sub)]
            return out
        agent = [c for c in ps.children(i) if c.dep == "agent"]
        if agent:
            return [c for c in ps.children(agent[0].i) if c.dep == "pobj"][:1]
        t = ps.tokens[i]
        if t.dep in ("xcomp", "conj", "acomp", "ccomp", "advcl") and t.head != i:
            i = t.head
            continue
        statement = ps.tokens[t.head]
        if t.dep == "pcomp" and statement.lemma == "by" and statement.dep == "prep":
            i = statement.head  # "The union responded by rejecting the offer": the union
            continue
        if t.dep == "acl" and statement.lemma in _STATEMENTS and statement.dep == "dobj":
            i = statement.head  # "X issued a statement demanding ...": X demands
            continue
        if t.pos == "NOUN" and t.dep in ("nsubj", "nsubjpass"):
            return []
        break
    return []


def relative_subject(ps: ParsedSentence, i: int) -> Token | None:
    """The noun a relative clause modifies when the clause's verb i has the relative pronoun
    "who" for its subject ("the families, who urged ...", "Democrats who have called for ..."):
    the one who does what the clause says. None for any other verb, and for clauses whose
    subject is someone else ("the depot that residents have opposed") or who undergo it ("the
    union's leaders, who were told by the court ...").
    """
    t = ps.tokens[i]
    if t.dep != "relcl" or t.head == i:
        return None
    # "who" only: "which" and "that" stand for things as often, and a clause is often hung
    # on the wrong noun ("a complaint filed by the district, which ..."); allowing them cost
    # held-out precision with no recall gained
    noun = ps.tokens[t.head]
    if not any(c.dep == "nsubj" and c.lemma.lower() == "who" for c in ps.children(i)) and not (
        _named_body_which(ps, i, noun)
    ):
        return None
    member = _one_of(ps, noun)
    if member is not None:
        return member
    return noun if noun.pos in ("NOUN", "PROPN") else None


def _named_body_which(ps: ParsedSentence, i: int, noun: Token) -> bool:
    """A clause opened by "which" set off by a comma right after a named organisation ("the
    Harlan Teachers Union, which has called on the district to ..."): the body does what the
    clause says.
    """
    which = [c for c in ps.children(i) if c.dep == "nsubj" and c.lemma.lower() == "which"]
    if not which or noun.ent != "ORG" or noun.pos != "PROPN" or which[0].i < 2:
        return False
    return which[0].i == noun.i + 2 and ps.tokens[noun.i + 1].text == ","


def _one_of(ps: ParsedSentence, noun: Token) -> Token | None:
    """The subject a group is said to include: "Hammond is among a number of senior
    Conservatives who oppose the rise" and "Holt is one of 40 lawmakers who have demanded an
    inquiry" are Hammond's and Holt's positions, not the group's.
    """
    node, among = noun, False
    for _ in range(4):  # "among (a number of) Conservatives", "one of 40 lawmakers"
        prep = ps.tokens[node.head]
        if node.dep != "pobj" or prep.lemma not in ("among", "of") or prep.head == prep.i:
            break
        among = among or prep.lemma == "among"
        node = ps.tokens[prep.head]
    if node.dep == "attr" and node.lemma == "one" and not among:
        node = ps.tokens[node.head]
    elif not among:
        return None
    if node.lemma != "be":
        return None
    subject = [c for c in ps.children(node.i) if c.dep == "nsubj"]
    return subject[0] if subject and subject[0].pos in ("PROPN", "NOUN") else None


# the parties "our" names that are not the speaker: "our competitors", "our allies"
_OTHERS_OF_OURS = {
    "competitor", "rival", "opponent", "critic", "adversary", "enemy", "ally", "partner",
    "neighbour", "neighbor", "customer", "client", "supplier", "creditor", "lender", "landlord",
}  # fmt: skip


_PLACE_BODIES = frozenset(
    {"Embassy", "Consulate", "Ministry", "Government", "Republic", "Kingdom", "Mission",
     "Principality", "Emirate", "Sultanate", "Parliament"}
)  # fmt: skip


def _body_of_place(ps: ParsedSentence, e: Entity) -> str:
    """'Embassy of Kaldrenne' when the name is the 'of' after such a body's word, else ''."""
    last = ps.tokens[e.last - 1]
    if last.dep != "pobj":
        return ""
    prep = ps.tokens[last.head]
    head = ps.tokens[prep.head]
    if prep.lemma != "of" or head.text not in _PLACE_BODIES:
        return ""
    return ps.text[head.start : last.start + len(last.text)]


# a state's own forces, which its spokesperson names as "the army"
_STATE_FORCES = {"army", "police", "military", "navy", "coastguard"}


_STATE_BODIES = {"ministry", "government", "embassy", "cabinet", "department"}
# who speaks for one person: "his campaign", "her lawyer"
_SPEAKS_FOR_ONE = {
    "campaign", "administration", "office", "team", "spokesman", "spokeswoman", "spokesperson",
    "lawyer", "attorney", "aide", "aides", "lawyers", "attorneys",
}  # fmt: skip
# and "his advisory", "her letter": what a document of theirs says
_HIS_OR_HERS = _SPEAKS_FOR_ONE | DOCUMENTS


# an office named by its title alone ("the governor"), and how a text titles its holder
_OFFICE_TITLES = {
    "governor": r"Gov\.|Governor",
    "mayor": r"Mayor",
    "senator": r"Sen\.|Senator",
    "president": r"President",
    "chancellor": r"Chancellor",
    "premier": r"Premier",
}
_TITLED_NAME = r"\s+(?P<n>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+){0,2})"


def _the_office_holder(ps: ParsedSentence, tok: Token, text: str, at: int) -> str:
    """'the governor': the person the text before `at` titled so ('Gov. John Carney'), when it
    titled exactly one; '' otherwise (the governor of a story that names two is anyone's).
    """
    title = _OFFICE_TITLES.get(tok.lemma)
    kids = ps.children(tok.i)
    if (
        title is None
        or tok.text.lower() != tok.lemma
        or not any(c.dep == "det" and c.lemma == "the" for c in kids)
        or any(c.dep in ("poss", "compound", "amod", "prep") for c in kids)
    ):
        return ""
    before = text[:at]  # only for a subject that is a bare title: every subject asks
    names = {
        elected(m.group("n"), before) or m.group("n")
        for m in re.finditer(rf"\b(?:{title}){_TITLED_NAME}", before)
    }
    return names.pop() if len(names) == 1 else ""


def _named_for_a_place(ps: ParsedSentence, tok: Token) -> str:
    """'Alternative for Germany', 'Movement for Democracy in Kestria': a body whose name ends in
    a place the tagger did not take in; the place alone is not who speaks ('' when not so).
    """
    if (
        tok.pos != "PROPN"
        or tok.ent_i >= 0
        or not tok.text[:1].isupper()
        or tok.lemma.lower() in _TITLE_WORDS
    ):
        return ""
    for c in ps.children(tok.i):
        if c.dep == "prep" and c.lemma == "for" and c.i == tok.i + 1:
            place = [g for g in ps.children(c.i) if g.dep == "pobj" and g.ent in ("GPE", "LOC")]
            if place and place[0].ent_i >= 0:
                return ps.text[tok.start : ps.entities[place[0].ent_i].end]
    return ""


# a government named for the person who leads it ("the Biden administration")
_LED = {"administration", "government"}


def _led_by(ps: ParsedSentence, tok: Token, parties: Parties) -> str:
    """The party "the Biden administration" / "Trump's administration" / "the Starmer
    government" stands for: the state its leader is known to speak for, a party the registry
    knows by that phrase, or the phrase itself; '' when the head is no such government. Before:
    the leader's surname held it, a person nobody had introduced, and the statement was lost.
    """
    if tok.lemma.lower() not in _LED:
        return ""
    leaders = [
        ps.entities[c.ent_i].text
        for c in ps.children(tok.i)
        if c.dep in ("compound", "poss")
        and c.ent_i >= 0
        and c.i < tok.i
        # a surname the tagger took for an organisation ("the Trump administration"), where
        # the text names the person
        and (c.ent == "PERSON" or (c.ent == "ORG" and _a_known_surname(c.text, parties.text)))
    ]
    if len(leaders) != 1:
        return ""
    person = leaders[0]
    person = re.sub(r"['’]s?$", "", person).strip()
    phrase = f"{person.split()[-1]} {tok.text.lower()}"
    party = parties.speaks_for(person)
    if party and parties.kinds.get(party) == "GPE":
        return party
    return parties.canonical(phrase, "ORG")


# who governs from a place: "officials in Moscow", "authorities in Kabul"
_OFFICIALS = {"official", "authority", "diplomat", "negotiator"}


def _seat_of_officials(ps: ParsedSentence, tok: Token, sub: list[Token]) -> str:
    """The place in "officials in Paris were seeking more": the government seated there (a
    capital the registry knows stands for its state). '' when the phrase names its own party
    ("US officials in Moscow") or the head is not an official. Where people are ("refuse
    collectors in Ravensholt") stays no party.
    """
    if tok.lemma.lower() not in _OFFICIALS or tok.tag != "NNS":
        return ""
    if any(u.ent_i >= 0 and u.i < tok.i for u in sub):
        return ""
    for c in ps.children(tok.i):
        if c.dep != "prep" or c.lemma != "in":
            continue
        places = [g for g in ps.children(c.i) if g.dep == "pobj" and g.ent == "GPE"]
        if places and places[0].ent_i >= 0:
            return ps.entities[places[0].ent_i].text
    return ""


# a capitalised word before a surname that may be a first name or a title, not a determiner
_BEFORE_SURNAME = r"(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\b)[A-Z][a-z]+"


def _a_known_surname(word: str, text: str) -> bool:
    """The text names a person with this surname ("President Donald Trump")."""
    return word.istitle() and bool(re.search(rf"\b{_BEFORE_SURNAME}\.? {re.escape(word)}\b", text))


def _untagged_surname(ps: ParsedSentence, tok: Token, text: str) -> str:
    """The person a bare capitalised word stands for when the text named them in full before
    and the tagger did not know the word alone for a name ("Syrian President Ahmed al-Sharaa
    ... Sharaa has repeatedly promised", where the word opening the sentence was taken for a
    common noun): the full name, '' otherwise.
    """
    word = tok.text
    if (
        tok.ent_i >= 0
        or tok.pos != "NOUN"  # (a proper noun the tagger knows is read as one: `_bare_name`)
        or len(word) < 3
        or not word.istitle()
        or tok.dep not in ("nsubj", "nsubjpass")
        or any(c.dep in ("det", "poss", "amod", "compound", "nummod") for c in ps.children(tok.i))
    ):
        return ""
    found = re.findall(
        rf"\b({_BEFORE_SURNAME} (?:(?:al|el|bin|ben|de|van|von|da|di|le|la)[- ])?{re.escape(word)})\b",
        text,
    )
    names = {f for f in found if f.split()[0].lower() not in _TITLE_WORDS}
    return names.pop() if len(names) == 1 else ""


def _a_document(ps: ParsedSentence, tok: Token) -> bool:
    """'the advisory', 'the draft resolution': a document named by its kind, not its author."""
    if (
        tok.lemma not in DOCUMENTS
        or not tok.text.islower()
        or tok.ent_i >= 0
        or tok.dep == "nsubjpass"  # "the plan was rejected": done to it, not said by it
    ):
        return False
    kids = ps.children(tok.i)
    if any(c.dep in ("poss", "compound", "amod") and c.ent_i >= 0 for c in kids):
        return False  # "Murthy's advisory", "the FCA proposal": the name says whose
    return any(c.dep == "det" and c.lemma.lower() in ("the", "this", "that") for c in kids)


def _person_named_last(parties: Parties, state: ReadingState) -> str:
    """The person a pronoun or an epithet points back to: one named since in a sentence that
    was not parsed ("Council leader Fiona Grady replied an hour later. ... she wrote.") is
    nearer than the last one the reading met (not one named in a quote: '"... until all Illegal
    Aliens stop ..." he wrote'); '' when none.
    """
    between = QUOTED.sub(_blank, parties.text[state.person_until : state.at])
    known = _latest_person(between, parties)
    titled = _titled_person_last(between)
    if titled:
        name, at = titled
        others = [known, surname_of(state.last_person)] if state.last_person else [known]
        if all(not o or o in name or between.rfind(o) < at for o in others) and not any(
            m.group(1) not in _NOT_A_GIVEN_NAME and m.group(0) not in name
            for m in _TWO_NAMES.finditer(between, at + len(name))
        ):
            return name
    return known or state.last_person


# "Mayor Lauren Poe", "Commissioner Adrian Hayes-Santos", "Sen. Ted Cruz": a title, then a
# given name, an initial perhaps, and a surname, with no third capitalised word after it
_TITLED_PERSON = re.compile(
    r"(?<![\w.])([A-Z][a-z]+)\.? ([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)"
    r"(?! [A-Z])(?![\w’'-])"
)


# two capitalised words, as a later name is written ("Rob Malley", "Iran Rob"), and the words
# that open a sentence before a name without being one
_TWO_NAMES = re.compile(r"(?<![\w.])([A-Z][a-z]+) [A-Z][a-z]+")
_NOT_A_GIVEN_NAME = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Last", "This", "That", "It", "He", "She",
    "They", "We", "His", "Her", "Their", "Our", "Its", "When", "After", "Before", "As", "If",
}  # fmt: skip
# titles written right before a person's full name (not "the", "of", "Foreign" of a title's words)
_NAME_TITLES = {
    "mr", "mrs", "ms", "dr", "ambassador", "secretary", "minister", "president", "mayor",
    "senator", "sen", "governor", "gov", "rep", "representative", "commissioner", "councillor",
    "councilor", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "superintendent", "judge", "sheriff", "chancellor",
}  # fmt: skip


def _titled_person_last(text: str) -> tuple[str, int] | None:
    """The last person the text names by title and full name (name, where), whom the reading
    may not have met: the sentence naming them held no stance word, so it was not parsed
    ("Mayor Lauren Poe expressed similar concerns. '...,' he said.").
    """
    found = None
    for m in _TITLED_PERSON.finditer(text):
        if m.group(1).lower() in _NAME_TITLES:
            found = (m.group(2), m.start(2))
    return found


def _person_as_holder(near: str, parties: Parties, state: ReadingState) -> tuple[str, str]:
    """(party, person) of a person pointed back to: the party the reading linked the last
    person to, else the one the text says they speak for, else the person themself.
    """
    if near == state.last_person and not parties.speaks_for(near):
        return state.last_person_party or near, near
    return parties.speaks_for(near) or near, near


# what news copy calls a politician it has just named ("the Louisiana Republican")
_PARTISANS = {
    "republican", "democrat", "independent", "conservative", "liberal", "progressive",
    "lawmaker", "congressman", "congresswoman", "legislator",
}  # fmt: skip


def _partisan_epithet(ps: ParsedSentence, tok: Token) -> bool:
    """'The Louisiana Republican', 'the Vermont independent', 'the New York Democrat': one
    person, named before, by the state they sit for and their party. Singular, definite, with
    the place before it; "the Republicans" and "Republican leaders" are not this.
    """
    if tok.lemma.lower() not in _PARTISANS or tok.tag not in ("NN", "NNP", "JJ"):
        return False
    kids = ps.children(tok.i)
    return any(c.dep == "det" and c.lemma == "the" for c in kids) and any(
        c.dep in ("compound", "amod")
        and c.i < tok.i
        and (c.ent in ("GPE", "LOC") or c.pos == "PROPN")
        for c in kids
    )


def _document_author(noun: str, parties: Parties, state: ReadingState) -> tuple[str, str]:
    """(party, person) of the one the text before the sentence names as the document's author;
    ('', '') when the text names no author the reading knows.
    """
    named = parties.by_name_word(noun)
    if named:
        return named, ""  # "the campaign" of the "Fair Bills Campaign": the party itself
    name = re.sub(r"^(?:The|A|An)\s+", "", author_named(parties.text[: state.at], noun))
    if not name:
        return "", ""
    party = parties.speaks_for(name)
    if party:
        return party, name
    if parties.knows(name) or parties.registry.find_party(name):
        return parties.canonical(name, parties.kinds.get(name, "ORG")), ""
    person = elected(name, parties.text)  # "the Osterley campaign" of Mayor Ruth Osterley
    return (person, person) if person else ("", "")


def party_of_np(
    ps: ParsedSentence, tok: Token, parties: Parties, state: ReadingState
) -> tuple[str, str]:
    """(party, person) a subject noun phrase stands for; ('', '') when none."""
    low = tok.text.lower()
    if low in _FIRST or any(
        c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(tok.i)
    ):
        if low not in _FIRST and tok.lemma.lower() in _OTHERS_OF_OURS:
            return "", ""  # "Our competitors are not going to stop": theirs, not ours
        return first_person_holder(state)
    if low in ("you", "your") or any(
        c.dep == "poss" and c.text.lower() == "your" for c in ps.children(tok.i)
    ):
        return addressee(parties, state)
    if len(state.joint) >= 2 and _both_of_us(ps, tok):
        # "The two sides call on Varnholt", "the two Heads of State assured" in a joint
        # communique: its signatories (joint_holders gives the others theirs)
        return state.joint[0], ""
    if low in _HE_SHE:
        near = _person_named_last(parties, state)
        he = low in ("he", "him", "his")
        if near and state.titled.get(surname_of(near), he) != he:
            return "", ""  # "In answer to Ms. Lang's question, he gave ...": not Ms Lang
        if near and state.genders.get(surname_of(near), he) != he:
            # "Union leader Piotr Wend ... He said ... She said the company would not ...":
            # she is not the person already called he; the last one named who may be her
            near = _latest_person(parties.text[: state.at], parties, state.genders, he) or ""
        if near:
            state.genders.setdefault(surname_of(near), he)
            return _person_as_holder(near, parties, state)
        return "", ""
    if _partisan_epithet(ps, tok):
        # "House Speaker Mike Johnson ... But the Louisiana Republican has called for ...": the
        # person named before, not the party nor the state ("the Vermont independent")
        near = _person_named_last(parties, state)
        return _person_as_holder(near, parties, state) if near else ("", "")
    if low in _THEY_IT and _said_by_a_share(ps, tok):
        return "", ""  # "In Brazil, 61 percent said they opposed it": those polled, no party
    sayer = _sayer_of_they(ps, tok) if low == "they" else None
    if sayer is not None:
        # "The union said they rejected the offer": the union's (no one's if it names none),
        # not the party named last
        return party_of_np(ps, sayer, parties, state)
    if low in _THEY_IT:
        if tok.i == 0 and _OUR_SUBJECT.match(sentence_before(parties.text, state.at)):
            return first_person_holder(state)  # "Our trustees met on 20 May. They are prepared to"
        if (
            state.news
            and low == "they"
            and not state.say_party
            and _people_before(parties.text, state.at)
        ):
            return "", ""  # "Workers voted ... They stayed on strike": the people, no party
        found = parties.holders[-1] if parties.holders else state.last_party
        opens = tok.i == 0 or (tok.dep == "nsubj" and ps.tokens[tok.head].lemma in _SAY)
        if opens and low in ("it", "its"):  # "Its planning director, X, said": the same
            # "The Front, which took Tamrat ..., said ... It rejected the agency's call", "The
            # union hit back. '...,' it wrote on Instagram": the party the sentence before is
            # about, before the last one to hold a position
            before = previous_subject(parties.text, state.at, parties, owned=low == "its")
            if before:
                parties.seen(before, parties.kinds.get(before, "ORG"))
            found = before or found
        own = state.turn_party if state.turn_label else ""
        if (
            low == "they"
            and own
            and found in ("", own)
            and not _OUR_SUBJECT.match(sentence_before(parties.text, state.at))
        ):  # ("Our engineers are patient. They want ...": our people)
            # "First, they want all drilling stopped", in the chief executive's answer: a
            # speaker calls their own side "we"; "they" is the other party last named
            found = last_named(parties, state.at, exclude=own)
        if found and found == first_person_holder(state)[0] and _to_us(ps, tok):
            # "It told us it will present a plan", "It has asked us to keep the post-boxes":
            # it is not us, but the other party last named
            found = next(
                (p for p in reversed(parties.holders + parties.order) if p != found), found
            )
        return found, ""
    names = [c for c in ps.children(tok.i) if c.dep == "appos" and c.pos == "PROPN"]
    shadow = _shadow_holder(ps, tok, names, parties)
    if shadow is not None:
        return shadow
    kind = [c for c in ps.children(tok.i) if c.dep == "compound" and c.lemma in _STATE_NOUNS]
    if tok.lemma.lower() in _TITLE_WORDS and kind and names:
        # "A government spokesman, Ilan Morrow, warned": a person (whom the tagger may take for
        # an organisation) speaking for the government, not a party named Ilan Morrow
        party = parties.by_generic(kind[0].lemma)
        if party:
            name = " ".join(x.text for x in ps.subtree(names[0].i) if x.dep != "punct")
            parties.link(name, party)
            return party, name
    owners = [c for c in ps.children(tok.i) if c.dep == "poss"]
    if owners and owners[0].text.lower() in ("his", "her") and tok.lemma in _HIS_OR_HERS:
        # "His campaign called for additional debates": the candidate's; "her lawyer said",
        # "His advisory ... called for"
        return party_of_np(ps, owners[0], parties, state)
    led = _led_by(ps, tok, parties)
    if led:
        return led, ""
    if _a_document(ps, tok):
        # "The advisory calls for ...": whoever the text said issued the advisory
        return _document_author(tok.lemma, parties, state)
    if (
        owners
        and owners[0].text.lower() == "its"
        and tok.lemma in _STATE_BODIES
        and not any(u.ent_i >= 0 for u in _phrase(ps, tok.i))
    ):
        # "China's government rejected the duties. Its commerce ministry called for ...": the
        # ministry of the state the sentence before is about
        state_of = previous_subject(parties.text, state.at, parties, owned=True) or (
            parties.holders[-1] if parties.holders else ""
        )
        if state_of and parties.kinds.get(state_of) == "GPE":
            return state_of, ""
    if (
        tok.text.lower() in _MEMBERS
        and owners
        and owners[0].text.lower() in _THEY_IT
        and state.say_party
        and not state.say_first
    ):
        # "The union said its members at Lanternfall Studios would strike": the union's, not
        # the company named after them
        return state.say_party, ""
    kids = ps.children(tok.i)
    if any(c.lemma in ("both", "all", "each", "either", "neither") for c in kids) and not (
        any(c.lemma == "both" for c in kids) and any(c.dep == "conj" for c in kids)
    ):
        return "", ""  # "Both sides insisted": no one party ("Both Russia and China": each)
    office_holder = _the_office_holder(ps, tok, parties.text, state.at)
    if office_holder:
        # "'I encourage every member ...,' the governor said": Gov. John Carney, named before
        return parties.speaks_for(office_holder) or office_holder, office_holder
    surnamed = _untagged_surname(ps, tok, parties.text[: state.at])
    if surnamed:
        return parties.speaks_for(surnamed) or surnamed, surnamed
    sub = _phrase(ps, tok.i)
    governed_from = _seat_of_officials(ps, tok, sub)
    if governed_from:
        return parties.canonical(governed_from, "GPE"), ""
    named_for = _named_for_a_place(ps, tok)
    if named_for:
        return parties.canonical(named_for, "ORG"), ""
    former = any(u.text.lower() in ("former", "ex") for u in sub)
    people = [ps.entities[u.ent_i] for u in sub if u.ent == "PERSON" and u.ent_i >= 0]
    if people and any(u.lemma == "opposition" for u in sub):
        # "Ardonia's opposition leader Frida Moll": she opposes Ardonia's government, and
        # speaks for her party only where the text names it
        person = people[0].text
        return parties.speaks_for(person) or person, person
    if _not_the_state(ps, tok, sub):
        # "Several Paraguayan senators", "Polish opposition leaders": not the state; the
        # latter a group described
        return described_group(ps, tok), ""
    if _share_of_a_people(ps, tok):
        return "", ""  # "Most Americans balk at ...", "a majority of Britons want ...": a poll
    if _states_people(ps, tok):
        # "Mirelia's referees will refuse ..., the referees' association said": the party that
        # reports for them; said by no one, the group itself ("France's leading trade unions")
        said = state.say_party if not _outlet(state.say_party) else ""
        first = min(t.start for t in sub if t.i <= tok.i and t.dep != "det")
        return said or ps.text[first : tok.start + len(tok.text)], ""
    # a named entity inside the phrase: possessor and title first, then the head; not the
    # possessor in a named body's apposition ("Draxholm Stål, Veskaria's largest steelmaker")
    in_appos = (
        {u.i for c in ps.children(tok.i) if c.dep == "appos" for u in ps.subtree(c.i)}
        if tok.ent_i >= 0 and ps.entities[tok.ent_i].label == "ORG"
        else set()
    )
    for pref in ("poss", "compound", "amod", "appos", ""):
        for t in sub:
            if t.ent_i < 0 or (pref and t.dep != pref and ps.tokens[t.head].dep != pref):
                continue
            if t.i in in_appos and t.dep == "poss":
                continue
            e = ps.entities[t.ent_i]
            if is_portfolio(ps, e):
                continue  # "Interior Minister Pavel Dresk": a portfolio, not a party
            if e.label != "PERSON" and e.text.lower() in _NOT_PARTIES:
                continue  # "Supreme Leader Ayatollah Ali Khamenei": a title's first word
            if e.last - e.first == 1 and _common_word(ps, ps.tokens[e.first], parties.text):
                continue  # "Households in Singapore ...", tagged an organisation
            if located(ps, e) and tok.ent_i < 0:
                continue  # "Refuse collectors in Ravensholt": where they are, not who they are
            head_of = ps.tokens[t.head]
            if t.dep == "compound" and head_of.ent == "NORP" and head_of.ent_i != t.ent_i:
                continue  # "Senate Democrats", "House Republicans": the party, not the chamber
            if (
                e.label in ("NORP", "ORG", "GPE")
                and t.dep == "amod"
                and ps.tokens[t.head].lemma in _GENERIC | _COMPANY_NOUNS
                and any(u.ent == "ORG" and u.ent_i not in (-1, t.ent_i) for u in sub)
            ):
                continue  # "Quessarian tech firm Orvexa Technologies": the firm's name says who
            if (
                (e.label in ("GPE", "LOC", "NORP") or e.text.lower() in _LEVELS)
                and t.dep in ("compound", "amod")
                and people
                and any(u.text.lower().strip(".") in _LEGISLATORS for u in sub)
            ):
                # "Texas Republican Rep. Chip Roy": his seat and his party's label; "State Sen.
                # Zellnor Myrie": the level he sits at, whatever the tagger took "State" for
                continue
            if e.label != "PERSON" and (
                NOT_A_PARTY.search(e.text) or (former and t.dep in ("compound", "amod"))
            ):
                # "Iowa Gov", "Former Kansas Gov. Ruth Almond": a place and an office, held now
                # or once; the person follows, and a former one speaks for herself
                continue
            if e.label == "PERSON" and t.dep == "poss" and e.text.lower() in parties.names:
                return parties.names[e.text.lower()], ""  # "Kessler's director": a company
            if e.label == "PERSON" and " " not in e.text and _body_of_place(ps, e):
                # "The Embassy of Kaldrenne": a state the tagger took for a person
                return parties.canonical(_body_of_place(ps, e), "ORG"), ""
            if e.label == "PERSON":
                # "Anwar" of "Malaysian Prime Minister Anwar Ibrahim", "Yoon" of "Yoon Suk
                # Yeol": a name used alone may be the first of the full one
                party = parties.speaker_for(e.text)
                last = ps.tokens[e.last - 1]
                of_kind = ps.tokens[last.head] if last.dep == "appos" else None
                if (
                    not party
                    and of_kind is not None
                    and of_kind.lemma in _GENERIC
                    and not is_titled(e.text, parties.text)
                ):
                    # "The operator, Calder Homes, has asked": the name is the operator itself,
                    # a company the tagger took for a person, not someone who works for one
                    return parties.canonical(e.text, "ORG"), ""
                # "Sen. Paul Driscoll of Ohio", "Rep. Alicia Ferrer, R-Fla.", "Former South
                # Carolina Gov. Ellen Marsh": a place a member sits for, or once governed, is
                # not whose position it is
                seat = any(
                    u.text.lower().strip(".") in _LEGISLATORS or u.lemma == "former" for u in sub
                )
                if not party:
                    # a title in the phrase ("Russian Foreign Minister Lavrov", "union leader")
                    for u in sub:
                        if u.ent_i >= 0 and is_portfolio(ps, ps.entities[u.ent_i]):
                            continue  # "Interior Minister", "Agriculture Minister": a portfolio
                        if u.ent in ("GPE", "LOC") and (seat or u.i >= e.last):
                            continue
                        if seat and u.text.lower() in _LEVELS:
                            continue  # "State Sen. Zellnor Myrie": a level, not a party
                        if seat and u.ent == "NORP" and u.i < e.first:
                            continue  # "Republican Rep. Chip Roy": a member speaks for himself
                        if former and u.ent in ("NORP", "ORG", "GPE") and u.i < e.first:
                            # "a former Lorvanian prime minister", "Another former Liberal
                            # leader, Mira Castell": no longer Lorvan's, nor the party's
                            continue
                        if u.ent_i >= 0 and ps.entities[u.ent_i].text.lower() in _NOT_PARTIES:
                            continue  # "Supreme Leader Ayatollah Ali Khamenei": a title's word
                        if u.ent in ("ORG", "GPE", "NORP") and u.ent_i >= 0:
                            ent = ps.entities[u.ent_i]
                            party = city_of(ps, ent, parties) or parties.canonical(ent.text, u.ent)
                            break
                        if u.dep == "poss" and u.text.lower() in ("its", "their") and u.i < e.first:
                            # "Its chief operating officer, Dana Whitcombe, said": the company
                            # the sentence before was about
                            party = party_of_np(ps, u, parties, state)[0]
                            if party and parties.kinds.get(party) != "GPE":
                                break
                            party = ""
                        if u.ent_i < 0 and u.text.islower() and u.i < e.first:
                            party = parties.by_name_word(u.lemma) or (
                                parties.by_generic(u.lemma) if u.lemma in _GENERIC else ""
                            )
                            if party:
                                break
                # "Interior Minister Pavel Dresk" as one entity: its title words count too
                named = ps.tokens[e.first : e.last]
                titled = [t for t in named if t.lemma.lower() in _TITLE_WORDS]
                if not party and not former:
                    # ("Another former Tory leader, William Hague, said": no office of anyone's
                    # now; he speaks for himself)
                    party = _by_title(sub + titled, e.first + len(named), parties, state)
                person = e.text
                if titled:
                    rest = [t.text for t in named if t.i > titled[-1].i]
                    person = " ".join(rest) if len(rest) >= 1 else e.text
                if party:
                    parties.link(person, party)
                return party or person, person
            if e.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
                first_word = e.text.split()[0].lower().strip(".")
                if first_word in HONORIFICS and len(e.text.split()) > 1:  # "Ms Dara Quint"
                    person = e.text.split(maxsplit=1)[1]
                    return parties.speaks_for(person) or person, person
                if parties.speaks_for(e.text) and (
                    not parties.kinds.get(e.text)
                    or (
                        # not one who may hold in her own name ("Rep. Jerry Nadler, D-N.Y.")
                        e.text not in state.partisans
                        and any(
                            p.endswith(" " + e.text) or p.startswith(e.text + " ")
                            for p in parties.people
                        )
                        and not elected(e.text, parties.text)
                        and not _seated(e.text, parties.text)
                    )
                ):
                    # a person the tagger took for an organisation or a place ("Grady"), here
                    # or before ("Bulgaria's foreign minister, Teodora Vasileva, ... Vasileva")
                    return parties.speaks_for(e.text), e.text
                own = state.turn_party or state.publisher
                if e.text.lower() in _GENERIC and e.text.lower() in own.lower().split():
                    return own, ""  # a minister's "the Government will accept a review": hers
                of = ps.tokens[ps.tokens[e.last - 1].head]  # "the mayor of Madrid"
                mayor = tok if of.lemma == "of" and of.head == tok.i else None
                party = city_of(ps, e, parties, mayor) or parties.canonical(e.text, e.label)
                if e.label == "NORP" and party.startswith(e.text + " "):
                    # "the Tessarian government's spokesman": Tessaria, not the "Tessarian
                    # Nurses' Guild" whose name begins with the adjective
                    land = country_of(e.text, parties.text)
                    party = parties.canonical(land, "GPE") if land else party
                return party, ""
    # the phrase without an apposition: "Unite, the country's biggest union with 1.3 million
    # members": Unite
    aside = {u.i for t in sub if t.dep == "appos" and t.i != tok.i for u in ps.subtree(t.i)}
    phrase = " ".join(
        t.text for t in sub if t.dep not in ("punct", "relcl", "acl") and t.i not in aside
    )
    pid = parties.registry.find_party(phrase) or parties.registry.find_party(tok.text)
    if pid:
        return parties.registry.name(pid), ""
    appos = [c for c in ps.children(tok.i) if c.dep == "appos" and c.pos == "PROPN"]
    if tok.pos == "NOUN" and tok.text.islower() and appos and _name_before(ps, appos[0]):
        # "The operator, Calder Homes, has asked ...": the apposition names the party
        return party_of_np(ps, appos[0], parties, state)
    owner = [c for c in ps.children(tok.i) if c.dep == "poss" and c.i != tok.i]
    if (
        owner
        and tok.lemma in _GENERIC
        and tok.text.islower()
        and owner[0].text.islower()
        and owner[0].lemma in _TITLE_WORDS
        and tok.ent_i < 0
    ):
        # "The minister's office has offered our association a seat": the minister's party if
        # the text links one person with that title, else no one it lets us name
        return _party_of_titled(owner[0].lemma, parties), ""
    if (
        owner
        and (
            tok.lemma in _TITLE_WORDS
            or (tok.lemma in _GENERIC and tok.text.islower() and owner[0].pos != "PRON")
        )
        and tok.ent_i < 0
    ):
        # "the group's spokeswoman", "the council's property office": the owner's
        party, _ = party_of_np(ps, owner[0], parties, state)
        if party and not parties.speaks_for(party):
            return party, ""
    served = [
        g
        for c in ps.children(tok.i)
        if c.dep == "prep" and c.lemma in ("for", "at")
        for g in ps.children(c.i)
        if g.dep == "pobj"
    ]
    spokes = tok.lemma in _TITLE_WORDS or tok.lemma in ("official", "source", "lawyer")
    if served and spokes and tok.ent_i < 0:
        party, _ = party_of_np(ps, served[0], parties, state)  # "a spokesman for the bank"
        if party and not parties.speaks_for(party):
            return party, ""
    kind = [c for c in ps.children(tok.i) if c.dep in ("compound", "amod") and c.lemma in _GENERIC]
    if kind and spokes:
        found = parties.by_generic(kind[0].lemma)  # "a government spokesman", "a union official"
        if found:
            return found, ""
    if tok.tag == "NNS" and tok.lemma in _TITLE_WORDS and (group := described_group(ps, tok)):
        return group, ""  # "Western leaders warned": a group, not the last person's party
    if tok.lemma in _TITLE_WORDS and tok.ent_i < 0:  # "The Deputy Secretary affirmed"
        body = parties.ending_in(tok.text.lower())
        if tok.i > 0 and tok.text[:1].isupper() and len(body) == 1:
            return body.pop(), ""  # "The Executive will not delay": the Regional Executive
        referent = _titled_person(sub, parties.text)
        if referent:  # the person the text introduced with this title
            return parties.speaks_for(referent) or state.publisher, referent
        # "the minister told us" in another party's turn: the one the text calls minister, or
        # the one ministry it names
        called = _party_of_titled(tok.lemma, parties) or (
            parties.by_name_word("ministry") if tok.lemma == "minister" else ""
        )
        if called:
            return called, ""
        return state.last_person_party or state.publisher, ""
    capitals = _name_before(ps, tok)
    if len(capitals) >= 2:
        # a name the tagger missed or mislabelled ("the Riverside Court Tenants' Association")
        name = ps.text[capitals[0].start : tok.start + len(tok.text)]
        if parties.speaks_for(name):
            return parties.speaks_for(name), name
        words = name.split()
        if not ORG_LIKE.search(name) and (
            words[0].lower().strip(".") in _TITLE_WORDS | SHORT_TITLES
            or is_titled(name, parties.text)
        ):
            person = " ".join(w for w in words if w.lower().strip(".") not in _TITLE_WORDS)
            return person, person  # "Ms Dara Quint": a person, whose party no text gives
        return parties.canonical(name, "ORG"), ""
    if _bare_name(ps, tok, parties):
        # "Lodgery has told us that it will not hand over its hosts' data": a company the
        # tagger missed, named alone, that the text never gives a first name
        return parties.canonical(tok.text, "ORG"), ""
    if a_kind_unnamed(ps, tok):
        # "Dental groups oppose the ban": no party named before, a group described
        return described_group(ps, tok), ""
    if tok.lemma in _GENERIC or tok.lemma.rstrip("s") in _GENERIC:
        if (
            state.say_party
            and not state.say_first
            and state.say_party in parties.kinds
            and tok.lemma not in ("union", "association", "council", "regulator", "authority")
        ):
            return state.say_party, ""  # "X's director said the firm would ...": X
        if (
            tok.lemma in ("union", "association")
            and state.say_party
            and not state.say_first
            and state.say_party in parties.kinds
            and _may_be_called(tok.lemma, state.say_party)
        ):
            # "Caspian Ruhenthal, president of the Glennowick Federation of Teachers, said the
            # union would not agree": the speaker's own body, when it is one
            return state.say_party, ""
        turn = state.turn_party or (state.publisher if not state.turn_label else "")
        its_word = tok.lemma.rstrip("s") in [w.lower().rstrip("s") for w in turn.split()]
        if (
            turn
            and tok.lemma not in _FIRST
            and (its_word or (tok.lemma in _COMPANY_NOUNS and parties._fits(tok.lemma, turn)))
        ):
            other = "" if its_word else parties.named_by(tok.lemma, exclude=turn)
            # "The group has asked for three things" in a water company's statement: the
            # "Eastbank Residents' Action Group", not the company
            return other or turn, ""  # counsel for a company: "the company is willing to ..."
        if (
            tok.lemma == "government"
            and _STATE_BODY.search(turn)
            and not any(
                c.dep in ("amod", "compound", "poss")
                or (c.dep == "prep" and c.lemma == "of" and not _names_us(ps, c, turn, state))
                for c in ps.children(tok.i)
            )  # not "the Rellian government", "the Government of Rellia"
        ):
            return turn, ""  # "the government will suspend ..." in its foreign ministry's briefing
        if (
            tok.lemma in _STATE_FORCES
            and state.turn_label
            and _STATE_BODY.search(turn)
            and not any(c.dep in ("amod", "compound", "poss") for c in ps.children(tok.i))
        ):
            return turn, ""  # "the army will not withdraw", said by the government's spokesperson
        speaker = state.say_party if state.say_first else ""
        found = parties.by_generic(tok.lemma, exclude=speaker)
        if tok.lemma == "government" and any(
            c.dep == "amod" and c.lemma == "federal" for c in ps.children(tok.i)
        ):
            # "The federal government said no private land will be taken", in a story about a
            # county: a country's government, never the county's board; a body of that name
            # when the text names no country before it
            pid = parties.registry.find_party(found) if found else None
            if not (pid and parties.registry.parties[pid].kind == "state"):
                return "Federal Government", ""
        if found:
            return found, ""
        if speaker:
            return "", ""  # another party, not named: no holder
        if tok.lemma in ("government", "country", "state", "side", "delegation"):
            if _led_by_us(ps, tok):
                return first_person_holder(state)  # "a government led by my party will not"
            if _NOT_GOVERNING.search(state.last_party):
                return "", ""  # "we will ask the Constitutional Court": a court governs nothing
            return state.last_party, ""
        return "", ""  # a generic noun no party's name holds: the speaker's, else no one's
    if tok.pos == "NOUN" and any(c.lemma == "the" for c in ps.children(tok.i)):
        found = parties.by_name_word(tok.lemma)
        if found:
            return found, ""
    owners = [c for c in ps.children(tok.i) if c.dep == "poss"]
    if tok.text.lower() in _MEMBERS and owners:
        # "The union said its members would walk out": the members' organisation holds it
        if owners[0].text.lower() in _THEY_IT and state.say_party and not state.say_first:
            return state.say_party, ""
        return party_of_np(ps, owners[0], parties, state)
    if tok.text.lower() in _MEMBERS and len(sub) == 1:
        # "members would suspend the strike": the members of the speaker's organisation;
        # whose, when no one is reporting, is a guess, unless the text is a members' body's own
        # ("members will begin a ten-day strike in January", in a union's statement)
        if state.say_party in parties.kinds:
            return state.say_party, ""
        own = state.turn_party or state.publisher
        return (own if _MEMBERS_BODY & set(own.lower().replace("'", " ").split()) else ""), ""
    if tok.lemma in _GROUP_NOUNS or tok.text.lower() in _GROUP_NOUNS:
        # not "Some lawmakers": people counted, no group a reader could tell apart
        return ("" if unnamed_others(ps, tok) else _group_name(sub, tok)), ""
    if tok.text[:1].isupper() and tok.pos == "PROPN" and not _common_word(ps, tok, parties.text):
        if parties.speaks_for(phrase):  # "Dresk warned", the minister named before
            return parties.speaks_for(phrase), phrase
        office = _TITLE_ALONE.fullmatch(re.sub(r"^(?:[Tt]he|[Aa]n?) ", "", phrase))
        if office and (not office.group("of") or is_portfolio_name(office.group("of"))):
            # "The Head of Highways replied", "the Senior Transport Planner said": an officer
            # named by office alone is no party; in a body's own record or release, the body's
            return state.turn_party or state.publisher, ""
        return parties.canonical(phrase), ""
    return described_group(ps, tok), ""  # "Supporters of the ordinances urged ..."


# a person's title with no organisation in it: "Head of Highways", "Senior Transport Planner"
_TITLE_ALONE = re.compile(
    rf"(?:[A-Z][a-z]+ ){{0,3}}{_TITLE_RE}(?: (?:of|for) (?P<of>[A-Z][\w&'’ ]+))?"
)


# bodies that judge, audit or advise: never what "the government" or "the country" means
_NOT_GOVERNING = re.compile(r"\b(?:Court|Tribunal|Ombudsman|Auditor|Inspectorate)\b")


# a publisher that is a state's government or one of its offices
_STATE_BODY = re.compile(
    r"\b(?:Ministry|Government|Republic|Kingdom|Principality|Presidency|Embassy|Chancellery|"
    r"Cabinet Office|Prime Minister['’]s Office)\b"
)


def _may_be_called(kind: str, party: str) -> bool:
    """Whether a body's name makes it one that may be called `kind` ('the union' for the
    Federation of Teachers, 'the association' for the Parents' Association).
    """
    words = {w.strip("'’").lower() for w in party.split()}
    if kind == "union":
        return bool(words & ({"union", "guild"} | _WORKERS))
    return kind in words


def _names_us(ps: ParsedSentence, of: Token, publisher: str, state: ReadingState) -> bool:
    """'the Governments of Tavolu, Meroa and Lesuna' in their joint statement: the publishers."""
    named = " ".join(t.text for t in ps.subtree(of.i))
    return any(
        p.split()[-1] in named
        for p in (publisher, *state.joint)
        if p and p.split()[-1][:1].isupper()
    )


def last_named(parties: Parties, at: int, exclude: str) -> str:
    """The party whose name (or an alias) occurs last before `at`, other than `exclude`."""
    low = parties.text[:at].lower()
    best, where = "", -1
    # each party's names, and its kind with "the" ("the alliance" for the Patients' Alliance)
    called = list(parties.names.items()) + [
        ("the " + p.split()[-1].lower(), p) for p in parties.order if len(p.split()) > 1
    ]
    for alias, party in called:
        if party == exclude or len(alias) < 4 or parties.kinds.get(party) == "PERSON":
            continue
        i = low.rfind(alias)
        while i >= 0 and not (
            _whole_word(low, i, len(alias)) and not _OBJECT_BEFORE.search(low, max(0, i - 20), i)
        ):
            i = low.rfind(alias, 0, i)
        if i > where:
            best, where = party, i
    return best


# a name after a preposition is what a sentence is about, not who it says acts ("it will take
# you to the Competition Authority")
_OBJECT_BEFORE = re.compile(r"\b(?:to|with|from|at|before|against|by|for|of|on|in|into) (?:the )?$")


def _whole_word(text: str, i: int, n: int) -> bool:
    return (i == 0 or not text[i - 1].isalnum()) and (
        i + n >= len(text) or not text[i + n].isalnum()
    )


def _led_by_us(ps: ParsedSentence, tok: Token) -> bool:
    """Whether the phrase is "a government led by my party", "a country run by us": ours."""
    for c in ps.children(tok.i):
        if c.dep == "acl" and c.lemma in ("lead", "run", "form", "head"):
            for by in ps.children(c.i):
                if by.dep == "agent":
                    for g in ps.children(by.i):
                        if g.text.lower() in ("us", "me") or any(
                            p.dep == "poss" and p.text.lower() in ("my", "our")
                            for p in ps.children(g.i)
                        ):
                            return True
    return False


# what a joint text calls its signatories together: "the two sides", "both governments"
_SIGNATORIES = {"side", "state", "country", "government", "party", "leader", "delegation", "head",
                "minister", "nation", "signatory", "president", "ministry"}  # fmt: skip


def _both_of_us(ps: ParsedSentence, tok: Token) -> bool:
    """Whether the phrase is "the two sides", "both States", "the two Heads of State": a plural
    kind of signatory counted as two or both.
    """
    plural = tok.text.lower()  # the tagger may keep "States", "Heads" as their own lemmas
    one = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1] if plural[-1:] == "s" else ""
    counted = any(
        c.lemma.lower() in ("two", "both", "three", "four", "five", "all")
        for c in ps.children(tok.i)
    )
    # "The Parties reaffirmed ...": a communique's own capitalised name for its signatories
    named = tok.text in ("Parties", "Signatories", "Leaders") and any(
        c.text.lower() == "the" for c in ps.children(tok.i)
    )
    return one in _SIGNATORIES and (counted or named)


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


def counted_parties(ps: ParsedSentence, tok: Token, parties: Parties) -> list[str]:
    """The parties a counted plural subject stands for in a story: "The two companies said
    they would not sell ...", "Both unions rejected ...", "the two sides agreed" are the last
    two parties of that kind the text named, each holding the position.
    """
    if ps.tokens[tok.i].tag not in ("NNS", "NNPS"):
        return []
    counts = [_COUNTS[c.lemma.lower()] for c in ps.children(tok.i) if c.lemma.lower() in _COUNTS]
    if len(counts) != 1 or any(c.dep == "poss" for c in ps.children(tok.i)):
        return []  # "our two companies", "both of its plants": not a count of named parties
    plural = tok.text.lower()
    one = (
        plural[:-3] + "y" if plural.endswith("ies") else plural[:-1] if plural.endswith("s") else ""
    )
    if not one or one not in _COUNTED_KINDS:
        return []
    return parties.last_of_kind(one, counts[0])


# kinds a count names ("the two companies", "both unions"); not "sides" or "parties", which a
# mediator or a joint text uses for whoever its context makes them
_COUNTED_KINDS = (_COMPANY_NOUNS | _STATE_NOUNS | {"union", "association"}) - {"side", "party"}


def named_group(
    ps: ParsedSentence, t: Token, parties: Parties, state: ReadingState
) -> tuple[str, ...]:
    """The parties a counted subject refers back to as a list: "All three rejected ...",
    "Both rejected ...", "The two firms refused ..." right after a sentence that named that
    many together ("from Ford, GM and Stellantis"); () for any other subject, or when the count
    does not match. (`counted_parties` reads "the two companies" by the parties' kinds.)
    """
    if len(state.group) < 2 or state.at - state.group_until > 600:
        return ()
    kids = {c.lemma.lower() for c in ps.children(t.i) if c.dep in ("det", "predet", "nummod")}
    word = t.lemma.lower()
    if t.pos == "NUM" and word in _COUNTS and kids & {"all", "the"}:
        n = _COUNTS[word]  # "All three", "the two"
    elif word == "both" and t.pos in ("PRON", "DET"):
        n = 2  # "Both rejected the offer"
    elif t.tag == "NNS" and word in _COUNTED_KINDS and len(kids & set(_COUNTS)) == 1:
        n = _COUNTS[next(iter(kids & set(_COUNTS)))]  # "both companies", "the two firms"
    else:
        return ()
    if n != len(state.group):
        return ()
    return tuple(p for name, label in state.group if (p := parties.canonical(name, label)))


_OUR_SUBJECT = re.compile(r"(?:Our|My) (?:[a-z\-]+ )?[a-z]+s? (?!of\b)[a-z]+")


def _people_before(text: str, at: int) -> bool:
    """Whether the sentence before `at` has a plural of people ("workers", "members") for "they"
    to stand for, nearer than any party.
    """
    return bool(
        re.search(
            r"\b(?:workers|members|employees|residents|machinists|staff|people|"
            r"families|voters|protesters|strikers|nurses|drivers)\b",
            sentence_before(text, at),
            re.I,
        )
    )


def _titled_person(sub: list[Token], text: str) -> str:
    """The person a bare title stands for: "the Deputy Secretary" is the one the text first
    names with that title ("Deputy Secretary of State Wendy R. Sherman"); '' when none is.
    """
    words = [t.text for t in sub if t.dep not in ("det", "punct") and t.text[:1].isupper()]
    if not words or len(words) != len([t for t in sub if t.dep not in ("det", "punct")]):
        return ""  # "the chief executive of the company", "the group's spokeswoman"
    title = r"\s+".join(re.escape(w) for w in words)
    m = re.search(
        rf"\b{title}(?:\s+(?:of|for)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?,?\s+"
        r"((?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)(?:\s+(?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)){1,3})",
        text,
    )
    if not m:
        return ""
    name = re.split(r"['’]", m.group(1))[0]  # "Sherman's Meeting With ...": "Sherman"
    return name.strip()


def _name_before(ps: ParsedSentence, tok: Token) -> list[Token]:
    """The capitalised words of a name that ends in `tok` ("Riverside Court Tenants'
    Association"), read leftwards over the name's own words; [] when tok is not capitalised.
    """
    if tok.pos != "PROPN" or not tok.text[:1].isupper():
        return []
    out = [tok]
    j = tok.i - 1
    while j >= 0:
        t = ps.tokens[j]
        if t.text[:1].isupper() and t.pos == "PROPN" and t.text.isupper() == tok.text.isupper():
            out.insert(0, t)
        elif t.text not in ("'", "’", "'s", "’s", "&", "of", "and"):
            break
        j -= 1
    while out and not out[0].text[:1].isupper():
        out.pop(0)
    return out


_DEFINITE = {"the", "this", "that", "these", "those", "both", "either", "neither", "each"}


def a_kind_unnamed(ps: ParsedSentence, tok: Token) -> bool:
    """Bodies of a kind, as a class the sentence introduces rather than parties the text
    named: "Dental groups oppose the ban", "Carriers threatened to ...", "The regional airlines
    that provide half the country's flights want ..." (a plural a restrictive clause defines).
    """
    if not (tok.lemma in _GENERIC or tok.lemma.rstrip("s") in _GENERIC):
        return False
    return _indefinite(ps, tok) or _defined_by_clause(ps, tok)


def _defined_by_clause(ps: ParsedSentence, tok: Token) -> bool:
    """A plural a restrictive clause defines: "the regional airlines that provide ..."."""
    return tok.tag == "NNS" and any(
        c.dep == "relcl"
        and c.i > tok.i
        and not any(ps.tokens[k].text == "," for k in range(tok.i + 1, c.i))
        and any(
            g.lower() in ("that", "who") for g in (t.text for t in ps.subtree(c.i) if t.i < c.i)
        )
        for c in ps.children(tok.i)
    )


# heads of a described group: people of a cause, a trade or a place, and bodies of a kind
_GROUP_HEADS = (
    _GROUP_NOUNS
    | {g + "s" for g in _GENERIC}
    | {
        "supporters", "opponents", "advocates", "activists", "campaigners", "leaders",
        "environmentalists", "conservationists", "families", "businesses", "owners",
        "landlords", "homeowners", "retailers", "investors", "groups", "companies", "airlines",
        "carriers", "organizations", "organisations", "charities", "nonprofits", "ranchers",
        "hospitals", "schools", "universities", "automakers", "manufacturers", "producers",
        "exporters", "importers", "insurers", "lenders", "banks", "senators", "legislators",
        "hauliers", "truckers", "shippers",
    }
)  # fmt: skip
# words that count people without saying which ("some residents", "many of them")
_COUNTED = frozenset({"some", "many", "several", "few", "most", "other"})
# qualifiers that say how many or how they feel, not which group
_VAGUE = _COUNTED | {
    "local", "more", "all", "both", "such",
    "various", "certain", "numerous", "new", "angry", "concerned", "frustrated", "worried",
    "ordinary", "individual", "young", "old", "older", "former", "current", "top", "senior",
    "prominent", "leading", "major", "small", "big", "large", "key", "fellow", "influential",
    "powerful", "affected", "furious", "disgruntled", "unhappy", "nearby", "foreign", "own",
}  # fmt: skip


def described_group(ps: ParsedSentence, tok: Token) -> str:
    """A group the sentence names by what it is rather than by a name: "Dental groups oppose
    the ban", "Supporters of the ordinances urged ...", "Rehoboth residents", "Republican
    lawmakers", "regional airlines that provide half the country's flights"; a holder an
    analyst can read. Not one described only by number or mood ("Critics", "Many residents",
    "Local farmers", "Some lawmakers"): no group a reader could tell apart. '' otherwise.
    """
    if tok.tag != "NNS" or tok.ent_i >= 0 or tok.text.lower() not in _GROUP_HEADS:
        return ""
    kids = ps.children(tok.i)
    if any(
        c.dep in ("poss", "nummod")
        or (c.dep == "det" and c.lemma not in ("the", "a", "an"))
        or c.lemma.lower() in _VAGUE
        for c in kids
    ):
        return ""
    before = [c for c in kids if c.dep in ("amod", "compound", "nmod") and c.i < tok.i]
    of = [
        c
        for c in kids
        if c.dep == "prep"
        and c.lemma in ("of", "for", "from")
        and c.i == tok.i + 1
        and any(g.dep == "pobj" for g in ps.children(c.i))
    ]
    if not before and not of:
        return ""
    if any(c.dep == "det" for c in kids) and not of and not _defined_by_clause(ps, tok):
        return ""  # "the dental groups": the ones named before
    first = min(t.i for c in before for t in ps.subtree(c.i)) if before else tok.i
    last = max(t.i for t in ps.subtree(of[0].i)) if of else tok.i
    words = ps.tokens[first : last + 1]
    if any(
        (t.pos == "PUNCT" and t.tag != "HYPH") or t.pos == "PRON" or t.dep in ("relcl", "appos")
        for t in words
    ):
        return ""
    name = ps.text[words[0].start : words[-1].start + len(words[-1].text)]
    return name[:1].upper() + name[1:]


def _indefinite(ps: ParsedSentence, tok: Token) -> bool:
    """Bodies of a kind that the sentence introduces, not one the text has named: "Dental
    groups oppose the ban". Only "the groups", "these companies", "both unions" or "its
    members" point back at parties. (A singular "an indigenous council in the north asked"
    opens wire copy about the council it names next, so only plurals count.)
    """
    if tok.tag != "NNS":
        return False
    dets = [c for c in ps.children(tok.i) if c.dep in ("det", "poss", "predet")]
    return not any(c.dep == "poss" or c.lemma.lower() in _DEFINITE for c in dets)


def _bare_name(ps: ParsedSentence, tok: Token, parties: Parties) -> bool:
    """A one-word name the tagger left untagged, as a subject: an organisation when the text
    names it more than once, capitalised inside a sentence too (an acronym always is), and never
    as anyone's surname (no person the text links ends in it, no capitalised word runs into it)
    and it is no title.
    """
    name = tok.text
    if tok.pos not in ("PROPN", "NOUN") or tok.ent_i >= 0 or not tok.dep.startswith("nsubj"):
        return False  # (a sentence's first word, the tagger may take for a common noun)
    acronym = name.isalpha() and name.isupper() and 2 <= len(name) <= 6  # "PETA", "SMUG"
    if not (name[:1].isupper() and name[1:].islower() and name.isalpha()) and not acronym:
        return False
    if name in _NOT_BODIES:
        return False
    if any(c.dep in ("compound", "amod", "det", "poss", "appos") for c in ps.children(tok.i)):
        return False
    if tok.lemma.lower() in _TITLE_WORDS or name.lower() in HONORIFICS:
        return False
    if parties.speaks_for(name) or any(p.endswith(" " + name) for p in parties.people):
        return False
    text = parties.text
    uses = re.findall(rf"(?<![\w'’.-])(?:[A-Z][\w'’-]* )?{name}(?![\w'’-]| [A-Z])", text)
    plain = [u for u in uses if u == name or u.split()[0] in _FUNCTION_WORDS]
    inside = re.search(rf"[a-z,] {name}(?![\w'’-])", text)  # capitalised mid-sentence too
    return len(uses) >= 2 and len(plain) == len(uses) and (inside is not None or acronym)


# capitals that name no body ("AI will not replace ...", "COVID threatens ...")
_NOT_BODIES = {"AI", "CEO", "CFO", "COO", "GDP", "COVID", "EV", "EVS", "OK", "TV", "DNA", "PM"}
# capitalised words that may stand before a bare name at a sentence's start
_FUNCTION_WORDS = {
    "But", "And", "If", "Should", "When", "While", "Although", "As", "So", "Yet", "Then", "Now",
    "Unless", "Until", "Because", "Since", "After", "Before", "Meanwhile", "However", "Still",
    "Why", "What", "How", "Does", "Did", "Will", "Would", "Has", "Had", "Is", "Was", "Can",
    "Could", "To", "For", "With", "From", "By", "At", "On", "In", "Of", "Only", "Even", "Nor",
}  # fmt: skip


# a minister's portfolio as the title names it ("Foreign Minister"), to tell their ministry
_PORTFOLIOS = {
    "foreign", "interior", "defence", "defense", "finance", "health", "education", "transport",
    "justice", "energy", "agriculture", "environment", "trade", "labour", "labor", "home",
    "economy", "economic", "culture", "sport", "sports", "housing", "water", "fisheries",
}  # fmt: skip


def _by_title(sub: list[Token], first: int, parties: Parties, state: ReadingState) -> str:
    """A titled person no text links to a party: a minister speaks for the state the story is
    about, a chief executive or spokesperson for the organisation that published the text.
    """
    titles = {t.lemma.lower() for t in sub if t.i < first}
    owner = [t for t in sub if t.i < first and t.dep == "poss" and t.pos == "NOUN"]
    if owner and owner[0].text.islower() and owner[0].lemma in _TITLE_WORDS:
        # "The minister's deputy, Ms Nora Hale": the party of the one the text calls minister
        return _party_of_titled(owner[0].lemma, parties)
    if owner and owner[0].text.islower() and owner[0].lemma not in _STATE_NOUNS:
        # "The commission's secretary general, Paul Tane": the commission's, whichever it is;
        # not the state in the news
        return parties.by_generic(owner[0].lemma)
    ministry = ministry_of(titles, parties)  # "Sports Minister Ilona Veck": the Ministry of Sport
    if ministry:
        return ministry
    ministries = {p for p in parties.kinds if "Ministry" in p.split()}
    portfolio = titles & _PORTFOLIOS
    if (
        "minister" in titles
        and len(ministries) == 1
        and all(w[:5] in next(iter(ministries)).lower() for w in portfolio)
    ):  # not "Foreign Minister Rania Haddou" where the one ministry named is another's water
        return ministries.pop()  # "The minister, Tobias Renn," where one ministry is named
    office = state_of_office(titles, parties)  # "Secretary of State Marco Rubio"
    if office:
        return office
    joined = " ".join(t.text.lower() for t in sub if t.i < first)
    if _ACADEMIC.search(joined):  # "Vice-chancellor Professor Anselm Kritzwald": no state's
        return parties.by_generic("university") or state.publisher
    if "branch" in titles:  # "the branch secretary, Dr Corwen Haliburt"
        of = _BRANCH_OF.search(parties.text)
        return parties.canonical(of[1], "ORG") if of else parties.by_generic("union")
    if "mayor" in titles:  # "deputy mayor Orla Finchley": the one city or town council named
        councils = {
            p
            for p in parties.kinds
            if "Council" in p.split() and {"City", "Town", "Borough"} & set(p.split())
        }
        if len(councils) == 1:
            return councils.pop()
    if titles & _GOVERNMENT_TITLES:  # the state in the news, else the party last heard
        if len(_states_named(parties)) > 1 and not GOVERNMENT_NAME.search(parties.text):
            # "President Joe Biden" in a story that also names Russia and China: the state last
            # heard is a guess, and in real news mostly the wrong one (Biden filed as Russia's)
            return ""
        return parties.by_generic("government") or (parties.holders[-1] if parties.holders else "")
    if titles & {"executive", "ceo", "spokesperson", "spokesman", "spokeswoman", "director"}:
        return state.publisher
    return ""


# a university's officers, whose titles hold a state's ("chancellor", "president")
_ACADEMIC = re.compile(r"\bvice\W*chancellor\b|\bprovost\b|\brector\b")


# "the Velthorn branch of the Federation of University Lecturers"
_BRANCH_OF = re.compile(
    r"\bbranch of (?:the )?([A-Z][\w'’\-]*(?: (?:of |and |for )?[A-Z][\w'’\-]*){0,6})"
)


# people of a state who are not its government: its lawmakers, its opposition, its citizens
_NOT_THE_STATE = {
    "senator", "lawmaker", "legislator", "mp", "politician", "critic", "activist", "protester",
    "voter", "citizen", "resident", "farmer", "opponent", "leader", "figure",
}  # fmt: skip


def _not_the_state(ps: ParsedSentence, tok: Token, sub: list[Token]) -> bool:
    """A plural of a state's people that the state's adjective names ("Paraguayan senators",
    "Polish opposition leaders", "Ardonian farmers"): their view, not the state's; "leader"
    and "figure" only with "opposition".
    """
    if tok.tag != "NNS" or any(u.ent in ("ORG", "GPE", "PERSON") for u in sub):
        return False
    opposition = any(c.lemma == "opposition" for c in ps.children(tok.i))
    kind = tok.lemma.lower() in _NOT_THE_STATE - {"leader", "figure"} or (
        opposition and tok.lemma.lower() in _NOT_THE_STATE
    )
    return kind and any(u.ent == "NORP" and u.i < tok.i for u in sub)


def _shadow_holder(
    ps: ParsedSentence, tok: Token, names: list[Token], parties: Parties
) -> tuple[str, str] | None:
    """A shadow minister ("Labour's shadow Home Office minister, Holly Lynch"): the opposition
    party that names her, or she herself; never the ministry she shadows.
    """
    before = [u for u in ps.subtree(tok.i) if u.i < tok.i]
    if not any(u.text.lower() == "shadow" for u in before):
        return None
    person = " ".join(x.text for x in ps.subtree(names[0].i) if x.dep != "punct") if names else ""
    owner = next((u for u in before if u.dep == "poss" and u.ent in ("ORG", "NORP")), None)
    party = (
        parties.canonical(ps.entities[owner.ent_i].text, "ORG")
        if owner and owner.ent_i >= 0
        else ""
    )
    if party and person:
        parties.link(person, party)
    return party or person, person


_SHARES = frozenset(
    {"most", "many", "some", "few", "several", "half", "majority", "minority", "percent", "%",
     "third", "quarter", "millions", "thousands", "share", "number", "proportion"}
)  # fmt: skip


def _sayer_of_they(ps: ParsedSentence, tok: Token) -> Token | None:
    """The noun that said what 'they' did, when 'they' opens what it said ("The union said they
    rejected the offer", "Residents told us they oppose it"); None for anything else.
    """
    verb = ps.tokens[tok.head]
    if tok.dep != "nsubj" or verb.dep != "ccomp" or verb.head == verb.i:
        return None
    said = ps.tokens[verb.head]
    if said.lemma not in _SAY:
        return None
    subj = [c for c in ps.children(said.i) if c.dep == "nsubj"]
    return subj[0] if subj and subj[0].pos in ("NOUN", "PROPN") else None


def _said_by_a_share(ps: ParsedSentence, tok: Token) -> bool:
    """'They' in what a share or a count of people said ("61 percent said they opposed it",
    "most said they would strike"): those people, whom a poll counts, not the party named last.
    """
    verb = ps.tokens[tok.head]
    if verb.dep not in ("ccomp", "conj") or verb.head == verb.i:
        return False
    return any(
        c.dep == "nsubj" and (c.ent in ("PERCENT", "CARDINAL") or c.lemma.lower() in _SHARES)
        for c in ps.children(verb.head)
    )


def _share_of_a_people(ps: ParsedSentence, tok: Token) -> bool:
    """Some, most or a share of a state's people ("Most Americans", "a majority of Britons",
    "61% of Canadians"): what a poll or a count finds of the public, not the state's position.
    "The Americans have proposed ..." (the US side) and bare "Americans" stay the state's.
    """

    def people(t: Token) -> bool:
        return t.tag in ("NNPS", "NNS") and (
            t.ent == "NORP" or bool(_DEMONYM_PLURAL.search(t.text))
        )

    kids = ps.children(tok.i)
    if people(tok):
        return any(c.dep in ("amod", "det", "nummod") and c.lemma.lower() in _SHARES for c in kids)
    return tok.lemma.lower() in _SHARES and any(
        c.dep == "prep" and c.lemma == "of" and any(people(g) for g in ps.children(c.i))
        for c in kids
    )


# a people's plural the tagger did not mark NORP: "Britons", "Canadians", "Israelis", "Chinese"
_DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ons|ers|is|ese)$")


def _states_people(ps: ParsedSentence, tok: Token) -> bool:
    """A plural of people a state's name owns ("Mirelia's referees", "Sadovia's fishermen"):
    those people, not the state.
    """
    owner = [c for c in ps.children(tok.i) if c.dep == "poss" and c.ent == "GPE"]
    plural = tok.tag == "NNS" and (
        tok.lemma.lower() in _NOT_THE_STATE
        or tok.text.lower() in _GROUP_NOUNS | _PROFESSIONS | _FACTIONS
    )
    # "Venezuela's opposition called for protests": the opposition, not the state it opposes
    return bool(owner) and (plural or tok.lemma.lower() == "opposition")


# a state's people by the side they take ("Iran's hardliners rejected the deal")
_FACTIONS = {
    "hardliners", "moderates", "reformists", "conservatives", "liberals", "militants",
    "insurgents", "separatists", "unions", "students",
}  # fmt: skip
_PROFESSIONS = {
    "referees", "doctors", "teachers", "nurses", "pilots", "fishermen", "miners", "drivers",
    "lawyers", "judges", "journalists", "dockers", "truckers", "hauliers", "bakers",
}  # fmt: skip


def _seated(name: str, text: str) -> bool:
    """A governor ("Iowa Gov. Dale Brandt") linked to the state she governs holds in her own
    name, as a lawmaker does.
    """
    return bool(
        re.search(rf"\b(?:Gov|Governor)\.?\s+(?:[A-Z][\w'’\-]*\s+)?{re.escape(name)}\b", text)
    )


_VERB_WORDS = r"(?:said|says|told|tells|added|and|who|whose|when|while)\b"


def _dateline(ps: ParsedSentence, e: Entity) -> bool:
    """A place in capitals opening a story's first sentence ("VARNO, Feb 16 (CWS) - ..."):
    where it was filed, not a party.
    """
    after = ps.tokens[e.last] if e.last < len(ps.tokens) else None
    return e.first == 0 and e.text.isupper() and after is not None and after.text == ","


def _common_word(ps: ParsedSentence, tok: Token, text: str) -> bool:
    """A capitalised word only because it opens the sentence, which the text also writes in
    lower case ("Households in Singapore would not face rationing" ... "300,000 households"):
    a common noun, not a name.
    """
    opens = all(t.pos == "PUNCT" for t in ps.tokens[: tok.i])
    low = tok.text.lower()
    if not opens or low == tok.text:
        return False
    if _WORD.fullmatch(low):  # a plain word: one of the text's words, no scan of its own
        return low in _words(text)
    return re.search(rf"\b{re.escape(low)}\b", text) is not None


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=16)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text))


def _to_us(ps: ParsedSentence, tok: Token) -> bool:
    """Whether "it" tells or asks "us" ("It told us it will present a plan", "It has asked us
    to keep the post-boxes"), itself or in the clause its report holds: a party that calls
    itself "we" is not the "it" that tells it something.
    """
    verb = ps.tokens[tok.head]
    for v in (verb, ps.tokens[verb.head] if verb.dep == "ccomp" else verb):
        if v.lemma in _TELL and any(
            c.text.lower() in ("us", "me") and c.dep in ("dobj", "dative", "iobj")
            for c in ps.children(v.i)
        ):
            return True
    return False


_TELL = {"tell", "ask", "inform", "write", "warn", "assure", "promise", "notify", "urge", "advise"}


def _party_of_titled(title: str, parties: Parties) -> str:
    """The party of the one linked person the text gives this title ("Mr Anton Velk, Minister
    for Coastal Affairs", "Minister Anton Velk"); '' when none or several.
    """
    text = parties.text
    found = {
        party
        for person, party in parties.people.items()
        if " " in person
        and re.search(
            rf"{re.escape(person)},\s+(?:the\s+)?(?:(?!{_VERB_WORDS})[\w'’\-]+\s+){{0,3}}?(?i:{title})\b"
            rf"|\b(?i:{title})\s+(?:[A-Z][\w'’\-]*\s+){{0,3}}?{re.escape(person)}\b",
            text,
        )
    }
    return found.pop() if len(found) == 1 else ""


def _states_named(parties: Parties) -> set[str]:
    """The states a document names: the registry's, wherever the text names them, and the ones
    the parse has met so far.
    """
    registry = parties.registry
    known = {
        registry.name(m.party)
        for m in registry.mentions(parties.text)
        if not m.person and registry.parties[m.party].kind == "state"
    }
    return known | {p for p in parties.order if parties.kinds.get(p) in ("GPE", "NORP")}


def _phrase(ps: ParsedSentence, i: int) -> list[Token]:
    """The noun phrase headed by token i, without its clauses ("members of the administration,
    who talked with their Russian colleagues": not the colleagues).
    """
    keep = {i}
    stack = [i]
    while stack:
        j = stack.pop()
        for c in ps.children(j):
            if (
                c.dep not in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc")
                and c.i not in keep
                and not (c.dep == "prep" and ps.tokens[j].lemma.lower() in NOT_OF)
            ):  # nor what the person opposes: "Mark Warner, a vocal critic of TikTok"
                keep.add(c.i)
                stack.append(c.i)
    return [t for t in ps.tokens if t.i in keep]


def _group_name(sub: list[Token], tok: Token) -> str:
    words = [t.text for t in sub if t.dep in ("amod", "compound") and t.i < tok.i] + [tok.text]
    return " ".join(words).strip().capitalize()


def addressee(parties: Parties, state: ReadingState) -> tuple[str, str]:
    """Whom 'you' / 'your members' stand for in a letter: the party of the person its 'Dear X,'
    names, when that is not the writer; ('', '') otherwise ("you" in a transcript is anyone).
    """
    names = [name for at, name in state.dear if at < state.at]
    you = parties.speaks_for(names[-1]) if names else ""
    if not you and state.to_party:  # "Dear Mr Brandt," whom no text links: the title's body
        return (state.to_party, "") if state.to_party != first_person_holder(state)[0] else ("", "")
    return (you, names[-1]) if you and you != first_person_holder(state)[0] else ("", "")


# an organisation's name as a header gives it: "Orbis Picturehouses", "Ministry of Justice"
_ISSUER = re.compile(r"[A-Z][\w'’&.\-]*(?: (?:of |and |for |the |de |du )*[A-Z][\w'’&.\-]*){0,6}")


def co_publishers(source: str, parties: Parties) -> tuple[str, ...]:
    """The other organisations a "source: A; B" header names as issuing the text with A, or a
    joint text's "Joint delegation of A, B and C" (`listed_issuers`); not where it was found
    ("...; via archive.md", "...; text via mirror example.org").
    """
    listed = listed_issuers(source)
    if listed:
        out = [parties.canonical(name, issuer_kind(name)) for name in listed[1:]]
        for party in out:
            parties.seen(party, issuer_kind(party))
        return tuple(p for p in out if p)
    out = []
    joint = _JOINT_WITH.search(source)  # "X press office (joint release with Y Ltd; ...)"
    if joint:
        party = parties.canonical(joint["party"], "ORG")
        if party:
            parties.seen(party, "ORG")
            out.append(party)
    for part in source.split(";")[1:]:
        name = part.strip()
        if not name or re.search(r"\bvia\b|\bmirror\b|\.\w{2,}\b|https?:", name, re.I):
            continue
        if _ISSUER.fullmatch(name) and not _outlet(name):
            party = parties.canonical(name, "ORG")
            if party:
                parties.seen(party, "ORG")
                out.append(party)
    return tuple(out)


_JOINT_WITH = re.compile(
    r"\bjoint(?:ly)? (?:press )?(?:release|statement|issued|published)? ?with (?:the )?"
    r"(?P<party>[A-Z][\w'’&.\-]*(?: (?:of |and |for |the )*[A-Z][\w'’&.\-]*){0,6})"
)
# "Joint delegation of the Republic of Palemora, the Kingdom of Tuvaka and the Federated Islands
# of Sendra": the source line of a text several bodies issue together
_JOINT_HEAD = re.compile(
    r"(?:(?:the )?joint (?:delegations?|statements?|declarations?|communiqu[eé]s?|submissions?|"
    r"letters?|response) (?:(?:issued|released|made|published|signed) )?(?:of|by|from)|"
    r"(?:issued|released|published|signed|made) jointly by) (?:the )?",
    re.I,
)
# "the Ministries of Foreign Affairs of A, B and C": one office of each state the list names
_OFFICES_OF = re.compile(
    r"^(?:(?:Ministries|Ministers|Departments) (?:of|for) [A-Z][\w ]+?|Foreign Ministries|"
    r"Governments|Foreign Ministers|Heads of (?:State|Government)|Delegations|Missions) of "
    r"(?:the )?(?=[A-Z])"
)
# "the Secretariat of the Southern Reef Fisheries Commission": the body it serves
_SERVANT_OF = re.compile(r"^(?:Secretariat|Executive Secretary|Director-General) of (?:the )?")
_NAME_END = re.compile(
    r"\b(?:Union|Association|Council|Federation|Guild|Ltd|Inc|Group|Company|Authority|Agency|"
    r"Ministry|Trust|Party|League|Alliance|Coalition|Network|Front|Movement|Society)$"
)


def _issuers_listed(body: str) -> list[str]:
    """'A, B and C'; 'the X and Y Union and the Z Association' (an "and" inside a name, as in
    "Drivers' and Depot Staff Association", splits nothing unless "the" or a name's last
    word marks it).
    """
    pieces = re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", body)
    items = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        inside = "," not in body and not piece.startswith("the ")
        if inside and not _NAME_END.search(items[-1]):
            items[-1] += sep + piece
        else:
            items.append(piece)
    return [re.sub(r"^the ", "", item.strip()) for item in items]


def _bodies_listed(line: str) -> list[str]:
    """'A, B and C' where a name may hold "and" ("Association of Hospital Technicians and
    Scientists"): a short piece naming no kind of body after "and" belongs to the name before.
    """
    pieces = re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", line)
    items = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if "," not in sep and not ORG_LIKE.search(piece) and len(piece.split()) <= 2:
            items[-1] += sep + piece
        else:
            items.append(piece)
    return [re.sub(r"^the ", "", item.strip()) for item in items]


_STATE_WORDS = re.compile(
    r"\b(?:Republic|Kingdom|Islands|Federation|Principality|Commonwealth|States of)\b"
)


_TWO_OFFICES = re.compile(
    r"(?:the )?(?P<a>(?P<kind>Ministry|Department|Office|Government|Embassy) (?:of|for) [A-Z].+?)"
    r",? and (?:the )?(?P<b>(?P=kind) (?:of|for) [A-Z].+)"
)


def listed_issuers(source: str) -> tuple[str, ...]:
    """The bodies a joint text's source line lists ("Joint delegation of A, B and C"), first
    to last; none for a line naming one body, even with a comma in its name ("Ministry of
    Health, Labour and Welfare"), which has no "joint" before it.
    """
    line = re.split(r"[;(]", source)[0].strip()
    m = _JOINT_HEAD.match(line)
    if not m and re.search(r"\(joint\b", source, re.I):
        # "A Union, Association of Technicians and Scientists and C Federation (joint
        # release)": the bodies the line lists, each a whole name
        items = _bodies_listed(line)
        return tuple(items) if len(items) >= 2 and all(map(ORG_LIKE.search, items)) else ()
    if not m:
        # "Ministry of Foreign Affairs of A and Ministry of Foreign Affairs of B": two offices
        # named alike, each whole, issue it together
        two = _TWO_OFFICES.fullmatch(line)
        return (two["a"], two["b"]) if two else ()
    items = _issuers_listed(_OFFICES_OF.sub("", line[m.end() :]))
    items = [_SERVANT_OF.sub("", item) for item in items]
    if len(items) < 2 or not all(re.match(r"[A-Z]", item) for item in items):
        return ()
    return tuple(items)


def issuer_kind(name: str) -> str:
    return "GPE" if _STATE_WORDS.search(name) else "ORG"


_CLOSING = re.compile(
    r"^[ \t]*(?:Yours (?:sincerely|faithfully|truly)|Sincerely(?: yours)?|With (?:kind )?regards|"
    r"(?:Kind|Best|Warm|Many) (?:regards|wishes|thanks)|Regards|Respectfully)[,.]?[ \t]*$",
    re.M | re.I,
)
_SIGNER = re.compile(
    # "Magnhild Okparaeke-Lunde": a double surname's second part is capitalised too
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Cllr)\.? )?"
    r"(?P<person>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*){1,2})"
)


SIGNATURE_CHARS = 240  # a longer paragraph after a closing is no signature block


def _signature(text: str, closing: re.Match[str]) -> tuple[int, str]:
    """Where the paragraph after a closing ("Kind regards,") starts, and the paragraph."""
    after = text[closing.end() :]
    at = closing.end() + len(after) - len(after.lstrip())
    return at, text[at:].split("\n\n", 1)[0]


def _signer(block: str, rest: str) -> str:
    """The name a signature block opens with, as `rest` (the text outside it) writes it:
    "Priya Lendl Head ..." -> "Priya Lendl" ("From: Priya Lendl"); "" when it opens with none.
    """
    signer = _SIGNER.match(block)
    if not signer:
        return ""
    words = signer.group("person").split()
    while len(words) > 2 and " ".join(words) not in rest:
        words.pop()
    return " ".join(words)


def signature_links(text: str, title: str, parties: Parties) -> None:
    """Who signs each message of a letter or an email exchange, and for whom: the paragraph
    after "Kind regards," opens with the signer's name and ends with the organisation
    ("Priya Lendl Head of Collections and Licensing Northmere Library Consortium", its lines
    joined): the longest ending that the text or its title names outside the signatures too.
    The signature is the writer's own word on whom they write for, so it replaces a guess.
    """
    signatures = (_signature(text, closing) for closing in _CLOSING.finditer(text))
    blocks = [(at, block) for at, block in signatures if len(block) <= SIGNATURE_CHARS]
    if not blocks:
        return
    elsewhere, last = [title], 0
    for at, block in blocks:
        elsewhere.append(text[last:at])
        last = at + len(block)
    elsewhere.append(text[last:])
    rest = "\n".join(elsewhere)
    for _, block in blocks:
        person = _signer(block, rest)
        if not person:
            continue
        tail = block[block.index(person) + len(person) :].replace(",", " ").split()
        org = ""
        for k in range(len(tail) - 1, -1, -1):
            if not tail[k][:1].isupper():
                break
            ending = " ".join(tail[k:])
            # (or the letterhead in capitals: "SKERRAVOE WIND ENERGY LTD")
            if (ending in rest or ending.upper() in rest) and _ISSUER.fullmatch(ending):
                org = ending
        if org and " " in org and not _outlet(org):
            party = parties.canonical(org, "ORG")
            if party:
                parties.link(person, party, replace=True)
                parties.seen(party, "ORG")


def letter_signer(text: str) -> str:
    """The one person who signs a letter ("Yours sincerely, / Dr Helen Tarrant / Chief
    Executive, Vellmoor Valley Hospitals Trust"): whose "we" the letter's is when no source
    or letterhead names a publisher. "" for no signature or several (an email thread).
    """
    closings = list(_CLOSING.finditer(text))
    if len(closings) != 1:
        return ""
    _, block = _signature(text, closings[0])
    return _signer(block, text[: closings[0].end()]) if len(block) <= SIGNATURE_CHARS else ""


def letter_turns(text: str) -> list[tuple[int, int, str]]:
    """Two letters or more in one text (a complaint and the reply enclosed with it): each is its
    signer's, from the end of the signature before it (the first from the start), as a
    transcript's turns are their speakers'. [] for one letter or none.
    """
    closings = list(_CLOSING.finditer(text))
    if len(closings) < 2:
        return []
    out, start = [], 0
    for closing in closings:
        at, block = _signature(text, closing)
        signer = _signer(block, text[:at]) if len(block) <= SIGNATURE_CHARS else ""
        if not signer:
            return []  # an unsigned closing: no telling whose the letter is
        out.append((start, start, signer))
        start = at + len(block)
    return out


# a signatory's line: "President, Estmere College of Emergency Medicine"
_SIGNATORY_LINE = re.compile(
    r"^[ \t]*[A-Z][^\n,]{0,60}, ((?:[A-Z][\w'’&\-]*\s?|of |for |and |the )+)$", re.M
)


def signed_bodies(text: str, publisher: str, parties: Parties) -> tuple[str, ...]:
    """The organisations other than the publisher that a letter's signature block names ("Dr
    Joaquim Ferrante / President, Estmere College of Emergency Medicine" under "Yours
    sincerely,"): co-signatories, whose "we" the letter's is too.
    """
    closing = list(_CLOSING.finditer(text))
    if not closing or not publisher:
        return ()
    out: list[str] = []
    for m in _SIGNATORY_LINE.finditer(text, closing[-1].end()):
        name = m.group(1).strip()
        if not _ISSUER.fullmatch(name) or _outlet(name):
            continue
        party = parties.canonical(name, "ORG")
        if party and party != publisher and party not in out:
            parties.seen(party, "ORG")
            out.append(party)
    return tuple(out)


_NAME = r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*"
# "Joint statement of the municipalities of Skarvik, Edda Falls and Tornholm", "We, the
# governments of Ardonia and Belvia, ...": bodies of one kind that issue the text together
_JOINTLY = re.compile(
    rf"(?:\b(?i:joint statement)|^\s*We,)[^\n]{{0,30}}?\b(?:of|by|from|the) (?:the )?"
    r"(?:municipalities|councils|governments|cities|towns|states|countries|unions|companies|"
    rf"associations|organi[sz]ations|ministries|federations|regions|provinces) of "
    rf"((?:{_NAME}, )*{_NAME},? and {_NAME})",
    re.M,
)


def named_jointly(title: str, text: str, publisher: str, parties: Parties) -> tuple[str, ...]:
    """The bodies other than the publisher that a joint statement's title or opening names as
    issuing it with the publisher ("the municipalities of Skarvik, Edda Falls and Tornholm").
    """
    m = _JOINTLY.search(title) or _JOINTLY.search(text[:1500])
    if not m or not publisher:
        return ()
    names = (name.strip() for name in _LISTING.split(m.group(1)))
    return tuple(
        _seen_as_states(
            (name for name in names if not re.search(rf"\b{re.escape(name)}\b", publisher)),
            parties,
        )
    )


# "A, B and C", "A, B, and C": the names a listing joins
_LISTING = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _seen_as_states(names: Iterable[str], parties: Parties) -> list[str]:
    """Each listed issuer's party, first to last and once, seen as a state-like body."""
    out: list[str] = []
    for name in names:
        party = parties.canonical(name, "GPE") if name else ""
        if party and party not in out:
            parties.seen(party, "GPE")
            out.append(party)
    return out


# "Joint Communique of the Ravnholm Trilateral Summit", "Joint Declaration of ...": a text the
# states or bodies that met issue together
_COMMUNIQUE = re.compile(r"\bcommuniqu[eé]\b|\bjoint (?:declaration|statement)\b", re.I)
_MEMBER = r"[A-Z][\w'’\-]*(?: (?:of (?:the )?)?[A-Z][\w'’\-]*)*"  # "Republic of Velmora"
# "the Heads of Government of the Republic of Velmora, the Kingdom of Skarland and the Hestrian
# Federation met in Ravnholm": who met, in the opening lines
_MET = re.compile(
    r"\b(?:Heads of (?:State|Government)(?: and (?:State|Government))?|[Ll]eaders|"
    r"(?:Foreign |Prime )?Ministers|[Rr]epresentatives|[Dd]elegations|[Gg]overnments) of "
    rf"((?:(?:the )?{_MEMBER}, )*(?:the )?{_MEMBER},? and (?:the )?{_MEMBER}) "
    r"(?:met|gathered|convened|held)\b"
)


_STATE_FORM = re.compile(
    r"^(?:the )?(?:(?:Republic|Kingdom|Principality|Commonwealth) of (?:the )?)?"
)


def summit_members(title: str, text: str, parties: Parties) -> tuple[str, ...]:
    """The parties that issue a summit's joint communique, as its opening says who met ("the
    Heads of Government of A, B and C met in Ravnholm"), first to last; none for another text.
    """
    if not _COMMUNIQUE.search(title):
        return ()
    m = _MET.search(text[:1500])
    if not m:
        return ()
    # "the Kingdom of Skarland" is "Skarland", as the rest of such a text calls it
    names = (_STATE_FORM.sub("", name.strip()) for name in _LISTING.split(m.group(1)))
    out = _seen_as_states(names, parties)
    return tuple(out) if len(out) >= 2 else ()


def joint_holders(ps: ParsedSentence, holder: str, state: ReadingState) -> tuple[str, ...]:
    """The other signatories whose position a first-person plural statement of a joint
    statement also states ("We ask the Authority to approve the proposal", under "JOINT
    STATEMENT BY A AND B" or "source: A; B"); none for a sentence naming its holder ("A
    guarantees ...") or spoken in a turn or a quote, which are one speaker's.
    """
    if state.turn_label or state.turn_party or state.last_quote_speaker[0]:
        return ()
    heading = [names for at, names in state.sections if at < state.at]
    joint = heading[-1] if heading else state.joint
    if len(joint) < 2 or holder not in joint or any(p in ps.text for p in joint):
        return ()
    if holder != joint[0] and not any(
        t.text.lower() in ("we", "our", "us", "ours") for t in ps.tokens
    ):
        return ()  # the publisher's own voice ("Pay must be harmonised upwards") is theirs all
    return tuple(p for p in joint if p != holder)


def first_person_holder(state: ReadingState) -> tuple[str, str]:
    if state.last_quote_speaker[0] and state.turn_label == "":
        return state.last_quote_speaker
    if state.turn_party or state.turn_person:
        return state.turn_party or state.turn_person, state.turn_person
    heading = [names for at, names in state.sections if at < state.at]
    if heading and heading[-1]:  # "RESPONSE OF THE MINISTRY ... OF MARDOVA": its "we"
        return heading[-1][0], ""
    return state.publisher or state.author, ""


def quotes_in_sentence(ps: ParsedSentence, state: ReadingState) -> list[tuple[int, int]]:
    """The quoted spans of a sentence, with its opening part when it starts inside a quote."""
    quotes = quoted_spans(ps.text)
    if state.inside_quote:
        close = re.search('["”]', ps.text)
        quotes = [(0, close.end() if close else len(ps.text))] + quotes
    return quotes


def lawmaker_holder(
    ps: ParsedSentence, i: int, holder: str, person: str, state: ReadingState
) -> tuple[str, str]:
    """A lawmaker tied to a party only by a partisan tag ("Rep. Dana Holt, R-Colo.") holds a
    position in their own name in news copy, unless the stance is said of the party outside
    the subject ("said Republicans would block ...", "said her caucus would not accept ...").
    """
    full = state.partisans.get(person) or state.partisans.get(surname_of(person)) if person else ""
    if not full:
        return holder, person
    if any(s.text.lower() in ("we", "us", "our") for s in subjects_of(ps, i)):
        return holder, person  # "We will not pass ...": the lawmaker speaks for the caucus
    subject = {t.i for s in subjects_of(ps, i) for t in ps.subtree(s.i)}
    named = re.compile(
        rf"\b(?:{re.escape(holder)}|GOP|caucus|party|{re.escape(holder[:-1])})", re.I
    )
    if any(named.match(t.text) for t in ps.tokens if t.i not in subject):
        return holder, person
    return full, full


def reporting_speaker(
    ps: ParsedSentence, parties: Parties, state: ReadingState, quotes: list[tuple[int, int]]
) -> tuple[tuple[str, str], int, bool, bool]:
    """The reporting speaker of a sentence ("..., Sherman said" / "Sherman said that ..."): its
    (party, person), the reporting verb, whether it is "we"/"I", and whether it is an unnamed
    "you" ("you said that ..." to an addressee no text names: not the writer's).
    """
    for t in ps.tokens:
        verb = t.pos == "VERB" or (  # '..., your letter states.': "states" tagged a noun
            t.dep == "ROOT" and any(c.dep == "nsubj" for c in ps.children(t.i))
        )
        goes_on = (
            t.lemma in ("go", "continue")
            and ":" in ps.text[t.start : t.start + len(t.text) + 6]
            and not within(quotes, t.start)
        )  # 'She went on: "We remain ready ..."', "He continued: ..."
        if (t.lemma in _SAY or goes_on) and verb and not within(quotes, t.start):
            if t.dep == "advcl" and any(
                c.dep == "mark" and c.lemma in _WHEN_MARKS for c in ps.children(t.i)
            ):
                continue  # "... until the regulator has confirmed in writing that ...": a time
            if t.dep == "relcl" and t.i > 0 and _says_aside(ps, t):
                continue  # "... the access road, which it says is a public highway": an aside
            subj = [c for c in ps.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
            if not subj and t.dep == "conj":  # "X declined to comment, but said ...": X
                subj = [c for c in ps.children(t.head) if c.dep in ("nsubj", "nsubjpass")]
            head = ps.tokens[t.head]
            if not subj and t.dep == "acl" and head.lemma in _STATEMENTS and head.dep == "dobj":
                # "Renault released a statement saying it would not ...": who issued it
                subj = [c for c in ps.children(head.head) if c.dep == "nsubj"]
            if subj and subj[0].tag == "WDT":
                # 'GM reiterated a statement released a day ago that states: "Our offer ..."':
                # who issued the statement the relative clause is about
                issued = [x for x in ps.tokens[: subj[0].i] if x.lemma in _STATEMENTS]
                if issued and issued[-1].dep == "dobj":
                    subj = [c for c in ps.children(issued[-1].head) if c.dep == "nsubj"] or subj
            if subj:
                # "An opposition lawmaker Ana Ruiz, ..., said": the name, parsed as a second
                # subject beside its title, says who
                subj.sort(key=lambda c: c.ent_i < 0 or ps.entities[c.ent_i].label != "PERSON")
                said = party_of_np(ps, subj[0], parties, state)
                you = not said[0] and (
                    subj[0].text.lower() == "you"
                    or any(
                        c.dep == "poss" and c.text.lower() == "your" for c in ps.children(subj[0].i)
                    )
                )  # "you said", "your letter states": the addressee's words
                return said, t.i, subj[0].text.lower() in _FIRST, you
            name = _untagged_subject(ps, t)
            if name:
                return (
                    (parties.speaks_for(name) or parties.canonical(name, "ORG"), ""),
                    -1,
                    False,
                    False,
                )
    return ("", ""), -1, False, False


_WHEN_MARKS = {"until", "before", "after", "when", "once", "unless", "if", "while", "since"}


def _says_aside(ps: ParsedSentence, t: Token) -> bool:
    """A reporting verb in a relative clause that another verb governs ("The company warned
    that it would seek damages from anyone who obstructed the road, which it says is a public
    highway"): not the sentence's reporting frame.
    """
    return any(ps.tokens[a].pos in ("VERB", "AUX") for a in ps.ancestors(t.i))


def nobody_holds(ps: ParsedSentence, subj: Token, stance: str) -> bool:
    """Whether the subject of a stance predicate rules out a party holding it: a negative one
    ("nobody had asked the authority to delay": no one asked; "no driver will lose pay" is a
    guarantee and stays).
    """
    kids = ps.children(subj.i)
    return stance != "assures" and (
        subj.lemma in ("nobody", "none", "noone") or any(c.lemma == "no" for c in kids)
    )


def unnamed_others(ps: ParsedSentence, subj: Token) -> bool:
    """A subject that names people other than the speaker without naming a party: "Several
    hospital trusts have warned", "Some residents want", "Many of them demand".
    """
    kids = ps.children(subj.i)
    quantified = subj.lemma in _COUNTED | {"others"} or any(c.lemma in _COUNTED for c in kids)
    return quantified and subj.tag in ("NNS", "DT", "JJ", "PRP", "NN")


def _untagged_subject(ps: ParsedSentence, verb: Token) -> str:
    """A name the tagger did not take for the subject of a reporting verb ("Dashly told us
    ...", parsed as an adverb for its "-ly"): capitalised words alone before the verb, which has
    no subject; '' otherwise.
    """
    before = ps.tokens[: verb.i]
    if (
        not 0 < len(before) <= 3
        or any(c.dep in ("nsubj", "nsubjpass", "expl") for c in ps.children(verb.i))
        or any(not t.text[:1].isupper() or t.ent in ("DATE", "TIME") for t in before)
        or any(t.lemma in _FIRST | _HE_SHE | _THEY_IT | NOT_HOLDERS for t in before)
        or any(t.pos in ("PUNCT", "SPACE", "PRON", "DET", "SCONJ", "CCONJ") for t in before)
    ):
        return ""
    return " ".join(t.text for t in before)


def unnamed_body(ps: ParsedSentence, subj: Token) -> str:
    """A definite kind of body with a word that says which one ("the city council", "the
    transport ministry"), as a name ("City Council"); '' for anything else.
    """
    kids = ps.children(subj.i)
    which = [
        c
        for c in kids
        if c.dep in ("compound", "amod") and c.text.islower() and c.pos in ("NOUN", "ADJ")
    ]
    if (
        subj.lemma in NAMED_KINDS | {"ministry", "regulator", "authority", "agency", "board"}
        and subj.text.islower()
        and any(c.lemma == "the" for c in kids)
        and len(which) == 1
        and which[0].i == subj.i - 1
    ):
        return f"{which[0].text.capitalize()} {subj.text.capitalize()}"
    return ""


def people_of_a_kind(ps: ParsedSentence, subj: Token) -> bool:
    """A bare plural of people ('tenants', 'farmers', 'workers'), with no determiner or only
    an indefinite one ("a select few residents who spoke").
    """
    kids = ps.children(subj.i)
    return (
        subj.tag == "NNS"
        and (subj.lemma in _GROUP_NOUNS or subj.text.lower() in _GROUP_NOUNS)
        and not any(
            c.dep in ("poss", "nummod") or (c.dep == "det" and c.lemma not in _LOOSE_COUNT)
            for c in kids
        )
    )


_LOOSE_COUNT = frozenset({"a", "an"})  # not "some state lawmakers": members of a body


def target_of(ps: ParsedSentence, i: int, parties: Parties, holders: set[str]) -> str:
    own = {t.i for s in subjects_of(ps, i) for t in ps.subtree(s.i)}
    for t in ps.subtree(i):
        if t.i in own or t.ent_i < 0:
            continue
        if t.dep == "pobj" and ps.tokens[t.head].lemma in ("in", "at", "near", "from", "since"):
            continue
        if t.dep in ("dobj", "pobj", "dative", "nsubj", "poss", "compound"):
            e = ps.entities[t.ent_i]
            if e.label in ("ORG", "GPE", "NORP", "PERSON"):
                name = parties.canonical(e.text, e.label)
                if name and name not in holders:
                    return name
    return ""
