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

_Check = Callable[[Any], bool]
CACHE_LIMIT = 200_000  # distinct (word, part of speech, morphology) lemmas kept
_FIELDS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


class RulerTable:
    """An attribute ruler's patterns, indexed by the exact word, tag or dependency of their
    first token.
    """

    def __init__(self, patterns: Iterable[dict[str, Any]]) -> None:
        self._by_key: dict[tuple[str, object], list[tuple[int, list[list[_Check]], Any, int]]] = {}
        self._general: list[tuple[int, list[list[_Check]], Any, int]] = []
        for order, p in enumerate(patterns):
            for pattern in p["patterns"]:
                checks = [[_check(k, v) for k, v in spec.items()] for spec in pattern]
                entry = (order, checks, p["attrs"], int(p.get("index", 0)))
                keys = _index_keys(pattern[0])
                for key in keys:
                    self._by_key.setdefault(key, []).append(entry)
                if not keys:
                    self._general.append(entry)

    def attributes(self, sent: Any) -> list[dict[str, str]]:
        """The attributes the ruler sets on each token of `sent` (a spaCy span or doc), later
        patterns overriding earlier ones, as `AttributeRuler` orders its matches.
        """
        tokens = list(sent)
        hits: list[tuple[int, int, Any]] = []
        get = self._by_key.get
        for n, t in enumerate(tokens):
            entries = (
                get(("TAG", t.tag_), _NONE)
                + get(("LOWER", t.lower_), _NONE)
                + get(("DEP", t.dep_), _NONE)
                + self._general
            )
            for order, checks, attrs, index in entries:
                if n + len(checks) > len(tokens):
                    continue
                if all(all(c(tokens[n + k]) for c in spec) for k, spec in enumerate(checks)):
                    at = n + index if index >= 0 else n + len(checks) + index
                    hits.append((order, at, attrs))
        out: list[dict[str, str]] = [{} for _ in tokens]
        for _, at, attrs in sorted(hits, key=lambda h: h[0]):
            out[at].update(attrs)
        return out


_NONE: list[tuple[int, list[list[_Check]], Any, int]] = []


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
    get = _FIELDS[field]
    if not isinstance(want, dict):
        return lambda t: bool(get(t) == want)
    if "IN" in want:
        among = set(want["IN"])
        return lambda t: get(t) in among
    if "NOT_IN" in want:
        outside = set(want["NOT_IN"])
        return lambda t: get(t) not in outside
    if "REGEX" in want:
        rx = re.compile(want["REGEX"])
        return lambda t: bool(rx.search(get(t)))
    raise ValueError(f"attribute ruler pattern not supported: {field} {want}")


class Lemmas:
    """The rule lemmatizer's answers, cached by (word, part of speech, morphology): the cache key
    the lemmatizer itself uses, so an answer is computed once per distinct key.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[int, str, str], str] = {}

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
