"""Quotes that run over several sentences, and the sentence that says whose they are.

News copy quotes a speaker for two or three sentences and names them once, often at the end
('"We will not sign. The offer is an insult," Ruiz said.') or at the start ('Ruiz said: "We will
not sign. The offer is an insult."'). Read sentence by sentence, the first sentence of the first
form has no speaker and the second of the second form looks like the writer's own words. These
spans are found over the whole text, one paragraph at a time (a quote left open at a paragraph's
end closes there: news reopens it in the next paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_OPEN, _CLOSE = "“", "”"


class QuoteRun(NamedTuple):
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph's end)
    attributed: bool  # words follow the closing mark in its sentence: ', Ruiz said.'


def quote_runs(text: str, spans: Sequence[tuple[int, int]]) -> list[QuoteRun]:
    """Every quote of the text, curly or straight, with whether its closing sentence goes on to
    name the speaker.
    """
    out: list[QuoteRun] = []
    at = 0
    for para in text.split("\n"):
        open_at = -1
        for m in re.finditer(r"[“”\"]", para):
            ch = m.group(0)
            opening = ch == _OPEN or (ch == '"' and open_at < 0)
            if opening and open_at < 0:
                open_at = at + m.start()
            elif not opening and open_at >= 0:
                out.append(_run(text, spans, open_at, at + m.end()))
                open_at = -1
        if open_at >= 0:
            out.append(QuoteRun(open_at, at + len(para), False))
        at += len(para) + 1
    return out


def _run(text: str, spans: Sequence[tuple[int, int]], start: int, end: int) -> QuoteRun:
    closing = next(((s, e) for s, e in spans if s <= end - 1 < e), None)
    rest = text[end : closing[1]] if closing else ""
    return QuoteRun(start, end, bool(re.search(r"[A-Za-z]", rest)))


def sentence_quotes(
    text: str, runs: Sequence[QuoteRun], spans: Sequence[tuple[int, int]]
) -> tuple[dict[int, int], set[int]]:
    """(speaker_at, inside): sentence n -> the sentence m that names the speaker of the quote n
    is part of, and the sentences that begin inside a quote opened before them. The speaker is
    named where the quote closes (', Ruiz said.'), else where it opens ('Ruiz said: "...'), else
    in the sentence before it ('Ruiz said the offer was poor. "We will not sign."').
    """
    speaker_at: dict[int, int] = {}
    inside: set[int] = set()
    for run in runs:
        ns = [n for n, (s, e) in enumerate(spans) if s < run.end and e > run.start]
        if not ns:
            continue
        for n in ns[1:]:
            if spans[n][0] > run.start:
                inside.add(n)
        if run.attributed:
            m = ns[-1]
        elif re.search(r"[A-Za-z]", text[spans[ns[0]][0] : run.start]):
            m = ns[0]
        elif ns[0] > 0 and "\n\n\n" not in text[spans[ns[0] - 1][1] : spans[ns[0]][0]]:
            m = ns[0] - 1
        else:
            continue
        for n in ns:
            if n != m:
                speaker_at.setdefault(n, m)
    return speaker_at, inside


def quote_members(runs: Sequence[QuoteRun], spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Sentence n -> the quote run it is part of, for quotes over two sentences or more: a
    sentence of such a quote that states no position itself may continue its neighbour's
    ('"We will not sign. This is not a bluff," Ruiz said.').
    """
    out: dict[int, int] = {}
    for k, run in enumerate(runs):
        ns = [n for n, (s, e) in enumerate(spans) if s < run.end and e > run.start]
        if len(ns) > 1:
            for n in ns:
                out.setdefault(n, k)
    return out
