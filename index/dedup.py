"""Near-duplicate detection for republished wire copy, by MinHash over word shingles.

A wire story picked up by several outlets differs by a headline, a dateline or a sentence; indexing
each copy would crowd the results with the same passage and fake corroboration.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

NUM_PERM = 128
SHINGLE = 5


def _shingles(text: str) -> list[bytes]:
    words = re.findall(r"\w+", text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return [g.encode("utf-8") for g in grams]


def signature(text: str) -> np.ndarray:
    first: np.ndarray = signatures([text])[0]
    return first


def signatures(texts: Sequence[str]) -> np.ndarray:
    """The signatures of many texts, one row each (equal to one `signature` per text).

    datasketch's `bulk` sets up the 128 permutations once for all of them: set up per text,
    they cost as much as hashing a short record's shingles.
    """
    if not texts:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    found = _minhash().bulk([_shingles(t) for t in texts], num_perm=NUM_PERM, seed=1)
    return np.stack([np.asarray(m.hashvalues, dtype=np.uint64) for m in found])


_IMPORT_LOCK = threading.Lock()


def _minhash() -> Any:
    """The `MinHash` class of datasketch, without running its package `__init__`.

    The package's `__init__` imports every sketch it has, and its LSH indexes import
    `scipy.integrate` (scipy.special, scipy.optimize, ...): 0.6 CPU-seconds of every ingest
    process, for a class that needs only numpy. When the package is not yet imported, its module
    `datasketch.minhash` is imported under a bare package object (its folder as `__path__`,
    nothing run), which is taken out of `sys.modules` again afterwards, so that a later
    `import datasketch` anywhere runs the real `__init__` (and reuses this module).
    """
    loaded = sys.modules.get("datasketch.minhash")
    if loaded is not None:
        return loaded.MinHash
    with _IMPORT_LOCK:
        if "datasketch" in sys.modules:  # imported whole already: nothing to save
            return importlib.import_module("datasketch.minhash").MinHash
        spec = importlib.util.find_spec("datasketch")
        if spec is None or spec.submodule_search_locations is None:
            raise ImportError("datasketch is not installed: pip install datasketch")
        sys.modules["datasketch"] = importlib.util.module_from_spec(spec)  # __path__, no code
        try:
            return importlib.import_module("datasketch.minhash").MinHash
        finally:
            del sys.modules["datasketch"]


def best_match(sig: np.ndarray, ids: list[str], sigs: np.ndarray) -> tuple[str, float] | None:
    """The stored document most similar to `sig` (estimated Jaccard), if any are stored."""
    if not ids or sigs.size == 0:
        return None
    sim = (sigs == sig[None, :]).mean(axis=1)
    i = int(np.argmax(sim))
    return ids[i], float(sim[i])


BANDS, ROWS = 32, 4  # 128 = 32 x 4: a pair at Jaccard 0.8 shares a band with p > 0.999


def band_keys(sig: np.ndarray) -> list[int]:
    """Locality-sensitive keys: documents sharing one are the only candidates to compare."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        h = int.from_bytes(hashlib.blake2b(chunk, digest_size=7).digest(), "big")
        out.append(b << 56 | h)
    return out
