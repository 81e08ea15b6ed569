"""A store that can be checked and repaired, corrections of a known file's header, bounded work
per file and per document, and a missing store (issue 17). Real SQLite, real embedded Chroma,
the HashEmbedder.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from index.loaders import LoadError, load_file

BODIES = [
    f"The {topic} council of town {i} met on Monday to discuss the {topic} budget. "
    f"Officials said plan number {i * 7} would cost {i + 3} million over two years. "
    f"Residents asked the {topic} board to publish the contracts before the vote."
    for i, topic in enumerate(["harbour", "orchard", "railway", "glacier", "library", "bridge"])
]


@pytest.fixture
def filled(open_store, write_story, tmp_path):
    a = open_store(spacy_model="", chunk_tokens=20)
    for i, body in enumerate(BODIES):
        write_story(f"news/story{i}.txt", body, title=f"Story {i}", date=f"2024-02-0{i + 1}")
    report = a.ingest([tmp_path / "news"])
    assert report.added == len(BODIES) and report.failed == []
    return a


def _chunks(a) -> dict[str, str]:
    return a.services.catalog.chunk_owners()


def _dense_finds_all(a) -> bool:
    """Each chunk, embedded as at ingest (title and date in front), is its own nearest vector."""
    from index.integrity import stored_chunk_inputs

    catalog, vectors, embedder = a.services.catalog, a.services.vectors, a.services.embedder
    for doc_id in set(_chunks(a).values()):
        for c in stored_chunk_inputs(catalog, catalog.document_article(doc_id)):
            hits = vectors.query(embedder.embed_documents([c.embed_text])[0], k=1)
            if not hits or hits[0][0] != c.chunk_id:
                return False
    return True


def test_a_healthy_store_verifies(filled):
    health = filled.verify()
    assert health.ok, health.problems
    assert health.chunks == health.vectors == health.lexical > len(BODIES)


def test_lost_vectors_are_found_and_re_embedded(filled):
    owners = sorted(_chunks(filled))
    lost = owners[::3]
    filled.services.vectors.delete(lost)
    assert not _dense_finds_all(filled)

    health = filled.verify()
    assert not health.ok and sorted(health.unreadable) == sorted(lost)
    (line,) = [str(p) for p in health.problems]
    assert f"{len(lost)} of {len(owners)} chunks" in line and "briefing repair" in line

    done = filled.repair()
    assert done.reembedded == len(lost) and done.after is not None and done.after.ok
    assert filled.verify().ok and _dense_finds_all(filled)


def test_stray_vectors_are_removed_and_the_keyword_index_rebuilt(filled):
    import numpy as np

    filled.services.vectors.add(
        ["ghost:1", "ghost:2"],
        np.ones((2, filled.services.embedder.dim), dtype=np.float32),
        ["boo", "boo"],
        [{"doc_id": "ghost", "source": "", "date": 0, "ordinal": 0}] * 2,
    )
    db = sqlite3.connect(filled.services.settings.store / "catalog.sqlite3")
    db.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks_fts LIMIT 4)")
    db.commit()
    db.close()

    health = filled.verify()
    parts = sorted(p.part for p in health.problems)
    assert parts == ["lexical", "vectors"], health.problems
    assert health.orphans == ["ghost:1", "ghost:2"]

    done = filled.repair()
    assert (done.removed, done.lexical_rebuilt) == (2, True)
    assert done.after is not None and done.after.ok, done.after.problems
    hits = filled.search("glacier council budget", k=3, mode="lexical")
    assert hits and "glacier" in hits[0].text


def test_a_missing_vector_folder_warns_at_open_and_repair_rebuilds_it(filled, open_store, caplog):
    store = filled.services.settings.store
    filled.close()
    shutil.rmtree(store / "chroma")
    with caplog.at_level(logging.WARNING):
        again = open_store(store, spacy_model="", chunk_tokens=20)
    warning = " ".join(r.getMessage() for r in caplog.records)
    assert "0 vectors" in warning and "briefing repair" in warning
    health = again.verify()
    assert not health.ok and health.vectors == 0 and len(health.unreadable) == health.chunks
    assert again.repair().after.ok
    assert _dense_finds_all(again)


def test_a_corrected_header_updates_title_date_and_the_date_filter(filled, write_story, tmp_path):
    path = tmp_path / "news" / "story2.txt"
    (old,) = [d for d in filled.documents() if d.path == "story2.txt"]
    write_story(path, BODIES[2], title="Railway budget approved", date="2025-06-30")

    report = filled.ingest([path])
    assert (report.updated, report.unchanged, report.added) == (1, 0, 0)
    (new,) = [d for d in filled.documents() if d.path == "story2.txt"]
    assert (new.doc_id, new.title, new.date) == (
        old.doc_id,
        "Railway budget approved",
        "2025-06-30",
    )
    # the vectors' filter metadata follows: only this document is dated 2025
    hits = filled.search("railway budget", k=10, mode="dense", filters={"date_from": "2025-01-01"})
    assert hits and {h.doc_id for h in hits} == {old.doc_id}
    assert {h.date for h in hits} == {"2025-06-30"}
    assert filled.verify().ok
    assert filled.ingest([path]).unchanged == 1  # and once corrected, it is unchanged


def test_read_commands_refuse_a_missing_store(tmp_path):
    from assistant.api import StoreNotFound, open_assistant
    from index.embeddings import HashEmbedder

    with pytest.raises(StoreNotFound, match=r"no store at .*typo.*briefing ingest"):
        open_assistant(tmp_path / "typo", embedder=HashEmbedder(), create=False)
    assert not (tmp_path / "typo").exists()


def test_a_document_above_the_chunk_limit_is_refused_with_a_reason(open_store, write_story):
    a = open_store(spacy_model="", chunk_tokens=20, max_chunks_per_document=5)
    big = write_story("long.txt", " ".join(BODIES), title="Everything")
    small = write_story("short.txt", BODIES[0], title="One")
    report = a.ingest([big, small])
    assert [f.path for f in report.failed] == [str(big)]
    assert re.search(r"would make \d+ chunks, above the 5-chunk limit", report.failed[0].reason)
    assert report.added == 1 and [d.path for d in a.documents()] == ["short.txt"]
    assert a.verify().ok


def test_text_files_have_a_lower_size_limit_checked_before_reading(tmp_path):
    line = tmp_path / "line.txt"
    with open(line, "wb") as f:
        f.truncate(20_000_000)  # a 20 MB one-line file (sparse: instant)
    started = time.perf_counter()
    with pytest.raises(LoadError, match=r"20\.0 MB, above the 10 MB limit for \.txt files"):
        load_file(line, 100_000_000)
    assert time.perf_counter() - started < 1.0
    assert len(load_file(_tiny(tmp_path / "ok.txt"), 100_000_000, {".txt": 25})) == 1


def _tiny(path: Path) -> Path:
    path.write_text(BODIES[0], encoding="utf-8")
    return path


def test_jsonl_records_are_committed_in_groups_as_they_are_read(open_store, tmp_path, monkeypatch):
    from index import pipeline

    records = tmp_path / "wire.jsonl"
    with open(records, "w", encoding="utf-8") as f:
        for i in range(1500):
            text = f"Wire item {i}: the port of town {i} reported {i % 97} arrivals on day {i}."
            f.write(json.dumps({"title": f"Item {i}", "text": text}) + "\n")
    a = open_store(spacy_model="")
    groups: list[int] = []
    real_write = pipeline.Ingestor._write

    def counting(self, group, report):  # type: ignore[no-untyped-def]
        groups.append(len(group))
        return real_write(self, group, report)

    monkeypatch.setattr(pipeline.Ingestor, "_write", counting)
    report = a.ingest([records])
    assert (report.added, report.failed) == (1500, [])
    assert len([g for g in groups if g]) > 3 and max(groups) <= pipeline.GROUP_CHUNKS
    assert a.verify().ok


def test_a_bad_record_fails_alone_naming_its_line(open_store, tmp_path):
    """issue 17: the file's other records are stored (a bad one no longer fails the file)."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": BODIES[0]}) + "\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8",
    )
    a = open_store(spacy_model="")
    report = a.ingest([bad])
    assert [(f.path, f.reason) for f in report.failed] == [
        (f"{bad} record 2 (line 2)", "no 'text' field")
    ]
    assert [d.path for d in a.documents()] == ["bad.jsonl"]


def test_a_text_too_long_for_the_chunk_limit_is_refused_before_it_is_chunked(
    open_store, write_story, monkeypatch
):
    from index import pipeline

    chunked: list[str] = []
    real = pipeline.chunk_article
    monkeypatch.setattr(
        pipeline, "chunk_article", lambda a, *rest: chunked.append(a.title) or real(a, *rest)
    )
    a = open_store(spacy_model="", chunk_tokens=20, max_chunks_per_document=2)
    long = write_story("long.txt", "word " * 2000, title="Long")  # 10,000 characters
    report = a.ingest([long])
    assert [f.path for f in report.failed] == [str(long)]
    assert "would make at least 6 chunks, above the 2-chunk limit" in report.failed[0].reason
    assert chunked == [] and a.documents() == []
