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


def make_embedder(settings: Settings) -> Embedder:
    """ONNX Runtime where it is installed and the model is a local folder, PyTorch otherwise.

    fp32 ONNX and PyTorch give the same vectors (and the same store name); int8 is opt-in
    because it moves vectors (cosine ~0.994) and costs retrieval recall on our gold questions.
    """
    offline_env()
    backend = settings.embedding_backend
    model_path = resolve_model_path(settings.embedding_model)
    if backend in ("auto", "onnx", "onnx-int8") and isinstance(model_path, Path):
        try:
            from index.onnx_embedder import OnnxEmbedder
        except ImportError:
            if backend != "auto":
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
