"""The unit tier's property tests at full strength.

In `make test-fast` each Hypothesis test tries a few dozen examples (tests/support/properties.py);
here every unit module that uses Hypothesis runs again, in a child pytest with
HYPOTHESIS_PROFILE=thorough, so each property tries its full count (200 per fuzz target, 50 per
chunking property). A module that starts using Hypothesis is picked up without being listed.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.paths import REPO
from tests.support.properties import PROFILE_VAR

UNIT = REPO / "tests" / "unit"
PROPERTY_MODULES = sorted(
    p.relative_to(REPO).as_posix()
    for p in UNIT.glob("test_*.py")
    if "from hypothesis import" in p.read_text(encoding="utf-8")
)


def test_the_property_modules_are_found():
    assert {"tests/unit/test_chunking.py", "tests/unit/test_fuzz.py"} <= set(PROPERTY_MODULES)


@pytest.mark.parametrize("module", PROPERTY_MODULES)
def test_unit_properties_hold_with_the_thorough_profile(module):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header", module],
        cwd=REPO,
        env={**os.environ, PROFILE_VAR: "thorough"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout, run.stdout[-2000:]
