"""Forms the real-news dev batches showed missed or misquoted at stop 59, each on a text written
for the test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


# A government denying what was reported, in its own quoted words: "these reports are false",
# "it is untrue that ...", "it is false to say that ...". Not a concession ("it is true that").
DENIALS = (
    "PORT ELVAN (Harbour Wire) - The government of Qeltara denied reports of unrest in the "
    "capital on Thursday.\n\n"
    '"These reports are false," the Qeltaran government said in a statement.\n\n'
    '"It is untrue that the army has left its barracks," said Mira Toller, Qeltara\'s '
    "interior minister.\n\n"
    '"It is false to say that we closed the border," Toller said.\n\n'
    '"It is true that we made mistakes last year," she added.\n'
)


def test_a_quoted_denial_is_the_speakers_rejection(reader):
    found = _read(reader, DENIALS, source="Harbour Wire")
    for words in ("These reports are false", "It is untrue that", "It is false to say"):
        assert holders(found, words) == {"Government of Qeltara"}, words
        assert stances(found, words) == {"rejects"}, words
    assert not holders(found, "It is true that")


def test_a_dateline_is_not_quoted_as_part_of_the_statement(reader):
    found = _read(reader, DENIALS, source="Harbour Wire")
    texts = [t for _, _, t in found if "denied reports of unrest" in t]
    assert texts == [
        "The government of Qeltara denied reports of unrest in the capital on Thursday."
    ]


# A company named two ways ("Conway Data Inc." and "Conway, Inc."), the second form no longer
# than the first once its "Inc" is dropped: reading the release stopped with an IndexError, and
# the article was not stored at all (RealTime QA, a franchise press release; reworded).
TWO_FORMS = (
    "Developed by the Valley Development Board and Lena Marsh, Founder of Collective Intelligence "
    "and VP of Global Innovation for Conway Data Inc., the Academy aids in unlocking the tools and "
    "skills to solve community problems with the goal of sparking more economic growth.\n\n"
    "\u201cCities and their community networks are incredible vectors to solve complex problems. "
    "Companies and talent alike are increasingly looking to grow in communities that welcome "
    "change. How communities respond to those challenges requires new thinking and new models. "
    "By applying community innovation, we can help places like Greene County positively impact "
    "their long-term economic future,\u201d said Lena Marsh, Founder Collective Intelligence and "
    "VP Global Innovation at Conway, Inc.\n"
)


def test_a_company_named_two_ways_is_read(reader):
    found = _read(reader, TWO_FORMS, source="Grassroots Newswire")
    assert isinstance(found, list)  # read to the end: before, an IndexError lost the article
