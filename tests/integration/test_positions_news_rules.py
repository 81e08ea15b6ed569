"""Real news copy, read as a reader would: whose position a sentence states when the holder is
an elected person, a lawyer for a group, "he" or "the union" named earlier, and which
sentences state none (a refused comment, history, another story's headline). Texts of our own.
"""

from __future__ import annotations

import pytest

from assistant.stance import StanceReader
from tests.support.stance_reading import make_reader, read


@pytest.fixture(scope="module")
def reader() -> StanceReader:
    return make_reader()


def holders(found: list[tuple[str, str, str]], words: str) -> set[str]:
    return {h for h, _, text in found if words in text}


def test_an_elected_person_with_no_party_holds_in_their_own_name(reader: StanceReader) -> None:
    text = "Mayor Lena Ostrow urged residents on Tuesday to stay calm and to report any raid."
    assert holders(read(reader, text, source="usatoday.com"), "urged") == {"Lena Ostrow"}
