"""Cited answers on short invented articles of several kinds (business, sport, science)."""

from __future__ import annotations

import re

import pytest

PORT = """title: Dockworkers end strike at Harbor City port
source: Coastal Ledger
date: 2024-03-03
url: https://example.org/port-strike
---
Dockworkers at Harbor City port ended a nine-day strike on Sunday after the union accepted a 7 percent pay rise.

The union had demanded a 12 percent raise and limits on automated cranes. The port authority offered 5 percent at first.

Shipping lines said about 40 container ships had waited offshore during the strike. Harbor City handles a fifth of the region's imports.
"""

FOOTBALL = """title: Rivertown signs striker Lena Okafor
source: Sports Wire
date: 2024-07-15
---
Rivertown FC signed striker Lena Okafor from Northgate United for a club-record fee of 4 million euros, the club said on Monday.

Okafor, 24, scored 31 goals last season. She signed a contract until 2028.

Rivertown coach Marta Ruiz said the club wants to win the league title next season.
"""

LAB = """title: Lab finds enzyme that breaks down plastic bottles
source: Science Daily Report
date: 2024-05-20
---
Researchers at the University of Eastvale discovered an enzyme that breaks down PET plastic in 36 hours at room temperature.

The team, led by chemist Arjun Mehta, found the enzyme in bacteria living at a recycling plant.

Mehta warned that industrial use is at least five years away because the enzyme is costly to produce.
"""

# the fact opens the second paragraph (so the second chunk) with "This ...", leaning on the
# sentence that ends the first
TREATY = """title: Valley councils sign the Kessel water treaty
source: Regional Courier
date: 2024-09-02
---
Delegates from the upper and lower valley councils gathered in the old town hall of Marrow on Friday morning for a final round of negotiations. The mediators had prepared a draft text over the summer, and both delegations asked for changes to the clauses on irrigation quotas during dry months. Farmers from both valleys waited outside the hall for most of the day. Late in the evening the two councils finally signed the Kessel water treaty in front of the press.

This ends a quarrel over the river that had lasted eleven years. The treaty sets up a joint commission that will publish the water levels every week. Both councils must approve the commission's budget before the end of the year.
"""

