"""Text normalisation shared by every loader, so that spans and hashes mean the same everywhere."""

from __future__ import annotations

import re
import unicodedata

from index.confusables import BIDI_CONTROLS
from index.metadata import CREDIT, ONLY_AGENCIES, SIGN_OFF, full_date

# Invisible characters, and the bidirectional controls that reorder text on screen ("desolc"
# under a right-to-left override shows as "closed"): none may reach a quote or a title.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS), None)
# A footnote or citation marker in the text ("... this summer [7]", "[1, 3]"): quoted back, it
# would pass for one of the answer's own citations.
_MARKER = re.compile(r"[ \t]?\[\d{1,4}(?:\s*[,;\u2013-]\s*\d{1,4})*\]")
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
# A link to another story between paragraphs ("More:Fiat Chrysler seeks 50-50 merger with
# Renault, whose board will study deal 'with interest'"): its headline is no part of this story
# and may run past the furniture's 80 characters.
# ("READ THE SPEECH:Read Delaware Gov. John Carney's full ... address", "WATCH: ...")
_LINK_LINE = re.compile(
    r"^(?:more|related|see also|also read|(?:read|watch|listen|listen to)"
    r"(?: (?:more|the|the full|full|our|this) ?\w*)?)\s?:",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A line that is only a photo credit or caption: "© epa / Martial Trezzini", "Foto: ...".
_CREDIT_LINE = re.compile(
    r"^(?:(?:photos?|foto|image|picture|photograph|caption|bild)(?: credit)?:|©|"
    r"copyright\s+(?:©\s*)?(?:\d{4}\b|\(c\)))",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d\b", re.I)
_TOP_BYLINE = re.compile(r"^By [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:$|\s*[,|/–—-]\s*\S)")
_URL_ONLY = re.compile(r"^<?https?://\S+>?$")
CAPTION_WORDS = 60  # a paragraph this short that ends in a photo credit is the photo's caption


def normalise(text: str) -> str:
    """Return text with unified Unicode, one space between words and one blank line between paragraphs.

    NFC (not NFKC) keeps typographic quotes and dashes as the outlet wrote them; only invisible
    characters, bidi controls, citation-like markers ("[7]") and odd spaces are removed, so
    quoting the text back to a reader stays faithful.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    while _MARKER.search(text):  # "[[1]2]" leaves "[2]" behind once
        text = _MARKER.sub("", text)
    paragraphs: list[str] = []
    for block in _BLANKS.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line and not is_boilerplate(line)]
        if lines and _is_caption(lines):
            continue  # a caption with its credit line
        lines = [line for line in lines if not is_credit(line)]
        paragraph = (
            _drop_credit(_join_lines(lines, first=not paragraphs, head=len(paragraphs) < 3))
            if lines
            else ""
        )
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(_drop_sign_off(paragraphs))


def clean_field(value: str) -> str:
    """A metadata value (title, source) on one line, without invisible or bidi characters."""
    return " ".join(value.translate(_ZERO_WIDTH).split())


def is_credit(line: str) -> bool:
    """A line that is only a photo credit, a caption marked as one, or a copyright notice."""
    if len(line) > 300:
        return False
    m = CREDIT.search(line)
    return bool(m and m.start() == 0) or bool(_CREDIT_LINE.match(line))


def _is_caption(lines: list[str]) -> bool:
    """Short lines closed by a photo credit (not by a copyright notice)."""
    last = lines[-1]
    return (
        is_credit(last)
        and not _COPYRIGHT.match(last)
        and len(" ".join(lines).split()) <= CAPTION_WORDS
    )


def _drop_credit(paragraph: str) -> str:
    """A credit closing a paragraph goes; so does the paragraph if it is that photo's caption."""
    while True:
        last = paragraph.rsplit("\n", 1)[-1][-300:]  # a credit is short: look at the end only
        m = CREDIT.search(last)
        if not m:
            return paragraph
        caption = not _COPYRIGHT.match(m.group(0))
        paragraph = paragraph[: len(paragraph) - len(last) + m.start()].rstrip()
        if caption and len(paragraph.split()) <= CAPTION_WORDS:
            return ""


def _drop_sign_off(paragraphs: list[str]) -> list[str]:
    """The agency's sign-off after the last sentence ("... demands. dpa") is not reporting."""
    while paragraphs:
        head, _, last = paragraphs[-1].rpartition("\n")
        if ONLY_AGENCIES.match(last):
            paragraphs[-1] = head
        else:
            end = last[-200:]
            cut = SIGN_OFF.sub("", end)
            if cut == end:
                break
            cut = last[: len(last) - len(end)] + cut
            paragraphs[-1] = (head + "\n" + cut) if head else cut
        paragraphs = [p for p in paragraphs if p]
    return paragraphs


def _join_lines(lines: list[str], first: bool = False, head: bool = False) -> str:
    """Keep line breaks that look intentional (lists, headings); join hard-wrapped prose.

    In the first paragraph, a short first line without final punctuation followed by a longer
    capitalised line is the headline, not the start of a wrapped sentence; in the first three
    (`head`), a letterhead's lines stay apart.
    """
    out = [lines[0]]
    for i, line in enumerate(lines[1:], 1):
        prev = out[-1]
        wrapped = prev[-1:].isalnum() or prev[-1:] in ",;-" and not line[:1].isupper()
        if first and i <= 3 and (_is_headline_break(prev, line) if i == 1 else False):
            wrapped = False
        if first and i <= 3 and (is_top_matter(prev) or is_top_matter(line)):
            wrapped = False
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if head and i <= 3 and _letterhead_break(prev, line, after):
            wrapped = False
        if _SECTION_HEAD.match(prev):
            wrapped = False  # "About Halvorsen Therapeutics" over a release's boilerplate
        if wrapped and not _looks_like_item(line):
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


# a release's closing section heads: "About Halvorsen Therapeutics", "Notes to editors"
_SECTION_HEAD = re.compile(
    r"(?:About(?: (?:the |us\b)?[A-Z][\w&'’.\-]*)(?: (?:of |and |for )?[A-Z][\w&'’.\-]*){0,6}"
    r"|Notes? (?:to|for) [Ee]ditors|Media (?:contacts?|enquiries|inquiries))$"
)


def is_top_matter(line: str) -> bool:
    """A byline ("By Jane Doe, Associated Press") or a line that is only a date."""
    if len(line) > 80:
        return False
    return bool(_TOP_BYLINE.match(line) or _URL_ONLY.match(line)) or bool(
        full_date(line) and len(line.split()) <= 8
    )


def _is_headline_break(first: str, second: str) -> bool:
    return (
        len(first) <= 60
        and first[-1:].isalnum()
        and (second[:1].isupper() or second[:1] in '"“')
        and len(second) > len(first) + 10
    )


# a line that names a body and nothing else ("Wystan Vale Hospitals NHS Foundation Trust",
# "Ministry of Trade and Industry"), or a letterhead in capitals ("REPUBLIC OF DUNMARRA")
_BODY_WORD = re.compile(
    r"(?:Ministry|Department|Office|Government|Republic|Kingdom|Principality|Council|Committee|"
    r"Authority|Agency|Commission|Board|Trust|Union|Association|Federation|Society|Guild|League|"
    r"Cooperative|Co-operative|Company|Corporation|Ltd|Limited|plc|PLC|Inc|LLC|Group|Holdings|"
    r"Bank|University|College|Hospitals?|District|Assembly|Parliament|Embassy|Club|FC|Foundation|"
    r"Institute|Alliance|Coalition|Network|Partnership|Service|Directorate|Tribunal|Forum|"
    r"Movement|Party|Front|Fund|Airlines?|Trustees)",
    re.I,
)
_SMALL = {"of", "and", "for", "the", "on", "in", "&", "at"}
# capitalised words a Title Case headline has and a body's name does not ("Votes To Close")
_HEADLINE_WORDS = {
    "as", "to", "from", "with", "over", "after", "into", "against", "amid", "is", "are", "will",
    "says", "say", "vows", "votes", "rejects", "backs", "calls", "warns", "plans", "seeks", "by",
}  # fmt: skip
# a wrapped headline's first line ends on these, before the body it names ("... plan by")
_HANGING = {"by", "of", "the", "to", "and", "for", "from", "with", "at", "on", "in", "a", "an"}


def body_name(line: str) -> bool:
    """Whether a line is a body's name and nothing else: capitalised words ending on what the
    body is ("... Foundation Trust", "REPUBLIC OF DUNMARRA"), or on that and "of ..." ("Ministry
    of Foreign Affairs of the Federal Republic of Ulvany"), a trailing acronym aside. Not a
    Title Case headline ("Harlby Council Votes To Close Ostmere Library").
    """
    line = re.sub(r"\s+\([A-Z][A-Za-z&]{1,9}\)$", "", line.strip())
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 90 or re.search(r"\d|[.!?:,;]$", line):
        return False
    if not all(w[:1].isupper() or w[:1] in "&" or w.lower() in _SMALL for w in words):
        return False
    if any(w.lower() in _HEADLINE_WORDS and not w.islower() for w in words[1:]):
        return False
    heads = [k for k, w in enumerate(words) if _BODY_WORD.fullmatch(w.strip("'’"))]
    if not heads:
        return False
    tail = words[heads[-1] + 1 :]
    return not tail or tail[0].lower() in ("of", "for")


def _letterhead_break(prev: str, line: str, after: str = "") -> bool:
    """A letterhead's or a release header's lines ("REPUBLIC OF DUNMARRA / Ministry of Trade
    and Industry / PRESS RELEASE"; "Statement on ... / Wystan Vale Hospitals NHS Foundation
    Trust"): each line stands alone, not a wrapped sentence or headline.
    """
    if not line[:1].isalnum() or line[:1].islower() or prev.split()[-1].lower() in _HANGING:
        return False
    if body_name(prev):
        return True
    if prev.isupper() and len(prev) <= 80 and sum(c.isalpha() for c in prev) >= 4:
        # a line in capitals stands alone above one that is not ("PRESS RELEASE / Vellamor,
        # 3 June"); two in capitals may be one wrapped headline ("MINISTRY ANNOUNCES NEW /
        # FISHING QUOTAS")
        return not line.isupper()
    # a body's line under a title or an addressee ("Statement on ... / Wystan Vale Hospitals
    # NHS Foundation Trust"), not a name a wrapped sentence runs on from ("... after Harlby /
    # Transport Workers Union / members walked out")
    return body_name(line) and len(line.split()) >= 3 and not after[:1].islower()


def _looks_like_item(line: str) -> bool:
    return bool(re.match(r"^([-*\u2022]|\d+[.)]|[A-Z][A-Za-z ]{0,40}:)\s", line))


def is_boilerplate(line: str) -> bool:
    # A line starting in lower case continues a hard-wrapped sentence; it is never furniture.
    if line[:1].islower():
        return False
    return (len(line) < 80 and bool(_BOILERPLATE.match(line))) or (
        len(line) < 250 and bool(_LINK_LINE.match(line))
    )


def word_count(text: str) -> int:
    return len(text.split())
