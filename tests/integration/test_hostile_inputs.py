"""Hostile files that take seconds by design, moved out of the unit tier (tests/unit/test_hostile.py
has the rest): a 100,000-deep HTML nest must fail alone, and a 5 MB file with no line break must be
indexed within the same 10-second bound every hostile ingest gets. Neither needs the model or a
server; they live here because `make test-fast` has a budget of seconds for the whole tier.
"""

from __future__ import annotations

import pytest

from tests.support.hostile import STORY, only_failure, timed_ingest


@pytest.fixture
def inbox(tmp_path, warm_parser):  # spaCy loaded before any ingest is timed
    d = tmp_path / "inbox"
    d.mkdir()
    return d


def test_deeply_nested_html_fails_alone(assistant, inbox, write_story):
    nested = inbox / "nested.html"
    nested.write_text(
        "<html><body>"
        + "<div>" * 100_000
        + "Some words of an article here."
        + "</div>" * 100_000
        + "</body></html>",
        encoding="utf-8",
    )
    good = write_story(inbox / "good.txt", STORY, title="Strike")
    report = timed_ingest(assistant, [nested, good])
    only_failure(report, nested, r"HTML")
    assert report.added == 1


def test_one_five_megabyte_line_is_indexed_in_bounded_time(assistant, inbox):
    sentence = "Harbourmasters reportedly coordinated extraordinarily complicated berthing. "
    line = inbox / "oneline.txt"
    line.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    assert line.stat().st_size > 4_900_000 and line.read_text().count("\n") == 0
    report = timed_ingest(assistant, [line])
    assert (report.added, report.failed) == (1, [])
    assert report.chunks > 100
