"""Answers an analyst would send, on the shared corpus with the real model: no sentence leaning on
one the reader does not get, each claim once, no greetings, speaker labels, datelines or
questions (`eval.readability.defects`). Also re-checks the same-claim rule's labelled pairs with
the model's own similarities (tests/unit/test_same_claim.py records them).
"""

from __future__ import annotations

import re

import pytest

from tests.support.paths import CORPUS, SEED

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")

QUESTIONS = [
    "What does Russia demand from NATO?",  # the app's examples
    "What is the US asking Russia to do?",
    "How many Russian troops were gathered near the Ukrainian border?",
    "Where did Sherman and Ryabkov meet?",
    "What did NATO offer Russia after the NATO-Russia Council?",
    "What sanctions did the United States threaten?",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    a = open_assistant(tmp_path_factory.mktemp("readability") / "store", embedder=real_embedder)
    a.ingest([CORPUS, SEED])
    yield a
    a.close()


@pytest.fixture(scope="module")
def answers(corpus):
    return {q: corpus.ask(q) for q in QUESTIONS}


@pytest.mark.parametrize("question", QUESTIONS)
def test_answers_read_as_a_briefing(corpus, answers, question):
    from eval.readability import defects

    answer = answers[question]
    assert not answer.abstained, answer.text
    found = defects(answer.text, corpus.services.embedder.embed_documents)
    for key in (
        "dangling_openers",
        "repeated_claims",
        "greetings",
        "speaker_labels",
        "datelines",
        "questions",
        "unattributed_quotes",
        "unpaired_quotes",
        "fragments",
    ):
        assert found[key] == 0, (key, answer.text)


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_marker_points_at_a_citation_quoting_the_document(corpus, answers, question):
    answer = answers[question]
    used = {int(n) for m in re.findall(r"\[([\d, ]+)\]", answer.text) for n in m.split(",")}
    assert used == {c.n for c in answer.citations} == set(range(1, len(answer.citations) + 1))
    for c in answer.citations:
        doc = corpus.services.catalog.document_text(c.doc_id)
        assert doc[c.span[0] : c.span[1]] == c.quote


def test_a_claim_several_sources_state_is_written_once_citing_them_all(answers):
    answer = answers["How many Russian troops were gathered near the Ukrainian border?"]
    grouped = re.findall(r"\[(\d+(?:, \d+)+)\]", answer.text)
    assert grouped, answer.text
    docs = {c.n: c.doc_id for c in answer.citations}
    assert any(len({docs[int(n)] for n in g.split(", ")}) > 1 for g in grouped)


def test_the_labelled_pairs_hold_with_the_models_similarities(real_embedder):
    from assistant.citations import same_claim
    from tests.unit.test_same_claim import DIFFERENT, SAME

    def sim(a: str, b: str) -> float:
        v = real_embedder.embed_documents([a, b])
        return float(v[0] @ v[1])

    merged = sum(same_claim(a, b, sim(a, b)) for a, b, _ in SAME)
    wrongly = [(a, b) for a, b, _ in DIFFERENT if same_claim(a, b, sim(a, b))]
    assert merged >= len(SAME) - 2  # the model's precision (int8 or fp32) moves cosines a little
    assert not wrongly


@pytest.fixture(scope="module")
def seed_only(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    a = open_assistant(
        tmp_path_factory.mktemp("readability-seed") / "store", embedder=real_embedder
    )
    a.ingest([SEED])
    yield a
    a.close()


@pytest.mark.parametrize("store", ["seed_only", "corpus"])
def test_memos_read_as_a_briefing(request, store):
    """The memos `make eval` reads, from the seed alone and from the whole corpus: no defect
    of any kind (issue 14), at most 450 words before the sources."""
    from eval.readability import defects
    from eval.run import MEMO_TOPICS

    a = request.getfixturevalue(store)
    for topic in MEMO_TOPICS:
        memo = a.memo(topic)
        found = defects(memo.markdown, a.services.embedder.embed_documents)
        assert not any(found.values()), (topic, {k: v for k, v in found.items() if v})
        body = memo.markdown.split("## Sources")[0].split("\n", 3)[-1]  # after title and date
        words = [w for w in body.split() if any(ch.isalnum() for ch in w)]  # not "##", "-"
        assert len(words) <= 450, topic
