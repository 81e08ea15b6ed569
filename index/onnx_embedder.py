"""ONNX Runtime inference for sentence-transformers models: the same vectors, faster on a CPU.

The model's transformer is exported once from the local model folder (no network) and cached;
pooling and normalisation are done here exactly as sentence-transformers does them (mean over
the attention mask, then L2), so fp32 vectors match the PyTorch ones (cosine 1.0000 on the
sample corpus) and a store written by either backend can be read by the other. Batches are
sorted by length so padding costs little.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


def _fingerprint(model_dir: Path) -> str:
    h = hashlib.sha256()
    for name in ("config.json", "model.safetensors", "pytorch_model.bin"):
        f = model_dir / name
        if f.exists():
            st = f.stat()
            h.update(f"{name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:12]


def export(model_dir: Path, cache_dir: Path, quantize: bool = False) -> Path:
    """Export (once) and return the ONNX file for `model_dir`; atomic, safe to race."""
    target_dir = cache_dir / f"{model_dir.name}-{_fingerprint(model_dir)}"
    target = target_dir / ("model-int8.onnx" if quantize else "model.onnx")
    if target.exists():
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    fp32 = target_dir / "model.onnx"
    if not fp32.exists():
        _export_fp32(model_dir, fp32)
    if quantize:
        import logging

        from onnxruntime.quantization import QuantType, quantize_dynamic

        fd, tmp = tempfile.mkstemp(dir=target_dir, suffix=".onnx")
        os.close(fd)
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # "consider pre-processing": it changes nothing here
        try:
            quantize_dynamic(str(fp32), tmp, per_channel=True, weight_type=QuantType.QInt8)
        finally:
            root.setLevel(level)
        os.replace(tmp, target)
    return target


def _export_fp32(model_dir: Path, out: Path) -> None:
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # transformers: untyped
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # transformers: untyped

    model = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = model

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            hidden: torch.Tensor = self.m(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            return hidden

    dummy = tuple(
        torch.ones(2, 16, dtype=torch.long)
        if n != "token_type_ids"
        else torch.zeros(2, 16, dtype=torch.long)
        for n in INPUTS
    )
    axes = {n: {0: "batch", 1: "seq"} for n in [*INPUTS, "last_hidden_state"]}
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".onnx")
    os.close(fd)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about constant shapes; checked by tests
        torch.onnx.export(
            Encoder().eval(),
            dummy,
            tmp,
            input_names=INPUTS,
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    os.replace(tmp, out)


class OnnxEmbedder:
    def __init__(
        self,
        model_dir: Path,
        cache_dir: Path,
        tag: str,
        quantize: bool = False,
        max_seq_tokens: int = 256,
        batch_size: int = 32,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        self._name = f"{tag}@{'int8' if quantize else 'fp32'}"
        self._batch = batch_size
        self._tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tok.enable_truncation(max_length=max_seq_tokens)
        self._tok.no_padding()
        self._counter = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._counter.no_truncation()
        self._counter.no_padding()
        options = ort.SessionOptions()
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        path = export(model_dir, cache_dir, quantize)
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        config = json.loads((model_dir / "config.json").read_text())
        self._dim = int(config.get("hidden_size", 384))

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
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for start in range(0, len(order), self._batch):
            idx = order[start : start + self._batch]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[
                0
            ]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out

    def embed_query(self, text: str) -> np.ndarray:
        vec: np.ndarray = self.embed_documents([text])[0]
        return vec

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) - 2 for e in self._counter.encode_batch(list(texts))]
