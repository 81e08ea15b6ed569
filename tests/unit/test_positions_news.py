"""The real-news positions set keeps no article text: labels are offsets + sha1 into RealTime QA
articles. These tests build a small snapshot in the repository's own file layout and check that
the offsets give back the labelled sentences, and that a snapshot whose text differs is refused
with an error naming the document instead of silently scoring the wrong sentences."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eval.positions_eval import load_labels, unmatched_labels
from eval.positions_news import SnapshotMismatch, materialise

URL = "https://example.org/2024/01/04/harbour-strike"
TEXT = (
    "Dockworkers at the port of Quillport walked out on Thursday. "
    "The Harbour Workers Union demanded a 9% raise and said its members would stay out until "
    "the port authority returned to the table. "
    '"We will not sign a contract that cuts night-shift pay," union president Rosa Vell said. '
    "The Quillport Port Authority said it was prepared to offer 5% over two years."
)
UNION_DEMAND = (
    "The Harbour Workers Union demanded a 9% raise and said its members would stay out until "
    "the port authority returned to the table."
)
UNION_REJECT = (
    '"We will not sign a contract that cuts night-shift pay," union president Rosa Vell said.'
)
AUTHORITY_OFFER = "The Quillport Port Authority said it was prepared to offer 5% over two years."


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _snapshot(root: Path, text: str = TEXT) -> Path:
    week = root / "past" / "2024"
    _write_jsonl(
        week / "20240105_qa.jsonl",
        [
            {
                "question_id": "20240105_0",
                "question_date": "2024/01/05",
                "question_source": "FIXTURE",
                "question_url": "https://example.org/quiz",
                "question_sentence": "What raise did the Quillport dockworkers demand?",
                "choices": ["5%", "9%", "12%", "15%"],
                "answer": ["1"],
                "evidence": "",
            }
        ],
    )
    _write_jsonl(
        week / "20240105_gcs.jsonl",
        [
            {
                "question_id": "20240105_0",
                "search_time": "2024/01/05/12:00",
                "search_result": [
                    {
                        "url": URL,
                        "title": "Quillport dockworkers strike over pay",
                        "text": text,
                        "authors": ["Staff"],
                        "publish_date": "2024-01-04",
                    }
                ],
            }
        ],
    )
    return root


def _label(sentence: str, holder: str, stance: str, voice: str, **kw: object) -> dict[str, object]:
    start = TEXT.index(sentence)
    end = start + len(sentence)
    row: dict[str, object] = {
        "set": "dev",
        "doc": f"rtqa:20240105:{URL}",
        "start": start,
        "end": end,
        "sha1": _sha1(sentence),
        "holder": holder,
        "holder_aliases": [],
        "stance": stance,
        "voice": voice,
        "target": "",
    }
    row.update(kw)
    return row


def _label_set(root: Path, labels: list[dict[str, object]], week: str = "20240105") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    doc = {
        "doc": f"rtqa:{week}:{URL}",
        "week": week,
        "url": URL,
        "set": "dev",
        "style": "wire",
        "parties": "company-union",
        "words": len(TEXT.split()),
        "sha1": _sha1(TEXT),
    }
    (root / "manifest.json").write_text(json.dumps({"docs": [doc]}), encoding="utf-8")
    (root / "labels.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8"
    )
    return root


LABELS = [
    _label(UNION_DEMAND, "Harbour Workers Union", "demands", "paraphrase"),
    _label(
        UNION_REJECT,
        "Harbour Workers Union",
        "rejects",
        "own",
        holder_aliases=["Rosa Vell"],
        target="Quillport Port Authority",
    ),
    _label(AUTHORITY_OFFER, "Quillport Port Authority", "offers", "paraphrase"),
]


def test_offsets_give_back_the_labelled_sentences(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap")
    root = _label_set(tmp_path / "set", LABELS)
    manifest, labels = materialise(snap, tmp_path / "out", root)

    assert [lab["sentence"] for lab in labels] == [UNION_DEMAND, UNION_REJECT, AUTHORITY_OFFER]
    assert labels[1]["holder_aliases"] == ["Rosa Vell"]
    assert labels[1]["target"] == "Quillport Port Authority"
    # the same structure as the scorer's own loader returns
    ref_manifest, ref_labels = load_labels(Path(__file__).resolve().parents[2] / "eval/positions")
    assert set(labels[0]) == set(ref_labels[0])
    assert set(ref_manifest["docs"][0]) <= set(manifest["docs"][0])
    # the article is written like eval/positions/docs/*.txt, and every sentence is in it
    (doc,) = manifest["docs"]
    written = Path(doc["path"]).read_text(encoding="utf-8")
    head, body = written.split("---\n", 1)
    assert head.splitlines() == [
        "title: Quillport dockworkers strike over pay",
        "source: example.org",
        "date: 2024-01-04",
    ]
    assert body.strip() == TEXT
    paths = {d["doc"]: d["path"] for d in manifest["docs"]}
    assert unmatched_labels(manifest, labels, paths=paths) == []


def test_a_changed_article_is_refused_naming_the_document(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap", TEXT.replace("9%", "8%"))
    root = _label_set(tmp_path / "set", LABELS)
    with pytest.raises(SnapshotMismatch, match=r"rtqa:20240105:https://example\.org/.*sha1"):
        materialise(snap, tmp_path / "out", root)


def test_a_span_that_is_not_the_labelled_sentence_is_refused(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap")
    shifted = dict(LABELS[0], start=int(LABELS[0]["start"]) + 4)  # type: ignore[call-overload]
    root = _label_set(tmp_path / "set", [shifted, *LABELS[1:]])
    with pytest.raises(SnapshotMismatch, match=r"rtqa:20240105:.*is not the labelled sentence"):
        materialise(snap, tmp_path / "out", root)


def test_a_reserved_week_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap")
    reserved = [dict(lab, doc=f"rtqa:20230106:{URL}") for lab in LABELS]
    root = _label_set(tmp_path / "set", reserved, week="20230106")
    with pytest.raises(ValueError, match="20230106.*reserved"):
        materialise(snap, tmp_path / "out", root)


def test_a_state_matches_a_label_naming_its_government_by_its_peoples_adjective():
    from eval.positions_eval import holder_match

    assert holder_match("Venezuela", "Venezuelan government")
    assert holder_match("China", "Chinese government")
    assert holder_match("South Africa", "South African government")
    assert not holder_match("Venezuela", "Venezuelan opposition")
    assert not holder_match("Colombia", "Venezuelan government")
