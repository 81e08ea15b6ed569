"""The spaCy parser serves callers on several threads together (issue 17: the records of a JSON
file are parsed in shared `nlp.pipe` runs): each caller gets the parse of its own texts, in
order, and a text that breaks the parse fails its own caller only.
"""

from __future__ import annotations

import threading

import pytest

from index import language
from index.language import SpacyParser

TEXTS = [
    [f"The mayor of town {i} said the ferry would run again on day {i}.", f"Talks {i} ended."]
    for i in range(24)
]


def _parse_all(parser: SpacyParser, texts: list[list[str]]) -> dict[int, object]:
    out: dict[int, object] = {}
    start = threading.Barrier(len(texts))

    def one(i: int) -> None:
        start.wait()
        try:
            out[i] = parser.parse(texts[i])
        except Exception as exc:
            out[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_callers_on_many_threads_each_get_their_own_parse() -> None:
    parser = SpacyParser()
    alone = [parser.parse(t) for t in TEXTS[:3]]
    together = _parse_all(parser, TEXTS)
    assert [together[i] for i in range(3)] == alone
    for i, texts in enumerate(TEXTS):
        got = together[i]
        assert isinstance(got, list) and len(got) == len(texts)
        assert [" ".join(s.text for s in doc).strip() for doc in got] == texts
        assert any(t.ent == "CARDINAL" or t.lemma == "say" for s in got[0] for t in s.tokens)


def test_a_text_that_breaks_the_parse_fails_only_its_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = language._convert

    def fragile(doc, *rest):  # type: ignore[no-untyped-def]
        if "BREAKS" in doc.text:
            raise ValueError("cannot convert this one")
        return real(doc, *rest)

    monkeypatch.setattr(language, "_convert", fragile)
    texts = [list(t) for t in TEXTS[:8]]
    texts[5] = ["This sentence BREAKS the converter."]
    got = _parse_all(SpacyParser(), texts)
    assert isinstance(got[5], ValueError)
    assert all(isinstance(got[i], list) and len(got[i]) == 2 for i in range(8) if i != 5)
