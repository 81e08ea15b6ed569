"""From a raw loaded document to an `Article`: cleaned text, content-derived id, normalised metadata."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from index.cleaning import clean_field, normalise
from index.loaders import LoadError, RawDoc
from index.metadata import guess_title, read_clues
from index.types import Article

MIN_WORDS = 5
# 2025-12-26, 2025/12/26, 2025.12.26 (year first is never ambiguous); the time after is dropped
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def build_article(raw: RawDoc) -> Article:
    if raw.error:  # a record of a JSON/JSONL file that could not be read
        raise LoadError(raw.error)
    text = normalise(raw.text)
    words = len(text.split())
    if words == 0:
        raise LoadError("no text to index (empty after cleaning)")
    if words < MIN_WORDS:
        # "Republicans opposed the proposal." alone: too little to cite, not an empty file
        raise LoadError(f"no text to index: {words} words after cleaning, {MIN_WORDS} needed")
    meta = raw.meta
    url = clean_field(meta.get("url", meta.get("link", "")))
    source = meta.get("source", meta.get("outlet", meta.get("publisher", ""))).strip()
    dated = "date" in meta or "published" in meta
    # What the header (or the file's own metadata) says wins; the text's conventions fill gaps.
    clues = read_clues(raw.text, url) if not (source and dated and url) else None
    return Article(
        doc_id=content_id(text),
        text=text,
        title=clean_field(meta.get("title", "")) or guess_title(text),
        source=clean_field(source or (clues.source if clues else "")),
        date=normalise_date(meta.get("date", meta.get("published", "")))
        if dated
        else (clues.date if clues else ""),
        url=url or (clues.url if clues else ""),
        language=(meta.get("language") or meta.get("lang") or detect_language(text)).strip(),
        path=raw.path,
        origin=raw.origin,
    )


def normalise_date(value: str) -> str:
    """Return YYYY-MM-DD, or "" when the value is no recognisable date."""
    value = value.strip()
    if not value:
        return ""
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[3]), int(m[4])).isoformat()
        except ValueError:
            return ""
    import dateparser  # a quarter of a second to import, 1 ms a call: most dates are year-first

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if isinstance(parsed, datetime) else ""


# Words frequent in any English prose and absent from other Latin-script languages' common words
# (not "for", "to", "of", "are", "by": Danish, Czech, Dutch, Romanian and Polish use them); in
# English text they are a fifteenth of the words or more (0.064 at least on 359 of our files).
_ENGLISH_WORDS = frozenset(
    (
        "the and that with from this which would said have has were been its their not but they "
        "who will his had than there what when our"
    ).split()
)
# Function words of the other languages the identifier knows best (French, German, Spanish,
# Italian, Dutch, Portuguese, the Nordic ones, Polish, Czech, Romanian), none an English word:
# a text quoting English in another language has them by the dozen. (Not "et", "est", "com",
# "per", "los", "van": English news has "10 a.m. ET", ".com", "per cent", "Los Angeles".)
_OTHER_WORDS = frozenset(
    (
        "le les une dans pour qui du au sur pas que der und das ist nicht mit von zu por con una y "
        "para pero il di che della het een zijn niet não uma og det er på til ikke och att är się "
        "nie jest że je și în cu"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """Plain English is known by its function words at once; anything else goes to the language
    identifier (whose model takes ~0.7 CPU-s to load, paid by every ingest that calls it).
    """
    head = text[:2000]
    words = _WORD.findall(head)
    english = sum(w.lower() in _ENGLISH_WORDS for w in words)
    other = sum(w in _OTHER_WORDS for w in words)  # lower case: "Marine Le Pen" is a name
    if len(words) >= 30 and english >= 0.05 * len(words) and other <= 0.01 * len(words):
        return "en"
    import py3langid

    lang, _ = py3langid.classify(head)
    return str(lang)
