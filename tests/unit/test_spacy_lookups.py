"""The attribute ruler and the rule lemmatizer, applied by lookups (issue 18: they cost as much
as the tagger and the parser together), must give the stance layer exactly what spaCy's own
components give: the same parts of speech, lemmas, tags and dependencies, token for token.
"""

from __future__ import annotations

from typing import Any

import pytest

from index import language
from index.spacy_attributes import RulerTable

# Every kind of pattern the small model's ruler has: tags to parts of speech and morphology,
# words with a tag ("is", "'s", "not"), dependencies ("it" as subject or object, auxiliaries,
# "there is"), two-token patterns ("gonna", "let's", "ain't", "y'all") and regular expressions.
TEXTS = [
    "The union said it would not accept the offer, and the company's board rejected it.",
    "We ain't gonna sign, and y'all know it; let's wait until they've read the draft.",
    "There is no plan to close the plant, although the council has warned residents.",
    "Sherman told Ryabkov that the allies were prepared to discuss arms control.",
    "Is it true that the ministry's spokesman didn't deny the report?",
    "I am asking you to withdraw: do it now, or we will respond with sanctions.",
    "Nothin' has changed since the strikes began; the workers are demanding 12% more pay.",
    "GENERAL SECRETARY:   We call on Moscow to de-escalate, and we expect an answer by Friday.",
    "Which of the drafts provides for a ban on further enlargement of the alliance?",
    "The miners, whose leaders had been arrested, marched through Lowfield on 3 March 2025.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    fast = language.load_pipeline(language.DEFAULT_MODEL)
    own = language._import_spacy().load(language.DEFAULT_MODEL)  # its own ruler and lemmatizer
    return fast, own


def test_the_lookups_replace_the_ruler_and_lemmatizer(pipelines: tuple[Any, Any]) -> None:
    fast, own = pipelines
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(own.pipe_names)


def test_the_lookups_give_what_spacys_own_components_give(pipelines: tuple[Any, Any]) -> None:
    fast, own = pipelines
    got = language.pipe(fast, TEXTS, 4)
    want = [language._convert(d) for d in own.pipe(TEXTS)]
    assert got == want
    tokens = [t for doc in got for s in doc for t in s.tokens]
    # what the stance rules read: verbs by their lemma, auxiliaries, negation, proper nouns
    lemma = {t.text: t.lemma for t in tokens}
    assert lemma["rejected"] == "reject" and lemma["demanding"] == "demand"
    assert lemma["gon"] == "go" and lemma["'ve"] == "have" and lemma["ai"] == "be"
    assert {t.pos for t in tokens if t.text in ("would", "will")} == {"AUX"}
    assert {t.pos for t in tokens if t.text == "Sherman"} == {"PROPN"}


def test_a_ruler_pattern_the_lookups_cannot_read_keeps_spacys_components() -> None:
    with pytest.raises(KeyError):
        RulerTable([{"patterns": [[{"LENGTH": 3}]], "attrs": {"POS": "X"}}])
    nlp = language._import_spacy().load(language.DEFAULT_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": 3, "LOWER": {"REGEX": "^x"}}]], {"POS": "X"})
    language._by_lookup(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names


def test_the_lemma_caches_stay_bounded_and_give_the_same_lemmas(
    pipelines: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import spacy_attributes

    fast, own = pipelines
    monkeypatch.setattr(spacy_attributes, "CACHE_LIMIT", 20)
    lookups = language._LOOKUPS[fast]
    lookups.lemmas._cache.clear()  # the earlier tests' lemmas: every one is looked up again
    fast.get_pipe("lemmatizer").cache.clear()
    got = language.pipe(fast, TEXTS, 4)  # far more than 20 distinct lemmas
    assert got == [language._convert(d) for d in own.pipe(TEXTS)]
    assert len(lookups.lemmas._cache) <= 20
    assert len(fast.get_pipe("lemmatizer").cache) <= 20  # spaCy's own, under ours


def test_the_lemma_index_answers_membership_as_sets(pipelines: tuple[Any, Any]) -> None:
    """Issue 18: the index of known words is asked `form in index` for every form the rules
    make; as lists (57,000 nouns) each question scanned them. As sets the lemmas are the same,
    among them words whose rules make several forms and the index picks one.
    """
    fast, own = pipelines
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for _, words in index.items())
    assert isinstance(own.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"], list)
    texts = [
        "Officials were hoping the leaves would fall before the rerouted ships arrived.",
        "The mice fled as the storm raged; the rates were slated to rise, and Ruiz hoped so.",
    ]
    assert language.pipe(fast, texts, 4) == [language._convert(d) for d in own.pipe(texts)]


def test_verbs_keep_their_own_lemma(pipelines: tuple[Any, Any]) -> None:
    """The stance rules read verbs by their lemma. spaCy 3.8.8 and later put a known word made
    by any rule first ("hoping" -> "hop", "leaves" -> "leaf", "routed" -> "rout"); the version
    the project holds (pyproject.toml) keeps the rules' order, as its lemmatizer was trained.
    """
    fast, _ = pipelines
    text = "She hoped the ship, which leaves Friday and was routed north, raged on, hoping."
    lemma = {t.text: t.lemma for s in language.pipe(fast, [text], 4)[0] for t in s.tokens}
    assert lemma["hoped"] == "hope" and lemma["hoping"] == "hope"
    assert lemma["leaves"] == "leave" and lemma["routed"] == "route" and lemma["raged"] == "rage"
