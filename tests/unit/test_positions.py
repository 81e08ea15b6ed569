"""Speakers learned from their titles, and dates resolved against the article (no model)."""

from __future__ import annotations

import pytest

from assistant.parties import Registry


@pytest.fixture()
def registry():
    return Registry.load()


def test_people_are_learned_from_their_titles(registry):
    registry.learn_people("Chinese Foreign Minister Wang Yi arrived in Paris on Monday.")
    assert registry.find("Wang Yi") == "china"
    assert registry.find("Yi") == "china"


def test_relative_dates_resolve_against_the_article_date():
    from assistant.timeline import find_events

    text = (
        "Further talks will take place on Wednesday in Brussels. "
        "The two delegations met on Monday in Geneva. "
        "A summit is planned for March 3. The weather was mild."
    )
    events = {sentence: when for when, sentence, _, _ in find_events(text, "2022-01-10")}
    assert events["Further talks will take place on Wednesday in Brussels."] == "2022-01-12"
    assert events["The two delegations met on Monday in Geneva."] == "2022-01-10"
    assert events["A summit is planned for March 3."] == "2022-03-03"
    assert len(events) == 3
    # With no article date a weekday cannot be placed, and is left out rather than guessed.
    assert find_events("Talks resume on Wednesday.", "") == []
