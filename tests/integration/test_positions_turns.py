"""Who speaks in a transcript, on short texts written for these tests (not the eval texts): a
journalist's turn holds no statement whatever outlet its label names, an office named by its
portfolio ("Cabinet Member for Regeneration") is not a party, and a speaker label is not the
subject of the sentence it opens. Uses the packaged spaCy model (no embedding model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_a_reporter_turn_naming_its_outlet_holds_no_statement(reader):
    text = (
        "IDA MORROW (CHIEF EXECUTIVE, QUAYSIDE FERRIES): We are prepared to restore the late "
        "sailing from June.\n\n"
        "REPORTER (Harbour Gazette): The Island Residents' Forum is demanding a winter timetable "
        "as well. Will you give them one?\n\n"
        "IDA MORROW: We cannot run a winter timetable with two boats.\n"
    )
    found = _read(reader, text, source="Quayside Ferries")
    assert [(h, s) for h, s, _ in found] == [
        ("Quayside Ferries", "offers"),
        ("Quayside Ferries", "rejects"),
    ]


def test_a_portfolio_in_a_speaker_label_is_an_office_not_a_party(reader):
    text = (
        "CLLR OWEN TREW (CABINET MEMBER FOR TRANSPORT): We cannot agree to a second bridge "
        "over the canal.\n"
    )
    found = _read(reader, text, source="Mossley Borough Council")
    assert [(h, s) for h, s, _ in found] == [("Mossley Borough Council", "rejects")]


def test_a_speaker_label_is_not_the_subject_of_its_sentence(reader):
    text = (
        "THE MAYOR: We turn to item 4. I call the Cabinet Member for Housing.\n\n"
        "CLLR ANN LOWE (CABINET MEMBER FOR HOUSING): Thank you, Mayor. The administration will "
        "not agree to that.\n\n"
        "CLLR DEREK HALE (INDEPENDENT GROUP): The Independent Group calls on the administration "
        "to hold a public consultation before any deal with Calder Homes is signed.\n"
    )
    found = _read(reader, text, source="Mossley Borough Council")
    demands = [h for h, s, _ in found if s == "demands"]
    assert len(demands) == 1 and demands[0].startswith("Independent")
    assert all("HALE" not in h.upper() for h, _, _ in found)
    assert all(not t.startswith("CLLR") for _, _, t in found)


def test_a_company_in_apposition_to_its_kind_is_the_party_not_its_employee(reader):
    text = (
        "CLLR ANN LOWE (CABINET MEMBER FOR HOUSING): Thank you, Mayor. The operator, Calder "
        "Homes, has asked the council to drop the play area. The administration will not agree "
        "to that.\n\n"
        "CLLR PETER VOSS (INDEPENDENT GROUP): The Independent Group calls on the administration "
        "to hold a public consultation before any deal with Calder Homes is signed.\n"
    )
    found = _read(reader, text, source="Mossley Borough Council")
    assert [(h, s) for h, s, _ in found][:2] == [
        ("Calder Homes", "demands"),
        ("Mossley Borough Council", "rejects"),
    ]


_THREAD = """Harbour Anglers' Club (@HarbourAnglers) · 3 Mar, 09:10
The new mooring fees are double last year's.

Harbour Anglers' Club (@HarbourAnglers) · 3 Mar, 09:12
We demand that Quayside Marinas freezes the fees until the pontoons are repaired.

