"""The learned second opinion in the stance reader: it tells clear positions from sentences that
state none in styles it was not trained on, the reader adds a statement on its word only with a
holder it knows, vetoes on its word, and the training script runs on a small set of its own."""

from __future__ import annotations

import json

import pytest

from assistant.parties import Registry
from assistant.stance import StanceReader
from assistant.stance_model import StanceModel, shipped
from eval import train_stance
from index.language import SpacyParser
from tests.support.stance_reading import read


@pytest.fixture(scope="module")
def parser() -> SpacyParser:
    return SpacyParser()


def _reader(parser: SpacyParser, model: StanceModel | None) -> StanceReader:
    return StanceReader(parser, Registry.load(), model=model)


def _p_none(parser: SpacyParser, text: str, source: str) -> float:
    """P(none) the shipped model gives the one candidate sentence of `text`."""
    reader = _reader(parser, None)
    reader.trace = []
    read(reader, text, source=source)
    assert len(reader.trace) == 1, reader.trace
    return shipped().verdict(reader.trace[0]["features"])[2]  # type: ignore[arg-type]


def test_clear_positions_rank_above_sentences_that_state_none(parser):
    # a school board, a sailing club and a bus company: none of them in the training texts
    positions = [
        "The Westbrook Teachers Union said its members would strike on Monday unless the "
        "board restores the pay deal.",
        "Greyport Council said it will not back the new bypass.",
        "The Norbury Residents Group said the board should drop the fee.",
    ]
    none = [  # each with a cue ("will", "not", "would") in someone's voice: the reader parses it
        "The sailing club, its secretary said, was founded in 1892 and will celebrate its "
        "anniversary next year.",
        "Kell did not attend the meeting, which lasted three hours, the union said.",
        "The new buses would have been the first in the county to run on hydrogen, the "
        "company said.",
    ]
    pos = [_p_none(parser, s, "usatoday.com") for s in positions]
    neg = [_p_none(parser, s, "usatoday.com") for s in none]
    assert max(pos) < min(neg), (pos, neg)


# a model sure that any sentence with "said" in it assures, and sure of nothing else
_SAYS_ASSURES = StanceModel({"say:say": [-5.0, 0, 0, 0, 0, 5.0]}, [0.0] * 6, veto=2.0, add=0.9)


def test_the_reader_adds_what_the_model_is_sure_of_for_the_holder_it_knows(parser):
    text = (
        "Dora Kell, president of the Westbrook Teachers Union, said the schools would stay "
        "open through the strike."
    )
    assert read(_reader(parser, None), text, source="usatoday.com") == []  # the rules miss it
    found = read(_reader(parser, _SAYS_ASSURES), text, source="usatoday.com")
    assert [(h, s) for h, s, _ in found] == [("Westbrook Teachers Union", "assures")]


def test_the_reader_adds_on_the_adders_word_with_the_multinomials_stance(parser):
    text = (
        "Dora Kell, president of the Westbrook Teachers Union, said the schools would stay "
        "open through the strike."
    )
    sure = StanceModel(
        _SAYS_ASSURES.weights, _SAYS_ASSURES.bias, veto=2.0, add=0.9, adder=({"say:say": 5.0}, 0.0)
    )
    found = read(_reader(parser, sure), text, source="usatoday.com")
    assert [(h, s) for h, s, _ in found] == [("Westbrook Teachers Union", "assures")]
    # the multinomial is as sure of the stance, but the adder doubts the statement: none added
    doubt = StanceModel(
        _SAYS_ASSURES.weights, _SAYS_ASSURES.bias, veto=2.0, add=0.9, adder=({"say:say": -5.0}, 0.0)
    )
    assert read(_reader(parser, doubt), text, source="usatoday.com") == []


