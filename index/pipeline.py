"""The ingest pipeline: files -> articles -> chunks -> vectors + catalog, one document at a time
visible, with every failure reported against its file.

Documents are embedded in groups (one length-sorted batch run for many small articles is far
faster than one per article) but committed one by one, so an interrupted run loses at most the
documents that were not yet committed, and a re-run finishes them.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index import dedup
from index.articles import build_article
from index.catalog import Catalog, Commit
from index.chunking import chunk_article
from index.embeddings import Embedder
from index.errors import DiskFull
from index.integrity import (  # issue 17
    ensure_readable,
    refresh_metadata,
    stop_for_disk_full,
    too_long,
    too_many_chunks,
    write_phase,
)
from index.loaders import (
    MAX_CHUNKS_PER_DOCUMENT,
    LoadError,
    RawDoc,
    iter_files,
    load_file,
)
from index.locks import StoreLock
from index.store import VectorIndex
from index.types import Annotations, Article, Chunk, IngestFailure, IngestReport, date_key

log = logging.getLogger(__name__)

# A writer on another host cannot be asked whether it is alive: its journal entries are trusted
# for this long (one group is embedded and committed in seconds).
PENDING_LEASE_SECONDS = 600.0

Progress = Callable[[int, int, str], None]  # (done, total, current file)
GROUP_CHUNKS = 256
RECORD_BATCH = 128  # records of a JSON/JSONL file planned together (issue 17)
PARSE_WORKERS = 6  # documents read by the language layer at once (issue 17)


@dataclass
class _Planned:
    article: Article
    chunks: list[Chunk]
    signature: np.ndarray
    replaces: str | None
    label: str
    duplicate_of: str = ""
    aliases: list[str] = field(default_factory=list)
    found: Future[Annotations] | None = None  # issue 18: parsed while others embed
    record: bool = False  # one record of a JSON/JSONL file of several (issue 17)


@dataclass
class _Lookups:
    """What the catalog knew of a batch of documents when it was planned (issue 17)."""

    known: dict[str, str]  # origin -> the doc_id stored for it
    stored: set[str]  # doc_ids stored (near-duplicate links made while planning are added)
    changed: set[str]  # stored doc_ids whose header the new version corrects
    signatures: dict[str, np.ndarray] = field(default_factory=dict)


class Ingestor:
    def __init__(
        self,
        embedder: Embedder,
        vectors: VectorIndex,
        catalog: Catalog,
        chunk_tokens: int = 180,
        near_duplicate_threshold: float = 0.8,
        max_file_bytes: int = 20_000_000,
        annotate: Callable[[Article, Sequence[tuple[int, int]]], Annotations] | None = None,
        write_lock: StoreLock | None = None,
        type_limits_mb: Mapping[str, float] | None = None,
        max_chunks: int = MAX_CHUNKS_PER_DOCUMENT,
        warm: Callable[[], None] | None = None,
    ) -> None:
        self._warm = warm  # issue 18: loads the annotator's parser as an ingest starts
        self._write_lock = write_lock  # issue 17: one writer per store (index/locks.py)
        self._type_limits = type_limits_mb  # issue 17: file size limits by type (loaders.py)
        self._max_chunks = max_chunks  # issue 17: a document is refused above this many chunks
        self._embedder = embedder
        self._vectors = vectors
        self._catalog = catalog
        self._budget = chunk_tokens
        self._near = near_duplicate_threshold
        self._max_bytes = max_file_bytes
        self._annotate = annotate  # stance statements and voices, stored with the document

    # --- entry points -------------------------------------------------------------------------

    def ingest_paths(self, paths: Sequence[Path], progress: Progress | None = None) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        files = list(iter_files([Path(p) for p in paths if Path(p).exists()]))
        for p in paths:
            if not Path(p).exists():
                report.failed.append(IngestFailure(str(p), "no such file or folder"))
        todo = []
        for f, supported in files:
            if supported:
                todo.append(f)
            else:
                report.skipped.append(str(f))
        group: list[_Planned] = []
        seen: dict[str, _Planned] = {}
        # issue 18: read the next files while one embeds; with several files, the parser loads
        # while the first is read (one file: the parse follows at once, nothing to overlap)
        with _Stages(self, report, warm=len(todo) > 1) as stages:
            for i, f in enumerate(todo):
                if progress:
                    progress(i, len(todo), f.name)
                try:
                    raws = load_file(f, self._max_bytes, self._type_limits)
                except LoadError as exc:
                    report.failed.append(IngestFailure(str(f), str(exc)))
                    continue
                except Exception as exc:  # a parser bug must not end the batch
                    report.failed.append(IngestFailure(str(f), f"could not be read ({exc!r})"))
                    continue
                # issue 17: the records of a big JSON/JSONL file are planned a batch at a time
                # (a few catalog queries and one fingerprinting run per batch, not per record)
                # and written in groups as they are read; `seen` keeps only what may not be
                # committed yet
                for start in range(0, len(raws), RECORD_BATCH):
                    batch = self._plan_many(
                        raws[start : start + RECORD_BATCH], str(f), report, seen
                    )
                    for k, planned in enumerate(batch):
                        group.append(stages.planned(planned))
                        if len(raws) > 1 and sum(len(p.chunks) for p in group) >= GROUP_CHUNKS:
                            stages.write(group)
                            seen = {p.article.doc_id: p for p in group + batch[k + 1 :]}
                            group = []
                            if report.stopped:
                                break
                    if report.stopped:
                        break
                if sum(len(p.chunks) for p in group) >= GROUP_CHUNKS:
                    stages.write(group)
                    seen = {p.article.doc_id: p for p in group}  # issue 17: bounded
                    group = []
                if report.stopped:  # issue 17: the disk is full
                    break
            stages.write(group)
        if progress:
            progress(len(todo), len(todo), "")
        report.seconds = time.perf_counter() - started
        return report

    def ingest_text(self, text: str, meta: dict[str, str] | None = None) -> IngestReport:
        """Pasted text: the content is its own identity (pasting it twice adds nothing)."""
        started = time.perf_counter()
        report = IngestReport()
        raw = RawDoc(text=text, meta=dict(meta or {}), path="", origin="")
        label = (meta or {}).get("title") or "pasted text"
        planned = self._plan(raw, label, report, {})
        self._write([planned] if planned else [], report)
        report.seconds = time.perf_counter() - started
        return report

    def ingest_docs(
        self, docs: Sequence[tuple[str, RawDoc]], progress: Progress | None = None
    ) -> IngestReport:
        """Documents read elsewhere (web pages, feed items), each with the label a failure
        names; a document's `origin` (its address) makes a re-read of it unchanged or a
        replacement, never a second copy.
        """
        started = time.perf_counter()
        report = IngestReport()
        group: list[_Planned] = []
        seen: dict[str, _Planned] = {}
        with _Stages(self, report, warm=len(docs) > 1) as stages:  # issue 18: as ingest_paths
            for i, (label, raw) in enumerate(docs):
                if progress:
                    progress(i, len(docs), label)
                planned = self._plan(raw, label, report, seen)
                if planned is not None:
                    group.append(stages.planned(planned))
                if sum(len(p.chunks) for p in group) >= GROUP_CHUNKS:
                    stages.write(group)
                    group = []
                    if report.stopped:  # issue 17: the disk is full
                        break
            stages.write(group)
        if progress:
            progress(len(docs), len(docs), "")
        report.seconds = time.perf_counter() - started
        return report

    def delete(self, doc_id: str) -> bool:
        if not self._catalog.remove_document(doc_id, owner=owner_id()):
            return False
        self._finish_delete(doc_id)
        return True

    def recover(self) -> None:
        """Finish what an interrupted run left: drop vectors of documents never committed or
        already removed from the catalog.

        Entries of a writer that is still at work (another process, or another host sharing the
        catalog) are left alone: recovering them would delete vectors it is about to commit.
        """
        for doc_id, _action, owner, since in self._catalog.pending():
            if owner_alive(owner, since):
                continue
            if not self._catalog.has_document(doc_id):
                self._finish_delete(doc_id)
            else:
                self._catalog.clear_pending(doc_id)

    # --- steps --------------------------------------------------------------------------------

    def _plan(
        self, raw: RawDoc, label: str, report: IngestReport, seen: dict[str, _Planned]
    ) -> _Planned | None:
        planned = self._plan_many([raw], label, report, seen)
        return planned[0] if planned else None

    def _plan_many(
        self, raws: Sequence[RawDoc], label: str, report: IngestReport, seen: dict[str, _Planned]
    ) -> list[_Planned]:
        """Plan documents of one file (its records, or the file itself), in order.

        issue 17: what the catalog knows of them is read in a few queries and their
        fingerprints are made in one run, then each is decided as `_decide` says.
        """
        articles: list[tuple[Article, str]] = []
        for raw in raws:
            name = f"{label} {raw.where}" if raw.where else label  # "f.jsonl record 7 (line 7)"
            try:
                article = build_article(raw)
            except LoadError as exc:
                report.failed.append(IngestFailure(name, str(exc)))
                continue
            if not article.origin:
                article = _with_origin(article, f"text:{article.doc_id}")
            refusal = too_long(len(article.text), self._budget, self._max_chunks)  # issue 17
            if refusal:
                report.failed.append(IngestFailure(name, refusal))
                continue
            articles.append((article, name))
        if not articles:
            return []
        known = self._catalog.docs_for_origins([a.origin for a, _ in articles])
        look = _Lookups(
            known=known,
            stored=self._catalog.stored_ids([a.doc_id for a, _ in articles]),
            changed=self._catalog.headers_changed(
                [a for a, _ in articles if known.get(a.origin) == a.doc_id]
            ),
        )
        fresh = [a for a, _ in articles if known.get(a.origin) != a.doc_id]
        look.signatures = dict(
            zip([a.doc_id for a in fresh], dedup.signatures([a.text for a in fresh]), strict=True)
        )
        out = []
        for article, name in articles:
            planned = self._decide(article, name, report, seen, look)
            if planned is not None:
                planned.record = name != label
                out.append(planned)
        return out

    def _decide(
        self,
        article: Article,
        name: str,
        report: IngestReport,
        seen: dict[str, _Planned],
        look: _Lookups,
    ) -> _Planned | None:
        """Unchanged, a corrected header, a copy, a near-duplicate (a link), or to be indexed.
        `name` is what a message names: the file, or a record of it.
        """
        known = look.known.get(article.origin)
        if known == article.doc_id:
            # issue 17: same text, a corrected header: its stored metadata follows
            if article.doc_id in look.changed and refresh_metadata(
                self._embedder, self._vectors, self._catalog, self._write_lock, article
            ):
                report.updated += 1
            else:
                report.unchanged += 1
            return None
        if article.doc_id in seen:  # an identical copy earlier in this same batch
            seen[article.doc_id].aliases.append(article.origin)
            report.duplicates += 1
            report.duplicate_notes.append(f"{name}: identical to {seen[article.doc_id].label}")
            return None
        if article.doc_id in look.stored:
            self._catalog.add_alias(article.origin, article.doc_id)
            report.duplicates += 1
            report.duplicate_notes.append(f"{name}: identical to a stored document")
            return None
        sig = look.signatures[article.doc_id]
        ids, sigs = self._catalog.minhashes(dedup.band_keys(sig))
        if known in ids:  # a new version of this very file is not a copy of itself
            keep = [i for i, d in enumerate(ids) if d != known]
            ids, sigs = [ids[i] for i in keep], sigs[keep]
        match = dedup.best_match(sig, ids, sigs)
        if match and match[1] >= self._near:
            look.stored.add(article.doc_id)
            if not self._catalog.commit_document(
                article, [], sig, replaces=known, duplicate_of=match[0], owner=owner_id()
            ):
                report.unchanged += 1  # another writer stored it a moment ago
                return None
            if known:
                self._finish_delete(known)
            report.duplicates += 1
            report.duplicate_notes.append(
                f"{name}: near-duplicate ({match[1]:.0%}) of {match[0]}; kept as a link"
            )
            return None
        batch = [p for p in seen.values() if not p.duplicate_of]
        in_batch = dedup.best_match(
            sig,
            [p.article.doc_id for p in batch],
            np.stack([p.signature for p in batch]) if batch else np.zeros((0, 0), np.uint64),
        )
        if in_batch and in_batch[1] >= self._near:
            planned = _Planned(article, [], sig, known, name, duplicate_of=in_batch[0])
            report.duplicate_notes.append(
                f"{name}: near-duplicate ({in_batch[1]:.0%}) of {seen[in_batch[0]].label}; "
                "kept as a link"
            )
        else:
            chunks = chunk_article(article, self._budget, self._embedder.count_tokens)
            if len(chunks) > self._max_chunks:  # issue 17: bounded work per document
                report.failed.append(
                    IngestFailure(name, too_many_chunks(len(chunks), self._max_chunks))
                )
                return None
            planned = _Planned(article, chunks, sig, known, name)
        seen[article.doc_id] = planned
        return planned

    def _write(self, group: list[_Planned], report: IngestReport) -> None:
        """Embed the group in one run and write its vectors in one batch, then make each
        document visible in its own catalog transaction.

        Until that transaction a document is only "pending": its vectors are invisible (search
        hydrates from the catalog) and `recover()` removes them if the process dies here.
        """
        if not group:
            return
        indexed = [p for p in group if not p.duplicate_of]
        # Statements are read on a second thread while the group is embedded: the parser runs
        # on one core, and the embedder leaves part of the other one idle.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotate") as pool:
            statements = {  # issue 18: most were submitted when planned
                id(p): p.found if p.found is not None else self._statements(pool, p)
                for p in indexed
            }
            # issue 17: vectors and commits under the store's write lock, then read back;
            # a full disk stops the batch (what is committed stays)
            try:
                with write_phase(self._write_lock, self._vectors):
                    self._embed_and_commit(group, indexed, statements, report)
                    ensure_readable(
                        self._embedder,
                        self._vectors,
                        self._catalog,
                        [(p.label, p.article, p.chunks) for p in indexed],
                        report,
                    )
            except DiskFull as exc:
                stop_for_disk_full(self._catalog, group, report, exc)

    def _statements(self, pool: ThreadPoolExecutor, p: _Planned) -> Future[Annotations] | None:
        if self._annotate is None:
            return None
        # the chunker's sentences: splitting a long text twice costs as much as embedding it
        spans = [span for c in p.chunks for span in c.sentence_spans]
        return pool.submit(self._annotate, p.article, spans)

    def _embed_and_commit(
        self,
        group: list[_Planned],
        indexed: list[_Planned],
        statements: dict[int, Future[Annotations] | None],
        report: IngestReport,
    ) -> None:
        try:
            vectors = self._embedder.embed_documents(
                [c.embed_text for p in indexed for c in p.chunks]
            )
            self._catalog.begin_pending_many([p.article.doc_id for p in indexed], owner=owner_id())
            self._vectors.add(
                [c.chunk_id for p in indexed for c in p.chunks],
                vectors,
                [c.text for p in indexed for c in p.chunks],
                [_metadata(p.article, c) for p in indexed for c in p.chunks],
            )
        except DiskFull:  # issue 17: not this group's fault; the batch stops
            raise
        except Exception as exc:
            for p in group:
                report.failed.append(IngestFailure(p.label, f"could not be indexed ({exc!r})"))
            return
        # Each file's document in its own transaction; the records of a JSON/JSONL file, small
        # and many, a run of them at a time (issue 17)
        for _, part in itertools.groupby(group, key=lambda p: p.record):
            run = list(part)
            if run[0].record and len(run) > 1 and self._commit_together(run, statements, report):
                continue
            for p in run:  # one at a time: a document that spoils the transaction fails alone
                try:
                    committed = self._commit(p, statements.get(id(p)), report)
                except DiskFull:  # issue 17: the journal takes its vectors back at the next open
                    raise
                except Exception as exc:
                    self._failed_commit(p, exc, report)
                    continue
                self._count_commit(p, committed, report)

    def _commit_together(
        self,
        group: list[_Planned],
        statements: dict[int, Future[Annotations] | None],
        report: IngestReport,
    ) -> bool:
        """Commit the group's documents in one catalog transaction (issue 17: 100,000 small
        records were 100,000 transactions). A document whose statements could not be read, or
        whose original is missing, fails alone first. False (nothing committed) when the
        transaction itself failed: the caller then commits them one by one.
        """
        ready: list[tuple[_Planned, Annotations]] = []
        indexed_here: set[str] = set()
        for p in group:
            try:
                if (
                    p.duplicate_of
                    and p.duplicate_of not in indexed_here
                    and not self._catalog.has_document(p.duplicate_of)
                ):
                    raise LoadError("the document it duplicates could not be stored")
                notes = _annotations(p, statements.get(id(p)), report)
            except DiskFull:
                raise
            except Exception as exc:
                self._failed_commit(p, exc, report)
                continue
            ready.append((p, notes))
            if not p.duplicate_of:
                indexed_here.add(p.article.doc_id)
        if not ready:
            return True
        try:
            results = self._catalog.commit_documents(
                [
                    Commit(
                        p.article,
                        p.chunks,
                        p.signature,
                        replaces=p.replaces,
                        duplicate_of=p.duplicate_of,
                        statements=notes.statements,
                        voices=notes.voices,
                    )
                    for p, notes in ready
                ],
                owner=owner_id(),
            )
        except DiskFull:
            raise
        except Exception as exc:
            log.warning(
                "committing %d documents together failed (%r); one at a time", len(ready), exc
            )
            for p, notes in ready:  # their statements are read: the fallback reuses them
                statements[id(p)] = _done(notes)
            group[:] = [p for p, _ in ready]
            return False
        for (p, _), committed in zip(ready, results, strict=True):
            if committed and p.replaces:
                self._finish_delete(p.replaces)
            self._count_commit(p, committed, report)
        return True

    def _failed_commit(self, p: _Planned, exc: Exception, report: IngestReport) -> None:
        reason = str(exc) if isinstance(exc, LoadError) else f"could not be stored ({exc!r})"
        report.failed.append(IngestFailure(p.label, reason))
        if not p.duplicate_of and not self._catalog.has_document(p.article.doc_id):
            self._finish_delete(p.article.doc_id)  # its vectors must not linger

    def _count_commit(self, p: _Planned, committed: bool, report: IngestReport) -> None:
        if not committed:  # another writer stored the same document first: keep its vectors
            report.unchanged += 1
            return
        for origin in p.aliases:  # only now: an alias to a failed document would hide it
            self._catalog.add_alias(origin, p.article.doc_id)
        if p.duplicate_of:
            report.duplicates += 1
            return
        report.doc_ids.append(p.article.doc_id)
        report.chunks += len(p.chunks)
        if p.replaces:
            report.replaced += 1
        else:
            report.added += 1

    def _commit(self, p: _Planned, found: Future[Annotations] | None, report: IngestReport) -> bool:
        a = p.article
        if p.duplicate_of and not self._catalog.has_document(p.duplicate_of):
            raise LoadError("the document it duplicates could not be stored")
        notes = _annotations(p, found, report)
        if not self._catalog.commit_document(
            a,
            p.chunks,
            p.signature,
            replaces=p.replaces,
            duplicate_of=p.duplicate_of,
            statements=notes.statements,
            owner=owner_id(),
            voices=notes.voices,
        ):
            return False
        if p.replaces:
            self._finish_delete(p.replaces)
        return True

    def _finish_delete(self, doc_id: str) -> None:
        with write_phase(self._write_lock, self._vectors):  # issue 17
            ids = self._vectors.ids_for(doc_id)
            if ids:
                self._vectors.delete(ids)
            self._catalog.clear_pending(doc_id)


class _Stages:
    """issue 18: the ingest's stages overlapped. Each planned document is parsed (statements)
    on one thread as soon as it is chunked; a full group is embedded and written on another
    while this thread reads, cleans and chunks the next files. At most one group is being
    written; its counts go to a report of its own, merged here once it is done, so the two
    threads never update one report.
    """

    def __init__(self, ingestor: Ingestor, report: IngestReport, warm: bool = False) -> None:
        self._ingestor = ingestor
        self._report = report
        # issue 17: several documents are read at once, so that the parser can serve their
        # sentences in one batch (index/language.py); a short record alone is a small batch
        self._parse = ThreadPoolExecutor(max_workers=PARSE_WORKERS, thread_name_prefix="annotate")
        if warm and ingestor._warm is not None:  # the parser loads while the first is read
            self._parse.submit(ingestor._warm)  # a failure shows again at the first real parse
        self._write = ThreadPoolExecutor(max_workers=1, thread_name_prefix="write")
        self._pending: tuple[Future[None], IngestReport] | None = None

    def __enter__(self) -> _Stages:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._wait()
        finally:
            self._write.shutdown(wait=True)
            self._parse.shutdown(wait=True, cancel_futures=True)

    def planned(self, p: _Planned) -> _Planned:
        if not p.duplicate_of:
            p.found = self._ingestor._statements(self._parse, p)
        return p

    def write(self, group: list[_Planned]) -> None:
        """Wait for the group before (so its outcome, e.g. a full disk, is known), then start
        this one.
        """
        self._wait()
        if group and not self._report.stopped:
            part = IngestReport()
            self._pending = (self._write.submit(self._ingestor._write, list(group), part), part)

    def _wait(self) -> None:
        if self._pending is None:
            return
        future, part = self._pending
        self._pending = None
        future.result()
        self._report.add(part)


def _done(notes: Annotations) -> Future[Annotations]:
    done: Future[Annotations] = Future()
    done.set_result(notes)
    return done


def _annotations(
    p: _Planned, found: Future[Annotations] | None, report: IngestReport
) -> Annotations:
    """The document's statements and voices; none when reading them failed. A fault in the
    stance reader must not cost the user the article: it is stored, searchable and citable,
    and the report says which file has no positions and why.
    """
    if found is None:
        return Annotations()
    try:
        return found.result()
    except DiskFull:
        raise
    except Exception as exc:
        log.warning("%s: positions not read", p.label, exc_info=exc)
        report.notes.append(f"{p.label}: stored without positions ({exc!r})")
        return Annotations()


def _metadata(a: Article, c: Chunk) -> dict[str, str | int]:
    """What Chroma may filter on: document, source and date (as a sortable integer)."""
    return {
        "doc_id": a.doc_id,
        "source": a.source,
        "date": date_key(a.date),
        "ordinal": c.ordinal,
    }


def _with_origin(a: Article, origin: str) -> Article:
    from dataclasses import replace

    return replace(a, origin=origin)


def owner_id() -> str:
    """host:pid of this writer (read at call time: a forked worker is its own writer)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_alive(owner: str, since: float, lease: float = PENDING_LEASE_SECONDS) -> bool:
    """Whether the writer of a journal entry may still be at work.

    On this host the process table answers (a zombie counts as gone); for another host the
    entry's age does. Entries without an owner come from stores made before owners were kept.
    """
    host, _, pid = owner.rpartition(":")
    if not host or not pid.isdigit():
        return False
    if host != socket.gethostname():
        return time.time() - since < lease
    if int(pid) == os.getpid():
        return False  # left by an earlier, failed attempt in this same process
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return state not in ("Z", "X")
