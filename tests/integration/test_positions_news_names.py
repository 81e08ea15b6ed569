"""Real news copy names people the way wire services do: partisan tags, a state before an
office, a head of state by title alone in a story about several states. The holder is the
person's party, never the tag's state abbreviation, the office, or the last state mentioned
(issue 12; texts of our own).
"""

from __future__ import annotations

import pytest

from assistant.news_names import news_links
from assistant.stance import StanceReader
from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader() -> StanceReader:
    return make_reader()


def test_a_partisan_tag_is_the_lawmakers_party_not_a_state(reader: StanceReader) -> None:
    text = (
        "WASHINGTON (AP) — Lawmakers clashed on Tuesday over the flood relief bill.\n\n"
        "Rep. Nora Quill, R-Ariz., rejected the bill, saying it spent far too much.\n\n"
        "Sen. Victor Amado (D-Ore.) warned that Democrats would block the defence budget if the "
        "cuts stayed in.\n\n"
        '"We will not trade flood relief for cuts to schools," Amado said.'
    )
    found = read(reader, text, source="The Associated Press")
    # her own position (real news is labelled so): the tag names her party, not a state
    assert holders(found, "rejected the bill") == {"Nora Quill"}
    assert holders(found, "would block") == {"Democrats"}
    assert holders(found, "We will not trade") == {"Democrats"}
    assert not {h for h, _, _ in found} & {"Ariz", "Ore", "D-Ore", "R-Ariz"}


def test_a_state_before_the_governors_office_is_the_governors_party(
    reader: StanceReader,
) -> None:
    text = (
        "Nebraska Gov. Leland Fisk promised on Monday that the state would cover the farmers' "
        "losses until the federal money arrived.\n\n"
        "Former Kansas Gov. Ruth Almond, who is running for the Senate, demanded that Congress "
        "act before the harvest."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "would cover") == {"Nebraska"}
    assert "Kansas Gov" not in {h for h, _, _ in found}
    assert "Kansas" not in holders(found, "demanded")  # a former governor speaks for herself


def test_a_president_named_by_title_alone_is_not_the_last_state_in_the_story(
    reader: StanceReader,
) -> None:
    text = (
        "President Joe Biden said on Monday that the United States would defend the island if "
        "China attacked it. Biden also warned that Russia has to pay a long-term price for its "
        "actions. He said Russian President Vladimir Putin must be stopped."
    )
    found = read(reader, text, source="CNN")
    # with three states in the story, "President" alone does not say whose: not the last heard;
    # he holds it in his own name, as the text names him in full
    assert holders(found, "long-term price") == {"Joe Biden"}
    assert "Russia" not in {h for h, _, _ in found}


def test_the_links_are_read_from_the_names_alone() -> None:
    links = news_links(
        "Senate Majority Leader Carla Jimenez, D-Nev., and House Speaker Tom Whitaker, R-La., "
        "met New Mexico Lt. Gov. Rafael Ortiz and former Iowa Gov. Dale Brandt."
    )
    assert [(k.person, k.party) for k in links] == [
        ("Carla Jimenez", "Democrats"),
        ("Tom Whitaker", "Republicans"),
        ("Rafael Ortiz", "New Mexico"),
    ]


def test_a_day_after_a_name_is_not_part_of_the_partys_name(reader: StanceReader) -> None:
    text = (
        "During a two-day visit to Taiwan Wednesday, the delegation met the island's leaders.\n\n"
        '"Facing these threats, Taiwan will not back down," the island\'s president said in a '
        "televised meeting."
    )
    found = read(reader, text, source="CNN")
    assert holders(found, "will not back down") == {"Taiwan"}


def test_an_organisations_name_is_shown_whole(reader: StanceReader) -> None:
    # the words a title phrase drops ("National Security Adviser", "General Sato") and a
    # company's legal form ("Group") are part of these names
    text = (
        '"The port must reopen before the harvest," said Mira Olsen, a spokeswoman for the '
        "Baltic Policy Group.\n\n"
        '"Inspectors must be let in at once," said Tomas Weil, associate director of advocacy at '
        "Human Rights Watch in Geneva.\n\n"
        "General Motors Canada has asked the union to reopen talks on pensions before June.\n\n"
        '"We demand an end to the tariffs," said Ola Brandt, vice president of trade policy at '
        "the National Retail Federation."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "port must reopen") == {"Baltic Policy Group"}
    assert holders(found, "Inspectors must") == {"Human Rights Watch"}
    assert holders(found, "reopen talks") == {"General Motors Canada"}
    assert holders(found, "end to the tariffs") == {"National Retail Federation"}


