"""From a raw loaded document to an `Article`: cleaned text, content-derived id, normalised metadata."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from index.cleaning import normalise
from index.loaders import LoadError, RawDoc
from index.types import Article

MIN_WORDS = 5
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def build_article(raw: RawDoc) -> Article:
    text = normalise(raw.text)
    if len(text.split()) < MIN_WORDS:
        raise LoadError("no text to index (empty after cleaning)")
    meta = raw.meta
    return Article(
        doc_id=content_id(text),
        text=text,
        title=_title(meta.get("title", ""), text),
        source=meta.get("source", meta.get("outlet", meta.get("publisher", ""))).strip(),
        date=normalise_date(meta.get("date", meta.get("published", ""))),
        url=meta.get("url", meta.get("link", "")).strip(),
        language=(meta.get("language") or meta.get("lang") or detect_language(text)).strip(),
        path=raw.path,
        origin=raw.origin,
    )


def _title(title: str, text: str) -> str:
    title = " ".join(title.split())
    if title:
        return title
    first = text.split("\n", 1)[0]
    if len(first) <= 120:
        return first
    cut = first[:120].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def normalise_date(value: str) -> str:
    """Return YYYY-MM-DD, or "" when the value is no recognisable date."""
    value = value.strip()
    if not value:
        return ""
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return ""
    import dateparser  # slow to import; most dates are already ISO

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if isinstance(parsed, datetime) else ""


def detect_language(text: str) -> str:
    import py3langid

    lang, _ = py3langid.classify(text[:2000])
    return str(lang)
