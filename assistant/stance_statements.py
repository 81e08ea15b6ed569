"""A stance statement (`Found`) and how the rules build one from a parsed sentence.

The rules' statements, the holders the learned model may choose among and the reader's one
fallback guess all pass the same check before they are kept (`as_kept`), so they live together,
apart from the reader (`assistant.stance`), which walks a document, carries its state from
sentence to sentence and asks the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.condemnation import CONDEMNING, judge_of
from assistant.hopes import hoped_for, hopes_for_events, within_hope
from assistant.news_names import elected
from assistant.referents import nearer_subject
from assistant.stance_holders import (
    NOT_HOLDERS,
    ReadingState,
    a_kind_unnamed,
    addressee,
    counted_parties,
    described_group,
    first_person_holder,
    lawmaker_holder,
    named_group,
    nobody_holds,
    party_of_np,
    people_of_a_kind,
    quoted_from_start,
    quoted_spans,
    quotes_in_sentence,
    reporting_speaker,
    subjects_of,
    target_of,
    unnamed_body,
    unnamed_others,
    within,
)
from assistant.stance_model import HolderCue
from assistant.stance_parties import Parties, is_commentator, is_party, is_titled
from assistant.stance_triggers import (
    _ABSTRACT_NOUN,
    _THINGS,
    IF_WORDS,
    RECEIVE,
    background,
    conditional_deal,
    denied,
    held_by_none,
    in_condition,
    no_statement,
    not_now,
    owed,
    threat_if,
    time_for,
    trigger,
)
from assistant.stance_words import (
    _COMPANY_NOUNS,
    _COST_VERBS,
    _FIRST,
    _HE_SHE,
    _NOUNS,
    _OPINION,
    _READY,
    _SAY,
    _THEY_IT,
    _THREAT_WORDS,
    _TITLE_WORDS,
    _VERBS,
)
from index.language import ParsedSentence, Token


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
    # eval/train_stance.py only (training data, `StanceReader.trace` set): (sentence, holder),
    # the indices in the trace of a statement the learned model could add; it is not yet a
    # statement (see `continuations`). None in every reading outside a trace.
    traced: tuple[int, int] | None = None


# A news outlet ("CNN cannot verify the figures", "..., Sky News says", "(AP)"): in news copy it
# reports positions and holds none
_OUTLET = re.compile(
    r"(?:CNN|AP|AFP|BBC|NPR|Reuters|Politico|Axios|Bloomberg|Associated Press|(?i:USA TODAY)\b.*|"
    r"BBC Radio.*|(?:Daily )?Mirror|Daily Mail|Al Jazeera|Euronews|"
    r".*\b(?:News|Times|Post|Journal|Independent|Guardian|Telegraph|Herald|Tribune|Gazette|"
    r"Chronicle|Observer|Register|Sentinel|Public Radio))"
)


def as_kept(f: Found, parties: Parties, state: ReadingState) -> Found | None:
    """A statement as it is kept: in news copy, a person no text links to a party who holds an
    elected office holds it in their own name ("Mayor Tim Dougherty" ... "Dougherty said");
    any other such person's is dropped (None), their party unknown, and so is a news outlet's.
    """
    text = parties.text
    # the analyst may be the holder, named by the parse with no speaker ("Park expects ...")
    person = f.speaker or ("" if is_party(f.holder, parties) else f.holder)
    if state.news and (_OUTLET.fullmatch(f.holder) or is_commentator(person, text)):
        return None  # an outlet reports and an analyst comments: neither is a party
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


def _believer(ps: ParsedSentence, t: Token) -> Token | None:
    """The named subject of "believe/think/feel" whose clause `t` is ("The union believes the
    district should ..."); None for "I"/"we" (the voice already speaks) or no such verb.
    """
    head = ps.tokens[t.head]
    if t.dep != "ccomp" or head.lemma not in _OPINION:
        return None
    subj = subjects_of(ps, head.i)
    if not subj or subj[0].text.lower() in _FIRST | _HE_SHE | _THEY_IT:
        return None
    return subj[0]


def _extraposed(ps: ParsedSentence, subj: Token) -> bool:
    """An "it" that stands for a clause after the judgement ("it is unacceptable for officers
    to lose money", "it is wrong that ..."), not for a party or a thing named before.
    """
    if subj.lemma != "it" or subj.dep != "nsubj":
        return False
    verb = ps.tokens[subj.head]
    kids = ps.children(verb.i)
    judged = [c for c in kids if c.dep == "acomp"]
    return (
        verb.lemma == "be"
        and bool(judged)
        and any(
            c.dep in ("ccomp", "advcl", "xcomp")
            and c.i > judged[0].i
            and any(
                (g.dep == "mark" and g.lemma in ("that", "for"))
                or (g.dep == "aux" and g.lemma == "to")
                for g in ps.children(c.i)
            )
            for c in kids
        )
    )


def _judged(ps: ParsedSentence, t: Token) -> bool | None:
    """For an offer named as the subject of "be" with a complement ("the offers from X were an
    insult"): whether the complement condemns it; None when the sentence does not judge one.
    """
    verb = ps.tokens[t.head]
    if (
        t.dep != "nsubj"
        or verb.lemma != "be"
        or not any(
            c.dep == "prep"
            and c.lemma == "from"
            or c.dep == "poss"
            and c.text.lower() not in _FIRST
            for c in ps.children(t.i)
        )
    ):
        return None
    said = [c for c in ps.children(verb.i) if c.dep in ("attr", "acomp")]
    if not said:
        return None
    words = {u.lemma.lower() for c in said for u in ps.subtree(c.i)}
    return bool(words & (CONDEMNING | _POOR))


# what an offer is called when it is turned down ("an insult", "meager", "a joke")
_POOR = {
    "insult", "insulting", "disgusting", "inadequate", "insufficient", "meager", "meagre",
    "unfair", "ridiculous", "laughable", "disappointing", "slap", "joke",
}  # fmt: skip


def _a_thing(ps: ParsedSentence, s: Token) -> bool:
    """A subject that is a thing or an act ("an increase in X", "the plan"), owned by no name."""
    return (
        s.pos == "NOUN"
        and s.ent_i < 0
        and s.text.islower()
        and (
            s.lemma in _THINGS or s.lemma in _CHANGES or _ABSTRACT_NOUN.search(s.lemma) is not None
        )
        and not any(c.dep in ("poss", "compound") and c.ent_i >= 0 for c in ps.children(s.i))
    )


# what a quoted subject may be besides an abstract noun: a change made
_CHANGES = {"increase", "rise", "cut", "hike", "change", "move", "rollback", "ban", "freeze"}


def continuations(
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
        if any(f.traced is None for f in found_at.get(n, [])):
            continue  # (a traced holder the model could choose is not yet a statement)
        if member.get(n - 1) == member[n] and found_at.get(n - 1):
            out += [replace(f, start=start, end=end, voice="own") for f in found_at[n - 1]]
    return out


# what a party may be ready to do that takes a threat back, not makes one
_UNDOING = {
    "withdraw",
    "drop",
    "suspend",
    "end",
    "call",
    "lift",
    "halt",
    "stop",
    "cancel",
    "settle",
    "postpone",  # "willing to postpone the rent-withholding ballot if ...": a concession
    "defer",
    "delay",
    "pause",
    "shelve",
}


def _threatened(ps: ParsedSentence, i: int) -> bool:
    """Whether what a party is ready to do is a threat: the action it is ready for is a strike,
    a court case, a blockade (`_THREAT_WORDS`), not the withdrawal of one ("willing to
    withdraw the appeal if ..." is an offer).
    """
    for c in ps.children(i):
        if c.dep != "xcomp" or c.lemma in _UNDOING:
            continue
        # the action itself, without its condition ("ready to talk if the strike ends")
        clause = {u.i for u in ps.subtree(c.i)} - {
            u.i for g in ps.children(c.i) if g.dep == "advcl" for u in ps.subtree(g.i)
        }
        words = " ".join(ps.tokens[k].text for k in sorted(clause))
        if _THREAT_WORDS.search(words):
            return True
    return False


_TELLING = {
    "tell", "assure", "promise", "inform", "write", "say", "explain", "confirm", "warn", "advise",
    "notify", "reply", "insist",
}  # fmt: skip


def _told_us(ps: ParsedSentence, verb: int) -> bool:
    """A reporting verb whose object is the writer ("told us", "assured me", "wrote to us")."""
    if ps.tokens[verb].lemma not in _TELLING or ps.tokens[verb].dep not in ("ROOT", "conj"):
        return False  # "a contract that allows it to claim damages from us": no one tells us
    kids = ps.children(verb)
    if any(c.dep == "neg" for c in kids):
        return False  # "... when the studio will not tell us how many": not what it told
    objects = [c for c in kids if c.dep in ("dobj", "dative")] + [
        g for c in kids if c.dep == "prep" for g in ps.children(c.i) if g.dep == "pobj"
    ]
    # "told us", "told our committee on 4 March that ...": the writer's side is told
    return any(
        o.text.lower() in ("us", "me")
        or any(c.dep == "poss" and c.text.lower() in ("our", "my") for c in ps.children(o.i))
        for o in objects
    )


# the addressee's own words quoted ("Your letter of 4 May states:", "your reply read:"); the
# parser can take "May states" for a noun
_YOUR_WORDS = re.compile(
    r"\s*(?:In )?[Yy]our (?:\w+ ){0,1}(?:letter|reply|response|email|e-mail|notice|message|"
    r"statement|note)\b[^:]{0,60}\b(?:states?|stated|says?|said|reads?|read|told us)\s*:\s*$"
)


def introduces_quote(ps: ParsedSentence, parties: Parties, state: ReadingState) -> None:
    """A sentence that hands over to a quoted passage ("In its letter of 12 May, Mareva
    Energy told us:" / '"We are not in a position to ..."'): the passage is that speaker's,
    not the writer's, though the sentence itself states nothing.
    """
    if not ps.text.rstrip().endswith(":"):
        return
    said, _, _, you = reporting_speaker(ps, parties, state, [])
    you = you or _YOUR_WORDS.match(ps.text) is not None  # "Your letter of 4 May states:"
    if you:  # "Your letter of 4 May states:": the addressee's, when the letter names them
        said = addressee(parties, state)
    if not said[0] and not you:
        # "..., signed by its project director, Jonas Veldkamp, Mareva Energy told us:": the
        # name before the verb, which the parser joined to the apposition before it
        verb = next((t for t in ps.tokens if t.dep == "ROOT" and t.lemma in _SAY), None)
        named = [e for e in ps.entities if verb is not None and e.last == verb.i]
        if named and named[0].label in ("ORG", "GPE", "NORP"):
            said = (parties.canonical(named[0].text, named[0].label), "")
        elif named and named[0].label == "PERSON":
            said = (parties.speaks_for(named[0].text), named[0].text)
    if said[0]:
        state.last_quote_speaker = said


# what sets one clause against another ("..., while CUPE had pushed for ..."); and what
# concedes a point besides ("Although the union accepts ...")
_CONTRAST = frozenset({"while", "whereas"})
_CONCESSIVE = _CONTRAST | {"although", "though"}


def _clause_opened_by(ps: ParsedSentence, a: int, marks: frozenset[str]) -> bool:
    """Whether token `a` heads an adverbial clause opened by one of `marks`."""
    return ps.tokens[a].dep == "advcl" and any(
        c.dep == "mark" and c.lemma in marks for c in ps.children(a)
    )


def _conceded(ps: ParsedSentence, i: int) -> int:
    """2 for a stance word in a clause the sentence concedes ("While Biden has voiced support
    for ..., Manchin and Sinema remain opposed"): the main clause's stance comes first.
    """
    return 2 if any(_clause_opened_by(ps, a, _CONCESSIVE) for a in [i, *ps.ancestors(i)]) else 0


def statements(ps: ParsedSentence, parties: Parties, state: ReadingState) -> list[Found]:
    if no_statement(ps, state):
        return []
    quotes = quoted_spans(ps.text)
    if state.inside_quote:  # the sentence opens inside a quote begun in a sentence before
        quotes = quoted_from_start(ps.text, quotes)
    elif not re.search('["“”]', ps.text):
        state.last_quote_speaker = ("", "")  # a quote's speaker speaks only within quotes
    # the reporting speaker of the sentence: "..., Sherman said" / "Sherman said that ..."; not
    # the last sentence's while this one's is read ("The company warned that ..." after "The
    # council's chair said ...": the company is not the council)
    state.say_party, state.say_first = "", False
    say_subject, say_at, say_first, say_you = reporting_speaker(ps, parties, state, quotes)
    if state.news and is_commentator(say_subject[1], parties.text):
        return []  # an analyst's reading of events: the parties named in it are only mentioned
    told_us = say_at >= 0 and not say_first and _told_us(ps, say_at)
    if told_us and say_subject[0] == first_person_holder(state)[0]:
        # "The chief constable told us that ...", the title taken for the writer's own: whoever
        # tells us is not us
        say_subject = ("", "")
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
            triggers.append((ps.depth(t.i) + _conceded(ps, t.i), t.pos == "NOUN", t.i, stance))
    if not triggers:
        deal = conditional_deal(ps, reported=bool(say_subject[0]))
        if deal is not None:
            triggers.append((0, False, deal[0], deal[1]))
    if not triggers:
        if quotes and say_subject[0]:
            state.last_quote_speaker = say_subject
        return []
    triggers.sort()
    if quotes and not say_subject[0] and within(quotes, ps.tokens[triggers[0][2]].start):
        # "Biden has vowed to sign the package “immediately ...: We stand with our friends”":
        # the parser hung the vow under the quote's verb; the vow before the quote is the
        # statement, the quote its words
        before = [x for x in triggers if ps.tokens[x[2]].start < quotes[0][0]]
        if before:
            triggers = before
    _, _, i, stance = triggers[0]
    if hopes_for_events(ps, i):
        return []
    hoped = hoped_for(ps, i)
    if hoped is not None:  # "We hope that the board will reject the plan": we ask it of them
        i, stance = hoped, "demands"
    elif within_hope(ps, i):
        return []  # "We hope the Movement's leaders will think about what their people want"
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
    elif stance == "offers" and t.lemma in _READY and _threatened(ps, i):
        stance = "warns"  # "prepared to take the company to the tribunal", "ready to strike"
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
        bool(modal & {"shall", "must", "should"}) or t.lemma in ("have", "need")
    )  # "X shall undertake to ...": the drafter binds X
    if stance == "warns" and t.lemma in _COST_VERBS and modal & {"must", "should"}:
        stance = "demands"  # "Northwind must pay the price": what the speaker asks for
    if (stance in ("warns", "demands") and t.lemma in _COST_VERBS) or obliged:
        subj = subjects_of(ps, i)
        if subj:
            target = party_of_np(ps, subj[0], parties, state)[0]
        voice_of = (speaker_party, speaker) if speaker_party else first_person_holder(state)
        believer = _believer(ps, t)
        if believer is not None:
            # "The union believes the district should hire more teachers": the union asks it
            voice_of = party_of_np(ps, believer, parties, state)
        holders = [voice_of] if voice_of[0] else []
    elif (
        t.pos == "NOUN"
        and t.dep == "nsubj"
        and stance != _NOUNS.get(t.lemma, stance)
        and (speaker_party or in_quote)
    ):
        # "X said the hospital's proposal could lead to longer waits": X judges another's
        # offer (a warning, a refusal); the offer's owner holds nothing here
        voice_of = (speaker_party, speaker) if speaker_party else first_person_holder(state)
        holders = [voice_of] if voice_of[0] else []
    elif (
        t.pos == "NOUN"
        and stance == "offers"
        and speaker_party
        and (judged := _judged(ps, t)) is not None
    ):
        # "The union said the offers from Orvel and Dunmere were an insult": the speaker judges
        # another's offer; a refusal when the judgement condemns it, else no position of theirs
        if not judged:
            return []
        stance, holders = "rejects", [(speaker_party, speaker)]
    elif t.pos == "NOUN":
        owner = [c for c in ps.children(i) if c.dep in ("poss",)]
        mods = [c for c in ps.children(i) if c.dep in ("amod", "compound") and c.ent_i >= 0]
        if t.dep == "nsubjpass":  # "requests have been filed by X": X's
            owner = owner or _agents(ps, t.head)
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
        voice = (speaker_party, speaker) if speaker_party else first_person_holder(state)
        if subj and voice[0] and _extraposed(ps, subj[0]):
            # 'Yard said that "it is unacceptable for any officer to be losing money"': the
            # speaker's judgement; "it" stands for the clause after, no party
            holders = [voice]
        elif subj and voice[0] and owed(ps, t):
            # "Rasmussen said the international community 'has an obligation to stop ...'": the
            # speaker's demand of the community
            holders = [voice]
        elif subj and subj[0].lemma == "it" and voice[0] and t.lemma == "be" and time_for(ps, t):
            # "'It is time for Machar to accept the ceasefire,' said Igga": the speaker's
            # demand; "it" stands for no party
            holders = [voice]
        elif subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and between is not None:
            # "X said some vendors have said they would offer ...": they are the vendors
            holders = (
                []
                if unnamed_others(ps, between) or people_of_a_kind(ps, between)
                else [party_of_np(ps, between, parties, state)]
            )
        elif subj and subj[0].text.lower() in (_HE_SHE | _THEY_IT) and reported:
            holders = [(speaker_party, speaker)]  # "X said it would not ...": it is X
        elif subj and speaker_party and denied(ps, t):
            # "Calverton's council said Velden's remarks were baseless": the council denies them
            holders = [(speaker_party, speaker)]
        elif subj and in_quote and speaker_party and _a_thing(ps, subj[0]):
            # 'Hammond said: "An increase in National Insurance contributions is asking young
            # people to pay ..."': a name inside the quoted thing is not who speaks
            holders = [(speaker_party, speaker)]
        elif (
            state.news
            and in_quote
            and t.lemma in ("want", "wish")
            and subj
            and subj[0].ent_i >= 0
            and (speaker_party or speaker) != party_of_np(ps, subj[0], parties, state)[0]
        ):
            # "'Macron wants us to die on the job,' one protester told AFP": what the speaker
            # says another wants is the speaker's reading of them: no one's position
            return []
        elif subj and subj[0].dep == "nsubjpass" and (by := _named_agent(ps, i, stance)):
            # "The union's offer was rejected by the Harlow Group": the group refuses it
            holders = [party_of_np(ps, by, parties, state)]
        elif subj and subj[0].dep == "nsubjpass" and stance == "offers":
            # "Executives from JPMorgan Chase were invited": the ones offered to hold nothing;
            # whoever reports it, or no one
            holders = []
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
            someone_said = (
                say_at >= 0
                and not say_first
                and not say_you
                and ps.tokens[say_at].dep in ("ROOT", "conj", "ccomp", "parataxis")
                and not any(
                    c.dep.startswith("nsubj")
                    and (c.lemma in _THINGS or _ABSTRACT_NOUN.search(c.lemma))
                    for c in ps.children(say_at)
                )
            )  # not "The league's plan, announced on 14 April ..., is unacceptable to us"
            if not speaker_party and (told_us or someone_said):
                # "The chief constable told us that the force would not pay", "the chain said
                # it would not raise its prices": the speaker's, whom the text does not let us
                # name; never the writer's
                holders = []
            elif subj and (unnamed_others(ps, subj[0]) or a_kind_unnamed(ps, subj[0])):
                # "Carriers threatened to ..., he said": not the speaker's; "Dental groups
                # oppose the ban, she said": the group's
                group = "" if unnamed_others(ps, subj[0]) else described_group(ps, subj[0])
                holders = [(group, "")] if group else []
            elif not speaker_party and subj and t.pos == "VERB" and _someone_else(ps, subj[0]):
                # "The minister's office has offered our association a seat", no ministry
                # named: whoever's it is, not the writer's
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
        elif (
            subj
            and subj[0].text.lower() == "members"
            and holders
            and holders[0][0]
            and holders[0][0] == (state.turn_party or state.publisher)
        ):
            pass  # "members will begin a strike" in a union's own statement: the union's
        elif subj and people_of_a_kind(ps, subj[0]):
            # "the association said tenants would withhold ...": the reporting party's people;
            # "Local farmers insist ...", "Critics say ...": no identifiable party; "Rehoboth
            # residents urged ...": a group described
            group = described_group(ps, subj[0])
            if speaker_party and not in_quote:
                holders = [(speaker_party, speaker)]
            else:
                holders = [(group, "")] if group else []
    if t.pos != "NOUN" and any(s.text.lower() == "you" for s in subjects_of(ps, i)):
        # "You also ask the association to ...": the addressee's, when the letter names them
        names = [name for at, name in state.dear if at < state.at]
        you = parties.speaks_for(names[-1]) if names else ""
        holders = [(you, names[-1])] if you and you != first_person_holder(state)[0] else []
    if stance == "demands" and speaker_party and any(c.lemma == "should" for c in ps.children(i)):
        holders = [(speaker_party, speaker)]  # "X says we should ...": X asks it of us
    if (
        (
            stance == "assures"
            and any(g.lemma == "no" for s in subjects_of(ps, i) for g in ps.children(s.i))
        )
        or (
            stance in ("assures", "offers")
            and any(
                g.lemma in ("every", "each", "all")
                for s in subjects_of(ps, i)
                if s.dep == "nsubjpass"
                for g in ps.children(s.i)
            )
        )
        or (
            t.lemma == "assure"
            and any(c.dep == "auxpass" for c in ps.children(i))
            and not any(c.dep == "agent" for c in ps.children(i))
        )
    ):  # "no talks on European security would be held without ...": the speaker's guarantee;
        # "Every farmer downstream will be offered compensation": the speaker's offer;
        # "Passengers can be assured that no train will run ...": the speaker assures them
        holders = [(speaker_party, speaker)] if speaker_party else [first_person_holder(state)]
    if told_us and not in_quote:  # "It has told us it will not hand over the data": its
        holders = [h for h in holders if h[0] != first_person_holder(state)[0]]
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
    elif say_you and all(h == (state.publisher or state.author) for h, _ in holders):
        holders = []  # '"The Government is prepared to ...," your letter states.': not the writer's
    if state.news and state.partisans:
        holders = [lawmaker_holder(ps, i, h, p, state) for h, p in holders]
    if len(state.joint) < 2:  # in a story: "The two companies said they would not ..."
        subjects = subjects_of(ps, i)
        counted = [c for s in subjects for c in counted_parties(ps, s, parties)] or [
            c for s in subjects for c in named_group(ps, s, parties, state)
        ]  # "All three rejected ...", after "Ford, GM and Stellantis": each of them
        said_by = (
            [c for s in subjects_of(ps, say_at) for c in counted_parties(ps, s, parties)]
            if say_at >= 0
            else []
        )
        if modal & {"must", "should", "shall"}:
            counted = []  # "Both companies must ...": asked of them, by whoever says so
        if counted and t.pos != "NOUN":
            holders = [(c, "") for c in counted]
        elif said_by and speaker_party and [h for h, _ in holders] == [speaker_party]:
            holders = [(c, "") for c in said_by]
    # "Several residents said ...", "Members": people counted, not a party
    holders = [(h, p) for h, p in holders if h and not _CROWD.match(h)]
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
    return out + _other_clause(ps, triggers, {i, triggers[0][2]}, out, parties, state, quotes)


def _other_clause(
    ps: ParsedSentence,
    triggers: list[tuple[int, bool, int, str]],
    taken: set[int],
    found: list[Found],
    parties: Parties,
    state: ReadingState,
    quotes: list[tuple[int, int]],
) -> list[Found]:
    """A second clause with a named subject of its own states that subject's position too:
    "Ford wants a five-year progression while GM and Stellantis want a six-year one", "The
    UAW wants a significant increase, but the automakers have rejected all increases". Only a
    coordinated clause or one set against the first by "while"/"whereas", outside quotes, whose
    subject names a party the first clause's holders do not include; not one asked of its
    subject ("and the government must release ..."), nor someone's own ("her adviser"), nor
    people of a kind ("and workers rejected the offer").
    """
    if not found:
        return []
    have = {f.holder for f in found}
    for _, _, j, stance in triggers:
        t = ps.tokens[j]
        if j in taken or t.pos not in ("VERB", "AUX") or within(quotes, t.start):
            continue
        kids = ps.children(j)
        if t.head not in taken and ps.tokens[t.head].dep != "ROOT":
            continue  # "We guarantee that ..., and that the State will meet the cost": ours
        if any(c.dep == "aux" and c.lemma in ("must", "should", "shall") for c in kids):
            continue  # "..., and the government must release the prisoners": asked of it
        if t.dep != "conj" and not _clause_opened_by(ps, j, _CONTRAST):
            continue
        subj = [c for c in kids if c.dep == "nsubj"]
        if not subj or any(
            s.text.lower() in NOT_HOLDERS | _HE_SHE | _THEY_IT | _FIRST
            or unnamed_others(ps, s)
            or people_of_a_kind(ps, s)
            or nobody_holds(ps, s, stance)
            or any(c.dep == "poss" and c.tag == "PRP$" for c in ps.children(s.i))
            or (s.tag == "NNS" and not any(c.dep == "det" for c in ps.children(s.i)))
            for s in subj
        ):
            continue
        if not_now(ps, t, state) or hopes_for_events(ps, j) or within_hope(ps, j):
            continue
        named = [party_of_np(ps, s, parties, state) for s in subjects_of(ps, j)]
        holders = [(h, p) for h, p in named if h and h not in have and not _CROWD.match(h)]
        if not holders:
            continue
        target = target_of(ps, j, parties, {h for h, _ in holders})
        about = _about(ps, j)
        out = []
        for holder, person in holders:
            parties.seen(holder)
            out.append(
                Found(0, len(ps.text.rstrip()), holder, stance, "paraphrase", person, target, about)
            )
        return out
    return []


def _named_agent(ps: ParsedSentence, i: int, stance: str) -> Token | None:
    """The named party a stance is taken by, in the passive ("was rejected by the Harlow
    Group", "were demanded by Unifor", "Sanctions were threatened by the EU", "Northwind was
    warned by Ofcom that ..."; an offer's is its maker's, found through the noun), or the group
    described by what it is, as when it is the subject ("was rejected by dental groups", as
    "Dental groups rejected ..."); not a possibility ("would be criticized by Republicans"), a
    negation ("will not be cowed by"), nor people of a kind alone ("opposed by educators").
    """
    if stance == "offers":
        return None
    kids = ps.children(i)
    if any(c.dep == "neg" or (c.dep == "aux" and c.lemma in _MAYBE) for c in kids):
        return None
    by = _agents(ps, i)
    if not by:
        return None
    if by[0].ent_i < 0 or by[0].ent not in ("ORG", "GPE", "NORP", "PERSON"):
        return by[0] if described_group(ps, by[0]) else None
    return by[0]


_MAYBE = {"would", "could", "might", "may"}


def _agents(ps: ParsedSentence, i: int) -> list[Token]:
    """Who predicate `i` is done by, in the passive ("requests have been filed by X")."""
    return [
        g for c in ps.children(i) if c.dep == "agent" for g in ps.children(c.i) if g.dep == "pobj"
    ]


_CROWD = re.compile(
    r"(?:Several|Some|Many|Most|Few|A few|Two|Three|Four|Five|Other|Members|Staff)"
    r"(?: [a-z]+)?$"
)


def _someone_else(ps: ParsedSentence, subj: Token) -> bool:
    """A subject that names another's person, body or thing by a title or an owner ("The
    minister's office", "The trade minister", "Its adverts promise"), not the writer ("we",
    "our board", "the Board") nor the addressee ("Your board has rejected it").
    """
    if subj.pos not in ("NOUN", "PROPN") or subj.text.lower() in _FIRST:
        return False
    owners = [c for c in ps.children(subj.i) if c.dep == "poss"]
    if owners and owners[0].text.lower() in _FIRST | {"your"}:
        return False
    return bool(owners) or (subj.text.islower() and subj.lemma in _TITLE_WORDS)


def fallback_holder(
    ps: ParsedSentence, parties: Parties, state: ReadingState, stance_words: list[Token]
) -> tuple[str, str, str, str]:
    """(party, person, voice, how) for a sentence the rules give no statement: its reporting
    speaker, the speaker of the quote it stands in, the speaker's turn, or its subject when that
    names a party; ('', '', '', '') when none is known (the model never adds a statement then).
    """
    if held_by_none(ps, state, stance_words):
        return "", "", "", ""
    quotes = quotes_in_sentence(ps, state)
    said, verb, first, _ = reporting_speaker(ps, parties, state, quotes)
    if verb >= 0 and not first and _told_us(ps, verb):
        # "The chief constable told us ...": the teller's, whom the rules could not name
        named = said[0] and said[0] != first_person_holder(state)[0]
        return (said[0], said[1], "paraphrase", "said") if named else ("", "", "", "")
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


def holder_candidates(
    ps: ParsedSentence, parties: Parties, state: ReadingState, stance_words: list[Token]
) -> list[HolderCue]:
    """Every party the reader can name as the holder of a sentence the rules give no statement,
    with each way it is named: the reporting speaker, the quote's, the turn's, the subject of
    any clause (pronouns resolved as the rules resolve them), first person, "according to X",
    a passive agent, any party or person the sentence names, and the parties that held a stance
    last. The learned holder model chooses among them. Resolving a mention may teach the
    document's state (a person linked, a name added, a surname called "he"); none of that is
    kept (`Parties.snapshot`, `ReadingState.snapshot`: restored before the holders are checked),
    so the rules read the rest of the document as they would without this.
    """
    if held_by_none(ps, state, stance_words):
        return []
    kept_parties, kept_state = parties.snapshot(), state.snapshot()  # restored below
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
    if verb >= 0 and _told_us(ps, verb):  # "The chief constable told us ...": not us
        found.pop(first_person_holder(state)[0], None)
    parties.restore(kept_parties)
    state.restore(kept_state)
    latest = parties.holders[::-1]
    out: dict[str, HolderCue] = {}
    for party, (voice, person, mentions) in found.items():
        held = as_kept(Found(0, 0, party, "", voice, person), parties, state)
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


def dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[int, str]] = set()
    out = []
    for f in found:
        if (f.start, f.holder) in seen:
            continue
        seen.add((f.start, f.holder))
        out.append(f)
    return out
