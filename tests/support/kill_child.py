"""Child process for tests/e2e/test_kill.py: ingests a folder and SIGKILLs itself at a chosen point.

KILL_AT is "after_vectors:N" (after the N-th vector write, before its catalog commits),
"after_commit:N" (after the N-th document became visible), "before_old_vectors_deleted:N"
(a replaced document is committed but its old vectors are still there), or "never".
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assistant.api import open_assistant  # noqa: E402
from index import pipeline  # noqa: E402
from index.catalog import Catalog  # noqa: E402
from index.embeddings import HashEmbedder  # noqa: E402
from index.store import ChromaIndex  # noqa: E402


def arm(point: str, count: int) -> None:
    seen = {"n": 0}

    def tick() -> None:
        seen["n"] += 1
        if seen["n"] == count:
            os.kill(os.getpid(), signal.SIGKILL)

    def wrap(cls: type, name: str, before: bool = False) -> None:
        real = getattr(cls, name)

        def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if before:
                tick()
            out = real(self, *args, **kwargs)
            if not before:
                tick()
            return out

        setattr(cls, name, wrapped)

    if point == "after_vectors":
        wrap(ChromaIndex, "add")
    elif point == "after_commit":
        wrap(Catalog, "commit_document")
    elif point == "before_old_vectors_deleted":
        wrap(pipeline.Ingestor, "_finish_delete", before=True)


def main() -> None:
    store, folder, kill_at = sys.argv[1], sys.argv[2], sys.argv[3]
    pipeline.GROUP_CHUNKS = 12  # many small groups: many points to die at
    if kill_at != "never":
        point, n = kill_at.split(":")
        arm(point, int(n))
    a = open_assistant(store, embedder=HashEmbedder(), chunk_tokens=40)
    print("ready", flush=True)
    report = a.ingest([Path(folder)])
    print(report.to_dict(), flush=True)


if __name__ == "__main__":
    main()
