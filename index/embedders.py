"""Choosing the embedder the settings ask for (kept apart so the adapters stay import-light)."""

from __future__ import annotations

from assistant.settings import Settings
from index.embeddings import Embedder, SentenceTransformerEmbedder


def make_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder(
        settings.embedding_model,
        max_seq_tokens=settings.max_seq_tokens,
        batch_size=settings.embedding_batch_size,
    )
