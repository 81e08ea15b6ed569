"""Who wants what, read from spaCy's parse: the attribution cases users reported, and parties the
registry has never heard of. Uses the packaged spaCy model (no embedding model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.parties import Registry
from assistant.stance import StanceReader
from index.chunking import sentence_spans
from index.cleaning import normalise
from index.language import SpacyParser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "unknown_parties"


@pytest.fixture(scope="module")
def reader():
    return StanceReader(SpacyParser(), Registry.load())


def _read(reader, text, source=""):
    text = normalise(text)
    found, people, _ = reader.read(text, sentence_spans(text), source)
    return [(f.holder, f.stance, text[f.start : f.end], f) for f in found], people


def test_a_condition_on_the_other_side_is_not_its_offer(reader):
    found, _ = _read(
        reader,
        "Should Russia take concrete steps to reduce tensions, we are prepared to work on "
        "strengthening confidence-building measures.",
        source="North Atlantic Council",
    )
    assert [(h, s) for h, s, _, _ in found] == [("NATO", "offers")]


def test_costs_promised_to_another_party_are_a_warning_by_the_speaker(reader):
    found, _ = _read(
        reader,
        "And as we have promised, Russia will face severe, coordinated costs if it invades.",
        source="U.S. Department of State",
    )
    assert [(h, s) for h, s, _, _ in found] == [("United States", "warns")]
    assert found[0][3].target == "Russia"


def test_the_holder_is_the_subject_not_the_party_mentioned(reader):
    found, _ = _read(
        reader,
        "US Deputy Secretary of State Wendy Sherman met Russian officials in Geneva. "
        "Sherman rejected Russia's demands for an end to NATO enlargement.",
    )
    assert ("United States", "rejects") in [(h, s) for h, s, _, _ in found]
    assert all(h != "Russia" for h, _, _, _ in found)


def test_speaker_labels_leave_the_statement_and_name_the_speaker(reader):
    text = (
        "MODERATOR: Ambassador, what did you ask for?\n"
        "AMBASSADOR LINDA THOMAS-GREENFIELD: Look, we called for this meeting because Russia "
        "must pull back its troops."
    )
    found, _ = _read(reader, text, source="U.S. Mission to the United Nations")
    assert found, "the ambassador's demand is a statement"
    holder, stance, sentence, f = found[0]
    assert holder == "United States" and stance == "demands" and f.voice == "own"
    assert sentence.startswith("Look, we called") and "AMBASSADOR" not in sentence
    assert all("what did you ask" not in s for _, _, s, _ in found)  # questions are not positions


def test_fragments_greetings_and_questions_are_not_statements(reader):
    found, _ = _read(
        reader,
        "Because NATO Allies are ready to engage in dialogue with Russia. "
        "And welcome to this extraordinary meeting. Will Russia accept the offer?",
        source="NATO",
    )
    assert found == []


def test_people_speak_for_their_party_through_titles_and_appositions(reader):
    found, people = _read(
        reader,
        "Northwind's chief executive, Ana Ruiz, said the company was prepared to discuss bonuses. "
        "Belvian Foreign Minister Mira Kallas ruled out any mediation.",
    )
    holders = {(h, s) for h, s, _, _ in found}
    assert ("Northwind", "offers") in holders
    assert people.get("Ana Ruiz") == "Northwind"
    assert any(s == "rejects" and "Kallas" in t for _, s, t, _ in found)


def test_first_person_in_a_release_belongs_to_its_publisher(reader):
    found, _ = _read(
        reader,
        "We call on the council to halt the demolition. Our association will not accept the plan.",
        source="Riverside Residents Association",
    )
    assert [(h, s) for h, s, _, _ in found] == [
        ("Riverside Residents Association", "demands"),
        ("Riverside Residents Association", "rejects"),
    ]
    assert all(f.voice == "own" for *_, f in found)


def test_parties_unknown_to_the_registry_hold_positions_from_a_wire_and_a_letter(reader):
    from index.articles import build_article
    from index.loaders import load_file

    got = set()
    for name in ("harbour-wire.txt", "guild-letter.txt"):
        a = build_article(load_file(FIXTURES / name, 10**7)[0])
        found, _, _ = reader.read(a.text, sentence_spans(a.text), a.source)
        got |= {(f.holder, f.stance) for f in found}
        assert all("PORT ELLIS" not in a.text[f.start : f.end] for f in found)  # no dateline
        assert all(not a.text[f.start : f.end].startswith("Dear") for f in found)
    assert {
        ("Northwind Shipping", "rejects"),
        ("Northwind Shipping", "offers"),
        ("Dockworkers' Guild", "warns"),
        ("Dockworkers' Guild", "rejects"),
        ("Dockworkers' Guild", "demands"),
        ("Dockworkers' Guild", "offers"),
    } <= got


SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "geneva-talks-dpa.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_demands(reader):
    found, _ = _read(reader, SEED.read_text(encoding="utf-8"), source="dpa")
    russia = " ".join(t for h, s, t, _ in found if h == "Russia" and s == "demands")
    us = " ".join(t for h, s, t, _ in found if h == "United States" and s == "demands")
    assert "reduction in US troops and arms in Europe" in russia
    assert "Russian troops to be withdrawn" in us or "withdrawal of Russian troops" in us
    # Sherman rejecting Russia's demands is the US rejecting, not Russia demanding.
    assert "Sherman again rejected" not in russia
    assert any(h == "United States" and s == "rejects" and "Sherman" in t for h, s, t, _ in found)
    # "Russia ... is not entitled to make demands" is Ukraine's view, not a Russian demand.
    assert "not entitled" not in russia


def test_official_text_speaks_for_its_source_party_and_wire_copy_does_not(reader):
    own, _ = _read(
        reader, "We urge all parties to return to the table.", source="Government of Canada"
    )
    assert [(h, s) for h, s, _, _ in own] == [("Canada", "demands")]
    wire, _ = _read(reader, "We urge all parties to return to the table.", source="Reuters")
    assert wire == []


def test_discovered_parties_show_in_positions_and_answer_in_the_chat(open_store):
    a = open_store()
    report = a.ingest([FIXTURES])
    assert report.added == 2 and not report.failed
    parties = {p.party for p in a.positions()}
    assert {"Northwind Shipping", "Dockworkers' Guild"} <= parties
    guild = [p for p in a.positions(party="Dockworkers' Guild") if p.stance == "warns"]
    assert guild and guild[0].citation.quote.startswith("The guild threatened to strike")
    answer = a.ask("What does the guild demand?")
    assert not answer.abstained
    assert "independent mediator" in answer.text or "mediate" in answer.text
    assert all(c.title for c in answer.citations)
    asked = a.ask("What is Northwind offering the guild?")
    assert "bonus" in asked.text


def test_the_language_layer_can_be_turned_off(open_store):
    a = open_store(spacy_model="")
    report = a.ingest([FIXTURES])
    assert report.added == 2 and not report.failed
    assert a.positions() == []  # nothing parsed, nothing claimed
    assert a.search("strike", k=3)  # the documents are searchable all the same


def test_a_ministers_portfolio_is_not_a_party_and_his_surname_keeps_his_party(reader):
    found, people = _read(
        reader,
        "The Government of Lorvania and the Coastal Liberation Front met in Tessa on Monday. "
        "Defence Minister Ivo Brant said the front must hand over its artillery before any talks. "
        "Brant warned that the army would respond with full force to any attack on the port.",
    )
    holders = {h for h, _, _, _ in found}
    assert "Defence" not in holders and not any("Minister" in h for h in holders)
    assert [(h, s) for h, s, _, _ in found] == [
        ("Government of Lorvania", "demands"),
        ("Government of Lorvania", "warns"),
    ]


def test_threats_and_refusals_without_a_stance_word(reader):
    found, _ = _read(
        reader,
        "We will take a short break. "
        "Anyone who attacks our patrols will be held accountable. "
        "A walkout would force us to reconsider the new depot. "
        '"There will be no separate deals with the militia," the minister said.',
        source="Interior Ministry of Lorvania",
    )
    stances = {text.split()[0].strip('"'): s for _, s, text, _ in found}
    assert "We" not in stances  # a break is no threat
    assert stances.get("Anyone") == "warns"
    assert stances.get("A") == "warns"
    assert stances.get("There") == "rejects"


def test_stances_read_from_the_construction_not_the_noun(reader):
    found, _ = _read(
        reader,
        "Lorvania will not move additional troops to the border. "
        "Lorvania will take all necessary measures to ensure the safety of its fishermen. "
        '"The proposal does not reflect the value of Kestrel Mining," its chairman said. '
        "We must decline the invitation to the panel.",
        source="Ministry of Foreign Affairs of Lorvania",
    )
    stances = [s for _, s, _, _ in found]
    assert stances == ["assures", "assures", "rejects", "rejects"], found


def test_a_subject_set_off_by_an_apposition_or_a_clause_holds_the_stance(reader):
    # the small model parses these as a noun phrase with a reduced relative clause (no verb)
    found, _ = _read(
        reader,
        "The Tenby Consumer Council, a campaign group, called on Havborg to publish its tests. "
        "The Continental Development Bank, which lent Marveth $1.4 billion for the dam, offered "
        "on Wednesday to pay for an independent study.",
    )
    assert [(h, s) for h, s, _, _ in found] == [
        ("Tenby Consumer Council", "demands"),
        ("Continental Development Bank", "offers"),
    ]


def test_a_reported_question_is_no_demand_but_a_request_is(reader):
    found, _ = _read(
        reader,
        "The Tenby Workers Union asked why Ridgemont Motors found money for bonuses but not for "
        "wages. The Tenby Workers Union asked Ridgemont Motors to restore the night bonus. "
        "If the bonus is not restored by May, the union will ask the tribunal to order it.",
    )
    assert [(h, s) for h, s, _, _ in found] == [
        ("Tenby Workers Union", "demands"),
        ("Tenby Workers Union", "warns"),
    ]


def test_an_analysts_quote_in_news_is_no_partys_position(reader):
    found, _ = _read(
        reader,
        "Marveth's energy minister, Pavel Strand, said his government had \"no intention "
        'whatsoever" of halting the filling.\n\n"Marveth has the dam and Lorvan has the treaty, '
        'and neither wants to be the first to blink," said Ines Carvalho, a water-policy analyst '
        "at the Institute for Riverine Studies.",
        source="The Meridale Ledger",
    )
    assert [(h, s) for h, s, _, _ in found] == [("Marveth", "rejects")]


def test_being_ready_to_strike_or_sue_is_a_warning_and_to_withdraw_a_case_an_offer(reader):
    found, _ = _read(
        reader,
        "The Tenby Workers Union is ready to strike if Ridgemont Motors does not restore the "
        "bonus. The Tenby Workers Union is willing to withdraw its tribunal claim if Ridgemont "
        "Motors restores the bonus.",
    )
    assert [(h, s) for h, s, _, _ in found] == [
        ("Tenby Workers Union", "warns"),
        ("Tenby Workers Union", "offers"),
    ]


def test_a_hope_about_how_things_go_asks_nothing_of_anyone(reader):
    found, _ = _read(
        reader,
        "If the talks fail, the fighting will resume. We hope it will not come to that. "
        "We hope that the Tenby Council will reject the plan.",
        source="Ministry of Foreign Affairs of Ederra",
    )
    assert [s for _, s, _, _ in found] == ["demands"]
    assert all("come to that" not in text for _, _, text, _ in found)
