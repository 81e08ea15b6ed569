"""LangChain's own standard retriever suite (langchain-tests) against `HybridRetriever`:
`k` in the constructor and in `invoke`, documents back from `invoke` and `ainvoke`.

The store is a real one (embedded Chroma, SQLite catalog) with the deterministic HashEmbedder,
holding more documents than the largest `k` the suite asks for.
"""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.lc import HybridRetriever

ARTICLES = {
    "port.txt": "Dockworkers at Harbor City port ended a strike after the union accepted a pay rise.",
    "talks.txt": "The port authority and the union met again on Monday to discuss night shifts.",
    "cranes.txt": "The union at the port demanded limits on automated cranes during the strike.",
    "ships.txt": "Forty container ships waited offshore while the port strike went on.",
    "imports.txt": "Harbor City port handles a fifth of the region's imports, the authority said.",
}

_STORE: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def _store(open_store, tmp_path):
    a = open_store(spacy_model="")
    for name, body in ARTICLES.items():
        (tmp_path / name).write_text(f"title: {name}\n---\n{body}\n", encoding="utf-8")
    assert a.ingest([tmp_path]).added == len(ARTICLES)
    _STORE["assistant"] = a
    yield
    _STORE.clear()


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"assistant": _STORE["assistant"], "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "port strike union"
