"""A learned second opinion on the sentences the stance reader parses.

The rules in `assistant.stance` were written on texts we read; on news nobody tuned them on they
miss most positions and keep some that are none. This is a multinomial logistic regression over
general features of a parsed candidate sentence (the shape of its predicate, modals, negation,
condition, quotes and speaker turns, the kind of its subject, reporting verbs, the stance words
the rules see), never over its topic words, and not over the rules' own verdict: the rules were
written on the very texts it learns from, where their verdict is nearly always right, so it
would learn to trust them exactly where they fail (text nobody tuned them on). The reader asks
it to veto a rule statement it is confident is no position, and to add one where the rules found
none. The holder of an added statement is learned too: the reader lists every holder it can name
in the sentence (`HolderCue`: the reporting speaker, the quote's, the turn's, the subject of any
clause, first person, "according to X", a passive agent, any party or person named, the parties
that held a stance last), the "holder model" ranks them by how and where the sentence names
them (`holder_features`, never their names), and the "adder", a binary regression over the
sentence's features, the chosen holder's and the multinomial's P(some stance), says whether that
statement is a labelled position. The reader's single guess at a holder was wrong for 81% of
the news sentences the model could add to. Weights are trained by `eval/train_stance.py` on the
dev sets only and shipped as JSON in `assistant/data/`; at run time a sentence costs a few
sparse dot products.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.stance_words import _FIRST, _HE_SHE, _SAY, _THEY_IT, QUOTED
from index.language import ParsedSentence, Token

CLASSES = ("none", "demands", "rejects", "offers", "warns", "assures")
WEIGHTS = Path(__file__).resolve().parent / "data" / "stance_model.json"

_MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "need"}
_CONDITION = {"if", "unless", "until", "once"}
_PERSONLIKE = ("PERSON", "ORG", "GPE", "NORP")


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


@dataclass(frozen=True)
class HolderCue:
    """A party the reader can name as a sentence's holder, and every way it names it there."""

    party: str
    person: str = ""
    voice: str = "paraphrase"
    # (how, token index or -1): said | quote | turn | subject | subj_<dep> | first | according
    # | agent | ent | recent | last_party | last_person | publisher
    mentions: tuple[tuple[str, int], ...] = ()
    linked: bool = False  # a person the text links to this party
    recent: int = -1  # its rank among the parties that last held a stance (0: the latest)
    publisher: bool = False  # the party that publishes the text
    fallback: bool = False  # the one holder the reader would name alone (`Cues.holder`)
    kind: str = ""  # the entity label the document gave the party, if any
    known: bool = False  # a party of the shipped registry


def _bucket(n: int, edges: Sequence[int]) -> str:
    return next((str(e) for e in edges if n <= e), f">{edges[-1]}")


