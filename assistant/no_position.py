"""Sentences of news copy that carry a stance word but state no one's position now.

Real articles (unlike our own test texts) say who refused to comment ("Boeing declined a request
for comment", "did not immediately respond to a request seeking comment"), retell history ("In
July, the company offered ...", "During his campaign, X threatened ...") and
carry other stories' headlines between paragraphs ("Nearly 300 staff refuse to return to the
office", a line with no full stop). Each read a stance word as a position.
"""

from __future__ import annotations

import calendar
import re

from assistant.stance_words import (
    _GENERIC,
    _GROUP_NOUNS,
    _STATE_NOUNS,
    _TITLE_WORDS,
    _UNION_WORDS,
)
from index.language import ParsedSentence, Token

_MONTHS = {m.lower() for m in calendar.month_name if m} - {"may"}  # "may" is a modal too


# what a comment asked for hangs from ("a request for comment", "seeking comment", "declined
# comment"); not remarks made ("in comments to reporters", "the comments came after ...")
_ASKING = {"for", "seek", "request", "decline", "refuse", "return", "solicit", "respond"}


def about_comment(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` is about a request for comment: its clause (the word, its
    head and their subtrees) names a comment that was asked for ("declined USA TODAY's request
    for comment", "did not respond to messages seeking comment"). A comment made is no such
    thing: "Russia demanded guarantees, Lavrov said in comments to reporters" is Russia's demand.
    """
    return any(
        x.lemma == "comment" and x.pos == "NOUN" and ps.tokens[x.head].lemma in _ASKING
        for h in ((i,) if ps.tokens[i].dep == "conj" else (i, ps.tokens[i].head))
        for x in _own_clause(ps, h)
    )


def _own_clause(ps: ParsedSentence, h: int) -> list[Token]:
    """Token h's subtree without the verbs joined to it: in "Boeing rejected the offer and
    declined a request for comment" the request is the second verb's, not the rejection's.
    """
    inside = [h]
    for c in ps.children(h):
        if not (c.dep == "conj" and c.pos in ("VERB", "AUX")):
            inside.extend(x.i for x in ps.subtree(c.i))
    return [ps.tokens[k] for k in sorted(inside)]


def told_as_history(ps: ParsedSentence, verb: Token) -> bool:
    """A past stance the text dates before its news: in a month ("In July, the company offered
    ..."), or during a period ("During his campaign, X threatened ..."). Not the past perfect:
    "X said the company had pledged ..." is reported speech, and news.
    """
    kids = ps.children(verb.i)
    if verb.tag != "VBD":
        return False
    for c in kids:
        if c.dep != "prep" or c.lemma not in ("in", "during"):
            continue
        objects = [g for g in ps.children(c.i) if g.dep == "pobj"]
        if c.lemma == "during" and objects and objects[0].pos == "NOUN":
            return True  # "during his campaign", "during the talks last year"
        if any(g.text.lower() in _MONTHS for g in objects) and not _dates_the_event(ps, verb, c):
            return True
    return False


_EVENTS = {"debate", "meeting", "talks", "vote", "election", "summit", "hearing", "referendum"}


def _dates_the_event(ps: ParsedSentence, verb: Token, prep: Token) -> bool:
    """Whether a month after the verb dates its object's event ("proposed a second debate in
    September"), which the parser hangs on the verb: then the proposal is news.
    """
    if prep.i < verb.i:
        return False
    objects = [d for d in ps.children(verb.i) if d.dep == "dobj"] + [
        g
        for c in ps.children(verb.i)
        if c.dep == "prep"
        for g in ps.children(c.i)
        if g.dep == "pobj"
    ]  # "proposed a second debate", "called for additional debates"
    return any(d.i < prep.i and d.lemma in _EVENTS for d in objects)


_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def headline(line: str) -> bool:
    """A line that is not a sentence of the story: a headline or a subhead, with no closing
    punctuation ("'No cute trinkets': 1,300 staff refuse to return to office").
    """
    return not _END.search(line) and len(line.split()) >= 3


_TELL = {"say", "tell", "disclose", "reveal", "specify", "explain", "indicate"}


def unsaid(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` is in what someone did not say ("Officials did not say
    how much money they are seeking"): a question left open, not a position.
    """
    return any(
        ps.tokens[k].lemma in _TELL and any(c.dep == "neg" for c in ps.children(k))
        for k in ps.ancestors(i)
    )


_GUESS = {"may", "might", "could"}
_MIND = {
    "concern",
    "concerned",
    "fear",
    "worry",
    "worried",
    "believe",
    "think",
    "speculate",
    "suspect",
}


def speculated(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` is someone's guess about another party ("analysts have been
    concerned that Russia may seek to use ..."): a 'may/might/could' stance in a clause of
    fearing or believing whose subject is someone else. A party's own "we may seek" stays.
    """
    if not any(c.dep == "aux" and c.lemma in _GUESS for c in ps.children(i)):
        return False
    return any(
        ps.tokens[k].lemma in _MIND or ps.tokens[k].text.lower() in _MIND for k in ps.ancestors(i)
    )


_AGENTS = {"union", "company", "government", "group", "council", "party", "state", "country",
           "administration", "official", "leader", "minister", "side", "board", "firm"}  # fmt: skip


# what a danger threatens, not what a party threatens to do ("threatening the livelihoods of
# farmers", "threatening the species' prospects of recovery")
_AT_RISK = {
    "livelihood", "livelihoods", "economy", "job", "jobs", "future", "prospect", "prospects",
    "life", "lives", "safety", "health", "recovery", "survival", "existence", "stability",
    "democracy", "supply", "supplies", "harvest", "habitat", "species", "business",
    "businesses", "industry", "viability", "security", "peace", "progress",
}  # fmt: skip


def thing_threatens(ps: ParsedSentence, t: Token) -> bool:
    """Whether 'threaten' has a thing for its subject ("the orders threaten democracy", "the
    strike threatens the harvest"): a danger described, not a party's threat. So is a clause
    that tells what an event puts at risk ("Marlow cut 500 jobs, threatening the town's
    economy"), where a party's threat names what it would do ("walked out, threatening
    further strikes").
    """
    if t.lemma != "threaten":
        return False
    if (
        t.tag == "VBG"
        and t.dep in ("advcl", "xcomp")
        and not any(c.dep.startswith("nsubj") for c in ps.children(t.i))
        and any(c.dep == "dobj" and c.lemma in _AT_RISK for c in ps.children(t.i))
    ):
        return True
    subj = [c for c in ps.children(t.i) if c.dep == "nsubj"]
    if t.dep == "conj" and not subj:
        subj = [c for c in ps.children(t.head) if c.dep == "nsubj"]
    if not subj:
        return False
    s = subj[0]
    if s.text.lower() == "they" and t.dep == "conj":
        return thing_threatens(
            ps, ps.tokens[t.head]
        )  # "... threaten democracy and they threaten us"
    who = _AGENTS | _GENERIC | _UNION_WORDS | _GROUP_NOUNS | _TITLE_WORDS | _STATE_NOUNS
    return s.pos == "NOUN" and s.ent_i < 0 and s.lemma not in who and s.text.lower() not in who


def another_time(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` tells of an occasion counted among others ("this is not the
    first time Putin has threatened ...", "the last time the union rejected an offer"): history
    recalled, not the position stated now.
    """
    t = ps.tokens[i]
    if t.dep not in ("relcl", "acl"):
        return False
    head = ps.tokens[t.head]
    which = {c.lemma for c in ps.children(head.i)}
    if head.lemma != "time" or not which & {"first", "last", "second", "third", "previous"}:
        return False
    # "it marked the first time he has used his position to call for a name change": the
    # stance is the news; "this is not the first time Putin has threatened": it is not
    return not ("first" in which and not any(c.dep == "neg" for c in ps.children(head.head)))
