"""What a parsing process imports with spaCy (issue 18): not torch (thinc would load it for
models that wrap it) and not spaCy's command line (typer, click, requests, weasel), which
`import spacy` loads for `spacy.info` alone. Both stay importable afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import json, sys
from index.language import DEFAULT_MODEL, load_pipeline
nlp = load_pipeline(DEFAULT_MODEL)
doc = nlp("Interior Minister Pavel Dresk said the rebels must disarm.")
loaded = sorted(m for m in ("torch", "typer", "click", "requests", "weasel", "spacy.cli")
                if m in sys.modules)
import spacy
import spacy.cli  # the real command line, on demand
print(json.dumps({"loaded": loaded, "people": [e.text for e in doc.ents if e.label_ == "PERSON"],
                  "cli": hasattr(spacy.cli, "download"), "version": spacy.info()["spacy_version"],
                  "real": spacy.__version__}))
"""


def test_spacy_loads_without_torch_or_its_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["loaded"] == []
    assert result["people"] == ["Pavel Dresk"]  # the pipeline parses as before
    assert result["cli"] is True  # importable afterwards
    assert result["version"] == result["real"]  # spacy.info still answers
