"""Markdown from document text shows exactly that text and does nothing else
(`memo_export.md_escape`): rendered by a CommonMark renderer with raw HTML allowed, the visible
text is the input (spaces collapsed, bidi controls gone) and there is no tag, image or link.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.memo_export import md_escape
from tests.support.hostile import audit

TRICKY = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "![t](http://127.0.0.1:9/leak)",
    '<https://x"><script>alert(1)</script>>',
    "[click](javascript:alert(1))",
    "**bold** _it_ `code` ~~strike~~",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "see www.example.com and https://example.org/a_b*c",
    "a\u202edesolc\u202c b\u2067x\u2069",
    "&amp; &lt; &#60;script&#62;",
    "back\\slash \\* \\[",
    "| a | b |",
    "<!-- comment -->",
    "line\n\nbreak",
]
_MD = None


def _render(markdown: str) -> str:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        _MD = MarkdownIt("commonmark", {"html": True})
    return _MD.render(markdown)


def _check(text: str) -> None:
    """As a bullet, a paragraph of its own and a heading (where the memo puts such text)."""
    expected = " ".join(re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", "", text).split())
    for line in (f"- {md_escape(text)}", md_escape(text), f"## {md_escape(text)}"):
        rendered = _render(line)
        shown = audit(rendered)  # no script, img, on*= or non-http link
        assert "<a " not in rendered and "<img" not in rendered
        assert " ".join(shown.split()) == expected, (line, rendered)


def test_tricky_inputs_show_as_themselves():
    for text in TRICKY:
        _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>[]()!*_`~#-+.1:/\\&;|\"'=\n") + ["\u202e"])))
def test_any_text_shows_as_itself(text):
    _check(text)
