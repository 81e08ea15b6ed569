"""Two `briefing ingest` processes on one store at once, each over 1,000 chunks from generated
articles with half of them shared, five times: every chunk the catalog holds must have a
readable vector, dense search must find the documents, and a reader that was open before the
writers started must see all of it without a restart.

Before the store's write lock, 2 of 2 such runs lost about 250 vectors (30 documents): Chroma's
count and the catalog agreed, yet `get(ids, include=["embeddings"])` raised "Error finding id".
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

WORDS = (
    "harbour council minister union strike talks ceasefire budget ferry tunnel glacier orchard "
    "enzyme bridge tariff election court verdict reform pension railway drought flood vaccine "
    "satellite treaty border refinery wages inflation exports grain shipping convoy"
).split()
ROUNDS = 5
PER_WRITER = 120  # articles per writer; 60 of them are the other writer's too
SHARED = 60


def article(seed: int) -> str:
    """Nine one-chunk sentences (short: the embedding stays cheap), distinct in every article."""
    r = random.Random(seed)
    sentences = [
        f"Note {seed}-{i}: {r.choice(WORDS)} {r.choice(WORDS)} {r.choice(WORDS)}." for i in range(9)
    ]
    title = f"title: Story {seed}\ndate: 2024-01-{seed % 28 + 1:02d}\nsource: Gen\n---\n"
    return title + "\n\n".join(sentences)


def write(folder: Path, seeds: range) -> None:
    folder.mkdir(parents=True)
    for s in seeds:
        (folder / f"story{s}.txt").write_text(article(s), encoding="utf-8")


def writer(store: Path, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    # Small chunks: over 1,000 of them per writer while the embedding stays cheap; no parser.
    env.update(BRIEFING_SPACY_MODEL="", BRIEFING_CHUNK_TOKENS="8", HF_HUB_OFFLINE="1")
    cli = "from assistant.cli import app; app()"
    return subprocess.Popen(
        [sys.executable, "-c", cli, "ingest", str(folder), "--store", str(store), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_concurrent_writers_lose_no_vector(tmp_path: Path, real_embedder, round_: int) -> None:
    import json

    from assistant.api import open_assistant
    from index.chunking import contextual_header

    a_dir, b_dir, store = tmp_path / "a", tmp_path / "b", tmp_path / "store"
    base = round_ * 1000
    write(a_dir, range(base, base + PER_WRITER))
    write(b_dir, range(base + PER_WRITER - SHARED, base + 2 * PER_WRITER - SHARED))

    reader = open_assistant(store, embedder=real_embedder, spacy_model="")  # open throughout
    try:
        assert reader.search("harbour council", k=3, mode="dense") == []
        procs = [writer(store, a_dir), writer(store, b_dir)]
        reports = []
        for p in procs:
            out, err = p.communicate(timeout=600)
            assert p.returncode == 0, err
            reports.append(json.loads(out))
        assert all(r["failed"] == [] for r in reports), reports
        assert all(r["chunks"] + r["unchanged"] > 0 for r in reports)

        docs = reader.documents()
        assert len(docs) == 2 * PER_WRITER - SHARED
        owners = reader.services.catalog.chunk_owners()
        chunks_of = {d.path: d.chunks for d in docs}
        for folder in (a_dir, b_dir):  # each writer's articles: over 1,000 chunks
            assert sum(chunks_of[f.name] for f in folder.iterdir()) >= 1000
        # Every chunk the catalog holds has a vector Chroma can read (its embeddings included).
        lost = reader.services.vectors.missing(sorted(owners))
        assert lost == [], f"{len(lost)} vectors lost in {len({owners[c] for c in lost})} docs"
        assert reader.services.vectors.count() == len(owners)
        # Dense search finds chunks of both writers (shared documents too): each chunk's own
        # embedded text, embedded again, comes back first among all chunks.
        for cid in random.Random(round_).sample(sorted(owners), 40):
            (passage,) = reader.services.catalog.passages([(cid, 1.0)])
            stored = reader.services.catalog.document_article(passage.doc_id)
            text = f"{contextual_header(stored)}\n{passage.text}"
            vector = real_embedder.embed_documents([text])[0]
            assert reader.services.vectors.query(vector, k=1)[0][0] == cid, passage.text
    finally:
        reader.close()
