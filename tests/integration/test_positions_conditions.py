"""What a party says it will do on a condition is an offer when what it will do is to consider
what the other side brings ("If the company puts a written offer on the table, we will look at
it", "... we will put it to our members"), and a warning when it is a hostile act ("If they cut
one more job, we will walk out"), whatever the condition; and a workforce named by its trade
("Ferry crews at Skarra will strike ..., the Seafarers' Guild said") is the reporting party's
people, not the place or route it works on; in a body's own bulletin, a person it introduces by
a post of its staff alone ("Regional organiser Petra Valkonen") speaks for the body, and another
body's post ("Greyline depot manager Arno Pike") does not. Texts written for these tests; the
packaged spaCy model.
"""

from __future__ import annotations

import pytest

from index.metadata import guess_title
from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


WIRE = (
    "Harrowgate Freight Union press release\n\n"
    "The Harrowgate Freight Union said on Tuesday that it had met the Quenby Port Company "
    "twice this month.\n\n"
    '"If the company puts a written offer on the table, we will look at it seriously," the '
    "union's general secretary, Odile Marchetti, said.\n\n"
    '"If Quenby brings a proper proposal, we will put it to our members," she added.\n\n'
    '"If the company is prepared to talk, we would consider pausing the overtime ban," '
    "Marchetti said.\n\n"
    '"If they cut one more job, we will walk out," Marchetti said.\n'
)


def test_considering_what_the_other_side_brings_is_an_offer(reader):
    found = _read(reader, WIRE)
    assert stances(found, "we will look at it seriously") == {"offers"}, found
    assert stances(found, "we will put it to our members") == {"offers"}, found
    assert stances(found, "we would consider pausing") == {"offers"}, found


def test_a_hostile_act_on_a_condition_stays_a_warning(reader):
    found = _read(reader, WIRE)
    assert stances(found, "we will walk out") == {"warns"}, found


CREWS = (
    "Ferry strike threat grows on the Skarra crossing\n\n"
    "SKARRA, March 3 (Coastal Wire Service) - Talks between the Merrow Ferry Company and its "
    "crews broke down on Monday.\n\n"
    "Ferry crews at Skarra will strike from Friday unless the company restores the night rota, "
    "the Seafarers' Guild said.\n\n"
    "The company wants the rota to end in April, a spokesman for the Merrow Ferry Company "
    "said.\n\n"
    "Deckhands on the Merrow route will refuse overtime from next week, the Guild says.\n"
)


def test_a_workforce_named_by_its_trade_is_the_reporting_partys(reader):
    found = _read(reader, CREWS)
    assert holders(found, "Ferry crews at Skarra will strike") == {"Seafarers' Guild"}, found
    assert holders(found, "Deckhands on the Merrow route") == {"Seafarers' Guild"}, found
    assert holders(found, "The company wants the rota") == {"Merrow Ferry Company"}, found


BULLETIN = (
    "Members' Bulletin of the Tarrow Bus Workers' Union\n\n"
    "Issue 14, June\n\n"
    "Pay talks with Greyline Coaches resumed on Monday after a six-week pause.\n\n"
    "Regional organiser Petra Valkonen-Ashe said the meal allowance was not for sale.\n\n"
    '"We want the full 6 per cent backdated to April," Valkonen-Ashe said.\n\n'
    "Greyline depot manager Arno Pike told drivers the firm would not go above 3 per cent.\n\n"
    '"We cannot afford more this year," Pike said.\n'
)


def test_a_post_of_the_publishers_staff_speaks_for_the_publisher(reader):
    found = _read(reader, BULLETIN, title="Members' Bulletin of the Tarrow Bus Workers' Union")
    union = "Tarrow Bus Workers' Union"
    assert holders(found, "We want the full 6 per cent") == {union}, found
    assert union not in holders(found, "We cannot afford more"), found


JOINT = (
    "Joint statement by the Harrowmere Wetlands Preservation Society (HWPS) and the Lower "
    "Kessel Anglers' Federation (LKAF) on the Brandle Marsh drainage permit\n\n"
    "Kesselford, 2 May\n\n"
    "On 30 April the Kessel Water Board granted Ostley Aggregates Ltd a permit to drain 200 "
    "hectares of Brandle Marsh.\n\n"
    "We call on the Board to suspend the permit until a full survey of the marsh is published.\n\n"
    "We will not take part in any review that cannot stop the pumps.\n"
)


def test_a_joint_statement_whose_long_title_lists_two_bodies_is_both_of_theirs(reader):
    title = guess_title(JOINT)
    found = _read(reader, JOINT, title=title)
    both = {"Harrowmere Wetlands Preservation Society", "Lower Kessel Anglers' Federation"}
    assert holders(found, "We call on the Board to suspend") == both, (title, found)
    assert holders(found, "We will not take part") == both, (title, found)


WIRE_TITLES = (
    "Fishing row deepens between Quorvath and Ebbmarra\n\n"
    "VARTHOLM, June 4 (Northern Wire) - Talks on the mackerel quota broke down on Tuesday.\n\n"
    "Ebbmarran Maritime Secretary Doran Pellacott said on Wednesday that his government wanted "
    "Quorvath to return to its 2019 share before the spring season.\n\n"
    '"We will not sign anything that rewards a country for tearing up an agreement," he said.\n\n'
    "Quessarian tech firm Orvexa Technologies on Tuesday rejected a record fine imposed by the "
    "regulator.\n"
)


