"""What the benchmark scripts share: sample paths, questions, ports."""

from __future__ import annotations

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = [SHARED / "corpus" / "articles", SHARED / "seed"]
QUESTIONS = [
    "What does Russia demand from NATO?",
    "Where did the Strategic Stability Dialogue take place?",
    "What did Stoltenberg say after the NATO-Russia Council?",
    "What did the United States offer on arms control?",
    "When did Blinken and Lavrov meet in Geneva?",
    "What did the UN Security Council discuss on January 31?",
    "What consequences did the US threaten if Russia invades Ukraine?",
    "What is the OSCE's role in European security?",
    "What did Putin say about the Minsk agreements?",
    "What did Ukraine's foreign minister urge the West to do?",
    "How many troops has Russia massed near Ukraine?",
    "What did the written responses from the US and NATO contain?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
