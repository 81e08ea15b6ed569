"""Real news copy, read as a reader would: whose position a sentence states when the holder is
an elected person, a lawyer for a group, "he" or "the union" named earlier, and which
sentences state none (a refused comment, history, another story's headline). Texts of our own.
"""

from __future__ import annotations

import pytest

from assistant.stance import StanceReader
from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader() -> StanceReader:
    return make_reader()


def test_an_elected_person_with_no_party_holds_in_their_own_name(reader: StanceReader) -> None:
    text = (
        "Mayor Lena Ostrow urged residents on Tuesday to stay calm and to report any raid.\n\n"
        '"We will refuse to share our records with federal agents," Ostrow said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "urged") == {"Lena Ostrow"}
    assert holders(found, "will refuse") == {"Lena Ostrow"}  # her surname alone: her full name


def test_a_refused_comment_is_no_position(reader: StanceReader) -> None:
    text = (
        "Harlow Freight declined a request for comment on the union's demands.\n\n"
        "The ministry did not immediately respond to messages seeking comment."
    )
    assert read(reader, text, source="usatoday.com") == []
    # what a party did not say is no position either
    text = "Harlow Freight officials did not say how much money they are seeking from the city."
    assert read(reader, text, source="usatoday.com") == []


def test_a_position_dated_to_a_past_month_or_period_is_history(reader: StanceReader) -> None:
    text = (
        "In March, Harlow Freight offered concessions to settle the inquiry.\n\n"
        "During his campaign, Morrow threatened to close the border."
    )
    assert read(reader, text, source="usatoday.com") == []
    # the news of the day stays
    text = "On Monday, Harlow Freight offered concessions to settle the inquiry."
    assert [s for _, s, _ in read(reader, text, source="usatoday.com")] == ["offers"]


def test_another_storys_headline_is_no_statement_and_no_referent(reader: StanceReader) -> None:
    text = (
        "Regulators fined Harlow Freight on Monday.\n\n"
        "Nearly 500 Daily Post staffers refuse to return to the office\n\n"
        "The company said on Monday it would not raise wages."
    )
    found = read(reader, text, source="usatoday.com")
    assert not any("Daily Post" in h for h, _, _ in found)


def test_a_lawyer_for_a_group_speaks_for_the_group_not_their_university(
    reader: StanceReader,
) -> None:
    text = (
        "Nina Sorel, an attorney for the miners' families and a Eastfield University law "
        "professor, spoke after the hearing.\n\n"
        "Sorel said the families would refuse any settlement that kept the report secret."
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "would refuse") == {"miners' families"}


def test_the_name_beside_a_title_is_the_speaker(reader: StanceReader) -> None:
    # "lawmaker" and "Dan Pryce" are parsed as two subjects of "said": the name says who
    text = (
        "An opposition Labour lawmaker Dan Pryce, formerly the chair of the budget committee, "
        "said that the treaty should be suspended until the talks resume."
    )
    assert holders(read(reader, text, source="usatoday.com"), "suspended") == {"Dan Pryce"}


def test_a_hope_that_another_party_rejects_something_is_a_demand_on_it(
    reader: StanceReader,
) -> None:
    text = (
        "Tessa Marr, a lawyer for the tenants' association, spoke on Monday.\n\n"
        '"We hope that the board will reject this plan at its next meeting," Marr said.\n\n'
        '"We hope that this plan will be rejected by the board," Marr said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, _ in found] == [("tenants' association", "demands")] * 2


def test_a_tagged_lawmaker_holds_in_their_own_name_unless_speaking_for_the_party(
    reader: StanceReader,
) -> None:
    text = (
        "Rep. Nora Quill, R-Ariz., along with two other Republicans, is seeking to remove the "
        "committee chair.\n\n"
        "Sen. Victor Amado (D-Ore.) warned that Democrats would block the defence budget if the "
        "cuts stayed in.\n\n"
        '"We will not trade flood relief for cuts to schools," Quill said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "is seeking") == {"Nora Quill"}  # her own campaign
    assert holders(found, "would block") == {"Democrats"}  # the party, named in what she says
    assert holders(found, "We will not trade") == {"Republicans"}  # "we": her caucus


def test_condemning_a_proposal_is_rejecting_it(reader: StanceReader) -> None:
    text = (
        "Harlow Freight proposed a new toll on Monday.\n\n"
        '"I find it appalling that the toll is even being considered," Maria Lopez, chief '
        "executive of the Hauliers Association, said.\n\n"
        '"That makes no sense while drivers are losing money," Lopez said.\n\n'
        "The Drivers Guild criticized the toll as a tax on workers."
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, t in found if "toll" in t and "proposed" not in t] == [
        ("Hauliers Association", "rejects"),
        ("Drivers Guild", "rejects"),
    ]
    assert holders(found, "makes no sense") == {"Hauliers Association"}
    # a modifier is no predicate: "pointless delays" condemns nothing anyone proposed
    text = "Harlow Freight said the pointless delays at the port would end in May."
    assert [s for _, s, _ in read(reader, text, source="usatoday.com")] != ["rejects"]


def test_we_will_act_to_protect_is_an_assurance(reader: StanceReader) -> None:
    text = (
        "Nurses at Eastfield Hospital walked out on Monday.\n\n"
        '"We will work with the nurses and their families to protect every patient," the '
        "Eastfield Health Trust said in a statement."
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, t in found if "protect" in t] == [
        ("Eastfield Health Trust", "assures")
    ]


def test_a_pronoun_in_reported_speech_is_the_nearest_subject_or_the_reporter(
    reader: StanceReader,
) -> None:
    text = (
        "Harlow Freight raised its fees on Monday.\n\n"
        "Maria Lopez, chief executive of the Hauliers Association, said some drivers have told "
        "her they would refuse to pay the new fee.\n\n"
        "Rep. Dana Holt spoke after the vote.\n\n"
        'Mayor Ian Cole said the council had not met and that he was "willing to reopen the '
        'talks tomorrow."'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "would refuse") == set()  # the drivers, no party: not the association
    assert holders(found, "willing to reopen") == {"Ian Cole"}  # he, outside the quote, is Cole


def test_communicating_a_consequence_is_a_warning(reader: StanceReader) -> None:
    text = (
        "The United States has privately communicated to Russia that there will be "
        "consequences if Moscow uses a nuclear weapon."
    )
    found = read(reader, text, source="cnn.com")
    assert [(h, s) for h, s, _ in found] == [("United States", "warns")]


def test_an_analysts_guess_about_a_party_is_not_its_position(reader: StanceReader) -> None:
    text = (
        "Some analysts have been concerned that Northwind Shipping may seek to close the port "
        "in response to the strike."
    )
    assert read(reader, text, source="cnn.com") == []
    text = "Northwind Shipping said it may seek to close the port in response to the strike."
    assert holders(read(reader, text, source="cnn.com"), "may seek") == {"Northwind Shipping"}


def test_a_quote_over_several_sentences_is_its_speakers(reader: StanceReader) -> None:
    text = (
        "Harlow Freight raised its fees on Monday.\n\n"
        "Maria Lopez, chief executive of the Hauliers Association, said the fee was a tax on "
        'drivers. "It hurts small firms most. We will refuse to pay the new fee."\n\n'
        "Tom Hale is secretary of the Drivers Guild.\n\n"
        '"We reject the fee outright. It is a tax on work," Hale said.'
    )
    found = read(reader, text, source="usatoday.com")
    # the speaker named before the quote opens, and the one named after it closes; "we will
    # refuse to pay" is a refusal, not an undertaking to pay
    assert [(h, s) for h, s, _ in found] == [
        ("Hauliers Association", "rejects"),
        ("Drivers Guild", "rejects"),
    ]


def test_the_union_is_the_body_of_workers_named_not_the_last_company(
    reader: StanceReader,
) -> None:
    text = (
        "Workers at Northwind Shipping walked out on Monday.\n\n"
        "The International Association of Dockers said on Sunday that it would vote on the "
        "offer.\n\n"
        "Northwind Shipping said it would not improve its offer.\n\n"
        '"We will not accept a pay freeze," the union said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "pay freeze") == {"International Association of Dockers"}


def test_the_union_is_the_party_an_apposition_called_a_union(reader: StanceReader) -> None:
    # a one-word union name the tagger takes for a person, called "the union" only once
    text = (
        "Halvard Motors has asked the regional autoworkers union, Corvex, to start talks on "
        "the closure of its Tarn plant.\n\n"
        "Halvard said it would not reopen the plant.\n\n"
        "The union has said it won't back down."
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "back down") == {"Corvex"}


def test_a_title_after_a_possessive_or_a_day_links_the_person_named_after_it(
    reader: StanceReader,
) -> None:
    # "Ardonia's foreign minister, Mira Sand": Sand is the person, not "Ardonia's"; "on
    # Wednesday, a former prime minister, Jan Holm": Holm, not "Wednesday". She is Sand.
    text = (
        "Ardonia's foreign minister, Mira Sand, called on Belvia to stop filling the dam.\n\n"
        "Belvia's energy minister, Karl Osk, said his government had no intention of halting "
        "the filling.\n\n"
        '"We will publish the gauge readings every day," he said at the dam.\n\n'
        "Belvia's energy ministry repeated its offer of an inspection on Wednesday.\n\n"
        "In Ostra, she said her government would recall its ambassador if the reservoir "
        "reached half its capacity.\n\n"
        "Writing on Wednesday, a former Ardonian prime minister, Jan Holm, urged the "
        "government to cut off electricity exports."
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "recall its ambassador") == {"Ardonia"}
    assert holders(found, "stop filling") == {"Ardonia"}


def test_a_second_titled_person_is_no_party_of_the_first(reader: StanceReader) -> None:
    # "CEO Lena Ostrow and President Tom Hale": Hale speaks for the company, not for Ostrow;
    # "Former Governor Dale Brandt": "Former" is no party
    text = (
        "Northwind Shipping will not raise its offer, CEO Lena Ostrow and President Tom Hale "
        "told reporters on Monday.\n\n"
        '"We will not accept a pay freeze for the dock crews," Hale said.\n\n'
        "Former Governor Dale Brandt urged both sides to return to talks."
    )
    found = read(reader, text, source="usatoday.com")
    assert "Lena Ostrow" not in holders(found, "pay freeze")  # Hale's words are not hers
    assert "Former" not in {h for h, _, _ in found}


def test_an_option_kept_open_or_a_forecast_is_no_refusal_or_demand(reader: StanceReader) -> None:
    text = (
        "The Ardonian government has not ruled out sending troops to the border.\n\n"
        "Smaller ports might have to close their terminals during a long strike, an analyst "
        "at Brask Freight said.\n\n"
        "Harbour Workers' Union leader Ana Ruiz said the dispute may have to be resolved in "
        "court.\n\n"
        "The Kessler Port Authority said the operator must pay for the repairs."
    )
    found = [(h, s) for h, s, _ in read(reader, text, source="usatoday.com")]
    assert ("Ardonia", "rejects") not in found
    assert found[-2:] == [
        ("Harbour Workers' Union", "warns"),
        ("Kessler Port Authority", "demands"),
    ]
    assert len(found) == 2  # neither the option kept open nor the analyst's forecast


def test_the_company_is_never_the_directorate_that_regulates_it(reader: StanceReader) -> None:
    text = (
        "Talmor Foods said on Monday that it would pay for independent tests of the recalled "
        "tins.\n\n"
        "The Food Safety Directorate on Tuesday demanded that Talmor Foods name every shop it "
        "has supplied.\n\n"
        "The company said it would ask the court to lift the suspension if the tests found no "
        "contamination."
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "lift the suspension") == {"Talmor Foods"}


def test_a_spokesman_for_the_bank_speaks_for_the_bank(reader: StanceReader) -> None:
    text = (
        "The Northern Investment Bank lent Ardonia $900 million for the dam.\n\n"
        "Belvia's foreign ministry demanded on Monday that Ardonia stop filling the reservoir.\n\n"
        'A spokesman for the bank said it had "no plans" to suspend the loan.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "no plans") == {"Northern Investment Bank"}


def test_a_company_spokeswoman_speaks_for_the_company_and_none_is_no_holder(
    reader: StanceReader,
) -> None:
    # "Havborg" before "spokeswoman" is the company, not a portfolio like "Interior" before
    # "Minister"; "none of the workers ... would be laid off" is her assurance, not theirs
    text = (
        "Havborg Nutrition closed its Orsund plant on Tuesday.\n\n"
        '"The plant is safe," said Mira Solberg, an analyst at Norvik Securities.\n\n'
        "A Havborg spokeswoman said none of the 640 workers at Orsund would be laid off while "
        "the plant was closed."
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, t in found if "laid off" in t] == [("Havborg Nutrition", "assures")]


def test_will_be_met_with_legal_action_is_a_warning(reader: StanceReader) -> None:
    text = (
        "We ask the board to withdraw the new rota.\n\n"
        "Any attempt to victimise a member for taking lawful strike action will be met with "
        "legal action.\n\n"
        "Any change to the rota will be met with an open mind."
    )
    found = read(reader, text, source="Dock and Harbour Workers' Union")
    met = [(h, s) for h, s, t in found if "met with" in t]
    assert met == [("Dock and Harbour Workers' Union", "warns")]


def test_must_pay_the_price_is_a_demand_and_historically_is_history(
    reader: StanceReader,
) -> None:
    text = (
        '"Families paid more, and now Northwind must pay the price," said Lara Voss, the Sarnia '
        "attorney general."
    )
    assert [(h, s) for h, s, _ in read(reader, text, source="cnn.com")] == [("Sarnia", "demands")]
    text = "Belvia has historically vetoed resolutions that criticise its ally."
    assert read(reader, text, source="cnn.com") == []


def test_a_harm_a_party_says_a_plan_would_do_is_a_warning(reader: StanceReader) -> None:
    text = (
        "Adam Kell, chief executive of the Fair Roads Alliance, said the toll would force "
        "hauliers to raise their prices."
    )
    found = read(reader, text, source="cnn.com")
    assert [(h, s) for h, s, _ in found] == [("Fair Roads Alliance", "warns")]
    # the writer's own forecast is no one's warning
    assert read(reader, "The toll would force hauliers to raise their prices.", "cnn.com") == []


def test_asking_leave_is_a_request_and_asking_a_question_is_not(reader: StanceReader) -> None:
    text = (
        "Tessa Marr, a lawyer for the tenants' association, spoke on Monday.\n\n"
        "Marr asked the council if she could submit further written arguments by Friday."
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, t in found if "asked" in t] == [("tenants' association", "demands")]
    text = (
        "Tessa Marr, a lawyer for the tenants' association, spoke on Monday.\n\n"
        "Marr asked the mayor if he would resign over the report."
    )
    assert not holders(read(reader, text, source="usatoday.com"), "asked the mayor")


def test_a_thing_that_threatens_is_no_partys_threat(reader: StanceReader) -> None:
    text = (
        'Mayor Ras Kell said the state orders "threaten democracy and they threaten us '
        'individually."\n\n'
        "The Farmers Union threatened to block the roads."
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, _ in found] == [("Farmers Union", "warns")]


def test_an_occasion_counted_among_others_is_history(reader: StanceReader) -> None:
    text = "Officials stressed that this is not the first time Belvia has threatened to close the border."
    assert read(reader, text, source="cnn.com") == []


def test_the_unions_president_named_in_apposition_speaks_for_it(reader: StanceReader) -> None:
    text = (
        "The Eastport Teachers Union met on Monday.\n\n"
        "The union's president, Ana Ruiz, said members were angry.\n\n"
        '"We will not accept this contract," she said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "will not accept") == {"Eastport Teachers Union"}


def test_they_after_a_sentence_about_workers_are_the_workers(reader: StanceReader) -> None:
    text = (
        "Northwind Shipping offered a new contract on Monday.\n\n"
        "Dock workers voted against the first offer in March.\n\n"
        "They stayed on strike for five weeks, rejecting another offer along the way."
    )
    found = read(reader, text, source="cnn.com")
    assert not holders(found, "stayed on strike")  # not the company named last


def test_a_chamber_before_a_party_is_not_the_party(reader: StanceReader) -> None:
    text = (
        "Senate Majority Leader Carla Jimenez spoke on Friday.\n\n"
        "Senate Democrats dismissed the offer as a hostage deal."
    )
    found = read(reader, text, source="Capitol News Service")
    # the party by its caucus's name or its own; never the chamber, nor the leader's office
    held = holders(found, "dismissed")
    assert len(held) == 1 and held <= {"Democrats", "Senate Democrats"}, held


def test_what_a_speaker_says_would_follow_if_is_a_warning_or_an_offer(
    reader: StanceReader,
) -> None:
    text = (
        "Belvian President Ivo Sokol said Belvia would send naval escorts with its ships if the "
        "alliance began stopping them.\n\n"
        "Maria Lopez, chief executive of Northwind Shipping, said deliveries would stop if there "
        "was a strike.\n\n"
        "Lopez said the company would raise wages if the union agreed to weekend shifts."
    )
    found = read(reader, text, source="cnn.com")
    assert [(h, s) for h, s, _ in found] == [
        ("Belvia", "warns"),
        ("Northwind Shipping", "warns"),
        ("Northwind Shipping", "offers"),
    ]


def test_wanting_to_be_clear_is_no_demand_what_follows_is_the_stance(
    reader: StanceReader,
) -> None:
    text = (
        '"I want to be clear to our residents that we will do everything we can to ensure their '
        'safety," Mayor Lena Ostrow said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert [(h, s) for h, s, _ in found] == [("Lena Ostrow", "assures")]


def test_floating_the_end_of_an_undertaking_is_a_threat(reader: StanceReader) -> None:
    text = (
        "Belvian President Ivo Sokol said Belvia could drop its pledge not to use nuclear "
        "weapons first."
    )
    assert [(h, s) for h, s, _ in read(reader, text, source="cnn.com")] == [("Belvia", "warns")]


def test_an_opposition_leader_never_speaks_for_the_state(reader: StanceReader) -> None:
    text = (
        "Ardonia's opposition leader Frida Moll called on Chancellor Olaf Brenn to hold a "
        "confidence vote before Christmas."
    )
    assert holders(read(reader, text, source="cnn.com"), "called on") == {"Frida Moll"}
    text = "Frida Moll, the Ardonian opposition leader, said the government must resign."
    assert holders(read(reader, text, source="cnn.com"), "must resign") == {"Frida Moll"}
    text = "Frida Moll, leader of the opposition Liberal Party, said the government must resign."
    assert holders(read(reader, text, source="cnn.com"), "must resign") == {"Liberal Party"}


def test_a_ceo_with_no_company_named_is_the_storys_company(reader: StanceReader) -> None:
    text = (
        "Northwind Shipping offered a new contract on Monday. Northwind Shipping said talks went "
        "well. Workers will vote on Wednesday.\n\n"
        "The Northwind Shipping offer includes a bonus.\n\n"
        "But CEO Dana Holt had told investors this week that deliveries would stop if there was "
        "a strike."
    )
    found = read(reader, text, source="cnn.com")
    assert holders(found, "deliveries would stop") == {"Northwind Shipping"}


def test_a_local_elected_official_holds_in_their_own_name(reader: StanceReader) -> None:
    text = (
        "Commissioner Rita Vance spoke first.\n\n"
        '"I will not support a tax increase this year," Vance said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "tax increase") == {"Rita Vance"}


def test_a_quote_that_goes_on_past_its_stance_sentence_continues_the_position(
    reader: StanceReader,
) -> None:
    # the second sentence of each quote has no stance word: it continues the first
    text = (
        '"We demand that the ministry withdraw the tariff. This is not a bluff," the Farmers '
        "Federation said in a statement.\n\n"
        'The Dockers Union said on Friday: "We reject the offer outright. We cannot go back '
        'to work on these terms."'
    )
    found = read(reader, text, source="usatoday.com")
    assert (
        "Farmers Federation",
        "demands",
        'This is not a bluff," the Farmers Federation said in a statement.',
    ) in found
    assert holders(found, "We cannot go back") == {"Dockers Union"}


def test_description_and_history_inside_a_quote_are_not_positions(reader: StanceReader) -> None:
    text = (
        '"The ministry must withdraw the tariff. We met the minister in May. The port employs '
        '3,000 people," the Farmers Federation said.'
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "must withdraw") == {"Farmers Federation"}
    assert not holders(found, "We met") and not holders(found, "employs")


def test_who_in_a_relative_clause_is_the_noun_it_describes(reader: StanceReader) -> None:
    text = (
        "The tariff bill proved divisive among rural Republicans who have called for a full "
        "repeal of the levy.\n\n"
        "The judge heard from the Harbour Residents Association, who urged the court to reject "
        "the settlement."
    )
    found = read(reader, text, source="usatoday.com")
    assert holders(found, "who have called for") == {"Republicans"}
    assert holders(found, "who urged the court") == {"Harbour Residents Association"}


def test_a_stance_merely_inside_a_relative_clause_is_nobodys(reader: StanceReader) -> None:
    # the clause's subject is someone else, or the noun undergoes the verb: no position
    text = (
        "The council approved the depot that residents have opposed for years.\n\n"
        "Harlow Freight met the drivers who were told to reject the offer."
    )
    assert read(reader, text, source="usatoday.com") == []
