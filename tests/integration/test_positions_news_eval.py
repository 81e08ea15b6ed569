"""`positions_eval --news` plumbing: the real-news set's articles are written from the snapshot
and the extractor reads those files (a wrong path would leave nothing extracted). Run on a small
invented snapshot, never on the real labelled articles (their first score stays blind)."""

from __future__ import annotations

from pathlib import Path

from eval.positions_eval import evaluate
from eval.positions_news import materialise
from tests.unit.test_positions_news import LABELS, _label_set, _snapshot


def test_the_news_set_is_scored_from_the_materialised_files(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path / "snap")
    root = _label_set(tmp_path / "set", LABELS)
    result = evaluate("dev", examples=0, loaded=materialise(snap, tmp_path / "out", root))
    dev = result["sets"]["dev"]
    assert dev["docs"] == 1 and dev["labelled"] == 3
    assert dev["extracted"] >= 1, dev["errors"]
    assert dev["matched"] >= 1, dev["errors"]
