"""The Python API: `open_assistant(store)` and the `Assistant` it returns.

Scripts, the CLI and the UI all go through this object; it only delegates to the services.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.services import Services, build_services
from assistant.settings import Settings
from assistant.types import (
    Answer,
    DocumentInfo,
    IngestReport,
    Memo,
    Passage,
    Position,
    TimelineEvent,
)
from index.embeddings import Embedder
from index.pipeline import Progress
from index.types import Filters


class Assistant:
    def __init__(self, services: Services) -> None:
        self.services = services

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestReport:
        return self.services.ingestor.ingest_paths([Path(p) for p in paths], progress)

    def ingest_text(self, text: str, **meta: str) -> IngestReport:
        return self.services.ingestor.ingest_text(text, meta)

    def search(
        self, query: str, k: int = 10, filters: Filters | dict[str, Any] | None = None
    ) -> list[Passage]:
        return self.services.retriever.search(query, k=k, filters=Filters.from_any(filters))

    def ask(
        self,
        question: str,
        history: Sequence[Any] | None = None,
        filters: Filters | dict[str, Any] | None = None,
        engine: str | None = None,
        passages: int | None = None,
    ) -> Answer:
        """Answer from the stored sources; `passages` overrides how many are retrieved."""
        return self.services.answerer.ask(
            question,
            history,
            Filters.from_any(filters),
            engine or self.services.settings.engine,
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

    def positions(
        self, topic: str | None = None, party: str | None = None, stance: str | None = None
    ) -> list[Position]:
        """Each party's cited statements (demands, rejects, offers, warns, assures)."""
        return self.services.positions.select(topic=topic, party=party, stance=stance)

    def memo(self, topic: str) -> Memo:
        """A short cited briefing memo on a topic (export with `.export('md'|'docx'|'html', path)`)."""
        from assistant.memo import build_memo

        return build_memo(self, topic)

    def timeline(self, topic: str | None = None) -> list[TimelineEvent]:
        """Dated events from the stored documents, optionally only those about a topic."""
        from assistant.memo import timeline_events

        return timeline_events(self, topic)

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM engine is set up (provider and model in settings)."""
        s = self.services.settings
        return s.llm_provider != "none" and bool(s.llm_model)

    def documents(self) -> list[DocumentInfo]:
        return self.services.catalog.documents()

    def delete(self, doc_id: str) -> bool:
        return self.services.ingestor.delete(doc_id)

    def close(self) -> None:
        self.services.close()

    def __enter__(self) -> Assistant:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_assistant(
    store: str | Path | None = None, embedder: Embedder | None = None, **overrides: Any
) -> Assistant:
    """Open (or create) a store; `overrides` are `Settings` fields, e.g. chunk_tokens=120."""
    if store is not None:
        overrides["store"] = Path(store)
    settings = Settings(**overrides)
    return Assistant(build_services(settings, embedder=embedder))
