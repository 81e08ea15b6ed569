"""Pure formatting for the web UI: `Answer`s, passages, reports and tables to HTML / Markdown.

Everything that comes from a document (title, source, url, passage text) is escaped here before
it is rendered; a URL becomes a link only when it is http(s). Nothing here calls the services.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from assistant.markers import MARKER, NOT_IN_SOURCES, format_refs, refs, safe_url
from assistant.types import (
    Answer,
    Citation,
    DocumentInfo,
    IngestReport,
    Memo,
    MemoItem,
    Passage,
    Position,
)

_FRAGMENT_WORDS = 8
_FRAGMENT_CHARS = 80
_TAIL_PUNCT = ".,;:!?\"'”’)]»"


# --- small safe pieces --------------------------------------------------------------------------


def esc(text: object) -> str:
    """HTML-escape any value, quotes included, and turn newlines into <br>.

    No blank line survives, so the Chatbot's Markdown pass never sees document text outside
    the HTML block it sits in.
    """
    return html.escape(str(text or ""), quote=True).replace("\r", "").replace("\n", "<br>")


def fragment_text(quote_text: str) -> str:
    """Return the start of a quote as a Text Fragments `textStart`.

    A few whole words, percent-encoded, including `-`, `,` and `&`, which the directive syntax
    reserves.
    """
    words = " ".join((quote_text or "").split()).split(" ")
    start = ""
    for word in words[:_FRAGMENT_WORDS]:
        candidate = f"{start} {word}".strip()
        if start and len(candidate) > _FRAGMENT_CHARS:
            break
        start = candidate
    start = start.rstrip(_TAIL_PUNCT).strip()
    return quote(start, safe="").replace("-", "%2D")


def deep_link(url: str, quote_text: str) -> str:
    """Return `url#:~:text=<start of quote>` for an http(s) URL (own fragment dropped)."""
    url = safe_url(url)
    if not url:
        return ""
    start = fragment_text(quote_text)
    base = urlunsplit(urlsplit(url)._replace(fragment=""))
    return f"{base}#:~:text={start}" if start else base


def link(url: str, label: str, cls: str = "") -> str:
    """Render an escaped external link, or the escaped label alone for a non-http(s) URL."""
    url = safe_url(url)
    if not url:
        return esc(label)
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<a href="{html.escape(url, quote=True)}"{klass} target="_blank" '
        f'rel="noopener noreferrer nofollow">{esc(label)}</a>'
    )


def highlight(passage: str, quote_text: str) -> str:
    """Escape a passage and wrap the quoted sentence(s) in <mark>."""
    spans = _find_spans(passage or "", quote_text or "")
    out, pos = [], 0
    for start, end in spans:
        out.append(esc(passage[pos:start]))
        out.append(f"<mark>{esc(passage[start:end])}</mark>")
        pos = end
    out.append(esc(passage[pos:]))
    return "".join(out)


def _find_spans(passage: str, quote_text: str) -> list[tuple[int, int]]:
    quote_text = quote_text.strip()
    if not quote_text:
        return []
    at = passage.find(quote_text)
    if at >= 0:
        return [(at, at + len(quote_text))]
    # Whitespace may differ between the quote and the passage: match word by word.
    words = [re.escape(w) for w in quote_text.split()]
    m = re.search(r"\s+".join(words), passage) if words else None
    if m:
        return [m.span()]
    # Several sentences that are not contiguous in the passage: mark each one found.
    spans = []
    for sentence in re.split(r"(?<=[.!?])\s+", quote_text):
        sentence = sentence.strip()
        at = passage.find(sentence) if len(sentence) > 12 else -1
        if at >= 0:
            spans.append((at, at + len(sentence)))
    return sorted(spans)


def _byline(source: str, date: str) -> str:
    bits = [esc(b) for b in (source, date or "date unknown") if b]
    return " · ".join(bits)


# --- answers --------------------------------------------------------------------------------------


def answer_markers(text: str, prefix: str, known: Iterable[int]) -> str:
    """Escape an answer's text and turn its `[n]` markers into superscript footnote links."""
    known = set(known)
    out, pos = [], 0
    for m in MARKER.finditer(text):
        nums = refs(m)
        before = text[pos : m.start()]
        if all(n in known for n in nums):
            out.append(esc(before.rstrip()))  # a footnote sits right after its word
            out.append("".join(footnote(n, prefix) for n in nums))
        else:
            out.append(esc(before) + esc(m.group(0)))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def footnote(n: int, prefix: str) -> str:
    return f'<sup class="fn"><a href="#{prefix}-src-{n}" title="Source {n}">[{n}]</a></sup>'


