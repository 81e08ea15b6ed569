"""Stores made by release 0.1.0 open with the migrating catalog, upgraded with nothing lost.

Each store is built as release 0.1.0 built it: its schema SQL copied here verbatim (SQLite and
PostgreSQL, as index/catalog.py and index/catalog_pg.py wrote them), and a document committed
with the statements 0.1.0's `commit_document` ran. The new code must then find the document, its
chunks, lexical search, statements, people, aliases, near-duplicate bands and journal intact, with
the store at the latest schema version; and a fresh store must have the same schema as an upgraded
one (the two databases used to drift).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import migrations
from index.catalog import Catalog, StoreMismatch
from index.dedup import band_keys
from index.types import Article, Chunk, StatementRow

# --- release 0.1.0, verbatim ---------------------------------------------------------------

RELEASE_0_1_0_SQLITE = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, origin TEXT NOT NULL, title TEXT, source TEXT, date TEXT,
    url TEXT, language TEXT, path TEXT, words INTEGER, chunks INTEGER, text TEXT NOT NULL,
    duplicate_of TEXT NOT NULL DEFAULT '', minhash BLOB, added_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin);
CREATE TABLE IF NOT EXISTS aliases (origin TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, spans TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(text, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'row');
CREATE TABLE IF NOT EXISTS pending (
    doc_id TEXT PRIMARY KEY, action TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',
    since REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS statements (
    doc_id TEXT NOT NULL, party_id TEXT NOT NULL, stance TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, about TEXT, speaker TEXT, voice TEXT
);
CREATE INDEX IF NOT EXISTS statements_party ON statements(party_id, stance);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id);
CREATE TABLE IF NOT EXISTS people (name TEXT PRIMARY KEY, party_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);
CREATE INDEX IF NOT EXISTS bands_doc ON bands(doc_id);
"""

RELEASE_0_1_0_PG = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, origin TEXT NOT NULL, title TEXT, source TEXT, date TEXT,
    url TEXT, language TEXT, path TEXT, words INTEGER, chunks INTEGER, text TEXT NOT NULL,
    duplicate_of TEXT NOT NULL DEFAULT '', minhash BYTEA,
    added_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin);
