"""The stance reader's learned second opinion: its arithmetic, its shipped weights, and the
holders it chooses among."""

from __future__ import annotations

import math

import pytest

from assistant.parties import Registry
from assistant.stance import StanceReader
from assistant.stance_holders import ReadingState
from assistant.stance_model import CLASSES, WEIGHTS, StanceModel, position_said, shipped
from assistant.stance_parties import Parties
from assistant.stance_statements import holder_candidates
from assistant.stance_triggers import trigger
from eval.train_stance import holder_right
from index.language import SpacyParser
from tests.support.stance_reading import read


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
    assert WEIGHTS.stat().st_size < 200_000  # a dot product's worth, not a model to download
    assert m.holder is not None and m.holder[0]  # the holder is the holder model's choice
    assert m.adder is not None and m.adder[0]  # and whether to add, the adder's
    # features are of general kinds (predicate shape, modals, speakers, stance words; how and
    # where a holder is named), never a bag of the sentence's words nor a holder's name
    kinds = {f.split(":")[0] for f in [*m.weights, *m.adder[0], *m.holder[0]]}
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
        "p_pos",
        *(
            f"h_{k}"
            for k in (
                "n",
                "roles",
                "how",
                "linked",
                "person",
                "party",
                "recent",
                "voice",
                "publisher",
                "fallback",
                "known",
                "dep",
                "headdep",
                "kind",
                "dist",
                "depth",
                "before_root",
                "after_root",
                "at",
                "head_say",
                "in_quote",
            )
        ),  # fmt: skip
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


def test_the_holder_model_chooses_and_the_adder_judges_the_chosen_pair():
    # a holder model that prefers the reporting speaker to a subject the sentence mentions, and
    # an adder sure of a sentence with "said" whose holder is that speaker
    m = StanceModel(
        {"say:say": [0.0, 0.0, 0.0, 0.0, 0.0, 2.0]},
        [0.0] * 6,
        holder=({"h_how:said": 2.0, "h_how:subj_ccomp": -1.0}, 0.0),
        adder=({"h_how:said": 4.0, "say:say": 1.0}, -2.0),
    )
    sentence = ["say:say"]
    mentioned, speaker = ["h_how:subj_ccomp"], ["h_how:said"]
    k, p = m.best_holder(sentence, [mentioned, speaker])
    assert k == 1
    said = position_said(1.0 - m.probabilities(sentence)["none"])
    assert said.startswith("p_pos:")
    assert math.isclose(p, 1 / (1 + math.exp(-(4.0 + 1.0 - 2.0))))
    assert m.best_holder(sentence, [mentioned])[1] < 0.5  # the mentioned subject alone: doubtful
    assert m.best_holder(sentence, []) == (-1, 0.0)  # no holder: nothing to add
    assert StanceModel({}, [0.0] * 6).best_holder(sentence, [speaker]) == (-1, 0.0)


def test_a_pair_is_right_when_its_holder_is_the_labels():
    # two candidate sentences where the rules found none: the model could add each with either
    # of two holders; a label of the first is the reporting speaker's, the second has none
    sentences = [
        "The union said the council would raise the fee.",
        "The meeting would have lasted longer without the alarm.",
    ]
    doc = {
        "sentences": [
            {"start": 0, "end": 48, "text": sentences[0], "candidates": [{}, {}]},
            {"start": 50, "end": 105, "text": sentences[1], "candidates": [{}, {}]},
        ],
        "statements": [
            {"start": 0, "holder": "Harlow Council", "stance": "model", "traced": [0, 0],
             "sentence": sentences[0]},
            {"start": 0, "holder": "Bus Riders' Union", "stance": "model", "traced": [0, 1],
             "sentence": sentences[0]},
            {"start": 50, "holder": "Harlow Council", "stance": "model", "traced": [1, 0],
             "sentence": sentences[1]},
            # a quote's continuation of sentence 0's first holder: judged in sentence 0 only
            {"start": 50, "holder": "Harlow Council", "stance": "model", "traced": [0, 0],
             "sentence": sentences[1]},
        ],
    }  # fmt: skip
    labels = [{"sentence": sentences[0], "holder": "Bus Riders' Union", "stance": "warns"}]
    assert holder_right(doc, labels) == [[False, True], [False, False]]


@pytest.fixture(scope="module")
def parser() -> SpacyParser:
    return SpacyParser()


def _holders(parser: SpacyParser, text: str) -> tuple[list[str], list[str], list[list[str]]]:
    """(features, holders, their features) of the last candidate sentence of `text`."""
    reader = StanceReader(parser, Registry.load(), model=None)
    reader.trace = []
    read(reader, text, source="usatoday.com")
    last = reader.trace[-1]
    cands = last.get("candidates") or last.get("ruled") or []
    return last["features"], [c["holder"] for c in cands], [c["features"] for c in cands]


def test_the_reporting_speaker_is_chosen_over_the_subject_it_mentions(parser):
    # parties in no training text: the subject of the reported clause is named, but the position
    # is the speaker's
    text = (
        "Greyport Council met on Monday. "
        "The Westbrook Teachers Union said Greyport Council must restore the pay deal before "
        "the vote."
    )
    feats, holders, pairs = _holders(parser, text)
    assert {"Westbrook Teachers Union", "Greyport Council"} <= set(holders), holders
    k, _ = shipped().best_holder(feats, pairs)
    assert holders[k] == "Westbrook Teachers Union"


def test_a_quote_is_its_speakers_not_a_party_it_names(parser):
    text = (
        "Dora Kell, president of the Westbrook Teachers Union, spoke after the meeting. "
        '"Greyport Council has to publish the audit before the vote," Kell said.'
    )
    feats, holders, pairs = _holders(parser, text)
    k, _ = shipped().best_holder(feats, pairs)
    assert holders[k] == "Westbrook Teachers Union", holders


def test_listing_holders_leaves_the_rules_reading_unchanged(parser):
    # resolving every mention may link people and learn names; none of it may change what the
    # rules read in the sentences after
    text = (
        "Dora Kell, president of the Westbrook Teachers Union, spoke after the meeting. "
        "She said Greyport Council's chief executive, Ian Marsh, would be asked to explain. "
        "Marsh said the council will not restore the pay deal. "
        "The union said it would strike on Monday unless the board restores the deal."
    )
    plain = StanceReader(parser, Registry.load(), model=None)
    traced = StanceReader(parser, Registry.load(), model=None)
    traced.trace = []
    rules = read(plain, text, source="usatoday.com")
    assert rules
    assert [f for f in read(traced, text, source="usatoday.com") if f[1] != "model"] == rules


def test_listing_holders_puts_back_what_resolving_mentions_taught(parser):
    # resolving the mentions calls Kell "he", names Greyport Council and links Ian Marsh to it:
    # the holders listed show it; the document's parties and reading state are as they were
    text = "He said Ian Marsh of Greyport Council would be asked to restore the pay deal."
    ps = parser.parse([text])[0][0]
    parties = Parties(Registry.load(), text=text)
    parties.link("Dora Kell", "Westbrook Teachers Union")
    state = ReadingState(
        news=True, last_person="Dora Kell", last_person_party="Westbrook Teachers Union"
    )
    before = parties.snapshot(), state.snapshot()
    stance_words = [t for t in ps.tokens if trigger(ps, t) is not None]
    holders = holder_candidates(ps, parties, state, stance_words)
    assert ("Greyport Council", "Ian Marsh") in [(h.party, h.person) for h in holders], holders
    assert parties.speaks_for("Ian Marsh") == "" and state.genders == {}
    assert (parties.snapshot(), state.snapshot()) == before
