"""Positions read from real-news forms (RealTime QA dev articles, reworded)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


# A wire story datelined in a country's capital says "the government" for that country's
# government, though another state's president spoke in between: the denial was filed under
# the neighbour that spoke last. And "It's untrue that ..." is "It is untrue that ...".
HOME = (
    "LIMA, Peru (AP) \u2014 Peru's chief prosecutor broke with the government on Friday over a "
    "court ruling that stripped the congress of its powers.\n\n"
    'Chile, Bolivia and Ecuador withdrew their ambassadors from Peru. "This destroys the most '
    'important pillar of any democracy," Bolivian President Ana Rojas said.\n\n'
    "Protests were called across Peru for Saturday, and Peru's opposition leaders met in "
    "the capital.\n\n"
    '"It\'s untrue that a coup has taken place in Peru," the government said in a statement '
    "on Thursday.\n"
)


def test_the_government_of_a_wire_storys_dateline_holds_its_denial(reader):
    found = _read(reader, HOME, source="Associated Press")
    assert holders(found, "It's untrue that a coup") == {"Peru"}
    assert stances(found, "It's untrue that a coup") == {"rejects"}


def test_a_story_datelined_elsewhere_keeps_the_government_last_named(reader):
    # datelined in Chile's capital, about Bolivia's government: "the government" is Bolivia's
    text = (
        "SANTIAGO, Chile (Reuters) - Bolivia's government rejected on Monday a request from its "
        "neighbours to reopen the border, and Bolivia closed two more crossings.\n\n"
        '"It\'s untrue that the border was closed to trade," the government said.\n'
    )
    found = _read(reader, text, source="Reuters")
    assert holders(found, "It's untrue that the border") == {"Bolivia"}


def test_a_states_opposition_or_faction_is_not_the_state(reader):
    # "Venezuela's opposition called for protests" had been filed as Venezuela's demand
    text = (
        "Peru's opposition called for nationwide protests on Saturday.\n\n"
        "Iran's hardliners rejected the deal in parliament.\n\n"
        "Russia's Foreign Ministry demanded guarantees from the alliance.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "called for nationwide protests") == {"Peru's opposition"}
    assert holders(found, "rejected the deal") == {"Iran's hardliners"}
    assert holders(found, "demanded guarantees") == {"Russia"}  # a state's ministry is the state


def test_a_want_the_tagger_misreads_is_still_a_demand(reader):
    # the small model reads "pay raises" as "pay" doing "raises": "wants [pay raises] to counter"
    text = (
        "The Harbour Workers Union wants double-digit pay raises to counter salary increases "
        "of the port's executives.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "wants double-digit pay raises") == {"Harbour Workers Union"}
    assert stances(found, "wants double-digit pay raises") == {"demands"}


def test_an_obligation_the_speaker_puts_on_another_is_the_speakers_demand(reader):
    # "Rasmussen said the broader international community 'has an obligation to stop ...'"
    text = (
        "The Harbour Workers Union said Brevik Logistics has a duty to protect its workers "
        "from the new cranes.\n\n"
        '"We have a duty to our members," said Ana Ruiz, the union\'s secretary.\n'
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "has a duty to protect") == {"Harbour Workers Union"}
    assert stances(found, "has a duty to protect") == {"demands"}
    assert not holders(found, "We have a duty to our members")
