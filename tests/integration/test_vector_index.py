"""The vector index contract against a real `chroma run` server, and the app in server mode.

The server is the one `.ci/run` starts (BRIEFING_TEST_CHROMA_PORT), or one the `chroma_server`
fixture in conftest.py starts. The same contract on embedded Chroma is in
tests/unit/test_vector_index_embedded.py.
"""

from __future__ import annotations

import uuid

import pytest

from index.store import ChromaIndex
from tests.support.vector_contract import VectorIndexContract


class TestServerIndex(VectorIndexContract):
    @pytest.fixture
    def index(self, chroma_server: tuple[str, int]) -> ChromaIndex:
        host, port = chroma_server
        return ChromaIndex.server(host, port, f"contract-{uuid.uuid4().hex[:8]}", batch=3)


def test_ingest_then_ask_in_server_mode(chroma_server, tmp_path, real_embedder):
    from assistant.api import open_assistant

    host, port = chroma_server
    text = (
        "Dockworkers at Harbor City ended a nine-day strike after the union accepted a 7 "
        "percent pay rise. The port authority had first offered 5 percent."
    )
    a = open_assistant(
        tmp_path / "store",
        embedder=real_embedder,
        chroma_mode="server",
        chroma_host=host,
        chroma_port=port,
        collection=f"srv-{uuid.uuid4().hex[:6]}",
    )
    try:
        assert a.ingest_text(text, title="Port strike ends").added == 1
        assert a.services.vectors.count() == 1
        answer = a.ask("What pay rise did the union accept?")
        assert "7 percent" in answer.text and answer.citations
    finally:
        a.close()
    # a second process sees the same vectors through the server
    b = open_assistant(
        tmp_path / "store",
        embedder=real_embedder,
        chroma_mode="server",
        chroma_host=host,
        chroma_port=port,
        collection=a.services.settings.collection,
    )
    try:
        assert b.ingest_text(text, title="Port strike ends").added == 0
        assert b.search("port authority offer", k=1)[0].text.startswith("Dockworkers")
    finally:
        b.close()
