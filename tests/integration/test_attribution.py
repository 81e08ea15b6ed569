"""Whose words a quoted sentence is (issue 14's attribution, issue 12's per-sentence voices):
read at ingest from a transcript, a party's own statement and wire copy, stored with the
document, and written into the answer when the sentence does not say it itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "voices"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    a = open_assistant(tmp_path_factory.mktemp("voices") / "store", embedder=real_embedder)
    report = a.ingest(sorted(FIXTURES.glob("*.txt")))
    assert report.added == 3 and not report.failed
    yield a
    a.close()


def _voices(a, title_word):
    [doc] = [d for d in a.documents() if title_word in d.title]
    text = a.document_text(doc.doc_id)
    rows = a.services.catalog.voices_of([doc.doc_id]).get(doc.doc_id, [])
    return [(v.kind, v.speaker, v.party_id, text[v.start : v.end]) for v in rows]


def test_transcript_turns_and_questions_are_stored_with_the_document(assistant):
    rows = _voices(assistant, "dredging")
    turns = [r for r in rows if r[0] == "turn"]
    assert turns and all(r[1] == "Paula Okafor" for r in turns)
    assert all("Harbour Authority" in r[2] for r in turns)
    assert any("tender deadline" in r[3] for r in turns)
    questions = [r[3] for r in rows if r[0] == "question"]  # the moderator's and the reporter's
    assert any("abandoned for good" in q for q in questions)
    assert not any("abandoned for good" in r[3] for r in turns)


def test_a_bare_quote_belongs_to_the_speaker_named_before_it(assistant):
    rows = _voices(assistant, "Dockers")
    quote = [r for r in rows if "Nobody wants a strike" in r[3]]
    assert quote and quote[0][0] == "quote" and quote[0][1] == "Tomas Brenner"


def test_a_turn_is_attributed_to_its_speaker_in_the_answer(assistant):
    a = assistant.ask("Will the harbour authority extend the tender deadline for the second phase?")
    assert not a.abstained
    assert "tender deadline" in a.text
    lead = a.text.split("We will not extend")[0]
    assert "Okafor" in lead  # "Paula Okafor (Port Ellis Harbour Authority) said: We will not ..."


def test_first_person_text_of_a_party_says_whose_it_is(assistant):
    a = assistant.ask(
        "Is Northwind prepared to keep the Hallam terminal open until the end of 2027?"
    )
    assert "We are prepared to keep the Hallam terminal open" in a.text
    lead = a.text.split("We are prepared")[0]
    assert "Northwind" in lead and "6 Mar 2026" in lead


def test_a_journalists_question_is_never_the_answer(assistant):
    a = assistant.ask("Has the dredging of the eastern channel been abandoned?")
    assert "abandoned for good" not in a.text
    for c in a.citations:
        assert "abandoned for good" not in c.quote


def test_what_a_named_speaker_said_comes_from_their_own_words(assistant):
    a = assistant.ask("What did Brenner say about a strike?")
    assert not a.abstained
    # his quotes, not the agency's lead paragraph about the union
    assert "Nobody wants a strike" in a.text or "every chance to talk" in a.text
    assert not re.search(r"\bwould strike from March 20\b", a.text)
    # a quote is never cut open: the sentence that closes it comes with the one that opens it
    for c in a.citations:
        assert c.quote.count('"') % 2 == 0, c.quote


HOLIDAY_MEALS = """title: Where to order a holiday dinner in Marlow this year
source: Marlow Courier
date: 2025-11-28
---
Several restaurants in Marlow take orders for holiday dinners again this year.

Harbour Grill

WHERE: 12 Quay Street, Marlow.

WHEN: Order by Dec. 20.

WHAT: A roast turkey dinner with stuffing, cranberry sauce and two sides serves six people for $120.

Golden Lantern

WHERE: 40 Mill Road, Marlow.

WHEN: Order in advance.

WHAT: The Lantern feast offers chicken fried rice or beef lo mein, one egg roll per person and egg drop soup.
"""

FACT_CHECK = """title: Fact check: three claims about the Marlow bypass
source: Marlow Courier
date: 2025-07-18
---
The Courier looked at three claims made about the Marlow bypass.

1. Cost

WHO SAID IT: Councillor Dana Ruiz.

MEDIA: Radio.

THE COMMENT: "The bypass will cost twice what we were promised."

OUR FINDING: Mostly true.

2. Traffic

WHO SAID IT: Mayor Tomas Brenner.

MEDIA: Web.

THE COMMENT: "Traffic in the old town will fall by half."

OUR FINDING: Unsupported.

