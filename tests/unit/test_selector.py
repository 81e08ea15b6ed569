"""The learned answer selector (assistant/data/selector.json, fit by `make train` on real news):
the sentence that answers outranks the sentences about the topic.
"""

from __future__ import annotations

import json

import pytest

from assistant.citations import passage_sentences
from assistant.extractive import ExtractiveConfig, score_sentences
from assistant.selector import (
    FEATURES,
    WEIGHTS,
    answer_type,
    from_dict,
    holds_type,
    shipped,
)
from index.embeddings import HashEmbedder
from tests.support.passages import passage

EMBED = HashEmbedder(dim=256)


def _ranked(question: str, text: str) -> list[str]:
    ps = [passage(text)]
    vectors = [EMBED.embed_documents([t for t, _ in passage_sentences(p)]) for p in ps]
    scored = score_sentences(question, EMBED.embed_query(question), ps, vectors, ExtractiveConfig())
    return [s.text for s in sorted(scored, key=lambda s: -s.relevance)]


def test_how_long_gets_the_sentence_with_the_duration_first():
    text = (
        "The talks between the two delegations in Geneva covered missile deployments and drills. "
        "Both delegations described the talks in Geneva as frank and useful for the future. "
        "The talks in Geneva lasted nearly eight hours, diplomats said afterwards."
    )
    assert _ranked("How long did the talks in Geneva last?", text)[0].startswith(
        "The talks in Geneva lasted nearly eight hours"
    )


def test_when_gets_the_sentence_with_the_date():
    text = (
        "Ardonia and Belvia held a second round of talks on the water-sharing treaty. "
        "The talks on the water-sharing treaty were described as constructive by both sides. "
        "The delegations agreed to meet again in Lake Sorrel on March 17 for the treaty talks."
    )
    best = _ranked("When will Ardonia and Belvia meet again for the treaty talks?", text)[0]
    assert "March 17" in best


def test_the_shipped_weights_match_the_features_and_stay_small():
    sel = shipped()
    assert sel.names == FEATURES
    assert 0.0 <= sel.abstain_below < 1.0 and 0.0 < sel.keep_ratio <= 1.0
    assert WEIGHTS.stat().st_size < 4096


def test_weights_fit_on_other_features_are_refused_with_the_fix():
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    d["features"] = d["features"][:-1]
    with pytest.raises(ValueError, match="make train"):
        from_dict(d)


def test_the_reranked_weights_add_the_cross_encoder_features_and_weigh_them():
    from assistant.selector import CROSS, WEIGHTS_RERANKED

    sel = shipped(reranked=True)
    assert sel.names == FEATURES + CROSS
    assert WEIGHTS_RERANKED.stat().st_size < 4096
    # fit on scores the re-ranker gave to questions it never trained on: a sentence it scores
    # higher is more likely to hold the answer
    assert sel.coef[sel.names.index("cross")] > 0


def test_a_selector_fit_with_the_reranker_needs_one():
    from assistant.extractive import rate

    ps = [passage("The talks in Geneva lasted nearly eight hours, diplomats said afterwards.")]
    vectors = [EMBED.embed_documents([t for t, _ in passage_sentences(p)]) for p in ps]
    scored = score_sentences(
        "How long?", EMBED.embed_query("How long?"), ps, vectors, ExtractiveConfig()
    )
    with pytest.raises(ValueError, match="re-ranker"):
        rate("How long?", scored, ps, shipped(reranked=True))


# --- the kind of thing asked for (issue 13: answers that hold the answer) -----------------------


@pytest.mark.parametrize(
    ("question", "answering", "topical"),
    [
        (
            "How many hours did the Harbor City talks run?",
            "The talks ran for nearly eight hours at the port authority.",
            "The talks at the port authority ran late into the 2024 evening.",
        ),
        (
            "How long did the meeting of the two mayors last?",
            "The meeting lasted an hour and a half.",
            "The meeting of the two mayors was held in Lindmoor.",
        ),
        (
            "In which year was the Lindmoor bridge opened?",
            "The bridge was opened in 1997 by the mayor.",
            "The bridge was opened by the mayor with a speech.",
        ),
        (
            "How many ships waited offshore?",
            "Forty ships waited offshore.",
            "Ships waited offshore for days.",
        ),
    ],
)
def test_the_sentence_holding_the_kind_of_thing_asked_for_is_recognised(
    question: str, answering: str, topical: str
):
    expected = answer_type(question)
    assert holds_type(expected, question, answering)
    assert not holds_type(expected, question, topical)


