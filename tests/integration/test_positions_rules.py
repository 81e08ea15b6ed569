"""Holder rules for who-wants-what, each on short sentences written for the test (not the eval
texts): pronouns resolve to the salient person, a stance noun belongs to its verb's subject, a
bare title stands for the person the text introduced with it, interview answers belong to the
interviewee. Uses the packaged spaCy model (no embedding model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_he_is_the_subject_before_not_a_name_in_an_object(reader):
    found = _read(
        reader,
        "Brenna Foods' operations director, Ida Lent, said the company had promised that every "
        "Dunby apprentice would keep a training place. "
        "She said the company had no plans to sell the bakery.",
        source="Valley Business Wire",
    )
    held = {text.split()[0]: (h, s) for h, s, text in found}
    assert held["She"] == ("Brenna Foods", "rejects")


def test_a_stance_noun_belongs_to_the_subject_of_its_verb(reader):
    found = _read(
        reader,
        "Talks between the Ostrel Ferry Company and the Harbour Users' Forum broke down. "
        "Forum chair Mina Cole said the Ostrel Ferry Company had no intention of restoring "
        "the night crossing.",
        source="Coastal Wire",
    )
    assert ("Ostrel Ferry Company", "rejects") in [(h, s) for h, s, _ in found]
    assert all(h != "Harbour Users' Forum" for h, _, _ in found)


def test_a_bare_title_is_the_person_the_text_named_with_it(reader):
    found = _read(
        reader,
        "Deputy Commissioner Lara Voss met shipping line representatives on Monday. "
        "Morrow Lines chief executive Ilse Brandt rejected the new dredging fee. "
        "The Deputy Commissioner insisted that the dredging fee be paid before the spring season.",
        source="Tarvel Port Authority",
    )
    held = {text.split()[0]: (h, s) for h, s, text in found}
    assert held["Morrow"] == ("Morrow Lines", "rejects")
    assert held["The"] == ("Tarvel Port Authority", "demands")


_QA = """Lara Voss, chief executive of the Tarvel Port Authority, spoke to Coastal Review about the
dredging fee.

Q: The shipping lines say the fee is unfair. Will you lower it?
A: No. We will not lower the fee before the channel survey is finished.

