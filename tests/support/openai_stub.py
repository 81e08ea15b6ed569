"""A local HTTP server speaking the OpenAI chat-completions protocol (plain and streaming).

It stands in for vLLM, llama.cpp server or LM Studio so the real client library is exercised
end to end over HTTP on loopback; it records the requests and replies with a script:

- a fixed text (`OpenAIStub("The port reopened [1].")`), or
- a function of the request (`OpenAIStub(lambda request: ...)`), or
- a `Script`: rules matched against the prompt, each a reply template in which `{#Title}` becomes
  the number the prompt gave the passage of that title (as a model reading the prompt would
  cite it), so replies stay realistic whatever order retrieval put the passages in.

Streaming sends the reply in word-sized `data:` chunks and ends with `data: [DONE]`. A request
asking for structured output (`response_format` json_schema) gets the scripted text as content,
which lets a test send malformed JSON on purpose.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def prompt_text(request: dict) -> str:
    """All message contents of a chat-completions request, joined."""
    parts = []
    for m in request.get("messages", []):
        content = m.get("content")
        if isinstance(content, list):  # content blocks
            content = " ".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
        parts.append(str(content or ""))
    return "\n".join(parts)


def passage_numbers(prompt: str) -> dict[str, int]:
    """{title: n} for the numbered passage headers ("[n] Title (Source, date)") of a prompt."""
    return {
        m.group(2).strip(): int(m.group(1))
        for m in re.finditer(r"^\[(\d+)\] (.+?) \(", prompt, re.M)
    }


def fill(template: str, prompt: str) -> str:
    """`{#Title}` -> the passage number the prompt gave that title (99 if it gave none)."""
    numbers = passage_numbers(prompt)

    def number(m: re.Match[str]) -> str:
        wanted = m.group(1).strip().lower()
        for title, n in numbers.items():
            if title.lower().startswith(wanted):
                return str(n)
        return "99"

    return re.sub(r"\{#([^}]+)\}", number, template)


@dataclass
class Script:
    """Replies chosen by what the prompt says: the first rule whose pattern is found wins."""

    rules: list[tuple[str, str]] = field(default_factory=list)
    default: str = "The sources do not say."

    def add(self, pattern: str, reply: str) -> Script:
        self.rules.append((pattern, reply))
        return self

    def __call__(self, request: dict) -> str:
        prompt = prompt_text(request)
        for pattern, reply in self.rules:
            if re.search(pattern, prompt, re.I | re.S):
                return fill(reply, prompt)
        return fill(self.default, prompt)


class OpenAIStub:
    def __init__(self, reply: str | Callable[[dict], str]) -> None:
        self.reply = reply
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                if not self.path.endswith("/chat/completions"):
                    self.send_error(404)
                    return
                text = stub.reply(body) if callable(stub.reply) else stub.reply
                if body.get("stream"):
                    self._stream(body, text)
                else:
                    self._plain(body, text)

            def _plain(self, body, text):
                payload = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": text},
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body, text):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = text.split(" ")
                for i, word in enumerate(words):
                    piece = word + (" " if i < len(words) - 1 else "")
                    chunk = {
                        "id": "chatcmpl-1",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "delta": {"content": piece}, "finish_reason": None}
                        ],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": body["model"],
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def prompts(self) -> list[str]:
        """The prompt text of every request received, in order."""
        return [prompt_text(r) for r in self.requests]

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