def holder_features(ps: ParsedSentence, h: HolderCue, n: int, cues: Cues) -> list[str]:
    """A (sentence, holder) pair's own features: how the holder is named and where (the mention's
    relation, its distance and depth from the predicate, its entity label, inside a quote or a
    reporting clause), whether a person links it to a party, how recently it held a stance, how
    many holders the sentence offers. Never the holder's name.
    """
    hows = sorted({how for how, _ in h.mentions})
    ctx = "turn" if cues.turn else "official" if cues.official else "news" if cues.news else "other"
    out = [f"h_n:{_bucket(n, (1, 2, 3, 5))}", f"h_roles:{_bucket(len(hows), (1, 2))}"]
    out += [f"h_how:{x}" for x in hows] + [f"h_how:{x}|{ctx}" for x in hows]
    out.append("h_linked" if h.linked else "h_person" if h.person else "h_party")
    out.append(f"h_recent:{_bucket(h.recent, (-1, 0, 1, 2))}")
    out.append(f"h_voice:{h.voice}")
    if h.publisher:
        out.append("h_publisher")
    if h.fallback:
        out.append("h_fallback")
    out.append(f"h_party:{h.kind or 'none'}")
    if h.known:
        out.append("h_known")
    root = next((t.i for t in ps.tokens if t.dep == "ROOT"), 0)
    quoted = [m.span() for m in QUOTED.finditer(ps.text)]
    for how, i in h.mentions:
        if i < 0 or i >= len(ps.tokens):
            continue
        t = ps.tokens[i]
        head = ps.tokens[t.head]
        out += [
            f"h_dep:{t.dep}",
            f"h_dep:{t.dep}|{how}",
            f"h_headdep:{head.dep}",
            f"h_kind:{_kind(ps, t)}",
            f"h_dist:{_bucket(abs(i - root), (0, 2, 5, 10))}",
            f"h_depth:{_bucket(ps.depth(i), (0, 1, 2, 3))}",
            "h_before_root" if i < root else "h_after_root",
            "h_at:"
            + (
                "start"
                if i < len(ps.tokens) / 3
                else "mid"
                if i < 2 * len(ps.tokens) / 3
                else "end"
            ),
        ]
        if head.lemma.lower() in _SAY:
            out.append("h_head_say")
        if any(a <= t.start < b for a, b in quoted):
            out.append("h_in_quote")
    return sorted(set(out))


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
    quoted = sum(len(m) for m in QUOTED.findall(text))
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

    With a `holder` model (a logistic regression over holder features, trained on the sentences
    where one of the holders listed is a label's), an added statement's holder is the one it
    scores highest and the add probability is the `adder`'s for the sentence with that holder
    (`best_holder`). Without one (models before it), the add probability is the adder's over the
    sentence's features alone, for the reader's single guess at a holder (`addition`), or the
    multinomial's best stance's when there is no adder. Either way the stance of an added
    statement is the multinomial's.
    """

    def __init__(
        self,
        weights: Mapping[str, Sequence[float]],
        bias: Sequence[float],
        veto: float = 1.0,
        add: float = 1.0,
        classes: Sequence[str] = CLASSES,
        adder: tuple[Mapping[str, float], float] | None = None,
        holder: tuple[Mapping[str, float], float] | None = None,
    ) -> None:
        self.classes = tuple(classes)
        self.weights = {k: [float(x) for x in v] for k, v in weights.items()}
        self.bias = [float(x) for x in bias]
        self.veto = veto
        self.add = add
        self.adder = (
            ({k: float(v) for k, v in adder[0].items()}, float(adder[1])) if adder else None
        )
        self.holder = (
            ({k: float(v) for k, v in holder[0].items()}, float(holder[1])) if holder else None
        )

    @classmethod
    def from_file(cls, path: str | Path = WEIGHTS) -> StanceModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        adder = data.get("adder")
        holder = data.get("holder")
        return cls(
            data["weights"],
            data["bias"],
            data["veto"],
            data["add"],
            data["classes"],
            (adder["weights"], adder["bias"]) if adder else None,
            (holder["weights"], holder["bias"]) if holder else None,
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
        return stance, _logistic(self.adder, feats)

    def best_holder(
        self, feats: Sequence[str], holders: Sequence[Sequence[str]]
    ) -> tuple[int, float]:
        """(index, probability) of the holder most likely to hold a position stated in the
        sentence, and the probability that the statement with that holder is right. The holder
        model ranks the holders by their own features (how and where the sentence names them);
        the adder judges the sentence with the chosen one (its features and the holder's).
        (-1, 0.0) when there is no holder or no holder model.
        """
        best, _ = self.rank_holders(holders)
        if best < 0 or self.adder is None:
            return best, 0.0
        p = 1.0 - self.probabilities(feats)["none"]
        return best, _logistic(self.adder, adder_features(feats, holders[best], p))

    def rank_holders(self, holders: Sequence[Sequence[str]]) -> tuple[int, float]:
        """(index, share) of the holder the holder model scores highest, and its share of the
        sentence's holders (a softmax of their scores); (-1, 0.0) with none or no model.
        """
        if self.holder is None or not holders:
            return -1, 0.0
        weights, _ = self.holder
        scores = [sum(weights.get(f, 0.0) for f in h) for h in holders]
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))
        return best, 1.0 / sum(math.exp(z - scores[best]) for z in scores)


def adder_features(feats: Sequence[str], holder: Sequence[str], p: float) -> list[str]:
    """What the adder sees of a (sentence, holder) pair: the sentence's features, the holder's,
    and the multinomial's P(some stance) for the sentence.
    """
    return [*feats, *holder, position_said(p)]


def position_said(p: float) -> str:
    """The multinomial's P(some stance) as a feature of the adder, in fifths: it learned from
    every candidate sentence whether one states a position, the adder only from those it could
    add to.
    """
    return f"p_pos:{min(4, int(p * 5))}"


def _logistic(model: tuple[Mapping[str, float], float], feats: Iterable[str]) -> float:
    weights, bias = model
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@functools.cache
def shipped() -> StanceModel:
    """The model trained by `eval/train_stance.py`, read once on first use."""
    return StanceModel.from_file(WEIGHTS)
