"""Text normalisation shared by every loader, so that spans and hashes mean the same everywhere."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n+")
# Lines that are page furniture rather than reporting: share buttons, ads, newsletter pitches.
_BOILERPLATE = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|share( this( article| story)?)?( on \w+)?|"
    r"(follow|like) us( on .*)?|subscribe( now| to .*)?|sign up( for .*)?|read more:?.*|"
    r"related( articles| stories)?:.*|(photo|image|picture|video)( credit)?:.*|"
    r"all rights reserved\.?|click here.*|skip to (main )?content|cookie(s)? (policy|settings).*|"
    r"print( this)?( article)?|email( this)?( article)?|\[?(\+|-)?\s*\d+\s*comments?\]?)$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """Return text with unified Unicode, one space between words and one blank line between paragraphs.

    NFC (not NFKC) keeps typographic quotes and dashes as the outlet wrote them; only invisible
    characters and odd spaces are removed, so quoting the text back to a reader stays faithful.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    paragraphs = []
    for block in _BLANKS.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line and not is_boilerplate(line)]
        if lines:
            paragraphs.append(_join_lines(lines))
    return "\n\n".join(paragraphs)


def _join_lines(lines: list[str]) -> str:
    """Keep line breaks that look intentional (lists, headings); join hard-wrapped prose."""
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        wrapped = prev[-1:].isalnum() or prev[-1:] in ",;-" and not line[:1].isupper()
        if wrapped and not _looks_like_item(line):
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _looks_like_item(line: str) -> bool:
    return bool(re.match(r"^([-*\u2022]|\d+[.)]|[A-Z][A-Za-z ]{0,40}:)\s", line))


def is_boilerplate(line: str) -> bool:
    # A line starting in lower case continues a hard-wrapped sentence; it is never furniture.
    if line[:1].islower():
        return False
    return len(line) < 80 and bool(_BOILERPLATE.match(line))


def word_count(text: str) -> int:
    return len(text.split())
