"""Who speaks when news copy puts a body before a name ("Harrow's Marlow said"), speaks for a
body in the plural ("Harrow officials have said"), or names someone only in what was said
("... have said Velmont is too tied to its past"): the voice an answer's lead-in is built from."""

from __future__ import annotations

from assistant.voices import Voice, read_voices
from index.chunking import sentence_spans

PEOPLE = {"Ed Marlow": "Harrow Capital", "Marlow": "Harrow Capital"}
BODIES = {
    "Harrow": "Harrow Capital",
    "Harrow Capital": "Harrow Capital",
    "Velmont": "Velmont Chemicals",
    "Velmont Chemicals": "Velmont Chemicals",
    "Fire": "Fire",  # a tagger's organisation made of a sentence's first word
}

TEXT = (
    "Ed Marlow, the chief investment officer of Harrow Capital, said Velmont Chemicals had lost "
    "its way. "
    '"We are not dogmatic," Marlow said. '
    "Harrow's Marlow said the fund wants to help reposition Velmont. "
    "Harrow officials have said Velmont is too tied to its past. "
    "Velmont's Research Office said the plan would cut jobs. "
    "A fire broke out at the Velmont plant last year. "
    "Fire officials said the blaze was contained within hours."
)


def _voice(text: str, opening: str) -> Voice | None:
    voices = read_voices(
        text, sentence_spans(text), [], "", lambda p: PEOPLE.get(p, ""), lambda n: BODIES.get(n, "")
    )
    at = text.index(opening)
    return next((v for v in voices if v.start <= at < v.end), None)


def test_a_surname_after_a_body_is_the_person_the_story_named_in_full():
    voice = _voice(TEXT, "Harrow's Marlow said")
    assert voice is not None
    assert (voice.speaker, voice.party) == ("Ed Marlow", "Harrow Capital")


def test_a_body_after_a_possessive_is_no_person():
    voice = _voice(TEXT, "Velmont's Research Office said")
    assert voice is None or voice.speaker != "Office"


def test_officials_of_a_body_speak_for_it_not_for_the_party_they_talk_about():
    voice = _voice(TEXT, "Harrow officials have said")
    assert voice is not None
    assert (voice.speaker, voice.party) == ("", "Harrow Capital")


def test_a_common_word_opening_the_sentence_is_no_body():
    voice = _voice(TEXT, "Fire officials said")
    assert voice is None or voice.party != "Fire"


def test_who_is_named_in_what_was_said_is_not_the_speaker():
    text = "Analysts at the fund said Velmont is too tied to its past."
    voice = _voice(text, "Analysts")
    assert voice is None or voice.party != "Velmont Chemicals"


def test_a_body_named_with_of_is_the_whole_body_and_no_person():
    text = (
        "Some protesters slashed tires, according to the U.S. Department of Homeland Security. "
        "Kyiv has received $175 billion since 2022, according to the Council on Foreign "
        "Relations. "
        "Four people are in hospital, according to the Vermont Department of Health's daily "
        "report."
    )
    found = [
        (v.speaker, v.party)
        for opening in ("Some protesters", "Kyiv has", "Four people")
        if (v := _voice(text, opening)) is not None
    ]
    assert found == [
        ("", "U.S. Department of Homeland Security"),
        ("", "Council on Foreign Relations"),
        ("", "Vermont Department of Health"),
    ]


def test_a_person_titled_by_a_body_of_that_kind_is_not_taken_for_the_body():
    text = (
        "Cases are falling, said Wisconsin Department of Health Services Deputy Secretary Ana Ruiz."
    )
    voice = _voice(text, "Cases are")
    assert voice is None or "Deputy" not in voice.party


def test_what_was_said_about_a_body_is_not_its_voice():
    text = "The mayor said the Department of Health has closed the beach."
    voice = _voice(text, "The mayor")
    assert voice is None or voice.party != "Department of Health"
