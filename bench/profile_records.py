"""Where the time of an ingest goes (a record file or a folder of articles): the pipeline's
stages timed from every thread (cProfile sees only the main thread, and the ingest runs on
three), as seconds per stage; then the CPU seconds of every thread (OpenVINO's own inference
threads included) and of the parser's child process; with --components, what each spaCy
component costs on the very sentences the ingest parsed.

    .venv/bin/python -m bench.profile_records PATH [--spacy] [--components] [--cprofile]

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
    ap.add_argument(
        "--components",
        action="store_true",
        help="time each spaCy component on the sentences the ingest parsed (implies --spacy)",
    )
    args = ap.parse_args()
    args.spacy = args.spacy or args.components
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
            real_parse = parser.parse

            def parse(texts: Any) -> Any:
                PARSED.extend(texts)
                return real_parse(texts)

            parser.parse = _timed("spacy.parse", parse)
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
        threads = _thread_cpu()
        a.close()
    for f in report.failed[:3]:
        print("failed:", f.path, f.reason)
    print(
        f"open {t_open:.1f} s; ingest {wall:.1f} s wall, {cpu:.1f} s cpu: added {report.added}, duplicates "
        f"{report.duplicates}, failed {len(report.failed)}, chunks {report.chunks}"
    )
    for name, secs in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {name:36s} {secs:8.2f} s wall {CPU[name]:8.2f} s cpu {CALLS[name]:7d} calls")
    print("CPU seconds by thread and process (since start, opening included):")
    for name, secs in sorted(threads.items(), key=lambda kv: -kv[1]):
        print(f"  {name:52s} {secs:8.2f} s cpu")
    if args.components and PARSED:
        _components(PARSED)


PARSED: list[str] = []


def _thread_cpu() -> dict[str, float]:
    """CPU seconds of each of this process's threads, grouped: Python's by name, the others
    (native pools: OpenVINO's inference threads, the tokenizer's) together; and the children's
    (the parser's process), read while they still run.
    """
    import psutil

    me = psutil.Process()
    named = {t.native_id: t.name.split("_")[0].rstrip("-0123456789") for t in threading.enumerate()}
    out: dict[str, float] = defaultdict(float)
    for t in me.threads():
        name = named.get(t.id, "native threads (OpenVINO inference, tokenizers)")
        out[f"thread: {name}"] += t.user_time + t.system_time
    total = me.cpu_times()
    out["threads ended by now (the write and annotate pools)"] = (
        total.user + total.system - sum(out.values())
    )
    for child in me.children(recursive=True):
        try:
            c = child.cpu_times()
        except psutil.Error:
            continue
        out["child process: the parser (spaCy)"] += c.user + c.system
    return out


def _components(texts: list[str]) -> None:
    """Each component of the parser's pipeline timed alone on the texts the ingest parsed."""
    from assistant.settings import Settings
    from index.language import load_pipeline

    nlp = load_pipeline(Settings().spacy_model)
    words = sum(len(t.split()) for t in texts)
    docs = [nlp.make_doc(t) for t in texts[:64]]  # warm
    c = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.process_time() - c}
    for name, proc in nlp.pipeline:
        c = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))
        spent[name] = time.process_time() - c
    print(f"spaCy components on the {len(texts)} texts parsed ({words} words), CPU seconds:")
    for name, secs in spent.items():
        print(f"  {name:36s} {secs:8.2f} s cpu")


if __name__ == "__main__":
    main()
