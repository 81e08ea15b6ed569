"""A dev benchmark on real news: RealTime QA weekly questions, ours against the LangChain peer.

    .venv/bin/python eval/newsqa.py SNAPSHOT_DIR [--split train|dev|all] [--weeks N] [--k 10]
                                    [--no-peer] [--json] [--write-split]
                                    [--cache DIR]

SNAPSHOT_DIR holds the RealTime QA files (github.com/realtimeqa/realtimeqa_public) in the
repository's own layout, `past/2024/YYYYMMDD_qa.jsonl` and `past/2024/YYYYMMDD_gcs.jsonl` (and
`past/2025/...`); any folder depth works, e.g. extract them with

    git --git-dir=REPO.git archive HEAD past/2024 past/2025 | tar x -C /work/data/realtimeqa

Only the weeks of 2024 and 2025 are used. The weeks of 2022, 2023 and 2026 are reserved for
acceptance and are never read: a folder named 2022, 2023 or 2026 is not descended into, and a
file is only opened when its name is `YYYYMMDD_qa.jsonl` / `YYYYMMDD_gcs.jsonl` with YYYY in
2024/2025 and no folder on its path names another year. Skipped paths are counted, not read.
(`*_qa_nota.jsonl`, the "none of the above" variant, is not used.)

Files
- `*_qa.jsonl`: question_id, question_sentence, choices (4 strings), answer (["<index>"]).
- `*_gcs.jsonl`: question_id, search_result (up to 10 articles: url, title, text, publish_date).

Pooling: one store per week. The week's articles (the union of every question's search results,
unique by URL, empty texts dropped) are ingested into a fresh store through the normal pipeline
(`open_assistant(tmp).ingest([articles.jsonl])`, one JSON record per article with title, source
= the URL's host, date, url, text) and into a fresh peer index; then that week's questions are
asked of both. So each question competes with ~150 articles retrieved for ~22 other questions.

Split: by week, chronological. The weeks listed in `eval/newsqa_split.json` (ids only) keep
their split; other weeks are split among themselves the same way: the earlier two thirds train,
the last third dev. `--write-split` rewrites the file from the weeks found. `--weeks N` takes N
weeks spread evenly over the chosen split (deterministic).

Metrics (gold = the correct choice string; matching is case-insensitive on whole words, with
quotes and whitespace normalised)
- answerable: the gold choice occurs in some article of the week's pool (else "unanswerable").
- recall@k: the gold choice occurs in one of the top-k passages (ours: `a.search(q, k)`, the
  hybrid retriever; peer: Chroma `similarity_search(q, k)` over RecursiveCharacterTextSplitter
  (1000, 200) chunks embedded by HuggingFaceEmbeddings with the same MiniLM files).
- hit: the answer contains the gold choice and no other choice. Ours: `a.ask(q).text` (an
  abstention is never a hit). The peer has no answerer: its "answer" is its first retrieved chunk.
- abstention: ours only; on unanswerable questions (how often we abstain, the right call) and on
  answerable ones (a wrong abstention).
- funnel (`--funnel`): the share of answerable questions whose gold choice is still there at
  each stage of the extractive answer: the passages `ask` reads, their sentences, the candidate
  sentences, those close enough to be quoted, those the selector keeps (`funnel`).
- latency per question, ms p50/p95: our search, our ask, the peer's similarity_search. One
  warm-up query per week is not counted. Ingest time per week is reported too.
Questions with "not" ("Which of these is NOT ...") are counted: a hit on those needs the answer
to name the odd one out, which extractive passages rarely do.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
# run as a script (python eval/...py), `assistant` and `index` must come from this checkout, not
# from wherever the package was installed in editable mode (another worktree measured otherwise)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.readability import KEYS as DEFECT_KEYS  # noqa: E402  # after the path is set
from eval.readability import defects  # noqa: E402

SPLIT_FILE = ROOT / "eval" / "newsqa_split.json"
ALLOWED_YEARS = frozenset({"2024", "2025"})
RESERVED_YEARS = frozenset({"2022", "2023", "2026"})
_FILE_RE = re.compile(r"^(?P<week>(?P<year>\d{4})\d{4})_(?P<kind>qa|gcs)\.jsonl$")
_YEAR_DIR_RE = re.compile(r"^(19|20)\d{2}$")


# --- discovery (paths only: nothing is opened before it passes the year filter) -----------


@dataclass
class Snapshot:
    weeks: dict[str, dict[str, Path]] = field(default_factory=dict)  # week -> {"qa", "gcs"}
    skipped: list[str] = field(default_factory=list)  # reserved / other-year paths, not read


def _path_allowed(rel_parts: Sequence[str], year: str) -> bool:
    if year not in ALLOWED_YEARS:
        return False
    for part in rel_parts[:-1]:
        if _YEAR_DIR_RE.match(part) and part != year:
            return False
    return True


def discover(root: str | Path) -> Snapshot:
    """The 2024/2025 weeks under `root` that have both a `_qa` and a `_gcs` file."""
    root = Path(root)
    snap = Snapshot()
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    for dirpath, dirnames, filenames in os.walk(root):
        keep = []
        for d in sorted(dirnames):
            if d in RESERVED_YEARS or (_YEAR_DIR_RE.match(d) and d not in ALLOWED_YEARS):
                snap.skipped.append(str(Path(dirpath, d).relative_to(root)) + "/")
            else:
                keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            m = _FILE_RE.match(name)
            if not m:
                continue
            rel = Path(dirpath, name).relative_to(root)
            if not _path_allowed(rel.parts, m["year"]):
                snap.skipped.append(str(rel))
                continue
            snap.weeks.setdefault(m["week"], {})[m["kind"]] = Path(dirpath, name)
    snap.weeks = {w: f for w, f in sorted(snap.weeks.items()) if {"qa", "gcs"} <= f.keys()}
    return snap


# --- split ----------------------------------------------------------------------------------


def chronological_split(weeks: Iterable[str]) -> dict[str, list[str]]:
    ws = sorted(weeks)
    n_dev = round(len(ws) / 3)
    if len(ws) >= 2:
        n_dev = max(1, n_dev)
    cut = len(ws) - n_dev
    return {"train": ws[:cut], "dev": ws[cut:]}


def load_split(path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    if not path.exists():
        return {"train": [], "dev": []}
    d = json.loads(path.read_text(encoding="utf-8"))
    return {"train": list(d.get("train", [])), "dev": list(d.get("dev", []))}


def assign_split(weeks: Iterable[str], fixed: dict[str, list[str]]) -> dict[str, list[str]]:
    """Listed weeks keep their split; the others are split chronologically among themselves."""
    weeks = sorted(weeks)
    known = {w: s for s in ("train", "dev") for w in fixed.get(s, [])}
    rest = chronological_split([w for w in weeks if w not in known])
    out: dict[str, list[str]] = {"train": [], "dev": []}
    for w in weeks:
        s = known.get(w) or ("train" if w in rest["train"] else "dev")
        out[s].append(w)
    return out


def spread(items: Sequence[str], n: int | None) -> list[str]:
    """N items evenly spaced over `items` (all of them when n is None or too large)."""
    if n is None or n >= len(items):
        return list(items)
    if n <= 0:
        return []
    step = len(items) / n
    return [items[min(len(items) - 1, int(i * step + step / 2))] for i in range(n)]


# --- data -----------------------------------------------------------------------------------


@dataclass
class Question:
    id: str
    text: str
    choices: list[str]
    gold: int


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_TAG = re.compile(r"<[^>]*>")


def clean_question(text: str) -> str:
    """The question as a reader would type it: some weeks' questions keep the source site's
    link markup ('which world leader with a bag of <a href="...">cocaine</a>'), whose URL
    words were searched for and matched as question terms.
    """
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", text))).strip()


def load_week(files: dict[str, Path]) -> tuple[list[Question], list[dict[str, str]]]:
    questions = []
    for d in _read_jsonl(files["qa"]):
        choices = [str(c) for c in d["choices"]]
        gold = int(d["answer"][0])
        text = clean_question(d["question_sentence"])
        questions.append(Question(str(d["question_id"]), text, choices, gold))
    articles: dict[str, dict[str, str]] = {}
    for d in _read_jsonl(files["gcs"]):
        for r in d.get("search_result") or []:
            text = (r.get("text") or "").strip()
            url = r.get("url") or ""
            if len(text.split()) < 20 or url in articles:
                continue
            articles[url] = {
                "title": (r.get("title") or "").strip(),
                "source": urlparse(url).netloc.removeprefix("www."),
                "date": str(r.get("publish_date") or "")[:10],
                "url": url,
                "text": text,
            }
    return questions, list(articles.values())


# --- scoring helpers ------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def occurs(choice: str, text: str) -> bool:
    """The choice as whole words in the text (case-insensitive)."""
    c = _norm(choice).strip()
    if not c:
        return False
    return re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", _norm(text)) is not None


def is_hit(q: Question, text: str) -> bool:
    if not occurs(q.choices[q.gold], text):
        return False
    return not any(occurs(c, text) for i, c in enumerate(q.choices) if i != q.gold)


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


def _rate(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


FUNNEL = (
    ("passages", "passages the answer reads"),
    ("sentences", "their sentences"),
    ("candidates", "candidate sentences (statements that stand alone)"),
    ("quotable", "quotable (similarity floors)"),
    ("chosen", "chosen by the selector"),
)


def funnel(assistant: Any, q: Question) -> dict[str, bool]:
    """Whether the gold choice is still there at each stage of the extractive answer path: the
    passages `ask` reads (bare chunks, a leaning first sentence read with the one before), their
    sentences, the candidates (statements that stand alone), those close enough to be quoted,
    and those the selector keeps. Tells a ranking loss from a retrieval or filtering one.
    """
    import numpy as np

    from assistant.citations import passage_sentences
    from assistant.extractive import (
        leans_at_start,
        quotable_sentences,
        quote,
        score_sentences,
        select,
    )
    from assistant.selector import shipped

    svc = assistant.services
    answerer = svc.answerer
    cfg = answerer.config.extractive
    gold = q.choices[q.gold]
    found = svc.retriever.search(q.text, k=answerer.config.passages, window=0)
    found = [svc.retriever.lead_in(p) if leans_at_start(p) else p for p in found]
    sentences = [[t for t, _ in passage_sentences(p)] for p in found]
    vectors = [
        svc.embedder.embed_documents(ts) if ts else np.zeros((0, 1), dtype=np.float32)
        for ts in sentences
    ]
    qvec = svc.embedder.embed_query(q.text)
    reranker = answerer.reranker
    selector = shipped(reranked=reranker is not None)
    scored = score_sentences(q.text, qvec, found, vectors, cfg, selector, reranker)
    quotable = quotable_sentences(q.text, scored, cfg)
    by_key = {(s.passage, s.order): vectors[s.passage - 1][s.order] for s in scored}
    chosen = select(quotable, by_key, cfg, selector.keep_ratio)
    return {
        "passages": any(occurs(gold, p.text) for p in found),
        "sentences": any(occurs(gold, t) for ts in sentences for t in ts),
        "candidates": any(occurs(gold, quote(s)) for s in scored),
        "quotable": any(occurs(gold, quote(s)) for s in quotable),
        "chosen": any(occurs(gold, quote(s)) for s in chosen),
    }


# --- the two systems ------------------------------------------------------------------------


class Ours:
    """The project's pipeline: one fresh store per week, the embedder shared across weeks."""

    def __init__(self, embedder: Any = None) -> None:
        self.embedder = embedder

    def build(self, articles_file: Path, store: Path) -> Any:
        from assistant.api import open_assistant

        a = open_assistant(store, embedder=self.embedder)
        if self.embedder is None:
            self.embedder = a.services.embedder
        report = a.ingest([articles_file])
        if report.failed:
            print(
                f"ingest failures: {[(f.path, f.reason) for f in report.failed]}", file=sys.stderr
            )
        return a


