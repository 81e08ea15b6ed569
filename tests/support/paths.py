"""Where the repository and the shared sample material (../shared) are, from any tier."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "articles"
SEED = SHARED / "seed"
