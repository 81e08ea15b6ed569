"""Who wants what, read from the parse: stance statements with their holder, target and voice.

A statement's holder is the grammatical subject of its stance predicate, or the speaker of the
quote it stands in; never a party merely mentioned ("Sherman rejected Russia's demands" is the
United States rejecting). Parties are found in the text (named entities, grouped by name, with
the shipped registry as seed aliases), people are linked to their party through titles and
appositions, first-person text belongs to its speaker or its publisher, and he/she/they resolve
to the last compatible speaker or party.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Literal, NamedTuple

from assistant.condemnation import CUE as _CONDEMN_CUE
from assistant.holder_names import one_name_each
from assistant.news_names import news_links, opposition_people
from assistant.parties import Registry
from assistant.quote_spans import QuoteRun, quote_members, quote_runs, sentence_quotes
from assistant.representatives import bare_chiefs, kind_titles, represented
from assistant.stance_holders import (
    ReadingState,
    co_publishers,
    issuer_kind,
    joint_holders,
    letter_signer,
    letter_turns,
    listed_issuers,
    named_jointly,
    quoted_from_start,
    quoted_spans,
    remember,
    reporting_speaker,
    signature_links,
    signed_bodies,
    summit_members,
)
from assistant.stance_layout import (
    ANSWER_LABELS,
    NOTE,
    byline,
    floor_member,
    furniture_end,
    headed_sections,
    headline_at,
    interviewee_of,
    label_end,
    office_label,
    person_from_label,
    programme_guests,
    programme_hosts,
    questioner,
    salutations,
    speaker_turns,
    turn_at,
)
from assistant.stance_model import Cues, HolderCue, StanceModel, features, holder_features, shipped
from assistant.stance_parties import (
    GOVERNMENT_NAME,
    PARTY_NAME,
    Parties,
    businesses_by_kind,
    companies_by_form,
    learn_people,
    main_company,
    organisations,
    people_by_title,
    plain_case,
    surname_of,
)
from assistant.stance_statements import (
    Found,
    as_kept,
    continuations,
    dedupe,
    fallback_holder,
    holder_candidates,
    introduces_quote,
    statements,
)
from assistant.stance_triggers import continues_quote, trigger
from assistant.stance_words import (
    _CONTRACTED_NOT,
    _CORP,
    _CUE,
    _DOMAIN,
    _LEANS,
    _NOT_SPEAKER_ROLES,
    _NOT_SPEAKERS,
    _ORDINALS,
    _ORG_NAME,
    _SAID_BY_PRONOUN,
    _VOICED,
    _WEAK_CUE,
    _outlet,
)
from assistant.voices import Turn, Voice, author, one_person, read_voices, with_headings
from index.cleaning import body_name, is_top_matter
from index.language import ParsedSentence, Parser


@functools.lru_cache(maxsize=4096)
def candidate(sentence: str, official: bool = True) -> bool:
    """Whether a sentence may state a position: a stance word, or a modal or negated form in
    someone's voice (always, in a party's own text). Remembered: the reader asks again of the
    sentences it parses, and the cue's long case-blind alternation is slow to run.
    """
    if _CUE.search(sentence) or (_CONDEMN_CUE.search(sentence) and _VOICED.search(sentence)):
        return True
    if _LISTED_ITEM.match(sentence):
        return True  # "Second, give capital approval for the unit.": a request in a list
    if official and _CONTRACTED_NOT.search(sentence):
        return True  # "We don't accept that the storm plan failed."
    return bool(_WEAK_CUE.search(sentence)) and (official or bool(_VOICED.search(sentence)))


# "First, release the funding ...": an item of a list of requests, an imperative
_LISTED_ITEM = re.compile(
    rf"\s*(?:{'|'.join(sorted((w.capitalize() for w in _ORDINALS), key=lambda w: (-len(w), w)))}),"
    r" [a-z]+ "
)


def _to_parse(
    text: str, spans: Sequence[tuple[int, int]], max_words: int, official: bool = True
) -> list[int]:
    """The sentences worth parsing: those with a stance cue, each with the sentence before it
    when it opens on a pronoun (the antecedent is usually there), within a word budget.
    Parsing costs as much as embedding; this keeps it to about half the text.
    """
    wanted: list[int] = []
    words = 0
    cues = [candidate(text[s:e], official) for s, e in spans]
    for n, (s, e) in enumerate(spans):
        if not (cues[n] or _introduces_speaker(text, spans, cues, n)):
            continue
        lean = n and (
            _LEANS.match(text[s:e])
            or _SAID_BY_PRONOUN.search(text, s, e)
            or _handed_over(text, spans[n - 1], s)
        )
        for k in (n - 1, n) if lean else (n,):
            if k not in wanted[-2:]:
                wanted.append(k)
                words += text.count(" ", spans[k][0], spans[k][1]) + 1
        if words >= max_words:
            break
    return wanted


# a sentence that tells whom a person speaks for, with no stance of its own ("Fenna de Groot,
# chair of the Linden Street Parents' Alliance, presented a petition"; "Councillor Ruth Hale
# addressed the Board on behalf of Wyncote Town Council"): parsed, so that the person's later
# words have a party
_INTRODUCES = re.compile(
    r"(?P<name>[A-Z][\w'’\-]+(?: (?:de|van|von|der|den|da|di|del|la|le|al|bin|ben)){0,2} "
    r"[A-Z][\w'’\-]+), "
    r"(?:the |an? )?"
    r"(?:[a-z\-]+ ){0,2}(?:chair(?:man|woman|person)?|president|leader|secretary|spokes\w+|"
    r"director|head|chief executive|manager|minister|mayor|superintendent|convenor|organi[sz]er|"
    r"founder|co-?ordinator|treasurer|representative|member) (?:of|for|at) (?:the )?[A-Z]|"
    r"\bon behalf of (?:the )?[A-Z]|"
    # "my Dunavelian counterpart, Foreign Minister Sabine Oderk"
    r"\b[A-Z][a-z]+ (?:counterpart|envoy|ambassador|negotiator|delegate), (?:[A-Z][a-z]+ ){0,3}"
    r"(?P<other>[A-Z][\w'’\-]+ [A-Z][\w'’\-]+)"
)


def _introduces_speaker(
    text: str, spans: Sequence[tuple[int, int]], cues: Sequence[bool], n: int
) -> bool:
    """`_INTRODUCES`, for a person a later sentence with a stance cue names again (their
    surname), so that news full of "X, a spokesperson for Y, said" parses no more than it
    needs: the link matters only for what the person says later.
    """
    s, e = spans[n]
    m = _INTRODUCES.search(text, s, e)
    if m is None:
        return False
    if m.group("name") or m.group("other"):
        names = [(m.group("name") or m.group("other")).split()[-1]]
    else:  # "Councillor Omar Reyes addressed the Board on behalf of ...": the names before
        names = [w for w in re.findall(r"\b[A-Z][\w'’\-]{3,}", text[s : m.start()])][1:]
    later = [text[a:b] for (a, b), cue in zip(spans[n + 1 :], cues[n + 1 :], strict=True) if cue]
    return any(name in sentence for name in names for sentence in later)


def _handed_over(text: str, before: tuple[int, int], start: int) -> bool:
    """A quoted passage whose speaker the sentence before names ("Mareva Energy told us:")."""
    return (
        text[start : start + 1] in ('"', "“") and text[before[0] : before[1]].rstrip()[-1:] == ":"
    )


# a list item's marker at the start of its line: "1. ", "- ", "(a) "
_ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*–]|\([a-z0-9]\))[ \t]+(?=\S)")


def listed_items(
    text: str, spans: Sequence[tuple[int, int]], found: Sequence[Found]
) -> list[Found]:
    """The items of a list a statement announces ("We call on the Government to table
    amendments that would achieve the following:" / "1. An independent Electoral Commission
    ..." / "2. ..."): each item is its own statement, held as the announcing one is. Items are
    lines opening on a number or bullet right after it; the list ends at the first line that
    is not one.
    """
    out: list[Found] = []
    for f in found:
        if not text[f.start : f.end].rstrip().endswith(":"):
            continue
        after = [n for n, (s, _) in enumerate(spans) if s >= f.end]
        for n in after:
            s, e = spans[n]
            mark = _ITEM_MARK.match(text, s)
            if not mark or (s and text[s - 1] != "\n"):
                break  # not a line of its own opening on a marker
            if not any(g.holder == f.holder and g.start <= mark.end() < g.end for g in found):
                out.append(replace(f, start=mark.end(), end=s + len(text[s:e].rstrip())))
    return out


def _title_end(text: str, title: str) -> int:
    """Where the title ends when the text opens with it as a line of its own, else 0. A
    headline ("Port Maren Water: Proposed rate increase ...") is read for who publishes, never
    as a statement (no labelled statement of 317 texts is a title line).
    """
    lead, first = _opening_line(text)
    return lead + len(first) if title and first.strip() == title.strip() else 0


def _opening_line(text: str) -> tuple[int, str]:
    """Where the text's first non-blank line starts, and that line."""
    lead = len(text) - len(text.lstrip())
    return lead, text[lead:].split("\n", 1)[0]


_HONORIFIC_SURNAME = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss)\.? (?P<surname>[A-Z][a-z]+(?:[\-'’][A-Z][a-z]+)?)\b"
)


class StanceReader:
    """Reads a document's stance statements. Parses only the sentences with a stance cue and
    the sentence before each (for pronouns and speakers), in one batch.
    """

    def __init__(
        self,
        parser: Parser,
        registry: Registry,
        max_words: int = 20_000,
        model: StanceModel | None | Literal["shipped"] = "shipped",
    ) -> None:
        self.parser = parser
        self.registry = registry
        self.max_words = max_words  # parsing budget per document: bounds a huge upload
        self._model = model  # the learned second opinion; None: the rules alone
        # eval/train_stance.py only: each candidate's span, features and the statement its
        # fallback holder would give (stance "model"), instead of the model's verdict
        self.trace: list[dict[str, object]] | None = None
        # Only the registry's own speakers: a document reads the same whoever was ingested
        # before it, so statements stored at ingest equal those of a later re-read.
        self._people = {k: registry.name(v) for k, v in registry.people.items()}

    def read(
        self, text: str, spans: Sequence[tuple[int, int]], source: str = "", title: str = ""
    ) -> Reading:
        """Statements of one document, the people it links to a party, and who speaks where."""
        parties = Parties(
            self.registry,
            people=dict(self._people),
            text=text,
        )
        publisher = ""
        # "Lowfield Hospitals Trust, Press Office", "NATO (North Atlantic Council); via ...":
        # the organisation is the part before the first comma, bracket or semicolon.
        joint = joint_title(whole_title(title, text)) if not publisher_named(source, "") else ""
        if joint:  # no source line; the title lists the issuers ("Joint statement by A and B")
            source = joint
        source_line = source
        listed = listed_issuers(source)  # "Joint delegation of A, B and C"
        head = (
            listed[0]
            if listed
            else publisher_named(source, title) or _masthead(text) or _letterhead(text)
        )
        turns = speaker_turns(text)
        hosts = programme_hosts(text, turns)  # a broadcast: its source is the broadcaster
        if head and not _outlet(head) and not _DOMAIN.fullmatch(head) and not hosts:
            source = head
            known = [m for m in self.registry.mentions(source) if not m.person]
            publisher = (
                self.registry.name(known[0].party) if known else parties.canonical(source, "ORG")
            )
            parties.seen(publisher, "ORG")
        members = () if publisher else summit_members(title, text, parties)
        if members:  # a summit's joint communique: the states that met issue it together
            publisher = members[0]
        cosigned = members[1:] or (co_publishers(source_line, parties) if publisher else ())
        cosigned = (
            cosigned
            or signed_bodies(text, publisher, parties)
            or named_jointly(title, text, publisher, parties)
            or title_cosigners(title, publisher, parties)
        )
        addressed = _TITLE_TO.search(title)
        to_party = ""
        if (
            publisher
            and addressed
            and (_ORG_NAME.search(addressed["party"]) or _CORP.search(addressed["party"]))
        ):
            # "Letter from the Harrowgate Allotment Society to Delvin County Council": what
            # "the council" means in the letter, though the body never names it in full
            party = parties.canonical(addressed["party"], "ORG")
            if party and party != publisher:
                parties.seen(party, "ORG")
                to_party = party
        recipient = _recipient_body(text, publisher) if publisher and not to_party else ""
        if recipient:  # "Ms Ilse Marchetti-Obuya / Councillor ... / Regional Government of X"
            party = parties.canonical(recipient, "ORG")
            if party and party != publisher:
                parties.seen(party, "ORG")
                to_party = party
        for m in GOVERNMENT_NAME.finditer(text):  # "the government" needs a name, parsed or not
            name = m.group(0)[0].upper() + m.group(0)[1:]  # "the government of Sarnia"
            parties.seen(parties.canonical(name, "ORG"), "ORG")
        organisations(text, parties)  # first: "Guild secretary Omar Fell" needs the full name
        businesses_by_kind(text, parties)  # "their landlord, Brightwell Residential,"
        companies_by_form(text, parties)  # "Corrigan Stone & Aggregates Ltd": "the company"
        partisans: dict[str, str] = {}  # lawmaker (full name and surname) -> full name
        for link in news_links(text):  # "Rep. Dana Holt, R-Colo.", "Iowa Gov. Dale Brandt"
            party = parties.canonical(link.party, link.label)
            if party:
                parties.link(link.person, party)
                parties.seen(party, link.label)
                if link.label == "NORP":
                    partisans[link.person] = partisans[surname_of(link.person)] = link.person
        for lawyer, group in represented(text):  # "X, an attorney for the families": theirs
            party = parties.canonical(group, "ORG")
            if party:
                parties.link(lawyer, party, replace=True)
                parties.seen(party, "ORG")
        chiefs = bare_chiefs(text)  # "CEO Dana Holt": linked once the story's company is seen
        by_kind = []  # "the company's chief, X" before the company is known: read on
        for person, kind, _ in kind_titles(text):  # "the union's president, Ana Ruiz"
            party = parties.by_generic(kind)
            if party and person not in parties.people:
                parties.link(person, party)
            elif not party:
                by_kind.append((person, kind))
        people_by_title(text, parties)
        applicants_agent(text, parties)
        if publisher:  # a readout by "the Office of the President of X": "President Ana Ruiz"
            heads_of_publisher(text, publisher, parties)
            officers_present(text, title, publisher, parties)
            staff_of_publisher(text, publisher, parties)
        if title:  # "Interview: Lara Voss, chief executive of the port authority"
            people_by_title(title, parties)
        signature_links(text, title, parties)  # "Kind regards, / Priya Lendl / ... / Consortium"
        if not turns and not publisher:  # a complaint and the reply enclosed: each its signer's
            turns = [t for t in letter_turns(text) if parties.speaks_for(t[2])]
        for person, pid in self.registry.find_people(text).items():
            parties.link(person, self.registry.name(pid))
        for person in opposition_people(text):  # not the state whose government she opposes
            if not PARTY_NAME.search(parties.people.get(person, "")):
                parties.people.pop(person, None)
        for guest, body in programme_guests(text, turns) if hosts else ():
            party = parties.canonical(body, "ORG")
            if party:  # "Guest: Dana Orvik, Minister for Urban Affairs in the Government of X"
                parties.link(guest, party)
                parties.seen(party, "ORG")
        for k, (_, begins, label) in enumerate(turns):
            if label.upper() in _NOT_SPEAKERS | ANSWER_LABELS:
                continue  # a moderator's or an interview's "A:" turn: no one's name to link
            person, affiliation = person_from_label(label)  # no affiliation without brackets
            if person and affiliation and affiliation != "Government":
                # "Tom Weller (Riverside Greens): Does the minister accept ...?": his party for
                # his later turns ("Tom Weller: We want ..."), though the first one only asks
                parties.link(person, parties.canonical(affiliation, "ORG"))
            ends = turns[k + 1][0] if k + 1 < len(turns) else len(text)
            spoken_for = _SPEAK_FOR.search(text, begins, min(ends, begins + 400))
            if spoken_for and person and not parties.speaks_for(person):
                # "Councillor Marrok: ... I speak for the Ommani Nation Council": hers
                parties.link(person, parties.canonical(spoken_for["party"], "ORG"))
        answers = interviewee_of(text, turns, parties)
        if not answers and any(label.upper() in ANSWER_LABELS for _, _, label in turns):
            # "Governor Ilse Marrow on rates ...": the Bank of Talvenia's governor answers
            titled = _TITLED_PERSON.search(f"{title}\n{text[: turns[0][0]]}")
            body = body_of_title(titled["person"], title, parties) if titled else ""
            if titled and body:
                parties.link(titled["person"], body)
                answers = titled["person"]
        # a transcript's turns, a thread's emails are their speakers' own words, as a party's
        # own text is: "The Highland Alliance will not support any levy" there is a position
        official = bool(publisher or turns)
        wanted = _to_parse(text, spans, self.max_words, official=official)
        runs = quote_runs(text, spans)
        speaker_at, inside = sentence_quotes(text, runs, spans)
        # a quote's closing sentence that names its speaker is read too
        wanted = sorted(set(wanted) | {speaker_at[n] for n in wanted if n in speaker_at})
        # and the sentence after a stance sentence in the same quote: it may continue it
        member = quote_members(runs, spans)
        extra = {
            m
            for n in wanted
            if n in member and candidate(text[spans[n][0] : spans[n][1]], official)
            for m in (n + 1,)
            if member.get(m) == member[n] and m not in wanted
        }
        wanted = sorted(set(wanted) | extra)
        opens = {label_at: text_at for label_at, text_at, _ in turns}
        cut = [
            label_end(text, spans[n], opens) or furniture_end(text[spans[n][0] : spans[n][1]])
            for n in wanted
        ]
        if not wanted:
            return Reading(
                [],
                {},
                self._voices(
                    text, spans, turns, publisher, parties, title, answers, (runs, speaker_at)
                ),
            )
        parsed = self.parser.parse(
            [text[spans[n][0] + k : spans[n][1]] for n, k in zip(wanted, cut, strict=True)]
        )
        state = ReadingState(publisher=publisher)
        # "Mr. Pell", "Ms. Lang": he and she, before any pronoun says so
        state.titled.update(
            (m["surname"], m["title"] == "Mr") for m in _HONORIFIC_SURNAME.finditer(text)
        )
        state.joint = (publisher, *cosigned) if cosigned else ()
        state.partisans = partisans
        state.dear = salutations(text)
        state.to_party = to_party
        state.sections = headed_sections(text, parties, publisher)
        if not publisher:  # an op-ed or a blog post in a newspaper: "By NAME, TITLE of ORG"
            by = byline(text) or ("" if turns else letter_signer(text))
            state.author = parties.speaks_for(by) if by else ""
        # news copy (no publishing party): a titled person no text links to a party holds a
        # position in their own name ("Speaker Mike Johnson", "Mayor Tim Dougherty")
        own_name = not publisher and not turns
        state.news = own_name
        out: list[Found] = []
        asking: dict[int, bool] = {}  # turn start -> a journalist's turn
        by_n = dict(zip(wanted, parsed, strict=True))
        found_at: dict[int, list[Found]] = {}  # sentence -> its statements
        going_on: dict[int, tuple[int, int]] = {}  # sentence -> span, when it may continue
        notes = [t for t in turns if t[2] == NOTE]  # transcribers' notes, bulletins' reporting
        for n, k, sents in zip(wanted, cut, parsed, strict=True):
            s0 = spans[n][0] + k
            if n in member:
                going_on.update(
                    (n, (s0 + ps.offset, s0 + ps.offset + len(ps.text.rstrip())))
                    for ps in sents[:1]
                    if continues_quote(ps)
                )
            if n in extra:
                continue  # read only as a quote's continuation: no statement, no referent
            turn = turn_at(turns, s0, text)
            # after a transcriber's note, the record reports as a news story does
            state.news = own_name or (turn is None and any(t[0] <= s0 + 1 for t in notes))
            state.inside_quote = n in inside
            at = speaker_at.get(n, -1)
            later = by_n.get(at)
            if later and not turns:  # '"We will not sign. ...," Ruiz said.': Ruiz's
                said_in = later[-1]
                quoted = quoted_spans(said_in.text)
                if at in inside and len(later) == 1:
                    quoted = quoted_from_start(said_in.text, quoted)
                said = reporting_speaker(said_in, parties, state, quoted)[0]
                if said[0]:
                    state.last_quote_speaker = said
            for ps in sents:
                start = s0 + ps.offset
                end = start + len(ps.text.rstrip())
                skip = 0
                if turn and turn[0] >= start and turn[1] <= end:
                    skip = turn[1] - start  # the speaker label opens this sentence
                elif turn is None and notes:  # a newsreader's or a note's label, read past
                    noted = [t for t in notes if start <= t[0] and t[1] <= end]
                    skip = noted[0][1] - start if noted else 0
                state.turn_label = turn[2] if turn else ""
                if turn and turn[2].upper() in ANSWER_LABELS:  # an interview's answer
                    state.turn_party = parties.speaks_for(answers) or publisher
                    state.turn_person = answers
                elif turn and turn[2] not in _NOT_SPEAKERS:
                    person, affiliation = person_from_label(turn[2])
                    linked = parties.speaker_for(person) or affiliation
                    if turn[0] not in asking:  # once a turn, not once a sentence
                        asking[turn[0]] = person.upper() in hosts or questioner(
                            text, turn, turns, affiliation, linked, bool(parties.speaks_for(person))
                        )
                    if asking[turn[0]]:
                        state.turn_label = "Q"  # a journalist's turn, named: no statement
                    elif affiliation and person:  # the label's own word beats a guess
                        seat = _SEAT_OF.match(publisher) if affiliation == "Government" else None
                        if seat:  # "The Minister of the Interior (Petra Halvik)" in a record
                            affiliation = f"Government of {seat['state']}"  # of X's assembly
                        party = parties.canonical(affiliation, "ORG")
                        parties.link(person, party, replace=True)
                        if party and not parties.kinds.get(party):
                            # the label names the speaker's party: a party, though the text may
                            # name it nowhere else ("MR. LINDGAARD (Esterholm):")
                            parties.seen(party, "ORG")
                    state.turn_party = parties.speaker_for(person) or (
                        publisher
                        if office_label(turn[2])
                        or not (
                            _NOT_SPEAKER_ROLES & set(turn[2].lower().split())
                            or floor_member(turn[2])
                        )
                        else ""
                    )
                    state.turn_person = person
                    if person and person == affiliation and "(sender, " in turn[2]:
                        # an organisation's own account ("Post by @CrestmartNews"): its "we"
                        state.turn_party = parties.canonical(affiliation, "ORG")
                        parties.seen(state.turn_party, "ORG")
                        state.turn_person = ""
                else:
                    state.turn_party = state.turn_person = ""
                if own_name and headline_at(text, start, end):
                    continue  # another story's headline: no statement, no referent
                for person, kind in by_kind:  # once the text has named a company
                    if person not in parties.people and (
                        person in ps.text or surname_of(person) in ps.text
                    ):  # ("Lodahl told a news conference")
                        parties.link(person, parties.by_generic(kind))
                for person in chiefs:  # "CEO Dana Holt", in a story about one company
                    # else the company the story was just telling of ("Kerenair had offered
                    # ... / Chief executive Renata Oyelaran said ...")
                    company = (
                        ""
                        if person in parties.people
                        else main_company(text, parties)
                        or (
                            (publisher or parties.by_generic("company"))
                            if person in ps.text
                            else ""
                        )
                    )
                    if company:
                        parties.link(person, company)
                learn_people(ps, parties, start)
                state.at = start
                # eval/train_stance.py: the holders of every candidate, before the rules read it
                before = self._traced_holders(ps, parties, state, official)
                cue = candidate(ps.text, official)
                found = statements(ps, parties, state) if cue else []
                if not cue:
                    introduces_quote(ps, parties, state)
                if cue and (self.trace is not None or self.model is not None):
                    found = self._second_opinion(ps, found, parties, state, start, end, before)
                for kept in found:
                    f = as_kept(kept, parties, state)
                    if f is None:
                        continue  # a person no text links to a party: whose position is unknown
                    out.append(replace(f, start=start + max(skip, f.start), end=start + f.end))
                    found_at.setdefault(n, []).append(out[-1])
                    # a joint statement's "we" is every signatory's
                    out.extend(
                        replace(out[-1], holder=o) for o in joint_holders(ps, f.holder, state)
                    )
                remember(ps, parties, state)
        # continuations first: in a trace, a holder the model could choose yields to them
        out = sorted(continuations(found_at, going_on, member) + out, key=lambda f: f.start)
        heading = _title_end(text, title)
        out = [f for f in out if f.start >= heading]  # a headline states no one's position
        out = sorted(out + listed_items(text, spans, out), key=lambda f: f.start)
        out = one_name_each(out, text, lambda name: bool(self.registry.find_party(name)))
        # "Qeltara's interior minister" read before the text said "the government of Qeltara"
        out = [replace(f, holder=parties.state_named(f.holder)) for f in out]
        learned = {k: v for k, v in parties.people.items() if k not in self._people}
        voices = self._voices(
            text, spans, turns, publisher, parties, title, answers, (runs, speaker_at)
        )
        return Reading(dedupe(out), learned, voices)

    @property
    def model(self) -> StanceModel | None:
        """The learned second opinion, read from its shipped weights on first use."""
        if self._model == "shipped":
            self._model = shipped()
        return self._model

    def _second_opinion(
        self,
        ps: ParsedSentence,
        found: list[Found],
        parties: Parties,
        state: ReadingState,
        start: int,
        end: int,
        before: list[HolderCue] | None = None,
    ) -> list[Found]:
        """The rules' statements for a candidate sentence, vetoed or added to by the model:
        dropped when it is confident the sentence states no position, and, when the rules found
        none, one with the model's stance for the holder its holder model chooses among those
        the reader can name (`holder_candidates`), when the adder is confident of that pair.
        A model without a holder model adds for the reader's one guess (`fallback_holder`).
        """
        model = self.model
        tracing = self.trace is not None
        if not tracing and (model is None or (found and model.veto > 1.0)):
            return found  # nothing the model could change: no work
        stance_words = [(t, stance) for t in ps.tokens if (stance := trigger(ps, t)) is not None]
        # also for a veto: how a holder would be named is one of the features
        holder = fallback_holder(ps, parties, state, [t for t, _ in stance_words])
        learned = tracing or (model is not None and model.holder is not None)
        guess = (
            as_kept(Found(0, 0, holder[0], "", holder[2], holder[1]), parties, state)
            if holder[0]
            else None
        )
        candidates = (
            [
                replace(h, fallback=guess is not None and h.party == guess.holder)
                for h in holder_candidates(ps, parties, state, [t for t, _ in stance_words])
            ]
            if learned and not found
            else []
        )
        if not found and not holder[0] and not candidates and not tracing:
            return []  # never a statement without a holder
        cues = Cues(
            triggers=tuple((t.lemma, stance, t.dep) for t, stance in stance_words),
            inside_quote=state.inside_quote,
            turn="question" if state.turn_label == "Q" else "speaker" if state.turn_label else "",
            official=bool(state.publisher),
            news=state.news,
            holder=holder[3],
            lede=start < 400,  # the first sentence or two: the story's news
        )
        feats = features(ps, cues)
        pairs = [holder_features(ps, h, len(candidates), cues) for h in candidates]
        whole = len(ps.text.rstrip())
        if self.trace is not None:
            # eval/train_stance.py: a statement per holder the model could choose, each marked with
            # its sentence and candidate (`traced`), so the reader's own checks on a holder apply
            j = len(self.trace)
            self.trace.append(
                {
                    "start": start,
                    "end": end,
                    "features": feats,
                    "holder": holder,
                    "candidates": [
                        {"holder": h.party, "features": f}
                        for h, f in zip(candidates, pairs, strict=True)
                    ],
                }
            )
            if found and before:  # the rules' sentence: its holders teach which one holds
                self.trace[-1]["ruled"] = [
                    {"holder": h.party, "features": holder_features(ps, h, len(before), cues)}
                    for h in (
                        replace(h, fallback=guess is not None and h.party == guess.holder)
                        for h in before
                    )
                ]
            return found or [
                Found(0, whole, h.party, "model", h.voice, h.person, traced=(j, k))
                for k, h in enumerate(candidates)
            ]
        assert model is not None
        if found:
            return [] if model.verdict(feats)[2] >= model.veto else found
        if model.holder is not None:
            k, p = model.best_holder(feats, pairs)
            if k < 0 or p < model.add:
                return []
            h = candidates[k]
            return [Found(0, whole, h.party, model.verdict(feats)[0], h.voice, h.person)]
        if not holder[0]:
            return []
        stance, p = model.addition(feats)
        added = Found(0, whole, holder[0], stance, holder[2], holder[1])
        return [added] if p >= model.add else []

    def _traced_holders(
        self, ps: ParsedSentence, parties: Parties, state: ReadingState, official: bool
    ) -> list[HolderCue] | None:
        """When tracing, the holders the model could choose in a candidate sentence, as they
        stand before the rules read it (their statements move the document's state on).
        """
        if self.trace is None or not candidate(ps.text, official):
            return None
        stance_words = [t for t in ps.tokens if trigger(ps, t) is not None]
        return holder_candidates(ps, parties, state, stance_words)

    def _voices(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        turns: list[tuple[int, int, str]],
        publisher: str,
        parties: Parties,
        title: str = "",
        interviewee: str = "",
        quotes: tuple[Sequence[QuoteRun], Mapping[int, int]] | None = None,
    ) -> list[Voice]:
        """Who speaks where, with the people this reading linked to their parties; `quotes`:
        the quote runs and their speakers' sentences `read` found already.
        """
        resolved = []
        for start, _, label in turns:
            if label.upper() in ANSWER_LABELS:
                party = parties.speaks_for(interviewee) or publisher
                resolved.append(Turn(start, interviewee, party, False))
                continue
            if label in _NOT_SPEAKERS or label.split()[0] in _NOT_SPEAKERS:
                resolved.append(Turn(start, "", "", True))
                continue
            if label == NOTE:  # a transcriber's note: reporting, as a news story's is
                resolved.append(Turn(start, "", "", False, narration=True))
                continue
            person, affiliation = person_from_label(label)
            party = parties.speaker_for(person) or (
                parties.canonical(affiliation, "ORG") if affiliation else ""
            )
            if not party and (
                office_label(label) or not _NOT_SPEAKER_ROLES & set(label.lower().split())
            ):
                party = publisher
            resolved.append(Turn(start, person, party, False))

        def party_named(name: str) -> str:
            key = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).lower()
            pid = self.registry.find_party(name)
            if pid and not self.registry.people.get(name):
                return self.registry.name(pid)
            return parties.names.get(key, "") if not parties.speaks_for(name) else ""

        by = author(title) if publisher else ""
        runs, speaker_at = quotes if quotes is not None else (None, None)
        return read_voices(
            text,
            spans,
            with_headings(text, resolved),
            publisher,
            parties.speaks_for,
            party_named,
            by,
            runs=runs,
            speaker_at=speaker_at,
            a_person=lambda party: (
                not self.registry.find_party(party) and one_person(party, parties.kinds.get(party))
            ),
            the_body=lambda noun, at: parties.body_before(noun, at, text),
        )


# what kind of text it is, written where its source should be ("source: statement")
_GENRES = re.compile(
    r"(?:joint |official |open |written |press |news |media )?(?:statement|release|letter|"
    r"transcript|interview|news|news story|article|wire|social(?: media)?|posts?|debate|"
    r"hearing|minutes|email|emails|blog|op-ed|speech|communiqu[eé]|faq|readout|notice)|"
    # "correspondence released by the union": who made it public, not who wrote each message
    r"(?:correspondence|emails?|letters|documents|exchange)s? (?:released|published|provided|"
    r"obtained|seen) by .*|"
    # "Posts from public accounts on the Chirp platform": many accounts, no one publisher
    r"(?:posts|tweets|messages|comments|updates|replies) (?:from|by|on) .*",
    re.I,
)
_RECORDS = r"(?:official report|verbatim record|record|transcript|minutes|hansard)s?"
# "Official Report of the Committee on Digital Affairs": the committee's own record; "Press
# Service of the Office of the President of X": that office's, no news outlet's
_RECORD_OF = re.compile(
    # "transcript published by the press office of the X Federation": X's record
    rf"^(?:(?:the )?{_RECORDS} (?:published|issued|released|distributed) by )?"
    rf"(?:the )?(?:{_RECORDS}|"
    r"(?:press|information|media|communications?) (?:service|office|department|centre|center|"
    r"bureau|unit|secretary)) (?:of|from) (?:the )?(?=[A-Z])",
    re.I,
)
# a title and the one kind of body in the text that title heads
_TITLE_BODIES = {
    "governor": "Bank",
    "mayor": "City",
    "rector": "University",
    "vice-chancellor": "University",
}


_TITLED_PERSON = re.compile(
    r"\b(?:Governor|Mayor|Rector|Vice-Chancellor) (?P<person>[A-Z][a-z'’\-]+ [A-Z][a-z'’\-]+)"
)


def body_of_title(person: str, text: str, parties: Parties) -> str:
    """The body a person's bare title makes them speak for ("Governor Ilse Marrow", in a text
    naming one bank: the Bank of Talvenia), when the text names exactly one body of that kind.
    """
    m = re.search(rf"\b([A-Z][\w\-]+) {re.escape(person)}\b", text)
    kind = _TITLE_BODIES.get(m.group(1).lower(), "") if m else ""
    bodies = {p for p in parties.kinds if kind and kind in p.split()}
    return bodies.pop() if len(bodies) == 1 else ""


# a state's legislature, whose record names the state's government "the Government"
_SEAT_OF = re.compile(
    r"(?:the )?(?:National |Legislative |Federal |State |Regional )?(?:Assembly|Parliament|"
    r"Senate|Congress|Chamber of Deputies|House of Representatives|House of Assembly|Diet|"
    r"Council) of "
    r"(?:the )?(?P<state>[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})$"
)
# "Statement from the Caradon Transit Authority on ...", "Letter from X to the Minister"
# the keywords in any case; the name in capitals ("Letter to Quayside Homes about the lifts":
# Quayside Homes, not "Quayside Homes about the lifts")
_TITLE_TO = re.compile(
    r"\b(?i:letter|reply|response|submission|message)s?\b.*?\b(?i:to) (?:the )?"
    r"(?P<party>[A-Z][\w'’&.\-]*(?: (?:of |and |for |the )*[A-Z][\w'’&.\-]*){0,6})"
)
_TITLE_FROM = re.compile(
    r"^(?:joint |open |press |official )?(?:statement|release|letter|message|reply|response|"
    r"submission)s? (?:from|by|of) (?:the )?(?=[A-Z])(.+?)(?: (?:to|on|about|regarding|concerning|in "
    r"response to|after|over)\b.*)?$",
    re.I,
)


# "Body: <a kind of text it publishes itself> ...": its name, then what the page is
_TITLE_OWN = re.compile(
    # ("Cradlemere District Council - Press release": a dash or a bar instead of the colon)
    r"^(?P<body>[A-Z][\w'’&.\-]*(?: (?:of |and |for |the )?[A-Z][\w'’&.\-]*){0,5})(?::| [-–—|]) "
    r"(?P<rest>.*\b(?:press briefing|news briefing|briefing|frequently asked questions|FAQs?|Q&A|"
    r"annual report|annual review|shareholder letter|letter to shareholders|newsletter|"
    r"questions and answers|statement|press release|news release|media release|update|"
    r"response|announcement|notice|open letter|transcript|minutes|proceedings)\b.*)$",
    re.I,
)
_TEXT_OF = re.compile(
    r"\b(?:full )?text of (?:the )?(?P<body>[A-Z][\w'’&.\-]*(?: (?:of |and |for |the )?"
    r"[A-Z][\w'’&.\-]*){0,6}?)(?:['’]s?)? (?:press conference|news conference|statement|"
    r"speech|address|briefing|letter)\b",
    re.I,
)
# "Members' newsletter of the Amalgamated Union of Depot and Cold-Store Workers (AUDCW)"
_ORGAN_OF = re.compile(
    r"\b(?:newsletter|bulletin|magazine|journal) of (?:the )?(?P<body>[A-Z][\w'’&.\-]*"
    r"(?: (?:of |and |for |the )?[A-Z][\w'’&.\-]*){0,7})(?= \(|\s*$|[,.;])",
    re.I,
)
# "... statement by the minister", "... response from residents": not the named body's own
# (but "Annual Report 2024 Letter from the Chief Executive": the body's own officer, unnamed)
_OWN_OFFICER = (
    r"(?:the |our |its )?(?:group |company )?(?:chief executive|chair(?:man|woman|person)?|"
    r"president|managing director|director general|general secretary|chief executive officer|CEO)"
)
_BY_ANOTHER = re.compile(rf"\b(?:by|from)\b(?! {_OWN_OFFICER}\b)", re.I)


# where a body publishes, after its name: "... Cooperative blog", "... Union newsletter"
_MEDIUM = re.compile(
    r"(?<=[a-z'’])(?:['’]s?)? (?:official )?(?:blog|newsletter|website|web site|bulletin|"
    r"podcast|(?:Facebook|Instagram|LinkedIn|X|Twitter) (?:page|account|post))$",
    re.I,
)


# "Press Service of the Office of the President of the Republic of Maranthe"
_HEAD_OFFICE = re.compile(
    r"\b(President|Prime Minister|Chancellor|Premier|Mayor|Governor|First Minister) of "
    r"(?:the )?([A-Z][\w'’\- ]+)$"
)


def heads_of_publisher(text: str, publisher: str, parties: Parties) -> None:
    """A text its head's own office publishes: the person the text gives that title ("President
    Ilse Dravenko spoke by telephone ...") speaks for the polity the office serves.
    """
    m = _HEAD_OFFICE.search(publisher)
    if not m:
        return
    polity = parties.canonical(m.group(2), "GPE")
    name = r"[A-Z][a-z'’\-]+"
    for found in re.finditer(rf"\b{m.group(1)} ((?:{name} ){{0,2}}{name})\b", text):
        person = found.group(1)
        if polity and not parties.speaks_for(person):
            parties.link(person, polity)
            parties.seen(polity, "GPE")


# "Also present: Superintendent Dr. Renata Folau and Chief Business Officer Glen Parrish."
_PRESENT_LINE = re.compile(r"\b(?:Also|Officers?|Staff) (?:present|in attendance):([^\n]{3,400})")
_OFFICER = re.compile(
    r"\b(?:Superintendent|Clerk|Manager|Officer|Director|Chief Executive|Secretary|Treasurer|"
    r"Solicitor|Engineer|Planner)(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)? "
    r"(?:(?:Dr|Mr|Ms|Mrs)\.? )?(?P<person>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,2})"
)


def officers_present(text: str, title: str, publisher: str, parties: Parties) -> None:
    """Minutes a body keeps: the officers they list as present with it ("Also present:
    Superintendent Dr. Renata Folau") are its own staff, whose replies are its positions.
    """
    if not re.search(r"\bminutes\b", title, re.I):
        return
    for line in _PRESENT_LINE.finditer(text[:3000]):
        for m in _OFFICER.finditer(line.group(1)):
            if not parties.speaks_for(m["person"]):
                parties.link(m["person"], publisher)


# a post of the publisher's own staff, with no body named in it ("Regional organiser Petra
# Valkonen", "our branch secretary Ann Dole"): "Greyline's manager X" or "X of Greyline" is not
_STAFF_POST = re.compile(
    r"(?<!['’]s )(?<!['’] )\b(?:[Oo]ur )?"
    r"(?:(?:[Rr]egional|[Bb]ranch|[Nn]ational|[Gg]eneral|[Aa]ssistant|[Dd]eputy|[Ss]enior|"
    r"[Ll]ead|[Pp]ress|[Pp]olicy|[Cc]ampaigns?|[Cc]ommunications|[Dd]istrict|[Aa]rea|[Ll]ocal|"
    r"[Ss]hop|[Ff]ull-time|[Uu]nion) ){1,2}"
    r"(?:organi[sz]er|secretary|officer|spokes(?:person|woman|man)|representative|negotiator|"
    r"conven[eo]r|steward|chair(?:man|woman|person)?|treasurer) "
    r"(?P<person>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?: [A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2})\b"
    r"(?!,? (?:of|from|at|for) [A-Z]| \()"
)


def staff_of_publisher(text: str, publisher: str, parties: Parties) -> None:
    """A body's own bulletin, release or letter: the people it introduces by a post of its
    staff alone ("Regional organiser Petra Valkonen said ...") speak for it.
    """
    for m in _STAFF_POST.finditer(text):
        if _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Greyline regional organiser X": another body's post
        if not parties.speaks_for(m["person"]):
            parties.link(m["person"], publisher)


# a capitalised word just before, inside a sentence (not after a full stop or a line break)
_NAME_BEFORE = re.compile(r"(?<![.!?\n] )(?<!^)\b[A-Z][\w'’&\-]+ $", re.M)


# a planning application's header: "Applicant: Brackwater Estates Ltd. Agent: Mr Tobiah
# Fenwright, Solvane Planning"
_APPLICANT = re.compile(
    r"\bApplicant:\s*(?P<party>[A-Z][\w&'’\-]*(?: [A-Z][\w&'’\-]*){0,5})[.;,\n]"
    r"[^\n]{0,40}?\bAgent:\s*(?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<person>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,2})"
)


def applicants_agent(text: str, parties: Parties) -> None:
    """A planning record's agent speaks for the applicant its header names, not for the
    planning consultancy that employs them.
    """
    m = _APPLICANT.search(text)
    if m and not parties.speaks_for(m["person"]):
        party = parties.canonical(m["party"], "ORG")
        if party:
            parties.link(m["person"], party)
            parties.seen(party, "ORG")


# an office inside an organisation, and the kinds of body it may be inside
_INNER_OFFICE = re.compile(
    r"^(?:the )?(?:(?:Office|Secretariat|Registry|Clerk) of |[A-Z][\w ]*(?:Secretariat|Registry|"
    r"Press Office|Secretary's Office|Clerk's Office)$)"
)
_BODY = re.compile(
    r"^(?:the )?(?:[A-Z][\w'’\-]* )*(?:University|Council|Board|District|Authority|Trust|Assembly|"
    r"Commission|Corporation|College|Agency|Ministry)(?: of (?:the )?[A-Z][\w'’\- ]+)?$|"
    r"^(?:the )?(?:University|City|County|Borough|Town|District) of [A-Z][\w'’\- ]+$"
)
_OWN_PRESS = re.compile(
    r"\s+(?:press|media|communications?) (?:office|team|unit|department)$",  # not a news desk
    re.I,
)
# a speaker saying whom they speak for: "I speak for the Ommani Nation Council, which ..."
_SPEAK_FOR = re.compile(
    r"\bI (?:speak|am speaking|appear|am here|come) (?:today |here )?(?:for|on behalf of) "
    rf"(?:the )?(?P<party>{_ORG_NAME.pattern})"
)


def _masthead(text: str) -> str:
    """The body a newsletter's masthead names in its first lines ("DEPOT VOICE / Members'
    newsletter of the Amalgamated Union of Depot and Cold-Store Workers (AUDCW)").
    """
    organ = _ORGAN_OF.search("\n".join(text.split("\n", 3)[:3]))
    return organ["body"] if organ and _ORG_NAME.search(organ["body"]) else ""


# a press release's marker line under its letterhead ("PRESS RELEASE", "MEDIA STATEMENT – FOR
# IMMEDIATE RELEASE"), or a letterhead and marker on one line ("MERIDANE PHARMA PLC - PRESS RELEASE")
_RELEASE_LINE = re.compile(
    r"^(?:(?P<body>.{3,80}?)\s+[-–—|:]\s+)?(?:joint\s+)?(?:(?:press|news|media)\s+"
    r"(?:release|statement)|statement|for immediate release)(?=\s*(?:$|[-–—|:,]))",
    re.I,
)


def _recipient_body(text: str, publisher: str) -> str:
    """The body in a letter's address block, the lines before its 'Dear ...,' ("Ms Ilse
    Marchetti-Obuya / Councillor for Water and Environment / Regional Government of Lower
    Caradrin / Prefecture Building, Tallisford"): whom 'you' and 'your letter' stand for when
    the salutation names no one the text links. '' when there is no such block.
    """
    dear = re.search(r"^Dear [^\n]{1,60},?\s*$", text[:3000], re.M)
    if not dear:
        return ""
    lines = [x.strip() for x in text[: dear.start()].split("\n") if x.strip()]
    for line in reversed(lines[-8:]):
        name = plain_case(re.split(r",\s", line)[0])
        if body_name(name) and name.lower() not in publisher.lower():
            return name
    return ""


def _letterhead(text: str) -> str:
    """The body a text's letterhead names, for a text with no source line: above a release's
    marker line ("REPUBLIC OF DUNMARRA / Ministry of Trade and Industry / PRESS RELEASE": the
    line nearest the marker, the office that issues it); under a title that says what the text
    is ("Statement on overnight births at St Ebba's / Wystan Vale Hospitals NHS Foundation
    Trust"); or a first line that is a body's name and nothing else ("Ministry of Foreign
    Affairs of the Federal Republic of Ulvany / Transcript of the regular press briefing",
    "VESSENDOR PLAIN IRRIGATORS' COOPERATIVE / 14 Mill Causeway"). '' when the text opens
    otherwise (a headline, a dateline, a sentence).
    """
    lines = [x.strip() for x in text.split("\n", 8)[:8]]
    lines = [x for x in lines if x]
    for i, line in enumerate(lines[:6]):
        m = _RELEASE_LINE.match(line)
        if not m:
            continue
        above = [m["body"]] if m["body"] else list(reversed(lines[max(0, i - 3) : i]))
        return next((plain_case(x) for x in above if body_name(x)), "")
    if len(lines) >= 2 and _GENRE_TITLE.match(lines[0]) and body_name(lines[1]):
        return plain_case(lines[1])
    if (
        len(lines) >= 2
        and body_name(lines[0])
        and not lines[1].rstrip().endswith((".", "?", "!"))
        and not is_top_matter(lines[1])  # a headline over "By Jane Doe, Staff Writer"
    ):
        return plain_case(lines[0])
    return ""


# a title saying what kind of text it is: "Statement on ...", "Open letter to ..."
_GENRE_TITLE = re.compile(
    r"(?:joint |official |public |open |press |media )?(?:statement|release|letter|response|"
    r"update|notice|briefing)\b(?! of\b)",
    re.I,
)


def _officer(name: str) -> bool:
    """'Chief Executive': a body's own unnamed officer, no author of another party."""
    return re.fullmatch(_OWN_OFFICER, name, re.I) is not None


def whole_title(title: str, text: str) -> str:
    """The title as the text's first line gives it, when the stored one was cut short ("...")."""
    if not title.endswith("…"):
        return title
    first = _opening_line(text)[1].strip()
    return first if first.startswith(title[:-1].rstrip()) else title


def joint_title(title: str) -> str:
    """A title that names a joint text's issuers ("Joint statement by the Orrin Valley Trust
    (OVCT) and the Groundwater Defence Network (GDN) on the licence"): that line, without the
    acronyms and the topic; '' for any other title.
    """
    line = re.sub(r" \([A-Z][A-Za-z&]{1,9}\)", "", title.strip())
    # "Joint statement on electoral reform by A, B and C": the issuers after the topic
    topic_first = re.match(
        r"(Joint (?:statement|declaration|letter|communiqu[eé]|release|press release)) "
        r"(?:on|about|regarding|concerning|after|over) [^\n]+? by (?=the |[A-Z])(.+)$",
        line,
        re.I,
    )
    if topic_first:
        line = f"{topic_first[1]} by {topic_first[2]}"
    line = re.split(r" (?:on|about|regarding|concerning|after|over) (?=[a-z]|the )", line)[0]
    return line if len(listed_issuers(line)) >= 2 else ""


def title_cosigners(title: str, publisher: str, parties: Parties) -> tuple[str, ...]:
    """The other issuers a joint text's title lists when its source line names one of them
    ("source: Union for Democratic Change", "Joint statement ... by the Union for Democratic
    Change, the Liberal Forum and the Agrarian People's Party"): the Forum's and the Party's.
    """
    listed = listed_issuers(joint_title(title)) if publisher else ()
    names = [parties.canonical(name, issuer_kind(name)) for name in listed]
    if publisher not in names:
        return ()
    out = tuple(dict.fromkeys(n for n in names if n and n != publisher))
    for party in out:
        parties.seen(party, issuer_kind(party))
    return out


def publisher_named(source: str, title: str) -> str:
    """The organisation a document's source line names: the part before the first comma,
    bracket or semicolon ("Lowfield Hospitals Trust, Press Office"), past any word saying what
    kind of text it is ("statement", "interview, Valdessa Public Radio"); when the source names
    none, the one its title gives ("Statement from the Caradon Transit Authority on ...").
    """
    # "Official Report (Hansard-style record) of the X Assembly": the aside is not the end
    source = re.sub(r" \([^()]{1,60}\)(?= (?:of|from) )", "", source)
    parts = [p.strip() for p in re.split(r"[,;(]", source)]
    while parts and (not parts[0] or _GENRES.fullmatch(parts[0])):
        parts.pop(0)
    if parts:
        # "Senate Secretariat, Academic Registry, University of Aldermere", "Office of the
        # Clerk, Harlow School Board": an office inside the body the line ends on
        if len(parts) >= 2 and _INNER_OFFICE.search(parts[0]) and _BODY.search(parts[-1]):
            parts = [parts[-1]]
        # "Fennick Vale Growers' Cooperative blog", "Harlow Tenants' newsletter": the body
        name = _RECORD_OF.sub("", parts[0])
        # "Harnmoor Dairy Farmers' Cooperative press office": the cooperative
        name = _OWN_PRESS.sub("", name) or name
        medium = _MEDIUM.search(name)
        body = name[: medium.start()] if medium else name
        return body if body.lower() not in ("the", "a", "our", "my") else name
    m = _TITLE_FROM.match(title.strip())
    if m and not author(title):
        return m.group(1).strip()
    # "Port of Halvergate Authority: press briefing on ...", "Port Maren Water: Proposed rate
    # increase - frequently asked questions": a body's own page, named before the colon
    own = _TITLE_OWN.match(title.strip())
    by = author(own["rest"]) if own else ""
    if own and not _BY_ANOTHER.search(own["rest"]) and not (by and not _officer(by)):
        return own["body"]
    # "Drought and water cuts: full text of the Sarvelle Growers' Association press conference"
    text_of = _TEXT_OF.search(title) or _ORGAN_OF.search(title)
    body = re.sub(r"['’]s?$", "", text_of["body"]) if text_of else ""
    # not "the President's speech"; "Statement by Foreign Minister Ana Ruiz on ...": a person's,
    # not a body's
    return body if _ORG_NAME.fullmatch(body) else ""


class Reading(NamedTuple):
    statements: list[Found]
    people: dict[str, str]  # people the document links to a party
    voices: list[Voice]