Quayside Marinas (@QuaysideHelp) · 3 Mar, 10:40
We cannot freeze the fees, because the pontoon repairs are what the rise pays for.
"""


def test_a_post_header_opens_its_accounts_turn(reader):
    found = _read(reader, _THREAD, source="Posts compiled by the Harbour Echo")
    assert [(h.startswith("Harbour Anglers"), h, s) for h, s, _ in found] == [
        (True, found[0][0], "demands"),
        (False, "Quayside Marinas", "rejects"),
    ]
    assert all("(@" not in t for _, _, t in found)


def test_its_members_are_the_organisation_that_reports_them(reader):
    found = _read(
        reader,
        "Drivers at Norcombe Coaches have voted for action, the Coach Drivers' Guild said. "
        "The guild said its members would walk out for 24 hours from Friday unless Norcombe "
        "raised its pay offer. It is seeking 6 per cent.",
        source="Valley Business Wire",
    )
    assert [(h, s) for h, s, _ in found] == [
        ("Coach Drivers' Guild", "warns"),
        ("Coach Drivers' Guild", "demands"),
    ]


def test_a_q_label_naming_its_outlet_is_a_question_turn(reader):
    text = (
        "SPOKESPERSON (DINA ROSS): We call on Merrow to reopen the bridge.\n\n"
        "Q (VALLEY NEWS): Merrow's minister says the bridge will stay closed until June. "
        "What is your response?\n\n"
        "SPOKESPERSON (DINA ROSS): We cannot wait until June.\n"
    )
    found = _read(reader, text, source="Ministry of Foreign Affairs of Tallin")
    assert [s for _, s, _ in found] == ["demands", "rejects"]
    assert all("June" not in t or t.startswith("We") for _, _, t in found)


def test_a_named_journalists_turn_holds_no_statement(reader):
    text = (
        "IDA MORROW (CHIEF EXECUTIVE, QUAYSIDE FERRIES): We are prepared to restore the late "
        "sailing from June.\n\n"
        "BEN SORLEY (COASTAL EVENING NEWS): The island council wants a winter timetable too.\n\n"
        "MARK DUNN: The residents say they will boycott the ferry. Will you meet them?\n\n"
        "IDA MORROW: We cannot run a winter timetable with two boats.\n"
    )
    found = _read(reader, text, source="Quayside Ferries")
    assert [(h, s) for h, s, _ in found] == [
        ("Quayside Ferries", "offers"),
        ("Quayside Ferries", "rejects"),
    ]


def test_a_story_quoting_a_post_in_its_sentence_opens_no_turn(reader):
    # a news story quotes two posts in its own sentences; the paragraphs after them are the
    # reporter's, not the last poster's (every one had been "Chaddy said: ...")
    from index.chunking import sentence_spans
    from index.cleaning import normalise

    text = normalise(
        "The brewery's beer was called ultraliberal by a candidate on Monday.\n\n"
        "X user Josh Geise (@joshgeise) said, \u201cWas at Kohler this weekend. Had my first "
        "Spotted Cow.\u201d\n\n"
        "Another X user, Chaddy (@brewcity43) said, \u201cSpotted Cow is okay.\u201d\n\n"
        "The brewery sells its beer only in Wisconsin and has done so since 1993.\n"
    )
    _, _, voices = reader.read(text, sentence_spans(text), "", "")
    at = text.index("The brewery sells")
    assert not [v for v in voices if v.start <= at < v.end]
    assert not [v for v in voices if v.kind == "turn"]


def test_a_page_s_heading_in_capitals_opens_no_turn(reader):
    # "BACK IN THE STATES: What is the draft?" is a link to another story, not a speaker's
    # turn; every paragraph after it had been "Back In States said: ..."
    from index.chunking import sentence_spans
    from index.cleaning import normalise

    text = normalise(
        "Russia has called up reservists, the ministry said on Tuesday.\n\n"
        "BACK IN THE STATES: What is the draft? And can it ever be reinstated here?\n\n"
        "The Kremlin said the call-up would end by the spring.\n\n"
        "SIGN-UP FOR YOUR VOTE: Text with the elections team.\n\n"
        "Officials in Kyiv said the front line had not moved.\n"
    )
    _, _, voices = reader.read(text, sentence_spans(text), "", "")
    assert not [v for v in voices if v.kind == "turn"]
    assert all("Back" not in v.speaker and "Vote" not in v.speaker for v in voices)
