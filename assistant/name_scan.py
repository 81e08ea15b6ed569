r"""A pattern around a long alternation of names, scanned one first letter at a time.

Why: the registry's patterns open with a look-behind and then an alternation of every party
name and adjective ("(?<![\w.])(?:Russian Federation|Russia|...)", ~850 of them). Python's
engine finds no literal or first character to skip ahead by, so at every character of a text
it tries each name in turn: scanning the registry's names was a tenth of the stance rules' time
at ingest. A name can only match where its own first letter stands, so the same pattern is also
compiled once per first letter from just the names with that letter (in the same order), and
each of those is tried only where a name can start. The matches are the ones `finditer` of the
whole pattern gives: the same alternatives are tried in the same order at the same positions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

# Where every scanned pattern starts: not inside a word or right after a full stop
LOOK_BEHIND = r"(?<![\w.])"


class NameScan:
    """`build(alternation)` compiled over `names` in their order; `build` must put LOOK_BEHIND
    right before the alternation, at the pattern's start.
    """

    def __init__(self, build: Callable[[str], str], names: Sequence[str]) -> None:
        self.pattern = re.compile(build(_alternation(names)))
        if not build("").startswith(LOOK_BEHIND + "(?"):
            raise ValueError("a scanned pattern opens with LOOK_BEHIND and the alternation")
        by_first: dict[str, list[str]] = {}
        for name in names:
            by_first.setdefault(name[:1], []).append(name)
        self._by_first: dict[str, re.Pattern[str]] | None = None
        if "" not in by_first:  # an empty name matches anywhere: no letter to start from
            self._by_first = {c: re.compile(build(_alternation(ns))) for c, ns in by_first.items()}
            firsts = "".join(re.escape(c) for c in sorted(by_first))
            self._starts = re.compile(rf"{LOOK_BEHIND}[{firsts}]")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole pattern in `text`, as `self.pattern.finditer(text)`."""
        if self._by_first is None:
            yield from self.pattern.finditer(text)
            return
        by_first, starts = self._by_first, self._starts
        pos = 0
        while (start := starts.search(text, pos)) is not None:
            at = start.start()
            m = by_first[text[at]].match(text, at)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = m.end()  # never empty: every name has a first letter


def _alternation(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in names)


def starting_with(pattern: re.Pattern[str], literal: str, text: str) -> Iterator[re.Match[str]]:
    r"""`pattern.finditer(text)` for a pattern each of whose matches starts with `literal` (once
    past look-arounds and word boundaries), tried only where `literal` stands. A pattern made
    for one name and opening on a word boundary ("\bHale, ") gives the engine no first
    character to skip ahead by: it tried every position of the whole text.
    """
    if not literal:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (at := text.find(literal, pos)) != -1:
        m = pattern.match(text, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()  # never empty: it holds `literal`
