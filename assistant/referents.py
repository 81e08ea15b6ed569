"""Whom a pronoun in reported speech stands for when a nearer subject sits between it and the
reporting verb: in "Bonta said some vendors have told him they would offer lower prices", "they"
are the vendors, not Bonta. The pronoun goes to the subject of the nearest clause above it
that has a noun subject of its own, before the reporter is considered.
"""

from __future__ import annotations

from index.language import ParsedSentence, Token

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which"}


def nearer_subject(ps: ParsedSentence, i: int, say_at: int) -> Token | None:
    """The noun subject of a clause between the stance word at `i` and the reporting verb at
    `say_at` (exclusive both), or None when the pronoun's clause hangs directly from it.
    """
    child = i
    for k in ps.ancestors(i):
        if k == say_at:
            return None
        t = ps.tokens[k]
        subj = [
            c
            for c in ps.children(k)
            if c.dep in ("nsubj", "nsubjpass") and c.text.lower() not in _PRONOUNS
        ]
        # only a clause the pronoun's clause is the complement of ("told her they would"), not
        # one it is coordinated with ("his philosophy is ... and that he was willing")
        if subj and t.pos in ("VERB", "AUX") and ps.tokens[child].dep == "ccomp":
            return subj[0]
        child = k
    return None  # the root, and no reporting verb above: nothing between
