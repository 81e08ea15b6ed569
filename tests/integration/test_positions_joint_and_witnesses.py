"""Whose words these are when a text is issued by several bodies, when a speaker is introduced
as "its chairman", or when a committee's own record lists its witnesses: on short texts written
for these tests (not the eval texts). A source line "Joint delegation of A, B and C" makes each
a holder of the text's "we"; "SAMIR ABADI-TOLE:" is Samir Abadi-Tole, whom "Its chairman, Samir
Abadi-Tole," links to the body the sentence before opens with; "Official Report of the
Committee on X" is the committee's record, and "Witnesses: Jonas Brede, Vice-President for
Public Policy, Quillon Social" speaks for Quillon Social; two unions whose names hold "and"
are two issuers, and a joint text's sentences without "we" are theirs too; a readout by the
"Press Service of the Office of the President of X" is X's when it quotes "President Y"; "their
landlord, Harwell Residential," is the company whose officer speaks. Uses the packaged spaCy
model."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_a_joint_source_line_makes_every_listed_body_a_holder_of_we(reader):
    text = (
        "JOINT STATEMENT\n\n"
        "Madam Chair,\n\n"
        "We call on the Commission to cut the catch limit for skipjack by ten per cent.\n\n"
        "We will not accept any measure that shifts the burden onto small coastal states.\n"
    )
    found = read(
        reader,
        text,
        source="Joint delegation of the Republic of Orvana, the Kingdom of Teluma and the "
        "Federated Islands of Marrin",
        title="Joint statement to the Southern Ocean Fisheries Commission",
    )
    want = {"Republic of Orvana", "Kingdom of Teluma", "Federated Islands of Marrin"}
    assert holders(found, "We call on the Commission") == want
    assert holders(found, "We will not accept") == want


def test_one_body_with_a_comma_in_its_name_is_one_holder(reader):
    text = "We urge the hospital trusts to publish their waiting lists by March.\n"
    found = read(reader, text, source="Ministry of Health, Labour and Welfare")
    assert len(holders(found, "We urge")) == 1


def test_its_chairman_speaks_for_the_body_the_sentence_before_is_about(reader):
    text = (
        "NADIA BRENN: Talks between the government of Tessory and the Kallan Hills Liberation "
        "Front resumed this week. The Front has fought for self-rule since 2016. Its chairman, "
        "Omar Salek-Varda, joins me now. Mr Salek-Varda, good evening.\n\n"
        "OMAR SALEK-VARDA: Good evening.\n\n"
        "NADIA BRENN: Will you disarm?\n\n"
        "OMAR SALEK-VARDA: No, we will not disarm before a political agreement is signed.\n"
    )
    found = read(reader, text, source="Radio Corvel International (broadcast transcript)")
    assert holders(found, "we will not disarm") == {"Kallan Hills Liberation Front"}


def test_a_committees_record_is_the_committees_and_its_witnesses_speak_for_their_company(
    reader,
):
    text = (
        "Witnesses: Elena Marsh, Chief Privacy Officer, Quillon Social; Jonas Brede, "
        "Vice-President for Public Policy, Quillon Social.\n\n"
        "Q1 The Chair: Will you suspend the feature?\n\n"
        "Jonas Brede: We will not suspend it, because the feature meets the regulator's own "
        "guidance.\n\n"
        "Q2 The Chair: The committee does not accept that confidentiality is a reason to "
        "withhold this list from Parliament.\n"
    )
    found = read(
        reader,
        text,
        source="Official Report of the Committee on Digital Affairs and Data, Parliament of "
        "Lanverre (uncorrected transcript)",
        title="Committee on Digital Affairs and Data - oral evidence from Quillon Social",
    )
    assert holders(found, "We will not suspend it") == {"Quillon Social"}
    assert holders(found, "The committee does not accept") == {
        "Committee on Digital Affairs and Data"
    }


def test_two_unions_with_and_in_their_names_are_two_issuers_of_every_sentence(reader):
    text = (
        "Pay and conditions must be harmonised upwards, never downwards.\n\n"
        "We call on both companies to publish their savings plan before the vote.\n"
    )
    found = read(
        reader,
        text,
        source="Joint statement issued by the Road Haulage and Storage Union and the Drivers' "
        "and Yard Staff Association",
    )
    want = {"Road Haulage and Storage Union", "Drivers' and Yard Staff Association"}
    assert holders(found, "We call on both companies") == want
    assert holders(found, "must be harmonised upwards") == want


def test_a_readout_by_the_presidents_office_is_the_republics(reader):
    text = (
        "President Ilka Voronen spoke by telephone today with Chancellor Otto Brandl of the "
        "Federal State of Ostwald.\n\n"
        "President Voronen called on the Chancellor to reopen the weir gates within seven days.\n"
    )
    found = read(
        reader,
        text,
        source="Press Service of the Office of the President of the Republic of Kervania",
        title="Readout of President Voronen's call with Chancellor Brandl",
    )
    assert holders(found, "called on the Chancellor to reopen") == {"Republic of Kervania"}


def test_a_business_introduced_by_its_kind_is_the_company_its_officer_speaks_for(reader):
    text = (
        "The Dunmore Tenants' Union has threatened a rent strike unless their landlord, "
        "Harwell Residential, abandons the increases.\n\n"
        "Harwell, which owns about 6,000 homes, said the increases reflected higher costs.\n\n"
        '"We will not freeze the rents," said Colin Marsh, the company\'s chief operating '
        "officer.\n"
    )
    found = read(reader, text, source="The Dunmore Courier")
    assert holders(found, "We will not freeze the rents") == {"Harwell Residential"}
