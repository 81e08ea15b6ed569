"""The Python API: `open_assistant(store)` and the `Assistant` it returns.

The CLI, the web app, eval/ and bench/ all go through this object: it is the one door to the
services, and it only delegates to them. What the callers need to show (index status, the
engine and LLM in use) comes back as small frozen records, never as the services themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.citations import cited_in_quote, same_claim
from assistant.conversations import Conversation
from assistant.markers import unmark
from assistant.services import Services, build_services
from assistant.settings import Settings
from assistant.types import (
    Answer,
    Citation,
    DocumentInfo,
    IngestReport,
    Memo,
    Passage,
    Position,
    TimelineEvent,
)
from index.embeddings import Embedder
from index.feeds import FeedRecord, WatchRound, WebSources
from index.locks import StoreLock
from index.pipeline import Progress
from index.search import Mode
from index.types import Filters
from index.verify import Health, RepairReport
from index.verify import repair as repair_store
from index.verify import verify as verify_store

if TYPE_CHECKING:
    from assistant.llm import Drafter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexStatus:
    """What the store holds and where: documents and chunks in the catalog, the embedder."""

    documents: int
    chunks: int
    embedder: str  # the embedding model's name, as stored in the catalog
    vectors: str  # "embedded Chroma" or "Chroma server host:port"
    catalog: str  # e.g. "SQLite /path/catalog.sqlite3" or "PostgreSQL schema briefing"

    @property
    def where(self) -> str:
        return f"{self.vectors}, catalog in {self.catalog}"


@dataclass(frozen=True)
class EngineInfo:
    """The answer engine settings a caller may show or start from (no secrets)."""

    engine: str  # the configured default: "extractive" or "llm"
    passages: int  # passages retrieved per question by default
    llm_provider: str  # "openai", "ollama", any init_chat_model provider; "" when none
    llm_model: str
    llm_base_url: str

    @property
    def llm_configured(self) -> bool:
        return self.llm_provider not in ("", "none") and bool(self.llm_model)

    @property
    def usable_engine(self) -> str:
        """The configured engine, or "extractive" when "llm" is asked for but not set up."""
        return "extractive" if self.engine == "llm" and not self.llm_configured else self.engine


class Assistant:
    def __init__(self, services: Services) -> None:
        self.services = services  # for tests and benches that look inside; callers use methods
        self._drafter: Drafter | None = None

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None) -> Assistant:
        """Build the services from `Settings` (the app's entry point uses this)."""
        log.debug("opening store %s (collection %s)", settings.store, settings.collection)
        return cls(build_services(settings, embedder=embedder))

    # --- sources ------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestReport:
        return self.services.ingestor.ingest_paths([Path(p) for p in paths], progress)

    def ingest_sources(
        self, items: Iterable[str | Path], progress: Progress | None = None
    ) -> IngestReport:
        """Files, folders and web addresses (pages or RSS/Atom feeds) in one batch."""
        from index.fetch import is_address

        addresses = [str(i) for i in items if isinstance(i, str) and is_address(i)]
        paths = [Path(i) for i in items if not (isinstance(i, str) and is_address(i))]
        reports = [self.ingest(paths, progress)] if paths else []
        reports += [self.ingest_url(url, progress) for url in addresses]
        return merge_reports(reports)

    def ingest_url(self, url: str, progress: Progress | None = None) -> IngestReport:
        """A web page (its article, the address kept as its link) or a feed (each new item).

        Internal addresses are refused unless BRIEFING_FETCH_ALLOW_HOSTS names them.
        """
        return self._web().ingest(url.strip(), progress)

    def feeds(self) -> list[FeedRecord]:
        """The feeds this store follows: when each was last read, what it added or why not."""
        return self._web().log.feeds()

    def forget_feed(self, url: str) -> bool:
        """Stop listing a feed (its documents stay)."""
        return self._web().log.forget(url)

    def watch(
        self,
        targets: Sequence[str],
        every: float,
        rounds: int = 0,
        on_round: Callable[[WatchRound], None] | None = None,
    ) -> None:
        """Keep the store current: read each feed address and folder every `every` seconds,
        adding only what is new; a feed that is down or malformed is reported, not fatal.
        `rounds` > 0 stops after that many passes.
        """
        from index.feeds import watch

        watch(self._web(), list(targets), every, rounds=rounds, on_round=on_round)

    def _web(self) -> WebSources:
        if self.services.web is None:
            raise RuntimeError("these services were built without web sources")
        return self.services.web

    def ingest_text(self, text: str, **meta: str) -> IngestReport:
        return self.services.ingestor.ingest_text(text, meta)

    def documents(self) -> list[DocumentInfo]:
        """Every stored document with its chunk count, by date then title."""
        return self.services.catalog.documents()

    def document_text(self, doc_id: str) -> str | None:
        """A stored document's cleaned text, or None if there is no such document."""
        return self.services.catalog.document_text(doc_id)

    def document_rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(doc_id, text, title, source, date, url) of every indexed (not duplicate) document."""
        return self.services.catalog.document_rows()

    def passage_at(self, doc_id: str, offset: int) -> Passage | None:
        """The stored chunk of a document that contains a character offset."""
        return self.services.catalog.chunk_at(doc_id, offset)

    def same_claim(self, a: str, b: str) -> bool:
        """Whether two sentences state the same claim, their embeddings' cosine included (the
        memo says each claim once, whichever party's statement carries it).
        """

        def cosine() -> float:
            va, vb = self.services.embedder.embed_documents([a, b])
            return float(va @ vb)

        return same_claim(a, b, cosine)

    def attributed(self, quotes: Sequence[Citation], dated: bool = True) -> list[str]:
        """Each cited sentence with whose words it is when it does not say so itself
        (assistant/attribution.py); `dated=False` leaves the date out of a party's lead-in.
        """
        voices = self.services.answerer.voices
        texts = [cited_in_quote(unmark(c.quote), c) for c in quotes]
        if voices is None:
            return texts
        rows = [
            (c.doc_id, t, c.span, c.date if dated else "")
            for c, t in zip(quotes, texts, strict=True)
        ]
        return voices.attributed(rows)

    def delete(self, doc_id: str) -> bool:
        return self.services.ingestor.delete(doc_id)

    def verify(self) -> Health:
        """Counts and read-backs of every part of the store (catalog, vectors, keyword index),
        with one line per problem; `.ok` is False when something is damaged.
        """
        return verify_store(self.services.catalog, self.services.vectors)

    def repair(self, progress: Callable[[int, int], None] | None = None) -> RepairReport:
        """Re-embed from the catalog's text what the vector index lacks, remove vectors the
        catalog does not know, rebuild the keyword index; then verify again.
        """
        s = self.services
        return repair_store(s.catalog, s.vectors, s.embedder, StoreLock(s.settings.store), progress)

    def status(self) -> IndexStatus:
        """Document and chunk counts, the embedding model and where the index lives."""
        s = self.services.settings
        docs, chunks = self.services.catalog.counts()
        vectors = (
            f"Chroma server {s.chroma_host}:{s.chroma_port}"
            if s.chroma_mode == "server"
            else "embedded Chroma"
        )
        return IndexStatus(
            docs, chunks, self.services.embedder.name, vectors, self.services.catalog.location
        )

    # --- questions ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 10,
        filters: Filters | dict[str, Any] | None = None,
        mode: Mode = "hybrid",
    ) -> list[Passage]:
        """The best passages for a query; `mode` "dense" or "lexical" runs one leg alone."""
        return self.services.retriever.search(
            query, k=k, filters=Filters.from_any(filters), mode=mode
        )

    def ask(
        self,
        question: str,
        history: Sequence[Any] | None = None,
        filters: Filters | dict[str, Any] | None = None,
        engine: str | None = None,
        passages: int | None = None,
        use_positions: bool = True,
    ) -> Answer:
        """Answer from the stored sources; `passages` overrides how many are retrieved.

        `use_positions=False` always retrieves, never answers from the positions matrix.
        """
        return self.services.answerer.ask(
            question,
            history,
            Filters.from_any(filters),
            engine or self.services.settings.engine,
            use_positions=use_positions,
            passages=passages,
        )

    def stream(
        self,
        question: str,
        history: Sequence[Any] | None = None,
        filters: Filters | dict[str, Any] | None = None,
        engine: str | None = None,
        passages: int | None = None,
    ) -> Iterator[str | Answer]:
        """Text pieces as they are produced, then the verified `Answer`."""
        return self.services.answerer.stream(
            question,
            history,
            Filters.from_any(filters),
            engine or self.services.settings.engine,
            passages=passages,
        )

    def engine_info(self) -> EngineInfo:
        """The default engine, passages per question and the LLM set up (no API key)."""
        from assistant.llm import split_spec

        s = self.services.settings
        provider, model = split_spec(s.llm_provider, s.llm_model)
        return EngineInfo(
            engine=s.engine,
            passages=int(self.services.answerer.config.passages),
            llm_provider=provider if provider != "none" else "",
            llm_model=model,
            llm_base_url=s.llm_base_url,
        )

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM engine is set up (provider and model in settings)."""
        return self.engine_info().llm_configured

    # --- saved conversations (assistant/conversations.py) --------------------------------------

    def save_turn(
        self, owner: str, conversation_id: str | None, answer: Answer, question: str = ""
    ) -> str:
        """Keep a question and its cited answer in a user's conversation ('new' or None starts
        one); returns the conversation's id.
        """
        from assistant.conversations import ConversationStore

        store = ConversationStore(self.services.catalog)
        return store.save_turn(owner, conversation_id, question or answer.question, answer)

    def conversations(self, owner: str) -> list[Conversation]:
        """A user's saved conversations, the latest first."""
        from assistant.conversations import ConversationStore

        return ConversationStore(self.services.catalog).list(owner)

    def conversation(self, owner: str, conversation_id: str) -> Conversation | None:
        from assistant.conversations import ConversationStore

        return ConversationStore(self.services.catalog).get(owner, conversation_id)

    def rename_conversation(self, owner: str, conversation_id: str, title: str) -> bool:
        from assistant.conversations import ConversationStore

        return ConversationStore(self.services.catalog).rename(owner, conversation_id, title)

    def delete_conversation(self, owner: str, conversation_id: str) -> bool:
        from assistant.conversations import ConversationStore

        return ConversationStore(self.services.catalog).delete(owner, conversation_id)

    # --- positions, memos, timelines ------------------------------------------------------------

    def positions(
        self, topic: str | None = None, party: str | None = None, stance: str | None = None
    ) -> list[Position]:
        """Each party's cited statements (demands, rejects, offers, warns, assures); with the
        LLM engine, restated by the model where the restatement holds against the passage.
        """
        found = self.services.positions.select(topic=topic, party=party, stance=stance)
        drafter = self.drafter()
        if drafter is None:
            return found
        from assistant.positions_llm import by_registry, refine

        refined = refine(found, drafter, by_registry(self.services.positions.registry))
        return [p for p in refined if stance is None or p.stance == stance]

    def drafter(self) -> Drafter | None:
        """The chat model and the verifier that judges it, for memos and positions: only when
        the LLM engine is the configured one (None otherwise: everything stays extractive).
        """
        chat = self.services.answerer.chat
        if chat is None or self.engine_info().usable_engine != "llm":
            return None
        if self._drafter is None or self._drafter.chat is not chat:
            from assistant.llm import Drafter

            self._drafter = Drafter(chat, self.services.answerer.verifier)
        return self._drafter

    def memo(self, topic: str) -> Memo:
        """A short cited briefing memo on a topic (export with `.export('md'|'docx'|'html', path)`)."""
        from assistant.memo import build_memo

        return build_memo(self, topic)

    def timeline(self, topic: str | None = None) -> list[TimelineEvent]:
        """Dated events from the stored documents, optionally only those about a topic."""
        from assistant.memo import timeline_events

        return timeline_events(self, topic)

    # --- lifetime -------------------------------------------------------------------------------

    def close(self) -> None:
        self.services.close()

    def __enter__(self) -> Assistant:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def merge_reports(reports: Sequence[IngestReport]) -> IngestReport:
    """One report for a batch read in parts (files, then each address)."""
    total = IngestReport()
    for r in reports:
        total.add(r)
        total.seconds += r.seconds
    return total


def prepare_embedder(settings: Settings | None = None) -> str:
    """Load (and on first use export) the configured embedding model; returns its name."""
    from assistant.services import build_embedder

    return build_embedder(settings or Settings()).name


class StoreNotFound(RuntimeError):
    """No store where one was named (a mistyped --store), and the caller only reads."""


def open_assistant(
    store: str | Path | None = None,
    embedder: Embedder | None = None,
    create: bool = True,
    **overrides: Any,
) -> Assistant:
    """Open (or create) a store; `overrides` are `Settings` fields, e.g. chunk_tokens=120.

    `create=False` (commands that only read) refuses a folder that holds no store, instead of
    answering from a new empty one.
    """
    if store is not None:
        overrides["store"] = Path(store)
    settings = Settings(**overrides)
    if not create and not settings.catalog_url:
        catalog = settings.store / "catalog.sqlite3"
        if not catalog.is_file():
            raise StoreNotFound(
                f"no store at {settings.store} (no {catalog.name} there); check --store or "
                "BRIEFING_STORE, or create one with `briefing ingest FILES --store "
                f"{settings.store}`"
            )
    return Assistant.from_settings(settings, embedder=embedder)
