"""Counted plural holders in news copy ("The two companies said ...", "Both firms offered ...")
and an officer named after "said its secretary, NAME.": each is the party the text named, not
one of two, nor the person.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


MERGER = (
    "OSTRAVEL, May 2 (HPA) - Brevik Logistics and Solmar Freight on Friday rejected conditions "
    "set by the Competition Board for their planned merger.\n\n"
    "The two companies said they would not sell their joint depot at Kallby, which the board "
    "wants divested.\n\n"
    "Both firms also offered to freeze their haulage rates for three years if the merger is "
    "cleared.\n\n"
    "The Competition Board said it would block the deal unless the depot is sold.\n\n"
    "The drivers' union, Transport Workers United, demanded guarantees that no jobs would be "
    'lost. "We want it in writing," said its secretary, Maja Lund.\n'
)


def test_two_companies_and_both_firms_are_each_of_the_two_named(reader):
    found = _read(reader, MERGER, source="Harbour Press Agency")
    pair = {"Brevik Logistics", "Solmar Freight"}
    assert holders(found, "would not sell their joint depot") == pair
    assert holders(found, "freeze their haulage rates") == pair
    # the board is no company: the count never takes it
    assert holders(found, "block the deal") == {"Competition Board"}


def test_said_its_secretary_speaks_for_the_body_the_sentence_before_names(reader):
    found = _read(reader, MERGER, source="Harbour Press Agency")
    assert holders(found, "We want it in writing") == {"Transport Workers United"}


def test_a_count_the_text_does_not_name_makes_no_party(reader):
    text = (
        "Varnby Metals said on Tuesday it would not reopen its Kellis smelter.\n\n"
        "Both unions at the site rejected the closure, a spokesman said.\n"
    )
    found = _read(reader, text, source="Ostmark Daily")
    assert holders(found, "Both unions") <= {""}
    assert holders(found, "would not reopen") == {"Varnby Metals"}


GROCERS = (
    "The Suppliers' Alliance says the merger of Pendry Foods and Castlegate has already hurt its "
    "members.\n\n"
    "It also claims that Pendry has asked suppliers for longer payment terms since the deal was "
    "announced.\n\n"
    "Pendry denied asking for new terms.\n"
)


def test_an_allegation_of_what_a_firm_asked_is_no_position_and_two_firms_stay_two(reader):
    found = _read(reader, GROCERS, source="Marlow Business Ledger")
    assert holders(found, "has asked suppliers") == set()
    # the tagger's one name "Pendry Foods and Castlegate" is two firms: the denial is Pendry's
    assert holders(found, "Pendry denied") == {"Pendry Foods"}


def test_a_bodys_own_name_with_and_stays_one(reader):
    text = (
        "The Ministry of Trade and Industry said it would not extend the deadline.\n\n"
        "The Food and Allied Workers Union demanded a meeting with the minister.\n"
    )
    found = _read(reader, text, source="Ostmark Daily")
    assert holders(found, "would not extend") == {"Ministry of Trade and Industry"}
    assert holders(found, "demanded a meeting") == {"Food and Allied Workers Union"}


AIRLINES = (
    "Regional carrier Pinecrest Air has cut 40 routes this year, its chief executive, Dana Holt, "
    "said on Tuesday.\n\n"
    "The regional airlines that carry half of the country's passengers want Congress to reduce "
    "the 1,500-hour training requirement for new pilots.\n\n"
    "Carriers threatened to cut flights to rural districts if the rule stays, Senator Mark Elgin "
    "said.\n\n"
    "Pinecrest Air said it would add routes if the rule were eased.\n"
)


def test_a_class_of_firms_is_no_firm_named_nor_the_speaker(reader):
    found = _read(reader, AIRLINES, source="Capitol Wire")
    # a plural a restrictive clause defines is that group, neither the firm named before nor
    # the senator; a bare plural is no one the reader can name
    assert holders(found, "want Congress to reduce") == {"Regional airlines"}
    assert holders(found, "Carriers threatened") == set()


def test_what_a_firm_would_add_if_a_rule_is_eased_is_an_offer(reader):
    found = _read(reader, AIRLINES, source="Capitol Wire")
    assert stances(found, "would add routes") == {"offers"}


def test_a_statement_issued_says_what_its_issuer_wants(reader):
    text = (
        "Nissan and Renault have been partners for two decades.\n\n"
        "Renault released a statement saying it would not accept any change to the share "
        "structure.\n\n"
        "The French government, which owns 15 percent of Renault, issued a statement demanding "
        "guarantees on jobs.\n"
    )
    found = _read(reader, text, source="Tokyo Wire")
    assert holders(found, "would not accept any change") == {"Renault"}
    assert stances(found, "would not accept any change") == {"rejects"}
    assert stances(found, "demanding guarantees on jobs") == {"demands"}
    assert holders(found, "demanding guarantees on jobs") - {"France", "French government"} == set()
    assert holders(found, "demanding guarantees on jobs")
