"""Evaluate position (stance statement) extraction against the labelled set in `eval/positions/`.

    .venv/bin/python eval/positions_eval.py [--set dev|heldout|all] [--batch N] [--examples N] [--json]
    .venv/bin/python eval/positions_eval.py --check     # labels only: is every sentence in its text?
    .venv/bin/python eval/positions_eval.py --news SNAPSHOT [--set ...] [--check]
                                            # the real-news set (eval/positions_news/) instead

Data
- `eval/positions/docs/*.txt`: original short texts (wire copy, statements, press-conference
  transcripts, letters) about fictitious parties, each with a `title/source/date` header and `---`.
- `eval/positions/labels.jsonl`: one labelled statement a line: set, doc ('docs/NAME.txt', or
  'shared:corpus/articles/FILE' / 'shared:seed/FILE' for the shared corpus), sentence (exactly as
  in the text, without a speaker label), holder, holder_aliases, stance
  (demands|rejects|offers|warns|assures), voice (own|paraphrase), target. A sentence held by two
  parties ("The USA and NATO are calling for ...") has one line per holder.
- `eval/positions_news/`: positions labelled blind in real RealTime QA articles (2024/2025
  weeks), stored as offsets + sha1 only; `--news SNAPSHOT` reads the texts from the snapshot
  (eval/positions_news.py checks the hashes) and scores that set with the same metrics.
- `eval/positions/manifest.json`: every labelled document with its set, style and kind of parties
  (a document with no statements still counts for precision), and the batch it was written in
  (`"batch": N`; no field = batch 1). `--batch N` scores one batch alone, e.g. the newest texts
  nobody has tuned on.

Metrics (per set)
- recall: labelled statements matched by an extracted statement of the same document whose text
  matches (normalised: lowercase, quotes and a leading "NAME:" speaker label removed; one contains
  the other, or token-set Jaccard >= 0.6) and whose holder is right (the label's holder or an
  alias, case-insensitive, leading "the " dropped, or one contains the other as whole words).
- precision: extracted statements (in the documents in scope) that match a label with the right
  holder / all extracted statements.
- stance accuracy, voice accuracy: among labels matched with the right holder.
- errors: missed (no extraction with matching text), wrong_holder (text matched, holder wrong),
  wrong_stance (right holder, stance differs), spurious (extraction matching no labelled sentence).

The extractor is called through `extract(paths)` only, so another one can be swapped in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
# run as a script (python eval/...py), `assistant` and `index` must come from this checkout, not
# from wherever the package was installed in editable mode (another worktree measured otherwise)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "eval" / "positions"
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
STANCES = ("demands", "rejects", "offers", "warns", "assures")
VOICES = ("own", "paraphrase")
SETS = ("dev", "heldout")
JACCARD = 0.6
ERROR_KINDS = ("missed", "wrong_holder", "wrong_stance", "spurious")


# --- data -----------------------------------------------------------------------------------


def load_labels(root: str | Path = DATA) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(manifest, labels); checks that every label names a document in the manifest."""
    root = Path(root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    labels = []
    for n, line in enumerate((root / "labels.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = {"set", "doc", "sentence", "holder", "stance", "voice"} - row.keys()
        if missing:
            raise ValueError(f"labels.jsonl:{n}: missing {sorted(missing)}")
        if row["stance"] not in STANCES or row["voice"] not in VOICES:
            raise ValueError(f"labels.jsonl:{n}: bad stance/voice {row['stance']}/{row['voice']}")
        row.setdefault("holder_aliases", [])
        row.setdefault("target", "")
        labels.append(row)
    docs = {d["doc"]: d for d in manifest["docs"]}
    for row in labels:
        if row["doc"] not in docs:
            raise ValueError(f"label for a document not in the manifest: {row['doc']}")
        if docs[row["doc"]]["set"] != row["set"]:
            raise ValueError(f"label set differs from the manifest: {row['doc']}")
    return manifest, labels


def batch_of(entry: Mapping[str, Any]) -> int:
    """The batch a manifest entry or label was written in (the first batch has no field)."""
    return int(entry.get("batch", 1))


def unmatched_labels(
    manifest: Mapping[str, Any],
    labels: Sequence[Mapping[str, Any]],
    root: str | Path = DATA,
    paths: Mapping[str, str | Path] | None = None,
) -> list[str]:
    """Labels whose sentence is not in their document's text (normalised as for scoring), one
    line each: such a label could never be matched, so it would count as missed whatever the
    extractor does. Documents that are not on this machine (the shared corpus) are skipped."""
    texts: dict[str, str | None] = {}
    problems = []
    for lab in labels:
        doc = lab["doc"]
        if doc not in texts:
            path = Path(paths[doc]) if paths and doc in paths else doc_path(doc, root)
            texts[doc] = normalise(path.read_text(encoding="utf-8")) if path.is_file() else None
        text = texts[doc]
        if text is not None and normalise(lab["sentence"]) not in text:
            problems.append(f"{doc}: label sentence not in the text: {lab['sentence'][:80]}")
    return problems


def doc_path(doc: str, root: str | Path = DATA) -> Path:
    """The file behind a manifest name ('docs/X.txt' or 'shared:corpus/articles/X.txt')."""
    if doc.startswith("shared:"):
        return SHARED / doc.split(":", 1)[1]
    return Path(root) / doc


# --- matching -------------------------------------------------------------------------------

_QUOTES = re.compile(r"[\"“”„«»‹›]|(?<!\w)['‘’]|['‘’](?!\w)")
_SPEAKER = re.compile(
    r"^\s*(?:"
    r"(?:[A-Z][A-Z.,'’\-]*\s?){1,6}(?:\([^)]{0,80}\))?"  # MAYOR JANE DOE (TITLE):
    r"|(?:[A-Z][\w.'’\-]*\s?){1,3}"  # Ambassador Smith:  Q:
    r")\s*:\s+"
)
_TOKEN = re.compile(r"\w+")


def normalise(text: str) -> str:
    text = _SPEAKER.sub("", text or "", count=1)
    text = text.replace("’", "'").replace("‘", "'")
    text = _QUOTES.sub(" ", text)
    return " ".join(text.lower().split())


def _tokens(norm: str) -> set[str]:
    return set(_TOKEN.findall(norm))


def text_match(a: str, b: str) -> float:
    """Similarity of two normalised sentences: 1.0 for containment (the shorter has >= 3 words,
    or they are equal), else the token-set Jaccard if >= 0.6, else 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    ta, tb = _tokens(a), _tokens(b)
    if short in long_ and len(_tokens(short)) >= 3:
        return 1.0
    if not ta or not tb:
        return 0.0
    j = len(ta & tb) / len(ta | tb)
    return j if j >= JACCARD else 0.0


def _name(s: str) -> str:
    s = " ".join((s or "").lower().replace("’", "'").split())
    return s[4:] if s.startswith("the ") else s


def holder_match(extracted: str, holder: str, aliases: Iterable[str] = ()) -> bool:
    x = _name(extracted)
    if not x:
        return False
    for cand in (holder, *aliases):
        c = _name(cand)
        if not c:
            continue
        if x == c:
            return True
        short, long_ = (x, c) if len(x) <= len(c) else (c, x)
        if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long_):
            return True
        if _state_by_its_people(x, c) or _state_by_its_people(c, x):
            return True
    return False


# "the Venezuelan government", "the Australian government", "the Chinese government": the
# state ("Venezuela", "Australia", "China") by its people's adjective
_GOVERNMENT = re.compile(
    r"^(?P<people>[a-z][a-z ]*?(?:an|ese|ish|i|ian)) (?:government|administration)$"
)


def _state_by_its_people(state: str, phrase: str) -> bool:
    m = _GOVERNMENT.match(phrase)
    if not m or len(state) < 4:
        return False
    stem = state.rstrip("aeiouy")
    return len(stem) >= 4 and m["people"].startswith(stem) and " " not in m["people"][len(stem) :]


# --- scoring --------------------------------------------------------------------------------


def _example(label: dict[str, Any] | None, ext: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"doc": (label or ext or {}).get("doc", "")}
    if label:
        out.update(sentence=label["sentence"], holder=label["holder"], stance=label["stance"])
        out["voice"] = label["voice"]
    if ext:
        out["extracted"] = {k: ext.get(k, "") for k in ("sentence", "holder", "stance", "voice")}
    return out


def score(
    labels: Sequence[dict[str, Any]],
    extracted: Sequence[dict[str, Any]],
    docs: Iterable[str],
    examples: int = 5,
) -> dict[str, Any]:
    """Recall, precision, stance and voice accuracy and error counts over the documents `docs`
    (labels and extractions outside them are ignored)."""
    scope = set(docs)
    labels = [lab for lab in labels if lab["doc"] in scope]
    extracted = [e for e in extracted if e.get("doc") in scope]
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in extracted:
        by_doc[e["doc"]].append({**e, "_norm": normalise(e.get("sentence", ""))})
    errors: dict[str, list[dict[str, Any]]] = {k: [] for k in ERROR_KINDS}
    found = stance_ok = voice_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for lab in labels:
        norm = normalise(lab["sentence"])
        aliases = lab.get("holder_aliases", [])
        cands = [(text_match(norm, e["_norm"]), e) for e in by_doc.get(lab["doc"], [])]
        cands = [(sim, e) for sim, e in cands if sim > 0]
        right = [
            (sim, e)
            for sim, e in cands
            if holder_match(e.get("holder", ""), lab["holder"], aliases)
        ]
        if not cands:
            errors["missed"].append(_example(lab, None))
            continue
        if not right:
            best = max(cands, key=lambda t: t[0])[1]
            errors["wrong_holder"].append(_example(lab, best))
            continue
        found += 1
        best = max(right, key=lambda t: (t[0], t[1].get("stance") == lab["stance"]))[1]
        confusion[(lab["stance"], best.get("stance", ""))] += 1
        if best.get("stance") == lab["stance"]:
            stance_ok += 1
        else:
            errors["wrong_stance"].append(_example(lab, best))
        if best.get("voice") == lab["voice"]:
            voice_ok += 1
    labels_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lab in labels:
        labels_by_doc[lab["doc"]].append({**lab, "_norm": normalise(lab["sentence"])})
    correct = 0
    wrong_holder_ext = 0
    for e in (x for rows in by_doc.values() for x in rows):
        same_text = [
            lab
            for lab in labels_by_doc.get(e["doc"], [])
            if text_match(e["_norm"], lab["_norm"]) > 0
        ]
        if not same_text:
            errors["spurious"].append(_example(None, {k: v for k, v in e.items() if k != "_norm"}))
        elif any(
            holder_match(e.get("holder", ""), lab["holder"], lab.get("holder_aliases", []))
            for lab in same_text
        ):
            correct += 1
        else:
            wrong_holder_ext += 1
    n_lab, n_ext = len(labels), len(extracted)
    return {
        "docs": len(scope),
        "labelled": n_lab,
        "extracted": n_ext,
        "matched": found,
        "recall": found / n_lab if n_lab else 0.0,
        "precision": correct / n_ext if n_ext else 0.0,
        "stance_accuracy": stance_ok / found if found else 0.0,
        "voice_accuracy": voice_ok / found if found else 0.0,
        "errors": {k: len(v) for k, v in errors.items()},
        "extracted_wrong_holder": wrong_holder_ext,
        "stance_confusion": {f"{a}->{b}": n for (a, b), n in sorted(confusion.items()) if a != b},
        "examples": {k: v[:examples] for k, v in errors.items()},
    }


# --- the extractor --------------------------------------------------------------------------


def extract(paths: Mapping[str, str | Path]) -> list[dict[str, Any]]:
    """Run the project's extractor: `paths` maps a manifest name to its file; returns
    {"doc", "sentence", "holder", "stance", "voice"} for every position found.

    Each file is ingested on its own into one fresh temporary store, so that doc ids map back to
    manifest names; positions are read once at the end through the public API.
    """
    from assistant.api import open_assistant

    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="positions-eval-") as tmp:
        a = open_assistant(Path(tmp) / "store")
        try:
            ids: dict[str, str] = {}
            for doc, path in paths.items():
                report = a.ingest([Path(path)])
                if report.failed:
                    print(f"ingest failed: {doc}: {report.failed}", file=sys.stderr)
                for doc_id in report.doc_ids:
                    ids[doc_id] = doc
                if not report.doc_ids:
                    print(f"warning: no document id for {doc}", file=sys.stderr)
            a.services.positions.limit = 100_000  # every statement of every labelled text
            positions = a.positions()
            if len(positions) >= a.services.positions.limit:
                print(
                    f"warning: {len(positions)} positions; the store's limit may cut some",
                    file=sys.stderr,
                )
            for p in positions:
                name = ids.get(p.citation.doc_id)
                if name is None:
                    continue
                out.append(
                    {
                        "doc": name,
                        "sentence": p.text,
                        "holder": p.party,
                        "stance": p.stance,
                        "voice": p.voice,
                    }
                )
        finally:
            a.close()
    return out


# --- report ---------------------------------------------------------------------------------


def evaluate(
    which: str = "all",
    examples: int = 5,
    root: str | Path = DATA,
    batch: int | None = None,
    loaded: tuple[dict[str, Any], list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Scores per set, style, kind of parties and batch; `batch` keeps one batch's documents.
    `loaded`: a (manifest, labels) pair already read (the news set), whose manifest entries
    carry the "path" of their text."""
    manifest, labels = loaded if loaded is not None else load_labels(root)
    given = {d["doc"]: d["path"] for d in manifest["docs"] if "path" in d}
    for problem in unmatched_labels(manifest, labels, root, given):
        print(f"warning: {problem}", file=sys.stderr)
    sets = SETS if which == "all" else (which,)
    docs = [
        d for d in manifest["docs"] if d["set"] in sets and (batch is None or batch_of(d) == batch)
    ]
    paths = {
        d["doc"]: Path(given[d["doc"]]) if d["doc"] in given else doc_path(d["doc"], root)
        for d in docs
    }
    extracted = extract(paths)
    result: dict[str, Any] = {"sets": {}, "by_style": {}, "by_parties": {}, "by_batch": {}}
    for s in sets:
        scope = [d["doc"] for d in docs if d["set"] == s]
        result["sets"][s] = score(labels, extracted, scope, examples)
    if which == "all":
        result["sets"]["all"] = score(labels, extracted, [d["doc"] for d in docs], examples)
    for key, field in (("by_style", "style"), ("by_parties", "parties")):
        for value in sorted({d[field] for d in docs}):
            scope = [d["doc"] for d in docs if d[field] == value]
            r = score(labels, extracted, scope, 0)
            r.pop("examples")
            result[key][value] = r
    for value in sorted({batch_of(d) for d in docs}):
        r = score(labels, extracted, [d["doc"] for d in docs if batch_of(d) == value], 0)
        r.pop("examples")
        result["by_batch"][f"batch {value}"] = r
    return result


def _news(snapshot: str | Path, out_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The real-news set, its articles written from the snapshot into `out_dir`."""
    from eval.positions_news import materialise

    return materialise(Path(snapshot), out_dir)


def evaluate_news(
    snapshot: str | Path, which: str = "all", examples: int = 5, batch: int | None = None
) -> dict[str, Any]:
    """`evaluate` on eval/positions_news/, the texts read from a RealTime QA snapshot."""
    with tempfile.TemporaryDirectory(prefix="positions-news-") as tmp:
        return evaluate(which, examples, batch=batch, loaded=_news(snapshot, Path(tmp)))


def check_news(snapshot: str | Path) -> int:
    """--news --check: every article and labelled span has its recorded sha1 (no extraction)."""
    with tempfile.TemporaryDirectory(prefix="positions-news-") as tmp:
        try:
            manifest, labels = _news(snapshot, Path(tmp))
        except (OSError, ValueError) as e:
            print(f"error: {e}")
            return 1
        paths = {d["doc"]: d["path"] for d in manifest["docs"]}
        problems = unmatched_labels(manifest, labels, paths=paths)
    for problem in problems:
        print(problem)
    print(f"{len(labels)} labels, {len(manifest['docs'])} documents, {len(problems)} problems")
    return 1 if problems else 0


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def format_table(result: dict[str, Any], examples: int = 5) -> str:
    head = f"{'set':<18}{'docs':>5}{'labelled':>9}{'extracted':>10}{'recall':>8}{'prec':>7}{'stance':>8}{'voice':>7}"
    lines = ["Position extraction", head, "-" * len(head)]

    def row(name: str, r: dict[str, Any]) -> str:
        def cell(x: float, n: int, width: int) -> str:  # "-" when there is nothing to divide by
            return f"{_pct(x) if n else '-':>{width}}"

        return (
            f"{name:<18}{r['docs']:>5}{r['labelled']:>9}{r['extracted']:>10}"
            f"{cell(r['recall'], r['labelled'], 8)}{cell(r['precision'], r['extracted'], 7)}"
            f"{cell(r['stance_accuracy'], r['matched'], 8)}{cell(r['voice_accuracy'], r['matched'], 7)}"
        )

    for name, r in result["sets"].items():
        lines.append(row(name, r))
    for key, title in (
        ("by_style", "by style"),
        ("by_parties", "by parties"),
        ("by_batch", "by batch"),
    ):
        if result.get(key):
            lines += ["", title, head, "-" * len(head)]
            lines += [row(name, r) for name, r in result[key].items()]
    lines += ["", f"{'errors':<18}" + "".join(f"{k:>14}" for k in ERROR_KINDS)]
    for name, r in result["sets"].items():
        lines.append(f"{name:<18}" + "".join(f"{r['errors'][k]:>14}" for k in ERROR_KINDS))
    for name, r in result["sets"].items():
        if r.get("stance_confusion"):
            conf = ", ".join(f"{k} {v}" for k, v in r["stance_confusion"].items())
            lines.append(f"stance confusion ({name}): {conf}")
    if examples:
        shown = result["sets"].get("all") or next(iter(result["sets"].values()))
        for kind in ERROR_KINDS:
            ex = shown["examples"].get(kind, [])[:examples]
            if not ex:
                continue
            lines += ["", f"{kind} (examples):"]
            for e in ex:
                label = (
                    f"[{e.get('holder', '')} {e.get('stance', '')} {e.get('voice', '')}] "
                    if "holder" in e
                    else ""
                )
                sent = e.get("sentence") or e.get("extracted", {}).get("sentence", "")
                lines.append(f"  {e['doc']}: {label}{sent[:140]}")
                if "extracted" in e:
                    x = e["extracted"]
                    lines.append(
                        f"      got [{x['holder']} {x['stance']} {x['voice']}] {x['sentence'][:100]}"
                    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument(
        "--batch", type=int, help="score only the documents of this batch (1, 2, 3 ...)"
    )
    ap.add_argument("--examples", type=int, default=5, help="examples shown per error kind")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument(
        "--check",
        action="store_true",
        help="only check the labels against the texts, no extraction",
    )
    ap.add_argument(
        "--news",
        metavar="SNAPSHOT",
        help="score the real-news set (eval/positions_news/), texts read from this RealTime QA"
        " snapshot folder, instead of eval/positions",
    )
    args = ap.parse_args(argv)
    if args.news and args.check:
        return check_news(args.news)
    if args.news:
        result = evaluate_news(args.news, args.set, args.examples, batch=args.batch)
    elif args.check:
        manifest, labels = load_labels()
        problems = unmatched_labels(manifest, labels)
        for problem in problems:
            print(problem)
        print(f"{len(labels)} labels, {len(manifest['docs'])} documents, {len(problems)} problems")
        return 1 if problems else 0
    else:
        result = evaluate(args.set, args.examples, batch=args.batch)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(format_table(result, args.examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
