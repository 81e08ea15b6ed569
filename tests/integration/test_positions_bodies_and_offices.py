"""Whose words these are when the text names a body by what it is rather than by its name, or
a speaker by an office: on short texts written for these tests (not the eval texts). A place
after "in" is where someone works, not for whom; "the agency's head of operations" works for
the agency the text names; a sentence-opening "It" is the party the sentence before is about;
a minister given no country serves the one state the text names; a legislature's Speaker holds
no position, and a minister's label is the government's; "Demand for flights rose" is a
market's. Uses the packaged spaCy model (no embedding model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def _holders(found, opening):
    return {h for h, _, t in found if t.startswith(opening)}


def test_a_place_after_in_is_not_the_speakers_party_but_the_agency_is(reader):
    text = (
        "The Northern Food Relief Programme said on Monday it would stop deliveries to the "
        "valley unless the militia reopened the bridge.\n\n"
        '"We demand that the bridge be reopened by Friday," said Lena Brask, the agency\'s head of logistics '
        "in Dorvania.\n\n"
        "Brask said the agency would not pay any toll to armed men.\n"
    )
    found = _read(reader, text, source="Coastline Wire")
    assert _holders(found, '"We demand') == {"Northern Food Relief Programme"}
    assert _holders(found, "Brask said") == {"Northern Food Relief Programme"}
    assert not any(h == "Dorvania" for h, _, _ in found)


def test_it_opening_a_sentence_is_the_party_the_sentence_before_is_about(reader):
    text = (
        "The Varnia City Council demanded that the checkpoints be removed by the weekend.\n\n"
        "The Eastern Ridge Brigade, which took the pass from army units last month, said in a "
        "statement that lorries could cross if its fighters searched them.\n\n"
        "It rejected the council's call to remove the checkpoints.\n"
    )
    found = _read(reader, text, source="Coastline Wire")
    assert _holders(found, "It rejected") == {"Eastern Ridge Brigade"}


def test_a_minister_given_no_country_serves_the_one_state_the_text_names(reader):
    text = (
        "Quenmark's dock workers will strike on Monday unless the port operator raises pay, "
        "their union said.\n\n"
        '"We will not accept a pay deal dictated by a strike deadline," said Transport Minister '
        "Ilse Varga.\n\n"
        "Quenmarkian ports handle most of the country's grain exports.\n"
    )
    found = _read(reader, text, source="Coastline Wire")
    assert _holders(found, '"We will not accept') == {"Quenmark"}


def test_the_speaker_holds_no_position_and_a_ministers_label_is_the_governments(reader):
    text = (
        "The Speaker: Order. The honourable Member for Westbrook will not interrupt the "
        "Minister.\n\n"
        "Mr Haldane (Minister for Transport): We will not reopen the rail franchise, and I "
        "can assure the House that no station will close this year.\n\n"
        "Ms Corrie (Opposition): We call on the Government to publish the franchise accounts.\n\n"
        "The Speaker: The question is that the motion be agreed to. The motion is not agreed "
        "to.\n"
    )
    found = _read(reader, text, source="Official Report of the House of Delegates of Mirrania")
    assert not _holders(found, "The honourable Member")
    assert not _holders(found, "The motion is not agreed")
    assert _holders(found, "We will not reopen") == {"Government"}
    assert not any(h.startswith("Official Report") for h, _, _ in found)


def test_demand_for_a_product_is_a_markets_not_a_partys(reader):
    text = (
        "Demand for flights from Kestrel Field has risen by 12 percent this year.\n\n"
        "We call on the airport to publish its night-flight figures every month.\n"
    )
    found = _read(reader, text, source="Kestrel Pilots' Association")
    assert not _holders(found, "Demand for flights")
    assert [s for _, s, t in found if t.startswith("We call")] == ["demands"]


def test_a_source_line_that_names_only_the_kind_of_text_leaves_the_title_to_name_the_author(
    reader,
):
    text = "We will not close the night bus routes before the survey of riders is finished.\n"
    found = _read(
        reader,
        text,
        source="statement",
        title="Statement from the Harlow Valley Transit Board on the night network",
    )
    assert [h for h, _, _ in found] == ["Harlow Valley Transit Board"]


def test_it_in_a_quotes_reporting_clause_is_the_party_just_named(reader):
    text = (
        "The Orwell Students' Union answered within the hour.\n\n"
        '"We demand a rent freeze in every hall of residence," it wrote on Instagram.\n'
    )
    found = _read(reader, text, source="Orwell Evening Courier")
    assert _holders(found, '"We demand') == {"Orwell Students' Union"}


def test_a_letters_second_signing_organisation_holds_its_we_too(reader):
    text = (
        "Dear Minister,\n\n"
        "We ask you to withdraw the proposed night-shift rota before it is sent to the wards.\n\n"
        "Yours sincerely,\n\n"
        "Dr. Ana Levin\nPresident, Dunmore Society of Anaesthetists\n\n"
        "Dr. Paul Okri\nChair, Dunmore College of Surgeons\n"
    )
    found = _read(reader, text, source="Dunmore Society of Anaesthetists")
    assert _holders(found, "We ask") == {
        "Dunmore Society of Anaesthetists",
        "Dunmore College of Surgeons",
    }


def test_a_letters_subject_line_is_no_statement(reader):
    text = (
        "Dear Minister,\n\n"
        "Proposed weekend operating lists and on-call payments\n\n"
        "We reject the flat on-call allowance.\n"
    )
    found = _read(reader, text, source="Dunmore Society of Anaesthetists")
    assert [(s, t.split()[0]) for _, s, t in found] == [("rejects", "We")]


def test_an_order_is_a_demand_and_the_company_is_neither_the_mine_nor_the_cooperative(reader):
    text = (
        "The regional government of Serra Alta ordered Vessen Mining Corp on Monday to stop all "
        "blasting at its Pico Verde copper mine.\n\n"
        "The Pico Verde Miners' Cooperative called on the company to pay for new homes.\n\n"
        "The company said it would not accept responsibility for the landslide.\n"
    )
    found = _read(reader, text, source="Coastline Wire")
    assert [s for _, s, t in found if t.startswith("The regional")] == ["demands"]
    assert _holders(found, "The company said") == {"Vessen Mining"}


def test_an_emails_sender_speaks_for_the_body_their_address_names(reader):
    text = (
        "From: Lena Marsh <l.marsh@pwg.example>\n"
        "To: Tom Eade <tom.eade@calloway.example>\n"
        "Subject: Night rota\n\n"
        "Dear Mr Eade,\n\n"
        "We ask you to withdraw the new night rota before it starts on 1 March.\n\n"
        "Lena Marsh\nSecretary, Port Workers' Guild\n\n"
        "From: Tom Eade <tom.eade@calloway.example>\n"
        "To: Lena Marsh <l.marsh@pwg.example>\n"
        "Subject: Re: Night rota\n\n"
        "Dear Ms Marsh,\n\n"
        "We will not withdraw the rota, but we are prepared to review it after three months.\n\n"
        "Tom Eade\nHead of Operations, Calloway Terminals\n"
    )
    found = _read(reader, text, source="emails released by the Port Workers' Guild")
    assert _holders(found, "We ask") == {"Port Workers' Guild"}
    assert _holders(found, "We will not withdraw") == {"Calloway Terminals"}


def test_a_joint_statements_title_names_every_body_that_issues_it(reader):
    text = "We call on the Ministry to keep the Brandholm ferry running through the winter.\n"
    found = _read(
        reader,
        text,
        source="Municipality of Orrvik, on behalf of the three municipalities",
        title="Joint statement of the municipalities of Orrvik, Lindas and Haugstad",
    )
    assert {h for h, _, _ in found} == {"Municipality of Orrvik", "Lindas", "Haugstad"}


def test_a_title_naming_a_person_gives_no_publisher(reader):
    from assistant.stance import publisher_named

    assert publisher_named("statement", "Statement by Foreign Minister Ana Ruiz on the talks") == ""
    assert publisher_named("", "Letter from the Orrvik Harbour Board to the minister") == (
        "Orrvik Harbour Board"
    )
