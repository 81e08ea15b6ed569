"""The REST API beside the web app: `create_api(assistant, ...)` returns a FastAPI app that the
Gradio UI is mounted into (app.py), so both are served by one process on one port.

- `/api/v1/...`: ask, search, documents (list, add by address, text or file, delete), positions,
  memos (JSON, or a Markdown, DOCX or HTML file), feeds, saved conversations; OpenAPI docs at
  `/api/docs`.
- `/v1/chat/completions` and `/v1/models`: the OpenAI chat protocol, so chat front ends and the
  `openai` client can use the assistant as a model. The reply is the verified answer with its
  numbered sources; with `stream: true` it arrives as server-sent events. (The answer is verified
  sentence by sentence before anything is sent, so a stream never shows a sentence the sources
  do not support; it starts when the answer is ready.)

Access: the app's login (BRIEFING_AUTH) as HTTP Basic, or `Authorization: Bearer KEY` with a key
from BRIEFING_API_KEYS (a login's `user:password` is accepted as a bearer key too, for clients
that only send one). With neither configured the API is open, like the app.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from assistant.ui_format import answer_plain

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.types import Answer

AuthCheck = Callable[[str, str], bool]
# Answers and memos computed at once through the API (the UI's chat has its own limit of 2):
# on a small CPU more in parallel only makes each slower (bench/load.py).
ANSWERING = threading.BoundedSemaphore(2)
MODEL_NAME = "briefing-assistant"
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


# --- request bodies -----------------------------------------------------------------------------


class Message(BaseModel):
    role: str
    content: str | list[dict[str, Any]] | None = ""

    def text(self) -> str:
        if isinstance(self.content, list):  # OpenAI content parts: keep the text ones
            return " ".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class FilterBody(BaseModel):
    sources: list[str] = Field(default_factory=list, description="Only these outlets.")
    date_from: str = Field(default="", description="ISO date, inclusive.")
    date_to: str = Field(default="", description="ISO date, inclusive.")
    doc_ids: list[str] = Field(default_factory=list, description="Only these documents.")


class AskBody(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    history: list[Message] = Field(
        default_factory=list, description="Earlier turns, oldest first (role user/assistant)."
    )
    filters: FilterBody | None = None
    engine: Literal["extractive", "llm"] | None = None
    passages: int | None = Field(default=None, ge=1, le=50)
    conversation_id: str | None = Field(
        default=None, description="Save the turn in this conversation ('new' starts one)."
    )


class AddBody(BaseModel):
    url: str = Field(default="", description="A web page or an RSS/Atom feed to ingest.")
    text: str = Field(default="", description="Or the article's text, pasted.")
    title: str = ""
    source: str = ""
    date: str = ""


class MemoBody(BaseModel):
    topic: str = Field(min_length=1, max_length=500)
    format: Literal["json", "md", "docx", "html"] = "json"


class RenameBody(BaseModel):
    title: str = Field(min_length=1, max_length=200)


class ChatBody(BaseModel):
    model: str = MODEL_NAME
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    temperature: float | None = None
    max_tokens: int | None = None
    user: str | None = None


# --- access -------------------------------------------------------------------------------------


def read_api_keys(value: str) -> list[str]:
    """BRIEFING_API_KEYS: comma-separated keys, or the path of a file of keys (one a line)."""
    value = (value or "").strip()
    if not value:
        return []
    path = Path(value).expanduser()
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        return [k.strip() for k in lines if k.strip() and not k.strip().startswith("#")]
    return [k.strip() for k in value.split(",") if k.strip()]


def auth_check(auth: AuthCheck | Sequence[tuple[str, str]] | None) -> AuthCheck | None:
    """The app's login as one function (a list of user:password pairs, or the app's own check)."""
    if auth is None or callable(auth):
        return auth
    pairs = list(auth)

    def check(user: str, password: str) -> bool:
        ok = False
        for u, p in pairs:  # compare with every pair: no early exit to time
            ok |= hmac.compare_digest(u, user) & hmac.compare_digest(p, password)
        return ok

    return check


def _key_owner(key: str) -> str:
    return "key-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def make_guard(check: AuthCheck | None, keys: Sequence[str]) -> Callable[[Request], str]:
    """A dependency that returns who is calling (a login name, or a key's fingerprint)."""

    def guard(request: Request) -> str:
        if check is None and not keys:
            return "anonymous"
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and value:
            if any(hmac.compare_digest(value, k) for k in keys):
                return _key_owner(value)
            user, sep, password = value.partition(":")
            if check is not None and sep and check(user, password):
                return user
        elif scheme.lower() == "basic" and check is not None:
            try:
                user, _, password = base64.b64decode(value).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError):
                user, password = "", ""
            if user and check(user, password):
                return user
        raise HTTPException(
            status_code=401,
            detail="log in (HTTP Basic, as in the app) or send 'Authorization: Bearer API_KEY'",
            headers={"WWW-Authenticate": 'Basic realm="Briefing Assistant"'},
        )

    return guard


