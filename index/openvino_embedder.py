"""OpenVINO inference for sentence-transformers models: the same vectors, several times faster on a CPU.

The model's transformer is converted once, at install time (`briefing prepare`), by OpenVINO's
own converter from the local model folder, and cached; int8 is OpenVINO's static quantisation
(NNCF), calibrated on the project's own news-style text (`calibration.txt`), never a downloaded
set. bf16 is the fp32 model run with OpenVINO's bf16 inference precision, which uses AMX where the
CPU has it. At run time only `openvino` and `tokenizers` are loaded: no torch, no optimum (they
cost ~600 MB of memory and seconds of start-up per process). Pooling is the model's own
(`1_Pooling`: mean over the attention mask), then L2, as sentence-transformers does it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from index.embeddings import RecentQueries
from index.openvino_runtime import InferPool, feed, infer_streams, length_batches

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
PRECISIONS = ("fp32", "bf16", "int8")


def _fingerprint(model_dir: Path) -> str:
    h = hashlib.sha256()
    for name in ("config.json", "model.safetensors", "pytorch_model.bin"):
        f = model_dir / name
        if f.exists():
            st = f.stat()
            h.update(f"{name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:12]


def ir_path(model_dir: Path, cache_dir: Path, precision: str) -> Path:
    """Where the OpenVINO IR of `model_dir` for `precision` lives (bf16 runs the fp32 IR)."""
    folder = cache_dir / f"openvino-{model_dir.name}-{_fingerprint(model_dir)}"
    return folder / ("model-int8.xml" if precision == "int8" else "model.xml")


def calibration_texts() -> list[str]:
    """Our own news-style paragraphs (wire copy, statements, transcripts), one a line."""
    text = resources.files("index").joinpath("calibration.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def export(model_dir: Path, cache_dir: Path, precision: str) -> Path:
    """Convert (once) and return the IR for `model_dir`; atomic, safe to race. Install time only:
    this imports torch and transformers (and NNCF for int8).
    """
    target = ir_path(model_dir, cache_dir, precision)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fp32 = ir_path(model_dir, cache_dir, "fp32")
    if not fp32.exists():
        _save(_convert(model_dir), fp32)
    if precision == "int8":
        _save(_quantize(model_dir, fp32), target)
    return target


def _save(model: Any, target: Path) -> None:
    import openvino as ov

    tmp = Path(tempfile.mkdtemp(dir=target.parent))
    ov.save_model(model, tmp / target.name, compress_to_fp16=False)
    os.replace(tmp / target.with_suffix(".bin").name, target.with_suffix(".bin"))
    os.replace(tmp / target.name, target)  # the .xml last: its presence means "done"
    tmp.rmdir()


def _convert(model_dir: Path) -> Any:
    import warnings

    import openvino as ov
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # transformers: untyped
    model = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")
    model.eval()
    example = {
        "input_ids": torch.ones(2, 16, dtype=torch.long),
        "attention_mask": torch.ones(2, 16, dtype=torch.long),
        "token_type_ids": torch.zeros(2, 16, dtype=torch.long),
    }
    shapes = [ov.PartialShape([-1, -1])] * len(INPUTS)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about constant shapes
        converted = ov.convert_model(model, example_input=example, input=shapes)
    converted.outputs[0].get_tensor().set_names({"last_hidden_state"})
    return converted


def _quantize(model_dir: Path, fp32: Path) -> Any:
    """NNCF post-training static quantisation, calibrated on `calibration_texts()`."""
    import logging

    import nncf
    import openvino as ov

    logging.getLogger("nncf").setLevel(logging.ERROR)
    tok = _tokenizer(model_dir, 256)
    texts = calibration_texts()
    batches = [feed(tok.encode_batch(texts[i : i + 8])) for i in range(0, len(texts), 8)]
    model = ov.Core().read_model(fp32)
    return nncf.quantize(
        model,
        nncf.Dataset(batches),
        model_type=nncf.ModelType.TRANSFORMER,
        subset_size=len(batches),
    )


def _tokenizer(model_dir: Path, max_tokens: int | None) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    if max_tokens:
        tok.enable_truncation(max_length=max_tokens)
    else:
        tok.no_truncation()
    tok.no_padding()
    return tok


class OpenVinoEmbedder:
    def __init__(
        self,
        model_dir: Path,
        cache_dir: Path,
        tag: str,
        precision: str = "fp32",
        max_seq_tokens: int = 256,
        batch_size: int = 32,
        threads: int = 0,
    ) -> None:
        import openvino as ov

        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
        model_dir = Path(model_dir)
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        if not pooling.get("pooling_mode_mean_tokens"):
            raise RuntimeError(f"{model_dir}: only mean pooling is supported by this backend")
        path = ir_path(model_dir, cache_dir, precision)
        if not path.exists():
            raise RuntimeError(
                f"{path}: the OpenVINO model is not prepared; run `briefing prepare` once"
            )
        self._name = f"{tag}@{precision}"
        self._batch = batch_size
        self._tok = _tokenizer(model_dir, max_seq_tokens)
        self._counter = _tokenizer(model_dir, None)
        config: dict[str, Any] = {
            "INFERENCE_PRECISION_HINT": "bf16" if precision == "bf16" else "f32",
            # streams: an ingest's batches run side by side (`infer_streams`); a query's one
            # batch runs on one of them
            "PERFORMANCE_HINT": "THROUGHPUT",
        }
        if threads:
            config["INFERENCE_NUM_THREADS"] = threads
        self._compiled = ov.Core().compile_model(str(path), "CPU", config)
        self._pool = InferPool(self._compiled)
        self._queries = RecentQueries(lambda text: self.embed_documents([text])[0])
        self._streams = max(1, int(self._compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS")))
        self._dim = int(json.loads((model_dir / "config.json").read_text())["hidden_size"])

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._dim

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        encodings = self._tok.encode_batch(list(texts))
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        # a question's few sentences are spread over the streams too: as one batch they ran on
        # one stream's single thread, and 24 sentences took 732 ms instead of 416 (2 streams)
        rows = min(self._batch, -(-len(texts) // self._streams))
        batches = [
            (idx, feed([encodings[i] for i in idx])) for idx in length_batches(encodings, rows)
        ]
        if len(batches) == 1:  # a query: no queue to set up
            idx, inputs = batches[0]
            out[idx] = _mean_pool(self._pool.infer(inputs), inputs)
        else:
            for idx, pooled in infer_streams(self._compiled, batches, _mean_pool):
                out[idx] = pooled
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._queries(text)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) - 2 for e in self._counter.encode_batch(list(texts))]


def _mean_pool(hidden: np.ndarray, inputs: dict[str, np.ndarray]) -> np.ndarray:
    """The model's mean pooling over the attention mask, then L2 (sentence-transformers')."""
    m = inputs["attention_mask"][..., None].astype(np.float32)
    pooled: np.ndarray = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
    pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return pooled
