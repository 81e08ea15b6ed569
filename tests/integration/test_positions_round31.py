"""Positions read from real-news forms (RealTime QA dev articles, reworded), stop 65."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_two_bodies_named_after_one_place_stay_two(reader):
    # "Pacific (Guam) Daily News" made "Guam" an organisation, taken for the first body named
    # after it ("Guam Chamber of Commerce's Armed Forces Committee"); every later "Guam ..."
    # body then went to that committee, and the Homeland Security spokeswoman's call with it
    text = (
        "Mara Lind\n\n"
        "Harbour (Tarrow) Evening Post\n\n"
        "TARROW — Storm surges could reach the harbour wall within two hours, said Tarrow "
        "Emergency Management spokeswoman Elin Haas.\n\n"
        "Carl Brandt, president of Brandt Marine Ltd., who serves on the Tarrow Chamber of "
        "Commerce's Port Committee, said the wall would hold.\n\n"
        "Haas urged residents of the lower town to move their cars to higher ground before "
        "nightfall.\n"
    )
    found = _read(reader, text, source="Wire")
    assert holders(found, "Haas urged residents") == {"Tarrow Emergency Management"}
