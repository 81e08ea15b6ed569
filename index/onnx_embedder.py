"""ONNX Runtime's dynamic int8 for CPUs whose int8 is not faster than fp32 in OpenVINO.

Why a second runtime: on a CPU with AVX2 and no VNNI (AMD EPYC Zen 3 here, 2 cores), OpenVINO's
static int8 took more CPU than its fp32 (35.4 against 33.6 CPU-s for 600 news chunks), while
ONNX Runtime's dynamically quantised model (int8 weights per output channel, activations
quantised as each text runs; its MLAS kernels multiply u8 by s8 on AVX2) took 17-20 (fp32: 31)
with a cosine to fp32 of 0.992 on average, 0.978 at worst (per-tensor weights: 0.952, too far).

The model is exported once at install time (`briefing prepare`), by PyTorch's exporter and
`onnxruntime.quantization.quantize_dynamic`, into the model cache; at run time only
`onnxruntime` and `tokenizers` are loaded. Pooling is the model's own mean, then L2.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from index.embeddings import RecentQueries
from index.openvino_embedder import INPUTS, _fingerprint, _mean_pool, _tokenizer
from index.openvino_runtime import feed

PRECISION = "qint8"  # the store's tag: not OpenVINO's "int8", whose vectors differ


def onnx_path(model_dir: Path, cache_dir: Path) -> Path:
    folder = cache_dir / f"onnx-{model_dir.name}-{_fingerprint(model_dir)}"
    return folder / "model-qint8.onnx"


def export(model_dir: Path, cache_dir: Path) -> Path:
    """Export and quantise (once) the transformer of `model_dir`; atomic, safe to race. Install
    time only: this imports torch, transformers and onnx.
    """
    target = onnx_path(model_dir, cache_dir)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent))
    try:
        fp32 = tmp / "model.onnx"
        _export_fp32(model_dir, fp32)
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quiet = logging.getLogger()  # its advice to pre-process fails on this model's shapes
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            # per channel and 7-bit weights: ONNX Runtime's advice for CPUs without VNNI, where
            # u8 x s8 products could saturate (cosine to fp32 0.992 against 0.952 per tensor)
            quantize_dynamic(
                fp32,
                tmp / target.name,
                weight_type=QuantType.QInt8,
                per_channel=True,
                reduce_range=True,
            )
        finally:
            quiet.setLevel(level)
        os.replace(tmp / target.name, target)
    finally:
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
    return target


def _export_fp32(model_dir: Path, target: Path) -> None:
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # transformers: untyped
    bert = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")
    bert.eval()

    class Hidden(torch.nn.Module):
        """The last hidden state only, from inputs passed by name."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    ids = torch.ones(2, 16, dtype=torch.long)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes about constant shapes
        torch.onnx.export(
            Hidden(),
            (ids, ids, torch.zeros_like(ids)),
            str(target),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=dynamic,
            opset_version=17,
            dynamo=False,
        )


def _cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class OnnxInt8Embedder:
    """The sentence-transformers model's vectors, from ONNX Runtime's int8 model.

    One text per run: the activations' int8 scale is taken per run, so texts batched together
    moved each other's vectors (cosine 0.993 on average, 0.984 at worst, to the same text run
    alone), and a text's vector would depend on its neighbours in an ingest or a question. One
    at a time it is its own, and cheaper: no padding (17.6 CPU-s for the 600 chunks against 20.7
    in length-sorted batches). A call's texts run side by side, one single-threaded run per core
    on the one session (ONNX Runtime's `run` is safe to call from several threads): as with
    OpenVINO's streams (`infer_streams`), no thread waits at a barrier for another that the
    parser's process keeps off its core.
    """

    def __init__(
        self,
        model_dir: Path,
        cache_dir: Path,
        tag: str,
        max_seq_tokens: int = 256,
        threads: int = 0,
    ) -> None:
        """`threads`: texts run at once (0: one per core this process may use)."""
        import onnxruntime as ort

        model_dir = Path(model_dir)
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        if not pooling.get("pooling_mode_mean_tokens"):
            raise RuntimeError(f"{model_dir}: only mean pooling is supported by this backend")
        path = onnx_path(model_dir, cache_dir)
        if not path.exists():
            raise RuntimeError(
                f"{path}: the ONNX model is not prepared; run `briefing prepare` once"
            )
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._streams = max(1, threads or _cores())
        self._name = f"{tag}@{PRECISION}"
        self._tok = _tokenizer(model_dir, max_seq_tokens)
        self._counter = _tokenizer(model_dir, None)
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._queries = RecentQueries(lambda text: self.embed_documents([text])[0])
        self._dim = int(json.loads((model_dir / "config.json").read_text())["hidden_size"])

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    def _one(self, encoding: Any) -> np.ndarray:
        inputs = feed([encoding])
        wanted = {k: v for k, v in inputs.items() if k in self._inputs}
        pooled: np.ndarray = _mean_pool(self._session.run(None, wanted)[0], inputs)[0]
        return pooled

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        encodings = self._tok.encode_batch(list(texts))
        if len(encodings) == 1:  # a query: no hand-over to a worker
            return self._one(encodings[0])[None, :]
        # workers of this call's own: with one pool for all calls, a question's sentences
        # queued behind an ingest's whole group (8.0 s for 24 sentences during a 256-chunk
        # group, 0.16 s alone); with their own they share the cores with it
        workers = ThreadPoolExecutor(min(self._streams, len(encodings)), "onnx-embed")
        with workers:
            return np.stack(list(workers.map(self._one, encodings)))

    def embed_query(self, text: str) -> np.ndarray:
        return self._queries(text)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) - 2 for e in self._counter.encode_batch(list(texts))]
