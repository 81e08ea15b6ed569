"""The parser in a child process of its own (issue 18: spaCy holds Python's interpreter lock, so
in-process it takes turns with reading and chunking): it must give exactly the in-process parse,
serve callers on several threads, and survive its child being killed.
"""

from __future__ import annotations

import os
import signal
import threading

import pytest

from index.language import SpacyParser

TEXTS = [
    "The Trawlermen's Guild rejected the quota, its chair Ana Ruiz told Reuters on Tuesday.",
    "Interior Minister Pavel Dresk said the rebels must disarm. Talks resume in Geneva.",
    '"We will not accept this," said Northwind Shipping Ltd\'s chief executive.',
]


@pytest.fixture(scope="module")
def child() -> SpacyParser:
    return SpacyParser(process=True)


def test_child_process_parse_equals_in_process(child: SpacyParser) -> None:
    assert child.parse(TEXTS) == SpacyParser().parse(TEXTS)
    assert child._pool is not None
    pids = {p.pid for p in child._pool._processes.values()}
    assert pids and os.getpid() not in pids  # parsed elsewhere


def test_child_serves_threads_each_its_own_texts(child: SpacyParser) -> None:
    texts = [
        [f"Talks {i} ended in Geneva on day {i}.", f"The union said it would strike {i}."]
        for i in range(12)
    ]
    out: dict[int, object] = {}

    def one(i: int) -> None:
        out[i] = child.parse(texts[i])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, got in out.items():
        assert isinstance(got, list)
        assert [" ".join(s.text for s in doc) for doc in got] == texts[i]


def test_a_killed_child_fails_its_batch_and_the_next_parse_starts_a_new_one(
    child: SpacyParser,
) -> None:
    child.parse(TEXTS[:1])
    assert child._pool is not None
    (pid,) = [p.pid for p in child._pool._processes.values()]
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(Exception, match="terminated|broken|abruptly"):
        child.parse(TEXTS[:1])
    again = child.parse(TEXTS[1:2])
    assert any(e.text == "Pavel Dresk" for s in again[0] for e in s.entities)
    assert child._pool is not None and pid not in {p.pid for p in child._pool._processes.values()}
