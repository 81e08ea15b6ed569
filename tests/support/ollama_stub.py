"""A local HTTP server speaking Ollama's chat API (`POST /api/chat`, NDJSON when streaming).

It stands in for `ollama serve` so langchain-ollama's real client is exercised over HTTP on
loopback. Replies come from the same scripts as the OpenAI stub (a text, a function of the
request, or a `Script`); requests are recorded.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

from tests.support.openai_stub import LoopbackChatStub


class OllamaStub(LoopbackChatStub):
    def serves(self, path: str) -> bool:
        return path == "/api/chat"

    def answer(self, handler: BaseHTTPRequestHandler, body: dict, text: str) -> None:
        streaming = body.get("stream", True)
        pieces = self.pieces(text) if streaming else [text]
        lines = [_part(body, p, done=False) for p in pieces] + [_part(body, "", done=True)]
        if not streaming:
            last = dict(lines[-1], message={"role": "assistant", "content": text})
            self.send(handler, "application/x-ndjson", json.dumps(last).encode())
            return
        self.send(handler, "application/x-ndjson")
        for line in lines:
            handler.wfile.write(json.dumps(line).encode() + b"\n")
            handler.wfile.flush()


def _part(body: dict, content: str, done: bool) -> dict:
    part = {
        "model": body.get("model", ""),
        "created_at": "2024-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": content},
        "done": done,
    }
    if done:
        part.update(done_reason="stop", prompt_eval_count=1, eval_count=1)
    return part
