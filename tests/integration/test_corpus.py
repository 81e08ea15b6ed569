"""The real model on the shared sample material: what a new user does first."""

from __future__ import annotations

import pytest

from tests.support.paths import CORPUS, SEED

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")


@pytest.fixture(scope="module")
def corpus_assistant(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    a = open_assistant(tmp_path_factory.mktemp("corpus") / "store", embedder=real_embedder)
    report = a.ingest([CORPUS, SEED])
    yield a, report
    a.close()


def test_all_forty_documents_are_indexed(corpus_assistant):
    a, report = corpus_assistant
    assert report.failed == []
    assert report.added == 40
    docs = a.documents()
    assert len(docs) == 40
    assert all(d.chunks > 0 and d.title for d in docs)
    dated = [d for d in docs if d.date]
    assert len(dated) == 39  # every corpus file has an ISO date; the seed has none
    assert report.chunks == a.services.vectors.count()


def test_second_run_adds_nothing(corpus_assistant):
    a, _ = corpus_assistant
    before = a.services.vectors.count()
    again = a.ingest([CORPUS, SEED])
    assert (again.added, again.replaced, again.duplicates, again.chunks) == (0, 0, 0, 0)
    assert again.unchanged == 40
    assert a.services.vectors.count() == before


@pytest.mark.parametrize(
    ("query", "must_contain"),
    [
        ("Where did Sherman and Ryabkov meet for the Strategic Stability Dialogue?", "Geneva"),
        ("first meeting of the NATO-Russia Council since 2019", "NATO-Russia Council"),
        ("Which troops does the USA want withdrawn from the Ukrainian border?", "troops"),
    ],
)
def test_search_finds_the_passage(corpus_assistant, query, must_contain):
    a, _ = corpus_assistant
    hits = a.search(query, k=5)
    assert hits, "no passages"
    assert any(must_contain.lower() in h.text.lower() for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_metadata_survives_a_restart(corpus_assistant, real_embedder):
    from assistant.api import open_assistant

    a, _ = corpus_assistant
    store = a.services.settings.store
    reopened = open_assistant(store, embedder=real_embedder)
    try:
        assert {d.doc_id for d in reopened.documents()} == {d.doc_id for d in a.documents()}
        hit = reopened.search("draft treaty on security guarantees", k=1)[0]
        assert hit.date and hit.url.startswith("http") and hit.source
    finally:
        reopened.close()
