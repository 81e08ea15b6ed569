"""Fetch a page by its address, safely, and read the article in it.

Fetching from the web app is a request the server makes on a user's behalf, so it must not be a
way into the server's own network: every address a host name resolves to is checked, and the
connection goes to the checked address (a second DNS answer cannot swap it), on the first request
and on every redirect (followed here, at most `max_redirects`). Loopback, private, link-local,
shared, multicast, reserved and cloud-metadata addresses are refused unless the host is named in
`allow_hosts` (as written in the URL, or as an address or network).

The body is read in pieces and abandoned at `max_bytes`, and the whole exchange has one deadline,
so a huge or a trickling page costs at most the cap and the timeout.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from index.loaders import LoadError, RawDoc, decode

USER_AGENT = "BriefingAssistant/0.1 (+https://github.com/briefing-assistant; article fetcher)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/xml",
    "text/xml",
)
_REDIRECTS = (301, 302, 303, 307, 308)
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class FetchError(LoadError):
    """An address that cannot become a document; the message is the reason shown to the user."""


@dataclass(frozen=True)
class FetchPolicy:
    """The limits of one fetch: how long, how much, how many hops, from where."""

    timeout: float = 20.0  # seconds for the whole exchange, redirects and body included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_hosts: tuple[str, ...] = ()  # hosts that may resolve to internal addresses


@dataclass(frozen=True)
class Fetched:
    url: str  # the final address, after redirects
    content_type: str  # media type only, lower case ("text/html")
    charset: str
    body: bytes
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False  # a conditional request answered 304

    @property
    def is_feed(self) -> bool:
        if self.content_type in FEED_TYPES[:4]:
            return True
        head = self.body[:2048]
        return bool(_FEED_START.match(head)) and self.content_type not in HTML_TYPES

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    def text(self) -> str:
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(self.body)


def is_address(value: str) -> bool:
    """Whether a command-line argument names a web address rather than a file."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value))


def _allowed(
    host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow: Iterable[str]
) -> bool:
    for entry in allow:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry == host.lower():
            return True
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Reachable on the internet: not loopback, private, link-local (cloud metadata lives at
    169.254.169.254), shared, reserved, multicast or unspecified.
    """
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _public(ip.ipv4_mapped)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local)


def resolve(url: str, policy: FetchPolicy) -> str:
    """The first address `url`'s host may be reached at, or `FetchError` saying why not."""
    return resolve_all(url, policy)[0]


