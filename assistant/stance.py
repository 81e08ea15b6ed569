"""Who wants what, read from the parse: stance statements with their holder, target and voice.

A statement's holder is the grammatical subject of its stance predicate, or the speaker of the
quote it stands in; never a party merely mentioned ("Sherman rejected Russia's demands" is the
United States rejecting). Parties are found in the text (named entities, grouped by name, with
the shipped registry as seed aliases), people are linked to their party through titles and
appositions, first-person text belongs to its speaker or its publisher, and he/she/they resolve
to the last compatible speaker or party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from assistant.condemnation import CUE as _CONDEMN_CUE
from assistant.condemnation import condemned, foretold_harm, judge_of
from assistant.hopes import asks_leave, hoped_for
from assistant.news_names import elected, news_links, opposition_people
from assistant.no_position import (
    about_comment,
    another_time,
    speculated,
    thing_threatens,
    told_as_history,
    unsaid,
)
from assistant.parties import Registry
from assistant.quote_spans import quote_members, quote_runs, sentence_quotes
from assistant.referents import nearer_subject
from assistant.representatives import bare_chiefs, kind_titles, represented
from assistant.stance_layout import (
    ANSWER_LABELS,
    BYLINE,
    DEAR,
    floor_member,
    furniture_end,
    headed_sections,
    headline_at,
    interviewee_of,
    label_end,
    office_label,
    person_from_label,
    questioner,
    speaker_turns,
    turn_at,
)
from assistant.stance_model import (
    Cues,
    HolderCue,
    StanceModel,
    features,
    holder_features,
    shipped,
)
from assistant.stance_parties import (
    GOVERNMENT_NAME,
    HONORIFICS,
    NAMED_KINDS,
    NOT_A_PARTY,
    ORG_LIKE,
    PARTY_NAME,
    SENTENCE_END,
    SHORT_TITLES,
    Parties,
    is_party,
    is_portfolio,
    is_titled,
    learn_people,
    main_company,
    organisations,
    people_by_title,
    surname_of,
)
from assistant.stance_words import (
    _ASSURE_ACTS,
    _COMPANY_NOUNS,
    _COST_VERBS,
    _COSTS,
    _CUE,
    _DOMAIN,
    _FIRST,
    _GENERIC,
    _GOVERNMENT_TITLES,
    _GREETING,
    _GROUP_NOUNS,
    _HARM,
    _HE_SHE,
    _HOSTILE_ACTS,
    _LEANS,
    _NEEDS,
    _NO_COMMENT,
    _NOT_SPEAKER_ROLES,
    _NOT_SPEAKERS,
    _NOUNS,
    _NOUNS_MORE,
    _OUTLETS,
    _READY,
    _REFUSED,
    _SAY,
    _STATE_NOUNS,
    _THEY_IT,
    _THREAT_WORDS,
    _TITLE_WORDS,
    _VERBS,
    _VERBS_OF_NOUNS,
    _VOICED,
    _WARN_ACTS,
    _WEAK_CUE,
)
from assistant.voices import Turn, Voice, author, read_voices
from index.language import Entity, ParsedSentence, Parser, Token


@dataclass(frozen=True)
class Found:
    """One stance statement: a span of the document and whose position it states."""

    start: int
    end: int
    holder: str  # party display name
    stance: str
    voice: str  # own | paraphrase
    speaker: str = ""
    target: str = ""
    about: str = ""


_CONDITION = re.compile(r"\b(?:if|unless|should|otherwise|or else|until)\b", re.I)
_IF = re.compile(r"\b(?:if|unless|should|otherwise|or else)\b", re.I)  # a threat's condition


def candidate(sentence: str, official: bool = True) -> bool:
    """Whether a sentence may state a position: a stance word, or a modal or negated form in
    someone's voice (always, in a party's own text).
    """
    if _CUE.search(sentence) or (_CONDEMN_CUE.search(sentence) and _VOICED.search(sentence)):
        return True
    return bool(_WEAK_CUE.search(sentence)) and (official or bool(_VOICED.search(sentence)))


def _to_parse(
    text: str, spans: Sequence[tuple[int, int]], max_words: int, official: bool = True
) -> list[int]:
    """The sentences worth parsing: those with a stance cue, each with the sentence before it
    when it opens on a pronoun (the antecedent is usually there), within a word budget.
    Parsing costs as much as embedding; this keeps it to about half the text.
    """
    wanted: list[int] = []
    words = 0
    for n, (s, e) in enumerate(spans):
        if not candidate(text[s:e], official):
            continue
        lean = n and _LEANS.match(text[s:e])
        for k in (n - 1, n) if lean else (n,):
            if k not in wanted[-2:]:
                wanted.append(k)
                words += text.count(" ", spans[k][0], spans[k][1]) + 1
        if words >= max_words:
            break
    return wanted


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
        head = re.split(r"[,;(]", source, maxsplit=1)[0].strip()
        if head and not _OUTLETS.search(head) and not _DOMAIN.fullmatch(head):
            source = head
            known = [m for m in self.registry.mentions(source) if not m.person]
            publisher = (
                self.registry.name(known[0].party) if known else parties.canonical(source, "ORG")
            )
            parties.seen(publisher, "ORG")
        for m in GOVERNMENT_NAME.finditer(text):  # "the government" needs a name, parsed or not
            name = m.group(0)[0].upper() + m.group(0)[1:]  # "the government of Sarnia"
            parties.seen(parties.canonical(name, "ORG"), "ORG")
        organisations(text, parties)  # first: "Guild secretary Omar Fell" needs the full name
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
        for person, kind, _ in kind_titles(text):  # "the union's president, Ana Ruiz"
            party = parties.by_generic(kind)
            if party and person not in parties.people:
                parties.link(person, party)
        people_by_title(text, parties)
        if title:  # "Interview: Lara Voss, chief executive of the port authority"
            people_by_title(title, parties)
        for person, pid in self.registry.find_people(text).items():
            parties.link(person, self.registry.name(pid))
        for person in opposition_people(text):  # not the state whose government she opposes
            if not PARTY_NAME.search(parties.people.get(person, "")):
                parties.people.pop(person, None)
        turns = speaker_turns(text)
        answers = interviewee_of(text, turns, parties)
        wanted = _to_parse(text, spans, self.max_words, official=bool(publisher))
        runs = quote_runs(text, spans)
        speaker_at, inside = sentence_quotes(text, runs, spans)
        # a quote's closing sentence that names its speaker is read too
        wanted = sorted(set(wanted) | {speaker_at[n] for n in wanted if n in speaker_at})
        # and the sentence after a stance sentence in the same quote: it may continue it
        member = quote_members(runs, spans)
        extra = {
            m
            for n in wanted
            if n in member and candidate(text[spans[n][0] : spans[n][1]], bool(publisher))
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
                [], {}, self._voices(text, spans, turns, publisher, parties, title, answers)
            )
        parsed = self.parser.parse(
            [text[spans[n][0] + k : spans[n][1]] for n, k in zip(wanted, cut, strict=True)]
        )
        state = _State(publisher=publisher)
        state.partisans = partisans
        state.dear = [(m.start(), m.group(1)) for m in DEAR.finditer(text)]
        state.sections = headed_sections(text, parties, publisher)
        if not publisher:  # an op-ed or a blog post in a newspaper: "By NAME, TITLE of ORG"
            byline = BYLINE.match(text)
            state.author = parties.speaks_for(byline.group(1)) if byline else ""
        # news copy (no publishing party): a titled person no text links to a party holds a
        # position in their own name ("Speaker Mike Johnson", "Mayor Tim Dougherty")
        own_name = not publisher and not turns
        state.news = own_name
        out: list[Found] = []
        asking: dict[int, bool] = {}  # turn start -> a journalist's turn
        by_n = dict(zip(wanted, parsed, strict=True))
        found_at: dict[int, list[Found]] = {}  # sentence -> its statements
        going_on: dict[int, tuple[int, int]] = {}  # sentence -> span, when it may continue
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
            turn = turn_at(turns, s0)
            state.inside_quote = n in inside
            later = by_n.get(speaker_at.get(n, -1))
            if later and not turns:  # '"We will not sign. ...," Ruiz said.': Ruiz's
                said = _reporting(later[-1], parties, state, _quote_spans(later[-1].text))[0]
                if said[0]:
                    state.last_quote_speaker = said
            for ps in sents:
                start = s0 + ps.offset
                end = start + len(ps.text.rstrip())
                skip = 0
                if turn and turn[0] >= start and turn[1] <= end:
                    skip = turn[1] - start  # the speaker label opens this sentence
                state.turn_label = turn[2] if turn else ""
                if turn and turn[2].upper() in ANSWER_LABELS:  # an interview's answer
                    state.turn_party = parties.speaks_for(answers) or publisher
                    state.turn_person = answers
                elif turn and turn[2] not in _NOT_SPEAKERS:
                    person, affiliation = person_from_label(turn[2])
                    linked = parties.speaks_for(person) or affiliation
                    if turn[0] not in asking:  # once a turn, not once a sentence
                        asking[turn[0]] = questioner(text, turn, turns, affiliation, linked)
                    if asking[turn[0]]:
                        state.turn_label = "Q"  # a journalist's turn, named: no statement
                    elif affiliation and person:  # the label's own word beats a guess
                        parties.link(person, parties.canonical(affiliation, "ORG"), replace=True)
                    state.turn_party = parties.speaks_for(person) or (
                        publisher
                        if office_label(turn[2])
                        or not (
                            _NOT_SPEAKER_ROLES & set(turn[2].lower().split())
                            or floor_member(turn[2])
                        )
                        else ""
                    )
                    state.turn_person = person
                else:
                    state.turn_party = state.turn_person = ""
                if own_name and headline_at(text, start, end):
                    continue  # another story's headline: no statement, no referent
                for person in chiefs:  # "CEO Dana Holt", in a story about one company
                    company = "" if person in parties.people else main_company(text, parties)
                    if company:
                        parties.link(person, company)
                learn_people(ps, parties)
                state.at = start
                # eval/train_stance.py: the holders of every candidate, before the rules read it
                before = self._traced_holders(ps, parties, state, bool(publisher))
                found = (
                    _statements(ps, parties, state) if candidate(ps.text, bool(publisher)) else []
                )
                if (self.trace is not None or self.model is not None) and candidate(
                    ps.text, bool(publisher)
                ):
                    found = self._second_opinion(ps, found, parties, state, start, end, before)
                for kept in found:
                    f = _held(kept, parties, state)
                    if f is None:
                        continue  # a person no text links to a party: whose position is unknown
                    out.append(
                        Found(
                            start + max(skip, f.start),
                            start + f.end,
                            f.holder,
                            f.stance,
                            f.voice,
                            f.speaker,
                            f.target,
                            f.about,
                        )
                    )
                    found_at.setdefault(n, []).append(out[-1])
                _remember(ps, parties, state)
        # continuations first: in a trace, a holder the model could choose yields to them
        out = sorted(_continuations(found_at, going_on, member) + out, key=lambda f: f.start)
        learned = {k: v for k, v in parties.people.items() if k not in self._people}
        voices = self._voices(text, spans, turns, publisher, parties, title, answers)
        return Reading(_dedupe(out), learned, voices)

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
        state: _State,
        start: int,
        end: int,
        before: list[HolderCue] | None = None,
    ) -> list[Found]:
        """The rules' statements for a candidate sentence, vetoed or added to by the model:
        dropped when it is confident the sentence states no position, and, when the rules found
        none, one with the model's stance for the holder its holder model chooses among those
        the reader can name (`_holder_candidates`), when the adder is confident of that pair.
        A model without a holder model adds for the reader's one guess (`_fallback_holder`).
        """
        model = self.model
        tracing = self.trace is not None
        if not tracing and (model is None or (found and model.veto > 1.0)):
            return found  # nothing the model could change: no work
        stance_words = [(t, stance) for t in ps.tokens if (stance := _trigger(ps, t)) is not None]
        # also for a veto: how a holder would be named is one of the features
        holder = _fallback_holder(ps, parties, state, [t for t, _ in stance_words])
        learned = tracing or (model is not None and model.holder is not None)
        guess = (
            _held(Found(0, 0, holder[0], "", holder[2], holder[1]), parties, state)
            if holder[0]
            else None
        )
        candidates = (
            [
                replace(h, fallback=guess is not None and h.party == guess.holder)
                for h in _holder_candidates(ps, parties, state, [t for t, _ in stance_words])
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
            # eval/train_stance.py: a statement per holder the model could choose, each marked
            # with its sentence and candidate, so the reader's own checks on a holder apply
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
                Found(0, whole, h.party, "model", h.voice, h.person, about=f"trace:{j}:{k}")
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
        self, ps: ParsedSentence, parties: Parties, state: _State, official: bool
    ) -> list[HolderCue] | None:
        """When tracing, the holders the model could choose in a candidate sentence, as they
        stand before the rules read it (their statements move the document's state on).
        """
        if self.trace is None or not candidate(ps.text, official):
            return None
        stance_words = [t for t in ps.tokens if _trigger(ps, t) is not None]
        return _holder_candidates(ps, parties, state, stance_words)

    def _voices(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        turns: list[tuple[int, int, str]],
        publisher: str,
        parties: Parties,
        title: str = "",
        interviewee: str = "",
    ) -> list[Voice]:
        """Who speaks where, with the people this reading linked to their parties."""
        resolved = []
        for start, _, label in turns:
            if label.upper() in ANSWER_LABELS:
                party = parties.speaks_for(interviewee) or publisher
                resolved.append(Turn(start, interviewee, party, False))
                continue
            if label in _NOT_SPEAKERS or label.split()[0] in _NOT_SPEAKERS:
                resolved.append(Turn(start, "", "", True))
                continue
            person, affiliation = person_from_label(label)
            party = parties.speaks_for(person) or (
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
        return read_voices(text, spans, resolved, publisher, parties.speaks_for, party_named, by)


def _held(f: Found, parties: Parties, state: _State) -> Found | None:
    """A statement as it is kept: in news copy, a person no text links to a party who holds an
    elected office holds it in their own name ("Mayor Tim Dougherty" ... "Dougherty said");
    any other such person's is dropped (None), their party unknown.
    """
    text = parties.text
    own = (
        elected(f.holder, text)
        if state.news and f.speaker in (f.holder, "") and not is_party(f.holder, parties)
        else ""
    )
    if own:
        return replace(f, holder=own, speaker=own)
    if (
        f.holder == f.speaker
        and not is_party(f.holder, parties)
        and (
            " " not in f.holder
            or is_titled(f.holder, text)
            or (  # a transcript's speaker label names a person
                f.holder == state.turn_person and state.turn_label.partition("(")[0].isupper()
            )
        )
    ):
        return None
    return f


class Reading(NamedTuple):
    statements: list[Found]
    people: dict[str, str]  # people the document links to a party
    voices: list[Voice]


@dataclass
class _State:
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
    sections: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # headings
    at: int = 0  # where the current sentence starts in the document
    person_until: int = 0  # where the sentence that named last_person ends
    genders: dict[str, bool] = field(default_factory=dict)  # surname -> called 'he' (or 'she')
    news: bool = False  # news copy: no publishing party, no speaker turns
    partisans: dict[str, str] = field(default_factory=dict)  # lawmaker by a partisan tag
    inside_quote: bool = False  # the current sentence opens inside a quote begun before


def continues_quote(ps: ParsedSentence) -> bool:
    """Whether a sentence of a quote, with no position of its own, goes on with the position of
    the sentence next to it: the speaker's own commitment or refusal ('We will not back down.',
    'We cannot accept less.'), an order ('Withdraw the proposal.') or a denial that it is
    anything less ('This is not a bluff.'). Description ('The plant employs 3,000 people.'), the
    speaker's own history ('We met them in May.') and feelings ('We are hopeful.') do not.
    """
    if ps.text.rstrip(' "”').endswith("?"):
        return False
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    said = [c for c in ps.children(root.i) if c.dep == "ccomp"] if root is not None else []
    if root is not None and root.lemma in _SAY and said:  # '"This is not a bluff," X said.'
        root = said[0]
    if root is None or root.pos not in ("VERB", "AUX"):
        return False
    kids = ps.children(root.i)
    subj = _subject(ps, root.i)
    modal = any(
        c.dep in ("aux", "auxpass") and c.lemma in ("will", "shall", "must", "can", "would")
        for c in kids
    ) or any(  # "we need to", "we have to", "we are going to"
        c.dep == "xcomp" and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
        for c in kids
        if root.lemma in ("need", "have", "go")
    )
    negated = any(c.dep == "neg" for c in kids)
    if not subj:  # an order: "Withdraw the proposal now."
        return root.tag == "VB" and not any(c.dep == "aux" for c in kids)
    who = subj[0].text.lower()
    if who in ("we", "i"):
        return modal or negated
    return who in ("this", "that", "it") and root.lemma == "be" and negated


def _continuations(
    found_at: dict[int, list[Found]],
    going_on: dict[int, tuple[int, int]],
    member: dict[int, int],
) -> list[Found]:
    """A quote's sentence with no statement that continues the statement just before it in the
    same quote states the same position, in the speaker's own words. Only the sentence after:
    reading the one before a stance sentence too cost held-out precision, no recall gained.
    """
    out = []
    for n, (start, end) in sorted(going_on.items()):
        if any(not f.about.startswith("trace:") for f in found_at.get(n, [])):
            continue  # (a traced holder the model could choose is not yet a statement)
        if member.get(n - 1) == member[n] and found_at.get(n - 1):
            out += [replace(f, start=start, end=end, voice="own") for f in found_at[n - 1]]
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"“”]{2,}[\"”]", text)]
    if not spans and text.lstrip().startswith(('"', "“")):
        spans = [(0, len(text))]  # a quote that goes on past this sentence
    return spans


def _in(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


_MEMBERS = {"members", "staff", "employees"}  # an organisation's own people


def _remember(ps: ParsedSentence, parties: Parties, state: _State) -> None:
    # he/she refer to the most salient person of the sentence before: its subject (or the
    # subject's apposition) over a name in an object or a modifier ("... every Holm worker")
    people = [
        e
        for e in ps.entities
        if e.label == "PERSON" and (parties.speaks_for(e.text) or not is_party(e.text, parties))
    ]  # "Brenton" tagged a person where the text names "Brenton Aggregates": the company
    if people:
        best = min(people, key=lambda e: (_salience(ps, e), ps.depth(e.last - 1), e.first))
        state.last_person = best.text
        state.last_person_party = parties.speaks_for(best.text)
        state.person_until = state.at + len(ps.text)
    for e in ps.entities:
        if e.label == "PERSON":
            continue
        elif e.label in ("ORG", "GPE", "NORP") and not is_portfolio(ps, e):
            name = parties.canonical(e.text, e.label)
            if name:
                parties.seen(name, e.label)
                state.last_party = name


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


# what a speaker "wants to" do to the room, not to the other side: "I want to begin by thanking",
# "I want to update you on what the department is doing"
_DISCOURSE = frozenset(
    {"begin", "start", "thank", "welcome", "ask", "remind", "update", "brief", "share", "turn"}
)


def _trigger(ps: ParsedSentence, t: Token) -> str | None:
    """The stance a token carries as a predicate, or None."""
    if condemned(ps, t):
        return "rejects"  # "I find it appalling", "called the resolution pointless"
    if foretold_harm(ps, t):
        return "warns"  # "X said the case would force shoppers to pay more"
    if thing_threatens(ps, t):
        return None  # "the orders threaten democracy": a danger described, no party's threat
    kids = ps.children(t.i)
    words = {k.lower() for k in (c.text for c in kids)}
    if t.pos in ("VERB", "AUX") or t.dep == "ROOT":
        neg = any(c.dep == "neg" or c.lemma in ("never", "nor") for c in kids)
        if neg and t.lemma in _NO_COMMENT:
            return None  # "would not comment"
        modal = {c.lemma for c in kids if c.dep == "aux"}
        if neg and t.lemma in _HARM:
            return "assures"  # "will not attack", "no plans to raid"
        if neg and t.lemma in _DEPLOY and any(c.dep == "dobj" and c.lemma in _FORCES for c in kids):
            return "assures"  # "will not move additional forces to the border"
        if (
            not neg
            and t.lemma in _GIVE_UP
            and modal & {"could", "may", "might", "would"}
            and any(
                c.dep == "dobj" and (_NOUNS.get(c.lemma) == "assures" or c.lemma in _UNDERTAKINGS)
                for c in kids
            )
        ):
            return "warns"  # "Belvia could drop its pledge not to strike first": a threat
        if neg and t.lemma in _GIVE_UP and modal & {"will", "would", "shall"}:
            held = [c.lemma for c in kids if c.dep == "dobj" and c.lemma in _NOUNS]
            if held and _NOUNS[held[0]] in ("demands", "offers"):
                return _NOUNS[held[0]]  # "will not abandon these demands": insisting
        if neg and (t.lemma in _REFUSED | {"want"} or modal & {"will", "would", "can", "shall"}):
            done = t.lemma in _REFUSED_ACTS and not modal & {"will", "would", "can", "shall"}
            past = done and (t.tag in ("VBN", "VBD") or any(c.text.lower() == "did" for c in kids))
            if t.lemma not in _VERBS and t.lemma not in ("be", "have") and not past:
                return "rejects"  # not "the units have not changed their positions": a fact
        if (
            t.lemma in ("push", "back")
            and "back" in words | {t.lemma}
            and "on" in words | _grand(ps, t)
        ):
            return "rejects"
        negated_above = any(c.dep == "neg" for a in ps.ancestors(t.i)[:1] for c in ps.children(a))
        if t.lemma in _VERBS_OF_NOUNS and not negated_above:
            objects = [c for c in kids if c.dep == "dobj"] + [
                g for c in kids if c.dep == "prep" and c.lemma == "with" for g in ps.children(c.i)
            ]
            for c in objects:
                if c.lemma in _NOUNS_MORE:
                    return _NOUNS_MORE[c.lemma]
        if modal & {"will", "would", "shall"} and any(
            c.dep in ("nsubj", "nsubjpass") and any(g.lemma == "no" for g in ps.children(c.i))
            for c in kids
        ):
            return "assures"  # "no driver will lose pay", "no homes will be purchased"
        if t.lemma in _COST_VERBS and any(c.dep == "dobj" and c.lemma in _COSTS for c in kids):
            nobody = any(
                c.dep in ("nsubj", "nsubjpass") and any(g.lemma == "no" for g in ps.children(c.i))
                for c in kids
            )
            if nobody or neg:
                return "assures"  # "no student ... will face disciplinary action"
            return "warns"  # "will face costs", "would carry a high price"
        if (
            t.lemma in _CEASE
            and modal & {"will", "would", "could", "shall"}
            and not neg
            and any(
                c.dep == "dobj"
                and (c.lemma in _COSTS or c.lemma in _OWN_ACTIONS)
                and (t.lemma == "lift" or any(g.dep == "poss" for g in ps.children(c.i)))
                for c in kids
            )
        ):
            return "offers"  # "we will suspend our application for judicial review": a concession
        first = _subject(ps, t.i)
        ours = bool(first) and (
            first[0].text.lower() in _FIRST
            or any(c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(first[0].i))
        )  # "we", "our members", "our solicitors"
        if first and first[0].text.lower() in _FIRST and not neg:
            if t.lemma == "need" and any(c.dep == "dobj" for c in kids):
                return "demands"  # "we need a binding schedule"
            if t.lemma in _ASSURE_ACTS and (modal & {"will", "shall"} or t.tag in ("VBP", "VBZ")):
                return "assures"  # "we will defend it", "we support the right of ..."
            if (
                t.lemma not in _VERBS
                and modal & {"will", "shall"}
                and any(
                    c.dep in ("xcomp", "advcl")
                    and c.lemma in _ASSURE_ACTS
                    and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
                    for c in kids
                )
            ):
                return "assures"  # "we will do everything in our power to ensure ..."
        if t.lemma in ("lead", "result") and any(
            g.lemma in _COSTS for c in kids for g in ps.children(c.i) if g.dep == "pobj"
        ):
            return "warns"
        if (
            t.lemma in ("lead", "result")
            and modal & {"will", "would", "could", "may", "might"}
            and any(
                c.dep == "prep"
                and c.lemma in ("to", "in")
                and _THREAT_WORDS.search(" ".join(x.text for x in ps.subtree(c.i)))
                for c in kids
            )
        ):
            return "warns"  # "could lead to an application for an injunction"
        if t.lemma == "appeal" and any(c.dep == "xcomp" for c in kids):
            return "demands"  # "appealed to the association to stop ..."
        if t.lemma in _WARN_ACTS and modal & {"will", "would", "shall"} and not neg:
            costly = any(c.dep == "dobj" and c.lemma in _COSTS for c in kids)
            idle = t.lemma in ("take", "hold") and any(
                c.dep == "dobj" and c.lemma in _IDLE_OBJECTS for c in kids
            )  # "we will take a short break", "we will hold a meeting"
            protective = t.lemma == "take" and any(
                u.lemma in ("ensure", "protect", "defend", "guarantee", "safeguard")
                and u.dep in ("acl", "xcomp", "advcl", "relcl")
                for u in ps.subtree(t.i)
            )
            if protective:
                return "assures"  # "will take all necessary measures to ensure the security"
            if (t.lemma in _HOSTILE_ACTS or costly or ours) and not idle:
                return "warns"  # "we will sue", "will impose sanctions"; not "will take place"
        if (
            t.lemma == "hold"
            and t.tag == "VBN"
            and any(c.dep == "auxpass" for c in kids)
            and any(c.lemma in ("accountable", "responsible", "liable") for c in kids)
        ):
            return "warns"  # "those who attack ... will be held accountable"
        if t.lemma == "force" and modal & {"would", "will", "could"} and not neg:
            if any(c.dep in ("dobj", "nsubj") and c.text.lower() in ("us", "we") for c in kids):
                return "warns"  # "a strike would force us to reconsider the investment"
        if t.lemma == "be" and any(c.dep == "expl" for c in kids) and (modal or t.tag != "VBD"):
            if any(
                c.dep in ("attr", "nsubj") and any(g.lemma == "no" for g in ps.children(c.i))
                for c in kids
            ):
                return "rejects"  # "there will be no one-for-one deals", "there is no blockade"
        if (
            modal & {"will", "would"}
            and not neg
            and _CONDITION.search(ps.text)
            and _THREAT_WORDS.search(" ".join(x.text for x in ps.subtree(t.i)))
        ):
            return "warns"  # "if ..., the Office will open enforcement proceedings"
        if (
            t.lemma == "vote"
            and not neg
            and any(c.dep == "prep" and c.lemma == "against" for c in kids)
        ):
            return "rejects"  # "we will vote against any amendment that delays the transfer"
        if neg and t.lemma == "go" and any(c.dep == "xcomp" for c in kids):
            return "rejects"  # "we are not going to shut down"
        if "shall" in modal and (t.lemma not in _VERBS or t.lemma == "undertake"):
            subj = _subject(ps, t.i)
            mutual = bool(subj) and subj[0].lemma in ("party", "side", "signatory", "state")
            return "offers" if mutual else "demands"  # both sides bound: a proposal
        if modal & {"must"} and t.lemma in ("decline", "reject", "refuse", "oppose"):
            return "rejects"  # "we must decline it"
        if modal & {"must"} and t.lemma in _SAY | _DISCOURSE | {"respond", "reply", "note"}:
            return None  # "I must say", "I feel I must respond": the speaker's turn, no position
        if (
            "should" in modal
            and not neg
            and not any(c.dep == "nsubj" and c.i > t.i for c in kids)  # "should X refuse, ..."
            and ps.tokens[t.head].lemma in _SAY
            and t.dep == "ccomp"
        ):
            return "demands"  # "The alliance says we should refund every customer"
        if (
            t.lemma == "have"
            and modal & {"will", "would"}
            and any(c.dep == "xcomp" for c in kids)
            and not neg
        ):
            # "we will have to review our plans": what the speaker will be driven to do;
            # "shoppers will have to pay more": a forecast, no one's demand; but "any dialogue
            # would have to proceed on the basis of reciprocity" is a condition: a demand
            if ours:
                return "warns"
            if "would" not in modal:
                return None
        if modal & {"must"} or (
            t.lemma in ("have", "need")
            and any(c.dep == "xcomp" and c.lemma not in _SAY | {"ask"} for c in kids)
        ):
            return "demands"  # not "I have to say", "I have to ask you"
        stance = _VERBS.get(t.lemma)
        if stance is None:
            return None
        if t.lemma in ("want", "wish", "like"):
            acts = [c.lemma for c in kids if c.dep == "xcomp"]
            if acts and acts[0] in ("assure", "reassure", "guarantee", "promise"):
                return "assures"  # "I want to assure this committee that ..."
            if acts and acts[0] in _SAY | _DISCOURSE:
                return None  # "I want to begin by thanking ..."
            clear = [c for c in kids if c.dep == "xcomp" and c.lemma == "be"]
            if clear and any(g.lemma == "clear" for g in ps.children(clear[0].i)):
                return None  # "I want to be clear that we will ...": what follows is the stance
            if t.lemma == "like" and not any(
                c.dep == "dobj"
                or (c.dep in ("xcomp", "ccomp") and any(g.dep == "nsubj" for g in ps.children(c.i)))
                for c in kids
            ):
                return None  # "we would like to meet": not asking anyone for anything
        if any(c.dep in ("xcomp", "ccomp") and c.lemma in _NO_COMMENT for c in kids):
            return None  # "declined to comment", "asked him to comment": no position
        if t.tag == "VBN" and any(c.dep in ("auxpass", "nsubjpass") for c in kids):
            if stance == "demands":
                return None  # "pilots were required to", "is expected to climb": no one asks
        need = _NEEDS.get(t.lemma)
        if need is not None:
            sub = {c.text.lower() for c in kids} | {
                g.text.lower()
                for c in kids
                for g in ps.children(c.i)
                if c.dep in ("dobj", "xcomp", "ccomp", "advcl") and g.dep in ("mark", "aux", "prep")
            }
            if t.lemma == "want" and any(c.dep == "dobj" for c in kids):
                sub.add("to")
            if t.lemma == "table":
                return stance if any(c.dep == "dobj" for c in kids) else None
            if t.lemma == "ask" and asks_leave(ps, t.i):
                sub.add("to")  # "asked the court if he could file ...": a request
            if not (need & sub):
                return None
        if neg and stance in ("demands", "offers", "assures"):
            return None  # "did not demand": no position stated
        if t.lemma == "commit" and t.tag != "VBN" and "to" not in words:
            return None
        if t.lemma == "confirm" and not ours:
            return None  # "X confirmed that ...": reported, often news rather than an undertaking
        if t.lemma == "welcome" and not modal & {"would", "will"}:
            return None  # "we welcomed the talks", "to welcome everyone": no offer made
        return stance
    if t.pos == "ADJ" and t.lemma in _READY and any(c.dep in ("xcomp", "prep") for c in kids):
        return "offers"
    if (
        t.pos == "ADJ"
        and t.lemma in ("happy", "glad", "pleased")
        and any(
            c.dep == "xcomp" and c.lemma not in _SAY | {"announce", "report", "welcome", "be"}
            for c in kids
        )
    ):
        return "offers"  # "I would be happy to meet their director"
    if t.pos == "ADJ" and t.lemma in ("acceptable", "unacceptable", "inacceptable"):
        negated = any(c.dep == "neg" for c in ps.children(t.head)) or t.lemma != "acceptable"
        return "rejects" if negated else "offers"  # "is unacceptable to our members"
    if (
        t.pos == "NOUN"
        and t.lemma in _NOUNS
        and t.dep == "dobj"
        and ps.tokens[t.head].lemma in _RECEIVE
        and _NOUNS[t.lemma] in ("offers", "assures")
    ):
        return _NOUNS[t.lemma]  # "every employee will receive a written offer": someone offers
    if t.pos == "NOUN" and t.lemma in _NOUNS and t.dep in ("nsubj", "nsubjpass", "ROOT", "attr"):
        if t.lemma == "draft" and not any(c.dep in ("amod", "poss", "compound") for c in kids):
            return None
        head = ps.tokens[t.head]
        if (
            t.lemma == "demand"
            and t.dep == "nsubj"
            and not any(
                c.dep in ("poss", "compound", "amod", "relcl", "acl")
                or (c.dep == "prep" and c.lemma in ("for", "from", "by", "of"))
                for c in kids
            )
        ):
            return None  # "Demand in the region has grown": buyers' demand, no party's
        if t.lemma == "threat" and not any(c.dep == "poss" for c in kids):
            return None  # "a threat to peace", "the threats of aggression are provocative"
        if (
            t.dep == "nsubj"
            and _NOUNS[t.lemma] == "offers"
            and any(c.dep == "neg" for c in ps.children(head.i))
        ):
            return "rejects"  # "the proposal does not reflect the value of Lumio"
        return _NOUNS[t.lemma]
    if t.pos == "NOUN" and t.lemma in ("plan", "intention") and any(c.lemma == "no" for c in kids):
        return "rejects"  # "has no plans to", "had no intention of withdrawing"
    return None


_RECEIVE = {"receive", "get", "obtain"}
# acts (not acceptance) whose past denial reports a fact: "prices have not changed since May"
_REFUSED_ACTS = {
    "withdraw", "give", "close", "stop", "abandon", "cut", "raise", "lower", "change", "return",
    "renew", "let",
}  # fmt: skip
_NOT_HOLDERS = {"there", "this", "that", "which", "who"}
_UNDERTAKINGS = {"commitment", "policy", "moratorium", "ban", "doctrine", "treaty", "ceasefire"}
_GIVE_UP = {"abandon", "drop", "withdraw", "renounce", "give", "retract"}
# ending one's own pressure is a concession: "we will suspend our application", "call off the strike"
_CEASE = {"suspend", "withdraw", "drop", "halt", "end", "lift", "abandon", "pause", "call"}
_OWN_ACTIONS = {
    "application", "appeal", "objection", "opposition", "challenge", "claim", "complaint", "case",
    "protest", "march", "strike", "blockade", "boycott", "action", "lawsuit", "suit", "sanction",
    "ban", "injunction",
}  # fmt: skip
_DEPLOY = {"move", "send", "mobilise", "mobilize", "station", "deploy", "mass"}
_FORCES = {"force", "troop", "unit", "soldier", "weapon", "missile", "ship", "army", "tank"}
_IDLE_OBJECTS = {"break", "pause", "look", "question", "questions", "meeting", "vote", "place"}


def _grand(ps: ParsedSentence, t: Token) -> set[str]:
    return {g.text.lower() for c in ps.children(t.i) for g in ps.children(c.i)}


def _conditional(ps: ParsedSentence, i: int) -> bool:
    """Inside an 'if'/'should'/'unless' clause: a condition, not the stance. The word and its
    head only: every clause up to the root also took stances in relative clauses and objects
    for conditions (measured with the positions eval when `ancestors` was mended).
    """
    # "the families, who urged the court to ...": the clause's own subject holds the stance
    for a in [i] if _relative_subject(ps, i) is not None else [i, *ps.ancestors(i)[:1]]:
        t = ps.tokens[a]
        if t.dep == "advcl" and any(
            c.lemma in ("if", "unless", "should", "when", "once", "until", "as")
            for c in ps.children(a)
        ):
            return True
        if t.dep in ("relcl", "acl", "pcomp", "pobj", "dobj") and a != i:
            return True
    return False


def _background(ps: ParsedSentence, t: Token) -> bool:
    """A participle clause that sets the scene for another verb ("In requesting that the call be
    held today, the US cited ..."; "considering the need for ..."): not the sentence's stance.
    "We were firm in pushing back on ..." is the stance: its clause hangs from 'be'.
    """
    if t.tag != "VBG" or t.dep not in ("pcomp", "advcl") or _subject(ps, t.i):
        return False
    gov = ps.tokens[t.head] if t.dep == "advcl" else ps.tokens[ps.tokens[t.head].head]
    return gov.pos == "VERB" and gov.lemma != "be"


_HISTORY_WORDS = {"previously", "formerly", "once", "originally", "historically"}


def _history(ps: ParsedSentence, t: Token) -> bool:
    """A stance told as history, not held now: a past verb dated to an earlier year or marked
    as earlier ("In 2021 farmers asked the authority to ...", "Kelani has previously threatened
    to ...", "a demand it turned down at the time"): background, not a position.
    """
    verb = t if t.pos in ("VERB", "AUX") else ps.tokens[t.head]
    aux = {c.lemma for c in ps.children(verb.i) if c.dep == "aux"}
    if not (verb.tag == "VBD" or (verb.tag == "VBN" and aux & {"have"})):
        return False
    for c in ps.children(verb.i):
        if c.dep == "advmod" and c.lemma.lower() in _HISTORY_WORDS:
            return True
        if c.dep == "prep" and c.lemma in ("in", "at"):
            obj = [g for g in ps.children(c.i) if g.dep == "pobj"]
            words = " ".join(x.text.lower() for g in obj for x in ps.subtree(g.i))
            if re.fullmatch(r"(?:19|20)\d\d|the (?:time|past)", words):
                return True
        if c.dep == "npadvmod" and any(g.lemma == "ago" for g in ps.subtree(c.i)):
            return True
    return False


# what the other side may do that a party asks for: the condition of an offer
_CONCESSIONS = {
    "agree", "accept", "approve", "publish", "withdraw", "drop", "show", "meet", "lift", "sign",
    "confirm", "commit", "pay", "restore", "reduce", "improve", "release", "guarantee", "offer",
}  # fmt: skip


def _conditional_deal(ps: ParsedSentence, reported: bool = False) -> tuple[int, str] | None:
    """What we will do if the other side does something: "If the survey shows that
    refurbishment costs more, the association will work with the council" (an offer); "if
    they start the survey, we will take them to court" (a warning). The main verb has
    will/would and an if-clause; its subject is "we" or a named party, not a thing.
    """
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    if root is not None and reported and root.lemma in _SAY:
        # "X said Y would V if Z": what X says would follow, a warning or an offer of X's
        said = [c for c in ps.children(root.i) if c.dep == "ccomp" and c.pos in ("VERB", "AUX")]
        root = said[0] if said else None
    if root is None or root.pos not in ("VERB", "AUX") or (root.pos == "AUX" and not reported):
        return None
    kids = ps.children(root.i)
    if not any(c.dep == "aux" and c.lemma in ("will", "would") for c in kids):
        return None
    if any(c.dep == "neg" for c in kids) or not _threat_if(ps, root.i):
        return None
    subj = _subject(ps, root.i)
    if not subj or not (
        subj[0].text.lower() in _FIRST
        or subj[0].pos == "PROPN"
        or subj[0].lemma in _GENERIC
        or (reported and root.dep == "ccomp")
    ):
        return None
    # the condition decides: the other side giving way ("if the council agrees to both") makes
    # it an offer; anything else ("if the shelling resumes", "if you do") a warning
    conditions = [
        c
        for c in kids
        if c.dep == "advcl" and any(g.lemma in ("if", "should") for g in ps.children(c.i))
    ]
    giving = any(
        c.lemma in _CONCESSIONS and not any(g.dep == "neg" for g in ps.children(c.i))
        for c in conditions
    )
    hostile = root.lemma in _HOSTILE_ACTS or _THREAT_WORDS.search(
        " ".join(t.text for t in ps.subtree(root.i) if not _conditional(ps, t.i))
    )
    return root.i, "offers" if giving and not hostile else "warns"


def _threat_if(ps: ParsedSentence, i: int) -> bool:
    """A course of action the speaker will take on a condition: the stance verb (or the verb
    it hangs from) has 'will' and an 'if'/'should' clause ("If we have no reply by May, we will
    ask the ombudsman to step in"; "Should the board go ahead, the union will advise members
    not to work"). Conditional offers are read before this and stay offers.
    """
    for v in (i, ps.tokens[i].head):
        kids = ps.children(v)
        if not any(c.dep == "aux" and c.lemma in ("will", "would", "shall") for c in kids):
            continue
        for c in kids:
            if c.dep == "advcl" and any(
                g.lemma in ("if", "should") and g.dep in ("mark", "aux") and g.i < c.i
                for g in ps.children(c.i)
            ):
                return True
    return False


def _subject(ps: ParsedSentence, i: int) -> list[Token]:
    """The subject(s) of predicate i, looking up through xcomp/conj/aux chains."""
    seen = set()
    while i not in seen:
        seen.add(i)
        subs = [c for c in ps.children(i) if c.dep in ("nsubj", "nsubjpass", "csubj", "expl")]
        if len(subs) > 1:  # a misparse: a speaker label ("MS ABARA (...): The Office ...")
            # or an apposition ("The United States and the alliance NATO") taken as subjects
            subs = [
                s
                for s in subs
                if not any(c.dep == "punct" and ":" in c.text for c in ps.children(s.i))
            ] or subs
        noun = _relative_subject(ps, i)
        if noun is not None:  # "Democrats who have called for ...": the Democrats
            subs = [noun]
        if subs:
            out = []
            for sub in subs:
                out += [sub, *(c for c in ps.children(sub.i) if c.dep == "conj")]
            return out
        agent = [c for c in ps.children(i) if c.dep == "agent"]
        if agent:
            return [c for c in ps.children(agent[0].i) if c.dep == "pobj"][:1]
        t = ps.tokens[i]
        if t.dep in ("xcomp", "conj", "acomp", "ccomp", "advcl") and t.head != i:
            i = t.head
            continue
        if t.pos == "NOUN" and t.dep in ("nsubj", "nsubjpass"):
            return []
        break
    return []


def _relative_subject(ps: ParsedSentence, i: int) -> Token | None:
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
    if not any(c.dep == "nsubj" and c.lemma.lower() == "who" for c in ps.children(i)):
        return None
    noun = ps.tokens[t.head]
    return noun if noun.pos in ("NOUN", "PROPN") else None


def _party_of_np(
    ps: ParsedSentence, tok: Token, parties: Parties, state: _State
) -> tuple[str, str]:
    """(party, person) a subject noun phrase stands for; ('', '') when none."""
    low = tok.text.lower()
    if low in _FIRST or any(
        c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(tok.i)
    ):
        return _first_person(state)
    if low in ("you", "your") or any(
        c.dep == "poss" and c.text.lower() == "your" for c in ps.children(tok.i)
    ):
        return _addressee(parties, state)
    if low in _HE_SHE:
        # a person named since in a sentence that was not parsed ("Council leader Fiona
        # Grady replied an hour later. ... she wrote.") is the nearer referent
        between = parties.text[state.person_until : state.at]
        near = _latest_person(between, parties) or state.last_person
        he = low in ("he", "him", "his")
        if near and state.genders.get(surname_of(near), he) != he:
            # "Union leader Piotr Wend ... He said ... She said the company would not ...":
            # she is not the person already called he; the last one named who may be her
            near = _latest_person(parties.text[: state.at], parties, state.genders, he) or ""
        if near:
            state.genders.setdefault(surname_of(near), he)
            if near == state.last_person and not parties.speaks_for(near):
                return state.last_person_party or near, near
            return parties.speaks_for(near) or near, near
        return "", ""
    if low in _THEY_IT:
        if tok.i == 0 and _OUR_SUBJECT.match(_sentence_before(parties.text, state.at)):
            return _first_person(state)  # "Our trustees met on 20 May. They are prepared to"
        if (
            state.news
            and low == "they"
            and not state.say_party
            and _people_before(parties.text, state.at)
        ):
            return "", ""  # "Workers voted ... They stayed on strike": the people, no party
        return (parties.holders[-1] if parties.holders else state.last_party), ""
    if any(c.lemma in ("both", "all", "each", "either", "neither") for c in ps.children(tok.i)):
        return "", ""  # "Both sides insisted": no one party
    sub = _phrase(ps, tok.i)
    former = any(u.text.lower() in ("former", "ex") for u in sub)
    people = [ps.entities[u.ent_i] for u in sub if u.ent == "PERSON" and u.ent_i >= 0]
    if people and any(u.lemma == "opposition" for u in sub):
        # "Ardonia's opposition leader Frida Moll": she opposes Ardonia's government, and
        # speaks for her party only where the text names it
        person = people[0].text
        return parties.speaks_for(person) or person, person
    # a named entity inside the phrase: possessor and title first, then the head
    for pref in ("poss", "compound", "amod", "appos", ""):
        for t in sub:
            if t.ent_i < 0 or (pref and t.dep != pref and ps.tokens[t.head].dep != pref):
                continue
            e = ps.entities[t.ent_i]
            if is_portfolio(ps, e):
                continue  # "Interior Minister Pavel Dresk": a portfolio, not a party
            head_of = ps.tokens[t.head]
            if t.dep == "compound" and head_of.ent == "NORP" and head_of.ent_i != t.ent_i:
                continue  # "Senate Democrats", "House Republicans": the party, not the chamber
            if e.label != "PERSON" and (
                NOT_A_PARTY.search(e.text) or (former and t.dep == "compound")
            ):
                # "Iowa Gov", "Former Kansas Gov. Ruth Almond": a place and an office, held now
                # or once; the person follows, and a former one speaks for herself
                continue
            if e.label == "PERSON" and t.dep == "poss" and e.text.lower() in parties.names:
                return parties.names[e.text.lower()], ""  # "Kessler's director": a company
            if e.label == "PERSON":
                party = parties.speaks_for(e.text)
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
                        if u.ent in ("ORG", "GPE", "NORP") and u.ent_i >= 0:
                            party = parties.canonical(ps.entities[u.ent_i].text, u.ent)
                            break
                        if u.ent_i < 0 and u.text.islower() and u.i < e.first:
                            party = parties.by_name_word(u.lemma) or (
                                parties.by_generic(u.lemma) if u.lemma in _GENERIC else ""
                            )
                            if party:
                                break
                # "Interior Minister Pavel Dresk" as one entity: its title words count too
                named = ps.tokens[e.first : e.last]
                titled = [t for t in named if t.lemma.lower() in _TITLE_WORDS]
                if not party:
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
                if parties.speaks_for(e.text) and not parties.kinds.get(e.text):
                    # a person the tagger took for an organisation or a place ("Grady")
                    return parties.speaks_for(e.text), e.text
                return parties.canonical(e.text, e.label), ""
    phrase = " ".join(t.text for t in sub if t.dep not in ("punct", "relcl", "acl"))
    pid = parties.registry.find_party(phrase) or parties.registry.find_party(tok.text)
    if pid:
        return parties.registry.name(pid), ""
    appos = [c for c in ps.children(tok.i) if c.dep == "appos" and c.pos == "PROPN"]
    if tok.pos == "NOUN" and tok.text.islower() and appos and _name_before(ps, appos[0]):
        # "The operator, Calder Homes, has asked ...": the apposition names the party
        return _party_of_np(ps, appos[0], parties, state)
    owner = [c for c in ps.children(tok.i) if c.dep == "poss" and c.i != tok.i]
    if owner and tok.lemma in _TITLE_WORDS and tok.ent_i < 0:
        party, _ = _party_of_np(ps, owner[0], parties, state)  # "the group's spokeswoman"
        if party and not parties.speaks_for(party):
            return party, ""
    kind = [c for c in ps.children(tok.i) if c.dep in ("compound", "amod") and c.lemma in _GENERIC]
    if kind and (tok.lemma in _TITLE_WORDS or tok.lemma in ("official", "source", "lawyer")):
        found = parties.by_generic(kind[0].lemma)  # "a government spokesman", "a union official"
        if found:
            return found, ""
    if tok.lemma in _TITLE_WORDS and tok.ent_i < 0:  # "The Deputy Secretary affirmed"
        referent = _titled_person(sub, parties.text)
        if referent:  # the person the text introduced with this title
            return parties.speaks_for(referent) or state.publisher, referent
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
    if tok.lemma in _GENERIC or tok.lemma.rstrip("s") in _GENERIC:
        if (
            state.say_party
            and not state.say_first
            and state.say_party in parties.kinds
            and tok.lemma not in ("union", "association", "council", "regulator", "authority")
        ):
            return state.say_party, ""  # "X's director said the firm would ...": X
        turn = state.turn_party or (state.publisher if not state.turn_label else "")
        if (
            turn
            and tok.lemma not in _FIRST
            and (
                tok.lemma.rstrip("s") in [w.lower().rstrip("s") for w in turn.split()]
                or (tok.lemma in _COMPANY_NOUNS and parties._fits(tok.lemma, turn))
            )
        ):
            return turn, ""  # counsel for a company: "the company is willing to ..."
        speaker = state.say_party if state.say_first else ""
        found = parties.by_generic(tok.lemma, exclude=speaker)
        if found:
            return found, ""
        if speaker:
            return "", ""  # another party, not named: no holder
        if tok.lemma in ("government", "country", "state", "side", "delegation"):
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
        return _party_of_np(ps, owners[0], parties, state)
    if tok.text.lower() in _MEMBERS and len(sub) == 1:
        # "members would suspend the strike": the members of the speaker's organisation;
        # whose, when no one is reporting, is a guess
        return (state.say_party if state.say_party in parties.kinds else ""), ""
    if tok.lemma in _GROUP_NOUNS or tok.text.lower() in _GROUP_NOUNS:
        return _group_name(sub, tok), ""
    if tok.text[:1].isupper() and tok.pos == "PROPN":
        if parties.speaks_for(phrase):  # "Dresk warned", the minister named before
            return parties.speaks_for(phrase), phrase
        return parties.canonical(phrase), ""
    return "", ""


_OUR_SUBJECT = re.compile(r"(?:Our|My) (?:[a-z\-]+ )?[a-z]+s? (?!of\b)[a-z]+")


def _people_before(text: str, at: int) -> bool:
    """Whether the sentence before `at` has a plural of people ("workers", "members") for "they"
    to stand for, nearer than any party.
    """
    return bool(
        re.search(
            r"\b(?:workers|members|employees|residents|machinists|staff|people|"
            r"families|voters|protesters|strikers|nurses|drivers)\b",
            _sentence_before(text, at),
            re.I,
        )
    )


def _sentence_before(text: str, at: int) -> str:
    """The sentence that ends just before position `at` (a paragraph break ends one too)."""
    head = text[max(0, at - 600) : at + 1]
    ends = [m.end() for m in SENTENCE_END.finditer(head)]
    return head[ends[-2] : ends[-1]].lstrip(' \n"“') if len(ends) >= 2 else ""


_LEGISLATORS = {
    "sen", "senator", "rep", "representative", "congressman", "congresswoman", "lawmaker",
    "mp", "mep", "assemblyman", "assemblywoman", "delegate",
}  # fmt: skip


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


def _by_title(sub: list[Token], first: int, parties: Parties, state: _State) -> str:
    """A titled person no text links to a party: a minister speaks for the state the story is
    about, a chief executive or spokesperson for the organisation that published the text.
    """
    titles = {t.lemma.lower() for t in sub if t.i < first}
    owner = [t for t in sub if t.i < first and t.dep == "poss" and t.pos == "NOUN"]
    if owner and owner[0].text.islower() and owner[0].lemma not in _STATE_NOUNS:
        # "The commission's secretary general, Paul Tane": the commission's, whichever it is;
        # not the state in the news
        return parties.by_generic(owner[0].lemma)
    if titles & _GOVERNMENT_TITLES:  # the state in the news, else the party last heard
        if len(_states_named(parties)) > 1 and not GOVERNMENT_NAME.search(parties.text):
            # "President Joe Biden" in a story that also names Russia and China: the state last
            # heard is a guess, and in real news mostly the wrong one (Biden filed as Russia's)
            return ""
        return parties.by_generic("government") or (parties.holders[-1] if parties.holders else "")
    if titles & {"executive", "ceo", "spokesperson", "spokesman", "spokeswoman", "director"}:
        return state.publisher
    return ""


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
            ):
                keep.add(c.i)
                stack.append(c.i)
    return [t for t in ps.tokens if t.i in keep]


def _group_name(sub: list[Token], tok: Token) -> str:
    words = [t.text for t in sub if t.dep in ("amod", "compound") and t.i < tok.i] + [tok.text]
    return " ".join(words).strip().capitalize()


def _addressee(parties: Parties, state: _State) -> tuple[str, str]:
    """Whom 'you' / 'your members' stand for in a letter: the party of the person its 'Dear X,'
    names, when that is not the writer; ('', '') otherwise ("you" in a transcript is anyone).
    """
    names = [name for at, name in state.dear if at < state.at]
    you = parties.speaks_for(names[-1]) if names else ""
    return (you, names[-1]) if you and you != _first_person(state)[0] else ("", "")


def _first_person(state: _State) -> tuple[str, str]:
    if state.last_quote_speaker[0] and state.turn_label == "":
        return state.last_quote_speaker
    if state.turn_party or state.turn_person:
        return state.turn_party or state.turn_person, state.turn_person
    heading = [names for at, names in state.sections if at < state.at]
    if heading:  # "RESPONSE OF THE MINISTRY OF FOREIGN AFFAIRS OF MARDOVA": its "we"
        return heading[-1][0], ""
    return state.publisher or state.author, ""


def _no_statement(ps: ParsedSentence, state: _State) -> bool:
    """Whether a sentence can state no position whatever its words: a question, a greeting, a
    turn that is no one's, fewer than five words, a fragment, no verb.
    """
    text = ps.text.strip()
    if text.endswith("?") or _GREETING.match(text) or state.turn_label in _NOT_SPEAKERS:
        return True
    if len([t for t in ps.tokens if t.pos not in ("PUNCT", "SPACE")]) < 5:
        return True
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    if root is None:
        return True
    if any(c.dep == "mark" for c in ps.children(root.i)) and root.i > 0:
        return True  # "Because NATO Allies are ready ...": a fragment
    return root.pos not in ("VERB", "AUX") and not any(t.pos in ("VERB", "AUX") for t in ps.tokens)


def _statements(ps: ParsedSentence, parties: Parties, state: _State) -> list[Found]:
    if _no_statement(ps, state):
        return []
    quotes = _quote_spans(ps.text)
    if state.inside_quote:  # the sentence opens inside a quote begun in a sentence before
        close = re.search('["”]', ps.text)
        first = (0, close.end() if close else len(ps.text))
        quotes = [first] + [q for q in quotes if q[0] >= first[1]]
    elif not re.search('["“”]', ps.text):
        state.last_quote_speaker = ("", "")  # a quote's speaker speaks only within quotes
    # the reporting speaker of the sentence: "..., Sherman said" / "Sherman said that ..."
    say_subject, say_at, say_first, say_you = _reporting(ps, parties, state, quotes)
    state.say_party = say_subject[0]
    # "We note that the club has offered ...": a speaker calls itself "we", so "the club"
    # in its own report is another party, not the speaker
    state.say_first = say_first
    triggers = []
    for t in ps.tokens:
        if _background(ps, t):
            continue  # "in requesting that the call be held today, the US cited ...": background
        stance = _trigger(ps, t)
        if stance and not _conditional(ps, t.i):
            triggers.append((ps.depth(t.i), t.pos == "NOUN", t.i, stance))
    if not triggers:
        deal = _conditional_deal(ps, reported=bool(say_subject[0]))
        if deal is not None:
            triggers.append((0, False, deal[0], deal[1]))
    if not triggers:
        if quotes and say_subject[0]:
            state.last_quote_speaker = say_subject
        return []
    triggers.sort()
    _, _, i, stance = triggers[0]
    hoped = hoped_for(ps, i)
    if hoped is not None:  # "We hope that the board will reject the plan": we ask it of them
        i, stance = hoped, "demands"
    i = judge_of(ps, i)  # "I find it appalling": I reject it, not "it"
    t = ps.tokens[i]
    if _not_now(ps, t, state):
        return []
    if t.lemma in ("affirm", "reaffirm") and len(triggers) > 1:
        # "affirmed that the United States would welcome ...": the affirmed content's stance
        inner = [x for x in triggers[1:] if ps.tokens[x[2]].head == i]
        if inner and inner[0][3] != "assures":
            stance = inner[0][3]
    if stance in ("demands", "rejects") and _THREAT_WORDS.search(ps.text) and _IF.search(ps.text):
        stance = "warns"  # "if ..., we will seek an injunction": a threat (offers stay offers)
    elif stance in ("demands", "rejects") and _threat_if(ps, i):
        stance = "warns"  # "if ... not ..., we will ask the ombudsman to ...": what we will do
    in_quote = _in(quotes, t.start)
    speaker_party, speaker = say_subject
    if in_quote and not speaker_party:
        speaker_party, speaker = state.last_quote_speaker
    if in_quote and speaker_party:
        state.last_quote_speaker = (speaker_party, speaker)
    holders: list[tuple[str, str]] = []
    target = ""
    modal = {c.lemma for c in ps.children(i) if c.dep == "aux"}
    obliged = (t.lemma not in _VERBS or t.lemma == "undertake") and (
        bool(modal & {"shall", "must"}) or t.lemma in ("have", "need")
    )  # "X shall undertake to ...": the drafter binds X
    if stance == "warns" and t.lemma in _COST_VERBS and modal & {"must", "should"}:
        stance = "demands"  # "Northwind must pay the price": what the speaker asks for
    if (stance in ("warns", "demands") and t.lemma in _COST_VERBS) or obliged:
        subj = _subject(ps, i)
        if subj:
            target = _party_of_np(ps, subj[0], parties, state)[0]
        voice_of = (speaker_party, speaker) if speaker_party else _first_person(state)
        holders = [voice_of] if voice_of[0] else []
    elif t.pos == "NOUN":
        owner = [c for c in ps.children(i) if c.dep in ("poss",)]
        mods = [c for c in ps.children(i) if c.dep in ("amod", "compound") and c.ent_i >= 0]
        if t.dep == "nsubjpass":  # "requests have been filed by X": X's
            owner = owner or [
                g
                for c in ps.children(t.head)
                if c.dep == "agent"
                for g in ps.children(c.i)
                if g.dep == "pobj"
            ]
        # "the firm had no plans to ...", "we have a proposal": the subject of the verb
        # whose object the stance noun is
        verb_subj = _subject(ps, t.head) if t.dep in ("dobj", "attr") and t.head != i else []
        if ps.tokens[t.head].lemma in _RECEIVE:
            verb_subj = []  # the one who receives an offer is not the one who makes it
        if verb_subj and verb_subj[0].text.lower() in _NOT_HOLDERS:
            verb_subj = []
        if owner:
            holders = [_party_of_np(ps, owner[0], parties, state)]
        elif verb_subj and verb_subj[0].text.lower() in _HE_SHE | _THEY_IT and speaker_party:
            holders = [(speaker_party, speaker)]  # "X said it had no plans to ...": X
        elif verb_subj:
            holders = [_party_of_np(ps, s, parties, state) for s in verb_subj]
        elif mods:
            e = ps.entities[mods[0].ent_i]
            holders = [(parties.canonical(e.text, e.label), "")]
        elif speaker_party:
            holders = [(speaker_party, speaker)]
        else:
            holders = [_first_person(state)]
    else:
        subj = _subject(ps, i)
        # "X said that he was 'willing to ...'": the pronoun stands outside the quoted words
        reported = speaker_party and (not in_quote or (subj and not _in(quotes, subj[0].start)))
        between = nearer_subject(ps, i, say_at) if subj and say_at >= 0 else None
        if subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and between is not None:
            # "X said some vendors have said they would offer ...": they are the vendors
            holders = (
                []
                if _others(ps, between) or _people_of_a_kind(ps, between)
                else [_party_of_np(ps, between, parties, state)]
            )
        elif subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and reported:
            holders = [(speaker_party, speaker)]  # "X said it would not ...": it is X
        elif subj and subj[0].text.lower() not in _NOT_HOLDERS:
            holders = [_party_of_np(ps, s, parties, state) for s in subj]
        unresolved_company = (
            bool(subj)
            and (not holders or not holders[0][0])
            and subj[0].lemma in _COMPANY_NOUNS
            and any(c.lemma == "the" for c in ps.children(subj[0].i))
        )
        if not holders or not holders[0][0]:
            holders = [(speaker_party, speaker)] if speaker_party else [_first_person(state)]
            if subj and _others(ps, subj[0]):
                holders = []
            elif between is not None and subj and subj[0].text.lower() in _HE_SHE | _THEY_IT:
                holders = []  # "X said some drivers told her they would ...": not X's
            elif subj and (body := _unnamed_body(ps, subj[0])):
                # "The city council has asked Dashly to ..." in a riders' spokesman's turn:
                # a body the text does not name otherwise, not the speaker
                holders = [(parties.canonical(body, "ORG"), "")]
        if unresolved_company and not (
            holders and holders[0][0] and parties._fits(subj[0].lemma, holders[0][0])
        ):
            # "the operator has threatened to sue" in an MP's speech, no operator named: not
            # the speaker's; counsel for a company saying "the company is willing" stays
            holders = []
        elif subj and _nobody(ps, subj[0], stance):
            holders = []
        elif subj and _people_of_a_kind(ps, subj[0]):
            # "the association said tenants would withhold ...": the reporting party's people;
            # "Local farmers insist ...", "Critics say ...": no identifiable party
            holders = [(speaker_party, speaker)] if speaker_party and not in_quote else []
    if t.pos != "NOUN" and any(s.text.lower() == "you" for s in _subject(ps, i)):
        # "You also ask the association to ...": the addressee's, when the letter names them
        names = [name for at, name in state.dear if at < state.at]
        you = parties.speaks_for(names[-1]) if names else ""
        holders = [(you, names[-1])] if you and you != _first_person(state)[0] else []
    if stance == "demands" and speaker_party and any(c.lemma == "should" for c in ps.children(i)):
        holders = [(speaker_party, speaker)]  # "X says we should ...": X asks it of us
    if stance == "assures" and any(
        g.lemma == "no" for s in _subject(ps, i) for g in ps.children(s.i)
    ):  # "no talks on European security would be held without ...": the speaker's guarantee
        holders = [(speaker_party, speaker)] if speaker_party else [_first_person(state)]
    joint = [names for at, names in state.sections if at < state.at]
    if (
        joint
        and len(joint[-1]) > 1
        and not in_quote
        and not state.turn_label
        and any(s.lemma == "we" or s.text.lower() == "we" for s in _subject(ps, i))
    ):
        holders = [(name, "") for name in joint[-1]]  # a joint statement's "we": each of them
    if say_you and not in_quote and all(h == _first_person(state)[0] for h, _ in holders):
        holders = []  # "In your speech you said the government would not ...": not ours
    if state.news and state.partisans:
        holders = [_lawmaker(ps, i, h, p, state) for h, p in holders]
    holders = [(h, p) for h, p in holders if h]
    if not holders:
        return []
    if not target:
        target = _target(ps, i, parties, {h for h, _ in holders})
    first_person = any(ps.tokens[c.i].text.lower() in _FIRST for c in _subject(ps, i)) or any(
        c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(i)
    )
    own = (
        in_quote
        or first_person
        or bool(state.turn_person)
        or any(h == state.publisher for h, _ in holders)
    )
    about = _about(ps, i)
    out = []
    for holder, person in holders:
        parties.seen(holder)
        if holder in parties.holders:
            parties.holders.remove(holder)
        if holder != state.turn_person or is_party(holder, parties):
            parties.holders.append(holder)  # "they" later is a party, not a speaker's name
        out.append(
            Found(
                0,
                len(ps.text.rstrip()),
                holder,
                stance,
                "own" if own else "paraphrase",
                person or speaker,
                target,
                about,
            )
        )
    return out


def _fallback_holder(
    ps: ParsedSentence, parties: Parties, state: _State, stance_words: list[Token]
) -> tuple[str, str, str, str]:
    """(party, person, voice, how) for a sentence the rules give no statement: its reporting
    speaker, the speaker of the quote it stands in, the speaker's turn, or its subject when that
    names a party; ('', '', '', '') when none is known (the model never adds a statement then).
    """
    if _held_by_none(ps, state, stance_words):
        return "", "", "", ""
    quotes = _sentence_quotes(ps, state)
    said = _reporting(ps, parties, state, quotes)[0]
    if said[0]:
        return said[0], said[1], "own" if quotes else "paraphrase", "said"
    if quotes and state.last_quote_speaker[0]:
        return (*state.last_quote_speaker, "own", "quote")
    if state.turn_label and (state.turn_party or state.turn_person):
        return state.turn_party or state.turn_person, state.turn_person, "own", "turn"
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    subj = _subject(ps, root.i) if root is not None else []
    if subj and subj[0].text.lower() not in _NOT_HOLDERS:
        if _others(ps, subj[0]) or _people_of_a_kind(ps, subj[0]):
            return "", "", "", ""
        party, person = _party_of_np(ps, subj[0], parties, state)
        if party:
            first = subj[0].text.lower() in _FIRST
            return party, person, "own" if first else "paraphrase", "subject"
    return "", "", "", ""


def _held_by_none(ps: ParsedSentence, state: _State, stance_words: list[Token]) -> bool:
    """The rules' reasons why no one holds a position in the sentence: no statement can be
    made of it, a journalist asks it, or its predicate is told otherwise (history, ...).
    """
    return (
        _no_statement(ps, state)
        or state.turn_label == "Q"
        or _told_otherwise(ps, state, stance_words)
    )


def _sentence_quotes(ps: ParsedSentence, state: _State) -> list[tuple[int, int]]:
    """The quoted spans of a sentence, with its opening part when it starts inside a quote."""
    quotes = _quote_spans(ps.text)
    if state.inside_quote:
        close = re.search('["”]', ps.text)
        quotes = [(0, close.end() if close else len(ps.text))] + quotes
    return quotes


def _holder_candidates(
    ps: ParsedSentence, parties: Parties, state: _State, stance_words: list[Token]
) -> list[HolderCue]:
    """Every party the reader can name as the holder of a sentence the rules give no statement,
    with each way it is named: the reporting speaker, the quote's, the turn's, the subject of
    any clause (pronouns resolved as the rules resolve them), first person, "according to X",
    a passive agent, any party or person the sentence names, and the parties that held a stance
    last. The learned holder model chooses among them. Resolving a mention may teach the
    document's state (a person linked, a name added); none of that is kept, so the rules read
    the rest of the document as they would without this.
    """
    if _held_by_none(ps, state, stance_words):
        return []
    saved = (
        dict(parties.names),
        dict(parties.people),
        list(parties.order),
        dict(parties.kinds),
        dict(state.genders),
    )
    quotes = _sentence_quotes(ps, state)
    found: dict[str, tuple[str, str, list[tuple[str, int]]]] = {}

    def put(holder: tuple[str, str], voice: str, how: str, i: int = -1) -> None:
        party, person = holder
        if not party:
            return
        _, known, mentions = found.setdefault(party, (voice, person, []))
        if person and not known:
            found[party] = (found[party][0], person, mentions)
        mentions.append((how, i))

    said, verb, _, _ = _reporting(ps, parties, state, quotes)
    put(said, "own" if quotes else "paraphrase", "said", verb)
    if quotes and state.last_quote_speaker[0]:
        put(state.last_quote_speaker, "own", "quote")
    if state.turn_label and (state.turn_party or state.turn_person):
        put((state.turn_party or state.turn_person, state.turn_person), "own", "turn")
    for t in ps.tokens:
        low = t.text.lower()
        voice = "own" if low in _FIRST or _in(quotes, t.start) else "paraphrase"
        if t.dep in ("nsubj", "nsubjpass") and low not in _NOT_HOLDERS:
            if _others(ps, t) or _people_of_a_kind(ps, t):
                continue
            head = ps.tokens[t.head]
            how = "subject" if head.dep == "ROOT" else f"subj_{head.dep}"
            put(_party_of_np(ps, t, parties, state), voice, how, t.i)
        elif low in _FIRST and t.pos == "PRON":
            put(_first_person(state), "own", "first", t.i)
        elif low == "according":
            for obj in (o for c in ps.children(t.i) for o in ps.children(c.i) if o.dep == "pobj"):
                put(_party_of_np(ps, obj, parties, state), voice, "according", obj.i)
        elif t.dep == "agent":
            for obj in (c for c in ps.children(t.i) if c.dep == "pobj"):
                put(_party_of_np(ps, obj, parties, state), voice, "agent", obj.i)
    for e in ps.entities:
        if e.label not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        heads = [t for t in ps.tokens[e.first : e.last] if not e.first <= t.head < e.last]
        if heads and heads[0].dep not in ("nsubj", "nsubjpass"):
            voice = "own" if _in(quotes, heads[0].start) else "paraphrase"
            put(_party_of_np(ps, heads[0], parties, state), voice, "ent", heads[0].i)
    if parties.holders:
        put((parties.holders[-1], ""), "paraphrase", "recent")
    put((state.last_party, ""), "paraphrase", "last_party")
    put((state.last_person_party, state.last_person), "paraphrase", "last_person")
    if state.publisher:
        put((state.publisher, ""), "own", "publisher")
    parties.names.clear()
    parties.names.update(saved[0])
    parties.people.clear()
    parties.people.update(saved[1])
    parties.order[:] = saved[2]
    parties.kinds.clear()
    parties.kinds.update(saved[3])
    state.genders.clear()
    state.genders.update(saved[4])
    latest = parties.holders[::-1]
    out: dict[str, HolderCue] = {}
    for party, (voice, person, mentions) in found.items():
        held = _held(Found(0, 0, party, "", voice, person), parties, state)
        if held is None:
            continue  # the reader would drop it: a person whose party is unknown
        if held.holder in out:  # a person in their own name, also named as such
            mentions = [*out[held.holder].mentions, *mentions]
        out[held.holder] = HolderCue(
            held.holder,
            held.speaker,
            voice,
            tuple(mentions),
            linked=bool(held.speaker) and held.speaker != held.holder,
            recent=latest.index(held.holder) if held.holder in latest else -1,
            publisher=held.holder == state.publisher,
            kind=parties.kinds.get(held.holder, ""),
            known=bool(parties.registry.find_party(held.holder)),
        )
    return list(out.values())


def _told_otherwise(ps: ParsedSentence, state: _State, stance_words: list[Token]) -> bool:
    """Whether the rules' own reasons for no position hold for the sentence's predicate or any
    stance word in it. The model adds no statement against them.
    """
    marks = [t for t in ps.tokens if t.dep == "ROOT"] + stance_words
    return any(_not_now(ps, t, state) for t in marks)


def _not_now(ps: ParsedSentence, t: Token, state: _State) -> bool:
    """Whether a stance word states no position held now: history, a request for comment, what
    someone did not say, a guess about another party, an occasion among others, or (in news
    copy) a stand told as past history.
    """
    return (
        _history(ps, t)
        or about_comment(ps, t.i)
        or unsaid(ps, t.i)
        or speculated(ps, t.i)
        or another_time(ps, t.i)
        or (
            state.news and told_as_history(ps, t if t.pos in ("VERB", "AUX") else ps.tokens[t.head])
        )
    )


def _lawmaker(
    ps: ParsedSentence, i: int, holder: str, person: str, state: _State
) -> tuple[str, str]:
    """A lawmaker tied to a party only by a partisan tag ("Rep. Dana Holt, R-Colo.") holds a
    position in their own name in news copy, unless the stance is said of the party outside
    the subject ("said Republicans would block ...", "said her caucus would not accept ...").
    """
    full = state.partisans.get(person) or state.partisans.get(surname_of(person)) if person else ""
    if not full:
        return holder, person
    if any(s.text.lower() in ("we", "us", "our") for s in _subject(ps, i)):
        return holder, person  # "We will not pass ...": the lawmaker speaks for the caucus
    subject = {t.i for s in _subject(ps, i) for t in ps.subtree(s.i)}
    named = re.compile(
        rf"\b(?:{re.escape(holder)}|GOP|caucus|party|{re.escape(holder[:-1])})", re.I
    )
    if any(named.match(t.text) for t in ps.tokens if t.i not in subject):
        return holder, person
    return full, full


def _reporting(
    ps: ParsedSentence, parties: Parties, state: _State, quotes: list[tuple[int, int]]
) -> tuple[tuple[str, str], int, bool, bool]:
    """The reporting speaker of a sentence ("..., Sherman said" / "Sherman said that ..."): its
    (party, person), the reporting verb, whether it is "we"/"I", and whether it is an unnamed
    "you" ("you said that ..." to an addressee no text names: not the writer's).
    """
    for t in ps.tokens:
        if t.lemma in _SAY and t.pos == "VERB" and not _in(quotes, t.start):
            subj = [c for c in ps.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
            if not subj and t.dep == "conj":  # "X declined to comment, but said ...": X
                subj = [c for c in ps.children(t.head) if c.dep in ("nsubj", "nsubjpass")]
            if subj:
                # "An opposition lawmaker Ana Ruiz, ..., said": the name, parsed as a second
                # subject beside its title, says who
                subj.sort(key=lambda c: c.ent_i < 0 or ps.entities[c.ent_i].label != "PERSON")
                said = _party_of_np(ps, subj[0], parties, state)
                you = subj[0].text.lower() == "you" and not said[0]
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


def _nobody(ps: ParsedSentence, subj: Token, stance: str) -> bool:
    """Whether the subject of a stance predicate rules out a party holding it: a negative one
    ("nobody had asked the authority to delay": no one asked; "no driver will lose pay" is a
    guarantee and stays).
    """
    kids = ps.children(subj.i)
    return stance != "assures" and (
        subj.lemma in ("nobody", "none", "noone") or any(c.lemma == "no" for c in kids)
    )


def _others(ps: ParsedSentence, subj: Token) -> bool:
    """A subject that names people other than the speaker without naming a party: "Several
    hospital trusts have warned", "Some residents want", "Many of them demand".
    """
    kids = ps.children(subj.i)
    quantified = subj.lemma in ("some", "many", "several", "few", "most", "other", "others") or any(
        c.lemma in ("some", "many", "several", "few", "most", "other") for c in kids
    )
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
        or any(t.lemma in _FIRST | _HE_SHE | _THEY_IT | _NOT_HOLDERS for t in before)
        or any(t.pos in ("PUNCT", "SPACE", "PRON", "DET", "SCONJ", "CCONJ") for t in before)
    ):
        return ""
    return " ".join(t.text for t in before)


def _unnamed_body(ps: ParsedSentence, subj: Token) -> str:
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


def _people_of_a_kind(ps: ParsedSentence, subj: Token) -> bool:
    """A bare plural of people ('tenants', 'farmers', 'workers'), with no determiner."""
    kids = ps.children(subj.i)
    return (
        subj.tag == "NNS"
        and (subj.lemma in _GROUP_NOUNS or subj.text.lower() in _GROUP_NOUNS)
        and not any(c.dep in ("det", "poss", "nummod") for c in kids)
    )


def _target(ps: ParsedSentence, i: int, parties: Parties, holders: set[str]) -> str:
    own = {t.i for s in _subject(ps, i) for t in ps.subtree(s.i)}
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


def _about(ps: ParsedSentence, i: int) -> str:
    words: list[str] = []
    for c in ps.children(i):
        if c.dep in ("dobj", "xcomp", "ccomp", "prep", "prt", "attr", "acomp", "pobj"):
            words += [t.text for t in ps.subtree(c.i)]
    if not words:
        words = [t.text for t in ps.tokens if t.i > i]
    text = re.sub(r"\s+([,.;:!?'’])", r"\1", " ".join(words)).strip(' ,.;:"”')
    parts = text.split()
    return " ".join(parts[:25]) + (" …" if len(parts) > 25 else "")


def _dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[int, str]] = set()
    out = []
    for f in found:
        if (f.start, f.holder) in seen:
            continue
        seen.add((f.start, f.holder))
        out.append(f)
    return out
