"""The gold set behind the quality floors (eval/gold.jsonl) is well formed: every question is
unique, answerable exactly when it names relevant articles and facts, and names only articles the
corpus holds. (The floors themselves, with the real model, are in
tests/integration/test_eval_subset.py.)
"""

from __future__ import annotations

import pytest

from eval.run import CORPUS, GOLD, SEED, load_gold, source_files

pytestmark = pytest.mark.skipif(
    not (CORPUS.is_dir() and SEED.is_dir()), reason="shared corpus/seed not available"
)


def test_gold_set_is_well_formed() -> None:
    gold = load_gold(GOLD)
    names = {p.name for p in source_files()}
    assert len(gold) >= 48
    assert len({g["id"] for g in gold}) == len(gold)
    for g in gold:
        assert g["answerable"] == bool(g["relevant"]), g["id"]
        assert set(g["relevant"]) <= names, g["id"]
        assert g["answerable"] == bool(g["facts"]), g["id"]
