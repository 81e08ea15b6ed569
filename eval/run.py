"""Evaluate retrieval and answers against the hand-written gold set (`eval/gold.jsonl`).

    .venv/bin/python eval/run.py [--store DIR] [--subset N] [--json]

Without `--store` the shared corpus and the seed article are ingested into a temporary store
(with `--store DIR` that store is used, and the same files are ingested into it if missing).

Gold format, one JSON object a line:
    id, question, history (optional list of {"role", "content"}), answerable, relevant (file names),
    facts (list of facts, each a list of acceptable lowercase substrings), kind
    (factoid | party_demand | follow_up | multi_part | unanswerable), absent (optional: words that
    occur in no source; only used to check the gold set itself).

Metrics
- Retrieval (questions with relevant files; follow-ups are condensed with the history first, as
  the answerer does): recall@k = share of questions with a passage from a relevant file in the
  top k; MRR over the top 10; doc_recall@10 = share of the relevant files found in the top 10.
- Answers (default engine): fact recall = mean share of facts covered by the answer text
  (answerable questions); citation precision = share of all citations (pooled over all questions)
  whose document is relevant or whose quote covers a fact; citation recall = share of answerable
  questions with >= 1 citation from a relevant file; support = mean citation support; abstention
  precision/recall = abstained answers that were unanswerable / unanswerable questions abstained;
  partial flag = multi-part questions whose answer names an uncovered part; latency of `ask`
  (one warm-up call is made first and not counted).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]  # the checkout: gold set and shared corpus beside it
if str(ROOT) not in sys.path:  # run as a script (python eval/run.py): `eval.*` from the checkout
    sys.path.insert(0, str(ROOT))

GOLD = ROOT / "eval" / "gold.jsonl"
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
SEED = SHARED / "seed"
MODES = ("dense", "lexical", "hybrid")
MEMO_TOPICS = (  # the memos whose readability `make eval` reports, fixed so runs compare
    "Russia's security demands and the Western response",
    "The Geneva talks between the United States and Russia",
    "NATO's offer of dialogue and arms control",
)
KINDS = ("factoid", "party_demand", "follow_up", "multi_part", "unanswerable")


# --- gold -----------------------------------------------------------------------------------


def load_gold(path: str | Path = GOLD) -> list[dict[str, Any]]:
    """The gold questions, checked for the fields `evaluate` needs."""
    items: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            for key in ("id", "question", "answerable", "relevant", "facts", "kind"):
                if key not in d:
                    raise ValueError(f"{path}:{lineno}: missing {key!r}")
            d.setdefault("history", [])
            d["facts"] = [[a.lower() for a in fact] for fact in d["facts"]]
            items.append(d)
    return items


def subset(gold: Sequence[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """N questions taken round-robin across kinds (deterministic), so every kind is represented."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_kind.setdefault(g["kind"], []).append(g)
    out: list[dict[str, Any]] = []
    i = 0
    while len(out) < min(n, len(gold)):
        for items in by_kind.values():
            if i < len(items) and len(out) < n:
                out.append(items[i])
        i += 1
    return out


def source_files(corpus: Path = CORPUS, seed: Path = SEED) -> list[Path]:
    return sorted(corpus.glob("*.txt")) + sorted(seed.glob("*.txt"))


# --- scoring helpers ------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def covered(fact: Iterable[str], text: str) -> bool:
    t = _norm(text)
    return any(_norm(alt) in t for alt in fact)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(q / 100 * len(s) + 0.5)) - 1))
    return s[k]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _file_map(assistant: Any) -> dict[str, str]:
    """doc_id -> file name (near-duplicates map to their own file name too)."""
    return {d.doc_id: Path(d.path).name for d in assistant.documents() if d.path}


# --- evaluation -----------------------------------------------------------------------------


