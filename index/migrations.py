"""The catalog's schema, written once for SQLite and PostgreSQL, as numbered migrations.

A store records in its `meta` table the number of the last migration applied to it
(`schema_migration`); opening a catalog applies the ones after it, in order, in one transaction
(`migrate`), and stamps `schema_version` with the same number, which every release compares with
its own (release 0.1.0 refuses a store stamped with any version but 1, so an upgraded store is
never written by code that does not know its schema).

To change the schema, append one `Migration` to `MIGRATIONS` with the next number; never edit
one that has shipped. Its steps run in order:

- `both(sql)`: statements for both databases, separated by `;` (so no `;` inside a statement, and
  no `?`: the PostgreSQL connection turns `?` into a placeholder). Where the two spell a type
  differently, write a `{name}` from `TYPES` (`{rowid}`, `{bytes}`, `{real}`, `{timestamp}`,
  `{bigint}`), or add one there.
- `sqlite(sql)` / `postgresql(sql)`: what exists in one database only (FTS5 tables in SQLite;
  the tsvector column, GIN index and lexeme counts in PostgreSQL).
- `python(fn)`: a function of the open connection, for what SQL alone cannot say (`fn` sees the
  connection with the dialect as `fn(db, dialect)`).

Migration 1 is the schema of release 0.1.0, complete (it also takes in what that release added at
open: the pending entries' owner columns and PostgreSQL's lexeme counts). Stores made before
migrations were recorded hold no `schema_migration` and are at version 0: migration 1 is written so
that it also completes such a store without touching its rows (every statement `IF NOT EXISTS`,
the rest conditional). Later migrations run on stores at exactly the version before theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

Dialect = Literal["sqlite", "postgresql"]

# Spellings that differ between the two databases, substituted into `{name}` in a step's SQL.
TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {
        "rowid": "INTEGER PRIMARY KEY",  # SQLite's rowid alias: FTS5 rows share its numbers
        "bytes": "BLOB",
        "real": "REAL",
        "timestamp": "TEXT",
        "bigint": "INTEGER",
    },
    "postgresql": {
        "rowid": "BIGSERIAL PRIMARY KEY",
        "bytes": "BYTEA",
        "real": "DOUBLE PRECISION",
        "timestamp": "TIMESTAMPTZ",
        "bigint": "BIGINT",
    },
}


@dataclass(frozen=True)
class Step:
    """SQL (or a function of the connection) run in one dialect, or in both when `only` is None."""

    action: str | Callable[[Any, Dialect], None]
    only: Dialect | None = None

    def run(self, db: Any, dialect: Dialect) -> None:
        if self.only is not None and self.only != dialect:
            return
        if callable(self.action):
            self.action(db, dialect)
            return
        for statement in self.action.format_map(TYPES[dialect]).split(";"):
            if statement.strip():
                db.execute(statement)


class Migration(NamedTuple):
    version: int
    description: str
    steps: tuple[Step, ...]


def both(sql: str) -> Step:
    return Step(sql)


def sqlite(sql: str) -> Step:
    return Step(sql, "sqlite")


def postgresql(sql: str) -> Step:
    return Step(sql, "postgresql")


def python(fn: Callable[[Any, Dialect], None], only: Dialect | None = None) -> Step:
    return Step(fn, only)


def _pending_owner(db: Any, dialect: Dialect) -> None:
    """Stores made before pending entries had an owner (SQLite has no ADD COLUMN IF NOT EXISTS)."""
    columns = {r[1] for r in db.execute("PRAGMA table_info(pending)")}
    if "owner" not in columns:
        db.execute("ALTER TABLE pending ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
    if "since" not in columns:
        db.execute("ALTER TABLE pending ADD COLUMN since REAL NOT NULL DEFAULT 0")


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "the schema of release 0.1.0, one definition for both databases",
        (
            both(
                """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, origin TEXT NOT NULL, title TEXT, source TEXT, date TEXT,
    url TEXT, language TEXT, path TEXT, words INTEGER, chunks INTEGER, text TEXT NOT NULL,
    duplicate_of TEXT NOT NULL DEFAULT '', minhash {bytes},
    added_at {timestamp} DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin);
