"""Optional LLM engine: a LangChain chat model chosen in settings, prompted with numbered passages.

LangChain stays inside this module. Client packages are imported lazily and a missing one fails
with the command that installs it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib.resources import files
from typing import Any

from assistant.markers import format_refs
from assistant.types import Passage

PROMPTS = files("prompts")  # the top-level prompts/ folder, installed as a package


def load_prompt(name: str) -> str:
    return PROMPTS.joinpath(f"{name}.md").read_text(encoding="utf-8")


def render_passages(passages: Sequence[Passage]) -> str:
    """Passages fenced as data: numbered, with their provenance, never as instructions."""
    blocks = []
    for i, p in enumerate(passages, 1):
        body = p.text.replace("```", "'''")
        head = f"{format_refs([i])} {p.title} ({p.source}, {p.date or 'undated'})"
        blocks.append(f"{head}\n```\n{body}\n```")
    return "\n\n".join(blocks)


def llm_reply(chat: Any, question: str, passages: Sequence[Passage]) -> Iterator[str]:
    if chat is None:
        raise RuntimeError("no LLM configured: set BRIEFING_LLM_PROVIDER and BRIEFING_LLM_MODEL")
    if not passages:
        return
    system = load_prompt("answer")
    user = f"Passages:\n\n{render_passages(passages)}\n\nQuestion: {question}"
    for chunk in chat.stream([("system", system), ("human", user)]):
        text = chunk.content if isinstance(chunk.content, str) else ""
        if text:
            yield text


def make_chat_model(provider: str, model: str, base_url: str = "", api_key: str = "") -> Any:
    if provider == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise RuntimeError(
                "the OpenAI-compatible engine needs: pip install langchain-openai"
            ) from exc
        from pydantic import SecretStr

        return ChatOpenAI(
            model=model,
            base_url=base_url or None,
            api_key=SecretStr(api_key or "not-needed"),
            temperature=0,
            streaming=True,
        )
    if provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as exc:
            raise RuntimeError("the Ollama engine needs: pip install langchain-ollama") from exc
        return ChatOllama(model=model, base_url=base_url or None, temperature=0)
    raise ValueError(f"unknown LLM provider '{provider}' (use 'openai' or 'ollama')")
