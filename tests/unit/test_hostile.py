"""Hostile inputs a user never sees through the model: markup in everything a page shows, and
files built to hurt the loaders (zip bombs, deep nesting, page floods, odd names, symlinks, huge
lines, legacy encodings). Prompt injection against answers is in
tests/integration/test_hostile_answers.py.

Every check is what a reader or the person running the ingest would notice: a script that runs, a
link that executes, a batch that hangs or dies, a file read from outside the folder that was named.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.types import Answer, Citation, Memo, MemoSection, Passage, Position
from tests.support.hostile import (
    STORY,
    XSS_BODY,
    XSS_SOURCE,
    XSS_TITLE,
    XSS_URL,
    audit,
    audit_markdown,
    only_failure,
    timed_ingest,
)

# --- rendering ----------------------------------------------------------------------------------


def _hostile_citation(n: int = 1) -> Citation:
    return Citation(
        n=n,
        doc_id="d1",
        chunk_id="c1",
        title=XSS_TITLE,
        source=XSS_SOURCE,
        date="2024-03-03",
        url=XSS_URL,
        text=XSS_BODY,
        quote=XSS_BODY.split("\n\n")[1],
        span=(0, 10),
        support=1.0,
    )


def test_answer_and_citation_html_show_markup_as_text():
    from assistant.ui_format import answer_html, citation_html, passage_html

    c = _hostile_citation()
    answer = Answer(
        text="Click [x](javascript:alert(1)) <script>alert(9)</script> now [1].", citations=[c]
    )
    for markup in (answer_html(answer, prefix='x" onclick="alert(1)'), citation_html(c, "p")):
        shown = audit(markup)
        audit_markdown(markup)
        assert "\n\n" not in markup
        assert "<script>alert('t')</script>" in shown  # the title, visible as text
        assert '<img src=x onerror="alert(1)"> Wire' in shown
    shown = audit(answer_html(answer))
    assert "[x](javascript:alert(1)) <script>alert(9)</script>" in shown
    abstained = Answer(
        text="The sources do not say. <script>x</script>",
        abstained=True,
        closest=[Passage("d", "c", XSS_BODY, XSS_TITLE, XSS_SOURCE, "", XSS_URL, 1.0)],
    )
    for markup in (answer_html(abstained), passage_html(abstained.closest[0], 1)):
        shown = audit(markup)
        audit_markdown(markup)
        assert "<svg onload=alert(6)>" in shown


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        'https://ok.example/"onmouseover="alert(1)',
        "https://ok.example/ x",
    ],
)
def test_no_url_becomes_an_executable_link(url):
    from assistant.memo_export import to_html
    from assistant.ui_format import citation_html

    c = Citation(
        1, "d", "c", "T", "S", "", url, "Some passage text here.", "Some passage", (0, 12), 1.0
    )
    audit(citation_html(c, "p"))
    memo = Memo("M", "today", [MemoSection("Bottom line", ["Fact [1]."])], [c], "")
    audit(to_html(memo))


def test_positions_and_memo_previews_show_markup_as_text():
    from assistant.memo_export import to_html
    from assistant.ui_format import memo_html, positions_html

    c = _hostile_citation()
    pos = Position(
        party="<b onmouseover=alert(1)>Union</b>",
        party_id="u",
        stance="demands",
        text=XSS_BODY.split("\n\n")[0],
        about="[pay](javascript:alert(1))",
        citation=c,
        said_on="<script>1</script>",
    )
    shown = audit(positions_html([pos]))
    audit_markdown(positions_html([pos]))
    assert "<b onmouseover=alert(1)>Union</b>" in shown and "<script>alert(2)</script>" in shown
    memo = Memo(
        title="<script>alert('memo')</script>",
        date_line="<img src=x onerror=alert(1)>",
        sections=[
            MemoSection(
                "<i onclick=alert(1)>Bottom line</i>",
                ["**<script>x</script>** demands [x](javascript:alert(1)) [1]."],
            ),
            MemoSection("Next", ["<a href='javascript:alert(1)'>go</a> [1]."], bullets=False),
        ],
        citations=[c],
        markdown="",
    )
    for markup in (memo_html(memo), to_html(memo)):
        shown = audit(markup)
        assert "<script>alert('memo')</script>" in shown
        assert "[x](javascript:alert(1))" in shown
        assert "<a href='javascript:alert(1)'>go</a>" in shown
    audit_markdown(memo_html(memo))


def test_ingest_report_markdown_cannot_link_or_inject():
    from markdown_it import MarkdownIt

    from assistant.types import IngestFailure, IngestReport
    from assistant.ui_format import report_markdown

    report = IngestReport(
        failed=[IngestFailure("/in/[x](javascript:alert(1)).txt", "<script>alert(1)</script>")],
        skipped=["<img src=x onerror=alert(1)>.jpg"],
    )
    shown = audit(MarkdownIt("commonmark", {"html": True}).render(report_markdown(report)))
    assert "[x](javascript:alert(1)).txt" in shown and "<script>alert(1)</script>" in shown


# --- hostile files through ingest --------------------------------------------------------------

# The two slow ones (a 100,000-deep HTML nest, a 5 MB one-line file) are in
# tests/integration/test_hostile_inputs.py: each takes seconds by design.


def _tree(root: Path, store: Path) -> set[Path]:
    return {p for p in root.rglob("*") if store not in p.parents and p != store}


@pytest.fixture
def inbox(tmp_path, warm_parser):  # spaCy loaded before any ingest is timed
    d = tmp_path / "inbox"
    d.mkdir()
    return d


def test_docx_zip_bomb_is_refused_without_unpacking(assistant, inbox, tmp_path):
    bomb = inbox / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(zeros)
    assert bomb.stat().st_size < 3_000_000  # small on disk, 300 MB unpacked
    before = _tree(tmp_path, tmp_path / "store")
    report = timed_ingest(assistant, [bomb, inbox])
    assert [f.path for f in report.failed] == [str(bomb), str(bomb)]  # named and found in folder
    assert all("zip bomb" in f.reason and "MB" in f.reason for f in report.failed)
    assert _tree(tmp_path, tmp_path / "store") == before  # nothing unpacked anywhere
    assert assistant.documents() == []


def test_docx_whose_sizes_lie_fails_cleanly(assistant, inbox):
    """Declared sizes small, real content large and wrong: refused as a broken DOCX."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph(STORY)
    buf = io.BytesIO()
    d.save(buf)
    data = bytearray(buf.getvalue())
    # corrupt the compressed bytes of the main document part
    at = data.find(b"word/document.xml") + 40
    data[at : at + 200] = b"\xff" * 200
    liar = inbox / "liar.docx"
    liar.write_bytes(bytes(data))
    report = timed_ingest(assistant, [liar])
    only_failure(report, liar, r"DOCX|zip")


