"""A learned second opinion on the sentences the stance reader parses.

The rules in `assistant.stance` were written on texts we read; on news nobody tuned them on they
miss most positions and keep some that are none. This is a multinomial logistic regression over
general features of a parsed candidate sentence (the shape of its predicate, modals, negation,
condition, quotes and speaker turns, the kind of its subject, reporting verbs, the stance words
the rules see), never over its topic words, and not over the rules' own verdict: the rules were
written on the very texts it learns from, where their verdict is nearly always right, so it
would learn to trust them exactly where they fail (text nobody tuned them on). The reader asks
it to veto a rule statement it is confident is no position, and to add one, with a holder the
reader already knows, where the rules found none; whether to add is a second, binary regression's
call (the "adder", trained on whether such added statements are right, holder included). Weights
are trained by `eval/train_stance.py` on the dev sets only and shipped as JSON in
`assistant/data/`; at run time a sentence costs one or two sparse dot products.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.stance_words import _FIRST, _HE_SHE, _SAY, _THEY_IT
from index.language import ParsedSentence, Token

CLASSES = ("none", "demands", "rejects", "offers", "warns", "assures")
WEIGHTS = Path(__file__).resolve().parent / "data" / "stance_model.json"

_MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "need"}
_CONDITION = {"if", "unless", "until", "once"}
_PERSONLIKE = ("PERSON", "ORG", "GPE", "NORP")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


@dataclass(frozen=True)
class Cues:
    """What the reader knows of a sentence besides its parse."""

    triggers: tuple[tuple[str, str, str], ...] = ()  # (lemma, stance, dep) of stance words
    inside_quote: bool = False  # it opens inside a quote begun before
    turn: str = ""  # "" | "speaker" (a speaker's turn) | "question" (a journalist's)
    official: bool = False  # a party publishes the text (a release, a letter)
    news: bool = False  # news copy: no publishing party, no speaker turns
    holder: str = ""  # how the reader would name a holder: said | quote | turn | subject | ""
    lede: bool = False  # among the document's first sentences


def _kind(ps: ParsedSentence, t: Token | None) -> str:
    """A subject's kind, not its words: an entity label, a pronoun's person, or a noun."""
    if t is None:
        return "none"
    low = t.text.lower()
    if low in _FIRST:
        return "first"
    if low in _HE_SHE:
        return "he_she"
    if low in _THEY_IT:
        return "they_it"
    if low in ("you", "your"):
        return "you"
    if t.ent in _PERSONLIKE:
        return t.ent
    compound = [c for c in ps.children(t.i) if c.ent in _PERSONLIKE]
    if compound:  # "Kremlin spokesman", "union leaders"
        return "of_" + compound[0].ent
    if t.pos == "PRON":
        return "pron"
    if t.pos == "PROPN":
        return "propn"
    return "noun_pl" if t.tag == "NNS" else "noun"


def _subject(ps: ParsedSentence, i: int) -> Token | None:
    subs = [c for c in ps.children(i) if c.dep in ("nsubj", "nsubjpass", "csubj")]
    return subs[0] if subs else None


def _clause(ps: ParsedSentence, v: Token, prefix: str) -> list[str]:
    """The predicate's shape: lemma when a verb, its dependents' relations, modals, negation."""
    out = [f"{prefix}pos:{v.pos}", f"{prefix}tag:{v.tag}"]
    if v.pos in ("VERB", "AUX"):
        out.append(f"{prefix}lemma:{v.lemma.lower()}")
    kids = ps.children(v.i)
    out += [f"{prefix}dep:{d}" for d in sorted({c.dep for c in kids})]
    out += [f"{prefix}modal:{c.lemma.lower()}" for c in kids if c.lemma.lower() in _MODALS]
    # tense and aspect: "had offered" (history), "is seeking", "has been"
    out += [
        f"{prefix}aux:{c.lemma.lower()}"
        for c in kids
        if c.dep in ("aux", "auxpass") and c.lemma.lower() not in _MODALS
    ]
    if any(c.dep == "neg" for c in kids):
        out.append(f"{prefix}neg")
    out.append(f"{prefix}subj:{_kind(ps, _subject(ps, v.i))}")
    if not _subject(ps, v.i) and v.tag == "VB" and not any(c.dep == "aux" for c in kids):
        out.append(f"{prefix}imperative")
    return out


def features(ps: ParsedSentence, cues: Cues) -> list[str]:
    """The sentence's features, as names (each present one counts 1)."""
    toks = [t for t in ps.tokens if t.pos not in ("PUNCT", "SPACE")]
    text = ps.text.strip()
    out = [f"turn:{cues.turn or 'none'}"]
    if cues.official:
        out.append("official")
    if cues.news:
        out.append("news")
    if "according to" in text.lower():
        out.append("according_to")
    out += [f"ent:{e.label}" for e in ps.entities if e.label in _PERSONLIKE]
    if cues.inside_quote:
        out.append("inside_quote")
    if any(q in text for q in '"“”'):
        out.append("quote_marks")
    if text.endswith("?"):
        out.append("question")
    if any(e.label == "DATE" for e in ps.entities):
        out.append("date")  # "last year", "in 2019", "on Sunday": often an event, not a stand
    quoted = sum(len(m) for m in _QUOTED.findall(text))
    share = quoted / max(1, len(text))
    out.append("quoted:" + ("none" if not quoted else "part" if share < 0.6 else "most"))
    out.append(f"holder:{cues.holder or 'none'}")
    if cues.lede:
        out.append("lede")
    n = len(toks)
    out.append("len:" + ("short" if n < 10 else "mid" if n < 25 else "long" if n < 40 else "vlong"))
    root = next((t for t in ps.tokens if t.dep == "ROOT"), None)
    if root is not None:
        out += _clause(ps, root, "root_")
        # "X said (that) Y would ...": the reported clause is the content
        if root.lemma.lower() in _SAY:
            said = [c for c in ps.children(root.i) if c.dep in ("ccomp", "xcomp")]
            if said:
                out += _clause(ps, said[0], "said_")
        else:  # "X urged / warned / is ready (to) ...": the complement's shape
            comp = [c for c in ps.children(root.i) if c.dep in ("ccomp", "xcomp")]
            if comp:
                out += _clause(ps, comp[0], "comp_")
    for t in ps.tokens:
        low = t.lemma.lower()
        if low in _SAY and t.pos == "VERB":
            out += [f"say:{low}", f"say_subj:{_kind(ps, _subject(ps, t.i))}"]
        if t.dep == "mark" and low in _CONDITION:
            out.append("condition")
        if t.dep == "neg":
            out.append("neg_any")
        if t.dep in ("aux", "auxpass") and low in _MODALS:
            out.append(f"modal:{low}")
        if t.pos == "VERB" and t.dep in ("ROOT", "ccomp", "xcomp", "conj") and ps.depth(t.i) <= 2:
            out.append(f"v:{low}")
    for lemma, stance, dep in cues.triggers:
        out += [f"trig:{stance}", f"trig_lemma:{lemma.lower()}", f"trig_dep:{dep}"]
    if not cues.triggers:
        out.append("trig:none")
    return sorted(set(out))


