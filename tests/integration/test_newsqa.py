"""eval/newsqa.py on a made-up two-week fixture in the RealTime QA file format.

`tests/fixtures/newsqa/` holds two invented weeks (past/2024/20240301, past/2025/20250307: four
questions each, three answerable from the week's articles and one not) and reserved-year decoys
(past/2023/..., and a 2023-dated file under past/2024/) that are not even JSON: reading one would
crash the run, and the test also records every file the script opens.

The first test uses the deterministic HashEmbedder (ours) and LangChain's fake embedding (peer),
so it needs no model; the second loads the real MiniLM for both sides and is marked slow.
"""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest

from eval import newsqa

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "newsqa"
WEEKS = ["20240301", "20250307"]


@pytest.fixture()
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path eval/newsqa.py opens with `open` (its only way to read the snapshot)."""
    seen: list[str] = []

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(newsqa, "open", spy, raising=False)
    return seen


def test_discover_skips_reserved_years() -> None:
    snap = newsqa.discover(FIXTURE)
    assert list(snap.weeks) == WEEKS
    assert "past/2023/" in snap.skipped
    assert {"past/2024/20231208_qa.jsonl", "past/2024/20231208_gcs.jsonl"} <= set(snap.skipped)
    split = newsqa.assign_split(snap.weeks, {"train": [], "dev": []})
    assert split == {"train": ["20240301"], "dev": ["20250307"]}
    assert newsqa.spread(list("abcdefghij"), 3) == ["b", "f", "i"]


def test_scoring_helpers() -> None:
    q = newsqa.Question("x", "Which?", ["Roo", "Tigger", "Owl", "Eeyore"], 1)
    assert newsqa.occurs("Tigger", "the bouncy TIGGER jumped")
    assert not newsqa.occurs("Roo", "a roomy den")  # whole words only
    assert newsqa.is_hit(q, "Tigger entered the public domain.")
    assert not newsqa.is_hit(q, "Tigger and Owl entered the public domain.")


def test_questions_lose_link_markup() -> None:
    raw = 'A photo of which leader with a bag of <a data-x="1" href="https://x.org/tag/a">cocaine</a> &amp; a spoon?'
    assert newsqa.clean_question(raw) == "A photo of which leader with a bag of cocaine & a spoon?"
    assert newsqa.clean_question("How long  did it last?") == "How long did it last?"


def _check(res: dict[str, Any], peer: bool) -> None:
    assert res["weeks"] == WEEKS
    assert res["n"] == 8 and res["n_answerable"] == 6 and res["n_unanswerable"] == 2
    assert res["skipped_paths"] >= 3
    o = res["ours"]
    for v in (
        o["answerable"]["recall@10"],
        o["answerable"]["hit"],
        o["abstain_on_unanswerable"],
        o["abstain_on_answerable"],
    ):
        assert 0.0 <= v <= 1.0
    # Every article of a week fits in ten passages: the gold choice is always retrieved.
    assert o["answerable"]["recall@10"] == 1.0
    assert o["search_ms_p50"] > 0 and o["ask_ms_p95"] >= o["ask_ms_p50"]
    if peer:
        assert res["peer"]["answerable"]["recall@10"] == 1.0
        assert 0.0 <= res["peer"]["answerable"]["hit"] <= 1.0
    # Question ids and flags only: no question or article text in the rows.
    assert set(res["rows"][0]) >= {"id", "week", "answerable", "ours_rank", "abstained"}
    assert not any(isinstance(v, str) and len(v) > 40 for r in res["rows"] for v in r.values())


def test_main_on_fixture_with_fake_embeddings(
    tmp_path: Path, opened: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from index.embeddings import HashEmbedder

    code = newsqa.main(
        [str(FIXTURE), "--split", "all", "--json"],
        split_file=tmp_path / "split.json",
        ours_embedder=HashEmbedder(),
        peer_embeddings=DeterministicFakeEmbedding(size=64),
    )
    assert code == 0
    res = json.loads(capsys.readouterr().out)
    _check(res, peer=True)
    read = [p for p in opened if p.endswith("_qa.jsonl") or p.endswith("_gcs.jsonl")]
    assert len(read) == 4
    assert all("2023" not in Path(p).name and "/2023/" not in p for p in read)

    # The markdown report prints both columns.
    newsqa.main(
        [str(FIXTURE), "--split", "dev", "--no-peer"],
        split_file=tmp_path / "split.json",
        ours_embedder=HashEmbedder(),
    )
    out = capsys.readouterr().out
    assert "| answer recall@10 (answerable) |" in out and "1 weeks, 4 questions" in out


def test_funnel_says_where_the_gold_choice_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --funnel, each answerable question is followed from the passages `ask` reads to the
    sentences the selector keeps: a stage can only lose the gold choice, never find it again;
    and the report names each stage.
    """
    from index.embeddings import HashEmbedder

    args = [str(FIXTURE), "--split", "all", "--no-peer", "--funnel"]
    split_file = tmp_path / "split.json"
    code = newsqa.main([*args, "--json"], split_file=split_file, ours_embedder=HashEmbedder())
    assert code == 0
    res = json.loads(capsys.readouterr().out)
    stages = [res["ours"]["funnel"][key] for key, _ in newsqa.FUNNEL]
    assert all(s is not None for s in stages)
    # every article of a week fits in the passages read: the gold choice is there to begin with
    assert stages[0] == 1.0
    assert all(a >= b for a, b in zip(stages, stages[1:], strict=False))
    funnels = [r["funnel"] for r in res["rows"] if r["answerable"]]
    assert len(funnels) == res["n_answerable"]
    assert "answer" not in res["rows"][0]  # the answers' text only when asked for
    newsqa.main(args, split_file=split_file, ours_embedder=HashEmbedder())
    out = capsys.readouterr().out
    assert "| gold choice in: chosen by the selector |" in out


def test_answers_option_shows_each_question_with_our_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--answers puts the question, its choices and our answer in each row, so a miss can be
    read; the hit is computed from that same text.
    """
    from index.embeddings import HashEmbedder

    args = [str(FIXTURE), "--split", "all", "--no-peer", "--json", "--answers"]
    code = newsqa.main(args, split_file=tmp_path / "split.json", ours_embedder=HashEmbedder())
    assert code == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows and all(r["question"] and len(r["choices"]) > 1 for r in rows)
    for r in rows:
        gold = r["choices"][r["gold"]]
        assert r["ours_answer_has_gold"] == (
            not r["abstained"] and newsqa.occurs(gold, r["answer"])
        )


@pytest.mark.slow
def test_run_on_fixture_with_real_model(tmp_path: Path, opened: list[str]) -> None:
    res = newsqa.run(FIXTURE, split="all", split_file=tmp_path / "split.json", log=None)
    _check(res, peer=True)
    # With the real model, the top passage holds the gold choice for most answerable questions.
    assert res["ours"]["answerable"]["recall@1"] >= 0.5
    assert res["peer"]["answerable"]["recall@1"] >= 0.5
    assert not any("2023" in Path(p).name for p in opened)
