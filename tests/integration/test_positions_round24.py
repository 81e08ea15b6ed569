"""Forms the real-news dev batches showed misread at stop 56, each on a text written for the
test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


ADVOCACY = (
    "Lawmakers in Corran will vote next month on the bill to open phone app stores.\n\n"
    "Halvern Mobile has lobbied hard against the legislation, saying it would harm user "
    "security.\n\n"
    "The Corran Consumers' Federation argued for a swift vote on the measure.\n\n"
    "A representative from the Corran Retail Association also spoke in opposition to the "
    "fee cap.\n\n"
    "The Small Developers' Guild came out in favour of the bill on Tuesday.\n"
)


def test_verbs_of_advocacy_state_positions_for_and_against(reader):
    found = _read(reader, ADVOCACY, source="Corran Ledger")
    assert holders(found, "lobbied hard") == {"Halvern Mobile"}
    assert stances(found, "lobbied hard") == {"rejects"}
    assert holders(found, "swift vote") == {"Corran Consumers' Federation"}
    assert stances(found, "swift vote") == {"demands"}
    assert holders(found, "fee cap") == {"Corran Retail Association"}
    assert stances(found, "fee cap") == {"rejects"}
    assert holders(found, "came out in favour") == {"Small Developers' Guild"}
    assert stances(found, "came out in favour") == {"demands"}


NOT_ADVOCACY = (
    "Lawmakers in Corran will vote next month on the bill to open phone app stores.\n\n"
    "But the Corran Consumers' Federation, a charity which campaigns for fair prices and "
    "open markets, said the figures did not capture the true cost of the fees.\n\n"
    "Halvern Mobile's lawyers argued for hours with the committee's clerk.\n\n"
    '"Trade Minister Paul Darek met us on Friday," the Small Developers\' Guild said. "Sadly, '
    'he could not bring himself to advocate for a single change to the fees."\n'
)


def test_what_a_body_campaigns_for_in_general_or_for_hours_is_no_position(reader):
    found = _read(reader, NOT_ADVOCACY, source="Corran Ledger")
    assert "demands" not in stances(found, "fair prices")
    assert not holders(found, "for hours")
    assert "demands" not in stances(found, "single change")


PLACE_AND_BODY = (
    "PHOENIX — Ranchers packed a hearing in Flagstaff on the proposed monument.\n\n"
    "Arizona officials said the state would not take a position until the maps are final.\n\n"
    "Mike Gannon, president of the Arizona Cattle Growers' Association, said the group "
    "rejects the monument.\n\n"
    "The Arizona Farm Bureau urged the agency to delay the designation.\n"
)


def test_a_body_named_after_a_state_is_not_that_state_nor_another_body(reader):
    found = _read(reader, PLACE_AND_BODY, source="Valley Times")
    assert holders(found, "delay the designation") == {"Arizona Farm Bureau"}
    assert holders(found, "group rejects") == {"Arizona Cattle Growers' Association"}


ADVICE = (
    "The storm is expected to reach Velden on Friday night.\n\n"
    "The Velden Grid Authority recommends that households charge their phones before dark.\n\n"
    "The Velden Fire Service advised residents to stay at home and to avoid driving.\n\n"
    "The Velden Ferry Company remains opposed to a full closure of the harbour, its chief "
    "executive said.\n\n"
    "The Velden Water Board remains committed to keeping the pumps running all night.\n"
)


def test_advice_and_views_held_are_positions(reader):
    found = _read(reader, ADVICE, source="Velden Post")
    assert holders(found, "charge their phones") == {"Velden Grid Authority"}
    assert stances(found, "charge their phones") == {"demands"}
    assert holders(found, "stay at home") == {"Velden Fire Service"}
    assert stances(found, "stay at home") == {"demands"}
    assert holders(found, "full closure") == {"Velden Ferry Company"}
    assert stances(found, "full closure") == {"rejects"}
    assert holders(found, "pumps running") == {"Velden Water Board"}
    assert stances(found, "pumps running") == {"assures"}


ADVISED_A_FACT = (
    "The storm is expected to reach Velden on Friday night.\n\n"
    "In August the Velden Fisheries Council advised that the cod stock had fallen to 19 per "
    "cent of its former level.\n\n"
    "The Velden Ferry Company is not opposed to a short closure of the harbour, its chief "
    "executive said.\n"
)


def test_advice_that_reports_a_fact_and_a_view_not_held_are_no_positions(reader):
    found = _read(reader, ADVISED_A_FACT, source="Velden Post")
    assert not holders(found, "cod stock")
    assert "rejects" not in stances(found, "short closure")


COOPERATION = (
    "The Velden Competition Office opened an inquiry into ferry fares on Monday.\n\n"
    "The Velden Ferry Company said it will cooperate with the inquiry.\n\n"
    "The Harbour Pilots' Guild said it will not cooperate with an inquiry it called a "
    "fishing expedition.\n\n"
    "The Velden Competition Office has put the ferry company on notice that it could face "
    "fines of up to 10 percent of its turnover.\n"
)


def test_cooperation_offered_or_refused_and_notice_given_are_positions(reader):
    found = _read(reader, COOPERATION, source="Velden Post")
    assert holders(found, "will cooperate") == {"Velden Ferry Company"}
    assert stances(found, "will cooperate") == {"offers"}
    assert holders(found, "fishing expedition") == {"Harbour Pilots' Guild"}
    assert stances(found, "fishing expedition") == {"rejects"}
    assert holders(found, "on notice") == {"Velden Competition Office"}
    assert stances(found, "on notice") == {"warns"}


def test_a_body_named_by_a_plural_possessive_keeps_its_last_word(reader):
    found = _read(
        reader,
        "The Harbour Pilots' Guild said it will not cooperate with the fares inquiry.\n",
        source="Velden Post",
    )
    assert holders(found, "fares inquiry") == {"Harbour Pilots' Guild"}


SUPPORT = (
    "The Velden council will vote on the harbour bill next week.\n\n"
    "The Velden Teachers' Union has voiced its support for the bill's school transport "
    "clause.\n\n"
    "While the Velden Ferry Company has voiced support for a fare cap, the Harbour Pilots' "
    "Guild remains opposed to any cap on pilotage fees.\n\n"
    "Council leaders also expressed their strong support for Mayor Ina Holt's efforts to "
    "settle the dispute.\n"
)


def test_support_voiced_for_a_measure_is_a_demand_and_the_main_clause_comes_first(reader):
    found = _read(reader, SUPPORT, source="Velden Post")
    assert holders(found, "school transport") == {"Velden Teachers' Union"}
    assert stances(found, "school transport") == {"demands"}
    # the main clause first; the conceded one states the ferry company's own position (stop 57)
    fees = [(h, st) for h, st, text in found if "pilotage fees" in text]
    assert fees[0] == ("Harbour Pilots' Guild", "rejects")
    assert set(fees[1:]) <= {("Velden Ferry Company", "demands")}
    assert not holders(found, "settle the dispute")


UP_TO = (
    "Mediators from the Velden Council of Churches met both sides on Friday.\n\n"
    '"It is now up to the Northern Front to accept the ceasefire," the Velden Government said '
    "in a statement.\n\n"
    '"It is up to the voters to decide who governs," the statement added.\n'
)


def test_it_is_up_to_a_party_to_act_is_the_speakers_demand(reader):
    found = _read(reader, UP_TO, source="Velden Post")
    assert holders(found, "accept the ceasefire") == {"Velden Government"}
    assert stances(found, "accept the ceasefire") == {"demands"}
    assert not holders(found, "voters to decide")


POWER_DENIED = (
    "The Velden Assembly's transport committee has summoned the ferry company's accounts.\n\n"
    "The Velden Ferry Company said the Velden Assembly has no authority to demand its "
    "accounts.\n\n"
    "The Harbour Board said the board has no power to set fares itself.\n"
)


def test_another_partys_power_denied_is_a_refusal_but_a_speakers_own_limit_is_not(reader):
    found = _read(reader, POWER_DENIED, source="Velden Post")
    assert holders(found, "demand its accounts") == {"Velden Ferry Company"}
    assert stances(found, "demand its accounts") == {"rejects"}
    assert not holders(found, "set fares")


def test_pushing_back_on_a_rule_refuses_it_but_pushing_back_a_date_does_not(reader):
    found = _read(
        reader,
        "Halvern Mobile pushed back on the fee cap on Monday.\n\n"
        "The Corran Retail Association pushed back the date of its annual meeting to June.\n",
        source="Corran Ledger",
    )
    assert holders(found, "fee cap") == {"Halvern Mobile"}
    assert stances(found, "fee cap") == {"rejects"}
    assert not holders(found, "annual meeting")
