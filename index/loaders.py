"""Read files of every supported format into raw documents (text plus what the file says about itself).

Each loader raises `LoadError` with a reason a user can act on; the pipeline turns that into one
line naming the file, and goes on with the rest of the batch.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import yaml

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".json", ".jsonl")
MAX_PDF_PAGES = 2000
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024


class LoadError(Exception):
    """A file that cannot become a document; the message is the reason shown to the user."""


@dataclass
class RawDoc:
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, source, date, url, language
    path: str = ""
    origin: str = ""  # identifies "this file" (or "this record of this file") across re-ingests
    where: str = ""  # "record 17 (line 17)": which record of a file of several, for messages
    error: str = ""  # why this record cannot be read (the file's other records still are)


# About 4 MB of text at the default chunk size: a long official report fits, a dump does not.
MAX_CHUNKS_PER_DOCUMENT = 5000
# File size limits by type (MB), under BRIEFING_MAX_FILE_MB: a text file is all text, so 10 MB
# of it is some 12,000 chunks (a 20 MB one-line file took 8 minutes and 4 GB before this cap).
TYPE_LIMITS_MB: dict[str, float] = {
    ".txt": 10,
    ".md": 10,
    ".markdown": 10,
    ".html": 20,
    ".htm": 20,
}


def size_limit(suffix: str, max_bytes: int, type_limits_mb: Mapping[str, float] | None) -> int:
    """The byte limit for a file type: its own limit (TYPE_LIMITS_MB, or the given ones),
    never above the overall one.
    """
    limits = TYPE_LIMITS_MB if type_limits_mb is None else type_limits_mb
    own = limits.get(suffix)
    return max_bytes if own is None else min(max_bytes, int(own * 1_000_000))


def load_file(
    path: Path, max_bytes: int, type_limits_mb: Mapping[str, float] | None = None
) -> Sequence[RawDoc]:
    """Load one file; a JSON/JSONL file may hold several articles, built one at a time as the
    caller reads them (every record is checked first, so a bad one fails the file alone).
    """
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise LoadError(f"unsupported file type '{suffix or path.name}'")
    try:
        size = path.stat().st_size
        if size == 0:
            raise LoadError("empty file")
        limit = size_limit(suffix, max_bytes, type_limits_mb)
        if size > limit:
            which = (
                f"the {limit / 1e6:g} MB limit for {suffix} files (raise it in "
                "BRIEFING_MAX_FILE_MB_BY_TYPE)"
                if limit < max_bytes
                else f"the {max_bytes / 1e6:g} MB limit (raise BRIEFING_MAX_FILE_MB to allow it)"
            )
            raise LoadError(f"file is {size / 1e6:.1f} MB, above {which}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError("file disappeared before it could be read") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    return _Named(loader(data, path), path)


class _Named(Sequence[RawDoc]):
    """A file's documents, each given the file's name and its origin (the file, plus "#i" for
    the i-th record when there are several) as it is read.
    """

    def __init__(self, docs: Sequence[RawDoc], path: Path) -> None:
        self._docs = docs
        self._name = path.name
        self._origin = str(path.resolve())

    def __len__(self) -> int:
        return len(self._docs)

    @overload
    def __getitem__(self, i: int) -> RawDoc: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[RawDoc]: ...

    def __getitem__(self, i: int | slice) -> RawDoc | Sequence[RawDoc]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        doc = self._docs[i]
        doc.path = self._name
        doc.origin = self._origin + (f"#{i}" if len(self._docs) > 1 else "")
        if len(self._docs) == 1:
            doc.where = ""  # the file is the record
        return doc


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Yield (file, supported) for every file named or found below a named folder, in order."""
    for p in paths:
        if p.is_dir():
            root = p.resolve()
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    if f.is_symlink() and not f.resolve().is_relative_to(root):
                        yield f, False  # a link out of the folder: listed as skipped, not read
                        continue
                    yield f, f.suffix.lower() in SUPPORTED
        else:
            yield p, True  # named explicitly: an unsupported type is a failure, not a skip


