"""Damaged, missing and read-only stores through the `briefing` command (issue 17): one clear
line naming the file and the command that fixes it, never a traceback; `briefing verify` and
`briefing repair`; a read-only store can still be read.

Before: with `chroma/` gone every command carried on over keyword search alone and ingest said
"unchanged"; a garbled or truncated catalog gave raw tracebacks (or `ask` worked while `search`
crashed); a read-only store gave a 67-line traceback for `documents`; a mistyped --store created
an empty store and answered "The sources do not say" with exit code 0.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.samples import STRIKE_BODY

ENV = {"BRIEFING_SPACY_MODEL": "", "HF_HUB_OFFLINE": "1"}
CLI = [sys.executable, "-c", "from assistant.cli import app; app()"]


def briefing(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *map(str, args)],
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store, built once; each test works on its own copy."""
    root = tmp_path_factory.mktemp("built")
    news = root / "news"
    news.mkdir()
    (news / "strike.txt").write_text(
        "title: Dockworkers walk out\ndate: 2024-03-03\n---\n" + " ".join(STRIKE_BODY)
    )
    (news / "ferry.txt").write_text(
        "title: Ferry resumes\n---\nThe ferry service between Skarra and the mainland resumed "
        "on Saturday after storm repairs to the pier were completed."
    )
    done = briefing("ingest", news, "--store", root / "store")
    assert done.returncode == 0, done.stderr
    return root / "store"


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


def one_error_line(run: subprocess.CompletedProcess[str], *names: str) -> str:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "│" not in run.stderr, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def test_a_mistyped_store_is_an_error_for_reading_commands(tmp_path: Path) -> None:
    missing = tmp_path / "stroe"
    for command in (["ask", "Who went on strike?"], ["search", "strike"], ["documents"]):
        line = one_error_line(briefing(*command, "--store", missing), "no store at", str(missing))
        assert "briefing ingest" in line
    assert not missing.exists()


def test_a_lost_vector_folder_is_found_verified_and_repaired(store: Path) -> None:
    shutil.rmtree(store / "chroma")
    listed = briefing("documents", "--store", store)
    assert listed.returncode == 0 and "2 documents" in listed.stdout
    assert "briefing repair" in listed.stderr and "Traceback" not in listed.stderr

    checked = briefing("verify", "--store", store)
    assert checked.returncode == 1
    assert "damaged: vectors:" in checked.stderr and "briefing repair" in checked.stderr

    repaired = briefing("repair", "--store", store)
    assert repaired.returncode == 0, repaired.stderr
    assert "re-embedded" in repaired.stdout and repaired.stdout.strip().endswith("ok")
    assert briefing("verify", "--store", store).returncode == 0
    found = json.loads(briefing("search", "dockworkers strike", "--store", store, "--json").stdout)
    assert found["passages"] and found["passages"][0]["title"] == "Dockworkers walk out"


@pytest.mark.parametrize("damage", ["garbled", "truncated"])
def test_a_damaged_catalog_is_one_line_naming_the_file(store: Path, damage: str) -> None:
    catalog = store / "catalog.sqlite3"
    if damage == "garbled":
        with open(catalog, "r+b") as f:
            f.write(b"this is not a database header" * 4)
    else:
        os.truncate(catalog, catalog.stat().st_size // 2)
    for command in (["documents"], ["search", "strike"], ["ask", "Who went on strike?"]):
        line = one_error_line(briefing(*command, "--store", store), str(catalog))
        assert "damaged" in line and "briefing ingest" in line


def _read_only_runner(store: Path, mountpoint: Path) -> list[str] | None:
    """A shell in which `mountpoint` is `store` mounted read-only (a mount namespace, or as
    root), or None where neither is possible.
    """
    mount = (
        f"mount --bind {store} {mountpoint} && mount -o remount,bind,ro {mountpoint} && "
        f"! touch {mountpoint}/probe 2>/dev/null"
    )
    for runner in (["unshare", "-rm", "sh", "-c"], ["sh", "-c"]):
        if runner[0] == "unshare" and not shutil.which("unshare"):
            continue
        if runner[0] == "sh" and os.geteuid() != 0:
            continue
        probe = subprocess.run([*runner, mount], capture_output=True, timeout=30)
        if probe.returncode == 0:
            if runner[0] == "sh":
                subprocess.run(["umount", str(mountpoint)], check=False)
            return runner
    return None


def test_a_read_only_store_can_be_read_and_refuses_writes_in_one_line(
    store: Path, tmp_path: Path
) -> None:
    mountpoint = tmp_path / "ro"
    mountpoint.mkdir()
    runner = _read_only_runner(store, mountpoint)
    if runner is None:
        pytest.skip("cannot mount read-only here (not root, no user namespaces)")
    new = tmp_path / "new.txt"
    new.write_text("title: Bridge\n---\nThe council approved a new bridge over the canal today.")
    out = tmp_path / "out"
    out.mkdir()
    cli = " ".join(CLI[:2]) + ' "' + CLI[2] + '"'
    script = " && ".join(
        [
            f"mount --bind {store} {mountpoint}",
            f"mount -o remount,bind,ro {mountpoint}",
        ]
    ) + "".join(
        f"; {cli} {args} --store {mountpoint} > {out}/{name}.out 2> {out}/{name}.err;"
        f" echo $? > {out}/{name}.rc"
        for name, args in (
            ("documents", "documents"),
            ("search", "search 'dockworkers strike' --json"),
            ("ask", "ask 'Who went on strike at Port Halvern?' --json"),
            ("ingest", f"ingest {new}"),
        )
    )
    if runner[0] == "sh":
        script += f"; umount {mountpoint}"
    subprocess.run(
        [*runner, script], env={**os.environ, **ENV}, capture_output=True, text=True, timeout=600
    )

    def result(name: str) -> tuple[int, str, str]:
        return (
            int((out / f"{name}.rc").read_text()),
            (out / f"{name}.out").read_text(),
            (out / f"{name}.err").read_text(),
        )

    rc, stdout, stderr = result("documents")
    assert rc == 0 and "2 documents" in stdout and "Traceback" not in stderr, stderr
    rc, stdout, _ = result("search")
    assert rc == 0 and json.loads(stdout)["passages"][0]["title"] == "Dockworkers walk out"
    rc, stdout, _ = result("ask")
    answer = json.loads(stdout)
    assert rc == 0 and not answer["abstained"] and answer["citations"]
    rc, _, stderr = result("ingest")
    lines = [ln for ln in stderr.splitlines() if ln.startswith("error:")]
    assert rc == 2 and len(lines) == 1 and "read-only" in lines[0], stderr
    assert "Traceback" not in stderr
