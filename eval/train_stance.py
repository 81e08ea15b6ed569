"""Train the stance reader's learned second opinion (`assistant/stance_model.py`) on dev labels.

    .venv/bin/python -m eval.train_stance SNAPSHOT            # cross-validate, print the table
    .venv/bin/python -m eval.train_stance SNAPSHOT --write    # and write assistant/data/stance_model.json
    .venv/bin/python -m eval.train_stance SNAPSHOT --upto 34 --out F --write
                                   # also the invented held-out batches up to 34 (an experiment)

Data: the DEV documents of the invented set (eval/positions/) and of the real-news set
(eval/positions_news/, texts read from the RealTime QA snapshot SNAPSHOT); never the heldout
ones. Each document is read by `StanceReader` with the rules alone and a trace: every candidate
sentence it parses, with its features, the rules' statements, and every holder the model could
choose there with its features: where the rules found none, a statement per holder (its
`traced`: the indices of its sentence and holder in the trace, so that the reader's own checks
on a holder apply to it); where they found some, the holders as they stood before the rules read
it (`ruled`, for the holder model only). A sentence is positive, with the label's stance, when a
label of its document matches its text as the eval matches them; every other candidate is a
negative ("none").

Models (scikit-learn, training only; weights ship as JSON, the run-time model is a sparse dot
product): a multinomial logistic regression over the feature names seen in at least `MIN_COUNT`
training sentences (is a position stated, with which stance: the veto's P(none), the stance of an
added statement); the holder model, a binary one over holder features trained on the holders of
the sentences where one of them is right (`ruled_right`: the label's holder or an alias, as the
eval matches holders), which ranks a sentence's holders; and the adder, a binary one over the
sentence's features, the top-ranked holder's and the multinomial's out-of-fold P(some stance),
trained on the sentences where the rules found none with target "that statement, with that
holder, matches a label". Thresholds, by cross-validation over documents (`FOLDS` folds, both dev
sets; the adder's P(some stance) from an inner cross-validation on the training folds): `veto`
is the lowest on its grid whose vetoes hit unlabelled candidates at least `VETO_RIGHT` of the
time in every set; `add` the lowest at which the rules + model, scored as eval/positions_eval.py
scores, gain recall while keeping precision within `TOLERANCE` (half a point) of the rules' on
every dev set (and recall too, on the invented one). None qualifying: off (2.0).
Deterministic: fixed folds, the lbfgs solver, sorted features.

The rules' own verdict is not a feature: on the dev texts they were written on it is nearly
always right, so the model would learn to trust it exactly where it fails. For the same reason a
cross-validated veto can only look bad here (the rules' dev statements are right); the criteria
above are the model's own precision, not the pipeline's dev score.

Measured (2026-11-30; eval: `eval/positions_eval.py [--news SNAPSHOT] --set all --examples 0`,
recall / precision / stance accuracy):
- first fit (news dev: 7 texts, 47 labels; add 0.5 chosen by the earlier criterion): held-out news
  (27 texts, 224 labels) 24.1 / 33.8 / 75.9 with the rules alone -> 29.9 / 35.7 / 74.6;
  invented held-out 73.1 / 88.2 / 91.2 -> 74.7 / 88.2 / 91.1.
- this fit (news dev: 27 texts, 183 labels, batches 4 and 5 labelled blind for it; add 0.6):
  cross-validated on dev, rules -> rules + model: invented 78.7 / 97.1 -> 78.9 / 97.1, news
  41.5 / 59.4 -> 43.2 / 59.0; the model alone: invented 51.2 / 87.0, news 22.4 / 64.1. Held-out,
  once: news 26.3 / 34.3 / 76.3, invented 74.1 / 88.3 / 91.3. It ships although the first fit
  scored higher on held-out news (29.9 / 35.7): choosing between them by that score would tune on
  the held-out set, and only this one is what `make train` makes from the dev labels.
- this fit (news dev: 47 texts, 345 labels, batches 6 and 7 added; the adder, add 0.7; features
  added: auxiliaries (tense, aspect), the complement clause of a non-reporting root, a date, the
  share of the sentence in quotes, how the holder would be named, the lede): cross-validated,
  `python -m eval.train_stance SNAPSHOT`, rules -> the previous code refit -> this one: news
  35.4 / 57.0 -> 35.7 / 56.4 -> 36.8 / 57.7, invented 78.7 / 97.1 -> 78.7 / 97.1 -> 79.9 / 96.8.
  Stance accuracy falls (news 86.9 -> 84.3, invented 96.4 -> 95.2): where the rules see no
  position the stance is hard (the multinomial's is right on 41% of the labelled sentences
  there on news; a stance-only model on the positives, 35%).
- this fit (news dev: 67 texts, 523 labels, batches 1 (dev half) and 4-9; the learned holder,
  add 0.55): cross-validated, `python -m eval.train_stance SNAPSHOT`, rules -> the previous code
  refit on the same labels (its adder, add 0.8) -> this one: news 33.5 / 54.3 / 82.9 ->
  33.5 / 54.3 / 82.9 -> 34.6 / 54.0 / 81.8, invented 78.7 / 97.1 / 96.4 -> 78.9 / 97.1 / 96.1 ->
  79.9 / 97.1 / 95.5. Of the 499 news sentences the model could add to, 105 have a right holder
  among those listed (1,503 holders); the reader's one guess is right in 57, the holder model's
  first choice (cross-validated) in 80. Whether to add stays the hard part: adds are right about
  half the time on news, where the rules are right 54% of the time.
- 2026-12-04, this fit (news dev: 82 texts, 706 labels, batches 11, 13 and 16 added; add 0.55):
  cross-validated, rules -> rules + model: news 38.5 / 63.2 -> 40.4 / 62.8, invented
  81.6 / 96.5 -> 82.5 / 96.3. Held-out, once, against the fit before it (by the same rules):
  news (57 texts, 493 labels) 32.0 / 45.7 / 73.4 -> 32.7 / 44.7 / 72.0, invented 76.2 / 90.8 /
  94.4 -> 76.6 / 90.8 / 94.0. Shipped because it is what `make train` makes from the dev labels.
- 2026-12-04 (stop 52), this fit (news dev: 97 texts, 833 labels, batches 18, 19 and 22 added;
  add 0.55): cross-validated, rules -> rules + model: news 39.1 / 62.4 -> 41.8 / 62.3, invented
  82.1 / 95.8 -> 82.9 / 95.4. Held-out, once, against the fit before it (by the same rules):
  news (72 texts, 636 labels) 35.5 / 46.4 / 71.2 -> 36.0 / 47.0 / 71.2, invented 77.1 / 91.0 /
  93.9 -> 76.9 / 91.0 / 93.9. Shipped as what `make train` makes from the dev labels.
- 2026-12-01, `--upto 34` (dev + the invented held-out batches 1-34: 217 texts, 2,942 candidate
  sentences): cross-validated thresholds veto off (2.0), add 0.7; on blind rounds 1-3 (batches
  35-44, not trained on) rules alone / shipped model / this fit: 68.1 / 87.1, 70.0 / 86.6,
  69.6 / 87.1; on round 4 (batches 45-47) at first look 39.9 / 70.2, 40.4 / 70.5, 43.7 / 71.4.
  Five times the invented labels gives the model no veto and a point or two of recall: not
  shipped, and the held-out batches stay out of training.
Not adopted, for the learned holder (cross-validated on the 67 news texts): one binary model over
(sentence, holder) pairs, all holders of every sentence (news 34.8 / 54.0 at best: the many wrong
holders of a sentence drown what marks a position); P(some stance) times the holder model's
softmax share (news 37.5 / 51.6 at the first precision near the rules'); the adder also trained
on the rules' sentences (invented precision 96.0-96.8 where it adds); the adder over the holder's
features and P(some stance) alone, or with a dozen sentence feature kinds (within 0.5 of recall
of all); the chosen holder's softmax share among the sentence's, or P(some stance) in tenths,
as adder features (news 34.8 / 54.2 and 34.6 / 54.2 at 0.55: no change); C 0.3 or 1.0 for the
holder model or the adder (1.0: invented precision falls below
96.6 at every threshold adding on news; 0.3: within half a point). A stance model trained on the
positive sentences only (five classes) is right as often as the multinomial's best stance on the
sentences the model adds to (news 67 of 149 against 66, C 0.1-1.0): the stance of added
statements is not improved.
Not adopted, earlier (cross-validated, news dev 47 texts): a binary veto on the rules' statements (target:
the statement is right; the sentence's features plus its stance, voice, holder kind, speaker) is
right 25-70% of the time wherever it vetoes ten or more (C 0.1-1.0, balanced or not, trained on
both sets or news alone), never the 90% asked; its best, 7 of 9 (C 1.0, 0.85), made news
35.4 / 57.0 -> 34.8 / 58.5, recall down more than half a point; the multinomial correcting the rules' stance where it
disagrees and is confident changes 0-4 statements and no stance accuracy for the better; C 0.1
or 1.0 and MIN_COUNT 5 for the multinomial: within a label of C 0.3. No veto threshold had
vetoes right 90% of the time, so the shipped model vetoes nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.positions_eval import (  # noqa: E402
    DATA,
    doc_path,
    holder_match,
    load_labels,
    normalise,
    score,
    text_match,
)

FOLDS = 5
MIN_COUNT = 3
C = 0.3
ADDER_C = 0.1
HOLDER_C = 0.1
RULED_HOLDER = True  # the holder model also learns from the sentences the rules read
RULED_ADDER = False  # the adder does not: those are not the sentences it is asked about
VETO_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
ADD_GRID = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))  # 0.3 ... 0.9
VETO_RIGHT = 0.90  # a veto must hit a sentence no label holds this often (cross-validated)
TOLERANCE = 0.005  # adds may cost this much precision (and, on the invented set, recall)
CLASSES = ("none", "demands", "rejects", "offers", "warns", "assures")


# --- data -----------------------------------------------------------------------------------


def dev_sets(
    snapshot: str | Path | None, tmp: Path, invented: str | Path = DATA, upto: int = 0
) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """{set name: (manifest docs with "path", labels)} for the dev documents only."""
    manifest, labels = load_labels(invented)

    def taken(d: dict[str, Any]) -> bool:
        return d["set"] == "dev" or int(d.get("batch", 1)) <= upto

    docs = [{**d, "path": str(doc_path(d["doc"], invented))} for d in manifest["docs"] if taken(d)]
    names = {d["doc"] for d in docs}
    out = {"invented": (docs, [lab for lab in labels if lab["doc"] in names])}
    if snapshot:
        from eval.positions_news import materialise

        manifest, labels = materialise(Path(snapshot), tmp)
        docs = [d for d in manifest["docs"] if d["set"] == "dev"]
        out["news"] = (docs, [lab for lab in labels if lab["set"] == "dev"])
    return out


def trace_docs(docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each document read by the rules with a trace: its candidate sentences (span, features)
    and its statements (holder as the store names it, stance, span; fallback ones "model")."""
    from assistant.parties import Registry
    from assistant.stance import StanceReader
    from index.articles import build_article
    from index.chunking import sentence_spans
    from index.language import shared_parser
    from index.loaders import load_file

    registry = Registry.load()
    reader = StanceReader(shared_parser(), registry, model=None)
    out = []
    for d in docs:
        article = build_article(load_file(Path(d["path"]), 50_000_000)[0])
        reader.trace = []
        text = article.text
        found = reader.read(text, sentence_spans(text), article.source, article.title)
        statements = [
            {
                "start": f.start,
                "end": f.end,
                "holder": registry.name(registry.find_party(f.holder) or f.holder),
                "stance": f.stance,
                "voice": f.voice,
                "speaker": f.speaker,
                "sentence": text[f.start : f.end],
                "about": f.about,
                "traced": list(f.traced) if f.traced is not None else None,  # [sentence, holder]
            }
            for f in found.statements
        ]
        sentences = [
            {**t, "text": text[int(t["start"]) : int(t["end"])]}  # type: ignore[call-overload]
            for t in reader.trace
        ]
        for s in sentences:  # a rules' sentence's holders, named as the store names them
            ruled: list[dict[str, Any]] = s.get("ruled", [])  # type: ignore[assignment]
            for c in ruled:
                c["holder"] = registry.name(registry.find_party(c["holder"]) or c["holder"])
        out.append({"doc": d["doc"], "sentences": sentences, "statements": statements})
    reader.trace = None
    return out


