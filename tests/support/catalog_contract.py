"""The catalog contract: what every catalog backend (SQLite, PostgreSQL) must do.

A tier subclasses `CatalogContract` in a `Test...` class with a `catalog` fixture for its backend:
tests/unit/test_catalog.py runs it on SQLite, tests/integration/test_shared_catalog.py on a real
PostgreSQL. Nothing here is collected on its own.
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.types import Article, Chunk, StatementRow
from index.catalog import StoreMismatch


def _article(doc_id: str, text: str, date: str = "2024-03-01", source: str = "Wire") -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        title=f"Title {doc_id}",
        source=source,
        date=date,
        origin=f"file:{doc_id}",
    )


def _chunks(a: Article, size: int = 60) -> list[Chunk]:
    out, start, n = [], 0, 0
    while start < len(a.text):
        end = min(len(a.text), start + size)
        out.append(
            Chunk(f"{a.doc_id}:{n}", a.doc_id, n, a.text[start:end], start, end, ((start, end),))
        )
        start, n = end, n + 1
    return out


HARBOR = (
    "Dockworkers at Harbor City ended a nine-day strike. The union accepted a seven "
    "percent pay rise after talks with the port authority."
)
FARM = "Farmers in the valley protested against new water quotas imposed by the ministry."


class CatalogContract:
    """Tests every catalog backend must pass; `catalog` is the backend's fixture."""

    def test_commit_makes_a_document_visible_and_searchable(self, catalog):
        a = _article("d1", HARBOR)
        assert catalog.commit_document(a, _chunks(a), np.arange(128, dtype=np.uint64))
        assert catalog.has_document("d1") and catalog.doc_for_origin("file:d1") == "d1"
        assert catalog.counts() == (1, len(_chunks(a)))
        hits = catalog.lexical("strike at the harbor", k=5)
        assert hits and hits[0][0].startswith("d1:")
        passages = catalog.passages(hits)
        assert passages[0].title == "Title d1" and passages[0].date == "2024-03-01"
        assert catalog.document_text("d1") == HARBOR

    def test_lexical_ranks_the_document_holding_the_rare_words_first(self, catalog):
        for doc_id, text in (("h", HARBOR), ("f", FARM)):
            a = _article(doc_id, text)
            catalog.commit_document(a, _chunks(a, size=400), None)
        assert catalog.lexical("water quotas", k=5)[0][0] == "f:0"
        assert catalog.lexical("dockworkers", k=5)[0][0] == "h:0"
        assert catalog.lexical("dockworkers", k=5, doc_ids=["f"]) == []
        assert catalog.lexical("the of and", k=5) == []  # only stopwords: no lexical evidence

    def test_a_second_commit_of_the_same_document_changes_nothing(self, catalog):
        a = _article("d1", HARBOR)
        assert catalog.commit_document(a, _chunks(a), None)
        generation = catalog.generation()
        assert not catalog.commit_document(a, _chunks(a), None)
        assert catalog.counts() == (1, len(_chunks(a))) and catalog.generation() == generation

    def test_remove_hides_everything_and_leaves_a_pending_delete(self, catalog):
        a = _article("d1", HARBOR)
        catalog.commit_document(
            a,
            _chunks(a),
            np.arange(128, dtype=np.uint64),
            statements=[StatementRow("us", "demands", 0, 10, "strike", "", "own")],
        )
        before = catalog.generation()
        assert catalog.remove_document("d1", owner="host:1")
        assert catalog.counts() == (0, 0) and catalog.lexical("dockworkers", 5) == []
        assert catalog.statement_rows() == [] and catalog.generation() > before
        assert [(d, act, who) for d, act, who, _ in catalog.pending()] == [
            ("d1", "delete", "host:1")
        ]
        assert not catalog.remove_document("d1")

    def test_replacement_swaps_versions_in_one_step(self, catalog):
        old = _article("v1", HARBOR)
        catalog.commit_document(old, _chunks(old), None)
        new = Article(**{**old.to_dict(), "doc_id": "v2", "text": HARBOR + " Work resumed Monday."})
        catalog.commit_document(new, _chunks(new), None, replaces="v1")
        assert [d.doc_id for d in catalog.documents()] == ["v2"]
        assert catalog.doc_for_origin("file:v1") == "v2"
        # a search finds the new version, and only it: no chunk of the old one is left behind
        hits = catalog.lexical("dockworkers", 10)
        assert hits, "the replacement is not searchable"
        assert {c.split(":")[0] for c, _ in hits} == {"v2"}
        assert [c for c, _ in catalog.lexical("resumed monday", 10)][:1] == ["v2:2"]
        assert catalog.document_text("v1") is None
        assert catalog.document_text("v2") == new.text

    def test_minhash_candidates_aliases_people_and_statements(self, catalog):
        sig = np.arange(128, dtype=np.uint64) * 7919
        a = _article("d1", HARBOR)
        from index.dedup import band_keys

        catalog.commit_document(
            a,
            _chunks(a),
            sig,
            statements=[StatementRow("union", "demands", 0, 20, "pay", "Ann Lee", "own")],
        )
        ids, sigs = catalog.minhashes(band_keys(sig))
        assert ids == ["d1"] and np.array_equal(sigs[0], sig)
        catalog.add_alias("file:copy", "d1")
        assert catalog.doc_for_origin("file:copy") == "d1"
        catalog.add_people({"Ann Lee": "union"})
        catalog.add_people({"Ann Lee": "someone else"})  # first learned wins, no error
        assert catalog.learned_people() == {"Ann Lee": "union"}
        row = catalog.statement_rows(party_id="union")[0]
        assert (row.row.party_id, row.row.stance) == ("union", "demands")
        assert row.sentence == HARBOR[:20] and row.row.speaker == "Ann Lee"
        assert catalog.chunk_at("d1", 70).chunk_id == "d1:1"

    def test_statement_speakers_and_the_words_their_documents_write(self, catalog):
        a = _article("d1", "President Ann Lee said the union demands pay. Lee said more.")
        catalog.commit_document(
            a,
            _chunks(a),
            None,
            statements=[
                StatementRow("Lee", "demands", 0, 44, "pay", "Lee", "paraphrase"),
                StatementRow("union", "demands", 0, 44, "pay", "", "paraphrase"),
            ],
        )
        assert sorted(catalog.statement_speakers()) == [("Lee", "Lee"), ("union", "")]
        assert catalog.holder_documents_write("Lee", "Ann Lee")
        assert not catalog.holder_documents_write("Lee", "Bob Lee")
        assert not catalog.holder_documents_write("nobody", "Ann Lee")

    def test_surrounding_sentences_are_the_overlapping_chunks_and_their_text(self, catalog):
        a = _article("d1", HARBOR)  # chunks of 60 characters, one "sentence" each
        catalog.commit_document(a, _chunks(a), None)
        offset, text, spans = catalog.surrounding_sentences("d1", 70, 100)
        assert (offset, spans) == (60, ((60, 120),)) and text == HARBOR[60:120]
        offset, text, spans = catalog.surrounding_sentences("d1", 0, 10_000)
        assert (offset, text) == (0, HARBOR)
        assert spans == tuple(c.sentence_spans[0] for c in _chunks(a))
        assert catalog.surrounding_sentences("nobody", 0, 100) == (0, "", ())

    def test_a_store_refuses_another_embedding_model(self, catalog):
        catalog.check_compatible("model-a@int8")
        catalog.check_compatible("model-a@int8")
        with pytest.raises(StoreMismatch, match="model-a@int8"):
            catalog.check_compatible("model-b@fp32")

    def test_a_word_in_most_chunks_is_not_scored_once_the_postings_budget_is_spent(
        self, catalog, monkeypatch
    ):
        """At archive scale, the lexical leg scores the rare words and skips the ubiquitous ones;
        the word counts behind that follow deletes."""
        for i in range(40):
            a = _article(f"c{i}", f"The council met again on day {i} to discuss the budget.")
            catalog.commit_document(a, _chunks(a, size=400), None)
        z = _article("z", "The council inspected the zeppelin hangar at dawn.")
        catalog.commit_document(z, _chunks(z, size=400), None)
        assert len(catalog.lexical("council zeppelin", k=100)) == 41  # within budget: every word
        monkeypatch.setattr(catalog, "POSTINGS_BUDGET", 10)
        if hasattr(catalog, "_df_cache"):
            catalog._df_cache.clear()
        assert [c for c, _ in catalog.lexical("council zeppelin", k=100)] == ["z:0"]
        assert catalog.lexical("council", k=100) == []  # in every chunk: no lexical evidence at all
        assert [c for c, _ in catalog.lexical("zeppelin", k=100)] == ["z:0"]
        for i in range(35):
            catalog.remove_document(f"c{i}")
        if hasattr(catalog, "_df_cache"):
            catalog._df_cache.clear()
        assert len(catalog.lexical("council zeppelin", k=100)) == 6  # 5 + 1 postings: all scored

    def test_past_the_budget_chunks_must_hold_the_rare_words_together_and_work_is_capped(
        self, catalog, monkeypatch
    ):
        """Two words each in ~9% of the archive, neither affordable alone: the lexical leg returns
        the chunks that hold both, and a single such word never scores more than the budget."""
        texts = (
            [f"Filler note {i} on shipping schedules." for i in range(200)]
            + [f"Alpha battalion moved on day {i}." for i in range(17)]
            + [f"Beta convoy waited on day {i}." for i in range(17)]
            + [f"Alpha battalion met the beta convoy, report {i}." for i in range(3)]
        )
        for i, text in enumerate(texts):
            a = _article(f"d{i}", text)
            catalog.commit_document(a, _chunks(a, size=400), None)
        monkeypatch.setattr(catalog, "POSTINGS_BUDGET", 10)
        if hasattr(catalog, "_df_cache"):
            catalog._df_cache.clear()
        both = {c for c, _ in catalog.lexical("alpha beta", k=100)}
        assert both == {f"d{i}:0" for i in range(234, 237)}
        alone = [c for c, _ in catalog.lexical("alpha", k=100)]
        assert len(alone) == 10 and set(alone) <= {
            f"d{i}:0" for i in [*range(200, 217), *range(234, 237)]
        }

    # issue 17: what the records of a big JSON/JSONL file are planned and committed with

    def test_many_documents_commit_in_one_transaction_and_are_looked_up_together(self, catalog):
        import dataclasses

        from index.catalog import Commit

        docs = [_article(f"r{i}", f"Record {i}: {HARBOR}") for i in range(5)]
        sig = np.arange(128, dtype=np.uint64)
        assert catalog.commit_documents(
            [Commit(a, _chunks(a), sig + i) for i, a in enumerate(docs)]
        )
        assert catalog.counts()[0] == 5
        assert catalog.lexical("record dockworkers", k=10)
        # one of them again, with a new one: only the new one is added
        extra = _article("r9", f"Record 9: {FARM}")
        assert catalog.commit_documents([Commit(docs[0], [], None), Commit(extra, [], None)]) == [
            False,
            True,
        ]
        origins = [a.origin for a in docs[:2]] + ["file:unknown"]
        assert catalog.docs_for_origins(origins) == {"file:r0": "r0", "file:r1": "r1"}
        assert catalog.stored_ids(["r0", "r4", "zz"]) == {"r0", "r4"}
        moved = dataclasses.replace(docs[1], date="2024-04-02")
        assert catalog.headers_changed([docs[0], moved]) == {"r1"}

    def test_near_duplicate_candidates_are_those_sharing_most_bands_and_capped(self, catalog):
        from index.dedup import band_keys

        base = np.arange(128, dtype=np.uint64) * 7919
        for i in range(6):  # r_i shares the first 4 * (i + 1) values (i + 1 bands) with base
            sig = base.copy()
            sig[4 * (i + 1) :] += np.uint64(1000 + i)
            a = _article(f"r{i}", f"Record {i}: {HARBOR}")
            catalog.commit_document(a, _chunks(a), sig)
        ids, sigs = catalog.minhashes(band_keys(base), limit=3)
        assert ids == ["r5", "r4", "r3"] and sigs.shape == (3, 128)
        assert len(catalog.minhashes(band_keys(base))[0]) == 6
