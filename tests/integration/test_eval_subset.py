"""Regression floor for retrieval and answer quality on the gold set (eval/gold.jsonl).

Builds one store from the shared corpus + seed article with the real embedder, runs
`eval.run.evaluate` on the whole gold set once, and checks each metric against a floor set a
little (about 0.1) below what was measured when the floors were written. Skipped when the shared
corpus is not present. Takes ~2-3 min on a 2-CPU box (ingest ~18 s, then ~1 s per `ask`), so it
is marked `slow` (`pytest -m "not slow"` leaves it out).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from eval.run import CORPUS, GOLD, SEED, evaluate, load_gold, source_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CORPUS.is_dir() and SEED.is_dir()), reason="shared corpus/seed not available"
    ),
]

# Measured on the full gold set (74 questions); floors = measured - ~0.1 (rounded down).
RETRIEVAL_FLOORS = {
    # measured: dense 0.875 / 0.906 / 0.650, lexical 0.812 / 0.938 / 0.641,
    #           hybrid 0.891 / 0.969 / 0.765 (recall@5 / recall@10 / MRR, 64 answerable questions)
    "dense": {"recall@5": 0.77, "recall@10": 0.80, "mrr": 0.55},
    "lexical": {"recall@5": 0.71, "recall@10": 0.83, "mrr": 0.54},
    "hybrid": {"recall@5": 0.79, "recall@10": 0.86, "mrr": 0.66},
}
# measured (OpenVINO bf16 embeddings, the learned answer selector, issue 13): fact recall 0.576,
# citation precision 0.341, citation recall 0.750, support 1.000, abstention precision 0.800,
# recall 0.800, false abstention rate 0.031; floors = measured - 0.05. Fact recall since (the
# re-ranker reading 8 sentences, the kind of answer asked for, `python -m eval.run`): 0.625;
# then (a chunk's leaning first sentence read with the one before, answers of up to 5
# sentences, factoid questions kept off the positions path): 0.742, floor 0.69; then (a question
# naming someone or something that no retrieved passage names is abstained): fact recall 0.727,
# abstention precision 1.000, recall 1.000 (all 10 unanswerable questions), floors 0.95;
# then (sentences quoted from 0.28 similarity, never opening the answer under 0.35): fact
# recall 0.750, citation precision 0.417, citation recall 0.875, floors measured - 0.05; then
# (the embedded chunk header without the date, stop 25): fact recall 0.781, citation precision
# 0.415, citation recall 0.906; then (stop 26: titles such as "Gov." no longer end a sentence,
# the positions rules of the stop): fact recall 0.797, citation precision 0.418, recall 0.906;
# then (stop 31: position questions answered from the asked party's statements on the asked
# topic, speakers learned at ingest known at once): fact recall 0.802, citation precision
# 0.406, citation recall 0.859; then (stop 68: an answer whose sentences hold under 0.3 of the
# question's content terms abstains): abstention precision 0.909, false abstention rate 0.016,
# fact recall unchanged (the one answerable question now abstained, "How long had it been since
# the NATO-Russia Council last convened?", was answered with the meeting's own length, none of
# its facts), abstention floor 0.85
ANSWER_FLOORS = {
    "fact_recall": 0.75,
    "citation_precision": 0.36,
    "citation_recall": 0.80,
    "support": 0.95,
    "abstention_precision": 0.85,
    "abstention_recall": 0.95,
}
ANSWER_CEILINGS = {"false_abstention_rate": 0.08}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings

    store = tmp_path_factory.mktemp("eval-store")
    assistant = open_assistant(store, embedder=build_embedder(Settings()))
    try:
        report = assistant.ingest(source_files())
        assert not report.failed, report.failed
        return evaluate(assistant, load_gold(GOLD))
    finally:
        assistant.close()


@pytest.mark.parametrize("mode", sorted(RETRIEVAL_FLOORS))
def test_retrieval_floor(result: dict[str, Any], mode: str) -> None:
    got = result["retrieval"][mode]
    for metric, floor in RETRIEVAL_FLOORS[mode].items():
        assert got[metric] >= floor, f"{mode} {metric}: {got[metric]:.3f} < {floor}"


def test_answer_floor(result: dict[str, Any]) -> None:
    got = result["answer"]
    for metric, floor in ANSWER_FLOORS.items():
        value = got[metric]
        assert value is not None and value >= floor, f"{metric}: {value} < {floor}"
    for metric, ceiling in ANSWER_CEILINGS.items():
        value = got[metric]
        assert value is not None and value <= ceiling, f"{metric}: {value} > {ceiling}"


def test_hybrid_not_worse_than_lexical(result: dict[str, Any]) -> None:
    r = result["retrieval"]
    assert r["hybrid"]["recall@10"] >= r["lexical"]["recall@10"] - 0.05