def evaluate(
    assistant: Any,
    gold: Sequence[dict[str, Any]],
    modes: Sequence[str] = MODES,
    ask: bool = True,
) -> dict[str, Any]:
    """Retrieval metrics per mode, answer metrics (default engine) and per-question rows."""
    from assistant.condense import condense

    files = _file_map(assistant)
    retrieval: dict[str, dict[str, Any]] = {}
    rows: dict[str, dict[str, Any]] = {
        g["id"]: {"id": g["id"], "kind": g["kind"], "question": g["question"]} for g in gold
    }

    with_rel = [g for g in gold if g["relevant"]]
    for mode in modes:
        r5, r10, rr, dr = [], [], [], []
        for g in with_rel:
            query = condense(g["question"], g["history"])
            passages = assistant.search(query, k=10, mode=mode)
            ranked = [files.get(p.doc_id, p.doc_id) for p in passages]
            rel = set(g["relevant"])
            first = next((i for i, f in enumerate(ranked, 1) if f in rel), None)
            r5.append(1.0 if first is not None and first <= 5 else 0.0)
            r10.append(1.0 if first is not None else 0.0)
            rr.append(1.0 / first if first else 0.0)
            dr.append(len(rel & set(ranked)) / len(rel))
            rows[g["id"]][f"rank_{mode}"] = first
        retrieval[mode] = {
            "recall@5": _mean(r5),
            "recall@10": _mean(r10),
            "mrr": _mean(rr),
            "doc_recall@10": _mean(dr),
            "n": len(with_rel),
        }

    result: dict[str, Any] = {"n_questions": len(gold), "retrieval": retrieval}
    if not ask:
        result["questions"] = list(rows.values())
        return result

    warm = time.perf_counter()
    assistant.ask("What did Russia propose in December 2021?")
    first_ask = time.perf_counter() - warm

    latencies: list[float] = []
    fact_scores: list[float] = []
    cite_ok = cite_total = 0
    cite_recall: list[float] = []
    supports: list[float] = []
    abstained_unans = abstained_total = unans_total = answerable_abstained = 0
    partial_flags: list[float] = []
    for g in gold:
        t0 = time.perf_counter()
        ans = assistant.ask(g["question"], history=g["history"] or None)
        latencies.append(time.perf_counter() - t0)
        rel = set(g["relevant"])
        cited = [files.get(c.doc_id, c.doc_id) for c in ans.citations]
        facts_hit = [covered(f, ans.text) for f in g["facts"]]
        good_cites = 0
        for c, f in zip(ans.citations, cited, strict=True):
            ok = f in rel or any(covered(fact, c.quote) for fact in g["facts"])
            good_cites += ok
            supports.append(float(c.support))
        cite_ok += good_cites
        cite_total += len(ans.citations)
        if ans.abstained:
            abstained_total += 1
        row = rows[g["id"]]
        row.update(
            answer=ans.text,
            standalone=ans.standalone_question,
            abstained=ans.abstained,
            uncovered=list(ans.uncovered),
            cited=cited,
            good_citations=good_cites,
            facts_hit=facts_hit,
            latency_s=round(latencies[-1], 3),
        )
        if g["answerable"]:
            fact_scores.append(sum(facts_hit) / len(facts_hit) if facts_hit else 1.0)
            row["fact_recall"] = fact_scores[-1]
            cite_recall.append(1.0 if rel & set(cited) else 0.0)
            answerable_abstained += ans.abstained
        else:
            unans_total += 1
            abstained_unans += ans.abstained
        if g["kind"] == "multi_part":
            flagged = bool(ans.uncovered) or "do not say" in _norm(ans.text)
            partial_flags.append(1.0 if flagged else 0.0)

    n_answerable = len(fact_scores)
    result["answer"] = {
        "fact_recall": _mean(fact_scores),
        "citation_precision": cite_ok / cite_total if cite_total else None,
        "citation_recall": _mean(cite_recall),
        "support": _mean(supports),
        "abstention_precision": abstained_unans / abstained_total if abstained_total else None,
        "abstention_recall": abstained_unans / unans_total if unans_total else None,
        "false_abstention_rate": answerable_abstained / n_answerable if n_answerable else None,
        "partial_flag_rate": _mean(partial_flags),
        "citations": cite_total,
        "latency_p50_s": percentile(latencies, 50),
        "latency_p95_s": percentile(latencies, 95),
        "first_ask_s": first_ask,
    }
    by_kind: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        ks = [rows[g["id"]] for g in gold if g["kind"] == kind]
        if not ks:
            continue
        by_kind[kind] = {
            "n": len(ks),
            "fact_recall": _mean([r["fact_recall"] for r in ks if "fact_recall" in r]),
            "abstained": sum(r["abstained"] for r in ks) / len(ks),
            "hybrid_recall@5": _mean(
                [1.0 if (r["rank_hybrid"] or 99) <= 5 else 0.0 for r in ks if "rank_hybrid" in r]
            ),
        }
    result["by_kind"] = by_kind
    result["questions"] = list(rows.values())
    return result


def readability(
    assistant: Any, result: dict[str, Any], topics: Sequence[str] = MEMO_TOPICS
) -> dict[str, Any]:
    """Readability defects (`eval.readability`) over every answer `evaluate` made and over a
    memo for each topic; embedding similarity from the assistant's own embedder.
    """
    from eval.readability import summarise

    embed = assistant.services.embedder.embed_documents
    answers = [r["answer"] for r in result.get("questions", []) if "answer" in r]
    memos = [assistant.memo(t).markdown for t in topics]
    out = {"answers": summarise(answers, embed), "memos": summarise(memos, embed)}
    ids = [r["id"] for r in result.get("questions", []) if "answer" in r]
    for f in out["answers"]["flagged"]:
        f["id"] = ids[f["index"]]
    for f in out["memos"]["flagged"]:
        f["id"] = topics[f["index"]]
    return out


