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
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from assistant.condemnation import CUE as _CONDEMN_CUE
from assistant.condemnation import judge_of
from assistant.hopes import hoped_for
from assistant.news_names import elected, news_links, opposition_people
from assistant.parties import Registry
from assistant.quote_spans import quote_members, quote_runs, sentence_quotes
from assistant.referents import nearer_subject
from assistant.representatives import bare_chiefs, kind_titles, represented
from assistant.stance_holders import (
    NOT_HOLDERS,
    ReadingState,
    first_person_holder,
    lawmaker_holder,
    nobody_holds,
    party_of_np,
    people_of_a_kind,
    quoted_spans,
    quotes_in_sentence,
    remember,
    reporting_speaker,
    subjects_of,
    target_of,
    unnamed_body,
    unnamed_others,
    within,
)
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
    PARTY_NAME,
    Parties,
    is_party,
    is_titled,
    learn_people,
    main_company,
    organisations,
    people_by_title,
    surname_of,
)
from assistant.stance_triggers import (
    IF_WORDS,
    RECEIVE,
    background,
    conditional_deal,
    continues_quote,
    held_by_none,
    in_condition,
    no_statement,
    not_now,
    threat_if,
    trigger,
)
from assistant.stance_words import (
    _COMPANY_NOUNS,
    _COST_VERBS,
    _CUE,
    _DOMAIN,
    _FIRST,
    _HE_SHE,
    _LEANS,
    _NOT_SPEAKER_ROLES,
    _NOT_SPEAKERS,
    _OUTLETS,
    _THEY_IT,
    _THREAT_WORDS,
    _VERBS,
    _VOICED,
    _WEAK_CUE,
)
from assistant.voices import Turn, Voice, author, read_voices
from index.language import ParsedSentence, Parser, Token


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
        state = ReadingState(publisher=publisher)
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
                said = reporting_speaker(later[-1], parties, state, quoted_spans(later[-1].text))[0]
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
                remember(ps, parties, state)
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
        state: ReadingState,
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
        stance_words = [(t, stance) for t in ps.tokens if (stance := trigger(ps, t)) is not None]
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
        self, ps: ParsedSentence, parties: Parties, state: ReadingState, official: bool
    ) -> list[HolderCue] | None:
        """When tracing, the holders the model could choose in a candidate sentence, as they
        stand before the rules read it (their statements move the document's state on).
        """
        if self.trace is None or not candidate(ps.text, official):
            return None
        stance_words = [t for t in ps.tokens if trigger(ps, t) is not None]
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


def _held(f: Found, parties: Parties, state: ReadingState) -> Found | None:
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


