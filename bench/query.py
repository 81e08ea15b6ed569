"""Query latency on a large index: `search` and extractive `ask`, model already loaded; and the
LangChain-tutorial peer's retriever on the same index (latency) and on the sample corpus (gold-set
recall), in the same run.

The index holds the real sample corpus plus filler documents made of the corpus's own sentences
in random mixes (realistic text and term statistics for BM25). Filler vectors are real
embeddings of corpus chunks with a little noise, so they crowd the same neighbourhoods as the
real ones without costing an hour of embedding. Questions are embedded and answered for real.

    python -m bench.query [--chunks 10000] [--queries 60]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import peer
from bench.common import QUESTIONS, SAMPLES


class FillerEmbedder:
    """Real model for everything but filler documents, which get noisy copies of real vectors."""

    def __init__(self, real, pool: np.ndarray, seed: int = 7) -> None:
        self.real, self.pool, self.rng = real, pool, np.random.default_rng(seed)
        self.filler = False

    name = property(lambda self: self.real.name)
    dim = property(lambda self: self.real.dim)

    def embed_documents(self, texts):
        if not self.filler:
            return self.real.embed_documents(texts)
        picks = self.pool[self.rng.integers(0, len(self.pool), len(texts))]
        noisy = picks + self.rng.normal(0, 0.03, picks.shape).astype(np.float32)
        return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)

    def embed_query(self, text):
        return self.real.embed_query(text)

    def count_tokens(self, texts):
        return self.real.count_tokens(texts)


def build(store: Path, target_chunks: int, real) -> object:
    from assistant.api import open_assistant
    from eval.run import evaluate, load_gold
    from index.chunking import sentence_spans

    probe = open_assistant(store, embedder=real)
    probe.ingest(SAMPLES)
    ours = evaluate(probe, load_gold(), modes=["hybrid"], ask=False)["retrieval"]["hybrid"]
    texts = [probe.document_text(d.doc_id) or "" for d in probe.documents()]
    pool = real.embed_documents([p.text for q in QUESTIONS for p in probe.search(q, k=10)])
    probe.close()
    sentences = [t[s:e] for t in texts for s, e in sentence_spans(t)]
    emb = FillerEmbedder(real, pool)
    a = open_assistant(store, embedder=emb)
    rng = random.Random(11)
    emb.filler = True
    batch: list[Path] = []
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        while a.services.vectors.count() < target_chunks:
            body = " ".join(rng.sample(sentences, 30))
            f = Path(tmp) / f"filler-{n:06d}.txt"
            f.write_text(f"title: Filler {n}\ndate: 2022-0{1 + n % 9}-1{n % 9}\n---\n{body}\n")
            batch.append(f)
            n += 1
            if len(batch) == 200:
                a.ingest(batch)
                batch = []
        a.ingest(batch)
    emb.filler = False
    return a, ours


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=60)
    args = ap.parse_args()
    from assistant.services import build_embedder
    from assistant.settings import Settings

    real = build_embedder(Settings())
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        a, ours_quality = build(Path(tmp) / "store", args.chunks, real)
        built = time.perf_counter() - t
        chunks = a.services.vectors.count()
        questions = [
            QUESTIONS[i % len(QUESTIONS)] + ("" if i < len(QUESTIONS) else f" ({i})")
            for i in range(args.queries)
        ]
        for q in QUESTIONS[:3]:  # warm caches of the process, not of the questions measured
            a.search(q)
        search_ms, ask_ms = [], []
        for q in questions:
            t = time.perf_counter()
            a.search(q, k=10)
            search_ms.append((time.perf_counter() - t) * 1000)
        for q in questions:
            t = time.perf_counter()
            a.ask(q)
            ask_ms.append((time.perf_counter() - t) * 1000)
        from eval.run import load_gold

        peer_emb = peer.embeddings()
        peer_ms = peer.latency_ms(peer.copy_of_index(a, Path(tmp) / "peer", peer_emb), questions)
        peer_quality = peer.quality(
            peer.build_from_files(SAMPLES, Path(tmp) / "peer-samples", peer_emb), load_gold()
        )
        a.close()
    print(
        f"Index: {chunks:,} chunks (built in {built:.0f} s); {len(questions)} questions; "
        f"model {real.name}\n"
    )
    print("| operation | p50 ms | p95 ms | mean ms | target |")
    print("|---|---:|---:|---:|---|")
    print(
        f"| search (hybrid, k=10) | {pct(search_ms, 50):.1f} | {pct(search_ms, 95):.1f} | "
        f"{statistics.mean(search_ms):.1f} | p50 <= 50 |"
    )
    print(
        f"| ask (extractive) | {pct(ask_ms, 50):.1f} | {pct(ask_ms, 95):.1f} | "
        f"{statistics.mean(ask_ms):.1f} | p50 <= 200, p95 <= 400 (issue 13, re-ranker on) |"
    )
    print(
        f"| peer: LangChain tutorial retriever (Chroma + HuggingFaceEmbeddings, dense, k=10) | "
        f"{pct(peer_ms, 50):.1f} | {pct(peer_ms, 95):.1f} | {statistics.mean(peer_ms):.1f} | |"
    )
    print(
        f"\nRetrieval quality on the sample corpus, gold set ({ours_quality['n']} questions with "
        "relevant files), file-level:\n"
    )
    print("| retriever | recall@5 | recall@10 | MRR |")
    print("|---|---:|---:|---:|")
    print(
        f"| ours (hybrid, follow-ups rewritten) | {ours_quality['recall@5']:.3f} | "
        f"{ours_quality['recall@10']:.3f} | {ours_quality['mrr']:.3f} |"
    )
    print(
        f"| peer: LangChain tutorial (RCTS 1000/200, dense, raw question) | "
        f"{peer_quality['recall@5']:.3f} | {peer_quality['recall@10']:.3f} | "
        f"{peer_quality['mrr']:.3f} |"
    )


if __name__ == "__main__":
    main()
