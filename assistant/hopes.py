"""A hope for what another party will do is a demand on it: "We hope that the board will reject
the plan" asks the board to reject it; the stance word inside ('reject') is the other party's
act, not the speaker's, and the holder is whoever hopes. Asking leave ("asked the court if she
could file ...") is a request too, unlike asking a question ("asked him if he would resign").
"""

from __future__ import annotations

from index.language import ParsedSentence

_HOPE = {"hope", "trust"}


# subjects of a hoped-for clause that ask nothing of another party: "we" hope to ...; "it"
# (things) will not come to that
_THINGS = {"it", "that", "this", "there", "things"}
_NO_ONE = {"we", "i"} | _THINGS


def _hope_clause(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """The nearest 'hope' verb above the stance word at `i`, and the head of the clause under
    it that holds the word; None when no hope governs it.
    """
    clause = i
    for a in ps.ancestors(i):
        hope = ps.tokens[a]
        if (hope.lemma in _HOPE and hope.pos == "VERB") or (
            hope.lemma == "hopeful" and hope.pos == "ADJ"  # "I'm hopeful that the council will"
        ):
            return a, clause
        clause = a
    return None


def hopes_for_events(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` is in a hope about how things go ("We hope it will not
    come to that."): no party is asked, offered or refused anything.
    """
    found = _hope_clause(ps, i)
    if found is None:
        return False
    own = [c for c in ps.children(found[1]) if c.dep in ("nsubj", "nsubjpass", "expl")]
    return bool(own) and own[0].text.lower() in _THINGS


def _acted(ps: ParsedSentence, i: int, clause: int) -> bool:
    """Whether the stance word at `i` is the act hoped for: the hoped-for clause's verb, or a
    verb its infinitives lead to ("will use his authority to reject the proposal"); not a noun
    nor a word in a clause of thinking ("will think about what their people want").
    """
    if ps.tokens[i].pos not in ("VERB", "AUX"):
        return False
    k = i
    while k != clause:
        if ps.tokens[k].dep not in ("xcomp", "advcl", "conj"):
            return False
        k = ps.tokens[k].head
    return True


def within_hope(ps: ParsedSentence, i: int) -> bool:
    """Whether the stance word at `i` is inside what someone hopes ("We hope the Commission
    will recognise that these proposals go further"): with `hoped_for` None, a hope about a
    state of mind, no position.
    """
    found = _hope_clause(ps, i)
    return found is not None and ps.tokens[found[1]].dep == "ccomp"


def hoped_for(ps: ParsedSentence, i: int) -> int | None:
    """The 'hope' verb whose clause's own verb is the stance word at `i`, when that clause has a
    subject of its own (another party, or a passive: "will be rejected by the board"); else None.
    """
    found = _hope_clause(ps, i)
    if found is None:
        return None
    hope, clause = found
    if not _acted(ps, i, clause):
        # "We hope the Commission will recognise that these proposals ...", "will think about
        # what their people want": a hope about a state of mind, no act asked for
        return None
    if any(c.dep == "xcomp" and c.lemma == "be" for c in ps.children(i)):
        return None  # "We hope that Harcastle will want to be a good neighbour"
    own = [c for c in ps.children(clause) if c.dep in ("nsubj", "nsubjpass")]
    if ps.tokens[clause].dep == "ccomp" and own and own[0].text.lower() not in _NO_ONE:
        return hope
    return None


_LEAVE = {"could", "can", "may", "might"}
_SELF = {"he", "she", "they", "we", "i", "it"}


def asks_leave(ps: ParsedSentence, i: int) -> bool:
    """Whether 'ask' at `i` asks permission: "asked the department if he could submit further
    arguments" requests it (a demand); "asked him if he would resign" is a question.
    """
    for c in ps.children(i):
        if c.dep not in ("advcl", "ccomp"):
            continue
        kids = ps.children(c.i)
        if (
            any(g.dep == "mark" and g.lemma in ("if", "whether") for g in kids)
            and any(g.dep == "aux" and g.lemma in _LEAVE for g in kids)
            and any(g.dep == "nsubj" and g.text.lower() in _SELF for g in kids)
        ):
            return True
    return False


_WH = {"why", "how", "what", "whether", "when", "where", "who", "whom", "which", "if"}


def asks_question(ps: ParsedSentence, i: int) -> bool:
    """Whether 'ask' at `i` reports a question ("Some residents have asked why the council
    found money for the hall"): a clause opened by a wh-word or "whether". A question asks for
    an answer, not for something to be done; a request for leave ("asked ... if he could
    submit") is `asks_leave`'s.
    """
    for c in ps.children(i):
        if c.dep not in ("advcl", "ccomp") or c.i < i:
            continue  # "If X does not stop, we will ask ...": a condition, not what is asked
        if any(g.lemma in _WH and i < g.i < c.i for g in ps.children(c.i)):
            return not asks_leave(ps, i)
    return False
