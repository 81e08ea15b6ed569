"""Load test: N simulated users ask the launched app (through its HTTP API, as gradio_client
does) while an ingestion runs; prints throughput, p50/p95 latency and errors.

Loopback only, bounded in requests and time; it stops by itself.

    python -m bench.load [--users 8] [--questions 10] [--seconds 120]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from bench.common import QUESTIONS, SHARED, free_port

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=8)
    ap.add_argument("--questions", type=int, default=10, help="per user")
    ap.add_argument("--seconds", type=float, default=120, help="hard stop")
    args = ap.parse_args()

    from gradio_client import Client

    import app
    from assistant.api import open_assistant

    with tempfile.TemporaryDirectory() as tmp:
        a = open_assistant(Path(tmp) / "store")
        a.ingest([SHARED / "corpus" / "articles"])
        ui = app.create_ui(a)
        port = free_port()
        ui.launch(
            prevent_thread_lock=True,
            server_name="127.0.0.1",
            server_port=port,
            quiet=True,
            **app.launch_options(),
        )
        url = f"http://127.0.0.1:{port}/"
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + args.seconds

        def user(i: int) -> None:
            c = Client(url, verbose=False)
            for j in range(args.questions):
                if time.monotonic() > deadline:
                    return
                q = QUESTIONS[(i + j) % len(QUESTIONS)]
                t = time.perf_counter()
                try:
                    chat = c.predict(q, api_name="/ask")[0]
                    assert chat and "briefing-answer" in str(chat[-1]["content"])
                    with lock:
                        latencies.append(time.perf_counter() - t)
                except Exception as exc:  # counted, not raised: this is a measurement
                    with lock:
                        errors.append(repr(exc)[:200])

        ingest_seconds: list[float] = []

        def ingest() -> None:  # the seed article plus pasted copies while users ask
            c = Client(url, verbose=False)
            t = time.perf_counter()
            seed = (SHARED / "seed" / "geneva-talks-dpa.txt").read_text(encoding="utf-8")
            for k in range(5):
                if time.monotonic() > deadline:
                    break
                c.predict(
                    f"Load test note {k}. " + seed[: 1500 + 400 * k],
                    f"Load note {k}",
                    "load test",
                    "",
                    "",
                    api_name="/add_text",
                )
            ingest_seconds.append(time.perf_counter() - t)

        threads = [threading.Thread(target=user, args=(i,)) for i in range(args.users)]
        threads.append(threading.Thread(target=ingest))
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 30)
        wall = time.perf_counter() - started
        ui.close()
        a.close()

    ms = np.array(latencies) * 1000 if latencies else np.array([0.0])
    print(
        f"{args.users} users x {args.questions} questions against the launched app "
        f"(extractive engine, sample corpus), ingestion running alongside "
        f"({ingest_seconds[0] if ingest_seconds else float('nan'):.1f} s for 5 pasted articles)\n"
    )
    print("| users | answers | errors | throughput (answers/s) | p50 ms | p95 ms | mean ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.users} | {len(latencies)} | {len(errors)} | {len(latencies) / wall:.1f} | "
        f"{np.percentile(ms, 50):.0f} | {np.percentile(ms, 95):.0f} | {statistics.mean(ms):.0f} |"
    )
    for e in errors[:5]:
        print("error:", e)


if __name__ == "__main__":
    main()
