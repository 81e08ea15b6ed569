"""Forms the real-news dev batches showed unread at stop 53, each on a text written for the
test: a document named by its kind ("the advisory", "the draft resolution", "the campaign")
holds the position of the one the text said issued it.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


ADVISORY = (
    "In an advisory, the Marrowby Water Authority said households in the east of the county "
    "face a summer of shortages.\n\n"
    "The advisory also calls for a ban on filling private swimming pools until September.\n\n"
    "Farmers' groups said the restrictions came too late.\n"
)

RESOLUTION = (
    "Brevania asked the Coastal League's council to vote against a resolution proposed by "
    "Norvalia and Tesk to censure it for the spill.\n\n"
    "The draft resolution calls on Brevania to pay for the clean-up of the Varr estuary.\n"
)

CAMPAIGN = (
    "Mayor Ruth Osterley and her challenger have sparred over debates for weeks.\n\n"
    "The Osterley campaign rejected the proposal on Tuesday.\n\n"
    "The campaign proposed a third debate in October, after the budget vote.\n"
)

NAMED_CAMPAIGN = (
    "The Fair Fares Campaign met the transit board on Monday.\n\n"
    "The campaign has asked the board to freeze fares for pensioners.\n"
)


def test_the_advisory_holds_the_position_of_the_body_that_issued_it(reader):
    found = _read(reader, ADVISORY, source="Marrowby Gazette")
    assert holders(found, "ban on filling private swimming pools") == {"Marrowby Water Authority"}


def test_a_draft_resolution_holds_the_position_of_those_who_proposed_it(reader):
    found = _read(reader, RESOLUTION, source="Coastal Wire")
    assert holders(found, "pay for the clean-up") == {"Norvalia"}


def test_the_campaign_is_the_candidate_the_text_named_it_after(reader):
    found = _read(reader, CAMPAIGN, source="Osterley Post")
    assert holders(found, "proposed a third debate") == {"Ruth Osterley"}


def test_a_campaign_that_is_itself_a_party_keeps_its_name(reader):
    found = _read(reader, NAMED_CAMPAIGN, source="Transit Weekly")
    assert holders(found, "freeze fares for pensioners") == {"Fair Fares Campaign"}


RECALL = (
    "Harbin Appliances recalled 40,000 heaters on Friday after reports of overheating.\n\n"
    "Harbin Appliances urged owners to unplug the heaters and contact a dealer.\n\n"
    "Harbin Appliances is not warning owners to stop using the heaters altogether, however.\n"
)


def test_a_warning_the_text_says_was_not_given_is_no_warning(reader):
    found = _read(reader, RECALL, source="Consumer Wire")
    assert holders(found, "not warning owners") == set()
    assert holders(found, "urged owners to unplug") == {"Harbin Appliances"}


PROTEST = (
    "Thousands marched through Velmont on Saturday against the pension reform.\n\n"
    "Prime Minister Alda Berrin said on Friday that the reform would go ahead.\n\n"
    'One protester, a nurse, told the Velmont Herald: "Berrin wants us to work until we drop.'
    '"\n\n'
    "The nurses' union, Velcare, demanded that the reform be withdrawn.\n"
)


def test_what_a_quoted_bystander_says_another_wants_is_no_position_of_theirs(reader):
    found = _read(reader, PROTEST, source="Velmont Wire")
    assert holders(found, "wants us to work until we drop") == set()
    assert holders(found, "demanded that the reform be withdrawn") == {"Velcare"}


CLAIM = (
    "Governor Maria Costa criticised the Dunmore Water Company on Monday.\n\n"
    "Costa suggested the company was hiding the extent of the leaks from its customers.\n\n"
    "She suggested that the company and the regulator meet before the end of the month.\n"
)


def test_suggesting_what_another_is_doing_is_a_reading_of_events_not_a_proposal(reader):
    found = _read(reader, CLAIM, source="Dunmore Wire")
    assert holders(found, "was hiding the extent") == set()
    assert holders(found, "and the regulator meet") == {"Maria Costa"}


DEBATES = (
    "Mayor Lena Ostrova said on Wednesday that she would take part in two televised debates.\n\n"
    "Her campaign called for additional debates in July and August.\n"
)


def test_a_month_after_the_event_asked_for_dates_the_event_not_the_demand(reader):
    found = _read(reader, DEBATES, source="Capitol Wire")
    assert holders(found, "additional debates in July and August") == {"Lena Ostrova"}


BRAND = (
    "United Auto Workers members approved a new six-year contract with Marlow & Co. Wednesday, "
    "ending a five-week strike.\n\n"
    '"UAW John Marlow members did not just unite themselves," UAW President Ray Curry said in a '
    "statement.\n\n"
    "Marlow also offered workers $3,500 bonuses if they ratified the contract.\n"
)


def test_a_company_named_after_someone_is_not_a_person_of_the_union(reader):
    found = _read(reader, BRAND, source="Business Wire")
    assert holders(found, "offered workers $3,500 bonuses") == {"Marlow"}


RAISED = (
    "Halden & Co. makes the island's ferries.\n\n"
    "After the crews rejected the contract, Halden & Co. upped its offer.\n\n"
    "The crews' union said it would put the new offer to a vote.\n"
)


def test_an_offer_made_better_is_an_offer_by_the_company_under_its_short_name(reader):
    found = _read(reader, RAISED, source="Harbour Wire")
    assert holders(found, "upped its offer") == {"Halden"}


PARTY_NAMED_FOR_A_STATE = (
    "The Alternative for Kestria wants Kestria to leave the currency union.\n\n"
    "The Movement for Norvalia rejected the plan on Tuesday.\n"
)


def test_a_party_named_for_a_state_is_not_the_state(reader):
    found = _read(reader, PARTY_NAMED_FOR_A_STATE, source="Europe Wire")
    assert holders(found, "leave the currency union") == {"Alternative for Kestria"}
    assert holders(found, "rejected the plan") == {"Movement for Norvalia"}


SECRETARY = (
    "Secretary of Defense Mara Lindqvist on Wednesday repeated the warning to Velmor.\n\n"
    '"Velmor must stop its missile tests and return to talks," Lindqvist said in a press '
    "release.\n"
)


def test_an_office_with_its_portfolio_before_the_name_is_an_office_of_its_own(reader):
    found = _read(reader, SECRETARY, source="Defense Wire")
    assert holders(found, "must stop its missile tests") == {"Mara Lindqvist"}


UNION_PRESIDENT = (
    "The Harbour Pilots Association represents 900 pilots.\n\n"
    '"We reject that out of hand," said Tim Carrow, the union president.\n'
)


def test_the_union_president_speaks_for_the_union_the_text_named(reader):
    found = _read(reader, UNION_PRESIDENT, source="Shipping Wire")
    assert holders(found, "We reject that out of hand") == {"Harbour Pilots Association"}


INVITED = (
    "Treasury officials met bank executives on Friday to discuss cyber threats.\n\n"
    "Executives from Halvern Bank and Corso Trust were invited.\n\n"
    "The Russian defence ministry said the surrounded soldiers were offered safe passage "
    "if they laid down their arms.\n"
)


def test_those_who_are_offered_something_hold_no_offer(reader):
    found = _read(reader, INVITED, source="Finance Wire")
    assert holders(found, "were invited") == set()
    assert holders(found, "were offered safe passage") == {"Russia"}


VOWED_TO_FIGHT = (
    "The Ostmark council declared a housing emergency on Monday.\n\n"
    "Opposition councillors of the Civic Alliance have vowed to fight the declaration in "
    "court.\n\n"
    "The Civic Alliance also pledged to protect tenants from evictions over the winter.\n"
)


def test_a_vow_to_fight_something_is_a_refusal_not_an_assurance(reader):
    found = _read(reader, VOWED_TO_FIGHT, source="Ostmark Wire")
    assert stances(found, "vowed to fight the declaration") == {"rejects"}
    assert stances(found, "pledged to protect tenants") == {"assures"}


RETALIATION = (
    "Velmor told Ostmark on Friday to withdraw its new tariffs on Velmori steel.\n\n"
    "It also vowed to retaliate if Ostmark did not.\n\n"
    "Ostmark's government reaffirmed that it would respond decisively to any Velmori duties.\n"
)


def test_a_vow_to_retaliate_is_a_warning_not_an_assurance(reader):
    found = _read(reader, RETALIATION, source="Trade Wire")
    assert stances(found, "vowed to retaliate") == {"warns"}
    assert stances(found, "would respond decisively") == {"warns"}
