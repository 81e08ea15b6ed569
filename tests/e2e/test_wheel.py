"""The package as a user gets it: a built wheel, installed in a fresh virtual environment outside
the checkout, ingests a story and answers a question about it with `briefing`.

Offline and quick: the wheel is built without build isolation, and the new environment borrows
the project environment's dependencies through a `.pth` file instead of downloading them. Only the
wheel puts `assistant`, `index`, `prompts` and `app` on its path, so a module or data file the
wheel lacks (parties.yaml, the prompts) fails here rather than on a user's machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the CLI loads the real embedding model

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "app.py", "assistant", "index", "prompts")
STORY = (
    "title: Ferry crews strike at Port Velin\n"
    "source: Coastal Ledger\n"
    "date: 2024-04-02\n"
    "---\n"
    "Ferry crews at Port Velin walked out on Tuesday, stranding about nine hundred passengers "
    "on the island of Marrow.\n\n"
    "The crews' union said the strike would last until the operator restores the night-shift "
    "allowance it cut in January.\n"
)


def _run(args: Sequence[str | Path], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """(the new environment, an environment for its processes, a working folder outside the
    checkout) with the wheel built from the working tree installed.
    """
    tmp = tmp_path_factory.mktemp("wheel")
    src, dist, venv, work = tmp / "src", tmp / "dist", tmp / "venv", tmp / "work"
    work.mkdir()
    # Build from a copy: setuptools reuses ./build, where files deleted since would linger.
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=ignore)
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, src / name)

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BRIEFING_", "PYTHON", "VIRTUAL_ENV", "PIP_"))
    }
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    env["PIP_NO_INDEX"] = "1"  # nothing is downloaded
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w"]
        + [dist, src],
        cwd=work,
        env=env,
    )
    [wheel] = dist.glob("briefing_assistant-*.whl")

    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=work, env=env)
    python = venv / "bin" / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=work,
        env=env,
    ).strip()
    # The dependencies: the project environment's site-packages, after the new one's own (its
    # .pth files are not read, so the checkout's editable install stays out).
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "zz_project_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel],
        cwd=work,
        env=env,
    )
    return venv, env, work


def test_the_wheel_holds_the_code_and_its_data(installed: tuple[Path, dict[str, str], Path]):
    venv, env, work = installed
    probe = (
        "import json, sys, app, assistant, index, prompts\n"
        "from importlib.resources import files\n"
        "from assistant.llm import load_prompt\n"
        "from assistant.parties import DEFAULT_REGISTRY, Registry\n"
        "print(json.dumps({'modules': [m.__file__ for m in (app, assistant, index, prompts)],\n"
        "  'registry': str(DEFAULT_REGISTRY), 'parties': len(Registry.load().parties),\n"
        "  'prompts': sorted(p.name for p in files('prompts').iterdir() if p.name.endswith('.md')),\n"
        "  'answer': load_prompt('answer')[:20], 'path': sys.path}))\n"
    )
    found = json.loads(_run([venv / "bin" / "python", "-c", probe], cwd=work, env=env))
    site = str(venv.resolve())
    for where in (*found["modules"], found["registry"]):
        assert str(Path(where).resolve()).startswith(site), where
    assert not any((work / p).resolve() == ROOT for p in found["path"]), found["path"]
    assert found["parties"] > 10 and found["answer"]
    assert {"answer.md", "condense.md"} <= set(found["prompts"])


def test_briefing_ingests_and_answers_from_the_wheel(
    installed: tuple[Path, dict[str, str], Path],
) -> None:
    venv, env, work = installed
    news, store = work / "news", work / "store"
    news.mkdir()
    (news / "ferry.txt").write_text(STORY, encoding="utf-8")
    briefing = venv / "bin" / "briefing"
    assert briefing.read_text().startswith(f"#!{venv}")  # the wheel's entry point, not ours

    report = json.loads(_run([briefing, "ingest", news, "--store", store, "--json"], work, env))
    assert report["added"] == 1 and not report["failed"]

    out = _run(
        [briefing, "ask", "Why did the ferry crews strike?", "--store", store, "--json"],
        work,
        env,
    )
    answer = json.loads(out.strip().splitlines()[-1])
    assert answer["citations"], answer
    cited = answer["citations"][0]
    assert cited["title"] == "Ferry crews strike at Port Velin"
    assert "night-shift allowance" in answer["text"] + " ".join(
        c["quote"] for c in answer["citations"]
    )
