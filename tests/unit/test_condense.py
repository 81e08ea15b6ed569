"""Follow-up questions rewritten into stand-alone ones from the chat history (no LLM): what the
retriever searches for when a user asks "and what about Norway?" or "why did they refuse?".
"""

from __future__ import annotations

from assistant.condense import condense


def _history(*questions: str) -> list[dict[str, str]]:
    turns = []
    for q in questions:
        turns += [
            {"role": "user", "content": q},
            {"role": "assistant", "content": "An answer [1]."},
        ]
    return turns


def test_what_about_swaps_in_the_new_subject():
    history = _history("What does Canada demand in the quota talks?")
    assert (
        condense("And what about Norway?", history) == "What does Norway demand in the quota talks?"
    )


def test_a_question_leaning_on_pronouns_borrows_the_earlier_subject():
    history = _history("What did the Harbor City union demand from the port authority?")
    rewritten = condense("Why did they refuse?", history)
    assert rewritten.startswith("Why did they refuse?")
    assert "Harbor City" in rewritten and "port authority" in rewritten


def test_the_latest_turn_is_the_one_followed_up():
    history = _history("What did the Harbor City union demand?", "What does Canada demand?")
    rewritten = condense("Why did they refuse?", history)
    assert "Canada" in rewritten and "Harbor City" not in rewritten


def test_a_chain_of_follow_ups_keeps_the_subject_of_the_last_one():
    history = _history("What does Canada demand in the quota talks?", "And what about Norway?")
    rewritten = condense("Why?", history)
    assert "Norway" in rewritten and "quota" in rewritten and "Canada" not in rewritten


def test_a_self_contained_question_or_no_history_is_left_alone():
    history = _history("What does Valmora demand?")
    assert condense("What did Ostrand offer in Lindau?", history) == (
        "What did Ostrand offer in Lindau?"
    )
    assert condense("Why did they refuse?", None) == "Why did they refuse?"
    assert condense("Why did they refuse?", []) == "Why did they refuse?"


def test_history_as_user_assistant_pairs_works_the_same():
    pairs = [("What does Canada demand in the quota talks?", "Canada demands a cut [1].")]
    assert (
        condense("And what about Norway?", pairs) == "What does Norway demand in the quota talks?"
    )
