"""Memo renderers: Markdown, self-contained HTML (everything from documents escaped), and DOCX
with footnote-style citations (superscript numbers, numbered sources at the end).

Every renderer reads the memo's items (`MemoItem.pieces()`): text, party names and citation
numbers arrive as data, so nothing from a document is ever read back as markup. In Markdown,
whatever came from a document or a user (titles, quotes, party names, sources, the topic) is
written by `md_escape`: HTML shows as text, Markdown punctuation is backslashed (no image, link,
emphasis or list from a document), a bare URL is a code span (no renderer turns it into a link),
and bidirectional controls are dropped. Only our own `**party**`, `[n]` and source links are
markup. Quotes never carry a citation-like marker from their document.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.markers import format_refs, safe_url, unmark
from assistant.types import Citation, Memo, MemoItem, MemoSection
from index.confusables import strip_bidi

__all__ = [
    "export",
    "item_markdown",
    "md_escape",
    "safe_url",
    "shown_quote",
    "to_docx",
    "to_html",
    "to_markdown",
]

_CSS = (
    "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.45;color:#111}"
    "h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.4em;border-bottom:1px solid #ccc}"
    "sup a{text-decoration:none}.date{color:#555}ul.sources{font-size:.9em}"
)


def export(memo: Memo, format: str, path: Path) -> Path:
    format = format.lower().lstrip(".")
    path.parent.mkdir(parents=True, exist_ok=True)
    if format in ("md", "markdown"):
        path.write_text(memo.markdown, encoding="utf-8")
    elif format in ("html", "htm"):
        path.write_text(to_html(memo), encoding="utf-8")
    elif format == "docx":
        to_docx(memo, path)
    else:
        raise ValueError(f"unknown memo format '{format}' (use md, docx or html)")
    return path


def shown_quote(c: Citation) -> str:
    """The quote as a reader gets it: no marker from its document ("... harvested [7]")."""
    return strip_bidi(unmark(c.quote))


# --- Markdown -------------------------------------------------------------------------------

_BARE_URL = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.-]{1,20}://|www\.)[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?]"
)
_MD_PUNCT = re.compile(r"([\\`*_\[\]~#])")  # "#" too: " #" closes a heading
_LINE_START = re.compile(r"^(\s*)(?:(\d+)([.)])|([+\-=#]))")


def md_escape(text: str) -> str:
    """Text from a document or a user, as Markdown that shows it and does nothing else.

    One line (a quote's blank line could end a list item and start anything); `&`, `<` and
    `>` as entities, so no tag or autolink; Markdown punctuation backslashed, so no image,
    link, emphasis, code or heading; a bare URL in a code span, so no renderer links it; a
    line-opening list or heading mark escaped; bidi controls dropped.
    """
    raw = strip_bidi(str(text or ""))
    text = " ".join(raw.split())
    if not text:
        return " " if raw else ""
    lead, trail = " " * raw[:1].isspace(), " " * raw[-1:].isspace()
    out, pos = [], 0
    for m in _BARE_URL.finditer(text):
        out.append(_escape_plain(text[pos : m.start()]))
        out.append("`" + m.group(0).replace("`", "%60") + "`")
        pos = m.end()
    out.append(_escape_plain(text[pos:]))
    escaped = _LINE_START.sub(
        lambda m: f"{m.group(1)}{m.group(2) or ''}\\{m.group(3) or m.group(4)}", "".join(out)
    )
    return lead + escaped + trail


def _escape_plain(text: str) -> str:
    return _MD_PUNCT.sub(r"\\\1", html.escape(text, quote=False))


def item_markdown(item: MemoItem) -> str:
    """One item as Markdown: the party in bold, citations as [n] markers, the rest escaped."""
    out = []
    for piece in item.pieces():
        if piece.kind == "party":
            out.append(f"**{md_escape(piece.text)}**")
        elif piece.kind == "refs":
            out.append(format_refs(piece.refs))
        else:
            out.append(md_escape(piece.text))
    return "".join(out)


def to_markdown(
    title: str, date_line: str, sections: Sequence[MemoSection], citations: Sequence[Citation]
) -> str:
    """The memo as Markdown (what `Memo.markdown` holds): sections, then numbered sources."""
    lines = [f"# {md_escape(title)}", "", f"*{md_escape(date_line)}*", ""]
    for s in sections:
        lines += [f"## {md_escape(s.heading)}", ""]
        for item in s.items:
            text = item_markdown(item)
            lines.append(f"- {text}" if s.bullets else text)
        lines.append("")
    lines += ["## Sources", ""]
    for doc in by_document(citations):
        first = doc[0]
        meta = ", ".join(md_escape(x) for x in (first.source, first.date or "date unknown") if x)
        url = safe_url(first.url)
        lines.append(
            f"- **{md_escape(first.title)}**"
            + (f" — {meta}" if meta else "")
            + (f" — <{url}>" if url else "")
        )
        lines.extend(f"  {c.n}. “{md_escape(shown_quote(c))}”" for c in doc)
    return "\n".join(lines) + "\n"


def by_document(citations: Sequence[Citation]) -> list[list[Citation]]:
    """Citations grouped by document, documents in order of their first citation: a source
    list has one entry per document with its cited passages under it.
    """
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.doc_id, []).append(c)
    return list(groups.values())


# --- HTML -----------------------------------------------------------------------------------


def item_html(item: MemoItem) -> str:
    """One item as escaped HTML: the party in <strong>, citations as superscript links."""
    out = []
    for piece in item.pieces():
        if piece.kind == "party":
            out.append(f"<strong>{html.escape(piece.text)}</strong>")
        elif piece.kind == "refs":
            out.extend(f'<sup><a href="#src-{n}">{n}</a></sup>' for n in piece.refs)
        else:
            out.append(html.escape(piece.text))
    return "".join(out)


def to_html(memo: Memo) -> str:
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{html.escape(memo.title)}</title><style>{_CSS}</style></head><body>",
        f'<h1>{html.escape(memo.title)}</h1><p class="date">{html.escape(memo.date_line)}</p>',
    ]
    for s in memo.sections:
        parts.append(f"<h2>{html.escape(s.heading)}</h2>")
        if s.bullets:
            parts.append("<ul>" + "".join(f"<li>{item_html(i)}</li>" for i in s.items) + "</ul>")
        else:
            parts.extend(f"<p>{item_html(i)}</p>" for i in s.items)
    parts.append('<h2>Sources</h2><ul class="sources">')
    for doc in by_document(memo.citations):
        first = doc[0]
        meta = ", ".join(html.escape(x) for x in (first.source, first.date or "date unknown") if x)
        url = safe_url(first.url)
        link = (
            f' — <a href="{html.escape(url)}" rel="noopener noreferrer">{html.escape(url)}</a>'
            if url
            else ""
        )
        quotes = "".join(
            f'<li id="src-{c.n}" value="{c.n}"><q>{html.escape(shown_quote(c))}</q></li>'
            for c in doc
        )
        parts.append(
            f"<li><strong>{html.escape(first.title)}</strong>"
            + (f" — {meta}" if meta else "")
            + link
            + f"<ol>{quotes}</ol></li>"
        )
    parts.append("</ul></body></html>")
    return "\n".join(parts)


# --- DOCX -----------------------------------------------------------------------------------


def to_docx(memo: Memo, path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = memo.title
    document.add_heading(memo.title, level=1)
    document.add_paragraph().add_run(memo.date_line).italic = True
    for s in memo.sections:
        document.add_heading(s.heading, level=2)
        for item in s.items:
            para = document.add_paragraph(style="List Bullet" if s.bullets else None)
            _runs(para, item)
    document.add_heading("Sources", level=2)
    for doc in by_document(memo.citations):
        first = doc[0]
        meta = ", ".join(x for x in (first.source, first.date or "date unknown") if x)
        url = safe_url(first.url)
        para = document.add_paragraph(style="List Bullet")
        para.add_run(first.title).bold = True
        para.add_run((f" — {meta}" if meta else "") + (f" — {url}" if url else ""))
        for c in doc:
            quote = document.add_paragraph(style="List Bullet 2")
            quote.add_run(f"{c.n}. ")
            quote.add_run(f"“{shown_quote(c)}”").italic = True
    document.save(str(path))


def _runs(para: Any, item: MemoItem) -> None:
    """Bold party names and superscript citation numbers, as footnote references read."""
    for piece in item.pieces():
        if piece.kind == "party":
            para.add_run(piece.text).bold = True
        elif piece.kind == "refs":
            for n in piece.refs:
                para.add_run(str(n)).font.superscript = True
        else:
            para.add_run(piece.text)
