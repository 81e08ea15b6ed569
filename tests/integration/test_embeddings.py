"""The embedding backends: same vectors whichever runs, and a store never mixes models or
precisions. (Which backend `auto` picks is in tests/unit/test_embedder_choice.py.)
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


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("model-cache")


def test_openvino_matches_pytorch(torch_embedder, cache):
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.openvino_embedder import OpenVinoEmbedder

    ov = build_embedder(Settings(embedding_backend="openvino", model_cache=cache))
    assert isinstance(ov, OpenVinoEmbedder)
    a = ov.embed_documents(TEXTS)  # one padded batch of very different lengths
    b = torch_embedder.embed_documents(TEXTS)
    assert a.shape == b.shape == (3, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert (a * b).sum(axis=1).min() > 0.9999
    assert ov.name == torch_embedder.name  # fp32: one store serves both backends
    assert ov.count_tokens(TEXTS) == torch_embedder.count_tokens(TEXTS)
    # a second embedder reuses the converted model instead of making it again
    again = build_embedder(Settings(embedding_backend="openvino", model_cache=cache))
    assert np.allclose(again.embed_documents(TEXTS[:1]), a[:1], atol=1e-6)
    assert len(list(cache.rglob("*.xml"))) == 1


def test_bf16_is_close_to_fp32_but_its_own_store(torch_embedder, cache, tmp_path):
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.catalog import StoreMismatch

    bf16 = build_embedder(Settings(embedding_backend="openvino-bf16", model_cache=cache))
    assert bf16.name.endswith("@bf16")
    vecs = bf16.embed_documents(TEXTS)
    ref = torch_embedder.embed_documents(TEXTS)
    assert (vecs * ref).sum(axis=1).min() > 0.999  # bf16 keeps the direction (0.99998 on news)
    open_assistant(tmp_path / "store", embedder=torch_embedder).close()
    with pytest.raises(StoreMismatch):
        open_assistant(tmp_path / "store", embedder=bf16)


def test_int8_is_calibrated_on_our_text_and_a_different_model_for_the_store(
    tmp_path, torch_embedder, cache
):
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.catalog import StoreMismatch
    from index.openvino_embedder import calibration_texts

    assert len(calibration_texts()) >= 30
    int8 = build_embedder(Settings(embedding_backend="openvino-int8", model_cache=cache))
    assert int8.name.endswith("@int8")
    vec = int8.embed_documents(TEXTS[:1])[0]
    ref = torch_embedder.embed_documents(TEXTS[:1])[0]
    assert 0.95 < float(vec @ ref) < 0.99999  # close, but not the same vectors
    open_assistant(tmp_path / "store", embedder=torch_embedder).close()
    with pytest.raises(StoreMismatch):
        open_assistant(tmp_path / "store", embedder=int8)


def test_a_model_not_prepared_is_named_with_the_fix(tmp_path):
    from index.openvino_embedder import OpenVinoEmbedder

    with pytest.raises(RuntimeError, match="briefing prepare"):
        OpenVinoEmbedder(_model_dir(), tmp_path / "empty", "m", "fp32")


def _model_dir():
    from index.embeddings import resolve_model_path

    path = resolve_model_path("packaged:all-MiniLM-L6-v2")
    assert not isinstance(path, str)
    return path


def test_threads_embedding_at_once_get_their_own_vectors(cache):
    from concurrent.futures import ThreadPoolExecutor

    from assistant.services import build_embedder
    from assistant.settings import Settings

    ov = build_embedder(Settings(embedding_backend="openvino", model_cache=cache))
    texts = [f"{t} Item {n}." for n in range(6) for t in TEXTS]
    alone = [ov.embed_documents([t])[0] for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:  # more threads than infer requests
        together = list(pool.map(lambda t: ov.embed_documents([t])[0], texts))
    assert np.allclose(np.stack(together), np.stack(alone), atol=1e-5)


def test_many_batches_on_streams_keep_each_text_its_own_vector(torch_embedder, cache):
    """An ingest's batches run on several streams at once and finish in any order (issue 18);
    every row must still be its own text's vector, in the order given.
    """
    from assistant.services import build_embedder
    from assistant.settings import Settings

    ov = build_embedder(
        Settings(embedding_backend="openvino", model_cache=cache, embedding_batch_size=2)
    )
    texts = [f"Item {n}: {t}" for n in range(7) for t in TEXTS]  # 21 texts, 11 batches
    together = ov.embed_documents(texts)
    alone = np.stack([ov.embed_documents([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    ref = torch_embedder.embed_documents(texts)
    assert (together * ref).sum(axis=1).min() > 0.9999


def test_a_questions_few_sentences_are_spread_over_the_streams_each_its_own_vector(cache):
    """Fewer texts than a batch (a question's sentences) are split over the streams rather than
    run as one batch on one stream's thread; each row must still be its own text's vector.
    """
    from assistant.services import build_embedder
    from assistant.settings import Settings

    ov = build_embedder(Settings(embedding_backend="openvino", model_cache=cache))
    texts = [f"Sentence {n}: {t}" for n in range(3) for t in TEXTS]  # 9 texts, batch size 32
    together = ov.embed_documents(texts)
    alone = np.stack([ov.embed_documents([t])[0] for t in texts])
    assert together.shape == alone.shape
    assert np.allclose(together, alone, atol=1e-5)


def test_onnxruntime_int8_is_close_to_fp32_each_text_its_own_vector_and_its_own_store(
    tmp_path, torch_embedder, cache
):
    """The backend `auto` picks on CPUs with AVX2 and no VNNI: ONNX Runtime's dynamic int8.
    Its activations are quantised per run, so texts embedded together must not move each
    other's vectors: an ingest's chunk or a question's sentence gets the same vector alone.
    """
    from assistant.api import open_assistant
    from assistant.services import build_embedder
    from assistant.settings import Settings
    from index.catalog import StoreMismatch
    from index.onnx_embedder import OnnxInt8Embedder

    q8 = build_embedder(Settings(embedding_backend="onnxruntime-int8", model_cache=cache))
    assert isinstance(q8, OnnxInt8Embedder)
    assert q8.name.endswith("@qint8")
    texts = [f"Item {n}: {t}" for n in range(5) for t in TEXTS]
    together = q8.embed_documents(texts)
    alone = np.stack([q8.embed_documents([t])[0] for t in texts])
    assert together.shape == (15, 384)
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    cos = (together * torch_embedder.embed_documents(texts)).sum(axis=1)
    assert cos.min() > 0.95 and cos.max() < 0.99999  # close, but not fp32's vectors
    assert np.array_equal(q8.embed_query(TEXTS[0]), q8.embed_documents(TEXTS[:1])[0])
    assert q8.count_tokens(TEXTS) == torch_embedder.count_tokens(TEXTS)
    # exported once, into the model cache
    again = build_embedder(Settings(embedding_backend="onnxruntime-int8", model_cache=cache))
    assert np.allclose(again.embed_documents(TEXTS[:1]), q8.embed_documents(TEXTS[:1]), atol=1e-6)
    assert len(list(cache.rglob("*.onnx"))) == 1
    open_assistant(tmp_path / "store", embedder=torch_embedder).close()
    with pytest.raises(StoreMismatch):
        open_assistant(tmp_path / "store", embedder=q8)


def test_an_onnx_model_not_prepared_is_named_with_the_fix(tmp_path):
    from index.onnx_embedder import OnnxInt8Embedder

    with pytest.raises(RuntimeError, match="briefing prepare"):
        OnnxInt8Embedder(_model_dir(), tmp_path / "empty", "m")


def test_a_questions_sentences_are_not_queued_behind_an_ingests_texts(cache):
    """An ask embeds its sentences while an ingest embeds a group of chunks: the ask must run
    beside the ingest's texts, not wait for all of them (it waited 8 s behind one group when
    both shared one queue of workers).
    """
    import threading

    from assistant.services import build_embedder
    from assistant.settings import Settings

    q8 = build_embedder(Settings(embedding_backend="onnxruntime-int8", model_cache=cache))
    gate, holding = threading.Event(), threading.Event()
    one = q8._one

    def held(encoding):  # the ingest's texts wait until the question is done
        if "archive" in encoding.tokens:
            holding.set()
            assert gate.wait(60)
        return one(encoding)

    q8._one = held
    ingest = threading.Thread(
        target=q8.embed_documents, args=([f"archive chunk {n}" for n in range(8)],)
    )
    ingest.start()
    assert holding.wait(30)
    got: list[np.ndarray] = []
    question = threading.Thread(
        target=lambda: got.append(q8.embed_documents(["How long did the talks last?", "Who?"]))
    )
    question.start()
    question.join(30)
    finished = not question.is_alive()
    gate.set()
    ingest.join(60)
    question.join(60)
    assert finished, "the question's sentences waited for the ingest's texts"
    assert got[0].shape == (2, 384)
