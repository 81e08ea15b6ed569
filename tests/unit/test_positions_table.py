"""The Positions table's cells: Markdown that never carries a document's markup or links.

A statement or title from a document is text in the table, whatever it holds; a source is a
link only for an http(s) URL, and ordinary punctuation stays as typed so the table's search
finds it.
"""

from __future__ import annotations

import re

from assistant.types import Citation, Position
from assistant.ui_format import md_cell, order_positions, position_source_html, positions_rows

HOSTILE = "1. <img src=x onerror=alert(1)> **bold** [x](javascript:alert(1)) | pipe"


def _position(party: str = "Zanthor", stance: str = "warns", url: str = "") -> Position:
    c = Citation(
        n=0,
        doc_id="d",
        chunk_id="c",
        title="[T](javascript:alert(1))",
        source="<b>Bad</b>",
        date="2024-06-02",
        url=url or "javascript:alert(1)",
        text=HOSTILE,
        quote=HOSTILE,
        span=(0, len(HOSTILE)),
        support=1.0,
    )
    return Position(party, party.lower(), stance, HOSTILE, "", c)


def test_cells_escape_markdown_and_html() -> None:
    [row] = positions_rows([_position()])
    statement, source = row[3], row[5]
    assert isinstance(statement, str) and isinstance(source, str)
    assert "<" not in statement + source  # no HTML
    assert not re.search(r"(?<!\\)\]\(", statement + source)  # no link: every ] escaped
    assert statement.startswith("1\\.")  # not a numbered list
    assert "\\*\\*bold\\*\\*" in statement and "\\|" in statement  # no emphasis, no cell split
    assert md_cell("U.S. talks, 2024-05-13") == "U.S. talks, 2024-05-13"  # still searchable


def test_source_links_only_http_urls() -> None:
    [row] = positions_rows([_position(url="https://x.example/a(b)")])
    assert str(row[5]).startswith("[\\[T\\](javascript:alert(1))](https://x.example/a%28b%29)")
    assert str(row[5]).endswith(" — &lt;b&gt;Bad&lt;/b&gt;")


def test_passage_panel_is_escaped() -> None:
    shown = position_source_html(_position())
    assert "&lt;img" in shown and "<img" not in shown and 'href="javascript' not in shown
    assert "No positions found" in position_source_html(None)


def test_rows_by_party_size_then_stance_order() -> None:
    found = [
        _position("Canada", "offers"),
        _position("Norway", "warns"),
        _position("Norway", "demands"),
    ]
    rows = positions_rows(order_positions(found))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1, "Norway", "demands"),
        (2, "Norway", "warns"),
        (3, "Canada", "offers"),
    ]