class Peer:
    """The LangChain tutorial pipeline (bench/peer.py): splitter(1000, 200), MiniLM, Chroma."""

    def __init__(self, emb: Any = None) -> None:
        self.emb = emb

    def build(self, articles: list[dict[str, str]], store: Path, name: str) -> Any:
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        if self.emb is None:
            from bench.peer import embeddings

            self.emb = embeddings()
        docs = [
            Document(page_content=r["text"], metadata={"source": r["url"], "title": r["title"]})
            for r in articles
        ]
        splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
            docs
        )
        import chromadb
        from chromadb.config import Settings

        # our own client, so that the run can close it before its temp dir goes: an open
        # PersistentClient over a deleted directory can crash Chroma's native layer later on
        client = chromadb.PersistentClient(
            path=str(store), settings=Settings(anonymized_telemetry=False)
        )
        try:
            return Chroma.from_documents(
                splits, self.emb, client=client, collection_name=f"peer-{name}"
            ), client
        except BaseException:
            client.close()
            raise


# --- the run --------------------------------------------------------------------------------


def run_week(
    week: str,
    files: dict[str, Path],
    ours: Ours,
    peer: Peer | None,
    k: int,
    workdir: Path,
    log: Any = None,
    trace: bool = False,
    answers: bool = False,
) -> dict[str, Any]:
    questions, articles = load_week(files)
    wdir = workdir / week
    wdir.mkdir(parents=True, exist_ok=True)
    art_file = wdir / "articles.jsonl"
    with open(art_file, "w", encoding="utf-8") as f:
        for r in articles:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pool = [r["text"] for r in articles]

    t0 = time.perf_counter()
    done = wdir / "ingested"
    if done.exists():  # a kept store (--cache)
        from assistant.api import open_assistant

        a = open_assistant(wdir / "store", embedder=ours.embedder)
        ours.embedder = ours.embedder or a.services.embedder
    else:
        a = ours.build(art_file, wdir / "store")
        done.write_text("ok")
    ours_ingest = time.perf_counter() - t0
    vs = peer_client = None
    peer_ingest = None
    if peer is not None:
        t0 = time.perf_counter()
        try:
            vs, peer_client = peer.build(articles, wdir / "peer", week)
        except BaseException:
            a.close()
            raise
        peer_ingest = time.perf_counter() - t0

    rows: list[dict[str, Any]] = []
    try:
        a.search("What happened this week?", k=k)  # warm-up, not counted
        a.ask("What happened this week?")
        if vs is not None:
            vs.similarity_search("What happened this week?", k=k)
        for q in questions:
            gold = q.choices[q.gold]
            row: dict[str, Any] = {
                "id": q.id,
                "week": week,
                "answerable": any(occurs(gold, t) for t in pool),
                "negated": re.search(r"\bnot\b", q.text, re.I) is not None,
            }
            t0 = time.perf_counter()
            passages = a.search(q.text, k=k)
            row["search_ms"] = (time.perf_counter() - t0) * 1000
            row["ours_rank"] = next(
                (i for i, p in enumerate(passages, 1) if occurs(gold, p.text)), None
            )
            t0 = time.perf_counter()
            ans = a.ask(q.text)
            row["ask_ms"] = (time.perf_counter() - t0) * 1000
            row["abstained"] = bool(ans.abstained)
            row["ours_hit"] = (not ans.abstained) and is_hit(q, ans.text)
            row["ours_answer_has_gold"] = (not ans.abstained) and occurs(gold, ans.text)
            if answers:  # to read the misses (printed, never written into the repository)
                row.update(question=q.text, choices=list(q.choices), gold=q.gold, answer=ans.text)
            if not ans.abstained:  # what an analyst would not forward (eval/readability.py)
                row["defects"] = {k: v for k, v in defects(ans.text).items() if v}
            if trace and row["answerable"]:
                row["funnel"] = funnel(a, q)
            if vs is not None:
                t0 = time.perf_counter()
                docs = vs.similarity_search(q.text, k=k)
                row["peer_ms"] = (time.perf_counter() - t0) * 1000
                row["peer_rank"] = next(
                    (i for i, d in enumerate(docs, 1) if occurs(gold, d.page_content)), None
                )
                row["peer_hit"] = bool(docs) and is_hit(q, docs[0].page_content)
            rows.append(row)
    finally:
        a.close()
        if vs is not None:
            try:
                vs.delete_collection()
            except Exception:  # best effort: the temp dir goes anyway
                pass
        if peer_client is not None:
            peer_client.close()
    info = {
        "week": week,
        "questions": len(questions),
        "articles": len(articles),
        "words": sum(len(t.split()) for t in pool),
        "ours_ingest_s": ours_ingest,
        "peer_ingest_s": peer_ingest,
    }
    if log is not None:
        ans = [r for r in rows if r["answerable"]]
        peer_txt = (
            f", peer r@{k} {_rate([r['peer_rank'] is not None for r in ans]) or 0:.2f}"
            if vs is not None
            else ""
        )
        print(
            f"[{week}] {len(questions)} q, {len(articles)} articles, {info['words']} words; "
            f"ingest ours {ours_ingest:.1f}s"
            + (f" peer {peer_ingest:.1f}s" if peer_ingest is not None else "")
            + f"; ours r@{k} {_rate([r['ours_rank'] is not None for r in ans]) or 0:.2f}"
            + peer_txt,
            file=log,
            flush=True,
        )
    return {"info": info, "rows": rows}


