"""GRADIO_SERVER_NAME/PORT, which launchers set, are honoured; BRIEFING_HOST/PORT win."""

from __future__ import annotations

import pytest

from assistant.settings import Settings


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BRIEFING_HOST", "BRIEFING_PORT", "GRADIO_SERVER_NAME", "GRADIO_SERVER_PORT"):
        monkeypatch.delenv(name, raising=False)


def test_defaults() -> None:
    assert Settings().bind_address() == ("127.0.0.1", 7860)


def test_gradio_variables_are_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    assert Settings().bind_address() == ("0.0.0.0", 7999)


def test_briefing_settings_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    monkeypatch.setenv("BRIEFING_PORT", "8100")
    assert Settings().bind_address() == ("0.0.0.0", 8100)
    monkeypatch.setenv("BRIEFING_HOST", "127.0.0.2")
    assert Settings().bind_address() == ("127.0.0.2", 8100)
    assert Settings(port=9000).bind_address() == ("127.0.0.2", 9000)
