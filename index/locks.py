"""One writer at a time per store, across processes and threads: a lock file in the store folder.

Embedded Chroma keeps each collection's vector graph in the memory of every process that opened
it and writes it back after each write. Two processes writing at once each write back a graph
that lacks the other's vectors: the catalog and Chroma's own count agree, yet the lost vectors
cannot be read or found. Holding this lock for the write phase (vectors, then catalog commits)
serialises writers; readers never take it.

The lock is `filelock`'s `flock(2)` lock, so it is released by the kernel when the holder dies
(a SIGKILLed ingest never leaves a stale lock). A second writer waits, and says once that it does.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from index.errors import StoreReadOnly

log = logging.getLogger(__name__)

LOCK_NAME = "write.lock"


class StoreLock:
    """The write lock of one store folder; re-entrant within a thread, exclusive otherwise."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        # One object per path in this process; each thread opens its own descriptor, so threads
        # of one process exclude each other as processes do.
        self._lock = FileLock(str(self.path), is_singleton=True, preserve_lock_file=True)
        self._local = threading.local()
        self._said = False

    @property
    def held(self) -> bool:
        """Whether this thread holds the lock now."""
        return bool(getattr(self._local, "depth", 0))

    @contextmanager
    def hold(self, what: str = "write") -> Iterator[None]:
        """Hold the lock for a write phase; waits (saying so once) while another writer works."""
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(self.path.parent, os.W_OK):
                raise StoreReadOnly(f"{self.path.parent} is read-only: it can be read, not changed")
            try:
                self._lock.acquire(timeout=2)
            except Timeout:
                if not self._said:  # once: a batch waits at every group
                    log.warning("another process is writing to this store; waiting to %s", what)
                    self._said = True
                self._lock.acquire()
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            if depth == 0:
                self._lock.release()
