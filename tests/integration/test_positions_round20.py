"""Forms the blind real-news batches of stop 52 showed wrong, each on a text written for the
test: a vow to impose a cost on another party (a threat, not an assurance), a warning to someone
to do something (an instruction, so a demand), a president-elect (in office in his own name), a
pronoun after a quote that names someone else, and another's remarks called baseless or
off-base (a rejection).
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


TARIFFS = (
    "President-elect Mara Velden vowed on Monday that on her first day in office she would impose "
    "a 20% levy on all freight crossing the Dunmore bridge from Calverton. Velden wrote in a "
    "post on social media.\n\n"
    '"This levy will stay until Calverton and its mayor, Piet Haller, stop dumping waste in our '
    'river!" she wrote on social media.\n\n'
    '"We demand that Calverton clean up the river by June."\n\n'
    "Calverton's council said Velden's remarks were baseless.\n"
)


@pytest.fixture(scope="module")
def tariffs(reader):
    return _read(reader, TARIFFS, source="Dunmore Courier")


def test_a_vow_to_impose_a_cost_on_another_party_is_a_warning(tariffs):
    assert stances(tariffs, "would impose a 20% levy") == {"warns"}


def test_an_elected_person_not_yet_in_office_holds_in_her_own_name(tariffs):
    assert holders(tariffs, "would impose a 20% levy") == {"Mara Velden"}


def test_she_after_a_quote_is_its_speaker_not_someone_the_quote_names(tariffs):
    assert holders(tariffs, "clean up the river") == {"Mara Velden"}
    assert stances(tariffs, "clean up the river") == {"demands"}


def test_anothers_remarks_called_baseless_are_rejected(tariffs):
    assert stances(tariffs, "remarks were baseless") == {"rejects"}
    assert holders(tariffs, "remarks were baseless") == {"Calverton"}


RECALL = (
    "Harlow Motors on Tuesday warned owners of its Sela electric vans to stop driving them "
    "because a rear axle bolt may loosen.\n\n"
    "The company said dealers would replace the bolts free of charge. Harlow Motors said reports "
    "that the vans had caught fire were false.\n\n"
    "Harlow Motors also said it was prepared to pay half the cost of towing the vans.\n"
)


@pytest.fixture(scope="module")
def recall(reader):
    return _read(reader, RECALL, source="Wire")


def test_warning_someone_to_do_something_is_a_demand(recall):
    assert stances(recall, "to stop driving them") == {"demands"}
    assert holders(recall, "to stop driving them") == {"Harlow Motors"}


def test_an_offer_to_pay_a_cost_stays_an_offer(recall):
    assert stances(recall, "prepared to pay half the cost") == {"offers"}


CLEANUP = (
    "President Hana Orlov said on Monday that Kestrel Mining should pay for the cleanup of the "
    "Vesna river.\n\n"
    "Kestrel Mining said it had not been told of any spill. Orlov told reporters the company had "
    "known for weeks.\n"
)


@pytest.fixture(scope="module")
def cleanup(reader):
    return _read(reader, CLEANUP, source="Wire")


def test_what_a_speaker_says_another_should_do_is_the_speakers_demand(cleanup):
    # a president the story links to no state speaks in her own name, not the company's
    assert holders(cleanup, "should pay for the cleanup") == {"Hana Orlov"}
    assert stances(cleanup, "should pay for the cleanup") == {"demands"}


NOT_POSITIONS = (
    "The Brenmoor Farmers Union said on Tuesday that growers would not be able to sell their "
    "grain abroad under the new rules.\n\n"
    "There is strong pent-up demand for grain storage, analysts at Harl Bank said.\n\n"
    "Sen. Ada Kell said the short-sighted proposal was yet another example of the ministry "
    "ignoring farmers.\n\n"
    "Throughout his election campaign, Premier Olek Varn threatened to scrap the grain subsidy.\n\n"
    "The union said it would not accept the new rules.\n"
)


@pytest.fixture(scope="module")
def not_positions(reader):
    return _read(reader, NOT_POSITIONS, source="Wire")


def test_what_people_will_not_be_able_to_do_is_no_refusal(not_positions):
    assert "rejects" not in stances(not_positions, "would not be able to sell")
    # the union's own refusal in the same story stays
    assert stances(not_positions, "would not accept the new rules") == {"rejects"}


def test_a_markets_demand_is_no_partys_demand(not_positions):
    assert holders(not_positions, "pent-up demand") == set()


def test_anothers_proposal_called_an_example_of_something_is_not_the_speakers_offer(
    not_positions,
):
    assert "offers" not in stances(not_positions, "short-sighted proposal")


def test_a_threat_made_during_a_past_campaign_is_history(not_positions):
    assert holders(not_positions, "threatened to scrap") == set()


def test_each_of_three_parties_named_together_holds_the_position(reader):
    found = _read(
        reader,
        "Kestrel Mining, Brindle Energy and Harwick Steel offered the union a 4% raise on "
        "Monday.\n",
        source="Wire",
    )
    assert holders(found, "offered the union a 4% raise") == {
        "Kestrel Mining",
        "Brindle Energy",
        "Harwick Steel",
    }


DUTIES = (
    "President Mara Velden spoke to reporters at the Velden Grand Hotel in Dunmore on Monday.\n\n"
    "Velden said she will place tariffs on steel and copper from Calverton. She said she also plans to "
    "impose sweeping tariffs on Calverton's timber.\n\n"
    "Velden has not been able to fulfil her promise to cut fuel duty.\n\n"
    "Supreme Leader Oren Tal promised revenge.\n"
)


@pytest.fixture(scope="module")
def duties(reader):
    return _read(reader, DUTIES, source="Wire")


def test_tariffs_a_party_will_lay_on_another_are_a_warning(duties):
    assert stances(duties, "will place tariffs on steel") == {"warns"}
    assert stances(duties, "plans to impose sweeping tariffs") == {"warns"}


def test_a_surname_is_not_the_hotel_named_after_her(duties):
    assert holders(duties, "will place tariffs on steel") == {"Mara Velden"}


def test_what_a_party_has_not_been_able_to_do_is_no_refusal(duties):
    assert "rejects" not in stances(duties, "has not been able to fulfil")


def test_supreme_is_a_titles_word_not_a_party(duties):
    assert "Supreme" not in holders(duties, "promised revenge")


def test_its_ministry_is_the_state_the_story_was_just_about(reader):
    found = _read(
        reader,
        "Calverton's government on Friday rejected the new duties. Its trade ministry called "
        "for Dunmore to cancel the duties at once.\n",
        source="Wire",
    )
    assert holders(found, "cancel the duties at once") == {"Calverton"}


def test_a_call_told_as_dating_back_to_a_past_campaign_is_history(reader):
    found = _read(
        reader,
        "Dating back to the 2020 campaign, the Brenmoor Party has called for a ban on fracking, "
        "its leader said. The Brenmoor Party has also called for a ban on coal imports, its "
        "leader said.\n",
        source="Wire",
    )
    assert holders(found, "ban on fracking") == set()
    assert holders(found, "ban on coal imports") == {"Brenmoor Party"}


def test_his_campaign_speaks_for_him(reader):
    found = _read(
        reader,
        "Governor Tom Hale defended the budget on Monday. His campaign called for two more "
        "debates.\n",
        source="Wire",
    )
    assert holders(found, "two more debates") == {"Tom Hale"}


def test_a_company_named_by_its_first_word_stays_the_company(reader):
    found = _read(
        reader,
        "Kestrel Mining said on Monday it would cut 200 jobs. At Kestrel, the union said it "
        "would strike. Kestrel said it would not negotiate.\n",
        source="Wire",
    )
    assert holders(found, "would not negotiate") == {"Kestrel Mining"}
