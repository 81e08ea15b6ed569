"""Ingest of big record files (issue 17): a JSON Lines file of N short news records (30-80 words
each) against the same words as ordinary documents (the records joined, 20 to a .txt file),
each one `briefing ingest` process on a fresh store, timed from start to exit, with its peak
resident memory.

The goal it checks: a record file ingests in time proportional to its words, and as fast as the
same words in ordinary documents (records/s stays flat from 1k to 100k records). On a shared
machine the wall time follows the load; the CPU seconds of the ingest process (all its threads,
the embedder's included) say more about the work itself.

    .venv/bin/python -m bench.record_files [--records 1000 10000] [--spacy] [--docs]

`--docs` also times the same words as .txt documents; `--spacy` keeps the language layer on
(the default install does; without it the run measures everything but the parser).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}

_PLACES = (
    "Harwick Lowfield Marston Brennock Castlemere Dunholm Eastbury Fenwold Glenrith Holloway "
    "Ivesham Kettleby Larkspur Milbrook Northam Oakridge Pellham Quenby Redmarsh Stowe"
).split()
_PEOPLE = (
    "Anna Keller|Tomas Reyes|Priya Nair|Jonas Berg|Maria Costa|Daniel Okafor|Lena Fischer|"
    "Samuel Ortiz|Ruth Adeyemi|Viktor Hale|Clara Mendes|Owen Price"
).split("|")
_ROLES = ("mayor", "minister", "union leader", "spokeswoman", "spokesman", "council chair")
_BODIES = (
    "the harbour board",
    "the transport union",
    "the regional council",
    "the finance ministry",
    "the water authority",
    "the hospital trust",
    "the rail operator",
    "the farmers' association",
)
_TOPICS = (
    "ferry fares",
    "the tunnel budget",
    "pension reform",
    "drought relief",
    "the railway timetable",
    "flood defences",
    "a vaccine rollout",
    "school funding",
    "port tariffs",
    "glacier monitoring",
    "orchard subsidies",
    "bridge repairs",
)
_VERBS = ("demanded", "rejected", "offered", "warned about", "promised", "questioned")
_NOUNS = (
    "talks strike ceasefire budget verdict reform election deadline inquiry contract shortage "
    "agreement proposal vote review audit plan delay"
).split()


def _sentence(r: random.Random, i: int) -> str:
    place, person = r.choice(_PLACES), r.choice(_PEOPLE)
    body, topic = r.choice(_BODIES), r.choice(_TOPICS)
    kind = r.randrange(5)
    if kind == 0:
        return (
            f'"We will not accept {r.choice(_NOUNS)} on {topic}," said {person}, '
            f"the {r.choice(_ROLES)} of {place}."
        )
    if kind == 1:
        return f"{person} {r.choice(_VERBS)} {topic} at a meeting with {body} on day {i % 28 + 1}."
    if kind == 2:
        return (
            f"In {place}, {body} said the {r.choice(_NOUNS)} over {topic} would take "
            f"{r.randrange(2, 40)} weeks."
        )
    if kind == 3:
        return (
            f"Officials expect {r.randrange(100, 9000)} people to be affected by the "
            f"{r.choice(_NOUNS)} in {place}."
        )
    return f"The {r.choice(_NOUNS)} follows a {r.choice(_NOUNS)} that {body} called for in {place}."


def record_texts(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(title, date, text) of n records of 30-80 words, every one different."""
    r = random.Random(seed)
    out = []
    for i in range(n):
        words: list[str] = []
        want = r.randrange(30, 81)
        parts = [f"Item {i}:"]
        while len(words) < want:
            s = _sentence(r, i)
            parts.append(s)
            words.extend(s.split())
        text = " ".join(parts)
        title = f"{r.choice(_PLACES)} {r.choice(_NOUNS)} {i}"
        out.append((title, f"2024-{(i // 28) % 12 + 1:02d}-{i % 28 + 1:02d}", text))
    return out


def write_jsonl(path: Path, n: int) -> int:
    """The records as JSON Lines; returns their words."""
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for title, date, text in record_texts(n):
            words += len(text.split())
            f.write(json.dumps({"title": title, "date": date, "text": text}) + "\n")
    return words


def write_docs(folder: Path, n: int, per_doc: int = 20) -> int:
    """The same words as .txt documents of `per_doc` records each; returns their words."""
    folder.mkdir(parents=True, exist_ok=True)
    recs = record_texts(n)
    words = 0
    for k in range(0, n, per_doc):
        part = recs[k : k + per_doc]
        body = "\n\n".join(text for _, _, text in part)
        words += len(body.split())
        header = f"title: {part[0][0]}\ndate: {part[0][1]}\n---\n"
        (folder / f"doc{k // per_doc:05d}.txt").write_text(header + body, encoding="utf-8")
    return words


def run_one(target: Path, store: Path, env: dict[str, str]) -> dict[str, object]:
    """One `briefing ingest` process; returns its time, peak memory and report counts."""
    started = time.perf_counter()
    cli = "from assistant.cli import app; app()"
    proc = subprocess.run(
        [sys.executable, "-c", cli, "ingest", str(target), "--store", str(store), "--json"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = usage.ru_maxrss / 1024
    report = json.loads(proc.stdout) if proc.stdout.strip() else {}
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),  # all of its threads
        "peak_mb": round(peak_mb),
        "added": report.get("added"),
        "duplicates": report.get("duplicates"),
        "chunks": report.get("chunks"),
        "failed": len(report.get("failed", [])),
        "exit": proc.returncode,
        "stderr": proc.stderr.strip().splitlines()[-3:] if proc.returncode else [],
    }


def _case(kind: str, n: int, spacy: bool) -> dict[str, object]:
    env = dict(os.environ, **ENV)
    if not spacy:
        env["BRIEFING_SPACY_MODEL"] = ""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if kind == "records":
            target = work / "records.jsonl"
            words = write_jsonl(target, n)
        else:
            target = work / "docs"
            words = write_docs(target, n)
        res = run_one(target, work / "store", env)
    res.update(kind=kind, records=n, words=words)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--spacy", action="store_true", help="keep the language layer on")
    ap.add_argument("--docs", action="store_true", help="also time the same words as .txt files")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case:  # one fresh process per case: RUSAGE_CHILDREN is a running maximum
        kind, n = args.case.split(":")
        print(json.dumps(_case(kind, int(n), args.spacy)))
        return
    print(f"language layer: {'on' if args.spacy else 'off'}")
    print(
        "| input | records | words | seconds | records/s | words/s | CPU s | CPU ms/record "
        "| peak MB | outcome |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    kinds = ["records", "docs"] if args.docs else ["records"]
    for n in args.records:
        for kind in kinds:
            cmd = [sys.executable, "-m", "bench.record_files", "--case", f"{kind}:{n}"]
            out = subprocess.run(
                cmd + (["--spacy"] if args.spacy else []),
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
            res = json.loads(out)
            secs = float(str(res["seconds"])) or 1e-9
            outcome = (
                f"added {res['added']}, dup {res['duplicates']}, chunks {res['chunks']}, "
                f"failed {res['failed']}, exit {res['exit']} {res['stderr'] or ''}"
            )
            label = "JSONL records" if kind == "records" else ".txt, 20 records each"
            print(
                f"| {label} | {n:,} | {res['words']:,} | {secs:.1f} | {n / secs:.1f} | "
                f"{int(str(res['words'])) / secs:.0f} | {res['cpu_seconds']} | "
                f"{float(str(res['cpu_seconds'])) * 1000 / n:.1f} | {res['peak_mb']} | {outcome} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
