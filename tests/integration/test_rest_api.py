"""The REST API and the OpenAI-compatible endpoint, served with the web app in one uvicorn
server on a loopback port, called through httpx and the `openai` client, with and without login.
"""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.rest_app import serve_app
from tests.support.ui_app import build_store
from tests.support.web import NewsServer

STRIKE = "Halvern dock strike ends with pay deal"
QUESTION = "What pay rise did the union accept?"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[Any]:
    a = build_store(tmp_path_factory.mktemp("rest") / "store", real_embedder)
    yield a
    a.close()


@pytest.fixture(scope="module")
def open_api(store: Any) -> Iterator[str]:
    with serve_app(store, store=store.services.settings.store) as base:
        yield base


@pytest.fixture(scope="module")
def locked_api(store: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    keys = tmp_path_factory.mktemp("keys") / "keys.txt"
    keys.write_text("# scripts\nkey-ci-123\nkey-bot-456\n", encoding="utf-8")
    with serve_app(store, auth=[("analyst", "s3cret")], api_keys=str(keys)) as base:
        yield base


def test_ask_search_documents_and_docs_without_login(open_api: str) -> None:
    with httpx.Client(base_url=open_api, timeout=60) as http:
        docs = http.get("/api/v1/documents").json()["documents"]
        assert STRIKE in [d["title"] for d in docs]
        answer = http.post("/api/v1/ask", json={"question": QUESTION}).json()
        assert "seven percent" in answer["text"] and "[1]" in answer["text"]
        assert answer["citations"][0]["title"] == STRIKE
        assert answer["citations"][0]["url"] == "https://ledger.example/strike-ends"
        filtered = http.post(
            "/api/v1/ask",
            json={"question": QUESTION, "filters": {"sources": ["Sideline Weekly"]}},
        ).json()
        assert all(c["source"] == "Sideline Weekly" for c in filtered["citations"])
        hits = http.get("/api/v1/search", params={"q": "border talks artillery", "k": 2}).json()
        assert hits["passages"][0]["title"] == "Valmora and Ostrand open border talks"
        assert http.get("/api/v1/positions").status_code == 200
        assert http.post("/api/v1/ask", json={"question": ""}).status_code == 422
        assert "/api/v1/ask" in http.get("/api/openapi.json").json()["paths"]
        assert "swagger" in http.get("/api/docs").text.lower()
        assert http.get("/config").status_code == 200  # the web app, on the same port


def test_documents_can_be_added_uploaded_and_deleted(open_api: str, store: Any) -> None:
    text = (
        "The ferry between Skarra and the mainland resumed on Saturday after pier repairs. "
        "The operator said crossings run every two hours until the summer timetable starts."
    )
    with httpx.Client(base_url=open_api, timeout=60) as http:
        added = http.post("/api/v1/documents", json={"text": text, "title": "Skarra ferry resumes"})
        assert added.status_code == 200 and added.json()["added"] == 1
        upload = http.post(
            "/api/v1/documents/files",
            files={"files": ("quay.txt", b"title: Quay lights fixed\n---\n" + text[:90].encode())},
        )
        assert upload.json()["added"] == 1, upload.json()
        broken = http.post(
            "/api/v1/documents/files", files={"files": ("bad.json", b"{not json", "text/plain")}
        )
        assert broken.status_code == 422
        assert broken.json()["failed"][0]["reason"].startswith("malformed JSON")
        by_title = {d["title"]: d for d in http.get("/api/v1/documents").json()["documents"]}
        doc_id = by_title["Skarra ferry resumes"]["doc_id"]
        assert "pier repairs" in http.get(f"/api/v1/documents/{doc_id}").json()["text"]
        for title in ("Skarra ferry resumes", "Quay lights fixed"):
            gone = http.delete(f"/api/v1/documents/{by_title[title]['doc_id']}")
            assert gone.json() == {"deleted": True, "doc_id": by_title[title]["doc_id"]}
        assert http.delete(f"/api/v1/documents/{doc_id}").status_code == 404
        assert "Skarra ferry resumes" not in {
            d["title"] for d in http.get("/api/v1/documents").json()["documents"]
        }


def test_an_internal_address_is_refused_through_the_api(open_api: str) -> None:
    news = NewsServer()  # on 127.0.0.1, which this server does not allow
    try:
        r = httpx.post(f"{open_api}/api/v1/documents", json={"url": f"{news.base}/article/harbour"})
    finally:
        news.close()
    assert r.status_code == 422
    assert "internal address" in r.json()["failed"][0]["reason"]
    assert news.requests == []


def test_memo_as_json_and_as_files(open_api: str) -> None:
    with httpx.Client(base_url=open_api, timeout=120) as http:
        memo = http.post("/api/v1/memo", json={"topic": "the Halvern dock strike"}).json()
        assert memo["markdown"].startswith("#") and memo["citations"]
        md = http.get("/api/v1/memo", params={"topic": "the Halvern dock strike", "format": "md"})
        assert md.headers["content-type"].startswith("text/markdown")
        assert "attachment" in md.headers["content-disposition"] and "Halvern" in md.text
        docx = http.post(
            "/api/v1/memo", json={"topic": "the Halvern dock strike", "format": "docx"}
        )
        with zipfile.ZipFile(io.BytesIO(docx.content)) as z:
            assert "Halvern" in z.read("word/document.xml").decode()
        html = http.post(
            "/api/v1/memo", json={"topic": "the Halvern dock strike", "format": "html"}
        )
        assert html.text.lstrip().lower().startswith("<!doctype html")


def test_openai_client_gets_cited_answers_streamed_and_not(open_api: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{open_api}/v1", api_key="unused", timeout=60)
    assert [m.id for m in client.models.list()] == ["briefing-assistant"]
    messages: Any = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": QUESTION},
    ]
    reply = client.chat.completions.create(model="briefing-assistant", messages=messages)
    content = reply.choices[0].message.content or ""
    assert "seven percent" in content and "[1]" in content
    assert f"[1] {STRIKE}" in content  # the sources follow the answer
    stream = client.chat.completions.create(
        model="briefing-assistant", messages=messages, stream=True
    )
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    assert len(pieces) > 3 and "".join(pieces) == content


def test_login_and_api_keys_guard_the_api(locked_api: str) -> None:
    from openai import AuthenticationError, OpenAI

    basic = "Basic " + base64.b64encode(b"analyst:s3cret").decode()
    wrong = "Basic " + base64.b64encode(b"analyst:nope").decode()
    with httpx.Client(base_url=locked_api, timeout=60) as http:
        assert http.get("/api/v1/documents").status_code == 401
        assert http.get("/api/v1/documents", headers={"Authorization": wrong}).status_code == 401
        bad_key = {"Authorization": "Bearer key-guess"}
        assert http.get("/api/v1/documents", headers=bad_key).status_code == 401
        assert http.get("/api/v1/documents", headers={"Authorization": basic}).status_code == 200
        ok = http.get("/api/v1/documents", headers={"Authorization": "Bearer key-bot-456"})
        assert ok.status_code == 200 and ok.json()["documents"]
        assert http.get("/config").status_code in (401, 403)  # the app keeps its login
    with pytest.raises(AuthenticationError):
        OpenAI(base_url=f"{locked_api}/v1", api_key="key-guess").chat.completions.create(
            model="briefing-assistant", messages=[{"role": "user", "content": QUESTION}]
        )
    client = OpenAI(base_url=f"{locked_api}/v1", api_key="key-ci-123", timeout=60)
    reply = client.chat.completions.create(
        model="briefing-assistant", messages=[{"role": "user", "content": QUESTION}]
    )
    assert "seven percent" in (reply.choices[0].message.content or "")
    as_login = OpenAI(base_url=f"{locked_api}/v1", api_key="analyst:s3cret", timeout=60)
    assert [m.id for m in as_login.models.list()] == ["briefing-assistant"]


def test_conversations_are_kept_per_user(locked_api: str, tmp_path: Path) -> None:
    analyst = {"Authorization": "Basic " + base64.b64encode(b"analyst:s3cret").decode()}
    bot = {"Authorization": "Bearer key-bot-456"}
    with httpx.Client(base_url=locked_api, timeout=60) as http:
        first = http.post(
            "/api/v1/ask", json={"question": QUESTION, "conversation_id": "new"}, headers=analyst
        ).json()
        cid = first["conversation_id"]
        follow = {
            "question": "Where did the talks take place?",
            "history": [
                {"role": "user", "content": QUESTION},
                {"role": "assistant", "content": first["text"]},
            ],
            "conversation_id": cid,
        }
        assert (
            http.post("/api/v1/ask", json=follow, headers=analyst).json()["conversation_id"] == cid
        )
        [listed] = [
            c
            for c in http.get("/api/v1/conversations", headers=analyst).json()["conversations"]
            if c["conversation_id"] == cid
        ]
        assert listed["turns"] == 2 and listed["title"] == QUESTION
        assert http.get("/api/v1/conversations", headers=bot).json()["conversations"] == []
        assert http.get(f"/api/v1/conversations/{cid}", headers=bot).status_code == 404
        full = http.get(f"/api/v1/conversations/{cid}", headers=analyst).json()
        assert full["messages"][0]["answer"]["citations"][0]["title"] == STRIKE
        renamed = http.patch(
            f"/api/v1/conversations/{cid}", json={"title": "Dock strike"}, headers=analyst
        )
        assert renamed.json()["title"] == "Dock strike"
        md = http.get(f"/api/v1/conversations/{cid}/markdown", headers=analyst).text
        assert md.startswith("# Dock strike") and f"## {QUESTION}" in md and STRIKE in md
        assert "## Where did the talks take place?" in md
        assert http.delete(f"/api/v1/conversations/{cid}", headers=analyst).json()["deleted"]
        assert http.get(f"/api/v1/conversations/{cid}", headers=analyst).status_code == 404


def test_uploads_above_the_limit_and_an_unset_llm_are_refused(open_store: Any) -> None:
    a = open_store(spacy_model="", max_file_mb=0.001)  # 1 kB
    with serve_app(a) as base, httpx.Client(base_url=base, timeout=60) as http:
        big = http.post("/api/v1/documents/files", files={"files": ("big.txt", b"word " * 1000)})
        assert big.status_code == 422
        assert big.json()["failed"] == [
            {"path": "big.txt", "reason": "file is above the 0.001 MB limit (BRIEFING_MAX_FILE_MB)"}
        ]
        llm = http.post("/api/v1/ask", json={"question": "Who?", "engine": "llm"})
        assert llm.status_code == 400 and "not configured" in llm.json()["detail"]
    assert a.documents() == []
