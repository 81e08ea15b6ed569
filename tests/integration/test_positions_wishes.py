"""What "we want to" states: on a short statement written for this test (not the eval texts).
A party's wish to act itself ("We want to settle this dispute", "we want to work with the
police") asks nothing of anyone and is no demand; a wish to keep talking offers talks; what it
wants others to do, or wants from them, is still a demand. Uses the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader, read, stances

STATEMENT = (
    "Statement from the Tarrow Bus Drivers' Union\n\n"
    "We want to settle this dispute before the school term begins. "
    "We want to keep talking, and our negotiators are free on Saturday. "
    "We want the Tarrow Transit Company to restore the rest breaks it cut in March. "
    "We want to see the company's rota figures before any vote.\n"
)


@pytest.fixture(scope="module")
def found():
    return read(make_reader(), STATEMENT, source="Tarrow Bus Drivers' Union")


def test_a_wish_to_act_oneself_is_no_demand(found):
    assert stances(found, "We want to settle this dispute") == set()


def test_a_wish_to_keep_talking_offers_talks(found):
    assert stances(found, "We want to keep talking") == {"offers"}


def test_what_a_party_wants_of_others_is_still_a_demand(found):
    assert stances(found, "We want the Tarrow Transit Company to restore") == {"demands"}
    assert stances(found, "We want to see the company's rota figures") == {"demands"}
