"""Readiness and its refusal: "we are (however) prepared to" offers, "we are not prepared /
not able to" refuses, "not prepared to comment" says nothing, and giving an assurance assures;
"X should be done" in a party's own words asks for it, a forecast with "should" does not, and
calling off a threat on a condition offers.
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
        # what the speaker says should be done, in its own words
        ("The grading rules should be suspended until the packer publishes its tests.", "demands"),
        (
            "Export permits should go first to growers who have farmed here for ten years.",
            "demands",
        ),
        # giving up a threat on a condition is a concession
        ("We would call off the picket if the packer agreed to independent grading.", "offers"),
    ],
)
def test_readiness_and_pledges(reader, sentence, stance):
    assert stance_of(reader, sentence) == [stance]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our chairman was not prepared to comment on the talks.",
        "We were not able to attend the meeting in Harlow on Tuesday.",
        "Apple prices should fall once the new cold store opens next spring.",
    ],
)
def test_no_comment_and_past_inability_hold_no_position(reader, sentence):
    assert stance_of(reader, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [("We reject that claim.", "rejects"), ("We will not sign.", "rejects")],
)
def test_a_short_whole_sentence_is_a_position(reader, sentence, stance):
    # three or four words with a subject and a verb are a sentence, not a fragment
    assert stance_of(reader, sentence) == [stance]


@pytest.mark.parametrize("sentence", ["Thank you very much.", "Next question, please."])
def test_short_courtesies_are_not(reader, sentence):
    assert stance_of(reader, sentence) == []