def _current_user(request: Request) -> str:
    guard: Callable[[Request], str] = request.app.state.guard
    return guard(request)


User = Annotated[str, Depends(_current_user)]  # who is calling; 401 when nobody is logged in


# --- the app ------------------------------------------------------------------------------------


def create_api(
    assistant: Assistant,
    auth: AuthCheck | Sequence[tuple[str, str]] | None = None,
    api_keys: Sequence[str] = (),
) -> FastAPI:
    """The FastAPI app with the REST and OpenAI-compatible routes (mount the UI into it)."""
    api = FastAPI(
        title="Briefing Assistant API",
        version="1",
        description="Cited answers, search, documents, positions and memos from your articles.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    api.state.guard = make_guard(auth_check(auth), list(api_keys))
    a = assistant

    @api.post("/api/v1/ask", tags=["questions"])
    def ask(body: AskBody, user: User) -> dict[str, Any]:
        """Answer a question from the stored sources, every sentence cited."""
        if body.engine == "llm" and not a.llm_configured:
            raise HTTPException(400, "the LLM engine is not configured (BRIEFING_LLM_MODEL)")
        history = [{"role": m.role, "content": m.text()} for m in body.history]
        filters = body.filters.model_dump() if body.filters else None
        with ANSWERING:
            answer = a.ask(body.question, history, filters, body.engine, passages=body.passages)
        result = answer.to_dict()
        if body.conversation_id:
            result["conversation_id"] = a.save_turn(user, body.conversation_id, answer)
        return result

    @api.get("/api/v1/search", tags=["questions"])
    def search(
        user: User,
        q: Annotated[str, Query(min_length=1, max_length=2000, description="The query.")],
        k: Annotated[int, Query(ge=1, le=100)] = 10,
        mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
        source: Annotated[list[str] | None, Query(description="Only these outlets.")] = None,
        date_from: str = "",
        date_to: str = "",
    ) -> dict[str, Any]:
        """The passages that best match a query."""
        filters = {"sources": source or [], "date_from": date_from, "date_to": date_to}
        hits = a.search(q, k=k, filters=filters, mode=mode)
        return {"query": q, "passages": [p.to_dict() for p in hits]}

    @api.get("/api/v1/documents", tags=["documents"])
    def documents(user: User) -> dict[str, Any]:
        """Every stored document with its chunk count."""
        return {"documents": [d.to_dict() for d in a.documents()]}

    @api.get("/api/v1/documents/{doc_id}", tags=["documents"])
    def document(doc_id: str, user: User) -> dict[str, Any]:
        """One stored document, with its text."""
        found = next((d for d in a.documents() if d.doc_id == doc_id), None)
        if found is None:
            raise HTTPException(404, f"no document {doc_id}")
        return {**found.to_dict(), "text": a.document_text(doc_id) or ""}

    @api.post("/api/v1/documents", tags=["documents"])
    def add(body: AddBody, user: User) -> JSONResponse:
        """Add a web page or feed by its address, or pasted text."""
        if body.url.strip() and not body.text.strip():
            report = a.ingest_url(body.url)
        elif body.text.strip():
            meta = {"title": body.title, "source": body.source, "date": body.date, "url": body.url}
            report = a.ingest_text(body.text, **{k: v for k, v in meta.items() if v.strip()})
        else:
            raise HTTPException(422, "give a 'url' or a 'text'")
        return _report(report)

    @api.post("/api/v1/documents/files", tags=["documents"])
    def upload(files: Annotated[list[UploadFile], File()], user: User) -> JSONResponse:
        """Add uploaded files (every format the app takes)."""
        from assistant.types import IngestFailure

        cap = int(a.services.settings.max_file_mb * 1_000_000)
        too_large = []
        with tempfile.TemporaryDirectory(prefix="briefing-upload-") as folder:
            paths = []
            for i, f in enumerate(files):
                name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(f.filename or "upload").name)
                path = Path(folder) / f"{i}-{name.lstrip('.') or 'upload'}"
                if _copy_capped(f, path, cap):
                    paths.append(path)
                else:
                    reason = f"file is above the {cap / 1e6:g} MB limit (BRIEFING_MAX_FILE_MB)"
                    too_large.append(IngestFailure(f.filename or name, reason))
            report = a.ingest(paths)
        report.failed[:0] = too_large
        return _report(report)

    @api.delete("/api/v1/documents/{doc_id}", tags=["documents"])
    def delete(doc_id: str, user: User) -> dict[str, Any]:
        """Remove one document."""
        if not a.delete(doc_id):
            raise HTTPException(404, f"no document {doc_id}")
        return {"deleted": True, "doc_id": doc_id}

    @api.get("/api/v1/positions", tags=["positions"])
    def positions(
        user: User, party: str | None = None, topic: str | None = None, stance: str | None = None
    ) -> dict[str, Any]:
        """Who demands, rejects, offers, warns or assures what, each statement cited."""
        found = a.positions(topic=topic, party=party, stance=stance)
        return {"positions": [p.to_dict() for p in found]}

    @api.post("/api/v1/memo", tags=["memos"], response_model=None)
    def memo(body: MemoBody, user: User) -> dict[str, Any] | FileResponse:
        """A short cited memo: JSON, or a file (`format` md, docx or html)."""
        return _memo(a, body.topic, body.format)

    @api.get("/api/v1/memo", tags=["memos"], response_model=None)
    def memo_get(
        user: User,
        topic: Annotated[str, Query(min_length=1, max_length=500)],
        format: Literal["json", "md", "docx", "html"] = "json",
    ) -> dict[str, Any] | FileResponse:
        """The same memo, for a link or `curl -O`."""
        return _memo(a, topic, format)

    @api.get("/api/v1/feeds", tags=["documents"])
    def feeds(user: User) -> dict[str, Any]:
        """The feeds this store follows, when each was last read and what it added."""
        return {"feeds": [f.to_dict() for f in a.feeds()]}

    @api.get("/api/v1/status", tags=["documents"])
    def status(user: User) -> dict[str, Any]:
        st = a.status()
        return {"documents": st.documents, "chunks": st.chunks, "embedder": st.embedder}

    _conversation_routes(api, a)
    _openai_routes(api, a)
    return api


