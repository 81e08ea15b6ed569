"""Time and peak memory of `briefing ingest` on the two inputs of issue 17 that tied up the
machine: a 20 MB one-line .txt (before: 7 min 54 s and 4.2 GB) and a JSON Lines file of
100,000 small records (before: past 10 minutes with nothing committed).

Each case is one `briefing ingest` process on a fresh store; its wall time and peak resident
memory (ru_maxrss from wait4) are printed as a table.

    .venv/bin/python bench/bounded_inputs.py [--records 100000] [--spacy]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "harbour council minister union strike talks ceasefire budget ferry tunnel glacier orchard "
    "enzyme bridge tariff election court verdict reform pension railway drought flood vaccine"
).split()


def one_line(path: Path, megabytes: int = 20) -> Path:
    r = random.Random(1)
    words: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        w = r.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    path.write_text(" ".join(words), encoding="utf-8")  # one line, no sentence end
    return path


def records(path: Path, n: int) -> Path:
    r = random.Random(2)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = (
                f"Wire item {i}: the {r.choice(WORDS)} of town {i % 977} met the "
                f"{r.choice(WORDS)} over {r.choice(WORDS)} on day {i % 28 + 1}."
            )
            rec = {"title": f"Wire {i}", "date": f"2024-03-{i % 28 + 1:02d}", "text": text}
            f.write(json.dumps(rec) + "\n")
    return path


def run(name: str, target: Path, store: Path, env: dict[str, str]) -> dict[str, object]:
    cli = "from assistant.cli import app; app()"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", cli, "ingest", str(target), "--store", str(store), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    # the child has been reaped by communicate(); its peak memory is in RUSAGE_CHILDREN, which
    # only grows, so each case runs in a fresh bench process (see main)
    import resource

    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = json.loads(out) if out.strip() else {}
    return {
        "case": name,
        "seconds": round(seconds, 1),
        "peak_mb": round(peak_mb),
        "added": report.get("added"),
        "chunks": report.get("chunks"),
        "failed": [f["reason"] for f in report.get("failed", [])][:1],
        "exit": proc.returncode,
        "stderr": err.strip().splitlines()[-1:] if proc.returncode else [],
    }


CASES = ("line-default", "line-raised", "records")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--spacy", action="store_true", help="keep the language layer on")
    ap.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case is None:  # one fresh process per case: RUSAGE_CHILDREN is a running maximum
        print("| input | seconds | peak MB | outcome |")
        print("|---|---|---|---|")
        for case in CASES:
            cmd = [sys.executable, __file__, "--case", case, "--records", str(args.records)]
            res = json.loads(
                subprocess.run(
                    cmd + (["--spacy"] if args.spacy else []),
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            outcome = (
                f"refused: {res['failed'][0]}"
                if res["failed"] and not res["added"]
                else f"added {res['added']} documents, {res['chunks']} chunks"
            )
            print(f"| {res['case']} | {res['seconds']} | {res['peak_mb']} | {outcome} |")
        return
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    if not args.spacy:
        env["BRIEFING_SPACY_MODEL"] = ""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.case == "line-default":
            res = run("20 MB one-line .txt", one_line(work / "line.txt"), work / "s", env)
        elif args.case == "line-raised":  # past the size cap: the chunk cap must stop it
            env["BRIEFING_MAX_FILE_MB_BY_TYPE"] = '{".txt": 50}'
            res = run(
                "20 MB one-line .txt, .txt cap raised to 50 MB",
                one_line(work / "line.txt"),
                work / "s",
                env,
            )
        else:
            n = args.records
            res = run(f"{n:,} small JSONL records", records(work / "r.jsonl", n), work / "s", env)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
