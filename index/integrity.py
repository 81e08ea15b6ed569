"""What the ingest pipeline does to keep every committed chunk findable: the write phase (one
writer per store, after picking up other writers' vectors), the read-back check after each
commit, and metadata corrections of a known file.

Kept apart from index/pipeline.py, which calls these at a few marked points.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from index.catalog import Catalog
from index.chunking import contextual_header, embed_text
from index.embeddings import Embedder
from index.errors import DiskFull
from index.locks import StoreLock
from index.store import VectorIndex
from index.types import Article, Chunk, IngestFailure, IngestReport, date_key

log = logging.getLogger(__name__)


# No chunk holds more than this many characters per token of its budget, nor a run-on piece
# longer than chunking's 1,500-character cut: what bounds a text's chunk count from below.
CHARS_PER_TOKEN_AT_MOST = 10
LONGEST_PIECE = 1500


def too_long(chars: int, budget: int, limit: int) -> str | None:
    """Refuse, before it is fingerprinted or chunked (a 20 MB text took a minute and 3 GB for
    those alone), a text that cannot make fewer chunks than the limit.
    """
    at_least = chars // max(LONGEST_PIECE, budget * CHARS_PER_TOKEN_AT_MOST)
    if at_least <= limit:
        return None
    return (
        f"document of {chars:,} characters would make at least {at_least} chunks, above the "
        f"{limit}-chunk limit per document (split it, or raise BRIEFING_MAX_CHUNKS_PER_DOCUMENT)"
    )


def too_many_chunks(found: int, limit: int) -> str:
    """Why a document was refused for its size in chunks."""
    return (
        f"document would make {found} chunks, above the {limit}-chunk limit per document "
        "(split it, or raise BRIEFING_MAX_CHUNKS_PER_DOCUMENT)"
    )


@contextmanager
def write_phase(lock: StoreLock | None, vectors: VectorIndex) -> Iterator[None]:
    """Hold the store's write lock; read what other writers wrote before writing on top of it.

    Nested phases (a replacement deleting its old version inside a group write) only count.
    """
    if lock is None:
        yield
        return
    outer = not lock.held
    with lock.hold():
        if outer:
            vectors.refresh()
        try:
            yield
        finally:
            if outer:
                vectors.mark_current()  # our own writes need no reopen


def stop_for_disk_full(
    catalog: Catalog, group: Sequence[Any], report: IngestReport, exc: DiskFull
) -> None:
    """The disk filled while a group was written: each of its files not committed fails with
    the reason, and the batch stops (`report.stopped`). Vectors written without their commit
    stay journalled and are taken back when the store is next opened.
    """
    failed = {f.path for f in report.failed}
    for p in group:
        if p.label not in failed and not catalog.has_document(p.article.doc_id):
            report.failed.append(IngestFailure(p.label, str(exc)))
    report.stopped = str(exc)
    log.warning("%s", exc)


def chunk_metadata(a: Article, c: Chunk) -> dict[str, str | int]:
    """What Chroma may filter on: document, source and date (as a sortable integer)."""
    return {"doc_id": a.doc_id, "source": a.source, "date": date_key(a.date), "ordinal": c.ordinal}


def ensure_readable(
    embedder: Embedder,
    vectors: VectorIndex,
    catalog: Catalog,
    written: Sequence[tuple[str, Article, Sequence[Chunk]]],
    report: IngestReport,
) -> int:
    """After a group's commits: read back every committed chunk's vector. Lost ones are embedded
    and written again; a document whose vectors still cannot be read is reported against its file
    (it stays stored and searchable by keyword; `briefing repair` finishes it).

    Returns how many vectors had to be written again.
    """
    by_id: dict[str, tuple[str, Article, Chunk]] = {}
    for label, article, chunks in written:
        if chunks and catalog.has_document(article.doc_id):
            for c in chunks:
                by_id[c.chunk_id] = (label, article, c)
    if not by_id:
        return 0
    lost = vectors.missing(list(by_id))
    if not lost:
        return 0
    log.warning("%d committed vectors could not be read back; writing them again", len(lost))
    again = [by_id[i] for i in lost]
    vectors.add(
        lost,
        embedder.embed_documents([c.embed_text for _, _, c in again]),
        [c.text for _, _, c in again],
        [chunk_metadata(a, c) for _, a, c in again],
    )
    still = set(vectors.missing(lost))
    for label in dict.fromkeys(by_id[i][0] for i in still):
        report.failed.append(
            IngestFailure(
                label,
                "stored, but some of its vectors cannot be read back; "
                "run `briefing repair` to re-embed them",
            )
        )
    return len(lost)


def stored_chunk_inputs(catalog: Catalog, article: Article) -> list[Chunk]:
    """A stored document's chunks as the embedder must see them (the title in front)."""
    header = contextual_header(article)
    return [
        Chunk(
            chunk_id=cid,
            doc_id=article.doc_id,
            ordinal=ordinal,
            text=text,
            start=0,
            end=0,
            sentence_spans=(),
            embed_text=embed_text(header, text),
        )
        for cid, ordinal, text in catalog.stored_chunks(article.doc_id)
    ]


def refresh_metadata(
    embedder: Embedder,
    vectors: VectorIndex,
    catalog: Catalog,
    lock: StoreLock | None,
    article: Article,
) -> bool:
    """A known file whose text is unchanged but whose header (title, date, source, url) is not:
    its stored chunks are embedded again (the title is part of what is embedded) and
    written over the old vectors with the new filter metadata, then the catalog row is corrected.

    Returns False when nothing differs.
    """
    stored = catalog.document_article(article.doc_id)
    if stored is None or not catalog.metadata_differs(article):
        return False
    fields = ("title", "source", "date", "url", "language")
    article = replace(stored, **{f: getattr(article, f) or getattr(stored, f) for f in fields})
    chunks = stored_chunk_inputs(catalog, article)
    vecs = embedder.embed_documents([c.embed_text for c in chunks])
    with write_phase(lock, vectors):
        if chunks:
            vectors.add(
                [c.chunk_id for c in chunks],
                vecs,
                [c.text for c in chunks],
                [chunk_metadata(article, c) for c in chunks],
            )
        return catalog.update_metadata(article)
