"""No module binds one top-level name twice.

The stance rules live in long modules of compiled patterns and word sets; a second
`_CLAIMS = ...` further down silently replaces the first (ruff does not flag a re-bound module
constant), and every rule written against the first loses its words. It happened once and cost
13 held-out statements before the eval showed it. A deliberate re-binding has no place in these
modules: extend a set under a new name instead.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from tests.support.paths import REPO as ROOT

PACKAGES = ("assistant", "index", "eval", "bench")


def _rebound(path: Path) -> dict[str, list[int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines: dict[str, list[int]] = defaultdict(list)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            lines[node.name].append(node.lineno)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lines[target.id].append(node.lineno)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            if isinstance(node.target, ast.Name):
                lines[node.target.id].append(node.lineno)
    return {name: at for name, at in lines.items() if len(at) > 1}


def test_no_module_binds_a_name_twice():
    sources = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(sources) > 50, f"no sources found under {ROOT}"  # the check reads something
    offenders = {str(p.relative_to(ROOT)): found for p in sources if (found := _rebound(p))}
    assert not offenders, f"top-level names bound twice (name: lines): {offenders}"


def test_the_check_sees_a_rebound_constant(tmp_path):
    module = tmp_path / "rules.py"
    module.write_text(
        'import re\n_CLAIMS = re.compile("claims?")\n\ndef f():\n    return 1\n\n'
        '_CLAIMS = re.compile("asserts?")\n',
        encoding="utf-8",
    )
    assert _rebound(module) == {"_CLAIMS": [2, 7]}
