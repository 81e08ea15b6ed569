"""The document catalog and lexical index: one SQLite file beside the vectors (the default), or
a shared PostgreSQL database (`index/catalog_pg.py`) when several hosts serve one store.

The catalog is the source of truth for what is stored. A document becomes visible in one transaction
(its row, its chunks and their full-text entries together), after its vectors are written; a
journal of pending documents lets an interrupted ingest or delete be finished on the next open.
FTS5 gives BM25 ranking that is persisted, transactional and needs no full load into memory.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from index import migrations
from index.dedup import band_keys
from index.errors import DiskFull, StoreDamaged, StoreReadOnly, is_disk_full, looks_damaged
from index.text import STOPWORDS
from index.types import (
    Article,
    Chunk,
    DocumentInfo,
    Passage,
    StatementRow,
    StoredStatement,
    VoiceRow,
)

# The schema is index/migrations.py's: a store is brought to the latest migration when opened.
SCHEMA_VERSION = migrations.latest()


DF_CACHE_SECONDS = 300.0
# Near-duplicate candidates read per new document, those sharing the most LSH bands first.
MINHASH_CANDIDATES = 64
# Values bound to one statement at most (SQLite allows 32,766 since 3.32; PostgreSQL 65,535).
IN_LIST = 500
# A word in more than this share of the chunks carries almost no BM25 weight (IDF near zero).
COMMON_SHARE = 0.10


def query_words(query: str) -> list[str]:
    """Lower-cased words of a query, stopwords out (they would match nearly every chunk)."""
    words = re.findall(r"\w+", query.lower())
    return list(dict.fromkeys(w for w in words if len(w) > 1 and w not in STOPWORDS))


class LexicalPlan(NamedTuple):
    """What the lexical leg asks of the full-text index."""

    terms: list[str]  # the words that score a chunk (any of them matches)
    required: list[str]  # when not empty, a chunk must hold all of these to be scored


def choose_terms(df: dict[str, int], total_chunks: int, budget: int) -> LexicalPlan:
    """Which query words the lexical leg scores, and which it requires.

    Full-text engines score every chunk that holds any query word, so a word found in a tenth of
    a million-chunk archive costs hundreds of milliseconds while adding little to the ranking.
    Words are taken rarest first while their postings fit the budget. When even the rarest word
    is past the budget, the chunks must hold it together with the next rarest uncommon words
    (the ones BM25 would rank first anyway), as many as an independence estimate says bring the
    matches under the budget; the index then caps what it scores at the budget. Common words
    (over COMMON_SHARE of the chunks, IDF near zero) are never scored once the budget is spent.
    On a small store nothing is dropped. Unknown words (frequency 0) cost nothing and stay.
    """
    if sum(df.values()) <= budget:
        return LexicalPlan(list(df), [])
    order = sorted(df, key=lambda w: df[w])
    kept: list[str] = []
    spent = 0
    for w in order:
        if spent + df[w] > budget:
            break
        kept.append(w)
        spent += df[w]
    if kept:
        return LexicalPlan(kept, [])
    uncommon = [w for w in order if df[w] <= COMMON_SHARE * total_chunks]
    required: list[str] = []
    estimate = float(total_chunks)
    for w in uncommon:
        if estimate <= budget:
            break
        required.append(w)
        estimate *= df[w] / max(total_chunks, 1)
    return LexicalPlan(required, required if len(required) > 1 else [])


@functools.lru_cache(maxsize=50_000)
def _porter(word: str) -> str:
    return str(_stemmer().stemWord(word))


@functools.lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("porter")  # the algorithm of FTS5's porter tokenizer


class Commit(NamedTuple):
    """One document of `Catalog.commit_documents`."""

    article: Article
    chunks: Sequence[Chunk]
    minhash: np.ndarray | None
    replaces: str | None = None
    duplicate_of: str = ""
    statements: Sequence[StatementRow] = ()
    voices: Sequence[VoiceRow] = ()


class StoreMismatch(RuntimeError):
    """The store was built with another embedding model or an unknown schema."""


class Catalog:
    """SQLite catalog. Subclasses swap the connection, the write lock and the lexical index;
    every other statement is written once in SQL both SQLite and PostgreSQL accept.
    """

    _BEGIN = "BEGIN IMMEDIATE"  # one writer at a time, taken at the start of the transaction
    _DIALECT: migrations.Dialect = "sqlite"  # which flavour of index/migrations.py's steps
    POSTINGS_BUDGET = 20_000  # (chunk, word) postings the lexical leg scores: ~15 ms of FTS5

    read_only = False  # a store on a read-only mount (or without write permission) is read

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._df_cache: dict[str, tuple[float, int]] = {}
        self._lock = threading.RLock()
        # Nobody can write a file on a read-only mount, so it is opened as immutable (no WAL
        # index to create); writes then fail with StoreReadOnly.
        self.read_only = path.exists() and not (
            os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        )
        self._db: Any = None
        try:
            if self.read_only:
                uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
                self._db = sqlite3.connect(
                    uri, uri=True, check_same_thread=False, isolation_level=None
                )
            else:
                self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            with self._lock:
                if not self.read_only:
                    self._db.execute("PRAGMA journal_mode=WAL")
                    self._db.execute("PRAGMA synchronous=NORMAL")
                found = migrations.version(self._db, self._DIALECT)
                if found != migrations.latest() and self.read_only:
                    raise StoreReadOnly(
                        f"{path} is read-only and was written by an older release; open it "
                        "once where it can be written, so it can be upgraded"
                    )
                if found != migrations.latest():  # re-read under the write lock: another
                    with self.transaction() as db:  # process may be upgrading it right now
                        found = migrations.migrate(db, self._DIALECT)
                self._db.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as exc:
            if looks_damaged(exc) or "unable to open" in str(exc):
                raise StoreDamaged(path, exc) from None
            raise
        self._refuse_newer(found)

    def _refuse_newer(self, found: int) -> None:
        """A store a newer release has upgraded: this code does not know its schema."""
        if found > migrations.latest():
            self.close()
            raise StoreMismatch(
                f"store schema version {found} is newer than this release's "
                f"({migrations.latest()}); open it with the release that upgraded it"
            )

    @property
    def location(self) -> str:
        return f"SQLite {self._path}"

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise StoreReadOnly(f"{self._path} is read-only: it can be read, not changed")
        with self._lock:
            try:
                self._db.execute(self._BEGIN)
                try:
                    yield self._db
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as exc:  # PostgreSQL's errors pass as they are
                if is_disk_full(exc, self._path.parent):
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise DiskFull(self._path, exc) from exc
                raise

    # --- meta -------------------------------------------------------------------------------

    def embedder_name(self) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'embedder'").fetchone()
        return row[0] if row else None

    def check_compatible(self, embedder_name: str) -> None:
        """Refuse a store written by another model: its vectors would answer nonsense."""
        if self.read_only:
            with self._lock:
                rows = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            if rows.get("embedder") not in (None, embedder_name):
                raise StoreMismatch(
                    f"this store was built with the embedding model '{rows.get('embedder')}', "
                    f"but '{embedder_name}' is configured; use that model, or another --store"
                )
            return
        with self.transaction() as db:
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if "embedder" not in rows:  # a new store (opening it recorded its schema version)
                db.execute("INSERT INTO meta VALUES ('embedder', ?)", (embedder_name,))
                return
        if int(rows.get("schema_version", "0")) != migrations.latest():
            raise StoreMismatch(
                f"store schema version {rows.get('schema_version')} is not the supported "
                f"version {migrations.latest()}"
            )
        if rows.get("embedder") != embedder_name:
            raise StoreMismatch(
                f"this store was built with the embedding model '{rows.get('embedder')}', "
                f"but '{embedder_name}' is configured; use that model, or another --store"
            )

    # --- lookups ----------------------------------------------------------------------------

    def doc_for_origin(self, origin: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT doc_id FROM documents WHERE origin = ? UNION ALL "
                "SELECT doc_id FROM aliases WHERE origin = ? LIMIT 1",
                (origin, origin),
            ).fetchone()
        return row[0] if row else None

    def has_document(self, doc_id: str) -> bool:
        with self._lock:
            return (
                self._db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                is not None
            )

    def minhashes(
        self, keys: Sequence[int], limit: int = MINHASH_CANDIDATES
    ) -> tuple[list[str], np.ndarray]:
        """Signatures of the indexed documents sharing an LSH band key with a new one.

        Only candidates are read, and at most `limit` of them, those sharing the most bands (a
        copy at the 0.8 threshold shares 13 of the 32 on average, an unrelated text almost
        never one): checking a new document costs the same at 40 documents or at 400,000, also
        when many stored texts share a phrase or two with it (issue 17: 100,000 short wire
        records slowed down with every record stored).
        """
        if not keys:
            return [], np.zeros((0, 0), dtype=np.uint64)
        marks = ",".join("?" * len(keys))
        with self._lock:
            rows = self._db.execute(
                "SELECT d.doc_id, d.minhash FROM documents d JOIN (SELECT doc_id, count(*) AS n "
                f"FROM bands WHERE key IN ({marks}) GROUP BY doc_id ORDER BY n DESC, doc_id "
                "LIMIT ?) c ON c.doc_id = d.doc_id WHERE d.duplicate_of = '' AND d.minhash IS "
                "NOT NULL ORDER BY c.n DESC, d.doc_id",
                [*keys, limit],
            ).fetchall()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.uint64)
        return [r[0] for r in rows], np.stack([np.frombuffer(r[1], dtype=np.uint64) for r in rows])

    # issue 17: what a batch of records needs to know, in a few queries instead of one per record

    def docs_for_origins(self, origins: Sequence[str]) -> dict[str, str]:
        """The stored doc_id of each origin (file, record, page) already known, by origin."""
        out: dict[str, str] = {}
        for part in _parts(origins):
            marks = ",".join("?" * len(part))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT origin, doc_id FROM aliases WHERE origin IN ({marks}) UNION ALL "
                    f"SELECT origin, doc_id FROM documents WHERE origin IN ({marks})",
                    [*part, *part],
                ).fetchall()
            out.update((r[0], r[1]) for r in rows)  # a document's own origin wins, as in
        return out  # doc_for_origin

    def stored_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these documents are stored."""
        out: set[str] = set()
        for part in _parts(doc_ids):
            marks = ",".join("?" * len(part))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT doc_id FROM documents WHERE doc_id IN ({marks})", list(part)
                ).fetchall()
            out.update(r[0] for r in rows)
        return out

    def headers_changed(self, articles: Sequence[Article]) -> set[str]:
        """doc_ids of the stored documents whose header differs (see `metadata_differs`)."""
        by_id = {a.doc_id: a for a in articles}
        out: set[str] = set()
        for part in _parts(list(by_id)):
            marks = ",".join("?" * len(part))
            with self._lock:
                rows = self._db.execute(
                    "SELECT doc_id, title, source, date, url, language FROM documents "
                    f"WHERE doc_id IN ({marks})",
                    list(part),
                ).fetchall()
            for r in rows:
                new = [getattr(by_id[r[0]], f) or "" for f in self._META_FIELDS]
                if any(n and n != (old or "") for n, old in zip(new, r[1:], strict=True)):
                    out.add(r[0])
        return out

    def documents(self) -> list[DocumentInfo]:
        with self._lock:
            rows = self._db.execute(
                "SELECT doc_id, title, source, date, url, path, chunks, words, duplicate_of "
                "FROM documents ORDER BY date, title"
            ).fetchall()
        return [DocumentInfo(*r) for r in rows]

    def document_text(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT text FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        return row[0] if row else None

    def generation(self) -> int:
        """A number that changes whenever the set of stored documents does (cheap to read)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def document_rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(doc_id, text, title, source, date, url) of every indexed (not duplicate) document."""
        with self._lock:
            return [
                tuple(r)
                for r in self._db.execute(
                    "SELECT doc_id, text, title, source, date, url FROM documents "
                    "WHERE duplicate_of = '' ORDER BY date, doc_id"
                )
            ]

    # --- positions -------------------------------------------------------------------------

    def statement_parties(self) -> list[str]:
        """Every party that holds a stored statement (the parties found in the text)."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT DISTINCT party_id FROM statements")]

    def statement_speakers(self) -> list[tuple[str, str]]:
        """Every (holder, speaker) pair the stored statements name."""
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT party_id, speaker FROM statements")
            return [(r[0], r[1] or "") for r in rows]

    def holder_documents_write(self, party_id: str, words: str) -> bool:
        """Whether a document where this party holds a statement writes these words."""
        sql = (
            "SELECT 1 FROM statements s JOIN documents d USING (doc_id) WHERE s.party_id = ? "
            "AND d.text LIKE ? LIMIT 1"
        )
        like = "%" + words.replace("\\", "").replace("%", "").replace("_", "") + "%"
        with self._lock:
            return self._db.execute(sql, (party_id, like)).fetchone() is not None

    def statement_rows(
        self, party_id: str | None = None, stance: str | None = None, limit: int = 500
    ) -> list[StoredStatement]:
        """Stored statements with their sentence and document metadata, newest first."""
        sql = (
            'SELECT s.doc_id, s.party_id, s.stance, s.start, s."end", s.about, s.speaker, '
            's.voice, substr(d.text, s.start + 1, s."end" - s.start), d.title, d.source, '
            "d.date, d.url FROM statements s JOIN documents d USING (doc_id) WHERE 1 = 1"
        )
        args: list[object] = []
        if party_id:
            sql += " AND s.party_id = ?"
            args.append(party_id)
        if stance:
            sql += " AND s.stance = ?"
            args.append(stance)
        sql += " ORDER BY d.date DESC, s.doc_id, s.start LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = list(self._db.execute(sql, args))
        return [
            StoredStatement(
                doc_id=r[0],
                row=StatementRow(r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7] or ""),
                sentence=r[8],
                title=r[9] or "",
                source=r[10] or "",
                date=r[11] or "",
                url=r[12] or "",
            )
            for r in rows
        ]

    def documents_without_statements_pass(self) -> list[tuple[str, str, str, str]]:
        """(doc_id, text, source, title) of documents never annotated (stores made before)."""
        with self._lock:
            done = self._db.execute(
                "SELECT value FROM meta WHERE key = 'statements_pass'"
            ).fetchone()
            if done:
                return []
            return [
                tuple(r)
                for r in self._db.execute(
                    "SELECT doc_id, text, source, title FROM documents WHERE duplicate_of = ''"
                )
            ]

    def replace_statements(
        self, doc_id: str, statements: Sequence[StatementRow], voices: Sequence[VoiceRow] = ()
    ) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM voices WHERE doc_id = ?", (doc_id,))
            db.executemany(
                "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?)",
                [(doc_id, *st.as_tuple()) for st in statements],
            )
            db.executemany(
                "INSERT INTO voices VALUES (?,?,?,?,?,?)",
                [(doc_id, *v.as_tuple()) for v in voices],
            )

    def voices_of(self, doc_ids: Sequence[str]) -> dict[str, list[VoiceRow]]:
        """Who speaks where in these documents, in text order (the answers' attributions)."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = list(
                self._db.execute(
                    f'SELECT doc_id, start, "end", speaker, party_id, kind FROM voices '
                    f"WHERE doc_id IN ({marks}) ORDER BY doc_id, start",
                    ids,
                )
            )
        out: dict[str, list[VoiceRow]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(VoiceRow(r[1], r[2], r[3], r[4], r[5]))
        return out

    def mark_statements_pass(self) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO meta VALUES ('statements_pass', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            )

    def learned_people(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT name, party_id FROM people").fetchall())

    def add_people(self, people: dict[str, str]) -> None:
        if people:
            with self.transaction() as db:
                db.executemany(
                    "INSERT INTO people VALUES (?, ?) ON CONFLICT DO NOTHING", list(people.items())
                )

    def chunk_at(self, doc_id: str, offset: int) -> Passage | None:
        """The chunk of a document that contains a character offset."""
        with self._lock:
            row = self._db.execute(
                'SELECT chunk_id FROM chunks WHERE doc_id = ? AND start <= ? AND "end" > ? ',
                (doc_id, offset, offset),
            ).fetchone()
        if row is None:
            return None
        found = self.passages([(row[0], 1.0)])
        return found[0] if found else None

    def surrounding_sentences(
        self, doc_id: str, start: int, end: int
    ) -> tuple[int, str, tuple[tuple[int, int], ...]]:
        """What a passage may be widened with: the sentence spans (absolute, in order) of the
        document's chunks that overlap [start, end), and the document's text over those chunks
        as (offset, text), text running from the first chunk's start to the last one's end.
        (start, "", ()) when no chunk of the document overlaps.
        """
        with self._lock:
            rows = self._db.execute(
                'SELECT start, "end", spans FROM chunks WHERE doc_id = ? AND "end" > ? '
                "AND start < ? ORDER BY start",
                (doc_id, start, end),
            ).fetchall()
            if not rows:
                return start, "", ()
            lo, hi = min(int(r[0]) for r in rows), max(int(r[1]) for r in rows)
            row = self._db.execute(
                "SELECT substr(text, CAST(? AS INTEGER), CAST(? AS INTEGER)) FROM documents "
                "WHERE doc_id = ?",
                (lo + 1, hi - lo, doc_id),
            ).fetchone()
        if row is None:
            return start, "", ()
        spans = sorted({(int(s), int(e)) for r in rows for s, e in json.loads(r[2])})
        return lo, row[0] or "", tuple(spans)

    def counts(self) -> tuple[int, int]:
        with self._lock:
            docs = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
            chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)

    def passages(self, scored: Sequence[tuple[str, float]]) -> list[Passage]:
        """Hydrate (chunk_id, score) pairs; ids not in the catalog (half-written) are dropped."""
        if not scored:
            return []
        ids = [cid for cid, _ in scored]
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self._db.execute(
                'SELECT c.chunk_id, c.doc_id, c.text, c.start, c."end", c.spans, '
                "d.title, d.source, d.date, d.url FROM chunks c JOIN documents d USING (doc_id) "
                f"WHERE c.chunk_id IN ({marks})",
                ids,
            ).fetchall()
        by_id = {r[0]: r for r in rows}
        out = []
        for cid, score in scored:
            r = by_id.get(cid)
            if r is None:
                continue
            spans = tuple((int(s), int(e)) for s, e in json.loads(r[5]))
            out.append(
                Passage(
                    doc_id=r[1],
                    chunk_id=cid,
                    text=r[2],
                    title=r[6] or "",
                    source=r[7] or "",
                    date=r[8] or "",
                    url=r[9] or "",
                    score=float(score),
                    start=r[3],
                    end=r[4],
                    sentence_spans=spans,
                )
            )
        return out

    # --- lexical ----------------------------------------------------------------------------

    def lexical(
        self, query: str, k: int, doc_ids: Iterable[str] | None = None
    ) -> list[tuple[str, float]]:
        """BM25 over chunk text; returns (chunk_id, score) with higher = better."""
        plan = self._lexical_terms(query)
        if not plan.terms or k <= 0:
            return []
        joiner = " AND " if plan.required else " OR "
        match = joiner.join(f'"{t}"' for t in plan.required or plan.terms)
        inner = "SELECT rowid, -bm25(chunks_fts) AS s FROM chunks_fts WHERE chunks_fts MATCH ?"
        args: list[object] = [match]
        allowed = list(doc_ids) if doc_ids is not None else None
        if allowed is not None:
            if not allowed:
                return []
            inner += (
                " AND rowid IN (SELECT id FROM chunks WHERE doc_id IN "
                f"({','.join('?' * len(allowed))}))"
            )
            args.extend(allowed)
        # A hard bound on the work: at most the budget's worth of matches is scored, the newest
        # first. It cuts only when even the required words together are past the budget.
        sql = (
            f"SELECT rowid, s FROM ({inner} ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY s DESC, rowid DESC LIMIT ?"
        )
        args.extend([self.POSTINGS_BUDGET, k])
        with self._lock:
            hits = self._db.execute(sql, args).fetchall()
            if not hits:
                return []
            marks = ",".join("?" * len(hits))
            ids = dict(
                self._db.execute(
                    f"SELECT id, chunk_id FROM chunks WHERE id IN ({marks})", [h[0] for h in hits]
                ).fetchall()
            )
        return [(ids[r], float(s)) for r, s in hits if r in ids]

    def _lexical_terms(self, query: str) -> LexicalPlan:
        """The query's words worth scoring (see `choose_terms`), with document frequencies from
        FTS5's own vocabulary (the words stemmed as its porter tokenizer stems them).
        """
        words = query_words(query)
        if not words:
            return LexicalPlan([], [])
        with self._lock:
            df = {w: self._document_frequency(w) for w in words}
            total = self._db.execute("SELECT max(id) FROM chunks").fetchone()[0] or 0
        return choose_terms(df, int(total), self.POSTINGS_BUDGET)

    def _document_frequency(self, word: str) -> int:
        """Read from FTS5's vocabulary (which walks the word's postings: ~40 ms for a word in
        850k chunks), then remembered for a few minutes: the budget needs magnitudes, not exact
        counts, and common words recur in question after question.
        """
        now = time.monotonic()
        cached = self._df_cache.get(word)
        if cached and now - cached[0] < DF_CACHE_SECONDS:
            return cached[1]
        row = self._db.execute(
            "SELECT doc FROM chunks_vocab WHERE term = ?", (_porter(word),)
        ).fetchone()
        if len(self._df_cache) > 100_000:
            self._df_cache.clear()
        self._df_cache[word] = (now, int(row[0]) if row else 0)
        return self._df_cache[word][1]

    # --- writes -----------------------------------------------------------------------------

    def begin_pending_many(
        self, doc_ids: Sequence[str], action: str = "add", owner: str = ""
    ) -> None:
        """Journal documents whose vectors are about to be written, with the writer's identity,
        so that another process recovers them only once that writer is gone.
        """
        with self.transaction() as db:
            _set_pending(db, [(d, action) for d in doc_ids], owner)

    def pending(self) -> list[tuple[str, str, str, float]]:
        """(doc_id, action, owner, since) of every journalled document."""
        with self._lock:
            return [
                (r[0], r[1], r[2], float(r[3]))
                for r in self._db.execute("SELECT doc_id, action, owner, since FROM pending")
            ]

    def clear_pending(self, doc_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM pending WHERE doc_id = ?", (doc_id,))

    def commit_document(
        self,
        article: Article,
        chunks: Sequence[Chunk],
        minhash: np.ndarray | None,
        replaces: str | None = None,
        duplicate_of: str = "",
        statements: Sequence[StatementRow] = (),
        owner: str = "",
        voices: Sequence[VoiceRow] = (),
    ) -> bool:
        """Make a document visible (and drop the one it replaces) in a single transaction.

        `statements` are its stance statements and `voices` who speaks where, stored with it so
        the positions matrix and the answers' attributions never re-read the whole store.

        Returns False, changing nothing, when another writer (a process, or a host sharing the
        catalog) committed the same document first: its vectors are the ones just written too.
        """
        with self.transaction() as db:
            return self._commit_one(
                db, article, chunks, minhash, replaces, duplicate_of, statements, owner, voices
            )

    def commit_documents(self, items: Sequence[Commit], owner: str = "") -> list[bool]:
        """`commit_document` for many documents in one transaction (issue 17: 100,000 small
        records made 100,000 transactions): all of them are visible, or none. Each result is
        False when another writer committed that document first.
        """
        with self.transaction() as db:
            return [
                self._commit_one(
                    db,
                    c.article,
                    c.chunks,
                    c.minhash,
                    c.replaces,
                    c.duplicate_of,
                    c.statements,
                    owner,
                    c.voices,
                )
                for c in items
            ]

    def _commit_one(
        self,
        db: Any,
        article: Article,
        chunks: Sequence[Chunk],
        minhash: np.ndarray | None,
        replaces: str | None,
        duplicate_of: str,
        statements: Sequence[StatementRow],
        owner: str,
        voices: Sequence[VoiceRow],
    ) -> bool:
        if db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (article.doc_id,)).fetchone():
            db.execute("DELETE FROM pending WHERE doc_id = ?", (article.doc_id,))
            return False
        if replaces:
            self._delete_rows(db, replaces)
            _set_pending(db, [(replaces, "delete")], owner)
        db.execute(
            "INSERT INTO documents (doc_id, origin, title, source, date, url, language, path, "
            "words, chunks, text, duplicate_of, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.doc_id,
                article.origin,
                article.title,
                article.source,
                article.date,
                article.url,
                article.language,
                article.path,
                len(article.text.split()),
                len(chunks),
                article.text,
                duplicate_of,
                minhash.astype(np.uint64).tobytes() if minhash is not None else None,
            ),
        )
        db.executemany(
            "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?)",
            [(article.doc_id, *st.as_tuple()) for st in statements],
        )
        db.executemany(
            "INSERT INTO voices VALUES (?,?,?,?,?,?)",
            [(article.doc_id, *v.as_tuple()) for v in voices],
        )
        if minhash is not None and not duplicate_of:
            db.executemany(
                "INSERT INTO bands VALUES (?, ?)",
                [(k, article.doc_id) for k in band_keys(minhash.astype(np.uint64))],
            )
        for c in chunks:
            self._insert_chunk(db, c)
        self._after_chunks(db, article.doc_id)
        db.execute("DELETE FROM pending WHERE doc_id = ?", (article.doc_id,))
        _bump(db)
        return True

    def add_alias(self, origin: str, doc_id: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO aliases VALUES (?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET doc_id = excluded.doc_id",
                (origin, doc_id),
            )

    def remove_document(self, doc_id: str, owner: str = "") -> bool:
        """Hide a document at once; its vectors are removed after, under a pending mark."""
        with self.transaction() as db:
            found = db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if not found:
                return False
            self._delete_rows(db, doc_id)
            _set_pending(db, [(doc_id, "delete")], owner)
            _bump(db)
        return True

    # --- corrections, verify and repair ----------------------------------------------------------

    _META_FIELDS = ("title", "source", "date", "url", "language")

    def metadata_differs(self, article: Article) -> bool:
        """Whether a known document's header (title, source, date, url, language) has changed.

        A field the new version leaves empty keeps its stored value: pasting a text again
        without its date, or a header without a url, takes nothing away.
        """
        with self._lock:
            row = self._db.execute(
                "SELECT title, source, date, url, language FROM documents WHERE doc_id = ?",
                (article.doc_id,),
            ).fetchone()
        if row is None:
            return False
        new = [getattr(article, f) or "" for f in self._META_FIELDS]
        return any(n and n != (old or "") for n, old in zip(new, row, strict=True))

    def update_metadata(self, article: Article) -> bool:
        """Store a known document's corrected header (its text is unchanged); True when it
        changed. Empty fields of the new version keep the stored values.
        """
        new = [getattr(article, f) or "" for f in self._META_FIELDS]
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE documents SET title = COALESCE(NULLIF(?, ''), title), "
                "source = COALESCE(NULLIF(?, ''), source), date = COALESCE(NULLIF(?, ''), date), "
                "url = COALESCE(NULLIF(?, ''), url), "
                "language = COALESCE(NULLIF(?, ''), language) WHERE doc_id = ?",
                (*new, article.doc_id),
            )
            changed = bool(cur.rowcount)
            if changed:
                _bump(db)
        return changed

    def document_article(self, doc_id: str) -> Article | None:
        """A stored document as an `Article` (what repair needs to embed its chunks again)."""
        with self._lock:
            row = self._db.execute(
                "SELECT doc_id, text, title, source, date, url, language, path, origin "
                "FROM documents WHERE doc_id = ?",
                (doc_id,),
            ).fetchone()
        return Article(*(r or "" for r in row)) if row else None

    def stored_chunks(self, doc_id: str) -> list[tuple[str, int, str]]:
        """(chunk_id, ordinal, text) of a document's chunks, in order."""
        with self._lock:
            return [
                (r[0], int(r[1]), r[2])
                for r in self._db.execute(
                    "SELECT chunk_id, ordinal, text FROM chunks WHERE doc_id = ? ORDER BY ordinal",
                    (doc_id,),
                )
            ]

    def chunk_ids_of(self, doc_id: str) -> list[str]:
        with self._lock:
            return [
                r[0]
                for r in self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))
            ]

    def chunk_owners(self) -> dict[str, str]:
        """chunk_id -> doc_id of every stored chunk (verify compares these with the vectors)."""
        with self._lock:
            return dict(self._db.execute("SELECT chunk_id, doc_id FROM chunks").fetchall())

    def damage(self) -> list[str]:
        """Problems the database itself reports (SQLite's quick_check), one line each."""
        with self._lock:
            rows = [str(r[0]) for r in self._db.execute("PRAGMA quick_check").fetchall()]
        return [] if rows == ["ok"] else rows

    def lexical_count(self) -> int:
        """Entries of the full-text index (one per chunk when it is whole)."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM chunks_fts").fetchone()[0])

    def lexical_missing(self, limit: int = 5) -> list[str]:
        """Chunks the full-text index cannot find by their own words (a spot read)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT c.chunk_id FROM chunks c LEFT JOIN chunks_fts f ON f.rowid = c.id "
                "WHERE f.rowid IS NULL LIMIT ?",
                (limit,),
            ).fetchall()
        return [r[0] for r in rows]

    def rebuild_lexical(self) -> None:
        """Rebuild the full-text index from the stored chunks."""
        with self.transaction() as db:
            db.execute("DELETE FROM chunks_fts")
            db.execute("INSERT INTO chunks_fts (rowid, text) SELECT id, text FROM chunks")
            db.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('optimize')")
        self._df_cache.clear()

    # --- what differs between SQLite and PostgreSQL -------------------------------------------

    def _insert_chunk(self, db: Any, c: Chunk) -> None:
        cur = db.execute(
            'INSERT INTO chunks (chunk_id, doc_id, ordinal, start, "end", spans, text) '
            "VALUES (?,?,?,?,?,?,?)",
            (c.chunk_id, c.doc_id, c.ordinal, c.start, c.end, _spans(c), c.text),
        )
        db.execute("INSERT INTO chunks_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, c.text))

    def _after_chunks(self, db: Any, doc_id: str) -> None:
        """FTS5 keeps its own vocabulary; PostgreSQL's catalog counts lexemes here."""

    def _delete_rows(self, db: Any, doc_id: str) -> None:
        db.execute(
            "DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE doc_id = ?)",
            (doc_id,),
        )
        _delete_document_rows(db, doc_id)


def _parts(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), IN_LIST):
        yield values[i : i + IN_LIST]


def _spans(c: Chunk) -> str:
    return json.dumps([list(s) for s in c.sentence_spans])


def _set_pending(db: Any, rows: Sequence[tuple[str, str]], owner: str) -> None:
    now = time.time()
    db.executemany(
        "INSERT INTO pending (doc_id, action, owner, since) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (doc_id) DO UPDATE SET action = excluded.action, owner = excluded.owner, "
        "since = excluded.since",
        [(d, a, owner, now) for d, a in rows],
    )


def _bump(db: Any) -> None:
    db.execute(
        "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
    )


def _delete_document_rows(db: Any, doc_id: str) -> None:
    db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM bands WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM voices WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM aliases WHERE doc_id = ?", (doc_id,))
    # Near-duplicates are only links to it: they go with it (re-ingesting them indexes them).
    db.execute("DELETE FROM documents WHERE duplicate_of = ?", (doc_id,))