def gold(sentences: list[dict[str, Any]], labels: list[dict[str, Any]]) -> list[str]:
    """Each sentence's class: the stance of a label whose text it matches, else "none"."""
    norms = [(normalise(lab["sentence"]), lab["stance"]) for lab in labels]
    out = []
    for s in sentences:
        n = normalise(s["text"])
        hits = [stance for ln, stance in norms if text_match(n, ln) > 0]
        out.append(Counter(hits).most_common(1)[0][0] if hits else "none")
    return out


def _candidate(st: dict[str, Any]) -> tuple[int, int] | None:
    """(sentence, holder) of a statement the model could add (its "traced"), else None."""
    if st["stance"] != "model" or st["traced"] is None:
        return None
    j, k = st["traced"]
    return j, k


def holder_right(doc: dict[str, Any], labels: list[dict[str, Any]]) -> list[list[bool]]:
    """Per sentence, per holder the model could choose there, whether the statement it would
    add (the reader's checks on a holder applied) is a labelled position of that holder, as
    the eval matches them: the sentence's text and the holder or an alias."""
    out = [[False] * len(s.get("candidates", [])) for s in doc["sentences"]]
    for st in doc["statements"]:
        jk = _candidate(st)
        if jk is None or _at(doc, st["start"]) != jk[0]:
            continue  # not a candidate, or a quote's continuation of one
        n = normalise(st["sentence"])
        out[jk[0]][jk[1]] = any(
            text_match(n, normalise(lab["sentence"])) > 0
            and holder_match(st["holder"], lab["holder"], lab.get("holder_aliases", []))
            for lab in labels
        )
    return out


