"""'"This is theft," the union said': a body speaking by the kind of body it is speaks for the
body of that kind the story named last before, so an answer can say whose words it quotes."""

from __future__ import annotations

from assistant.parties import Registry
from assistant.stance_parties import Parties
from assistant.voices import read_voices
from index.chunking import sentence_spans

TEXT = (
    "Northwind Shipping announced 400 job cuts on Monday. "
    "The Dockers' Union of Aldermoor rejected the plan at once. "
    '"We have no choice," the company said in a statement. '
    '"This is theft from our members," the union said. '
    "Harbour Bank lent the money. "
    '"The terms are fair," the company said.'
)


def _parties(text: str) -> Parties:
    parties = Parties(Registry.load(), people={}, text=text)
    parties.seen("Northwind Shipping", "ORG")
    parties.seen("Dockers' Union of Aldermoor", "ORG")
    parties.seen("Harbour Bank", "ORG")
    return parties


def _party_of(text: str, parties: Parties, quote: str) -> str:
    """The party of the voice over the sentence that opens with `quote`, '' when none."""
    voices = read_voices(
        text,
        sentence_spans(text),
        [],
        "",
        parties.speaks_for,
        lambda n: "",
        the_body=lambda noun, at: parties.body_before(noun, at, text),
    )
    at = text.index(quote)
    return next((v.party for v in voices if v.start <= at < v.end), "")


def test_the_company_and_the_union_are_the_bodies_named_last_before():
    parties = _parties(TEXT)
    assert _party_of(TEXT, parties, '"We have no choice,"') == "Northwind Shipping"
    assert _party_of(TEXT, parties, '"This is theft') == "Dockers' Union of Aldermoor"
    assert _party_of(TEXT, parties, '"The terms are fair,"') == "Harbour Bank"


def test_a_body_named_far_before_is_not_who_the_company_is():
    text = (
        "Northwind Shipping announced cuts. "
        + "The harbour has been busy all year, and the ferries ran late. " * 20
        + '"We are sorry," the company said.'
    )
    assert _party_of(text, _parties(text), '"We are sorry,"') == ""