Q: Is there room for a compromise?
A: We are prepared to spread the payments over two years.
"""


def test_answers_in_a_q_and_a_layout_are_the_interviewees(reader):
    found = _read(reader, _QA, source="Coastal Review")
    assert [(h, s) for h, s, _ in found] == [
        ("Tarvel Port Authority", "rejects"),
        ("Tarvel Port Authority", "offers"),
    ]
    assert all(not text.startswith(("A:", "Q:")) for _, _, text in found)


def test_an_interviewee_linked_by_a_copula_speaks_for_their_party(reader):
    text = (
        "Lara Voss has run the Tarvel Port Authority since 2019. She spoke to us on Monday.\n\n"
        "Mark Dunn: Will you lower the fee?\n"
        "Lara Voss: We will not lower the fee before the survey is finished.\n"
    )
    assert [(h, s) for h, s, _ in _read(reader, text, source="Coastal Review")] == [
        ("Tarvel Port Authority", "rejects")
    ]


def test_the_title_line_links_the_interviewee_to_their_party(reader):
    text = (
        "Mark Dunn: Will you lower the fee?\n"
        "Lara Voss: We will not lower the fee before the survey is finished.\n"
    )
    found = _read(
        reader,
        text,
        source="Coastal Review",
        title="Interview: Lara Voss, chief executive of the Tarvel Port Authority",
    )
    assert [(h, s) for h, s, _ in found] == [("Tarvel Port Authority", "rejects")]


def test_a_request_recalled_in_an_as_clause_is_not_a_position(reader):
    found = _read(
        reader,
        "As the drivers' union requested when it proposed these talks, the first session was "
        "short.",
        source="Harlow Buses",
    )
    assert all(h != "drivers' union" and s != "demands" for h, s, _ in found)


def test_a_capitalised_name_the_tagger_missed_is_its_own_party(reader):
    found = _read(
        reader,
        "Tenants and Mardale Borough Council argued online on Monday. "
        '"We want a repair date, not another inspection," the Hollin Street Tenants\' '
        "Association posted on its page.",
        source="Mardale Echo",
    )
    assert ("Hollin Street Tenants' Association", "demands") in [(h, s) for h, s, _ in found]
    assert all(h != "Mardale Borough Council" for h, _, _ in found)


def test_a_speaker_label_parsed_as_a_subject_does_not_hold_the_stance(reader):
    text = (
        "CHAIR (ANNA BELL): Ms Rudd, what is the Agency's view?\n\n"
        "MS RUDD (COUNSEL FOR THE WATER AGENCY): The Agency opposes any delay.\n"
    )
    found = _read(reader, text, source="Water Appeals Board")
    assert [s for _, s, _ in found] == ["rejects"]
    assert "Agency" in found[0][0] and "Rudd" not in found[0][0]


def test_two_parties_as_subjects_each_hold_the_demand(reader):
    found = _read(
        reader,
        "Norland and the Western defense alliance NATO are calling for the troops to be "
        "withdrawn from the border.",
        source="Eastern Wire",
    )
    assert {h for h, s, _ in found if s == "demands"} == {"Norland", "NATO"}


def test_she_is_the_person_named_last_even_in_a_sentence_without_a_stance(reader):
    found = _read(
        reader,
        "Hollin Street Tenants' Association chair Omar Reyes said the tenants would refuse "
        "any rent rise. Mardale Borough Council leader Fiona Grady replied an hour later. "
        '"We are offering every household two electric heaters," she wrote.',
        source="Mardale Echo",
    )
    held = {text.split()[0]: (h, s) for h, s, text in found}
    assert held['"We'] == ("Mardale Borough Council", "offers")


def test_a_government_spokesman_speaks_for_the_government(reader):
    found = _read(
        reader,
        "The Government of Norland sent troops to the hills on Monday, and the Hill People's "
        "Front called for talks. A government spokesman declined to comment on the call, but "
        'said there would be no "talks with armed groups".',
        source="Eastern Wire",
    )
    assert ("Government of Norland", "rejects") in [(h, s) for h, s, _ in found]


def test_the_club_in_a_we_report_is_not_the_speaker(reader):
    found = _read(
        reader,
        "Farrow Town Football Club rejected a fan-ownership plan on Monday. "
        "We note that the club has offered season-ticket holders a refund for the closed stand.",
        source="Farrow Supporters' Trust",
    )
    assert all(h != "Farrow Supporters' Trust" for h, _, _ in found)
    assert ("Farrow Town Football Club", "offers") in [(h, s) for h, s, _ in found]


def test_a_conditional_withholding_is_a_warning(reader):
    found = _read(
        reader,
        "The Hollin Street Tenants' Association rejected the rent rise on Monday. In a second "
        "post, the association said it would withhold the service charge from March if no repair "
        "date was set.",
        source="Mardale Echo",
    )
    assert ("Hollin Street Tenants' Association", "warns") in [(h, s) for h, s, _ in found]


def test_organisations_named_in_a_sentence_without_a_stance_are_known(reader):
    found = _read(
        reader,
        "The government of Norland and the Hill Farmers' Movement said on Monday they would "
        "meet in Esk next month.\n\n"
        "Interior Minister Jon Teller said the farmers must clear the roads before any talks. "
        "The movement refused, saying the roads were public.",
        source="Eastern Wire",
    )
    held = {text.split()[0]: (h, s) for h, s, text in found}
    assert held["Interior"] == ("Government of Norland", "demands")
    assert held["The"] == ("Hill Farmers' Movement", "rejects")


def test_a_person_no_text_links_to_a_party_holds_no_position(reader):
    found = _read(
        reader,
        "Morrow Lines chief executive Ilse Brandt said the dredging fee must be scrapped. "
        "Ms Dara Quint said the fee must be cut by half.",
        source="Harbour Gazette",
    )
    assert [(h, s) for h, s, _ in found] == [("Morrow Lines", "demands")]


def test_a_threat_of_court_through_lead_to_is_a_warning(reader):
    found = _read(
        reader,
        "The Trust has told the union that any strike outside the agreed dates would be "
        "unlawful and could lead to an application for an injunction.",
        source="Harlow Hospitals Trust",
    )
    assert [(h, s) for h, s, _ in found] == [("Harlow Hospitals Trust", "warns")]


def test_appealing_to_someone_to_act_is_a_demand_by_the_named_person_s_party(reader):
    found = _read(
        reader,
        "Mardale Borough Council leader Fiona Grady rejected the tenants' claims on Monday. "
        'Grady also appealed to the tenants to stop "spreading rumours about demolition."',
        source="Mardale Echo",
    )
    assert ("Mardale Borough Council", "demands") in [(h, s) for h, s, _ in found]
    assert all(h == "Mardale Borough Council" for h, _, _ in found)


def test_the_company_in_its_counsel_s_turn_is_the_counsel_s_client(reader):
    text = (
        "CHAIR (ANNA BELL): Mr Holt, your submission?\n\n"
        "MR HOLT (COUNSEL FOR BRENNA FOODS): Brenna does not accept the fine. That said, the "
        "company is willing to pay the full amount into an escrow account pending the appeal.\n"
    )
    found = _read(reader, text, source="Food Standards Appeals Panel")
    assert ("Brenna Foods", "offers") in [(h, s) for h, s, _ in found]
    assert all(h != "Food Standards Appeals Panel" for h, _, _ in found)


def _stances(reader, text, source):
    return [(h, s) for h, s, _ in _read(reader, text, source=source)]


def test_a_penalty_no_one_will_face_is_an_assurance(reader):
    assert _stances(
        reader,
        "No tenant who joined the rent strike will face any penalty.",
        "Harlow Housing Association",
    ) == [("Harlow Housing Association", "assures")]


def test_refusing_to_drop_ones_demands_is_insisting_on_them(reader):
    assert _stances(
        reader,
        "The Harlow Drivers' Union rejected the offer. "
        "The union will not abandon these demands, its secretary said.",
        "Harlow Courier",
    ) == [("Harlow Drivers' Union", "rejects"), ("Harlow Drivers' Union", "demands")]


def test_suspending_ones_own_legal_action_under_a_condition_is_an_offer(reader):
    assert _stances(
        reader,
        "If the council publishes the survey, we will suspend our application for judicial review.",
        "Hollin Street Tenants' Association",
    ) == [("Hollin Street Tenants' Association", "offers")]


def test_a_request_until_a_decision_is_a_demand_not_a_threat(reader):
    assert _stances(
        reader,
        "We ask the tribunal to suspend the fine until the appeal is decided.",
        "Brenna Foods",
    ) == [("Brenna Foods", "demands")]


def test_a_title_in_a_speaker_label_is_not_an_organisation(reader):
    text = (
        "Elena Ruiz (Harbour Master): Good morning. We will not lower the dredging fee this "
        "year.\n\n"
        "REPORTER (COASTAL TIMES): Will you meet the shipping lines?\n\n"
        "Elena Ruiz (Harbour Master): We are prepared to meet them next week.\n"
    )
    assert _stances(reader, text, "Tarvel Port Authority") == [
        ("Tarvel Port Authority", "rejects"),
        ("Tarvel Port Authority", "offers"),
    ]


def test_an_interviewers_turn_holds_no_statement(reader):
    text = (
        "INTERVIEWER: The shipping lines insist that the fee must be scrapped. Your answer?\n\n"
        "VOSS: We will not scrap the fee.\n"
    )
    found = _read(reader, text, source="Tarvel Port Authority")
    assert [(h, s) for h, s, _ in found] == [("Tarvel Port Authority", "rejects")]


def test_answers_after_q_dot_and_a_dot_are_the_interviewees(reader):
    text = _QA.replace("\nQ: ", "\nQ. ").replace("\nA: ", "\nA. ")
    assert _stances(reader, text, "Coastal Review") == [
        ("Tarvel Port Authority", "rejects"),
        ("Tarvel Port Authority", "offers"),
    ]


def test_first_person_in_a_signed_column_is_the_authors_party(reader):
    text = (
        "By Mira Hollis, chair of the Dunby Fishers' Cooperative\n\n"
        "The new quota cuts our members' catch by a third. We want the ministry to delay the cut "
        "by one season.\n"
    )
    assert _stances(reader, text, "The Dunby Courier") == [
        ("Dunby Fishers' Cooperative", "demands")
    ]


def test_a_company_the_tagger_takes_for_a_person_keeps_its_statement(reader):
    found = _stances(
        reader,
        "Brindle Seafoods rejected the Trawlermen's Guild's demand for a pay rise on Thursday. "
        "The guild threatened to strike from October if the company does not improve its offer.",
        "Coastal Ledger",
    )
    assert ("Brindle Seafoods", "rejects") in found
    assert ("Trawlermen's Guild", "warns") in found


def test_an_undertaking_a_draft_imposes_on_the_other_side_is_the_drafters_demand(reader):
    assert _stances(
        reader,
        "The Republic of Norland shall undertake not to station troops in the border zone.",
        "Ministry of Foreign Affairs of Sarnia",
    ) == [("Ministry of Foreign Affairs of Sarnia", "demands")]


def test_what_is_affirmed_decides_the_stance(reader):
    assert _stances(
        reader,
        "The Minister affirmed that Norland would welcome talks on the river treaty.",
        "Ministry of Foreign Affairs of Norland",
    ) == [("Ministry of Foreign Affairs of Norland", "offers")]


def test_an_offer_someone_receives_is_made_by_the_publisher(reader):
    assert _stances(
        reader,
        "Every driver will receive a written offer of a job at our Harlow depot.",
        "Harlow Buses",
    ) == [("Harlow Buses", "offers")]


def test_an_email_belongs_to_the_sender_its_from_header_names(reader):
    text = (
        "The society publishes this exchange.\n\n"
        "From: Rhea Tamm, Secretary, Oakmere Allotment Society\n"
        "To: Joel Park, Estates Manager, Brindley Rail Estates\n"
        "Date: 4 May 2026\n"
        "Subject: The lease\n\n"
        "Dear Mr Park,\n\n"
        "We ask you to renew the allotment lease for ten years.\n\n"
        "Rhea\n\n"
        "From: Joel Park, Estates Manager, Brindley Rail Estates\n"
        "To: Rhea Tamm, Secretary, Oakmere Allotment Society\n"
        "Subject: RE: The lease\n\n"
        "Dear Ms Tamm,\n\n"
        "We cannot renew the lease for more than two years.\n\n"
        "Joel\n"
    )
    held = {t.split()[1]: (h, s) for h, s, t in _read(reader, text, "Oakmere Allotment Society")}
    assert held["ask"] == ("Oakmere Allotment Society", "demands")
    assert held["cannot"] == ("Brindley Rail Estates", "rejects")


def test_minutes_attendance_links_people_and_present_is_no_speaker(reader):
    text = (
        "Minutes of the meeting of Hollybrook Town Council, 2 June 2026.\n\n"
        "Present: Cllr T. Ward (Chair), Cllr B. Osei. In attendance: Mr K. Dunmore (Selby "
        "Waste Services); Mrs P. Reyes, secretary, Hollybrook Allotment Society.\n\n"
        "7. Waste depot\n"
        "Mr Dunmore outlined the depot plans. He said the company was prepared to fund a new "
        "road to the depot. Mrs Reyes said the Society opposed any depot next to the allotments. "
        "She asked the company to move the depot entrance to Mill Lane."
    )
    found = _read(reader, text, "Hollybrook Town Council")
    held = {t.split()[0]: (h, s) for h, s, t in found}
    assert held["He"] == ("Selby Waste Services", "offers")
    assert held["She"] == ("Hollybrook Allotment Society", "demands")


def test_a_companys_short_name_tagged_as_a_person_is_not_he(reader):
    text = (
        "Present: Mr J. Talbot (Granger Quarries), Ms L. Fenn (Ashcombe Village Society).\n\n"
        "Mr Talbot presented the plans. He said Granger would plant trees along the road. "
        "He told members that the company would not use the high street for lorries."
    )
    found = _read(reader, text, "Ashcombe Parish Council")
    held = {t.split()[1]: h for h, _, t in found}
    assert held["told"] == "Granger Quarries"


def test_its_title_links_the_person_to_the_organisation_named_before(reader):
    text = (
        "The Harrow Vale Water Board said on Monday that it would raise charges. "
        "Its chief executive, Dr Nina Kovac, said the board would not cut the repair budget.\n\n"
        '"We are ready to meet the ratepayers next week," Kovac said.'
    )
    found = _read(reader, text, "Valley Wire")
    assert found and all(h == "Harrow Vale Water Board" for h, _, _ in found)
    assert any(s == "offers" and "ready" in t for _, s, t in found)


def test_bare_members_are_the_reporting_speakers_organisation(reader):
    text = (
        "The Dock and Harbour Workers' Guild called a strike at Pellmouth docks. "
        "Guild secretary Omar Fell said members would refuse all overtime until the port paid "
        "the money it owed."
    )
    held = [h for h, _, t in _read(reader, text, "Harbour Wire") if "members" in t]
    assert held == ["Dock and Harbour Workers' Guild"]


def test_what_a_party_will_do_on_a_condition_is_a_warning(reader):
    text = (
        "If the depot owners have not replied by 3 July, we will ask the county ombudsman to "
        "open an inquiry. "
        "Should the club sell the ground, the trust will advise its members not to renew "
        "their season tickets."
    )
    found = _read(reader, text, "Ferrybridge Supporters' Trust")
    assert [s for _, s, _ in found] == ["warns", "warns"]


def test_an_abbreviation_with_dots_is_the_registry_party(reader):
    found = _read(reader, "The U.S. and NATO reject the demands made at the talks.", "Wire")
    assert {h for h, _, _ in found} == {"United States", "NATO"}


def test_welcoming_is_an_offer_only_as_what_a_party_would_welcome(reader):
    text = (
        "The Brockley Rail Users' Group welcomed the minister's visit to the station last week. "
        "The group's chair, Nell Ashby, affirmed that the group would welcome talks with the "
        "operator on a new timetable."
    )
    found = _read(reader, text, "Rail Wire")
    assert [(s, t.split()[0]) for _, s, t in found] == [("offers", "The")]
    assert "affirmed" in found[0][2]
    greeting = "I would like to welcome everyone joining us for today's briefing on the line."
    assert _read(reader, greeting, "Brockley Rail Users' Group") == []


def test_courtesies_and_described_threats_state_no_position(reader):
    for sentence in (
        "I'm really glad to be with you in Harlow this morning.",
        "So, I feel I must respond to the remarks of the delegate from Vostrand.",
        "This is as clear a threat to the harbour's future as anyone can imagine.",
    ):
        assert _read(reader, sentence, "Harlow Port Authority") == [], sentence


def test_a_participle_clause_setting_the_scene_is_not_the_stance(reader):
    text = (
        "Incidentally, in requesting that the meeting be moved to Friday, the Brill Valley "
        "Growers' Cooperative cited the harvest. "
        "We were firm in pushing back on proposals that are simply non-starters for growers."
    )
    found = _read(reader, text, "Brill Valley Growers' Cooperative")
    assert [(s, t.split()[0]) for _, s, t in found] == [("rejects", "We")]


def test_a_past_denial_of_an_act_is_a_fact_a_future_one_a_refusal(reader):
    text = (
        "Our ferry crews have not changed their rosters since 2023. "
        "We will not change the rosters before the summer season."
    )
    found = _read(reader, text, "Skerry Ferries")
    assert [(s, t.split()[1]) for _, s, t in found] == [("rejects", "will")]


def test_you_in_a_letter_is_the_addressee_the_salutation_names(reader):
    text = (
        "Cllr Maya Rowe\nLeader, Ashfield Borough Council\n\n"
        "Dear Cllr Rowe,\n\n"
        "You ask the association to join a panel on the new car park. "
        "We cannot join a panel while the closure of the market itself is not open to question."
    )
    found = _read(reader, text, "Ashfield Market Traders' Association")
    assert [(h, s) for h, s, _ in found] == [
        ("Ashfield Borough Council", "demands"),
        ("Ashfield Market Traders' Association", "rejects"),
    ]


def test_you_with_no_known_addressee_holds_nothing(reader):
    found = _read(
        reader,
        "You ask the association to join a panel on the car park.",
        "Ashfield Market Traders' Association",
    )
    assert found == []


def test_demand_for_goods_is_not_a_partys_demand(reader):
    text = "Demand in the valley has grown by a fifth since 2020, the water company said."
    assert _read(reader, text, "Kell Water") == []


def test_dropping_ones_own_objection_on_a_condition_is_an_offer(reader):
    text = "We would drop our objection to the new quay if the port published its noise survey."
    assert [s for _, s, _ in _read(reader, text, "Quayside Residents' Group")] == ["offers"]


def test_debate_labels_name_the_minister_and_each_members_party(reader):
    text = (
        "The Secretary for Housing (Mr Alan Petrov): The Government will not extend the rent "
        "freeze beyond March.\n\n"
        "Ms Lena Ortiz (Valley Greens): We want the Government to extend the freeze for a "
        "further year.\n\n"
        "The Secretary for Housing (Mr Alan Petrov): I am afraid we cannot extend it while the "
        "budget is in deficit.\n"
    )
    found = _read(reader, text, "Valley Assembly Official Report")
    assert [(h, s) for h, s, _ in found] == [
        ("Government", "rejects"),
        ("Valley Greens", "demands"),
        ("Government", "rejects"),
    ]


def test_a_title_in_parentheses_after_a_name_is_still_no_party(reader):
    text = "Ms Elena Ruiz (Harbour Master): We will not lower the dredging fee this year.\n"
    assert _read(reader, text, "Tarvel Port Authority")[0][0] == "Tarvel Port Authority"


def test_what_we_will_do_if_the_other_side_acts_is_an_offer_or_a_warning(reader):
    text = (
        "If the board agrees to a pay review, the association will work with it on the rota. "
        "If the board cuts the night allowance, we will close the clinic doors to new patients."
    )
    found = _read(reader, text, "Hillmoor Nurses' Association")
    assert [s for _, s, _ in found] == ["offers", "warns"]


def test_would_like_someone_to_act_is_a_demand_would_like_to_is_not(reader):
    text = (
        "We would like the council to publish the full traffic survey before the vote. "
        "We would like to thank residents for coming to the meeting tonight."
    )
    found = _read(reader, text, "Kirkby Road Residents' Group")
    assert [(s, t.split()[3]) for _, s, t in found] == [("demands", "the")]


def test_nothing_bad_will_happen_is_an_assurance(reader):
    text = "No tenant will lose their parking space while the car park is rebuilt, the trust said."
    assert [s for _, s, _ in _read(reader, text, "Millbrook Housing Trust")] == ["assures"]


def test_we_confirm_what_will_happen_is_an_assurance_a_report_is_not(reader):
    text = (
        "I can confirm that the new pool will open to residents by 1 May. "
        "The builder confirmed that the roof would be finished in March."
    )
    found = _read(reader, text, "Dunhill Leisure Trust")
    assert [(s, t.split()[0]) for _, s, t in found] == [("assures", "I")]


def test_x_says_we_should_is_xs_demand(reader):
    text = "The Ridgefield Cyclists' Forum says we should open the towpath to bikes all year."
    found = _read(reader, text, "Ridgefield Canal Trust")
    assert [(h, s) for h, s, _ in found] == [("Ridgefield Cyclists' Forum", "demands")]


def test_a_vote_promised_on_a_condition_and_a_vote_against(reader):
    text = (
        "Ms Ada Kerr (Coastal Party): If the Government accepted our amendment, we would vote "
        "for the Harbour Bill at third reading. We will vote against any clause that sells the "
        "harbour.\n"
    )
    found = _read(reader, text, "Coastal Assembly Official Report")
    assert [(h, s) for h, s, _ in found] == [
        ("Coastal Party", "offers"),
        ("Coastal Party", "rejects"),
    ]


def test_a_guarantee_that_nothing_will_happen_is_the_speakers(reader):
    text = (
        "The Pellam Harbour Board met on Monday. Its chair, Ines Falk, added that no Norwegian "
        "trawler would be refused a berth during the dispute."
    )
    found = _read(reader, text, "Coastal Wire")
    assert [(h, s) for h, s, _ in found] == [("Pellam Harbour Board", "assures")]
