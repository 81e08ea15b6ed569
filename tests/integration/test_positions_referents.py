"""Whom a noun phrase stands for, on short texts written for these tests (not the eval texts):
"the committee" is a party with that word in its name or none (never the last organisation
named), and "you" / "your members" in a letter are the addressee's party. Uses the packaged
spaCy model (no embedding model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_the_committee_is_not_the_last_organisation_named(reader):
    text = (
        'Ana Bell, chief executive of the Dunmere Fire Service, said: "We are asking the '
        'county to fund two new engines."\n\n'
        "The committee expects the county to reply by June.\n"
    )
    found = _read(reader, text, source="Valley Gazette")
    assert ("Dunmere Fire Service", "demands") in [(h, s) for h, s, _ in found]
    assert all(
        not (h == "Dunmere Fire Service" and t.startswith("The committee")) for h, _, t in found
    )


def test_your_members_in_a_letter_are_the_addressees(reader):
    text = (
        "To: Ms Rita Colm, Branch Secretary, Warehouse Staff Union\n\n"
        "Dear Ms Colm,\n\n"
        "You have told us that your members will strike from 3 May if the rota is not changed. "
        "We cannot change the rota before the summer.\n"
    )
    found = _read(reader, text, source="Brockway Logistics")
    assert [(h, s) for h, s, _ in found] == [
        ("Warehouse Staff Union", "warns"),
        ("Brockway Logistics", "rejects"),
    ]


def test_a_negative_subject_asks_for_nothing(reader):
    found = _read(
        reader,
        "Work on the Marsh Lane bridge began in March. A spokesman for the Tarvel Port Authority "
        "said nobody had asked the authority to delay the work.",
        source="Tarvel Port Authority",
    )
    assert found == []


def test_people_of_a_kind_in_a_partys_report_are_its_people(reader):
    found = _read(
        reader,
        "The Hollin Street Tenants' Association said tenants would withhold their rent from May "
        "if no repair date was set.",
        source="Mardale Echo",
    )
    assert [(h, s) for h, s, _ in found] == [("Hollin Street Tenants' Association", "warns")]


def test_will_have_to_is_a_consequence_not_a_demand(reader):
    found = _read(
        reader,
        "BERIT LUND (CHIEF EXECUTIVE, HOLM FERRIES): If the harbour dues go up again, we will "
        "have to review the winter timetable.\n\n"
        "BERIT LUND: Passengers will have to pay more for tickets next year.\n",
        source="Holm Ferries",
    )
    assert [(h, s) for h, s, _ in found] == [("Holm Ferries", "warns")]


def test_she_is_not_the_person_already_called_he(reader):
    found = _read(
        reader,
        "The Lisker Dockers' Union demanded on Thursday that Harlow Shipping restore the night "
        "allowance. Harlow's operations director, Nina Sayer, said the firm was prepared to pay "
        "a one-off bonus instead. Union leader Piotr Wend told reporters the bonus was an insult. "
        "He said members would strike from May 20 if the allowance was not restored. "
        "She said the company would not negotiate under threat.",
        source="Northern Wire Service",
    )
    held = {t.split()[0]: h for h, _, t in found}
    assert held["He"] == "Lisker Dockers' Union"
    assert held["She"] == "Harlow Shipping"


def test_an_unnamed_company_in_a_speech_is_not_the_speaker(reader):
    text = (
        "Ms Lena Hart (Progressive Party): The Minister knows that the operator has threatened "
        "to sue. The Progressive Party cannot support a Bill that may end in a court case.\n"
    )
    found = _read(reader, text, source="Tavel Assembly Official Report")
    assert [(h, s) for h, s, _ in found] == [("Progressive Party", "rejects")]


def test_referring_the_matter_to_an_authority_is_a_warning(reader):
    found = _read(
        reader,
        "If the route is withdrawn without notice, the council will refer the matter to the "
        "Traffic Commissioner.",
        source="Mossley Borough Council",
    )
    assert [(h, s) for h, s, _ in found] == [("Mossley Borough Council", "warns")]