def test_a_portfolio_and_a_firms_nationality_are_no_parties(reader):
    found = _read(reader, WIRE_TITLES)
    # "Maritime Secretary" is a portfolio: the state his title names speaks
    assert holders(found, "his government wanted Quorvath") == {"Ebbmarra"}, found
    assert holders(found, "We will not sign anything") == {"Ebbmarra"}, found
    # "Quessarian tech firm Orvexa Technologies": the firm, not its country
    assert holders(found, "rejected a record fine") == {"Orvexa Technologies"}, found


MINUTES = (
    "Minutes of the Planning Committee, Dunmere Borough Council, 12 March\n\n"
    "Present: Councillor Ama Kettle (Chair); Councillors Rolf Hay and Ines Varga.\n\n"
    "Item 4: Application 24/0211/FUL, Old Tannery, Mill Street. Demolition and erection of a "
    "six-storey building. Applicant: Pelham Greaves Homes Ltd. Agent: Mr Osric Dunstable, "
    "Tarrant Planning.\n\n"
    "4.1 Mr Dunstable, speaking on behalf of the applicant, said that the scheme met every "
    "policy in the local plan. He said that the applicant would not reduce the number of "
    "flats. He offered to fund a new crossing on Mill Street.\n"
)


def test_a_planning_agent_speaks_for_the_applicant_the_header_names(reader):
    found = _read(reader, MINUTES, title=guess_title(MINUTES))
    homes = "Pelham Greaves Homes"
    assert {h.removesuffix(" Ltd") for h in holders(found, "would not reduce")} == {homes}, found
    assert {h.removesuffix(" Ltd") for h in holders(found, "He offered to fund")} == {homes}, found


HESITATE = (
    "Regulator sets deadline for Pellimo data transfers\n\n"
    "KASSEL, May 2 (Northern Wire) - The Commission for Data Integrity on Friday gave Orvexa "
    "Technologies until June 30 to stop the transfers.\n\n"
    "A Commission spokesman, Ansel Brack, said the Commission would not hesitate to impose daily "
    "penalty payments if the transfers continued after that date.\n\n"
    "Councillor Ida Penn said the site offered one of the last open views of the river.\n"
)


def test_not_hesitating_to_punish_warns_and_a_site_offers_nothing(reader):
    found = _read(reader, HESITATE)
    assert stances(found, "would not hesitate to impose") == {"warns"}, found
    assert stances(found, "the site offered") == set(), found


# A company's promise to its customers put as a refusal of its own harmful act: "no question of
# us passing the cost on" guarantees; "no question of accepting the levy" refuses.
PASSED_ON = (
    "Tarnhollow Mills statement on the grain levy\n\n"
    "Tarnhollow Mills Ltd said on Wednesday that the new grain levy would add 4 percent to its "
    "costs.\n\n"
    '"There is no question of us passing the cost on to bakers this year," Tarnhollow\'s chief '
    "executive, Ilse Varrow, said.\n\n"
    '"With flour at record prices, the ministry\'s offer would mean closing two mills," she '
    "said.\n\n"
    '"We will not pass the increase on to our customers," she added.\n\n'
    '"There is no question of the company accepting the levy in its current form," Varrow said.\n'
)


def test_not_passing_a_cost_on_is_a_promise_not_a_refusal(reader):
    found = _read(reader, PASSED_ON)
    assert stances(found, "no question of us passing") == {"assures"}, found
    assert stances(found, "We will not pass the increase on") == {"assures"}, found
    assert stances(found, "no question of the company accepting") == {"rejects"}, found


def test_what_an_offer_would_mean_is_no_offer(reader):
    found = _read(reader, PASSED_ON)
    assert not stances(found, "offer would mean closing"), found
    assert stances(found, "We will not pass the increase on"), found  # the quotes around it read


# An ultimatum put as "either ... or there is no agreement" warns; "out of the question" rules
# out; what "approval would depend on" is demanded; asking the courts to review is legal action.
TERMS = (
    "Toll row deepens on the Harwen crossing\n\n"
    "HARWEN, May 2 (Coastal Wire Service) - Talks between Selvane and Ostrick on the Harwen "
    "bridge tolls ended on Friday without a deal.\n\n"
    '"Either the tolls come down by June, or there is no agreement to speak of," Selvane\'s '
    "transport minister, Irmak Dovel, said.\n\n"
    "Ostrick says a cut before the autumn is out of the question.\n\n"
    "Ostrick's transport minister, Pell Aradi, said approval of any new timetable would depend "
    "on a signed maintenance plan.\n\n"
    "The Harwen Residents' Association said it will ask the courts to review any toll order the "
    "ministers sign.\n\n"
    '"Nothing is off the table if the tolls stay," Dovel said.\n'
)


def test_ultimatums_refusals_and_terms_take_their_stance(reader):
    found = _read(reader, TERMS)
    assert stances(found, "or there is no agreement") == {"warns"}, found
    assert stances(found, "out of the question") == {"rejects"}, found
    assert stances(found, "would depend on a signed") == {"demands"}, found
    assert stances(found, "ask the courts to review") == {"warns"}, found
    assert "rejects" not in stances(found, "Nothing is off the table"), found
