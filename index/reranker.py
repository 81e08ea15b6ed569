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
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.openvino_runtime import InferPool, feed, length_batches

SHIPPED = Path(__file__).parent / "data" / "reranker"


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
        self._pool: InferPool | None = None

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
            self._pool = InferPool(compiled)
            self._tok = tok
            self._compiled = compiled

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float32)
        if self._compiled is None:
            self._load()
        encodings = self._tok.encode_batch([(query, t) for t in texts])
        assert self._pool is not None
        out = np.zeros(len(texts), dtype=np.float32)
        for idx in length_batches(encodings, len(encodings)):
            out[idx] = self._pool.infer(feed([encodings[i] for i in idx]))[:, 0]
        return out
