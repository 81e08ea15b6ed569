"""The language layer's entities: a one-word organisation name the small spaCy model takes for a
person is an organisation when an apposition calls it a union, a company, a group ... (so that
it can hold positions and "the union" can mean it), while people in apposition stay people.
"""

from __future__ import annotations

import pytest

from index.language import SpacyParser


@pytest.fixture(scope="module")
def parser() -> SpacyParser:
    return SpacyParser()


def _labels(parser: SpacyParser, text: str) -> dict[str, str]:
    return {e.text: e.label for s in parser.parse([text])[0] for e in s.entities}


def test_a_name_an_apposition_calls_a_body_is_an_organisation(parser: SpacyParser) -> None:
    # written as news copy runs: the kind first, the name set off by commas
    got = _labels(parser, "Northwind has asked the dockers union, Melfor, to start a discussion.")
    assert got.get("Melfor") == "ORG"
    # the name first, the kind in apposition
    got = _labels(parser, "Kessler, the company that runs the mine, rejected the offer.")
    assert got.get("Kessler") == "ORG"


def test_a_person_in_apposition_to_a_title_stays_a_person(parser: SpacyParser) -> None:
    text = "The union's president, Sara Milne, rejected the offer on Monday."
    got = _labels(parser, text)
    assert got.get("Sara Milne") == "PERSON"


def test_a_surname_with_particles_is_one_person(parser: SpacyParser) -> None:
    # the small model ends the name at "von" and tags "Leyen" a place
    text = "European Commission President Ursula von der Leyen spoke on Thursday."
    got = _labels(parser, text)
    assert got.get("Ursula von der Leyen") == "PERSON"
    assert "Leyen" not in got
    tokens = {t.text: t.ent for s in parser.parse([text])[0] for t in s.tokens}
    assert tokens["Leyen"] == "PERSON"  # the tokens say what the entities say


def test_a_name_never_keeps_its_possessive(parser: SpacyParser) -> None:
    text = "Thousands protested against President Emmanuel Macron’s plans to raise the age."
    got = _labels(parser, text)
    assert got.get("Emmanuel Macron") == "PERSON"
    assert "Emmanuel Macron’s" not in got


def test_names_a_plural_apposition_calls_bodies_are_organisations(parser: SpacyParser) -> None:
    text = (
        "Unite and Unison — the country’s biggest unions with 2.7 million members in total — "
        "are calling for others to join them."
    )
    got = _labels(parser, text)
    assert got.get("Unison") == "ORG"