def ruled_right(doc: dict[str, Any], labels: list[dict[str, Any]]) -> list[list[bool]]:
    """`holder_right`, and for a sentence the rules gave a statement, per holder the model could
    have chosen there (before the rules read it: `holders`), whether a label of the sentence
    is that holder's."""
    out = holder_right(doc, labels)
    for j, s in enumerate(doc["sentences"]):
        if s.get("candidates") or not s.get("ruled"):
            continue
        n = normalise(s["text"])
        labs = [lab for lab in labels if text_match(n, normalise(lab["sentence"])) > 0]
        out[j] = [
            any(
                holder_match(c["holder"], lab["holder"], lab.get("holder_aliases", []))
                for lab in labs
            )
            for c in s["ruled"]
        ]
    return out


def holders(s: dict[str, Any]) -> list[dict[str, Any]]:
    """The holders the model could choose in a traced sentence: where the rules found none, those
    it could add with; where they found some, those it could have chosen."""
    found: list[dict[str, Any]] = s.get("candidates") or s.get("ruled", [])
    return found


def _at(doc: dict[str, Any], x: int) -> int:
    """The index of the traced sentence holding offset x, or -1."""
    return next((k for k, s in enumerate(doc["sentences"]) if s["start"] <= x < s["end"]), -1)


