"""Forms the real-news dev batches showed misread at stop 57, each on a text written for the
test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


TWO_CLAUSES = (
    "Talks between the Port of Kellsby and its two largest tenants resumed on Monday.\n\n"
    "Marrow Freight wants a ten-year lease while Dunlin Logistics and Tarran Shipping Co. "
    "want a five-year lease with an option to renew.\n\n"
    "The Kellsby Dockers' Union wants a guarantee that no jobs will go, the union's secretary "
    "said, but the Port of Kellsby has rejected any such guarantee.\n\n"
    "The harbour board had urged both sides to settle, while the Kellsby Traders' Association "
    "has pushed for an independent review of the fees.\n"
)


def test_a_second_clause_with_its_own_subject_states_that_partys_position(reader):
    found = _read(reader, TWO_CLAUSES, source="Kellsby Gazette")
    assert holders(found, "ten-year lease") >= {
        "Marrow Freight",
        "Dunlin Logistics",
        "Tarran Shipping",
    }
    assert holders(found, "no jobs will go") >= {"Kellsby Dockers' Union", "Port of Kellsby"}
    assert "rejects" in stances(found, "no jobs will go")
    assert holders(found, "independent review") >= {"Kellsby Traders' Association"}


NOT_A_SECOND_HOLDER = (
    "Talks between the Port of Kellsby and the Kellsby Dockers' Union resumed on Monday.\n\n"
    "The union's secretary, Aled Morgan, said the port must withdraw the notices, and the "
    "Kellsby Harbour Board must meet the union this week.\n\n"
    "Mayor Eira Pugh would welcome the union's help in designing a rota, and her transport "
    "adviser, Rhian Cole, has offered to meet its representatives.\n\n"
    "The standoff began after the union had criticised Marrow Freight's pension payments in the "
    "contract and workers rejected the offer.\n"
)


def test_a_clause_asked_of_another_or_of_someones_own_people_is_not_a_second_position(reader):
    found = _read(reader, NOT_A_SECOND_HOLDER, source="Kellsby Gazette")
    assert "Kellsby Harbour Board" not in holders(found, "withdraw the notices")
    assert "Rhian Cole" not in holders(found, "designing a rota")
    assert holders(found, "pension payments") <= {"Kellsby Dockers' Union"}


AGREED = (
    "Talks between Norland and the Eastern Valleys Front resumed in Tessel on Monday.\n\n"
    "Norland agreed to a 30-day ceasefire on the condition that the Front also accepted it.\n\n"
    "The Tessel Water Board has agreed to publish the test results for every well.\n\n"
    "They agreed to meet again in Tessel on 14 March.\n\n"
    "Norland and the Front agree to exchange prisoners, the mediator said.\n\n"
    "The two sides failed to agree on a timetable.\n\n"
    "Amendment agreed to.\n"
)


def test_one_party_agreeing_to_something_offers_it_and_a_joint_outcome_is_no_position(reader):
    found = _read(reader, AGREED, source="Tessel Herald")
    assert holders(found, "30-day ceasefire") == {"Norland"}
    assert stances(found, "30-day ceasefire") == {"offers"}
    assert holders(found, "test results") == {"Tessel Water Board"}
    assert stances(found, "test results") == {"offers"}
    assert not holders(found, "meet again")
    assert not holders(found, "exchange prisoners")
    assert not holders(found, "timetable")
    assert not holders(found, "Amendment")


def test_a_refusal_to_agree_stays_a_refusal(reader):
    found = _read(
        reader,
        "Talks on the Tessel pay claim resumed on Monday.\n\n"
        '"We cannot agree to a 7 percent rise," the Tessel Water Board said.\n',
        source="Tessel Herald",
    )
    assert holders(found, "7 percent") == {"Tessel Water Board"}
    assert stances(found, "7 percent") == {"rejects"}


NAMED_BESIDE = (
    "The Harrow council will vote on the park plan next week.\n\n"
    "Moms Demand Action, a gun safety group, wants lawmakers to pass a red flag law.\n\n"
    "Friends of Harrow Park, a volunteer organization, rejected the council's plan on "
    "Monday.\n\n"
    "Jane Ruiz, a union organiser, said the plan was a good start.\n"
)


def test_a_name_the_text_calls_a_group_is_a_party_whole(reader):
    """The small model does not know these names; the apposition says what they are."""
    found = _read(reader, NAMED_BESIDE, source="Harrow Gazette")
    assert holders(found, "red flag law") == {"Moms Demand Action"}
    assert holders(found, "council's plan") == {"Friends of Harrow Park"}


PASSIVE = (
    "The Kellsby Dockers' Union offered on Friday to return to work for a 6 percent raise.\n\n"
    "The union's offer was rejected by Marrow Freight on Monday.\n\n"
    "A new ballot would be opposed by Dunlin Logistics, officials said.\n\n"
    "The plan has been opposed by dockers for months.\n"
)


def test_a_refusal_in_the_passive_is_the_named_agents(reader):
    found = _read(reader, PASSIVE, source="Kellsby Gazette")
    assert holders(found, "rejected by") == {"Marrow Freight"}
    assert stances(found, "rejected by") == {"rejects"}
    assert "Dunlin Logistics" not in holders(found, "new ballot")  # a guess at what it would do
    assert not holders(found, "for months")  # people of a kind, no party
