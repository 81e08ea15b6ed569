"""Forms met in blind round 14, each on a text written for the test: a denial ("No, that is
not correct."), a term held fixed ("is not negotiable"), giving up one's pressure on a
condition ("we will drop the boycott if ..."), and a main verb the parser hangs on a relative
clause ("The Federation, which has 60,000 members, called on ...").
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


BRIEFING = (
    "HARBOURMASTER LINDQVIST: The port will reopen berth 4 on Monday.\n\n"
    "Q: The pilots' guild says you promised them a new rota by May.\n\n"
    "HARBOURMASTER LINDQVIST: No, that is not correct. The night pilotage fee is not "
    "negotiable.\n\n"
    "ANIKA ROSS (Tarnby Pilots' Guild): If the rota is published as he says, we will drop our "
    "overtime boycott.\n"
)


def test_a_denial_and_a_fixed_term_are_refusals_and_dropping_a_boycott_an_offer(reader):
    found = _read(reader, BRIEFING, source="Port of Tarnby Authority")
    assert stances(found, "that is not correct") == {"rejects"}
    assert stances(found, "is not negotiable") == {"rejects"}
    assert holders(found, "is not negotiable") == {"Port of Tarnby Authority"}
    assert stances(found, "drop our overtime boycott") == {"offers"}
    assert holders(found, "drop our overtime boycott") == {"Tarnby Pilots' Guild"}


def test_a_main_verb_after_a_relative_clause_keeps_its_subject(reader):
    text = (
        "The Ostmere Cyclists' Union, which has some 12,000 members, called on the council to "
        "close Quay Street to cars on Sundays.\n"
    )
    found = _read(reader, text, source="Ostmere Courier")
    assert holders(found, "called on the council") == {"Ostmere Cyclists' Union"}
    assert stances(found, "called on the council") == {"demands"}


def test_suspending_ones_payments_on_a_condition_is_a_warning(reader):
    text = (
        "Dear Director,\n\n"
        "If no compensation scheme is in place by 1 September, our members will suspend payment "
        "of the business improvement levy.\n\n"
        "Yours sincerely,\nAda Kern\nChair, Brisk Lane Shopkeepers' Association\n"
    )
    found = _read(reader, text, source="Brisk Lane Shopkeepers' Association")
    assert stances(found, "suspend payment") == {"warns"}


def test_a_releases_about_heading_does_not_join_the_boilerplate_under_it(reader):
    text = (
        "Corvane Biologics AG today rejected the ministry's price demand.\n\n"
        "We will not accept a price set by decree.\n\n"
        "About Corvane Biologics\n"
        "Corvane Biologics AG is a research-based company. It employs 900 people.\n"
    )
    found = _read(reader, text, source="Corvane Biologics AG")
    assert holders(found, "price set by decree") == {"Corvane Biologics"}


def test_a_joint_statements_title_names_its_cosigners_when_the_source_names_one(reader):
    text = (
        "We call on the Government to publish the draft budget by 1 May.\n\n"
        "We will not support a budget that cuts rural bus routes.\n"
    )
    found = _read(
        reader,
        text,
        source="Green Valley Alliance",
        title="Joint statement on the budget by the Green Valley Alliance, the Radical Party "
        "and the Coastal League",
    )
    want = {"Green Valley Alliance", "Radical Party", "Coastal League"}
    assert holders(found, "publish the draft budget") == want
    assert holders(found, "cuts rural bus routes") == want


def test_the_items_of_a_list_a_demand_announces_are_each_a_demand(reader):
    text = (
        "We call on the Harbour Board to adopt, before the summer, rules that would secure the "
        "following:\n\n"
        "1. A ban on overnight engine idling at the Quay Road berths.\n"
        "2. Monthly publication of the air readings at the harbour gate.\n\n"
        "These requests are not new. We have made them since 2021.\n"
    )
    found = _read(reader, text, source="Quay Road Residents' Association")
    residents = {"Quay Road Residents' Association"}
    assert holders(found, "A ban on overnight engine idling") == residents
    assert stances(found, "Monthly publication of the air readings") == {"demands"}
    # the list ends at the first line that is not an item
    assert holders(found, "We have made them since 2021") == set()
