"""The vector index contract on embedded Chroma (no server; the same contract runs against a
`chroma run` server in tests/integration/test_vector_index.py).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from index.store import ChromaIndex
from tests.support.vector_contract import VectorIndexContract


class TestEmbeddedIndex(VectorIndexContract):
    @pytest.fixture
    def index(self, tmp_path: Path) -> ChromaIndex:
        return ChromaIndex.embedded(
            tmp_path / "chroma", f"contract-{uuid.uuid4().hex[:8]}", batch=3
        )
