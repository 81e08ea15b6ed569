"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 63."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_verbs_of_condemnation_are_rejections(reader):
    # "dental groups have decried the anti-fluoride push": the verb was not in the lexicon
    text = (
        "The Harbour Dental Association decried the county's plan to end water fluoridation.\n\n"
        "Marlow Freight Workers Union slammed the company's final offer on Tuesday.\n\n"
        "The Eastfield Residents' Association objected to the new incinerator at a packed "
        "meeting.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "decried the county's plan") == {"rejects"}
    assert holders(found, "decried the county's plan") == {"Harbour Dental Association"}
    assert stances(found, "slammed the company's final offer") == {"rejects"}
    assert holders(found, "slammed the company's final offer") == {"Marlow Freight Workers Union"}
    assert stances(found, "objected to the new incinerator") == {"rejects"}


def test_a_slam_without_an_object_or_an_object_noun_is_no_rejection(reader):
    text = (
        "A delivery van slammed into the gates of Marlow Freight on Tuesday.\n\n"
        "The object of the talks, Marlow Freight said, is a contract by March.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "slammed into the gates") == set()
    assert "rejects" not in stances(found, "The object of the talks")
