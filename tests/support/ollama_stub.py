"""A local HTTP server speaking Ollama's chat API (`POST /api/chat`, NDJSON when streaming).

It stands in for `ollama serve` so langchain-ollama's real client is exercised over HTTP on
loopback. Replies come from the same scripts as the OpenAI stub (a text, a function of the
request, or a `Script`); requests are recorded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.openai_stub import prompt_text


class OllamaStub:
    def __init__(self, reply: str | Callable[[dict], str]) -> None:
        self.reply = reply
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                stub.requests.append(body)
                if self.path != "/api/chat":
                    self.send_error(404)
                    return
                text = stub.reply(body) if callable(stub.reply) else stub.reply
                words = text.split(" ")
                pieces = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
                if not body.get("stream", True):
                    pieces = [text]
                lines = [self._part(body, p, done=False) for p in pieces]
                lines.append(self._part(body, "", done=True))
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                if not body.get("stream", True):
                    last = dict(lines[-1], message={"role": "assistant", "content": text})
                    self.wfile.write(json.dumps(last).encode())
                    return
                for line in lines:
                    self.wfile.write(json.dumps(line).encode() + b"\n")
                    self.wfile.flush()

            def _part(self, body, content, done):
                part = {
                    "model": body.get("model", ""),
                    "created_at": "2024-01-01T00:00:00Z",
                    "message": {"role": "assistant", "content": content},
                    "done": done,
                }
                if done:
                    part.update(done_reason="stop", prompt_eval_count=1, eval_count=1)
                return part

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def prompts(self) -> list[str]:
        return [prompt_text(r) for r in self.requests]

    def __enter__(self) -> OllamaStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
