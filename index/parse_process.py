"""The spaCy parse in a child process of its own (issue 18).

spaCy holds Python's interpreter lock for most of its work, as do reading, cleaning, chunking and
the stance rules: in one process they take turns on one core while the other waits, and the parse
was a third of an ingest's time. In a child process it runs beside them.

The child is a plain `python -m index.parse_process MODEL` speaking pickled frames over its stdin
and stdout, not a `multiprocessing` worker: "spawn" and "forkserver" run the parent's main script
again in the child, so a user's script that calls the API without an `if __name__ == "__main__"`
guard would ingest twice (or fail), and "fork" would copy OpenVINO's and Chroma's threads
half-made. Only texts go in and the project's own small types come back.
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from index.language import ParsedSentence, load_pipeline, pipe


class ParseProcess:
    """One child process that parses for this one; callers are served one at a time."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._proc: subprocess.Popen[bytes] | None = None
        self._ready = False  # the child has loaded its model and said so
        self._lock = threading.Lock()
        atexit.register(self.close)

    def spawn(self) -> None:
        """Start the child without waiting for it: it imports spaCy and loads the model (about
        a CPU-second) on the other core while this process imports and opens the store, which
        took the first second of an ingest on one core.
        """
        with self._lock:
            self._running()

    def close(self) -> None:
        """End the child and wait for it (at exit too), so that it leaves no zombie and its time
        counts in this process's own (a benchmark's resource usage, `time`). A child still
        loading its model (spawned, never used) is stopped rather than waited for.
        """
        if self._proc is not None:
            if not self._ready:
                self._proc.kill()
            _close(self._proc)
            self._proc = None

    @property
    def pid(self) -> int | None:
        """The serving child's process id: none while a child is still loading its model."""
        return self._proc.pid if self._proc is not None and self._ready else None

    def parse(self, texts: Sequence[str], batch_size: int) -> list[list[ParsedSentence]]:
        """A child that has died (killed, out of memory) is replaced and the texts are sent
        again, once; a batch that ends the new child too fails.
        """
        with self._lock:
            for attempt in (1, 2):
                proc = self._start()
                try:
                    kind, value = _ask(proc, (list(texts), batch_size))
                    break
                except (OSError, EOFError, pickle.UnpicklingError) as exc:
                    self.close()  # reaped; the next attempt starts a new child
                    if attempt == 2:
                        raise RuntimeError(
                            f"the parser process ended twice on this batch (exit code "
                            f"{proc.returncode}); it is restarted for the next document"
                        ) from exc
            if kind != "ok":
                raise RuntimeError(value)
            result: list[list[ParsedSentence]] = value
            return result

    def _start(self) -> subprocess.Popen[bytes]:
        proc = self._running()
        if not self._ready:
            self._await_ready(proc)
        return proc

    def _running(self) -> subprocess.Popen[bytes]:
        """The child, started anew if there is none or it has died (killed, out of memory)."""
        if self._proc is None or self._proc.poll() is not None:
            self._proc, self._ready = self._popen(), False
        return self._proc

    def _popen(self) -> subprocess.Popen[bytes]:
        root = str(Path(__file__).resolve().parents[1])  # the folder holding `index`
        path = os.environ.get("PYTHONPATH", "")
        env = dict(os.environ, PYTHONPATH=root + (os.pathsep + path if path else ""))
        return subprocess.Popen(
            [sys.executable, "-m", "index.parse_process", self.model],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def _await_ready(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        try:
            kind, value = pickle.load(proc.stdout)  # the model is loaded, or why not
        except EOFError:
            self._proc = None
            raise RuntimeError(
                f"the parser process exited at start (exit code {proc.wait()})"
            ) from None
        if kind != "ready":
            self._proc = None
            proc.wait()
            raise RuntimeError(value)
        self._ready = True


def _close(proc: subprocess.Popen[bytes]) -> None:
    try:
        if proc.stdin is not None:
            proc.stdin.close()  # the child reads end-of-file and returns
    except OSError:
        pass  # it is gone already
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _ask(proc: subprocess.Popen[bytes], request: Any) -> Any:
    assert proc.stdin is not None and proc.stdout is not None
    pickle.dump(request, proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
    proc.stdin.flush()
    return pickle.load(proc.stdout)


def _serve(model: str, inp: BinaryIO, out: BinaryIO) -> None:
    def send(kind: str, value: Any) -> None:
        pickle.dump((kind, value), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        nlp = load_pipeline(model)
    except Exception as exc:
        send("error", str(exc))
        return
    gc.freeze()  # the pipeline is never garbage: full collections need not walk its objects
    send("ready", None)
    while True:
        try:
            texts, batch_size = pickle.load(inp)
        except EOFError:  # the parent closed the pipe: it is gone or done
            return
        try:
            send("ok", pipe(nlp, texts, batch_size))
        except Exception as exc:
            send("error", f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    _pipe_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the parent's pipe
    _serve(sys.argv[1], sys.stdin.buffer, _pipe_out)
