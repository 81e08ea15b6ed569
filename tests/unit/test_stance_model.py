"""The stance reader's learned second opinion: its arithmetic and its shipped weights."""

from __future__ import annotations

import math

from assistant.stance_model import CLASSES, WEIGHTS, StanceModel, shipped


def test_probabilities_are_a_distribution_and_unknown_features_count_nothing():
    m = StanceModel({"a": [1.0, 2.0, 0.0, 0.0, -1.0, 0.5]}, [0.5, 0.0, 0.0, 0.0, 0.0, 0.0])
    p = m.probabilities(["a", "never seen"])
    assert math.isclose(sum(p.values()), 1.0)
    assert p == m.probabilities(["a"])
    assert max(p, key=lambda c: p[c]) == "demands"
    stance, prob, none = m.verdict(["a"])
    assert (stance, prob, none) == ("demands", p["demands"], p["none"])


def test_a_sentence_with_no_known_feature_gets_the_prior():
    m = StanceModel({}, [2.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    p = m.probabilities([])
    assert p["none"] > 0.5 and math.isclose(p["demands"], p["assures"])


def test_the_shipped_weights_load_and_are_small():
    m = shipped()
    assert m.classes == CLASSES
    assert len(m.bias) == len(CLASSES)
    assert all(len(w) == len(CLASSES) for w in m.weights.values())
    assert 0.0 < m.add <= 1.0  # the model adds statements; a veto may be off (above 1)
    assert m.veto > 0.0
    assert WEIGHTS.stat().st_size < 40_000  # a dot product's worth, not a model to download
    # features are of general kinds (predicate shape, modals, speakers, stance words), never a
    # bag of the sentence's words
    kinds = {f.split(":")[0] for f in m.weights}
    assert not kinds - {
        *(
            f"{p}{k}"
            for p in ("root_", "said_")
            for k in ("pos", "tag", "lemma", "dep", "modal", "neg", "subj", "imperative")
        ),
        "turn",
        "official",
        "news",
        "according_to",
        "ent",
        "inside_quote",
        "quote_marks",
        "question",
        "len",
        "say",
        "say_subj",
        "condition",
        "neg_any",
        "modal",
        "v",
        "trig",
        "trig_lemma",
        "trig_dep",
    }, kinds
