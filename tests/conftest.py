"""Fixtures shared by every tier: offline guards, HashEmbedder-backed stores, generated sample
files, the real model and real servers (the last two for tests/integration and tests/e2e only).

The tiers: tests/unit (no embedding model, no servers, no browser; `make test-fast`),
tests/integration (the real model, a Chroma server, PostgreSQL, the app through gradio_client)
and tests/e2e (headless Chromium, SIGKILLed processes, whole-process runs). Each test is marked
with its tier (`pytest -m unit`, `-m "not e2e"`). Helpers shared between test modules live in
tests/support/; test modules never import each other.

Every store and every file lives under the test's tmp_path; nothing can reach the network.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.properties import FAST, profile
from tests.support.samples import EXPECTED, WRITERS, Expected

TIERS = ("unit", "integration", "e2e")

# Property tests: a few dozen examples each unless HYPOTHESIS_PROFILE=thorough (see
# tests/support/properties.py; tests/integration/test_properties_thorough.py runs them thorough).
settings.register_profile("fast", max_examples=FAST)
settings.register_profile("thorough", max_examples=200)
settings.load_profile(profile())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with the tier its folder names."""
    for item in items:
        parts = item.path.parts
        for tier in TIERS:
            if tier in parts:
                item.add_marker(getattr(pytest.mark, tier))
                break


# --- offline guards -------------------------------------------------------------------------

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1"}


class NetworkBlocked(ConnectionRefusedError):
    """Raised when code under test tries to open a non-loopback connection."""


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX socket path
        return True
    if isinstance(address, tuple) and address:
        host = address[0]
        host = host.decode() if isinstance(host, bytes) else str(host)
        return host in _LOOPBACK or host.startswith("127.")
    return False


@pytest.fixture(autouse=True)
def _offline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Any connection to a non-loopback address fails, and fails the test even if swallowed."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create = socket.create_connection

    def check(address: object) -> None:
        if not _is_local(address):
            attempts.append(address)
            raise NetworkBlocked(f"test tried to reach the network: {address!r}")

    def connect(self: socket.socket, address: object) -> None:
        check(address)
        return real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        check(address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
        check(address)
        return real_create(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield attempts
    if attempts:
        pytest.fail(f"network access attempted during the test: {attempts!r}")


# --- real servers ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """(host, port) of a running Chroma server: `.ci/run`'s, or one started for this session."""
    import os

    from tests.support.servers import chroma_server as start
    from tests.support.servers import wait_port

    given = os.environ.get("BRIEFING_TEST_CHROMA_PORT")
    if given:
        wait_port(int(given), what="Chroma server")
        yield "127.0.0.1", int(given)
        return
    with start(tmp_path_factory.mktemp("chroma-server")) as address:
        yield address


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a running PostgreSQL: `.ci/run`'s, or a throwaway cluster started here."""
    import os

    from tests.support.servers import postgres_bin, postgres_server

    given = os.environ.get("BRIEFING_TEST_PG_URL")
    if given:
        yield given
        return
    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed here; .ci/run installs it")
    with postgres_server(tmp_path_factory.mktemp("pg")) as url:
        yield url


# --- stores ---------------------------------------------------------------------------------


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Open (and close at teardown) HashEmbedder assistants on stores under tmp_path."""
    from assistant.api import open_assistant
    from index.embeddings import HashEmbedder

    opened = []

    def _open(store: Path | None = None, embedder: object | None = None, **overrides: object):
        a = open_assistant(
            store or tmp_path / "store", embedder=embedder or HashEmbedder(), **overrides
        )
        opened.append(a)
        return a

    yield _open
    for a in opened:
        try:
            a.close()
        except Exception:
            pass


@pytest.fixture(scope="session")
def warm_parser() -> None:
    """Load the process's shared spaCy parser once, so a timed ingest does not pay for it.

    Stores share one parser per process (index.language.shared_parser); whichever test parses
    first pays for importing and loading spaCy (seconds on a busy machine), which a bound meant
    for hostile input must not count.
    """
    from assistant.settings import Settings
    from index.language import shared_parser

    settings = Settings()
    shared_parser(settings.spacy_model, settings.spacy_process).parse(
        ["The union said it would strike."]
    )


@pytest.fixture
def assistant(open_store):  # type: ignore[no-untyped-def]
    """A fresh, empty store in tmp_path with the deterministic HashEmbedder."""
    return open_store()


# --- sample files ---------------------------------------------------------------------------


@dataclass
class Samples:
    dir: Path
    paths: dict[str, Path] = field(default_factory=dict)
    expected: tuple[Expected, ...] = EXPECTED

    @property
    def n_docs(self) -> int:
        return len(self.expected)


@pytest.fixture
def make_files(tmp_path: Path) -> Callable[..., Samples]:
    """Write one real file of every supported format (9 articles in 7 files) into a folder."""

    def _make(dest: Path | None = None, only: tuple[str, ...] | None = None) -> Samples:
        dest = dest or tmp_path / "news"
        dest.mkdir(parents=True, exist_ok=True)
        samples = Samples(dest)
        for name, write in WRITERS.items():
            if only is None or name in only:
                write(dest / name)
                samples.paths[name] = dest / name
        if only is not None:
            samples.expected = tuple(e for e in EXPECTED if e.file in only)
        return samples

    return _make


@pytest.fixture
def write_story(tmp_path: Path) -> Callable[..., Path]:
    """Write a .txt article with a `key: value` header block closed by `---`."""

    def _write(path: Path | str, body: str, **meta: str) -> Path:
        path = Path(path)
        if not path.is_absolute():
            path = tmp_path / path
        path.parent.mkdir(parents=True, exist_ok=True)
        header = "".join(f"{k}: {v}\n" for k, v in meta.items())
        path.write_text((header + "---\n" if header else "") + body, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def real_embedder():
    """The packaged MiniLM model, loaded once per run, for the tests that judge quality."""
    from assistant.services import build_embedder
    from assistant.settings import Settings

    return build_embedder(Settings())
