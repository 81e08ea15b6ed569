"""The embedding backends: same vectors whichever runs, and a store never mixes models. (Which
backend `auto` picks is in tests/unit/test_embedder_choice.py.)
"""

from __future__ import annotations

import numpy as np
import pytest

TEXTS = [
    "The union accepted a 7 percent pay rise after a nine-day strike.",
    "Short.",
    "Researchers found an enzyme that breaks down PET plastic in 36 hours at room temperature, "
    "the team said on Monday, adding that industrial use is at least five years away. " * 3,
]


@pytest.fixture(scope="module")
def torch_embedder():
    from assistant.services import build_embedder
    from assistant.settings import Settings

    return build_embedder(Settings(embedding_backend="torch"))


def test_onnx_matches_pytorch(torch_embedder, tmp_path):
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.onnx_embedder import OnnxEmbedder

    onnx = build_embedder(Settings(embedding_backend="onnx", model_cache=tmp_path / "cache"))
    assert isinstance(onnx, OnnxEmbedder)
    a = onnx.embed_documents(TEXTS)  # one padded batch of very different lengths
    b = torch_embedder.embed_documents(TEXTS)
    assert a.shape == b.shape == (3, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert (a * b).sum(axis=1).min() > 0.9999
    assert onnx.name == torch_embedder.name  # one store serves both backends
    assert onnx.count_tokens(TEXTS) == torch_embedder.count_tokens(TEXTS)
    # a second embedder reuses the export instead of making it again
    again = build_embedder(Settings(embedding_backend="onnx", model_cache=tmp_path / "cache"))
    assert np.allclose(again.embed_documents(TEXTS[:1]), a[:1])
    assert len(list((tmp_path / "cache").rglob("*.onnx"))) == 1


def test_int8_is_a_different_model_for_the_store(tmp_path, torch_embedder):
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.catalog import StoreMismatch

    int8 = build_embedder(Settings(embedding_backend="onnx-int8", model_cache=tmp_path / "cache"))
    assert int8.name.endswith("@int8")
    vec = int8.embed_documents(TEXTS[:1])[0]
    ref = torch_embedder.embed_documents(TEXTS[:1])[0]
    assert 0.95 < float(vec @ ref) < 0.99999  # close, but not the same vectors
    open_assistant(tmp_path / "store", embedder=torch_embedder).close()
    with pytest.raises(StoreMismatch):
        open_assistant(tmp_path / "store", embedder=int8)
