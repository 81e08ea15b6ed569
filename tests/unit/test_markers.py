"""The one module for citation markers, the abstention notice and safe URLs."""

from __future__ import annotations

import pytest

from assistant import markers
from assistant.markers import (
    MARKER,
    NOT_IN_SOURCES,
    attach,
    cited,
    format_refs,
    refs,
    safe_url,
    unmark,
)


def test_marker_styles_parse_to_numbers():
    assert [refs(m) for m in MARKER.finditer("a [1] b [2, 4] c [3;5] d [x] e [ 6 ]")] == [
        (1,),
        (2, 4),
        (3, 5),
    ]
    assert refs("[1, 4]") == (1, 4) and refs("7") == (7,)
    assert cited("One [1][2]. Two [2, 3].") == [1, 2, 2, 3]
    assert cited("No markers, [a] or [] here.") == []


def test_format_round_trips_through_the_parser():
    assert format_refs([1]) == "[1]"
    assert format_refs([1, 4]) == "[1][4]"
    assert format_refs([1, 4], grouped=True) == "[1, 4]"
    assert format_refs([]) == ""
    for text in (format_refs([3, 9]), format_refs([3, 9], grouped=True)):
        assert cited(text) == [3, 9]


def test_attach_puts_the_marker_before_the_final_full_stop():
    assert attach("It fell.", "[1]") == "It fell [1]."
    assert attach("Did it fall?", "[1][2]") == "Did it fall [1][2]?"
    assert attach("It fell", "[1]") == "It fell [1]"
    assert attach("It fell.", "") == "It fell."
    assert attach("", "[1]") == " [1]"


def test_unmark_removes_nested_markers_and_tidies_spaces():
    assert unmark("It fell [1]. Again [2, 3] !") == "It fell. Again!"
    assert unmark("A quoted [[1]1] marker") == "A quoted marker"
    assert not MARKER.search(unmark("[[[2]2]2] x"))


def test_one_abstention_text():
    assert NOT_IN_SOURCES == "The sources do not say."
    from assistant import answer, ui_format

    assert answer.NOT_IN_SOURCES is NOT_IN_SOURCES
    assert ui_format.NOT_IN_SOURCES is NOT_IN_SOURCES


def test_every_module_uses_the_one_definition():
    from assistant import citations, memo_export, ui_format

    assert citations.MARKER is MARKER and ui_format.MARKER is MARKER
    assert citations.unmark is unmark
    assert ui_format.safe_url is safe_url and memo_export.safe_url is safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b=c#d",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/x",
        "https://en.wikipedia.org/wiki/O'Brien",
        "https://example.org/path%20with%22quote",
    ],
)
def test_http_urls_pass(url):
    assert safe_url(url) == url
    assert safe_url(f"  {url}\n") == url


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/file",
        "//example.org/x",
        "/relative/path",
        "https://",
        "https:///path-only",
        'https://ok.example/"onmouseover="alert(1)',
        "https://ok.example/<script>",
        "https://ok.example/>[x](javascript:alert(1))",
        "https://ok.example/`x`",
        "https:\\\\evil.example\\x",
        "https://ok.example/ x",
        "https://ok.example/\x00x",
        "https://ok.example/\x85x",
        "https://[::1",
    ],
)
def test_everything_else_is_refused(url):
    assert safe_url(url) == ""


def test_the_module_stands_alone():
    """markers.py is a leaf: it imports nothing from the rest of the package."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(markers.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert not {m for m in imported if m.split(".")[0] in ("assistant", "index")}