CREATE INDEX IF NOT EXISTS documents_duplicate ON documents(duplicate_of);
CREATE TABLE IF NOT EXISTS aliases (origin TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id {rowid}, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, spans TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS pending (
    doc_id TEXT PRIMARY KEY, action TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',
    since {real} NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS statements (
    doc_id TEXT NOT NULL, party_id TEXT NOT NULL, stance TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, about TEXT, speaker TEXT, voice TEXT
);
CREATE INDEX IF NOT EXISTS statements_party ON statements(party_id, stance);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id);
CREATE TABLE IF NOT EXISTS people (name TEXT PRIMARY KEY, party_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bands (key {bigint} NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);
CREATE INDEX IF NOT EXISTS bands_doc ON bands(doc_id)
"""
            ),
            python(_pending_owner, only="sqlite"),
            # The lexical index. SQLite: FTS5, its rowids the chunks' ids, and its vocabulary.
            sqlite(
                """
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(text, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'row')
"""
            ),
            # PostgreSQL: a stored tsvector with a GIN index, and the lexemes' document
            # frequencies (counted once for stores made before they were kept: the 'lexemes' flag,
            # still set because release 0.1.0 recounts every open where it is missing).
            postgresql(
                """
ALTER TABLE chunks ADD COLUMN IF NOT EXISTS
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX IF NOT EXISTS chunks_tsv ON chunks USING GIN (tsv);
CREATE TABLE IF NOT EXISTS lexemes (term TEXT PRIMARY KEY, df BIGINT NOT NULL);
DELETE FROM lexemes WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'lexemes');
INSERT INTO lexemes (term, df) SELECT u.lexeme, count(*) FROM chunks c, unnest(c.tsv) u
    WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'lexemes') GROUP BY u.lexeme;
INSERT INTO meta VALUES ('lexemes', '1') ON CONFLICT (key) DO NOTHING
"""
            ),
        ),
    ),
    Migration(
        2,
        "followed feeds (index/feeds.py) and saved conversations (assistant/conversations.py)",
        (
            both(
                """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', last_read TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '', last_added INTEGER NOT NULL DEFAULT 0,
    total_added INTEGER NOT NULL DEFAULT 0, etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS conversations (
    conversation_id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL,
    created TEXT NOT NULL, updated TEXT NOT NULL, turns TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations(owner, updated)
"""
            ),
        ),
    ),
    Migration(
        3,
        "who is speaking: per-sentence voices from the language layer (assistant/voices.py)",
        (
            both(
                """
CREATE TABLE IF NOT EXISTS voices (
    doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker TEXT NOT NULL DEFAULT '', party_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS voices_doc ON voices(doc_id, start);
DELETE FROM meta WHERE key = 'statements_pass'
"""
            ),
        ),
    ),
]


def latest() -> int:
    """The version a store has once every migration is applied."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def version(db: Any, dialect: Dialect) -> int:
    """The last migration applied to the store behind `db` (0: none recorded, or no store yet)."""
    if dialect == "sqlite":
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
    else:  # the store's schema is first on the search path
        found = db.execute("SELECT to_regclass('meta')").fetchone()[0]
    if not found:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_migration'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: Any, dialect: Dialect) -> int:
    """Apply the migrations the store lacks, in order, on `db`, which the caller holds in one
    write transaction (so a failed step leaves the store as it was). Returns the version found;
    nothing is applied when it is newer than this code's (the caller refuses the store).
    """
    found = version(db, dialect)
    if found >= latest():
        return found
    for migration in MIGRATIONS:
        if migration.version > found:
            for step in migration.steps:
                step.run(db, dialect)
    for key in ("schema_migration", "schema_version"):
        db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, str(latest())),
        )
    return found


def check_sequence(migrations: list[Migration] | None = None) -> None:
    """Versions must run 1, 2, 3... (a gap or a repeat is a merge gone wrong)."""
    numbers = [m.version for m in (MIGRATIONS if migrations is None else migrations)]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"migration versions must be 1..n in order, not {numbers}")


check_sequence()