def test_the_reader_never_adds_a_statement_without_a_holder(parser):
    # a quote no one in the text is said to speak: the shipped model is sure it is a demand
    text = (
        "Westbrook Teachers Union president Dora Kell spoke after the meeting. "
        '"We expect the board to publish the audit before the vote."'
    )
    for model in (shipped(), _SAYS_ASSURES):
        assert read(_reader(parser, model), text, source="usatoday.com") == []


def test_the_reader_vetoes_a_rule_statement_the_model_is_sure_states_nothing(parser):
    # a model sure that a sentence whose main verb is "be" states no position
    sure = StanceModel({"root_pos:AUX": [6.0, 0, 0, 0, 0, 0]}, [0.0] * 6, veto=0.9, add=2.0)
    mention = (
        "The Westbrook Teachers Union's demand for a 10 per cent rise was the subject of a "
        "documentary shown on Friday."
    )
    stated = "The Westbrook Teachers Union has demanded smaller classes."
    assert read(_reader(parser, None), mention, source="usatoday.com")  # the rules keep it
    assert read(_reader(parser, sure), mention, source="usatoday.com") == []
    kept = read(_reader(parser, sure), stated, source="usatoday.com")
    assert [(h, s) for h, s, _ in kept] == [("Westbrook Teachers Union", "demands")]


_DOCS = {
    "a.txt": (
        "Harlow Bus Riders' Union",
        "The Harlow Bus Riders' Union demanded that the operator restore the night buses. "
        "The union met in the town hall on Tuesday. "
        "It said it would not accept a fare rise this year. "
        "The meeting would have lasted longer without the fire alarm.",
    ),
    "b.txt": (
        "Eastmoor Allotment Society",
        "The Eastmoor Allotment Society rejected the council's plan to sell the plots. "
        "The society was founded in 1921. "
        "Its chair said the society was ready to buy the land at a fair price. "
        "The plots will be open to visitors on Sunday, the society said.",
    ),
    "c.txt": (
        "Norbury Chess Club",
        "The Norbury Chess Club warned that it would leave the league if fees doubled. "
        "The club has 40 members. "
        "It said it would not play on Sundays. "
        "Its last match was drawn, and the next will be held in May.",
    ),
}
_LABELS = [
    ("a.txt", 0, "demands"),
    ("a.txt", 2, "rejects"),
    ("b.txt", 0, "rejects"),
    ("b.txt", 2, "offers"),
    ("c.txt", 0, "warns"),
    ("c.txt", 2, "rejects"),
]


def test_the_training_script_writes_a_model_the_reader_can_use(tmp_path):
    root = tmp_path / "set"
    (root / "docs").mkdir(parents=True)
    manifest = {"docs": []}
    labels = []
    for name, (party, body) in _DOCS.items():
        (root / "docs" / name).write_text(
            f"title: {party}\nsource: Wire\ndate: 2025-01-01\n---\n{body}\n", encoding="utf-8"
        )
        manifest["docs"].append({"doc": f"docs/{name}", "set": "dev", "style": "wire"})
        sentences = [s.strip() + "." for s in body.split(". ") if s.strip()]
        for doc, n, stance in _LABELS:
            if doc == name:
                labels.append(
                    {"set": "dev", "doc": f"docs/{name}", "sentence": sentences[n].rstrip("."),
                     "holder": party, "stance": stance, "voice": "paraphrase"}
                )  # fmt: skip
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (root / "labels.jsonl").write_text(
        "".join(json.dumps(lab) + "\n" for lab in labels), encoding="utf-8"
    )
    outs = [tmp_path / "one.json", tmp_path / "two.json"]
    for out in outs:
        assert train_stance.main(["--invented", str(root), "--out", str(out), "--write"]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()  # deterministic
    model = StanceModel.from_file(outs[0])
    assert model.weights and len(model.bias) == 6
    written = json.loads(outs[0].read_text(encoding="utf-8"))
    assert set(written["adder"]) == {"bias", "weights"}  # the adds' own model ships with it
    p = model.probabilities(["trig:demands"])
    assert abs(sum(p.values()) - 1.0) < 1e-9
