"""Which addresses the page fetcher may reach (index/fetch.py): resolved before any connection."""

from __future__ import annotations

import pytest

from index.fetch import FetchError, FetchPolicy, resolve


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/admin",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.0.0.5/",
        "http://172.16.3.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
    ],
)
def test_internal_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="is an internal address"):
        resolve(url, FetchPolicy())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        resolve(url, FetchPolicy())


def test_allowed_hosts_by_name_address_or_network() -> None:
    assert resolve("http://127.0.0.1:9/", FetchPolicy(allow_hosts=("127.0.0.1",))) == "127.0.0.1"
    assert resolve("http://10.1.2.3/", FetchPolicy(allow_hosts=("10.0.0.0/8",))) == "10.1.2.3"
    assert resolve("http://LOCALHOST/", FetchPolicy(allow_hosts=("localhost",))) in (
        "127.0.0.1",
        "::1",
    )
    with pytest.raises(FetchError):  # allowing one address does not open its neighbours
        resolve("http://127.0.0.2/", FetchPolicy(allow_hosts=("127.0.0.1",)))


def test_a_public_address_is_reached_at_the_address_checked() -> None:
    assert resolve("https://93.184.215.14/", FetchPolicy()) == "93.184.215.14"
