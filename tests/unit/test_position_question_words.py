"""What a question about positions asks: whose stance, which stance, on what."""

from __future__ import annotations

from assistant.positions import ANY, question_topic, stance_of_question


def test_another_partys_stance_named_as_a_thing_is_not_the_stance_asked_about():
    q = "Where does Wendy Sherman stand on Russia's call for a guaranteed halt to NATO enlargement?"
    assert stance_of_question(q) == ANY  # not "demands" (Russia's call) nor "assures"
    assert stance_of_question("What is Northwind's offer to the crews?") == "offers"
    assert stance_of_question("What does the union demand?") == "demands"
    assert stance_of_question("What are Russia's demands?") == "demands"  # its own
    assert stance_of_question("What did the council offer the residents?") == "offers"


def test_the_topic_is_the_question_without_its_parties_stance_and_question_words():
    q = "What does Moscow want Washington to do about its military footprint in Europe?"
    topic = question_topic(q, ["Moscow", "Washington"])
    assert {"europe"} <= topic and not {"moscow", "washington", "want"} & topic
    assert len(topic) == 3  # military, footprint, europe (stemmed)
    assert question_topic("What does Russia demand?", ["Russia"]) == set()
    assert question_topic("Which demands did the guild put forward?", ["guild"]) == set()


def test_only_plausible_speaker_links_are_kept_for_questions():
    from assistant.positions import speakers_worth_keeping

    text = (
        "Sergey Lavrov Before the talks, Lavrov spoke to reporters before noon. The council "
        "briefing ended. Aide Yury Ushakov said the aide would call. Wendy Sherman and Russian "
        "officials met. Sergei Ryabkov said Europe must listen."
    )
    people = {
        "Sergey Lavrov Before": "Russia",  # a word the text writes in lower case
        "Before": "Russia",
        "Sergei Lavrov": "Russia",
        "Lavrov": "Russia",  # the surname of a full name kept
        "Council Briefing": "United Nations",
        "Europe": "OSCE",  # one word, no full name ends in it
        "Yury Ushakov": "Aide",  # a party that is a common word
        "Sergei Ryabkov": "Wendy Sherman and Russian",  # a party that holds a person
        "Wendy Sherman": "United States",
    }
    assert speakers_worth_keeping(people, text) == {
        "Sergei Lavrov": "Russia",
        "Lavrov": "Russia",
        "Wendy Sherman": "United States",
    }