def _copy_capped(upload: UploadFile, path: Path, cap: int) -> bool:
    """Copy an upload to `path` in pieces; False (nothing kept) once it passes `cap` bytes."""
    written = 0
    with path.open("wb") as out:
        while piece := upload.file.read(1 << 20):
            written += len(piece)
            if written > cap:
                break
            out.write(piece)
    if written > cap:
        path.unlink()
        return False
    return True


def _report(report: Any) -> JSONResponse:
    """An ingest report; 422 when nothing at all could be added."""
    body = report.to_dict()
    failed_only = report.failed and not (report.added or report.unchanged or report.replaced)
    return JSONResponse(body, status_code=422 if failed_only else 200)


def _memo(a: Assistant, topic: str, format: str) -> dict[str, Any] | FileResponse:
    with ANSWERING:
        result = a.memo(topic.strip())
    if format == "json":
        return result.to_dict()
    folder = Path(tempfile.mkdtemp(prefix="briefing-memo-"))
    stem = re.sub(r"[^A-Za-z0-9]+", "-", topic).strip("-").lower()[:60] or "memo"
    path = result.export(format, folder / f"{stem}.{format}")
    return FileResponse(
        path,
        media_type=MEDIA[format],
        filename=path.name,
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _conversation_routes(api: FastAPI, a: Assistant) -> None:
    @api.get("/api/v1/conversations", tags=["conversations"])
    def conversations(user: User) -> dict[str, Any]:
        """The saved conversations of the caller, latest first."""
        return {"conversations": [c.summary() for c in a.conversations(user)]}

    @api.get("/api/v1/conversations/{conversation_id}", tags=["conversations"])
    def conversation(conversation_id: str, user: User) -> dict[str, Any]:
        """One saved conversation with every answer and its citations."""
        found = a.conversation(user, conversation_id)
        if found is None:
            raise HTTPException(404, f"no conversation {conversation_id}")
        return found.to_dict()

    @api.get("/api/v1/conversations/{conversation_id}/markdown", tags=["conversations"])
    def export(conversation_id: str, user: User) -> Any:
        """The conversation as Markdown, sources listed under each answer."""
        from fastapi.responses import Response

        found = a.conversation(user, conversation_id)
        if found is None:
            raise HTTPException(404, f"no conversation {conversation_id}")
        return Response(found.markdown(), media_type=MEDIA["md"])

    @api.patch("/api/v1/conversations/{conversation_id}", tags=["conversations"])
    def rename(conversation_id: str, body: RenameBody, user: User) -> dict[str, Any]:
        if not a.rename_conversation(user, conversation_id, body.title):
            raise HTTPException(404, f"no conversation {conversation_id}")
        return {"conversation_id": conversation_id, "title": body.title.strip()}

    @api.delete("/api/v1/conversations/{conversation_id}", tags=["conversations"])
    def remove(conversation_id: str, user: User) -> dict[str, Any]:
        if not a.delete_conversation(user, conversation_id):
            raise HTTPException(404, f"no conversation {conversation_id}")
        return {"deleted": True, "conversation_id": conversation_id}


# --- the OpenAI chat protocol ---------------------------------------------------------------------


def _openai_routes(api: FastAPI, a: Assistant) -> None:
    @api.get("/v1/models", tags=["openai"])
    def models(user: User) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "local"}],
        }

    @api.post("/v1/chat/completions", tags=["openai"], response_model=None)
    def completions(body: ChatBody, user: User) -> dict[str, Any] | StreamingResponse:
        """An answer from the sources as an OpenAI chat completion (the last user message is
        the question, earlier messages the conversation; system messages are ignored).
        """
        turns = [m for m in body.messages if m.role in ("user", "assistant")]
        if not turns or turns[-1].role != "user" or not turns[-1].text().strip():
            raise HTTPException(400, "the last message must be the user's question")
        history = [{"role": m.role, "content": m.text()} for m in turns[:-1]]
        question = turns[-1].text().strip()
        cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        if body.stream:
            return StreamingResponse(
                _stream(a, question, history, cid, created, body.model),
                media_type="text/event-stream",
            )
        with ANSWERING:
            answer = a.ask(question, history)
        content = answer_plain(answer)
        return {
            "id": cid,
            "object": "chat.completion",
            "created": created,
            "model": body.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": _usage(question, content),
            "citations": [c.to_dict() for c in answer.citations],
        }


def _stream(
    a: Assistant, question: str, history: list[dict[str, str]], cid: str, created: int, model: str
) -> Iterator[str]:
    def chunk(delta: dict[str, str], finish: str | None = None) -> str:
        payload = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    answer: Answer | None = None
    with ANSWERING:
        for item in a.stream(question, history):
            if not isinstance(item, str):
                answer = item
    content = answer_plain(answer) if answer is not None else "No answer."
    for piece in re.findall(r"\S+\s*", content) or [content]:
        yield chunk({"content": piece})
    yield chunk({}, "stop")
    yield "data: [DONE]\n\n"


def _usage(question: str, content: str) -> dict[str, int]:
    prompt, completion = len(question.split()), len(content.split())
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }
