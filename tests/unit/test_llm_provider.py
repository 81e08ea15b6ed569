"""Choosing the chat model: `provider:model` through LangChain's init_chat_model, the settings a
user writes, and a clear message naming the package a provider needs.
"""

from __future__ import annotations

import importlib.util

import pytest

from assistant.llm import LLMUnavailable, make_chat_model, split_spec


def test_ollama_model_with_a_tag_keeps_its_colon():
    chat = make_chat_model("", "ollama:qwen3:8b", base_url="http://127.0.0.1:11434")
    assert type(chat).__name__ == "ChatOllama"
    assert chat.model == "qwen3:8b" and chat.base_url == "http://127.0.0.1:11434"
    assert chat.temperature == 0


def test_openai_compatible_server_gets_its_base_url_and_a_placeholder_key():
    chat = make_chat_model("", "openai:Qwen/Qwen3-8B", base_url="http://127.0.0.1:8000/v1")
    assert type(chat).__name__ == "ChatOpenAI"
    assert chat.model_name == "Qwen/Qwen3-8B"
    assert chat.openai_api_base == "http://127.0.0.1:8000/v1"
    assert chat.openai_api_key.get_secret_value() == "not-needed"


def test_a_bare_model_name_takes_the_provider_setting():
    assert split_spec("ollama", "llama3.1:8b") == ("ollama", "llama3.1:8b")
    assert split_spec("", "ollama:llama3.1:8b") == ("ollama", "llama3.1:8b")
    assert split_spec("openai", "gpt-4o-mini") == ("openai", "gpt-4o-mini")
    assert split_spec("", "llama3") == ("", "llama3")
    chat = make_chat_model("openai", "stub-model", base_url="http://127.0.0.1:9/v1")
    assert chat.model_name == "stub-model"


@pytest.mark.skipif(
    importlib.util.find_spec("langchain_anthropic") is not None,
    reason="only meaningful where langchain-anthropic is not installed (it is not, in this env)",
)
def test_a_missing_provider_package_is_named():
    with pytest.raises(LLMUnavailable, match=r"pip install langchain-anthropic"):
        make_chat_model("", "anthropic:claude-sonnet-4-5")


def test_unknown_provider_and_missing_model_say_what_to_set():
    with pytest.raises(LLMUnavailable, match="nosuch"):
        make_chat_model("nosuch", "some-model")
    with pytest.raises(LLMUnavailable, match="BRIEFING_LLM_MODEL"):
        make_chat_model("", "llama3")


def test_settings_turn_the_llm_engine_on(open_store, monkeypatch):
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "ollama:qwen3:8b")
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", "http://127.0.0.1:11434")
    monkeypatch.setenv("BRIEFING_ENGINE", "llm")
    a = open_store(spacy_model="")
    info = a.engine_info()
    assert (info.llm_provider, info.llm_model, info.usable_engine) == ("ollama", "qwen3:8b", "llm")
    assert type(a.services.answerer.chat).__name__ == "ChatOllama"
    assert a.drafter() is not None  # memos and positions are drafted by the model


def test_without_a_model_everything_stays_extractive(open_store, monkeypatch):
    monkeypatch.setenv("BRIEFING_ENGINE", "llm")
    a = open_store(spacy_model="")
    info = a.engine_info()
    assert not info.llm_configured and info.usable_engine == "extractive"
    assert a.services.answerer.chat is None and a.drafter() is None
    off = open_store(
        a.services.settings.store.parent / "off",
        spacy_model="",
        llm_provider="none",
        llm_model="openai:x",
    )
    assert off.services.answerer.chat is None and not off.engine_info().llm_configured


def test_a_hosted_provider_without_its_key_says_so(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMUnavailable, match=r"openai:gpt-4o-mini.*OPENAI_API_KEY"):
        make_chat_model("", "openai:gpt-4o-mini")
