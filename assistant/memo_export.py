"""Memo exports: Markdown, self-contained HTML (everything from documents escaped), and DOCX
with footnote-style citations (superscript numbers, numbered sources at the end).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

_MARK = re.compile(r"\[(\d+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CSS = (
    "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.45;color:#111}"
    "h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.4em;border-bottom:1px solid #ccc}"
    "sup a{text-decoration:none}.date{color:#555}ol.sources{font-size:.9em}"
)


def export(memo: Any, format: str, path: Path) -> Path:
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


def safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url or "", re.IGNORECASE) else ""


def _inline_html(text: str) -> str:
    out = html.escape(text)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _MARK.sub(r'<sup><a href="#src-\1">\1</a></sup>', out)


def to_html(memo: Any) -> str:
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
            parts.append("<ul>" + "".join(f"<li>{_inline_html(i)}</li>" for i in s.items) + "</ul>")
        else:
            parts.extend(f"<p>{_inline_html(i)}</p>" for i in s.items)
    parts.append('<h2>Sources</h2><ol class="sources">')
    for c in memo.citations:
        meta = ", ".join(html.escape(x) for x in (c.source, c.date) if x)
        url = safe_url(c.url)
        link = (
            f' — <a href="{html.escape(url)}" rel="noopener noreferrer">{html.escape(url)}</a>'
            if url
            else ""
        )
        parts.append(
            f'<li id="src-{c.n}">{html.escape(c.title)}'
            + (f" — {meta}" if meta else "")
            + link
            + f"<br><q>{html.escape(c.quote)}</q></li>"
        )
    parts.append("</ol></body></html>")
    return "\n".join(parts)


def to_docx(memo: Any, path: Path) -> None:
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
    for c in memo.citations:
        meta = ", ".join(x for x in (c.source, c.date) if x)
        para = document.add_paragraph(style="List Number")
        para.add_run(c.title).bold = True
        para.add_run(
            (f" — {meta}" if meta else "") + (f" — {safe_url(c.url)}" if safe_url(c.url) else "")
        )
        para.add_run(f"\n“{c.quote}”").italic = True
    document.save(str(path))


def _runs(para: Any, text: str) -> None:
    """Bold party names and superscript citation numbers, as footnote references read."""
    for token in re.split(r"(\*\*.+?\*\*|\[\d+\])", text):
        if not token:
            continue
        if token.startswith("**"):
            para.add_run(token[2:-2]).bold = True
        elif _MARK.fullmatch(token):
            para.add_run(token[1:-1]).font.superscript = True
        else:
            para.add_run(token)
