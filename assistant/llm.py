"""The optional chat model and the prompts it is given, LangChain's way.

`make_chat_model` hands a `provider:model` setting to LangChain's `init_chat_model`, so any
provider LangChain supports works once its client package is installed (Ollama, any
OpenAI-compatible server such as vLLM or llama.cpp, the hosted ones); a missing package fails
with a message naming it. Prompts live in `prompts/*.md` and become `ChatPromptTemplate`s here:
the file is the system message, taken literally (never a template, so braces in it are safe),
and the human message carries the numbered passages fenced as data.

LangChain stays inside this module and the chain modules built on it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from langchain_core.messages import SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableGenerator

from assistant.citations import Verifier
from assistant.markers import format_refs
from assistant.types import Passage

PROMPTS = files("prompts")  # the top-level prompts/ folder, installed as a package

# What each prompt's human turn holds; the system turn is prompts/<name>.md verbatim.
HUMAN = {
    "answer": "Passages:\n\n{passages}\n\nQuestion: {question}",
    "memo": "Passages:\n\n{passages}\n\nTopic: {topic}\n\nSection: {section}",
    "positions": "Passage:\n```\n{passage}\n```\n\nStatement found by the reader: {statement}",
}

# Packages of the providers people ask for most; init_chat_model names the others itself.
PACKAGES = {
    "openai": "langchain-openai",
    "ollama": "langchain-ollama",
    "anthropic": "langchain-anthropic",
    "google_genai": "langchain-google-genai",
    "google_vertexai": "langchain-google-vertexai",
    "mistralai": "langchain-mistralai",
    "groq": "langchain-groq",
    "huggingface": "langchain-huggingface",
}


@dataclass
class Drafter:
    """A chat model with the verifier that judges what it drafts (memos, positions), and what
    it has already refined (a statement is sent to the model once per assistant).
    """

    chat: Any
    verifier: Verifier
    concurrency: int = 4
    refined: dict[tuple[str, ...], Any] = field(default_factory=dict)


class LLMUnavailable(RuntimeError):
    """The configured chat model cannot be built (a missing package, an unknown provider)."""


def load_prompt(name: str) -> str:
    return PROMPTS.joinpath(f"{name}.md").read_text(encoding="utf-8")


def prompt_template(name: str) -> ChatPromptTemplate:
    """prompts/<name>.md as the system message (literal text) and the human turn for it.

    A prompt without a human turn (condense.md) is one human message with {placeholders}.
    """
    if name not in HUMAN:
        return ChatPromptTemplate.from_messages([("human", load_prompt(name))])
    return ChatPromptTemplate.from_messages(
        [SystemMessage(content=load_prompt(name)), ("human", HUMAN[name])]
    )


THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.S)
"""A reasoning model's thinking inline in its reply (Qwen3, DeepSeek-R1 without a parser)."""


def without_thinking(text: str) -> str:
    return THINKING.sub("", text).strip()


def render_passages(passages: Sequence[Passage]) -> str:
    """Passages fenced as data: numbered, with their provenance, never as instructions."""
    blocks = []
    for i, p in enumerate(passages, 1):
        body = p.text.replace("```", "'''")
        head = f"{format_refs([i])} {p.title} ({p.source}, {p.date or 'undated'})"
        blocks.append(f"{head}\n```\n{body}\n```")
    return "\n\n".join(blocks)


def split_spec(provider: str, model: str) -> tuple[str, str]:
    """(provider, model) from the settings: `model` may carry the provider ("ollama:qwen3:8b");
    a bare model name takes `provider`. Ollama tags keep their own colons.
    """
    head, sep, rest = model.partition(":")
    if sep and (not provider or provider == head) and head in _providers():
        return head, rest
    return provider, model


def _providers() -> set[str]:
    try:
        from langchain.chat_models.base import _BUILTIN_PROVIDERS
    except ImportError:
        return set(PACKAGES)
    return set(_BUILTIN_PROVIDERS) | set(PACKAGES)


def make_chat_model(
    provider: str, model: str, base_url: str = "", api_key: str = "", temperature: float = 0
) -> Any:
    """A LangChain chat model for `provider:model` (or `model` with `provider`).

    `base_url` points an OpenAI-compatible client at vLLM / llama.cpp / LM Studio, or the Ollama
    client at its server; a local server without keys gets a placeholder key.
    """
    provider, model = split_spec(provider, model)
    if not provider or not model:
        raise LLMUnavailable(
            "no LLM configured: set BRIEFING_LLM_MODEL to provider:model "
            "(e.g. ollama:qwen3:8b, or openai:<name> with BRIEFING_LLM_BASE_URL for vLLM)"
        )
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as exc:
        raise LLMUnavailable(
            "the LLM engine needs the langchain package: pip install 'briefing-assistant[llm]'"
        ) from exc
    kwargs: dict[str, Any] = {"temperature": temperature}
    if base_url:
        kwargs["base_url"] = base_url
    if api_key:
        kwargs["api_key"] = api_key
    elif provider == "openai" and base_url:
        kwargs["api_key"] = "not-needed"  # local OpenAI-compatible servers ignore the key
    if provider == "openai":
        kwargs["stream_usage"] = False
    try:
        return init_chat_model(model, model_provider=provider, **kwargs)
    except ImportError as exc:
        package = PACKAGES.get(provider) or f"langchain-{provider.replace('_', '-')}"
        raise LLMUnavailable(
            f"the '{provider}' chat model needs the {package} package: pip install {package}"
        ) from exc
    except Exception as exc:  # unknown provider, missing credentials: say which and why
        raise LLMUnavailable(f"cannot use LLM '{provider}:{model}': {exc}") from exc


def as_runnable(chat: Any) -> Runnable[Any, Any]:
    """The chat model as a Runnable. A LangChain model already is one; any other object with a
    `stream` over (role, text) pairs (the `ChatModel` protocol) is adapted, sync and async.
    """
    if chat is None:
        raise LLMUnavailable(
            "no LLM configured: set BRIEFING_LLM_MODEL to provider:model (see README, 'LLM')"
        )
    if isinstance(chat, Runnable):
        return chat

    def pairs(value: Any) -> list[tuple[str, str]]:
        messages = value.to_messages() if hasattr(value, "to_messages") else value
        return [(m.type, str(m.content)) for m in messages]

    def stream(inputs: Iterator[Any]) -> Iterator[Any]:
        for value in inputs:
            yield from chat.stream(pairs(value))

    async def astream(inputs: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for value in inputs:
            chunks = await asyncio.to_thread(list, chat.stream(pairs(value)))
            for chunk in chunks:
                yield chunk

    return RunnableGenerator(stream, astream, name=type(chat).__name__)
