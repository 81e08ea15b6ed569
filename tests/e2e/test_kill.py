"""Data safety for real: a separate process ingesting is SIGKILLed at several points; after a
restart every document is fully present or absent, nothing is duplicated, and re-running the
ingest completes the store. Also: ingest and questions at the same time."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().parents[1] / "support" / "kill_child.py"
TOPICS = ["harbour", "orchard", "railway", "glacier", "library", "vineyard", "bridge", "market"]


def write_corpus(folder: Path, n: int = 24, seed: int = 5) -> dict[str, str]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        sentences = [
            f"The {topic} council of town {i} met on day {rng.randint(1, 28)} to discuss item {j}."
            f" Officials said the plan number {i * 100 + j} would cost {rng.randint(2, 90)} million."
            for j in range(6)
        ]
        body = "\n\n".join(sentences)
        name = f"doc{i:02d}.txt"
        (folder / name).write_text(
            f"title: Report {i} on the {topic}\ndate: 2024-01-{i % 28 + 1:02d}\n---\n{body}\n"
        )
        texts[name] = body
    return texts


def run_child(
    store: Path, folder: Path, kill_at: str, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHILD), str(store), str(folder), kill_at],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def check_store(store: Path, expected_docs: int | None = None):
    """Open the store (which finishes interrupted work) and check it is whole."""
    from assistant.api import open_assistant
    from index.embeddings import HashEmbedder

    a = open_assistant(store, embedder=HashEmbedder(), chunk_tokens=40)
    docs = a.documents()
    assert len({d.doc_id for d in docs}) == len(docs)  # no duplicates
    assert len({d.path for d in docs}) == len(docs)
    for d in docs:  # fully present: every chunk has its vector and nothing more
        assert len(a.services.vectors.ids_for(d.doc_id)) == d.chunks > 0, d.path
    assert a.services.vectors.count() == a.services.catalog.counts()[1]  # no orphans
    assert a.services.catalog.pending() == []
    if expected_docs is not None:
        assert len(docs) == expected_docs
    return a


@pytest.mark.parametrize(
    "kill_at",
    ["after_vectors:1", "after_vectors:3", "after_commit:1", "after_commit:7"],
)
def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path, kill_at):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    store = tmp_path / "store"
    killed = run_child(store, folder, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    a = check_store(store)
    partial = len(a.documents())
    assert partial < 24
    report = a.ingest([folder])  # re-running completes it
    assert report.failed == [] and report.added == 24 - partial and report.unchanged == partial
    a.close()
    check_store(store, expected_docs=24).close()


def test_sigkill_while_replacing_a_changed_file(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, n=6)
    store = tmp_path / "store"
    assert run_child(store, folder, "never").returncode == 0
    changed = folder / "doc03.txt"
    changed.write_text(changed.read_text().replace("met on day", "gathered on day"))
    killed = run_child(store, folder, "before_old_vectors_deleted:1")
    assert killed.returncode == -signal.SIGKILL
    a = check_store(store, expected_docs=6)  # the new version is in, the old one fully gone
    assert any(
        "gathered" in (a.services.catalog.document_text(d.doc_id) or "") for d in a.documents()
    )
    assert all(
        "met on day" not in p.text
        for p in a.search("doc03 gathered met on day", k=50)
        if "gathered" in p.text
    )
    a.close()


def test_sigkill_at_random_moments(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    store = tmp_path / "store"
    rng = random.Random(3)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(store), str(folder), "never"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        check_store(store).close()
    a = check_store(store)
    a.ingest([folder])
    a.close()
    check_store(store, expected_docs=24).close()


def test_ingest_and_questions_at_once(tmp_path):
    from assistant.api import open_assistant
    from index.embeddings import HashEmbedder

    folder = tmp_path / "corpus"
    write_corpus(folder, n=30)
    first, rest = tmp_path / "first", folder
    first.mkdir()
    for name in ["doc00.txt", "doc01.txt"]:
        (first / name).write_text((folder / name).read_text())
    a = open_assistant(tmp_path / "store", embedder=HashEmbedder(), chunk_tokens=40)
    a.ingest([first])
    errors: list[BaseException] = []
    answers = []

    def ask_loop():
        try:
            while not done.is_set():
                ans = a.ask("What did the harbour council discuss?")
                for c in ans.citations:  # never a half-written document
                    assert a.services.catalog.document_text(c.doc_id) is not None
                hits = a.search("harbour council plan cost", k=10)
                assert hits and all(
                    a.services.catalog.document_text(p.doc_id) is not None for p in hits
                )
                answers.append(ans)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    done = threading.Event()
    askers = [threading.Thread(target=ask_loop) for _ in range(3)]
    for t in askers:
        t.start()
    report = a.ingest([rest])
    done.set()
    for t in askers:
        t.join(timeout=60)
    assert errors == []
    assert answers and all(x.citations or x.abstained for x in answers)
    assert report.failed == [] and len(a.documents()) == 30
    a.close()
    check_store(tmp_path / "store", expected_docs=30).close()
