"""One person, one party in the lists: the names several documents give a person, joined
(`assistant.party_names`), and the positions read under the joined name."""

from __future__ import annotations

from pathlib import Path

from assistant.parties import Registry
from assistant.party_names import joined_names, plain_name
from assistant.positions import PositionIndex
from assistant.types import Article, Chunk, StatementRow
from index.catalog import Catalog


def test_a_title_before_a_full_name_is_not_the_name():
    assert plain_name("Philadelphia District Attorney Larry Krasner") == "Larry Krasner"
    assert plain_name("Republican Donald Trump") == "Donald Trump"
    assert plain_name("Donald Trump") == "Donald Trump"
    assert plain_name("Senate Judiciary Committee") == "Senate Judiciary Committee"  # looks so
    assert plain_name("Donald Trump and Russian") == ""
    assert plain_name("But Mia") == ""


def test_a_surname_joins_its_one_full_name_when_both_speak_as_people():
    rows = [
        ("Donald Trump", "Donald Trump"),
        ("Trump", "Trump"),
        ("Republican Donald Trump", "Donald Trump"),
        ("Ford", ""),  # the carmaker: never spoken by a "Ford"
        ("Doug Ford", "Doug Ford"),
        ("Biden", "Biden"),
        ("Joe Biden", "Joe Biden"),
        ("Hunter Biden", "Hunter Biden"),  # two full names: "Biden" stays alone
        ("united-states", "Blinken"),
    ]
    joined = joined_names(rows, known=["united-states"])
    assert joined["Trump"] == "Donald Trump"
    assert joined["Republican Donald Trump"] == "Donald Trump"
    assert "Ford" not in joined and "Biden" not in joined
    assert "united-states" not in joined and "Donald Trump" not in joined


def test_a_surname_whose_documents_never_write_the_full_name_stays_apart():
    rows = [("Johnson", "Johnson"), ("Gloria Johnson", "Gloria Johnson")]
    assert joined_names(rows, written_with=lambda surname, full: False) == {}
    assert joined_names(rows, written_with=lambda surname, full: True) == {
        "Johnson": "Gloria Johnson"
    }


def _commit(catalog: Catalog, doc_id: str, text: str, rows: list[StatementRow]) -> None:
    a = Article(
        doc_id=doc_id, text=text, title=doc_id, source="Wire", date="2025-03-0" + doc_id[-1]
    )
    chunk = Chunk(f"{doc_id}:0", doc_id, 0, text, 0, len(text), ((0, len(text)),))
    catalog.commit_document(a, [chunk], None, statements=rows)


def test_positions_of_one_person_named_apart_in_two_documents_are_one_party(tmp_path: Path):
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    one = "President Donald Trump demanded a new trade deal with Canada."
    two = "Donald Trump spoke in Ohio. Trump warned of new tariffs on steel."
    _commit(
        catalog,
        "d1",
        one,
        [StatementRow("Donald Trump", "demands", 0, len(one), "", "Donald Trump", "paraphrase")],
    )
    _commit(
        catalog,
        "d2",
        two,
        [StatementRow("Trump", "warns", 28, len(two), "", "Trump", "paraphrase")],
    )
    index = PositionIndex(
        catalog, Registry.load(), embed=lambda texts: None
    )  # no topic: no embedding
    everyone = index.select()
    assert {p.party for p in everyone} == {"Donald Trump"}
    assert {p.stance for p in index.select(party="Trump")} == {"demands", "warns"}
    assert index.parties_in("What does Trump want?") == ["Donald Trump"]
    catalog.close()


def test_a_holder_that_is_no_party_s_name_gives_way_to_its_speaker_or_to_nothing():
    from assistant.party_names import usable_holder

    text = "Democratic incumbent Rep. Jahana Hayes is seeking a fourth term."
    assert usable_holder("Incumbent", "Jahana Hayes", text) == "Jahana Hayes"
    assert usable_holder("infamous Apophis", "", text) == ""
    assert usable_holder("Administration administration", "", text) == ""
    assert usable_holder("Erica Lee/", "", text) == ""
    assert usable_holder("C", "Chaddy", text) == "Chaddy"  # "Spotted (C)ow": a lone letter
    for good in (
        "Ministry of Foreign Affairs of Tarsova",
        "victims' families",
        "Donald Trump",
        "UN",
    ):
        assert usable_holder(good, "", text) == good
