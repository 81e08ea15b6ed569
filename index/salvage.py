"""Salvage a damaged SQLite catalog (issue 17): copy every row that can still be read into a new
catalog at the same place, and keep the damaged file beside it.

SQLite reports a damaged page only when a query reaches it, so each table is read by ranges of
rowids, halved around a failing range until the unreadable rows are fenced off. A document is
kept only whole (its row and every one of its chunks): a half-read document would be visible
with passages missing. The keyword index is rebuilt from the chunks; the vectors of what was
lost become strays that `repair` removes, and what was kept gets its vectors back the same way.
Re-ingesting the sources then adds what was lost.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from index.catalog import Catalog
from index.errors import StoreDamaged

# Not copied: the keyword index (rebuilt from the chunks) and the schema's own version (the new
# catalog has the current one).
_SKIP = ("chunks_fts", "chunks_vocab", "sqlite_", "lexemes")


@dataclass
class Salvaged:
    kept: int  # documents readable and whole
    lost: int  # documents read in part (dropped); documents unreadable altogether go uncounted
    damaged_copy: str  # where the damaged file now is

    def __str__(self) -> str:
        return (
            f"salvaged {self.kept} whole documents from the damaged catalog ({self.lost} more "
            "were read only in part and dropped; ingest the sources again to add what is "
            f"missing); the damaged file is kept as {self.damaged_copy}"
        )


def salvage_catalog(path: Path) -> Salvaged:
    """Replace the damaged catalog at `path` by a new one holding every whole document that can
    still be read. Raises StoreDamaged, changing nothing, when no document can be read at all.
    """
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        tables = _tables(src)
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(path, exc) from None
    rows = {t: list(_read(src, t, cols)) for t, cols in tables.items()}
    src.close()
    if not rows.get("documents"):
        raise StoreDamaged(path, "no document could be read from it")
    for suffix in ("", "-wal", "-shm"):  # the journal belongs to the damaged file
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    catalog = Catalog(path)
    try:
        kept, lost = _copy(catalog, tables, rows)
        catalog.rebuild_lexical()
    finally:
        catalog.close()
    return Salvaged(kept, lost, str(aside))


def _tables(src: sqlite3.Connection) -> dict[str, list[str]]:
    names = [
        r[0]
        for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        if not r[0].startswith(_SKIP)
    ]
    out = {}
    for name in names:
        try:
            out[name] = [r[1] for r in src.execute(f'PRAGMA table_info("{name}")').fetchall()]
        except sqlite3.DatabaseError:
            continue
    return out


def _read(src: sqlite3.Connection, table: str, cols: list[str]) -> Iterator[tuple[object, ...]]:
    """The readable rows of a table (rowid first), fencing off the unreadable ones."""
    select = ", ".join(f'"{c}"' for c in cols)
    try:
        lo, hi = src.execute(f'SELECT min(rowid), max(rowid) FROM "{table}"').fetchone()
    except sqlite3.DatabaseError:
        return
    if lo is None:
        return
    todo = [(int(lo), int(hi))]
    while todo:
        a, b = todo.pop()
        try:
            yield from src.execute(
                f'SELECT rowid, {select} FROM "{table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid',
                (a, b),
            ).fetchall()
        except sqlite3.DatabaseError:
            if a < b:
                mid = (a + b) // 2
                todo += [(mid + 1, b), (a, mid)]  # in order: the lower half first


def _copy(
    catalog: Catalog, tables: dict[str, list[str]], rows: dict[str, list[tuple[object, ...]]]
) -> tuple[int, int]:
    """Copy the whole documents and what belongs to them; returns (kept, lost) documents."""
    doc_cols = tables["documents"]
    docs = {r[1 + doc_cols.index("doc_id")]: r for r in rows["documents"]}
    chunk_cols = tables.get("chunks", [])
    have: dict[object, int] = {}
    for r in rows.get("chunks", []):
        doc = r[1 + chunk_cols.index("doc_id")]
        have[doc] = have.get(doc, 0) + 1

    def whole(d: object) -> bool:
        r = docs[d]
        if r[1 + doc_cols.index("duplicate_of")]:
            return True  # a link: no chunks of its own
        return have.get(d, 0) == int(str(r[1 + doc_cols.index("chunks")] or 0))

    keep = {d for d in docs if whole(d)}
    keep = {
        d
        for d in keep
        if not docs[d][1 + doc_cols.index("duplicate_of")]
        or docs[d][1 + doc_cols.index("duplicate_of")] in keep
    }
    with catalog.transaction() as db:
        new_tables = {
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table, cols in tables.items():
            if table not in new_tables:
                continue
            wanted = {r[1] for r in db.execute(f'PRAGMA table_info("{table}")').fetchall()}
            use = [i for i, c in enumerate(cols) if c in wanted]
            by_doc = "doc_id" in cols and table != "pending"
            at = cols.index("doc_id") if by_doc else -1
            out = [
                tuple(r[1 + i] for i in use) for r in rows[table] if not by_doc or r[1 + at] in keep
            ]
            if table == "meta":
                out = [o for o in out if o[0] != "schema_version"]
            marks = ",".join("?" * len(use))
            names = ",".join(f'"{cols[i]}"' for i in use)
            if table != "meta":  # a new catalog: only its meta rows are there already
                db.execute(f'DELETE FROM "{table}"')
            db.executemany(f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})', out)
        db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
        )
    return len(keep), len(docs) - len(keep)