# --- text ---------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes to str: UTF-8 first, then charset detection; binary data is refused."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data[: 4 * 1024 * 1024], cp_isolation=_COMMON_ENCODINGS)
    best = results.best()
    if best is not None:  # on a tie, the encoding most text in the wild is written in
        for r in results:
            if r.encoding == "cp1252" and r.chaos == best.chaos and r.coherence == best.coherence:
                best = r
                break
    if best is None or best.encoding is None:
        raise LoadError("could not detect the text encoding (binary or corrupt file?)")
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise LoadError(f"text is not decodable (tried {best.encoding})")
    return text


_COMMON_ENCODINGS = [
    "utf_16",
    "utf_32",
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "latin_1",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "mac_roman",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "cp932",
    "cp949",
]
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,30}):\s*(.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading metadata block: YAML front matter, or `key: value` lines closed by `---`."""
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---\n") or stripped.startswith("---\r\n"):
        end = re.search(r"^---\s*$", stripped[4:], re.MULTILINE)
        if end:
            block = stripped[4 : 4 + end.start()]
            try:
                meta = yaml.safe_load(block)
            except (ValueError, OverflowError, RecursionError):
                # An impossible date ("2024-02-30"): read every value as plain text instead;
                # the date is then dropped, the article kept.
                meta = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - strings only
            except yaml.YAMLError:
                meta = None
            if isinstance(meta, dict):
                return _stringify(meta), stripped[4 + end.end() :]
    lines = stripped.splitlines()
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        if line.strip() == "---" and fields:
            return fields, "\n".join(lines[i + 1 :])
        m = _HEADER_LINE.match(line)
        if not m:
            break
        fields[m.group(1).strip().lower()] = m.group(2).strip()
    return {}, stripped


def _stringify(meta: dict[Any, Any]) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in meta.items() if v is not None}


def _load_text(data: bytes, path: Path) -> list[RawDoc]:
    meta, body = split_header(decode(data))
    if path.suffix.lower() in (".md", ".markdown"):
        body = _strip_markdown(body)
        if "title" not in meta:
            heading = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
            if heading:
                meta["title"] = heading.group(1).strip()
    return [RawDoc(text=body, meta=meta)]


def _strip_markdown(body: str) -> str:
    """Keep the words of Markdown, drop its markup (links keep their text, not their target)."""
    body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"^#{1,6}\s+", "", body, flags=re.MULTILINE)
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    body = re.sub(r"^\s*>\s?", "", body, flags=re.MULTILINE)
    return body


# --- HTML ---------------------------------------------------------------------------------


def _load_html(data: bytes, path: Path) -> list[RawDoc]:
    import trafilatura
    from trafilatura.settings import use_config

    html = decode(data)
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_precision=True, config=config
        )
    except RecursionError:
        raise LoadError("HTML is nested too deeply to parse") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < 5:
        raise LoadError("no article text found in the HTML")
    text = re.sub(r"\n+", "\n\n", text)  # trafilatura separates blocks by one newline
    meta = {
        k: str(getattr(result, k))
        for k in ("title", "date", "url", "language")
        if getattr(result, k, None)
    }
    source = getattr(result, "sitename", None) or getattr(result, "hostname", None)
    if source:
        meta["source"] = str(source)
    return [RawDoc(text=text, meta=meta)]


# --- PDF ----------------------------------------------------------------------------------


def _load_pdf(data: bytes, path: Path) -> list[RawDoc]:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LoadError("PDF is encrypted")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise LoadError(f"PDF has {len(pages)} pages, above the {MAX_PDF_PAGES}-page limit")
        text = "\n\n".join((page.extract_text() or "") for page in pages)
        info: Any = reader.metadata or {}
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"not a readable PDF ({type(exc).__name__})") from None
    if len(text.split()) < 5:
        raise LoadError("PDF has no text layer (a scan?); run OCR on it first")
    meta = {}
    title = info.get("/Title") if hasattr(info, "get") else None
    if title:
        meta["title"] = str(title)
    return [RawDoc(text=text, meta=meta)]


# --- DOCX ---------------------------------------------------------------------------------


def _load_docx(data: bytes, path: Path) -> list[RawDoc]:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_DOCX_UNCOMPRESSED:
                raise LoadError(f"DOCX would unpack to {total / 1e6:.0f} MB (a zip bomb?); refused")
    except zipfile.BadZipFile:
        raise LoadError("not a valid DOCX (the file is not a zip archive; corrupt?)") from None
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise LoadError(f"not a valid DOCX ({type(exc).__name__})") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    props = document.core_properties
    meta = {}
    if props.title:
        meta["title"] = props.title
    if props.author:
        meta["source"] = props.author
    if props.created:
        meta["date"] = props.created.date().isoformat()
    return [RawDoc(text=text, meta=meta)]


# --- JSON / JSONL -------------------------------------------------------------------------

_TEXT_KEYS = ("text", "content", "body", "article")


def _load_json(data: bytes, path: Path) -> Sequence[RawDoc]:
    """A JSON object or array of objects, or JSON Lines. A record that cannot be read (malformed,
    not an object, no text) fails alone, with a reason naming it; the file fails as a whole only
    when it holds no readable record. The documents are built one at a time as the pipeline
    reads them, so a file of 100,000 records is planned and committed in groups instead of all
    at once.
    """
    raw = decode(data)
    if path.suffix.lower() == ".jsonl":
        lines: list[tuple[int, int, int]] = []  # (line number, offset, length) of each record
        offset = 0
        for n, line in enumerate(raw.splitlines(keepends=True), 1):
            if line.strip():
                lines.append((n, offset, len(line)))
            offset += len(line)
        if not lines:
            raise LoadError("no records in the file")
        records: Sequence[RawDoc] = _JsonLines(raw, lines)
    else:
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LoadError(f"malformed JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise LoadError("JSON is nested too deeply") from None
        items: list[Any] = parsed if isinstance(parsed, list) else [parsed]
        if not items:
            raise LoadError("no records in the file")
        records = _JsonRecords(items)
    # all() stops at the first readable record: a file of good records is not parsed twice
    if all(records[i].error for i in range(len(records))):
        first = records[0]  # no record is an article: the file is refused
        raise LoadError(f"{first.where}: {first.error}")
    return records


class _BadLine:
    """A line of a JSON Lines file that is not JSON (its record fails with this reason)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _parse_line(line: str, n: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return _BadLine(f"malformed JSON ({exc.msg})")
    except RecursionError:
        return _BadLine("JSON nested too deeply")


def _record(rec: Any, i: int, line: int | None = None) -> RawDoc:
    """Record i as a document; one that cannot be one carries the reason in `error`."""
    where = f"record {i + 1}" + (f" (line {line})" if line is not None else "")
    if isinstance(rec, _BadLine):
        return RawDoc(text="", where=where, error=rec.reason)
    if not isinstance(rec, dict):
        return RawDoc(text="", where=where, error="not an object")
    text = next((rec[k] for k in _TEXT_KEYS if isinstance(rec.get(k), str)), None)
    if not text:
        return RawDoc(text="", where=where, error="no 'text' field")
    meta = {k: str(rec[k]) for k in ("title", "source", "date", "url", "language") if rec.get(k)}
    return RawDoc(text=text, meta=meta, where=where)


class _JsonRecords(Sequence[RawDoc]):
    def __init__(self, records: list[Any]) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, i: Any) -> Any:
        return _record(self._records[i], i)


class _JsonLines(Sequence[RawDoc]):
    """Records of a JSON Lines text, parsed again when read (nothing parsed is kept)."""

    def __init__(self, text: str, lines: list[tuple[int, int, int]]) -> None:
        self._text = text
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: Any) -> Any:
        n, offset, length = self._lines[i]
        return _record(_parse_line(self._text[offset : offset + length], n), i, line=n)


_LOADERS: dict[str, Callable[[bytes, Path], Sequence[RawDoc]]] = {
    ".txt": _load_text,
    ".md": _load_text,
    ".markdown": _load_text,
    ".html": _load_html,
    ".htm": _load_html,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
    ".json": _load_json,
    ".jsonl": _load_json,
}
