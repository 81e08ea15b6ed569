"""A real HTTP server on 127.0.0.1 serving invented news pages and feeds, for the tests of
ingest by address (tests/integration/test_web_sources.py) and the REST API.

Routes: /article/<name> (HTML articles), /feed.xml (RSS of two articles), /atom.xml (Atom),
/mixed.xml (an article and an item whose page is gone),
/changing.xml (one item, then a second one once `feed_version` is 2), /bad.xml (malformed),
/down.xml (HTTP 503), /redirect-meta (-> 169.254.169.254), /redirect-loopback (-> 127.0.0.2,
another loopback address), /redirect-127 (-> 127.0.0.1), /hops/<n> (n redirects, then an article), /big (50 MB, generated in
pieces, no Content-Length), /big-declared (Content-Length 50 MB), /slow (answers after
`slow_seconds`), /nav (HTML without an article), /file.pdf (not HTML), /gen/<i> and
/genfeed/<n>.xml (generated articles and a feed of n of them, for benchmarks), anything else 404.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PAGES: dict[str, dict[str, str]] = {
    "harbour": {
        "title": "Halvern harbour reopens after storm repairs",
        "site": "Coastal Ledger",
        "date": "2024-03-04",
        "text": "The harbour of Halvern reopened on Monday after three weeks of storm repairs. "
        "Harbour master Edda Lund said the new sea wall cost eleven million crowns. "
        "Fishing crews returned to the eastern quay the same afternoon. "
        "The town council had approved the repairs in an emergency session in February.",
    },
    "border": {
        "title": "Valmora and Ostrand agree river monitoring mission",
        "site": "Northern Courier",
        "date": "2024-05-13",
        "text": "Valmora and Ostrand agreed on Sunday to a joint monitoring mission along the "
        "Tessel river. Valmora had demanded that Ostrand withdraw its artillery from the "
        "valley. The two delegations met in the lakeside city of Lindau for six hours. "
        "Observers from both sides will start work in June.",
    },
    "orchard": {
        "title": "Brenmouth orchards expect record apple harvest",
        "site": "Valley Post",
        "date": "2024-09-20",
        "text": "Orchards around Brenmouth expect a record apple harvest this autumn after a "
        "warm and wet summer. Grower Tomas Veld said his trees carry twice last year's fruit. "
        "The cooperative hired forty extra pickers for October. "
        "Cider makers in the valley plan to raise their output by a third.",
    },
}


def article_html(name: str) -> str:
    p = PAGES[name]
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in p["text"].split(". ") if s.strip())
    return (
        "<!doctype html><html><head>"
        f"<title>{p['title']} | {p['site']}</title>"
        f'<meta property="og:title" content="{p["title"]}">'
        f'<meta property="og:site_name" content="{p["site"]}">'
        f'<meta property="article:published_time" content="{p["date"]}T08:00:00Z">'
        '<meta name="author" content="Staff Reporter">'
        "</head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{p['title']}</h1>{paragraphs}</article>"
        "<footer>© Invented News 2024</footer></body></html>"
    )


def rss(base: str, names: list[str], title: str = "Invented News") -> str:
    items = "".join(
        f"<item><title>{PAGES[n]['title']}</title><link>{base}/article/{n}</link>"
        f"<guid>{base}/article/{n}</guid><description>Summary.</description></item>"
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>News</description>"
        f"{items}</channel></rss>"
    )


def atom(base: str, names: list[str]) -> str:
    entries = "".join(
        f'<entry><title>{PAGES[n]["title"]}</title><link href="{base}/article/{n}"/>'
        f"<id>{base}/article/{n}</id><updated>{PAGES[n]['date']}T08:00:00Z</updated></entry>"
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Invented Atom</title><id>{base}/atom</id><updated>2024-09-20T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


BIG_BYTES = 50 * 1024 * 1024
_PLACES = ["Halvern", "Brenmouth", "Lindau", "Skarra", "Tessel", "Valmora", "Ostrand", "Kestrel"]


def generated_html(i: int) -> str:
    """A distinct invented article number `i` (for benchmarks: /gen/<i>, /genfeed/<n>.xml)."""
    a, b = _PLACES[i % len(_PLACES)], _PLACES[(i * 3 + 1) % len(_PLACES)]
    body = "".join(
        f"<p>Bulletin {i}, item {k}: the harbour office of {a} reported {i * 7 + k} arrivals "
        f"from {b} on day {k + 1}, and the pilots said {k + i % 5} berths stayed closed.</p>"
        for k in range(6)
    )
    return (
        f"<html><head><title>Harbour bulletin {i}</title></head><body>"
        f"<article><h1>Harbour bulletin {i}</h1>{body}</article></body></html>"
    )


class NewsServer:
    """Start on a free loopback port; `.base` is its address; `.close()` stops it."""

    def __init__(self) -> None:
        self.feed_version = 1
        self.change_after_reads = 0  # > 0: /changing.xml turns to version 2 after that many reads
        self.changing_reads = 0
        self.slow_seconds = 3.0
        self.requests: list[str] = []
        self.big_sent = 0  # bytes of /big actually written before the client hung up
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                try:
                    server.route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size cap): expected

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        base = self.base
        if path.startswith("/article/") and path[9:] in PAGES:
            return _send(h, 200, "text/html; charset=utf-8", article_html(path[9:]))
        if path == "/feed.xml":
            return _send(h, 200, "application/rss+xml", rss(base, ["harbour", "border"]))
        if path == "/mixed.xml":  # one item's page is gone
            feed = rss(base, ["border"]).replace(
                "</channel>", f"<item><title>Gone</title><link>{base}/gone</link></item></channel>"
            )
            return _send(h, 200, "application/rss+xml", feed)
        if path == "/atom.xml":
            return _send(h, 200, "application/atom+xml", atom(base, ["orchard"]))
        if path == "/changing.xml":
            self.changing_reads += 1
            if self.change_after_reads and self.changing_reads > self.change_after_reads:
                self.feed_version = 2
            names = ["harbour"] if self.feed_version == 1 else ["harbour", "orchard"]
            return _send(h, 200, "application/rss+xml", rss(base, names, "Changing News"))
        if path.startswith("/gen/") and path[5:].isdigit():
            return _send(h, 200, "text/html; charset=utf-8", generated_html(int(path[5:])))
        if path.startswith("/genfeed/") and path.endswith(".xml") and path[9:-4].isdigit():
            n = int(path[9:-4])
            items = "".join(
                f"<item><title>Harbour bulletin {i}</title><link>{base}/gen/{i}</link></item>"
                for i in range(n)
            )
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gen</title>{items}'
            return _send(h, 200, "application/rss+xml", feed + "</channel></rss>")
        if path == "/bad.xml":
            return _send(h, 200, "application/rss+xml", "<rss><channel><title>Broken</ti")
        if path == "/down.xml":
            return _send(h, 503, "text/plain", "maintenance")
        if path == "/redirect-meta":
            return _redirect(h, "http://169.254.169.254/latest/meta-data/")
        if path == "/redirect-127":
            return _redirect(h, f"http://127.0.0.1:{self.port}/article/harbour")
        if path == "/redirect-loopback":
            return _redirect(h, f"http://127.0.0.2:{self.port}/article/harbour")
        if path.startswith("/hops/"):
            n = int(path[6:])
            return _redirect(h, f"/hops/{n - 1}" if n > 1 else "/article/border")
        if path == "/big":
            return self._big(h, declared=False)
        if path == "/big-declared":
            return self._big(h, declared=True)
        if path == "/slow":
            time.sleep(self.slow_seconds)
            return _send(h, 200, "text/html", article_html("orchard"))
        if path == "/nav":
            return _send(h, 200, "text/html", "<html><body><nav><a href='/'>Home</a></nav></body>")
        if path == "/file.pdf":
            return _send(h, 200, "application/pdf", "%PDF-1.4 not really")
        return _send(h, 404, "text/plain", "not found")

    def _big(self, h: BaseHTTPRequestHandler, declared: bool) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declared:
            h.send_header("Content-Length", str(BIG_BYTES))
        h.end_headers()
        piece = b"<p>" + b"word " * 13_106 + b"</p>\n"  # ~64 KiB, written again and again
        sent = 0
        while sent < BIG_BYTES:
            h.wfile.write(piece)
            sent += len(piece)
            self.big_sent = sent


def _send(h: BaseHTTPRequestHandler, status: int, content_type: str, body: str) -> None:
    data = body.encode("utf-8")
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(data)))
    h.end_headers()
    h.wfile.write(data)


def _redirect(h: BaseHTTPRequestHandler, location: str) -> None:
    h.send_response(302)
    h.send_header("Location", location)
    h.send_header("Content-Length", "0")
    h.end_headers()
