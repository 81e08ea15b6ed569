"""Which embedding backend `auto` picks: the CPU decides for a new store, the store for an old one
(a store is never read with vectors of another model or precision).
"""

from __future__ import annotations


def test_auto_follows_the_cpu_and_then_the_store(monkeypatch):
    from index import embedders

    sapphire = {"avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_int8", "amx_tile"}
    assert embedders.cpu_backend(sapphire) == "openvino-bf16"
    assert embedders.cpu_backend({"avx2", "avx_vnni"}) == "openvino-int8"
    # AVX-512 BF16 without AMX runs bf16 on AVX-512: int8 is faster there
    assert embedders.cpu_backend({"avx512f", "avx512_vnni", "avx512_bf16"}) == "openvino-int8"
    # AVX2 without VNNI: OpenVINO's int8 is no faster than fp32 there, ONNX Runtime's is
    assert embedders.cpu_backend({"avx2", "fma"}) == "onnxruntime-int8"
    assert embedders.cpu_backend({"sse4_2", "avx"}) == "openvino"
    assert embedders.cpu_backend(set()) == "openvino"
    monkeypatch.setattr(embedders, "cpu_flags", lambda: {"avx512_vnni"})
    assert embedders.choose_backend("auto", None) == "openvino-int8"
    # a store keeps its precision on any CPU
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@bf16") == "openvino-bf16"
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@int8") == "openvino-int8"
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@fp32") == "openvino"
    assert embedders.choose_backend("auto", "all-minilm-l6-v2@qint8") == "onnxruntime-int8"
    assert embedders.choose_backend("torch", "all-minilm-l6-v2@int8") == "torch"
    # settings of earlier releases still mean the same precision
    assert embedders.choose_backend("onnx-int8", None) == "openvino-int8"
    assert embedders.choose_backend("onnx", None) == "openvino"


def test_the_cpu_flags_are_read_from_this_machine():
    from pathlib import Path

    from index import embedders

    flags = embedders.cpu_flags()
    if Path("/proc/cpuinfo").exists():
        assert "fpu" in flags or "fp" in flags or "asimd" in flags  # x86 or ARM
    assert embedders.cpu_backend(flags) in {
        "openvino",
        "openvino-bf16",
        "openvino-int8",
        "onnxruntime-int8",
    }
