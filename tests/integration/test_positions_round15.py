"""Forms met in blind round 15, each on a text written for the test: a verbatim record's
delegates ("MR. HALVORSEN (Tennland):"), a quoted letter that a letter hands over to ("X told
us:" / '"We are not in a position to ..."'), a body's chair named by the body's kind ("council
chair X" after "the town council of Y"), an office whose name the tagger cut short, a strike
ballot that "will open" (no readiness), and what will not befall a service (a guarantee).
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


RECORD = (
    "The meeting was called to order at 3.10 p.m.\n\n"
    "THE PRESIDENT: I give the floor to the representative of Tennland.\n\n"
    "MR. HALVORSEN (Tennland): Thank you, Mr. President. My Government demands the immediate "
    "release of the fishing crew detained on 2 April. We are ready to accept an inquiry by "
    "neutral observers.\n\n"
    "THE PRESIDENT: I now give the floor to the representative of Ostravia.\n\n"
    "MS. KOVAC (Ostravia): Ostravia rejects the account we have just heard. We will not "
    "release the crew before the court has ruled.\n\n"
    "THE PRESIDENT: The representative of Tennland has asked for the floor.\n"
)


def test_a_verbatim_records_delegates_speak_for_the_states_in_their_labels(reader):
    found = _read(reader, RECORD, source="Assembly of the Northern Sea States, Official Records")
    assert holders(found, "My Government demands") == {"Tennland"}
    assert stances(found, "My Government demands") == {"demands"}
    assert holders(found, "We are ready to accept an inquiry") == {"Tennland"}
    assert holders(found, "We will not release the crew") == {"Ostravia"}
    # the delegate's title does not end a sentence and leave the label in the statement
    assert any(t.startswith("Ostravia rejects the account") for _, _, t in found)
    assert not [t for _, _, t in found if "asked for the floor" in t]  # a delegate asks to speak


LETTER = (
    "Dear Minister Okafor,\n\n"
    "Re: Garrow Hill quarry - planning application by Torvale Energy Ltd\n\n"
    "I write on behalf of the 310 households of the Garrow Hill Residents' Association about "
    "the application by Torvale Energy Ltd to open a quarry next to the village school.\n\n"
    "In its letter to the association of 12 May, signed by its project director, Piet Koster, "
    "Torvale Energy told us:\n\n"
    '"We are not in a position to move the haul road away from the school. We will, however, '
    "limit blasting to school holidays. Torvale also guarantees that no lorry will use School "
    'Lane."\n\n'
    "We cannot accept this. We ask you to refuse consent for the quarry.\n\n"
    "Yours faithfully,\nNora Pell\nChair, Garrow Hill Residents' Association\n"
)


def test_a_quoted_letter_after_told_us_is_the_quoted_partys(reader):
    found = _read(reader, LETTER, source="Garrow Hill Residents' Association")
    assert holders(found, "not in a position to move the haul road") == {"Torvale Energy"}
    assert stances(found, "not in a position to move the haul road") == {"rejects"}
    assert holders(found, "limit blasting to school holidays") == {"Torvale Energy"}
    assert holders(found, "We ask you to refuse consent") == {"Garrow Hill Residents' Association"}


def test_the_addressees_letter_quoted_after_your_letter_states(reader):
    text = (
        "Ms Petra Lund\nChief Executive\nWestvale Bus Company\n\n"
        "Dear Ms Lund,\n\n"
        "We write about the withdrawal of the number 12 route.\n\n"
        "Your letter of 4 May states:\n\n"
        '"We will not restore the evening service on route 12."\n\n'
        "We ask the company to restore it by September.\n"
    )
    found = _read(reader, text, source="Westvale Passengers' Forum")
    said = holders(found, "will not restore the evening service")
    assert said and "Westvale Passengers' Forum" not in said


def test_a_body_named_as_the_kind_of_place_it_governs_keeps_its_chair(reader):
    text = (
        "BRENNA, May 4 (Wire) - The town council of Brenna demanded on Monday that Holt Chemicals "
        "stop discharging into the Lys.\n\n"
        '"If Holt keeps discharging, we will take the company to court," council chair Ida '
        "Moreau told reporters.\n"
    )
    found = _read(reader, text, source="Wire")
    said = holders(found, "we will take the company to court")
    assert said and all("Moreau" not in h for h in said)
    assert stances(found, "we will take the company to court") == {"warns"}


def test_an_offices_whole_name_holds_its_order(reader):
    text = (
        "On 2 July the Office of the Data Protection Commissioner ordered us to delete the logs. "
        "We have appealed.\n\n"
        "It has told us that it will not extend the deadline.\n"
    )
    found = _read(reader, text, source="Lumen Power")
    office = "Office of the Data Protection Commissioner"
    assert holders(found, "ordered us to delete") == {office}
    assert holders(found, "will not extend the deadline") == {office}


def test_a_ballot_that_will_open_on_a_condition_is_a_warning(reader):
    text = (
        "If the trust has not replied by 9 June, the union will open statutory ballots for "
        "industrial action at both hospitals.\n\n"
        "We will open the booking system to every independent clinic on the same terms.\n"
    )
    found = _read(reader, text, source="Harlow Health Workers' Union")
    assert stances(found, "will open statutory ballots") == {"warns"}
    assert stances(found, "open the booking system") == {"offers"}


def test_what_will_not_befall_a_service_is_a_guarantee(reader):
    text = (
        "The board met on Monday to review the drought plan.\n\n"
        "I say to every customer in Marlow: your taps will not run dry this summer.\n\n"
        "Household supplies will not be restricted under any circumstances.\n\n"
        "We will not delay the tariff review.\n"
    )
    found = _read(reader, text, source="Marlow Water")
    assert stances(found, "your taps will not run dry") == {"assures"}
    assert stances(found, "will not be restricted") == {"assures"}
    assert stances(found, "We will not delay the tariff review") == {"rejects"}


MINUTES = (
    "4. Proposed merger of Ashby Lane Primary School (agenda Item 6)\n"
    "The Superintendent summarised the plan. The building requires an estimated $2.1 million of "
    "repairs.\n\n"
    "Public comment\n"
    "Marta van Leeuwen, chair of the Ashby Lane Parents' Association, presented a petition. "
    "Ms. van Leeuwen called on the Board to delay the vote until June.\n\n"
    "Councillor Omar Reyes addressed the Board on behalf of Fenwick Borough Council. "
    "Councillor Reyes asked the Board to keep the crossing guard at Mill Road.\n"
)


def test_minutes_give_speakers_the_bodies_they_are_introduced_for(reader):
    found = _read(reader, MINUTES, source="Fenwick School District Board of Education")
    assert holders(found, "called on the Board to delay") == {"Ashby Lane Parents' Association"}
    assert holders(found, "asked the Board to keep the crossing guard") == {
        "Fenwick Borough Council"
    }
    # a numbered heading with its bracket, and what a building requires, state no position
    assert not [t for _, _, t in found if "Proposed merger" in t or "building requires" in t]


def test_a_government_spokespersons_army_is_her_governments(reader):
    text = (
        "PRESENTER: Tonight we hear from both sides.\n\n"
        "COMMANDER OSEI: We demand that the army pull back to the old lines.\n\n"
        "PRESENTER: With me is Ngozi Ferreira-Lind, spokesperson for the Government of Tamaru. "
        "Will the government pull its troops back?\n\n"
        "FERREIRA-LIND: Let me be clear: the army will not withdraw from any part of our "
        "territory because an armed group demands it.\n"
    )
    found = _read(reader, text, source="Evening Hour")
    assert holders(found, "the army will not withdraw") == {"Government of Tamaru"}


def test_anyone_who_wants_to_come_is_welcome_is_an_invitation(reader):
    text = (
        "We reject the accusation. Any independent inspector who wants to visit our depots is "
        "welcome, and we will give them full access.\n"
    )
    found = _read(reader, text, source="Northern Valley Front")
    assert stances(found, "who wants to visit our depots is welcome") == {"offers"}


def test_a_chief_executive_named_bare_after_a_paragraph_on_the_company(reader):
    text = (
        "LORVAN, May 2 (LPA) - Pilots at Norvik Airlines threatened on Friday to strike.\n\n"
        "Norvik Airlines, which is 40 percent state-owned, had offered 3 percent before talks broke "
        "down on Tuesday.\n\n"
        "Chief executive Hanne Kaldor said in a statement that the company could not meet the "
        "union's demands this year.\n\n"
        '"We will not sign a deal we cannot pay for," she said.\n'
    )
    found = _read(reader, text, source="Lorvan Press Agency")
    assert holders(found, "could not meet the union's demands") == {"Norvik Airlines"}
    assert stances(found, "could not meet the union's demands") == {"rejects"}
    assert holders(found, "We will not sign a deal") == {"Norvik Airlines"}


def test_a_delegate_whose_state_only_the_label_names_holds_its_offer(reader):
    text = (
        "THE PRESIDENT: I give the floor to the representative of Norrholm.\n\n"
        "MR. BERGQVIST (Norrholm): Norrholm is deeply concerned by the clashes. Norrholm is "
        "also willing to host talks between the two parties, if both sides agree. My delegation "
        "has no objection to an inquiry, provided that it covers both sides of the river.\n"
    )
    found = _read(reader, text, source="Assembly of the Northern Sea States, Official Records")
    assert holders(found, "willing to host talks") == {"Norrholm"}
    assert stances(found, "no objection to an inquiry") == {"offers"}


def test_a_pseudo_cleft_names_the_act_before_what_is_asked_or_given(reader):
    text = (
        "The committee voted to hold rates.\n\n"
        "What we do ask of the government is a credible plan to cut the deficit by 2028.\n\n"
        "What we can do is limit any increase to the rate of inflation.\n\n"
        "What we cannot do is sign a deal today that puts next year's budget at risk.\n\n"
        "What we ask in return is straightforward.\n"
    )
    found = _read(reader, text, source="Central Bank of Ostmark")
    assert stances(found, "What we do ask of the government") == {"demands"}
    assert stances(found, "What we can do is limit") == {"offers"}
    assert stances(found, "What we cannot do is sign") == {"rejects"}
    assert not stances(found, "What we ask in return is straightforward")


def test_keeping_to_a_ruling_or_a_supply_is_a_guarantee_and_court_not_ruled_out_a_threat(reader):
    text = (
        "KORVALE, March 14 (Meridian Press Agency) - Tallis Mining rejected the council's "
        "demand on Thursday.\n\n"
        "Tallis said it would comply with the agency's ruling. It has not ruled out challenging "
        "a suspension in court, however.\n\n"
        "Brenvik Stål, Ostmark's largest steelmaker, said it would continue to supply its "
        "Norrholm customers at contracted prices until June.\n\n"
        "The Front said its fighters would respect a local truce around the hospital if the "
        "army did the same.\n"
    )
    found = _read(reader, text, source="Meridian Press Agency")
    assert stances(found, "would comply with the agency's ruling") == {"assures"}
    assert stances(found, "not ruled out challenging a suspension in court") == {"warns"}
    assert holders(found, "would continue to supply") == {"Brenvik Stål"}
    assert stances(found, "would continue to supply") == {"assures"}
    assert stances(found, "would respect a local truce") == {"offers"}


def test_a_minister_for_a_long_portfolio_at_question_time_speaks_for_the_government(reader):
    text = (
        "THE SPEAKER: Order. Questions to the Minister for Home Affairs. Mrs. Varga.\n\n"
        "MRS. VARGA (Civic Alliance): We demand that the Minister publish the full cost "
        "assessment before second reading.\n\n"
        "MINISTER OKORO (Minister for Home Affairs): I will not withdraw a bill that this House "
        "voted to consider six weeks ago.\n"
    )
    found = _read(reader, text, source="House of Assembly of Tessaly, Official Report")
    assert holders(found, "I will not withdraw a bill") == {"Government of Tessaly"}
    assert holders(found, "We demand that the Minister publish") == {"Civic Alliance"}


def test_the_regulators_inspector_quoted_in_a_companys_release_is_the_regulators(reader):
    text = (
        "The Office of Rail Safety inspected the door cameras in July.\n\n"
        "The regulator's chief inspector, Mara Lindqvist, wrote to us: \"We will not permit "
        'driver-only operation at any platform where the driver cannot see the whole train."\n\n'
        "Passengers can be assured that no train will run driver-only until the regulator has "
        "confirmed in writing that every condition has been met.\n"
    )
    found = _read(reader, text, source="Eastmarch Rail")
    assert holders(found, "We will not permit driver-only operation") == {"Office of Rail Safety"}
    assert holders(found, "Passengers can be assured") == {"Eastmarch Rail"}


def test_a_foreign_minister_is_not_the_one_water_ministry_named(reader):
    text = (
        "SALTHOLM, June 14 (CNS) - The Kingdom of Merrow demanded that the Republic of Kesh "
        "suspend the filling of the Tarvo dam.\n\n"
        '"We will not stand by while our river is turned off," Foreign Minister Lina Hadd told '
        "reporters in Saltholm.\n\n"
        "In Doruk, Kesh's Ministry of Water and Energy rejected the demand.\n\n"
        "Hadd said her government would take the matter to the Security Council.\n"
    )
    found = _read(reader, text, source="Central News Service")
    for words in ("We will not stand by", "Security Council"):
        assert "Kesh's Ministry of Water and Energy" not in holders(found, words)


def test_what_is_judged_set_out_or_agreed_at_a_meeting_is_no_new_position(reader):
    text = (
        "We want to set out clearly where we stand and what we are offering to the drivers' "
        "union.\n\n"
        "The Minister's assurance is welcome.\n\n"
        "It was agreed that the club will publish the cost breakdown by 20 March.\n\n"
        "We will not sell the ground.\n"
    )
    found = _read(reader, text, source="Ostmark Rovers FC")
    assert [t for _, _, t in found] == ["We will not sell the ground."]


def test_a_condition_that_names_a_threat_does_not_make_the_offer_a_threat(reader):
    text = (
        "The Government would be willing to write that figure into the bill if the opposition "
        "drops its threat of a court challenge.\n\n"
        "The Office would suspend the company's licence immediately if any platform failed the "
        "audit.\n\n"
        "If the Authority approves the cut without a hearing, we will apply for a judicial "
        "review.\n"
    )
    found = _read(reader, text, source="Ministry of Transport")
    assert stances(found, "willing to write that figure") == {"offers"}
    assert stances(found, "suspend the company's licence") == {"warns"}
    assert stances(found, "apply for a judicial review") == {"warns"}


def test_what_people_will_be_given_is_a_guarantee_and_terminating_on_a_condition_a_threat(reader):
    text = (
        "The council met on Monday.\n\n"
        "Traders in the Old Market will be compensated for any damage on Saturday, whatever its "
        "cause.\n\n"
        "If the money is not in our account by March 31, we will terminate the agreement and "
        "offer the rights to other bidders.\n"
    )
    found = _read(reader, text, source="City of Ostmark")
    assert stances(found, "will be compensated") == {"assures"}
    assert stances(found, "we will terminate the agreement") == {"warns"}