def summarise(rows: list[dict[str, Any]], k: int, peer: bool) -> dict[str, Any]:
    ans = [r for r in rows if r["answerable"]]
    unans = [r for r in rows if not r["answerable"]]

    def side(prefix: str, subset: list[dict[str, Any]]) -> dict[str, Any]:
        ranks = [r[f"{prefix}_rank"] for r in subset]
        return {
            f"recall@{k}": _rate([x is not None for x in ranks]),
            "recall@1": _rate([x == 1 for x in ranks]),
            "mrr": (sum(1 / x for x in ranks if x) / len(ranks)) if ranks else None,
            "hit": _rate([r[f"{prefix}_hit"] for r in subset]),
        }

    out: dict[str, Any] = {
        "n": len(rows),
        "n_answerable": len(ans),
        "n_unanswerable": len(unans),
        "n_negated": sum(r["negated"] for r in rows),
        "ours": {
            "all": side("ours", rows),
            "answerable": side("ours", ans),
            "answer_has_gold": _rate([r["ours_answer_has_gold"] for r in ans]),
            "abstain_on_unanswerable": _rate([r["abstained"] for r in unans]),
            "abstain_on_answerable": _rate([r["abstained"] for r in ans]),
            "hit_non_negated": _rate([r["ours_hit"] for r in ans if not r["negated"]]),
            "funnel": {
                key: _rate([r["funnel"][key] for r in ans if "funnel" in r]) for key, _ in FUNNEL
            },
            "search_ms_p50": percentile([r["search_ms"] for r in rows], 50),
            "search_ms_p95": percentile([r["search_ms"] for r in rows], 95),
            "ask_ms_p50": percentile([r["ask_ms"] for r in rows], 50),
            "ask_ms_p95": percentile([r["ask_ms"] for r in rows], 95),
            "answers_with_defects": _rate([bool(r["defects"]) for r in rows if "defects" in r]),
            "defects": {
                key: sum(r.get("defects", {}).get(key, 0) for r in rows) for key in DEFECT_KEYS
            },
        },
    }
    if peer:
        out["peer"] = {
            "all": side("peer", rows),
            "answerable": side("peer", ans),
            "hit_non_negated": _rate([r["peer_hit"] for r in ans if not r["negated"]]),
            "search_ms_p50": percentile([r["peer_ms"] for r in rows], 50),
            "search_ms_p95": percentile([r["peer_ms"] for r in rows], 95),
        }
    return out


