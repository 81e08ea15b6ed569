"""A child process that fills the disk under an ingest (tests/unit/test_disk_full.py).

    python disk_child.py STORE INBOX MODE [FILLER]

MODE "rlimit": after a first batch, a file-size limit (RLIMIT_FSIZE) just above the store's
largest file makes every growing write fail with EFBIG, as a full disk would. MODE "tmpfs":
STORE is on a small tmpfs that FILLER (a file on it) fills. Then the space is freed and the
store reopened. Prints one JSON object: what the second batch reported, and the store after.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assistant.api import open_assistant  # noqa: E402
from index.embeddings import HashEmbedder  # noqa: E402


def main() -> None:
    store, inbox, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    a = open_assistant(store, embedder=HashEmbedder(), spacy_model="", chunk_tokens=40)
    first = a.ingest([inbox / "first"])
    if mode == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        largest = max(f.stat().st_size for f in store.rglob("*") if f.is_file())
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 4096, resource.RLIM_INFINITY))
    else:
        filler = Path(sys.argv[4])
        try:  # fill what is left, to the last block (unbuffered: closing has nothing to flush)
            with open(filler, "wb", buffering=0) as f:
                while True:
                    f.write(b"\0" * 65536)
                    os.fsync(f.fileno())
        except OSError:
            pass
    second = a.ingest([inbox / "second"])
    try:
        a.close()
    except Exception:  # closing may need a write the full disk refuses
        pass
    # Space is freed: the store opens whole, holds the first batch, and takes the rest.
    if mode == "rlimit":
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
    else:
        Path(sys.argv[4]).unlink()
    b = open_assistant(store, embedder=HashEmbedder(), spacy_model="", chunk_tokens=40)
    after = b.verify()
    kept = sorted(d.path for d in b.documents())
    third = b.ingest([inbox / "second" / "doc0.txt"])
    out = {
        "first_added": first.added,
        "stopped": second.stopped,
        "added": second.added,
        "failed": [[f.path, f.reason] for f in second.failed],
        "after_ok": after.ok,
        "after_problems": [str(p) for p in after.problems],
        "kept": kept,
        "third_added": third.added,
    }
    b.close()
    c = open_assistant(store, embedder=HashEmbedder(), spacy_model="", chunk_tokens=40)
    final = c.verify()
    out["final_ok"], out["final_problems"] = final.ok, [str(p) for p in final.problems]
    c.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
