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
import time
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


class LoopbackChatStub:
    """What the chat-server stubs share: a scripted reply per request (a text, a function of the
    request, or a `Script`), every request recorded, and a threaded HTTP server on 127.0.0.1
    that runs as a context manager. A subclass says which path it serves and how it answers.
    """

    suffix = ""  # what base_url adds to the server's address

    def __init__(self, reply: str | Callable[[dict], str], word_delay: float = 0.0) -> None:
        self.reply = reply
        self.word_delay = word_delay  # seconds between streamed words (to watch them arrive)
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                stub.requests.append(body)
                if not stub.serves(self.path):
                    self.send_error(404)
                    return
                text = stub.reply(body) if callable(stub.reply) else stub.reply
                stub.answer(self, body, text)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def serves(self, path: str) -> bool:
        raise NotImplementedError

    def answer(self, handler: BaseHTTPRequestHandler, body: dict, text: str) -> None:
        raise NotImplementedError

    @staticmethod
    def pieces(text: str) -> list[str]:
        """The reply as a model streams it: word by word, spaces kept."""
        words = text.split(" ")
        return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, content_type: str, data: bytes = b"") -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        if data:
            handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if data:
            handler.wfile.write(data)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.suffix}"

    def prompts(self) -> list[str]:
        """The prompt text of every request received, in order."""
        return [prompt_text(r) for r in self.requests]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class OpenAIStub(LoopbackChatStub):
    suffix = "/v1"

    def serves(self, path: str) -> bool:
        return path.endswith("/chat/completions")

    def answer(self, handler: BaseHTTPRequestHandler, body: dict, text: str) -> None:
        if not body.get("stream"):
            message = {"role": "assistant", "content": text}
            payload = {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
            self.send(handler, "application/json", json.dumps(payload).encode())
            return
        self.send(handler, "text/event-stream")
        deltas = [({"content": piece}, None) for piece in self.pieces(text)] + [({}, "stop")]
        for delta, finish in deltas:
            chunk = {
                "id": "chatcmpl-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            handler.wfile.flush()
            if finish is None and self.word_delay:
                time.sleep(self.word_delay)
        handler.wfile.write(b"data: [DONE]\n\n")
        handler.wfile.flush()
