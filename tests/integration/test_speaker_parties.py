"""The party shown with a speaker: an answer writes "Dana Whitfield (Senate Majority) said:" or
"Joe Ackerly (Billionaire) said:" from the link the reader makes at ingest, and a wrong party
misleads where none would not. Short stories written for these tests (the cases the party
measure of eval/quote_speakers.py showed on real news); the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from assistant.parties import Registry
from assistant.stance_parties import Parties, main_company
from index.chunking import sentence_spans
from index.cleaning import normalise
from tests.support.stance_reading import make_reader


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def _people(reader, text: str) -> dict[str, str]:
    text = normalise(text)
    _, people, _ = reader.read(text, sentence_spans(text), "")
    return people


def test_a_word_that_describes_the_person_is_no_party(reader):
    text = (
        "Outgoing Norwegian Prime Minister Kari Holmvik said on Monday that Norway would not "
        'accept the new quotas. "We will not sign this," Holmvik said.\n\n'
        'Billionaire investor Joe Ackerly called for the board to resign. "The board has '
        'failed us," Ackerly said.\n\n'
        'Tony-winning actress Mara Lune said she would not perform. "I will not go," Lune said.\n'
    )
    people = _people(reader, text)
    assert people.get("Kari Holmvik") == "Norway"
    assert "Outgoing" not in people.get("Kari Holmvik", "")
    assert people.get("Joe Ackerly", "") != "Billionaire"
    assert not people.get("Mara Lune", "").startswith("Tony")


def test_a_title_s_first_words_are_not_the_body(reader):
    text = (
        "Senate Majority Leader Dana Whitfield said the chamber would vote on the bill next "
        'week. "We will pass it," Whitfield said.\n\n'
        'House Minority Leader Paul Ostrander rejected the plan. "It is a bad bill," '
        "Ostrander said.\n"
    )
    people = _people(reader, text)
    assert people.get("Dana Whitfield", "") not in ("Senate Majority", "Majority")
    assert people.get("Paul Ostrander", "") not in ("House Minority", "Minority")


def test_a_title_after_and_is_the_state_after_it(reader):
    text = (
        "The deal collapsed after a heated exchange between Brandt and Ostrelian President "
        "Ana Velka on how to end the war with Ostrelia's neighbour.\n\n"
        '"We will not give up our land," Velka said on Friday.\n'
    )
    people = _people(reader, text)
    assert "Brandt" not in people.get("Ana Velka", "")
    assert people.get("Ana Velka", "") in ("", "Ostrelia")


def test_what_a_person_opposes_or_comes_from_is_not_their_party(reader):
    text = (
        'Virginia Sen. Ruth Calder, a vocal critic of Stackly, said of the process: "My '
        'patience is running out."\n\n'
        '"Expect more from us," said Lena Ortiz, an organizer who traveled from Fairhaven, '
        "California, to protest.\n"
    )
    people = _people(reader, text)
    assert people.get("Ruth Calder", "") != "Stackly"
    assert people.get("Lena Ortiz", "") != "Fairhaven"


def test_the_story_s_company_is_never_a_person_the_tagger_took_for_one():
    # "President Donald Trump", tagged ORG once, named most often in a story about a company:
    # a bare "CEO Jamie Dimon" there was linked to Trump
    text = (
        "President Erik Halvorsen signed the order. Halvorsen said companies must comply. "
        "Halvorsen's order worried Brightwell. Halvorsen spoke again on Friday. Halvorsen "
        "left. Brightwell said it would comply."
    )
    parties = Parties(Registry.load(), text=text)
    parties.seen("Halvorsen", "ORG")
    parties.seen("Brightwell", "ORG")
    assert main_company(text, parties) != "Halvorsen"


def test_what_a_person_does_in_words_the_text_writes_in_lower_case_is_no_party(reader):
    text = (
        "Activist investor Rolf Brenner said he would push Corvane to cut costs. Brenner is an "
        'activist who has done this before. "They must cut," Brenner said.\n\n'
        "Sanjay Rao, a lawyer representing the families of 16 victims, said they reject the "
        'deal. "It is a slap on the wrist," Rao said.\n'
    )
    people = _people(reader, text)
    assert people.get("Rolf Brenner", "") != "Activist"
    assert people.get("Sanjay Rao") == "families"  # the group a lawyer speaks for stays
