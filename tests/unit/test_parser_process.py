"""The parser in a child process of its own (issue 18: spaCy holds Python's interpreter lock, so
in-process it takes turns with reading and chunking): it must give exactly the in-process parse,
serve callers on several threads, and survive its child being killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

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
    assert child.child_pid is not None and child.child_pid != os.getpid()  # parsed elsewhere


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


def test_a_child_killed_between_parses_is_replaced_unnoticed(child: SpacyParser) -> None:
    child.parse(TEXTS[:1])
    pid = child.child_pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    again = child.parse(TEXTS[1:2])
    assert any(e.text == "Pavel Dresk" for s in again[0] for e in s.entities)
    assert child.child_pid not in (None, pid)


def test_a_child_killed_mid_parse_is_replaced_and_the_batch_sent_again(
    child: SpacyParser,
) -> None:
    child.parse(TEXTS[:1])
    long = TEXTS * 1000  # seconds of parsing
    got = _parse_killing(child, long, kills=1)
    assert isinstance(got, list) and len(got) == len(long)
    # a batch that ends its new child too fails, and the next document is served
    got = _parse_killing(child, long, kills=2)
    assert isinstance(got, RuntimeError) and "ended twice" in str(got)
    assert len(child.parse(TEXTS)) == 3


def _parse_killing(parser: SpacyParser, texts: list[str], kills: int) -> object:
    """Parse on a thread while killing the serving child `kills` times, each a moment after it
    has started on the batch; what the parse returned or raised."""
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(_outcome(parser, texts)))
    pid = parser.child_pid
    assert pid is not None
    worker.start()
    for k in range(kills):
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)
        if k + 1 < kills:
            pid = _next_child(parser, pid)
    worker.join(120)
    return got[0]


def _next_child(parser: SpacyParser, old: int) -> int:
    for _ in range(600):
        pid = parser.child_pid
        if pid not in (None, old):
            return pid
        time.sleep(0.05)
    raise AssertionError("no new parser process")


def _outcome(parser: SpacyParser, texts: list[str]) -> object:
    try:
        return parser.parse(texts)
    except Exception as exc:
        return exc


def test_a_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    """multiprocessing's spawn would run the user's script again in the child."""
    script = tmp_path / "brief.py"
    marks = tmp_path / "marks.txt"
    script.write_text(
        "from index.language import SpacyParser\n"
        f"open({str(marks)!r}, 'a').write('ran\\n')\n"
        "print(len(SpacyParser(process=True).parse(['The union said it would strike.'])))\n"
    )
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "1"
    assert marks.read_text() == "ran\n"


def test_a_missing_model_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="no_such_model.*not installed"):
        SpacyParser("no_such_model", process=True).parse(["A sentence."])


def test_a_child_started_early_is_the_one_that_parses() -> None:
    """`briefing ingest` starts the child before it opens the store, so that spaCy loads on
    the other core meanwhile; the first parse must use that child, not start a second one.
    """
    parser = SpacyParser(process=True)
    try:
        parser.start()
        assert parser._child._proc is not None  # running before any text was sent
        pid = parser._child._proc.pid
        got = parser.parse(TEXTS[1:2])
        assert any(e.text == "Pavel Dresk" for s in got[0] for e in s.entities)
        assert parser.child_pid == pid
        parser.start()  # a running child is kept
        assert parser.child_pid == pid
    finally:
        parser._child.close()


def test_a_child_started_and_never_used_is_stopped_at_close() -> None:
    """An ingest with nothing new to parse (every file unchanged) must not wait at exit for a
    model it never needed to finish loading.
    """
    parser = SpacyParser(process=True)
    parser.start()
    proc = parser._child._proc
    started = time.monotonic()
    parser._child.close()
    assert proc.poll() is not None  # gone, and reaped
    assert time.monotonic() - started < 5


def test_a_model_that_cannot_load_fails_the_first_parse_with_the_reason() -> None:
    parser = SpacyParser("no_such_spacy_model", process=True)
    parser.start()
    with pytest.raises(RuntimeError, match="no_such_spacy_model"):
        parser.parse(TEXTS[:1])
    parser._child.close()
