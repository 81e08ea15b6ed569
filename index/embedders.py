"""Choosing the embedder the settings ask for (kept apart so the adapters stay import-light)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.embeddings import (
    Embedder,
    SentenceTransformerEmbedder,
    model_tag,
    offline_env,
    resolve_model_path,
)

# backend setting -> precision of the OpenVINO model it runs
OPENVINO = {"openvino": "fp32", "openvino-bf16": "bf16", "openvino-int8": "int8"}
ONNXRUNTIME_INT8 = "onnxruntime-int8"  # ONNX Runtime's dynamic int8 (index/onnx_embedder.py)
LEGACY = {"onnx": "openvino", "onnx-int8": "openvino-int8"}  # settings of earlier releases


@dataclass(frozen=True)
class EmbedderConfig:
    """What choosing an embedder needs; the upper layer fills it from its settings."""

    model: str
    backend: str = "auto"  # auto, openvino, openvino-bf16, openvino-int8, onnxruntime-int8, torch
    cache: Path = Path.home() / ".cache" / "briefing-assistant"
    max_seq_tokens: int = 256
    batch_size: int = 32
    threads: int = 0  # OpenVINO inference threads; 0: its own choice (every core)


def cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text(errors="ignore")
    except OSError:
        return set()
    return {f for line in text.splitlines() if line.startswith("flags") for f in line.split()}


def cpu_backend(flags: set[str]) -> str:
    """The fastest backend for this CPU whose vectors stay close to fp32's.

    bf16 where the CPU has AMX: cosine 0.99998 to fp32 and, measured on news chunks, as fast as
    int8. int8 where it has VNNI (cosine ~0.989), AVX-512 BF16 without AMX included: there bf16
    is run on AVX-512 and int8 was faster (stop 58, AMD EPYC, 2 cores: the 117-article news
    ingest 24.5 s / 44.3 CPU-s against bf16's 29.4 / 52.9; RealTime QA dev, 8 weeks, recall@10
    0.762 both, answer hit 0.460 against 0.429; gold set one question fewer at recall@5 and in
    fact recall). On a CPU with AVX2 and no VNNI, OpenVINO's static int8 took more CPU than its
    fp32 (stop 28: 26.6 against 21.2 CPU-s for 318 news chunks; stop 79, AMD EPYC Zen 3: 35.4
    against 33.6 for 600), but ONNX Runtime's dynamic int8 17-20 CPU-s for those 600 (stop 79;
    RealTime QA dev, 8 weeks: recall@10 0.762 and hit 0.476, as fp32's; the news ingest 28%
    faster). fp32 elsewhere (no AVX2; ARM: not measured).
    """
    if "amx_bf16" in flags:
        return "openvino-bf16"
    if {"avx512_vnni", "avx_vnni"} & flags:
        return "openvino-int8"
    if "avx2" in flags:
        return ONNXRUNTIME_INT8
    return "openvino"


def choose_backend(requested: str, stored: str | None) -> str:
    """'auto' follows an existing store's precision (vectors are never mixed), else the CPU."""
    requested = LEGACY.get(requested, requested)
    if requested != "auto":
        return requested
    if stored:
        precision = stored.rpartition("@")[2]
        return {"int8": "openvino-int8", "bf16": "openvino-bf16", "qint8": ONNXRUNTIME_INT8}.get(
            precision, "openvino"
        )
    return cpu_backend(cpu_flags())


def make_embedder(settings: EmbedderConfig, stored: str | None = None) -> Embedder:
    """OpenVINO where it is installed and the model is a local folder, PyTorch otherwise.

    `stored` is the embedder name an existing store was written with, if any.
    """
    offline_env()
    backend = choose_backend(settings.backend, stored)
    model_path = resolve_model_path(settings.model)
    if backend == ONNXRUNTIME_INT8:
        if not isinstance(model_path, Path):
            raise RuntimeError(f"{settings.model}: {backend} needs a local model folder")
        from index.onnx_embedder import OnnxInt8Embedder
        from index.onnx_embedder import export as export_onnx

        export_onnx(model_path, settings.cache)  # made at install: a stat
        return OnnxInt8Embedder(
            model_path,
            settings.cache,
            model_tag(settings.model),
            max_seq_tokens=settings.max_seq_tokens,
            threads=settings.threads,  # one text per run: no batch size
        )
    if backend in OPENVINO and isinstance(model_path, Path):
        try:
            from index.openvino_embedder import OpenVinoEmbedder, export
        except ImportError:
            if settings.backend != "auto":
                raise RuntimeError("the OpenVINO backend needs: pip install openvino") from None
        else:
            export(model_path, settings.cache, OPENVINO[backend])  # made at install: a stat
            return OpenVinoEmbedder(
                model_path,
                settings.cache,
                model_tag(settings.model),
                precision=OPENVINO[backend],
                max_seq_tokens=settings.max_seq_tokens,
                batch_size=settings.batch_size,
                threads=settings.threads,
            )
    return SentenceTransformerEmbedder(
        settings.model,
        max_seq_tokens=settings.max_seq_tokens,
        batch_size=settings.batch_size,
    )
