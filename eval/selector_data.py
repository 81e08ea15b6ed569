"""Candidate answer sentences from RealTime QA weeks, for fitting the answer selector.

    .venv/bin/python -m eval.selector_data SNAPSHOT_DIR --split train|dev [--weeks N]
                                           [--cache DIR] [--out DIR]

For each week (2024/2025 only, through `eval.newsqa.discover`; the reserved years are never
read) the week's articles are ingested into a store (kept under `--cache`, so a second run
reuses it), and for each question the passages the extractive engine would read are retrieved
exactly as `ask` retrieves them. One JSON line per question is written: the question, its
choices and gold index (one file per week in `--out`), and for every passage its text, spans, rank and metadata, with each
sentence's dense similarity to the question. Features are computed later from these lines by
the same code the answer path uses (`assistant.selector.features`), so a change of features
needs no re-ingest.

The output holds article text: it stays out of the repository (default under /work/data).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def dump_week(
    week: str, files: dict[str, Path], cache: Path, out: Any, embedder: Any, window: int | None = 0
) -> Any:
    from assistant.api import open_assistant
    from assistant.citations import passage_sentences
    from eval.newsqa import load_week

    questions, articles = load_week(files)
    wdir = cache / week
    wdir.mkdir(parents=True, exist_ok=True)
    done = wdir / "ingested"
    art_file = wdir / "articles.jsonl"
    if not done.exists():
        with open(art_file, "w", encoding="utf-8") as f:
            for r in articles:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    a = open_assistant(wdir / "store", embedder=embedder)
    try:
        if not done.exists():
            a.ingest([art_file])
            done.write_text("ok")
        svc = a.services
        cfg = svc.answerer.config
        for q in questions:
            passages = svc.retriever.search(q.text, k=cfg.passages, window=window)
            qvec = svc.embedder.embed_query(q.text)
            rows = []
            for rank, p in enumerate(passages, 1):
                sents = passage_sentences(p)
                vecs = svc.embedder.embed_documents([t for t, _ in sents]) if sents else []
                rows.append(
                    {
                        "rank": rank,
                        "passage": p.to_dict(),
                        "sims": [round(float(v @ qvec), 5) for v in vecs],
                    }
                )
            rec = {
                "week": week,
                "id": q.id,
                "question": q.text,
                "choices": q.choices,
                "gold": q.gold,
                "passages": rows,
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
        return svc.embedder
    finally:
        a.close()


def main(argv: Sequence[str] | None = None) -> int:
    from eval.newsqa import assign_split, discover, load_split, spread

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("snapshot")
    ap.add_argument("--split", choices=["train", "dev"], default="train")
    ap.add_argument("--weeks", type=int, default=None)
    ap.add_argument("--cache", default="/work/data/newsqa_stores")
    ap.add_argument("--out", default=None)
    ap.add_argument(
        "--window", type=int, default=0, help="passage window in characters (-1: the default)"
    )
    ap.add_argument("--cached-only", action="store_true", help="only weeks already ingested")
    ap.add_argument("--reverse", action="store_true", help="latest weeks first (a second worker)")
    args = ap.parse_args(argv)
    snap = discover(args.snapshot)
    split = assign_split(snap.weeks, load_split())
    weeks = spread(split[args.split], args.weeks)
    out_dir = Path(args.out or "/work/data/selector")
    out_dir.mkdir(parents=True, exist_ok=True)
    embedder = None
    for w in reversed(weeks) if args.reverse else weeks:
        target = out_dir / f"{w}.jsonl"
        if target.exists() or target.with_suffix(".part").exists():
            continue  # done, or another worker is on it
        if args.cached_only and not (Path(args.cache) / w / "ingested").exists():
            continue
        print(f"[{w}] ...", file=sys.stderr, flush=True)
        part = target.with_suffix(".part")
        with open(part, "w", encoding="utf-8") as out:
            window = None if args.window < 0 else args.window
            embedder = dump_week(w, snap.weeks[w], Path(args.cache), out, embedder, window)
        part.rename(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
