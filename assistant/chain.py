"""The LLM answer as one LCEL chain: rewrite and retrieve → prompt → model → parse and verify.

    prepare (condense the follow-up, retrieve, render the numbered passages)
      | assign(reply = answer prompt | chat model | text)      # streams the model's tokens
      | verify                                                  # pieces through, then the Answer

Streaming and async run end to end: the model's tokens come out as they arrive (`stream`,
`astream`, async HTTP in the model client), retrieval and verification run on a worker thread
under `ainvoke`/`astream`, and `config` (callbacks, tags, run names) reaches the model call.
The verifier stays the judge: every sentence of the reply is checked against the passages it
cites (`Answerer.verify_reply`); what they do not support is dropped and the answer says so.

A stream yields `Piece`s (the reply's text, a `str`) and ends with the verified `Answer`; adding
a piece to the Answer gives the Answer, so `invoke` returns the Answer that `stream` ends with.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import (
    Runnable,
    RunnableGenerator,
    RunnableLambda,
    RunnablePassthrough,
)

from assistant.llm import (
    THINKING,
    as_runnable,
    prompt_template,
    render_passages,
    without_thinking,
)
from assistant.types import Answer, Passage

if TYPE_CHECKING:
    from assistant.answer import Answerer


class Piece(str):
    """A piece of the model's reply on its way to the verified Answer (see the module doc)."""

    __slots__ = ()

    def __add__(self, other: object) -> Any:
        if isinstance(other, str):
            return Piece(str.__add__(self, other))
        return other  # the Answer that closes the stream replaces the draft


def _request(value: Any) -> dict[str, Any]:
    """A question, or {"question", "history"?, "filters"?, "passages"?}."""
    if isinstance(value, str):
        return {"question": value}
    if isinstance(value, dict) and isinstance(value.get("question"), str):
        return dict(value)
    raise TypeError("the answer chain takes a question or a dict with a 'question' key")


def build_answer_chain(answerer: Answerer) -> Runnable[Any, Any]:
    """The LLM answer chain over an `Answerer` (its retriever, verifier and chat model)."""

    def prepare(value: Any) -> dict[str, Any]:
        req = _request(value)
        question = req["question"].strip()
        standalone = answerer.rewrite(question, req.get("history")) if question else ""
        return _prepared(req, question, standalone)

    async def aprepare(value: Any) -> dict[str, Any]:
        req = _request(value)
        question = req["question"].strip()
        standalone = await answerer.arewrite(question, req.get("history")) if question else ""
        return await asyncio.to_thread(_prepared, req, question, standalone)

    def _prepared(req: dict[str, Any], question: str, standalone: str) -> dict[str, Any]:
        found = (
            answerer.retrieve(standalone, req.get("passages"), req.get("filters"))
            if question
            else []
        )
        return {
            "question": question,
            "standalone": standalone,
            "found": found,
            "passages": render_passages(found),
        }

    def draft(prepared: dict[str, Any]) -> Any:
        if not prepared["found"]:
            return ""  # nothing to answer from: no model call, the verifier abstains
        reply = (
            RunnableLambda(_prompt_input, name="answer_input")
            | prompt_template("answer")
            | as_runnable(answerer.chat)
            | StrOutputParser()
        )
        return reply

    def verify(chunks: Iterator[dict[str, Any]]) -> Iterator[Any]:
        state: dict[str, Any] = {}
        reply = Visible()
        for chunk in chunks:
            piece = reply.feed(_absorb(chunk, state))
            if piece:
                yield Piece(piece)
        yield _judge(answerer, state, reply.text())

    async def averify(chunks: AsyncIterator[dict[str, Any]]) -> AsyncIterator[Any]:
        state: dict[str, Any] = {}
        reply = Visible()
        async for chunk in chunks:
            piece = reply.feed(_absorb(chunk, state))
            if piece:
                yield Piece(piece)
        yield await asyncio.to_thread(_judge, answerer, state, reply.text())

    chain = (
        RunnableLambda(prepare, afunc=aprepare, name="retrieve")
        | RunnablePassthrough.assign(reply=RunnableLambda(draft, name="draft"))
        | RunnableGenerator(verify, averify, name="verify")
    )
    return chain.with_config(run_name="briefing_answer")


def _prompt_input(prepared: dict[str, Any]) -> dict[str, str]:
    return {"passages": prepared["passages"], "question": prepared["standalone"]}


def _absorb(chunk: dict[str, Any], state: dict[str, Any]) -> str:
    """Keep the prepared fields; return the reply's next piece."""
    piece = ""
    for key, value in chunk.items():
        if key == "reply":
            piece = str(value or "")
        else:
            state[key] = value
    return piece


class Visible:
    """The reply as a reader sees it: a reasoning model's `<think>...</think>` text (Qwen3 or
    DeepSeek-R1 on Ollama, vLLM or llama.cpp without a reasoning parser) is neither streamed
    nor verified. A piece that may be the start of a tag is held back until it is not.
    """

    def __init__(self) -> None:
        self._raw = ""
        self._sent = 0

    def feed(self, piece: str) -> str:
        self._raw += piece
        visible = THINKING.sub("", self._raw)
        cut = visible.rfind("<")
        if cut >= 0 and "<think>".startswith(visible[cut:]):
            visible = visible[:cut]  # "<th" might open a reasoning block
        new, self._sent = visible[self._sent :], max(self._sent, len(visible))
        return new

    def text(self) -> str:
        return without_thinking(self._raw)


def _judge(answerer: Answerer, state: dict[str, Any], reply: str) -> Answer:
    if not state.get("question"):
        return Answer(text="Ask a question about the loaded sources.", abstained=True)
    found: list[Passage] = state.get("found") or []
    return answerer.verify_reply(state["question"], state["standalone"], reply, found)


def _collect(items: Iterator[Any]) -> list[Any]:
    return list(items)


def build_engine_chain(answerer: Answerer, engine: str) -> Runnable[Any, Any]:
    """Any engine as a Runnable with the same contract (pieces, then the `Answer`).

    The LLM engine is the chain above; the extractive one composes its answer in one step
    (on a worker thread under async), and may answer from the positions matrix.
    """
    if engine == "llm":
        return build_answer_chain(answerer)

    def run(req: dict[str, Any]) -> Iterator[Any]:
        for item in answerer.stream(
            req["question"],
            req.get("history"),
            req.get("filters"),
            engine,
            passages=req.get("passages"),
        ):
            yield Piece(item) if isinstance(item, str) else item

    def extractive(chunks: Iterator[Any]) -> Iterator[Any]:
        for value in chunks:
            yield from run(_request(value))

    async def aextractive(chunks: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for value in chunks:
            items = await asyncio.to_thread(_collect, run(_request(value)))
            for item in items:
                yield item

    return RunnableGenerator(extractive, aextractive, name="briefing_answer")
