"""A text with no source line says who publishes it in its letterhead: the body above a release's
marker line ("REPUBLIC OF VANTARRO / Ministry of Fisheries / PRESS RELEASE"), the body under a
title that says what the text is ("Statement on ... / Penwith Moor Community Health Trust"), or
a first line that is a body's name and nothing else ("Ministry of Foreign Affairs of the Kingdom
of Ostrava / Transcript of ..."). Its "we" is that body's, and so is "the government" in a
ministry's briefing. Cleaning keeps a letterhead's lines apart (joined, "Pennymoor Wystan Vale
Hospitals" made one title of two lines). Texts written for these tests; the packaged spaCy
model, the text cleaned as ingestion cleans it.
"""

from __future__ import annotations

import pytest

from index.cleaning import normalise
from index.metadata import guess_title
from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def read(reader, text):
    return _read(reader, text, title=guess_title(normalise(text)))


RELEASE = (
    "REPUBLIC OF VANTARRO\n"
    "Ministry of Fisheries\n\n"
    "PRESS RELEASE\n"
    "Solmere, 4 March\n\n"
    "Vantarro closes its waters to Kelvish trawlers\n\n"
    "The Government has today closed the Sarn Bank to trawlers registered in Kelvia.\n\n"
    "We will not accept that our fleet is kept out of waters it has fished for generations.\n\n"
    "Should Kelvia lift its landing ban, we are prepared to reopen the Sarn Bank the same day.\n\n"
    "The Harbour Traders' Guild, which had urged the ministry for months to act, welcomed the "
    "decision.\n"
)


def test_the_body_above_a_release_marker_publishes_it(reader):
    found = read(reader, RELEASE)
    ministry = {"Ministry of Fisheries"}
    assert holders(found, "We will not accept that our fleet") == ministry, found
    assert holders(found, "we are prepared to reopen") == ministry, found
    assert stances(found, "we are prepared to reopen") == {"offers"}, found


def test_a_demand_told_as_what_came_before_is_no_statement(reader):
    found = read(reader, RELEASE)
    assert not holders(found, "which had urged the ministry"), found


TRUST = (
    "Statement on the closure of the Harlby ward\n"
    "Penwith Moor Community Health Trust\n"
    "12 May 2025\n\n"
    "Over the past month many patients have written to us about the ward.\n\n"
    "We are not able to reverse the decision this year.\n\n"
    "We will publish the staffing review on our website by 30 May.\n"
)


def test_the_body_under_a_statement_title_publishes_it(reader):
    found = read(reader, TRUST)
    assert holders(found, "We are not able to reverse") == {
        "Penwith Moor Community Health Trust"
    }, found
    assert holders(found, "We will publish the staffing review") == {
        "Penwith Moor Community Health Trust"
    }, found


HEADLINE = (
    "Harlby Council Votes To Close Ostmere Library\n\n"
    "By Jane Doe, Staff Writer\n\n"
    "Harlby District Council voted on Tuesday to close the Ostmere library in June.\n\n"
    '"We will not reverse the decision," the council leader, Ada Fenn, said.\n'
)


def test_a_title_case_headline_over_a_byline_publishes_nothing(reader):
    found = read(reader, HEADLINE)
    assert holders(found, "We will not reverse the decision") == {"Harlby District Council"}, found


def test_wrapped_headlines_still_join():
    for text, title in (
        (
            "Ministry of Health\nannounces new vaccine rules\n\nText.",
            "Ministry of Health announces",
        ),
        (
            "Unions reject pay offer from Harlby\nDistrict Council\n\nText.",
            "Unions reject pay offer",
        ),
        (
            "MINISTRY ANNOUNCES NEW\nFISHING QUOTAS FOR 2025\n\nText.",
            "MINISTRY ANNOUNCES NEW FISHING",
        ),
        (
            "Strikes Spread As Transport Workers Union\nRejects Final Offer\n\nText.",
            "Strikes Spread",
        ),
    ):
        first = normalise(text).split("\n")[0]
        assert first.startswith(title) and first.endswith(text.split("\n")[1]), first


def test_a_letterhead_keeps_its_lines():
    text = normalise(TRUST)
    assert guess_title(text) == "Statement on the closure of the Harlby ward"
    assert text.split("\n")[1] == "Penwith Moor Community Health Trust"
    # a wrapped headline ending on "by" is still one line
    wrapped = normalise("Residents condemn the plan backed by\nHarlby District Council\n\nText.")
    assert wrapped.split("\n")[0] == "Residents condemn the plan backed by Harlby District Council"


BRIEFING = (
    "Ministry of Foreign Affairs of the Kingdom of Ostrava\n"
    "Transcript of the weekly press briefing by Spokesperson Lene Marr\n\n"
    "MARR: Good afternoon. We call on Zelden to return the two seized trawlers this week.\n\n"
    "But let me be clear: if our fishermen are detained again, the government will suspend the "
    "joint border commission.\n\n"
    "QUESTION: Will the minister travel to Zelden?\n\n"
    "MARR: The government has no intention of sending warships to the bank.\n"
)