def run(
    snapshot: str | Path,
    split: str = "dev",
    weeks: int | None = None,
    k: int = 10,
    peer: bool = True,
    ours_embedder: Any = None,
    peer_embeddings: Any = None,
    split_file: Path = SPLIT_FILE,
    log: Any = sys.stderr,
    cache: Path | None = None,
    only: Sequence[str] | None = None,
    trace: bool = False,
    answers: bool = False,
) -> dict[str, Any]:
    """Evaluate the chosen weeks; embedders can be injected (tests use small fakes). `trace`:
    also where the gold choice is lost on the way to the answer (`funnel`); `answers`: each
    row also holds the question, its choices and our answer's text.

    With `cache`, each week's store is kept in `cache/WEEK` and reused by the next run (the
    ingest time then reads 0); `eval.selector_data` keeps its stores the same way.
    """
    snap = discover(snapshot)
    splits = assign_split(snap.weeks, load_split(split_file))
    chosen = sorted(snap.weeks) if split == "all" else splits[split]
    chosen = spread(chosen, weeks)
    if only:
        chosen = [w for w in chosen if w in set(only)]
    ours = Ours(ours_embedder)
    the_peer = Peer(peer_embeddings) if peer else None
    infos, rows = [], []
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-newsqa-") as tmp:
        for w in chosen:
            got = run_week(
                w, snap.weeks[w], ours, the_peer, k, cache or Path(tmp), log, trace, answers
            )
            infos.append(got["info"])
            rows.extend(got["rows"])
    result = summarise(rows, k, peer) if rows else {"n": 0}
    result.update(
        split=split,
        k=k,
        weeks=chosen,
        n_weeks=len(chosen),
        skipped_paths=len(snap.skipped),
        articles=sum(i["articles"] for i in infos),
        words=sum(i["words"] for i in infos),
        ours_ingest_s=sum(i["ours_ingest_s"] for i in infos),
        peer_ingest_s=sum(i["peer_ingest_s"] for i in infos) if peer else None,
        elapsed_s=time.perf_counter() - t_start,
        week_info=infos,
        rows=rows,
    )
    return result