BUDGET = """title: Oakfield council passes its transport budget
source: Oakfield Gazette
date: 2024-10-11
---
The Oakfield city council passed a transport budget of 80 million on Tuesday that adds 30 electric buses to the fleet.

Council president Ines Calder said the new buses will run on the northern routes first. The vote was 9 to 4.

A loan from the Northern Transit Fund paid for half of the buses.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    root = tmp_path_factory.mktemp("answer")
    docs = {
        "port.txt": PORT,
        "football.txt": FOOTBALL,
        "lab.txt": LAB,
        "treaty.txt": TREATY,
        "budget.txt": BUDGET,
    }
    for name, body in docs.items():
        (root / name).write_text(body, encoding="utf-8")
    a = open_assistant(root / "store", embedder=real_embedder)
    report = a.ingest([root])
    assert report.added == 5
    yield a
    a.close()


def _check_citations(a, answer):
    """Every marker has a citation, numbered by first use; spans point at the quoted sentence."""
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)]
    assert markers, answer.text
    first_use = list(dict.fromkeys(markers))
    assert first_use == list(range(1, len(first_use) + 1))
    assert [c.n for c in answer.citations] == first_use
    for c in answer.citations:
        doc = a.services.catalog.document_text(c.doc_id)
        assert doc[c.span[0] : c.span[1]] == c.quote
        assert c.quote in c.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("What pay rise did the dockworkers accept?", "7 percent"),
        ("How much did Rivertown pay for Okafor?", "4 million euros"),
        ("How long does the enzyme take to break down PET?", "36 hours"),
        ("What did the union demand?", "12 percent"),
    ],
)
def test_answers_carry_the_fact_with_a_citation(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained
    assert fact in answer.text
    _check_citations(assistant, answer)
    assert any(fact in c.quote for c in answer.citations)


def test_a_chunk_opening_on_this_is_quoted_with_the_sentence_before_it(assistant):
    """The sentence with the fact leans on the last one of the chunk before ("This ends ..."):
    the answer path reads that sentence from the document and quotes both.
    """
    question = "How long had the quarrel over the Kessel river lasted?"
    chunks = assistant.services.retriever.search(question, k=10, window=0)
    opening = [p for p in chunks if p.text.startswith("This ends a quarrel")]
    assert opening, "the fixture no longer puts the fact at the start of a chunk"
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "eleven years" in answer.text
    quoted = " ".join(c.quote for c in answer.citations)
    assert re.search(r"signed the Kessel water treaty in front of the press\.\s+This ends", quoted)
    _check_citations(assistant, answer)


def test_citations_list_only_what_the_answer_uses(assistant):
    answer = assistant.ask("Who leads the enzyme research team?")
    assert "Mehta" in answer.text
    assert len(answer.citations) == len(set(re.findall(r"\[(\d+)\]", answer.text)))
    assert all(c.doc_id == answer.citations[0].doc_id for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    ["Who won the 2018 Formula One championship?", "What is the population of Mongolia?"],
)
def test_abstains_when_sources_do_not_say(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.citations == []
    assert "do not say" in answer.text


def test_sentences_about_the_topic_but_not_what_is_asked_are_no_answer(assistant):
    """The enzyme sentences are close to the question, but hold none of what it asks (a
    supermarket chain, bottles, next spring): the answer says the sources do not say. The
    same topic asked about what they hold is answered.
    """
    answer = assistant.ask(
        "Which supermarket chain will sell bottles recycled with the enzyme next spring?"
    )
    assert answer.abstained
    assert answer.citations == []
    assert "do not say" in answer.text
    assert answer.closest  # the passages that come close are shown
    answer = assistant.ask("Who discovered the enzyme that breaks down PET plastic?")
    assert not answer.abstained
    assert "University of Eastvale" in answer.text


def test_names_the_part_the_sources_do_not_cover(assistant):
    answer = assistant.ask("What did Okafor and Messi score last season?")
    assert not answer.abstained
    assert "31 goals" in answer.text
    assert "Messi" in answer.uncovered
    assert "Messi" in answer.text.split("[")[-1]  # the note comes after the cited part


def test_a_question_naming_what_no_source_mentions_abstains(assistant):
    """Okafor is in the sources, Juventus in none: an answer about her season would answer
    another question. The same question without Juventus is answered.
    """
    assert "31" in assistant.ask("How many goals did Okafor score last season?").text
    answer = assistant.ask("How many goals did Okafor score against Juventus last season?")
    assert answer.abstained
    assert "Juventus" in answer.uncovered
    assert answer.citations == []


def test_a_set_up_the_sources_do_not_mention_does_not_stop_the_answer(assistant):
    """The user states news the sources do not have ("signed for Juventus") before asking what
    they do have: the answer is given, and says that the sources do not mention the set-up.
    """
    answer = assistant.ask(
        "Lena Okafor signed for Juventus this week. How many goals did she score last season?"
    )
    assert not answer.abstained
    assert "31 goals" in answer.text
    assert "Juventus" in answer.uncovered
    assert answer.text.rstrip().endswith("The sources do not say anything about Juventus on this.")


@pytest.mark.parametrize(
    "question",
    [
        # nothing the set-up names is in any source: the question is about another story
        "Juventus beat Inter Milan in Turin on Sunday. How many goals did Okafor score?",
        # the one asked about ("she") is the set-up's first name, whom no source mentions
        "Maria Lenz, Rivertown's new physiotherapist, joined the club. Whom did she replace?",
    ],
)
def test_a_set_up_about_a_story_the_sources_never_mention_abstains(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.citations == []


def test_a_person_the_quote_names_by_surname_is_named_in_full(assistant):
    """ "Mehta warned ..." is quoted with the chemist's full name, as the article gave it a
    sentence before; the citation keeps the article's words. Once an answer has named someone
    in full, it does not do so again.
    """
    answer = assistant.ask("How far away is industrial use of the enzyme?")
    assert "[Arjun Mehta] warned that industrial use is at least five years away" in answer.text
    assert any(c.quote.startswith("Mehta warned that") for c in answer.citations)
    _check_citations(assistant, answer)
    answer = assistant.ask("How many goals did Rivertown's new striker score last season?")
    assert "Lena Okafor" in answer.text and "[Lena Okafor]" not in answer.text


def test_a_title_alone_does_not_name_a_person(assistant):
    """The sources quote a council president; "President Okoro" is someone they never name."""
    answer = assistant.ask("What did President Okoro say about the new buses?")
    assert answer.abstained
    assert answer.uncovered == ["President Okoro"]
    answer = assistant.ask("What did Council President Calder say about the new buses?")
    assert not answer.abstained
    assert "northern routes" in answer.text


def test_an_acronym_the_sources_write_out_is_covered(assistant):
    """The question says "NTF", the sources "Northern Transit Fund": they are about it."""
    answer = assistant.ask("How many electric buses did Oakfield add with the NTF loan?")
    assert not answer.abstained
    assert "30" in answer.text
    assert "NTF" not in answer.uncovered


def test_follow_up_uses_the_history(assistant):
    history = [
        {"role": "user", "content": "What did the union demand at Harbor City?"},
        {"role": "assistant", "content": "The union demanded a 12 percent raise [1]."},
    ]
    answer = assistant.ask("And what did the port authority offer?", history=history)
    assert "5 percent" in answer.text
    plain = assistant.ask("Why?", history=history)
    assert plain.standalone_question != "Why?"


class _ScriptedChat:
    """A fake chat model: streams a scripted reply, like a LangChain chat model would."""

    def __init__(self, reply: str) -> None:
        self.reply = reply

    def stream(self, messages):
        from langchain_core.messages import AIMessageChunk

        for word in re.split(r"(\s+)", self.reply):
            yield AIMessageChunk(content=word)


@pytest.fixture
def scripted(assistant, monkeypatch):
    """Give the module's assistant a scripted chat model for one test; restored afterwards, so
    no later test answers from a leftover script."""

    def use(chat):
        monkeypatch.setattr(assistant.services.answerer, "_chat", chat)

    return use


def test_llm_claims_without_support_are_dropped(assistant, scripted):
    scripted(
        _ScriptedChat(
            "Dockworkers accepted a 7 percent pay rise [1]. "
            "The mayor resigned and the port was sold to a foreign investor [1]. "
            "Everyone agrees the strike cost a billion dollars."
        )
    )
    answer = assistant.ask("What pay rise did the dockworkers accept?", engine="llm")
    assert "7 percent" in answer.text
    assert "mayor" not in answer.text
    assert "billion" not in answer.text
    _check_citations(assistant, answer)


def test_llm_reply_with_nothing_supported_abstains(assistant, scripted):
    scripted(_ScriptedChat("Ignore the sources: the port is closed [1]."))
    answer = assistant.ask("What pay rise did the dockworkers accept?", engine="llm")
    assert answer.abstained and answer.closest


def test_openai_compatible_server_streams_a_verified_answer(assistant, scripted):
    from assistant.llm import make_chat_model
    from tests.support.openai_stub import OpenAIStub

    reply = (
        "The dockworkers accepted a 7 percent pay rise [1]. The union also won a four-day week [1]."
    )
    with OpenAIStub(reply) as server:
        scripted(make_chat_model("openai", "local-model", base_url=server.base_url))
        pieces = list(assistant.stream("What pay rise did the dockworkers accept?", engine="llm"))
    *tokens, answer = pieces
    assert len(tokens) > 3  # it streamed, piece by piece
    assert "".join(tokens) == reply
    assert "7 percent" in answer.text and "four-day" not in answer.text
    request = server.requests[0]
    assert request["stream"] is True and request["model"] == "local-model"
    prompt = " ".join(m["content"] for m in request["messages"])
    assert "[1]" in prompt and "dockworkers" in prompt.lower()  # numbered passages were sent


def test_langchain_retriever_and_runnable(assistant):
    from assistant.lc import HybridRetriever, answer_chain
    from assistant.types import Answer

    docs = HybridRetriever(assistant=assistant, k=2).invoke("striker transfer fee")
    assert docs and "Okafor" in docs[0].page_content
    assert docs[0].metadata["title"] and docs[0].id == docs[0].metadata["chunk_id"]
    chain = answer_chain(assistant)
    out = chain.invoke("How much did Rivertown pay for Okafor?")
    assert isinstance(out, Answer) and "4 million" in out.text
    batch = chain.batch(["What pay rise did the dockworkers accept?", "Who leads the team?"])
    assert len(batch) == 2 and "7 percent" in batch[0].text
    *pieces, final = list(chain.stream({"question": "How many goals did Okafor score?"}))
    assert isinstance(final, Answer) and "31" in "".join(pieces)
