"""Choosing the embedder the settings ask for (kept apart so the adapters stay import-light)."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings
from index.embeddings import (
    Embedder,
    SentenceTransformerEmbedder,
    model_tag,
    offline_env,
    resolve_model_path,
)


def cpu_has_vnni() -> bool:
    """int8 matrix instructions (AVX-512 VNNI or AVX-VNNI), read from the CPU at run time."""
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="ignore")
    except OSError:
        return False
    return any(f in flags.split() for f in ("avx512_vnni", "avx_vnni"))


def choose_backend(requested: str, stored: str | None) -> str:
    """'auto' follows an existing store's precision (vectors are never mixed), else the CPU:
    int8 where VNNI makes it ~1.6x faster (same gold-set recall as fp32), fp32 elsewhere.
    """
    if requested != "auto":
        return requested
    if stored:
        return "onnx-int8" if stored.endswith("@int8") else "onnx"
    return "onnx-int8" if cpu_has_vnni() else "onnx"


def make_embedder(settings: Settings, stored: str | None = None) -> Embedder:
    """ONNX Runtime where it is installed and the model is a local folder, PyTorch otherwise.

    `stored` is the embedder name an existing store was written with, if any.
    """
    offline_env()
    backend = choose_backend(settings.embedding_backend, stored)
    model_path = resolve_model_path(settings.embedding_model)
    if backend in ("onnx", "onnx-int8") and isinstance(model_path, Path):
        try:
            from index.onnx_embedder import OnnxEmbedder
        except ImportError:
            if settings.embedding_backend != "auto":
                raise RuntimeError("the ONNX backend needs: pip install onnxruntime onnx") from None
        else:
            return OnnxEmbedder(
                model_path,
                settings.model_cache,
                model_tag(settings.embedding_model),
                quantize=backend == "onnx-int8",
                max_seq_tokens=settings.max_seq_tokens,
                batch_size=settings.embedding_batch_size,
            )
    return SentenceTransformerEmbedder(
        settings.embedding_model,
        max_seq_tokens=settings.max_seq_tokens,
        batch_size=settings.embedding_batch_size,
    )
