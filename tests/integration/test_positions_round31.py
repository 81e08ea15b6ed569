"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 65."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_two_bodies_named_after_one_place_stay_two(reader):
    # "Pacific (Guam) Daily News" made "Guam" an organisation, taken for the first body named
    # after it ("Guam Chamber of Commerce's Armed Forces Committee"); every later "Guam ..."
    # body then went to that committee, and the Homeland Security spokeswoman's call with it
    text = (
        "Mara Lind\n\n"
        "Harbour (Tarrow) Evening Post\n\n"
        "TARROW — Storm surges could reach the harbour wall within two hours, said Tarrow "
        "Emergency Management spokeswoman Elin Haas.\n\n"
        "Carl Brandt, president of Brandt Marine Ltd., who serves on the Tarrow Chamber of "
        "Commerce's Port Committee, said the wall would hold.\n\n"
        "Haas urged residents of the lower town to move their cars to higher ground before "
        "nightfall.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Haas urged residents") == {"Tarrow Emergency Management"}


def test_a_group_described_by_what_it_is_holds_its_position(reader):
    # "Dental groups oppose the ban", "Supporters of the ordinances urged the commissioners",
    # "The regional airlines that provide half the country's flights want Congress to ...": the
    # labels give these groups the position; the reader had given them none
    text = (
        "Westbrook City Council will vote on the bypass plan next week.\n\n"
        "Environmental groups demanded that the council drop the plan.\n\n"
        "Supporters of the bypass urged the councillors to approve it before the summer.\n\n"
        "The regional hauliers that move half the county's freight want the council to widen "
        "the ring road instead.\n\n"
        "Harlow residents rejected the new route at a packed meeting, she said.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Environmental groups demanded") == {"Environmental groups"}
    assert holders(found, "Supporters of the bypass urged") == {"Supporters of the bypass"}
    assert holders(found, "regional hauliers that move") == {"Regional hauliers"}
    assert holders(found, "Harlow residents rejected") == {"Harlow residents"}


def test_people_described_only_by_number_or_mood_are_no_group(reader):
    text = (
        "Westbrook City Council will vote on the bypass plan next week.\n\n"
        "Critics urged the council to drop the plan.\n\n"
        "Many residents rejected the new route at a packed meeting.\n\n"
        "Some lawmakers demanded a second vote.\n\n"
        "Drivers threatened to block the ring road, the mayor said.\n"
    )
    found = _read(reader, text, source="Wire")
    for sentence in (
        "Critics urged",
        "Many residents rejected",
        "Some lawmakers demanded",
        "Drivers threatened",
    ):
        assert holders(found, sentence) <= {""}, sentence


def test_a_verdict_on_anothers_act_is_a_rejection(reader):
    # 'Sinn Féin called the talks a "charade"', "called Murthy's advisory 'an extension of the
    # Biden Administration's war'": no verb of refusal, a verdict that rejects
    text = (
        "Westbrook City Council offered the hauliers a new loading bay on Friday.\n\n"
        'Marlow Freight called the offer a "charade" and walked out of the meeting.\n\n'
        'The Harlow Residents Association called the partial closure "an insult to the '
        'families who live on the ring road".\n\n'
        "The Marlow Freight Workers Union described the council's timetable as unworkable.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "called the offer a") == {"Marlow Freight"}
    assert stances(found, "called the offer a") == {"rejects"}
    assert holders(found, "called the partial closure") == {"Harlow Residents Association"}
    assert stances(found, "called the partial closure") == {"rejects"}
    assert stances(found, "timetable as unworkable") == {"rejects"}


def test_praise_or_a_name_is_no_rejection(reader):
    text = (
        "Marlow Freight Workers Union called the strike a success.\n\n"
        "Westbrook City Council called its new depot Northgate.\n\n"
        "Marlow Freight called it a day after ten hours of talks.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "called the strike a success") == set()
    assert stances(found, "called its new depot") == set()
    assert stances(found, "called it a day") == set()


def test_leaders_described_as_a_group_are_that_group(reader):
    # "Obama and the other Western leaders ...", "Polish opposition leaders": a plural title
    # with what tells the group apart is that group, neither the person named last nor the state
    text = (
        "Ardonian President Ilse Moor met the envoy on Monday.\n\n"
        "Western leaders warned Belvia of severe costs if it closed the border.\n\n"
        "Ardonian opposition leaders demanded new elections.\n\n"
        "Several Ardonian senators rejected the bill.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Western leaders warned") == {"Western leaders"}
    assert holders(found, "opposition leaders demanded") == {"Ardonian opposition leaders"}
    assert holders(found, "Several Ardonian senators") <= {""}
