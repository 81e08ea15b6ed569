"""The re-ranker: a cross-encoder that scores how well a text answers a query, read together.

A bi-encoder compares two vectors made apart; a cross-encoder reads the pair at once, so it can
see that "how long did the talks last?" is answered by "... over the course of nearly eight
hours", not by a sentence about the talks. Ours is MiniLM fine-tuned on RealTime QA train weeks
(`eval/train_reranker.py`, `make train`), shipped as an int8 OpenVINO model in `data/reranker`
and run with `openvino` and `tokenizers` only: no torch at answer time.

The model is compiled on first use (not at import, not when the services are built), once.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

SHIPPED = Path(__file__).parent / "data" / "reranker"
TOKENS_PER_BATCH = 4096
MAX_REQUESTS = 2


class Reranker(Protocol):
    """Scores for (query, text) pairs: higher means the text more likely answers the query.

    Scores are logits: comparable across texts and queries, not probabilities.
    """

    @property
    def name(self) -> str: ...

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray: ...


class OpenVinoReranker:
    """The shipped cross-encoder (or another exported by `eval/train_reranker.py`)."""

    def __init__(self, folder: Path = SHIPPED, threads: int = 0) -> None:
        self._folder = Path(folder)
        self._threads = threads
        self._lock = threading.Lock()
        self._compiled: Any = None
        self._tok: Any = None
        self._inputs: set[str] = set()
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._made = 0

    @property
    def name(self) -> str:
        return f"cross-encoder:{self._folder.name}@int8"

    @property
    def loaded(self) -> bool:
        """Whether the model has been compiled (it is on the first `score`)."""
        return self._compiled is not None

    def _load(self) -> None:
        with self._lock:
            if self._compiled is not None:
                return
            import openvino as ov
            from tokenizers import Tokenizer

            xml = self._folder / "model.xml"
            if not xml.is_file():
                raise RuntimeError(f"{xml}: the re-ranker model is missing; run `make train`")
            settings = json.loads((self._folder / "reranker.json").read_text(encoding="utf-8"))
            tok = Tokenizer.from_file(str(self._folder / "tokenizer.json"))
            tok.enable_truncation(max_length=int(settings["max_tokens"]), strategy="longest_first")
            tok.no_padding()
            # f32 between the int8 products: on AMX CPUs the default is bf16, whose result then
            # depends on how many rows a batch holds (a score moved by 0.5 when scored alone)
            config: dict[str, Any] = {
                "PERFORMANCE_HINT": "LATENCY",
                "INFERENCE_PRECISION_HINT": "f32",
            }
            if self._threads:
                config["INFERENCE_NUM_THREADS"] = self._threads
            compiled = ov.Core().compile_model(str(xml), "CPU", config)
            self._inputs = {p.get_any_name() for p in compiled.inputs}
            self._tok = tok
            self._compiled = compiled

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float32)
        if self._compiled is None:
            self._load()
        encodings = self._tok.encode_batch([(query, t) for t in texts])
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        out = np.zeros(len(texts), dtype=np.float32)
        start = 0
        while start < len(order):
            width = len(encodings[order[start]].ids)
            rows = max(1, TOKENS_PER_BATCH // max(width, 1))
            idx = order[start : start + rows]
            start += rows
            feed = _feed([encodings[i] for i in idx])
            out[idx] = self._infer({k: v for k, v in feed.items() if k in self._inputs})[:, 0]
        return out

    def _infer(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        try:
            request = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                fresh = self._made < MAX_REQUESTS
                self._made += fresh
            request = self._compiled.create_infer_request() if fresh else self._idle.get()
        try:
            logits: np.ndarray = np.array(request.infer(feed)[0], copy=True)
            return logits
        finally:
            self._idle.put(request)


def _feed(encodings: Sequence[Any]) -> dict[str, np.ndarray]:
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