def _statements(ps: ParsedSentence, parties: Parties, state: ReadingState) -> list[Found]:
    if no_statement(ps, state):
        return []
    quotes = quoted_spans(ps.text)
    if state.inside_quote:  # the sentence opens inside a quote begun in a sentence before
        close = re.search('["”]', ps.text)
        first = (0, close.end() if close else len(ps.text))
        quotes = [first] + [q for q in quotes if q[0] >= first[1]]
    elif not re.search('["“”]', ps.text):
        state.last_quote_speaker = ("", "")  # a quote's speaker speaks only within quotes
    # the reporting speaker of the sentence: "..., Sherman said" / "Sherman said that ..."
    say_subject, say_at, say_first, say_you = reporting_speaker(ps, parties, state, quotes)
    state.say_party = say_subject[0]
    # "We note that the club has offered ...": a speaker calls itself "we", so "the club"
    # in its own report is another party, not the speaker
    state.say_first = say_first
    triggers = []
    for t in ps.tokens:
        if background(ps, t):
            continue  # "in requesting that the call be held today, the US cited ...": background
        stance = trigger(ps, t)
        if stance and not in_condition(ps, t.i):
            triggers.append((ps.depth(t.i), t.pos == "NOUN", t.i, stance))
    if not triggers:
        deal = conditional_deal(ps, reported=bool(say_subject[0]))
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
    if not_now(ps, t, state):
        return []
    if t.lemma in ("affirm", "reaffirm") and len(triggers) > 1:
        # "affirmed that the United States would welcome ...": the affirmed content's stance
        inner = [x for x in triggers[1:] if ps.tokens[x[2]].head == i]
        if inner and inner[0][3] != "assures":
            stance = inner[0][3]
    if (
        stance in ("demands", "rejects")
        and _THREAT_WORDS.search(ps.text)
        and IF_WORDS.search(ps.text)
    ):
        stance = "warns"  # "if ..., we will seek an injunction": a threat (offers stay offers)
    elif stance in ("demands", "rejects") and threat_if(ps, i):
        stance = "warns"  # "if ... not ..., we will ask the ombudsman to ...": what we will do
    in_quote = within(quotes, t.start)
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
        subj = subjects_of(ps, i)
        if subj:
            target = party_of_np(ps, subj[0], parties, state)[0]
        voice_of = (speaker_party, speaker) if speaker_party else first_person_holder(state)
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
        verb_subj = subjects_of(ps, t.head) if t.dep in ("dobj", "attr") and t.head != i else []
        if ps.tokens[t.head].lemma in RECEIVE:
            verb_subj = []  # the one who receives an offer is not the one who makes it
        if verb_subj and verb_subj[0].text.lower() in NOT_HOLDERS:
            verb_subj = []
        if owner:
            holders = [party_of_np(ps, owner[0], parties, state)]
        elif verb_subj and verb_subj[0].text.lower() in _HE_SHE | _THEY_IT and speaker_party:
            holders = [(speaker_party, speaker)]  # "X said it had no plans to ...": X
        elif verb_subj:
            holders = [party_of_np(ps, s, parties, state) for s in verb_subj]
        elif mods:
            e = ps.entities[mods[0].ent_i]
            holders = [(parties.canonical(e.text, e.label), "")]
        elif speaker_party:
            holders = [(speaker_party, speaker)]
        else:
            holders = [first_person_holder(state)]
    else:
        subj = subjects_of(ps, i)
        # "X said that he was 'willing to ...'": the pronoun stands outside the quoted words
        reported = speaker_party and (not in_quote or (subj and not within(quotes, subj[0].start)))
        between = nearer_subject(ps, i, say_at) if subj and say_at >= 0 else None
        if subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and between is not None:
            # "X said some vendors have said they would offer ...": they are the vendors
            holders = (
                []
                if unnamed_others(ps, between) or people_of_a_kind(ps, between)
                else [party_of_np(ps, between, parties, state)]
            )
        elif subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and reported:
            holders = [(speaker_party, speaker)]  # "X said it would not ...": it is X
        elif subj and subj[0].text.lower() not in NOT_HOLDERS:
            holders = [party_of_np(ps, s, parties, state) for s in subj]
        unresolved_company = (
            bool(subj)
            and (not holders or not holders[0][0])
            and subj[0].lemma in _COMPANY_NOUNS
            and any(c.lemma == "the" for c in ps.children(subj[0].i))
        )
        if not holders or not holders[0][0]:
            holders = [(speaker_party, speaker)] if speaker_party else [first_person_holder(state)]
            if subj and unnamed_others(ps, subj[0]):
                holders = []
            elif between is not None and subj and subj[0].text.lower() in _HE_SHE | _THEY_IT:
                holders = []  # "X said some drivers told her they would ...": not X's
            elif subj and (body := unnamed_body(ps, subj[0])):
                # "The city council has asked Dashly to ..." in a riders' spokesman's turn:
                # a body the text does not name otherwise, not the speaker
                holders = [(parties.canonical(body, "ORG"), "")]
        if unresolved_company and not (
            holders and holders[0][0] and parties._fits(subj[0].lemma, holders[0][0])
        ):
            # "the operator has threatened to sue" in an MP's speech, no operator named: not
            # the speaker's; counsel for a company saying "the company is willing" stays
            holders = []
        elif subj and nobody_holds(ps, subj[0], stance):
            holders = []
        elif subj and people_of_a_kind(ps, subj[0]):
            # "the association said tenants would withhold ...": the reporting party's people;
            # "Local farmers insist ...", "Critics say ...": no identifiable party
            holders = [(speaker_party, speaker)] if speaker_party and not in_quote else []
    if t.pos != "NOUN" and any(s.text.lower() == "you" for s in subjects_of(ps, i)):
        # "You also ask the association to ...": the addressee's, when the letter names them
        names = [name for at, name in state.dear if at < state.at]
        you = parties.speaks_for(names[-1]) if names else ""
        holders = [(you, names[-1])] if you and you != first_person_holder(state)[0] else []
    if stance == "demands" and speaker_party and any(c.lemma == "should" for c in ps.children(i)):
        holders = [(speaker_party, speaker)]  # "X says we should ...": X asks it of us
    if stance == "assures" and any(
        g.lemma == "no" for s in subjects_of(ps, i) for g in ps.children(s.i)
    ):  # "no talks on European security would be held without ...": the speaker's guarantee
        holders = [(speaker_party, speaker)] if speaker_party else [first_person_holder(state)]
    joint = [names for at, names in state.sections if at < state.at]
    if (
        joint
        and len(joint[-1]) > 1
        and not in_quote
        and not state.turn_label
        and any(s.lemma == "we" or s.text.lower() == "we" for s in subjects_of(ps, i))
    ):
        holders = [(name, "") for name in joint[-1]]  # a joint statement's "we": each of them
    if say_you and not in_quote and all(h == first_person_holder(state)[0] for h, _ in holders):
        holders = []  # "In your speech you said the government would not ...": not ours
    if state.news and state.partisans:
        holders = [lawmaker_holder(ps, i, h, p, state) for h, p in holders]
    holders = [(h, p) for h, p in holders if h]
    if not holders:
        return []
    if not target:
        target = target_of(ps, i, parties, {h for h, _ in holders})
    first_person = any(ps.tokens[c.i].text.lower() in _FIRST for c in subjects_of(ps, i)) or any(
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
    ps: ParsedSentence, parties: Parties, state: ReadingState, stance_words: list[Token]
) -> tuple[str, str, str, str]:
    """(party, person, voice, how) for a sentence the rules give no statement: its reporting
    speaker, the speaker of the quote it stands in, the speaker's turn, or its subject when that
    names a party; ('', '', '', '') when none is known (the model never adds a statement then).
    """
    if held_by_none(ps, state, stance_words):
        return "", "", "", ""
    quotes = quotes_in_sentence(ps, state)
    said = reporting_speaker(ps, parties, state, quotes)[0]
    if said[0]:
        return said[0], said[1], "own" if quotes else "paraphrase", "said"
    if quotes and state.last_quote_speaker[0]:
        return (*state.last_quote_speaker, "own", "quote")
    if state.turn_label and (state.turn_party or state.turn_person):
        return state.turn_party or state.turn_person, state.turn_person, "own", "turn"
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    subj = subjects_of(ps, root.i) if root is not None else []
    if subj and subj[0].text.lower() not in NOT_HOLDERS:
        if unnamed_others(ps, subj[0]) or people_of_a_kind(ps, subj[0]):
            return "", "", "", ""
        party, person = party_of_np(ps, subj[0], parties, state)
        if party:
            first = subj[0].text.lower() in _FIRST
            return party, person, "own" if first else "paraphrase", "subject"
    return "", "", "", ""


