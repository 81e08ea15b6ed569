"""Floors on the labelled positions set (eval/positions): texts of our own in wire copy,
statements, transcripts, letters, debates and social posts about states, companies, unions,
councils, residents, rebels and leagues, plus part of the shared corpus. The floors are the
measured figures less 0.05; the heldout set is never tuned on."""

from __future__ import annotations

import pytest

from eval.positions_eval import evaluate

FLOORS = {  # set: (recall, precision, stance accuracy)
    # dev has 33 texts since batch 6 (9 texts of our own, stop 24); measured 0.874 / 0.991 / 0.964
    "dev": (0.82, 0.94, 0.91),
    # batch 3 (14 texts labelled blind, stop 22) brought heldout to 0.576 / 0.705 / 0.894;
    # batch 4 (5 blind texts, new styles) is in it since; batch 5 (6 blind texts, stop 24)
    # too: 0.657 / 0.806 / 0.893 on its first run; measured 0.727 / 0.876 / 0.899
    "heldout": (0.67, 0.82, 0.84),
}


@pytest.fixture(scope="module")
def result():
    return evaluate("all", examples=0)


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_positions_hold_their_floors(result, which):
    got = result["sets"][which]
    recall, precision, stance = FLOORS[which]
    assert got["recall"] >= recall, got["errors"]
    assert got["precision"] >= precision, got["errors"]
    assert got["stance_accuracy"] >= stance, got["errors"]


def test_every_kind_of_party_is_found(result):
    # no kind of party the registry does not know is invisible
    for kind, r in result["by_parties"].items():
        assert r["matched"] > 0, f"no statement found for {kind}"