def test_a_date_the_question_names_itself_is_no_answer():
    question = "When did the talks that began on 10 January end?"
    assert not holds_type(answer_type(question), question, "The talks began on 10 January.")
    assert holds_type(answer_type(question), question, "The talks ended on 12 January.")


def test_a_person_the_question_names_is_no_answer_to_who():
    question = "Who accompanied Sherman at the working dinner?"
    expected = answer_type(question)
    assert not holds_type(expected, question, "Deputy Secretary Wendy R. Sherman hosted it.")
    assert holds_type(expected, question, "Sherman was joined by Gen. James Mingus.")


# --- one name or several (issue 13) --------------------------------------------------------


def _candidate(text: str):
    from assistant.selector import Candidate

    return Candidate(text, 1, 0, 0.5, "", False, False)


@pytest.mark.parametrize(
    "question",
    [
        "Which country did Stoltenberg ask Russia to leave?",
        "Which countries did Stoltenberg ask Russia to leave?",
        "From which cities did the ministers fly in?",
    ],
)
def test_a_question_for_one_or_several_names_credits_the_names_a_sentence_brings(question: str):
    from assistant.selector import features

    c = _candidate("Stoltenberg asked Russia to leave Georgia and Moldova at once.")
    row = features(question, [c])[0]
    assert row[FEATURES.index("new_names_for_name")] > 0
    what = features("What did Stoltenberg ask Russia to do?", [c])[0]
    assert what[FEATURES.index("new_names_for_name")] == 0


# --- this week's news before last year's (issue 13) ------------------------------------------


def _ranked_in(question: str, passages: list) -> list[str]:
    vectors = [EMBED.embed_documents([t for t, _ in passage_sentences(p)]) for p in passages]
    scored = score_sentences(
        question, EMBED.embed_query(question), passages, vectors, ExtractiveConfig()
    )
    return [s.text for s in sorted(scored, key=lambda s: -s.relevance)]


_LAST_YEAR = "Harbour City won the league title after a tense final against Northgate Rovers."
_THIS_WEEK = "Northgate Rovers won the league title after a tense final against Harbour City."


def test_when_search_mixes_this_weeks_news_with_older_stories_this_weeks_answer_comes_first():
    # the same wording, so only the documents' dates can tell them apart; the older story is
    # ranked first by search, as older stories often are
    question = "Which club won the league title?"
    old = passage(_LAST_YEAR, "old", date="2023-05-20")
    new = passage(_THIS_WEEK, "new", date="2024-05-18")
    assert _ranked_in(question, [old, new])[0] == _THIS_WEEK


def test_a_focused_set_of_documents_over_a_few_months_has_no_preference_for_the_newest():
    # two months apart: one story's timeline, not news and its background; the order is the
    # one without dates (the newest does not win because it is newest)
    question = "Which club won the league title?"
    undated = [passage(_LAST_YEAR, "old", date=""), passage(_THIS_WEEK, "new", date="")]
    dated = [
        passage(_LAST_YEAR, "old", date="2024-03-20"),
        passage(_THIS_WEEK, "new", date="2024-05-18"),
    ]
    assert _ranked_in(question, dated) == _ranked_in(question, undated)
    assert _ranked_in(question, dated)[0] == _LAST_YEAR


def test_a_question_about_this_week_prefers_the_newest_week_even_in_a_focused_set():
    question = "Which club won the league title this week?"
    old = passage(_LAST_YEAR, "old", date="2024-03-20")
    new = passage(_THIS_WEEK, "new", date="2024-05-18")
    assert _ranked_in(question, [old, new])[0] == _THIS_WEEK
