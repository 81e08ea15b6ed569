"""The parsed sentence's tree walks: the stance rules read clauses through them."""

from __future__ import annotations

from index.language import ParsedSentence, Token


def _sentence() -> ParsedSentence:
    # "Officials said the union would strike": said <- ROOT; strike <- said; would, union <-
    # strike; the <- union
    words = [
        ("Officials", "nsubj", 1),
        ("said", "ROOT", 1),
        ("the", "det", 3),
        ("union", "nsubj", 5),
        ("would", "aux", 5),
        ("strike", "ccomp", 1),
    ]
    tokens, at = [], 0
    for i, (w, dep, head) in enumerate(words):
        tokens.append(Token(i, w, w.lower(), "X", "X", dep, head, at))
        at += len(w) + 1
    return ParsedSentence(" ".join(w for w, _, _ in words), 0, tuple(tokens), ())


def test_ancestors_climb_every_head_to_the_root_nearest_first():
    ps = _sentence()
    assert ps.ancestors(2) == [3, 5, 1]  # the -> union -> strike -> said
    assert ps.ancestors(1) == []  # the root has none
    assert ps.depth(2) == 3


def test_a_cycle_in_a_malformed_parse_ends_the_climb():
    ps = _sentence()
    tokens = list(ps.tokens)
    tokens[1] = tokens[1]._replace(head=5)  # said <-> strike
    broken = ParsedSentence(ps.text, 0, tuple(tokens), ())
    assert broken.ancestors(2) == [3, 5, 1]
