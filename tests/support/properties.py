"""How many examples a property test (Hypothesis) tries: a few dozen in the unit tier, its full
count when asked.

`make test-fast` has seconds for the whole unit tier, so there each property test tries at most
FAST examples: enough to reach every branch of its strategies several times, not to grind. With
HYPOTHESIS_PROFILE=thorough every property test tries its full count;
tests/integration/test_properties_thorough.py runs the unit tier's property modules that way, so
the full tiers (`make test`) still try every property at full strength. tests/conftest.py registers
the same two profiles for Hypothesis itself (the default count of a test that names none).
"""

from __future__ import annotations

import os

FAST = 30
PROFILE_VAR = "HYPOTHESIS_PROFILE"


def profile() -> str:
    """The profile in force: "fast" unless HYPOTHESIS_PROFILE says "thorough"."""
    return "thorough" if os.environ.get(PROFILE_VAR, "fast") == "thorough" else "fast"


def examples(full: int) -> int:
    """A property test's example count: `full` when thorough, at most FAST otherwise."""
    return full if profile() == "thorough" else min(full, FAST)