# --- report ---------------------------------------------------------------------------------


def _fmt(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def markdown(result: dict[str, Any], failures: bool = True) -> str:
    n = next(iter(result["retrieval"].values()))["n"]
    out = [f"## Retrieval (doc-level, {n} questions)", ""]
    out += ["| mode | recall@5 | recall@10 | MRR | doc recall@10 |", "|---|---|---|---|---|"]
    for mode, m in result["retrieval"].items():
        out.append(
            f"| {mode} | {_fmt(m['recall@5'])} | {_fmt(m['recall@10'])} | {_fmt(m['mrr'])} "
            f"| {_fmt(m['doc_recall@10'])} |"
        )
    if "answer" in result:
        a = result["answer"]
        out += ["", f"## Answers (default engine, {result['n_questions']} questions)", ""]
        out += ["| metric | value |", "|---|---|"]
        labels = [
            ("fact_recall", "fact recall (answerable)"),
            ("citation_precision", "citation precision"),
            ("citation_recall", "citation recall"),
            ("support", "mean citation support"),
            ("abstention_precision", "abstention precision"),
            ("abstention_recall", "abstention recall"),
            ("false_abstention_rate", "false abstention rate (answerable)"),
            ("partial_flag_rate", "multi-part: uncovered part flagged"),
            ("citations", "citations (total)"),
            ("latency_p50_s", "ask latency p50 (s)"),
            ("latency_p95_s", "ask latency p95 (s)"),
            ("first_ask_s", "first ask, warm-up (s)"),
        ]
        out += [f"| {label} | {_fmt(a[key])} |" for key, label in labels]
        out += ["", "## By kind", "", "| kind | n | fact recall | abstained | hybrid recall@5 |"]
        out += ["|---|---|---|---|---|"]
        for kind, m in result["by_kind"].items():
            out.append(
                f"| {kind} | {m['n']} | {_fmt(m['fact_recall'])} | {_fmt(m['abstained'])} "
                f"| {_fmt(m['hybrid_recall@5'])} |"
            )
        if failures:
            bad = [
                r
                for r in result["questions"]
                if (r["kind"] == "unanswerable" and not r["abstained"])
                or (r.get("fact_recall", 1.0) < 1.0)
            ]
            if bad:
                out += ["", f"## Misses ({len(bad)})", ""]
                for r in bad:
                    answer = r["answer"].replace("\n", " ")
                    answer = answer[:220] + ("…" if len(answer) > 220 else "")
                    out.append(
                        f"- `{r['id']}` ({r['kind']}) {r['question']} — facts {r['facts_hit']}, "
                        f"cited {sorted(set(r['cited']))}: {answer}"
                    )
    if "readability" in result:
        from eval.readability import table

        r = result["readability"]
        out += ["", "## Readability (defect counts; 0 is the aim)", ""]
        out.append(table({"gold answers": r["answers"], "memos": r["memos"]}))
        flagged = r["answers"]["flagged"] + r["memos"]["flagged"]
        if failures and flagged:
            out += [""] + [
                f"- `{f['id']}`: "
                + ", ".join(f"{k} {v}" for k, v in f.items() if k not in ("id", "index"))
                for f in flagged
            ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--store", help="use (and fill if needed) this store instead of a temp one")
    ap.add_argument("--subset", type=int, help="evaluate only N questions (spread over kinds)")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--no-ask", action="store_true", help="retrieval metrics only")
    args = ap.parse_args(argv)

    from assistant.api import open_assistant

    gold = load_gold(args.gold)
    if args.subset:
        gold = subset(gold, args.subset)
    paths = source_files()
    if not paths:
        ap.error(f"no source files under {CORPUS} / {SEED} (set BRIEFING_SHARED)")

    tmp = None
    store = args.store
    if store is None:
        tmp = tempfile.TemporaryDirectory(prefix="briefing-eval-")
        store = tmp.name
    try:
        with open_assistant(store) as assistant:
            t0 = time.perf_counter()
            report = assistant.ingest(paths)
            ingest_s = time.perf_counter() - t0
            if report.failed:
                failed = [(f.path, f.reason) for f in report.failed]
                print(f"ingest failures: {failed}", file=sys.stderr)
            result = evaluate(assistant, gold, ask=not args.no_ask)
            if not args.no_ask:
                result["readability"] = readability(assistant, result)
            result["ingest_s"] = ingest_s
            result["store"] = str(store)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(result))
        print(f"\n(ingest {ingest_s:.1f}s, {len(paths)} files, store {'temp' if tmp else store})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
