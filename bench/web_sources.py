"""What pages, feeds and the REST API cost, against a local HTTP server (tests/support/web.py).

- the size cap: a 50 MB page refused at the default 10 MB cap: wall time, peak Python memory
  while fetching (tracemalloc), and how much the server managed to send;
- a feed of N generated articles: the first read (every item fetched, extracted, embedded), then
  a second read (every item known by its address: nothing fetched again);
- the API: per question, `Assistant.ask` in the process vs `POST /api/v1/ask` and
  `POST /v1/chat/completions` over HTTP, each question asked once before (warm caches), so
  the difference is the HTTP layer.

    python -m bench.web_sources [--items 30] [--questions 8]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import httpx

from bench.common import QUESTIONS, SAMPLES
from tests.support.rest_app import serve_app
from tests.support.web import NewsServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--questions", type=int, default=8)
    args = parser.parse_args()

    from assistant.api import open_assistant

    news = NewsServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            a = open_assistant(Path(tmp) / "store", fetch_allow_hosts="127.0.0.1")
            tracemalloc.start()
            t0 = time.perf_counter()
            report = a.ingest_url(f"{news.base}/big")
            seconds = time.perf_counter() - t0
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            time.sleep(0.3)
            print(
                f"50 MB page, 10 MB cap: refused in {seconds:.2f} s "
                f"({report.failed[0].reason}); peak Python memory {peak / 1e6:.1f} MB; "
                f"server sent {news.big_sent / 1e6:.1f} MB before the client hung up"
            )
            feed = f"{news.base}/genfeed/{args.items}.xml"
            t0 = time.perf_counter()
            first = a.ingest_url(feed)
            t1 = time.perf_counter()
            again = a.ingest_url(feed)
            t2 = time.perf_counter()
            print(
                f"feed of {args.items} articles: first read {t1 - t0:.2f} s "
                f"({first.added} added, {(t1 - t0) / max(1, first.added) * 1000:.0f} ms each), "
                f"second read {t2 - t1:.2f} s ({again.unchanged} known, {again.added} added)"
            )
            a.ingest(SAMPLES)
            questions = QUESTIONS[: args.questions]
            a.ask(questions[0])  # warm up
            with serve_app(a) as base, httpx.Client(base_url=base, timeout=120) as http:
                direct, rest, openai = [], [], []
                for q in questions:
                    a.ask(q)  # warm: all three then answer from the same caches
                    t0 = time.perf_counter()
                    a.ask(q)
                    direct.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    http.post("/api/v1/ask", json={"question": q}).raise_for_status()
                    rest.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    body = {
                        "model": "briefing-assistant",
                        "messages": [{"role": "user", "content": q}],
                    }
                    http.post("/v1/chat/completions", json=body).raise_for_status()
                    openai.append(time.perf_counter() - t0)
            for name, xs in (
                ("Assistant.ask", direct),
                ("POST /api/v1/ask", rest),
                ("POST /v1/chat/completions", openai),
            ):
                print(
                    f"{name:28s} median {statistics.median(xs) * 1000:6.0f} ms  "
                    f"max {max(xs) * 1000:6.0f} ms  ({len(xs)} questions)"
                )
            a.close()
    finally:
        news.close()


if __name__ == "__main__":
    main()
