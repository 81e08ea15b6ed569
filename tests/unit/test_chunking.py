"""Chunks are whole sentences within a budget, tile the article exactly, and cite exact spans;
cleaning normalises whitespace and Unicode, drops page furniture and keeps the reporting."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.types import Article
from index.articles import content_id
from index.chunking import approx_tokens, chunk_article, sentence_spans
from index.cleaning import normalise
from index.embeddings import HashEmbedder
from tests.support.properties import examples

# 50 examples each when thorough (tests/integration/test_properties_thorough.py), 30 here
PROPS = settings(
    max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

WORDS = (
    "the port union strike ships cargo harbour talks pay council bridge canal club winger fee "
    "match enzyme lab film researchers Dr. Mr. U.S. 3.5 1,200 per cent €40m e.g. Halvern "
    "Brenmouth said would could after before on in at by of and but “quote” (aside) 'tis "
    "night-shift mid-season"
).split()

word = st.sampled_from(WORDS)
sentence = st.builds(
    lambda ws, end: " ".join(ws).capitalize() + end,
    st.lists(word, min_size=1, max_size=40),
    st.sampled_from([".", ".", ".", "?", "!", "…", ".\u201d", ":"]),
)
# a run-on "sentence" (a table, a list without punctuation) longer than any sentence limit
run_on = st.lists(word, min_size=300, max_size=320).map(" ".join)
line = st.one_of(*[sentence] * 9, run_on)
# sentences repeat (wire copy repeats its lead), and lines are sometimes hard-wrapped
paragraph = (
    st.lists(line, min_size=1, max_size=6)
    .flatmap(lambda ls: st.lists(st.sampled_from(ls), min_size=1, max_size=8))
    .flatmap(lambda ls: st.sampled_from([" ", "\n", "  \n "]).map(lambda sep: sep.join(ls)))
)
raw_article = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)
budgets = st.integers(min_value=8, max_value=200)
counters = st.sampled_from([approx_tokens, HashEmbedder().count_tokens])


def make_article(
    text: str, title: str = "Port strike enters second week", date: str = ""
) -> Article:
    text = normalise(text)
    return Article(doc_id=content_id(text), text=text, title=title, date=date)


# --- sentences --------------------------------------------------------------------------------


@PROPS
@given(raw_article)
def test_sentence_spans_are_trimmed_ordered_and_lose_no_words(raw):
    text = normalise(raw)
    spans = sentence_spans(text)
    assert spans, "an article with words has sentences"
    prev_end = 0
    covered = [False] * len(text)
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        piece = text[s:e]
        assert piece.strip() == piece and piece
        for i in range(s, e):
            covered[i] = True
        prev_end = e
    # every visible character of the article is inside some sentence: nothing is dropped
    lost = [c for c, hit in zip(text, covered, strict=True) if not hit and not c.isspace()]
    assert lost == []


# --- chunks -----------------------------------------------------------------------------------


@PROPS
@given(raw_article, budgets, counters)
def test_chunks_tile_the_sentences_without_cutting_or_overlap(raw, budget, count):
    article = make_article(raw)
    chunks = chunk_article(article, budget, count)
    text = article.text

    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    # concatenating the chunks' sentences gives back exactly the article's sentences, in order
    assert [sp for c in chunks for sp in c.sentence_spans] == sentence_spans(text)
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        assert prev.end <= nxt.start
        assert text[prev.end : nxt.start].strip() == ""  # only whitespace between chunks
    for c in chunks:
        assert c.doc_id == article.doc_id
        assert c.text == text[c.start : c.end]
        assert c.sentence_spans[0][0] == c.start and c.sentence_spans[-1][1] == c.end
        for s, e in c.sentence_spans:
            assert c.start <= s < e <= c.end
            assert text[s:e].strip() == text[s:e] != ""


@PROPS
@given(raw_article, budgets, counters)
def test_chunks_respect_the_budget_unless_one_sentence_exceeds_it(raw, budget, count):
    article = make_article(raw)
    for c in chunk_article(article, budget, count):
        sizes = count([article.text[s:e] for s, e in c.sentence_spans])
        assert sum(sizes) <= budget or len(c.sentence_spans) == 1


def test_an_overlong_sentence_becomes_its_own_whole_chunk():
    long = "The harbour master listed " + ", ".join(f"berth {i}" for i in range(60)) + "."
    text = f"Dockers met at dawn. {long} Talks resume on Thursday."
    article = make_article(text)
    chunks = chunk_article(article, 20, HashEmbedder().count_tokens)
    assert long in [c.text for c in chunks]
    assert [c.text for c in chunks][0] == "Dockers met at dawn."
    assert [c.text for c in chunks][-1] == "Talks resume on Thursday."


def test_embed_text_carries_the_title_but_stored_text_does_not():
    article = make_article(
        "Dockworkers stopped the cranes at dawn. The union wants a written offer.\n\n"
        "Ferries still sail from the southern berths.",
        title="Halvern port strike enters second week",
        date="2024-03-10",
    )
    chunks = chunk_article(article, 6, HashEmbedder().count_tokens)
    assert len(chunks) > 1
    for c in chunks:
        assert "Halvern port strike enters second week" in c.embed_text
        assert c.embed_text.endswith(c.text)
        assert "2024-03-10" not in c.embed_text  # no help to retrieval, 5% of the tokens
        assert "Halvern" not in c.text and "2024-03-10" not in c.text


def test_chunk_ids_are_stable_and_follow_the_text():
    base = (
        "Kestrel Rovers signed the winger on Friday. The fee is a club record.\n\n"
        "He starts against Millbrook. The manager praised his pace."
    )
    first = chunk_article(make_article(base), 8, HashEmbedder().count_tokens)
    again = chunk_article(make_article(base), 8, HashEmbedder().count_tokens)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert len({c.chunk_id for c in first}) == len(first) > 1

    edited = base.replace("his pace", "his vision")
    changed = chunk_article(make_article(edited), 8, HashEmbedder().count_tokens)
    assert [c.text for c in changed][:-1] == [c.text for c in first][:-1]
    # a different text is a different document: none of its chunk ids can collide with the old
    assert not {c.chunk_id for c in changed} & {c.chunk_id for c in first}


def test_a_run_on_list_is_split_between_words_not_inside_them():
    items = " ".join(f"berth{i:03d} crane{i:03d}" for i in range(200))  # ~3,000 chars, no stop
    text = normalise(f"The harbour inventory reads {items} and ends here.")
    spans = sentence_spans(text)
    assert len(spans) > 1
    pieces = [text[s:e] for s, e in spans]
    assert " ".join(pieces) == text  # split at spaces only: no word is cut or lost
    assert all(p == p.strip() and len(p) <= 1500 for p in pieces)


# --- cleaning ---------------------------------------------------------------------------------


def test_whitespace_and_invisible_characters_are_normalised():
    raw = (
        "\ufeffPort\u00a0Halvern  strike\u200b enters\tsecond\u2009week.\r\n"
        "Talks will con\u00adtinue on Thursday.\r\n\r\n\r\n\r\n"
        "Cafe\u0301 owners on the quay report fewer customers.\r\n"
    )
    text = normalise(raw)
    assert text == (
        "Port Halvern strike enters second week.\n"
        "Talks will continue on Thursday.\n\n"
        "Café owners on the quay report fewer customers."
    )
    assert "\r" not in text and "\u00a0" not in text and "\u200b" not in text


def test_boilerplate_lines_are_dropped_and_paragraphs_kept():
    raw = (
        "Dockworkers stopped the cranes at dawn on Sunday.\n\n"
        "Advertisement\n\n"
        "The union wants a written offer\n"
        "before members return to work.\n\n"
        "Share this article\n"
        "Read more: Port strikes across the region\n\n"
        "Ferries still sail from the southern berths.\n"
        "Subscribe now\n"
        "All rights reserved."
    )
    assert normalise(raw) == (
        "Dockworkers stopped the cranes at dawn on Sunday.\n\n"
        "The union wants a written offer before members return to work.\n\n"
        "Ferries still sail from the southern berths."
    )


def test_a_link_to_another_story_is_dropped_however_long_its_headline():
    raw = (
        "Dockworkers stopped the cranes at dawn on Sunday.\n\n"
        "More:Halvern Freight seeks a merger with Calder Lines, whose board will study the deal "
        "'with interest'\n\n"
        "RELATED: Ferry operators say the strike has cost them bookings for the whole summer\n\n"
        "READ THE SPEECH:Read Mayor Ana Ruiz's full address to the harbour board\n\n"
        "WATCH: Live video of the picket at the southern gate\n\n"
        "Ferries still sail from the southern berths."
    )
    assert normalise(raw) == (
        "Dockworkers stopped the cranes at dawn on Sunday.\n\n"
        "Ferries still sail from the southern berths."
    )


def test_lists_keep_their_line_breaks():
    raw = "Demands:\n- a pay rise\n- safer cranes\n- fewer night shifts"
    assert normalise(raw) == raw


def test_a_line_that_only_starts_with_read_or_watch_is_kept():
    raw = (
        "Read the statement in full: the union will not return until the cranes are safe.\n\n"
        "Watch what happens at the gate on Monday, the union's leader said."
    )
    assert normalise(raw) == raw


def test_hard_wrapped_prose_that_starts_a_line_with_a_furniture_word_is_kept():
    """Wire copy wrapped at ~70 columns: a line may begin with "related" or "sign up"."""
    raw = (
        "The ministry said the two incidents at the northern terminal were not\n"
        "related to the strike, and that dockers who wished to return could\n"
        "sign up for the morning shift at the union hall on Monday."
    )
    text = normalise(raw)
    assert text == " ".join(raw.split("\n"))


def test_a_title_abbreviated_before_a_name_does_not_end_the_sentence():
    # News copy: syntok alone ends a sentence at "Gov." and "Lt.", so "Nikki Haley said ..."
    # would be quoted without who she is, and "Former South Carolina Gov." would be a sentence
    text = (
        "Former South Carolina Gov. Nikki Haley said the aid must continue. "
        "Lt. Gov. Ann Price agreed, and Rep. Dana Holt, R-Colo., did not. "
        "Reporters waited for the Gov.\n\nThe Rev. Al Sharp spoke next."
    )
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Former South Carolina Gov. Nikki Haley said the aid must continue.",
        "Lt. Gov. Ann Price agreed, and Rep. Dana Holt, R-Colo., did not.",
        "Reporters waited for the Gov.",  # a paragraph ends after it: not joined
        "The Rev. Al Sharp spoke next.",
    ]


def test_a_wire_dateline_stays_with_the_sentence_it_opens():
    # syntok ends a sentence at "(Reuters)" and at "Ariz.": the dateline was a sentence of its
    # own, and the news was quoted as "- Venezuela denied ..."
    text = (
        "CARACAS (Reuters) - Venezuela denied the reports on Thursday. It called them false.\n\n"
        "KINGMAN, Ariz. — Top Republican leaders met on Monday.\n\n"
        "The ministers met the U.N. (on Monday).\n- A list item follows."
    )
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "CARACAS (Reuters) - Venezuela denied the reports on Thursday.",
        "It called them false.",
        "KINGMAN, Ariz. — Top Republican leaders met on Monday.",
        "The ministers met the U.N. (on Monday).",  # not a dateline: not joined
        "- A list item follows.",
    ]


def test_a_full_stop_after_a_closing_bracket_ends_that_sentence_not_the_next():
    # syntok ends the sentence at the bracket: an answer quoting the next one began with ". "
    text = (
        "Kate is a few points behind. (Prince Harry even merits a 70% rating). And get this: "
        "13% of Americans would like a royal family. (In 1950, only 3% did).\n\nSo why?"
    )
    found = [text[s:e] for s, e in sentence_spans(text)]
    assert found == [
        "Kate is a few points behind.",
        "(Prince Harry even merits a 70% rating).",
        "And get this: 13% of Americans would like a royal family.",
        "(In 1950, only 3% did).",
        "So why?",
    ]


def test_a_dateline_with_a_minus_sign_stays_with_its_sentence():
    text = "BOULDER, Colo. \u2212 A pedestrian mall was quiet on Monday. Police removed barricades."
    found = [text[s:e] for s, e in sentence_spans(text)]
    assert found[0] == "BOULDER, Colo. \u2212 A pedestrian mall was quiet on Monday."
