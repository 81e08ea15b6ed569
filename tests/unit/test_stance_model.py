"""The stance reader's learned second opinion: its arithmetic and its shipped weights."""

from __future__ import annotations

import math

from assistant.stance_model import CLASSES, WEIGHTS, StanceModel, shipped
from eval.train_stance import added_right


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
    assert m.adder is not None and m.adder[0]  # the adds are the adder's call
    # features are of general kinds (predicate shape, modals, speakers, stance words), never a
    # bag of the sentence's words
    kinds = {f.split(":")[0] for f in [*m.weights, *m.adder[0]]}
    assert not kinds - {
        *(
            f"{p}{k}"
            for p in ("root_", "said_", "comp_")
            for k in ("pos", "tag", "lemma", "dep", "modal", "aux", "neg", "subj", "imperative")
        ),
        "date",
        "quoted",
        "holder",
        "lede",
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


def test_an_adder_decides_whether_to_add_and_the_multinomial_which_stance():
    multinomial = {"a": [0.0, 0.0, 0.0, 0.0, 5.0, 0.0]}  # sure "a" warns
    plain = StanceModel(multinomial, [0.0] * 6)
    doubtful = StanceModel(multinomial, [0.0] * 6, adder=({"a": -3.0}, 0.0))
    assert plain.addition(["a"]) == ("warns", plain.probabilities(["a"])["warns"])
    stance, p = doubtful.addition(["a"])
    assert stance == "warns" and math.isclose(p, 1 / (1 + math.exp(3.0)))
    assert math.isclose(doubtful.addition(["b"])[1], 0.5)  # no known feature: the bias alone


def test_a_model_file_with_an_adder_reads_back(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        '{"classes": ["none", "demands", "rejects", "offers", "warns", "assures"],'
        ' "bias": [1, 0, 0, 0, 0, 0], "veto": 2.0, "add": 0.7, "weights": {"a": [0, 1, 0, 0, 0, 0]},'
        ' "adder": {"bias": -1.0, "weights": {"a": 2.5}}}',
        encoding="utf-8",
    )
    m = StanceModel.from_file(path)
    assert m.adder == ({"a": 2.5}, -1.0) and m.add == 0.7
    assert math.isclose(m.addition(["a"])[1], 1 / (1 + math.exp(-1.5)))


def test_the_adder_learns_whether_the_added_statement_would_score_right():
    # three candidate sentences: the rules found the first; the model could add the other two,
    # one whose fallback holder is the label's and one whose holder is not
    sentences = [
        "The union demanded a new contract.",
        "The mayor said the city would pay the bill.",
        "Analysts said the council would raise taxes.",
    ]
    starts = [0, 40, 90]
    doc = {
        "sentences": [
            {"start": a, "end": a + len(t), "text": t}
            for a, t in zip(starts, sentences, strict=True)
        ],
        "statements": [
            {"start": 0, "holder": "Union", "stance": "demands", "sentence": sentences[0]},
            {"start": 40, "holder": "City of Harlow", "stance": "model", "sentence": sentences[1]},
            {"start": 90, "holder": "Harlow Council", "stance": "model", "sentence": sentences[2]},
        ],
    }
    labels = [
        {"sentence": sentences[0], "holder": "Union", "stance": "demands"},
        {"sentence": sentences[1], "holder": "City of Harlow", "stance": "assures"},
        {"sentence": sentences[2], "holder": "Analysts", "stance": "warns"},
    ]
    assert added_right(doc, labels) == [None, True, False]
