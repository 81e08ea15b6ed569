"""The quote-speaker set's scorer on an invented snapshot: a quotation's run-on sentences, which
name no one, must be scored by the voice stored for them at ingest, and a wrong name must count
as wrong, not as right or as missing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from eval.quote_speakers import evaluate, outcome, party_outcome
from tests.unit.test_positions_news import URL, _snapshot

TEXT = (
    "Dockworkers at the port of Quillport walked out on Thursday. "
    '"We will not sign a contract that cuts night-shift pay," union president Rosa Vell said. '
    '"Our members kept this port open through two winters. They deserve better." '
    'The Quillport Port Authority said in a statement: "We remain ready to talk." '
    "Harbour master Ian Troke disagreed with both sides. "
    '"The strike is costing every family in this town," he said.'
)
QUOTES = [  # (sentence, speaker, party)
    (
        '"We will not sign a contract that cuts night-shift pay," union president Rosa Vell said.',
        "Rosa Vell",
        "Harbour Workers Union",
    ),
    ('"Our members kept this port open through two winters.', "Rosa Vell", "Harbour Workers Union"),
    ('They deserve better."', "Rosa Vell", "Harbour Workers Union"),
    (
        '"The strike is costing every family in this town," he said.',
        "Ian Troke",
        "",
    ),
]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _sets(root: Path, quotes: list[tuple[str, str, str]]) -> tuple[Path, Path]:
    doc = f"rtqa:20240105:{URL}"
    articles = root / "articles"
    articles.mkdir(parents=True)
    entry = {"doc": doc, "week": "20240105", "url": URL, "set": "dev", "style": "wire"}
    entry |= {"parties": "company-union", "sha1": _sha1(TEXT)}
    (articles / "manifest.json").write_text(json.dumps({"docs": [entry]}), encoding="utf-8")
    (articles / "labels.jsonl").write_text("", encoding="utf-8")
    labels = root / "labels"
    labels.mkdir()
    rows = []
    for sentence, speaker, party in quotes:
        start = TEXT.index(sentence)
        rows.append(
            {
                "set": "dev",
                "doc": doc,
                "start": start,
                "end": start + len(sentence),
                "sha1": _sha1(sentence),
                "speaker": speaker,
                "party": party,
            }
        )
    (labels / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return labels, articles


def test_run_on_quotes_are_scored_by_the_stored_voice(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap", TEXT)
    labels, articles = _sets(tmp_path / "sets", QUOTES)
    table = evaluate(snap, "dev", labels, articles)["dev"]["table"]

    assert table["all"]["labelled"] == 4 and table["all"]["unlocated"] == 0
    assert table["unmarked"]["labelled"] == 2
    assert table["unmarked"]["right"] == 1.0, table
    assert table["named"]["right"] == 1.0, table


def test_a_run_on_quote_given_to_the_wrong_person_is_wrong(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap", TEXT)
    wrong = [(s, "Ian Troke" if "deserve" in s else who, p) for s, who, p in QUOTES]
    labels, articles = _sets(tmp_path / "sets", wrong)
    table = evaluate(snap, "dev", labels, articles)["dev"]["table"]

    assert table["unmarked"]["wrong"] == 0.5, table


def test_outcome_kinds() -> None:
    label = {"speaker": "Rosa Vell", "party": "Harbour Workers Union"}
    assert outcome(label, "Rosa Vell", "Harbour Workers Union") == "right"
    assert outcome(label, "Vell", "") == "right"
    assert outcome(label, "", "Harbour Workers Union") == "party_only"
    assert outcome(label, "", "Quillport Port Authority") == "wrong"
    assert outcome(label, "Ian Troke", "") == "wrong"
    assert outcome(label, "", "") == "none"
    statement = {"speaker": "", "party": "Quillport Port Authority"}
    assert outcome(statement, "", "the Quillport Port Authority") == "right"
    assert outcome(statement, "Rosa Vell", "Harbour Workers Union") == "wrong"
    assert outcome(label, "", "Vell") == "right"  # the person read as a party of their own
    assert (
        outcome({"speaker": "", "party": "IOC"}, "", "International Olympic Committee") == "right"
    )
    assert outcome({"speaker": "Hikmat al-Hajari", "party": ""}, "Hajari", "") == "right"


def test_the_party_shown_with_a_rightly_named_speaker_is_scored() -> None:
    label = {"speaker": "Rosa Vell", "party": "Harbour Workers Union"}
    assert party_outcome(label, "Harbour Workers Union") == "right"
    assert party_outcome(label, "") == "missing"
    assert party_outcome(label, "Quillport Port Authority") == "wrong"
    private = {"speaker": "Ian Troke", "party": ""}
    assert party_outcome(private, "") == "right"
    assert party_outcome(private, "Billionaire") == "extra"
    # a party's usual other names: "Republicans", the White House for the United States
    assert party_outcome({"speaker": "A B", "party": "Republican Party"}, "Republicans") == "right"
    assert party_outcome({"speaker": "A B", "party": "White House"}, "United States") == "right"


def test_the_party_table_counts_the_quotes_given_to_the_right_person(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap", TEXT)
    labels, articles = _sets(tmp_path / "sets", QUOTES)
    result = evaluate(snap, "dev", labels, articles)["dev"]
    party = result["speaker_party"]
    named = sum(1 for _, who, _ in QUOTES if who)
    assert 0 < party["labelled"] <= named
    assert abs(sum(party[o] for o in ("right", "missing", "extra", "wrong")) - 1.0) < 1e-9
