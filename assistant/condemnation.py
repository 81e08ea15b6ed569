"""Condemning a proposal is rejecting it: "I find it appalling that this is even considered",
"called the resolution pointless", "That makes no sense". Real news states many refusals this
way, with no verb of refusal; a condemning word said of something (predicated, not a modifier
as in "reckless threats") carries the speaker's rejection.
"""

from __future__ import annotations

import re

from index.language import ParsedSentence, Token

CONDEMNING = frozenset(
    {
        "appalling", "pointless", "outrageous", "absurd", "repugnant", "unconscionable",
        "shameful", "disgraceful", "senseless", "meaningless", "unacceptable", "indefensible",
    }
)  # fmt: skip
# the same words for the cue that gets a sentence parsed, plus "makes no sense"
CUE = re.compile(r"\b(?:" + "|".join(sorted(CONDEMNING)) + r"|makes? no sense)\b", re.I)


def condemned(ps: ParsedSentence, t: Token) -> bool:
    """Whether token t condemns something it is said of: a condemning adjective as a predicate
    ("is pointless", "find it appalling", "called it pointless"), or "make no sense".
    """
    if t.pos in ("ADJ", "VERB") and t.text.lower() in CONDEMNING:  # "appalling" may be a verb
        return t.dep in ("acomp", "attr", "oprd", "ccomp", "xcomp", "ROOT")
    if t.lemma == "make" and t.pos == "VERB":
        return any(
            c.dep == "dobj"
            and c.lemma == "sense"
            and any(g.lemma == "no" for g in ps.children(c.i))
            for c in ps.children(t.i)
        )
    return False


_JUDGING = {"find", "call", "consider", "deem", "think", "label", "describe"}


def judge_of(ps: ParsedSentence, i: int) -> int:
    """The verb of judging a condemning word at `i` completes ("find it appalling", "called the
    plan pointless"), whose subject condemns; `i` itself otherwise.
    """
    t = ps.tokens[i]
    head = ps.tokens[t.head]
    if (
        condemned(ps, t)
        and t.dep in ("ccomp", "xcomp", "oprd", "acomp")
        and head.lemma in _JUDGING
        and head.i != i
    ):
        return head.i
    return i


# what a plan "would" do to those it touches: a warning of its cost when a party says it
_HARMS = {
    "force", "cost", "hurt", "harm", "damage", "destroy", "jeopardize", "jeopardise",
    "endanger", "cripple", "undermine", "devastate",
}  # fmt: skip
_REPORTING = {"say", "warn", "argue", "claim", "predict", "tell", "add", "note", "insist"}


def foretold_harm(ps: ParsedSentence, t: Token) -> bool:
    """Whether t is a harm a reported speaker says something would do ("X said the case would
    force Amazon to raise prices", "... would cost thousands of jobs"): the speaker warns of
    it. Only in reported speech: the writer's own forecast is no party's position.
    """
    if t.lemma not in _HARMS or t.pos != "VERB" or t.dep != "ccomp":
        return False
    if not any(c.dep == "aux" and c.lemma in ("will", "would") for c in ps.children(t.i)):
        return False
    return ps.tokens[t.head].lemma in _REPORTING
