"""Which embedding backend `auto` picks: the CPU decides for a new store, the store for an old one
(a store is never read with vectors of another model).
"""

from __future__ import annotations


def test_auto_follows_the_cpu_and_then_the_store(tmp_path, monkeypatch):
    from index import embedders

    monkeypatch.setattr(embedders, "cpu_has_vnni", lambda: True)
    assert embedders.choose_backend("auto", None) == "onnx-int8"
    monkeypatch.setattr(embedders, "cpu_has_vnni", lambda: False)
    assert embedders.choose_backend("auto", None) == "onnx"
    # a store written in int8 is read in int8 on any CPU, and the reverse
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@int8") == "onnx-int8"
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@fp32") == "onnx"
    assert embedders.choose_backend("torch", "all-minilm-l6-v2@int8") == "torch"
