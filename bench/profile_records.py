"""Where the time of a record-file ingest goes: the pipeline's stages timed from every thread
(cProfile sees only the main thread, and the ingest runs on three), as seconds per stage.

    .venv/bin/python -m bench.profile_records FILE.jsonl [--spacy] [--cprofile]

Stages overlap (planning on the main thread, parsing and writing on two others), so their sum
is more than the wall time; their CPU seconds (each thread's own) show the work itself, their
wall seconds include waiting for the interpreter lock.
"""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

SPENT: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_LOCK = threading.Lock()


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*a: Any, **k: Any) -> Any:
        t, c = time.perf_counter(), time.thread_time()
        try:
            return fn(*a, **k)
        finally:
            with _LOCK:
                SPENT[name] += time.perf_counter() - t
                CPU[name] += time.thread_time() - c
                CALLS[name] += 1

    return wrapper


def _patch(obj: Any, attr: str, name: str) -> None:
    setattr(obj, attr, _timed(name, getattr(obj, attr)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--spacy", action="store_true")
    ap.add_argument("--cprofile", action="store_true", help="also cProfile the main thread")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    if not args.spacy:
        os.environ["BRIEFING_SPACY_MODEL"] = ""

    import index.articles as articles
    import index.catalog as catalog
    import index.dedup as dedup
    import index.integrity as integrity
    import index.loaders as loaders
    import index.pipeline as pipeline
    import index.store as store
    from assistant.api import open_assistant

    _patch(pipeline, "load_file", "load_file")
    for name in dir(pipeline):  # the batched entry points, when present
        if name.startswith("build_article"):
            _patch(pipeline, name, name)
    _patch(articles, "detect_language", "detect_language")
    _patch(articles, "normalise", "normalise")
    _patch(articles, "read_clues", "read_clues")
    for name in ("signature", "signatures", "band_keys", "best_match"):
        if hasattr(dedup, name):
            _patch(dedup, name, f"dedup.{name}")
    _patch(pipeline, "chunk_article", "chunk_article")
    _patch(pipeline, "ensure_readable", "ensure_readable")
    _patch(pipeline, "refresh_metadata", "refresh_metadata")
    for m in (
        "doc_for_origin",
        "has_document",
        "minhashes",
        "commit_document",
        "commit_documents",
        "begin_pending_many",
        "add_alias",
        "clear_pending",
        "add_people",
    ):
        if hasattr(catalog.Catalog, m):
            _patch(catalog.Catalog, m, f"catalog.{m}")
    for m in ("add", "missing", "refresh", "delete", "ids_for"):
        if hasattr(store.ChromaIndex, m):
            _patch(store.ChromaIndex, m, f"chroma.{m}")
    _patch(pipeline.Ingestor, "_plan", "Ingestor._plan (all)")
    for m in ("_plan_many",):
        if hasattr(pipeline.Ingestor, m):
            _patch(pipeline.Ingestor, m, f"Ingestor.{m} (all)")
    _ = loaders, integrity

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        a = open_assistant(Path(tmp) / "store")
        t_open = time.perf_counter() - t0
        svc = a.services
        emb = getattr(svc, "embedder", None)
        if emb is not None:
            _patch(emb, "embed_documents", "embedder.embed_documents")
        ann = getattr(getattr(svc, "ingestor", None), "_annotate", None)
        if ann is not None:
            svc.ingestor._annotate = _timed("annotate", ann)  # type: ignore[union-attr]
            parser = ann._reader.parser
            _patch(parser, "parse", "spacy.parse")
            if hasattr(parser, "_serve"):  # how many requests each nlp.pipe served
                real_serve = parser._serve

                def serve(nlp: Any, batch: list[Any]) -> None:
                    CALLS["nlp.pipe requests served"] += len(batch)
                    real_serve(nlp, batch)

                parser._serve = _timed("nlp.pipe (batched)", serve)
        t1, c1 = time.perf_counter(), time.process_time()
        if args.cprofile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
        report = a.ingest_sources([str(args.file)])
        wall, cpu = time.perf_counter() - t1, time.process_time() - c1
        if args.cprofile:
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
        a.close()
    for f in report.failed[:3]:
        print("failed:", f.path, f.reason)
    print(
        f"open {t_open:.1f} s; ingest {wall:.1f} s wall, {cpu:.1f} s cpu: added {report.added}, duplicates "
        f"{report.duplicates}, failed {len(report.failed)}, chunks {report.chunks}"
    )
    for name, secs in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {name:36s} {secs:8.2f} s wall {CPU[name]:8.2f} s cpu {CALLS[name]:7d} calls")


if __name__ == "__main__":
    main()
