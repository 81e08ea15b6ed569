"""Check a store's three parts against each other, and repair what can be rebuilt.

The catalog is the source of truth: it holds every document's text and chunks. The vector index
and the lexical index can both be rebuilt from it, so `repair` re-embeds the chunks whose vectors
are missing or unreadable, removes vectors the catalog does not know, and rebuilds the full-text
index. A catalog the database engine reports damaged cannot be rebuilt from the other parts;
`verify` says so and names the file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from index.catalog import Catalog
from index.embeddings import Embedder
from index.integrity import chunk_metadata, stored_chunk_inputs, write_phase
from index.locks import StoreLock
from index.store import VectorIndex

log = logging.getLogger(__name__)

REPAIR = "run `briefing repair`"


@dataclass
class Problem:
    """One thing wrong with a store, as one line a user can act on."""

    part: str  # "catalog", "vectors" or "lexical"
    message: str

    def __str__(self) -> str:
        return f"{self.part}: {self.message}"


@dataclass
class Health:
    """What `verify` found: the counts of each part and the problems, if any."""

    documents: int = 0
    chunks: int = 0  # in the catalog
    vectors: int = 0  # in the vector index
    lexical: int = 0  # entries of the full-text index
    unreadable: list[str] = field(default_factory=list)  # catalog chunks without a readable vector
    orphans: list[str] = field(default_factory=list)  # vectors the catalog does not know
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "documents": self.documents,
            "chunks": self.chunks,
            "vectors": self.vectors,
            "lexical": self.lexical,
            "unreadable": len(self.unreadable),
            "orphans": len(self.orphans),
            "problems": [str(p) for p in self.problems],
            "seconds": round(self.seconds, 3),
        }


def quick_disagreement(catalog: Catalog, vectors: VectorIndex) -> str | None:
    """The cheap check at open (two counts): a one-line warning when the vector index does not
    hold one vector per catalog chunk, or None. While another writer is between its vector
    write and its commit the counts differ for a moment; journalled documents excuse a surplus.
    """
    docs, chunks = catalog.counts()
    have = vectors.count()
    if have == chunks or (have > chunks and catalog.pending()):
        return None
    return (
        f"the vector index holds {have} vectors for the catalog's {chunks} chunks "
        f"({docs} documents): dense search misses what it lacks; `briefing verify` says what is "
        f"wrong, `briefing repair` fixes it"
    )


def verify(catalog: Catalog, vectors: VectorIndex) -> Health:
    """Counts of every part, every catalog chunk's vector read back, the vectors' ids compared
    with the catalog's, the full-text index spot-read. Problems come one line each.
    """
    started = time.perf_counter()
    h = Health()
    for line in catalog.damage():
        h.problems.append(Problem("catalog", f"{line}; restore the catalog from a backup"))
    h.documents, h.chunks = catalog.counts()
    h.vectors = vectors.count()
    h.lexical = catalog.lexical_count()
    owners = catalog.chunk_owners()
    stored = set(vectors.all_ids())
    h.orphans = sorted(stored - set(owners))
    absent = [c for c in owners if c not in stored]
    h.unreadable = absent + vectors.missing(sorted(stored & set(owners)))
    if h.unreadable:
        docs = len({owners[c] for c in h.unreadable})
        h.problems.append(
            Problem(
                "vectors",
                f"{len(h.unreadable)} of {h.chunks} chunks ({docs} documents) have no readable "
                f"vector, so dense search cannot find them; {REPAIR}",
            )
        )
    if h.orphans:
        h.problems.append(
            Problem(
                "vectors",
                f"{len(h.orphans)} vectors belong to no stored chunk (search drops them); {REPAIR}",
            )
        )
    gaps = catalog.lexical_missing()
    if h.lexical != h.chunks or gaps:
        h.problems.append(
            Problem(
                "lexical",
                f"the keyword index holds {h.lexical} entries for {h.chunks} chunks"
                + (f" (e.g. chunk {gaps[0]} is not in it)" if gaps else "")
                + f"; {REPAIR}",
            )
        )
    h.seconds = time.perf_counter() - started
    return h


@dataclass
class RepairReport:
    reembedded: int = 0
    removed: int = 0
    lexical_rebuilt: bool = False
    before: Health | None = None
    after: Health | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "reembedded": self.reembedded,
            "removed": self.removed,
            "lexical_rebuilt": self.lexical_rebuilt,
            "before": self.before.to_dict() if self.before else None,
            "after": self.after.to_dict() if self.after else None,
            "seconds": round(self.seconds, 3),
        }


def repair(
    catalog: Catalog,
    vectors: VectorIndex,
    embedder: Embedder,
    lock: StoreLock | None,
    progress: Callable[[int, int], None] | None = None,
) -> RepairReport:
    """Rebuild what the catalog can rebuild, under the store's write lock: vectors of chunks
    that lack one (embedded again from the stored text, with the title and date in front as at
    ingest), vectors of no stored chunk removed, the full-text index rebuilt. Then verify again.
    """
    started = time.perf_counter()
    out = RepairReport()
    with write_phase(lock, vectors):
        out.before = verify(catalog, vectors)
        if out.before.orphans:
            vectors.delete(out.before.orphans)
            out.removed = len(out.before.orphans)
        owners = catalog.chunk_owners()
        lost = set(out.before.unreadable)
        by_doc: dict[str, list[str]] = {}
        for cid in lost:
            by_doc.setdefault(owners[cid], []).append(cid)
        for i, doc_id in enumerate(sorted(by_doc)):
            if progress:
                progress(i, len(by_doc))
            article = catalog.document_article(doc_id)
            if article is None:
                continue
            chunks = [c for c in stored_chunk_inputs(catalog, article) if c.chunk_id in lost]
            vectors.add(
                [c.chunk_id for c in chunks],
                embedder.embed_documents([c.embed_text for c in chunks]),
                [c.text for c in chunks],
                [chunk_metadata(article, c) for c in chunks],
            )
            out.reembedded += len(chunks)
        if out.before.lexical != out.before.chunks or any(
            p.part == "lexical" for p in out.before.problems
        ):
            catalog.rebuild_lexical()
            out.lexical_rebuilt = True
        out.after = verify(catalog, vectors)
    out.seconds = time.perf_counter() - started
    return out