def _holder_candidates(
    ps: ParsedSentence, parties: Parties, state: ReadingState, stance_words: list[Token]
) -> list[HolderCue]:
    """Every party the reader can name as the holder of a sentence the rules give no statement,
    with each way it is named: the reporting speaker, the quote's, the turn's, the subject of
    any clause (pronouns resolved as the rules resolve them), first person, "according to X",
    a passive agent, any party or person the sentence names, and the parties that held a stance
    last. The learned holder model chooses among them. Resolving a mention may teach the
    document's state (a person linked, a name added); none of that is kept, so the rules read
    the rest of the document as they would without this.
    """
    if held_by_none(ps, state, stance_words):
        return []
    saved = (
        dict(parties.names),
        dict(parties.people),
        list(parties.order),
        dict(parties.kinds),
        dict(state.genders),
    )
    quotes = quotes_in_sentence(ps, state)
    found: dict[str, tuple[str, str, list[tuple[str, int]]]] = {}

    def put(holder: tuple[str, str], voice: str, how: str, i: int = -1) -> None:
        party, person = holder
        if not party:
            return
        _, known, mentions = found.setdefault(party, (voice, person, []))
        if person and not known:
            found[party] = (found[party][0], person, mentions)
        mentions.append((how, i))

    said, verb, _, _ = reporting_speaker(ps, parties, state, quotes)
    put(said, "own" if quotes else "paraphrase", "said", verb)
    if quotes and state.last_quote_speaker[0]:
        put(state.last_quote_speaker, "own", "quote")
    if state.turn_label and (state.turn_party or state.turn_person):
        put((state.turn_party or state.turn_person, state.turn_person), "own", "turn")
    for t in ps.tokens:
        low = t.text.lower()
        voice = "own" if low in _FIRST or within(quotes, t.start) else "paraphrase"
        if t.dep in ("nsubj", "nsubjpass") and low not in NOT_HOLDERS:
            if unnamed_others(ps, t) or people_of_a_kind(ps, t):
                continue
            head = ps.tokens[t.head]
            how = "subject" if head.dep == "ROOT" else f"subj_{head.dep}"
            put(party_of_np(ps, t, parties, state), voice, how, t.i)
        elif low in _FIRST and t.pos == "PRON":
            put(first_person_holder(state), "own", "first", t.i)
        elif low == "according":
            for obj in (o for c in ps.children(t.i) for o in ps.children(c.i) if o.dep == "pobj"):
                put(party_of_np(ps, obj, parties, state), voice, "according", obj.i)
        elif t.dep == "agent":
            for obj in (c for c in ps.children(t.i) if c.dep == "pobj"):
                put(party_of_np(ps, obj, parties, state), voice, "agent", obj.i)
    for e in ps.entities:
        if e.label not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        heads = [t for t in ps.tokens[e.first : e.last] if not e.first <= t.head < e.last]
        if heads and heads[0].dep not in ("nsubj", "nsubjpass"):
            voice = "own" if within(quotes, heads[0].start) else "paraphrase"
            put(party_of_np(ps, heads[0], parties, state), voice, "ent", heads[0].i)
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
