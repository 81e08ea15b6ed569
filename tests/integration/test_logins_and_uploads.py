"""Failed logins are rate-limited (the app's login form and the REST API share one check), and
an uploaded file does not stay on the server once read: nothing of a deleted document is left
in Gradio's upload folder.

The servers are real: the app launched on a loopback port, and the production server (the REST
API with the app mounted, as `app.main` builds it) under uvicorn.
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.logins import LoginGuard, TooManyLogins
from tests.support.servers import free_port, wait_port
from tests.support.ui_app import build_store, launch

PAIRS = [("analyst", "s3cret"), ("editor", "hunter22")]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_name_is_locked_out_after_its_failures_then_let_in_again():
    clock = Clock()
    guard = LoginGuard(PAIRS, max_failures=3, lockout=60, clock=clock)
    assert guard.check("analyst", "s3cret")
    assert not any(guard.check("analyst", f"guess{i}") for i in range(3))
    with pytest.raises(TooManyLogins, match=r"analyst; try again in 60 s"):
        guard.check("analyst", "s3cret")  # the right password does not help while locked
    assert guard.check("editor", "hunter22")  # other names are not affected
    clock.now += 61
    assert guard.check("analyst", "s3cret")
    # a success clears the count: two more failures do not lock
    assert not guard.check("analyst", "x") and not guard.check("analyst", "y")
    assert guard.check("analyst", "s3cret")


def test_lockouts_in_a_row_double_and_unknown_names_count_too():
    clock = Clock()
    guard = LoginGuard(PAIRS, max_failures=2, lockout=10, clock=clock)
    for expected in (10, 20, 40):
        guard.check("ghost", "a")
        guard.check("ghost", "b")
        with pytest.raises(TooManyLogins) as e:
            guard.check("ghost", "c")
        assert e.value.retry_after == expected
        clock.now += expected + 1


def test_spraying_many_names_stops_every_login_for_a_while():
    clock = Clock()
    guard = LoginGuard(PAIRS, max_failures=5, lockout=30, window=60, max_total=10, clock=clock)
    for i in range(10):
        assert not guard.check(f"user{i}", "password1")
    with pytest.raises(TooManyLogins, match="too many failed logins; try again"):
        guard.check("analyst", "s3cret")
    clock.now += 61
    assert guard.check("analyst", "s3cret")


def _login(http: Any, user: str, password: str) -> Any:
    return http.post("/login", data={"username": user, "password": password})


def test_the_app_login_form_refuses_a_locked_name(tmp_path: Path, real_embedder: Any) -> None:
    import httpx

    guard = LoginGuard(PAIRS, max_failures=3, lockout=2.0)
    r = launch(build_store(tmp_path / "store", real_embedder, articles=[]), auth=guard)
    try:
        with httpx.Client(base_url=r.url.rstrip("/"), timeout=10) as http:
            assert _login(http, "analyst", "s3cret").status_code == 200
            for _ in range(3):
                assert _login(http, "analyst", "wrong").status_code == 400
            refused = _login(http, "analyst", "s3cret")
            assert refused.status_code == 429, refused.text
            assert "too many failed logins" in refused.text
            assert int(refused.headers["retry-after"]) >= 1
            time.sleep(2.2)
            assert _login(http, "analyst", "s3cret").status_code == 200
    finally:
        r.ui.close()
        r.assistant.close()


@pytest.fixture
def production_server(tmp_path: Path, real_embedder: Any) -> Iterator[str]:
    """The server `app.main` runs: the REST API with the app mounted, one login check."""
    import uvicorn

    import app
    from assistant.settings import Settings

    a = build_store(tmp_path / "store", real_embedder, articles=[])
    settings = Settings(store=tmp_path / "store", login_max_failures=2, login_lockout_seconds=30)
    server_app = app.build_server(a, settings, app.login_check(PAIRS, settings))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(server_app, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_port(port)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    a.close()


def test_the_api_and_the_app_share_one_rate_limited_login(production_server: str) -> None:
    import httpx

    def basic(user: str, password: str) -> dict[str, str]:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    with httpx.Client(base_url=production_server, timeout=10) as http:
        assert http.get("/api/v1/documents", headers=basic("editor", "hunter22")).status_code == 200
        for _ in range(2):
            wrong = http.get("/api/v1/documents", headers=basic("editor", "nope"))
            assert wrong.status_code == 401
        locked = http.get("/api/v1/documents", headers=basic("editor", "hunter22"))
        assert locked.status_code == 429 and "retry-after" in locked.headers
        assert _login(http, "editor", "hunter22").status_code == 429  # the app's form too
        assert _login(http, "analyst", "s3cret").status_code == 200  # another name is fine


def test_the_upload_report_names_files_not_server_paths(tmp_path: Path, real_embedder: Any) -> None:
    from gradio.utils import get_upload_folder
    from gradio_client import Client, handle_file

    body = "The ferry between Skarra and the mainland resumed on Saturday after pier repairs.\n"
    (tmp_path / "ferry.txt").write_text(body, encoding="utf-8")
    (tmp_path / "ferry-copy.txt").write_text(body, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = launch(build_store(tmp_path / "store", real_embedder, articles=[]))
    try:
        files = [
            handle_file(str(tmp_path / n)) for n in ("ferry.txt", "ferry-copy.txt", "empty.txt")
        ]
        report, _ = Client(r.url, verbose=False).predict(files, api_name="/ingest_files")
        assert "1 added" in report and "1 failed" in report and "duplicate" in report, report
        shown = report.replace("\\", "")  # Markdown escapes taken off
        assert "ferry-copy.txt: identical to ferry.txt" in shown and "empty.txt" in shown
        assert get_upload_folder() not in shown and "/tmp" not in shown, report
    finally:
        r.ui.close()
        r.assistant.close()


def test_an_uploaded_file_is_not_left_on_the_server(tmp_path: Path, real_embedder: Any) -> None:
    from gradio.utils import get_upload_folder
    from gradio_client import Client, handle_file

    name = f"upload-{uuid.uuid4().hex[:8]}.txt"
    story = tmp_path / name
    story.write_text(
        "title: Skarra ferry resumes service\nsource: Island Post\ndate: 2024-02-10\n---\n"
        "The ferry between Skarra and the mainland resumed on Saturday after pier repairs.\n",
        encoding="utf-8",
    )
    folder = Path(get_upload_folder())
    r = launch(build_store(tmp_path / "store", real_embedder, articles=[]))
    try:
        c = Client(r.url, verbose=False)
        report, _ = c.predict([handle_file(str(story))], api_name="/ingest_files")
        assert "1 added" in report, report
        assert list(folder.rglob(name)) == []  # read, stored, and the copy is gone
        doc = r.assistant.documents()[0]
        assert r.assistant.document_text(doc.doc_id)  # the store keeps the text
        deleted, _ = c.predict(doc.doc_id, api_name="/delete")
        assert "Deleted" in deleted
        assert r.assistant.documents() == [] and list(folder.rglob(name)) == []
        assert story.exists()  # the user's own file is never touched
    finally:
        r.ui.close()
        r.assistant.close()