def test_an_office_or_a_title_is_not_part_of_the_party(reader: StanceReader) -> None:
    text = (
        "Secretary of State Dana Hollis on Friday said the blockade must end immediately.\n\n"
        '"Any deal must protect the fisheries," said NFRA Managing Director Ivo Petrov.'
    )
    found = read(reader, text, source="The Associated Press")
    assert holders(found, "blockade must end") == {"United States"}
    assert holders(found, "protect the fisheries") == {"NFRA"}


def test_an_apposition_after_a_name_is_not_part_of_it(reader: StanceReader) -> None:
    text = (
        "Prospect and Usdaw, the region's biggest unions with 400,000 members between them, are "
        "calling on the ministry to raise nurses' pay by 9 per cent."
    )
    found = read(reader, text, source="BBC")
    # each union by its own name; the apposition names neither
    assert holders(found, "calling on the ministry") == {"Prospect", "Usdaw"}


def test_a_lawmakers_party_in_words_is_her_own_position(reader: StanceReader) -> None:
    text = (
        "Rep. Alma Ostrow, a Democrat from Oregon, condemned the agency's decision to close the "
        "hatchery.\n\n"
        "Sen. Tom Hale, a first-term Republican from Ohio, demanded that the agency publish its "
        "data."
    )
    found = read(reader, text, source="The Associated Press")
    assert holders(found, "condemned") == {"Alma Ostrow"}
    assert holders(found, "publish its data") == {"Tom Hale"}
    assert not {h for h, _, _ in found} & {"Democrat", "Republican"}


def test_a_news_outlet_reports_positions_and_holds_none(reader: StanceReader) -> None:
    text = (
        "The ministry said 40 people had been killed in the shelling. CNN cannot independently "
        "verify the claim.\n\n"
        "The striker refused to board the flight home, the Daily Courier News says.\n\n"
        "The Harbour Workers Union demanded an inquiry into the deaths."
    )
    found = read(reader, text, source="CNN")
    assert holders(found, "demanded an inquiry") == {"Harbour Workers Union"}
    assert not {h for h, _, _ in found} & {"CNN", "Daily Courier News"}


def test_an_analysts_reading_is_no_partys_position(reader: StanceReader) -> None:
    text = (
        "The Harbour Workers Union demanded that the port authority reopen pay talks.\n\n"
        '"The authority must settle before the harvest or lose its customers," said Vera '
        "Lindqvist, a shipping analyst at the Baltic Policy Group.\n\n"
        "Talks would only resume in the spring, warned Lindqvist."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "reopen pay talks") == {"Harbour Workers Union"}
    assert not holders(found, "must settle") and not holders(found, "only resume")


def test_a_capital_or_a_demonym_stands_for_its_state(reader: StanceReader) -> None:
    text = (
        "Pyongyang demanded on Tuesday that Seoul halt its military drills before any talks.\n\n"
        "The Venezuelan government rejected the court's ruling as interference.\n\n"
        "Caracas also warned that it would expel the envoys of any state that recognised the "
        "opposition."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "halt its military drills") == {"North Korea"}
    assert holders(found, "rejected the court") == {"Venezuela"}
    assert holders(found, "expel the envoys") == {"Venezuela"}


def test_a_capitals_own_mayor_speaks_for_the_city_not_the_state(reader: StanceReader) -> None:
    text = (
        "Madrid's mayor on Sunday urged residents to stay indoors as the storm approached.\n\n"
        "Madrid also demanded that Brussels release the flood recovery funds at once."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "stay indoors") == {"Madrid"}
    assert holders(found, "release the flood") == {"Spain"}


def test_a_capitals_mayor_is_stored_and_listed_as_the_city(open_store, tmp_path) -> None:
    story = tmp_path / "storm.txt"
    story.write_text(
        "Storm shuts Spanish capital\n\n"
        "The mayor of Madrid urged residents on Sunday to stay indoors as the storm approached.\n\n"
        "Madrid's Mayor Jose Luis Martinez-Almeida also asked shops to close by noon.\n\n"
        "Madrid demanded that Brussels release the flood recovery funds at once.\n\n"
        "Residents groups oppose the curfew, saying it came without warning.\n\n"
        "Ana Ruiz is a reporter for the Iberian Gazette Network.\n",
        encoding="utf-8",
    )
    a = open_store()
    assert a.ingest([story]).added == 1
    by_text = {p.text: p.party for p in a.positions()}
    city = [party for text, party in by_text.items() if "stay indoors" in text or "shops" in text]
    assert city == ["Madrid", "Madrid"]  # the city, not Spain, whose capital the registry knows
    assert [p for t, p in by_text.items() if "Brussels" in t] == ["Spain"]
    # plural kinds of body the story introduces are no party it named before: the group itself
    assert [p for t, p in by_text.items() if "curfew" in t] == ["Residents groups"]