# --- model ----------------------------------------------------------------------------------


def fit(rows: list[list[str]], ys: list[str]) -> tuple[dict[str, list[float]], list[float]]:
    """Weights per feature name (those seen in >= MIN_COUNT rows) and the class biases."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in set(r))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    if not vocab or len(set(ys)) < 2:  # too few sentences to learn from: the classes' shares
        seen = Counter(ys or ["none"])
        total = sum(seen.values())
        return {}, [round(math.log(seen[c] / total), 2) if seen[c] else -30.0 for c in CLASSES]
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for f in r:
            if f in index:
                x[i, index[f]] = 1.0
    y = np.array([CLASSES.index(c) for c in ys])
    present = sorted(set(y.tolist()))
    lr = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    lr.fit(x, y)
    coef = np.zeros((len(CLASSES), len(vocab)))
    bias = np.full(len(CLASSES), -30.0)  # a class never seen is never predicted
    for k, c in enumerate(present):
        coef[c] = lr.coef_[k] if len(present) > 2 else (lr.coef_[0] if k else -lr.coef_[0])
        bias[c] = lr.intercept_[k] if len(present) > 2 else 0.0
    weights = {
        f: [round(float(v), 2) for v in coef[:, i]]
        for i, f in enumerate(vocab)
        if float(np.abs(coef[:, i]).max()) >= 0.02
    }
    return weights, [round(float(b), 2) for b in bias]


def fit_adder(
    rows: list[list[str]], ys: list[bool], c: float | None = None
) -> tuple[dict[str, float], float]:
    """A binary logistic regression (inverse regularisation c, ADDER_C by default)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in set(r))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    if len(set(ys)) < 2 or not vocab:  # nothing to learn: never add
        return {}, -30.0
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for f in r:
            if f in index:
                x[i, index[f]] = 1.0
    lr = LogisticRegression(C=c or ADDER_C, max_iter=5000, solver="lbfgs")
    lr.fit(x, np.array([int(y) for y in ys]))
    weights = {
        f: round(float(lr.coef_[0][i]), 2)
        for i, f in enumerate(vocab)
        if abs(float(lr.coef_[0][i])) >= 0.02
    }
    return weights, round(float(lr.intercept_[0]), 2)