class StanceModel:
    """A multinomial logistic regression over feature names, with the two thresholds the reader
    acts on: `veto` (P(none) at or above it drops a rule statement) and `add` (where the rules
    found none, a statement is added when the add probability reaches it).

    The add probability comes from `adder` when there is one: a binary logistic regression
    (feature weights, bias) over the same features, trained on exactly the sentences the reader
    asks it about (no rule statement, a fallback holder) and on whether that statement, with that
    holder, is a labelled position. The multinomial model answers a different question (does
    some label hold this sentence, with which stance) and on news most of the sentences it is
    sure of still get a wrong holder or none. Without an adder the add probability is the
    multinomial's best stance's. Either way the stance of an added statement is the multinomial's.
    """

    def __init__(
        self,
        weights: Mapping[str, Sequence[float]],
        bias: Sequence[float],
        veto: float = 1.0,
        add: float = 1.0,
        classes: Sequence[str] = CLASSES,
        adder: tuple[Mapping[str, float], float] | None = None,
    ) -> None:
        self.classes = tuple(classes)
        self.weights = {k: [float(x) for x in v] for k, v in weights.items()}
        self.bias = [float(x) for x in bias]
        self.veto = veto
        self.add = add
        self.adder = (
            ({k: float(v) for k, v in adder[0].items()}, float(adder[1])) if adder else None
        )

    @classmethod
    def from_file(cls, path: str | Path = WEIGHTS) -> StanceModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        adder = data.get("adder")
        return cls(
            data["weights"],
            data["bias"],
            data["veto"],
            data["add"],
            data["classes"],
            (adder["weights"], adder["bias"]) if adder else None,
        )

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """P(class) for a sentence's features; unknown features count nothing."""
        score = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                score = [s + x for s, x in zip(score, w, strict=True)]
        top = max(score)
        exp = [math.exp(s - top) for s in score]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def verdict(self, feats: Iterable[str]) -> tuple[str, float, float]:
        """(most likely stance, its probability, P(none))."""
        p = self.probabilities(feats)
        stance = max((c for c in self.classes if c != "none"), key=lambda c: p[c])
        return stance, p[stance], p["none"]

    def addition(self, feats: Sequence[str]) -> tuple[str, float]:
        """(stance, probability) of a statement added where the rules found none: the stance
        is the multinomial's; the probability the adder's when there is one.
        """
        stance, p, _ = self.verdict(feats)
        if self.adder is None:
            return stance, p
        weights, bias = self.adder
        z = bias + sum(weights.get(f, 0.0) for f in feats)
        return stance, 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@functools.cache
def shipped() -> StanceModel:
    """The model trained by `eval/train_stance.py`, read once on first use."""
    return StanceModel.from_file(WEIGHTS)
