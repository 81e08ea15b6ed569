"""Who demands what, on the seed article and on invented texts of our own."""

from __future__ import annotations

import pytest

from assistant.parties import Registry
from assistant.positions import find_statements
from index.cleaning import normalise
from tests.support.paths import SEED as SEED_DIR

SEED = SEED_DIR / "geneva-talks-dpa.txt"


@pytest.fixture()
def registry():
    return Registry.load()


def _statements(text, registry, source_party=None):
    text = normalise(text)
    registry.learn_people(text)
    return [
        (s.party_id, s.stance, s.sentence) for s in find_statements(text, registry, source_party)
    ]


def test_people_are_learned_from_their_titles(registry):
    registry.learn_people("Chinese Foreign Minister Wang Yi arrived in Paris on Monday.")
    assert registry.find("Wang Yi") == "china"
    assert registry.find("Yi") == "china"


def test_holder_is_the_subject_not_the_party_talked_about(registry):
    found = _statements(
        "Japanese Trade Minister Kenji Sato rejected China's demands for lower tariffs. "
        "China demanded an end to export controls.",
        registry,
    )
    assert ("japan", "rejects") in {(p, s) for p, s, _ in found}
    china = [t for p, s, t in found if p == "china" and s == "demands"]
    assert china == ["China demanded an end to export controls."]


def test_quote_is_filed_under_its_speaker(registry):
    registry.learn_people("French Foreign Minister Claire Dubois spoke.")
    found = _statements('Dubois said: "We will not accept any deal that ignores Poland."', registry)
    assert ("france", "rejects") in {(p, s) for p, s, _ in found}
    assert all(p != "poland" for p, _, _ in found)


def test_nouns_are_not_stances(registry):
    found = _statements(
        "The minister said that Germany, as a creditor, is not entitled to make demands. "
        "Canada's offer was discussed at length.",
        registry,
    )
    assert found == []


def test_official_text_speaks_for_its_source_party(registry):
    found = _statements("We urge all parties to return to the table.", registry, "canada")
    assert [(p, s) for p, s, _ in found] == [("canada", "demands")]
    assert _statements("We urge all parties to return to the table.", registry, None) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_demands(registry):
    found = _statements(SEED.read_text(encoding="utf-8"), registry)
    russia = " ".join(t for p, s, t in found if p == "russia" and s == "demands")
    us = " ".join(t for p, s, t in found if p == "united-states" and s == "demands")
    assert "reduction in US troops and arms in Europe" in russia
    assert "NATO will not be expanded further east" in russia
    assert "withdrawal of Russian troops" in us or "Russian troops to be withdrawn" in us
    assert "de-escalate" in us
    # Sherman rejecting Russia's demands is the US rejecting, not Russia demanding.
    assert "Sherman again rejected" not in russia
    assert any(p == "united-states" and s == "rejects" and "Sherman" in t for p, s, t in found)
    # "Russia ... is not entitled to make demands" is Ukraine's view, not a Russian demand.
    assert "not entitled" not in russia


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