def folds(docs: list[str], k: int = FOLDS) -> list[int]:
    """A fold per document, by its place in sorted order (deterministic, sets mixed)."""
    order = {d: i for i, d in enumerate(sorted(docs))}
    return [order[d] % k for d in docs]


# --- simulation -----------------------------------------------------------------------------


def decide(
    traced: list[dict[str, Any]], probs: list[list[dict[str, float]]], veto: float, add: float
) -> list[dict[str, Any]]:
    """The statements the reader would keep with these thresholds, as the eval reads them."""
    out = []
    for doc, ps in zip(traced, probs, strict=True):
        for st in doc["statements"]:
            k = _at(doc, st["start"])
            p = ps[k] if k >= 0 else None
            if st["stance"] == "model":
                jk = _candidate(st)
                if jk is None:
                    continue
                q = ps[jk[0]]
                stance = max(CLASSES[1:], key=lambda c: q[c])
                if q.get("best") == jk[1] and q["add"] >= add:
                    out.append({**st, "stance": stance, "doc": doc["doc"]})
            elif p is None or p["none"] < veto:
                out.append({**st, "doc": doc["doc"]})
    return out


def _scored(
    labels: list[dict[str, Any]], extracted: list[dict[str, Any]], docs: list[dict[str, Any]]
) -> dict[str, Any]:
    """Recall, precision, stance accuracy and errors of `extracted`, as the positions eval
    scores them over `docs`."""
    r = score(labels, extracted, [d["doc"] for d in docs], 0)
    return {k: r[k] for k in ("recall", "precision", "stance_accuracy", "errors")}


def evaluate(
    traced: dict[str, list[dict[str, Any]]],
    labels: dict[str, list[dict[str, Any]]],
    probs: dict[str, list[list[dict[str, float]]]],
    veto: float,
    add: float,
) -> dict[str, dict[str, Any]]:
    out = {}
    for name, docs in traced.items():
        extracted = decide(docs, probs[name], veto, add)
        out[name] = _scored(labels[name], extracted, docs)
    return out


def holder_rows(
    traced: dict[str, list[dict[str, Any]]],
    rights: dict[str, list[list[list[bool]]]],
    keep: Any = None,
) -> tuple[list[list[str]], list[bool]]:
    """The holder model's training rows: every holder the model could choose in a sentence where
    one of them is right (of the documents (set, index) for which keep is true; all when keep
    is None), as the holder's features; the target is whether it is the right one."""
    rows, ys = [], []
    for n, docs in traced.items():
        for i, doc in enumerate(docs):
            if keep is not None and not keep(n, i):
                continue
            for s, right in zip(doc["sentences"], rights[n][i], strict=True):
                if not any(right) or (s.get("ruled") and not RULED_HOLDER):
                    continue  # which holder is asked only where one is right
                for c, y in zip(holders(s), right, strict=True):
                    rows.append(c["features"])
                    ys.append(y)
    return rows, ys


