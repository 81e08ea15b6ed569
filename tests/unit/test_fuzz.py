"""Property-based fuzzing of the parsers every document and every LLM reply goes through.

Each property is one a user relies on: a reply never cites a passage that does not exist and
never shows a raw marker; a file, whatever its bytes, either loads or fails with a reason
(`LoadError`) and never takes the batch down; cleaning is stable (re-ingesting cleaned text
gives the same document id) and leaves no control characters in what is quoted back.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.citations import MARKER, parse
from index.cleaning import normalise
from index.loaders import SUPPORTED, LoadError, decode, load_file, split_header
from tests.support.properties import examples

# 200 examples each when thorough (tests/integration/test_properties_thorough.py), 30 here
FUZZ = settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)

# Replies made of prose, markers of every shape, sentence ends and brackets.
_PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "[1]",
            "[2]",
            "[7]",
            "[0]",
            "[1, 3]",
            "[2;4]",
            "[1][2]",
            "[99999999999999999999]",
            "[",
            "]",
            "[[",
            "]]",
            ". ",
            "! ",
            "? ",
            "\n",
            "\n\n",
            " ",
            "The port reopened",
            "Russia demands talks",
            "(",
            ")",
            "“",
            "”",
            ",",
            "[-1]",
            "[1,]",
            "[ 1 ]",
        ]
    ),
)
REPLIES = st.lists(_PIECES, max_size=40).map("".join)


@FUZZ
@given(reply=REPLIES, n=st.integers(min_value=0, max_value=12))
@example(reply="Hello [[1]1] world.", n=3)
@example(reply="[1]", n=1)
def test_parse_cites_only_existing_passages_and_leaves_no_markers(reply, n):
    claims = parse(reply, n)
    for claim in claims:
        assert all(1 <= c <= n for c in claim.cited), claim
        assert len(set(claim.cited)) == len(claim.cited)
        assert not MARKER.search(claim.text), claim.text
        assert claim.text == claim.text.strip() and claim.text


_HEADERS = st.sampled_from(
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"---\n",
        b"---\r\n",
        b"title: x\n",
        b"%PDF-1.4\n",
        b"PK\x03\x04",
        b"{",
        b"[",
        b"<html><body>",
        b"\x00",
    ]
)
BLOBS = st.tuples(_HEADERS, st.binary(max_size=2000)).map(b"".join)


@FUZZ
@given(data=BLOBS)
@example(data="Le café à Sète – “ouvert”".encode("cp1252"))
@example(data="Le café à Sète – “ouvert”".encode())
@example(data=b"\x80\x81\x8d\x8f\x90\x9d" * 50)
@example(data=b"title: x\n\x00\x01binary")
def test_decode_returns_the_text_or_refuses_with_a_reason(data):
    try:
        utf8 = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf8 = None
    binary = b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        text = decode(data)
    except LoadError as exc:
        assert str(exc)  # the ingest report says why
        assert binary or utf8 is None, "valid UTF-8 text was refused"
        return
    assert not binary, "a binary file was read as text"
    if utf8 is not None:
        assert text == utf8  # UTF-8 is read as written, never re-guessed
    # text that is mostly replacement characters is refused, not indexed as garbage
    assert text.count("\ufffd") <= max(10, len(text) // 100)


def test_decode_reads_a_legacy_windows_file_as_written():
    text = "The café owners said “we will not pay” the new tax – a levy of 5€ per table."
    assert decode(text.encode("cp1252")) == text


FRONT = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda block, body: f"---\n{block}\n---\n{body}",
        st.one_of(
            st.text(max_size=120),
            st.sampled_from(
                [
                    "date: 2024-02-30",
                    "date: 2024-13-01",
                    "title: [1, 2",
                    "a: &x [*x]",
                    "? [a]\n: b",
                    "title: !!python/object:os.system x",
                    "- a\n- b",
                    "[" * 500,
                    "t: 1e999",
                    "date: 2024-02-29 25:61:00",
                ]
            ),
        ),
        st.text(max_size=100),
    ),
    st.builds(
        lambda k, v, body: f"{k}: {v}\n---\n{body}",
        st.from_regex(r"[A-Za-z][A-Za-z0-9_ -]{0,30}", fullmatch=True),
        st.text(max_size=40),
        st.text(max_size=100),
    ),
)


@FUZZ
@given(text=FRONT)
@example(text="---\ntitle: Port strike\ndate: 2024-02-30\n---\nThe port closed.")
def test_split_header_takes_fields_only_from_the_front_and_keeps_the_body(text):
    meta, body = split_header(text)  # never raises: a bad header is body text, not a failure
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items())
    assert all(k == k.lower() for k in meta)
    words = " ".join(text.lstrip("\ufeff").split())
    if not meta:
        assert body == text.lstrip("\ufeff")  # no header: the article is untouched
    # the body is the rest of the text, word for word: nothing invented, nothing reordered
    assert words.endswith(" ".join(body.split()))


@pytest.mark.parametrize(
    ("text", "meta", "body"),
    [
        (
            "---\ntitle: Port strike\ndate: 2024-02-30\n---\nThe port closed.",
            {"title": "Port strike", "date": "2024-02-30"},
            "The port closed.",
        ),
        (
            "Title: Port strike\nSource: Wire\n---\nThe port closed.\nShips waited.",
            {"title": "Port strike", "source": "Wire"},
            "The port closed.\nShips waited.",
        ),
        ("Port strike: the port closed.\nShips waited.", {}, None),
        ("---\n[1, 2\n---\nThe port closed.", {}, None),
    ],
)
def test_split_header_reads_the_usual_headers(text, meta, body):
    got_meta, got_body = split_header(text)
    assert got_meta == meta
    assert got_body.strip() == (text if body is None else body)


TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.one_of(
            st.text(max_size=20),
            st.sampled_from(
                [
                    "\n",
                    "\n\n",
                    "\r\n",
                    "\r",
                    "\t",
                    "\x0b",
                    "\x0c",
                    "\x00",
                    "\x85",
                    "\x9f",
                    "\u2028",
                    "\u00a0",
                    "\u200b",
                    "\ufeff",
                    "\u00ad",
                    "e\u0301",
                    "Advertisement",
                    "Share this article",
                    "Read more: x",
                    "- item",
                    "1. item",
                    "Title: x",
                    ", ",
                    "-",
                    "A",
                    "a",
                    " ",
                ]
            ),
        ),
        max_size=40,
    ).map("".join),
)


@FUZZ
@given(text=TEXTS)
@example(text="a\x85b")
def test_normalise_is_idempotent_and_leaves_no_control_characters(text):
    once = normalise(text)
    assert normalise(once) == once
    bad = [hex(ord(ch)) for ch in once if unicodedata.category(ch) == "Cc" and ch != "\n"]
    assert not bad, bad


@FUZZ
@given(data=BLOBS, suffix=st.sampled_from(SUPPORTED))
@example(data=b"[" * 100_000, suffix=".json")
@example(data=b"---\ndate: 2024-02-30\n---\nThe port closed on Monday after a storm.", suffix=".md")
def test_any_bytes_in_any_supported_file_load_or_fail_with_a_reason(tmp_path_factory, data, suffix):
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"f{suffix}"
    path.write_bytes(data)
    try:
        docs = load_file(path, 10_000_000)
    except LoadError as exc:
        assert str(exc)
        return
    assert docs  # a file that loads gives at least one article ...
    for d in docs:  # ... named after its file, with text and string metadata
        assert d.path == path.name and isinstance(d.text, str)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in d.meta.items())
