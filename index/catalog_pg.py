"""The catalog and lexical index in PostgreSQL, for several app hosts serving one store.

In server mode the vectors live in a Chroma server every host reaches; the catalog (which
documents exist, their chunks, the lexical index, the positions) must be just as shared, or a
document ingested on one host would be invisible, or half-visible, on another. SQLite cannot be
shared across machines safely, so this is the same catalog on PostgreSQL:

- the lexical index is a stored `tsvector` column on the chunks with a GIN index, ranked with
  `ts_rank` (the same transaction that makes a document visible makes it searchable);
- document frequencies per lexeme are kept in a table updated in the same transactions, so a
  query scores only its rarer words (`choose_terms`) instead of every chunk holding a common one;
- writers are serialised by a transaction-scoped advisory lock, as SQLite's `BEGIN IMMEDIATE`
  serialises them on one host;
- each store gets its own schema, so one database can hold several.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from index import migrations
from index.catalog import Catalog, _delete_document_rows, _spans, choose_terms, query_words


class _Connection:
    """The slice of sqlite3's connection interface the catalog uses, over psycopg.

    The catalog's SQL is written with `?` placeholders; here they become psycopg's `%s`.
    """

    def __init__(self, url: str) -> None:
        import psycopg

        self._conn = psycopg.connect(url, autocommit=True)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), list(args) or None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [list(r) for r in rows]
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    def close(self) -> None:
        self._conn.close()


def _tsquery(lexemes: list[str], op: str) -> str:
    return op.join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in lexemes)


class PgCatalog(Catalog):
    _BEGIN = "BEGIN"
    _DIALECT: migrations.Dialect = "postgresql"
    POSTINGS_BUDGET = 15_000  # ts_rank reads each matching row's tsvector: ~4 µs a row

    def __init__(self, url: str, schema: str = "briefing") -> None:
        self._schema = re.sub(r"[^a-z0-9_]", "_", schema.lower())[:60] or "briefing"
        self._url = url
        self._db = _Connection(url)
        self._lock = threading.RLock()
        with self.transaction() as db:
            db.execute(f'CREATE SCHEMA IF NOT EXISTS "{self._schema}"')
            db.execute(f'SET search_path TO "{self._schema}"')
            found = migrations.migrate(db, self._DIALECT)  # the schema: index/migrations.py
        self._db.execute(f'SET search_path TO "{self._schema}"')
        self._refuse_newer(found)

    @property
    def location(self) -> str:
        return f"PostgreSQL schema {self._schema}"

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """BEGIN ... COMMIT with the store's advisory lock, so writers on every host take turns."""
        with self._lock:
            db: _Connection = self._db
            db.execute("BEGIN")
            db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (self._schema,))
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def lexical(
        self, query: str, k: int, doc_ids: Iterable[str] | None = None
    ) -> list[tuple[str, float]]:
        words = query_words(query)
        if not words or k <= 0:
            return []
        allowed = list(doc_ids) if doc_ids is not None else None
        if allowed is not None and not allowed:
            return []
        with self._lock:
            # The query's lexemes as PostgreSQL stems them, with their document frequencies.
            df = dict(
                self._db.execute(
                    "SELECT q.term, COALESCE(l.df, 0) FROM unnest(tsvector_to_array("
                    "to_tsvector('english', ?))) AS q(term) LEFT JOIN lexemes l ON l.term = q.term",
                    (" ".join(words),),
                ).fetchall()
            )
            total = self._db.execute("SELECT max(id) FROM chunks").fetchone()[0] or 0
        plan = choose_terms(df, int(total), self.POSTINGS_BUDGET)
        if not plan.terms:
            return []

        # The matches are read in a subquery capped at the budget, so the work is bounded even
        # when the required words together are past it (ts_rank reads each row's tsvector).
        inner = "SELECT id, chunk_id, tsv FROM chunks WHERE tsv @@ CAST(? AS tsquery)"
        args: list[object] = [
            _tsquery(plan.required or plan.terms, " & " if plan.required else " | ")
        ]
        if allowed is not None:
            inner += f" AND doc_id IN ({','.join('?' * len(allowed))})"
            args.extend(allowed)
        sql = (
            f"SELECT chunk_id, ts_rank(tsv, CAST(? AS tsquery)) AS r FROM ({inner} LIMIT ?) m "
            "ORDER BY r DESC, id LIMIT ?"
        )
        args = [_tsquery(plan.terms, " | "), *args, self.POSTINGS_BUDGET, k]
        with self._lock:
            return [(r[0], float(r[1])) for r in self._db.execute(sql, args).fetchall()]

    def _insert_chunk(self, db: Any, c: Any) -> None:
        db.execute(
            'INSERT INTO chunks (chunk_id, doc_id, ordinal, start, "end", spans, text) '
            "VALUES (?,?,?,?,?,?,?)",
            (c.chunk_id, c.doc_id, c.ordinal, c.start, c.end, _spans(c), c.text),
        )

    def _after_chunks(self, db: Any, doc_id: str) -> None:
        db.execute(
            "INSERT INTO lexemes (term, df) SELECT u.lexeme, count(*) FROM chunks c, "
            "unnest(c.tsv) u WHERE c.doc_id = ? GROUP BY u.lexeme "
            "ON CONFLICT (term) DO UPDATE SET df = lexemes.df + excluded.df",
            (doc_id,),
        )

    def _delete_rows(self, db: Any, doc_id: str) -> None:
        db.execute(
            "UPDATE lexemes l SET df = l.df - c.n FROM (SELECT u.lexeme, count(*) AS n FROM "
            "chunks ch, unnest(ch.tsv) u WHERE ch.doc_id = ? GROUP BY u.lexeme) c "
            "WHERE l.term = c.lexeme",
            (doc_id,),
        )
        _delete_document_rows(db, doc_id)

    # The lexical index is a generated column: whole by construction; its lexeme counts are not.

    def damage(self) -> list[str]:
        return []  # PostgreSQL checks its own pages; a damaged server refuses to answer at all

    def lexical_count(self) -> int:
        with self._lock:
            return int(
                self._db.execute("SELECT count(*) FROM chunks WHERE tsv IS NOT NULL").fetchone()[0]
            )

    def lexical_missing(self, limit: int = 5) -> list[str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT chunk_id FROM chunks WHERE tsv IS NULL LIMIT ?", (limit,)
            ).fetchall()
        return [r[0] for r in rows]

    def rebuild_lexical(self) -> None:
        """Recount the lexemes' document frequencies from the chunks."""
        with self.transaction() as db:
            db.execute("DELETE FROM lexemes")
            db.execute(
                "INSERT INTO lexemes (term, df) SELECT u.lexeme, count(*) FROM chunks c, "
                "unnest(c.tsv) u GROUP BY u.lexeme"
            )

    def drop(self) -> None:
        """Remove this store's schema (tests and benchmarks clean up with it)."""
        with self._lock:
            self._db.execute(f'DROP SCHEMA IF EXISTS "{self._schema}" CASCADE')
