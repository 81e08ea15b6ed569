"""A question's opening word, or a day it names, is not a name the sources must hold."""

from __future__ import annotations

import pytest

THEFT = """title: Jewels worth 20 million euros stolen from the Marrow Museum
source: Regional Courier
date: 2025-06-18
---
Prosecutors in Kessel charged the men on Tuesday over the theft of jewels worth 20 million euros from the Marrow Museum.

The museum said several of the stolen pieces had been recovered by police divers in the river.

The museum's director, Ada Brenn, said the collection would reopen in September.
"""

BIKES = """title: Bike thefts rise in Oakfield
source: Oakfield Gazette
date: 2025-06-12
---
Bike thieves have struck 40 times in Oakfield this month, the council said.

The council asked residents to lock their bikes indoors, as thieves cut cheap locks in seconds.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    root = tmp_path_factory.mktemp("asked_names")
    (root / "theft.txt").write_text(THEFT, encoding="utf-8")
    (root / "bikes.txt").write_text(BIKES, encoding="utf-8")
    a = open_assistant(root / "store", embedder=real_embedder)
    assert a.ingest([root]).added == 2
    yield a
    a.close()


@pytest.mark.parametrize(
    "question",
    [
        # capitalised only because they open the question; the sources write them in lower case
        "Thieves stole jewels worth 20 million euros from which museum?",
        "Residents lost jewels worth 20 million euros in a theft from which museum?",
        "Police divers recovered stolen pieces from which museum?",
        "Several men were charged over a jewel theft from which museum?",
        # a day is the sources' date, not a subject they must name
        "Jewels were stolen from which museum, according to news on Wednesday?",
    ],
)
def test_an_opening_word_or_a_day_does_not_stop_the_answer(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert "Marrow Museum" in answer.text
    assert "do not say anything about" not in answer.text


def test_a_name_no_source_holds_still_stops_it(assistant):
    answer = assistant.ask("Which museum did Interpol say was robbed by the Pink Panthers?")
    assert answer.abstained
    assert "Pink Panthers" in answer.text or "Interpol" in answer.text


def test_a_question_with_markup_is_answered_as_its_words(assistant):
    plain = "Which museum in Kessel lost jewels worth 20 million euros?"
    pasted = (
        'Which museum in <a data-analytics-id="inline-link" data-auto-tag-linker="true" '
        'href="https://news.example.org/tag/kessel">Kessel</a> lost jewels worth '
        "<em>20 million euros</em>?"
    )
    answer = assistant.ask(pasted)
    assert answer.text == assistant.ask(plain).text
    assert "Marrow Museum" in answer.text
