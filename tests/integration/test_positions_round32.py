"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 66."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_he_said_after_a_titled_person_named_in_a_sentence_with_no_stance(reader):
    # "Mayor Lauren Poe expressed similar concerns at last Tuesday's meeting. '... I reject the
    # idea that we slow walk this ...,' he said." went to the commissioner quoted before: the
    # sentence naming the mayor held no stance word, so the reading had not met him
    text = (
        "Councillor Ravi Menon wanted the whole relief package approved at once. But his "
        "motion failed.\n\n"
        "Menon said Tuesday that he is frustrated at how slowly the process is moving.\n\n"
        "Mayor Greta Lindqvist voiced the same frustration at the meeting.\n\n"
        "\u201cThis money does no good sitting in our account,\u201d she said. \u201cI reject "
        "the idea that we wait another month. We need to get this money to the food banks.\u201d\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "I reject the idea") == {"Greta Lindqvist"}
    assert holders(found, "We need to get this money") == {"Greta Lindqvist"}


def test_a_group_described_by_what_it_is_holds_its_position_in_the_passive_too(reader):
    # "Dental groups rejected the plan" gives the group its position since stop 65; "The plan
    # was rejected by dental groups" gave none. People of a kind alone ("educators") and a
    # possibility ("would be opposed by") are still no one
    text = (
        "Westbrook City Council published its bypass plan on Monday.\n\n"
        "The plan was rejected by dental groups at a packed meeting.\n\n"
        "The curfew was opposed by Harlow residents in a letter to the council.\n\n"
        "The plan was opposed by educators.\n\n"
        "The route would be opposed by environmental groups, the mayor said.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "rejected by dental groups") == {"Dental groups"}
    assert holders(found, "opposed by Harlow residents") == {"Harlow residents"}
    assert not holders(found, "opposed by educators")
    assert "Environmental groups" not in holders(found, "would be opposed by")


def test_a_warning_in_the_passive_is_the_agents(reader):
    # "were demanded by Unifor" and "was rejected by the Harlow Group" were read as the agent's;
    # "Sanctions were threatened by ..." and "X was warned by Y that ..." were no one's
    text = (
        "Northwind Freight published its new timetable on Monday.\n\n"
        "Fines were threatened by the Marlow Transport Authority if the timetable is not "
        "withdrawn.\n\n"
        "Northwind was warned by the Marlow Transport Authority that its licence could be "
        "revoked.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Fines were threatened") == {"Marlow Transport Authority"}
    assert holders(found, "Northwind was warned") == {"Marlow Transport Authority"}
