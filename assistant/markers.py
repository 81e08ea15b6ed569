"""Citation markers, the "not in the sources" notice and safe URLs: one definition for all.

A citation marker is `[n]` (or `[1, 4]` / `[1; 4]` for several passages) in an answer's text.
Everything that writes, parses or strips markers, and everything that turns a document's URL
into a link, goes through this module; nothing here depends on the rest of the package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = [
    "MARKER",
    "NOT_IN_SOURCES",
    "attach",
    "cited",
    "format_refs",
    "refs",
    "safe_url",
    "unmark",
]

MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
"""One marker: `[1]`, `[1, 4]`, `[1;4]`; group 1 holds the numbers."""

NOT_IN_SOURCES = "The sources do not say."
"""How every abstention begins, and the heading the UI shows over one."""

_TERMINAL = ".!?"
_URL_REFUSED = frozenset('"<>`\\')


def refs(marker: re.Match[str] | str) -> tuple[int, ...]:
    """The numbers in one marker (a match of `MARKER`, or its text): "[1, 4]" -> (1, 4)."""
    body = marker.group(1) if isinstance(marker, re.Match) else marker.strip().strip("[]")
    return tuple(int(x) for x in re.split(r"[,;]", body) if x.strip())


def cited(text: str) -> list[int]:
    """Every number the text's markers cite, in order of appearance (repeats kept)."""
    return [n for m in MARKER.finditer(text) for n in refs(m)]


def format_refs(numbers: Iterable[int], *, grouped: bool = False) -> str:
    """Markers for citation numbers: "[1]"; several as "[1][4]", or "[1, 4]" when grouped.

    Answers and memos write one marker a source ("[1][4]"), which every reader of this text
    already expects; `grouped` is the compact form. `MARKER` parses both.
    """
    nums = [int(n) for n in numbers]
    if not nums:
        return ""
    if grouped:
        return "[" + ", ".join(map(str, nums)) + "]"
    return "".join(f"[{n}]" for n in nums)


def attach(text: str, marker: str) -> str:
    """Put a marker at the end of a sentence, before its final full stop: "It fell [1]."."""
    if not marker:
        return text
    if text and text[-1] in _TERMINAL:
        return f"{text[:-1]} {marker}{text[-1]}"
    return f"{text} {marker}"


def unmark(text: str) -> str:
    """Text without citation markers, nested ones included ("[[1]1]"): a marker quoted from a
    source must never pass for one of ours. Whitespace is collapsed, and a space left before
    punctuation is dropped.
    """
    while MARKER.search(text):
        text = MARKER.sub("", text)
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.split()))


def safe_url(url: str | None) -> str:
    """The URL (trimmed) if it may become a link, else "".

    Only absolute http(s) URLs with a host; nothing with whitespace or control characters
    (which browsers strip, so "java<TAB>script:" would run), and nothing with quotes, angle
    brackets, backticks or backslashes, which a valid URL percent-encodes and which could
    close an attribute or a Markdown autolink. Callers still escape what they put in HTML.
    """
    url = (url or "").strip()
    if not url or any(
        ch.isspace() or ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in _URL_REFUSED for ch in url
    ):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url
