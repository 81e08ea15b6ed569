"""The app as `briefing serve` runs it (the REST API with the Gradio UI mounted, one uvicorn
server) on a free loopback port, in a thread of the test process."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.support.servers import free_port


@contextmanager
def serve_app(assistant: Any, auth: Any = None, **settings: Any) -> Iterator[str]:
    """Yield the base URL (no trailing slash) of the running server; stop it afterwards."""
    import uvicorn

    import app
    from assistant.settings import Settings

    server = app.build_server(assistant, Settings(**settings), auth)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(server, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=15)
