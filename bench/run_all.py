"""Run every benchmark and write bench/RESULTS.md (machine, date, each table).

    python bench/run_all.py [--full]      # --full adds 1M chunks to the scale run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
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
    out = subprocess.run([sys.executable, str(HERE / name), *args], capture_output=True,
                         text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    text = out.stdout.strip()
    print(text, flush=True)
    if out.returncode:
        text += f"\n\n(exit {out.returncode}: {out.stderr.strip().splitlines()[-1:]})"
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    sizes = ["10000", "100000"] + (["1000000"] if args.full else [])
    sections = [
        ("Ingestion, ours against the LangChain tutorial pipeline", run("ingest.py", ["--repeat", "3"])),
        ("Query latency on a 10k-chunk index", run("query.py", ["--chunks", "10000"])),
        ("Concurrent users while ingesting", run("load.py", ["--users", "8", "--questions", "10"])),
        ("Growth with the index", run("scale.py", ["--sizes", *sizes])),
    ]
    body = [f"# Benchmark results\n\n{dt.date.today().isoformat()} on {machine()}.\n"
            "Made by `make bench` (`bench/run_all.py`); each section is one script's output.\n"]
    for title, text in sections:
        body.append(f"## {title}\n\n{text}\n")
    (HERE / "RESULTS.md").write_text("\n".join(body), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
