"""Near-duplicate signatures without datasketch's whole package (issue 18): its `__init__` imports
its LSH indexes and with them scipy, 0.6 CPU-seconds of every ingest. The signatures must stay
datasketch's own, and `import datasketch` must still work whole afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import json, sys
from index import dedup
texts = ["Port workers walked out on Tuesday over the new quota rules, the union said.",
         "The minister said talks would resume in Geneva next week.", ""]
ours = dedup.signatures(texts)
scipy_before = "scipy" in sys.modules
from datasketch import MinHash, MinHashLSH  # the whole package, as any other code may import it
theirs = [list(m.hashvalues) for m in
          MinHash.bulk([dedup._shingles(t) for t in texts], num_perm=dedup.NUM_PERM, seed=1)]
again = dedup.signatures(texts)
print(json.dumps({"scipy_before": scipy_before, "same": [list(map(int, r)) for r in ours] ==
                  [list(map(int, r)) for r in theirs], "again": bool((again == ours).all()),
                  "lsh": MinHashLSH.__name__}))
"""


def test_signatures_skip_scipy_and_equal_datasketch() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["scipy_before"] is False  # datasketch's LSH (and scipy) not imported
    assert result["same"] is True  # datasketch's own MinHash values
    assert result["again"] is True  # after the whole package is imported, too
    assert result["lsh"] == "MinHashLSH"  # the package still imports whole for anyone else
