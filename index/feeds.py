"""Pages and feeds by address: what `briefing ingest URL` and `briefing watch` run.

An address is fetched once (`index/fetch.py`, with its limits and address checks); a feed (RSS or
Atom, read by feedparser) brings in every item's page, an HTML page its article. Each page's
address is its origin, so a re-read adds only what is new: items whose address is already stored
are not fetched again, an unchanged page is "unchanged", a changed one replaces its old version,
and the same text under another address is a duplicate (the pipeline's content check).

The feeds followed are kept in the catalog's `feeds` table with when each was last read, what
that read added or why it failed, so the app can list them and a watcher can ask the server
"anything new since?" (ETag / Last-Modified).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.catalog import Catalog
from index.fetch import Fetched, Fetcher, FetchError, is_address, read_article
from index.loaders import LoadError, RawDoc
from index.pipeline import Ingestor, Progress
from index.types import IngestFailure, IngestReport

FEED_ITEM_FALLBACK_WORDS = 40  # an item whose page fails is stored from the feed's own text


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str
    date: str
    text: str  # the item's content or summary as plain text ("" when the feed carries none)
    key: str  # the item's address, or the feed's address and the item's id


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    items: tuple[FeedItem, ...]


@dataclass(frozen=True)
class FeedRecord:
    """One followed feed as the app lists it."""

    url: str
    title: str
    last_read: str  # ISO 8601 UTC, "" before the first read
    status: str  # "ok", "not modified", or the reason the last read failed
    last_added: int  # documents the last read added
    total_added: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "last_read": self.last_read,
            "status": self.status,
            "last_added": self.last_added,
            "total_added": self.total_added,
        }


def parse_feed(fetched: Fetched) -> Feed:
    """The items of an RSS or Atom document; a document with no readable item is refused."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(fetched.body), sanitize_html=True)
    entries = list(parsed.get("entries") or [])
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({_one_line(reason)})" if reason else ""
        raise FetchError(f"not a readable RSS or Atom feed{detail}")
    feed_title = str(parsed.get("feed", {}).get("title", "") or "")
    items = []
    for entry in entries:
        link = str(entry.get("link", "") or "").strip()
        text = ""
        for content in entry.get("content") or []:
            text = _plain(str(content.get("value", "")))
            if text:
                break
        text = text or _plain(str(entry.get("summary", "") or ""))
        date = ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            date = time.strftime("%Y-%m-%d", stamp)
        ident = str(entry.get("id", "") or entry.get("title", "") or "")
        key = link or (f"{fetched.url}#{ident}" if ident else "")
        if not key:
            continue
        items.append(FeedItem(link, str(entry.get("title", "") or ""), date, text, key))
    return Feed(fetched.url, feed_title, tuple(items))


def _plain(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return str(lxml.html.fromstring(html).text_content()).strip()
    except Exception:  # lxml refuses empty or odd fragments; the text is optional anyway
        return ""


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:160]


