"""Whose position it is when a party is named by its kind, by a heading, by a record or by "the
two sides": on short texts written for these tests (not the eval texts). "Its director-general,
X," speaks for the body the sentence before is about; "the airline" is not an "Airline
Cabin Crew Association"; "The city council answered ... it wrote" is the council's; a
minutes heading run into the next line ("4. CORRESPONDENCE 4.1 Harlow Parents' Council") is no
party's name; a joint communique that two ministries publish gives "the two sides" and "they"
to both; an assembly's official report is the assembly's, a long office label ("The Minister
for Housing and Local Government (Anna Berg):") opens a turn, and "Tom Weller (Riverside
Greens):" speaks for the Greens; "[The Presiding Officer (Jean Marr) in the chair]" and
"..., Her Excellency Mila Tarn," name people, not parties. Uses the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from assistant.parties import Registry
from assistant.stance_parties import Parties
from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_its_director_general_speaks_for_the_body_the_sentence_before_is_about(reader):
    found = read(
        reader,
        "The Dunmore Dockers' Union demanded that the port reopen the north terminal.\n\n"
        "The Marrow Ports Authority said it had opened an inquiry into the berth closures.\n\n"
        "Its director-general, Hanna Voller, warned that the authority would suspend the "
        "operator's licence unless the berths reopened within a month.",
        source="Coastline Press Agency",
    )
    assert holders(found, "would suspend the operator's licence") == {"Marrow Ports Authority"}


def test_a_kind_named_before_another_in_a_name_is_not_what_the_party_is():
    parties = Parties(Registry.load(), text="")
    parties.seen(parties.canonical("Keldor Airline Cabin Crew Association", "ORG"), "ORG")
    assert parties.named_by("airline") == ""
    assert parties.named_by("association") == "Keldor Airline Cabin Crew Association"


def test_the_city_council_that_answers_is_what_it_wrote_for(reader):
    found = read(
        reader,
        "Brennock City Council has refused the stadium plan twice.\n\n"
        "The vice-chancellor, Professor Ada Marsh, said the university would appeal.\n\n"
        'The city council answered on Thursday. "We will not approve a stadium without a '
        'transport plan," it wrote.',
        source="Brennock Evening Post",
    )
    assert holders(found, "We will not approve a stadium") == {"Brennock City Council"}


def test_a_minutes_heading_run_into_the_next_line_is_no_part_of_a_name():
    text = (
        "4. DELEGATIONS 4.1 Harlow Parents' Council (Ms. Jana Petrova, Chair)\n"
        "3. 2025-26 BUDGET The Treasurer reported a deficit of $1.2 million."
    )
    parties = Parties(Registry.load(), text=text)
    assert parties.canonical("DELEGATIONS 4.1 Harlow Parents' Council", "ORG") == (
        "Harlow Parents' Council"
    )
    assert parties.canonical("BUDGET", "ORG") == "BUDGET"  # not "BUDGET The Treasurer"


COMMUNIQUE = (
    "JOINT COMMUNIQUE\n\n"
    "1. The Foreign Ministers of Ostrel and Varnia met in Tessin on 2 June.\n\n"
    "2. The two sides call on the Republic of Dunmark to reopen the Kelso crossing to "
    "freight.\n\n"
    "3. They do not accept that the crossing can stay closed for repairs until next year.\n"
)


def test_the_two_sides_of_a_communique_two_ministries_publish_are_both(reader):
    found = read(
        reader,
        COMMUNIQUE,
        source="Ministry of Foreign Affairs of the Republic of Ostrel and Ministry of Foreign "
        "Affairs of the Kingdom of Varnia",
        title="Joint communique on the Kelso crossing",
    )
    both = {
        "Ministry of Foreign Affairs of the Republic of Ostrel",
        "Ministry of Foreign Affairs of the Kingdom of Varnia",
    }
    assert holders(found, "The two sides call on the Republic of Dunmark") == both
    assert holders(found, "They do not accept") == both


HANSARD = (
    "[The Presiding Officer (Jean Marr) in the chair]\n\n"
    "The Presiding Officer: The next item of business is a debate on the Riverside housing "
    "bill, which the Riverside Regional Executive introduced in May.\n\n"
    "The Minister for Housing and Local Government (Anna Berg): The Executive will not delay "
    "the bill. I am happy to meet the tenants' groups next week.\n\n"
    "Tom Weller (Riverside Greens): Does the minister accept that rents rose by a fifth?\n\n"
    "Anna Berg: I do not.\n\n"
    "Tom Weller: We want the Executive to cap rents at inflation this year.\n"
)


def test_an_assembly_record_with_long_office_labels_and_party_members(reader):
    found = read(
        reader,
        HANSARD,
        source="Official Report (Hansard-style record) of the Riverside Regional Assembly",
        title="Riverside housing bill",
    )
    texts = [t for _, _, t in found]
    # the long label opens a turn: it is not part of what the minister said
    assert not any(t.startswith("The Minister for Housing") for t in texts)
    assert holders(found, "We want the Executive to cap rents") == {"Riverside Greens"}
    # the record itself is no party, nor the person in the chair
    assert not any(h.startswith("Official Report") or h == "Jean Marr" for h, _, _ in found)
    # the minister speaks for the body that governs here, which the debate calls the Executive
    assert holders(found, "I am happy to meet the tenants' groups") == {
        "Riverside Regional Executive"
    }
    assert holders(found, "The Executive will not delay") == {"Riverside Regional Executive"}


def test_a_person_addressed_by_rank_is_no_party_of_the_name_before(reader):
    found = read(
        reader,
        "1. At the invitation of His Majesty King Osric of Varnia, the President of the "
        "Republic of Ostrel, Her Excellency Mila Tarn, visited Tessin on 1 June.\n\n"
        "2. Ostrel and Varnia reaffirm their commitment to the equal sharing of the Kelso "
        "river.\n",
        source="Ministry of Foreign Affairs of the Republic of Ostrel",
        title="Joint communique of Ostrel and Varnia",
    )
    assert "Her Excellency Mila Tarn" not in holders(found, "reaffirm their commitment")


def test_a_government_led_by_my_party_is_the_speakers_not_a_court(reader):
    found = read(
        reader,
        "PRESENTER (Ann Pike): Ivo Stern, leader of the Tarl Democratic Movement, good "
        "morning.\n\n"
        "STERN: Good morning. If the cut goes through, we will ask the Constitutional Court to "
        "strike it down.\n\n"
        "PRESENTER: And the pensions?\n\n"
        "STERN: Let me be clear: a government led by my party will not touch the indexation of "
        "pensions.\n",
        source="TKV One, programme transcript",
        title="Interview with Ivo Stern, leader of the Tarl Democratic Movement",
    )
    assert holders(found, "a government led by my party") == {"Tarl Democratic Movement"}


def test_a_deputy_minister_speaks_for_the_ministry_the_story_names(reader):
    found = read(
        reader,
        "Train drivers in Lessania voted to strike over the new timetable at Lessanian Federal "
        "Railways (LFR), the state operator.\n\n"
        "The Ministry of Transport, which owns LFR, called on both sides to return to talks.\n\n"
        "\u201cThe ministry is ready to bring forward 40 million crowns of next year's grant to pay "
        "for more drivers,\u201d Deputy Transport Minister Rosa Kettil told parliament.\n",
        source="Norden Press Agency",
        title="Rail drivers threaten strike in Lessania",
    )
    assert holders(found, "ready to bring forward 40 million crowns") == {"Ministry of Transport"}