def adder_rows(
    traced: dict[str, list[dict[str, Any]]],
    rights: dict[str, list[list[list[bool]]]],
    holder: tuple[dict[str, float], float],
    probs: dict[str, list[list[dict[str, float]]]],
    keep: Any = None,
) -> tuple[list[list[str]], list[bool]]:
    """The adder's training rows: every sentence where the model could add, as its features,
    those of the holder the holder model chooses, and the multinomial's P(some stance) from
    `probs` (out of fold: a model's guesses on its own training sentences are too sure); the
    target is whether that statement is right."""
    from assistant.stance_model import StanceModel, adder_features

    m = StanceModel({}, [0.0] * len(CLASSES), holder=holder)
    rows, ys = [], []
    for n, docs in traced.items():
        for i, doc in enumerate(docs):
            if keep is not None and not keep(n, i):
                continue
            for s, right, p in zip(doc["sentences"], rights[n][i], probs[n][i], strict=True):
                if s.get("ruled") and not s.get("candidates") and not RULED_ADDER:
                    continue
                cands = [c["features"] for c in holders(s)]
                best, _ = m.rank_holders(cands)
                if best >= 0:
                    rows.append(adder_features(s["features"], cands[best], 1.0 - p["none"]))
                    ys.append(right[best])
    return rows, ys


def _fit_outside(
    traced: dict[str, list[dict[str, Any]]],
    ys: dict[str, list[list[str]]],
    docs: list[tuple[str, int]],
    fold: list[int],
    k: int,
) -> tuple[dict[str, list[float]], list[float]]:
    """The multinomial fit on every document outside fold k."""
    rows, targets = [], []
    for (n, i), f in zip(docs, fold, strict=True):
        if f != k:
            rows += [s["features"] for s in traced[n][i]["sentences"]]
            targets += ys[n][i]
    return fit(rows, targets)


def out_of_fold(
    traced: dict[str, list[dict[str, Any]]],
    ys: dict[str, list[list[str]]],
    keep: Any = None,
) -> dict[str, list[list[dict[str, float]]]]:
    """The multinomial's P(class) for every sentence of the documents keep allows (all when
    None), each from a fit on the other folds of those documents (empty lists elsewhere)."""
    docs = [(n, i) for n in traced for i in range(len(traced[n])) if keep is None or keep(n, i)]
    k_folds = min(FOLDS, len(docs))
    fold = folds([traced[n][i]["doc"] for n, i in docs], k_folds)
    probs: dict[str, list[list[dict[str, float]]]] = {n: [[] for _ in traced[n]] for n in traced}
    for k in range(k_folds):
        weights, bias = _fit_outside(traced, ys, docs, fold, k)
        for (n, i), f in zip(docs, fold, strict=True):
            if f == k:
                probs[n][i] = probabilities(weights, bias, traced[n][i]["sentences"])
    return probs


def probabilities(
    weights: dict[str, list[float]],
    bias: list[float],
    sentences: list[dict[str, Any]],
    holder: tuple[dict[str, float], float] | None = None,
    adder: tuple[dict[str, float], float] | None = None,
) -> list[dict[str, float]]:
    """P(class) per sentence, and with a holder model its best holder ("best") and the
    adder's probability that the statement with it is right ("add")."""
    from assistant.stance_model import StanceModel

    m = StanceModel(weights, bias, holder=holder, adder=adder)
    out = []
    for s in sentences:
        p = m.probabilities(s["features"])
        best, p["add"] = m.best_holder(
            s["features"], [c["features"] for c in s.get("candidates", [])]
        )
        p["best"] = float(best)
        out.append(p)
    return out


