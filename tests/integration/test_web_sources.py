"""Pages and feeds by address, against a real HTTP server on 127.0.0.1 (tests/support/web.py).

The server is on loopback, which the fetcher refuses by default; the stores here allow
127.0.0.1 by name (BRIEFING_FETCH_ALLOW_HOSTS), and the tests check that without that setting,
or through a redirect to another internal host, nothing is fetched and nothing stored.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.web import BIG_BYTES, PAGES, NewsServer


@pytest.fixture
def news() -> Iterator[NewsServer]:
    server = NewsServer()
    yield server
    server.close()


@pytest.fixture
def web_store(open_store: Any) -> Any:
    return open_store(
        spacy_model="", fetch_allow_hosts="127.0.0.1", fetch_timeout=1.0, fetch_max_mb=1.0
    )


def test_a_page_by_address_is_stored_with_its_link_and_read_once(
    web_store: Any, news: NewsServer
) -> None:
    url = f"{news.base}/article/harbour"
    report = web_store.ingest_url(url)
    assert (report.added, report.failed) == (1, [])
    [doc] = web_store.documents()
    page = PAGES["harbour"]
    assert (doc.title, doc.source, doc.date, doc.url) == (
        page["title"],
        page["site"],
        page["date"],
        url,
    )
    assert "eleven million crowns" in web_store.document_text(doc.doc_id)
    again = web_store.ingest_url(url)
    assert (again.added, again.unchanged) == (0, 1)
    copy = web_store.ingest_url(f"{url}?utm_source=mail")  # same text, another address
    assert (copy.added, copy.duplicates) == (0, 1)
    assert len(web_store.documents()) == 1
    hits = web_store.search("sea wall cost", k=1)
    assert hits and hits[0].url == url


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "not found (HTTP 404)"),
        ("/file.pdf", "not an HTML page (content type 'application/pdf')"),
        ("/nav", "no article text found on the page"),
        ("/down.xml", "the server answered HTTP 503"),
    ],
)
def test_bad_pages_give_one_line_and_store_nothing(
    web_store: Any, news: NewsServer, path: str, reason: str
) -> None:
    report = web_store.ingest_url(news.base + path)
    assert [(f.path, f.reason) for f in report.failed] == [(news.base + path, reason)]
    assert report.added == 0 and web_store.documents() == []


def test_loopback_is_refused_without_the_allow_setting(open_store: Any, news: NewsServer) -> None:
    a = open_store(spacy_model="")  # no BRIEFING_FETCH_ALLOW_HOSTS
    report = a.ingest_url(f"{news.base}/article/harbour")
    [failure] = report.failed
    assert failure.reason.startswith("refused: '127.0.0.1' is an internal address")
    assert news.requests == [] and a.documents() == []


def test_a_redirect_to_an_internal_host_is_refused(web_store: Any, news: NewsServer) -> None:
    meta = web_store.ingest_url(f"{news.base}/redirect-meta")
    assert "'169.254.169.254' is an internal address" in meta.failed[0].reason
    # allowed: 127.0.0.1; another loopback address is not
    local = web_store.ingest_url(f"{news.base}/redirect-loopback")
    assert "'127.0.0.2' is an internal address" in local.failed[0].reason
    assert news.requests == ["/redirect-meta", "/redirect-loopback"]
    assert web_store.documents() == []


def test_a_redirect_to_127_0_0_1_is_refused_when_only_another_name_is_allowed(
    open_store: Any, news: NewsServer
) -> None:
    a = open_store(spacy_model="", fetch_allow_hosts="localhost")  # by name, not by address
    local = f"http://localhost:{news.port}"
    assert a.ingest_url(f"{local}/article/border").added == 1  # the allowed name works
    report = a.ingest_url(f"{local}/redirect-127")
    assert report.failed[0].reason.startswith("refused: '127.0.0.1' is an internal address")
    assert news.requests == ["/article/border", "/redirect-127"]  # the redirect was not followed
    assert [d.title for d in a.documents()] == [PAGES["border"]["title"]]


def test_at_most_five_redirects(web_store: Any, news: NewsServer) -> None:
    assert web_store.ingest_url(f"{news.base}/hops/5").added == 1
    too_many = web_store.ingest_url(f"{news.base}/hops/6")
    assert too_many.failed[0].reason == "more than 5 redirects"


def test_a_50_mb_page_is_cut_at_the_size_cap(web_store: Any, news: NewsServer) -> None:
    report = web_store.ingest_url(f"{news.base}/big")
    assert report.failed[0].reason == (
        "the page is larger than that, above the 1 MB limit (BRIEFING_FETCH_MAX_MB)"
    )
    time.sleep(0.5)
    assert news.big_sent < BIG_BYTES / 4  # the download was abandoned, not read to the end
    declared = web_store.ingest_url(f"{news.base}/big-declared")
    assert declared.failed[0].reason.startswith("the page is 52.4 MB, above the 1 MB limit")
    assert web_store.documents() == []


def test_a_slow_page_times_out(web_store: Any, news: NewsServer) -> None:
    started = time.monotonic()
    report = web_store.ingest_url(f"{news.base}/slow")
    assert report.failed[0].reason == "timed out after 1 s"
    assert time.monotonic() - started < news.slow_seconds
    assert web_store.documents() == []


def test_a_feed_brings_in_every_item_and_is_listed(web_store: Any, news: NewsServer) -> None:
    report = web_store.ingest_url(f"{news.base}/feed.xml")
    assert (report.added, report.failed) == (2, [])
    titles = sorted(d.title for d in web_store.documents())
    assert titles == sorted([PAGES["harbour"]["title"], PAGES["border"]["title"]])
    [feed] = web_store.feeds()
    assert (feed.url, feed.title, feed.status, feed.last_added) == (
        f"{news.base}/feed.xml",
        "Invented News",
        "ok",
        2,
    )
    assert feed.last_read
    atom = web_store.ingest_url(f"{news.base}/atom.xml")
    assert atom.added == 1
    assert any(d.date == PAGES["orchard"]["date"] for d in web_store.documents())


def test_an_item_that_fails_is_one_line_and_the_feed_says_so(
    web_store: Any, news: NewsServer
) -> None:
    report = web_store.ingest_url(f"{news.base}/mixed.xml")
    assert report.added == 1
    assert [(f.path, f.reason) for f in report.failed] == [
        (f"{news.base}/gone", "not found (HTTP 404)")
    ]
    [feed] = web_store.feeds()
    assert (feed.status, feed.last_added) == ("ok, 1 items failed", 1)


def test_watch_adds_only_what_is_new_and_survives_bad_feeds(
    web_store: Any, news: NewsServer
) -> None:
    targets = [f"{news.base}/bad.xml", f"{news.base}/changing.xml", f"{news.base}/down.xml"]
    rounds: list[Any] = []
    web_store.watch(targets, every=0.01, rounds=1, on_round=rounds.append)
    news.feed_version = 2
    web_store.watch(targets, every=0.01, rounds=1, on_round=rounds.append)
    added = [[(t.rsplit("/", 1)[1], r.added) for t, r in done.reports] for done in rounds]
    assert added == [
        [("bad.xml", 0), ("changing.xml", 1), ("down.xml", 0)],
        [("bad.xml", 0), ("changing.xml", 1), ("down.xml", 0)],
    ]
    bad = rounds[1].reports[0][1].failed[0].reason
    assert bad.startswith("not a readable RSS or Atom feed")
    assert news.requests.count("/article/harbour") == 1  # known by its address: not refetched
    feeds = {f.url.rsplit("/", 1)[1]: f for f in web_store.feeds()}
    assert feeds["changing.xml"].total_added == 2 and feeds["changing.xml"].status == "ok"
    assert feeds["down.xml"].status == "the server answered HTTP 503"
    assert feeds["bad.xml"].status.startswith("not a readable RSS or Atom feed")
    assert len(web_store.documents()) == 2


def test_briefing_watch_and_feeds_on_the_command_line(
    news: NewsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_files: Any
) -> None:
    from assistant.cli import app

    monkeypatch.setenv("BRIEFING_FETCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("BRIEFING_SPACY_MODEL", "")
    news.change_after_reads = 1
    folder = make_files(only=("strike.txt",)).dir
    store = str(tmp_path / "store")
    feed = f"{news.base}/changing.xml"
    result = CliRunner().invoke(
        app,
        ["watch", feed, f"{news.base}/bad.xml", str(folder), "--every", "1s", "--rounds", "2"]
        + ["--store", store, "--json"],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["target"], x["added"]) for x in lines] == [
        (feed, 1),
        (f"{news.base}/bad.xml", 0),
        (str(folder), 1),
        (feed, 1),
        (f"{news.base}/bad.xml", 0),
        (str(folder), 0),
    ]
    listed = CliRunner().invoke(app, ["feeds", "--store", store, "--json"])
    feeds = {f["url"]: f for f in json.loads(listed.stdout)["feeds"]}
    assert feeds[feed]["total_added"] == 2 and feeds[feed]["last_added"] == 1
    assert feeds[f"{news.base}/bad.xml"]["status"].startswith("not a readable")
    ingest = CliRunner().invoke(app, ["ingest", f"{news.base}/article/border", "--store", store])
    assert ingest.exit_code == 0 and ingest.stdout.startswith("added 1,"), ingest.output
