"""Every memo export shows document text as text: ingest hostile files, write a memo, export it
as Markdown, HTML and DOCX (and download it from the running app), and read what a reader's
renderer would do with each.

The hostile article carries, in its title and its sentences: an `<img onerror>`, a `<script>`,
a Markdown image pointing at a local address, an autolink that tries to close itself and open a
script, right-to-left override and isolate characters ("desolc" shown as "closed"), and
citation-like markers ("[99]") that a quote must not carry.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.hostile import audit

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
LEAK = "http://127.0.0.1:9/leak"
TITLE = f"Velmar harbour <img src=x onerror=alert(1)> talks {RLO}desolc{PDF}"
HOSTILE = f"""title: {TITLE}
source: <script>alert('s')</script>Coastal Ledger
date: 2024-03-03
url: https://ledger.example/velmar
---
The Velmar harbour union demands a nine percent pay rise for crane drivers, union leader Ana Ruiz said on Monday <script>alert(2)</script> [99].

The port authority of Velmar rejected the nine percent pay rise demanded by the union, calling it ![t]({LEAK}) unaffordable [12, 13].

Velmar harbour talks on the pay rise will resume on 12 March, the authority said <https://x"><script>alert(3)</script>>.

The port of Velmar is {RLO}desolc{PDF} to {RLI}tankers{PDI} until the talks end, the harbour master said.
"""
HONEST = """title: Velmar crane drivers vote on strike
source: Harbour Times
date: 2024-03-04
url: https://times.example/velmar-vote
---
Crane drivers at the port of Velmar will vote on a strike next week, the union said on Tuesday, after the port authority rejected its demand for a nine percent pay rise.
"""
TOPIC = "the Velmar harbour union pay rise"


@pytest.fixture(scope="module")
def memo_files(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Iterator[Any]:
    from assistant.api import open_assistant

    root = tmp_path_factory.mktemp("export")
    news = root / "news"
    news.mkdir()
    (news / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (news / "honest.txt").write_text(HONEST, encoding="utf-8")
    a = open_assistant(root / "store", embedder=real_embedder)
    report = a.ingest([news])
    assert report.added == 2, report.failed
    memo = a.memo(TOPIC)
    out = {f: memo.export(f, root / f"memo.{f}") for f in ("md", "html", "docx")}
    yield a, memo, out
    a.close()


def test_ingest_removes_bidi_controls_and_markers(memo_files: Any) -> None:
    a, _, _ = memo_files
    hostile = next(d for d in a.documents() if "Velmar harbour" in d.title)
    assert not BIDI.search(hostile.title) and hostile.title.endswith("desolc")
    text = a.document_text(hostile.doc_id)
    assert not BIDI.search(text)
    assert "[99]" not in text and "[12, 13]" not in text
    assert "<script>alert(2)</script>." in text  # the rest is kept as the outlet wrote it


def _check_markdown(md: str, body: str | None = None) -> None:
    """Rendered as a Markdown viewer does (HTML allowed): nothing runs, loads or links except
    the sources' own http(s) links; no bidi control; no bare URL outside a code span in the
    `body` (the text before the source list, unless given).
    """
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    shown = audit(rendered)  # no script, img, on*= or non-http link
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert set(hrefs) <= {"https://ledger.example/velmar", "https://times.example/velmar-vote"}
    assert not re.search(r"<img|<script", rendered, re.I)
    assert not BIDI.search(md)
    # a GFM viewer links bare URLs: none from a document is outside a code span
    body = re.sub(r"`[^`\n]*`", "", md.split("## Sources", 1)[0] if body is None else body)
    assert "://" not in body and "www." not in body
    assert "<img src=x onerror=alert(1)>" in shown  # the title, as text
    return None


def test_markdown_export_is_inert(memo_files: Any) -> None:
    _, memo, out = memo_files
    md = out["md"].read_text(encoding="utf-8")
    assert md == memo.markdown
    assert "[1]" in md and "## Sources" in md
    _check_markdown(md)
    assert re.search(r"\[(?:99|12|13)\]", md) is None  # only the memo's own markers
    hostile_line = next(
        line for line in md.split("## Sources")[1].splitlines() if "Velmar harbour" in line
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_line


def test_html_export_is_inert(memo_files: Any) -> None:
    _, memo, out = memo_files
    markup = out["html"].read_text(encoding="utf-8")
    shown = audit(markup)
    assert "Content-Security-Policy" in markup
    assert "<img src=x onerror=alert(1)>" in shown and "<script>alert(2)</script>" in shown
    assert not BIDI.search(markup)
    quotes = re.findall(r"<q>(.*?)</q>", markup, re.S)
    assert quotes and not any(re.search(r"\[\d+", q) for q in quotes)
    assert LEAK not in re.findall(r'(?:src|href)="([^"]*)"', markup)


def test_docx_export_is_inert(memo_files: Any) -> None:
    _, memo, out = memo_files
    import docx

    document = docx.Document(str(out["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Velmar harbour <img src=x onerror=alert(1)> talks desolc" in text  # plain text
    assert not BIDI.search(text)
    quotes = [r.text for p in document.paragraphs for r in p.runs if r.italic and "“" in r.text]
    assert quotes and not any(re.search(r"\[\d+", q) for q in quotes)
    with zipfile.ZipFile(out["docx"]) as z:
        names = z.namelist()
        rels = "".join(z.read(n).decode("utf-8") for n in names if n.endswith(".rels"))
    assert not any(n.startswith("word/media/") for n in names)  # no image came in
    assert "127.0.0.1" not in rels and 'TargetMode="External"' not in rels


def test_saved_conversation_markdown_is_inert(memo_files: Any) -> None:
    """A saved conversation exported as Markdown (the API's /conversations/{id}/markdown)."""
    a, _, _ = memo_files
    question = "What pay rise does the Velmar harbour union demand? <img src=x onerror=alert(9)>"
    answer = a.ask(question)
    assert not answer.abstained and any("Velmar harbour" in c.title for c in answer.citations)
    cid = a.save_turn("ana", None, answer, question)
    md = a.conversation("ana", cid).markdown()
    _check_markdown(md, body=re.sub(r"(?m)^\d+\. .*$", "", md))  # without the source lines
    from markdown_it import MarkdownIt

    shown = audit(MarkdownIt("commonmark", {"html": True}).render(md))
    assert "<img src=x onerror=alert(9)>" in shown  # the question, as text
    assert "<script>alert(2)</script>" in shown  # a quote, as text
    assert re.search(r"\[(?:99|12|13)\]", shown) is None


def test_app_download_is_the_escaped_markdown(
    tmp_path_factory: pytest.TempPathFactory, real_embedder: Any
) -> None:
    """The memo tab's download, fetched from the running app through gradio_client."""
    from gradio_client import Client

    from tests.support.ui_app import build_store, launch

    body = HOSTILE.split("---\n", 1)[1]
    articles = [
        {
            "title": TITLE,
            "source": "<b>Bad</b> Outlet",
            "date": "2024-03-03",
            "url": "https://ledger.example/velmar",
            "text": body,
        }
    ]
    a = build_store(tmp_path_factory.mktemp("app") / "store", real_embedder, articles)
    running = launch(a)
    try:
        preview, files = Client(running.url, verbose=False).predict(TOPIC, api_name="/memo")
        paths = {Path(f if isinstance(f, str) else f["path"]).suffix: f for f in files}
        md = Path(paths[".md"] if isinstance(paths[".md"], str) else paths[".md"]["path"])
        text = md.read_text(encoding="utf-8")
        assert text.startswith("# Briefing:") and "[1]" in text
        _check_markdown(text)
        audit(preview)
        assert not BIDI.search(preview)
    finally:
        running.ui.close()
        a.close()