def test_an_expert_named_family_name_first_comments_for_no_party(reader: StanceReader) -> None:
    text = (
        "SEOUL (AP) — Valdria demanded on Tuesday that Korvena apologise before any talks.\n\n"
        "A greater obstacle is the chance of more missile tests, said Park Min Seo, a Valdria "
        "expert at the Hanam Institute near Seoul.\n\n"
        "Park expects Valdria to keep up its threats until the drills end.\n\n"
        '"If Valdria fires again, talks will be harder," said Park.'
    )
    found = read(reader, text, source="The Associated Press")
    assert holders(found, "apologise before any talks") == {"Valdria"}
    # the expert's reading of events: Valdria is only mentioned in it, and he is no party
    assert holders(found, "keep up its threats") == set()
    assert holders(found, "fires again") == set()


def test_an_office_written_out_in_full_titles_the_person_who_holds_it(
    reader: StanceReader,
) -> None:
    # "Senator", "Representative": the short forms ("Sen", "Rep") once matched the start of
    # the full word, so the name was looked for after "Sen|ator" and none was found
    text = (
        "Senator Dale Harrow remains opposed to the pipeline, citing the river crossings.\n\n"
        "Representative Ines Corr rejected the state's compensation plan on Thursday.\n\n"
        "Sens. Mara Ode and Paul Weir demanded a hearing before the vote."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "remains opposed") == {"Dale Harrow"}
    assert holders(found, "rejected the state's") == {"Ines Corr"}
    assert "Mara Ode" in holders(found, "demanded a hearing")


def test_a_product_or_event_named_after_a_body_is_not_its_name(reader: StanceReader) -> None:
    # a maker's model and a league's event follow its name in the text: the party is still
    # the maker ("Harlow Motors said: ...", not "Harlow Motors Ridge Sport said: ...")
    text = (
        "Harlow Motors recalled 40,000 Harlow Motors Ridge Sport vehicles on Tuesday over a "
        "faulty brake line.\n\n"
        "Harlow Motors promised that dealers would replace the brake line free of charge.\n\n"
        "The Keswick Football League rejected calls to move the Keswick Football League Cup "
        "final, and the league warned that clubs would be fined if they refused to play."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "would replace the brake line") == {"Harlow Motors"}
    assert holders(found, "rejected calls") == {"Keswick Football League"}


def test_a_place_before_between_and_a_title_is_not_the_persons_party(
    reader: StanceReader,
) -> None:
    # "the showdown here in Marlow between Mayor Ada Quist and ...": Marlow is where they met
    text = (
        "The debate took place in Marlow on Tuesday.\n\n"
        "MODERATOR: Tonight, the showdown here in Marlow between Governor Ada Quist and Senator "
        "Tomas Brenner.\n\n"
        "GOVERNOR ADA QUIST: We will not raise the fuel tax.\n\n"
        "SENATOR TOMAS BRENNER: I demand that the tax be cut this year."
    )
    found = read(reader, text, source="Marlow Courier")
    assert "Marlow" not in holders(found, "raise the fuel tax")
    assert "Marlow" not in holders(found, "be cut this year")


def test_a_name_of_common_words_keeps_its_corporation(reader: StanceReader) -> None:
    # "Northwind Shipping Corporation" is Northwind Shipping; "British Broadcasting
    # Corporation" is not "British Broadcasting" (a memo's Positions listed that party)
    text = (
        "The Caledonian Broadcasting Corporation rejected the lawsuit as groundless.\n\n"
        "Northwind Shipping Corporation demanded that the port reopen the Hallam terminal."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "rejected the lawsuit") == {"Caledonian Broadcasting Corporation"}
    assert holders(found, "reopen the Hallam") == {"Northwind Shipping"}


def test_a_stock_ticker_after_a_company_is_that_company(reader: StanceReader) -> None:
    # Reuters writes the ticker after the name: "AC.TO" was listed as a party of its own
    text = (
        "MONTREAL, Aug 16 (Reuters) - Flight attendants at Harlow Air (HA.TO) went on strike on "
        "Saturday.\n\n"
        "Harlow Air (HA.TO) had offered a wage increase of more than 30%, as well as improved "
        "pension benefits, the airline said."
    )
    found = read(reader, text, source="Reuters")
    assert holders(found, "had offered a wage increase") == {"Harlow Air"}
