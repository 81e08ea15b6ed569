"""A letter that quotes the letter it answers: the quoted words are the addressee's, never
the writer's, whether the quote comes before its frame ('"...," your letter states.') or after
it ('Your letter states: "..."').
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


LETTER = (
    "Dear Minister Haldane,\n\n"
    "Thank you for your letter of 20 February on the water allocation.\n\n"
    '"The Government is prepared to raise the allocation by five percent if the cooperative '
    'accepts metering on every farm," your letter states.\n\n'
    'It continues: "The Government will not reconsider the levy before the next budget."\n\n'
    "We cannot accept metering on these terms. We ask the Government to withdraw the levy.\n\n"
    "Yours sincerely,\nIlse Marwood\nChair, Vessel Growers' Cooperative\n"
)


def test_the_answered_letters_words_are_not_the_writers(reader):
    found = _read(reader, LETTER, source="Vessel Growers' Cooperative")
    writer = "Vessel Growers' Cooperative"
    assert writer not in holders(found, "prepared to raise the allocation")
    assert writer not in holders(found, "will not reconsider the levy")
    # the writer's own positions stay
    assert holders(found, "We cannot accept metering") == {writer}
    assert holders(found, "withdraw the levy") == {writer}
