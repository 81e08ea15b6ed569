"""Sentences that look like positions but are not, on short texts written for these tests (not
the eval texts): a vote already held is a decision taken ("our councils voted on 12 June to
oppose the closure", "87 percent voted against the offer"), while a vote promised ("we will
vote against") is a position; what a body "must" do in a relative clause describes its duty ("the
Office, which must approve any restriction, said ...") and demands nothing; an armed group
named "... Defence Forces" is the group whose spokesman speaks; "That is simply not true" denies
the other side's claim (rejects), "It is true that ..." states a fact; "we will not raise
prices" promises (assures) where "we will not accept" refuses, and "fees have not risen" is a
fact. Uses the packaged spaCy model."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_a_vote_already_held_is_a_decision_not_a_position(reader):
    text = (
        "The three councils of the Lauvmark valley oppose the closure of the line.\n\n"
        "Our councils voted unanimously on 3 May to oppose the closure.\n\n"
        "In a ballot that closed on Friday, 81 percent of members voted against the offer.\n\n"
        "We will vote against any budget that cuts the Sunday service.\n"
    )
    found = read(reader, text, source="Lauvmark Valley Councils")
    assert not holders(found, "voted unanimously on 3 May")
    assert not holders(found, "81 percent of members voted against")
    assert [s for _, s, t in found if t.startswith("We will vote against")] == ["rejects"]


def test_a_duty_in_a_relative_clause_is_no_demand(reader):
    text = (
        "The Rail Standards Office, which must approve any timetable change, said it had "
        "received 400 complaints.\n\n"
        "The Ministry of Transport, which must sign off the final plan, did not respond to a "
        "request for comment.\n\n"
        "The Rail Workers' Union said the operator must restore the Sunday service.\n"
    )
    found = read(reader, text, source="Coastline Wire")
    assert not holders(found, "which must approve")
    assert not holders(found, "which must sign off")
    assert holders(found, "must restore the Sunday service")


def test_an_armed_group_named_forces_is_the_group_its_spokesman_speaks_for(reader):
    text = (
        "KELVAN, March 14 (MPA) - The Orrin Valley Defence Forces said on Friday they would "
        "hold fire around the town for 72 hours, but the government said it would not agree "
        "to a pause on the rebels' terms.\n\n"
        "About 40,000 people remain in the town, according to the Relief Coordination Office "
        "of the League of Nations, which has run talks between the two sides since March.\n\n"
        '"We will silence our guns from six o\'clock on Sunday morning for three days," the '
        "group's spokesman, Arvo Daskin, said in a voice message.\n"
    )
    found = read(reader, text, source="Meridian Press Agency")
    assert holders(found, "We will silence our guns") == {"Orrin Valley Defence Forces"}


def test_a_claim_denied_is_a_rejection_but_a_fact_called_true_is_not(reader):
    text = (
        "KIRA VOSS: Some say the Board is making an example of the bank. That is simply not "
        "true.\n\n"
        "KIRA VOSS: The report that we were warned in 2023 is false.\n\n"
        "KIRA VOSS: It is true that the fine is the largest we have imposed.\n"
    )
    found = read(reader, text, source="Ostwald Financial Conduct Board")
    assert [s for _, s, t in found if t.startswith("That is simply not true")] == ["rejects"]
    assert not holders(found, "It is true that the fine")


def test_a_promise_not_to_raise_prices_assures_and_a_past_fact_is_no_position(reader):
    text = (
        "We will not raise prices for any customer in the middle of a contract.\n\n"
        "Our navy will not enter the disputed zone while the talks go on.\n\n"
        "We will not accept the regulator's new price cap.\n\n"
        "Legal aid fees have not risen since 2011.\n"
    )
    found = read(reader, text, source="Tidewater Broadband")

    def stance(opening: str) -> list[str]:
        return [s for _, s, t in found if t.startswith(opening)]

    assert stance("We will not raise prices") == ["assures"]
    assert stance("Our navy will not enter") == ["assures"]
    assert stance("We will not accept") == ["rejects"]
    assert not holders(found, "have not risen since 2011")


def test_what_the_speaker_will_give_or_stop_is_an_offer(reader):
    # a concession in three shapes: "will accept" a thing, every one of a group "will be
    # offered" something (passive: the speaker gives it), and "will suspend our shelling"
    text = (
        "Brightwater Homes, statement, 3 May\n\n"
        "Every tenant of the Kell Street blocks will be offered a flat of the same size on the "
        "estate. The company will accept an independent survey of the cladding before any "
        "demolition.\n\n"
        'SELVAN, May 4 (MPA) - "We will suspend our shelling of the ridge for two days," the '
        "Selvan Hills Brigades' spokesman, Ilan Dorsk, said.\n"
    )
    found = read(reader, text, source="Brightwater Homes")
    offered = [(h, s) for h, s, t in found if t.startswith("Every tenant")]
    assert offered == [("Brightwater Homes", "offers")], found
    survey = [(h, s) for h, s, t in found if "independent survey" in t]
    assert survey == [("Brightwater Homes", "offers")], found
    assert [s for _, s, t in found if "suspend our shelling" in t] == ["offers"], found


def test_a_records_questions_votes_and_invitations_state_no_position(reader):
    # a written question, a vote's outcome and a chair's invitation to speak are procedure
    text = (
        "OFFICIAL REPORT\n\n"
        "To ask the Secretary of State for Housing whether she will reject the Harlow Quay "
        "scheme.\n\n"
        "Carried unanimously (9 in favour, none opposed).\n\n"
        "The Chair invited Mr Oduya of the Harlow Quay Residents' Group to address the "
        "committee.\n\n"
        "We demand that the council publish the flood report before any vote.\n"
    )
    found = read(reader, text, source="Harlow Borough Council")
    assert [t[:9] for _, _, t in found] == ["We demand"], found


def test_there_will_be_no_losses_is_a_guarantee_and_no_money_a_refusal(reader):
    text = (
        "Greyfold Homes, statement, 9 October\n\n"
        "There will be no evictions on the Marsh Lane estate this winter. There will be no "
        "further money for the tenants' legal costs.\n"
    )
    found = read(reader, text, source="Greyfold Homes")
    assert [s for _, s, _ in found] == ["assures", "rejects"], found


def test_asking_ones_own_officials_is_no_demand(reader):
    text = (
        "REPORTER: What happens if the ferries stop?\n\n"
        "HALE: I have asked officials to prepare a contingency plan for the ferry routes. We "
        "ask Islandlink to restore the winter timetable by Monday.\n"
    )
    found = read(reader, text, source="Ministry of Transport of Corland")
    assert [t[:8] for _, _, t in found] == ["We ask I"], found


def test_what_is_given_on_a_condition_is_an_offer(reader):
    # returning to work and matching the others are concessions, whatever the condition; a
    # strike on a condition stays a warning
    text = (
        "KELBY, Oct 2 (NPA) - The Kelby Drivers' Union said its members would return to work at "
        "once if the company put a written offer on the table. Marrow Buses said it would "
        "contribute to a night-bus fund if the other two operators did the same. The union "
        "said its members would strike again if the depot closed.\n"
    )
    found = read(reader, text, source="Northern Press Agency")
    assert [s for _, s, _ in found] == ["offers", "offers", "warns"], found


def test_people_who_will_not_be_left_without_are_promised_it(reader):
    text = (
        "Westmere Regional Transport Authority, statement\n\n"
        "Passengers in Stenby will not be left without a bus to the hospital when the line "
        "closes. The timetable will not be changed before May.\n"
    )
    found = read(reader, text, source="Westmere Regional Transport Authority")
    assert [s for _, s, _ in found] == ["assures", "rejects"], found
