"""What is no one's position, and whose a reported one is: on texts written for this test (not
the eval texts). Uses the packaged spaCy model.

- A source's terms ("who asked not to be named"), a chair's procedure ("called the meeting to
  order"), a fear both sides share ("Neither of us wants that outcome") and a refusal to comment
  ("I'm not going to comment on rumours") state no position; a refusal of an offer still does.
- In a letter, "Its land director, X, told our committee ..." after "Ostrava Homes has offered
  ..." is Ostrava Homes speaking, not the writer (whose organisation the patterns would name
  last); "the council's property office" is the council the letter's title addresses; "the Head
  of Property" is an officer's title, never a party of its own.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read, stances

WIRE = (
    "KESTOVA, May 4 (Reuters) - Two officials at the Kestovan Ports Authority, who asked not "
    "to be named, said the authority would close the northern quay to tankers from June. "
    "The Kestova Dockers' Union asked the authority not to name the crane drivers it blames for the "
    "collision. "
    "At a hearing on Tuesday the chair of the harbour board called the meeting to order at "
    "9 a.m. and read the agenda.\n\n"
    '"Neither of us wants a summer of closures," said the union\'s president, Ilse Marovic. '
    "\"I'm not going to comment on rumours about redundancies, and I am not going to get into "
    'what was said in private," she said. '
    '"But we are not going to accept this offer."\n'
)

LETTER_TITLE = "Letter from the Harrowgate Allotment Society to Delvin County Council"
LETTER = (
    "Dear Councillor Brandt,\n\n"
    "We write on behalf of the 240 members of the Harrowgate Allotment Society about the "
    "council's plan to sell the Fenwick Road allotments to Ostrava Homes.\n\n"
    "The council's property office has told us that it will not delay the sale beyond June. "
    "Ostrava Homes has offered to provide replacement plots at Millbank, which our members do "
    "not consider a fair exchange. Its land director, Petra Valli, told our committee on 12 "
    "February that the company would not build on the eastern strip before 2028.\n\n"
    "At our meeting last month, the Head of Property, Mr Karel Svoboda, assured us that every "
    "plot holder would receive a year's notice.\n\n"
    "We demand that the council publish the valuation report before any contract is signed.\n\n"
    "Yours sincerely,\nHana Dvorak\nSecretary, Harrowgate Allotment Society\n"
)


@pytest.fixture(scope="module")
def reader():
    return make_reader()


@pytest.fixture(scope="module")
def wire(reader):
    return read(reader, WIRE)


@pytest.fixture(scope="module")
def letter(reader):
    return read(reader, LETTER, source="Harrowgate Allotment Society", title=LETTER_TITLE)


def test_a_source_asking_not_to_be_named_demands_nothing(wire):
    assert "demands" not in stances(wire, "who asked not to be named")
    # asking another party not to name someone is still a demand
    assert stances(wire, "asked the authority not to name") == {"demands"}


def test_procedure_and_shared_fears_are_no_positions(wire):
    assert stances(wire, "called the meeting to order") == set()
    assert stances(wire, "Neither of us wants") == set()


def test_declining_to_comment_is_no_refusal_but_refusing_an_offer_is(wire):
    assert stances(wire, "not going to comment on rumours") == set()
    assert stances(wire, "we are not going to accept this offer") == {"rejects"}


def test_its_director_speaks_for_the_company_the_sentence_before_names(letter):
    assert holders(letter, "Its land director, Petra Valli") == {"Ostrava Homes"}


def test_the_councils_office_is_the_council_the_letter_is_addressed_to(letter):
    assert holders(letter, "property office has told us") == {"Delvin County Council"}


def test_a_department_title_is_no_party(letter):
    named = {h for h, _, _ in letter}
    assert not any("Property" in h for h in named), named
    assert holders(letter, "We demand that the council publish") == {"Harrowgate Allotment Society"}


STATEMENT_TITLE = "Statement on the Pellan Road depot"
STATEMENT = (
    "The Pellan Road Residents' Association has been campaigning since January against the plan "
    "by Corvale Logistics to open a lorry depot on the former dairy site.\n\n"
    "Corvale Logistics has told us that it will not limit deliveries to daytime hours. The "
    "company's operations director, Mr Ansel Krug, told our committee on 3 June that no lorry "
    "would use Pellan Road after 10 p.m. Its leaflets promise neighbours a quiet site.\n\n"
    "The county's Transport Minister, Ilona Varga, wrote to tell us that the ministry would not "
    "fund a bypass before 2031. The minister's office has offered our association a seat on the "
    "depot liaison group.\n\n"
    "We call on Corvale Logistics to withdraw its application until a noise survey is published.\n"
)


@pytest.fixture(scope="module")
def statement(reader):
    return read(
        reader, STATEMENT, source="Pellan Road Residents' Association", title=STATEMENT_TITLE
    )


def test_a_portfolio_before_a_title_is_no_person(statement):
    # "Transport Minister, Ilona Varga,": "Transport" is no one, and neither the company last
    # named nor the writer is the minister's party
    named = {h for h, _, _ in statement}
    assert "Ilona Varga" not in named
    wrong = {"Corvale Logistics", "Pellan Road Residents' Association"}
    assert not holders(statement, "Transport Minister") & wrong


def test_what_another_party_offers_us_is_not_our_offer(statement):
    writer = "Pellan Road Residents' Association"
    assert writer not in holders(statement, "The minister's office has offered")
    assert "Corvale Logistics" not in holders(statement, "The minister's office has offered")
    assert writer not in holders(statement, "Its leaflets promise")
    assert holders(statement, "We call on Corvale Logistics") == {writer}
    assert holders(statement, "told our committee on 3 June") == {"Corvale Logistics"}


BOROUGH = (
    "The Borough of Esterby has written to the operators of shared e-scooters about parking on "
    "pavements in the town centre.\n\n"
    "Our wardens counted 860 scooters left on pavements in June, most of them from the Stowage "
    "fleet. We ask Stowage to collect every badly parked scooter within two hours of a report.\n\n"
    "Stowage has told us that it will not share its trip data with the borough. Stowage has, "
    "however, offered to fit parking sensors to its whole fleet by September.\n\n"
    "If the pavements are not cleared, we will suspend the operator's permit.\n"
)


@pytest.fixture(scope="module")
def borough(reader):
    return read(reader, BOROUGH, source="Borough of Esterby, Press Office")


def test_a_one_word_company_the_tagger_misses_holds_its_own_positions(borough):
    # "Stowage" is a common noun to the tagger; the text names it as a company throughout
    assert holders(borough, "Stowage has told us") == {"Stowage"}
    # "has, however, offered": the parse hangs the subject on the auxiliary
    assert holders(borough, "offered to fit parking sensors") == {"Stowage"}
    assert holders(borough, "We ask Stowage") == {"Borough of Esterby"}


WIRE_MINISTERS = (
    "OSTERBY, March 2 (Reuters) - The Provincial Government of Halmark threatened on Monday to "
    "fine the Tessen paper mill over river pollution.\n\n"
    "The province's environment minister, Annika Brodal, said the mill had broken its discharge "
    "limits on 30 days last year.\n\n"
    "Corvin Paper, which owns the mill, rejected the figures. Its chief executive, Mats Elvin, said "
    "the company would not close the mill's bleaching line.\n\n"
    "Brodal told reporters in Osterby that the province would not wait for another study. She "
    "said the province was ready to pay half the cost of a new treatment plant if Corvin signed "
    "the contract by June.\n\n"
    "Halmark's minister of trade and industry, Piet Solberg, visited the mill on Friday. He "
    "warned that Corvin would lose its state contracts if the bleaching line stayed open.\n"
)


@pytest.fixture(scope="module")
def ministers(reader):
    return read(reader, WIRE_MINISTERS, source="Reuters")


def test_a_places_minister_speaks_for_the_government_the_text_names(ministers):
    # "The province's environment minister, Annika Brodal," is in a sentence with no stance
    # (never parsed); "She said ..." later is hers, not the company chief's named since
    assert holders(ministers, "She said the province was ready") == {
        "Provincial Government of Halmark"
    }


def test_a_lower_case_portfolio_after_the_title_keeps_the_link(ministers):
    # "Halmark's minister of trade and industry, Piet Solberg," in a sentence with no stance
    found = holders(ministers, "He warned that Corvin would lose")
    assert found and found <= {
        "Halmark",
        "Government of Halmark",
        "Provincial Government of Halmark",
    }


MINUTES = (
    "Minutes of the meeting of Fallow Cross Parish Council, 4 March 2026\n\n"
    "It was proposed by Cllr Amis and seconded by Cllr Roth that the Council support the new "
    "footpath.\n\n"
    "The Clerk reported that Dunmore Quarries had promised in 2019 to resurface the lane. That "
    "promise has not been kept. Residents said the sale agreement required the quarry to "
    "repair the verges, and that is what the contract promises them.\n\n"
    "Mr Lane, for Dunmore Quarries, said the company would not resurface the lane before "
    "September.\n"
)


@pytest.fixture(scope="module")
def minutes(reader):
    return read(reader, MINUTES, source="Fallow Cross Parish Council")


def test_a_motion_moved_and_a_promise_described_state_no_position(minutes):
    assert stances(minutes, "It was proposed by Cllr Amis and seconded") == set()
    assert stances(minutes, "That promise has not been kept") == set()
    assert stances(minutes, "what the contract promises them") == set()
    assert stances(minutes, "the company would not resurface the lane") == {"rejects"}


LETTER_TWO = (
    "Dear Ms Varga,\n\n"
    "I know what the Tenants' Federation is asking for, and I recognise that the Federation "
    "must defend its members. I understand the landlord also offered to delay the rent rise.\n\n"
    "Several residents said they would withhold rent in April.\n\n"
    "We will not approve the rent rise before the repairs are done.\n\n"
    "Yours sincerely,\nOla Brekke\nHousing Director, Kestor City Council\n"
)


@pytest.fixture(scope="module")
def letter_two(reader):
    return read(reader, LETTER_TWO, source="Kestor City Council")


def test_what_the_writer_only_grants_or_knows_of_is_no_position(letter_two):
    assert stances(letter_two, "I know what the Tenants' Federation is asking for") == set()
    assert stances(letter_two, "I understand the landlord also offered") == set()
    assert holders(letter_two, "We will not approve the rent rise") == {"Kestor City Council"}


def test_people_counted_are_no_party(letter_two):
    named = {h for h, _, _ in letter_two}
    assert not any(h.startswith("Several") for h in named), named


HAULIERS = (
    "Statement of the Varn Valley Hauliers' Union\n\n"
    '"Our fishermen cannot feed their families when the trawlers take everything," the union said. '
    "Our members cannot accept a toll that doubles their costs.\n"
)


@pytest.fixture(scope="module")
def hauliers(reader):
    return read(reader, HAULIERS, source="Varn Valley Hauliers' Union")


def test_what_our_people_cannot_do_is_a_hardship_and_what_they_cannot_accept_a_refusal(hauliers):
    assert stances(hauliers, "Our fishermen cannot feed their families") == set()
    assert stances(hauliers, "Our members cannot accept a toll") == {"rejects"}


def test_what_has_not_been_done_is_a_fact_and_what_will_not_be_allowed_a_refusal(reader):
    found = read(
        reader,
        "Statement of the Orlen Dockers' Union\n\n"
        "The second payment of 9 million crowns, due from the ministry in May, has still not "
        "been paid. Our inspector has still not been allowed to see the ledgers. "
        "The port authority says pickets will not be allowed at the main gate.\n",
        source="Orlen Dockers' Union",
    )
    assert stances(found, "has still not been paid") == set()
    assert stances(found, "has still not been allowed") == set()
    assert stances(found, "pickets will not be allowed") == {"rejects"}
