"""Which word of a parsed sentence carries a stance, and which stance; and when a stance word
states no position held now (a condition, history, a question, scene-setting).

What the predicate says is decided apart from whose it is: the rules, the learned model's
features and its trace of candidate sentences all ask the same questions of a predicate.
"""

from __future__ import annotations

import re

from assistant.condemnation import condemned, foretold_harm
from assistant.hopes import asks_leave, asks_question
from assistant.no_position import (
    about_comment,
    another_time,
    speculated,
    thing_threatens,
    told_as_history,
    unsaid,
)
from assistant.stance_holders import (
    ReadingState,
    quoted_spans,
    relative_subject,
    stranded_subject,
    subjects_of,
    within,
)
from assistant.stance_words import (
    _ASSURE_ACTS,
    _CONDEMNING,
    _COST_VERBS,
    _COSTS,
    _FIRST,
    _GENERIC,
    _GREETING,
    _HARM,
    _HOSTILE_ACTS,
    _NEEDS,
    _NO_COMMENT,
    _NOT_SPEAKERS,
    _NOUNS,
    _NOUNS_MORE,
    _OPINION,
    _ORDINALS,
    _POWERS,
    _READY,
    _REFUSED,
    _SAY,
    _STATEMENTS,
    _THREAT_WORDS,
    _VERBS,
    _VERBS_OF_NOUNS,
    _WARN_ACTS,
)
from index.language import ParsedSentence, Token

_CONDITION = re.compile(r"\b(?:if|unless|should|otherwise|or else|until)\b", re.I)
IF_WORDS = re.compile(r"\b(?:if|unless|should|otherwise|or else)\b", re.I)  # a threat's condition


def said_predicate(ps: ParsedSentence) -> Token | None:
    """The sentence's predicate, or, when it only reports speech ('"...," X said.'), the
    predicate of what was said; None for a sentence without a root.
    """
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    said = [c for c in ps.children(root.i) if c.dep == "ccomp"] if root is not None else []
    return said[0] if root is not None and root.lemma in _SAY and said else root


def continues_quote(ps: ParsedSentence) -> bool:
    """Whether a sentence of a quote, with no position of its own, goes on with the position of
    the sentence next to it: the speaker's own commitment or refusal ('We will not back down.',
    'We cannot accept less.'), an order ('Withdraw the proposal.') or a denial that it is
    anything less ('This is not a bluff.'). Description ('The plant employs 3,000 people.'), the
    speaker's own history ('We met them in May.') and feelings ('We are hopeful.') do not.
    """
    if ps.text.rstrip(' "”').endswith("?"):
        return False
    root = said_predicate(ps)  # '"This is not a bluff," X said.': what X said
    if root is None or root.pos not in ("VERB", "AUX"):
        return False
    kids = ps.children(root.i)
    subj = subjects_of(ps, root.i)
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


# what a speaker "wants to" do to the room, not to the other side: "I want to begin by thanking",
# "I want to update you on what the department is doing"
_DISCOURSE = frozenset(
    {"begin", "start", "thank", "welcome", "ask", "remind", "update", "brief", "share", "turn"}
)


# what a party weighs and has not decided: "is considering refusing", "is weighing sanctions"
_WEIGHING = frozenset({"consider", "weigh", "mull", "contemplate", "explore", "study"})
_WH_WORDS = frozenset({"where", "how", "what", "why", "whether", "when"})
# what a speaker must or wants to say, not what anyone must do: "I want to talk about Canal
# Wharf", "I must be clear on one point", "I have to be frank", "I want to set out where we
# stand", "passengers want to know when it will end" (a question)
_TALK = frozenset({"talk", "speak", "address", "outline", "clarify", "highlight", "mention"})
_ANSWERS = frozenset({"reply", "response", "answer", "view", "comment", "feedback", "letter"})
_FRANK = frozenset(
    {"clear", "frank", "honest", "candid", "blunt", "plain", "straightforward", "direct", "open"}
)


# what "we want to" do that offers the other side something: talks, help
# what a chair invites someone to do at a meeting: take the floor, not a party's offer
_TO_SPEAK = frozenset({"address", "speak", "present", "introduce", "comment", "respond"})
# what numbers and events do by themselves: "should" with these forecasts, asks nothing
_TRENDS = frozenset({"fall", "rise", "drop", "increase", "decrease", "improve", "ease", "grow",
                     "decline", "recover", "climb", "slow", "peak", "happen", "arrive", "last",
                     "reach", "exceed", "settle", "stabilise", "stabilize", "follow", "come"})  # fmt: skip
# what a party gives when it promises ("give the House my assurance that ...")
_PLEDGES = frozenset({"assurance", "undertaking", "guarantee", "pledge", "promise", "commitment"})
_READY_TO = frozenset({"keep", "talk", "meet", "negotiate", "help", "resume", "discuss"})
# what "we want to" have done to us or see done: still asked of someone ("We want to see the maps")
_WANT_FROM_OTHERS = frozenset({"see", "hear", "receive", "get", "have", "know", "be"})


def _own_wish(ps: ParsedSentence, t: Token) -> bool:
    """Whether "want" (token t) is the speaker's wish to act themselves: "We want to settle this
    dispute", "we want to work with the police", "I want to keep talking"; not "we want the
    council to act", "we want a fair price", "we want to see the maps", "we want to be consulted".
    """
    if not any(s.text.lower() in ("i", "we") for s in subjects_of(ps, t.i)):
        return False
    kids = ps.children(t.i)
    if any(c.dep in ("dobj", "ccomp") for c in kids):
        return False
    acts = [c for c in kids if c.dep == "xcomp"]
    return bool(acts) and all(
        a.lemma not in _WANT_FROM_OTHERS
        and not any(g.dep in ("nsubj", "auxpass", "nsubjpass") for g in ps.children(a.i))
        for a in acts
    )


# the people who work for the speaker: asking them is an instruction, not a demand
_STAFF = frozenset(
    {"official", "staff", "team", "officer", "lawyer", "solicitor", "adviser", "advisor",
     "colleague", "department", "civil", "servant", "engineer", "inspector"}
)  # fmt: skip


def _own_staff(ps: ParsedSentence, obj: Token) -> bool:
    """'officials', 'my officials', 'our lawyers': no owner, or the speaker's; not 'the
    company's engineers', whom asking is asking the company.
    """
    if obj.lemma not in _STAFF:
        return False
    owners = [c for c in ps.children(obj.i) if c.dep == "poss"]
    return not owners or owners[0].text.lower() in ("my", "our")


def _speaks(ps: ParsedSentence, t: Token) -> bool:
    """Whether what token t says is done is talk (see `_TALK`): the speaker's own ("I want to
    set out where we stand"; not "the company must set out a recovery plan").
    """
    if t.lemma in _SAY | _DISCOURSE or t.lemma == "know":
        return True
    verb = t if t.dep != "xcomp" else ps.tokens[t.head]
    if not any(s.text.lower() in ("i", "we") for s in subjects_of(ps, verb.i)):
        return False
    kids = ps.children(t.i)
    return (
        t.lemma in _TALK
        or (t.lemma in ("set", "lay", "spell", "put") and any(c.lemma == "out" for c in kids))
        or (t.lemma == "be" and any(c.dep == "acomp" and c.lemma in _FRANK for c in kids))
    )


# prepositions of a circumstance, not of what is done: "during a strike", "amid a strike"
_CIRCUMSTANCE = frozenset({"during", "amid", "after", "before", "because", "since", "despite"})
# refusing verbs that, negated, refuse nothing: an option kept open, a denial not made
_NOT_REFUSED = frozenset({"dismiss", "rule", "exclude", "deny", "reject", "oppose", "refuse"})


def _threatens(ps: ParsedSentence, i: int) -> bool:
    """Whether the phrase under token i names a cost ("legal action", "a strike", "sanctions")."""
    return bool(_THREAT_WORDS.search(" ".join(x.text for x in ps.subtree(i))))


# what a party promises not to do to others, once it says it will not: not a refusal of a demand
# what people "will not be": spared, a guarantee ("will not be affected", "be left without")
_BEFALLEN = {
    "affect", "leave", "evict", "dismiss", "fire", "charge", "fine", "penalise", "penalize",
    "punish", "prosecute", "relocate", "disconnect", "strand", "harm", "deport", "detain",
}  # fmt: skip


def _people(ps: ParsedSentence, subj: Token) -> bool:
    """People by kind or nationality ("passengers", "Filipinos already working in Kuwait"),
    not things ("prices", "the talks") and not a party by name.
    """
    if subj.lemma in _THINGS or _ABSTRACT_NOUN.search(subj.lemma):
        return False
    if subj.ent_i >= 0:
        return ps.entities[subj.ent_i].label == "NORP"
    return subj.pos == "NOUN" and subj.tag == "NNS"


# what "there will be no ..." spares people: a guarantee, not a refusal
_LOSSES = {
    "redundancy", "layoff", "lay-off", "dismissal", "eviction", "closure", "cut", "job",
    "increase", "rise", "disconnection", "charge", "penalty", "shortage", "interruption",
    "disruption", "blackout", "rationing",
}  # fmt: skip
_SPARED = {
    "enter",
    "interrupt",
    "tax",
    "evict",
    "disconnect",
    "detain",
    "rise",
    "raise",
    "increase",
}
# what the other side of a deal wants more of: not raising it is a refusal, not a reassurance
_ASKED_MORE = {
    "offer", "bid", "pay", "wage", "salary", "contribution", "pension", "funding", "spending",
    "budget", "aid", "compensation", "payment", "bonus", "allowance", "grant", "subsidy",
}  # fmt: skip
# what will not befall a service or a thing people depend on: a guarantee ("supplies will not
# be restricted", "the appeal will not delay the credit"), when the subject is that thing and no
# party (a party that "will not delay" refuses: "we will not delay the vote")
_THING_HARMS = {
    "restrict", "delay", "reduce", "suspend", "interrupt", "halt", "shut", "cancel", "withdraw",
    "disrupt", "lose", "limit", "ration", "disconnect", "stop", "cut", "close",
}  # fmt: skip
# what acts on its own, so that its "will not delay ..." is no party's refusal
_EVENTS = {
    "appeal", "strike", "work", "dispute", "talk", "change", "plan", "review", "merger",
    "closure", "decision", "case", "action", "process", "construction", "reform", "scheme",
    "project", "upgrade", "move", "sale", "inquiry", "investigation", "repair", "outage",
}  # fmt: skip


def _spares_things(ps: ParsedSentence, t: Token) -> bool:
    kids = ps.children(t.i)
    if t.lemma == "run":  # "your taps will not run dry", "the shelves will not run empty"
        dry = any(
            c.dep in ("acomp", "oprd", "advmod") and c.lemma in ("dry", "empty") for c in kids
        )
        return dry and _a_thing_befallen(ps, t, passive=True)
    if t.lemma not in _THING_HARMS:
        return False
    passive = any(c.dep == "auxpass" for c in kids)
    return _a_thing_befallen(ps, t, passive)


