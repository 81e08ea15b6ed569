"""The vector index: the `VectorIndex` protocol and its Chroma adapter (embedded or server).

Chroma objects stay inside this module; callers get ids and cosine similarities.

Embedded Chroma holds each collection's vector graph in the memory of the process that opened
it, and does not notice another process's writes: a long-running reader would never find
vectors an ingest in another process added. So an embedded index is given a `version` (the
catalog's generation, which every commit bumps) and reopens its client when that has moved on
since it last looked; its own writes do not count (`mark_current`). In-process, a reopen waits
for the calls in flight and holds new ones back (a readers-writer gate).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from index.errors import DiskFull, is_disk_full
from index.types import Filters, date_key

log = logging.getLogger(__name__)

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

    def missing(self, ids: Sequence[str]) -> list[str]:
        """The ids among these whose vector cannot be read back (absent or lost)."""
        ...

    def all_ids(self) -> Iterator[str]:
        """Every stored id, in pages (for verify and repair)."""
        ...

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[Metadata]) -> None:
        """Replace the filter metadata of stored vectors (the vectors stay)."""
        ...

    def mark_current(self) -> None:
        """Record that this process has just written: it holds the newest state."""
        ...

    def refresh(self) -> None:
        """Pick up writes of other processes now (under the store's write lock, before writing)."""
        ...

    def close(self) -> None: ...


class _Gate:
    """Many calls at once, or one reopen alone (threads of this process)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class ChromaIndex:
    """A Chroma collection using cosine distance, written in batches the server accepts."""

    def __init__(
        self,
        client: Any,
        collection: str,
        batch: int = 1000,
        reopen: Callable[[], Any] | None = None,
        version: Callable[[], int] | None = None,
        where: Path | None = None,
    ) -> None:
        self._where = where  # the folder (embedded mode): a failed write there may be a full disk
        self._client = client
        self._name = collection
        self._reopen = reopen  # a fresh client (embedded mode): another process may have written
        self._version = version
        self._seen = version() if version is not None else 0
        self._gate = _Gate()
        self._col = self._open_collection(client)
        try:
            limit = int(client.get_max_batch_size())
        except Exception:  # older servers do not say
            limit = batch
        self._batch = max(1, min(batch, limit))

    def _open_collection(self, client: Any) -> Any:
        return client.get_or_create_collection(
            self._name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
        )

    @classmethod
    def embedded(
        cls,
        path: Path,
        collection: str,
        batch: int = 1000,
        version: Callable[[], int] | None = None,
    ) -> ChromaIndex:
        import chromadb
        from chromadb.config import Settings

        path.mkdir(parents=True, exist_ok=True)
        if not os.access(path, os.W_OK):
            path = _writable_copy(path)

        def client() -> Any:
            return chromadb.PersistentClient(
                path=str(path), settings=Settings(anonymized_telemetry=False)
            )

        return cls(client(), collection, batch, reopen=client, version=version, where=path)

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

    # --- seeing other processes' writes -------------------------------------------------------

    @contextmanager
    def _use(self) -> Iterator[Any]:
        """The collection, reopened first if another process has written since we looked."""
        if self._reopen is not None and self._version is not None:
            try:
                now = self._version()
            except Exception:  # the catalog is unreadable: say so elsewhere, serve what we have
                now = self._seen
            if now != self._seen:
                self._reload(now)
        with self._gate.shared():
            yield self._col

    def _reload(self, now: int | None = None) -> None:
        if self._reopen is None:
            return
        with self._gate.exclusive():
            if now is not None and now == self._seen:
                return  # another thread reloaded meanwhile
            close = getattr(self._client, "close", None)
            if close is not None:
                close()
            self._client = self._reopen()
            self._col = self._open_collection(self._client)
            if now is not None:
                self._seen = now

    def refresh(self) -> None:
        if self._version is None:
            return
        now = self._version()
        if now != self._seen:
            self._reload(now)

    def mark_current(self) -> None:
        if self._version is not None:
            self._seen = self._version()

    def close(self) -> None:
        with self._gate.exclusive():
            close = getattr(self._client, "close", None)
            if self._reopen is not None and close is not None:
                close()

    # --- the index ------------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """The collection for a write; a failure for want of space becomes `DiskFull`."""
        try:
            with self._use() as col:
                yield col
        except DiskFull:
            raise
        except Exception as exc:
            if is_disk_full(exc, self._where):
                raise DiskFull(self._where or "the vector index", exc) from exc
            raise

    def add(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        texts: Sequence[str],
        metadatas: Sequence[Metadata],
    ) -> None:
        with self._writing() as col:
            for i in range(0, len(ids), self._batch):
                j = i + self._batch
                col.upsert(
                    ids=list(ids[i:j]),
                    embeddings=np.asarray(vectors[i:j], dtype=np.float32),
                    documents=list(texts[i:j]),
                    metadatas=[dict(m) for m in metadatas[i:j]],
                )

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[Metadata]) -> None:
        with self._writing() as col:
            for i in range(0, len(ids), self._batch):
                j = i + self._batch
                col.update(ids=list(ids[i:j]), metadatas=[dict(m) for m in metadatas[i:j]])

    def query(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> list[tuple[str, float]]:
        if k <= 0:
            return []
        for attempt in range(2):
            try:
                with self._use() as col:
                    res = col.query(
                        query_embeddings=[np.asarray(vector, dtype=np.float32)],
                        n_results=k,
                        where=chroma_where(filters),
                        include=["distances"],
                    )
                break
            except Exception:
                # a reader that reopened while another process was writing its files may have
                # read them half-written: read them again, once
                if attempt or self._reopen is None:
                    raise
                self._reload()
        ids = res["ids"][0] if res["ids"] else []
        dists = (res.get("distances") or [[]])[0] or []
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]

    def delete(self, ids: Sequence[str]) -> None:
        with self._writing() as col:
            for i in range(0, len(ids), self._batch):
                col.delete(ids=list(ids[i : i + self._batch]))

    def ids_for(self, doc_id: str) -> list[str]:
        with self._use() as col:
            return list(col.get(where={"doc_id": doc_id}, include=[])["ids"])

    def count(self) -> int:
        with self._use() as col:
            return int(col.count())

    def missing(self, ids: Sequence[str]) -> list[str]:
        """Read the vectors back in batches; a batch that fails is split until the ids that
        cannot be read are found (Chroma fails a whole read for one lost vector).
        """
        out: list[str] = []
        with self._use() as col:
            for i in range(0, len(ids), self._batch):
                out.extend(_unreadable(col, list(ids[i : i + self._batch])))
        return out

    def all_ids(self) -> Iterator[str]:
        offset = 0
        while True:
            with self._use() as col:
                page = list(col.get(include=[], limit=self._batch, offset=offset)["ids"])
            yield from page
            if len(page) < self._batch:
                return
            offset += len(page)


def _writable_copy(path: Path) -> Path:
    """Embedded Chroma cannot open a folder it may not write (it writes its database at every
    open): a store on a read-only mount is read from a copy, removed when the process ends.
    """
    copy = Path(tempfile.mkdtemp(prefix="briefing-readonly-")) / "chroma"
    atexit.register(shutil.rmtree, copy.parent, True)
    shutil.copytree(path, copy, copy_function=shutil.copyfile)
    os.chmod(copy, 0o700)
    for folder, dirs, files in os.walk(copy):
        for name in (*dirs, *files):
            os.chmod(os.path.join(folder, name), 0o700 if name in dirs else 0o600)
    log.warning("%s is read-only: its vector index is read from a copy (%s)", path, copy)
    return copy


def _unreadable(col: Any, ids: list[str]) -> list[str]:
    if not ids:
        return []
    try:
        got = col.get(ids=ids, include=["embeddings"])
    except Exception:
        if len(ids) == 1:
            return ids
        half = len(ids) // 2
        return _unreadable(col, ids[:half]) + _unreadable(col, ids[half:])
    found = set(got["ids"])
    embeddings = got.get("embeddings")
    if embeddings is None or len(embeddings) != len(got["ids"]):
        return ids if len(ids) == 1 else [i for i in ids if _unreadable(col, [i])]
    return [i for i in ids if i not in found]


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
