"""One party, one name: a story's statements list each holder once, under its fuller name."""

from __future__ import annotations

import pytest

from assistant.holder_names import one_name_each
from assistant.stance import StanceReader
from assistant.stance_statements import Found
from tests.support.stance_reading import holders, make_reader, read


def _found(*holders: str | tuple[str, str]) -> list[Found]:
    out = []
    for i, h in enumerate(holders):
        holder, speaker = h if isinstance(h, tuple) else (h, "")
        out.append(Found(10 * i, 10 * i + 5, holder, "demands", "paraphrase", speaker=speaker))
    return out


def _names(found: list[Found], text: str = "", known: tuple[str, ...] = ()) -> list[str]:
    return [f.holder for f in one_name_each(found, text, lambda n: n in known)]


def test_a_name_written_family_name_first_is_one_holder() -> None:
    # "Chinese Ambassador Cui Tiankai warned ..." then "..., Cui said."
    found = _found(("Cui Tiankai", "Cui Tiankai"), ("Cui", "Cui"), ("Cui", "Cui"))
    assert _names(found) == ["Cui Tiankai"] * 3


def test_a_surname_with_a_capital_inside_takes_the_full_name() -> None:
    found = _found(("Ron DeSantis", "Ron DeSantis"), "DeSantis", ("McCarthy", ""))
    assert _names(found)[:2] == ["Ron DeSantis", "Ron DeSantis"]
    assert _names(found)[2] == "McCarthy"  # no full name in the story: left as written


def test_two_people_of_one_surname_stay_apart() -> None:
    found = _found("Maria Ruiz", "Ana Ruiz", ("Ruiz", "Ruiz"))
    assert _names(found) == ["Maria Ruiz", "Ana Ruiz", "Ruiz"]


def test_initials_are_the_one_party_they_spell() -> None:
    found = _found("General Motors", "GM", "G.M", "Allied Auto Workers", "AAW")
    assert (
        _names(found)
        == ["General Motors", "General Motors", "General Motors"] + ["Allied Auto Workers"] * 2
    )


def test_initials_a_registry_party_has_are_not_taken_for_another() -> None:
    found = _found("United Steelworkers", "US")
    assert _names(found, known=("US",)) == ["United Steelworkers", "US"]


def test_initials_two_parties_spell_join_neither() -> None:
    found = _found("Mercer Bank", "Milltown Board", "MB")
    assert _names(found)[2] == "MB"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("jihadist Gamaa Islamiya", "Gamaa Islamiya"),
        ("Islamist Nour Party", "Nour Party"),
        ("Opposition Democratic Party", "Democratic Party"),
        ("Surgeon General Vivek Murthy", "Vivek Murthy"),
        # the name itself
        ("al-Shabaab", "al-Shabaab"),
        ("de Blasio", "de Blasio"),
        ("des Cars", "des Cars"),
        ("Conservative Party", "Conservative Party"),
        ("Rebel Alliance", "Rebel Alliance"),
        ("General Motors Canada", "General Motors Canada"),
        ("Press Freedom Coalition", "Press Freedom Coalition"),
        ("victims' families", "victims' families"),
        ("infamous Apophis", "infamous Apophis"),  # no party: dropped when stored
        ("Gina Raimondo and", "Gina Raimondo"),
        ("AP Supporters", "Supporters"),  # "(AP) Supporters of ...": the credit ran into it
        ("Reuters US", "US"),
        ("state Department of Health", "state Department of Health"),
        ("But Vance", "Vance"),  # "But Vance said ...": the sentence's first word
        ("Although Save Our Schools Arizona", "Save Our Schools Arizona"),
        ("NOW", "NOW"),  # the National Organization for Women
    ],
)
def test_describing_words_are_no_part_of_the_name(written: str, shown: str) -> None:
    assert _names(_found(written)) == [shown]


def test_the_end_of_a_name_is_the_body_it_ends() -> None:
    found = _found("U.S. Fish and Wildlife Service", "Fish and Wildlife Service", "families")
    found += _found("victims' families")
    assert _names(found) == ["U.S. Fish and Wildlife Service"] * 2 + ["victims' families"] * 2


def test_the_end_of_a_name_is_not_a_place_a_body_is_named_for() -> None:
    found = _found("University of North Dakota", "North Dakota")
    assert _names(found) == ["University of North Dakota", "North Dakota"]


def test_the_end_of_two_names_joins_neither() -> None:
    found = _found("Florida Supreme Court", "U.S. Supreme Court", "Supreme Court")
    assert _names(found)[2] == "Supreme Court"


def test_a_body_after_another_and_is_not_the_tagger_s_joined_run() -> None:
    # "the FBI and Department of Homeland Security said": two bodies the tagger ran together
    found = _found("FBI", "FBI and Department of Homeland Security")
    found += _found("Department of Homeland Security")
    assert _names(found)[2] == "Department of Homeland Security"