def cross_validate(
    traced: dict[str, list[dict[str, Any]]],
    ys: dict[str, list[list[str]]],
    rights: dict[str, list[list[list[bool]]]],
) -> dict[str, list[list[dict[str, float]]]]:
    """Out-of-fold probabilities for every traced sentence (folds over documents): the
    multinomial's, and the holder model's best holder with the adder's probability."""
    docs = [(name, i) for name in traced for i in range(len(traced[name]))]
    k_folds = min(FOLDS, len(docs))
    fold = folds([traced[n][i]["doc"] for n, i in docs], k_folds)
    of = dict(zip(docs, fold, strict=True))
    probs: dict[str, list[list[dict[str, float]]]] = {n: [[] for _ in traced[n]] for n in traced}
    for k in range(k_folds):
        weights, bias = _fit_outside(traced, ys, docs, fold, k)
        train = lambda n, i, k=k: of[(n, i)] != k  # noqa: E731
        holder = fit_adder(*holder_rows(traced, rights, train), HOLDER_C)
        inner = out_of_fold(traced, ys, train)
        adder = fit_adder(*adder_rows(traced, rights, holder, inner, train))
        for (n, i), f in zip(docs, fold, strict=True):
            if f == k:
                probs[n][i] = probabilities(weights, bias, traced[n][i]["sentences"], holder, adder)
    return probs


def adds_alone(
    traced: dict[str, list[dict[str, Any]]],
    labels: dict[str, list[dict[str, Any]]],
    probs: dict[str, list[list[dict[str, float]]]],
    add: float,
) -> dict[str, dict[str, Any]]:
    """Scores of the model's added statements alone (the rules' left out): how precise its
    adds are, and how much of the labels they find."""
    out = {}
    for name, docs in traced.items():
        extracted = [
            st
            for st in decide(docs, probs[name], 2.0, add)
            if _candidate({**st, "stance": "model"}) is not None
        ]
        out[name] = _scored(labels[name], extracted, docs)
    return out


def vetoes_right(
    ys: dict[str, list[list[str]]], probs: dict[str, list[list[dict[str, float]]]], veto: float
) -> dict[str, float]:
    """Per set, the share of candidates with P(none) >= veto that no label holds (1.0: none)."""
    out = {}
    for name in ys:
        calls = [
            y == "none"
            for doc, ps in zip(ys[name], probs[name], strict=True)
            for y, p in zip(doc, ps, strict=True)
            if p["none"] >= veto
        ]
        out[name] = sum(calls) / len(calls) if calls else 1.0
    return out


def choose(
    traced: dict[str, list[dict[str, Any]]],
    labels: dict[str, list[dict[str, Any]]],
    ys: dict[str, list[list[str]]],
    probs: dict[str, list[list[dict[str, float]]]],
) -> tuple[float, float]:
    """(veto, add): the lowest thresholds whose cross-validated decisions are right often
    enough on every dev set (vetoes: VETO_RIGHT of the candidates vetoed hold no label; adds:
    recall up, precision within a point of the rules' on every set), and that keep the invented
    dev set's recall and precision within a point of the rules' (the news dev set is not held to it: the rules were
    written on it, so there they are right where the model disagrees)."""
    base = evaluate(traced, labels, probs, 2.0, 2.0)["invented"]

    def kept(veto: float, add: float) -> bool:
        r = evaluate(traced, labels, probs, veto, add)["invented"]
        return all(r[m] >= base[m] - TOLERANCE for m in ("recall", "precision"))

    veto = next(
        (
            t
            for t in VETO_GRID
            if min(vetoes_right(ys, probs, t).values()) >= VETO_RIGHT and kept(t, 2.0)
        ),
        2.0,
    )
    rules = evaluate(traced, labels, probs, 2.0, 2.0)

    def gains(add: float) -> bool:
        r = evaluate(traced, labels, probs, veto, add)
        return any(r[n]["recall"] > rules[n]["recall"] for n in r) and all(
            r[n]["precision"] >= rules[n]["precision"] - TOLERANCE for n in r
        )

    add = next((t for t in ADD_GRID if gains(t) and kept(veto, t)), 2.0)
    return veto, add


# --- main -----------------------------------------------------------------------------------


