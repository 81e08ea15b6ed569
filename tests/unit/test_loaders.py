"""Loading real files of every supported format into articles: text, metadata, clear refusals."""

from __future__ import annotations

import json
import random

import pytest

from index.articles import build_article, normalise_date
from index.chunking import sentence_spans
from index.loaders import LoadError, load_file
from tests.support.samples import EXPECTED, Expected

BIG = 10**9


def _articles(path):
    return [build_article(raw) for raw in load_file(path, BIG)]


@pytest.mark.parametrize("exp", EXPECTED, ids=lambda e: f"{e.file}#{e.record}")
def test_every_format_gives_text_and_metadata(make_files, exp: Expected):
    samples = make_files(only=(exp.file,))
    article = _articles(samples.paths[exp.file])[exp.record]

    assert article.title == exp.title
    assert article.source == exp.source
    assert article.date == exp.date
    assert article.url == exp.url
    assert article.language == exp.language
    assert article.path == exp.file
    for sentence in exp.body:
        assert sentence in article.text
    for junk in exp.absent:
        assert junk not in article.text


@pytest.mark.parametrize(("name", "n"), [("island.json", 2), ("wire.jsonl", 2)])
def test_each_json_record_is_its_own_article(make_files, name, n):
    path = make_files(only=(name,)).paths[name]
    articles = _articles(path)
    assert len(articles) == n
    assert len({a.doc_id for a in articles}) == n
    assert len({a.origin for a in articles}) == n
    assert all(a.origin.startswith(str(path.resolve())) for a in articles)
    # a record's text does not leak into its neighbour
    assert articles[0].text not in articles[1].text and articles[1].text not in articles[0].text


def test_txt_header_block_is_metadata_not_body(write_story, tmp_path):
    path = write_story(
        "plain.txt",
        "Update: the ferry timetable changes on Monday for the winter season.\n",
        title="Winter ferry timetable",
        date="1 November 2023",
    )
    (article,) = _articles(path)
    assert article.title == "Winter ferry timetable"
    assert article.date == "2023-11-01"
    # a body line that merely looks like "key: value" stays in the body
    assert article.text.startswith("Update: the ferry timetable changes on Monday")
    assert "Winter ferry timetable" not in article.text


def test_txt_without_header_takes_its_first_line_as_title(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text(
        "Bakers in Ostrow raise bread prices\n\nThe guild said flour costs rose by a third.\n",
        encoding="utf-8",
    )
    (article,) = _articles(path)
    assert article.title == "Bakers in Ostrow raise bread prices"
    assert article.date == "" and article.source == "" and article.url == ""
    assert "The guild said flour costs rose by a third." in article.text


def test_non_utf8_text_is_decoded(tmp_path):
    text = "Le café de la gare à Sète rouvre après des travaux, a annoncé la mairie lundi."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = _articles(path)
    assert "café de la gare à Sète" in article.text
    assert "\ufffd" not in article.text


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("March 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("2024-03-03T17:45:00+01:00", "2024-03-03"),
        ("Sun, 03 Mar 2024 09:00:00 GMT", "2024-03-03"),
        ("2024-02-30", ""),
        ("2023/04/05", "2023-04-05"),  # the news benchmark's own form
        ("2024.3.3", "2024-03-03"),
        ("2024/03-03", "2024-03-03"),  # mixed separators: left to the general parser
        ("not a date at all", ""),
        ("", ""),
    ],
)
def test_dates_are_normalised_to_iso(value, iso):
    assert normalise_date(value) == iso


def test_html_headline_is_not_glued_to_the_first_sentence(make_files):
    """A quoted sentence must not start with the headline run into it."""
    path = make_files(only=("enzyme.html",)).paths["enzyme.html"]
    (article,) = _articles(path)
    sentences = [article.text[s:e] for s, e in sentence_spans(article.text)]
    assert EXPECTED[2].body[0] in sentences


def test_jsonl_error_names_the_broken_line_and_keeps_the_others(tmp_path):
    """issue 17: one broken record fails alone, named by record and line; the file's other
    records are still read.
    """
    path = tmp_path / "feed.jsonl"
    good = {"text": "The mill reopened after the flood with forty workers back on shift."}
    path.write_text(
        json.dumps(good) + "\n" + json.dumps(good | {"title": "b"}) + "\n" + '{"text": "cut off\n',
        encoding="utf-8",
    )
    docs = load_file(path, BIG)
    assert len(docs) == 3
    assert [build_article(d).title for d in docs[:2]][1] == "b"
    with pytest.raises(LoadError, match=r"^malformed JSON \(") as broken:
        build_article(docs[2])
    assert docs[2].where == "record 3 (line 3)", broken.value


def test_a_json_array_keeps_its_readable_records(tmp_path):
    path = tmp_path / "list.json"
    good = {"text": "The mill reopened after the flood with forty workers back on shift."}
    path.write_text(json.dumps([good, 7, {"title": "no text"}]), encoding="utf-8")
    docs = load_file(path, BIG)
    assert build_article(docs[0]).text.startswith("The mill")
    assert [(d.where, d.error) for d in docs[1:]] == [
        ("record 2", "not an object"),
        ("record 3", "no 'text' field"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", r"empty file"),
        ("blob.txt", random.Random(7).randbytes(4096) + b"\0", r"binary file"),
        ("notes.csv", b"a,b\n1,2\n", r"unsupported file type '\.csv'"),
        ("list.json", b'[{"title": "x", "text": "a b c"', r"malformed JSON"),
        ("numbers.json", b"[1, 2, 3]", r"record 1: not an object"),
        ("notext.json", b'[{"title": "Only a title"}]', r"record 1: no 'text' field"),
        ("garbage.jsonl", b"not json\n{also not\n", r"record 1 \(line 1\): malformed JSON"),
        ("nothing.json", b"[]", r"no records"),
        ("random.docx", random.Random(3).randbytes(2048), r"not a valid DOCX"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load_file(path, BIG)


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "dump.pdf"  # no own limit by type: the overall one applies
    with open(path, "wb") as f:
        f.truncate(60_000_000)  # sparse: costs no disk, and no time to write
    with pytest.raises(LoadError, match=r"60\.0 MB, above the 50 MB limit"):
        load_file(path, 50_000_000)


_FR = (
    "Le gouvernement a annoncé mardi que les négociations avec les syndicats reprendraient la "
    "semaine prochaine, selon un communiqué du ministère du Travail publié à Paris. "
)
_DE = (
    "Die Regierung hat am Dienstag angekündigt, dass die Verhandlungen mit den Gewerkschaften "
    "in der kommenden Woche wieder aufgenommen werden, wie das Arbeitsministerium mitteilte. "
)
_EN = (
    "The council said on Tuesday that talks with the residents' association would resume next "
    "week, according to a statement from the planning department published by the city. "
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (_EN * 3, "en"),  # function words decide at once
        (_EN[:60], "en"),  # too short for them: the identifier decides
        (_FR * 3, "fr"),
        (_DE * 3, "de"),
        (_FR * 3 + _EN, "fr"),  # the opening decides, as before
    ],
)
def test_the_language_of_a_document_is_recorded(text, lang):
    from index.articles import detect_language

    assert detect_language(text) == lang
