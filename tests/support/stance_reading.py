"""Reading stance statements from short texts written for the tests: one reader (the packaged
spaCy model in this process, the shipped registry) and its findings as (holder, stance, text).
"""

from __future__ import annotations

from assistant.parties import Registry
from assistant.stance import StanceReader
from index.chunking import sentence_spans
from index.cleaning import normalise
from index.language import SpacyParser


def make_reader() -> StanceReader:
    return StanceReader(SpacyParser(), Registry.load())


def read(
    reader: StanceReader, text: str, source: str = "", title: str = ""
) -> list[tuple[str, str, str]]:
    """(holder, stance, sentence text) of each statement, in the order of the text."""
    text = normalise(text)
    found, _, _ = reader.read(text, sentence_spans(text), source, title)
    return [(f.holder, f.stance, text[f.start : f.end]) for f in found]


def holders(found: list[tuple[str, str, str]], words: str) -> set[str]:
    """The holders of the statements whose text contains `words`."""
    return {h for h, _, text in found if words in text}


def stances(found: list[tuple[str, str, str]], words: str) -> set[str]:
    """The stances of the statements whose text contains `words`."""
    return {s for _, s, text in found if words in text}
