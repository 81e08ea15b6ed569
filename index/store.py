"""The vector index: the `VectorIndex` protocol and its Chroma adapter (embedded or server).

Chroma objects stay inside this module; callers get ids and cosine similarities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from index.types import Filters, date_key

Metadata = Mapping[str, str | int | float | bool]
Where = dict[str, Any]


@runtime_checkable
class VectorIndex(Protocol):
    """Stores chunk vectors by id; writes are idempotent upserts."""

    def add(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
    ) -> None: ...

    def query(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> list[tuple[str, float]]:
        """Return up to k (id, cosine similarity) pairs, best first, among chunks that pass."""
        ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def ids_for(self, doc_id: str) -> list[str]: ...

    def count(self) -> int: ...


class ChromaIndex:
    """A Chroma collection using cosine distance, written in batches the server accepts."""

    def __init__(self, client: Any, collection: str, batch: int = 1000) -> None:
        self._client = client
        self._col = client.get_or_create_collection(
            collection, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
        )
        try:
            limit = int(client.get_max_batch_size())
        except Exception:  # older servers do not say
            limit = batch
        self._batch = max(1, min(batch, limit))

    @classmethod
    def embedded(cls, path: Path, collection: str, batch: int = 1000) -> ChromaIndex:
        import chromadb
        from chromadb.config import Settings

        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(
            path=str(path), settings=Settings(anonymized_telemetry=False)
        )
        return cls(client, collection, batch)

    @classmethod
    def server(
        cls, host: str, port: int, collection: str, token: str = "", batch: int = 1000
    ) -> ChromaIndex:
        import chromadb
        from chromadb.config import Settings

        headers = {"Authorization": f"Bearer {token}"} if token else None
        client = chromadb.HttpClient(
            host=host,
            port=port,
            headers=headers,
            settings=Settings(anonymized_telemetry=False),
        )
        return cls(client, collection, batch)

    def add(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
    ) -> None:
        for i in range(0, len(ids), self._batch):
            j = i + self._batch
            self._col.upsert(
                ids=list(ids[i:j]),
                embeddings=np.asarray(vectors[i:j], dtype=np.float32),
                documents=list(texts[i:j]),
                metadatas=[dict(m) for m in metadatas[i:j]],
            )

    def query(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> list[tuple[str, float]]:
        if k <= 0:
            return []
        res = self._col.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=k,
            where=chroma_where(filters),
            include=["distances"],
        )
        ids = res["ids"][0] if res["ids"] else []
        dists = (res.get("distances") or [[]])[0] or []
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]

    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), self._batch):
            self._col.delete(ids=list(ids[i : i + self._batch]))

    def ids_for(self, doc_id: str) -> list[str]:
        return list(self._col.get(where={"doc_id": doc_id}, include=[])["ids"])

    def count(self) -> int:
        return int(self._col.count())


def chroma_where(filters: Filters | None) -> Where | None:
    """Chroma's metadata filter for a store-neutral `Filters` (dates as `date_key` integers)."""
    if not filters:
        return None
    clauses: list[Where] = []
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": list(filters.doc_ids)}})
    if filters.sources:
        clauses.append({"source": {"$in": list(filters.sources)}})
    if filters.date_from:
        clauses.append({"date": {"$gte": date_key(filters.date_from)}})
    if filters.date_to:
        clauses.append({"date": {"$lte": date_key(filters.date_to)}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