CREATE INDEX IF NOT EXISTS documents_duplicate ON documents(duplicate_of);
CREATE TABLE IF NOT EXISTS aliases (origin TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id BIGSERIAL PRIMARY KEY, chunk_id TEXT UNIQUE NOT NULL, doc_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, spans TEXT NOT NULL,
    text TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE INDEX IF NOT EXISTS chunks_tsv ON chunks USING GIN (tsv);
CREATE TABLE IF NOT EXISTS pending (
    doc_id TEXT PRIMARY KEY, action TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',
    since DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS statements (
    doc_id TEXT NOT NULL, party_id TEXT NOT NULL, stance TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, about TEXT, speaker TEXT, voice TEXT
);
CREATE INDEX IF NOT EXISTS statements_party ON statements(party_id, stance);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id);
CREATE TABLE IF NOT EXISTS people (name TEXT PRIMARY KEY, party_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lexemes (term TEXT PRIMARY KEY, df BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS bands (key BIGINT NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);
CREATE INDEX IF NOT EXISTS bands_doc ON bands(doc_id);
"""

EMBEDDER = "hash-64@fp32"
HARBOR = (
    "Dockworkers at Harbor City ended a nine-day strike. The union accepted a seven "
    "percent pay rise after talks with the port authority."
)
SIG = np.arange(128, dtype=np.uint64) * 7919
STATEMENT = StatementRow("union", "demands", 0, 20, "pay", "Ann Lee", "own")


def _article() -> Article:
    return Article(
        doc_id="d1",
        text=HARBOR,
        title="Strike ends",
        source="Wire",
        date="2024-03-01",
        url="https://wire.example/strike",
        language="en",
        path="/news/strike.txt",
        origin="file:/news/strike.txt",
    )


def _chunks(a: Article, size: int = 60) -> list[Chunk]:
    out, start, n = [], 0, 0
    while start < len(a.text):
        end = min(len(a.text), start + size)
        out.append(
            Chunk(f"{a.doc_id}:{n}", a.doc_id, n, a.text[start:end], start, end, ((start, end),))
        )
        start, n = end, n + 1
    return out


def _commit_as_release_0_1_0(db: Any, dialect: str) -> None:
    """What 0.1.0's open, check_compatible, commit_document, add_alias, add_people,
    mark_statements_pass and begin_pending_many wrote, statement for statement (`?` marks).
    """
    a, chunks = _article(), _chunks(_article())
    db.execute("INSERT INTO meta VALUES (?, ?)", ("schema_version", "1"))
    db.execute("INSERT INTO meta VALUES (?, ?)", ("embedder", EMBEDDER))
    db.execute(
        "INSERT INTO documents (doc_id, origin, title, source, date, url, language, path, "
        "words, chunks, text, duplicate_of, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            a.doc_id,
            a.origin,
            a.title,
            a.source,
            a.date,
            a.url,
            a.language,
            a.path,
            len(a.text.split()),
            len(chunks),
            a.text,
            "",
            SIG.tobytes(),
        ),
    )
    db.execute("INSERT INTO statements VALUES (?,?,?,?,?,?,?,?)", (a.doc_id, *STATEMENT.as_tuple()))
    for k in band_keys(SIG):
        db.execute("INSERT INTO bands VALUES (?, ?)", (k, a.doc_id))
    for c in chunks:
        spans = json.dumps([list(s) for s in c.sentence_spans])
        row = (c.chunk_id, c.doc_id, c.ordinal, c.start, c.end, spans, c.text)
        sql = 'INSERT INTO chunks (chunk_id, doc_id, ordinal, start, "end", spans, text) '
        if dialect == "sqlite":
            cur = db.execute(sql + "VALUES (?,?,?,?,?,?,?)", row)
            db.execute(
                "INSERT INTO chunks_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, c.text)
            )
        else:
            db.execute(sql + "VALUES (?,?,?,?,?,?,?)", row)
    if dialect == "postgresql":
        db.execute(
            "INSERT INTO lexemes (term, df) SELECT u.lexeme, count(*) FROM chunks c, "
            "unnest(c.tsv) u WHERE c.doc_id = ? GROUP BY u.lexeme "
            "ON CONFLICT (term) DO UPDATE SET df = lexemes.df + excluded.df",
            (a.doc_id,),
        )
    db.execute("INSERT INTO meta VALUES ('generation', '1')")
    db.execute("INSERT INTO meta VALUES ('statements_pass', '1')")
    db.execute("INSERT INTO aliases VALUES (?, ?)", ("file:/copy/strike.txt", a.doc_id))
    db.execute("INSERT INTO people VALUES (?, ?)", ("Ann Lee", "union"))
    db.execute(
        "INSERT INTO pending (doc_id, action, owner, since) VALUES (?, ?, ?, ?)",
        ("gone", "delete", "host-a:42", 1700000000.5),
    )


# --- the two databases ---------------------------------------------------------------------


class _Pg:
    """A psycopg connection on one store's schema, with the catalog's `?` placeholders."""

    def __init__(self, url: str, schema: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)
        self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        self.conn.execute(f'SET search_path TO "{schema}"')

    def execute(self, sql: str, args: Any = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), list(args) or None)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """How to build a store as 0.1.0 did, open it with the new code, and read its schema."""
    if request.param == "sqlite":
        path = tmp_path / "catalog.sqlite3"

        def raw() -> Any:
            return sqlite3.connect(str(path), isolation_level=None)

        def build(schema: str = RELEASE_0_1_0_SQLITE) -> None:
            db = raw()
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(schema)
            _commit_as_release_0_1_0(db, "sqlite")
            db.close()

        def shape(db: Any) -> dict[str, Any]:
            names = db.execute(
                "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'chunks_fts_%'"
            ).fetchall()
            tables = [n for t, n, _ in names if t == "table"]
            columns = {
                t: [
                    (r[1], r[2].upper(), r[3], r[4], r[5])
                    for r in db.execute(f"PRAGMA table_info({t})")
                ]
                for t in tables
            }
            return {"objects": sorted(names), "columns": columns}

        yield {
            "dialect": "sqlite",
            "build": build,
            "open": lambda: Catalog(path),
            "raw": raw,
            "shape": shape,
            "fresh": lambda: Catalog(tmp_path / "fresh" / "catalog.sqlite3"),
            "fresh_raw": lambda: sqlite3.connect(str(tmp_path / "fresh" / "catalog.sqlite3")),
        }
        return

    from index.catalog_pg import PgCatalog

    url = request.getfixturevalue("pg_url")
    schema, fresh = f"m_{uuid.uuid4().hex[:10]}", f"f_{uuid.uuid4().hex[:10]}"
    connections: list[_Pg] = []

    def pg(name: str) -> _Pg:
        connections.append(_Pg(url, name))
        return connections[-1]

    def build_pg(ddl: str = RELEASE_0_1_0_PG) -> None:
        db = pg(schema)
        db.execute("BEGIN")
        for statement in filter(str.strip, ddl.split(";")):
            db.execute(statement)
        _commit_as_release_0_1_0(db, "postgresql")
        db.execute("INSERT INTO meta VALUES ('lexemes', '1')")  # 0.1.0 counted at its open
        db.execute("COMMIT")

    def shape_pg(db: _Pg) -> dict[str, Any]:
        columns = db.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default, "
            "generation_expression FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ).fetchall()
        indexes = db.execute(
            "SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '') "
            "FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
        ).fetchall()
        # a serial's default names its sequence, which names the schema
        columns = [
            tuple(
                str(v)
                .replace(f'"{schema}".', "")
                .replace(f'"{fresh}".', "")
                .replace(f"{schema}.", "")
                .replace(f"{fresh}.", "")
                for v in c
            )
            for c in columns
        ]
        return {"columns": columns, "indexes": indexes}

    yield {
        "dialect": "postgresql",
        "build": build_pg,
        "open": lambda: PgCatalog(url, schema=schema),
        "raw": lambda: pg(schema),
        "shape": shape_pg,
        "fresh": lambda: PgCatalog(url, schema=fresh),
        "fresh_raw": lambda: pg(fresh),
    }
    for c in connections:
        c.conn.close()
    admin = _Pg(url, "public")
    for name in (schema, fresh):
        admin.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    admin.conn.close()


def _meta(db: Any) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta").fetchall())


# --- the tests -----------------------------------------------------------------------------


def test_a_release_0_1_0_store_is_upgraded_with_nothing_lost(backend: dict[str, Any]) -> None:
    backend["build"]()
    catalog = backend["open"]()
    try:
        latest = migrations.latest()
        meta = _meta(backend["raw"]())
        assert meta["schema_migration"] == meta["schema_version"] == str(latest)
        # migration 3 clears the annotation pass: the next open reads the voices of old documents
        assert meta["embedder"] == EMBEDDER and "statements_pass" not in meta
        catalog.check_compatible(EMBEDDER)  # the model check still passes, nothing refused

        a, chunks = _article(), _chunks(_article())
        [doc] = catalog.documents()
        assert (doc.doc_id, doc.title, doc.source, doc.date, doc.url) == (
            "d1",
            a.title,
            a.source,
            a.date,
            a.url,
        )
        assert doc.chunks == len(chunks) and catalog.document_text("d1") == HARBOR
        assert catalog.counts() == (1, len(chunks)) and catalog.generation() == 1
        assert catalog.doc_for_origin(a.origin) == "d1"
        assert catalog.doc_for_origin("file:/copy/strike.txt") == "d1"

        hits = catalog.lexical("strike at the harbor", k=5)
        assert hits and hits[0][0] == "d1:0"
        [p] = catalog.passages(hits[:1])
        assert p.text == chunks[0].text and p.sentence_spans == ((0, 60),)
        assert catalog.chunk_at("d1", 70).chunk_id == "d1:1"  # type: ignore[union-attr]

        [st] = catalog.statement_rows(party_id="union")
        assert st.row == STATEMENT and st.sentence == HARBOR[:20] and st.title == a.title
        assert [r[0] for r in catalog.documents_without_statements_pass()] == ["d1"]
        assert catalog.voices_of(["d1"]) == {}  # until the annotator's backfill reads them
        assert catalog.learned_people() == {"Ann Lee": "union"}
        ids, sigs = catalog.minhashes(band_keys(SIG))
        assert ids == ["d1"] and np.array_equal(sigs[0], SIG)
        assert catalog.pending() == [("gone", "delete", "host-a:42", 1700000000.5)]

        # and it takes new documents, searchable beside the old one
        b = Article(
            doc_id="d2", text="Farmers protested new water quotas.", title="Farm", origin="file:b"
        )
        assert catalog.commit_document(b, _chunks(b), None)
        assert catalog.lexical("water quotas", k=5)[0][0] == "d2:0"
        assert catalog.lexical("dockworkers", k=5)[0][0] == "d1:0"
        assert catalog.remove_document("d1")
        assert catalog.lexical("dockworkers", k=5) == [] and catalog.counts() == (1, 1)
    finally:
        catalog.close()


def test_an_upgraded_store_has_the_schema_of_a_new_one(backend: dict[str, Any]) -> None:
    backend["build"]()
    backend["open"]().close()
    backend["fresh"]().close()
    upgraded = backend["shape"](backend["raw"]())
    assert len(upgraded["columns"]) >= 8  # the tables are there (the check reads something)
    assert upgraded == backend["shape"](backend["fresh_raw"]())


def test_an_upgraded_store_opens_without_migrating_again(
    backend: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    backend["build"]()
    backend["open"]().close()

    def fail(*_: object) -> None:
        raise AssertionError("a store at the latest version was migrated again")

    monkeypatch.setattr(migrations.Step, "run", fail)
    catalog = backend["open"]()
    assert catalog.counts()[0] == 1
    catalog.close()


def test_appending_a_migration_upgrades_stores_in_one_transaction(
    backend: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    backend["build"]()
    backend["open"]().close()
    latest = migrations.latest()

    def broken(db: Any, dialect: str) -> None:
        raise RuntimeError("half-way")

    step = migrations.both("ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    failing = migrations.Migration(
        latest + 1, "a note, then a failure", (step, migrations.python(broken))
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, failing])
    with pytest.raises(RuntimeError, match="half-way"):
        backend["open"]()
    assert _meta(backend["raw"]())["schema_migration"] == str(latest)  # nothing applied
    with pytest.raises(Exception):  # noqa: B017 - the column was rolled back with the rest
        backend["raw"]().execute("SELECT note FROM documents").fetchall()

    working = migrations.Migration(latest + 1, "a note on each document", (step,))
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:-1], working])
    catalog = backend["open"]()
    try:
        meta = _meta(backend["raw"]())
        assert meta["schema_migration"] == meta["schema_version"] == str(latest + 1)
        assert backend["raw"]().execute("SELECT doc_id, note FROM documents").fetchall() == [
            ("d1", "")
        ]
        catalog.check_compatible(EMBEDDER)
        assert catalog.lexical("dockworkers", k=5)[0][0] == "d1:0"
    finally:
        catalog.close()


def test_a_store_from_a_newer_release_is_refused(backend: dict[str, Any]) -> None:
    backend["build"]()
    backend["open"]().close()
    db = backend["raw"]()
    newer = str(migrations.latest() + 1)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_migration'", (newer,))
    with pytest.raises(StoreMismatch, match="newer than this release"):
        backend["open"]()


def test_a_sqlite_store_older_than_pending_owners_is_completed(tmp_path: Path) -> None:
    """Stores made before pending entries had an owner still said schema version 1."""
    path = tmp_path / "catalog.sqlite3"
    db = sqlite3.connect(str(path), isolation_level=None)
    db.executescript(
        RELEASE_0_1_0_SQLITE.replace(
            "action TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',\n    since REAL NOT NULL DEFAULT 0",
            "action TEXT NOT NULL",
        )
    )
    db.execute("INSERT INTO pending VALUES ('d9', 'add')")
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.close()
    catalog = Catalog(path)
    assert catalog.pending() == [("d9", "add", "", 0.0)]
    catalog.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_postgresql_store_older_than_lexeme_counts_is_counted(backend: dict[str, Any]) -> None:
    backend["build"]()
    db = backend["raw"]()
    db.execute("DELETE FROM lexemes")
    db.execute("DELETE FROM meta WHERE key = 'lexemes'")
    backend["open"]().close()
    counted = dict(db.execute("SELECT term, df FROM lexemes").fetchall())
    expected = dict(
        db.execute(
            "SELECT u.lexeme, count(*) FROM chunks c, unnest(c.tsv) u GROUP BY u.lexeme"
        ).fetchall()
    )
    assert counted == expected and counted["strike"] == 1


def test_migration_versions_run_one_to_n() -> None:
    migrations.check_sequence()
    assert migrations.MIGRATIONS[0].version == 1
    with pytest.raises(ValueError):
        migrations.check_sequence([*migrations.MIGRATIONS, *migrations.MIGRATIONS])
