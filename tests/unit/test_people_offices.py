"""An office is no party and no part of a person's name: "Tesla CFO Vaibhav Taneja" is nobody's
party, and "Sheriff Susan Hutson said" is Susan Hutson speaking. Answers write "<speaker>
(<party>) said:", and the Positions tab lists the parties people are linked to."""

from __future__ import annotations

from assistant.parties import Registry
from assistant.stance_parties import Parties
from tests.unit.test_voices import _read

TEXT = (
    "Tesla CFO Vaibhav Taneja and Thomas Martin spoke. United CEO Scott Kirby said fares rise. "
    "Air Force Chief David Goldfein spoke, and the Air Force said the jets would fly. "
    "Academy CEO Bill Kramer and Lynette Howell Taylor wrote. Anouk Brink of the Provincial "
    "Executive and Kevin Donohoe of the Democratic Governors Association spoke. Adam Schiff "
    "and Nancy Pelosi spoke for House Democrats."
)


def _parties() -> Parties:
    parties = Parties(Registry.load(), people={}, text=TEXT)
    for name in ("Air Force", "Provincial Executive", "Democratic Governors Association"):
        parties.seen(name, "ORG")
    return parties


def test_a_person_is_not_linked_to_an_office_a_tagger_took_for_a_body():
    parties = _parties()
    parties.link("Thomas Martin", "Tesla CFO Vaibhav Taneja")
    parties.link("Scott Kirby", "United CEO")
    parties.link("Lynette Howell Taylor", "Academy CEO Bill Kramer and Academy")
    parties.link("Elon Musk", "Tesla CEO and Department of Government Efficiency")
    parties.link("Adam Schiff", "House Democrats")
    parties.link("Nancy Pelosi", "House Democrats Adam Schiff")
    assert parties.speaks_for("Thomas Martin") == ""
    assert parties.speaks_for("Scott Kirby") == ""
    assert parties.speaks_for("Lynette Howell Taylor") == ""
    assert parties.speaks_for("Elon Musk") == ""
    assert parties.speaks_for("Nancy Pelosi") == ""


def test_the_body_before_an_office_is_the_party_when_the_text_knows_it():
    parties = _parties()
    parties.link("David Goldfein", "Air Force Chief")
    assert parties.speaks_for("David Goldfein") == "Air Force"


def test_bodies_named_for_an_office_keep_their_names():
    parties = _parties()
    parties.link("Anouk Brink", "Provincial Executive")
    parties.link("Kevin Donohoe", "Democratic Governors Association")
    parties.link("Merrick Garland", "Department of Justice")
    assert parties.speaks_for("Anouk Brink") == "Provincial Executive"
    assert parties.speaks_for("Kevin Donohoe") == "Democratic Governors Association"
    assert parties.speaks_for("Merrick Garland") == "Department of Justice"


def test_a_speaker_is_named_without_the_office_before_the_name():
    said = [
        '"We are full," said Sheriff Susan Hutson.',
        "Town Manager Aaron Frank said the road was closed.",
        '"The data is clear," said Marine Biology Professor Christopher Lowe.',
        '"It is wrong," Conservative Justice Gorsuch wrote in a dissent.',
        '"Stay inside," said Beach Police Sgt. Brian Hall.',
    ]
    speakers = [[v.speaker for v in _read(text)] for text in said]
    assert speakers == [
        ["Susan Hutson"],
        ["Aaron Frank"],
        ["Christopher Lowe"],
        ["Gorsuch"],
        ["Brian Hall"],
    ]


def test_names_that_only_look_like_offices_stay_whole():
    said = [
        "Dean Phillips said he would run.",
        '"No," said Rep. Dean Phillips.',
        "Paul Farmer Jr. said the clinic would open.",
    ]
    speakers = [[v.speaker for v in _read(text)] for text in said]
    assert speakers == [["Dean Phillips"], ["Dean Phillips"], ["Paul Farmer Jr"]]


def test_the_body_an_office_names_is_the_speakers_party_but_not_a_former_one():
    parties = {"manatee county": "Manatee County", "harvard": "Harvard University"}
    hopes = _read(
        "Manatee County Administrator Scott Hopes said the county was ready.", parties=parties
    )
    summers = _read(
        'Former Harvard President Larry Summers said it was "a double standard".', parties=parties
    )
    clerk = _read("Town Clerk Marge Morgan said the vote was counted.", parties={"town": "Town"})
    assert [(v.speaker, v.party) for v in hopes] == [("Scott Hopes", "Manatee County")]
    assert [(v.speaker, v.party) for v in summers] == [("Larry Summers", "")]
    assert [(v.speaker, v.party) for v in clerk] == [("Marge Morgan", "")]


def test_a_place_in_an_office_is_not_another_body_of_that_place():
    # the text knows the Nevada Assembly by "Nevada": the attorney general is not its speaker
    parties = {"nevada": "Nevada Assembly", "ntsb": "National Transportation Safety Board"}
    ford = _read(
        "Nevada Attorney General Aaron Ford said the messages were threats.", parties=parties
    )
    homendy = _read(
        "NTSB Chairwoman Jennifer Homendy said the bolts were missing.", parties=parties
    )
    assert [(v.speaker, v.party) for v in ford] == [("Aaron Ford", "")]
    assert [(v.speaker, v.party) for v in homendy] == [
        ("Jennifer Homendy", "National Transportation Safety Board")
    ]


def test_an_office_the_tagger_ran_into_a_body_name_is_cut_off_it():
    parties = _parties()
    parties.seen("Alabama Department of Commerce Secretary", "ORG")
    parties.link("Greg Canfield", "Alabama Department of Commerce Secretary")
    parties.link("Helen Dixon", "Office of the Data Protection Commissioner")
    assert parties.speaks_for("Greg Canfield") == "Alabama Department of Commerce"
    assert parties.speaks_for("Helen Dixon") == "Office of the Data Protection Commissioner"
