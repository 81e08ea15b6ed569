"""Readiness and its refusal: "we are (however) prepared to" offers, "we are not prepared /
not able to" refuses, "not prepared to comment" says nothing, and giving an assurance assures.
Sentences written for these tests; the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read

SOURCE = "Orrin Valley Growers' Cooperative"


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def stance_of(reader, sentence: str) -> list[str]:
    return [s for _, s, _ in _read(reader, sentence + "\n", source=SOURCE)]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("We are, however, prepared to extend the harvest contract by a month.", "offers"),
        ("We would be prepared to accept a lower price, provided that it is fixed.", "offers"),
        ("We are not prepared to accept the packer's new grading rules.", "rejects"),
        ("We are not open to a merger with Lenby Fruit.", "rejects"),
        ("We are not able to agree to a freeze on deliveries.", "rejects"),
        ("We give our assurance that no member will be paid late this season.", "assures"),
        # a wish for a thing done to something: "wants the levy capped", as "wants a cap"
        ("Our members want the packing levy capped at two cents a crate.", "demands"),
    ],
)
def test_readiness_and_pledges(reader, sentence, stance):
    assert stance_of(reader, sentence) == [stance]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our chairman was not prepared to comment on the talks.",
        "We were not able to attend the meeting in Harlow on Tuesday.",
    ],
)
def test_no_comment_and_past_inability_hold_no_position(reader, sentence):
    assert stance_of(reader, sentence) == []
