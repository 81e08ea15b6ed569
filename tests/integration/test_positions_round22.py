"""Forms the real-news dev batches showed unread at stop 54, each on a text written for the
test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


NEED = (
    "Eastport City Council met on Tuesday.\n\n"
    '"We need a second bridge across the river before the new estate opens," council leader '
    "Ana Ruiz said.\n"
)


def test_what_a_party_says_it_needs_is_a_demand(reader):
    found = _read(reader, NEED, source="Eastport Echo")
    assert stances(found, "second bridge") == {"demands"}
    assert holders(found, "second bridge") == {"Eastport City Council"}


CALM = (
    "Shoppers in Harlow cleared shelves of cold medicine on Monday.\n\n"
    '"There is enough supply, so there is no need to panic," a spokesman for Brentmoor '
    "Pharmacies said.\n\n"
    '"There is no need for a new inquiry into our stock levels," he added.\n'
)


def test_no_need_to_panic_reassures_and_no_need_for_an_inquiry_refuses(reader):
    found = _read(reader, CALM, source="Harlow Courier")
    assert stances(found, "no need to panic") == {"assures"}
    assert stances(found, "no need for a new inquiry") == {"rejects"}


PARTICLE_MINISTER = (
    "German Foreign Minister Karla von der Heide arrived in Vilnius on Monday.\n\n"
    "“We will impose sanctions if the border is closed,” von der Heide said.\n"
)

PARTICLE_EXECUTIVE = (
    "Pieter van der Berg, chief executive of Harbour Freight Ltd, met the dockers on Monday.\n\n"
    "“We will not cut the night shift this year,” van der Berg said.\n"
)


def test_a_surname_with_particles_speaks_for_the_state_its_title_names(reader):
    found = _read(reader, PARTICLE_MINISTER, source="Baltic Wire")
    assert holders(found, "impose sanctions") == {"Germany"}


def test_a_surname_with_particles_speaks_for_the_company_its_apposition_names(reader):
    found = _read(reader, PARTICLE_EXECUTIVE, source="Port Gazette")
    assert holders(found, "night shift") == {"Harbour Freight"}


TIME_FOR = (
    "The Marrow Valley Farmers' Union met the water board on Tuesday.\n\n"
    '"It is time for the board to lift the ban on drawing water from the river," union '
    "president Tom Erskine said.\n\n"
    '"The onus will be on the board to show that the river can take it," he added.\n\n'
    '"It was a long time to wait for a meeting," he said.\n'
)


def test_it_is_time_for_another_to_act_is_a_demand(reader):
    found = _read(reader, TIME_FOR, source="Valley Post")
    assert stances(found, "lift the ban") == {"demands"}
    assert holders(found, "lift the ban") == {"Marrow Valley Farmers' Union"}
    assert stances(found, "onus") == {"demands"}
    assert not stances(found, "long time to wait")


NO_INTENTION = (
    "The Tarn garrison has held the bridge for three weeks.\n\n"
    '"We do not have any intention to surrender the bridge," Colonel Ivo Marek of the Tarn '
    "Defence Force said.\n\n"
    '"We do not have a plan for the winter yet," he said.\n'
)


def test_not_having_any_intention_to_do_something_refuses_it(reader):
    found = _read(reader, NO_INTENTION, source="Tarn Wire")
    assert stances(found, "intention to surrender") == {"rejects"}
    assert not stances(found, "plan for the winter")


DENIAL = (
    "Kessel Rail said on Monday that it had offered the drivers a one-off payment.\n\n"
    '"Reports of a second offer worth more than that are completely false," a spokesman for '
    "Kessel Rail said.\n"
)


def test_reports_called_completely_false_are_denied(reader):
    found = _read(reader, DENIAL, source="Rail Weekly")
    assert stances(found, "completely false") == {"rejects"}
    assert holders(found, "completely false") == {"Kessel Rail"}


COMMITMENT = (
    "The Norvalian defence minister visited the northern bases on Friday.\n\n"
    '"Our commitment to the defence of the islands is ironclad," Defence Minister Eva Lund of '
    "Norvalia said.\n\n"
    '"We take our treaty commitment seriously," she added.\n\n'
    "Their commitment is strong, analysts said.\n"
)


def test_a_party_affirming_its_own_commitment_assures(reader):
    found = _read(reader, COMMITMENT, source="Island Wire")
    assert stances(found, "is ironclad") == {"assures"}
    assert stances(found, "seriously") == {"assures"}
    assert not stances(found, "Their commitment is strong")


RELATIVES = (
    "Skyline Regional Airways wants Congress to cut the hours new pilots must fly.\n\n"
    "Relatives of the crash victims who fought for the rule say they are prepared to defend "
    "it.\n"
)


def test_they_after_victims_relatives_is_not_the_airline_named_before(reader):
    found = _read(reader, RELATIVES, source="Air Wire")
    assert holders(found, "cut the hours") == {"Skyline Regional Airways"}
    assert "Skyline Regional Airways" not in holders(found, "prepared to defend")


INTERIM = (
    "The army named Ilan Dorsk, a retired general, to serve as interim president.\n\n"
    "Interim president Dorsk has called for the protests to end.\n"
)


def test_an_interim_president_holds_in_his_own_name(reader):
    found = _read(reader, INTERIM, source="Capital Wire")
    assert holders(found, "protests to end") == {"Ilan Dorsk"}


THE_GOVERNOR = (
    "DOVER — Gov. Ana Ruiz spoke to the legislature on Thursday.\n\n"
    "Lawmakers from both parties applauded the school plan.\n\n"
    "“I encourage every member of this chamber to ban ghost guns,” the governor said.\n"
)

TWO_GOVERNORS = (
    "Gov. Ana Ruiz and Gov. Tom Hale met on Thursday.\n\n"
    "“I encourage every member of this chamber to ban ghost guns,” the governor said.\n"
)


def test_the_governor_is_the_one_the_story_titled_so(reader):
    found = _read(reader, THE_GOVERNOR, source="State Wire")
    assert holders(found, "ghost guns") == {"Ana Ruiz"}
    found = _read(reader, TWO_GOVERNORS, source="State Wire")
    assert not holders(found, "ghost guns") & {"Ana Ruiz", "Tom Hale"}


SHORTLY_AFTER = (
    "Shortly after Vice President Ana Ruiz arrived in Eastport on Friday, she met the mayor.\n\n"
    "“I pledge to listen to people who disagree with me,” Ruiz said.\n"
)


def test_a_word_opening_the_sentence_before_a_title_is_no_party(reader):
    found = _read(reader, SHORTLY_AFTER, source="Eastport Echo")
    assert holders(found, "I pledge to listen") == {"Ana Ruiz"}