def _a_thing_befallen(ps: ParsedSentence, v: Token, passive: bool) -> bool:
    """The verb's subject is a service, a thing or people (passive: "supplies will not be
    restricted", "workers will not be disconnected"), or an event acting on them ("the appeal
    will not delay the credit"); never a party, a speaker, or what the other side pays.
    """
    subj = [c for c in ps.children(v.i) if c.dep in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    s = subj[0]
    if not passive and s.lemma not in _EVENTS:
        return False  # "the applicant would not reduce the height": a refusal
    return (
        s.pos == "NOUN"
        and s.ent_i < 0
        and s.lemma not in _GENERIC | _PAID
        and s.text.lower() not in _FIRST
    )


# what the other side pays: "fares will not be cut" refuses a cut, it guarantees nothing
_PAID = {
    "price", "fee", "fare", "rent", "tariff", "levy", "tax", "charge", "toll", "cost", "rate",
    "bill", "premium", "duty", "subsidy", "increase", "rise", "hike", "surcharge",
}  # fmt: skip


_CLAIMS = {
    "that", "this", "claim", "report", "suggestion", "allegation", "story", "accusation", "remark",
    "comment", "assertion", "characterization", "characterisation",
}  # fmt: skip
# what a supplier may pass on to its customers ("pass the cost on", "pass on the increase")
_CHARGES = {"cost", "increase", "rise", "levy", "price", "charge", "fee", "tax", "burden", "it"}


_COURTS = {"court", "courts", "tribunal", "judge", "ombudsman"}
# what a party grants, whose terms it sets by saying what it "would depend on"
_GRANTED = {
    "permission", "approval", "consent", "support", "licence", "license", "funding", "deal",
    "agreement", "payment", "endorsement", "backing",
}  # fmt: skip


def _ruled_out(ps: ParsedSentence, be: Token) -> bool:
    """'is out of the question', 'is off the table': ruled out ("nothing is off the table"
    keeps every option, a warning).
    """
    for c in ps.children(be.i):
        if c.dep == "nsubj" and (
            c.lemma in ("nothing", "everything")
            or any(g.dep == "det" and g.lemma == "no" for g in ps.children(c.i))
        ):
            return False
        if c.dep == "prep" and c.lemma in ("out", "off"):
            words = " ".join(t.text.lower() for t in ps.subtree(c.i))
            if words in ("out of the question", "off the table"):
                return True
    return False


def _either_or(ps: ParsedSentence, t: Token) -> bool:
    """The second half of 'Either X, or Y': the cost of refusing X, an ultimatum."""
    return t.dep == "conj" and any(
        c.dep == "preconj" and c.lemma == "either" for c in ps.children(t.head)
    )


def _passes_on(ps: ParsedSentence, verb: Token) -> bool:
    """'pass the cost on (to customers)': what a supplier refuses to do is a promise to them."""
    if verb.lemma != "pass":
        return False
    kids = ps.children(verb.i)
    return any(c.dep == "dobj" and c.lemma in _CHARGES for c in kids) and any(
        c.lemma == "on" and c.dep in ("prt", "prep", "advmod") for c in kids
    )


# "there is no question / no intention of ...": what follows is refused; a harm refused is a
# promise ("no question of us passing the cost on")
_UNTHINKABLE = {"question", "intention", "plan", "prospect"}


def _reported(ps: ParsedSentence, t: Token) -> bool:
    """A past tense that only follows a reporting verb ("Renz said there was no question of a
    blanket release"): what was said then holds now, unlike "there was no blockade in May".
    """
    return t.dep == "ccomp" and ps.tokens[t.head].lemma in _SAY


def _unthinkable_harm(ps: ParsedSentence, nothing: Token) -> bool:
    if nothing.lemma not in _UNTHINKABLE:
        return False
    for of in ps.children(nothing.i):
        if of.dep == "prep" and of.lemma == "of":
            for act in ps.children(of.i):
                if act.dep == "pcomp" and act.pos == "VERB":
                    return act.lemma in _HARM or act.lemma in _SPARED or _passes_on(ps, act)
    return False


# "no need to panic", "no reason for alarm", "no rush to buy": a party calming the public
_NO_CAUSE = {"need", "reason", "cause", "call"}
_ALARM = {"panic", "worry", "fear", "alarm", "rush", "hurry", "stockpile", "hoard"}
_ALARMED = {"worried", "alarmed", "concerned", "afraid", "anxious", "scared"}
_CALM_WORDS = {"alarm", "concern", "panic", "worry", "fear", "anxiety"}


def _nothing_to_fear(ps: ParsedSentence, nothing: Token) -> bool:
    """'There is no need to panic', 'no cause for alarm', 'There is no rush to buy': the
    public is reassured, nothing the other side asked for is refused. ('There is no need for a
    new inquiry' refuses one.)
    """
    if nothing.lemma in ("rush", "hurry"):
        return True
    if nothing.lemma not in _NO_CAUSE:
        return False
    for c in ps.children(nothing.i):
        if c.dep in ("acl", "relcl", "xcomp") and c.pos in ("VERB", "AUX"):
            if c.lemma in _ALARM:
                return True
            if c.lemma in ("be", "feel") and any(g.lemma in _ALARMED for g in ps.children(c.i)):
                return True
        if c.dep == "prep" and c.lemma == "for":
            if any(g.dep == "pobj" and g.lemma in _CALM_WORDS for g in ps.children(c.i)):
                return True
    return False


_COMMITMENTS = {"commitment", "pledge", "support", "obligation", "responsibility", "promise"}
_FIRM = {
    "unwavering", "ironclad", "unshakeable", "unshakable", "steadfast", "firm", "absolute",
    "resolute", "unconditional", "total", "undiminished", "rock-solid", "solid", "strong",
}  # fmt: skip


def _our_commitment_held(ps: ParsedSentence, t: Token) -> bool:
    """The speaker's own commitment affirmed: 'Our commitment to Ukraine is ironclad', 'We
    take our NATO commitment seriously'.
    """
    kids = ps.children(t.i)

    def ours(n: Token) -> bool:
        return n.lemma in _COMMITMENTS and any(
            g.dep == "poss" and g.text.lower() in ("our", "my") for g in ps.children(n.i)
        )

    if t.lemma in ("be", "remain"):
        return any(c.dep == "nsubj" and ours(c) for c in kids) and any(
            c.dep in ("acomp", "attr") and c.lemma in _FIRM for c in kids
        )
    if t.lemma == "take":
        return any(c.dep == "dobj" and ours(c) for c in kids) and any(
            c.dep == "advmod" and c.lemma == "seriously" for c in kids
        )
    return False


_OWED = frozenset({"obligation", "duty", "responsibility"})


def owed(ps: ParsedSentence, t: Token) -> bool:
    """'The international community has an obligation to stop ...', 'the company has a duty to
    protect its workers': what the speaker says another must do. Not the speaker's own ("we
    have a duty to our members": a commitment, not a demand).
    """
    if t.lemma != "have":
        return False
    kids = ps.children(t.i)
    subject = next((c for c in kids if c.dep == "nsubj"), None)
    if subject is None or subject.text.lower() in ("i", "we", "it", "you"):
        return False
    return any(
        c.dep == "dobj"
        and c.lemma in _OWED
        and any(
            g.dep in ("acl", "relcl", "xcomp")
            and any(a.dep == "aux" and a.lemma == "to" for a in ps.children(g.i))
            for g in ps.children(c.i)
        )
        for c in kids
    )


def time_for(ps: ParsedSentence, t: Token) -> bool:
    """'It is time for Congress to act', 'It's time to end the strike', 'The onus is on the
    platforms to show ...', 'It is up to Machar to accept': what the speaker says others must
    now do.
    """
    kids = ps.children(t.i)
    subject = next((c for c in kids if c.dep in ("nsubj", "expl")), None)
    if subject is None:
        return False
    if subject.lemma == "onus":
        return any(c.dep == "prep" and c.lemma == "on" for c in kids)
    if subject.lemma != "it":
        return False
    if any(
        c.dep == "prep"
        and c.lemma == "up"
        and any(
            g.dep == "prep"
            and g.lemma == "to"
            and any(
                o.dep == "pobj"
                and (o.ent in ("PERSON", "ORG", "GPE", "NORP") or o.lemma in _GENERIC)
                for o in ps.children(g.i)
            )  # a party, not "up to the voters to decide"
            for g in ps.children(c.i)
        )
        for c in kids
    ) and any(
        c.dep in ("xcomp", "advcl")
        and any(a.dep == "aux" and a.lemma == "to" for a in ps.children(c.i))
        for c in kids
    ):
        return True  # "It is now up to Machar to accept the ceasefire"
    for c in kids:
        if (
            c.dep == "attr"
            and c.lemma == "time"
            and not any(
                g.dep in ("amod", "det") and g.lemma in ("no", "hard", "difficult", "good", "long")
                for g in ps.children(c.i)
            )
        ):
            return any(
                g.dep in ("relcl", "acl", "advcl")
                and g.pos == "VERB"
                and any(a.dep == "aux" and a.lemma == "to" for a in ps.children(g.i))
                for g in ps.children(c.i)
            )
    return False


def denied(ps: ParsedSentence, t: Token) -> bool:
    """'That is simply not true.', 'That claim is false.': the other side's claim denied;
    'Congress has no authority to investigate', 'the court has no jurisdiction over us': the
    other side's power denied.
    """
    if t.lemma == "have" and t.pos in ("VERB", "AUX"):
        return _power_denied(ps, t)
    if t.lemma != "be":
        return False
    kids = ps.children(t.i)
    subject = next((c for c in kids if c.dep == "nsubj"), None)
    if subject is None:
        return False
    # "It is untrue that a coup has taken place", "It is false to say that we ...": the clause
    # after is the claim, whatever "it" stands for
    extraposed = subject.lemma.lower() == "it" and _a_claim_after(ps, t)
    if not extraposed and subject.lemma.lower() not in _CLAIMS:
        return False
    if (
        not extraposed
        and subject.lemma.lower() not in ("that", "this")
        and not any(
            c.lemma.lower() in ("that", "this", "these", "those", "the")
            or c.dep == "poss"
            or (subject.tag == "NNS" and c.dep in ("prep", "acl", "relcl") and c.i > subject.i)
            for c in ps.children(subject.i)
        )
    ):
        # ("the president's remarks were off-base": his, denied; "Reports of anything more
        # than that are completely false")
        return False
    negated = any(c.dep == "neg" for c in kids)
    return any(
        c.dep == "acomp"
        and (
            c.lemma in ("true", "correct", "accurate")
            and negated
            or c.lemma in _UNTRUE
            and not negated
        )
        # not "true of our members", "false to say that ..." ("completely false" is)
        and all(g.dep == "advmod" for g in ps.children(c.i))
        or (  # "off-base", parsed as "base" with "off"
            c.dep in ("attr", "acomp")
            and c.lemma == "base"
            and any(g.lemma == "off" for g in ps.children(c.i))
            and not negated
        )
        for c in kids
    )


def _a_claim_after(ps: ParsedSentence, t: Token) -> bool:
    """'is untrue that <clause>', 'is false to say/suggest that ...': the clause is the claim."""
    heads = [t.i] + [c.i for c in ps.children(t.i) if c.dep == "acomp"]
    return any(
        c.dep == "ccomp"
        and any(g.dep == "mark" and g.lemma == "that" for g in ps.children(c.i))
        or c.dep == "xcomp"
        and c.lemma in ("say", "suggest", "claim", "allege", "report", "characterize")
        for h in heads
        for c in ps.children(h)
    )


_UNTRUE = {"false", "untrue", "incorrect", "inaccurate", "baseless", "unfounded", "misleading"}


def _power_denied(ps: ParsedSentence, t: Token) -> bool:
    subject = next((c for c in ps.children(t.i) if c.dep == "nsubj"), None)
    if subject is None or not (
        subject.ent_i >= 0
        or subject.pos == "PROPN"
        or any(c.dep == "poss" and c.pos == "PROPN" for c in ps.children(subject.i))
    ):
        # "we have no authority to ...", "the department has no power to regulate rents":
        # a speaker's own limit, not another's power denied ("Congress", "Nadler's committee")
        return False
    return any(
        c.dep == "dobj"
        and c.lemma in _POWERS
        and any(g.dep == "det" and g.lemma == "no" for g in ps.children(c.i))
        for c in ps.children(t.i)
    )


# "we expect to receive the full list by Friday": what another party is to give
_RECEIVED = {"receive", "get", "see", "hear", "have", "be"}


# what a party cannot do to refuse: "our members cannot accept", "cannot support the Bill"
_CANNOT_AGREE = {"accept", "agree", "support", "allow", "sign", "approve", "endorse", "tolerate"}


def _what_people_cannot(ps: ParsedSentence, verb: Token) -> bool:
    """'Companies cannot plan investment', 'our fishermen cannot feed their families', 'nurses
    who cannot afford a car': people in general, not a party, unable to do something; not a
    refusal unless what they cannot do is agree ('our members cannot accept 11 percent').
    """
    if verb.lemma in _CANNOT_AGREE:
        return False
    subj = next((c for c in ps.children(verb.i) if c.dep == "nsubj"), None)
    if subj is not None and subj.tag == "WP" and verb.dep == "relcl":
        subj = ps.tokens[verb.head]  # "nurses ... who cannot afford a car": the nurses
    return subj is not None and subj.ent_i < 0 and _people(ps, subj)


# things, not people or bodies: "verbal assurances cannot take the place of an agreement"
_ABSTRACT_NOUN = re.compile(r"(?:ance|ence|tion|sion|ment|ity|ness|ure|ism|ship)$")
_THINGS = {
    "rule", "law", "price", "cost", "fee", "talk", "fund", "document", "figure", "word", "promise",
    "term", "number", "rate", "tax", "plan", "deal", "contract", "right", "fine", "wage", "pay",
}  # fmt: skip


# places that "offer" what they have ("the site offered one of the last open views"): no
# party's offer
_PLACES_OFFERING = {
    "site", "building", "location", "area", "land", "view", "park", "river", "route", "town",
    "village", "valley", "coast", "field", "meadow", "beach", "harbour", "landscape",
}  # fmt: skip


# what befalls people, not what they do: "nobody will lose pay", "no student will pay more"
_BEFALL = {"lose", "pay", "miss", "suffer", "face", "go", "see", "get", "wait"}


def _no_one(ps: ParsedSentence, verb: Token, subj: Token) -> bool:
    """A subject that is no one: "no driver", "none of the workers", "not one hectare"; "nobody"
    only for what befalls them ("nobody will be arrested", "nobody will lose pay"), since "nobody
    will inspect our ships" forbids others to act: a refusal.
    """
    kids = ps.children(subj.i)
    if subj.lemma == "none" or any(g.lemma == "no" for g in kids):
        return True
    if any(g.lemma == "not" and g.i < subj.i for g in kids):
        return True  # "Not one hectare of native woodland will be sold"
    return subj.lemma in ("nobody", "noone") and (subj.dep == "nsubjpass" or verb.lemma in _BEFALL)


# texts and things that "promise" or "require" without being anyone's position
_DOCUMENTS = {
    "contract", "advertising", "advert", "advertisement", "agreement", "law", "bill", "code",
    "rule", "scheme", "deal", "tool", "licence", "license", "charter", "treaty", "regulation",
    "statute", "act", "clause", "directive", "standard", "formula", "guidance",
}  # fmt: skip


_ACKNOWLEDGE = {
    "understand", "recognise", "recognize", "know", "appreciate", "acknowledge",
}  # fmt: skip


def _acknowledged(ps: ParsedSentence, t: Token) -> bool:
    """A clause the speaker only grants or knows of ("I know what the Alliance is asking for",
    "I understand the bank also offered ...", "We recognise that the union wants a deal"):
    another's position as the speaker acknowledges it, not a statement of it.
    """
    if t.dep != "ccomp":
        return False
    head = ps.tokens[t.head]
    if head.lemma not in _ACKNOWLEDGE or head.i == t.i:
        return False
    subj = [c for c in ps.children(head.i) if c.dep == "nsubj"]
    if not subj or subj[0].text.lower() not in ("i", "we"):
        return False
    if head.lemma in ("know", "understand"):
        # "I know what the Alliance is asking for"; but "I understand that the committee wants
        # every household moved back" tells the committee's demand
        return not any(c.dep == "mark" and c.lemma == "that" for c in ps.children(t.i))
    return True


def _unnamed(ps: ParsedSentence, verb: Token) -> bool:
    """'(asked) not to be named / identified / quoted': the terms a source spoke on."""
    kids = ps.children(verb.i)
    return (
        verb.lemma in ("name", "identify", "quote")
        and any(c.dep == "neg" for c in kids)
        and any(c.dep == "auxpass" for c in kids)
    )


def _no_comment(ps: ParsedSentence, verb: Token) -> bool:
    """'(not going) to comment / to speculate / to get into what was said': no position taken."""
    kids = ps.children(verb.i)
    if not any(c.dep == "neg" for c in ps.children(verb.head)):
        return False
    return verb.lemma in _NO_COMMENT or (
        verb.lemma in ("get", "go") and any(c.dep == "prep" and c.lemma == "into" for c in kids)
    )


# what a party declines to tell: "declined to name / identify / disclose / give details"
_UNTOLD = {"name", "identify", "disclose", "reveal", "discuss", "detail", "describe", "divulge"}
_DETAILS = {"detail", "details", "specifics", "figure", "figures", "name", "names", "number"}


def _undisclosed(ps: ParsedSentence, verb: Token) -> bool:
    """'(declined) to name the states affected', 'to give details': information withheld from
    a reporter, no position on anything.
    """
    return verb.lemma in _UNTOLD or (
        verb.lemma in ("give", "provide", "offer", "release")
        and any(c.dep == "dobj" and c.lemma in _DETAILS for c in ps.children(verb.i))
    )


def _takes_questions(ps: ParsedSentence, verb: Token) -> bool:
    """'take questions', 'answer your questions': what a briefing does, not what a party offers."""
    return verb.lemma in ("take", "answer", "field") and any(
        c.dep == "dobj" and c.lemma == "question" for c in ps.children(verb.i)
    )


def _readiness(ps: ParsedSentence, t: Token, kids: list[Token]) -> str | None:
    """Readiness: "we are (however) prepared / ready / willing to X" offers; "we are not
    prepared to X", "we are not able to X" (now or would: not "were not able to attend")
    refuse; "not prepared to comment" says nothing. "" when the token is no such adjective.
    """
    ready = t.lemma in _READY or t.text.lower() == "prepared"  # tagged a verb at times
    if t.lemma == "open" and t.pos in ("VERB", "AUX"):
        # "the ballot will open on 3 March", "will open proceedings": no readiness; "we will
        # open the API to any provider" offers access
        ready = any(c.dep == "dobj" for c in kids) and any(
            c.dep in ("prep", "dative") and c.lemma == "to" for c in kids
        )
    able = t.lemma == "able"
    if not (ready or able) or t.dep not in ("acomp", "ROOT"):
        return ""
    xcomp = [c for c in kids if c.dep == "xcomp"] or [
        c
        for c in kids
        if ready and c.dep == "prep"  # "open to talks", "ready for a deal"
    ]
    if not xcomp:
        return ""
    negated = any(c.dep == "neg" for c in ps.children(t.head)) or any(c.dep == "neg" for c in kids)
    if (
        not negated
        and t.lemma == "open"
        and ps.tokens[t.head].lemma in ("remain", "stay")
        and not any(s.lemma in ("we", "i") for s in subjects_of(ps, t.head))
    ):
        return "assures"  # "Our ports will remain open to Dunavelian ships": a guarantee
    if not negated:
        return "offers" if ready else ""
    if _no_comment(ps, xcomp[0]) or xcomp[0].lemma in _NO_COMMENT:
        return None
    head = ps.tokens[t.head]
    modal = {c.lemma for c in ps.children(head.i) if c.dep == "aux"}
    if (head.tag == "VBD" or (head.tag == "VBN" and "have" in modal)) and not modal - {"have"}:
        # "We were not able to attend", "Biden has not been able to fulfil that promise": what
        # happened, read by the other rules
        return ""
    if able:
        subj = next((c for c in ps.children(head.i) if c.dep == "nsubj"), None)
        if (
            subj is not None
            and subj.ent_i < 0
            and _people(ps, subj)
            and xcomp[0].lemma not in _CANNOT_AGREE
        ):
            return ""  # "exporters won't be able to send their goods": what befalls them
    return "rejects"


def _out_of_position(ps: ParsedSentence, t: Token) -> str:
    """A refusal, not the assurance the infinitive names: "We are not in a position to
    guarantee X" (also backshifted, "said it was not in a position to ..."); "not in a
    position to comment" says nothing. Read at the negated verb, whose subject holds it.
    """
    if not any(c.dep == "neg" for c in ps.children(t.i)):
        return ""
    position = [
        g
        for c in ps.children(t.i)
        if c.dep == "prep" and c.lemma == "in"
        for g in ps.children(c.i)
        if g.dep == "pobj" and g.lemma == "position"
    ]
    if not position:
        return ""
    to_do = [
        v
        for v in ps.children(position[0].i) + ps.children(t.i)
        if v.dep in ("acl", "relcl", "advcl", "xcomp")
        and any(c.dep == "aux" and c.text.lower() == "to" for c in ps.children(v.i))
    ]
    if not to_do or to_do[0].lemma in _NO_COMMENT:
        return ""
    return "rejects"


def _listed_request(ps: ParsedSentence, t: Token) -> bool:
    """An item of a numbered list of requests: an imperative that opens on "First," /
    "Second," / "Finally," ("Second, give capital approval for the unit"), the sentence's root,
    with no subject: what the writer asks of the one addressed, item by item.
    """
    if t.dep != "ROOT" or t.tag != "VB" or len(ps.tokens) < 4:
        return False
    first, comma = ps.tokens[0], ps.tokens[1]
    return (
        first.text.lower() in _ORDINALS
        and comma.text == ","
        and t.i == 2
        and not any(c.dep in ("nsubj", "nsubjpass", "aux") for c in ps.children(t.i))
    )


def trigger(ps: ParsedSentence, t: Token) -> str | None:
    """The stance a token carries as a predicate, or None (worked out once per sentence)."""
    found = ps.memo.get("stances")
    if found is None:
        found = ps.memo["stances"] = _vowed_threats(ps, [_trigger(ps, u) for u in ps.tokens])
    return found[t.i]


_VOWS = {"vow", "pledge", "promise", "swear"}
_FIGHTS = {"fight", "oppose", "resist", "challenge", "battle"}
# an offer made better is offered anew
_IMPROVED = {"up", "raise", "improve", "sweeten", "increase", "double", "boost", "enhance"}
_BETTERED = {"offer", "proposal", "package", "bid"}


def _retaliation(ps: ParsedSentence, c: Token) -> bool:
    """An act that is a threat in itself: "vowed to retaliate", "would respond decisively"."""
    if c.lemma in ("retaliate", "punish", "prosecute", "sue", "escalate"):
        return True
    return c.lemma == "respond" and any(
        g.dep == "advmod" and g.lemma in _FORCEFULLY for g in ps.children(c.i)
    )


_FORCEFULLY = {"decisively", "forcefully", "firmly", "swiftly", "strongly", "robustly"}


def _vowed_threats(ps: ParsedSentence, found: list[str | None]) -> tuple[str | None, ...]:
    """A vow, or an act offered, whose clause threatens costs is a warning: "Trump vowed that he
    would impose a 25% tariff on all products from Mexico" promises the other side a cost, not
    a benefit.
    """
    for t in ps.tokens:
        if (
            found[t.i] == "assures"
            and t.lemma in _VOWS
            and not neg_of(ps, t.i)
            and any(c.dep == "xcomp" and c.lemma in _FIGHTS for c in ps.children(t.i))
        ):
            found[t.i] = "rejects"  # "have vowed to fight it", "vowed to fight to the end"
            continue
        vow = found[t.i] == "assures" and t.lemma in _VOWS | {"affirm", "reaffirm"}
        if (vow or found[t.i] == "offers") and not neg_of(ps, t.i):
            if any(
                (found[c.i] == "warns" or (vow and _retaliation(ps, c)))
                and c.lemma in _WARN_ACTS  # not "prepared to pay half the cost": what it pays
                and (
                    (vow and c.dep in ("ccomp", "xcomp"))
                    or (
                        c.dep in ("xcomp", "advcl")
                        and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
                    )
                )
                for c in ps.children(t.i)
            ):
                found[t.i] = "warns"
    return tuple(found)


# what no one "can afford to" do, so must not: "we cannot afford to wait", "to ignore it"
_NEGLECTS = {
    "ignore", "wait", "delay", "lose", "leave", "miss", "fail", "overlook", "neglect", "waste",
    "squander", "stand", "sit", "let", "postpone", "hesitate",
}  # fmt: skip


_HELD_VIEWS = {"opposed": "rejects", "committed": "assures"}


def _supported_party(o: Token) -> bool:
    """Support for a party or its efforts is solidarity, not a demand ("expressed their strong
    support for President Poroshenko's efforts", "support for Ukraine").
    """
    return o.dep == "pobj" and (o.ent in ("PERSON", "ORG", "GPE", "NORP") or o.lemma == "effort")


# "voiced its support for", "expressed support for", "threw its support behind"
_BACKING_VERBS = frozenset({"voice", "express", "declare", "signal", "throw", "lend", "reiterate"})


def _called_wrong(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """'Called the talks a "charade"', 'called the arrests "unjustified"', 'branded the plan a
    trap', 'described the offer as an insult': a rejection said as a verdict on another's act.
    Not a name ("called the group Northwind"), nor a verdict without an object ("called it a
    day").
    """
    if t.lemma not in ("call", "brand", "label", "describe", "term"):
        return False
    if not any(c.dep in ("dobj", "nsubjpass") and c.lemma not in ("day", "it") for c in kids):
        return False
    verdicts = [c for c in kids if c.dep in ("oprd", "xcomp", "ccomp")] + [
        g
        for c in kids
        for g in ps.children(c.i)
        if (c.dep == "prep" and c.lemma == "as")
        or (c.dep == "dobj" and g.dep == "appos")  # 'the release "an insult to ..."'
    ]
    return any(
        w.lemma.lower() in _CONDEMNING or w.text.lower() in _CONDEMNING
        for v in verdicts
        for w in [v, *(c for c in ps.children(v.i) if c.dep in ("amod", "compound", "acomp"))]
    )


def _opposition_voiced(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """'Voiced its opposition to the rule', 'reiterated its objection to the plan': a
    rejection stated as a noun. Not "the opposition" as a political camp: the noun must be the
    object of voicing and be opposition to something.
    """
    return t.lemma in _BACKING_VERBS | {"register", "state", "restate"} and any(
        c.dep == "dobj"
        and c.lemma in ("opposition", "objection", "objections")
        and any(g.dep == "prep" and g.lemma == "to" for g in kids + ps.children(c.i))
        for c in kids
    )


def _support_voiced(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """'Voiced its support for the regulation', 'threw its support behind the bill'; not 'no
    support', nor support for a party or its efforts.
    """
    return t.lemma in _BACKING_VERBS and any(
        c.dep == "dobj"
        and c.lemma == "support"
        and not any(g.lemma == "no" for g in ps.children(c.i))
        and any(
            g.dep == "prep"
            and g.lemma in ("for", "behind")
            and not any(_supported_party(o) for o in ps.children(g.i))
            for g in kids + ps.children(c.i)
        )
        for c in kids
    )


def _advised(ps: ParsedSentence, kids: list[Token]) -> bool:
    """Advice to act ("advised residents to stay at home") or against something ("advised
    against travel"); not advice that informs ("advised that the stock had fallen to 19 per
    cent", whose "to" the child-word test of _NEEDS would have taken).
    """
    return any(c.dep == "prep" and c.lemma == "against" for c in kids) or any(
        c.dep in ("xcomp", "ccomp")
        and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
        for c in kids
    )


def _held_view(ps: ParsedSentence, t: Token, kids: list[Token]) -> str | None:
    """A view held and kept: "remains opposed to the plan", "stays committed to the deal"
    (the parser's adjective; "is opposed to" is its passive verb, read as "oppose").
    """
    if t.pos != "ADJ" or t.lemma.lower() not in _HELD_VIEWS or t.dep != "acomp":
        return None
    head = ps.tokens[t.head]
    if head.lemma not in ("remain", "stay", "be", "seem", "appear"):
        return None
    if not any(c.dep == "prep" and c.lemma == "to" for c in kids):
        return None
    if any(c.dep == "neg" for c in ps.children(head.i)) or any(c.dep == "neg" for c in kids):
        return None  # "is not opposed to talks": no position either way
    return _HELD_VIEWS[t.lemma.lower()]


# verbs of advocacy: a stance only with what they are for or against ("lobbied hard against the
# bill", "argued for a delay", "spoke in opposition", "came out in favour of the merger")
_ADVOCATE = frozenset(
    {"argue", "lobby", "campaign", "advocate", "speak", "rally", "protest", "petition",
     "agitate", "mobilize", "mobilise", "come", "push", "weigh"}
)  # fmt: skip
_FOR_STANDS = {"favor": "demands", "favour": "demands", "support": "demands",
               "opposition": "rejects"}  # fmt: skip
_SPAN_OF_TIME = {"year", "month", "week", "day", "hour", "decade", "time", "while", "minute"}


def _argued(ps: ParsedSentence, t: Token) -> str | None:
    """What a verb of advocacy stands for: against a thing, a refusal; for it, a demand. "Spoke
    for the union" (on its behalf), "argued for hours", "rallied in the square", "came out of
    the meeting" state nothing.
    """
    if t.lemma not in _ADVOCATE or t.pos != "VERB":
        return None
    if t.dep == "relcl" and t.tag in ("VBZ", "VBP"):
        return None  # "the Fawcett Society, a charity which campaigns for equality": its aims
    if t.dep in ("xcomp", "advcl") and any(c.dep == "neg" for c in ps.children(t.head)):
        return None  # "he could not bring himself to advocate for sick days": not done
    kids = ps.children(t.i)
    particles = {c.lemma for c in kids if c.dep in ("prt", "advmod")}
    if t.lemma in ("come", "weigh") and not particles & {"out", "in"}:
        return None  # "came out against", "weighed in against"; not "came from"
    if t.lemma == "push":  # "pushed back on the rule": a refusal; "pushed for" is a demand
        # already, and "pushed back the deadline" is none
        back_on = "back" in particles and not any(c.dep == "dobj" for c in kids)
        return "rejects" if back_on else None
    for c in kids:
        if c.dep != "prep":
            continue
        objects = [g for g in ps.children(c.i) if g.dep in ("pobj", "pcomp")]
        if not objects:
            continue
        thing = objects[0]
        if c.lemma == "against":
            return "rejects"
        if c.lemma == "for" and t.lemma not in ("speak", "come", "rally"):
            if thing.lemma in _SPAN_OF_TIME or thing.ent in ("DATE", "TIME", "PERSON"):
                return None  # "argued for hours", "campaigned for Harris"
            return "demands"
        if c.lemma == "in" and thing.lemma in _FOR_STANDS:
            return _FOR_STANDS[thing.lemma]
    if t.lemma == "advocate" and any(c.dep == "dobj" for c in kids):
        return "demands"  # "has advocated a Buy French policy"
    if t.lemma == "protest" and any(c.dep == "dobj" and c.pos == "NOUN" for c in kids):
        return "rejects"  # "the union protested the decision"
    return None


_JOINT = {"both", "all", "two", "three", "sides", "parties", "delegations", "leaders", "ministers"}


def _agreed_to(ps: ParsedSentence, t: Token) -> str | None:
    """One party agreeing to something concedes it: "Ukraine agreed to a full 30-day
    ceasefire", "The University of Pennsylvania has agreed to prohibit ...". Not an agreement
    two parties reached together ("The two ministers agreed to meet again", "Moscow and Kyiv
    agree to stop ...": an outcome, no one's position), a motion "agreed to", a verb under
    another ("failed to agree", "met to agree how ..."), nor a conditional assent ("would agree
    to an audit only if ...", read by the rules on conditions).
    """
    if t.lemma != "agree" or t.pos != "VERB" or t.dep not in ("ROOT", "ccomp", "conj", "relcl"):
        return None
    kids = ps.children(t.i)
    if any(c.dep == "advcl" or c.lemma == "only" for c in kids):
        return None  # "would agree to an audit only if ...": the condition decides
    to = any(
        c.dep == "prep" and c.lemma == "to" and any(g.dep == "pobj" for g in ps.children(c.i))
        for c in kids
    ) or any(
        c.dep == "xcomp" and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
        for c in kids
    )
    subj = [c for c in kids if c.dep == "nsubj"]
    if not to or len(subj) != 1:
        return None
    s = subj[0]
    if s.tag in ("NNS", "NNPS") or s.lemma in ("they", "we") or s.lemma in _JOINT:
        return None
    if any(c.dep in ("conj", "nummod") or c.lemma in _JOINT for c in ps.children(s.i)):
        return None
    return "offers"


def _neglect(ps: ParsedSentence, t: Token) -> bool:
    """Whether what cannot be afforded is a neglect ("can't afford to ignore", "to wait"): a
    call to act, where "we can't afford to pay more" refuses.
    """
    return any(c.dep == "xcomp" and c.lemma in _NEGLECTS for c in ps.children(t.i))


def _asked_of(ps: ParsedSentence, c: Token) -> bool:
    """Whether c is an act asked of someone else: "(we need) the governor to veto HB 1736"."""
    kids = ps.children(c.i)
    return (
        c.dep in ("ccomp", "xcomp")
        and any(g.dep == "nsubj" and g.text.lower() not in _FIRST for g in kids)
        and any(g.dep == "aux" and g.text.lower() == "to" for g in kids)
    )


def _trigger(ps: ParsedSentence, t: Token) -> str | None:
    if denied(ps, t):
        return "rejects"  # "That claim is false."
    if condemned(ps, t):
        return "rejects"  # "I find it appalling", "called the resolution pointless"
    if foretold_harm(ps, t):
        return "warns"  # "X said the case would force shoppers to pay more"
    if thing_threatens(ps, t):
        return None  # "the orders threaten democracy": a danger described, no party's threat
    if _remembered(ps, t):
        return None  # "his passion will never be forgotten": a tribute, no refusal
    if t.dep in ("xcomp", "dobj", "pcomp") and ps.tokens[t.head].lemma in _WEIGHING:
        return None  # "the government is considering refusing to sign": not decided
    kids = ps.children(t.i)
    words = {k.lower() for k in (c.text for c in kids)}
    cleft = _pseudo_cleft(ps, t)
    if cleft is not None:
        return cleft
    if t.dep in _EMBEDDED and any(c.dep == "dobj" and c.lemma == "what" for c in kids):
        return None  # "We want to set out ... what we are offering to the union": a topic
    if (
        t.pos == "NOUN"
        and t.dep == "nsubj"
        and _judged(ps, ps.tokens[t.head], t)
        and not any(c.dep == "poss" and c.lemma in ("our", "my", "we", "i") for c in kids)
    ):  # (not "Our offer is fair, it is final": ours, held to)
        return None  # "The Minister's assurance is welcome.": another's stance, judged
    if _agreed_at_meeting(ps, t):
        return None  # "It was agreed that the club will publish ...": a decision recorded
    if t.lemma == "have" and t.pos in ("VERB", "AUX") and _no_objection(ps, t):
        return "offers"  # "My delegation has no objection to a fact-finding mission"
    kept = _keeps_to(ps, t)
    if kept is not None:
        return kept
    kept_up = _held_to(ps, t, kids)
    if kept_up is not None:
        return kept_up
    if _not_something_we_can(ps, t):
        return "rejects"  # "500 crowns a household is not something we can commit to today"
    if _asked_whether(ps, t):
        return None  # "has 20 days to tell us whether it intends to submit a revised proposal"
    if _nobody_in_particular(ps, t):
        return None  # "Those who want to adopt an isolationist approach misunderstand ..."
    if t.lemma in ("suggest", "indicate") and any(
        c.dep == "nsubj" and c.lemma in _FINDINGS for c in kids
    ):
        return None  # "A preliminary report from the board suggested that ...": what it shows
    if t.lemma == "suggest" and any(
        c.dep == "ccomp"
        and (
            c.tag in ("VBD", "VBZ", "VBN")
            # "suggested Facebook was 'killing people'": progressive, a reading of events
            or (
                c.tag == "VBG" and any(a.dep == "aux" and a.lemma == "be" for a in ps.children(c.i))
            )
        )
        and not _is_modal_clause(ps, c)
        for c in kids
    ):
        return None  # "has suggested that the murder was ordered": a reading of events, no
        # proposal (that one is in the subjunctive: "suggested that the airport close a runway")
    if t.lemma == "seek" and any(c.dep == "dobj" and c.lemma in _FACTS_SOUGHT for c in kids):
        return None  # "We are still seeking information about the incident": no demand
    if t.lemma in _ASKING and _asks_for(ps, kids) & _GRIEF_ASKS:
        return None  # "The family asked for privacy", "urged prayer for his recovery": no demand
    if t.lemma in ("ask", "request") and any(
        g.dep == "pobj" and g.lemma in _FACTS_SOUGHT
        for c in kids
        if c.dep == "prep" and c.lemma == "for"
        for g in ps.children(c.i)
    ):
        return None  # "asked the six candidates for their views": a question, not a demand
    if (
        t.lemma == "demand"
        and t.pos == "NOUN"
        and any(c.dep in ("amod", "compound") and c.lemma in _MARKET for c in kids)
    ):
        return None  # "There is strong pent-up demand for burial plots": a market's, no party's
    if _punishment_promised(ps, t, kids):
        return "warns"  # "he will place tariffs on steel", "plans to impose sweeping tariffs"
    if t.lemma == "warn" and _hazard_warned(ps, t, kids):
        return None  # "warning of the potential for extreme danger": a forecast, no threat
    if (
        t.lemma == "warn"
        and any(c.dep == "dobj" for c in kids)
        and any(
            c.dep == "xcomp" and any(g.dep == "aux" and g.lemma == "to" for g in ps.children(c.i))
            for c in kids
        )
    ):
        # "Toyota warned owners to stop driving them": an instruction; "is not warning owners
        # to stop driving": none given
        return None if neg_of(ps, t.i) else "demands"
    if (
        t.pos == "NOUN"
        and t.lemma in _NOUNS
        and t.lemma not in ("plan", "intention", "objection")
        and t.dep in ("dobj", "attr")
        and any(c.lemma == "no" and c.dep == "det" for c in kids)
    ):
        return None  # "The alliance made no specific pledges of action": none was made
    if (
        t.lemma in ("risk", "face")
        and any(c.dep == "dobj" and c.lemma in _SANCTIONS for c in kids)
        and not any(
            s.lemma in ("nobody", "none", "no-one")
            or any(g.lemma == "no" for g in ps.children(s.i))
            for s in subjects_of(ps, t.i)
        )
        and not any(c.dep == "neg" for c in kids)
    ):  # "those who march on the banned route risk arrest" (not "No tenant will face any")
        return "warns"
    if _benefit_promised(ps, t, kids):
        return "assures"  # "Traders will be compensated for any damage on Saturday"
    if t.dep == "relcl" and t.lemma in ("want", "wish", "need") and _anyone(ps.tokens[t.head], ps):
        return None  # "Any investigator who wants to visit our positions is welcome": no demand
    if t.lemma == "welcome" and t.pos == "ADJ" and t.dep == "acomp" and not neg_of(ps, t.head):
        guests = subjects_of(ps, t.head)
        if guests and (
            _anyone(guests[0], ps)
            or any(
                c.dep == "relcl" and any(g.lemma == "who" for g in ps.children(c.i))
                for c in ps.children(guests[0].i)
            )
        ):
            return "offers"  # "Any investigator who wants to visit is welcome": an invitation
    if t.lemma == "hesitate" and any(c.dep == "neg" for c in kids):
        # "the Commission would not hesitate to impose daily penalties", "... to use its
        # powers": resolve shown to the other side, a warning, not a refusal
        return "warns"
    if t.lemma == "offer" and any(
        s.lemma in _PLACES_OFFERING for s in subjects_of(ps, t.i)
    ):  # "the site offered one of the last open views of the river": a place, no party
        return None
    if t.lemma == "expect" and not any(c.dep == "dobj" for c in kids):
        own = [
            c
            for c in kids
            if c.dep == "xcomp" and not any(g.dep.startswith("nsubj") for g in ps.children(c.i))
        ]
        if own and own[0].lemma not in _RECEIVED:
            return None  # "the regulator expects to report in May": a forecast of its own acts
    if t.lemma == "ask" and any(c.dep == "dobj" and c.text.lower() == "me" for c in kids):
        return None  # "My board asked me to reply in writing": the writer's brief, no demand
    if t.lemma == "invite" and any(
        c.dep == "xcomp" and c.lemma in _TO_SPEAK for c in kids
    ):  # "The Mayor invited Ms Doyle-Marsh to address the meeting": procedure
        return None
    if t.lemma in ("ask", "instruct", "direct", "task") and any(
        c.dep == "dobj" and _own_staff(ps, c) for c in kids
    ):  # "I have asked officials to prepare for that": the speaker's own people, no demand
        return None
    if t.lemma == "ask" and any(_unnamed(ps, c) for c in kids if c.dep == "xcomp"):
        return None  # "an official, who asked not to be named, said ...": a source's terms
    if (
        t.lemma == "order"
        and t.i
        and ps.tokens[t.i - 1].text.lower() == "to"
        and (ps.tokens[t.head].lemma == "call")
    ):
        return None  # "The Chair called the meeting to order": procedure, no one's demand
    if t.lemma in ("want", "wish") and any(s.lemma == "neither" for s in subjects_of(ps, t.i)):
        return None  # "Neither of us wants that outcome": a fear both share, not a position
    if t.lemma == "go" and any(_no_comment(ps, c) for c in kids if c.dep == "xcomp"):
        return None  # "I'm not going to comment on rumours", "... to get into private talks"
    if (
        t.tag == "VBN"
        and any(c.dep == "auxpass" for c in kids)
        and any(c.dep == "aux" and c.lemma == "have" for c in kids)
        and any(c.dep == "neg" for c in kids)
    ):
        return None  # "has still not been paid", "has not been allowed to see her": a fact
    if _acknowledged(ps, t):
        return None  # "I recognise that the Agency must put safety first": theirs, granted
    if t.dep == "dobj" and t.pos == "NOUN" and _called_off(ps, ps.tokens[t.head]):
        return None  # "call off the strike": no threat made (the verb's clause decides)
    if (
        _called_off(ps, t)
        and any(c.dep == "aux" and c.lemma in ("will", "would") for c in kids)
        and not any(c.dep == "neg" for c in kids)
        and threat_if(ps, t.i)
    ):
        if _stops_cooperation(ps, t):
            return "warns"  # "if our fishermen are detained again, we will suspend the commission"
        return "offers"  # "we would call off the strike if the council agreed": a concession
    refused = _out_of_position(ps, t)
    if refused:
        return refused
    if _listed_request(ps, t):
        return "demands"  # "We ask you to do three things. First, release the funding ..."
    readiness = _readiness(ps, t, kids)
    if readiness != "":
        return readiness
    if t.lemma in ("give", "offer", "provide", "repeat") and any(
        c.dep == "dobj" and c.lemma in _PLEDGES for c in kids
    ):
        return "assures"  # "We give our assurance that ...", "gave X an assurance that ..."
    if t.lemma == "give" and any(
        c.dep == "dobj"
        and c.lemma == "word"
        and any(g.dep == "poss" and g.lemma in ("my", "our") for g in ps.children(c.i))
        for c in kids
    ):
        return "assures"  # "I give you my word that the council will not let the N9 go"
    if any(c.dep in ("nsubj", "nsubjpass") and c.lemma in ("whatever", "whoever") for c in kids):
        return None  # "whatever was suggested in the Assembly": no one's proposal, a hedge
    if (
        t.lemma == "propose"
        and t.tag == "VBN"
        and any(c.dep == "conj" and c.lemma == "second" for c in kids)
    ):
        return None  # "It was proposed by Cllr X and seconded by Cllr Y that": a motion moved
    if (
        t.lemma == "promise"
        and t.pos == "NOUN"
        and (t.dep == "attr" or any(c.dep == "det" and c.lemma in ("that", "this") for c in kids))
    ):
        return None  # "That promise has not been kept", "That is a promise, not a slogan"
    if t.lemma in ("promise", "require", "guarantee") and t.pos == "VERB":
        subj = subjects_of(ps, t.i)
        if subj and subj[0].lemma in _DOCUMENTS:
            return None  # "what the contract promises them", "than the law requires"
        if (
            subj
            and t.lemma == "require"
            and subj[0].pos == "NOUN"
            and subj[0].ent_i < 0
            and subj[0].lemma not in _GENERIC | _ISSUED
            and not _people(ps, subj[0])
        ):
            return None  # "the building requires $6.8 million of work": a thing's needs
        if subj and subj[0].dep == "nsubjpass" and subj[0].text.lower() in _FIRST:
            return None  # "We were promised a product": someone else's promise, not ours
    if t.pos in ("VERB", "AUX") or t.dep == "ROOT":
        neg = any(c.dep == "neg" or c.lemma in ("never", "nor") for c in kids) or (
            t.dep == "acomp" and any(c.dep == "neg" for c in ps.children(t.head))
        )  # "is not opposed to": the parser's verb under a negated "is"
        # "will no longer push for": "no" negates "longer", not the verb; a demand dropped
        no_longer = any(
            c.text.lower() == "longer" and c.dep == "advmod" and neg_of(ps, c.i) for c in kids
        )
        if neg and t.lemma in _NO_COMMENT:
            return None  # "would not comment"
        if t.lemma == "decline" and any(c.dep == "xcomp" and _undisclosed(ps, c) for c in kids):
            return None  # "Mandiant declined to name the states affected": no comment, no stance
        modal = {c.lemma for c in kids if c.dep == "aux"} | _going_to(ps, t)
        if not neg:
            argued = _argued(ps, t) or _agreed_to(ps, t)
            if argued is not None:
                return argued
        if neg and t.lemma in _HARM:
            return "assures"  # "will not attack", "no plans to raid"
        if (
            neg
            and t.lemma in _BEFALLEN
            and modal & {"will", "would", "shall"}
            and any(c.dep == "auxpass" for c in kids)
            and any(c.dep == "nsubjpass" and _people(ps, c) for c in kids)
        ):
            return "assures"  # "Passengers in Stenby will not be left without a way to work"
        if neg and modal & {"will", "would", "shall"} and _spares_things(ps, t):
            return "assures"  # "your taps will not run dry", "supplies will not be restricted"
        if neg and t.lemma in _SPARED and modal & {"will", "would", "shall"}:
            if any(c.dep == "dobj" and c.lemma in _ASKED_MORE for c in kids):
                return "rejects"  # "would not raise its offer": what the other side asks for
            return "assures"  # "will not raise prices", "our navy will not enter its zone"
        if neg and modal & {"will", "would", "shall"} and _passes_on(ps, t):
            return "assures"  # "we will not pass the increase on to our customers"
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
        if (
            t.lemma == "accept"
            and not neg
            and modal & {"will", "would", "shall"}
            and any(c.dep == "dobj" and c.lemma not in ("nothing", "less", "that") for c in kids)
            and not any(c.lemma in ("only", "never") for c in kids)
        ):
            return "offers"  # "the Government will accept a review after five years": a concession
        if neg and modal == {"can"} and t.lemma == "afford" and _neglect(ps, t):
            return "demands"  # "an issue we can't afford to ignore any longer": act now
        if neg and modal == {"can"} and _what_people_cannot(ps, t):
            return None  # "smaller clubs cannot plan a season on it": a hardship, no refusal
        # ("said that the airline could not meet the demands": "cannot", reported)
        backshifted = (
            "could" in modal
            and t.lemma not in _UNVERIFIED
            and not any(_people(ps, x) for x in subjects_of(ps, t.i))  # "its fishermen could not"
        ) and (
            (t.dep == "ccomp" and ps.tokens[t.head].lemma in _SAY)
            or (t.dep == "acl" and ps.tokens[t.head].lemma in _STATEMENTS)  # "a statement that"
        )
        if neg and (
            t.lemma in _REFUSED | {"want"}
            or modal & {"will", "would", "can", "shall"}
            or backshifted
        ):
            done = t.lemma in _REFUSED_ACTS and not modal & {"will", "would", "can", "shall"}
            past = done and (t.tag in ("VBN", "VBD") or any(c.text.lower() == "did" for c in kids))
            called_off = t.lemma == "call" and "off" in words  # "will not call off the ban"
            if (t.lemma not in _VERBS or called_off) and t.lemma not in ("be", "have") and not past:
                return "rejects"  # not "the units have not changed their positions": a fact
        if (
            t.lemma in ("push", "back")
            and "back" in words | {t.lemma}
            and "on" in words | _grand(ps, t)
        ):
            return "rejects"
        negated_above = any(c.dep == "neg" for a in ps.ancestors(t.i)[:1] for c in ps.children(a))
        if (
            t.lemma in _IMPROVED
            and not neg
            and any(c.dep == "dobj" and c.lemma in _BETTERED for c in kids)
        ):
            return "offers"  # "Deere upped its offer", "doubled its wage offer": a new offer
        if t.lemma in _VERBS_OF_NOUNS and not negated_above:
            objects = [c for c in kids if c.dep == "dobj"] + [
                g for c in kids if c.dep == "prep" and c.lemma == "with" for g in ps.children(c.i)
            ]
            for c in objects:
                if c.lemma in _NOUNS_MORE and any(
                    g.lemma == "no" and g.dep == "det" for g in ps.children(c.i)
                ):
                    return None  # "The alliance made no specific pledges of action"
                if c.lemma in _NOUNS_MORE:
                    return _NOUNS_MORE[c.lemma]
        if not neg and not negated_above and _support_voiced(ps, t, kids):
            return "demands"  # "has voiced its support for the regulation": it asks for it
        if not neg and not negated_above and _opposition_voiced(ps, t, kids):
            return "rejects"  # "is formally voicing its opposition to a proposed state rule"
        if not neg and not negated_above and _called_wrong(ps, t, kids):
            return "rejects"  # 'called the talks a "charade"'

        if (
            t.lemma == "put"
            and not neg
            and any(
                c.dep == "prep"
                and c.lemma == "on"
                and any(g.lemma == "notice" for g in ps.children(c.i))
                for c in kids
            )
        ):
            return "warns"  # "The administration has put Israel on notice that it could ..."
        if modal & {"will", "would", "shall"} and any(
            c.dep in ("nsubj", "nsubjpass") and _no_one(ps, t, c) for c in kids
        ):
            return "assures"  # "no driver will lose pay", "none of the workers would be laid off"
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
        first = subjects_of(ps, t.i)
        ours = bool(first) and (
            first[0].text.lower() in _FIRST
            or any(c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(first[0].i))
        )  # "we", "our members", "our solicitors"
        if first and first[0].text.lower() in _FIRST and not neg:
            if t.lemma == "need" and any(c.dep == "dobj" or _asked_of(ps, c) for c in kids):
                return "demands"  # "we need a binding schedule", "we need the governor to veto"
            if t.lemma in ("remain", "stand") and any(
                c.dep == "acomp" and c.lemma in _READY for c in kids
            ):
                return None  # "we remain ready to meet": the readiness offers (its own trigger)
            if t.lemma in ("remain", "stand", "stay") and any(
                (c.dep == "acomp" and c.lemma in ("opposed", "against"))
                or (c.dep == "prep" and c.lemma == "against")
                for c in kids
            ):
                return "rejects"  # "We remain opposed to the union's efforts to ..."
            if t.lemma == "defend" and any(
                c.dep == "prep"
                and c.lemma in ("from", "against")
                and any(g.dep == "pobj" and g.lemma in _CASES_AGAINST for g in ps.children(c.i))
                for c in kids
            ):
                return "rejects"  # "We will vigorously defend the university from this lawsuit"
            if (
                t.lemma in _ASSURE_ACTS
                and (modal & {"will", "shall"} or t.tag in ("VBP", "VBZ"))
                and not any(c.lemma in _WH_WORDS and c.i < t.i for c in kids)
            ):
                # "we will defend it", "we support the right of ..."; not "(to set out) where
                # we stand", "how we support members": a question's clause
                return "assures"
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
        if (
            t.lemma == "meet"
            and modal & {"will", "would", "shall"}
            and not neg
            and any(c.dep == "auxpass" for c in kids)
            and any(
                c.dep == "prep"
                and c.lemma == "with"
                and any(
                    g.lemma in _COSTS | {"force"} or _threatens(ps, g.i)
                    for g in ps.children(c.i)
                    if g.dep == "pobj"
                )
                for c in kids
            )
        ):
            return "warns"  # "any attempt to victimise a member will be met with legal action"
        if t.lemma in ("lead", "result") and any(
            g.lemma in _COSTS for c in kids for g in ps.children(c.i) if g.dep == "pobj"
        ):
            return "warns"
        if (
            t.lemma in ("lead", "result")
            and modal & {"will", "would", "could", "may", "might"}
            and any(
                c.dep == "prep" and c.lemma in ("to", "in") and _threatens(ps, c.i) for c in kids
            )
        ):
            return "warns"  # "could lead to an application for an injunction"
        if (
            t.lemma == "ask"
            and modal & {"will", "would", "shall"}
            and not neg
            and any(c.dep == "dobj" and c.lemma in _COURTS for c in kids)
        ):
            return "warns"  # "it will ask the courts to review any permission": legal action
        if (
            t.lemma == "depend"
            and modal & {"will", "would"}
            and any(c.dep == "nsubj" and c.lemma in _GRANTED for c in kids)
            and any(c.dep == "prep" and c.lemma in ("on", "upon") for c in kids)
        ):
            return "demands"  # "permission would depend on a signed transport agreement"
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
        if not neg and _our_commitment_held(ps, t):
            return "assures"  # "Our commitment to Ukraine is ironclad", "We take our NATO
            # commitment seriously"
        if not neg and owed(ps, t):
            return "demands"  # "the international community has an obligation to stop ..."
        if t.lemma == "be" and not neg and time_for(ps, t):
            return "demands"  # "It's time for the United States to return to ...", "the onus
            # will be on the platforms to demonstrate ..."
        if t.lemma == "be" and not neg and _ruled_out(ps, t):
            return "rejects"  # "a pause is out of the question", "a buyout is off the table"
        if (
            t.lemma == "be"
            and any(c.dep == "expl" for c in kids)
            and (modal or t.tag != "VBD" or _reported(ps, t))
        ):
            nothing = [
                c
                for c in kids
                if c.dep in ("attr", "nsubj") and any(g.lemma == "no" for g in ps.children(c.i))
            ]
            if nothing and modal & {"will", "would", "shall"} and nothing[0].lemma in _LOSSES:
                return "assures"  # "there will be no compulsory redundancies": a guarantee
            if nothing and _unthinkable_harm(ps, nothing[0]):
                return "assures"  # "there is no question of us passing the cost on"
            if nothing and _nothing_to_fear(ps, nothing[0]):
                return "assures"  # "there is no need to panic", "there is no rush to buy"
            if nothing and _either_or(ps, t):
                return "warns"  # "Either the filling pauses ..., or there is no agreement"
            if nothing and not modal and nothing[0].lemma in _STATUS:
                return None  # "so far, there is no agreement on this issue": where things stand
            if nothing:
                return "rejects"  # "there will be no one-for-one deals", "there is no blockade"
        if (
            modal & {"will", "would"}
            and not neg
            and _CONDITION.search(ps.text)
            and _THREAT_WORDS.search(
                " ".join(x.text for x in ps.subtree(t.i) if x.i not in _condition_clauses(ps))
            )
            and not _ceases(ps, t)
        ):  # (not "willing to ... if the opposition drops its threat of a court challenge")
            return "warns"  # "if ..., the Office will open enforcement proceedings"
        if _vote_taken(ps, t):
            return None  # "our councils voted on 12 June to oppose the closure": a decision
        if (
            t.lemma == "vote"
            and not neg
            and any(c.dep == "prep" and c.lemma == "against" for c in kids)
        ):
            return "rejects"  # "we will vote against any amendment that delays the transfer"
        if neg and t.lemma == "go" and any(c.dep == "xcomp" for c in kids):
            return "rejects"  # "we are not going to shut down"
        if "shall" in modal and (t.lemma not in _VERBS or t.lemma == "undertake"):
            subj = subjects_of(ps, t.i)
            mutual = bool(subj) and subj[0].lemma in ("party", "side", "signatory", "state")
            return "offers" if mutual else "demands"  # both sides bound: a proposal
        if modal & {"must"} and t.lemma in ("decline", "reject", "refuse", "oppose"):
            return "rejects"  # "we must decline it"
        if modal & {"must"} and _speaks(ps, t) and t.lemma != "insist":
            # "I must say", "I must be clear": the speaker's turn, no position ("I must insist
            # that ..." is a demand)
            return None
        if modal & {"must"} and t.dep == "relcl":
            return None  # "the Office, which must approve any restriction": a duty described
        if (
            "should" in modal
            and not neg
            and not any(c.dep == "nsubj" and c.i > t.i for c in kids)  # "should X refuse, ..."
            and ps.tokens[t.head].lemma in _SAY
            and t.dep == "ccomp"
        ):
            return "demands"  # "The alliance says we should refund every customer"
        if (
            "should" in modal
            and not neg
            and not any(c.dep == "nsubj" and c.i > t.i for c in kids)
            and ps.tokens[t.head].lemma in _OPINION
            and t.dep == "ccomp"
            and subjects_of(ps, t.head)
            and t.lemma != "be"  # "I think the US should be very concerned": a judgement
            and not any(c.dep == "nsubj" and c.lemma in ("it", "this", "that") for c in kids)
        ):
            # "I believe the Congress should codify Roe": what the believer asks of Congress;
            # "It does not believe couples should be allowed to adopt": what it refuses
            return "rejects" if neg_of(ps, t.head) else "demands"
        if (
            "should" in modal
            and t.dep == "ROOT"
            and not ours
            and not any(c.dep == "nsubj" and c.i > t.i for c in kids)
            # "Should the Authority agree, we are prepared to ...": a condition, its "should"
            # before the subject
            and not any(
                a.dep == "aux"
                and a.lemma == "should"
                and any(c.dep.startswith("nsubj") and c.i > a.i for c in kids)
                for a in kids
            )
            and not _speaks(ps, t)
            and t.lemma not in ("note", "remember", "recall", "say", "add", "stress")
            and t.lemma not in _TRENDS  # "Prices should fall next spring": a forecast
            and (
                any(c.dep == "auxpass" for c in kids)
                or any(c.dep in ("nsubj", "expl") for c in kids)
            )
            and not ps.text.rstrip().endswith("?")
        ):
            # "The cap should be suspended until ...", "Licences should go first to drivers
            # who ...": what the speaker asks be done (in a party's own words: a weak cue)
            return "demands"
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
            and any(c.dep == "xcomp" and c.lemma != "ask" and not _speaks(ps, c) for c in kids)
        ):
            if not neg and any(
                s.lemma in ("nobody", "noone", "no-one") for s in subjects_of(ps, t.i)
            ):
                return None  # "so nobody has to fill in a form": a burden lifted, no demand
            if not modal & {"must"} and modal & {"might", "may", "could"}:
                todo = [c for c in kids if c.dep == "xcomp"]  # what they may have to do
                aside = {
                    x.i
                    for c in todo
                    for p in ps.children(c.i)
                    if p.dep == "prep" and p.lemma in _CIRCUMSTANCE
                    for x in ps.subtree(p.i)
                }  # not "close their terminals during a long strike"
                act = " ".join(x.text for c in todo for x in ps.subtree(c.i) if x.i not in aside)
                if _THREAT_WORDS.search(act):
                    return "warns"  # "it may have to be resolved in court"
                return None  # "companies might have to shut down assembly lines": a forecast
            if (
                t.lemma == "have"
                and t.tag == "VBD"
                and (t.dep == "ROOT" or within(quoted_spans(ps.text), t.start))
            ):
                # "Some of them had to man their stations": what was needed then, in the
                # speaker's own past tense or the writer's; not "said the firm had to pay"
                return None
            if modal & {"must"} and _VERBS.get(t.lemma) == "warns":
                return "warns"  # "I must warn you that ...", "we must caution against ..."
            if t.lemma not in _VERBS and any(x.text in ("I", "i") for x in subjects_of(ps, t.i)):
                # "I have to do what's smart", "I must protect ...": the speaker's own duty,
                # asked of no one (but "I must insist that ...", "I must warn you" are stances)
                return None
            return "demands"  # not "I have to say", "I have to ask you"
        if _takes_issue(ps, t, kids):
            return "rejects"  # "Officials also took issue with the fact that ..."
        to_come = modal & {"will", "would", "could", "may", "might", "shall", "should", "can"}
        acted = None if neg or to_come else _acted_against(ps, t, kids)
        if acted:
            return acted  # "Sixteen states filed a lawsuit over ...", "putting pressure on X to"
        stance = _VERBS.get(t.lemma)
        if stance is None:
            return None
        if t.lemma in ("want", "wish", "like"):
            acts = [c.lemma for c in kids if c.dep == "xcomp"]
            if acts and acts[0] in ("assure", "reassure", "guarantee", "promise"):
                return "assures"  # "I want to assure this committee that ..."
            if any(c.dep == "xcomp" and _speaks(ps, c) for c in kids):
                # "I want to begin by thanking ...", "I want to be clear that we will ...":
                # what follows is the stance, if any
                return None
            if t.lemma == "want" and _own_wish(ps, t):
                # "We want to keep talking", "we want to help": a readiness; "We want to settle
                # this dispute": what we would do, asked of no one
                ready = any(c.dep == "xcomp" and c.lemma in _READY_TO for c in kids)
                return "offers" if ready else None
            if t.lemma == "like" and not any(
                c.dep == "dobj"
                or (c.dep in ("xcomp", "ccomp") and any(g.dep == "nsubj" for g in ps.children(c.i)))
                for c in kids
            ):
                return None  # "we would like to meet": not asking anyone for anything
        if any(c.dep in ("xcomp", "ccomp") and c.lemma in _NO_COMMENT for c in kids) and not (
            t.lemma == "ask"
            and (modal or t.tag == "VBP")
            and any(c.dep == "nsubj" and c.text.lower() in ("we", "i") for c in kids)
        ):
            # "declined to comment", "asked him to comment": no position; but "We would ask
            # the Council to confirm by 11 April whether ...": a letter's request
            return None
        if t.tag == "VBN" and any(c.dep in ("auxpass", "nsubjpass") for c in kids):
            if stance == "demands":
                return None  # "pilots were required to", "is expected to climb": no one asks
        if t.lemma == "dispute" and (t.pos != "VERB" or not any(c.dep == "dobj" for c in kids)):
            return None  # "the pay dispute", "the two sides disputed for hours"
        if (
            t.lemma == "appeal"
            and not neg
            and any(c.dep == "dobj" and c.lemma in _APPEALED for c in kids)
        ):
            return "warns"  # "We will appeal this decision to the Competition Appeal Tribunal"
        if t.lemma == "resist" and not any(c.dep == "dobj" and c.lemma in _PRESSURES for c in kids):
            return None  # "resisted calls to resign", not "resisted arrest"
        if t.lemma in _CAUSED_BY_THINGS and any(
            s.pos == "NOUN" and _a_thing(s) for s in subjects_of(ps, t.i)
        ):
            # "the propaganda campaign was encouraging Kiev to sabotage the agreements", "low
            # rates encourage borrowing": a thing that brings something about asks nothing; but
            # "X said the measure could encourage young people to ...": X warns of what it will do
            foretold = modal & {"could", "would", "might", "may", "will"} and t.dep == "ccomp"
            return "warns" if foretold and ps.tokens[t.head].lemma in _SAYING else None
        need = _NEEDS.get(t.lemma)
        if need is not None:
            sub = {c.text.lower() for c in kids} | {
                g.text.lower()
                for c in kids
                for g in ps.children(c.i)
                if c.dep in ("dobj", "xcomp", "ccomp", "advcl") and g.dep in ("mark", "aux", "prep")
            }
            if t.lemma == "want" and any(
                c.dep == "dobj"
                or (
                    c.dep == "ccomp"
                    and c.tag in ("VBN", "VBD", "VBZ")
                    and any(g.dep == "nsubj" for g in ps.children(c.i))
                )
                for c in kids
            ):
                # "wants a pay rise", "wants the increase capped at inflation"; "wants pay raises
                # to counter ...", where the tagger read "pay" as the subject of "raises"
                sub.add("to")
            if t.lemma in ("table", "slam"):
                return stance if any(c.dep == "dobj" for c in kids) else None
            if t.lemma == "advise":
                return stance if _advised(ps, kids) else None
            if t.lemma == "ask" and asks_leave(ps, t.i):
                sub.add("to")  # "asked the court if he could file ...": a request
            elif t.lemma == "ask" and asks_question(ps, t.i):
                return None  # "asked why the council found money for ...": a question
            if t.lemma in ("ask", "request") and _the_floor(ps, t):
                return None  # "has asked for the floor": a meeting's procedure
            if not (need & sub):
                return None
        if (neg or no_longer) and stance in ("demands", "offers", "assures"):
            return None  # "did not demand", "no longer demands": no position stated
        if neg and stance == "warns" and t.lemma in ("warn", "threaten", "caution"):
            return None  # "Toyota is not warning Tundra owners to stop driving": no warning
        if neg and stance == "rejects" and t.lemma in _NOT_REFUSED:
            if t.lemma in ("rule", "exclude") and _threatens(ps, t.i):
                return "warns"  # "It has not ruled out challenging a suspension in court"
            return None  # "has not ruled out sending troops", "did not dismiss the idea"
        if t.lemma == "commit" and t.tag != "VBN" and "to" not in words:
            return None
        if t.lemma == "confirm" and not ours:
            return None  # "X confirmed that ...": reported, often news rather than an undertaking
        if t.lemma == "welcome" and not modal & {"would", "will"}:
            return None  # "we welcomed the talks", "to welcome everyone": no offer made
        if t.lemma == "welcome" and any(c.dep == "dobj" and c.lemma in _ANSWERS for c in kids):
            return None  # "I would welcome your reply by 14 March": a letter's close
        return stance
    if t.pos == "ADJ" and any(_takes_questions(ps, c) for c in kids if c.dep == "xcomp"):
        return None  # "I am happy to take questions": a briefing's procedure, no offer
    if t.pos == "ADJ" and t.lemma in _READY and any(c.dep in ("xcomp", "prep") for c in kids):
        return "offers"
    kept_view = _held_view(ps, t, kids)
    if kept_view is not None:
        return kept_view
    if (
        t.pos == "ADJ"
        and t.lemma in ("happy", "glad", "pleased")
        and any(
            c.dep == "xcomp"
            and c.lemma not in _SAY | {"announce", "report", "welcome", "be", "accept", "receive"}
            for c in kids
        )
    ):
        return "offers"  # "I would be happy to meet their director"; not "glad to accept X's offer"
    if t.pos == "ADJ" and t.lemma in ("acceptable", "unacceptable", "inacceptable"):
        negated = any(c.dep == "neg" for c in ps.children(t.head)) or t.lemma != "acceptable"
        return "rejects" if negated else "offers"  # "is unacceptable to our members"
    if t.pos == "ADJ" and t.lemma in ("negotiable", "non-negotiable") and t.dep == "acomp":
        negated = any(c.dep == "neg" for c in ps.children(t.head)) or t.lemma != "negotiable"
        return "rejects" if negated else None  # "The condition is not negotiable"
    if (
        t.pos == "NOUN"
        and t.lemma in _NOUNS
        and t.dep == "dobj"
        and ps.tokens[t.head].lemma in RECEIVE
        and _NOUNS[t.lemma] in ("offers", "assures")
    ):
        return _NOUNS[t.lemma]  # "every employee will receive a written offer": someone offers
    if t.pos == "NOUN" and t.lemma in _NOUNS and t.dep in ("nsubj", "nsubjpass", "ROOT", "attr"):
        if t.lemma == "draft" and not any(c.dep in ("amod", "poss", "compound") for c in kids):
            return None
        head = ps.tokens[t.head]
        if t.lemma == "demand" and _buyers_demand(t, kids):
            return None
        if t.lemma == "call" and any(
            c.dep == "prep" and c.lemma in ("between", "with") or c.lemma in _CALL_KINDS
            for c in kids
        ):
            return None  # "A call between Biden and Zelensky", "a phone call with": talk
        if t.lemma == "threat" and not any(c.dep == "poss" for c in kids):
            return None  # "a threat to peace", "the threats of aggression are provocative"
        if (
            t.dep == "nsubj"
            and _NOUNS[t.lemma] == "offers"
            and any(c.dep == "neg" for c in ps.children(head.i))
        ):
            return "rejects"  # "the proposal does not reflect the value of Lumio"
        if t.dep == "nsubjpass" and head.lemma in _MET_WITH:
            return None  # "the ultimatum had been ignored", "the offer was turned down": a fact
        if (
            t.dep == "nsubj"
            and _NOUNS[t.lemma] == "offers"
            and head.lemma in _LEADS_TO
            and {c.lemma for c in ps.children(head.i) if c.dep == "aux"} & _MAY
            and not any(c.dep == "poss" and c.lemma in ("our", "my", "its") for c in kids)
        ):
            return "warns"  # "the proposal could lead to error, lost ballots and fraud"
        if t.dep == "nsubj" and _NOUNS[t.lemma] == "offers" and _falls_short(ps, head):
            return "rejects"  # "the offer fell short of our needs", "failed to address"
        if (
            t.dep == "nsubj"
            and _NOUNS[t.lemma] == "offers"
            and head.lemma in _WORKS_OUT
            and not any(c.dep == "poss" and c.text.lower() in _FIRST for c in kids)
        ):
            return None  # "the offer would mean a real-terms pay cut": what it comes to
        return _NOUNS[t.lemma]
    if t.pos == "NOUN" and t.lemma in ("plan", "intention") and any(c.lemma == "no" for c in kids):
        return "rejects"  # "has no plans to", "had no intention of withdrawing"
    if (
        t.pos == "NOUN"
        and t.lemma in ("plan", "intention")
        and t.dep == "dobj"
        and ps.tokens[t.head].lemma == "have"
        and any(c.dep == "neg" for c in ps.children(t.head))
        and any(
            (c.dep in ("acl", "relcl") and c.pos == "VERB")
            or (
                c.dep == "prep"
                and c.lemma == "of"
                and any(g.dep == "pcomp" for g in ps.children(c.i))
            )
            for c in kids
        )
    ):
        return "rejects"  # "we do not have any intention to surrender", "does not have plans to"
    return None


# what a proposal "could lead to", told by whoever fears it: a warning of its harm
_LEADS_TO = {"lead", "cause", "hurt", "harm", "damage", "undermine", "destroy", "endanger"}
_MAY = {"could", "would", "might", "may", "will"}
# what befalls a demand or an offer once made: how it was met, a fact about it
_MET_WITH = {"ignore", "heed", "meet", "rebuff", "spurn", "disregard", "flout", "defy"}


def _falls_short(ps: ParsedSentence, verb: Token) -> bool:
    """What one says of an offer found wanting: "fell (far) short", "failed to address"."""
    if verb.lemma == "fall":
        return any(c.lemma == "short" for c in ps.children(verb.i))
    return verb.lemma == "fail" and any(c.dep == "xcomp" for c in ps.children(verb.i))


RECEIVE = {"receive", "get", "obtain"}
# what an offer on the table comes to, told by whoever weighs it
_WORKS_OUT = {"mean", "amount", "represent", "equate", "translate", "leave", "cost"}
# acts (not acceptance) whose past denial reports a fact: "prices have not changed since May"
_REFUSED_ACTS = {
    "withdraw", "give", "close", "stop", "abandon", "cut", "raise", "lower", "change", "return",
    "renew", "let",
}  # fmt: skip
_UNDERTAKINGS = {"commitment", "policy", "moratorium", "ban", "doctrine", "treaty", "ceasefire"}
_GIVE_UP = {"abandon", "drop", "withdraw", "renounce", "give", "retract"}
# ending one's own pressure is a concession: "we will suspend our application", "call off the strike"
_CEASE = {
    "suspend", "withdraw", "drop", "halt", "end", "lift", "abandon", "pause", "call", "silence",
    "postpone", "defer", "delay", "shelve",
}  # fmt: skip
_OWN_ACTIONS = {
    "application", "appeal", "objection", "opposition", "challenge", "claim", "complaint", "case",
    "protest", "march", "strike", "blockade", "boycott", "action", "lawsuit", "suit", "sanction",
    "ban", "injunction", "gun", "shelling", "offensive", "attack",
}  # fmt: skip
_DEPLOY = {"move", "send", "mobilise", "mobilize", "station", "deploy", "mass"}
_FORCES = {"force", "troop", "unit", "soldier", "weapon", "missile", "ship", "army", "tank"}
_IDLE_OBJECTS = {"break", "pause", "look", "question", "questions", "meeting", "vote", "place"}


def _grand(ps: ParsedSentence, t: Token) -> set[str]:
    return {g.text.lower() for c in ps.children(t.i) for g in ps.children(c.i)}


_COURT_FILINGS = frozenset({"lawsuit", "suit", "complaint", "challenge", "injunction"})
_TO_STOP = frozenset({"move", "seek", "work", "try", "aim", "push", "act", "scramble", "rush"})
_PRESSING = frozenset({"put", "pile", "increase", "step", "ramp", "heap", "keep", "ratchet"})


def _acted_against(ps: ParsedSentence, t: Token, kids: list[Token]) -> str | None:
    """What a party did that states where it stands: going to court against something ("sued
    the city over the closure", "filed a lawsuit over the declaration", "challenged the ruling
    in court"), moving to block it ("is working to block the standards"), or pressing another
    to act ("putting pressure on the mayor to delay the rise"). Only as done: "will sue" is a
    threat, read elsewhere.
    """
    objs = [c for c in kids if c.dep == "dobj"]
    if t.lemma == "sue" and t.pos == "VERB":
        about = any(c.dep == "prep" and c.lemma in ("over", "for") for c in kids)
        return "rejects" if objs or about else None
    if t.lemma == "file" and any(o.lemma in _COURT_FILINGS for o in objs):
        return "rejects"
    if t.lemma == "challenge" and t.pos == "VERB" and objs and objs[0].ent != "PERSON":
        return "rejects" if objs[0].pos != "PRON" and "to" not in {c.lemma for c in kids} else None
    if t.lemma == "block" and objs and t.dep == "xcomp" and ps.tokens[t.head].lemma in _TO_STOP:
        return "rejects"
    pressure = next((o for o in objs if o.lemma == "pressure"), None)
    if t.lemma in _PRESSING and pressure is not None:
        on = [c for c in [*kids, *ps.children(pressure.i)] if c.dep == "prep" and c.lemma == "on"]
        return "demands" if on else None
    return None


def _takes_issue(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """Taking a bare "issue" with something ("took issue with the plan"; the parser hangs
    "with" on the verb or on "issue"); not "took the issue to court".
    """
    if t.lemma != "take":
        return False
    issue = next((c for c in kids if c.dep == "dobj" and c.lemma == "issue"), None)
    if issue is None or any(
        g.dep in ("det", "amod", "poss", "compound") for g in ps.children(issue.i)
    ):
        return False
    return any(c.dep == "prep" and c.lemma == "with" for c in [*kids, *ps.children(issue.i)])


def _vote_taken(ps: ParsedSentence, t: Token) -> bool:
    """A vote already held ("87 percent voted against the offer", "the councils voted to
    oppose the closure"): a decision taken, not a position, unless it sets a condition ("the
    meeting voted to hold a ballot if the University has not replied").
    """
    verb = t if t.lemma == "vote" else ps.tokens[t.head]
    if verb.lemma != "vote" or (verb is not t and t.dep not in ("xcomp", "advcl")):
        return False
    aux = {c.lemma for c in ps.children(verb.i) if c.dep == "aux"}
    past = verb.tag == "VBD" or (verb.tag == "VBN" and "have" in aux)
    return past and not _CONDITION.search(ps.text)


def in_condition(ps: ParsedSentence, i: int) -> bool:
    """Inside an 'if'/'should'/'unless' clause: a condition, not the stance. The word and its
    head only: every clause up to the root also took stances in relative clauses and objects
    for conditions (measured with the positions eval when `ancestors` was mended).
    """
    tok = ps.tokens[i]
    head = ps.tokens[tok.head]
    if stranded_subject(ps, i) is not None:
        return False  # "The Federation, which has 60,000 members, called on ...": the main verb
    if (tok.dep == "acl" and head.lemma in _STATEMENTS) or (
        head.dep == "acl" and head.lemma in _SAY and ps.tokens[head.head].lemma in _STATEMENTS
    ):  # "issued a statement demanding ...", "a statement saying it would not ...": its words
        return False
    # "the families, who urged the court to ...": the clause's own subject holds the stance
    for a in [i] if relative_subject(ps, i) is not None else [i, *ps.ancestors(i)[:1]]:
        t = ps.tokens[a]
        if t.dep == "advcl" and any(
            c.lemma in ("if", "unless", "should", "when", "once", "until", "as")
            and not (c.lemma in ("when", "as") and _told_as_done(ps, t, c.lemma))
            for c in ps.children(a)
        ):
            return True
        if t.dep in ("relcl", "acl", "pcomp", "pobj", "dobj") and a != i:
            return True
        if _opens_should(ps, a):
            # "Should the Agency require further data, we are prepared to ...": parsed as the
            # sentence's root, still the condition
            return True
    return False


def _told_as_done(ps: ParsedSentence, verb: Token, mark: str) -> bool:
    """A 'when' or 'as' clause in the past tells what happened, not a condition: "Shares fell
    when Boeing rejected the offer", "Prices rose as Russia threatened to cut supplies". In the
    present it is one: "when Russia invades, we will respond". An 'as' clause whose verb lacks
    its object says in what way ("As the union requested when it proposed these talks, ..."):
    a request recalled, not made.
    """
    kids = ps.children(verb.i)
    if mark == "as" and not any(
        c.dep in ("dobj", "xcomp", "ccomp", "prep", "dative", "attr") for c in kids
    ):
        return False
    aux = {c.lemma for c in kids if c.dep in ("aux", "auxpass")}
    return verb.tag == "VBD" or (verb.tag == "VBN" and "have" in aux)


def background(ps: ParsedSentence, t: Token) -> bool:
    """A participle clause that sets the scene for another verb ("In requesting that the call be
    held today, the US cited ..."; "considering the need for ..."): not the sentence's stance.
    "We were firm in pushing back on ..." is the stance: its clause hangs from 'be'.
    """
    if t.dep == "advcl" and any(
        c.dep == "mark" and c.lemma == "because" for c in ps.children(t.i)
    ):  # "the district could not remove it, because the state requires ...": a reason given
        return True
    if (
        t.dep == "relcl"
        and t.tag == "VBN"
        and any(c.dep == "aux" and c.text.lower() == "had" for c in ps.children(t.i))
    ):  # "The federation, which had urged the Government for weeks to act, welcomed ...": told
        return True  # as what came before the sentence's news
    if t.dep == "ccomp" and ps.tokens[t.head].lemma in ("claim", "allege"):
        # "It also claims that Trevannick has asked suppliers for ...": an allegation of what
        # another did, not that party's position (nor the claimant's)
        return True
    if t.tag != "VBG" or t.dep not in ("pcomp", "advcl") or subjects_of(ps, t.i):
        return False
    gov = ps.tokens[t.head] if t.dep == "advcl" else ps.tokens[ps.tokens[t.head].head]
    return gov.pos == "VERB" and gov.lemma != "be"


# costs one party lays on another ("tariffs on steel", "sanctions on anyone who assists")
_PUNISHMENTS = {"tariff", "sanction", "penalty", "duty", "embargo", "levy"}
_LAYING = {"impose", "place", "put", "slap", "levy", "apply", "promise", "pledge", "vow"}
_INTENDING = {"plan", "intend", "vow", "pledge", "promise", "threaten", "want"}


def _punishment_promised(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """A cost one party says it will lay on another: "Trump said he will place tariffs on steel",
    "has promised blanket 25% tariffs on goods from Mexico", "plans to impose sweeping tariffs".
    """
    if t.lemma not in _LAYING or t.pos != "VERB" or any(c.dep == "neg" for c in kids):
        return False
    if not any(c.dep == "dobj" and c.lemma in _PUNISHMENTS for c in kids):
        return False
    modal = {c.lemma for c in kids if c.dep == "aux"}
    head = ps.tokens[t.head]
    return bool(
        modal & {"will", "would", "shall"}
        or t.lemma in _VOWS
        or (t.dep == "xcomp" and head.lemma in _INTENDING and not neg_of(ps, head.i))
    )


# what a market's demand is, not a party's ("strong pent-up demand for burial plots")
_MARKET = {
    "strong", "weak", "high", "low", "rising", "growing", "falling", "pent", "pent-up", "up",
    "consumer", "global", "domestic", "surging", "booming", "soaring", "increased", "robust",
    "buyer", "customer", "market", "energy", "oil", "housing", "travel", "export", "import",
}  # fmt: skip


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
            if re.fullmatch(r"(?:19|20)\d\d|the time|(?:the )?(?:recent |distant )?past", words):
                return True
        if c.dep == "npadvmod" and any(g.lemma == "ago" for g in ps.subtree(c.i)):
            return True
        if (
            c.dep == "npadvmod"
            and c.lemma in ("month", "year")
            and any(g.dep == "amod" and g.lemma == "last" for g in ps.children(c.i))
        ):
            return True  # "Republicans sought to pass legislation ... last month"
        if (
            c.dep == "prep"
            and c.lemma in ("throughout", "during")
            and any(g.dep == "pobj" and g.lemma == "campaign" for g in ps.children(c.i))
        ):
            return True  # "Throughout his presidential campaign, Trump threatened to ..."
        if (
            c.dep == "advcl"
            and c.lemma == "date"
            and any(g.lemma == "back" for g in ps.subtree(c.i))
        ):
            return True  # "Dating back to the 2020 campaign, Biden has called for ..."
    return False


# what the other side may do that a party asks for: the condition of an offer
_CONCESSIONS = {
    "agree", "accept", "approve", "publish", "withdraw", "drop", "show", "meet", "lift", "sign",
    "confirm", "commit", "pay", "restore", "reduce", "improve", "release", "guarantee", "offer",
    "halt", "stop", "cease", "observe", "ease", "relax", "scrap", "remove", "lower", "amend",
    "repeal",
}  # fmt: skip
# what a party gives on a condition, whatever the condition: "members would return to the wards
# at once if ...", "the company would contribute to a roaming scheme if the others did the same"
_GIVING = {"return", "contribute", "resume", "restore", "reopen", "release", "cover", "fund",
           "invest", "hire", "expand"}  # fmt: skip


def conditional_deal(ps: ParsedSentence, reported: bool = False) -> tuple[int, str] | None:
    """What we will do if the other side does something: "If the survey shows that
    refurbishment costs more, the association will work with the council" (an offer); "if
    they start the survey, we will take them to court" (a warning). The main verb has
    will/would and an if-clause; its subject is "we" or a named party, not a thing.
    """
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    if root is not None and _opens_should(ps, root.i):
        # "Should any shop refuse ..., we will treat that as a breach": the condition parsed
        # as the root; the clause after it, with will/would, is what we will do
        return _after_should(ps, root)
    if root is not None and reported and root.lemma in _SAY:
        # "X said Y would V if Z": what X says would follow, a warning or an offer of X's
        said = [c for c in ps.children(root.i) if c.dep == "ccomp" and c.pos in ("VERB", "AUX")]
        root = said[0] if said else None
    if root is None or root.pos not in ("VERB", "AUX") or (root.pos == "AUX" and not reported):
        return None
    kids = ps.children(root.i)
    if not any(c.dep == "aux" and c.lemma in ("will", "would") for c in kids):
        return None
    if any(c.dep == "neg" for c in kids) or not threat_if(ps, root.i):
        return None
    subj = subjects_of(ps, root.i)
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
    giving = (
        root.lemma in _GIVING
        or _receptive(ps, root)
        or any(
            (c.lemma in _CONCESSIONS or _same_again(ps, c) or _brings_offer(ps, c))
            and not any(g.dep == "neg" for g in ps.children(c.i))
            for c in conditions
        )
    )
    hostile = root.lemma in _HOSTILE_ACTS or _THREAT_WORDS.search(
        " ".join(t.text for t in ps.subtree(root.i) if not in_condition(ps, t.i))
    )
    if _called_off(ps, root):
        hostile = None  # "we would call off the strike if ...": the threat is what is given up
    return root.i, "offers" if giving and not hostile else "warns"


# what a party will do with what the other side brings: consider it ("we will look at it
# seriously", "we would consider any proposal", "we will put it to our members"); "consider
# closing our ports" or "review all new investment" is a threat, so the object must be the
# thing brought (a pronoun or an offer), or the giving up of an action ("consider pausing")
_RECEPTIVE = {"consider", "examine", "study", "review", "discuss", "welcome", "entertain"}
_OFFERED = {"offer", "proposal", "plan", "deal", "settlement", "package", "idea", "request"}
_BROUGHT = _OFFERED | {"it", "this", "that", "them"}
_GIVEN_UP = {"pause", "postpone", "delay", "suspend", "lift", "drop", "end", "halt"}


def _receptive(ps: ParsedSentence, verb: Token) -> bool:
    kids = ps.children(verb.i)
    if verb.lemma in _RECEPTIVE:
        return any(c.dep == "dobj" and c.lemma.lower() in _BROUGHT for c in kids) or any(
            c.dep in ("xcomp", "dobj") and c.pos == "VERB" and c.lemma in _GIVEN_UP for c in kids
        )
    if verb.lemma == "look":
        return any(
            c.dep == "prep"
            and c.lemma in ("at", "into")
            and any(o.dep == "pobj" and o.lemma.lower() in _BROUGHT for o in ps.children(c.i))
            for c in kids
        )
    if verb.lemma in ("put", "take"):  # "put it to our members", "take it to a ballot"
        return any(
            c.dep in ("prep", "dative") and c.lemma == "to" and _members_or_vote(ps, c)
            for c in kids
        )
    return False


def _members_or_vote(ps: ParsedSentence, prep: Token) -> bool:
    return any(
        o.dep == "pobj" and o.lemma in ("member", "ballot", "vote", "membership", "board")
        for o in ps.children(prep.i)
    )


def _brings_offer(ps: ParsedSentence, c: Token) -> bool:
    """A condition that the other side puts an offer forward ("if the company puts a written
    offer on the table", "if Quenby brings a proper proposal"): what follows answers an offer.
    """
    return any(o.dep == "dobj" and o.lemma in _OFFERED for o in ps.children(c.i))


def _called_off(ps: ParsedSentence, verb: Token) -> bool:
    """'call off', 'cancel', 'suspend', 'postpone' a thing: what the subject gives up."""
    return (
        verb.lemma in ("cancel", "suspend", "postpone", "shelve", "abandon")
        or (
            verb.lemma in ("call", "put")
            and any(c.dep == "prt" and c.lemma == "off" for c in ps.children(verb.i))
        )
        or (  # "we will drop the fee boycott", "end the blockade", "lift the ban"
            verb.lemma in ("drop", "end", "lift", "withdraw")
            and any(c.dep == "dobj" and c.lemma in _PRESSURE for c in ps.children(verb.i))
        )
    )


# what a party presses with, and may give up
_PRESSURE = {
    "boycott", "strike", "blockade", "walkout", "protest", "ban", "sanction", "embargo",
    "lawsuit", "appeal", "challenge", "occupation", "picket",
}  # fmt: skip


# what two sides do together, whose suspension is a sanction, not a concession
_JOINT_WORK = {
    "commission", "committee", "talks", "dialogue", "cooperation", "co-operation", "agreement",
    "treaty", "programme", "program", "partnership", "exchange", "aid", "funding", "contract",
    "deliveries", "delivery", "flights", "trade", "relations", "membership", "visits",
    "payment", "payments", "levy", "rent", "fees", "dues", "subscription",
}  # fmt: skip


def _stops_cooperation(ps: ParsedSentence, verb: Token) -> bool:
    """'suspend the joint fisheries commission': a tie cut, not one's own pressure called off;
    'suspend driver-only operation', 'cancel the licence': what the other side may do, stopped.
    """
    return any(
        c.dep == "dobj" and (c.lemma in _JOINT_WORK | _GRANTED_USE or c.text.lower() in _JOINT_WORK)
        for c in ps.children(verb.i)
    )


# what a party allows the other to do, whose suspension is a sanction
_GRANTED_USE = {
    "licence", "license", "permit", "service", "accreditation", "membership",
    "registration", "approval", "authorisation", "authorization", "franchise", "access",
    "right", "flight", "import", "export", "delivery", "subsidy", "grant", "concession",
}  # fmt: skip


def _same_again(ps: ParsedSentence, c: Token) -> bool:
    """A condition that the other side does the same ("if the other two operators did the
    same", "if Velmar follows suit"): reciprocity, so what is promised is an offer.
    """
    kids = ps.children(c.i)
    return (c.lemma == "do" and any(k.lemma == "same" for k in kids)) or (
        c.lemma == "follow" and any(k.lemma == "suit" for k in kids)
    )


def _buyers_demand(t: Token, kids: list[Token]) -> bool:
    """A market's demand, no party's: "Demand in the region has grown" (a subject that no
    owner, modifier or "for/from/by/of" phrase ties to anyone), "Demand for flights has risen
    12 percent" (singular, without "the" or an owner).
    """
    owned = ("poss", "compound", "amod", "relcl", "acl")
    if t.dep == "nsubj" and not any(
        c.dep in owned or (c.dep == "prep" and c.lemma in ("for", "from", "by", "of")) for c in kids
    ):
        return True
    return t.tag == "NN" and not any(c.dep in ("det", *owned) for c in kids)


def _acting_party(ps: ParsedSentence, v: int) -> bool:
    """The verb's subject is the speaker or a named party ("we will vote against", "Orvanne
    will"), not what may happen to others ("many more developers will collapse").
    """
    subj = subjects_of(ps, v)
    return bool(subj) and (
        subj[0].text.lower() in _FIRST
        or subj[0].ent_i >= 0
        or subj[0].pos == "PROPN"
        or any(c.dep == "poss" and c.text.lower() in _FIRST for c in ps.children(subj[0].i))
    )  # "my party will vote against it"


def _opens_should(ps: ParsedSentence, i: int) -> bool:
    """Whether the sentence opens on an inverted condition's "Should" that hangs from token i
    ("Should the Agency require ..., we ...": i is the condition's verb, however it is parsed).
    """
    return bool(ps.tokens) and ps.tokens[0].text == "Should" and ps.tokens[0].head == i


def _after_should(ps: ParsedSentence, cond: Token) -> tuple[int, str] | None:
    """The main clause of a sentence-initial "Should X ..., we will Y" that the parser hung
    from the condition's verb: an offer when the condition is the other side giving way, a
    warning otherwise; None when no clause after the comma has will/would.
    """
    comma = next((t.i for t in ps.tokens if t.text == "," and t.i > cond.i), None)
    if comma is None:
        return None
    main = next(
        (
            c
            for c in ps.children(cond.i)
            if c.i > comma
            and c.pos in ("VERB", "AUX")
            and any(g.dep == "aux" and g.lemma in ("will", "would") for g in ps.children(c.i))
            and not any(g.dep == "neg" for g in ps.children(c.i))
        ),
        None,
    )
    if main is None:
        return None
    hostile = main.lemma in _HOSTILE_ACTS or _THREAT_WORDS.search(
        " ".join(t.text for t in ps.subtree(main.i))
    )
    giving = cond.lemma in _CONCESSIONS and not any(g.dep == "neg" for g in ps.children(cond.i))
    return main.i, "offers" if giving and not hostile else "warns"


def _not_something_we_can(ps: ParsedSentence, t: Token) -> bool:
    """A refusal: "X is not something we can commit to / agree to / accept", whatever the verb
    in the relative clause would carry on its own.
    """
    head = ps.tokens[t.head]
    if t.dep != "relcl" or head.lemma not in ("something", "anything") or head.dep != "attr":
        return False
    be = ps.tokens[head.head]
    return (
        be.lemma == "be"
        and neg_of(ps, be.i)
        and any(c.dep == "aux" and c.lemma in ("can", "could", "will") for c in ps.children(t.i))
    )


def _ceases(ps: ParsedSentence, t: Token) -> bool:
    """Whether what token t says will be done is to end a pressure ("we would consider pausing
    the strike", "will call off the overtime ban"): a concession, not a threat.
    """
    for x in ps.subtree(t.i):
        if x.pos != "VERB" or x.lemma not in _CEASE or x.i in _condition_clauses(ps):
            continue
        if x.lemma != "call" or any(c.lemma == "off" for c in ps.children(x.i)):
            return True
    return False


# what "there is no ..." reports as it stands, unlike "there will be no deal" (a refusal)
_STATUS = {
    "agreement", "deal", "decision", "progress", "breakthrough", "evidence", "sign",
    "indication", "consensus", "date", "timetable", "word", "information", "news", "comment",
    "update", "confirmation", "response", "reply", "answer", "record",
}  # fmt: skip
# what a party seeks that is no demand on anyone ("seeking information about the incident")
_FACTS_SOUGHT = {
    "information", "details", "clarity", "clarification", "comment", "feedback", "view",
    "opinion", "thought", "input", "reaction",
}  # fmt: skip
# what shows something rather than proposes it: "the report suggested that ..."
_FINDINGS = frozenset({
    "report", "study", "survey", "poll", "data", "evidence", "analysis", "research", "review",
    "finding", "figure", "record", "test", "audit", "investigation", "inquiry", "model",
})  # fmt: skip
# what mourners and well-wishers ask of everyone: no party's demand on another
_GRIEF_ASKS = frozenset({"privacy", "prayer", "condolence"})
# a call that is a conversation ("a phone call", "a video call")
_CALL_KINDS = {"phone", "video", "telephone", "conference", "zoom", "hour", "minute"}
_ASKING = frozenset({"ask", "request", "seek", "urge", "appeal", "call"})


def _asks_for(ps: ParsedSentence, kids: list[Token]) -> set[str]:
    """The lemmas of what a verb of asking asks for: its object, or the object of its "for"."""
    out = {c.lemma for c in kids if c.dep == "dobj"}
    for c in kids:
        if c.dep == "prep" and c.lemma == "for":
            out.update(g.lemma for g in ps.children(c.i) if g.dep == "pobj")
    return out


# pronouns and nouns that pick out no one in particular: "Those who want to ...", "anyone who"
_ANYONE = {"those", "anyone", "anybody", "everyone", "everybody", "whoever", "someone"}
# what a weather office or an agency warns of without threatening anyone
_HAZARDS = re.compile(
    r"\b(?:danger|dangerous|flood\w*|storms?|rain\w*|heat\w*|wild ?fires?|fires?|weather|snow\w*|"
    r"winds?|avalanches?|tsunamis?|drought|earthquakes?|hurricanes?|tornado\w*|landslides?|"
    r"outbreaks?|disease|infections?)\b",
    re.I,
)


def _asked_whether(ps: ParsedSentence, t: Token) -> bool:
    """Whether token t is in a clause that asks "whether ...": an open question, no stance."""
    if "whether" not in ps.lemmas:
        return False
    for k in [t.i, *ps.ancestors(t.i)]:
        if any(c.dep == "mark" and c.lemma == "whether" for c in ps.children(k)):
            return True
    return False


def _nobody_in_particular(ps: ParsedSentence, t: Token) -> bool:
    """A stance word in a clause about no one in particular ("Those who want to adopt an
    isolationist approach misunderstand ...", "anyone who refuses"): no party holds it.
    """
    head = ps.tokens[t.head]
    return t.dep == "relcl" and head.lemma.lower() in _ANYONE


def _hazard_warned(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    """A warning of a natural hazard ("issued a red alert, warning of the potential for
    extreme danger"), with no threat in it: no party's position.
    """
    of = [c for c in kids if c.dep == "prep" and c.lemma in ("of", "about")]
    if not of or any(c.dep in ("ccomp", "xcomp") for c in kids):
        return False
    said = " ".join(x.text for c in of for x in ps.subtree(c.i))
    return bool(_HAZARDS.search(said)) and not _THREAT_WORDS.search(said)


# what a party appeals against: a court case threatened
_APPEALED = {"decision", "ruling", "fine", "judgment", "judgement", "order", "verdict", "penalty"}
_SAYING = {"say", "warn", "argue", "claim", "predict", "tell", "add", "note", "fear", "caution"}
# verbs that a thing can be the subject of without anyone asking anything
_CAUSED_BY_THINGS = {"encourage", "push", "resist"}
# doings and devices, not parties: "the campaign", "the policy", "the measures"
_DOINGS = {
    "campaign", "policy", "move", "measure", "step", "effort", "programme", "program",
    "rhetoric", "propaganda", "report", "study", "scheme", "strategy", "approach", "law",
    "bill", "rule", "market", "rate", "price", "trend", "weather", "war", "crisis", "conflict",
}  # fmt: skip


def _a_thing(subj: Token) -> bool:
    """Whether a common-noun subject is a thing or a doing ("the campaign", "the new rules",
    "rising prices"), not a body or people ("the union", "the council", "residents").
    """
    return subj.lemma.lower() in _THINGS | _DOINGS  # not by suffix: "government", "association"


# what a party defends itself against when it refuses another's case
_CASES_AGAINST = {
    "lawsuit", "suit", "claim", "allegation", "charge", "accusation", "action", "complaint",
    "case", "challenge",
}  # fmt: skip


# what a party resists when it refuses someone's position
_PRESSURES = {"call", "pressure", "demand", "effort", "attempt", "push", "proposal", "plan", "move"}


def _going_to(ps: ParsedSentence, t: Token) -> set[str]:
    """{"will"} for "we are going to pay compensation": the future a speaker commits to."""
    go = ps.tokens[t.head]
    if t.dep == "xcomp" and go.lemma == "go" and go.tag == "VBG":
        if any(c.dep == "aux" and c.lemma == "be" for c in ps.children(go.i)):
            return {"will"}
    return set()


def _held_to(ps: ParsedSentence, t: Token, kids: list[Token]) -> str | None:
    """A vow not to give up one's demand ("It vowed not to drop its demand for a full
    amnesty", "refused to withdraw its offer"): the demand or offer insisted on, not a promise
    or a refusal.
    """
    if t.lemma not in _HOLDS_TO:
        return None
    for x in kids:
        if x.dep == "xcomp" and x.lemma in _GIVE_UP and (t.lemma == "refuse" or neg_of(ps, x.i)):
            held = [c.lemma for c in ps.children(x.i) if c.dep == "dobj" and c.lemma in _NOUNS]
            if held and _NOUNS[held[0]] in ("demands", "offers"):
                return _NOUNS[held[0]]
    return None


_HOLDS_TO = {"vow", "pledge", "promise", "swear", "refuse", "insist", "say", "decide"}


def neg_of(ps: ParsedSentence, i: int) -> bool:
    return any(c.dep == "neg" for c in ps.children(i))


# what a party issues, whose requirements are its own ("The order requires us to stop ...")
_ISSUED = {
    "order", "ruling", "decision", "directive", "notice", "injunction", "judgment", "judgement",
    "resolution", "regulation", "licence", "license", "permit", "condition", "proposal", "plan",
    "offer", "agreement", "deal", "draft", "treaty", "bill", "motion", "amendment", "letter",
    "settlement", "rule", "policy", "code", "standard", "framework", "scheme", "contract",
}  # fmt: skip
# what a reporter could not do ("the claim could not be independently verified"): no refusal
_UNVERIFIED = {"verify", "confirm", "establish", "determine", "reach", "contact", "identify"}


_CLEFT_ASK = {"ask", "want", "need", "demand", "expect", "request", "seek", "propose", "offer"}


def _pseudo_cleft(ps: ParsedSentence, t: Token) -> str | None:
    """'What we do ask of the government is a credible plan' (a demand), 'What we can do is
    limit any increase to inflation', 'What we are offering instead is a staged plan' (offers):
    the clause the sentence opens on names the act, the rest what is asked or given.
    """
    first = next((x for x in ps.tokens if x.pos not in ("PUNCT", "SPACE", "CCONJ")), None)
    if first is None or first.lemma != "what" or first.dep != "dobj":
        return None
    head = ps.tokens[first.head]
    if head.i != t.i and not (head.dep == "aux" and head.head == t.i):  # "What we do ask"
        return None
    subj = [c for x in {t.i, head.i} for c in ps.children(x) if c.dep == "nsubj"]
    if not subj or not any(x.lemma == "be" and x.i > t.i for x in ps.tokens):
        return None  # not "What is asked ...", and a clause after: "... is a credible plan"
    be = next(x for x in ps.tokens if x.lemma == "be" and x.i > t.i)
    told = [c for c in ps.children(be.i) if c.dep in ("attr", "xcomp", "ccomp", "acomp")]
    if told and all(c.pos == "ADJ" for c in told) and ":" not in ps.text[be.start :]:
        return None  # "What we ask in return is straightforward.": what follows says it
    modal = {c.lemma for c in ps.children(t.i) if c.dep == "aux"}
    neg = any(c.dep == "neg" for x in {t.i, head.i} for c in ps.children(x))
    if t.lemma == "do" and modal & {"can", "could"}:
        return "rejects" if neg else "offers"  # "What we cannot do is sign a deal today"
    if neg:
        return None
    if t.lemma in ("offer", "propose"):
        return "offers"
    return "demands" if t.lemma in _CLEFT_ASK else None


def _no_objection(ps: ParsedSentence, t: Token) -> bool:
    return any(
        c.dep == "dobj"
        and c.lemma in ("objection", "problem")
        and any(g.lemma == "no" for g in ps.children(c.i))
        and any(g.dep == "prep" and g.lemma in ("to", "with") for g in ps.children(c.i))
        for c in ps.children(t.i)
    )


# what a party undertakes to keep to: "we will respect the ceasefire", "it would comply with
# the ruling", "will continue to supply its customers at contracted prices"
_KEEP = {"respect", "comply", "abide", "honour", "honor", "uphold", "observe"}
_GO_ON = {"supply", "provide", "pay", "support", "serve", "protect", "operate", "fund", "deliver"}


def _keeps_to(ps: ParsedSentence, t: Token) -> str | None:
    if t.pos != "VERB":
        return None
    kids = ps.children(t.i)
    modal = {c.lemma for c in kids if c.dep == "aux"}
    if not modal & {"will", "would", "shall"}:
        return None
    neg = any(c.dep == "neg" for c in kids)
    if any(c.dep == "mark" and c.lemma in ("whether", "if") for c in kids):
        return None  # "asked whether the government would observe the pause"
    if t.dep == "ccomp" and any(
        c.dep == "conj" and c.pos == "VERB" for c in ps.children(t.head)
    ):  # "said it would comply with the order but rejected the findings": the main clause
        return None
    if t.lemma in ("cooperate", "co-operate"):
        # "the White House will cooperate with investigations that have a legislative
        # purpose": an offer; "will not cooperate": a refusal
        return "rejects" if neg else "offers"
    if t.lemma in _KEEP:
        if neg:
            return "rejects"  # "will not respect a ruling": a refusal
        # "would respect a local truce if the army did the same": an offer
        return "offers" if threat_if(ps, t.i) else "assures"
    if any(_people(ps, x) for x in subjects_of(ps, t.i)):
        return None  # "route partners will continue to be paid": whose promise, not said here
    if t.lemma == "continue" and not neg:
        goes_on = [c for c in kids if c.dep == "xcomp" and c.lemma in _GO_ON]
        return "assures" if goes_on else None
    return None


_EMBEDDED = {"ccomp", "conj", "xcomp", "dobj", "pcomp", "advcl", "pobj"}


def _judged(ps: ParsedSentence, be: Token, noun: Token) -> bool:
    """An offer the sentence judges: "The Minister's assurance is welcome", "This short-sighted
    proposal is yet another example of ..." (with no owner named: one named, "the offers from
    X were an insult", is read by `stance_statements._judged` as the speaker's refusal).
    """
    owned = any(
        (c.dep == "prep" and c.lemma == "from") or c.dep == "poss" for c in ps.children(noun.i)
    )
    return be.lemma == "be" and any(
        (c.dep == "acomp" and c.pos == "ADJ")
        or (c.dep == "attr" and c.lemma in _VERDICTS and not owned)
        for c in ps.children(be.i)
    )


# what another's offer is called ("This short-sighted proposal is yet another example of ...")
_VERDICTS = {
    "example", "attempt", "insult", "disgrace", "mistake", "slap", "joke", "travesty",
    "betrayal", "affront", "overreach", "giveaway", "gimmick", "stunt", "sham", "non-starter",
}  # fmt: skip


def _condition_clauses(ps: ParsedSentence) -> set[int]:
    """The tokens of the sentence's if / unless / should clauses."""
    return {
        u.i
        for c in ps.tokens
        if c.dep == "advcl"
        and any(
            g.dep in ("mark", "aux") and g.lemma in ("if", "unless", "should")
            for g in ps.children(c.i)
        )
        for u in ps.subtree(c.i)
    }


_SETTLED = frozenset({"agree", "decide", "resolve", "note"})


def _agreed_at_meeting(ps: ParsedSentence, t: Token) -> bool:
    """Under "It was agreed / decided / resolved that ...": what a meeting settled."""
    if ps.lemmas.isdisjoint(_SETTLED):
        return False
    for a in ps.ancestors(t.i):
        v = ps.tokens[a]
        kids = ps.children(a)
        if (
            v.lemma in _SETTLED
            and any(c.dep == "auxpass" for c in kids)
            and any(c.dep in ("nsubjpass", "expl") and c.lemma == "it" for c in kids)
        ):
            return True
    return False


# what a tribute says lives on: "his impact will never leave the lives he touched"
_LEGACY = frozenset({
    "impact", "legacy", "memory", "spirit", "passion", "love", "light", "kindness", "smile",
    "laughter", "name", "contribution", "example", "influence", "dedication", "sacrifice",
})  # fmt: skip


def _remembered(ps: ParsedSentence, t: Token) -> bool:
    """A negated verb that says someone's legacy lives on: "will never be forgotten", "his
    impact will never leave ...": no party refuses anything.
    """
    kids = ps.children(t.i)
    if not any(c.dep == "neg" for c in kids):
        return False
    if t.lemma == "forget" and any(c.dep == "auxpass" for c in kids):
        return True
    return any(c.dep in ("nsubj", "nsubjpass") and c.lemma in _LEGACY for c in kids)


def _is_modal_clause(ps: ParsedSentence, verb: Token) -> bool:
    """Whether a clause's verb has a modal ("suggested that talks should resume")."""
    return any(c.dep == "aux" and c.tag == "MD" for c in ps.children(verb.i))


_SANCTIONS = {"arrest", "prosecution", "fine", "penalty", "sanction", "expulsion", "eviction"}
# what a party gives people, promised in the passive ("will be compensated", "will be rehoused")
_BENEFITS = {
    "compensate", "reimburse", "refund", "rehouse", "rebook", "protect", "support", "pay",
    "consult", "inform", "notify", "exempt", "spare",
}  # fmt: skip


def _benefit_promised(ps: ParsedSentence, t: Token, kids: list[Token]) -> bool:
    if t.lemma not in _BENEFITS or t.tag != "VBN":
        return False
    if not any(c.dep == "aux" and c.lemma in ("will", "shall") for c in kids):
        return False
    if any(c.dep == "neg" for c in kids) or any(c.dep == "agent" for c in kids):
        return False
    subj = [c for c in kids if c.dep == "nsubjpass"]
    return bool(subj) and (_people(ps, subj[0]) or _anyone(subj[0], ps))


def _anyone(noun: Token, ps: ParsedSentence) -> bool:
    """'anyone', 'any investigator', 'every family': whoever it may be, no party."""
    return noun.lemma in ("anyone", "anybody", "whoever", "everyone", "everybody") or any(
        c.dep == "det" and c.lemma in ("any", "every") for c in ps.children(noun.i)
    )


def _the_floor(ps: ParsedSentence, t: Token) -> bool:
    """'asked for the floor', 'requested the floor': a delegate asks to speak, no demand."""
    return any(
        g.lemma == "floor" and g.dep in ("pobj", "dobj")
        for c in ps.children(t.i)
        for g in ([c] if c.dep == "dobj" else ps.children(c.i) if c.dep == "prep" else [])
    )


def threat_if(ps: ParsedSentence, i: int) -> bool:
    """A course of action the speaker will take on a condition: the stance verb (or the verb
    it hangs from) has 'will' and an 'if'/'should'/'unless' clause ("If we have no reply by May,
    we will ask the ombudsman to step in"; "Should the board go ahead, the union will advise
    members not to work"; "it will refer the merger ... unless we offer remedies"). Conditional
    offers are read before this and stay offers.
    """
    will = False
    # the verb, its head, and a verb it is coordinated with ("If you do, the board will treat
    # the approach as hostile and will advise shareholders to reject it")
    for v in [i, *ps.ancestors(i)[:2]]:
        kids = ps.children(v)
        will = will or any(c.dep == "aux" and c.lemma in ("will", "would", "shall") for c in kids)
        if not will:
            continue
        for c in kids:
            if c.dep == "advcl" and any(
                g.lemma in ("if", "should", "unless") and g.dep in ("mark", "aux") and g.i < c.i
                for g in ps.children(c.i)
            ):
                return True
            if c.dep == "ccomp" and _opens_should(ps, c.i):
                return True  # "Should any shop refuse ..., we will ...": parsed as its object
            if (
                c.i < v
                and (
                    (c.dep == "prep" and c.lemma == "without")  # "Without those amendments, we"
                    or (c.dep == "advmod" and c.lemma == "otherwise")  # "Otherwise we will ask"
                )
                and _acting_party(ps, v)
            ):
                return True
    return False


# a record's lines that state no position: a written question ("To ask the Minister for Trade
# what response he has made ...") and a vote's outcome ("CARRIED (5 in favour, 2 opposed)")
_RECORD_LINE = re.compile(
    r"To ask (?:the|whether|if)\b|(?:CARRIED|Carried|LOST|DEFEATED|Defeated)\b(?![-'’])"
)


def no_statement(ps: ParsedSentence, state: ReadingState) -> bool:
    """Whether a sentence can state no position whatever its words: a question, a greeting, a
    turn that is no one's, fewer than five words (three or four with a subject and a verb are a
    sentence: "That is not correct."), a fragment, no verb.
    """
    text = ps.text.strip().rstrip("\"”’'")  # '"Why should a nurse pay for ...?"': a question too
    if text.endswith("?") or _GREETING.match(text) or state.turn_label in _NOT_SPEAKERS:
        return True
    if _RECORD_LINE.match(text):
        return True  # "To ask the Minister for Trade what ...", "CARRIED (5 in favour, ...)"
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    if root is None:
        return True
    words = len([t for t in ps.tokens if t.pos not in ("PUNCT", "SPACE")])
    if words < 5 and not (
        words >= 3
        and text.endswith((".", "!"))
        and root.pos in ("VERB", "AUX")
        and any(c.dep in ("nsubj", "nsubjpass") for c in ps.children(root.i))
    ):
        return True  # "Thank you, Chair.", "Next question."; not "We reject that claim."
    if any(c.dep == "mark" for c in ps.children(root.i)) and root.i > 0:
        return True  # "Because NATO Allies are ready ...": a fragment
    # (a heading's own bracket is no sentence's end: "Proposed consolidation of X (Item 4)")
    bare = re.sub(r"\s*\([^()]*\)$", "", text)
    if not bare.endswith((".", "!", ":", ";", ")")) and not any(
        t.tag in ("VBD", "VBZ", "VBP", "MD") for t in ps.tokens
    ):
        return True  # a heading or a letter's subject line: "Proposed consultant contract"
    return root.pos not in ("VERB", "AUX") and not any(t.pos in ("VERB", "AUX") for t in ps.tokens)


def held_by_none(ps: ParsedSentence, state: ReadingState, stance_words: list[Token]) -> bool:
    """The rules' reasons why no one holds a position in the sentence: no statement can be
    made of it, a journalist asks it, or its predicate is told otherwise (history, ...).
    """
    return (
        no_statement(ps, state)
        or state.turn_label == "Q"
        or _told_otherwise(ps, state, stance_words)
        or _declines_comment(ps)
        or _hardship(ps)
    )


def _hardship(ps: ParsedSentence) -> bool:
    """The sentence's predicate (or what its speaker said) is what people cannot do ("Our
    fishermen cannot feed their families ...," the union said): a hardship, and the model adds
    no refusal against it.
    """
    root = said_predicate(ps)
    if root is None:
        return False
    kids = ps.children(root.i)
    modal = {c.lemma for c in kids if c.dep == "aux"}
    neg = any(c.dep == "neg" for c in kids)
    return neg and modal == {"can"} and _what_people_cannot(ps, root)


def _declines_comment(ps: ParsedSentence) -> bool:
    """Every predicate of the sentence declines to comment ("I'm not going to comment on
    rumours, and I am not going to get into what was said in private"): no position.
    """
    root = said_predicate(ps)  # '"I'm not going to comment ...," she said.': what she said
    if root is None:
        return False
    verbs = [root] + [
        c for c in ps.children(root.i) if c.dep == "conj" and c.pos in ("VERB", "AUX")
    ]
    return all(
        (v.lemma in _NO_COMMENT and any(c.dep == "neg" for c in ps.children(v.i)))
        or any(_no_comment(ps, c) for c in ps.children(v.i) if c.dep == "xcomp")
        for v in verbs
    )


def _told_otherwise(ps: ParsedSentence, state: ReadingState, stance_words: list[Token]) -> bool:
    """Whether the rules' own reasons for no position hold for the sentence's predicate or any
    stance word in it. The model adds no statement against them.
    """
    marks = [t for t in ps.tokens if t.dep == "ROOT"] + stance_words
    return any(not_now(ps, t, state) for t in marks)


def not_now(ps: ParsedSentence, t: Token, state: ReadingState) -> bool:
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