def _table(name: str, scores: dict[str, Any]) -> str:
    lines = []
    for s, r in scores.items():
        e = r["errors"]
        lines.append(
            f"{name:<12}{s:<10}R {100 * r['recall']:5.1f}  P {100 * r['precision']:5.1f}  "
            f"S {100 * r['stance_accuracy']:5.1f}  missed {e['missed']:3d}  "
            f"wrong_holder {e['wrong_holder']:3d}  spurious {e['spurious']:3d}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot", nargs="?", help="RealTime QA snapshot (news dev texts)")
    ap.add_argument("--write", action="store_true", help="write assistant/data/stance_model.json")
    ap.add_argument("--out", default=str(ROOT / "assistant" / "data" / "stance_model.json"))
    ap.add_argument("--cache", help="a JSON file to keep the traced documents in (scratch)")
    ap.add_argument("--invented", default=str(DATA), help="the invented set (eval/positions)")
    ap.add_argument("--upto", type=int, default=0, help="also the held-out batches up to N")
    args = ap.parse_args(argv)
    cache = Path(args.cache) if args.cache else None
    with tempfile.TemporaryDirectory(prefix="train-stance-") as tmp:
        sets = dev_sets(args.snapshot, Path(tmp), args.invented, args.upto)
        labels = {n: labs for n, (_, labs) in sets.items()}
        if cache and cache.is_file():
            traced = json.loads(cache.read_text(encoding="utf-8"))
        else:
            traced = {n: trace_docs(docs) for n, (docs, _) in sets.items()}
            if cache:
                cache.write_text(json.dumps(traced), encoding="utf-8")
    ys = {
        n: [
            gold(d["sentences"], [lab for lab in labels[n] if lab["doc"] == d["doc"]]) for d in docs
        ]
        for n, docs in traced.items()
    }
    for n in traced:
        c = Counter(y for doc in ys[n] for y in doc)
        print(f"{n}: {len(traced[n])} documents, {sum(c.values())} candidates, {dict(c)}")
    rights = {
        n: [ruled_right(d, [lab for lab in labels[n] if lab["doc"] == d["doc"]]) for d in docs]
        for n, docs in traced.items()
    }
    for n in traced:
        could = [
            [("h_fallback" in c["features"], y) for c, y in zip(s["candidates"], r, strict=True)]
            for d, doc in zip(traced[n], rights[n], strict=True)
            for s, r in zip(d["sentences"], doc, strict=True)
            if s.get("candidates")
        ]
        print(
            f"{n}: the model could add in {len(could)} sentences "
            f"({sum(map(len, could))} holders); a right holder in "
            f"{sum(any(y for _, y in c) for c in could)}, the reader's one guess right in "
            f"{sum(any(f and y for f, y in c) for c in could)}"
        )
    probs = cross_validate(traced, ys, rights)
    veto, add = choose(traced, labels, ys, probs)
    print(f"cross-validated ({FOLDS} folds over documents); thresholds: veto {veto}, add {add}")
    cv = evaluate(traced, labels, probs, veto, add)
    print(_table("rules", evaluate(traced, labels, probs, 2.0, 2.0)))
    print(_table("rules+model", cv))
    print(_table("adds alone", adds_alone(traced, labels, probs, add)))
    if veto <= 1.0:
        right = vetoes_right(ys, probs, veto)
        print("vetoes right: " + ", ".join(f"{n} {100 * v:.0f}%" for n, v in right.items()))
    else:
        print(f"no veto: at no threshold were vetoes right {100 * VETO_RIGHT:.0f}% of the time")
    rows = [s["features"] for n in traced for d in traced[n] for s in d["sentences"]]
    targets = [y for n in traced for doc in ys[n] for y in doc]
    weights, bias = fit(rows, targets)
    holder = fit_adder(*holder_rows(traced, rights), HOLDER_C)
    adder = fit_adder(*adder_rows(traced, rights, holder, probs))
    print(
        f"{len(weights)} features kept; the holder model {len(holder[0])}; the adder {len(adder[0])}"
    )
    if args.write:
        model = {
            "classes": list(CLASSES),
            "bias": bias,
            "veto": veto,
            "add": add,
            "trained_on": "dev: eval/positions (invented) + eval/positions_news (news); "
            "eval/train_stance.py",
            "cross_validated": {
                n: {k: round(v, 3) for k, v in r.items() if k != "errors"} for n, r in cv.items()
            },
            "weights": dict(sorted(weights.items())),
            "holder": {"bias": holder[1], "weights": dict(sorted(holder[0].items()))},
            "adder": {"bias": adder[1], "weights": dict(sorted(adder[0].items()))},
        }
        Path(args.out).write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
