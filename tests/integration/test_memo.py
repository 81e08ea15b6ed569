"""Memos and the positions matrix on the shared corpus, exported in every format."""

from __future__ import annotations

import re
import zipfile

import pytest

from tests.support.paths import CORPUS, SEED

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
TOPIC = "Russia's security demands and the Western response"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    a = open_assistant(tmp_path_factory.mktemp("memo") / "store", embedder=real_embedder)
    a.ingest([CORPUS, SEED])
    yield a
    a.close()


@pytest.fixture(scope="module")
def memo(corpus):
    return corpus.memo(TOPIC)


def test_matrix_covers_the_main_parties(corpus):
    positions = corpus.positions()
    parties = {p.party for p in positions}
    assert {"Russia", "United States", "NATO", "Ukraine"} <= parties
    for p in positions:
        doc = corpus.services.catalog.document_text(p.citation.doc_id)
        assert doc[p.citation.span[0] : p.citation.span[1]] == p.text
        assert p.stance in ("demands", "rejects", "offers", "warns", "assures")
    assert any(p.corroboration > 1 for p in positions)


def test_russia_demands_question_lists_russias_own_statements(corpus):
    answer = corpus.ask("What does Russia demand?")
    assert not answer.abstained
    assert "NATO" in answer.text and "troops" in answer.text
    assert "rejected Russia" not in answer.text  # a US statement about Russia is not Russia's


def test_memo_shape_length_and_citations(memo):
    md = memo.markdown
    assert md.startswith("# ")
    for heading in ("## Bottom line", "## Positions", "## Sources"):
        assert heading in md
    assert memo.words() <= 450
    body, sources = md.split("## Sources", 1)
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\d+\]", b) for b in bullets)
    # one entry per document, its cited passages numbered under it
    documents = [line for line in sources.splitlines() if line.startswith("- **")]
    assert len(documents) == len({c.doc_id for c in memo.citations})
    used = {int(n) for n in re.findall(r"\[(\d+)\]", md)}
    assert used == {c.n for c in memo.citations} == set(range(1, len(memo.citations) + 1))
    assert all(c.title[:30] in sources for c in memo.citations)


def test_memo_exports(memo, tmp_path):
    md = memo.export("md", tmp_path / "m.md")
    assert md.read_text(encoding="utf-8") == memo.markdown
    html = memo.export("html", tmp_path / "m.html").read_text(encoding="utf-8")
    assert "<h2>Positions</h2>" in html and 'href="#src-1"' in html
    assert "<script" not in html.lower()
    docx_path = memo.export("docx", tmp_path / "m.docx")
    with zipfile.ZipFile(docx_path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Bottom line" in xml and 'w:vertAlign w:val="superscript"' in xml
    with pytest.raises(ValueError):
        memo.export("pdf", tmp_path / "m.pdf")


def test_timeline_resolves_dates(corpus):
    events = corpus.timeline()
    assert events and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.date) for e in events)
    assert events == sorted(events, key=lambda e: e.date)
    assert any(e.date == "2022-01-12" and "NATO-Russia Council" in e.text for e in events)


def test_positions_are_stored_at_ingest_and_backfilled_for_older_stores(corpus, real_embedder):
    from assistant.api import open_assistant

    before = {(p.party_id, p.stance, p.citation.span) for p in corpus.positions()}
    catalog = corpus.services.catalog
    with catalog.transaction() as db:  # a store written before statements were kept
        db.execute("DELETE FROM statements")
        db.execute("DELETE FROM meta WHERE key = 'statements_pass'")
    assert corpus.positions() == []
    store = corpus.services.settings.store
    reopened = open_assistant(store, embedder=real_embedder)
    try:
        after = {(p.party_id, p.stance, p.citation.span) for p in reopened.positions()}
        assert after == before
    finally:
        reopened.close()
