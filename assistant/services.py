"""The composition root: the one place that turns `Settings` into working parts.

Nothing is built at import time; tests build services with fakes through the same function.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.answer import AnswerConfig, Answerer
from assistant.attribution import Voices
from assistant.parties import Registry
from assistant.positions import Annotator, PositionIndex
from assistant.settings import Settings
from index.catalog import Catalog
from index.embeddings import Embedder
from index.errors import DiskFull
from index.feeds import WebSources
from index.fetch import Fetcher, FetchPolicy
from index.locks import StoreLock
from index.pipeline import Ingestor
from index.reranker import OpenVinoReranker, Reranker
from index.search import Retriever
from index.store import ChromaIndex, VectorIndex
from index.verify import quick_disagreement


@dataclass
class Services:
    settings: Settings
    embedder: Embedder
    vectors: VectorIndex
    catalog: Catalog
    ingestor: Ingestor
    retriever: Retriever
    answerer: Answerer
    positions: PositionIndex
    web: WebSources | None = None  # pages and feeds by address (index/feeds.py)

    def close(self) -> None:
        self.vectors.close()
        self.catalog.close()


def build_embedder(settings: Settings, stored: str | None = None) -> Embedder:
    from index.embedders import EmbedderConfig, make_embedder

    config = EmbedderConfig(
        model=settings.embedding_model,
        backend=settings.embedding_backend,
        cache=settings.model_cache,
        max_seq_tokens=settings.max_seq_tokens,
        batch_size=settings.embedding_batch_size,
        threads=settings.embedding_threads,
    )
    return make_embedder(config, stored=stored)


log = logging.getLogger(__name__)


def open_catalog(settings: Settings) -> Catalog:
    if settings.catalog_url:
        from index.catalog_pg import PgCatalog

        return PgCatalog(settings.catalog_url, schema=settings.collection)
    if settings.chroma_mode == "server":
        log.info(
            "Chroma server with the catalog in %s: share it across hosts with "
            "BRIEFING_CATALOG_URL, or other hosts will not see this host's documents",
            settings.store / "catalog.sqlite3",
        )
    return Catalog(settings.store / "catalog.sqlite3")


def build_services(settings: Settings, embedder: Embedder | None = None) -> Services:
    store = settings.store
    store.mkdir(parents=True, exist_ok=True)
    vectors_lost = (store / "catalog.sqlite3").is_file() and not (store / "chroma").is_dir()
    catalog = open_catalog(settings)
    if embedder is None:
        embedder = build_embedder(settings, stored=catalog.embedder_name())
    catalog.check_compatible(embedder.name)
    collection = f"{settings.collection}-{embedder.name}".replace("@", "-")
    vectors: VectorIndex
    if settings.chroma_mode == "server":
        vectors = ChromaIndex.server(
            settings.chroma_host,
            settings.chroma_port,
            collection,
            token=settings.chroma_token,
            batch=settings.write_batch,
        )
    else:
        if vectors_lost:
            log.warning("store %s: its vector index folder %s is missing", store, store / "chroma")
        vectors = ChromaIndex.embedded(
            store / "chroma",
            collection,
            batch=settings.write_batch,
            version=catalog.generation,  # reopen when another process has committed
        )
    registry = Registry.load(settings.parties_file)
    from index.language import shared_parser

    # BRIEFING_SPACY_MODEL="" turns the language layer off: no statements, ingest ~1.6x faster
    annotator = (
        Annotator(registry, catalog, shared_parser(settings.spacy_model, settings.spacy_process))
        if settings.spacy_model
        else None
    )
    registry.add_people(catalog.learned_people())  # for the question path; reading stays fixed
    ingestor = Ingestor(
        embedder,
        vectors,
        catalog,
        chunk_tokens=settings.chunk_tokens,
        near_duplicate_threshold=settings.near_duplicate_threshold,
        max_file_bytes=int(settings.max_file_mb * 1_000_000),
        annotate=annotator,
        write_lock=StoreLock(store),  # one writer at a time per store, across processes
        type_limits_mb=settings.max_file_mb_by_type,
        max_chunks=settings.max_chunks_per_document,
        warm=annotator.warm if annotator is not None else None,
    )
    if not catalog.read_only:  # a read-only store is read as it is
        try:
            ingestor.recover()  # finish what an interrupted run (a crash, a kill) left half-done
        except DiskFull as exc:  # reading still works; the next open with space finishes it
            log.warning("%s", exc)
        if annotator is not None:
            annotator.backfill()  # stores made before statements were kept: once
    disagreement = quick_disagreement(catalog, vectors)  # two counts: cheap at every open
    if disagreement:
        log.warning("store %s: %s", store, disagreement)
    retriever = Retriever(embedder, vectors, catalog, window_chars=settings.passage_window_chars)
    chat = None
    if settings.llm_provider != "none" and settings.llm_model:
        from assistant.llm import make_chat_model  # init_chat_model: any LangChain provider

        chat = make_chat_model(
            settings.llm_provider, settings.llm_model, settings.llm_base_url, settings.llm_api_key
        )
    positions = PositionIndex(catalog, registry, embedder.embed_documents)
    answerer = Answerer(
        embedder,
        retriever,
        AnswerConfig(passages=settings.answer_passages),
        chat=chat,
        positions=positions,
        voices=Voices(
            catalog.voices_of, registry.name, registry.find_party
        ),  # whose words each quote is
        reranker=build_reranker(settings),
    )
    web = WebSources(build_fetcher(settings), ingestor, catalog)
    return Services(
        settings, embedder, vectors, catalog, ingestor, retriever, answerer, positions, web
    )


def build_reranker(settings: Settings) -> Reranker | None:
    """The answer re-ranker when the settings ask for it (its model loads on first use)."""
    if settings.reranker != "on":
        return None
    return OpenVinoReranker()


def build_fetcher(settings: Settings) -> Fetcher:
    """The page fetcher with the settings' limits and allowed internal hosts."""
    hosts = tuple(h.strip() for h in settings.fetch_allow_hosts.split(",") if h.strip())
    return Fetcher(
        FetchPolicy(
            timeout=settings.fetch_timeout,
            max_bytes=int(settings.fetch_max_mb * 1_000_000),
            allow_hosts=hosts,
        )
    )
