"""Metadata read off a raw article that came without a header: title, outlet, date, url.

Only news conventions are read, never the prose: an agency in a dateline ("GENEVA, March 3
(Reuters) -"), a byline ("By Jane Doe, Associated Press"), a sign-off or copyright line at the
end ("... demands. dpa"), a photo credit ("© epa / X / dpa"), a URL line at the top or bottom, a
full date on a short line near the top. What a header says always wins; this only fills gaps.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

# Agencies as they sign copy, mapped to one spelling. Abbreviations match in their own case.
_AGENCY_FORMS = {
    "dpa": "dpa",
    "DPA": "dpa",
    "Deutsche Presse-Agentur": "dpa",
    "AP": "AP",
    "Associated Press": "AP",
    "Reuters": "Reuters",
    "REUTERS": "Reuters",
    "Thomson Reuters": "Reuters",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "UPI": "UPI",
    "United Press International": "UPI",
    "Bloomberg": "Bloomberg",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "Kyodo": "Kyodo",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "Yonhap": "Yonhap",
    "Anadolu": "Anadolu",
    "PRNewswire": "PR Newswire",
    "PR Newswire": "PR Newswire",
    "Business Wire": "Business Wire",
    "GLOBE NEWSWIRE": "GlobeNewswire",
    "GlobeNewswire": "GlobeNewswire",
}
_AGENCY_ALT = "|".join(sorted(map(re.escape, _AGENCY_FORMS), key=len, reverse=True))
AGENCY = re.compile(rf"(?<![\w-])(?:The )?({_AGENCY_ALT})(?![\w-])")
ONLY_AGENCIES = re.compile(
    rf"^[(\[/—–-]*\s*(?:{_AGENCY_ALT})(?:\s*[/,&]\s*(?:{_AGENCY_ALT}))*\s*[)\]/]*$"
)
# A sign-off after the last sentence: "... demands. dpa", "... talks.” (Reuters)".
SIGN_OFF = re.compile(
    rf"(?<=[.!?\"”’)])\s+[(\[]?(?:{_AGENCY_ALT})(?:\s*/\s*(?:{_AGENCY_ALT}))*[)\]]?$"
)

# A photo credit or caption marker. Used by cleaning (to drop it) and here (for the agency).
CREDIT = re.compile(
    r"(?:©|(?<!\S)\(c\)(?=\s+[\dA-Z])|\bCopyright\b)\s*[^.!?©]{1,90}$"
    r"|\((?:Photos?|Foto|Image|Picture|Photograph)\s*(?:by|:|credit:?)\s*[^()]{1,90}\)$"
    r"|\(?\b[A-Z]{2,8} Photos?/[^()]{1,60}\)?$"
    r"|\bREUTERS/[A-Z][^().!?]{1,60}$"
    r"|\b(?:Photos?|Foto|Image|Picture|Photograph|Credit|Bild)(?: credit)?:\s*[^.!?]{1,90}$",
)

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_FULL_DATES = [
    re.compile(rf"\b{_WEEKDAY}{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MON},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d\d?)\.(?P<mon>\d\d?)\.(?P<year>(?:19|20)\d\d)\b"),
]
_SHORT_DATES = [
    re.compile(rf"^{_WEEKDAY}{_MON}\s+{_DAY}$", re.I),
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MON}$", re.I),
]
# "GENEVA, March 3 (Reuters) -", "WASHINGTON (AP) —", "Geneva / Brussels –", "LONDON, March 3,
# 2025 /PRNewswire/ --": places in capitals, an optional date and agency, then a dash.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’]*(?:[ ,/]+[A-Z][\w.'’]*){0,4})"
    r"(?:,\s*(?P<date>[A-Za-z0-9., ]{3,32}?))?"
    r"\s*(?:[(/]\s*(?P<agency>[A-Za-z][\w .-]{1,30}?)\s*[)/])?"
    r"\s*(?:--|[–—-])\s+(?=\S)"
)
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_URL_LINE = re.compile(
    r"^(?:(?:source|url|link|permalink|via|originally (?:published|posted)|first published|"
    r"published|posted)\b[^:]{0,30}:?\s*)?<?(https?://\S+?)>?\.?$",
    re.I,
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/-]|$)")
_BYLINE = re.compile(r"^by\s+\S", re.I)


@dataclass
class Clues:
    source: str = ""
    date: str = ""
    url: str = ""


def read_clues(text: str, url: str = "") -> Clues:
    """Source, date and url from the conventions of the top and the end of a raw text."""
    if len(text) > 9000:
        text = text[:6000] + "\n\n" + text[-3000:]
    text = unicodedata.normalize("NFC", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    head, tail = lines[:12], lines[-6:]
    found_url = url or _url_in(head[:8] + tail[-4:])
    return Clues(
        source=_source(head, tail, lines) or domain(found_url),
        date=_date(head, tail, found_url),
        url="" if url else found_url,
    )


def agency_name(form: str) -> str:
    return _AGENCY_FORMS.get(form.strip(), "")


def domain(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


# --- source -----------------------------------------------------------------------------------


def _source(head: list[str], tail: list[str], lines: list[str]) -> str:
    for line in head:
        m = DATELINE.match(line)
        if m and m["agency"] and agency_name(m["agency"]):
            return agency_name(m["agency"])
        if _BYLINE.match(line) and len(line) <= 120:
            named = AGENCY.search(line)
            if named:
                return agency_name(named[1])
    for line in reversed(tail):
        if _tail_agency(line):
            return _tail_agency(line)
    for line in lines:
        credit = CREDIT.search(line)
        if credit and _last_agency(credit.group(0)):
            return _last_agency(credit.group(0))
    return ""


def _tail_agency(line: str) -> str:
    if ONLY_AGENCIES.match(line) or SIGN_OFF.search(line):
        return _last_agency(line)
    if re.match(r"^(?:©|\(c\)|copyright\b)", line, re.I) and len(line) <= 160:
        return _last_agency(line)
    if re.search(r"\breporting by\b.*\b(?:editing|writing) by\b", line, re.I):
        return "Reuters"
    if re.search(r"\bAssociated Press (?:writers?|reporters?)\b.*\bcontributed\b", line):
        return "AP"
    return ""


def _last_agency(text: str) -> str:
    found = [agency_name(m[1]) for m in AGENCY.finditer(text)]
    return found[-1] if found else ""


# --- date -------------------------------------------------------------------------------------


def _date(head: list[str], tail: list[str], url: str) -> str:
    year = _year_hint(head, tail, url)
    for i, line in enumerate(head[:8]):
        m = DATELINE.match(line)
        if m and m["date"]:
            found = full_date(m["date"]) or _short_date(m["date"], year)
            if found:
                return found
        short = len(line) <= 100 and not line.endswith((".", '."', ".”"))
        if short or i == 0:
            found = full_date(line if short else line[:40])
            if found:
                return found
    m = _URL_DATE.search(url)
    return _iso(int(m[1]), int(m[2]), int(m[3])) if m else ""


def full_date(text: str) -> str:
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            found = _iso(int(m["year"]), _month(m["mon"]), int(m["day"]))
            if found:
                return found
    return ""


def _short_date(text: str, year: int) -> str:
    """A dateline's "March 3": dated only when the text gives the year somewhere else."""
    for pattern in _SHORT_DATES:
        m = pattern.match(text.strip(" ,"))
        if m and year:
            return _iso(year, _month(m["mon"]), int(m["day"]))
    return ""


