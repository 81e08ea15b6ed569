"""A garbled, truncated or partly overwritten catalog through every reading command and through
`briefing verify` and `briefing repair` (issue 17): each either works or gives one line naming
the catalog file and the command that rebuilds the store, never a traceback, and `verify` never
calls a damaged catalog healthy.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

from tests.integration.test_damaged_store import briefing, one_error_line
from tests.support.samples import STRIKE_BODY


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of a few hundred chunks (enough pages for a damage in the middle of the file)."""
    root = tmp_path_factory.mktemp("catalog")
    news = root / "news"
    news.mkdir()
    rng = random.Random(4)
    words = " ".join(STRIKE_BODY).split()
    for i in range(30):
        body = " ".join(rng.choice(words) for _ in range(600))
        (news / f"n{i:02d}.txt").write_text(f"title: Story {i}\n---\nStory {i}. {body}.")
    done = briefing("ingest", news, "--store", root / "store")
    assert done.returncode == 0, done.stderr
    return root / "store"


def _damage(catalog: Path, how: str) -> None:
    size = catalog.stat().st_size
    if how == "garbled":
        with open(catalog, "r+b") as f:
            f.write(b"this is not a database header" * 4)
    elif how == "truncated":
        os.truncate(catalog, size // 2)
    else:  # pages in the middle overwritten: the header is whole, the tables are not
        with open(catalog, "r+b") as f:
            f.seek(size // 3 // 4096 * 4096)
            f.write(random.Random(9).randbytes(size // 3))


@pytest.mark.parametrize("how", ["garbled", "truncated", "overwritten"])
def test_every_command_on_a_damaged_catalog_is_one_line_or_works(
    built: Path, tmp_path: Path, how: str
) -> None:
    store = tmp_path / "store"
    shutil.copytree(built, store)
    catalog = store / "catalog.sqlite3"
    _damage(catalog, how)
    commands = (
        ["documents"],
        ["search", "strike"],
        ["ask", "Who went on strike?"],
        ["verify"],
        ["repair"],
    )
    for command in commands:
        run = briefing(*command, "--store", store)
        if command == ["verify"]:
            assert run.returncode != 0, run.stdout  # damage is never "ok"
        if run.returncode == 0:
            continue
        line = one_error_line(run, str(catalog))
        assert "damaged" in line and "briefing ingest" in line, line


def test_repair_salvages_a_half_overwritten_catalog_and_a_re_ingest_completes_it(
    built: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(built, store)
    news = built.parent / "news"
    catalog = store / "catalog.sqlite3"
    total = len(_documents(store))
    _damage(catalog, "overwritten")
    assert briefing("verify", "--store", store).returncode != 0

    repaired = briefing("repair", "--store", store)
    assert repaired.returncode == 0, repaired.stderr
    assert "Traceback" not in repaired.stderr
    assert "salvaged" in repaired.stderr and ".damaged-" in repaired.stderr
    assert list(store.glob("catalog.sqlite3.damaged-*"))  # the damaged file is kept
    checked = briefing("verify", "--store", store, "--json")
    assert checked.returncode == 0, checked.stdout  # what is left is whole
    kept = _documents(store)
    assert 0 < len(kept) < total
    found = json.loads(briefing("search", "strike", "--store", store, "--json").stdout)
    assert found

    again = briefing("ingest", news, "--store", store, "--json")
    report = json.loads(again.stdout)
    assert (report["added"], report["unchanged"]) == (total - len(kept), len(kept))
    assert briefing("verify", "--store", store).returncode == 0
    assert len(_documents(store)) == total


def _documents(store: Path) -> list[object]:
    listed = briefing("documents", "--store", store, "--json")
    assert listed.returncode == 0, listed.stderr
    return list(json.loads(listed.stdout)["documents"])
