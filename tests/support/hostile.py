"""Hostile markup shared by the hostile-input tests of every tier, an HTML audit that fails on
anything a browser would execute or follow, and the timed ingest the hostile-file tests share
(tests/unit/test_hostile.py, and the slow ones in tests/integration/test_hostile_inputs.py).
"""

from __future__ import annotations

import html
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

# Markup in every field a page shows: title, source, url and body.
XSS_TITLE = "<script>alert('t')</script>Harbour union <b>talks</b>"
XSS_SOURCE = '<img src=x onerror="alert(1)"> Wire'
XSS_URL = "javascript:alert(document.cookie)"
XSS_BODY = (
    "The harbour union demands a 9 percent pay rise for crane drivers at Velmar, union leader "
    "Ana Ruiz said on Monday <script>alert(2)</script>.\n\n"
    'Details are [here](javascript:alert(3)) and <a href="javascript:alert(4)" '
    'onmouseover="alert(5)">here</a> with <svg onload=alert(6)> too.\n\n'
    "The port authority rejects the union's demand for a 9 percent rise, its director said."
)


class _Audit(HTMLParser):
    """Collects what a browser would execute or follow, and the text it would show."""

    EXECUTABLE = {"script", "iframe", "object", "embed", "img", "svg", "math", "base", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        if tag in self.EXECUTABLE:
            self.problems.append(f"<{tag}>")
        self.in_style = tag == "style"
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                v = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value or "")).lower()
                if not (v.startswith(("http://", "https://", "#")) or v == ""):
                    self.problems.append(f"{tag} {name}={value}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def audit(markup: str) -> str:
    """Fail on anything executable; return the visible text."""
    parser = _Audit()
    parser.feed(markup)
    parser.close()
    assert parser.problems == [], parser.problems
    return "".join(parser.text)


def audit_markdown(markup: str) -> str:
    """The Chatbot renders its HTML through Markdown (HTML allowed): check that result too."""
    from markdown_it import MarkdownIt

    return audit(MarkdownIt("commonmark", {"html": True}).render(markup))


# --- hostile files through ingest ---------------------------------------------------------------

STORY = (
    "Dockworkers at Port Halvern began an indefinite strike on Sunday morning, halting the "
    "loading of forty container ships at the northern terminal."
)


def timed_ingest(a: Any, paths: list[Path], limit: float = 10.0) -> Any:
    """Ingest `paths` into assistant `a`; fail if it takes `limit` seconds or more."""
    started = time.perf_counter()
    report = a.ingest(paths)
    seconds = time.perf_counter() - started
    assert seconds < limit, f"ingest took {seconds:.1f} s"
    return report


def only_failure(report: Any, path: Path, reason: str) -> None:
    """The report's one failure is `path`, with a reason matching the regex `reason`."""
    assert [f.path for f in report.failed] == [str(path)], report.failed
    assert re.search(reason, report.failed[0].reason), report.failed[0].reason