class FeedLog:
    """The feeds a store follows, in its catalog (SQLite or PostgreSQL, table `feeds`)."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def record(
        self,
        url: str,
        title: str,
        status: str,
        added: int,
        etag: str = "",
        last_modified: str = "",
    ) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._catalog.transaction() as db:
            found = db.execute("SELECT title FROM feeds WHERE url = ?", (url,)).fetchone()
            if found is None:
                db.execute(
                    "INSERT INTO feeds (url, title, last_read, status, last_added, total_added, "
                    "etag, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (url, title, now, status, added, added, etag, last_modified),
                )
            else:
                db.execute(
                    "UPDATE feeds SET title = ?, last_read = ?, status = ?, last_added = ?, "
                    "total_added = total_added + ?, etag = ?, last_modified = ? WHERE url = ?",
                    (title or found[0], now, status, added, added, etag, last_modified, url),
                )

    def validators(self, url: str) -> tuple[str, str]:
        """The ETag and Last-Modified of the last successful read (for a conditional GET)."""
        with self._catalog.transaction() as db:
            row = db.execute(
                "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
            ).fetchone()
        return (str(row[0] or ""), str(row[1] or "")) if row else ("", "")

    def feeds(self) -> list[FeedRecord]:
        with self._catalog.transaction() as db:
            rows = db.execute(
                "SELECT url, title, last_read, status, last_added, total_added FROM feeds "
                "ORDER BY url"
            ).fetchall()
        return [
            FeedRecord(str(r[0]), str(r[1] or ""), str(r[2] or ""), str(r[3] or ""), r[4], r[5])
            for r in rows
        ]

    def forget(self, url: str) -> bool:
        with self._catalog.transaction() as db:
            found = db.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone()
            db.execute("DELETE FROM feeds WHERE url = ?", (url,))
        return found is not None


@dataclass
class WatchRound:
    """What one pass over the watched feeds and folders did, target by target."""

    reports: list[tuple[str, IngestReport]] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(r.added + r.replaced for _, r in self.reports)


class WebSources:
    """Ingest pages and feeds by address, and keep followed feeds and folders current."""

    def __init__(self, fetcher: Fetcher, ingestor: Ingestor, catalog: Catalog) -> None:
        self._fetcher = fetcher
        self._ingestor = ingestor
        self._catalog = catalog
        self.log = FeedLog(catalog)

    def ingest(
        self, url: str, progress: Progress | None = None, conditional: bool = False
    ) -> IngestReport:
        """A page (its article) or a feed (every item not stored yet); a failure is one line.

        `conditional` asks the server for the feed only if it changed since the last read.
        """
        started = time.perf_counter()
        etag, modified = self.log.validators(url) if conditional else ("", "")
        try:
            fetched = self._fetcher.get(url, etag=etag, last_modified=modified)
            if fetched.not_modified:
                self.log.record(url, "", "not modified", 0, etag, modified)
                return IngestReport(seconds=time.perf_counter() - started)
            if fetched.is_feed:
                return self._feed(url, fetched, progress, started)
            raw = read_article(fetched, origin=url)
        except LoadError as exc:
            if self._follows(url):
                self.log.record(url, "", str(exc), 0, etag, modified)
            report = IngestReport(failed=[IngestFailure(url, str(exc))])
            report.seconds = time.perf_counter() - started
            return report
        report = self._ingestor.ingest_docs([(url, raw)], progress)
        report.seconds = time.perf_counter() - started
        return report

    def _follows(self, url: str) -> bool:
        return any(f.url == url for f in self.log.feeds())

    def _feed(
        self, url: str, fetched: Fetched, progress: Progress | None, started: float
    ) -> IngestReport:
        feed = parse_feed(fetched)
        docs: list[tuple[str, RawDoc]] = []
        failed: list[IngestFailure] = []
        unchanged = 0
        for item in feed.items:
            if self._catalog.doc_for_origin(item.key) is not None:
                unchanged += 1  # stored by an earlier read: not fetched again
                continue
            raw = self._item(item, feed, failed)
            if raw is not None:
                docs.append((item.link or item.key, raw))
        report = self._ingestor.ingest_docs(docs, progress)
        report.unchanged += unchanged
        report.failed[:0] = failed
        added = report.added + report.replaced
        status = f"ok, {len(report.failed)} items failed" if report.failed else "ok"
        self.log.record(url, feed.title, status, added, fetched.etag, fetched.last_modified)
        report.seconds = time.perf_counter() - started
        return report

    def _item(self, item: FeedItem, feed: Feed, failed: list[IngestFailure]) -> RawDoc | None:
        reason = "the item has no link"
        if item.link:
            try:
                raw = read_article(self._fetcher.get(item.link), origin=item.key)
            except LoadError as exc:
                reason = str(exc)
            else:
                if item.date:
                    raw.meta.setdefault("date", item.date)
                if item.title:
                    raw.meta.setdefault("title", item.title)
                return raw
        if len(item.text.split()) >= FEED_ITEM_FALLBACK_WORDS:  # the feed carries the text
            meta = {"title": item.title, "url": item.link, "source": feed.title}
            if item.date:
                meta["date"] = item.date
            return RawDoc(
                text=item.text, meta={k: v for k, v in meta.items() if v}, origin=item.key
            )
        failed.append(IngestFailure(item.link or item.key, reason))
        return None

    def watch_round(self, targets: Sequence[str]) -> WatchRound:
        """Read every feed (or page) address and every folder once; one failing target (a feed
        that is down or malformed) is reported and the others go on.
        """
        done = WatchRound()
        for target in targets:
            try:
                if is_address(target):
                    report = self.ingest(target, conditional=True)
                else:
                    report = self._ingestor.ingest_paths([Path(target)])
            except Exception as exc:  # a bug reading one target must not stop the watch
                report = IngestReport(
                    failed=[IngestFailure(target, f"could not be read ({exc!r})")]
                )
            done.reports.append((target, report))
        return done

    def follow(self, url: str) -> None:
        """Start following a feed (it is listed before its first read)."""
        if not self._follows(url):
            self.log.record(url, "", "not read yet", 0)


def parse_every(value: str) -> float:
    """'15m', '1h', '30s' or a number of seconds -> seconds."""
    value = value.strip().lower()
    units = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
    try:
        if value and value[-1] in units:
            seconds = float(value[:-1]) * units[value[-1]]
        else:
            seconds = float(value)
    except ValueError:
        raise ValueError(f"'{value}' is not an interval like 30s, 15m or 1h") from None
    if seconds <= 0:
        raise ValueError("the interval must be positive")
    return seconds


def watch(
    sources: WebSources,
    targets: Sequence[str],
    every: float,
    rounds: int = 0,
    on_round: Callable[[WatchRound], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Read the targets every `every` seconds; `rounds` > 0 stops after that many passes."""
    for target in targets:
        if is_address(target):
            sources.follow(target)
    done = 0
    while True:
        started = time.monotonic()
        result = sources.watch_round(targets)
        if on_round is not None:
            on_round(result)
        done += 1
        if rounds and done >= rounds:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))
