"""'the company' stands for a party the text has named, never for a person it names."""

from __future__ import annotations

from assistant.parties import Registry
from assistant.stance_parties import Parties

TEXT = (
    "Growers will block the cellars of Delmont from Thursday, their syndicate said. "
    '"We want a contract," the syndicate\'s president, Mathilde Roussel, told reporters. '
    "Roussel said the growers would lift the blockade if the merchant agreed to arbitration."
)


def test_the_company_is_not_a_surname_seen_as_an_organisation():
    parties = Parties(Registry.load(), people={}, text=TEXT)
    parties.seen("Delmont", "ORG")
    parties.seen("Roussel", "ORG")  # the tagger's reading of "Roussel said"
    assert parties.by_generic("company") == "Delmont"