def citation_html(c: Citation, prefix: str) -> str:
    """Render one numbered source: title (linked), outlet, date, and its passage.

    The passage sits in an expandable block with the cited sentence highlighted and a deep link
    to it in the original page.
    """
    head = f'<span class="src-n">[{c.n}]</span> ' + link(c.url, c.title or "Untitled", "src-title")
    byline = _byline(c.source, c.date)
    if byline:
        head += f' <span class="src-meta">— {byline}</span>'
    deep = deep_link(c.url, c.quote)
    jump = (
        f' <a class="src-jump" href="{html.escape(deep, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">open at this passage ↗</a>'
        if deep
        else ""
    )
    return (
        f'<li id="{prefix}-src-{c.n}" class="src">{head}'
        f'<details class="src-passage"><summary>Cited passage</summary>'
        f"<blockquote>{highlight(c.text, c.quote)}</blockquote>{jump}</details></li>"
    )


def passage_html(p: Passage, n: int) -> str:
    """Render a retrieved passage (for "closest passages"), expandable, nothing marked."""
    head = f'<span class="src-n">{n}.</span> ' + link(p.url, p.title or "Untitled", "src-title")
    byline = _byline(p.source, p.date)
    if byline:
        head += f' <span class="src-meta">— {byline}</span>'
    return (
        f'<li class="src closest">{head}<details class="src-passage"><summary>Passage</summary>'
        f"<blockquote>{esc(p.text)}</blockquote></details></li>"
    )


def answer_html(answer: Answer, prefix: str = "a") -> str:
    """Render an answer as one HTML block (no blank lines).

    The text with footnotes, then its sources; or, for an abstention, a clear "the sources do
    not say" notice and the closest passages.
    """
    prefix = re.sub(r"[^A-Za-z0-9_-]", "", prefix) or "a"
    if answer.abstained:
        closest = "".join(passage_html(p, i) for i, p in enumerate(answer.closest, 1))
        more = (
            f'<div class="closest-head">Closest passages</div><ol class="sources">{closest}</ol>'
            if closest
            else ""
        )
        rest = answer.text.strip()
        if rest.lower().startswith(NOT_IN_SOURCES.lower()):
            rest = rest[len(NOT_IN_SOURCES) :].lstrip(" .")
        return (
            f'<div class="briefing-answer abstained"><div class="abstain-head">'
            f"{NOT_IN_SOURCES}</div><p>{esc(rest)}</p>{more}</div>"
        )
    known = [c.n for c in answer.citations]
    body = answer_markers(answer.text, prefix, known)
    sources = "".join(citation_html(c, prefix) for c in sorted(answer.citations, key=lambda c: c.n))
    src_block = (
        f'<div class="sources-head">Sources</div><ol class="sources">{sources}</ol>'
        if sources
        else ""
    )
    return f'<div class="briefing-answer"><p>{body}</p>{src_block}</div>'


def streaming_html(text: str) -> str:
    """Pieces received so far, escaped, shown until the verified answer replaces them."""
    return f'<div class="briefing-answer streaming"><p>{esc(text)}</p></div>'


def notice_html(text: str) -> str:
    return f'<div class="briefing-notice">{esc(text)}</div>'


def answer_plain(answer: Answer) -> str:
    """Plain text for copying: the answer with [n] markers, then a numbered source list."""
    if answer.abstained:
        return answer.text
    lines = [answer.text, ""] if answer.citations else [answer.text]
    for c in sorted(answer.citations, key=lambda c: c.n):
        bits = [b for b in (c.title, c.source, c.date or "date unknown", safe_url(c.url)) if b]
        lines.append(f"[{c.n}] " + ", ".join(bits))
    return "\n".join(lines).strip()


# --- sources tab ----------------------------------------------------------------------------------

DOC_HEADERS = ["title", "source", "date", "chunks", "doc id"]


def documents_rows(docs: Sequence[DocumentInfo]) -> list[list[object]]:
    """Table rows; the Dataframe shows them as plain text (datatype "str")."""
    return [[d.title, d.source, d.date or "date unknown", d.chunks, d.doc_id] for d in docs]


