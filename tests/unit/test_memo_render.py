"""Memo items as data and the renderers that read them (Markdown, HTML, DOCX, the app's preview).

Memos are built by hand here (and once through `build_memo` with a stand-in assistant), so no
embedding model is needed.
"""

from __future__ import annotations

import re
import zipfile
from types import SimpleNamespace

import pytest

from assistant.citations import same_claim
from assistant.memo import build_memo
from assistant.memo_export import item_markdown, to_html, to_markdown
from assistant.types import Answer, Citation, Memo, MemoItem, MemoSection, Position
from assistant.ui_format import memo_html

HOSTILE = "<script>alert(1)</script>"


def _citation(n: int, url: str = "https://example.org/a", **kw: object) -> Citation:
    fields: dict[str, object] = dict(
        n=n,
        doc_id=f"d{n}",
        chunk_id=f"c{n}",
        title=f"Title {n}",
        source="Wire",
        date="2022-01-0" + str(n % 10),
        url=url,
        text=f"Passage {n} text.",
        quote=f"Quote {n}.",
        span=(0, 8),
        support=1.0,
    )
    fields.update(kw)
    return Citation(**fields)  # type: ignore[arg-type]


def _memo(sections: list[MemoSection], citations: list[Citation], title: str = "Briefing: X"):
    return Memo(
        title, "today", sections, citations, to_markdown(title, "today", sections, citations)
    )


PARTY = MemoItem(
    party="Union",
    clauses=(
        MemoItem("a 9 percent rise (single source)", (1,), label="demands"),
        MemoItem("the offer", (2,), label="red lines / rejects"),
    ),
)
SECTIONS = [
    MemoSection("Bottom line", [MemoItem("The union wants more pay.", (1, 2))], bullets=False),
    MemoSection("Key developments", [MemoItem("Talks stalled.", (2,), label="2022-01-02")]),
    MemoSection("Positions", [PARTY]),
    MemoSection(
        "Where they disagree and where they might meet",
        [
            MemoItem(
                clauses=(MemoItem("Union demands a rise", (1,)), MemoItem("Port rejects", (2,)))
            ),
            MemoItem("Port offers talks", (2,), label="Possible common ground"),
        ],
    ),
    MemoSection("What comes next", [MemoItem("No dated event.")], bullets=False),
]


def test_items_render_as_the_memo_markdown_always_read():
    assert item_markdown(SECTIONS[0].items[0]) == "The union wants more pay [1][2]."
    assert item_markdown(SECTIONS[1].items[0]) == "2022-01-02: Talks stalled [2]."
    assert item_markdown(PARTY) == (
        "**Union** — demands: a 9 percent rise (single source) [1]; "
        "red lines / rejects: the offer [2]"
    )
    assert item_markdown(SECTIONS[3].items[0]) == "Union demands a rise [1]; Port rejects [2]"
    assert item_markdown(SECTIONS[3].items[1]) == "Possible common ground: Port offers talks [2]"
    assert item_markdown(MemoItem("Plain.")) == "Plain."


def test_markdown_has_sections_markers_and_sources():
    memo = _memo(SECTIONS, [_citation(1), _citation(2, url="javascript:alert(1)")])
    md = memo.markdown
    assert md.startswith("# Briefing: X\n\n*today*\n\n## Bottom line\n\nThe union wants more pay")
    assert "- 2022-01-02: Talks stalled [2]." in md
    assert "- **Union** — demands:" in md
    assert "\nNo dated event.\n" in md  # not a bullet
    assert {int(n) for n in re.findall(r"\[(\d+)\]", md)} == {1, 2}
    sources = md.split("## Sources", 1)[1]
    # one entry per document, its cited passages numbered under it
    assert "- **Title 1** — Wire, 2022-01-01 — <https://example.org/a>\n  1. “Quote 1.”" in sources
    assert "- **Title 2** — Wire, 2022-01-02\n  2. “Quote 2.”" in sources  # javascript: no link
    assert "javascript" not in md


def test_words_and_dict_read_the_items():
    memo = _memo(SECTIONS, [_citation(1), _citation(2)])
    expected = sum(len(item_markdown(i).split()) for s in SECTIONS for i in s.items)
    assert memo.words() == expected
    d = memo.to_dict()
    assert d["markdown"] == memo.markdown and [c["n"] for c in d["citations"]] == [1, 2]


