"""Who holds a letter's "we" and a panel guest's words, and refusals worded as inability:
the one signer of a letter speaks for the body named under the signature (a letterhead in
capitals is that body, not "TRUST Office of the Chief Executive"); "the Mayor of X" speaks for
the city X, not for a group whose name begins with X; "Name from the Y Forum" speaks for Y;
"not in a position to guarantee" refuses; "I give you my word" assures; the reason after
"because" and a "whatever was suggested" hedge hold no position.
Texts written for these tests; the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from assistant.parties import Registry
from assistant.stance_parties import Parties, people_by_title
from index.metadata import guess_title
from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


LETTER = (
    "ASHCOMBE RIVER SCHOOLS PARTNERSHIP\n"
    "Office of the Director\n"
    "Station Road, Ashcombe\n\n"
    "To: Councillor Mira Jovic, Cabinet Member for Transport, Dunholt County Council\n\n"
    "3 March 2026\n\n"
    "Dear Councillor Jovic,\n\n"
    "Since January, forty pupils have waited over an hour for a bus home. "
    "We therefore ask the county to restore the 16:10 service before the summer term. "
    "We will not accept a later start to the school day.\n\n"
    "Yours sincerely,\n\n"
    "Tomas Reyes\n"
    "Director, Ashcombe River Schools Partnership\n"
)


def test_a_letters_one_signer_speaks_for_the_body_under_the_signature(reader):
    found = _read(reader, LETTER, title=guess_title(LETTER))  # the title ingest gives it
    assert holders(found, "We therefore ask the county") == {
        "Ashcombe River Schools Partnership"
    }, found
    assert holders(found, "We will not accept a later") == {"Ashcombe River Schools Partnership"}, (
        found
    )
    # the letterhead's office is no part of the body's name
    assert not any("Office of the Director" in h for h, _, _ in found), found


PANEL = (
    "RIVERSIDE FM - THE LATE DEBATE\n\n"
    "PRESENTER: With me are the Mayor of Holbury, Carla Vint, and Owen Drake from the Holbury "
    "Cyclists' Forum. Mayor, the ferry?\n\n"
    "CARLA VINT: The city will not close the ferry before a bridge is open. "
    "I give you my word that no one will be stranded on the south bank.\n\n"
    "PRESENTER: Owen?\n\n"
    "OWEN DRAKE: We want the ferry to carry bicycles free of charge.\n"
)


def test_a_mayor_speaks_for_her_city_and_a_guest_from_a_forum_for_the_forum(reader):
    found = _read(reader, PANEL, title="RIVERSIDE FM - THE LATE DEBATE")
    assert holders(found, "The city will not close") == {"Holbury"}, found
    assert holders(found, "We want the ferry") == {"Holbury Cyclists' Forum"}, found


def test_giving_ones_word_assures(reader):
    found = _read(reader, PANEL, title="RIVERSIDE FM - THE LATE DEBATE")
    assert [s for _, s, t in found if "give you my word" in t] == ["assures"], found


SOURCE = "Kelder Harbour Board"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("We are not in a position to guarantee any compensation for the lost season.", "rejects"),
        ("The Board is not in a position to guarantee that the slipway will reopen.", "rejects"),
        # the reason given is not a second party's demand
        (
            "The Board could not remove the barrier, because the licence requires a survey first.",
            None,
        ),
        # a hedge about what others said is no proposal; the refusal after it is the stance
        (
            "Our pilots are not refusing to work, whatever was suggested at the meeting, and we "
            "reject the claim that they caused the delay.",
            "rejects",
        ),
    ],
)
def test_refusals_worded_as_inability_and_what_is_no_position(reader, sentence, stance):
    found = _read(reader, sentence + "\n", source=SOURCE)
    assert [s for _, s, _ in found] == ([stance] if stance else []), found


POSTS = (
    "Save the Lune Meadows @LuneMeadows · 8:02\n"
    "Diggers are on the meadow again this morning. Photos below.\n\n"
    "Save the Lune Meadows @LuneMeadows · 8:05\n"
    "We demand that @HarrowHomes stops work on the meadow until the inquiry has ruled.\n\n"
    "Harrow Homes @HarrowHomes · 9:14\n"
    "We will not halt work that has full planning consent.\n"
)


def test_a_posts_header_of_a_display_name_then_a_handle_opens_its_owners_turn(reader):
    found = _read(reader, POSTS, title=guess_title(POSTS))
    assert holders(found, "We will not halt work") == {"Harrow Homes"}, found
    assert holders(found, "stops work on the meadow") == {"Save the Lune Meadows"}, found


def test_a_threat_after_an_inverted_should_condition_warns(reader):
    sentence = (
        "Should any club refuse to release its players on 3 May, we will treat that as a "
        "breach of its licence."
    )
    assert _read(reader, sentence + "\n", source="Norland Football League") == [
        ("Norland Football League", "warns", sentence)
    ]


def test_an_inverted_should_condition_parsed_as_the_root_is_still_the_condition(reader):
    sentence = (
        "Should the Agency require further data, we are prepared to fund an independent review."
    )
    assert _read(reader, sentence + "\n", source="Halden Pharma") == [
        ("Halden Pharma", "offers", sentence)
    ]


MINUTES = (
    "Minutes of the meeting of Brackley Parish Council, 4 June 2026\n\n"
    "Present: Cllr. Ames (Chairman), Cllr. Dunn, Cllr. Oduya.\n\n"
    "4. Public participation\n"
    "Mrs. Jane Cole, speaking for Brackley Meadow Action, said the group wanted the Council to "
    "oppose the new gravel pit. She said lorries already shook the homes on Mill Lane. "
    "She asked the Council to demand a traffic survey before any decision.\n\n"
    "5. Presentation\n"
    "The Chairman welcomed Mr. Hart, Estates Manager of Brackley Sand & Gravel Ltd. "
    "In answer to Mrs. Cole's question, the company was prepared to fund the survey itself.\n"
)


def test_a_street_is_no_person_and_the_company_is_the_one_with_a_legal_form(reader):
    found = _read(reader, MINUTES, title=guess_title(MINUTES))
    # "She" is Mrs Cole, not "Mill Lane"
    assert holders(found, "She asked the Council") == {"Brackley Meadow Action"}, found
    # "the company" is the Ltd, not the action group named after the same village
    assert holders(found, "the company was prepared") == {"Brackley Sand & Gravel"}, found


def test_he_is_never_the_woman_the_text_calls_ms(reader):
    text = (
        "Minutes of the Hollow Bank Residents' Forum\n\n"
        "Ms. Priya Lang, head teacher of Hollow Bank Primary School, asked about the lorries. "
        "In answer to Ms. Lang's question, he gave an assurance that lorries would avoid the "
        "school run.\n"
    )
    found = _read(reader, text, title=guess_title(text))
    # nobody the text calls "Mr." is named: no holder rather than Ms Lang's
    assert not holders(found, "he gave an assurance"), found


def test_its_officer_is_the_party_the_sentence_before_is_about(reader):
    text = (
        "Tenants of the Orchard Court blocks received rent letters last week. "
        "Kellbrook Lettings Ltd owns the blocks, and the city housing office licenses them.\n\n"
        "Kellbrook, to its credit, came to the meeting, unlike the Marsh Lane Housing Office. "
        "At the meeting on Monday, its regional "
        "manager, Dana Frost, offered to phase the increase over two years.\n\n"
        "Norvane, which has lost tenants for three years, has struggled to fill flats. "
        "Its chairman, Piet Olsen, said the company would not sell the estate.\n"
    )
    found = _read(reader, text, title=guess_title(text))
    assert holders(found, "offered to phase") == {"Kellbrook Lettings"}, found
    assert holders(found, "would not sell the estate") == {"Norvane"}, found


JOINT = (
    "Talvane and Morrow issue joint statement after river talks\n\n"
    "The foreign ministries released the following joint statement on Tuesday.\n\n"
    "JOINT STATEMENT OF THE MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF TALVANE AND THE "
    "MINISTRY OF FOREIGN AFFAIRS AND TRADE OF THE KINGDOM OF MORROW\n\n"
    "Delegations led by the Foreign Minister of the Republic of Talvane, Ada Kerr, and the "
    "Foreign Minister of the Kingdom of Morrow, Paul Vey, met in Senn.\n\n"
    "We call on both river authorities to publish their water readings every week.\n\n"
    "REACTION\n\n"
    "The Senn Valley Fishers' Cooperative welcomed the talks. The cooperative's chairman, "
    "Ivo Brandt, said members would not accept new catch limits this year.\n"
)


def test_a_long_joint_heading_names_both_bodies_until_another_heading(reader):
    found = _read(reader, JOINT, title=guess_title(JOINT))
    assert holders(found, "We call on both river authorities") == {
        "Ministry of Foreign Affairs of the Republic of Talvane",
        "Ministry of Foreign Affairs and Trade of the Kingdom of Morrow",
    }, found
    # after "REACTION", the cooperative's chairman speaks for the cooperative
    assert holders(found, "would not accept new catch limits") == {
        "Senn Valley Fishers' Cooperative"
    }, found


def test_two_ministers_listed_are_each_their_own_states(reader):
    text = JOINT.split("\n\n")[3]  # "... Talvane, Ada Kerr, and the Foreign Minister of ..."
    assert "Ada Kerr, and the" in text
    parties = Parties(Registry.load(), people={}, text=text)
    people_by_title(text, parties)
    assert parties.people.get("Ada Kerr", "") != "Kingdom of Morrow", parties.people


def test_the_items_of_a_numbered_list_of_requests_are_demands(reader):
    text = (
        "KESTON BAY HARBOUR TRUST\n\n"
        "Dear Minister,\n\n"
        "We ask your department to do two things before the spring. "
        "First, release the dredging grant that was announced in March. "
        "Second, publish the survey of the outer channel.\n\n"
        "Yours sincerely,\n\n"
        "Ruth Amory\n"
        "Chief Executive, Keston Bay Harbour Trust\n"
    )
    found = _read(reader, text, title=guess_title(text))
    assert [(h, s) for h, s, t in found if t.startswith(("First,", "Second,"))] == [
        ("Keston Bay Harbour Trust", "demands"),
        ("Keston Bay Harbour Trust", "demands"),
    ], found
