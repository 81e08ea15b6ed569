"""The names a question asks about, read from its wording (the question path never parses)."""

from __future__ import annotations

import pytest

from index.text import named_entities, without_markup


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # the small words inside a name keep it whole
        (
            "Police in Rio de Janeiro foiled an attack on which concert?",
            ["Police", "Rio de Janeiro"],
        ),
        ("What did Ursula von der Leyen tell the G20?", ["Ursula von der Leyen", "G20"]),
        ("How many of the COP28 nations raised their targets?", ["COP28"]),
        ("What is the Bank of England's rate?", ["Bank of England"]),
        # a count opening the question is no name; what follows it may be
        ("Seven men have been charged over a heist in which city?", []),
        ("Several right-wing media figures were angered by which memo?", []),
        ("Hundreds of Tesla drivers joined which lawsuit?", ["Tesla"]),
        ("Half Moon Bay council voted on what?", ["Half Moon Bay"]),
    ],
)
def test_the_names_a_question_asks_about(question, names):
    assert named_entities(question) == names


def test_a_question_pasted_from_a_web_page_loses_its_markup_not_its_words():
    pasted = (
        'Friedrich Merz visited <a data-analytics-id="inline-link" '
        'href="https://theweek.com/tag/france">France</a> and which other country?'
    )
    assert without_markup(pasted) == "Friedrich Merz visited France and which other country?"
    assert without_markup("What should you <em>not</em> wear?") == "What should you not wear?"
    assert without_markup("Did AT&amp;T merge?<br>Who said so?") == "Did AT&T merge? Who said so?"
    # a comparison is not a tag, and plain text is left as it is
    assert without_markup("Is a<b and c>d?") == "Is a<b and c>d?"
    assert without_markup("Why did AT&T fall?") == "Why did AT&T fall?"
