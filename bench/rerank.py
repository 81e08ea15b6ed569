"""What the answer re-ranker costs per question, and what reordering passages by it would give.

    .venv/bin/python -m bench.rerank SNAPSHOT_DIR [--split dev] [--weeks 6]
                                     [--cache /work/data/newsqa_stores] [--depth 30]

For each question of the chosen RealTime QA weeks (kept week stores from `eval.newsqa --cache`;
2024/2025 only, through `eval.newsqa.discover`), it prints:

- the re-ranker's time per question inside `ask` (ms p50/p95: the cross-encoder over every
  candidate sentence), and how many sentences it read;
- answer recall@10 and @1 of the retriever's passages as they are, and of its top `--depth`
  reordered by the re-ranker (a passage scored by its best sentence), alone or fused with the
  retriever's rank (reciprocal rank fusion), with the time that reordering would add.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class Timed:
    """A re-ranker that counts the time and sentences it is given."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.ms = 0.0
        self.texts = 0

    @property
    def name(self) -> str:
        return str(self.inner.name)

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        t0 = time.perf_counter()
        out: np.ndarray = self.inner.score(query, texts)
        self.ms += (time.perf_counter() - t0) * 1000
        self.texts += len(texts)
        return out


def _pct(values: Sequence[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    from assistant.api import open_assistant
    from assistant.citations import passage_sentences
    from eval.newsqa import assign_split, discover, load_split, load_week, occurs, spread
    from index.reranker import OpenVinoReranker

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("snapshot")
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--weeks", type=int, default=6)
    ap.add_argument("--cache", type=Path, default=Path("/work/data/newsqa_stores"))
    ap.add_argument("--depth", type=int, default=30)
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args(argv)
    snap = discover(args.snapshot)
    weeks = spread(assign_split(snap.weeks, load_split())[args.split], args.weeks)
    timed = Timed(OpenVinoReranker())
    ask_ms: list[float] = []
    ask_texts: list[int] = []
    rerank_ms: list[float] = []
    ranks: dict[str, list[int | None]] = {"retriever": [], "re-ranker": [], "fused": []}
    for week in weeks:
        wdir = args.cache / week
        if not (wdir / "ingested").exists():
            print(
                f"[{week}] no kept store in {wdir}: run eval.newsqa --cache first", file=sys.stderr
            )
            continue
        questions, articles = load_week(snap.weeks[week])
        pool = [r["text"] for r in articles]
        a = open_assistant(wdir / "store")
        a.services.answerer._reranker = timed  # the same model, timed
        try:
            a.ask("What happened this week?")  # warm-up: compiles the model
            for q in questions:
                gold = q.choices[q.gold]
                if not any(occurs(gold, t) for t in pool):
                    continue  # unanswerable from the week's articles
                timed.ms, timed.texts = 0.0, 0
                a.ask(q.text)
                ask_ms.append(timed.ms)
                ask_texts.append(timed.texts)
                passages = a.search(q.text, k=args.depth)
                t0 = time.perf_counter()
                best = []
                for p in passages:
                    sents = [t for t, _ in passage_sentences(p)] or [p.text]
                    best.append(float(timed.inner.score(q.text, sents).max()))
                rerank_ms.append((time.perf_counter() - t0) * 1000)
                order = {
                    "retriever": list(range(len(passages))),
                    "re-ranker": sorted(range(len(passages)), key=lambda i: -best[i]),
                }
                by_cross = {i: r for r, i in enumerate(order["re-ranker"])}
                order["fused"] = sorted(
                    range(len(passages)), key=lambda i: -(1 / (60 + i) + 1 / (60 + by_cross[i]))
                )
                for name, o in order.items():
                    hit = next(
                        (r for r, i in enumerate(o, 1) if occurs(gold, passages[i].text)), None
                    )
                    ranks[name].append(hit)
        finally:
            a.close()
        print(f"[{week}] {len(ask_ms)} answerable questions so far", file=sys.stderr, flush=True)
    n = len(ask_ms)
    print(f"## Re-ranker cost and passage reordering ({args.split}, {len(weeks)} weeks, {n} q)")
    print()
    print("| | p50 | p95 |")
    print("|---|---:|---:|")
    print(f"| re-ranker ms per ask | {_pct(ask_ms, 50):.1f} | {_pct(ask_ms, 95):.1f} |")
    print(f"| sentences read per ask | {_pct(ask_texts, 50):.0f} | {_pct(ask_texts, 95):.0f} |")
    print(
        f"| reorder top {args.depth} ms | {_pct(rerank_ms, 50):.1f} | {_pct(rerank_ms, 95):.1f} |"
    )
    print()
    print(f"| passages | recall@{args.k} | recall@1 |")
    print("|---|---:|---:|")
    for name, rs in ranks.items():
        at_k = sum(r is not None and r <= args.k for r in rs) / max(1, len(rs))
        at_1 = sum(r == 1 for r in rs) / max(1, len(rs))
        print(f"| {name} | {at_k:.3f} | {at_1:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
