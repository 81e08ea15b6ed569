"""Forms the real-news dev batches showed misread at stop 55, each on a text written for the
test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


AMONG = (
    "The council's budget vote is set for Thursday.\n\n"
    "Councillor Dana Holt is among a number of senior Greens who oppose the planned cut to "
    "bus subsidies, the Harlow Courier reported.\n\n"
    "Councillor Tom Reyes is one of 12 members who have demanded a public inquiry into the "
    "depot contract.\n"
)


def test_one_of_a_group_who_opposes_holds_the_position_in_their_own_name(reader):
    found = _read(reader, AMONG, source="Harlow Courier")
    assert holders(found, "bus subsidies") == {"Dana Holt"}
    assert stances(found, "bus subsidies") == {"rejects"}
    assert holders(found, "public inquiry") == {"Tom Reyes"}
    assert stances(found, "public inquiry") == {"demands"}


A_GROUP_WHO = (
    "The council's budget vote is set for Thursday.\n\n"
    "Senior Greens who oppose the planned cut to bus subsidies met on Monday.\n\n"
    "Councillor Dana Holt is a member of the committee that approved the plan.\n"
)


def test_a_group_who_opposes_is_not_handed_to_a_member_named_elsewhere(reader):
    found = _read(reader, A_GROUP_WHO, source="Harlow Courier")
    assert "Dana Holt" not in holders(found, "bus subsidies")


NEED_OTHERS = (
    "The Elm Street Residents' Association met on Monday about the depot plan.\n\n"
    '"We need the council to reject this depot," said Ana Ruiz, the association\'s chair.\n'
)


def test_we_need_someone_else_to_act_is_our_demand_not_their_refusal(reader):
    found = _read(reader, NEED_OTHERS, source="Harlow Courier")
    assert stances(found, "reject this depot") == {"demands"}
    assert holders(found, "reject this depot") == {"Elm Street Residents' Association"}


HOPEFUL = (
    "The Elm Street Residents' Association met on Monday about the depot plan.\n\n"
    "\"I'm hopeful that the council will reject this depot,\" said Ana Ruiz, the association's "
    "chair.\n\n"
    '"We are hopeful it will not come to a blockade," she said.\n'
)


def test_hopeful_that_another_party_will_act_asks_it_of_them(reader):
    found = _read(reader, HOPEFUL, source="Harlow Courier")
    assert stances(found, "reject this depot") == {"demands"}
    assert holders(found, "reject this depot") == {"Elm Street Residents' Association"}
    assert stances(found, "blockade") == set()


AFFORD = (
    "Eastport City Council met on Tuesday about the flood wall.\n\n"
    '"This is an issue we can\'t afford to ignore any longer," council leader Ana Ruiz said.\n\n'
    '"We cannot afford to pay more for the bridge," she added.\n'
)


def test_cannot_afford_to_ignore_calls_for_action_and_cannot_afford_to_pay_refuses(reader):
    found = _read(reader, AFFORD, source="Eastport Echo")
    assert stances(found, "afford to ignore") == {"demands"}
    assert stances(found, "pay more") == {"rejects"}


GOES_ON = (
    "Ana Ruiz, president of the Harbour Workers' Union, spoke to members on Friday about the "
    "offers from Harbour Freight and Portline.\n\n"
    "Both companies rejected the union's pension proposals.\n\n"
    '"There it is. That\'s what they say about you behind closed doors," Ruiz said. "We '
    "aren't going to take whatever scraps they give us.\"\n"
)


def test_a_quote_after_its_speaker_is_named_stays_theirs(reader):
    # "they say" inside the first quote is not the reporting verb: Ruiz is
    found = _read(reader, GOES_ON, source="Harbour Gazette")
    assert stances(found, "whatever scraps") == {"rejects"}
    assert holders(found, "whatever scraps") == {"Harbour Workers' Union"}


LISTED = (
    "The union met negotiators from Harbour Freight, Portline and Calder Shipping on Friday.\n\n"
    "All three rejected the union's pension proposals.\n"
)

TWO_LISTED = (
    "The union met negotiators from Harbour Freight and Portline on Friday.\n\n"
    "All three rejected the union's pension proposals.\n"
)


def test_all_three_after_a_list_of_three_is_each_of_them(reader):
    found = _read(reader, LISTED, source="Harbour Gazette")
    assert stances(found, "pension proposals") == {"rejects"}
    assert holders(found, "pension proposals") == {"Harbour Freight", "Portline", "Calder Shipping"}


def test_a_count_that_does_not_match_the_list_names_no_one_from_it(reader):
    found = _read(reader, TWO_LISTED, source="Harbour Gazette")
    assert not {"Harbour Freight", "Portline"} <= holders(found, "pension proposals")


WASHINGTON = (
    "Governors met in Denver on Monday about the Medicaid cuts.\n\n"
    "Washington state Gov. Dana Holt said the cuts must be reversed before the winter.\n\n"
    "Washington warned Moscow it would face severe sanctions.\n"
)


def test_washington_state_is_the_state_not_the_federal_government(reader):
    found = _read(reader, WASHINGTON, source="Denver Wire")
    assert "United States" not in holders(found, "must be reversed")
    assert holders(found, "must be reversed")
    assert holders(found, "severe sanctions") == {"United States"}


FEDERAL = (
    "The Mohave County Board of Supervisors voted Monday to oppose the new national monument.\n\n"
    "The federal government said no private land will be taken for the monument.\n"
)

FEDERAL_NAMED = (
    "Canada's trade minister met the steelworkers' unions on Monday.\n\n"
    "The federal government said it would not lift the tariff on Chinese steel.\n"
)


def test_the_federal_government_is_never_the_county_board_named_before(reader):
    found = _read(reader, FEDERAL, source="Kingman Daily")
    assert "Mohave County Board of Supervisors" not in holders(found, "private land")
    assert holders(found, "private land")
    named = _read(reader, FEDERAL_NAMED, source="Ottawa Wire")
    assert holders(named, "lift the tariff") == {"Canada"}


PORTFOLIO = (
    "The rail plan was published on Sunday.\n\n"
    "Transportation Secretary Dana Holt will request $40 billion from Congress to fund the new "
    "signalling system.\n"
)


def test_a_portfolio_before_a_secretary_is_no_party(reader):
    found = _read(reader, PORTFOLIO, source="Capitol Wire")
    assert holders(found, "signalling system")
    assert "Transportation" not in holders(found, "signalling system")


TWO_SECRETARIES = (
    "The administration put Varenia on notice on Tuesday.\n\n"
    "Secretary of State Dana Holt and Defense Secretary Tom Reyes sent a letter to their "
    "counterparts on Sunday.\n\n"
    "The letter demands that Varenia allow 350 aid trucks a day into the valley.\n"
)


def test_two_secretaries_named_together_are_two_people_not_a_party(reader):
    found = _read(reader, TWO_SECRETARIES, source="Capitol Wire")
    assert stances(found, "aid trucks") == {"demands"}
    assert not any("Holt" in h for h in holders(found, "aid trucks"))


DISTRICT = (
    "The lawsuit mirrors another complaint filed last year by the District of Columbia.\n\n"
    "The District of Columbia said it would appeal the ruling.\n"
)


def test_the_district_of_columbia_keeps_its_whole_name(reader):
    found = _read(reader, DISTRICT, source="Capitol Wire")
    assert holders(found, "appeal the ruling") == {"District of Columbia"}


DATELINES = (
    "HAGÅTÑA, Guam — The Guam Chamber of Commerce warned on Monday that tourism would collapse "
    "if the flights were cut.\n\n"
    "KINGMAN, Ariz. — The Mohave County Board of Supervisors voted to oppose the new monument.\n"
)


def test_a_dateline_with_accents_or_a_state_is_no_party(reader):
    found = _read(reader, DATELINES, source="Pacific Wire")
    assert holders(found, "tourism would collapse") == {"Guam Chamber of Commerce"}
    assert not {"HAGÅTÑA", "KINGMAN", "Ariz"} & {f[0] for f in found}
