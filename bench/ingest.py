"""Ingestion as a user meets it: ours (`briefing ingest`) against the LangChain tutorial pipeline
(bench/peer_ingest.py), each a whole process timed from its start to its exit (imports, model
load, reading, chunking, the language layer, embedding, writing), alternating, medians.

Words are the source documents' words, counted once, whatever the chunking. Peak memory is the
largest resident set of the process and its children together (our parser runs in a child
process), sampled every 0.1 s. With --news or --paths real news is used; without, the small
sample corpus is repeated
(each copy marked, and our near-duplicate check lifted, so both sides embed every copy), which
says less: the sample is 39 texts about one topic.

    python -m bench.ingest [--repeat 3] [--news SNAPSHOT | --paths DIR ...] [--words 150000]

With --news (a RealTime QA snapshot, as `make bench NEWSQA=...` passes it), the articles of its
dev weeks are written to a temporary folder until they hold --words words.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = [SHARED / "corpus" / "articles", SHARED / "seed"]
ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def source_words(paths: list[Path]) -> int:
    from index.loaders import iter_files, load_file

    total = 0
    for f, ok in iter_files(paths):
        if ok:
            total += sum(len(d.text.split()) for d in load_file(f, 10**9))
    return total


def news_articles(snapshot: Path, target_words: int, folder: Path) -> tuple[list[Path], str]:
    """The articles of the news benchmark's dev weeks (2024 and 2025 only: `eval.newsqa` never
    reads the weeks kept for acceptance), newest week first, each written as a text file with
    its title and address, until they hold `target_words`. Article text stays out of the repo:
    it is written to a temporary folder.
    """
    from eval.newsqa import assign_split, discover, load_split, load_week

    snap = discover(snapshot)
    dev = assign_split(snap.weeks, load_split())["dev"]
    words, n, used = 0, 0, []
    for week in reversed(dev):
        _, articles = load_week(snap.weeks[week])
        used.append(week)
        for a in articles:
            n += 1
            head = f"title: {a['title']}\nurl: {a['url']}\n"
            if a["date"]:
                head += f"date: {a['date']}\n"
            (folder / f"{n:04d}.txt").write_text(f"{head}---\n{a['text']}\n", encoding="utf-8")
            words += len(a["text"].split())
            if words >= target_words:
                return [folder], f"{n} articles of {len(used)} dev weeks ({used[-1]}–{used[0]})"
    if not n:
        raise SystemExit(f"{snapshot}: no 2024/2025 dev week with articles")
    return [folder], f"{n} articles of {len(used)} dev weeks (all of them)"


def repeated_samples(target_words: int, folder: Path) -> list[Path]:
    """The sample corpus copied until it holds `target_words`; each copy's files differ in
    their first line, so neither side may skip them as identical."""
    files = [f for p in SAMPLES if p.is_dir() for f in sorted(p.rglob("*.txt"))]
    if not files:
        raise SystemExit(f"no sample corpus under {SHARED}; pass --paths")
    words, copy = 0, 0
    while words < target_words:
        copy += 1
        for f in files:
            text = f.read_text(encoding="utf-8")
            (folder / f"c{copy:02d}_{f.name}").write_text(f"Copy {copy}.\n{text}", encoding="utf-8")
            words += len(text.split()) + 2
    return [folder]


def command(side: str, paths: list[Path], store: Path) -> list[str]:
    if side == "ours":
        briefing = Path(sys.executable).with_name("briefing")
        return [str(briefing), "ingest", *map(str, paths), "--store", str(store), "--json"]
    return [sys.executable, "-m", "bench.peer_ingest", str(store), *map(str, paths)]


def run(side: str, paths: list[Path], extra_env: dict[str, str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, **ENV, **extra_env)
        env["PYTHONPATH"] = str(ROOT)
        started = time.perf_counter()
        proc = subprocess.Popen(
            command(side, paths, Path(tmp) / "store"),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak: list[float] = []
        watch = threading.Thread(target=_watch_memory, args=(proc, peak), daemon=True)
        watch.start()
        out, err = proc.communicate()
        seconds = time.perf_counter() - started
        watch.join()
        if proc.returncode:
            raise SystemExit(f"{side} failed ({proc.returncode}): {err.strip()[-600:]}")
        result = json.loads(out.strip().splitlines()[-1] if side == "peer" else out)
    chunks = result.get("chunks", 0)
    return {
        "seconds": seconds,
        "chunks": float(chunks),
        "failed": float(len(result.get("failed", []))),
        "tree_rss_mb": max(peak, default=0.0),
    }


def _watch_memory(proc: subprocess.Popen[str], peak: list[float]) -> None:
    """The largest resident memory of the process and its children together, sampled every
    0.1 s: our parser runs in a child process, and a per-process maximum would leave it out.
    Pages the two share are counted twice, so this errs on our side's disadvantage.
    """
    import psutil

    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        return
    while proc.poll() is None:
        try:
            total = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
        except psutil.Error:
            total = 0
        peak.append(total / 2**20)
        time.sleep(0.1)


def run_measured(side: str, paths: list[Path], extra_env: dict[str, str]) -> dict[str, float]:
    """`run` in a fresh child of our own, so RUSAGE_CHILDREN's maximum is this run's alone."""
    code = (
        "import json, resource, sys; from bench.ingest import run; "
        f"r = run({side!r}, [__import__('pathlib').Path(p) for p in {list(map(str, paths))!r}], "
        f"{extra_env!r}); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); r['peak_rss_mb'] = u.ru_maxrss / 1024; "
        "r['cpu_s'] = u.ru_utime + u.ru_stime; "
        "print(json.dumps(r))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(out.stderr.strip()[-800:])
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def loadavg() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", nargs="*", type=Path, default=None)
    ap.add_argument(
        "--news", type=Path, default=None, help="RealTime QA snapshot: ingest its dev-week articles"
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--words", type=int, default=150_000, help="sample corpus size (no --paths)")
    ap.add_argument("--sides", nargs="*", default=["peer", "ours"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        extra: dict[str, str] = {}
        if args.news:
            paths, note = news_articles(args.news, args.words, Path(tmp))
            note = f"real news: {note}"
        elif args.paths:
            paths, note = args.paths, f"real news: {', '.join(p.name for p in args.paths)}"
        else:
            paths = repeated_samples(args.words, Path(tmp))
            extra = {"BRIEFING_NEAR_DUPLICATE_THRESHOLD": "1.01"}  # the copies are the point
            note = (
                "the small sample corpus repeated, "
                f"{', '.join(p.name for p in SAMPLES)} (pass --news for real news)"
            )
        words = source_words(paths)
        before = loadavg()
        runs: dict[str, list[dict[str, float]]] = {s: [] for s in args.sides}
        for _ in range(args.repeat):  # alternating, so a busy minute hits both sides
            for side in args.sides:
                runs[side].append(run_measured(side, paths, extra))
                print(f"  {side}: {runs[side][-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
    print(
        f"Ingestion, whole process, of {words:,} words ({note}); median of {args.repeat} "
        f"alternating runs, {os.cpu_count()} CPUs, load average {before} before, {loadavg()} after\n"
    )
    print(
        "| pipeline | chunks | wall s (median) | runs s | words/s | CPU s (median) "
        "| peak RSS MB, process tree (max) |"
    )
    print("|---|---:|---:|---|---:|---:|---:|")
    med = {}
    for side, rs in runs.items():
        med[side] = statistics.median(r["seconds"] for r in rs)
        print(
            f"| {side} | {int(rs[0]['chunks'])} | {med[side]:.1f} | "
            f"{', '.join(format(r['seconds'], '.1f') for r in rs)} | {words / med[side]:,.0f} | "
            f"{statistics.median(r['cpu_s'] for r in rs):.1f} | "
            f"{max(r['tree_rss_mb'] for r in rs):,.0f} |"
        )
    if "peer" in med and "ours" in med:
        print(f"\nwords/s ratio ours/peer: {med['peer'] / med['ours']:.2f}x (target >= 3x)")
        cpu = {k: statistics.median(r["cpu_s"] for r in rs) for k, rs in runs.items()}
        print(
            f"CPU seconds ratio peer/ours: {cpu['peer'] / cpu['ours']:.2f}x "
            "(less sensitive than wall time to other work on the machine)"
        )


if __name__ == "__main__":
    main()
