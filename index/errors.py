"""Failures of the store itself, each one line naming the file and what to do: a damaged
catalog, a read-only store, a full disk.

A full disk is told apart from other write failures.
SQLite says "database or disk is full", the OS says ENOSPC (or EFBIG past a file-size limit,
EDQUOT past a quota), and embedded Chroma often says only "Failed to apply logs to the metadata
segment". A write failure on a filesystem with almost no space left is taken to be the disk.
An ingest stops at the first one (every later file would fail the same way); what is already
committed stays, and what was half-written is taken back when the store is next opened.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

LOW_SPACE_BYTES = 8 * 1024 * 1024  # below this, a failed write is put down to the disk
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_FULL_WORDS = ("disk is full", "no space left", "file too large", "quota exceeded", "(code: 13)")


class StoreReadOnly(RuntimeError):
    """A write to a store that can only be read (a read-only mount, no write permission)."""


class StoreDamaged(RuntimeError):
    """A catalog file the database engine cannot read: one line naming it and what to do."""

    def __init__(self, path: Path | str, cause: BaseException | str) -> None:
        self.path = str(path)
        reason = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
        super().__init__(
            f"the catalog {path} is damaged or is not a catalog ({reason}); `briefing repair` "
            "keeps what can still be read, or restore it from a backup, or ingest the sources "
            "again into a new store (`briefing ingest SOURCES --store NEW_FOLDER`)"
        )


class DiskFull(OSError):
    """No room to write the store: one line naming the file (or folder) that could not grow."""

    def __init__(self, where: Path | str, cause: BaseException | str = "") -> None:
        self.where = str(where)
        reason = str(cause).splitlines()[0] if str(cause) else ""
        super().__init__(
            errno.ENOSPC,
            f"disk full: could not write {where}"
            + (f" ({reason})" if reason else "")
            + "; free some space and run the ingest again (what was stored is kept)",
        )

    def __str__(self) -> str:
        return str(self.strerror)


def is_disk_full(exc: BaseException, where: Path | str | None = None) -> bool:
    """Whether a write failure means there is no room (by errno, by message, or, for opaque
    errors, by the free space left where the store lives).
    """
    if isinstance(exc, DiskFull):
        return True
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno in _FULL_ERRNOS:
            return True
        if any(w in str(e).lower() for w in _FULL_WORDS):
            return True
    opaque = "disk i/o error" in str(exc).lower() or "failed to apply logs" in str(exc).lower()
    return where is not None and (opaque or not isinstance(exc, OSError)) and _no_room(where)


def _no_room(where: Path | str) -> bool:
    """Almost no space left where the store lives, or a file-size limit on this process (which
    fails writes past it with EFBIG, as a full disk would).
    """
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft != resource.RLIM_INFINITY:
        return True
    try:
        return shutil.disk_usage(Path(where)).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(out) < 10:
        out.append(e)
        e = e.__cause__ or e.__context__
    return out


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "no such table", "no such column")


def looks_damaged(exc: BaseException) -> bool:
    """An SQLite error that says the file is not a whole catalog (not: locked, busy)."""
    return any(w in str(exc).lower() for w in _DAMAGE_WORDS)


def describe(exc: BaseException, store: Path | str) -> str | None:
    """One line for a failure of the store itself (damaged, read-only, full), or None for
    anything else (a bug, which keeps its traceback).
    """
    import sqlite3

    if isinstance(exc, StoreDamaged | StoreReadOnly | DiskFull):
        return str(exc)
    if is_disk_full(exc):
        return str(DiskFull(getattr(exc, "filename", None) or store, exc))
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or getattr(exc, "errno", None) == errno.EROFS:
        return str(StoreReadOnly(f"{store} is read-only: it can be read, not changed"))
    if isinstance(exc, sqlite3.DatabaseError) and looks_damaged(exc):
        return str(StoreDamaged(Path(store) / "catalog.sqlite3", exc))
    return None
