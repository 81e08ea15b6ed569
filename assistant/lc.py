"""LangChain adapters for people who build with it: the hybrid retriever as a `BaseRetriever`,
and the answer chain as a `Runnable` (invoke, stream, batch, async) that drops into their own
chains.

Our own types stay the currency inside; conversion happens only here.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable
from pydantic import ConfigDict

from assistant.types import Passage

if TYPE_CHECKING:
    from assistant.api import Assistant


def to_document(p: Passage) -> Document:
    meta = p.to_dict()
    text = meta.pop("text")
    meta["sentence_spans"] = [tuple(s) for s in meta["sentence_spans"]]
    return Document(page_content=text, metadata=meta, id=p.chunk_id)


class HybridRetriever(BaseRetriever):
    """Dense + BM25 retrieval with fusion and diversification, as a LangChain retriever.

    `k` set on the retriever is the default; `invoke(query, k=3)` overrides it for one call
    (LangChain's standard retriever tests check both, sync and async).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    assistant: Any
    k: int = 8

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        **kwargs: Any,
    ) -> list[Document]:
        found = self.assistant.search(query, k=k or self.k, **kwargs)
        return [to_document(p) for p in found]

    async def _aget_relevant_documents(
        self,
        query: str,
        *,
        run_manager: AsyncCallbackManagerForRetrieverRun,
        k: int | None = None,
        **kwargs: Any,
    ) -> list[Document]:
        # The index is local and blocking (Chroma, SQLite/PostgreSQL): a worker thread keeps
        # the event loop free while it searches.
        found = await asyncio.to_thread(self.assistant.search, query, k=k or self.k, **kwargs)
        return [to_document(p) for p in found]


def answer_chain(assistant: Assistant, engine: str | None = None) -> Runnable[Any, Any]:
    """The answer as a `Runnable` for LangChain users' own chains.

    Input: a question, or {"question", "history"?, "filters"?, "passages"?}. `invoke` returns the
    verified `Answer`; `stream`/`astream` yield the text as it is produced, then the `Answer`;
    `batch`, `ainvoke` and `config` (callbacks, tags) work as for any Runnable. With the LLM
    engine this is the LCEL chain of assistant.chain (retrieve | prompt | model | verify).
    """
    return assistant.services.answerer.chain(engine or assistant.engine_info().usable_engine)
