"""The parties of one document, and the people the text ties to them, for the stance reader.

A holder is always a party, so every name a document uses for one ("Northwind", "Northwind
Shipping Ltd", "the company") must come to one display name, and every person to the party they
speak for. The layout, the holder rules and the reader all ask this one record, which is why it
stands apart from each of them.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.name_scan import starting_with
from assistant.parties import Registry
from assistant.stance_words import (
    _COMPANY_NOUNS,
    _CORP,
    _GENERIC,
    _GROUP_NOUNS,
    _LEVELS,
    _NAME_RE,
    _NOT_PARTIES,
    _ORG_HEADS,
    _ORG_NAME,
    _PARTY_RE,
    _PEOPLE_AFTER,
    _PEOPLE_BEFORE,
    _PEOPLE_FOR,
    _PEOPLE_IS,
    _PEOPLE_IS_OWNED,
    _PEOPLE_LISTED,
    _PEOPLE_PAREN,
    _PEOPLE_PAREN_TITLED,
    _PEOPLE_SPEAKING,
    _PUBLIC_WORDS,
    _STATE_NOUNS,
    _TITLE_RE,
    _TITLE_WORDS,
    _UNION_WORDS,
    _WHERE,
    _outlet,
    outlet_noun,
)
from index.language import Entity, ParsedSentence, Token
from index.text import STOPWORDS

# Day and month names (the C locale's): a capitalised word after a name that is not part of it
_CALENDAR_WORDS = {*calendar.day_name, *calendar.month_name} - {"", "May"}  # "Theresa May"
_LONGER = re.compile(r"(?: (?:of |for |and )?[A-Z][\w'’&\-]*){1,5}")


# The text scans below are pure functions of (name, document text), asked again for the same
# name on every sentence of a document: a whole-text regex each time was a fifth of the stance
# reader's time at ingest. A small cache (a few documents' worth; the text's hash is computed
# once per string) keeps one scan per name and document.
_per_text = functools.lru_cache(maxsize=256)


# Words that open a phrase before a name but are no part of it ("But", "When", "Photo")
_LEADING_NOISE = {
    "the", "a", "an", "photo", "foto", "he", "she", "they", "it", "but", "and", "in", "on", "at",
    "for", "as", "when", "after", "before", "of", "mr", "ms", "mrs",
}  # fmt: skip
# what an organisation's name drops before it: "The", "CEO" (a tagger's "CEO Satya Nadella"),
# the title nouns; not the words a title shares with names ("General Motors", "State Street",
# "Chief Executives Board", "Press Association")
_ORG_DROPS = (
    _LEADING_NOISE
    | {"former"}
    | (
        _TITLE_WORDS
        - {"deputy", "chief", "general", "under", "assistant", "foreign", "prime", "state"}
        - {"executive", "press"}
    )
)
# a titled person's name, then "and" and the next party: "Varen President Ilse Moor and Dask"
_TWO_PEOPLE = re.compile(
    r"(?:[A-Z][\w'’\-]* )+?(?:President|Minister|Secretary|Speaker|Chancellor|Premier|Governor|"
    r"Mayor|Ambassador|Leader|Chairman|Chief) (?:[A-Z][\w'’\-]* ){1,2}and ([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*)$"
)
# an officer's title a tagger takes into the name of the body before it
_TRAILING_TITLES = {
    "superintendent", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "chairperson", "president", "director", "ceo", "secretary", "chief", "founder",
    "administrator", "manager", "coordinator", "commissioner", "cfo", "coo",
}  # fmt: skip
# a title's first word that is no part of the organisation before it ("DIGI Managing Director")
_TITLE_OPENERS = {"managing", "acting", "interim", "assistant", "associate", "founding"}


def _a_surname(word: str, longer: str, text: str) -> bool:
    """Whether the text names a person with this one word as surname ("President Donald Trump")
    elsewhere than in the longer name ("the Trump National Doral resort").
    """
    if not word[:1].isupper() or not text:
        return False
    # (nothing may follow: "Conway, Inc" met after "Conway Data" is as long as it)
    tail = longer[len(word) :].split() if " " in longer else []
    rest = re.escape(tail[0]) if tail else ""
    after = rf"(?! {rest})" if rest else ""
    people = rf"\b(?:(?:{_PERSON_TITLE_WORDS})\.?|[A-Z][a-z]+) {re.escape(word)}\b{after}"
    return any(
        m.group(0).split()[0].lower() not in _NOT_GIVEN_NAMES for m in re.finditer(people, text)
    )


# capitalised words before a name that are no given name ("At Kestrel, ...", "On Monday Kestrel")
_NOT_GIVEN_NAMES = {
    "the", "a", "an", "at", "in", "for", "from", "with", "by", "on", "and", "but", "when", "after",
    "before", "of", "to", "as", "if", "while", "under", "over", "since", "until", "about", "like",
    "unlike", "without", "within", "against", "then", "also", "so", "yet", "or", "nor", "that",
    "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip


_PERSON_TITLES = {"President", "Mr", "Mrs", "Ms", "Dr", "Senator", "Sen", "Rep", "Governor", "Gov"}
_PERSON_TITLE_WORDS = "|".join(sorted(_PERSON_TITLES))  # once, not per name asked about


def without_trailing_title(words: list[str]) -> list[str]:
    """The body's name without the officer's title a tagger took into it ("Indian River School
    District Superintendent", "Lakeside Union Executive Director"); "Office of the President" and
    "Vice President" keep theirs.
    """
    if len(words) <= 2 or words[-1].lower() not in _TRAILING_TITLES:
        return words
    if words[0].lower() in ("office", "bureau") and "of" in words:
        return words  # "Office of the Data Protection Commissioner": the office is the body
    head = words[:-1]
    while head and head[-1].lower() in _TITLE_OPENERS | {"executive", "deputy"}:
        head.pop()
    return (
        head if len(head) >= 2 and head[-1].lower() not in ("the", "of", "for", "vice") else words
    )


_OFFICE_AFTER = re.compile(r"(?P<what>(?:[A-Z][a-z]+ ){1,2})(?P<kind>Ministry|Department|Office)")
_OFFICE_BEFORE = re.compile(
    r"(?P<kind>Ministry|Department|Office) (?:of|for) (?:the )?(?P<what>[A-Z][a-z]+)"
    r"(?: Affairs)?(?P<rest>.*)"
)


# a body that is not the government of the place its name begins with ("Arizona Farm Bureau",
# "Texas Medical Association", "California Teachers Association", "Ohio Republican Party")
_PRIVATE_END = re.compile(
    r"\b(?:Association|Federation|Guild|League|Society|Alliance|Coalition|Movement|Bureau|"
    r"Company|Corporation|Chamber of Commerce|Club|Foundation|Institute|Network|Union|Party|"
    r"Growers|Farmers|Ltd|Inc)['’]?$"
)


def _diverge(words: list[str], shown: str) -> bool:
    """Whether two full names part after a common start: neither begins the other."""
    full = shown.lower().split()
    n = min(len(words), len(full))
    return words[:n] != full[:n]


def _place_and_body(
    words: list[str], other: list[str], label: str, kind: str, shown: str, name: str
) -> bool:
    """Whether a one-word place and a private body named after it were about to be taken for
    one party: the place (tagged so) against a known body, or a body against the known place.
    """
    if len(words) == 1 and len(other) > 1 and label == "GPE":
        return bool(_PRIVATE_END.search(shown))
    if len(other) == 1 and len(words) > 1 and kind == "GPE":
        return bool(_PRIVATE_END.search(name))
    return False


# a body of a company's people: its union, its staff, its shareholders
_STAFF_BODY = frozenset(
    {"union", "unions", "workers", "worker", "employees", "staff", "labor", "labour", "guild",
     "pilots", "nurses", "teachers", "drivers", "machinists", "retirees", "shareholders",
     "tenants", "residents", "customers"}
)  # fmt: skip


def _its_people(extra: list[str]) -> bool:
    """Whether the words a longer name adds to a shorter one make it a body of the shorter's
    people ("Amazon" + "Labor Union", "Marlow Freight" + "Workers Union"): another party,
    often the other side of the dispute, not a fuller name of the same one.
    """
    if not extra or extra[0] in ("and", "&", "of", "for"):
        return False  # "Lorrimar Dock" of "Lorrimar Dock and Harbour Workers' Union": a cut name
    return any(w.strip("'’") in _STAFF_BODY for w in extra)  # "workers'", "Workers’"


_ORG_END = re.compile(
    r"\b(?:Union|Association|Federation|Guild|League|Council|Authority|Agency|Commission|"
    r"Committee|Board|Trust|Society|Alliance|Coalition|Movement|Front|Party|Group|Company|"
    r"Corporation|Ltd|Inc)$"
)


def _office_key(name: str) -> tuple[str, str, bool] | None:
    """(kind, portfolio, bare) of a government office's name: "Foreign Ministry" and "Ministry of
    Foreign Affairs of the Republic of Kaldera" are both ("ministry", "foreign"); bare when the
    name says nothing of whose office it is. None for any other name.
    """
    m = _OFFICE_AFTER.fullmatch(name)
    if m:
        return m.group("kind").lower(), m.group("what").split()[0].lower(), True
    m = _OFFICE_BEFORE.fullmatch(name)
    if m:
        return m.group("kind").lower(), m.group("what").lower(), not m.group("rest").strip()
    return None


def without_form(name: str) -> str:
    """`name` without its legal form ("Northwind Shipping Ltd" -> "Northwind Shipping"), but
    with a "Group" or "Holdings" a name of two words or more needs ("International Crisis
    Group", not "International Crisis"; "Northwind Holdings" -> "Northwind").
    """
    bare = _CORP.sub("", name).strip().removesuffix(" &").strip()  # "Deere & Co."
    if not bare:
        return name
    if len(bare.split()) >= 2 and re.fullmatch(r"\s+(?:Group|Holdings)", name[len(bare) :]):
        return name
    if (
        len(bare.split()) >= 2
        and _GENERIC_OPENER.fullmatch(bare.split()[0])
        and re.fullmatch(r"\s+(?:Corporation|Corp\.?|Company)", name[len(bare) :])
    ):
        return name  # "British Broadcasting Corporation", not "British Broadcasting"
    return bare


# a stock's ticker as Reuters writes it after a company's name: "(AC.TO)", "(BA.N)", "(7203.T)"
_TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")
# the first word of a name made of common words, which needs its "Corporation" to name anyone
# ("North American Electric Reliability Corporation", "Federal Deposit Insurance Corporation")
_GENERIC_OPENER = re.compile(
    r"[A-Z][a-z]+(?:ian|ese|ish|an)|Federal|National|International|North|South|East|West|"
    r"Overseas|Public|General|Central|United|Royal"
)


_OPEN_QUOTES = frozenset('"“‘')
_CLOSE_QUOTES = frozenset('"”’')


def _occurrences(text: str, name: str) -> list[str]:
    """`name` with the capitalised words that follow it ("Northwind Shipping Ltd"), wherever
    the text writes it as a word of its own: what `re.finditer` gives for the pattern
    name + `_LONGER`, found by `str.find` and one compiled pattern (a pattern compiled for each
    name cost a third of the stance reader's time on news, issue 18).
    """
    out: list[str] = []
    at = text.find(name)
    while at >= 0:
        before = text[at - 1] if at else ""
        m = None
        if not (before.isalnum() or before in "_'’"):  # (?<![\w'’])
            m = _LONGER.match(text, at + len(name))
        if m and before in _OPEN_QUOTES and text[m.end() : m.end() + 1] in _CLOSE_QUOTES:
            # '"Democrat Agencies"', '"Fantasy Sports"': a phrase quoted as a term or a title,
            # not a longer form of the name
            out.append(name)
            at = text.find(name, m.end())
            continue
        if m:
            out.append(text[at : m.end()])
            at = text.find(name, m.end())
        else:
            at = text.find(name, at + 1)
    return out


# "the federal republic of ismandra": a state named by its form, whose people are "Ismandrans"
_STATE_OF = re.compile(
    r"(?:the )?(?:[a-z]+ )?(?:republic|kingdom|state|federation|principality|commonwealth|"
    r"emirate|sultanate|confederation|government) of ([a-z'’\-]+)"
)
_DEMONYM = re.compile(r"(?:ian|an|ese|ish|i)$")


@dataclass(frozen=True)
class PartiesSnapshot:
    """Copies of what resolving a mention may teach `Parties` (see `Parties.snapshot`)."""

    names: dict[str, str]
    people: dict[str, str]
    order: list[str]
    kinds: dict[str, str]


# a name that is a possessive ("Brannoch Copper's Karrowby"); the heads of bodies so named
# ("Children's Society", "Lloyd's Register", "Macy's Inc") keep the whole name
_OWNED = re.compile(r"([A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,4})['’]s ([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)")
_PEOPLES = re.compile(
    r"\b(?:People|Women|Children|Men|Workers|Citizens|Farmers|Veterans|Nations?)['’]s\b"
)
_OWNED_HEAD = re.compile(
    r"\b(?:University|College|School|Hospital|Institute|Register|Society|Association|Union|"
    r"Trust|Fund|Bank|Party|Church|Cathedral|Inc|Ltd|Corporation|Company|Group|Aid|Vote|Club|"
    r"Court|Office|Council|Army|Front|Guild|League|Alliance|Foundation|Service|Centre|Center)\b"
)


def _keeps_possessive(owner: str, owned: str) -> bool:
    """A name with a possessive inside it that is one body's ("Lloyd's Register", "Loma
    People's Guard", "St Patrick's Athletic"), not an owner and what it owns.
    """
    return bool(
        _OWNED_HEAD.search(owned)
        or _PEOPLES.search(owner + "'s")
        or owner.split()[0] in ("St", "St.", "Saint")
    )


def plain_case(line: str) -> str:
    """'REPUBLIC OF DUNMARRA' -> 'Republic of Dunmarra' (a letterhead's capitals)."""
    if not line.isupper():
        return line
    small = {"of", "and", "for", "the", "on", "in"}

    def word(j: int, w: str) -> str:
        if j and w.lower() in small:
            return w.lower()
        if len(w.strip("()")) <= 4 and not re.search(r"[AEIOUY]", w):
            return w  # "NHS", "(HVFT)", "PLC": an acronym stays
        return w.capitalize()

    return " ".join(word(j, w) for j, w in enumerate(line.split()))


@dataclass
class Parties:
    """The parties of one document: display names, their aliases, and who speaks for whom."""

    registry: Registry
    names: dict[str, str] = field(default_factory=dict)  # lower-case alias -> display name
    people: dict[str, str] = field(default_factory=dict)  # person (and surname) -> party
    order: list[str] = field(default_factory=list)  # display names, most recent last
    kinds: dict[str, str] = field(default_factory=dict)  # display name -> entity label
    holders: list[str] = field(default_factory=list)  # parties that held a stance, last last
    # display name -> the common nouns the text calls it by in an apposition ("the Canadian
    # autoworkers union, Unifor"): what "the union" may later mean, whatever its name says
    described: dict[str, set[str]] = field(default_factory=dict)
    text: str = ""  # the document, where a short name's full form is looked up
    _lookup_lower: dict[str, str] = field(default_factory=dict)
    _lower_words: set[str] | None = None

    def written_lower(self, word: str) -> bool:
        """Whether the text writes this word in lower case somewhere ("music", "activist")."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z][a-z'’\-]*\b", self.text))
        return word.lower() in self._lower_words

    def canonical(self, name: str, label: str = "") -> str:
        """The display name of the party a name stands for, adding it when new."""
        dotted = name.strip(" ,;:'’\"")
        pid = self.registry.find_party(dotted) if re.fullmatch(r"(?:[A-Z]\.)+", dotted) else ""
        if pid:  # "U.S.": the dot is part of the name
            return self.registry.name(pid)
        # "DELEGATIONS 4.1 Corrimont Parents' Council", "BUDGET The Secretary-Treasurer": a
        # minutes' heading, joined to the line after it, then a section number or "The"
        name = _HEADING.sub("", name.strip().rsplit("\n", 1)[-1])
        name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(" ,.;:'’\""), flags=re.I)
        name = re.sub(r"['’]s?$", "", name).strip()
        if (
            not name
            or name in _CALENDAR_WORDS
            or _STANCE_PREFIX.match(name)
            or (len(name) <= 2 and not name.isupper())  # "St" of "St. Peter's": a cut name
        ):
            return ""  # "on Thursday as President Donald Trump said": a day the tagger took for
            # an organisation holds no position; nor does "anti-Taliban", a stance on one
        pair = _TWO_PEOPLE.match(name) if label != "PERSON" else None
        if pair:  # "Varen President Ilse Moor and Dask" (President Oren Tal): the tagger ran two
            # titled people together; the state after "and" is the one it names whole
            return self.canonical(pair[1], label)
        caps = _LETTERHEAD.match(name)
        if caps:  # "ASHCOMBE RIVER SCHOOLS PARTNERSHIP Office of the Director": a letterhead's
            # body in capitals and the office under it, their lines joined: the body
            return self.canonical(plain_case(caps[1]), label)
        owned = _OWNED.fullmatch(name)
        if owned and len(owned[1].split()) >= 2 and not _keeps_possessive(owned[1], owned[2]):
            # "Brannoch Copper's Karrowby (mine)": the owner, not what it owns
            return self.canonical(owned[1], label)
        key = name.lower()
        if key in self.names:
            return self.names[key]
        pid = self.registry.find_party(name) or self._lower().get(key)
        if pid:
            shown = self.registry.name(pid)
            self.names[key] = shown
            return shown
        if label == "PERSON" and self.speaks_for(name):
            return self.speaks_for(name)
        state = _STATE_OF.fullmatch(key)
        if state and self.names.get(state[1], "").lower() == state[1]:
            # "the government of Qeltara" after "Qeltara's interior minister": the state met first
            self.names[key] = self.names[state[1]]
            return self.names[key]
        full = self._spelled_out(name)
        if full:  # "SAF" of "Strelanian Athletics Federation (SAF)": one party
            self.names[key] = self.canonical(full, label)
            return self.names[key]
        # "D-N.Y. Whitlow": a party-and-state tag the sentence splitter left before the next
        # sentence's subject ("... Chairman Ross Pell, D-N.Y. Whitlow said ...")
        name = _PARTY_TAG_BEFORE.sub("", name)
        words = name.split()
        # "Former Vice President Mike Pence": the person; an organisation keeps its first
        # word ("Human Rights Watch", "General Motors Canada", "National Retail Federation")
        drop = _ORG_DROPS if label == "ORG" else _TITLE_WORDS | _NOT_PARTIES | {"former"}
        while len(words) > 2 and words[0].lower() in drop:
            if words[1] == "of" and words[0].lower() not in _TITLE_WORDS:
                break  # "District of Columbia": the name, not a title before one
            words.pop(0)
        if label != "PERSON":
            words = without_trailing_title(words)
        name = " ".join(words)
        base = without_form(name)
        words = base.lower().split()
        for alias, shown in list(self.names.items()):
            other = alias.split()
            shorter, longer = sorted((words, other), key=len)
            if shorter and longer[: len(shorter)] == shorter and label != "PERSON":
                if shorter == words and len(words) == 1 and words[0] in _GENERIC:
                    pass  # "Government" is some government: not a reason to merge
                elif shorter == other and len(other) == 1 and other[0] in _GENERIC:
                    continue  # "Government of Varenland" is not whatever "Government" meant
                if shorter == words and len(words) == 1 and _a_surname(name, shown, self.text):
                    continue  # "Trump said" is not the "Trump National Doral" resort
                if _place_and_body(words, other, label, self.kinds.get(shown, ""), shown, base):
                    continue  # "Arizona" is not the "Arizona Farm Bureau", nor the reverse
                if _its_people(longer[len(shorter) :]):
                    continue  # "Amazon" is not the "Amazon Labor Union", nor the reverse
                if shorter == words and self._begins_two(words, shown):
                    continue  # "Guam" of "Guam Homeland Security" and "Guam Chamber of Commerce"
                if (
                    shorter == other
                    and shown.lower().split()[: len(other)] == other
                    and _diverge(words, shown)
                    and not self.registry.find_party(shown)
                ):
                    continue  # "Guam Homeland Security" is not the "Guam Chamber of Commerce" a
                    # "Guam" (tagged an organisation) was taken for
                self.names[key] = shown
                return shown
        if len(words) >= 2 and label not in ("PERSON", "GPE") and _ORG_END.search(base):
            # "Harbour Workers' Union" (the tagger's cut at "and") of "Selmouth Dock and Harbour
            # Workers' Union", "Bankers' Association" of "Talvenian Bankers' Association": the
            # one known name it ends
            cut = " ".join(words)
            ends_so = {
                shown
                for alias, shown in self.names.items()
                if alias.endswith((" and " + cut, " & " + cut))
                or (
                    alias.endswith(" " + cut)
                    and len(alias.split()) == len(words) + 1
                    and alias.split()[0] not in _PORTFOLIO_WORDS | _TITLE_WORDS
                )
            }
            if len(ends_so) == 1:
                self.names[key] = ends_so.pop()
                return self.names[key]
        office = _office_key(base) if label != "PERSON" else None
        if office and office[2]:
            # "Foreign Ministry Spokesperson Daria Lenz" in a text the "Ministry of Foreign
            # Affairs of the Republic of Kaldera" publishes: that ministry, not a new party
            same = {
                shown
                for shown in self.names.values()
                if (same_kind := _office_key(shown))
                and same_kind[:2] == office[:2]
                and not same_kind[2]
            }
            if len(same) == 1:
                self.names[key] = same.pop()
                return self.names[key]
        if len(words) == 1 and label not in ("PERSON", "GPE") and name[:1].isupper():
            # "the Trust", "the Guild": the party whose name ends in that word; not the place a
            # body serves ("Guam" of the "Korean Association of Guam")
            ends = self.ending_in(words[0])
            if not ends and words[0] == "government":
                # a minister's "Government" where the governing body is an "Executive" (the
                # "Regional Executive" of an assembly's debate)
                ends = self.ending_in("executive")
            if len(ends) == 1:
                self.names[key] = next(iter(ends))
                return self.names[key]
        if len(words) == 1 and label != "PERSON":
            # "Corvella", "Corvellan" (its people, even tagged ORG): "the Republic of Corvella"
            demonym = label == "NORP" or _DEMONYM.search(key) is not None
            for alias, shown in self.names.items():
                state = _STATE_OF.fullmatch(alias)
                if state and (state.group(1) == key or demonym and key[:5] == state.group(1)[:5]):
                    self.names[key] = shown
                    return shown
        if label == "NORP":  # "Ardonian" -> "Ardonia", when the text names the state
            for alias, shown in self.names.items():
                if len(alias) >= 4 and key[:5] == alias[:5] and " " not in alias:
                    self.names[key] = shown
                    return shown
        if label not in ("PERSON", "GPE") and self.text:  # "Johor" is not "Johor Bahru"
            fullest = self._fullest(base)
            if not (len(words) == 1 and _a_surname(base, fullest, self.text)):
                base = fullest  # (not "Trump" -> "Trump National Doral", the resort)
        self.names[key] = base
        self.names.setdefault(base.lower(), base)
        self.names.setdefault(_CORP.sub("", base).lower(), base)
        return base

    def _begins_two(self, words: list[str], shown: str) -> bool:
        """Whether names of a party other than `shown` begin with these words too: a short name
        two bodies begin with is neither of them, whichever the text named first.
        """
        n = len(words)
        return any(
            other != shown and len(alias.split()) > n and alias.split()[:n] == words
            for alias, other in self.names.items()
        )

    def _spelled_out(self, name: str) -> str:
        """The full name an abbreviation stands for where the text spells it out before it
        in brackets ("Athletes' Union of Strelania (AUS)"), its initials in order; else "".
        """
        if _TICKER.fullmatch(name) and self.text:
            # "Air Canada (AC.TO) had offered ...": the stock's ticker is the company's; shown
            # alone it put "AC.TO" among a memo's parties
            m = re.search(
                rf"((?:[A-Z][\w'’&\-]* ){{1,5}})\((?:[A-Za-z]+: ?)?{re.escape(name)}\)", self.text
            )
            return re.sub(r"^The ", "", m.group(1).strip()) if m else ""
        if not re.fullmatch(r"[A-Z]{2,8}", name) or not self.text:
            return ""
        m = re.search(
            rf"((?:[A-Z][\w'’\-]* (?:(?:of|for|and|on) (?:the )?)?){{1,8}})\({name}\)", self.text
        )
        if not m:
            # "The AUWTN branch secretary" in a story that names the "Allied Union of Ward and
            # Theatre Nurses" without its initials: a name whose capitals spell them exactly
            for named in _NAME_SPAN.finditer(self.text):
                words = [w for w in named.group(0).split() if w[:1].isupper() and w != "The"]
                if len(words) == len(name) and "".join(w[0] for w in words) == name:
                    return " ".join(named.group(0).split()[named.group(0).startswith("The ") :])
            return ""
        words = m.group(1).split()
        for k in range(len(words)):  # "Speakers Ilse Halle ... Strelanian Athletics Federation"
            if not words[k][:1].isupper():
                continue
            initials = "".join(w[0] for w in words[k:] if w[:1].isupper())
            if initials[0] == name[0] and re.search(".*".join(name), initials):
                return " ".join(words[k:])
        return ""

    def state_named(self, name: str) -> str:
        """The party a place's bare name stands for when the text named it by its form ("the
        government of Qeltara", "the Republic of Corvella"); else the name itself.
        """
        if " " in name or not name[:1].isupper():
            return name
        key = name.lower()
        forms = {
            shown
            for alias, shown in self.names.items()
            if (state := _STATE_OF.fullmatch(alias)) and state[1] == key
        }
        return forms.pop() if len(forms) == 1 else name

    def ending_in(self, word: str) -> set[str]:
        """The parties known under a name whose last word is `word` (lowercase): "trust" for
        "the Trust", "executive" for "The Executive" of a debate.
        """
        return {shown for alias, shown in self.names.items() if alias.split()[-1] == word}

    def _fullest(self, name: str) -> str:
        """The longest form the text gives a name ("Northwind" -> "Northwind Shipping" when the
        text also says "Northwind Shipping Ltd"), so a party shows under its full name.
        """
        best = name
        if name.split()[-1].lower().strip("'’") in _UNION_WORDS | _PUBLIC_WORDS | {"ltd", "inc"}:
            return name  # already a whole organisation name
        for found in _occurrences(self.text, name):
            owns = re.search(r"['’]s (?=[A-Z])", found)
            if (
                owns
                and owns.start() > len(name)
                and not _keeps_possessive(found[: owns.start()], found[owns.end() :])
            ):
                found = found[: owns.start()]  # "Brannoch Copper's Karrowby mine": what it owns
            full = without_form(found.rstrip("'’"))
            full = re.sub(r"['’]s?$", "", full)
            words = full.split()
            for k, w in enumerate(words[1:], 1):  # "Interior Minister Pavel Dresk": a title ends it
                if w in _CALENDAR_WORDS or w == "The":
                    # "a trip to Taiwan Wednesday": not "Taiwan Wednesday"; "2025-26 BUDGET The
                    # Secretary-Treasurer reported": a heading joined to the next line
                    words = words[:k]
                    break
                if w.lower() in _NAME_ENDS:
                    words = words[:k]
                    break
            if "and" in words and (
                "of" not in words[: words.index("and")]
                or ORG_LIKE.search(" ".join(words[words.index("and") + 1 :]))
            ):
                # "Allied Union of Ward and Theatre Nurses" is one name; "Kestrel and Northwind
                # Shipping", "Concerned Clergy of Indianapolis and Baptist Ministers Alliance"
                # are two
                words = words[: words.index("and")]
            while words and words[-1].lower() in _NOT_PARTIES:
                words.pop()  # "Dev Patel Chair": a title is not part of the name
            words = without_trailing_title(words)
            while words and words[-1].lower().rstrip(".") in _TITLE_PARTS:
                words.pop()  # "House Minority" (Leader Paul Ostrander): the House
            full = " ".join(words)
            if (
                len(full) > len(best)
                and not re.search(r"\b(?:of|and|for)$", full)
                and not _FEATURE.search(full[len(name) :])  # "Johor" is not "Johor River"
                and not _THING.search(full[len(name) :])  # nor "Boeing" the "Boeing MAX"
                and not _its_people(full[len(name) :].lower().split())  # nor its union
                and not _signed(full, self.text)
            ):
                best = full
        return best

    def _lower(self) -> dict[str, str]:
        if not self._lookup_lower:
            self._lookup_lower = {
                k.lower(): v
                for k, v in self.registry._lookup.items()
                if len(k) > 3 and k not in self.registry.people
            }
        return self._lookup_lower

    def link(self, person: str, party: str, replace: bool = False) -> None:
        """The person (and their surname, if not taken) speaks for the party."""
        person = re.sub(r"['’]s$", "", person.strip())  # "Emmanuel Macron's" is Macron
        if not person or not party or NOT_A_PARTY.search(party):
            return  # "Reyes (D-N.M.)", "Iowa Gov. Dale Brandt": a seat or a title, no party
        if not self._may_link(person, party):
            return
        party = self.without_office(party)
        if not party:
            return
        surname = person.split()[-1]
        if _against(party, surname, self.text):
            return  # "the famed anti-Taliban leader Ahmad Shah Massoud": against it, not of it
        if replace:
            if self.people.get(surname) == self.people.get(person, party):
                self.people[surname] = party  # a correction holds for the surname too
            self.people[person] = party
        else:
            self.people.setdefault(person, party)
        self.people.setdefault(surname, party)
        first = person.split()[0]
        if " " in person and re.search(rf"\b{re.escape(first)} {_SAID_ALONE}", self.text):
            # "Malaysia's water minister, Faridah Kamal, ... Faridah told reporters": a person
            # the text calls by her first name when she speaks
            self.people.setdefault(first, party)

    def without_office(self, party: str) -> str:
        """The party a person is linked to, without the office a pattern took into its name:
        "Air Force Chief" is the Air Force when the text knows it as a party; "United CEO",
        "Tesla CFO Vaibhav Taneja", "Tesla CEO and Department of Government Efficiency" are
        no party's name (""). Bodies named for an office keep it ("Department of Justice",
        "Office of the Chief Medical Examiner", "Democratic Governors Association").
        """
        words = party.split()
        for i, w in enumerate(words[:-1]):
            if w.lower() not in _OFFICE_WORDS | {"justice"} or not w[:1].isupper():
                continue
            if i and words[i - 1].lower() in _JOINS:
                continue  # "Office of the Chief Medical Examiner"
            rest = words[i + 1 :]
            rest = rest[: rest.index("and")] if "and" in rest else rest
            if rest and all(
                r.lower() in _OFFICE_WORDS | _OFFICE_HALVES | _OFFICE_RANKS for r in rest
            ):
                continue  # "Ford Chief Financial": an office cut short, read below
            if not rest or (
                len(rest) <= 3
                and all(r[:1].isupper() for r in rest)
                and not ORG_LIKE.search(" ".join(rest))
                and rest[-1].lower() not in _BODY_WORDS
            ):
                # "Academy CEO Bill Kramer and Academy", "Augusta Fire Chief and EMA", "Tesla
                # CFO Vaibhav Taneja": an office and a person, not a body
                return ""
        if any(" " in p and party.endswith(" " + p) for p in self.people):
            return ""  # "Democrats Adam Schiff": a party and a person the tagger ran together
        ends = [w.lower() for w in words[-2:]]
        if len(words) < 2 or (
            ends[-1] not in _OFFICE_WORDS | _OFFICE_HALVES
            and not (ends[-1] == "executive" and ends[0] in ("chief", "managing"))
        ):
            return party  # "Provincial Executive" is a body; "Ford Chief Executive" an office
        if words[0].lower() in ("office", "bureau") and "of" in words:
            return party  # "Office of the Data Protection Commissioner"
        head = list(words)
        while head and head[-1].lower() in _OFFICE_WORDS | _OFFICE_HALVES | _OFFICE_RANKS:
            head.pop()
        if not head or head[-1].lower() in _JOINS:
            return party  # "Department of Justice", "Office of the Governor"
        body = " ".join(head)
        if body in self.kinds or self.registry.find_party(body):
            return body
        if not ORG_LIKE.search(body):
            return ""
        # "Alabama Department of Commerce Secretary": the department, though not named alone
        # (by its own name, not the longer one the tagger gave it)
        named = self.canonical(body, "ORG")
        return named if named.split()[-1].lower() not in _OFFICE_WORDS else body

    def _may_link(self, person: str, party: str) -> bool:
        """What a pattern took for a person and a party can be neither: the party is the person
        again in other words ("PETA Public Outreach Coordinator Hannah Kinder", "Trump"; one who
        holds in their own name is linked to that name) or someone holding in their own name;
        the person is a party ("Venezuela"), a company named with its ticker ("Microsoft
        (MSFT)") or no name ("They've"); the party is a word that opens a sentence ("Former",
        "Which"; not "Labour": a party may be named by a common word).
        """
        words = person.split()
        if party != person and (person in party or party == words[-1]):
            return False
        named = party.split()
        if named[0].lower() in _OPENING_WORDS or re.search(r"(?:\bof|/)$", party):
            return False  # "From USA TODAY Network", "City of": a sentence's or a name's part
        if (
            party not in self.kinds  # a name the tagger or a pattern took for a body stays
            and not self.registry.find_party(party)
            and all(w[:1].isupper() and self.written_lower(w) for w in named)
            and not any(w.lower() in _GROUP_NOUNS for w in named)
            and not ORG_LIKE.search(party)  # "Port Authority", "City Council": bodies
        ):
            # "music director Dan Miller", "Activist investor Nelson Peltz", "principal market
            # research analyst": what they do, in words the text writes in lower case
            return False
        if self.kinds.get(party) == "PERSON" or any(
            p.strip() in self.people for p in party.split(" and ")[:-1]
        ):
            return False  # "Donald Trump" holding in his own name, "Trump and North Korean"
        if len(words) == 1 and re.fullmatch(r"[A-Z]{2,5}", party):
            return False  # "Microsoft (MSFT)": a company and its ticker
        if words[0].lower() in _PRONOUN_WORDS or re.search(r"['’](?:ve|re|ll|d)$", words[0]):
            return False
        if self.registry.find_party(person) or self.kinds.get(person):
            return False
        return not (party.istitle() and party.lower() in _NOT_NAMES)  # not "US", "IT"

    def speaks_for(self, person: str) -> str:
        """The party a person speaks for, by full name or surname; "" when unknown."""
        if not person:
            return ""
        return self.people.get(person) or self.people.get(person.split()[-1], "")

    def speaker_for(self, label_person: str) -> str:
        """The party of a speaker label: by full name or surname, or by a first name alone
        when one linked person has it ("EWART:" for Ewart Blackstock-Maunder, a podcast's
        guest); "" when unknown or several share it.
        """
        party = self.speaks_for(label_person)
        if party or not label_person or " " in label_person:
            return party
        first = {
            p for name, p in self.people.items() if name.split()[0] == label_person and " " in name
        }
        return first.pop() if len(first) == 1 else ""

    def seen(self, party: str, label: str = "", latest: bool = True) -> None:
        """The text names this party: it becomes the last one named, or, with `latest=False`
        (known before the reading reaches it), the first one when it is new.
        """
        if not latest:
            if party not in self.order:
                self.order.insert(0, party)
        else:
            if party in self.order:
                self.order.remove(party)
            self.order.append(party)
        if label == "ORG" and party not in self.kinds and _governed(party, self.text):
            # "Pellandia", tagged ORG, in a text that speaks of "Pellandians"; "the provincial
            # government of Alta Varenna"
            label = "GPE"
        if label:
            self.kinds.setdefault(party, label)

    def by_name_word(self, noun: str) -> str:
        """The last party whose name holds this word ('the guild' -> "Dockworkers' Guild")."""
        noun = noun.lower()
        for party in reversed(self.order):
            if (
                noun
                in [w.strip("'’").rstrip("s") for w in party.lower().split()]
                + party.lower().split()
            ):
                return party
        return ""

    def by_generic(self, noun: str, exclude: str = "") -> str:
        """'the company', 'the association': the last party whose name holds that noun, else
        the last party of the compatible kind (a state for 'the government', else an
        organisation); never `exclude` (the speaker, when it calls itself "we").
        """
        noun = noun.lower() if noun.endswith("ss") else noun.lower().rstrip("s")
        by_name = self.named_by(noun, exclude)
        if by_name:
            return by_name
        if noun in NAMED_KINDS:
            return ""  # "the committee" is no party whose name lacks the word: not the last ORG
        if noun in _PLACE_NOUNS:
            return ""  # "the county's transport minister": no party of a kind the text names
        if noun == "union":  # "the union": the last party named as a body of workers, if any
            for pool in (self.holders, self.order):
                for party in reversed(pool):
                    named = {w.strip("'’").lower() for w in party.split()}
                    if party != exclude and named & (_UNION_WORDS | _WORKERS):
                        return party
            return ""
        if noun == "government":
            home = self._home_state(exclude)
            if home:
                return home
        want = ("GPE", "NORP") if noun in _STATE_NOUNS else ("ORG",)
        for pool in (self.holders, self.order):
            for party in reversed(pool):
                if (
                    party != exclude
                    and self.kinds.get(party) in want
                    and self._fits(noun, party)
                    and not _a_person(party, self.text)
                ):
                    # not "Roussel", whom the text calls "the syndicate's president, Mathilde
                    # Roussel", for "the company"
                    if noun == "government" and not is_state(party, self):
                        # "the Belka valley road": a place with no government, where the
                        # text gives one state a government
                        return self._governed(exclude) or party
                    return party
        return self._governed(exclude) if noun == "government" else ""

    def _home_state(self, exclude: str) -> str:
        """The state a wire story is datelined in ("CARACAS, Venezuela (AP) —") when it is also
        the state the story names most: what a reporter's bare "the government" means there,
        though other states are named between ("Colombian President Juan Manuel Santos said
        ...", then "the government said in a statement", Venezuela's).
        """
        m = _WIRE_DATELINE.search(self.text[:600])
        if not m:
            return ""
        home = self.canonical(m["country"], "GPE")
        if not home or home == exclude or self.kinds.get(home) not in ("GPE", "NORP"):
            return ""

        def named(party: str) -> int:
            stem = re.escape(party.split()[0][: max(4, len(party.split()[0]) - 2)])
            return len(re.findall(rf"\b{stem}", self.text))

        states = [p for p in set(self.order) if self.kinds.get(p) in ("GPE", "NORP")]
        return home if all(named(home) >= named(p) for p in states) else ""

    def _governed(self, exclude: str) -> str:
        state = governed_state(self.text)
        return self.canonical(state, "GPE") if state and state != exclude else ""

    def last_of_kind(self, noun: str, n: int) -> list[str]:
        """The last `n` parties named that `noun` fits, in the order named ("the two companies"
        after Brevik Logistics and Solmar Freight: both); [] when the text names fewer, so a
        count never stands for a party it does not name.
        """
        noun = noun.lower() if noun.endswith("ss") else noun.lower().rstrip("s")
        any_kind = noun in ("side", "party")
        want = ("GPE", "NORP") if noun in _STATE_NOUNS and not any_kind else ("ORG",)
        found: list[str] = []
        for party in reversed(self.order):
            if len(found) == n:
                break
            if party in self.people or _a_person(party, self.text) or not self._fits(noun, party):
                continue
            kind = self.kinds.get(party)
            # a firm's name the tagger took for a person's ("Solmar Freight") has no kind
            if (
                any_kind
                or kind in want
                or (
                    kind is None
                    and want == ("ORG",)
                    and not is_titled(party, self.text)
                    and not re.search(rf"\b{re.escape(party)},? who\b", self.text)
                )
            ):  # not "Gethin Obuya-Marsh, who chairs the inspectorate's panel"
                words = {w.strip("'’").lower().rstrip("s") for w in party.split()}
                if noun == "union" and not words & (_UNION_WORDS | _WORKERS):
                    continue
                found.append(party)
        return found[::-1] if len(found) == n else []

    def knows(self, name: str) -> bool:
        """Whether the text has named this party, whole or as the start of its full name
        ("Penmarsh" of "Penmarsh Homes"), without adding it.
        """
        low = name.lower()
        return low in self.names or any(alias.startswith(low + " ") for alias in self.names)

    def named_by(self, noun: str, exclude: str = "") -> str:
        """The last party whose name (or what the text calls it) holds the noun: "the agency"
        for "Maritime Safety Agency", or for a body wire copy calls so ("... Relief Office").
        """
        noun = noun.lower() if noun.endswith("ss") else noun.lower().rstrip("s")
        for party in reversed(self.order):
            words = [w.rstrip("s") for w in party.lower().split()]
            if noun == "union" and _STATES_UNION.fullmatch(party):
                continue  # "the union's chairman" is a trade union's, not the European Union's
            called = _kind_in(noun, words) or noun in self.described.get(party, ())
            if (called or _ALSO_CALLED.get(noun, set()) & set(words)) and party != exclude:
                return party
        return ""

    def body_before(self, noun: str, at: int, text: str) -> str:
        """The party "the <noun>" stands for at offset `at` of `text` ("the company said", "the
        union responded"): of the parties of that kind, the one the text names last before it;
        '' when the text names none there. A kind a body's name carries ("the committee") is
        only a party whose name holds the word; "the union" only a body of workers.
        """
        noun = noun.lower() if noun.endswith("ss") else noun.lower().rstrip("s")
        if outlet_noun(noun):
            return _outlet_before(text, at)  # "the paper added": read off the text itself
        low = text[:at].lower()
        best, where = "", -1
        for party in dict.fromkeys([*self.order, *self.holders]):
            words = {w.strip("'’").lower().rstrip("s") for w in party.split()}
            if noun == "union":
                fits = bool(words & (_UNION_WORDS | _WORKERS))
            elif noun in NAMED_KINDS | _KINDS_BY_NAME:
                fits = noun in words
            else:
                fits = (
                    self.kinds.get(party) == "ORG"
                    and self._fits(noun, party)
                    and not _a_person(party, self.text)
                )
            if not fits or _outlet(party) or (" " not in party and _a_surname(party, party, text)):
                continue  # "the company said" is not USA TODAY's, nor King's or Cedar Fair's "Fair"
            aliases = [party.lower(), *(k for k, v in self.names.items() if v == party)]
            at_most = max((low.rfind(a) for a in aliases if len(a) > 2), default=-1)
            if at_most > where:
                best, where = party, at_most
        return best if where >= at - _BODY_REACH else ""

    def _fits(self, noun: str, party: str) -> bool:
        """'the company' is not the regulator, nor the union; 'the airline' is not a business
        the text calls an airport operator.
        """
        called = self.described.get(party, set()) & _BUSINESS_KINDS
        if noun in _BUSINESS_KINDS and called and noun not in called | {"company", "firm"}:
            return False
        words = {w.strip("'’").lower().rstrip("s") for w in party.split()}
        if noun in ("regulator", "watchdog", "inspectorate"):
            # "the regulator's chief inspector" is not the rail company publishing the text:
            # a public body by its name, or one the text calls a regulator
            return bool(words & _PUBLIC_WORDS or noun in self.described.get(party, set()))
        if noun not in _COMPANY_NOUNS:
            return True
        return not words & (_PUBLIC_WORDS | _UNION_WORDS | _NOT_COMPANIES)

    def snapshot(self) -> PartiesSnapshot:
        """Copies (shallow) of what resolving a mention may teach: the names, the people
        linked, the order parties were named in, their kinds. Listing the holders the learned
        model could choose (`holder_candidates`) resolves every mention of a sentence; `restore`
        puts these back, so that listing holders never changes what the reader remembers and
        the rules read the rest of the document as they would without it.
        """
        return PartiesSnapshot(
            dict(self.names), dict(self.people), list(self.order), dict(self.kinds)
        )

    def restore(self, snap: PartiesSnapshot) -> None:
        """Back to `snap`, in place (the same dicts and list, refilled)."""
        self.names.clear()
        self.names.update(snap.names)
        self.people.clear()
        self.people.update(snap.people)
        self.order[:] = snap.order
        self.kinds.clear()
        self.kinds.update(snap.kinds)


# words a sentence may open with that name no party
_NOT_NAMES = STOPWORDS | {"former", "read", "more", "then", "also", "meanwhile", "however"}
_PRONOUN_WORDS = {"they", "we", "he", "she", "it", "i", "you", "this", "that", "these", "those"}


_PARTY_TAG_BEFORE = re.compile(r"^[RDI][-\s][A-Z][a-zA-Z.]*\.\s+(?=[A-Z])")
# the offices a person holds, which end no body's name but the ones named "of" them
_OFFICE_WORDS = {
    "ceo", "cfo", "coo", "cto", "president", "director", "secretary", "minister", "chief",
    "chairman", "chairwoman", "chair", "chairperson", "spokesperson", "spokesman", "spokeswoman",
    "governor", "mayor", "commissioner", "administrator", "manager", "officer", "superintendent",
    "sheriff", "coordinator", "representative", "treasurer", "counsel", "judge", "senator",
}  # fmt: skip
# the last words of bodies' names that are no person's ("National Immigrant Justice Center")
_BODY_WORDS = {
    "center", "centre", "services", "service", "division", "program", "project", "institute",
    "college", "school", "clinic", "lab", "laboratory", "initiative", "campaign", "fund",
}  # fmt: skip
# the first halves of offices a tagger cuts ("Ford Chief Financial", "Burlington Chief
# Administrative")
_OFFICE_HALVES = {"financial", "administrative", "operating", "technology"}
_OFFICE_RANKS = {"deputy", "vice", "executive", "managing"}
_JOINS = {"of", "the", "for", "and"}

# a US party-and-state tag ("D-N.M.", "R-Fla."), a state's abbreviation ("Fla."), or a name
# that ends in a title ("Iowa Gov", "South Carolina Sen."): what a regular expression or the
# tagger may take for a person's party

NOT_A_PARTY = re.compile(
    r"^[RDI]-[A-Z][\w.\-]*$|^[A-Z][a-z]{1,4}\.$|\b(?:Gov|Sen|Rep|Lt|Gen|Rev|Amb|Sgt)\.?$"
)

# kinds of body whose names carry the kind ("Health Committee", "Harwick City Council"): "the
# committee" is a party with that word in its name, or none the text names
# what a union's name says it is made of ("International Association of Machinists and
# Aerospace Workers", "Teamsters"): "the union" is that party, never the last company named
_WORKERS = {"workers", "employees", "machinists", "teamsters", "nurses", "pilots", "drivers",
            "teachers", "dockers", "dockworkers", "miners", "attendants", "engineers", "staff"}  # fmt: skip
PARTY_NAME = re.compile(r"\b(?:Party|Democrats|Republicans|Union|Alliance|Front|Movement|Greens)\b")
_HEADING = re.compile(
    r"^(?:(?:\d[\d.\-–]*\s+)?(?:[A-Z][A-Z'’\-]+:?\s+)+(?=\d+(?:\.\d+)*\.\s|\d+\.\d+\s|The\b))?(?:\d+(?:\.\d+)*\.\s+|\d+\.\d+\s+)?"
)
# "the airline" is not the "Velmark Airline Pilots' Association": a kind of party named before
# another kind in a name ("Airline" before "Association") only says what the party is about
_KINDS = {w.rstrip("s") for w in _GENERIC} | _GENERIC


def _kind_in(noun: str, words: list[str]) -> bool:
    """Whether the name (its words, lowercased) calls its party a `noun`: the word is in it and
    no other kind of party follows it before an "of" ("Airline Pilots' Association" is an
    association, "Ministry of Transport" a ministry).
    """
    if noun not in words:
        return False
    at = words.index(noun)
    if (
        at < len(words) - 1
        and "of" in words[:at]
        and any(w.strip("'’") in _KINDS for w in words[: words.index("of")])
    ):
        return False  # "Federation of University Lecturers" is no university
    rest = words[at + 1 :]
    rest = rest[: next((i for i, w in enumerate(rest) if w in ("of", "for")), len(rest))]
    return not any(w.strip("'’") in _KINDS and w.strip("'’") != noun for w in rest)


# a place's word: "the county", "the borough" is the body the text names for it, or no one
_PLACE_NOUNS = {
    "county", "borough", "region", "province", "district", "town", "village", "parish",
    "municipality", "island", "valley",
}  # fmt: skip
# kinds of body "the <kind>" names only when the body's name holds the word ("the university",
# "the campaign")
_KINDS_BY_NAME = {"university", "district", "campaign", "coalition", "league", "club", "network"}
# how far before "the company said" the company is named for the story to mean it (characters)
_BODY_REACH = 800
# how far before "the paper said" the outlet it stands for may be named (about a sentence)
_OUTLET_REACH = 300


def _outlet_before(text: str, at: int) -> str:
    """The outlet "the paper" or "the news agency" at `at` stands for: the last one the text
    names close before it ("..., the Dunmore Herald reported. ..., the paper added."); "" when
    none, or when a source the reader does not know as an outlet is quoted by name since ("The
    Economist argues ..."): nobody's words rather than the wrong outlet's.
    """
    start = max(0, at - _OUTLET_REACH)
    named = [m for m in _CAPITALISED_RUN.finditer(text, start, at) if _outlet(m.group(0))]
    if not named:
        return ""
    last = named[-1]
    if _ANOTHER_SOURCE.search(text, last.end(), at):
        return ""  # "Reuters said ... The Economist argues ... the paper adds": not Reuters
    return last.group(0)


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’.&\-]*(?: (?:of |the )?[A-Z][\w'’.&\-]*){0,3}")
# a source quoted by its name after the outlet the reader knows, which it may not know as one
_ANOTHER_SOURCE = re.compile(
    r"\b(?:The|the) [A-Z][\w'’]+(?: [A-Z][\w'’]+)? (?:said|says|reported|reports|added|adds|"
    r"argued|argues|wrote|writes|noted|notes|warned|warns)\b"
)

NAMED_KINDS = {
    "committee", "council", "association", "federation", "commission", "ministry", "department",
    "board", "authority", "court", "society", "agency",
}  # fmt: skip


# bodies a story calls by their own kind, never "the company" ("the cooperative", "the trust")
_NOT_COMPANIES = {"cooperative", "co-operative", "trust", "foundation", "coalition", "alliance"}
# bodies called by a kind their name does not hold: "the agency" for the World Food Programme
# or a relief coordination office (as wire copy calls UN bodies)
_ALSO_CALLED = {
    "agency": {"office", "programme", "program", "organization", "organisation", "fund",
               "service", "administration", "bureau"},
    # "the region's environment minister": the Regional Government's
    "region": {"regional"}, "province": {"provincial"}, "municipality": {"municipal"},
}  # fmt: skip


HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}
# how a person is addressed: what follows is a person, never an organisation
_HONORIFIC = re.compile(
    r"(?:Her|His|Their|Your) (?:Excellenc(?:y|ies)|Majesty|Royal Highness|Highness|Holiness)\b|"
    rf"(?:{'|'.join(sorted(h.capitalize() for h in HONORIFICS))})\.? [A-Z]"
)
SHORT_TITLES = {
    "capt", "cllr", "prof", "sen", "rep", "gen", "col", "amb", "insp", "supt", "sgt", "gov", "lt",
}  # fmt: skip
# a word that ends the name before it: a title ("Interior Minister Pavel Dresk"), or a title's
# first word ("DIGI Managing Director")
_NAME_ENDS = (_TITLE_WORDS - {"the", "of", "state", "general"}) | SHORT_TITLES | _TITLE_OPENERS
ORG_LIKE = re.compile(
    rf"\b(?:{_ORG_HEADS})\b|\b(?:Ltd|plc|Inc|Corp|LLC|AG|GmbH)\b|\b(?:of|for|at)\b", re.I
)


# "Interior Minister", "Agriculture Minister": a portfolio before a title is not a party
_PORTFOLIOS = {
    "vice", "interior", "foreign", "defence", "defense", "finance", "agriculture", "health",
    "education", "justice", "trade", "economy", "economic", "energy", "transport", "environment",
    "labour", "labor", "culture", "home", "treasury", "industry", "housing", "communications",
    "digital", "infrastructure", "security", "fisheries", "tourism", "immigration", "social",
    "sport", "sports", "forestry", "mines", "water", "youth", "climate", "sustainability",
    "pensions", "welfare", "veterans", "maritime", "marine", "oceans", "shipping", "aviation",
    "mining", "science", "technology", "innovation", "employment", "development", "planning",
    "heritage", "lands", "food", "consumer", "competition", "cooperation", "works",
}  # fmt: skip


# the words before a person's title that are no part of the party before them
_BEFORE_A_TITLE = _NOT_PARTIES | _TITLE_WORDS | _PORTFOLIOS | _TITLE_OPENERS
# the first words of a title that a body's name never ends in: "Senate Majority Leader Chuck
# Schumer", "House Minority Whip", "Ranking Member", "U.S. Sens. Cory Booker and ..."
# words that open a sentence or a phrase, never a party's name: "From USA TODAY Network", "But"
_OPENING_WORDS = {"from", "following", "but", "and", "although", "though", "if", "when", "while",
                  "after", "before", "then", "so", "as", "because", "since", "with"}  # fmt: skip
_TITLE_PARTS = {"majority", "minority", "ranking", "sens", "reps", "senators", "lawmakers"}
# words that describe a person before their title, never a party's name: "Outgoing Canadian
# Prime Minister Justin Trudeau", "Billionaire hedge fund manager Bill Ackman"
_DESCRIBING = {
    "outgoing", "incoming", "former", "then", "acting", "interim", "embattled", "longtime",
    "veteran", "top", "billionaire", "millionaire", "although", "though", "while", "from",
    "said", "says", "some", "newly", "fellow", "beleaguered", "disgraced", "late", "retired",
}  # fmt: skip
_ADJECTIVE_COMPOUND = re.compile(r"-(?:winning|based|born|owned|led|backed|run|funded)$", re.I)


# "Secretary of State", "Minister of Foreign Affairs": an office, named after its title
_OFFICE_TITLES = {"secretary", "minister", "ministry", "department", "undersecretary"}
_OFFICES = _PORTFOLIOS | {"state", "affairs", "homeland", "veterans", "commerce", "war"}
# "Tom Farrant, Director of Enforcement", "Head of Public Affairs": a portfolio after a title
_PORTFOLIO_WORDS = _OFFICES | {
    "operations", "policy", "planning", "enforcement", "public", "corporate", "human", "resources",
    "legal", "sales", "marketing", "research", "strategy", "safety", "standards", "services",
    "relations", "coastal", "rural", "urban", "regional", "international", "external", "internal",
    "media", "press", "engineering", "welfare", "youth", "sport", "sports", "water", "land", "and",
    # a council's departments: "Head of Highways", "Director of Regeneration"
    "highways", "roads", "parks", "libraries", "waste", "regeneration", "licensing", "procurement",
    "audit", "compliance", "communications", "digital", "technology", "property", "estates",
    "facilities", "customer", "children", "adult", "social", "care", "transport", "housing",
    "finance", "education", "environment", "health", "sector",
}  # fmt: skip
_ABSTRACT = re.compile(r"[A-Z][a-z]+(?:ment|tion|sion|ance|ence|ity|ities|ics|ogy|ism)")


def is_portfolio_name(name: str) -> bool:
    """Whether a name after "Director of", "Minister for" is a portfolio ("Enforcement",
    "Coastal Affairs", "Reconciliation"), not the organisation the person works for.
    """
    words = name.replace("&", "and").rstrip(".").split()
    return bool(words) and all(
        w.lower() in _PORTFOLIO_WORDS or _ABSTRACT.fullmatch(w) for w in words
    )


# "professor of Marine Biology": a field of study
_FIELD_TITLES = {"professor", "lecturer", "researcher", "scholar", "student", "doctor"}


_SAID_ALONE = r"(?:said|says|told|tells|added|also|warned|replied|wrote)\b"
# a place's feature after its name: "Johor River", "Lake Ituna", "Ossel Valley" are places
_FEATURE = re.compile(
    r"\b(?:River|Lake|Valley|Bay|Sea|Strait|Island|Islands|Mountains?|Hills?|Park|Street|Road|"
    r"Bridge|Dam|Reservoir|Canal|Port|Harbour|Harbor|Airport|Station|Square|Forest|Delta)\b"
)
# what a body makes, holds or names rather than more of its name: "Boeing MAX", "Bombardier Q400",
# "Ford Bronco Sport", "Microsoft Windows", "FIFA Club World Cup", "Victoria's Secret Fashion
# Show", "NFL Draft", "Senate Bill", "IVF Act", "Trump Jr": shown as the party's name, they put a
# product or an event where an answer says who spoke
_THING = re.compile(
    r"\b(?:Act|Bill|Draft|Cup|Show|Awards?|Games|Olympics|Tour|Festival|Championships?|Series|"
    r"Summit|Expo|Prize|Edition|Stock|Video|Puzzle|Crossword|Jr|Sr|Basin|Peninsula|Sanctuary|"
    r"Exemption|Division|Sport|MAX|Windows|SUVs?|Resort|Stadium|Arena)\b|\b[A-Za-z\-]*\d"
)
# "Corrow Valley Water Piet Salm, Chair, ...": a signature block's next name and title (its lines
# joined) is no part of the organisation's name before it
_SIGNED = rf", (?:the |a |an )?(?:[\w\-]+ ){{0,3}}{_TITLE_RE}\b"
_SIGNED_AFTER = re.compile(_SIGNED)
_OF_PARTY = re.compile(rf" (?:of|at) (?:the )?(?P<party>{_PARTY_RE})")


# a stance on a party, not a party: "anti-Taliban"; but "Anti-Defamation League" is one
_STANCE_PREFIX = re.compile(r"(?:anti|pro)-\S+$", re.I)


def _against(party: str, surname: str, text: str) -> bool:
    """Whether the text calls the person an "anti-" or "pro-" party figure ("anti-Taliban
    leader Ahmad Shah Massoud", "pro-Russian separatist leader Denis Pushilin"): not its own.
    """
    stem = party.split()[0][:5]
    low = text.lower()
    if f"anti-{stem.lower()}" not in low and f"pro-{stem.lower()}" not in low:
        return False
    return (
        re.search(
            rf"\b(?:anti|pro)-{re.escape(stem)}\w*(?: [\w'’\-]+){{0,5}}? {re.escape(surname)}\b",
            text,
            re.I,
        )
        is not None
    )


def _signed(name: str, text: str) -> bool:
    """Whether the text signs the name with a title after it ("Dev Patel, Chair of ..."): a
    person's. The title alternation is compiled once, not once per name with it.
    """
    at = text.find(name)
    while at >= 0:
        if _SIGNED_AFTER.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


# two or more words in capitals, then a capitalised word in lower case ("TRUST Office")
_LETTERHEAD = re.compile(r"((?:[A-Z][A-Z'’&\-]+ )+[A-Z][A-Z'’&\-]+) (?=[A-Z][a-z])")
_STATES_UNION = re.compile(r"(?:European|African|Soviet|Eurasian(?: Economic)?) Union")
GOVERNMENT_NAME = re.compile(r"\b[Gg]overnment of (?:the )?[A-Z][\w\-]+(?: [A-Z][\w\-]+)?")


# "Dominic Fry of the Wendmoor Musicians' Union", "Anita Sorrel from the Castlebridge Bus Users'
# Forum": a name, "of" or "from", an organisation's full name
_PEOPLE_OF = re.compile(
    rf"(?P<person>{_NAME_RE}) (?:of|from) (?:the )?"
    rf"(?P<party>(?:[A-Z][\w&\-]*(?:['’]s?)? (?:(?:of|for|and) )?){{1,4}}(?:{_ORG_HEADS}))\b"
)
# "its regional manager, Carla Bright,": an officer of the party the sentence before is about
_ITS_OFFICER = re.compile(
    r"(?:(?<![\w.])|(?<=\bsaid)|(?<=\bsays)|(?<=\badded)) its (?:[a-z\-]+ ){0,3}(?:manager|director|chief executive|chair(?:man|woman)?|"
    r"president|spokes(?:man|woman|person)|secretary|head|leader|executive|officer|counsel)"
    rf", (?P<person>{_NAME_RE})(?:,|\.(?:\s|$))"
)
_MEMO_LINE = re.compile(r"^[ \t]*(?:To|From|Cc):[ \t]*([^\n]{3,160})$", re.M)


def _signature(m: re.Match[str], text: str) -> bool:
    """Whether a "party title, person" match is a signature block's "name title, organisation"
    (its lines joined): the "party" is a person's name, not an organisation's, directly before
    a capitalised title, and the listing reads from the same place.
    """
    party = m.group("party")
    title = text[m.end("party") : m.start("person")].strip(" ,")
    return (
        re.fullmatch(_NAME_RE, party) is not None
        and not ORG_LIKE.search(party)
        and title[:1].isupper()
        and _PEOPLE_LISTED.match(text, m.start()) is not None
    )


def _a_person(name: str, text: str) -> bool:
    """Whether the text names someone so ("the syndicate's president, Mathilde Roussel" makes
    "Roussel" a person): the name is a full name's last word, after a comma or a title.
    """
    return (
        " " not in name
        # a given name before it, after a comma or a lower-case word (a title, "said"):
        # ", Mathilde Roussel", "president Mathilde Roussel"; not "Yesterday Skiffly"
        and re.search(
            rf"(?:, |\b[a-z]+ )(?!The )[A-Z][a-z'’\-]+ {re.escape(name)}\b(?! [A-Z])", text
        )
        is not None
        and _ORG_NAME.fullmatch(name) is None
    )


# "Ngaire Castellbrook, who heads its Quellan basin programme": "its" is the body the sentence
# before was about
_HEADS_ITS = re.compile(
    rf"(?P<person>{_NAME_RE}), (?:who (?:heads|leads|runs|chairs|directs|manages) its|"
    rf"(?:its|their) (?:[a-z\-]+ ){{0,2}}{_TITLE_RE})\b"
)


# "The AUWTN branch secretary at St Ebba's, Cormac Adeyemi-Strand": a body by its initials
_INITIALS_TITLE = re.compile(
    rf"\b[Tt]he (?P<initials>[A-Z]{{2,8}}) (?:[a-z\-]+ ){{0,2}}{_TITLE_RE}"
    rf"(?: (?:at|in|for) [^,.;]{{1,40}})?, (?P<person>{_NAME_RE})\b"
)


# a former office named before a person ("former Tory leader", "ex-chancellor"), in the same
# sentence
_FORMER = re.compile(r"\b(?:former|ex-)[^.;!?\n]*$", re.I)


def people_by_title(text: str, parties: Parties) -> None:
    """People linked to their party by a title next to their name, read over the whole text
    (a regular expression, so the sentence need not be parsed).
    """
    for m in _INITIALS_TITLE.finditer(text):
        party = parties.canonical(m.group("initials"), "ORG")
        if party != m.group("initials") and m.group("person") not in parties.people:
            parties.link(m.group("person"), party)  # spelled out: the body's name
            parties.seen(party, "ORG")
    for m in _HEADS_ITS.finditer(text):
        if m.group("person") not in parties.people:
            party = previous_subject(text, m.start(), parties)
            if party and not _a_person(party, text):
                parties.link(m.group("person"), party)
    # lists and headers ("Present: Mr J. Harker (Brenton Aggregates)", "Ana Ruiz, Head of Legal,
    # Larkspur Pictures") are short blocks: long prose is not read for them (time at ingest)
    short, start = [], 0
    for block in text.split("\n\n"):  # a paragraph, or a header's lines
        if len(block) <= 600 and ("," in block or "(" in block):
            short.append((start, start + len(block), "(" in block))
        start += len(block) + 2

    def matches(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        if pattern in (_PEOPLE_PAREN, _PEOPLE_PAREN_TITLED, _PEOPLE_LISTED):
            for start, end, paren in short:
                if paren or pattern is _PEOPLE_LISTED:
                    yield from pattern.finditer(text, start, end)
        else:
            yield from pattern.finditer(text)

    for m in _PEOPLE_OF.finditer(text):  # "With me is Dominic Fry of the Wendmoor Union"
        person = m.group("person")
        spoken = re.compile(
            rf"^[ \t]*[A-Z .]*\b{re.escape(person.split()[-1].upper())}\b[^\n:]*:", re.M
        )
        if person not in parties.people and spoken.search(text):  # a speaker of this transcript
            party = parties.canonical(m.group("party"), "ORG")
            parties.link(person, party)
            parties.seen(party, "ORG")
    for m in _ITS_OFFICER.finditer(text):  # "..., its regional manager, Carla Bright, offered"
        person = m.group("person")
        opens = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        if person in parties.people or any(
            parties.knows(w) for w in re.findall(r"\b[A-Z][\w&'’\-]+", text[opens : m.start()])[1:]
        ):
            continue  # a name before "its" in the sentence: whose "its" is for the parse to say
        party = previous_subject(text, opens, parties)
        if party and not _a_person(party, text):
            parties.link(person, party)
            parties.seen(party, "ORG")
    for m in _MEMO_LINE.finditer(text):  # "To: Chief Councillor Tahi Amaru, Oru Nation Council"
        parts = [p.strip() for p in m.group(1).split(",")]
        words = [
            w for w in parts[0].split() if w.lower().strip(".") not in _TITLE_WORDS | SHORT_TITLES
        ]
        org = (
            _ORG_NAME.fullmatch(parts[-1]) or GOVERNMENT_NAME.search(parts[-1])
            if len(parts) >= 2
            else None
        )
        if org and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            person = " ".join(words)
            if person not in parties.people:
                party = parties.canonical(parts[-1], "ORG")
                parties.link(person, party)
                parties.seen(party, "ORG")
    for pattern in (
        _PEOPLE_PAREN,
        _PEOPLE_PAREN_TITLED,
        _PEOPLE_BEFORE,  # before the listing: its people are no party of a listed line
        _PEOPLE_LISTED,
        _PEOPLE_AFTER,
        _PEOPLE_FOR,
        _PEOPLE_IS,
        _PEOPLE_IS_OWNED,
        _PEOPLE_SPEAKING,
    ):
        for m in matches(pattern):
            if pattern is _PEOPLE_AFTER and text.startswith(", and ", m.end("person")):
                continue  # "X, and the Foreign Minister of Y, Z": two people, not X's title
            if pattern is _PEOPLE_PAREN and re.search(r"\b(?:of|the) $", text[: m.start()]):
                continue  # "Athletes' Union of Strelania (AUS)": a body's name and its initials
            if pattern is _PEOPLE_PAREN and re.search(_TITLE_RE, m.group("party")):
                continue  # "K. Mensah (Head of Planning)": a title, not an organisation
            if pattern is _PEOPLE_PAREN and re.search(rf"\b{_TITLE_RE}$", m.group("person")):
                continue  # "The Presiding Officer (Ruth Elmslie)": an office, then its holder
            if _HONORIFIC.match(m.group("party")):
                continue  # "... of Tallomir, the President of X, Her Excellency Y": a person
            if pattern is _PEOPLE_PAREN and re.match(r" \([^()\n]{2,60}\)", text[m.end() :]):
                continue  # "Ms Anja Korvel (Eastmoor) (Social Democratic Union)": a seat first
            if pattern is _PEOPLE_BEFORE and _signature(m, text):
                continue  # "Hanna Ferreira Chief Executive, Lumen Cinemas": a signature line
            if _FORMER.search(text, max(0, m.start() - 20), m.start("person")):
                continue  # "Another former Tory leader, William Hague": he speaks for himself
            if _KIN & set(re.findall(r"[a-z\-é]+", text[m.end("party") : m.start("person")])):
                continue  # "Croft's broadcast partner, Martin Brundle": not Croft's to speak for
            if (
                pattern is _PEOPLE_LISTED
                and " " not in m.group("person")
                and text[m.end("person") : m.end("person") + 1] == " "
            ):
                continue  # "The county's Transport Minister, Ilona Varga,": a portfolio word
            if pattern is _PEOPLE_LISTED and m.group("party") in parties.people:
                continue  # "Lorvanian prime minister, Jonas Velt": Velt is the person
            # "... on Wednesday. The Ukrainian Vice Prime Minister Olga ...": this sentence's part
            if (
                pattern is _PEOPLE_BEFORE
                and " and " in m.group("party")
                and is_portfolio_name(m.group("party").rsplit(" and ", 1)[1])
            ):
                continue  # "Secretary of State Antony Blinken and Defense Secretary Lloyd
                # Austin": two people, each with a portfolio, not a party named for the first
            parts = re.split(r"[.!?]\s+", m.group("party"))
            words = (parts[-1] if pattern is _PEOPLE_BEFORE else parts[0]).split()
            if pattern is _PEOPLE_IS and words and re.search(r"['’]s$", words[-1]):
                words[-1] = words[-1][:-2]  # "who leads the Front's delegation": the Front's
            if words and words[0] in ("Its", "Their"):
                # "Its chief executive, Ana Ruiz": the previous sentence's subject, else the
                # organisation named last before
                its = m.start("party") + m.group("party").rfind(words[0])
                party = previous_subject(text, its, parties)
                if party and _a_person(party, text):
                    party = ""  # "Roussel said ... Its commercial director": no person's "its"
                before = list(_ORG_NAME.finditer(text, max(0, m.start() - 400), m.start()))
                if not party and (
                    _generic_subject_before(text, its)
                    or _NAMED_SUBJECT.match(sentence_before(text, its))
                ):
                    # "The company has offered ... Its director", "Ostrava Homes has offered ...
                    # Its land director": the parse knows what the name is; the last
                    # organisation-like name before may be another party
                    continue
                if before and not party:
                    words = before[-1].group(0).split()
                    while words and words[0].lower() in _NOT_PARTIES:
                        words.pop(0)
                    party = parties.canonical(" ".join(words), "ORG")
                if party and m.group("person") not in parties.people:
                    parties.link(m.group("person"), party)
                    parties.seen(party, "ORG")
                continue
            if pattern is _PEOPLE_FOR and re.search(r"['’]s ", " ".join(words)):
                # "Indonesia's Ministry of Forestry": the state the ministry is of
                words = re.split(r"['’]s ", " ".join(words), maxsplit=1)[0].split()
            if pattern in (_PEOPLE_AFTER, _PEOPLE_IS) and (
                is_portfolio_name(" ".join(words))
                or (
                    words
                    and words[-1].lower() in _OFFICE_WORDS
                    and text.startswith(" of ", m.end("party"))
                )
            ):
                # "Minister for Reconciliation of the Government of Palvenia": the government's;
                # "Tom Farrant, Director of Enforcement": no organisation named
                of = _OF_PARTY.match(text, m.end("party"))
                if of is None:
                    continue
                words = of.group("party").split()
            if pattern is _PEOPLE_BEFORE and "and" in words[1:-1]:
                # "between Trump and Ukrainian President Volodymyr Zelenskyy": the title's own
                # state is the word after "and", not the first person joined to it
                after = words[len(words) - 1 - words[::-1].index("and") + 1 :]
                if len(after) == 1 and re.search(r"(?:ian|ese|ish|an|i)$", after[0]):
                    words = after
            follows = text[m.end("party") : m.end("party") + 30].split()[:1]
            spokes = bool(follows) and follows[0].lower().startswith("spokes")
            if words and words[-1].lower().rstrip(".") in _TITLE_PARTS:
                # "Senate Majority Leader Chuck Schumer", "U.S. Sens. Cory Booker and ...": a
                # chamber's office, no party; the chamber itself is none either
                continue
            while words and words[-1].lower() in _BEFORE_A_TITLE:
                if spokes and words[-1].lower() in _PORTFOLIOS - _TITLE_WORDS:
                    break  # "Guam Homeland Security spokeswoman": the body she speaks for
                words.pop()  # "Belvian Deputy Prime" (Minister): the title is not the party
            named = bool(words) and _ORG_NAME.fullmatch(" ".join(words)) is not None
            # "director of advocacy at Human Rights Watch": after the portfolio, the name whole
            named = named or (pattern is _PEOPLE_AFTER and bool(m.group("portfolio")))
            # "National Security" (Adviser) goes, "National Retail Federation" stays
            while words and (
                words[0].lower() in (_LEADING_NOISE if named else _NOT_PARTIES)
                or words[0].lower() in _DESCRIBING
            ):
                words.pop(0)  # "Outgoing Canadian" (Prime Minister), "Billionaire" (hedge fund)
            if not words or _ADJECTIVE_COMPOUND.search(words[-1]):
                continue  # "Tony-winning" (actress), "London-based" (analyst): no party
            name = " ".join(words)
            if is_portfolio_name(name) and text[: m.start("party")].endswith("of "):
                continue  # "the Head of Property, Mr Karel Svoboda": a department, not a party
            title = text[m.end("party") : m.end("party") + 30].split()[:1]
            if (
                pattern is _PEOPLE_BEFORE
                and is_portfolio_name(name)
                and title
                and title[0].lower() in _MINISTERS
            ):
                continue  # "Transportation Secretary Sean Duffy": a portfolio, not a party
            label = (
                "NORP" if re.search(r"(?:ian|ese|ish|an|i)$", name) and " " not in name else "ORG"
            )
            if label == "NORP":
                state = country_of(name, text)
                name, label = (state, "GPE") if state else (name, label)
            if _CITY_TITLE.search(m.group(0)) and (
                _is_capital(name, parties)
                or (" " not in name and _MAYOR.search(m.group(0)) is not None)
            ):
                # "Madrid's Mayor ...": the city, not Spain; "the Mayor of Castlebridge": the
                # city, not the "Castlebridge Bus Users' Forum" whose name begins with it
                party = re.sub(r"['’]s?$", "", name)  # "Caddesby's mayor": Caddesby
                parties.seen(party, "GPE")
            else:
                party = parties.canonical(name, label)
            person = m.group("person")
            if ORG_LIKE.search(person) or person.split()[0].lower() in _POSSESSIVES | {"the"}:
                continue  # "Cllr Ann Doyle Leader, Glenholm District Council": the council is no one
            if party and person not in parties.people:
                parties.link(person, party)
                parties.seen(party, label)


SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“A-Z])")
_THE_GENERIC = re.compile(r"^[Tt]he(?: [a-z'’\-]+){1,3}")


def previous_subject(text: str, at: int, parties: Parties, owned: bool = False) -> str:
    """The party that opens the sentence before position `at`: "The park authority, which ...,
    said ... Its chief executive, X, said ...": "its" is the authority that the sentence before
    is about, even when another organisation was named last in it. '' when that sentence opens
    with no organisation.
    """
    sentence = sentence_before(text, at)
    # after its label: "Transcriber's note: Harrowden Homes was not represented. Its director"
    label = _OPENING_LABEL.match(sentence)
    sentence = sentence[label.end() :] if label else sentence
    government = GOVERNMENT_NAME.match(sentence, 4 if sentence[:4] == "The " else 0)
    if government:  # "The Government of Oskaria has been kept informed. Its foreign minister"
        name = government.group(0)
        return parties.canonical(name[0].upper() + name[1:], "ORG")
    named = _ORG_NAME.match(sentence) or _ORG_NAME.match(
        sentence, 4 if sentence[:4] in ("The ", "the ") else 0
    )
    if named:
        words = named.group(0).split()
        while words and words[0].lower() in _NOT_PARTIES:
            words.pop(0)
        return parties.canonical(" ".join(words), "ORG") if words else ""
    kind = _generic_kind(sentence)
    if kind:
        # "The drivers' union, Transport Workers United, demanded ...": its name in apposition
        # (read before any party is known in order, so the kind alone may find none)
        named_after = re.match(
            rf"(?:The|the) (?:[\w'’\-]+ ){{0,3}}{re.escape(kind)}, "
            r"(?P<name>[A-Z][\w&'’\-]*(?: (?:of |for |and )?[A-Z][\w&'’\-]*){0,5}),",
            sentence,
        )
        by_kind = parties.by_generic(kind)
        if by_kind or not named_after:
            return by_kind
        return parties.canonical(named_after["name"], "ORG")
    known = _OPENING_NAME.match(sentence)
    rest = sentence[known.end() :] if known else ""
    # `owned`: the sentence at `at` opens on "Its ...": a name of two words or more opening
    # the sentence before is what "its" points back to ("Harrowden Homes was not there. Its
    # director said ..."), unless the text links it to a party as a person
    named_by_its = (
        owned and known is not None and " " in known[1] and known[1] not in parties.people
    )
    if known and (
        parties.knows(known[1])
        or rest.startswith(", which ")
        or _ITS_ASIDE.match(rest)
        or named_by_its
    ):
        # "Ostrix, which has lost market share ..., has struggled ... Its chairman", "Penmarsh,
        # to its credit, has turned up": a party the text knows, or a name "which" or "its"
        # says is no person, though it has no word of an organisation in it
        return parties.canonical(known[1], "ORG")
    return ""


# a speaker's or a note's label opening a sentence ("MAYOR: ", "Editor's note: "); may be empty
_OPENING_LABEL = re.compile(
    r"(?:(?:[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}(?: \([^()\n]{1,60}\))?|[A-Z][\w'’]+ note)"
    r":\s+)?"
)
# capitalised words with the small words of a body's name between them
_NAME_SPAN = re.compile(r"[A-Z][\w'’\-]*(?: (?:(?:of|for|and|on|the) )*[A-Z][\w'’\-]*){1,7}")
# an aside after a name that calls it "it": ", to its credit,", ", for its part,"
_ITS_ASIDE = re.compile(r",[^,]{0,40}\bits\b")
# a name opening a sentence, before a comma or a verb: "Ostrix, which ...", "Penmarsh has"
_OPENING_NAME = re.compile(
    # ("The United Nations Transboundary Waters Facility (UNTWF), which ...": its initials too)
    r"(?:The )?([A-Z][\w&'’\-]*(?: [A-Z][\w&'’\-]*){0,5})(?: \([A-Z]{2,8}\))?(?=,| [a-z])"
)


# a sentence that opens on a name the patterns do not know as an organisation ("Ostrava Homes
# has offered ...", "Lodgery said ...")
_NAMED_SUBJECT = re.compile(
    r"(?:The )?(?!The\b)(?:[A-Z][\w&'’\-]*(?: |$)){1,4}(?!(?:of|for|and) )[a-z]"
)


def _generic_subject_before(text: str, at: int) -> bool:
    """Whether the sentence before `at` opens on "the" and a kind of party ("The company has
    offered ..."): whose "its" follows is for the parse to say, not the organisation named
    last in that sentence.
    """
    return bool(_generic_kind(sentence_before(text, at)))


def sentence_before(text: str, at: int) -> str:
    """The sentence that ends just before position `at` (a paragraph break ends one too)."""
    head = text[max(0, at - 600) : at + 1]
    ends = [0] * (at <= 600) + [m.end() for m in SENTENCE_END.finditer(head)]  # text's start
    sentence = head[ends[-2] : ends[-1]].strip(' \n"“') if len(ends) >= 2 else ""
    return sentence.rsplit("\n", 1)[-1] + " " if sentence else ""  # not a heading above it


def _generic_kind(sentence: str) -> str:
    """The kind of party a sentence opens on ("The company has ..." -> "company"), or ''."""
    generic = _THE_GENERIC.match(sentence)
    nouns = [w.strip("'’") for w in generic.group(0).split()[1:]] if generic else []
    return next((w for w in reversed(nouns) if w in _GENERIC), "")  # "the city council": council


def is_party(name: str, parties: Parties) -> bool:
    """Whether a name is a party's (also a short form: "Lumio" for "Lumio Networks"), not only
    a person's.
    """
    key = name.lower()
    if parties.kinds.get(name) or parties.registry.find_party(name):
        return True
    return any(
        key in alias.split() or alias.startswith(key + " ")
        for alias, shown in parties.names.items()
        if shown != name and parties.kinds.get(shown)
    )


_TITLED_WORDS = "|".join(
    sorted(
        (_TITLE_WORDS | SHORT_TITLES | {"official", "leader", "head", "counsel"})
        - {"the", "of", "a", "an", "and", "for"},  # "Calder Homes, has asked the council": no title
        key=len,
    )[::-1]
)


# people news copy quotes for their reading of events, not as parties to them
_COMMENTATORS = (
    r"analyst|professor|economist|researcher|scholar|lecturer|strategist|historian|"
    r"political scientist|expert|senior fellow|fellow|observer|commentator|pollster|"
    r"author|writer|columnist|journalist|novelist|blogger|podcaster"
)


# The whole-text scans for one name are split in two: the part that does not depend on the name
# (a long alternation of title or commentator words, ~1 ms to compile) is compiled once and run
# from the positions a small per-name pattern finds. Compiling a fresh pattern with the
# alternation for every name was a tenth of the stance reader's time at ingest.
_COMMENTATOR_AFTER_COMMA = re.compile(
    rf",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’\-]+\s+){{0,4}}?(?:{_COMMENTATORS})s?\b"
)
# "Sayyed Al-Azab, an engineer, who came with his wife to the rally": a private person met by
# the reporter, introduced by what they do; their words are no party's position
_PRIVATE_PEOPLE = (
    r"engineer|student|shopkeeper|retiree|pensioner|voter|shopper|protester|protestor|"
    r"demonstrator|passenger|commuter|homeowner|fan|accountant|housewife|taxi driver"
)
# not "a former engineer who chairs the group": a biography; not a mother or father, who
# often speaks for the victims' families
_PRIVATE_AFTER_COMMA = re.compile(
    rf",\s+(?:a|an)\s+(?!former\b)(?:[\w'’\-]+\s+){{0,3}}?(?:{_PRIVATE_PEOPLE})s?\b(?!['’])"
)
_TITLE_BEFORE = re.compile(rf"(?i:\b(?:{_TITLED_WORDS})\b)\.?,?\s+")
_TITLE_AFTER_COMMA = re.compile(
    rf",\s+(?:the\s+|a\s+|an\s+)?[\w'’\s]{{0,40}}?(?i:\b(?:{_TITLED_WORDS})\b)"
)


@functools.lru_cache(maxsize=64)
def _title_ends(text: str) -> tuple[int, ...]:
    """Where a title word and its spacing end ("Interior Minister |Pavel Dresk"), every start
    tried (titles nest: "Prime Minister").
    """
    ends: list[int] = []
    pos = 0
    while (m := _TITLE_BEFORE.search(text, pos)) is not None:
        ends.append(m.end())
        pos = m.start() + 1
    return tuple(sorted(set(ends)))


@_per_text
def is_commentator(person: str, text: str) -> bool:
    """Whether the text introduces a person as an analyst or an academic ("Daniel Pinkston, a
    Northeast Asia analyst for the International Crisis Group", "Jodie Rummer, associate
    professor of Marine Biology at ..."), or as a private person the reporter met ("Tomas
    Brell, a retired engineer"): their reading of events, quoted, is no party's position. A title before the name ("Professor Lesley Hughes from the Climate Council") is
    left alone: there the organisation speaks through them.
    """
    last = person.split()[-1] if person else ""
    if len(last) < 3 or not last[0].isupper() or last not in text:
        return False
    # the name may go on past the word used alone: "Chong Sung Jang, a North Korea expert"
    # ("said Chong": a family name comes first)
    named = re.compile(rf"\b{re.escape(last)}(?: [A-Z][\w\-]+){{0,2}},")
    return any(
        _COMMENTATOR_AFTER_COMMA.match(text, m.end() - 1)
        or _PRIVATE_AFTER_COMMA.match(text, m.end() - 1)
        for m in starting_with(named, last, text)
    )


@_per_text
def is_titled(name: str, text: str) -> bool:
    """Whether the text shows a name to be a person's: a title next to it ("Interior Minister
    Pavel Dresk", "Nadia Orel, the group's spokeswoman", "Ms Orel") or the surname used alone;
    a company the tagger took for a person ("Brindle Seafoods") has neither.
    """
    words = name.split()
    last = re.escape(words[-1])
    alone = rf"(?<!{re.escape(words[-2])} )\b{last}\b(?!['’]s)" if len(words) > 1 else ""
    if alone and next(starting_with(re.compile(alone), words[-1], text), None):
        return True  # the surname alone elsewhere ("... Orel said"): a person
    if words[-1] not in text:
        return False
    after_title = re.compile(rf"(?:[A-Z][\w'’\-]*\s+){{0,3}}{last}\b")
    if any(after_title.match(text, end) for end in _title_ends(text)):
        return True
    before_comma = re.compile(rf"\b{last},")
    return any(
        _TITLE_AFTER_COMMA.match(text, m.end() - 1)
        for m in starting_with(before_comma, words[-1], text)
    )


_BUSINESS_KINDS = frozenset(
    "company firm landlord airline carrier operator developer insurer lender platform "
    "broadcaster utility retailer supermarket chain supplier manufacturer carmaker automaker "
    "publisher builder contractor".split()
)
# "their landlord, Brightwell Residential,", "the ride-hailing company Skiffly": a business the
# text names by what it is, whatever its name says (no "Ltd", no "Union" in it)
_KIND_NAMED = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Ii]ts|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?"
    rf"(?P<kind>{'|'.join(sorted(_BUSINESS_KINDS, key=lambda k: (-len(k), k)))})"
    r",?\s+(?P<name>[A-Z][\w&'’\-]+(?: [A-Z][\w&'’\-]+){0,3})\b"
)


def businesses_by_kind(text: str, parties: Parties) -> None:
    """Businesses the text introduces by their kind ("their landlord, Brightwell Residential"):
    known before the parse, so that "the company's chief operating officer, Graham Lusk" and
    "the company" find them.
    """
    for m in _KIND_NAMED.finditer(text):
        name = parties.canonical(m.group("name"), "ORG")
        if name and not parties.speaks_for(name):
            parties.seen(name, "ORG", latest=False)  # known, not the last named: the text decides
            parties.described.setdefault(name, set()).update({m.group("kind"), "company"})


# "Corrigan Stone & Aggregates Ltd": capitalised words (an "&" among them), then a legal form
_WITH_FORM = re.compile(
    r"\b((?:[A-Z][\w\-]*(?: & | and | ))+)(?:Ltd|Limited|plc|PLC|Inc|LLC|GmbH|Corporation)\b"
)


def companies_by_form(text: str, parties: Parties) -> None:
    """Companies the text names with their legal form: what "the company" means, though the
    name says nothing of a company ("Corrigan Stone & Aggregates Ltd"), over a campaign group
    or a school named after the same place.
    """
    for m in _WITH_FORM.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _LEADING_NOISE | _TITLE_WORDS:
            words.pop(0)
        if not words:
            continue
        name = parties.canonical(" ".join(words) + text[m.end(1) - 1 : m.end()], "ORG")
        if name and not parties.speaks_for(name):
            parties.seen(name, "ORG", latest=False)
            parties.described.setdefault(name, set()).add("company")


# words that name no body by themselves, however capitalised ("District Office", "Head Office")
_PLAIN_WORDS = _KINDS | _PLACE_NOUNS | {
    "office", "head", "main", "central", "regional", "local", "national", "general", "press",
    "registered", "branch", "area", "city", "state", "public",
}  # fmt: skip
# kinds of body whose word also qualifies another ("University Lecturers", "Hospital Doctors")
_MODIFYING_HEADS = {"University", "College", "Hospital", "School", "Police", "Bank", "Institute"}
_PEOPLE_WORDS = {"students", "staff", "members", "officials", "leaders", "workers"}
_NAME_GOES_ON = re.compile(
    r" ([A-Z][a-z][\w'’\-]*)(?= *[,.;:()]| (?:of|on|in|at|to|and|for|said|says|has|have|is|are|was|were|will|would)\b)"
)


def organisations(text: str, parties: Parties) -> None:
    """Organisations the text names, read without the parse (the parser names entities only
    in the sentences it reads statements from): "the movement" needs its full name.
    """
    for m in _ORG_NAME.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _LEADING_NOISE | _TITLE_WORDS | _PORTFOLIOS:
            words.pop(0)  # "The ...", "Interior Ministry": the title words go
        rest = m.group(0)[len(m.group(1)) :]  # " of Danube Hauliers"
        more = _NAME_GOES_ON.match(text, m.end())
        if (
            more
            and m.group(0).split()[-1] in _MODIFYING_HEADS
            and more.group(1) not in _CALENDAR_WORDS
            and more.group(1).lower() not in _TITLE_WORDS | _PEOPLE_WORDS
        ):
            rest += more.group(0)  # "Federation of University Lecturers": "University" ends no name
        if len(words) < 2 and not rest:
            continue  # "the Council": a bare kind is not a name; "The Union of Danube Hauliers" is
        if not rest and all(w.lower() in _PLAIN_WORDS for w in words):
            continue  # "Orrery Room, District Office, 40 Halberd Lane": a place, no one's name
        name = parties.canonical(" ".join(words) + rest, "ORG")
        if name and name not in parties.kinds:
            parties.seen(name, "ORG")


def country_of(adjective: str, text: str) -> str:
    """'Belvian' -> 'Belvia' when the text names it (a capitalised word sharing the stem)."""
    stem = adjective[:5]
    for m in re.finditer(rf"\b{re.escape(stem)}[a-z]*\b", text):
        word = m.group(0)
        if word != adjective and not word.endswith(("ian", "ians", "ese", "ish")):
            return word
    return ""


def main_company(text: str, parties: Parties) -> str:
    """The company a story is about: the organisation named most often, when it is named at
    least three times and twice as often as the next (no union, no public body).
    """
    counts = []
    for party, kind in parties.kinds.items():
        words = {w.strip("'’").lower() for w in party.split()}
        if kind != "ORG" or words & (_UNION_WORDS | _PUBLIC_WORDS | _WORKERS):
            continue
        if _titled_person(party, text) or _a_person(party, text):
            continue  # "President Donald Trump", tagged ORG once: JPMorgan's CEO is not his
        named = len(re.findall(rf"\b{re.escape(party)}\b", text))
        first = party.split()[0]
        if " " in party and not any(
            first in other.split() for other in parties.kinds if other not in (party, first)
        ):
            # "Brightwell" for "Brightwell Academies": a story names its company short
            named = max(named, len(re.findall(rf"\b{re.escape(first)}\b", text)))
        counts.append((named, party))
    counts.sort(reverse=True)
    if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return ""


def _titled_person(name: str, text: str) -> bool:
    """A one-word name the text gives a person's title and given name ("President Donald
    Trump", "Sen. Ted Cruz"), whatever the tagger labelled it once.
    """
    return " " not in name and (
        re.search(
            rf"(?:\b{_TITLE_RE}|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?) [A-Z][a-z'’\-]+ "
            rf"{re.escape(name)}\b(?! [A-Z])",
            text,
        )
        is not None
    )


_POSSESSIVES = {"its", "their", "his", "her", "our", "my", "your"}  # "Its chief executive, X"


def untagged_name(ps: ParsedSentence, t: Token) -> tuple[int, str]:
    """(first token, text) of the name a proper noun the tagger left out ends, with the proper
    nouns compounded on it ("Ana Ruiz" for "Ruiz").
    """
    first = min([c.i for c in ps.children(t.i) if c.dep == "compound"] + [t.i])
    return first, ps.text[ps.tokens[first].start : t.start + len(t.text)]


def _vocative(ps: ParsedSentence, e: Entity) -> bool:
    """A name that opens a question's sentence to address someone: an honorific and a surname
    before a comma ("Ms Rettig, the association says ...", "Minister, ..."), not a person
    introduced by her full name ("Ana Ruiz, chief executive of Northwind, said").
    """
    words = e.text.split()
    opens = all(t.pos == "PUNCT" or t.text == "Q" for t in ps.tokens[: e.first])
    after = ps.tokens[e.last] if e.last < len(ps.tokens) else None
    return (
        opens
        and len(words) == 2
        and words[0].lower().strip(".") in HONORIFICS
        and after is not None
        and after.text == ","
    )


def _town_and_state(ps: ParsedSentence, head: Token) -> bool:
    """A name after "in", "at" or "near" with a state set off after it ("in Milton Keynes,
    United Kingdom", "in Paris, Texas"): a town and where it lies, though the tagger may take
    the town for a person and the state for their party.
    """
    apposed = [c for c in ps.children(head.i) if c.dep == "appos"]
    return (
        head.dep == "pobj"
        and ps.tokens[head.head].lemma in _WHERE
        and bool(apposed)
        and all(c.ent == "GPE" for c in apposed)
    )


def located(ps: ParsedSentence, e: Entity) -> bool:
    """A place named as where someone is ("refuse collectors in Ravensholt", "the agency's
    head of operations in Qeltara"), not as whom they belong to.
    """
    last = ps.tokens[e.last - 1]
    if e.label in ("GPE", "LOC", "FAC") and last.dep == "pobj":
        if ps.tokens[last.head].lemma in _WHERE:
            return True
    # "dockworkers at the Port of Selmouth": a place named by its kind ("Port", "Airport")
    root = next((t for t in ps.tokens[e.first : e.last] if not e.first <= t.head < e.last), last)
    return (
        (e.label in ("GPE", "LOC", "FAC") or _FEATURE.fullmatch(root.text) is not None)
        and root.dep == "pobj"
        and ps.tokens[root.head].lemma in _WHERE
    )


# the people of a company or a brand: "John Deere members", "Ford workers", "Tesla owners"
_ITS_PEOPLE = {
    "member", "worker", "employee", "staff", "dealer", "owner", "driver", "customer", "retiree",
    "plant", "factory", "store", "franchise", "shareholder", "investor",
}  # fmt: skip


# bodies a title may be compounded with ("the union president", "the company spokeswoman")
_ORG_KINDS = {"union", "company", "association", "council", "federation", "firm", "group", "board"}


def _a_brand(ps: ParsedSentence, e: Entity) -> bool:
    """Whether a name tagged a person modifies the people of a company ("UAW John Deere
    members"): a company or brand named after someone, not a person to link to a party.
    """
    last = ps.tokens[e.last - 1]
    head = ps.tokens[last.head]
    return last.dep == "compound" and head.pos == "NOUN" and head.lemma in _ITS_PEOPLE


def learn_people(ps: ParsedSentence, parties: Parties, at: int) -> None:
    """'Russian Deputy Foreign Minister Sergei Ryabkov', 'Northwind's chief executive, Ana Ruiz',
    'Ana Ruiz, chief executive of Northwind': the person speaks for the party. `at`: where the
    sentence starts in the text.
    """
    names = [e for e in ps.entities if e.label == "PERSON"]
    for t in ps.tokens:  # an untagged name in apposition to a title: "..., Ana Ruiz,"
        if t.dep == "appos" and t.pos == "PROPN" and t.ent_i < 0:
            first, text = untagged_name(ps, t)
            names.append(Entity(text, "PERSON", ps.tokens[first].start, 0, first, t.i + 1))
        elif t.dep == "appos" and t.ent_i >= 0 and ps.tokens[t.head].lemma in _TITLE_WORDS:
            # "The region's environment minister, Karin Lodahl,": a title's holder the tagger
            # took for an organisation
            e = ps.entities[t.ent_i]
            words = e.text.split()
            if e.label == "ORG" and 2 <= len(words) <= 3 and not ORG_LIKE.search(e.text):
                names.append(Entity(e.text, "PERSON", e.start, e.end, e.first, e.last))
    for e in ps.entities:
        # "Lucía Ferreira-Nkosi, spokesperson for the Government", the name tagged a place:
        # a name a title is apposed to is a person's
        last = ps.tokens[e.last - 1]
        if (
            e.label in ("FAC", "LOC", "WORK_OF_ART", "PRODUCT")
            and 2 <= len(e.text.split()) <= 3
            and all(w[:1].isupper() for w in e.text.split())
            and any(
                c.dep == "appos" and c.lemma in _TITLE_WORDS and c.pos == "NOUN"
                for c in ps.children(last.i)
            )
        ):
            names.append(Entity(e.text, "PERSON", e.start, e.end, e.first, e.last))
    for e in names:
        if len(e.text.split()) < 2 or e.text in parties.people:
            continue
        if _a_brand(ps, e):
            continue  # "UAW John Deere members": the company's name, no person
        if _vocative(ps, e):
            continue  # "Q: Ms Rettig, the doctors' association says ...": she is addressed
        head = ps.tokens[e.last - 1]
        if _town_and_state(ps, head):
            continue  # "at Red Bull's base in Milton Keynes, United Kingdom": a town
        near: list[Token] = []
        # words before the name in the same noun phrase (titles, adjectives, possessives)
        for t in ps.tokens[max(0, e.first - 7) : e.first]:
            # the word's own head only: up to three heads (titles two levels from the name)
            # cost 0.9 points of invented dev precision and 0.7 of news held-out recall
            anc = ps.ancestors(t.i)[:1]
            if t.head in range(e.first, e.last) or any(a in range(e.first, e.last) for a in anc):
                near.append(t)
        # appositions either way: "X, chief executive of Y" / "Y's chief executive, X"
        for t in ps.tokens:
            if t.dep == "appos" and (t.head == head.i or head.head == t.i and head.dep == "appos"):
                near.extend(_describing_words(ps, t))
        party = _counterpart_of(ps, min([t.i for t in near] + [e.first]), parties)
        titled = ps.children(head.head) if head.dep == "appos" else []
        opposing = any(t.lemma == "opposition" for t in [*near, *titled])
        if head.dep == "appos" and ps.tokens[head.head].lemma.lower() in _KIN:
            continue  # "Croft's broadcast partner, Martin Brundle": not Croft's to speak for
        if head.dep == "appos":
            for c in ps.children(head.head):
                if c.dep == "poss" and c.ent_i >= 0 and c.ent_i != head.ent_i:
                    owner = ps.entities[c.ent_i]  # "Madrid's Mayor, X": the city, not Spain
                    party = city_of(ps, owner, parties) or parties.canonical(owner.text, "ORG")
                elif c.dep == "poss" and c.pos == "PROPN" and c.text.lower() not in _POSSESSIVES:
                    party = parties.canonical(c.text, "ORG")
                elif (
                    c.dep == "amod"
                    and c.ent == "NORP"
                    and ps.tokens[head.head].lemma in _COUNTERPARTS
                ):
                    # "my Dunavelian counterpart, Foreign Minister Sabine Oderk": Dunavel's,
                    # not the one foreign ministry the text names (the speaker's own)
                    land = country_of(c.text, parties.text)
                    party = parties.canonical(land or c.text, "GPE")
                elif c.dep == "poss" and c.pos == "NOUN" and c.lemma in _GENERIC | _PLACE_NOUNS:
                    # "the agency's head of operations, X"; "The region's environment
                    # minister, Karin Lodahl": the Regional Government the text names; "the
                    # Marovian government's spokesman": Marovia's, not another state's
                    state = [
                        ps.entities[g.ent_i]
                        for g in ps.children(c.i)
                        if g.ent in ("NORP", "GPE") and g.ent_i >= 0
                    ]
                    named = state and (country_of(state[0].text, parties.text) or state[0].text)
                    party = parties.canonical(named, "GPE") if named else parties.named_by(c.lemma)
        for t in [] if party else near:
            if t.ent_i >= 0 and (
                is_portfolio(ps, ps.entities[t.ent_i]) or located(ps, ps.entities[t.ent_i])
            ):
                continue
            if t.ent in ("ORG", "GPE", "NORP") and t.ent_i >= 0 and t.ent_i != head.ent_i:
                ent = ps.entities[t.ent_i]
                if ent.text.lower() in _LEVELS:
                    continue  # "State Sen. Zellnor Myrie": the level he sits at
                party = city_of(ps, ent, parties) or parties.canonical(ent.text, ent.label)
                if party and not parties.without_office(party):
                    party = ""  # "Horak, Operations Director of Tervana ...": the title the
                    continue  # tagger took for a body; the body is named after it
                break
        for t in [] if party else near:  # "X, the agency's head of operations": the agency
            if t.dep == "poss" and t.pos == "NOUN" and t.lemma in _GENERIC | _PLACE_NOUNS:
                # not the last company for "the alliance's"; "the region's environment
                # minister": the Regional Government the text names
                party = parties.named_by(t.lemma)
                break
            if (
                t.dep == "compound"
                and t.lemma in _ORG_KINDS
                and ps.tokens[t.head].lemma in _TITLE_WORDS
                and any(c.lemma == "the" for c in ps.children(t.head))
            ):
                # "Tim Canoll, the union president": the union the text named
                party = parties.named_by(t.lemma) or parties.by_generic(t.lemma)
                break
        titles = {t.lemma.lower() for t in near}
        if titles & {"former", "ex"}:
            continue  # "Another former Tory leader, William Hague": he speaks for himself now
        # "Deputy Transport Minister Rosa Kettil": the portfolio modifies the title
        portfolio = {c.lemma.lower() for t in near for c in ps.children(t.i) if c.dep == "compound"}
        if not party:
            # "Deputy Transport Minister Rosa Kettil" where the story names its "Ministry of
            # Transport" in another sentence: that ministry, before the state it serves
            party = ministry_of(titles | portfolio, parties) or state_of_office(titles, parties)
        if (
            not party
            and titles & _MINISTERIAL
            and not any(_GOVERNING.search(x.text) for x in ps.entities if x.label == "ORG")
        ):
            # "Transport Minister Dagny Ruud", in a story of one state that names no ministry
            # ("Sports Minister Ilona Veck offered talks at the Ministry of Sport": the ministry)
            party = only_state(parties, at)
        if not party and head.dep == "nsubj":
            party = _on_behalf_of(ps, ps.tokens[head.head], parties)
        if opposing and not PARTY_NAME.search(party):
            continue  # an opposition leader speaks against the state, not for it
        if party:
            parties.link(e.text, party, replace=True)


# what one person is to another, never the party they speak for: "Croft's broadcast partner,
# Martin Brundle", "Biden's wife, Jill"
_KIN = {"partner", "wife", "husband", "spouse", "son", "daughter", "brother", "sister", "mother",
        "father", "friend", "colleague", "teammate", "co-host", "girlfriend", "boyfriend",
        "fiancé", "fiancée", "widow", "widower", "cousin", "nephew", "niece", "uncle", "aunt",
        "grandson", "granddaughter", "grandfather", "grandmother", "child", "sibling"}  # fmt: skip
# what a person is to a party without speaking for it: "Mark Warner, a vocal critic of TikTok"
NOT_OF = {"critic", "opponent", "supporter", "fan", "foe", "detractor", "skeptic", "sceptic",
           "admirer", "customer", "client", "victim", "survivor", "target", "rival", "ally"}  # fmt: skip


def _describing_words(ps: ParsedSentence, t: Token) -> list[Token]:
    """The words of an apposition that can name whom its person speaks for: not a clause on
    them ("Ariela Lara, an organizer who traveled from Bay City") nor what they oppose or use
    ("a vocal critic of TikTok").
    """
    out = []
    skip: set[int] = set()
    for u in ps.subtree(t.i):
        if u.i in skip:
            continue
        if u.dep in ("relcl", "acl", "advcl") or (
            u.dep == "prep" and ps.tokens[u.head].lemma.lower() in NOT_OF
        ):
            skip.update(v.i for v in ps.subtree(u.i))
            continue
        out.append(u)
    return out


# a title that says whose side a person is on by the people it names ("my Dunavelian
# counterpart", "the Ostrelian envoy")
_COUNTERPARTS = {"counterpart", "envoy", "ambassador", "negotiator", "delegate", "opposite"}


def _counterpart_of(ps: ParsedSentence, first: int, parties: Parties) -> str:
    """The state of "my Dunavelian counterpart, Foreign Minister Sabine Oderk" (the name after
    the comma, which the parser may attach anywhere): the people the title names.
    """
    for _ in range(3):  # "Foreign Minister": title words the parser hung elsewhere
        if first > 2 and ps.tokens[first - 1].text[:1].isupper():
            first -= 1
    if first < 2 or ps.tokens[first - 1].text != ",":
        return ""
    title = ps.tokens[first - 2]
    if title.lemma not in _COUNTERPARTS:
        return ""
    for c in ps.children(title.i):
        if c.dep == "amod" and c.ent == "NORP":
            return parties.canonical(country_of(c.text, parties.text) or c.text, "GPE")
    return ""


def _on_behalf_of(ps: ParsedSentence, verb: Token, parties: Parties) -> str:
    """'Councillor Ruth Hale addressed the Board on behalf of Wyncote Town Council': the
    party a person speaks for, by what the sentence says they did for it.
    """
    for c in ps.children(verb.i):
        for behalf in ps.children(c.i) if c.dep == "prep" and c.lemma == "on" else []:
            if behalf.lemma != "behalf":
                continue
            for of in ps.children(behalf.i):
                for o in ps.children(of.i) if of.lemma == "of" else []:
                    if o.ent_i >= 0 and ps.entities[o.ent_i].label in ("ORG", "GPE", "NORP"):
                        ent = ps.entities[o.ent_i]
                        return parties.canonical(ent.text, ent.label)
    return ""


# a city's own offices: "Madrid's mayor", "the Kyiv city council", "Paris police"
_MUNICIPAL = {
    "mayor", "city", "council", "councillor", "councilor", "police", "municipality", "metro",
    "residents", "hall", "authorities", "emergency", "fire", "governor", "county",
}  # fmt: skip


_MAYOR = re.compile(r"\b[Mm]ayor\b")
_CITY_TITLE = re.compile(r"\b(?:[Mm]ayor|[Cc]ity|[Cc]ouncil(?:lor|or)?|[Pp]olice|[Gg]overnor)\b")


def _is_capital(name: str, parties: Parties) -> bool:
    """Whether the registry reads `name` as a state it is not the name of: a capital standing
    for its state ("Madrid" -> Spain), not the state's own name ("Spain's mayors": Spain).
    """
    pid = parties.registry.find_party(name)
    return pid is not None and parties.registry.name(pid) != name


def city_of(ps: ParsedSentence, e: Entity, parties: Parties, office: Token | None = None) -> str:
    """The city itself, as a party, when a place the registry reads as its state's capital
    ("Madrid" -> Spain) names the city's own office ("Madrid's Mayor Jose Luis Martinez-Almeida
    urged ...": Madrid, not Spain), or is what `office` is of ("the mayor of Madrid"). ''
    otherwise.
    """
    if e.label != "GPE" or not _is_capital(e.text, parties):
        return ""
    after = [t for t in ps.tokens[e.last : e.last + 2] if t.text not in ("'s", "’s")]
    if office is not None:
        after = [office]
    if after and after[0].lemma.lower() in _MUNICIPAL:
        parties.seen(e.text, "GPE")
        return e.text
    return ""


_GOVERNING = re.compile(r"\b(?:Ministry|Department|Government|Office)\b")
# titles held in a state's government (not "ambassador": an envoy serves abroad)
_MINISTERIAL = {"minister", "premier", "chancellor"}


# a state's government or one of its ministries: "Government of Marenia", "Ministry of Foreign
# Affairs of the Republic of Kaldera"
_GOVERNMENT_OF = re.compile(
    r"^(?:Government|(?:Ministry|Department|Office) (?:of|for) [A-Z][\w ]+?) of (?:the )?"
    r"(?:(?:Republic|Kingdom|Federated States|Principality|State|Commonwealth) of (?:the )?)?"
    r"(?P<state>[A-Z].+)$"
)


def only_state(parties: Parties, before: int) -> str:
    """The one state the text has named so far ('' when none or several): a minister the text
    gives no country serves that state's government. A state counts by its name or by its
    government ("the government of Marenia"), and only once the text has named it before
    `before` (where the sentence starts): "Interior Minister Dagny Rauth", in a story whose lede
    names only Marenia, is Marenia's even if a neighbour is named further down.
    """
    states: dict[str, str] = {}  # state's name -> the party that speaks for it
    for p, kind in parties.kinds.items():
        if kind == "GPE" and is_state(p, parties):
            states.setdefault(p, p)
        elif kind == "ORG" and (m := _GOVERNMENT_OF.match(p)):
            states[m.group("state")] = p
    # named before the sentence, or only in the header (the publisher's own name)
    head = parties.text[:before]
    states = {
        s: p
        for s, p in states.items()
        if re.search(rf"\b{re.escape(s)}\b", head) or p not in parties.text
    }
    return next(iter(states.values())) if len(states) == 1 else ""


# "Tavrossa's government", "the government of Tavrossa", "the Tavrossan government": a state the
# text gives a government, whether or not the tagger took its name for a place
_GIVEN_GOVERNMENT = re.compile(
    r"\b(?P<own>[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?)['’]s (?:government|cabinet|prime minister|"
    r"president|army)\b|\b(?:[Gg]overnment|[Cc]abinet) of (?:the )?(?:Republic of )?"
    r"(?P<of>[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?)\b|\b(?P<adj>[A-Z][a-z]{3,}(?:an|ese|ish|i)) "
    r"government\b"
)


# a wire story's dateline with its country: "CARACAS, Venezuela (AP) —", "KYIV, Ukraine (Reuters) -"
_WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]+,[ \t]+(?P<country>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+)?)"
    r"[ \t]+\((?:AP|Reuters|AFP|dpa|UPI|Xinhua|Bloomberg)\)",
    re.M,
)


@_per_text
def governed_state(text: str) -> str:
    """The one state a text gives a government ('' when none or several): whom a minister or
    "a government spokeswoman" the text links to no state speaks for. A wire story's "Interior
    Minister Halvard Renz", where the lede says "Tavrossa's government" and the tagger took
    Tavrossa for no place, is Tavrossa's, not the rebels' that the story named last.
    """
    names = set()
    for m in _GIVEN_GOVERNMENT.finditer(text):
        name = m["own"] or m["of"]
        if not name:  # "the Tavrossan government": the place the text names by that stem
            adj = m["adj"]
            places = {
                w
                for w in re.findall(r"\b[A-Z][a-z]{3,}\b", text)
                if w != adj and adj.startswith(w.rstrip("aeiou")) and not w.endswith(adj[-2:])
            }
            name = places.pop() if len(places) == 1 else ""
        if name and name.split()[0].lower() not in _NOT_STATES:
            names.add(name)
    return names.pop() if len(names) == 1 else ""


# capitalised words before "'s government" that name no state ("Monday's government statement")
_NOT_STATES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "this",
    "next", "today", "yesterday", "national", "federal", "regional", "provincial", "local",
    "interim", "transitional", "current", "previous", "former", "new", "military", "coalition",
    "city", "state",
}  # fmt: skip


@_per_text
def _has_people(name: str, text: str) -> bool:
    """Whether the text names a people after this one-word place ("Pellandia": "Pellandian")."""
    if " " in name or not name[:1].isupper() or len(name) < 4:
        return False
    stem = re.escape(name.rstrip("aeiou"))
    return re.search(rf"\b{stem}(?:an|ian|ese|i|ish)s?\b", text) is not None


def is_state(name: str, parties: Parties) -> bool:
    """Whether a place the text names is a state, not a town: the registry knows it as one, or
    the text gives it a people ("Pellandia" and "Pellandian") or a government ("the government
    of Qeltara", "Qeltara's army").
    """
    pid = parties.registry.find_party(name)
    if pid is not None and parties.registry.name(pid) == name:
        return True
    return _governed(name, parties.text)


@_per_text
def _governed(name: str, text: str) -> bool:
    """Whether the text gives a place a people ("Pellandia": "Pellandians") or a government
    ("the provincial government of Alta Varenna", "Qeltara's army"): a state or a province.
    """
    if not name[:1].isupper() or name.lower().startswith(("government", "the ")):
        return False
    if _has_people(name, text):
        return True
    if f" of {name}" not in text and f"{name}'s " not in text and f"{name}’s " not in text:
        return False  # the literal words the search below needs
    return bool(
        re.search(
            rf"\b(?:government|president|parliament|army|people) of {re.escape(name)}\b|"
            rf"\b{re.escape(name)}['’]s (?:government|president|parliament|army|cabinet)\b",
            text,
        )
    )


def ministry_of(titles: set[str], parties: Parties) -> str:
    """The ministry the text names for a minister's portfolio ("Sports Minister" -> "Ministry
    of Sport"), when it names exactly one; '' otherwise.
    """
    if "minister" not in titles:
        return ""
    found = {
        m.group(0)
        for word in titles - {"minister"}
        if len(word) > 3
        for m in re.finditer(
            rf"\bMinistry of (?:the )?{re.escape(word[:5].capitalize())}[\w ]*?\b(?=[,.;:)]| (?!of|and|for)[a-z])",
            parties.text,
        )
    }
    return parties.canonical(found.pop(), "ORG") if len(found) == 1 else ""


def state_of_office(titles: set[str], parties: Parties) -> str:
    """The state a title names by itself: "Secretary of State" (not "Secretary of State for
    Health", nor "Georgia Secretary of State", whose state is named) is the United States'
    foreign minister. `titles`: the lower-case words of the title. '' for any other title.
    """
    if {"secretary", "of", "state"} <= titles and "for" not in titles:
        us = parties.registry.find_party("United States")
        if us:
            return parties.canonical(parties.registry.name(us), "GPE")
    return ""


_DEPARTMENT_HEADS = {"head", "director", "manager", "officer", "chief"}


def is_portfolio(ps: ParsedSentence, e: Entity) -> bool:
    """An ORG that is a ministry's portfolio before a title ("Interior Minister ...") or after
    one ("Secretary of State Antony Blinken"), or a professor's field ("professor of Marine
    Biology at James Cook University": the university is hers).
    """
    if e.label != "ORG":
        return False
    words = e.text.split()
    words = words[1:] if words[0].lower() == "the" else words
    if len(words) >= 3 and words[1] == "of" and words[0].lower() in _DEPARTMENT_HEADS:
        words = words[2:]  # "the Head of Property" tagged whole: a council officer's title
    elif not (e.first >= 2 and ps.tokens[e.first - 1].text == "of"):
        words = []
    elif ps.tokens[e.first - 2].lemma.lower() not in _DEPARTMENT_HEADS:
        words = []
    if words and is_portfolio_name(" ".join(words)):
        return True  # "Director of Planning": a department, whose body the text names elsewhere
    nxt = ps.tokens[e.last] if e.last < len(ps.tokens) else None
    if e.first >= 2 and ps.tokens[e.first - 1].text == "of":
        title = ps.tokens[e.first - 2].lemma.lower()
        if title in _FIELD_TITLES or (
            title in _OFFICE_TITLES and all(w.lower() in _OFFICES for w in e.text.split())
        ):
            return True
    return (nxt is not None and nxt.lemma.lower() in _MINISTERS) or all(
        w.lower() in _PORTFOLIOS for w in e.text.split()
    )  # not "A Havborg spokeswoman", "a Kessler official": the company's


# the titles a portfolio comes before ("Interior Minister", "Home Secretary")
_MINISTERS = {"minister", "secretary", "commissioner", "undersecretary", "ministers"}


def surname_of(person: str) -> str:
    return person.split()[-1] if person.split() else person
