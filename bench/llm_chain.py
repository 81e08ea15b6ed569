"""What the LLM path costs on our side, with a model that answers at once: the local
OpenAI-compatible stub (tests/support/openai_stub.py) replying instantly, so every second
measured is retrieval, prompting, the HTTP client, parsing and verification, not generation.

Per question (the bench questions over the sample corpus): time to the first streamed piece,
total time to the verified Answer, and how many of the reply's sentences survive (the stub
quotes the first sentence of passages [1] and [2], and adds one invented sentence). Then one
memo and the positions with the model: wall time and model calls.

    python -m bench.llm_chain [--questions 12]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import QUESTIONS, SAMPLES
from tests.support.openai_stub import OpenAIStub, prompt_text

INVENTED = "The talks ended with a signed treaty on troop withdrawals [1]."


def reply(request: dict) -> str:
    """Quote the first sentence of passages [1] and [2], cited, then invent one sentence."""
    prompt = prompt_text(request)
    if "Question:" not in prompt:
        return "The sources do not say."
    blocks = re.findall(r"^\[(\d+)\][^\n]*\n```\n(.*?)\n```", prompt, re.S | re.M)
    out = []
    for n, body in blocks[:2]:
        first = re.split(r"(?<=[.!?])\s+", body.strip())[0].rstrip(".")
        out.append(f"{first} [{n}].")
    return " ".join([*out, INVENTED]) if out else "The sources do not say."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=len(QUESTIONS))
    args = parser.parse_args()

    from assistant.api import open_assistant
    from assistant.types import Answer

    with OpenAIStub(reply) as stub, tempfile.TemporaryDirectory() as tmp:
        a = open_assistant(
            Path(tmp) / "store",
            engine="llm",
            llm_model="openai:stub",
            llm_base_url=stub.base_url,
        )
        a.ingest(SAMPLES)
        a.ask(QUESTIONS[0])  # warm up: the model, the sentence cache, the HTTP client
        first, total, kept, sent, invented = [], [], 0, 0, 0
        for q in QUESTIONS[: args.questions]:
            t0 = time.perf_counter()
            t_first = None
            answer = None
            for item in a.stream(q):
                if t_first is None:
                    t_first = time.perf_counter() - t0
                if isinstance(item, Answer):
                    answer = item
            total.append(time.perf_counter() - t0)
            first.append(t_first or 0.0)
            assert answer is not None
            sent += 3
            kept += len(re.findall(r"\[\d+\]\.", answer.text))
            invented += "signed treaty" in answer.text
        extractive = []
        for q in QUESTIONS[: args.questions]:
            t0 = time.perf_counter()
            a.ask(q, engine="extractive")
            extractive.append(time.perf_counter() - t0)
        calls = len(stub.requests)
        t0 = time.perf_counter()
        positions = a.positions()
        t_positions = time.perf_counter() - t0
        calls_positions = len(stub.requests) - calls
        t0 = time.perf_counter()
        memo = a.memo("Russia's security demands and the Western response")
        t_memo = time.perf_counter() - t0
        calls_memo = len(stub.requests) - calls - calls_positions
        a.close()

    def ms(xs: list[float]) -> str:
        return f"median {statistics.median(xs) * 1000:.0f} ms, max {max(xs) * 1000:.0f} ms"

    print(f"questions: {len(total)} (LLM engine, instant OpenAI-compatible stub)")
    print(f"  first streamed piece: {ms(first)}")
    print(f"  verified answer:      {ms(total)}")
    print(f"  reply sentences kept: {kept} of {sent}; invented ones kept: {invented}")
    print(f"  (extractive answer:   {ms(extractive)})")
    print(f"positions: {len(positions)} in {t_positions:.1f} s, {calls_positions} model calls")
    print(
        f"memo: {memo.words()} words in {t_memo:.1f} s, {calls_memo} model calls (cached positions)"
    )


if __name__ == "__main__":
    main()
