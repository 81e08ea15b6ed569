"""The small English model's attribute ruler and rule lemmatizer, applied by dictionary lookups.

Why: in `en_core_web_sm` the attribute ruler (179 token patterns that map tags to parts of speech
and morphology) runs spaCy's general `Matcher` over every token, and the rule lemmatizer walks
every token in Python; together they cost as much as the tagger and the parser (issue 18). The
same patterns, indexed by their exact tag or word, and a lemma cache keyed as the lemmatizer's own
(word, part of speech, morphology) give the same annotations for a fraction of the cost. The
patterns are read from the loaded pipeline, so a different model's ruler is followed as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

_Check = Callable[[tuple[str, str, str, bool]], bool]
_Entry = tuple[int, list[list[_Check]], Any, int]  # order, checks per token, attrs, index
# for one token's fields: the one-token patterns' hits (order, attrs), those merged, and the
# longer patterns that may start at it
_Known = tuple[list[tuple[int, Any]], dict[str, str], list[_Entry]]
CACHE_LIMIT = 200_000  # distinct (word, part of speech, morphology) lemmas kept
# What a pattern may test, read once per token: a token's tag, lower form, dependency, is_space
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


class RulerTable:
    """An attribute ruler's patterns, indexed by the exact word, tag or dependency of their
    first token. What the one-token patterns (172 of the small model's 180) set on a token
    depends only on the token's own four fields, so it is worked out once per distinct token
    and remembered: converting a parse spent most of its time matching them again.
    """

    def __init__(self, patterns: Iterable[dict[str, Any]]) -> None:
        self._one: dict[tuple[str, object], list[_Entry]] = {}  # one-token patterns
        self._many: dict[tuple[str, object], list[_Entry]] = {}  # longer ones
        self._general: dict[bool, list[_Entry]] = {True: [], False: []}  # by "one token"
        for order, p in enumerate(patterns):
            for pattern in p["patterns"]:
                checks = [[_check(k, v) for k, v in spec.items()] for spec in pattern]
                entry = (order, checks, p["attrs"], int(p.get("index", 0)))
                keys = _index_keys(pattern[0])
                table = self._one if len(checks) == 1 else self._many
                for key in keys:
                    table.setdefault(key, []).append(entry)
                if not keys:
                    self._general[len(checks) == 1].append(entry)
        self._memo: dict[tuple[str, str, str, bool], _Known] = {}

    def attributes(self, sent: Any) -> list[dict[str, str]]:
        """The attributes the ruler sets on each token of `sent` (a spaCy span or doc), later
        patterns overriding earlier ones, as `AttributeRuler` orders its matches. A token that
        no pattern of several tokens touches gets the dictionary remembered for its four
        fields, shared with every token like it: the dictionaries are for reading only.
        """
        feats = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in sent]
        out: list[dict[str, str]] = []
        owns: list[list[tuple[int, Any]]] = []
        longer: list[tuple[int, int, Any]] = []  # hits of the longer patterns
        for n, f in enumerate(feats):
            known = self._memo.get(f)
            if known is None:
                known = self._single(f)
            own, merged, many = known
            owns.append(own)
            out.append(merged)
            for order, checks, attrs, index in many:
                if n + len(checks) > len(feats):
                    continue
                if all(all(c(feats[n + k]) for c in spec) for k, spec in enumerate(checks)):
                    at = n + index if index >= 0 else n + len(checks) + index
                    longer.append((order, at, attrs))
        for at in sorted({at for _, at, _ in longer}):
            # a pattern's one-token and longer forms share its order and its attributes, so
            # hits of equal order set the same values, whichever comes first
            hits = owns[at] + [(order, attrs) for order, to, attrs in longer if to == at]
            out[at] = _merged(sorted(hits, key=lambda h: h[0]))
        return out

    def _single(self, f: tuple[str, str, str, bool]) -> _Known:
        """What the one-token patterns set on a token with these fields (by their order, and
        merged), and the longer patterns that may start at it (whose first token it matches).
        """
        found = sorted(
            (
                (order, attrs)
                for order, checks, attrs, _ in self._candidates(self._one, f)
                if all(c(f) for c in checks[0])
            ),
            key=lambda h: h[0],
        )
        if len(self._memo) >= CACHE_LIMIT:  # a long-lived parser meets ever more words
            self._memo.clear()
        # the longer patterns whose first token these fields pass: few tokens start one
        many = [e for e in self._candidates(self._many, f) if all(c(f) for c in e[1][0])]
        known = (found, _merged(found), many)
        self._memo[f] = known
        return known

    def _candidates(
        self, table: dict[tuple[str, object], list[_Entry]], f: tuple[str, str, str, bool]
    ) -> list[_Entry]:
        get = table.get
        return (
            get(("TAG", f[0]), _NONE)
            + get(("LOWER", f[1]), _NONE)
            + get(("DEP", f[2]), _NONE)
            + self._general[table is self._one]
        )


_NONE: list[_Entry] = []


def _merged(hits: list[tuple[int, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for _, attrs in hits:
        out.update(attrs)
    return out


def _index_keys(first: dict[str, Any]) -> list[tuple[str, object]]:
    """The (field, value) keys under which a pattern is tried: the values its first token must
    have in one field (an exact value, or one of a list). None: it is tried on every token.
    """
    for field in ("LOWER", "TAG", "DEP"):  # the most selective first
        want = first.get(field)
        if isinstance(want, str):
            return [(field, want)]
        if isinstance(want, dict) and "IN" in want:
            return [(field, v) for v in want["IN"]]
    return []


def _check(field: str, want: Any) -> _Check:
    at = _FIELDS[field]
    if not isinstance(want, dict):
        return lambda f: bool(f[at] == want)
    if "IN" in want:
        among = set(want["IN"])
        return lambda f: f[at] in among
    if "NOT_IN" in want:
        outside = set(want["NOT_IN"])
        return lambda f: f[at] not in outside
    if "REGEX" in want:
        rx = re.compile(want["REGEX"])
        return lambda f: bool(rx.search(f[at]))
    raise ValueError(f"attribute ruler pattern not supported: {field} {want}")


class Lemmas:
    """The rule lemmatizer's answers, cached by (word, part of speech, morphology): the cache key
    the lemmatizer itself uses, so an answer is computed once per distinct key.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[int, str, str], str] = {}
        _index_as_sets(lemmatizer)

    def lemma(self, token: Any, pos: str, morph: str) -> str:
        key = (token.orth, pos, morph)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= CACHE_LIMIT:  # a long-lived parser meets ever more names
                self._cache.clear()
                self._lemmatizer.cache.clear()  # spaCy's own, under ours, grows with it
            token.pos_ = pos  # what the lemmatizer reads
            token.set_morph(morph or None)
            found = self._lemmatizer.rule_lemmatize(token)[0]
            self._cache[key] = found
        return found


def _index_as_sets(lemmatizer: Any) -> None:
    """The lemmatizer's index of known words per part of speech (57,000 nouns, 21,000
    adjectives) loads as lists, and `rule_lemmatize` asks `form in index` of each form its
    rules make: a scan of the list each time, most of a parse's first-time lemmas (issue 18).
    It only ever asks membership (and whether the index is empty), so sets answer the same.
    """
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
