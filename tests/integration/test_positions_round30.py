"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 64."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_remarks_called_comments_do_not_hide_a_position(reader):
    # "The comments come after Russia's Ministry of Defense called on the soldiers ... to
    # surrender": read as a request for comment, the demand was dropped
    text = (
        "The comments came after the Marlow Freight Workers Union called on the company to "
        "reopen talks.\n\n"
        "Westbrook City Council rejected the bypass plan, the mayor said in comments to "
        "reporters.\n\n"
        "Marlow Freight rejected the union's offer and declined a request for comment.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "called on the company to reopen talks") == {
        "Marlow Freight Workers Union"
    }
    assert stances(found, "called on the company to reopen talks") == {"demands"}
    assert holders(found, "rejected the bypass plan") == {"Westbrook City Council"}
    assert stances(found, "rejected the union's offer") == {"rejects"}


def test_a_request_for_comment_is_still_no_position(reader):
    text = (
        "Marlow Freight declined the Courier's request for comment.\n\n"
        "Westbrook City Council did not respond to messages seeking comment.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "declined the Courier's request for comment") == set()
    assert stances(found, "messages seeking comment") == set()


def test_a_past_when_or_as_clause_is_what_happened_not_a_condition(reader):
    # "The warnings come as Putin has once again threatened to turn to nuclear weapons": the
    # clause was read as a condition, like "when Russia invades, we will respond"
    text = (
        "Shares fell when Marlow Freight rejected the union's offer.\n\n"
        "Fares rose as the Ardonian government threatened to close the border.\n\n"
        "When Belvia raises its tariffs, Ardonia's trade minister asked the council to meet.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "rejected the union's offer") == {"Marlow Freight"}
    assert stances(found, "rejected the union's offer") == {"rejects"}
    assert stances(found, "threatened to close the border") == {"warns"}
    assert "Belvia" not in holders(found, "When Belvia raises its tariffs")


def test_not_raising_an_offer_is_a_refusal_not_raising_prices_an_assurance(reader):
    text = (
        "Marlow Freight said it would not raise its offer.\n\n"
        "Westbrook Water said it will not raise prices this winter.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "would not raise its offer") == {"rejects"}
    assert stances(found, "will not raise prices") == {"assures"}


def test_opposition_voiced_is_a_rejection(reader):
    # "A Sussex County school board is formally voicing its opposition to a proposed state rule"
    text = (
        "Westbrook City Council reiterated its opposition to the bypass plan.\n\n"
        "Marlow Freight expressed strong opposition to the proposed merger.\n\n"
        "Westbrook City Council met the opposition leader on Monday.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "reiterated its opposition to the bypass plan") == {
        "Westbrook City Council"
    }
    assert stances(found, "reiterated its opposition to the bypass plan") == {"rejects"}
    assert stances(found, "expressed strong opposition") == {"rejects"}
    assert stances(found, "met the opposition leader") == set()


def test_an_untagged_acronym_named_twice_is_a_body(reader):
    # "PETA even offered to chip in financially for the cost of new signs": the tagger left
    # the acronym untagged, and the offer had no holder
    text = (
        "PETA wrote to the town of Westbrook about its road signs on Monday.\n\n"
        "PETA even offered to pay for the new signs, the press release said.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "offered to pay for the new signs") == {"PETA"}
    assert stances(found, "offered to pay for the new signs") == {"offers"}


def test_a_demand_no_longer_made_is_no_demand(reader):
    text = (
        "Marlow Freight will no longer push for a five-year contract.\n\n"
        "The Eastfield Residents' Association no longer demands a ban on lorries.\n\n"
        "The Eastfield Residents' Association demands a ban on night deliveries.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "no longer push for a five-year contract") == set()
    assert stances(found, "no longer demands a ban on lorries") == set()
    assert stances(found, "demands a ban on night deliveries") == {"demands"}


def test_the_state_and_party_epithet_is_the_politician_named_before(reader):
    # "But the Louisiana Republican has called for the creation of a bipartisan commission"
    # (Mike Johnson) was filed under "Republican"; "the Vermont independent" under Vermont
    text = (
        "Senator Ana Ruiz met port workers in Burlington on Tuesday.\n\n"
        "The Vermont independent has called for a federal inquiry into the closures.\n\n"
        "The Vermont Republicans have called for a vote on the budget.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "called for a federal inquiry") == {"Ana Ruiz"}
    assert "Ana Ruiz" not in holders(found, "called for a vote on the budget")


def test_a_spokeswoman_speaks_for_the_whole_name_before_her_title(reader):
    # "Guam Homeland Security spokeswoman Jenna Gaminde" was linked to "Guam Homeland": a
    # portfolio word before a title ("Defence Minister") is no part of a party's name, but
    # before "spokeswoman" it ends the body's name
    text = (
        "Westbrook Homeland Security spokeswoman Dana Kell spoke to reporters on Monday.\n\n"
        "Kell urged island residents to stay indoors until the sirens stop.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "urged island residents to stay indoors") == {
        "Westbrook Homeland Security"
    }


def test_a_numbered_or_labelled_headline_is_no_statement(reader):
    # "4. TfL warns of Tube strike today" (a morning briefing's list of stories) was a warning,
    # "PREVIOUS PROTEST: New Castle County police officers call for better pay ..." a demand
    text = (
        "Ten things you need to know today\n\n"
        "4. Marlow Freight warns of depot strike today\n\n"
        "Marlow Freight warned last night that deliveries in Westbrook would stop on Friday.\n\n"
        "PREVIOUS PROTEST: Westbrook City Council calls for better pay outside ice cream "
        "festival\n\n"
        "The council met on Monday.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "warns of depot strike today") == set()
    assert stances(found, "calls for better pay outside ice cream festival") == set()
    assert stances(found, "warned last night that deliveries") == {"warns"}


def test_declining_to_name_or_give_details_is_no_rejection(reader):
    # "Mandiant declined to name the US states or agencies affected" was a rejection
    text = (
        "Marlow Freight declined to name the customers affected by the outage.\n\n"
        "Westbrook City Council declined to give details of the settlement.\n\n"
        "Marlow Freight declined to join the talks on Friday.\n\n"
        "Marlow Freight refused to disclose its accounts to the regulator.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "declined to name the customers") == set()
    assert stances(found, "declined to give details") == set()
    assert stances(found, "declined to join the talks") == {"rejects"}
    assert stances(found, "refused to disclose its accounts") == {"rejects"}


def test_they_in_what_a_share_or_a_body_said_is_not_the_party_named_last(reader):
    # "In Turkey, 78% said it should be rejected. In Brazil, 61 percent said they opposed it"
    # was filed as Turkey's rejection
    text = (
        "Marlow Freight published a survey of Westbrook drivers on Monday.\n\n"
        "In Westbrook, 61 percent said they opposed the night shifts.\n\n"
        "Marlow Freight met the union on Tuesday. The union said they rejected the offer.\n"
    )
    found = _read(reader, text, source="Wire")
    assert "Marlow Freight" not in holders(found, "said they opposed the night shifts")
    assert "Marlow Freight" not in holders(found, "The union said they rejected the offer")
    named = "The Westbrook Drivers Union said they would not accept the new rota.\n"
    found = _read(reader, named, source="Wire")
    assert holders(found, "would not accept the new rota") == {"Westbrook Drivers Union"}


def test_a_threat_made_in_the_recent_past_is_history(reader):
    # "The White Army has threatened the central government in recent past."
    text = (
        "The Ardonian Liberation Front has threatened the government in the recent past.\n\n"
        "The Ardonian Liberation Front has threatened to attack the capital.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "in the recent past") == set()
    assert stances(found, "threatened to attack the capital") == {"warns"}


def test_what_an_event_puts_at_risk_is_no_threat(reader):
    # "they produce fewer calves each year, threatening the species' prospects of recovery"
    text = (
        "Marlow Freight cut 500 jobs in Westbrook, threatening the town's economy.\n\n"
        "The Westbrook Drivers Union walked out on Monday, threatening further strikes.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "threatening the town's economy") == set()
    assert stances(found, "threatening further strikes") == {"warns"}


def test_the_first_time_a_stance_is_taken_is_news_not_history(reader):
    # "it marked the first time he has used his position to call for a name change"
    text = (
        "It is the first time the Westbrook Drivers Union has called for a strike.\n\n"
        "This is not the first time Marlow Freight has threatened to close the depot.\n"
    )
    found = _read(reader, text, source="Wire")
    assert stances(found, "has called for a strike") == {"demands"}
    assert stances(found, "threatened to close the depot") == set()


def test_a_vow_before_the_quote_it_introduces_is_the_statement(reader):
    # "President Joe Biden has vowed to sign the package “immediately to send a message to the
    # world: We stand with our friends ...”": the parser hangs the vow under "stand"
    text = (
        "Mayor Ruth Osterley has vowed to sign the budget “immediately to send a message to "
        "the city: We stand with our drivers, and we won’t let the depot close.”\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "has vowed to sign the budget") == {"Ruth Osterley"}
    assert stances(found, "has vowed to sign the budget") == {"assures"}
