"""Text as a reader sees it: invisible and direction-changing characters, and look-alike letters.

Two uses. `strip_bidi` removes the controls that reorder text on screen (U+202A-202E,
U+2066-2069, U+200E/F, U+061C): "desolc" with a right-to-left override shows as "closed", so
they leave a document at ingest and never reach a title, a quote or an answer. `fold` and
`skeleton` give the forms that checks of what a sentence *does* read (assistant/instructions.py):
`fold` is NFKC (fullwidth and mathematical letters become plain ones), no format characters
(zero-width space, joiner, soft hyphen, bidi controls), and case folded; `skeleton` also maps
every letter that looks like a Latin one (Greek capital iota, Cyrillic o and e, Cherokee, ...)
to that letter, using Unicode's confusables data as packaged by `confusable_homoglyphs`, and
merges the shapes a reader cannot tell apart (i/l/1/|, rn/m, 0/o). Both forms are for matching
only: what is stored and quoted keeps the writer's characters.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS), None)
# Shapes a reader cannot tell apart once letters are lower case.
_MERGED = str.maketrans({"i": "l", "1": "l", "|": "l", "0": "o"})


def strip_bidi(text: str) -> str:
    """The text without bidirectional controls (marks, embeddings, overrides, isolates)."""
    return text.translate(_BIDI)


def fold(text: str) -> str:
    """NFKC, without format characters (category Cf) or combining marks, case folded.

    Keeps every script as it is: Cyrillic and Chinese are read in this form.
    """
    return text.lower() if text.isascii() else _plain(text).casefold()


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        ch
        for ch in unicodedata.normalize("NFD", text)
        if unicodedata.category(ch) not in ("Cf", "Mn")
    )
    return unicodedata.normalize("NFC", text)


def skeleton(text: str) -> str:
    """What a Latin-script reader sees: `fold`, with every look-alike of a Latin letter
    mapped to it and indistinguishable shapes merged ("Ιgnore" with a Greek iota, "lgnore"
    and "ignore" are all "lgnore"). Apply it to both sides of a comparison.
    """
    if not text.isascii():
        text = _plain(text).translate(_latin_lookalikes()).casefold()
    return text.lower().translate(_MERGED).replace("rn", "m")


@functools.cache
def _latin_lookalikes() -> dict[int, str]:
    """Every non-ASCII character that Unicode lists as confusable with one ASCII letter or
    digit, mapped to it (loaded on first use, ~20 ms).
    """
    import confusable_homoglyphs

    path = Path(confusable_homoglyphs.__file__).parent / "confusables.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for ch, entries in data.items():
        if len(ch) != 1 or ch.isascii():
            continue
        for entry in entries:
            target = entry.get("c", "")
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[ord(ch)] = target
                break
    return table
