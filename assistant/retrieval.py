"""Finding passages: dense search over Chroma, hydrated from the catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.types import Passage
from index.catalog import Catalog
from index.embeddings import Embedder
from index.store import VectorIndex


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some documents, sources or a date range (ISO dates, inclusive)."""

    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_any(cls, value: Filters | dict[str, Any] | None) -> Filters | None:
        if value is None or isinstance(value, Filters):
            return value
        return cls(
            doc_ids=tuple(value.get("doc_ids", ()) or ()),
            sources=tuple(value.get("sources", ()) or ()),
            date_from=str(value.get("date_from", "") or ""),
            date_to=str(value.get("date_to", "") or ""),
        )

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        if self.date_from:
            clauses.append({"date": {"$gte": int(self.date_from.replace("-", ""))}})
        if self.date_to:
            clauses.append({"date": {"$lte": int(self.date_to.replace("-", ""))}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    def __init__(self, embedder: Embedder, vectors: VectorIndex, catalog: Catalog) -> None:
        self._embedder = embedder
        self._vectors = vectors
        self._catalog = catalog

    def dense(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        if not query.strip():
            return []
        vec = self._embedder.embed_query(query)
        hits = self._vectors.query(vec, k, where=filters.where() if filters else None)
        return self._catalog.passages(hits)

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Passage]:
        return self.dense(query, k, filters)
