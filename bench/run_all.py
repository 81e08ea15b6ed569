"""Run every benchmark and write bench/RESULTS.md (machine, date, each table).

python -m bench.run_all            # make bench: 10k and 100k chunks (about 15 minutes)
python -m bench.run_all --quick    # make bench-quick: small sizes, a few minutes
python -m bench.run_all --full     # make bench-full: adds 1M chunks in every mode (about 100 minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:
        mem = "?"
    return f"{cpu}, {os.cpu_count()} CPUs, {mem} RAM, Python {platform.python_version()}"


def run(name: str, args: list[str]) -> str:
    print(f"== {name}", flush=True)
    out = subprocess.run(
        [sys.executable, "-m", f"bench.{Path(name).stem}", *args],
        cwd=HERE.parent,  # the checkout: `bench` and `eval` import from there
        capture_output=True,
        text=True,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    text = "\n".join(
        line
        for line in out.stdout.strip().splitlines()
        if not line.startswith("Closing server running on port")
    )  # Gradio's
    print(text, flush=True)
    if out.returncode:
        text += f"\n\n(exit {out.returncode}: {out.stderr.strip().splitlines()[-1:]})"
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--news", default="", help="RealTime QA snapshot: ingest real news (issue 18)")
    args = ap.parse_args()
    news = ["--news", args.news] if args.news else []
    started = time.perf_counter()
    if args.quick:
        kind = "quick (`make bench-quick`)"
        plan = (
            ["--repeat", "1"],
            ["--chunks", "3000", "--queries", "30"],
            ["--users", "8", "--questions", "3"],
            ["--sizes", "2000", "10000", "--queries", "15"],
        )
    else:
        kind = "full (`make bench-full`)" if args.full else "standard (`make bench`)"
        plan = (
            ["--repeat", "3"],
            ["--chunks", "10000"],
            ["--users", "8", "--questions", "10"],
            ["--sizes", "10000", "100000"],
        )
    sections = [
        (
            "Ingestion, ours against the LangChain tutorial pipeline",
            run("ingest.py", plan[0] + news),
        ),
        (
            "Query latency, and retrieval against the LangChain tutorial peer",
            run("query.py", plan[1]),
        ),
        ("Concurrent users while ingesting", run("load.py", plan[2])),
        ("Growth with the index", run("scale.py", plan[3])),
    ]
    if args.full:
        sections.append(("Growth to 1M chunks", run("scale.py", ["--sizes", "100000", "1000000"])))
    minutes = (time.perf_counter() - started) / 60
    body = [
        f"# Benchmark results\n\n{dt.date.today().isoformat()} on {machine()}.\n"
        f"Run: {kind}, {minutes:.0f} minutes, by `bench/run_all.py`; each section is one "
        "script's output.\n"
    ]
    for title, text in sections:
        body.append(f"## {title}\n\n{text}\n")
    args.out.write_text("\n".join(body), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
