"""Attribution forms the blind real-news batches of stop 51 showed wrong, each on a text written
for the test: a state senator named with his level of government ("State Sen."), a former office
holder named with the party he once led, an officer's title the tagger takes into the name of
the body before it ("... School District Superintendent"), and a party named inside the thing a
speaker's quote is about ("An increase in National Insurance contributions is asking ...").
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


STRIKE = (
    "The Brenmoor River Teachers Union said on Tuesday it would strike in March unless the "
    "district raised pay by 6%.\n\n"
    '"We will not sign a contract that cuts our members\' pensions," said Dana Ruiz, Brenmoor '
    "River School District Superintendent.\n\n"
    'Former finance minister Oskar Brandt warned that the strike would hurt pupils. "An increase '
    "in Brenmoor River Council taxes is asking families to pay for the district's mistakes,\" "
    "Brandt said.\n\n"
    "Another former Liberal leader, Mira Castell, said the council should drop the tax rise.\n\n"
    '"The district must reopen talks now," State Sen. Paulo Ferrante said.\n'
)


@pytest.fixture(scope="module")
def strike(reader):
    return _read(reader, STRIKE, source="Brenmoor Examiner")


def test_a_state_senator_speaks_for_himself_not_for_a_party_called_state(strike):
    assert holders(strike, "must reopen talks now") == {"Paulo Ferrante"}


def test_a_former_leader_speaks_for_himself_not_for_the_party_he_led(strike):
    assert holders(strike, "should drop the tax rise") == {"Mira Castell"}


def test_an_officers_title_is_no_part_of_the_body_she_speaks_for(strike):
    assert holders(strike, "will not sign a contract") == {"Brenmoor River School District"}


def test_a_party_named_inside_what_a_quote_is_about_is_not_its_speaker(strike):
    assert holders(strike, "asking families to pay") == {"Oskar Brandt"}
    # the union's own threat in the same story keeps its holder
    assert holders(strike, "would strike in March") == {"Brenmoor River Teachers Union"}


BARGAINING = (
    "The Karst Freight Union said on Monday that the offers from Orvel Logistics and Dunmere "
    "Haulage were an insult.\n\n"
    '"There it is. That\'s what they say about you behind closed doors," union president Lena '
    'Stroud said. "We aren\'t going to take whatever scraps they give us."\n\n'
    'Orvel Logistics reiterated on Friday a statement released a day ago that states: "Our offer '
    "has been developed considering everything in our environment. We still have work to do, "
    'but we will continue to bargain in good faith with the union."\n'
)


@pytest.fixture(scope="module")
def bargaining(reader):
    return _read(reader, BARGAINING, source="Karst Ledger")


def test_a_statement_quoted_from_a_company_is_the_companys_not_the_last_speakers(bargaining):
    assert holders(bargaining, "Our offer has been developed") == {"Orvel Logistics"}
    assert holders(bargaining, "continue to bargain in good faith") == {"Orvel Logistics"}


def test_calling_anothers_offer_an_insult_rejects_it(bargaining):
    assert holders(bargaining, "were an insult") == {"Karst Freight Union"}
    assert stances(bargaining, "were an insult") == {"rejects"}
    assert holders(bargaining, "whatever scraps they give us") == {"Karst Freight Union"}


CALL = (
    'A call between Varen President Ilse Moor and Dask President Oren Tal on Thursday "did not '
    'go well," a senior Dask official told reporters.\n\n'
    "Varen Speaker Tomas Rell said on Friday that the assembly would not fund the pipeline. Rell "
    "urged Dask to reopen the border.\n"
)


def test_two_titled_people_run_together_are_no_party_and_a_call_is_no_demand(reader):
    found = _read(reader, CALL, source="Varen Daily")
    assert not holders(found, "did not go well")
    # the tagger's "Varen President Ilse Moor and Dask" is no party, nor the speaker's
    assert holders(found, "would not fund the pipeline") == {"Tomas Rell"}
    assert not any(" and " in f[0] for f in found)
    # the speaker named in full once, then by his surname: one holder, under his full name
    assert holders(found, "urged Dask to reopen the border") == {"Tomas Rell"}
