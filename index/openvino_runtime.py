"""What the two OpenVINO adapters (the embedder and the re-ranker) share: model inputs built from
tokenizer encodings, length-sorted batches bounded in padded tokens, a small pool of infer
requests (one request serves one thread at a time; a few are made on demand), and many batches
run on the compiled model's streams at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

TOKENS_PER_BATCH = 4096  # 16 rows of 256 tokens: same speed as 32, ~90 MB less memory
MAX_REQUESTS = 2  # threads inferring at once (an ingest and a question); more wait their turn


def feed(encodings: Sequence[Any]) -> dict[str, np.ndarray]:
    """Padded input ids, attention mask and token types of a batch of encodings."""
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for row, e in enumerate(encodings):
        n = len(e.ids)
        ids[row, :n] = e.ids
        types[row, :n] = e.type_ids
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def length_batches(encodings: Sequence[Any], max_rows: int) -> Iterator[np.ndarray]:
    """Indexes of the encodings, longest first (little padding), in batches of at most
    `max_rows` rows and TOKENS_PER_BATCH padded tokens: attention grows with rows x width^2.
    """
    order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
    start = 0
    while start < len(order):
        width = len(encodings[order[start]].ids)
        rows = max(1, min(max_rows, TOKENS_PER_BATCH // max(width, 1)))
        yield order[start : start + rows]
        start += rows


class InferPool:
    """Infer requests of one compiled model, shared by threads."""

    def __init__(self, compiled: Any) -> None:
        self._compiled = compiled
        self.inputs = {p.get_any_name() for p in compiled.inputs}
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._idle.put(compiled.create_infer_request())
        self._made = 1
        self._lock = threading.Lock()

    def infer(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        """The model's first output for the inputs it takes (others are left out)."""
        try:
            request = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                fresh = self._made < MAX_REQUESTS
                self._made += fresh
            request = self._compiled.create_infer_request() if fresh else self._idle.get()
        try:
            wanted = {k: v for k, v in inputs.items() if k in self.inputs}
            out: np.ndarray = np.array(request.infer(wanted)[0], copy=True)
            return out
        finally:
            self._idle.put(request)


def infer_streams(
    compiled: Any,
    batches: Iterable[tuple[Any, dict[str, np.ndarray]]],
    reduce: Callable[[np.ndarray, dict[str, np.ndarray]], np.ndarray],
) -> list[tuple[Any, np.ndarray]]:
    """Each (key, inputs) batch inferred on one of the model's streams, several at once, and
    `reduce(first output, inputs)` of each, with its key, in the order they finish.

    Why (issue 18): one request spread over every core makes its threads meet at a barrier
    after each layer, and while the parser's process holds one core the other thread spins
    there; an ingest spent about a fifth of its embedding time so. Streams of one thread each
    run whole batches side by side and never wait for each other: on 822 news chunks with a
    busy second core, the same vectors took 8.6-9.8 CPU-s instead of 11.0-12.8, and half the
    wall time.
    """
    import openvino as ov

    names = {p.get_any_name() for p in compiled.inputs}
    jobs = max(1, int(compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS")))
    queue_ = ov.AsyncInferQueue(compiled, jobs)
    done: list[tuple[Any, np.ndarray]] = []
    failed: list[BaseException] = []

    def finished(request: Any, item: tuple[Any, dict[str, np.ndarray]]) -> None:
        try:  # an exception raised here would be lost in OpenVINO's thread
            done.append((item[0], reduce(request.get_output_tensor(0).data, item[1])))
        except BaseException as exc:  # noqa: BLE001  # re-raised on the caller's thread
            failed.append(exc)

    queue_.set_callback(finished)
    for key, inputs in batches:
        queue_.start_async({k: v for k, v in inputs.items() if k in names}, (key, inputs))
    queue_.wait_all()
    if failed:
        raise failed[0]
    return done