def resolve_all(url: str, policy: FetchPolicy) -> list[str]:
    """Every address `url`'s host may be reached at, in the resolver's order, or `FetchError`.

    Every address the name resolves to must be public (or the host allowed): a name that also
    resolves to an internal address is refused rather than tried address by address.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https addresses can be fetched, not '{parts.scheme}:'")
    host = parts.hostname
    if not host:
        raise FetchError("the address has no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("the address has an invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host '{host}' could not be found") from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not _public(ip) and not _allowed(host, ip, policy.allow_hosts):
            raise FetchError(
                f"refused: '{host}' is an internal address ({ip}); fetching it is not allowed "
                "(BRIEFING_FETCH_ALLOW_HOSTS names hosts that may be)"
            )
        addresses.append(str(ip))
    if not addresses:
        raise FetchError(f"the host '{host}' could not be found")
    return list(dict.fromkeys(addresses))


class Fetcher:
    """GET with the policy's limits; one instance may be shared by threads."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        """The body at `url` (after at most `max_redirects` checked redirects), or `FetchError`."""
        policy = self.policy
        deadline = time.monotonic() + policy.timeout
        url = url.strip()
        headers = {"User-Agent": policy.user_agent, "Accept": "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with httpx.Client(follow_redirects=False, verify=True, trust_env=False) as client:
            for _hop in range(policy.max_redirects + 1):
                response = self._send(client, url, headers, deadline)
                try:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return self._read(url, response, deadline)
                finally:
                    response.close()
        raise FetchError(f"more than {policy.max_redirects} redirects")

    def _send(
        self, client: httpx.Client, url: str, headers: dict[str, str], deadline: float
    ) -> httpx.Response:
        """One request to a checked address of `url`'s host (the next one if it refuses)."""
        target = httpx.URL(url)
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        failure: Exception | None = None
        for ip in resolve_all(url, self.policy):
            request = client.build_request(
                "GET",
                target.copy_with(host=ip),
                headers={**headers, "Host": target.netloc.decode("ascii")},
                extensions={**extensions, "timeout": _timeout(deadline)},
            )
            try:
                return client.send(request, stream=True)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {self.policy.timeout:g} s") from None
            except httpx.ConnectError as exc:
                failure = exc  # e.g. an IPv6 address where the server listens on IPv4 only
            except httpx.HTTPError as exc:
                raise FetchError(f"could not connect ({type(exc).__name__})") from None
        raise FetchError(f"could not connect ({type(failure).__name__})")

    def _read(self, url: str, response: httpx.Response, deadline: float) -> Fetched:
        policy = self.policy
        if response.status_code == 304:
            return Fetched(url, "", "", b"", not_modified=True)
        if response.status_code == 404 or response.status_code == 410:
            raise FetchError(f"not found (HTTP {response.status_code})")
        if response.status_code >= 400:
            raise FetchError(f"the server answered HTTP {response.status_code}")
        if response.status_code in _REDIRECTS:
            raise FetchError("a redirect without a Location")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            raise _too_large(int(declared), policy.max_bytes)
        message = Message()
        message["content-type"] = response.headers.get("content-type", "")
        content_type = message.get_content_type() if message["content-type"] else ""
        charset = str(message.get_param("charset") or "")
        body = bytearray()
        try:
            for piece in response.iter_bytes():
                body += piece
                if len(body) > policy.max_bytes:
                    raise _too_large(None, policy.max_bytes)
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {policy.timeout:g} s")
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {policy.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"the download broke off ({type(exc).__name__})") from None
        return Fetched(
            url,
            content_type,
            charset,
            bytes(body),
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
        )


def _timeout(deadline: float) -> dict[str, float]:
    left = max(0.05, deadline - time.monotonic())
    return {"connect": left, "read": left, "write": left, "pool": left}


def _too_large(size: int | None, cap: int) -> FetchError:
    what = f"{size / 1e6:.1f} MB" if size is not None else "larger than that"
    return FetchError(
        f"the page is {what}, above the {cap / 1e6:g} MB limit (BRIEFING_FETCH_MAX_MB)"
    )


def read_article(fetched: Fetched, origin: str = "") -> RawDoc:
    """The article in a fetched HTML page: text, title, outlet, date; the URL is its address.

    `origin` (default: the final address) identifies the page across re-reads: a changed page
    replaces its earlier version, an unchanged one is not indexed again.
    """
    if not fetched.is_html:
        raise FetchError(f"not an HTML page (content type '{fetched.content_type or 'none'}')")
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread
    try:
        result = trafilatura.bare_extraction(
            fetched.text(),
            url=fetched.url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            config=config,
        )
    except RecursionError:
        raise FetchError("the HTML is nested too deeply to parse") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < 5:
        raise FetchError("no article text found on the page")
    text = re.sub(r"\n+", "\n\n", text)  # trafilatura separates blocks by one newline
    meta = {
        k: str(getattr(result, k))
        for k in ("title", "date", "language")
        if getattr(result, k, None)
    }
    source = getattr(result, "sitename", None) or getattr(result, "hostname", None)
    if source:
        meta["source"] = str(source)
    author = getattr(result, "author", None)
    if author:
        meta["author"] = str(author)
    meta["url"] = fetched.url
    return RawDoc(text=text, meta=meta, path="", origin=origin or fetched.url)