def test_a_ministry_briefing_speaks_for_its_government(reader):
    found = read(reader, BRIEFING)
    ministry = "Ministry of Foreign Affairs of the Kingdom of Ostrava"
    assert holders(found, "We call on Zelden") == {ministry}, found
    assert holders(found, "the government will suspend") == {ministry}, found
    assert holders(found, "no intention of sending warships") == {ministry}, found


def test_suspending_a_joint_body_on_a_condition_is_a_warning(reader):
    found = read(reader, BRIEFING)
    assert stances(found, "the government will suspend") == {"warns"}, found


INTERVIEW = (
    "Interview: Katya Brenn, chief executive of Orlen Mining\n\n"
    "HOST: For a week members of the Tessar Valley Council have blocked the road into Orlen "
    "Mining's Dunmore quarry. What is the council asking for?\n\n"
    "KATYA BRENN: First, they want all drilling at Dunmore stopped until a survey is done. We "
    "will pay for the survey ourselves.\n"
)


def test_they_in_a_speakers_answer_is_the_other_side(reader):
    found = _read(
        reader, INTERVIEW, title="Interview: Katya Brenn, chief executive of Orlen Mining"
    )
    assert holders(found, "they want all drilling") == {"Tessar Valley Council"}, found
    assert holders(found, "We will pay for the survey") == {"Orlen Mining"}, found


CAMPUS = (
    "Harlby University to shut its Ostmere site as staff vow to fight\n\n"
    "By Ines Carrow, Education Correspondent\n\n"
    "Harlby University will close its Ostmere site in Penlow next year, moving 900 students.\n\n"
    'Vice-chancellor Professor Idris Moyle said no student would lose a place. "Every student '
    "enrolled at Ostmere today will finish there, and we will keep the library open until the "
    'last of them graduates," he said.\n\n'
    "Penlow's mayor, Greta Vand, called the decision a blow for the town.\n\n"
    "The Ostmere branch of the Guild of College Librarians, which represents 40 staff, opened a "
    "ballot on Thursday.\n\n"
    '"We will not discuss redeployment while compulsory redundancies are on the table," said the '
    "branch secretary, Dr Tomas Verrin.\n"
)


def test_a_university_officer_and_a_union_branch_officer_speak_for_their_bodies(reader):
    found = read(reader, CAMPUS)
    assert holders(found, "we will keep the library open") == {"Harlby University"}, found
    assert holders(found, "We will not discuss redeployment") == {"Guild of College Librarians"}, (
        found
    )
    assert not any("Penlow's" in h for h, _, _ in found), found


MINUTES = (
    "HARLOW VALE SCHOOL DISTRICT\n"
    "BOARD OF TRUSTEES\n"
    "MINUTES OF THE MEETING OF 3 MARCH 2025\n"
    "Linden Room, District Office, 12 Mill Lane, Harlow Vale\n\n"
    "1. PUBLIC COMMENT\n"
    "Mira Holt, speaking for the Harlow Vale Parents' Association, said parents would not accept "
    "any plan that split siblings between two schools.\n"
    "Oren Castell, president of the Harlow Vale Federation of Teachers (HVFT), said the union "
    "would not agree to any transfer of teachers outside the seniority rules.\n\n"
    "2. SUPERINTENDENT'S REPORT\n"
    "The district will provide free bus transport for all reassigned students for three years, "
    "the Superintendent said.\n"
)


def test_minutes_keep_the_district_and_the_speakers_union_apart(reader):
    found = read(reader, MINUTES)
    assert holders(found, "would not agree to any transfer") == {
        "Harlow Vale Federation of Teachers"
    }, found
    assert holders(found, "The district will provide free bus transport") == {
        "Harlow Vale School District"
    }, found


LETTER = (
    "HARNBY ALLOTMENT SOCIETY\n"
    "12 Orchard Row, Harnby\n\n"
    "Mr Tobias Lenk\n"
    "Head of Parks\n"
    "Harnby Borough Council\n"
    "Town Hall, Harnby\n\n"
    "4 March 2025\n\n"
    "Dear Head of Parks,\n\n"
    "Your officers have told us that they will not pay for new fencing at the Mill Lane site.\n\n"
    "We ask that the lease be extended to 2030.\n\n"
    "Yours sincerely,\n"
    "Anna Pell\n"
    "Secretary\n"
)


def test_a_letters_address_block_says_whom_you_stand_for(reader):
    found = read(reader, LETTER)
    council = {"Harnby Borough Council"}
    assert holders(found, "they will not pay for new fencing") == council, found
    assert holders(found, "We ask that the lease be extended") == {"Harnby Allotment Society"}, (
        found
    )