The council's own study expects traffic in the old town to fall by a fifth.
"""


def test_a_listings_fields_are_nobodys_words(tmp_path, real_embedder):
    """A holiday-meal listing ("WHERE:", "WHEN:", "WHAT:") and a fact check's fields ("WHO SAID
    IT:", "THE COMMENT:", "OUR FINDING:") repeat item after item as a transcript's speakers do:
    no field is a speaker, so no answer says "What said: ..." or gives the writer's finding to
    a field.
    """
    from assistant.api import open_assistant

    for name, body in (("meals.txt", HOLIDAY_MEALS), ("check.txt", FACT_CHECK)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    a = open_assistant(tmp_path / "store", embedder=real_embedder)
    try:
        assert a.ingest([tmp_path / "meals.txt", tmp_path / "check.txt"]).added == 2
        for doc in a.documents():
            rows = a.services.catalog.voices_of([doc.doc_id]).get(doc.doc_id, [])
            assert not [v for v in rows if v.kind == "turn"], (doc.title, rows)
        answer = a.ask("Which restaurant offers chicken fried rice for the holidays?")
        assert "fried rice" in answer.text
        assert not re.search(r"\b(?:WHAT|What) said\b", answer.text)
        answer = a.ask("How much will traffic in the old town fall, according to the study?")
        assert not re.search(r"(?i)\b(?:finding|comment|media) said\b", answer.text)
    finally:
        a.close()


QUIST_WIRE = """title: Dock union sets terms for the dredging contract
source: Marlow Courier
date: 2025-06-03
---
The Marlow dockers' union met on Monday to discuss the harbour's dredging contract.

Union leader Mara Quist said, \u201cWe have waited long enough for an answer from the port. The dredging contract must go to local firms before the summer. Nobody in this town wants the work to leave.\u201d

The port authority did not reply to a request for comment.
"""


def test_a_sentence_from_the_middle_of_a_quote_is_quoted_and_attributed(tmp_path, real_embedder):
    """News quotes a speaker for three sentences and names them once: the middle sentence has
    no quotation mark of its own, and an answer quoting it alone gave the speaker's demand as
    the sources' own statement of fact."""
    from assistant.api import open_assistant

    (tmp_path / "quist.txt").write_text(QUIST_WIRE, encoding="utf-8")
    a = open_assistant(tmp_path / "store", embedder=real_embedder)
    try:
        assert a.ingest([tmp_path / "quist.txt"]).added == 1
        answer = a.ask("Must the dredging contract go to local firms?")
        demand = "The dredging contract must go to local firms before the summer."
        assert f"\u201c{demand}\u201d" in answer.text, answer.text
        before = answer.text.split(demand)[0]
        assert "Quist" in before, answer.text
    finally:
        a.close()


DEBATE = """title: Transcript: the Veloria presidential debate
source: Capital Ledger
date: 2025-09-10
---
MODERATOR: Vice President, your answer on the water tariff.

VICE PRESIDENT MARA OKONJO: We will freeze the water tariff for two years and repair the northern pipelines first.

MODERATOR: Senator Brandt, your response.

SENATOR TOMAS BRANDT: The tariff freeze is a promise the budget cannot keep.
"""


def test_a_vice_presidents_turn_is_hers_by_name(tmp_path, real_embedder):
    """'VICE PRESIDENT MARA OKONJO:' is Mara Okonjo's turn: the title's words, "Vice" too, are
    no part of her name (answers said "Vice Kamala Harris said: ...").
    """
    from assistant.api import open_assistant

    (tmp_path / "debate.txt").write_text(DEBATE, encoding="utf-8")
    a = open_assistant(tmp_path / "store", embedder=real_embedder)
    try:
        assert a.ingest([tmp_path / "debate.txt"]).added == 1
        [doc] = a.documents()
        rows = a.services.catalog.voices_of([doc.doc_id])[doc.doc_id]
        speakers = {v.speaker for v in rows if v.kind == "turn"}
        assert speakers == {"Mara Okonjo", "Tomas Brandt"}, speakers
        answer = a.ask("What did Okonjo promise on the water tariff?")
        assert "freeze the water tariff" in answer.text
        assert "Vice Mara" not in answer.text
    finally:
        a.close()


AMBASSADOR = """title: Varenland open to a shared fishing zone, envoy says
source: Harbour Gazette
date: 2026-03-02
---
Varenland is open to a shared fishing zone in the Skarre Sound as long as quotas are fair,
Ambassador Oskar Lindqvist said in an interview.

Lindqvist said Varenland would support a joint patrol of the sound if both sides asked for it.

The coastal states have called Varenland a rival in the sound, but Lindqvist disagreed.

"Varenland has no interest in ruling the waters of the Skarre Sound," he said.
"""


def test_he_said_names_its_speaker_in_brackets_in_the_answer(tmp_path, real_embedder):
    """Quoted alone, '"...," he said.' does not say who spoke: the answer names the stored
    speaker in brackets, as an editor clarifies a quote."""
    from assistant.api import open_assistant

    (tmp_path / "envoy.txt").write_text(AMBASSADOR, encoding="utf-8")
    a = open_assistant(tmp_path / "store", embedder=real_embedder)
    try:
        assert a.ingest([tmp_path / "envoy.txt"]).added == 1
        answer = a.ask("Does Varenland want to rule the waters of the Skarre Sound?")
        assert "no interest in ruling" in answer.text, answer.text
        assert 'Sound," [Oskar Lindqvist] said' in answer.text, answer.text
    finally:
        a.close()
