"""Big record files (issue 17): a JSON Lines file of a few thousand short records is ingested in
batches. Every good record is stored and searchable exactly once, a broken record in the middle
fails alone (named by file, record and line) while the others are stored, a re-run reports them
unchanged, and a process SIGKILLed in the middle of the file keeps what it committed, leaves
nothing half-written, and a re-run completes the file without a duplicate.

Timing is measured by bench/record_files.py, not here.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

N = 3000
BROKEN_LINE = 1501  # malformed JSON
EMPTY_LINE = 2200  # an object without text
VOCAB = (
    "harbour council minister union strike talks ceasefire budget ferry tunnel glacier orchard "
    "enzyme bridge tariff election court verdict reform pension railway drought flood vaccine "
    "river market school clinic airport tender audit permit quota subsidy levy charter treaty "
    "cargo pilot nurse farmer miner teacher judge mayor envoy"
).split()


def code(i: int) -> str:
    """A word only record i holds (what a search for it must find)."""
    return f"rc{i:05d}q"


def write_records(path: Path) -> list[int]:
    """N lines of records of 30-60 words; returns the line numbers of the good ones."""
    rng = random.Random(11)
    good = []
    with open(path, "w", encoding="utf-8") as f:
        for line in range(1, N + 1):
            if line == BROKEN_LINE:
                f.write('{"title": "cut off", "text": "The wire was cut\n')
                continue
            if line == EMPTY_LINE:
                f.write(json.dumps({"title": "headline only"}) + "\n")
                continue
            words = " ".join(rng.choice(VOCAB) for _ in range(rng.randrange(30, 60)))
            text = f"Wire {line} reference {code(line)}. The {words}."
            rec = {"title": f"Wire {line}", "date": f"2024-05-{line % 28 + 1:02d}", "text": text}
            f.write(json.dumps(rec) + "\n")
            good.append(line)
    return good


def assert_whole(a, good: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Every good record once, with all its vectors, and nothing else."""
    docs = a.documents()
    titles = sorted(d.title for d in docs)
    assert titles == sorted(f"Wire {line}" for line in good)  # none lost, none twice
    assert a.services.vectors.count() == a.services.catalog.counts()[1]  # no stray vectors
    assert sum(d.chunks for d in docs) == a.services.catalog.counts()[1]
    assert a.services.catalog.pending() == []
    assert a.verify().ok


def test_a_record_file_is_stored_once_with_a_broken_record_failing_alone(open_store, tmp_path):
    path = tmp_path / "wire.jsonl"
    good = write_records(path)
    a = open_store(spacy_model="")

    report = a.ingest([path])
    failed = sorted((f.path, f.reason) for f in report.failed)
    assert [p for p, _ in failed] == [
        f"{path} record {BROKEN_LINE} (line {BROKEN_LINE})",
        f"{path} record {EMPTY_LINE} (line {EMPTY_LINE})",
    ]
    assert failed[0][1].startswith("malformed JSON (") and "\n" not in failed[0][1]
    assert failed[1][1] == "no 'text' field"
    assert (report.added, report.duplicates) == (len(good), 0)
    assert_whole(a, good)

    # every record is found by the word only it holds, and only once
    by_title = {d.title: d.doc_id for d in a.documents()}
    for line in random.Random(3).sample(good, 150) + [good[0], good[-1], BROKEN_LINE + 1]:
        hits = a.search(code(line), k=5, mode="lexical")
        assert [h.doc_id for h in hits] == [by_title[f"Wire {line}"]], line

    again = a.ingest([path])
    assert (again.added, again.unchanged, again.replaced, again.duplicates) == (0, len(good), 0, 0)
    assert len(again.failed) == 2
    assert_whole(a, good)


KILLER = """
import os, signal, sys
from pathlib import Path
from assistant.api import open_assistant
from index.catalog import Catalog
from index.embeddings import HashEmbedder
from index.store import ChromaIndex

store, path, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
real_commit, real_add = Catalog.commit_documents, ChromaIndex.add
commits = {"n": 0}

def commit(self, items, owner=""):
    out = real_commit(self, items, owner)
    commits["n"] += 1
    print("committed", sum(out), flush=True)
    return out

def add(self, *args, **kwargs):
    real_add(self, *args, **kwargs)
    if commits["n"] == after:  # the next group's vectors are written, its commit never comes
        os.kill(os.getpid(), signal.SIGKILL)

Catalog.commit_documents, ChromaIndex.add = commit, add
a = open_assistant(store, embedder=HashEmbedder(), spacy_model="")
a.ingest([Path(path)])
"""


@pytest.mark.parametrize("after", [1, 4])
def test_a_record_file_killed_midway_keeps_its_commits_and_a_rerun_completes_it(
    open_store, tmp_path, after
):
    path = tmp_path / "wire.jsonl"
    good = write_records(path)
    store = tmp_path / "store"
    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(store), str(path), str(after)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    committed = sum(int(line.split()[1]) for line in run.stdout.split("\n") if line)
    assert 0 < committed < len(good)

    a = open_store(store, spacy_model="")  # opening finishes what the killed writer left
    kept = a.documents()
    assert len(kept) == committed  # what was committed stays, nothing half-written shows
    assert a.services.vectors.count() == a.services.catalog.counts()[1]
    assert a.services.catalog.pending() == []

    rerun = a.ingest([path])
    assert (rerun.added, rerun.unchanged, rerun.duplicates) == (len(good) - committed, committed, 0)
    assert_whole(a, good)