# --- report ---------------------------------------------------------------------------------


def _f(v: Any, digits: int = 3) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def markdown(res: dict[str, Any]) -> str:
    if not res.get("n"):
        return f"No questions (split {res.get('split')}, weeks {res.get('weeks')})."
    k = res["k"]
    o = res["ours"]
    p = res.get("peer")
    out = [
        f"## RealTime QA, {res['split']} split: {res['n_weeks']} weeks, {res['n']} questions "
        f"({res['n_answerable']} answerable from the week's articles, "
        f"{res['n_unanswerable']} not; {res['n_negated']} 'not' questions), "
        f"{res['articles']} articles, {res['words']} words",
        "",
        "| metric | ours | peer |",
        "|---|---|---|",
    ]

    def row(label: str, ov: Any, pv: Any, d: int = 3) -> None:
        out.append(f"| {label} | {_f(ov, d)} | {_f(pv, d) if p is not None else 'n/a'} |")

    for scope, name in (("answerable", "answerable"), ("all", "all questions")):
        row(f"answer recall@{k} ({name})", o[scope][f"recall@{k}"], p and p[scope][f"recall@{k}"])
        row(f"answer recall@1 ({name})", o[scope]["recall@1"], p and p[scope]["recall@1"])
        row(f"MRR@{k} ({name})", o[scope]["mrr"], p and p[scope]["mrr"])
    row(
        "answer hit (answerable; peer: first chunk)",
        o["answerable"]["hit"],
        p and p["answerable"]["hit"],
    )
    row("answer hit, non-'not' questions", o["hit_non_negated"], p and p["hit_non_negated"])
    for key, label in FUNNEL:  # where the gold choice is lost on the way (--funnel)
        if o["funnel"][key] is not None:
            row(f"gold choice in: {label}", o["funnel"][key], None)
    row("answer holds the gold choice (answerable)", o["answer_has_gold"], None)
    row("abstains on unanswerable (right)", o["abstain_on_unanswerable"], None)
    row("abstains on answerable (wrong)", o["abstain_on_answerable"], None)
    row("answers with a readability defect", o.get("answers_with_defects"), None)
    for key, count in (o.get("defects") or {}).items():
        if count:
            row(f"  defect: {key.replace('_', ' ')} (count)", count, None, 0)
    row("search ms p50", o["search_ms_p50"], p and p["search_ms_p50"], 1)
    row("search ms p95", o["search_ms_p95"], p and p["search_ms_p95"], 1)
    row("ask ms p50", o["ask_ms_p50"], None, 1)
    row("ask ms p95", o["ask_ms_p95"], None, 1)
    row("ingest s (total)", res["ours_ingest_s"], res["peer_ingest_s"], 1)
    out += [
        "",
        f"(weeks {', '.join(res['weeks'])}; {res['skipped_paths']} reserved/other-year paths "
        f"skipped unread; {res['elapsed_s']:.0f}s)",
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None, **inject: Any) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("snapshot", help="folder holding past/2024 and past/2025 RealTime QA files")
    ap.add_argument("--split", choices=("train", "dev", "all"), default="dev")
    ap.add_argument("--weeks", type=int, help="only N weeks, spread evenly over the split")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--no-peer", action="store_true", help="skip the LangChain peer")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument(
        "--write-split", action="store_true", help=f"write the week split to {SPLIT_FILE.name}"
    )
    ap.add_argument("--cache", type=Path, help="keep each week's store here and reuse it")
    ap.add_argument("--week", action="append", help="only this week of the split (repeatable)")
    ap.add_argument(
        "--funnel",
        action="store_true",
        help="also report where the gold choice is lost between the passages and the answer",
    )
    ap.add_argument(
        "--answers",
        action="store_true",
        help="with --json: each row also holds the question, its choices and our answer",
    )
    args = ap.parse_args(argv)

    split_file = inject.pop("split_file", SPLIT_FILE)
    if args.write_split:
        weeks = discover(args.snapshot).weeks
        split = chronological_split(weeks)
        split_file.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {split_file}: {len(split['train'])} train, {len(split['dev'])} dev weeks")
        return 0
    res = run(
        args.snapshot,
        split=args.split,
        weeks=args.weeks,
        k=args.k,
        peer=not args.no_peer,
        split_file=split_file,
        cache=args.cache,
        only=args.week,
        trace=args.funnel,
        answers=args.answers,
        **inject,
    )
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False))
    else:
        print(markdown(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