def document_choices(docs: Sequence[DocumentInfo]) -> list[tuple[str, str]]:
    return [
        (f"{d.title or 'Untitled'} ({d.source or 'no source'}, {d.doc_id})", d.doc_id) for d in docs
    ]


def source_choices(docs: Sequence[DocumentInfo]) -> list[str]:
    return sorted({d.source for d in docs if d.source}, key=str.lower)


def md_text(text: object) -> str:
    """Escape a value for Markdown: HTML-escaped, and Markdown punctuation backslashed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", html.escape(str(text or "")))


def md_code(text: object) -> str:
    """Render a value as a Markdown code span (HTML-escaped, backticks removed)."""
    return "`" + html.escape(str(text or "")).replace("`", "'") + "`"


def report_markdown(report: IngestReport, what: str = "Ingest") -> str:
    r = report
    lines = [
        f"**{what} finished** in {r.seconds:.1f} s: {r.added} added, {r.unchanged} unchanged, "
        f"{r.replaced} replaced, {r.duplicates} duplicates, {len(r.failed)} failed "
        f"({r.chunks} chunks written)."
    ]
    for f in r.failed:
        name = f.path.replace("\\", "/").rsplit("/", 1)[-1] or f.path
        lines.append(f"- failed: **{md_text(name)}** — {md_text(f.reason)}")
    for s in r.skipped:
        lines.append(f"- skipped: {md_text(s)}")
    for note in r.duplicate_notes:
        lines.append(f"- duplicate: {md_text(note)}")
    for note in r.notes:
        lines.append(f"- note: {md_text(note)}")
    return "\n".join(lines)


def filters_summary(filters: dict[str, Any] | None) -> str:
    bits = []
    if filters and filters.get("sources"):
        bits.append("sources: " + ", ".join(md_text(s) for s in filters["sources"]))
    if filters and filters.get("date_from"):
        bits.append(f"from {md_text(filters['date_from'])}")
    if filters and filters.get("date_to"):
        bits.append(f"to {md_text(filters['date_to'])}")
    if not bits:
        return "Searching **all sources**."
    dated = (
        " Documents without a date are left out by a date filter."
        if (filters and (filters.get("date_from") or filters.get("date_to")))
        else ""
    )
    return "**Filters active:** " + "; ".join(bits) + "." + dated


def index_markdown(docs: int, chunks: int, model: str, where: str = "") -> str:
    out = f"**Index:** {docs} documents, {chunks} chunks · embedding model {md_code(model)}"
    return out + (f" · stored in {md_code(where)}" if where else "")


def store_summary(docs: int) -> str:
    if not docs:
        return "_No documents yet: add some on the Sources tab._"
    return f"{docs} document{'s' if docs != 1 else ''} in the store."


STANCE_ORDER = ("demands", "rejects", "offers", "warns", "assures")


def positions_html(positions: Sequence[Position]) -> str:
    """The party x stance matrix: one row a party, each cell its cited statements."""
    if not positions:
        return '<div class="briefing-answer"><p>No positions found for this choice.</p></div>'
    parties: dict[str, dict[str, list[Position]]] = {}
    for p in positions:
        parties.setdefault(p.party, {}).setdefault(p.stance, []).append(p)
    stances = [s for s in STANCE_ORDER if any(s in row for row in parties.values())]
    head = "".join(f"<th>{esc(s)}</th>" for s in stances)
    rows = []
    for i, (party, row) in enumerate(
        sorted(parties.items(), key=lambda kv: -sum(map(len, kv[1].values())))
    ):
        cells = []
        for j, stance in enumerate(stances):
            items = []
            for k, p in enumerate(row.get(stance, [])[:6]):
                notes = []
                if p.voice == "own":
                    notes.append("own words")
                notes.append(
                    f"{p.corroboration} sources" if p.corroboration > 1 else "single source"
                )
                if p.superseded_by:
                    notes.append("superseded")
                c = dataclasses.replace(p.citation, n=k + 1)
                items.append(
                    f'<div class="pos">{esc(p.text)} <span class="src-meta">'
                    f"({esc(', '.join(notes))}{', ' + esc(p.said_on) if p.said_on else ''})</span>"
                    f'<ol class="sources">{citation_html(c, f"p{i}-{j}")}</ol></div>'
                )
            cells.append(f"<td>{''.join(items)}</td>")
        rows.append(f"<tr><th>{esc(party)}</th>{''.join(cells)}</tr>")
    return (
        f'<div class="briefing-answer positions"><table><thead><tr><th>party</th>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


# --- positions as a table -------------------------------------------------------------------

POSITION_HEADERS = ["#", "party", "stance", "statement", "said on", "source", "notes"]
POSITION_TYPES = ["number", "str", "str", "markdown", "str", "markdown", "str"]
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([#+\-])")


def md_cell(text: object) -> str:
    """Escape a value for a Markdown table cell: no markup, no HTML, one line.

    HTML-escaped, and only what Markdown acts on inside a line is backslashed (so a search for
    "U.S." still finds it); a line that would start a list or heading has that mark escaped.
    """
    out = " ".join(html.escape(str(text or ""), quote=False).split())
    out = _MD_INLINE.sub(r"\\\1", out)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1) or ''}\\{m.group(2) or m.group(3)}", out)


def md_link(url: str, label: str) -> str:
    """A Markdown link for an http(s) URL (label escaped), or the escaped label alone."""
    url = safe_url(url)
    if not url:
        return md_cell(label)
    for ch, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(ch, code)
    return f"[{md_cell(label)}]({url})"


def position_notes(p: Position) -> str:
    notes = ["own words"] if p.voice == "own" else []
    notes.append(f"{p.corroboration} sources" if p.corroboration > 1 else "single source")
    if p.superseded_by:
        notes.append("superseded")
    return ", ".join(notes)


def order_positions(positions: Sequence[Position]) -> list[Position]:
    """Parties with the most statements first; within a party, stance order, then date."""
    per_party: dict[str, int] = {}
    for p in positions:
        per_party[p.party] = per_party.get(p.party, 0) + 1
    stance = {s: i for i, s in enumerate(STANCE_ORDER)}
    return sorted(
        positions,
        key=lambda p: (-per_party[p.party], p.party, stance.get(p.stance, 99), p.said_on or "9999"),
    )


def positions_rows(positions: Sequence[Position]) -> list[list[object]]:
    """One row a statement (already ordered), numbered from 1; Markdown in two columns."""
    rows: list[list[object]] = []
    for i, p in enumerate(positions, 1):
        c = p.citation
        source = md_link(c.url, c.title or "Untitled")
        if c.source:
            source += f" — {md_cell(c.source)}"
        rows.append([i, p.party, p.stance, md_cell(p.text), p.said_on, source, position_notes(p)])
    return rows


def position_source_html(p: Position | None, n: int = 1) -> str:
    """One statement with its cited passage, the sentence highlighted (opened from the table)."""
    if p is None:
        return '<div class="briefing-answer"><p>No positions found for this choice.</p></div>'
    c = dataclasses.replace(p.citation, n=n)
    said = f", {esc(p.said_on)}" if p.said_on else ""
    return (
        f'<div class="briefing-answer positions"><div class="pos-head">{esc(p.party)} · '
        f"{esc(p.stance)}</div>"
        f'<div class="pos">{esc(p.text)} <span class="src-meta">({esc(position_notes(p))}{said})'
        f'</span><ol class="sources">{citation_html(c, f"pos{n}")}</ol></div></div>'
    )


def memo_item_html(item: MemoItem, known: Iterable[int], prefix: str = "m") -> str:
    """One memo item, escaped: the party as plain text, each citation a footnote link right
    after its word (a number with no source stays visible as its marker).
    """
    known = set(known)
    out, text = [], ""
    for piece in item.pieces():
        if piece.kind != "refs":
            text += piece.text
            continue
        for n in piece.refs:
            if n in known:
                out.append(esc(text.rstrip()) + footnote(n, prefix))
            else:
                out.append(esc(text) + esc(format_refs([n])))
            text = ""
    out.append(esc(text))
    return "".join(out)


def memo_html(memo: Memo) -> str:
    """Preview of a memo: sections with footnoted bullets, then the numbered sources."""
    known = [c.n for c in memo.citations]
    parts = [f'<h2>{esc(memo.title)}</h2><p class="src-meta">{esc(memo.date_line)}</p>']
    for section in memo.sections:
        parts.append(f"<h3>{esc(section.heading)}</h3>")
        items = [memo_item_html(i, known) for i in section.items]
        if section.bullets:
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        else:
            parts.extend(f"<p>{i}</p>" for i in items)
    sources = "".join(citation_html(c, "m") for c in memo.citations)
    parts.append(f'<div class="sources-head">Sources</div><ol class="sources">{sources}</ol>')
    return f'<div class="briefing-answer memo">{"".join(parts)}</div>'
