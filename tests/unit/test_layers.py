"""The lower layer never reaches up: nothing under index/ imports assistant/."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.paths import REPO as ROOT


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_index_never_imports_assistant():
    sources = sorted((ROOT / "index").rglob("*.py"))
    assert len(sources) > 10, f"no index/ sources found under {ROOT}"  # the check reads something
    offenders = {
        str(p.relative_to(ROOT)): sorted(
            m for m in _imported_modules(p) if m.split(".")[0] == "assistant"
        )
        for p in sources
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}, f"index/ must not import assistant/: {offenders}"


def test_the_check_sees_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from assistant.types import Answer\n    return Answer\n")
    assert "assistant.types" in _imported_modules(bad)
