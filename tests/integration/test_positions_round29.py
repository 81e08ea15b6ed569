"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 63."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_verbs_of_condemnation_are_rejections(reader):
    # "dental groups have decried the anti-fluoride push": the verb was not in the lexicon
    text = (
        "The Harbour Dental Association decried the county's plan to end water fluoridation.\n\n"
        "Marlow Freight Workers Union slammed the company's final offer on Tuesday.\n\n"
        "The Eastfield Residents' Association objected to the new incinerator at a packed "
        "meeting.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "decried the county's plan") == {"rejects"}
    assert holders(found, "decried the county's plan") == {"Harbour Dental Association"}
    assert stances(found, "slammed the company's final offer") == {"rejects"}
    assert holders(found, "slammed the company's final offer") == {"Marlow Freight Workers Union"}
    assert stances(found, "objected to the new incinerator") == {"rejects"}


def test_a_slam_without_an_object_or_an_object_noun_is_no_rejection(reader):
    text = (
        "A delivery van slammed into the gates of Marlow Freight on Tuesday.\n\n"
        "The object of the talks, Marlow Freight said, is a contract by March.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "slammed into the gates") == set()
    assert "rejects" not in stances(found, "The object of the talks")


def test_rebuffs_balks_and_issues_taken_are_rejections(reader):
    text = (
        "Marlow Freight rebuffed the union's latest offer on Monday.\n\n"
        "The Eastfield Residents' Association took issue with the council's traffic survey.\n\n"
        "Westbrook City Council balked at the cost of the new bridge.\n\n"
        "Marlow Freight took the issue to the labour court.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "rebuffed the union's latest offer") == {"Marlow Freight"}
    assert stances(found, "rebuffed the union's latest offer") == {"rejects"}
    assert stances(found, "took issue with the council's traffic survey") == {"rejects"}
    assert stances(found, "balked at the cost") == {"rejects"}
    assert stances(found, "took the issue to the labour court") == set()


def test_a_share_of_a_states_people_is_a_poll_not_the_state(reader):
    # "Most Americans balk at proposals that would cut Medicare ..., according to a poll" was
    # filed as a rejection by the United States
    text = (
        "Most Americans oppose proposals that would cut Medicare, according to a poll.\n\n"
        "A majority of Canadians reject the pipeline, the survey found.\n\n"
        "The Americans have proposed a new round of talks in Geneva.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Most Americans oppose") == set()
    assert holders(found, "A majority of Canadians") == set()
    assert holders(found, "The Americans have proposed") == {"United States"}


def test_the_speakers_own_must_is_no_demand_but_must_insist_and_must_warn_are(reader):
    # '"I have to do what's smart, what's right," she said' had been filed as a demand
    text = (
        '"I have to do what is smart, and I am consulting other leaders," Governor Jane Holt '
        "said.\n\n"
        '"I must insist that Marlow Freight reopen the plant," Governor Jane Holt said.\n\n'
        '"I must warn Marlow Freight that the state will sue," Governor Jane Holt said.\n\n'
        '"Marlow Freight must pay its drivers," Governor Jane Holt said.\n'
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "I have to do what is smart") == set()
    assert stances(found, "I must insist that") == {"demands"}
    assert stances(found, "I must warn") == {"warns"}
    assert stances(found, "must pay its drivers") == {"demands"}


def test_a_shadow_minister_speaks_for_the_opposition_not_the_ministry(reader):
    # "Labour's shadow Home Office minister, Holly Lynch, said the decision was 'shameful'" had
    # been filed under the Home Office, the ministry she shadows
    text = (
        "The Home Office said the family would be returned on Friday.\n\n"
        "Labour's shadow Home Office minister, Holly Lynch, said the decision was \u201cshameful\u201d "
        "and demanded that it be reversed.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "shadow Home Office minister") == {"Labour"}


def test_going_to_court_moving_to_block_and_pressing_state_a_position(reader):
    # "California is suing Amazon, accusing ...", "House Democrats will initiate action Friday to
    # try to block ...": what a party did states where it stands
    text = (
        "Westbrook City Council sued Marlow Freight over the closure of the river depot.\n\n"
        "Marlow Freight challenged the ruling in the appeals court on Monday.\n\n"
        "The Eastfield Residents' Association moved to block the incinerator permit.\n\n"
        "The Marlow Freight Workers Union is putting pressure on Marlow Freight to reopen the "
        "depot.\n\n"
        "Marlow Freight said it will sue the council.\n\n"
        "Marlow Freight challenged Westbrook City Council to a public debate.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "sued Marlow Freight over") == {"Westbrook City Council"}
    assert stances(found, "sued Marlow Freight over") == {"rejects"}
    assert stances(found, "challenged the ruling") == {"rejects"}
    assert stances(found, "moved to block the incinerator") == {"rejects"}
    assert stances(found, "putting pressure on Marlow Freight") == {"demands"}
    assert stances(found, "will sue the council") == {"warns"}  # a threat, as before
    assert stances(found, "to a public debate") == set()


def test_both_named_parties_hold_what_both_did(reader):
    # "Both X and Y rejected ...": each named party holds it; "Both sides insisted" names none
    text = (
        "Both Ardonia and Belvia demanded a vote on the border commission.\n\n"
        "Both the Marlow Freight Workers Union and Marlow Freight rejected the consultants' "
        "report.\n\n"
        "Both sides insisted on a vote.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "demanded a vote on the border") == {"Ardonia", "Belvia"}
    assert holders(found, "rejected the consultants' report") == {
        "Marlow Freight Workers Union",
        "Marlow Freight",
    }
    assert holders(found, "Both sides insisted") == set()


def test_a_company_and_its_workers_union_are_two_parties(reader):
    # "Amazon rejected the demand" had been filed under the "Amazon Labor Union": a shorter name
    # that begins a longer one was taken for the same party, the two sides of the dispute merged
    for text in (
        "The Amazon Labor Union demanded higher pay. Amazon rejected the demand.\n",
        "Amazon rejected the demand. The Amazon Labor Union demanded higher pay.\n",
    ):
        found = _read(reader, text, source="Wire")
        assert holders(found, "Amazon rejected the demand") == {"Amazon"}
        assert holders(found, "demanded higher pay") == {"Amazon Labor Union"}
    # a fuller name of the same company is still one party
    found = _read(
        reader,
        "Northwind said it would not pay. Northwind Shipping Ltd rejected the claim.\n",
        source="Wire",
    )
    assert holders(found, "Northwind said") == holders(found, "Northwind Shipping Ltd rejected")
