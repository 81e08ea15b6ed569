"""Positions labelled blind in real news: RealTime QA articles, read from the snapshot at run time.

The articles are not ours to redistribute, so `eval/positions_news/` holds no text: the manifest
names each article (`rtqa:WEEK:URL`, the week's `_gcs.jsonl` search results as
`eval.newsqa.load_week` returns them) with the sha1 of its text, and each label gives the
character offsets of its sentence in that text with the sha1 of the span. `materialise` reads
the articles from a snapshot, checks both hashes (a snapshot that differs would silently move
every sentence), writes each article as a `title/source/date/---` text file like
`eval/positions/docs/*.txt`, and returns the set in the structure `positions_eval.load_labels`
returns, each manifest entry with the "path" of its written file.

Only the weeks of 2024 and 2025 are read (the others are reserved, see eval/newsqa.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "eval" / "positions_news"
ALLOWED_YEARS = frozenset({"2024", "2025"})
STANCES = ("demands", "rejects", "offers", "warns", "assures")
VOICES = ("own", "paraphrase")
_LABEL_FIELDS = {"set", "doc", "start", "end", "sha1", "holder", "stance", "voice"}
_DOC_FIELDS = {"doc", "week", "url", "set", "style", "parties", "sha1"}


class SnapshotMismatch(ValueError):
    """The snapshot's article (or a labelled span of it) is not the one that was labelled."""


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_doc(name: str) -> tuple[str, str]:
    """'rtqa:20240105:https://...' -> ('20240105', 'https://...')."""
    prefix, _, rest = name.partition(":")
    week, _, url = rest.partition(":")
    if prefix != "rtqa" or not re.fullmatch(r"\d{8}", week) or not url:
        raise ValueError(f"not a RealTime QA document name (rtqa:YYYYMMDD:URL): {name}")
    return week, url


def check_week(week: str, doc: str) -> None:
    if week[:4] not in ALLOWED_YEARS:
        raise ValueError(
            f"{doc}: week {week} is not in 2024 or 2025; the other years are reserved and never read"
        )


def read_set(root: str | Path = DATA) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The manifest and the raw label rows (offsets, no sentences), with their fields checked."""
    root = Path(root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    docs: dict[str, dict[str, Any]] = {}
    for d in manifest["docs"]:
        missing = _DOC_FIELDS - d.keys()
        if missing:
            raise ValueError(f"manifest.json: {d.get('doc', '?')}: missing {sorted(missing)}")
        week, url = split_doc(d["doc"])
        if (week, url) != (d["week"], d["url"]):
            raise ValueError(f"manifest.json: {d['doc']}: week/url differ from the name")
        check_week(week, d["doc"])
        docs[d["doc"]] = d
    rows = []
    lines = (root / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = _LABEL_FIELDS - row.keys()
        if missing:
            raise ValueError(f"labels.jsonl:{n}: missing {sorted(missing)}")
        if row["stance"] not in STANCES or row["voice"] not in VOICES:
            raise ValueError(f"labels.jsonl:{n}: bad stance/voice {row['stance']}/{row['voice']}")
        if row["doc"] not in docs:
            raise ValueError(f"labels.jsonl:{n}: document not in the manifest: {row['doc']}")
        if docs[row["doc"]]["set"] != row["set"]:
            raise ValueError(f"labels.jsonl:{n}: set differs from the manifest: {row['doc']}")
        rows.append(row)
    return manifest, rows


def _file_name(week: str, url: str, taken: set[str]) -> str:
    parts = [p for p in urlparse(url).path.split("/") if p and not p.isdigit()]
    slug = re.sub(r"[^a-z0-9]+", "-", (parts[-1] if parts else "article").lower()).strip("-")
    base = f"{week}_{slug[:60] or 'article'}"
    name, n = f"{base}.txt", 1
    while name in taken:
        n += 1
        name = f"{base}-{n}.txt"
    taken.add(name)
    return name


def _iso_date(date: str, week: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    return f"{week[:4]}-{week[4:6]}-{week[6:]}"


def materialise(
    snapshot: str | Path, out_dir: str | Path, root: str | Path = DATA
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Write every labelled article from `snapshot` into `out_dir` and return (manifest, labels)
    as `positions_eval.load_labels` does: labels carry their "sentence" (cut from the text at
    their offsets), manifest entries their file's "path"."""
    from eval.newsqa import discover, load_week

    manifest, rows = read_set(root)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    snap = discover(snapshot)
    by_week: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in manifest["docs"]:
        by_week[d["week"]].append(d)
    texts: dict[str, str] = {}
    taken: set[str] = set()
    docs_out: list[dict[str, Any]] = []
    for week in sorted(by_week):
        if week not in snap.weeks:
            raise FileNotFoundError(
                f"{by_week[week][0]['doc']}: week {week} has no _qa/_gcs files in {snapshot}"
            )
        articles = {a["url"]: a for a in load_week(snap.weeks[week])[1]}
        for d in by_week[week]:
            art = articles.get(d["url"])
            if art is None:
                raise SnapshotMismatch(
                    f"{d['doc']}: no article with this URL in {snap.weeks[week]['gcs']}"
                )
            if sha1(art["text"]) != d["sha1"]:
                raise SnapshotMismatch(
                    f"{d['doc']}: the snapshot's text differs from the labelled one (sha1)"
                )
            texts[d["doc"]] = art["text"]
            path = out_dir / _file_name(week, d["url"], taken)
            header = (
                f"title: {art['title'] or d['url']}\nsource: {art['source']}\n"
                f"date: {_iso_date(art['date'], week)}\n---\n"
            )
            path.write_text(header + art["text"] + "\n", encoding="utf-8")
            docs_out.append({**d, "path": str(path)})
    labels = []
    for row in rows:
        text = texts[row["doc"]]
        start, end = int(row["start"]), int(row["end"])
        if not 0 <= start < end <= len(text):
            raise SnapshotMismatch(f"{row['doc']}: offsets {start}:{end} outside the text")
        sentence = text[start:end]
        if sha1(sentence) != row["sha1"]:
            raise SnapshotMismatch(
                f"{row['doc']}: the span {start}:{end} is not the labelled sentence (sha1)"
            )
        labels.append(
            {
                "set": row["set"],
                "doc": row["doc"],
                "sentence": sentence,
                "holder": row["holder"],
                "holder_aliases": list(row.get("holder_aliases", [])),
                "stance": row["stance"],
                "voice": row["voice"],
                "target": row.get("target", ""),
            }
        )
    return {**manifest, "docs": docs_out}, labels
