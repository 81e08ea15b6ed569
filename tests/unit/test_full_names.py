"""An answer that names a person by surname alone names them in full, in brackets, when the
sentence's document named them in full before it; never when it would have to guess.
"""

from __future__ import annotations

import re

import pytest

from assistant.full_names import as_written, name_in_full

SPORT = (
    "Carlos Alcaraz beat Jannik Sinner in four sets on Sunday in New York. "
    "The Spaniard was broken once. "
)
BOARD = (
    "Northwind Shipping's chief executive, Ana Ruiz, told staff on Monday that the Lisbon route "
    "would close. Deputy Secretary of State Wendy R. Sherman met union leaders in West Texas. "
)
FAMILY = "John F. Kennedy's grandson spoke. Robert F. Kennedy Jr. did not attend. "
PLACES = "Voters in Northeast Pennsylvania and Southwest Ohio were polled. "


def full(sentences: list[str], doc: str) -> list[str]:
    return name_in_full(
        sentences, ["d"] * len(sentences), [len(doc)] * len(sentences), {"d": doc}.get
    )


def test_a_surname_is_named_in_full_the_first_time():
    out = full(["Alcaraz served for the title.", "Alcaraz then won it."], SPORT)
    assert out == ["[Carlos Alcaraz] served for the title.", "Alcaraz then won it."]


def test_a_possessive_and_a_name_after_a_title_are_found():
    out = full(["Ruiz's letter said the route lost money.", "However, Sherman left early."], BOARD)
    assert out == [
        "[Ana Ruiz]'s letter said the route lost money.",
        "However, [Wendy R. Sherman] left early.",
    ]


def test_a_sentence_that_names_them_in_full_is_left_as_written():
    sentence = "Jannik Sinner said Sinner was tired."
    assert full([sentence], SPORT) == [sentence]


def test_a_name_after_a_title_in_the_answer_counts_as_named_in_full():
    doc = "Ambassador Oskar Lindqvist said Varenland was open to talks. "
    answer = ["Ambassador Oskar Lindqvist said so in an interview.", "Lindqvist said more."]
    assert full(answer, doc) == answer


@pytest.mark.parametrize(
    "sentence",
    [
        "Kennedy spoke at the convention.",  # two Kennedys: which one?
        "Texas has new rules.",  # "West Texas" is a place
        "Polls show Pennsylvania to be the tightest.",  # "Northeast Pennsylvania": a region
        "Officials in Texas said so.",
        "The Alcaraz camp declined to comment.",  # "the ...": a thing named after someone
        "Sherman Oaks residents objected.",  # part of a longer name
        "Lisbon will lose the route.",  # named once, alone
        "Monday was quiet.",
    ],
)
def test_nothing_is_guessed(sentence):
    assert full([sentence], SPORT + BOARD + FAMILY + PLACES) == [sentence]


def test_only_what_the_document_said_before_the_sentence_counts():
    doc = "Snook was praised. Later, Sarah Snook thanked the cast."
    assert name_in_full(["Snook was praised."], ["d"], [0], {"d": doc}.get) == [
        "Snook was praised."
    ]


def test_the_words_as_written_are_found_in_the_source():
    source = "Alcaraz, who is 22, served  for the title."
    answer = "[Carlos Alcaraz], who is 22, served for the title"
    m = re.search(as_written(answer), source)
    assert m is not None and m.group(0) == source.rstrip(".")


def test_the_name_starts_after_the_title():
    doc = "Defense Secretary Pete Hegseth spoke. South African President Nelson Mandela visited. "
    out = full(["Hegseth said no.", "Mandela waved."], doc)
    assert out == ["[Pete Hegseth] said no.", "[Nelson Mandela] waved."]


@pytest.mark.parametrize(
    ("doc", "sentence"),
    [
        ("Updated Dec. 17 at 9 a.m. ", "Dec. 17 brought snow."),  # a month, abbreviated
        ("By Humeyra Pamuk\nReuters\n", "Reuters reported it."),  # a byline's line break
        ("Mapping Ukraine was hard. ", "Ukraine agreed."),  # a heading's gerund
        ("Blue Jays Game 1 was watched. ", "Game 1 drew 30 million viewers."),
        ("Without Haiti the plan fails. ", "Haiti agreed."),  # the registry's state
        ("Robert F. Kennedy Jr. spoke. ", "Robert F. Kennedy Jr. left."),
        # an outlet's name after its letters ("NBC News"), not a person surnamed "News"
        ("Trump called for Fox News to host it. ", "It went on, as NBC News reported."),
    ],
)
def test_no_name_is_made_of_what_is_not_one(doc, sentence):
    out = name_in_full([sentence], ["d"], [len(doc)], {"d": doc}.get, {"Haiti"}.__contains__)
    assert out == [sentence]


@pytest.mark.parametrize(
    ("doc", "sentence"),
    [
        ("U.S. Health Secretary Robert F. Kennedy Jr. spoke. ", "RFK Jr. and others left."),
        ("The 10-Piece Set went fast. ", "Set 2 sold out."),
        ("The North-Central Gulf was quiet. ", "Gulf waters rose."),
    ],
)
def test_a_suffix_or_a_broken_run_is_no_name(doc, sentence):
    assert full([sentence], doc) == [sentence]
