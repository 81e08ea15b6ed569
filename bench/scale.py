"""How query latency and memory grow with the index: 10k, 100k (and 1M) chunks, embedded
Chroma, a Chroma server, and a Chroma server with the catalog in PostgreSQL (the multi-host
set-up; a throwaway cluster is started, or BRIEFING_BENCH_PG_URL is used).

Text is realistic (chunks are mixes of the sample corpus's own sentences, so BM25 sees real term
statistics); vectors above what can be embedded here in reasonable time are synthetic: real
embeddings of corpus chunks plus noise, normalised. Questions are embedded and answered for real.
Writes go straight to the store's two halves (catalog + vectors) in bulk; the ingest pipeline's
own speed is bench/ingest.py's business.

    python -m bench.scale [--sizes 10000 100000] [--modes embedded server server+pg]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import QUESTIONS, SHARED, free_port


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return psutil.Process(pid or os.getpid()).memory_info().rss / 1e6


def pg_rss_mb(url: str) -> float:
    """RSS of the PostgreSQL server behind `url`: the postmaster and its backends."""
    import psutil
    import psycopg

    with psycopg.connect(url) as conn:
        data = conn.execute("SHOW data_directory").fetchone()[0]
    pid = int(Path(data, "postmaster.pid").read_text().split()[0])
    main = psutil.Process(pid)
    total = 0
    for p in [main, *main.children()]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:  # a backend that ended meanwhile
            pass
    return total / 1e6


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.2)
    raise RuntimeError("chroma server did not start")


def fill(a, target: int, sentences: list[str], pool: np.ndarray, rng: random.Random) -> float:
    """Add synthetic documents of 5 chunks each until the store holds `target` chunks."""
    from assistant.types import Article, Chunk
    from index.articles import content_id
    from index.chunking import chunk_id

    catalog, vectors = a.services.catalog, a.services.vectors
    nrng = np.random.default_rng(rng.randint(0, 10**6))
    t = time.perf_counter()
    have = vectors.count()
    n = 0
    while have < target:
        batch_ids, batch_texts, batch_meta, docs = [], [], [], []
        for _ in range(400):  # 2,000 chunks a round
            pos = 0
            chunks_text = [" ".join(rng.sample(sentences, 6)) for _ in range(5)]
            text = "\n\n".join(chunks_text)
            doc = content_id(f"{n}:{text}")
            date = f"2022-0{1 + n % 9}-{1 + n % 28:02d}"
            art = Article(
                doc_id=doc,
                text=text,
                title=f"Synthetic report {n}",
                source="bench",
                date=date,
                origin=f"bench:{n}",
            )
            chunks = []
            for k, body in enumerate(chunks_text):
                start = text.index(body, pos)
                pos = start + len(body)
                cid = chunk_id(doc, k, body)
                chunks.append(Chunk(cid, doc, k, body, start, pos, ((start, pos),)))
                batch_ids.append(cid)
                batch_texts.append(body)
                batch_meta.append(
                    {
                        "doc_id": doc,
                        "source": "bench",
                        "date": int(date.replace("-", "")),
                        "ordinal": k,
                    }
                )
            docs.append((art, chunks))
            n += 1
        picks = pool[nrng.integers(0, len(pool), len(batch_ids))]
        noisy = picks + nrng.normal(0, 0.03, picks.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        vectors.add(batch_ids, noisy.astype(np.float32), batch_texts, batch_meta)
        for art, chunks in docs:
            catalog.commit_document(art, chunks, None)
        have += len(batch_ids)
    return time.perf_counter() - t


def measure(a, queries: int) -> dict[str, float]:
    for q in QUESTIONS[:2]:
        a.ask(q)
    qs = [
        f"{QUESTIONS[i % len(QUESTIONS)]}{'' if i < len(QUESTIONS) else f' ({i})'}"
        for i in range(queries)
    ]
    s_ms, a_ms, d_ms, l_ms = [], [], [], []
    for q in qs:
        t = time.perf_counter()
        a.search(q, k=10)
        s_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        a.search(q, k=30, mode="dense")
        d_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        a.search(q, k=30, mode="lexical")
        l_ms.append((time.perf_counter() - t) * 1000)
    for q in qs:
        t = time.perf_counter()
        a.ask(q)
        a_ms.append((time.perf_counter() - t) * 1000)
    return {
        "dense_p50": float(np.percentile(d_ms, 50)),
        "lexical_p50": float(np.percentile(l_ms, 50)),
        "search_p50": float(np.percentile(s_ms, 50)),
        "search_p95": float(np.percentile(s_ms, 95)),
        "ask_p50": float(np.percentile(a_ms, 50)),
        "ask_p95": float(np.percentile(a_ms, 95)),
    }


def gold_recall(a) -> float:
    """Hybrid recall@5 of the gold set (its files are among the filler): does quality hold as
    the archive grows and the lexical leg skips common words?"""
    from eval.run import evaluate, load_gold

    return float(
        evaluate(a, load_gold(), modes=["hybrid"], ask=False)["retrieval"]["hybrid"]["recall@5"]
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--modes", nargs="*", default=["embedded", "server", "server+pg"])
    ap.add_argument("--queries", type=int, default=40)
    args = ap.parse_args()
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.chunking import sentence_spans

    embedder = build_embedder(Settings())
    rows = []
    for mode in args.modes:
        with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
            server = None
            pg_url = ""
            extra: dict[str, object] = {}
            if mode.startswith("server"):
                server, port = start_server(Path(tmp) / "chroma-server")
                extra = {"chroma_mode": "server", "chroma_port": port}
            if mode == "server+pg":
                pg_url = os.environ.get("BRIEFING_BENCH_PG_URL", "")
                if not pg_url:
                    from tests.support.servers import postgres_server

                    pg_url = stack.enter_context(postgres_server(Path(tmp) / "pg"))
                extra.update(catalog_url=pg_url, collection=f"scale{random.randrange(10**6)}")
            try:
                a = open_assistant(Path(tmp) / "store", embedder=embedder, **extra)
                a.ingest([SHARED / "corpus" / "articles", SHARED / "seed"])
                texts = [a.document_text(d.doc_id) or "" for d in a.documents()]
                sentences = [t[s:e] for t in texts for s, e in sentence_spans(t)]
                pool = embedder.embed_documents(
                    [p.text for q in QUESTIONS for p in a.search(q, k=8)]
                )
                rng = random.Random(7)
                for size in sorted(args.sizes):
                    built = fill(a, size, sentences, pool, rng)
                    m = measure(a, args.queries)
                    m["recall5"] = gold_recall(a)
                    m.update(
                        mode=mode,
                        chunks=a.services.vectors.count(),
                        build_s=built,
                        rss_mb=rss_mb(),
                        server_mb=(rss_mb(server.pid) if server else 0.0)
                        + (pg_rss_mb(pg_url) if pg_url else 0.0),
                    )
                    rows.append(m)
                    print(
                        f"  {mode} {m['chunks']:,}: search p50 {m['search_p50']:.0f} ms, "
                        f"ask p50 {m['ask_p50']:.0f} ms (built in {built:.0f} s)",
                        flush=True,
                    )
                if pg_url:
                    a.services.catalog.drop()  # type: ignore[attr-defined]
                a.close()
            finally:
                if server:
                    server.terminate()
                    server.wait(timeout=30)
    print(f"\nmodel {embedder.name}; {args.queries} questions per size\n")
    print(
        "| mode | chunks | dense leg p50 ms | lexical leg p50 ms | search p50 ms | search p95 ms | "
        "ask p50 ms | ask p95 ms | gold recall@5 | app RSS MB | servers RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['mode']} | {r['chunks']:,} | {r['dense_p50']:.0f} | {r['lexical_p50']:.0f} | "
            f"{r['search_p50']:.0f} | {r['search_p95']:.0f} | "
            f"{r['ask_p50']:.0f} | {r['ask_p95']:.0f} | {r['recall5']:.3f} | {r['rss_mb']:.0f} | "
            f"{r['server_mb'] or 0:.0f} |"
        )
    for mode in args.modes:
        rs = [r for r in rows if r["mode"] == mode]
        if len(rs) >= 2:
            lo, hi = rs[0], rs[-1]
            grow = np.log10(hi["chunks"] / lo["chunks"])
            print(
                f"\n{mode}: per 10x chunks, search p50 x{(hi['search_p50'] / lo['search_p50']) ** (1 / grow):.2f}, "
                f"ask p50 x{(hi['ask_p50'] / lo['ask_p50']) ** (1 / grow):.2f}, "
                f"RSS x{(hi['rss_mb'] / lo['rss_mb']) ** (1 / grow):.2f}"
            )


if __name__ == "__main__":
    main()