def test_pdf_over_the_page_limit_is_refused(assistant, inbox):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2001):
        writer.add_blank_page(72, 72)
    flood = inbox / "flood.pdf"
    writer.write(str(flood))
    report = timed_ingest(assistant, [flood])
    only_failure(report, flood, r"2001 pages, above the 2000-page limit")


@pytest.mark.parametrize("count", [b"999999999", b"-5"])
def test_pdf_whose_page_tree_lies_is_refused(assistant, inbox, count):
    """A page tree that claims a billion (or minus five) pages: refused at once."""
    pdf = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count " + count + b" >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    liar = inbox / "liar.pdf"
    liar.write_bytes(pdf)
    report = timed_ingest(assistant, [liar])
    only_failure(report, liar, r"PDF")


def test_odd_file_names_are_stored_by_name_and_reported_by_path(assistant, inbox, tmp_path):
    names = {
        "..evil.txt": "Ferry crews at Skarra walked out on Tuesday over unpaid overtime and rest.",
        "new\nline.txt": "The Brenna rail tunnel opened to passenger trains on Friday morning.",
        "two  spaces é ü 東京.txt": "Orchard growers in Lindmoor reported a record apple harvest.",
    }
    for name, body in names.items():
        (inbox / name).write_text(body, encoding="utf-8")
    bad = inbox / "bad\nname [x](javascript:1).json"
    bad.write_text("{not json", encoding="utf-8")
    before = _tree(tmp_path, tmp_path / "store")

    folder = timed_ingest(assistant, [inbox])
    only_failure(folder, bad, r"malformed JSON")
    # a name starting with "." is a hidden file: a folder ingest passes over it
    assert sorted(d.path for d in assistant.documents()) == sorted(
        ["new\nline.txt", "two  spaces é ü 東京.txt"]
    )
    explicit = timed_ingest(assistant, [inbox / ".." / "inbox" / "..evil.txt"])
    assert (explicit.added, explicit.failed) == (1, [])
    paths = {d.path for d in assistant.documents()}
    assert "..evil.txt" in paths and all("/" not in p for p in paths)
    assert _tree(tmp_path, tmp_path / "store") == before  # nothing written outside the store


def test_symlink_out_of_the_folder_is_not_followed(assistant, inbox, tmp_path):
    secret = tmp_path / "private" / "id_rsa"
    secret.parent.mkdir()
    secret.write_text("The harbour vault code is 7731 and the spare key is under the bollard.")
    (tmp_path / "private" / "notes.txt").write_text(
        "Private notes about the quarterly budget of the harbour authority and its staff."
    )
    (inbox / "story.txt").write_text(STORY, encoding="utf-8")
    (inbox / "innocent.txt").symlink_to(secret)
    (inbox / "outside").symlink_to(tmp_path / "private", target_is_directory=True)
    report = timed_ingest(assistant, [inbox])
    assert report.added == 1, [d.path for d in assistant.documents()]
    assert [d.path for d in assistant.documents()] == ["story.txt"]
    assert all("vault" not in p.text for p in assistant.search("harbour vault code", k=5))


def test_cp1252_file_is_decoded_not_garbled(assistant, inbox):
    text = (
        "title: Café owners protest a naïve tax\n---\n"
        "The café owners of Harbor City said “we will not pay” the new tax – a levy of "
        "5€ per table."
    )
    legacy = inbox / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        legacy.read_bytes().decode("utf-8")
    report = timed_ingest(assistant, [legacy])
    assert (report.added, report.failed) == (1, [])
    (doc,) = assistant.documents()
    assert doc.title == "Café owners protest a naïve tax"
    body = assistant.services.catalog.document_text(doc.doc_id)
    assert "“we will not pay” the new tax – a levy of 5€ per table." in body


def test_deeply_nested_json_fails_with_a_reason(assistant, inbox):
    deep = inbox / "deep.json"
    deep.write_text("[" * 200_000, encoding="utf-8")
    report = timed_ingest(assistant, [deep])
    only_failure(report, deep, r"JSON")
    assert "RecursionError" not in report.failed[0].reason


def test_yaml_front_matter_with_an_impossible_date_keeps_the_article(assistant, inbox):
    md = inbox / "dated.md"
    md.write_text(f"---\ntitle: Port strike\ndate: 2024-02-30\n---\n{STORY}\n", encoding="utf-8")
    report = timed_ingest(assistant, [md])
    assert (report.added, report.failed) == (1, [])
    (doc,) = assistant.documents()
    assert doc.title == "Port strike" and doc.date == ""
