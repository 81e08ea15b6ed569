"""The unit tier: no embedding model, no servers, no browser; the whole tier runs in seconds.

Asking for the real model or a server here fails at once, naming the tier the test belongs in.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


def _wrong_tier(what: str) -> None:
    pytest.fail(f"tests/unit must not use {what}; move the test to tests/integration")


@pytest.fixture(scope="session")
def real_embedder() -> None:
    _wrong_tier("the embedding model")


@pytest.fixture(scope="session")
def chroma_server() -> Iterator[tuple[str, int]]:
    _wrong_tier("a Chroma server")
    yield ("", 0)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    _wrong_tier("PostgreSQL")
    yield ""


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the real embedder (MiniLM) is refused: unit tests use HashEmbedder."""
    import assistant.services

    def refuse(*args: object, **kwargs: object) -> None:
        _wrong_tier("the embedding model (assistant.services.build_embedder)")

    monkeypatch.setattr(assistant.services, "build_embedder", refuse)