def test_a_name_cut_at_and_is_the_whole_body() -> None:
    # the tagger's cut at "and": "Wildlife Service" of the "U.S. Fish and Wildlife Service"
    found = _found("U.S. Fish and Wildlife Service", "Wildlife Service")
    assert _names(found) == ["U.S. Fish and Wildlife Service"] * 2


@pytest.fixture(scope="module")
def reader() -> StanceReader:
    return make_reader()


def test_a_story_lists_a_body_once_under_its_name(reader: StanceReader) -> None:
    found = read(
        reader,
        "Desert Ledger\n\nThe U.S. Fish and Wildlife Service proposed on Tuesday to remove the "
        "chub from the endangered list. Ranchers welcomed the plan.\n\nThe Fish and Wildlife "
        "Service also urged states to keep monitoring the river.",
    )
    assert holders(found, "proposed on Tuesday") == {"U.S. Fish and Wildlife Service"}
    assert holders(found, "urged states") == {"U.S. Fish and Wildlife Service"}


def test_a_party_is_listed_without_the_words_that_describe_it(reader: StanceReader) -> None:
    found = read(
        reader,
        "Cairo Wire\n\nThe hard-line Islamist Nour Party refused to back the new cabinet on "
        "Sunday.",
    )
    assert holders(found, "refused to back") == {"Nour Party"}


def test_a_body_after_initials_and_and_is_a_party_of_its_own() -> None:
    found = _found("FBI and Department of Homeland Security", "Department of Homeland Security")
    assert _names(found)[1] == "Department of Homeland Security"


def test_a_one_word_holder_takes_the_given_name_the_text_writes_before_it() -> None:
    # "Robert Aitken" in the text: the man, not the foundation named after him
    found = _found("Aitken Bible Historical Foundation", ("Aitken", "Aitken"))
    text = "Robert Aitken printed the first Bible. The Aitken Bible Historical Foundation said ..."
    assert _names(found, text)[1] == "Robert Aitken"


def test_a_tagger_s_run_across_a_sentence_is_not_a_fuller_name() -> None:
    found = _found("Barbara Wilson. Iowa City", "Iowa City", "St. Paul: Enbridge Energy")
    found += _found("Enbridge Energy")
    assert _names(found)[1] == "Iowa City"
    assert _names(found)[3] == "Enbridge Energy"


def test_across_stories_a_short_form_joins_the_one_full_name_its_story_writes() -> None:
    from assistant.holder_names import joined_bodies

    ids = ["Wildlife Service", "U.S. Fish and Wildlife Service", "GM", "General Motors"]
    assert joined_bodies(ids) == {
        "Wildlife Service": "U.S. Fish and Wildlife Service",
        "GM": "General Motors",
    }
    # a story that never writes the full name keeps its own
    assert joined_bodies(ids, written_with=lambda short, full: short != "GM") == {
        "Wildlife Service": "U.S. Fish and Wildlife Service"
    }
    # the registry's parties are never renamed, nor taken as the full name
    assert joined_bodies(["US", "United Steelworkers"], known=["US"]) == {}
    assert joined_bodies(["UN", "Union Nationale"], known=["Union Nationale"]) == {}
    # two full names that fit: neither
    assert joined_bodies(["Supreme Court", "Montana Supreme Court", "U.S. Supreme Court"]) == {}


def test_a_people_s_adjective_is_the_group_its_sentence_names() -> None:
    text = (
        "Trump went beyond suggestions that Arab leaders had already rejected. "
        "Western powers have repeatedly warned Russia. "
        "The Ardonian delegation demanded a vote."
    )
    found = [
        Found(0, 71, "Arab", "rejects", "paraphrase"),
        Found(70, 115, "Western", "warns", "paraphrase"),
        Found(116, 156, "Ardonian", "demands", "paraphrase"),  # no group after it: as it was
        Found(116, 156, "Trump", "demands", "paraphrase"),  # no adjective
    ]
    assert [f.holder for f in one_name_each(found, text)] == [
        "Arab leaders",
        "Western powers",
        "Ardonian",
        "Trump",
    ]
    # a party the registry knows by its adjective stays that party
    known = one_name_each(found[:1], text, lambda n: n == "Arab")
    assert known[0].holder == "Arab"


def test_a_paper_a_story_quotes_holds_no_position(reader: StanceReader) -> None:
    found = read(
        reader,
        "Rail Digest\n\nTrain companies are facing legal action over their plan to close almost "
        "every ticket office in the country, said The Mirror.\n\nMany passengers told USA TODAY "
        "that the companies had promised to keep staff on every platform.",
        source="The Associated Press",
    )
    assert not {h for h, _, _ in found} & {"Mirror", "Daily Mirror", "Usa Today", "USA TODAY"}


def test_a_surname_is_not_the_body_named_after_its_bearer() -> None:
    text = "President Trump said the Trump Organization would not sell the hotel."
    found = _found(("Trump", "Trump"), "Trump Organization")
    assert _names(found, text) == ["Trump", "Trump Organization"]