def _year_hint(head: list[str], tail: list[str], url: str) -> int:
    for line in head + tail:
        found = full_date(line)
        if found:
            return int(found[:4])
    m = _URL_DATE.search(url)
    if m:
        return int(m[1])
    for line in tail:
        m = re.match(r"^(?:©|\(c\)|copyright)\s*((?:19|20)\d\d)\b", line, re.I)
        if m:
            return int(m[1])
    return 0


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def _iso(year: int, month: int, day: int) -> str:
    try:
        found = date(year, month, day)
    except ValueError:
        return ""
    return found.isoformat() if found.year <= date.today().year + 1 else ""


# --- url --------------------------------------------------------------------------------------


def _url_in(lines: list[str]) -> str:
    for line in lines:
        if len(line) <= 300:
            m = _URL_LINE.match(line)
            if m and _URL.match(m[1]):
                return m[1].rstrip(".,;")
    return ""


# --- title ------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?:for immediate release|(?:press|news|media) release|breaking(?: news)?|exclusive|"
    r"update[d]?|live|analysis|opinion|comment|embargoed.*|contact:.*|"
    r"(?:published|updated|posted|last updated)\b.*)$",
    re.I,
)
_STOP = frozenset(
    "a an the of to and or but in on at for with by from as that which who than into".split()
)
TITLE_WORDS = 12


def guess_title(text: str) -> str:
    """A headline-like first line, else the lead's first sentence cut to about twelve words."""
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines[:6]:
        if _is_furniture(line):
            continue
        if _is_headline(line):
            return line.strip()
        return _title_from_lead(line)
    lead = next((line for line in lines if not _is_furniture(line)), lines[0] if lines else "")
    return _title_from_lead(lead) if lead else ""


def _is_furniture(line: str) -> bool:
    line = line.strip()
    if len(line) > 200:
        return False  # prose
    return bool(
        len(line) < 4
        or _LABEL.match(line)
        or (_BYLINE.match(line) and len(line.split()) <= 12)
        or _URL_LINE.match(line)
        or (full_date(line) and len(line.split()) <= 8)
        or ONLY_AGENCIES.match(line)
    )


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 16
        and len(line) <= 120
        and not re.search(r"[.,;:…]['\"”’]?$", line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'")
    )


def _title_from_lead(line: str) -> str:
    line = line[:1000]  # the first sentence is in here; a megabyte line is not segmented
    m = DATELINE.match(line)
    lead = line[m.end() :] if m else line
    from index.chunking import sentence_spans

    spans = sentence_spans(lead)
    sentence = lead[spans[0][0] : spans[0][1]] if spans else lead
    words = sentence.split()
    if len(words) <= TITLE_WORDS + 2 and len(sentence) <= 120:
        return sentence.rstrip(" .")
    words = words[:TITLE_WORDS]
    clause = [j for j in range(6, TITLE_WORDS) if words[j - 1][-1] in ",;:" or words[j] in "–—"]
    if clause:
        words = words[: clause[-1]]
    while len(words) > 3 and (
        words[-1].lower().strip(",;:") in _STOP or len(" ".join(words)) > 100
    ):
        words.pop()
    return " ".join(words).rstrip(",;:–—-") + "…"