def test_html_export_escapes_everything_and_links_footnotes():
    hostile = MemoItem(f"{HOSTILE} [x](javascript:alert(1)) **not bold**.", (1,), party=HOSTILE)
    memo = _memo(
        [MemoSection(HOSTILE, [hostile]), *SECTIONS],
        [_citation(1, url="javascript:alert(1)", title=HOSTILE), _citation(2)],
        title=HOSTILE,
    )
    out = to_html(memo)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> — " in out
    assert "**not bold**" in out and "<strong>not bold</strong>" not in out  # document text
    assert 'href="javascript' not in out and "javascript:alert(1)</a>" not in out
    assert 'The union wants more pay <sup><a href="#src-1">1</a></sup>' in out
    assert '<sup><a href="#src-2">2</a></sup>.' in out
    assert (
        '<li><strong>Title 2</strong> — Wire, 2022-01-02 — <a href="https://example.org/a"' in out
    )
    assert '<li id="src-2" value="2"><q>' in out  # the footnote's target, under its document
    assert "Content-Security-Policy" in out


def test_app_preview_footnotes_sit_on_their_word_and_party_is_plain():
    memo = _memo(SECTIONS, [_citation(1), _citation(2)])
    out = memo_html(memo)
    assert 'The union wants more pay<sup class="fn"><a href="#m-src-1"' in out
    assert "Union — demands: a 9 percent rise (single source)<sup" in out
    assert "<strong>" not in out and "**" not in out
    # a number with no source stays visible as its marker, never a dangling link
    orphan = _memo([MemoSection("B", [MemoItem("Claim.", (7,))])], [_citation(1)])
    assert "Claim [7]." in memo_html(orphan) and "m-src-7" not in memo_html(orphan)
    hostile = _memo([MemoSection("B", [MemoItem(HOSTILE, (1,), party=HOSTILE)])], [_citation(1)])
    assert "<script>" not in memo_html(hostile)


def test_docx_holds_the_items_with_superscript_footnotes(tmp_path):
    pytest.importorskip("docx")
    memo = _memo(SECTIONS, [_citation(1), _citation(2, url="javascript:alert(1)")])
    path = memo.export("docx", tmp_path / "m.docx")
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:r>(.*?)</w:r>", xml, re.S)
    text_of = [(re.sub(r"<[^>]+>", "", r), "superscript" in r, "<w:b/>" in r) for r in runs]
    assert ("The union wants more pay ", False, False) in text_of
    assert [t for t, sup, _ in text_of if sup] == ["1", "2", "2", "1", "2", "1", "2", "2"]
    assert ("Union", False, True) in text_of
    assert "Talks stalled" in xml and "Possible common ground: Port offers talks" in xml
    assert "javascript" not in xml


def test_exports_write_every_format(tmp_path):
    memo = _memo(SECTIONS, [_citation(1), _citation(2)])
    assert memo.export("md", tmp_path / "m.md").read_text(encoding="utf-8") == memo.markdown
    assert "<h2>Positions</h2>" in memo.export("html", tmp_path / "m.html").read_text("utf-8")
    with pytest.raises(ValueError):
        memo.export("pdf", tmp_path / "m.pdf")


def test_strings_in_the_memo_markdown_are_read_once_into_items():
    section = MemoSection(
        "S",
        [
            "Fact [1].",
            "**Union** — demands: pay [1]; rejects: the offer [2][3]",
            "No citation here.",
            "**Party** demands [x](javascript:alert(1)) [1].",
        ],
    )
    fact, party, plain, odd = section.items
    assert fact == MemoItem("Fact.", (1,))
    assert party.party == "Union" and [c.refs for c in party.clauses] == [(1,), (2, 3)]
    assert item_markdown(party) == "**Union** — demands: pay [1]; rejects: the offer [2][3]"
    assert plain == MemoItem("No citation here.")
    assert (
        odd.party == "Party"
        and odd.text == "demands [x](javascript:alert(1))."
        and odd.refs == (1,)
    )


def test_renumbering_follows_reading_order():
    item = MemoItem(party="P", clauses=(MemoItem("a", (5,)), MemoItem("b.", (3, 5))))
    assert item.all_refs() == [5, 3, 5]
    assert item.renumbered({5: 1, 3: 2}).all_refs() == [1, 2, 1]


def _position(party: str, stance: str, about: str, c: Citation, corroboration: int = 1):
    return Position(
        party,
        party.lower(),
        stance,
        f"{party} {stance} {about}.",
        about,
        c,
        corroboration=corroboration,
    )


