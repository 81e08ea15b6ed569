"""Who speaks in a press office's joint release, in a committee hearing and under an open
letter's title: on short texts written for these tests (not the eval texts). A source line
"X press office (joint release with Y Ltd)" publishes as X, and the release's "we" is X's and
Y's; a witness who says "I speak for the Z Council" speaks for it in every turn; "Open letter
to Mayor A" makes no party called "Open"; "I want to be direct with the committee" is talk, not
a demand; "Senate Secretariat, Academic Registry, University of Tarl" publishes for the
University; "the group" in a water company's statement is the residents' group it names,
not the company. Uses the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_a_press_office_joint_release_is_both_publishers(reader):
    found = read(
        reader,
        "JOINT PRESS RELEASE\n\n"
        "The Tessen Valley Growers' Union and Orrin Mills, the valley's largest flour mill, "
        "today set out their position on the new grain contract.\n\n"
        "We call on Kestley Foods to withdraw the price cut before the harvest begins.\n",
        source="Tessen Valley Growers' Union press office (joint release with Orrin Mills Ltd)",
    )
    assert holders(found, "We call on Kestley Foods") == {
        "Tessen Valley Growers' Union",
        "Orrin Mills",
    }


HEARING = (
    "Witnesses: Mr Alan Gray, Chief Executive, Brenmoor Quarries Ltd; Councillor Aila Moss, "
    "Lands Portfolio\n\n"
    "The Chair (Ms Holt): I welcome our two witnesses.\n\n"
    "Councillor Moss: Thank you, Chair. I speak for the Sennet Valley Council, which our "
    "people elected in 2021.\n\n"
    "Mr Gray: I want to be direct with the committee on one point. We will not move the "
    "crusher.\n\n"
    "Councillor Moss: We ask this committee to suspend the licence until the dust survey is "
    "done.\n"
)


def test_a_witness_who_says_whom_she_speaks_for_speaks_for_it(reader):
    found = read(
        reader,
        HEARING,
        source="Official Report of the Assembly of Carrow, Standing Committee on Land",
        title="Evidence session on the Brenmoor quarry",
    )
    assert holders(found, "We ask this committee to suspend the licence") == {
        "Sennet Valley Council"
    }
    # saying how one will speak is no position
    assert holders(found, "I want to be direct") == set()


def test_an_open_letter_to_a_mayor_makes_no_party_of_its_first_word(reader):
    found = read(
        reader,
        "To: Mayor Celia Marr, City of Quenby\n\n"
        "We ask the Mayor to postpone the charge until March.\n\n"
        "REPLY FROM THE OFFICE OF THE MAYOR\n\n"
        "Mayor Marr will not postpone the charge, which starts on 1 September.\n",
        source="Quenby Traders' Association (open letter, with the Mayor's reply)",
        title="Open letter to Mayor Celia Marr on the central zone charge",
    )
    assert not any(h == "Open" for h, _, _ in found)


def test_an_office_inside_a_body_publishes_for_the_body(reader):
    found = read(
        reader,
        "MINUTES OF SENATE\n\n"
        "6.1 The Vice-Chancellor introduced the paper on the closure of BA Music.\n\n"
        "6.2 Staff whose posts were affected would be offered redeployment or a voluntary "
        "severance package.\n",
        source="Senate Secretariat, Academic Registry, University of Tarl",
        title="Minutes of Senate, item 6",
    )
    assert holders(found, "would be offered redeployment") == {"University of Tarl"}


def test_the_group_in_a_company_statement_is_the_group_it_names(reader):
    found = read(
        reader,
        "Statement from Tarlow Water\n\n"
        "We are sorry for the disruption that last week's boil-water notice caused.\n\n"
        "The Northgate Residents' Action Group wrote to us on Monday. The group has asked for "
        "compensation of 100 pounds for every household and an independent inquiry.\n",
        source="Tarlow Water",
    )
    assert holders(found, "The group has asked for compensation") == {
        "Northgate Residents' Action Group"
    }
