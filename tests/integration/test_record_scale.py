"""100,000 records in one JSON Lines file (issue 17's "100,000 records within the stated limits"):
every record is stored once and can be found by the word only it holds. The language layer is
off and the embedder is the hashing one, so the test checks the record path at full scale in a
few minutes; time and memory with the real model and parser are measured by
bench/record_files.py (about 30 ms of CPU a record on this machine's 2 cores)."""

from __future__ import annotations

import json
import random

N = 100_000
WORDS = (
    "harbour council minister union strike talks ceasefire budget ferry tunnel glacier orchard "
    "bridge tariff election court verdict reform pension railway drought flood vaccine river"
).split()


def test_a_hundred_thousand_records_are_each_stored_once(tmp_path):
    from assistant.api import open_assistant
    from index.embeddings import HashEmbedder

    rng = random.Random(5)
    path = tmp_path / "wire.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(N):
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(25, 45)))
            rec = {"title": f"Wire {i}", "text": f"Wire {i} reference rs{i:06d}x. The {body}."}
            f.write(json.dumps(rec) + "\n")
    a = open_assistant(tmp_path / "store", embedder=HashEmbedder(), spacy_model="")
    report = a.ingest([path])
    assert (report.added, report.failed) == (N, [])
    assert len(a.documents()) == N
    health = a.verify()  # counts agree in every part; sampled vectors read back
    assert health.ok, health.problems
    for i in rng.sample(range(N), 20):
        hits = a.search(f"rs{i:06d}x", k=3, mode="lexical")
        assert hits and hits[0].title == f"Wire {i}", i
    again = a.ingest([path])  # the same file again: nothing new, nothing doubled
    assert (again.added, again.unchanged) == (0, N)
    assert len(a.documents()) == N
    a.close()