def test_build_memo_makes_items_numbered_in_order_of_use():
    """`build_memo` with a stand-in assistant: items carry refs; sources numbered by first use
    of their document, a document's passages together; the bottom line is not repeated.
    """
    c1 = _citation(1, doc_id="port", span=(0, 10), quote="The union demands a rise.")
    c2 = _citation(2, doc_id="port", span=(20, 40), quote="The port rejects it.")
    c3 = _citation(3, doc_id="lab", span=(0, 5), quote="Talks stalled on Monday.")
    c4 = _citation(4, doc_id="port", span=(50, 90), quote="Union demands a pay rise for drivers.")
    c5 = _citation(5, doc_id="port", span=(100, 130), quote="Port rejects a pay rise.")
    c6 = _citation(6, doc_id="lab", span=(10, 30), quote="Port offers talks next week.")
    answer = Answer("The union demands a rise [1]. The port rejects it [2][1].", [c1, c2])
    follow = Answer("Talks stalled on Monday [1].", [c3])
    positions = [
        _position("Union", "demands", "a rise", c1, 3),  # the bottom line's own sentence
        _position("Union", "demands", "a nine percent pay rise for drivers", c4, 2),
        _position("Port", "rejects", "a nine percent pay rise", c5),
        _position("Port", "offers", "talks next week", c6),
    ]
    fake = SimpleNamespace(
        # the topic question gets the answer; the memo's follow-up (no positions) the events
        ask=lambda q, **kw: follow if kw.get("use_positions") is False else answer,
        positions=lambda topic=None: positions,
        search=lambda q, k=12: [],
        drafter=lambda: None,  # no LLM engine: the extractive memo
        attributed=lambda quotes, dated=True: [c.quote for c in quotes],  # no stored voices
        same_claim=same_claim,  # by their words (no embedder in the unit tier)
    )
    memo = build_memo(fake, "harbour pay")
    items = {s.heading: s.items for s in memo.sections}
    assert items["Bottom line"] == [
        MemoItem("The union demands a rise.", (1,)),
        MemoItem("The port rejects it.", (2, 1)),
    ]
    (event,) = items["Key developments"]
    assert event.text == "Talks stalled on Monday." and event.label == "2022-01-03"
    by_party = {i.party: i for i in items["Positions"]}
    port, union = by_party["Port"], by_party["Union"]
    assert [c.label for c in port.clauses] == ["red lines / rejects", "offers"]
    assert [c.text for c in port.clauses] == [
        "Port rejects a nine percent pay rise (Wire's account; single source)",
        "Port offers talks next week (Wire's account; single source)",
    ]
    # Union's statement the bottom line quotes is not repeated: its other one, whole
    (demand,) = union.clauses
    # a reporter's paraphrase is marked as the outlet's account
    assert demand.text == "Union demands a nine percent pay rise for drivers (Wire's account)"
    assert demand.refs
    assert memo.citations[demand.refs[0] - 1].quote == c4.quote
    # sources: 1..n, a document's passages numbered together, documents by first use
    docs = [c.doc_id for c in memo.citations]
    assert [c.n for c in memo.citations] == list(range(1, 7))
    assert docs == ["port"] * 4 + ["lab"] * 2
    assert memo.markdown == to_markdown(memo.title, memo.date_line, memo.sections, memo.citations)
    assert "The port rejects it [2][1]." in memo.markdown
    # the offer is written under Positions: the common ground points at it
    assert "- Possible common ground: Port offers, as quoted above [" in memo.markdown
    assert "The sources announce no dated event" in memo.markdown


def test_where_they_might_meet_is_an_offer_made_to_the_party_that_answers_its_demand():
    from assistant.memo import _disagree_and_meet, _Numbering

    c1 = _citation(1, doc_id="wire", span=(0, 10))
    c2 = _citation(2, doc_id="port", span=(0, 10))
    c3 = _citation(3, doc_id="port", span=(20, 40))
    positions = [
        _position("Union", "demands", "a nine percent pay rise for crane drivers", c1),
        _position("Port", "offers", "visitors a free harbour tour on Sunday", c3, 5),
        _position("Port", "offers", "the Union a six percent pay rise for crane drivers", c2),
    ]
    [meet] = _disagree_and_meet(positions, _Numbering())
    assert meet.label == "Where they might meet"
    assert [c.text for c in meet.clauses] == [
        "Union demands a nine percent pay rise for crane drivers",
        "Port offers the Union a six percent pay rise for crane drivers",
    ]
    # no offer answers a demand: the best corroborated offer, as possible common ground
    [common] = _disagree_and_meet(positions[:2], _Numbering())
    assert common.label == "Possible common ground" and "harbour tour" in common.text
