"""Who publishes a page, who writes a post, who meets at a summit: the holder of a text's "we"
when no source line names it. Short texts written for these tests (not the eval texts); the
packaged spaCy model, no embedding model.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_a_body_named_before_a_pages_colon_publishes_it(reader):
    title = "Lindqvist Harbour Board: questions and answers on the new pilotage fees"
    text = (
        f"{title}\n\n"
        "Why are the fees going up?\n\n"
        "Dredging the channel cost twice what was planned. "
        "We will not charge small fishing boats the new fee.\n"
    )
    found = _read(reader, text, title=title)
    assert holders(found, "We will not charge") == {"Lindqvist Harbour Board"}, found


def test_a_response_of_a_federation_is_the_federations(reader):
    # "Federation" is a body, not a person's surname; "Independent" is no newspaper here
    title = "Response of the Independent Bakers Federation to the flour levy consultation"
    text = f"{title}\n\nWe cannot accept a levy on flour that small bakeries cannot pass on.\n"
    found = _read(reader, text, title=title)
    assert holders(found, "We cannot accept") == {"Independent Bakers Federation"}, found


def test_a_posts_byline_under_its_title_names_whose_we_it_is(reader):
    title = "Where we stand on the data review"
    text = (
        f"{title}\n\n"
        "Posted by Ilse Marten, Chief Executive, Tessaly Analytics, 4 May 2026\n\n"
        "The Data Commissioner opened a review of our records in March. "
        "We will not hand over customers' files without a court order.\n"
    )
    found = _read(reader, text, title=title)
    assert holders(found, "We will not hand over") == {"Tessaly Analytics"}, found


def test_a_guest_introduced_with_her_portfolio_speaks_for_her_company(reader):
    text = (
        "The Morning Line\n\n"
        "ROSA HALE (PRESENTER): With me are Ivo Brandt, head of public affairs at Vantro, and "
        "Lea Moss, an organiser with the Harbour Couriers Union. Ivo, what now?\n\n"
        "IVO BRANDT: We will not pay the new kerb charge until the city shows its figures.\n\n"
        "ROSA HALE (PRESENTER): Lea?\n\n"
        "LEA MOSS: Our members want a fixed rate per parcel.\n\n"
        "ROSA HALE (PRESENTER): Vantro says it may go to court. Will you?\n\n"
        "LEA MOSS: We demand that the city meets us first.\n"
    )
    found = _read(reader, text, title="The Morning Line")
    assert holders(found, "We will not pay") == {"Vantro"}, found
    assert holders(found, "We demand that the city") == {"Harbour Couriers Union"}, found
    assert not holders(found, "may go to court"), found  # the presenter's turn asks


def test_the_parties_of_a_summit_communique_are_each_state_that_met(reader):
    title = "Joint Communique of the Osterholm Summit on River Shipping"
    text = (
        f"{title}\n\n"
        "1. The Prime Ministers of the Republic of Alvena, Dornland and the Kingdom of Merrow "
        "met in Osterholm on 2 May to review shipping on the Osse.\n\n"
        "2. The Parties call upon the Government of Tarsk to reopen the Osse locks to "
        "commercial barges.\n\n"
        "3. Dornland proposed a joint fund for dredging the lower river.\n"
    )
    found = _read(reader, text, title=title)
    assert holders(found, "The Parties call upon") == {"Alvena", "Dornland", "Merrow"}, found
    assert holders(found, "Dornland proposed") == {"Dornland"}, found


def test_a_pages_title_is_no_statement(reader):
    title = "Kessel Valley Rail: timetable update - we propose to close two stations"
    text = f"{title}\n\nWe will not close Brisk Lane station before the new line opens.\n"
    found = _read(reader, text, title=title)
    assert [t for _, _, t in found] == [
        "We will not close Brisk Lane station before the new line opens."
    ], found


def test_a_members_turn_naming_her_own_party_is_its_position(reader):
    # in a debate, a turn's sentence needs no "said" to be someone's own words
    text = (
        "Harbour Levy Bill: second reading\n\n"
        "Ms Orla Finch (Kelby) (Island Greens): The Island Greens will not support any levy "
        "that sends harbour money to the capital. The harbours have waited long enough.\n\n"
        "Mr Tam Rusk (Dorrow) (Labour Front): Will the Member give way?\n"
    )
    found = _read(reader, text, title="Harbour Levy Bill: second reading")
    assert holders(found, "will not support any levy") == {"Island Greens"}, found


def test_initials_after_a_name_are_the_same_party_and_a_record_is_its_publishers(reader):
    text = (
        "Press conference, 2 June\n\n"
        "Speakers: Ana Brook, President, Kelvar Rowing Federation (KRF); Jon Tarr, Director "
        "of Events, KRF; Mila Dorn, General Secretary, Rowers' Union of Kelvar (RUK)\n\n"
        "MODERATOR: Ms Brook.\n\n"
        "PRESIDENT BROOK: We will not move the regatta from Lake Orm.\n\n"
        "MODERATOR: Mr Tarr.\n\n"
        "TARR: We are prepared to pay for a second safety boat.\n\n"
        "MODERATOR: Ms Dorn.\n\n"
        "DORN: Our members want the prize money doubled.\n"
    )
    found = _read(
        reader,
        text,
        source="transcript published by the press office of the Kelvar Rowing Federation",
    )
    assert holders(found, "We will not move") == {"Kelvar Rowing Federation"}, found
    assert holders(found, "second safety boat") == {"Kelvar Rowing Federation"}, found
    assert holders(found, "prize money doubled") == {"Rowers' Union of Kelvar"}, found


def test_minutes_give_officers_present_to_the_body_and_a_speaker_to_whom_she_speaks_for(reader):
    title = "Harlow Valley Water Board: Minutes of the meeting of 3 March 2026"
    text = (
        f"{title}\n\n"
        "1. Opening\n"
        "The Chair opened the meeting at 6 p.m. Also present: Chief Engineer Mr. Piet Lorne "
        "and Clerk Ada Voss.\n\n"
        "2. Public comment\n"
        "The Chair invited comments from the floor. Nadia Ferrer, speaking for the Upper Harlow Anglers' Club, asked the Board to stop "
        "drawing water from the upper lake in August.\n\n"
        "3. Reply\n"
        "The Chair thanked her. Mr. Lorne offered to cut the August draw by half from next summer.\n"
    )
    found = _read(reader, text, title=title)
    assert holders(found, "asked the Board to stop") == {"Upper Harlow Anglers' Club"}, found
    assert holders(found, "Lorne offered") == {"Harlow Valley Water Board"}, found
