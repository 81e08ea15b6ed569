"""A memo stays within its word budget (hash embedder, no model): the least central material
goes first, every section keeps its lead item, and the sources list only what is still cited.
"""

from __future__ import annotations

import re

import pytest

ARTICLES = [
    (
        "Canada and Norway argue over fishing quotas",
        "2024-09-02",
        "Canada demands that Norway cut its cod quota in the Barents Sea by a third. Norway "
        'rejected the Canadian proposal on Tuesday. Norwegian Fisheries Minister Kari Dahl said: "We '
        'will not accept quotas set in Ottawa." The two sides will meet again in Oslo on 20 '
        "September 2024.",
    ),
    (
        "Norway offers joint survey of cod stocks",
        "2024-09-05",
        "Norway offered a joint scientific survey of cod stocks to settle the cod quota dispute "
        "with Canada. Canada called for the survey to start before the winter season. Iceland "
        "demands a seat at the cod quota talks.",
    ),
    (
        "EU weighs in on cod quota dispute",
        "2024-09-07",
        "The European Union demands that both sides respect the cod quota rules of the fisheries "
        "treaty. Iceland rejected any cut to its own cod quota in the dispute. The EU offered to "
        "host cod quota talks in Brussels on 1 October 2024.",
    ),
]
TOPIC = "the cod quota dispute"


def _sections(markdown: str) -> dict[str, list[str]]:
    """The memo as a reader sees it: heading -> items (bullets without their dash)."""
    body = markdown.split("\n## Sources")[0]
    out: dict[str, list[str]] = {}
    current = None
    for line in body.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = []
        elif current and line.strip():
            out[current].append(line[2:] if line.startswith("- ") else line)
    return out


def _words(sections: dict[str, list[str]]) -> int:
    return sum(len(h.split()) + sum(len(i.split()) for i in items) for h, items in sections.items())


def _sources(markdown: str) -> list[str]:
    return re.findall(r"^\s*\d+\. .*$", markdown.split("\n## Sources")[1], re.M)


@pytest.fixture
def store(assistant):
    for title, date, text in ARTICLES:
        assert assistant.ingest_text(text, title=title, date=date, source="Wire").added == 1
    return assistant


def test_a_memo_over_its_budget_is_cut_to_fit(store, monkeypatch):
    import assistant.memo as memo_module

    full = store.memo(TOPIC)
    whole = _sections(full.markdown)
    assert "Bottom line" in whole and len(whole) >= 4, full.markdown
    floor = _words({h: items[:1] for h, items in whole.items()})  # one item a section
    budget = (floor + _words(whole)) // 2
    assert _words(whole) > budget  # the full memo would not fit

    monkeypatch.setattr(memo_module, "MAX_WORDS", budget)
    cut = store.memo(TOPIC)
    kept = _sections(cut.markdown)
    assert _words(kept) <= budget, cut.markdown
    assert list(kept) == list(whole)  # no section vanishes ...
    for heading, items in kept.items():  # ... and each keeps its lead items, in order
        lead = [re.sub(r"\s*\[\d+\]", "", i) for i in items]
        assert lead == [re.sub(r"\s*\[\d+\]", "", i) for i in whole[heading][: len(items)]]
        assert items, heading
    # the sources list is renumbered to what the shorter memo still cites
    used = [int(n) for items in kept.values() for i in items for n in re.findall(r"\[(\d+)\]", i)]
    assert sorted(set(used)) == list(range(1, len(_sources(cut.markdown)) + 1))
    # documents numbered in order of first use, each document's passages together
    doc_of = {c.n: c.doc_id for c in cut.citations}
    first_use = list(dict.fromkeys(doc_of[n] for n in used))
    assert [doc_of[n] for n in sorted(doc_of)] == sorted(doc_of.values(), key=first_use.index)
    assert len(cut.citations) == len(_sources(cut.markdown)) < len(full.citations)


def test_a_memo_within_its_budget_is_not_cut(store, monkeypatch):
    import assistant.memo as memo_module

    full = store.memo(TOPIC)
    monkeypatch.setattr(memo_module, "MAX_WORDS", _words(_sections(full.markdown)))
    assert _sections(store.memo(TOPIC).markdown) == _sections(full.markdown)
