"""Whose words a speech, an interview and a signed letter are, when the text says so only once:
a speech whose one label ("ABERNATHY-COLE:") names the person its heading introduces is hers,
and a transcriber's note after it is reporting again; an interviewee introduced as "Name, a
former nurse who leads the Guild's delegation" answers for the Guild; "the Tessarian
government's spokesman" speaks for Tessaria, not for another government the story names; a
letter signed by "Name Double-Barrelled" under a letterhead in capitals is the company's; "We
would ask the Council to confirm ..." asks; "We disagree with both" refuses.
Texts written for these tests; the packaged spaCy model.
"""

from __future__ import annotations

import pytest

from index.metadata import guess_title
from tests.support.stance_reading import holders, make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


SPEECH = (
    "Transcript: Address by Corinna Abernathy-Cole, chair of the Pellham Allotment Holders' "
    "Union, at the march on Redgate Town Hall, Sunday 4 May\n\n"
    "Recorded by the Redgate Community Archive.\n\n"
    "ABERNATHY-COLE: Good afternoon, and thank you for walking with us. "
    "The council sold the Marsh Lane plots to Harrowden Homes last spring. "
    "We want every plot on Marsh Lane returned to the growers who worked it. "
    "We will not move to the site by the bypass, whatever the council offers. "
    "If the diggers arrive, we will be standing in front of them.\n\n"
    "(Applause. End of address.)\n\n"
    "Transcriber's note: Harrowden Homes was not represented at the march. "
    "Its planning director, Lionel Fairweather-Pike, said the firm was willing to keep ten "
    "plots open until 2028. "
    '"We will not give up the land we bought," he said.\n'
)


def test_a_speech_with_one_label_is_its_speakers_and_the_note_after_it_reports(reader):
    found = _read(reader, SPEECH, title=guess_title(SPEECH))
    union = "Pellham Allotment Holders' Union"
    assert holders(found, "We want every plot on Marsh Lane") == {union}, found
    assert holders(found, "We will not move to the site") == {union}, found
    # the note's quote is the company's, not the speaker's
    assert holders(found, "We will not give up the land") == {"Harrowden Homes"}, found
    assert holders(found, "willing to keep ten plots") == {"Harrowden Homes"}, found


INTERVIEW = (
    "title: 'We are nurses, not bargaining chips': the Guild's negotiator on the pay talks\n"
    "---\n"
    "The Tessarian Nurses' Guild has been in dispute with the Orvand Health Board, the largest "
    "in Tessaria, since March, "
    "and talks chaired by the government of Lirenne resumed on Monday. "
    "Maren Quillfeather, a former ward sister who leads the Guild's delegation, spoke to us "
    "between sessions.\n\n"
    "Q: Will you call off the overtime ban?\n\n"
    "A: Not while the board refuses to publish its staffing figures. "
    "We will not call off the ban until every ward has a second night nurse.\n\n"
    "Q: And if the board moves?\n\n"
    "A: If the board agrees to the night nurse, we are prepared to suspend the ban at once.\n\n"
    "The government's reply\n\n"
    "Asked about the interview, the Tessarian government's spokesman, Arvid Solberg-Hale, said "
    "the ban must end before any new money is discussed.\n"
)


def test_an_interviewee_introduced_by_an_aside_answers_for_the_body_she_leads(reader):
    found = _read(reader, INTERVIEW, title="'We are nurses, not bargaining chips'")
    guild = "Tessarian Nurses' Guild"
    assert holders(found, "We will not call off the ban") == {guild}, found
    assert holders(found, "we are prepared to suspend the ban") == {guild}, found


def test_a_states_government_spokesman_speaks_for_that_state_not_the_mediators(reader):
    found = _read(reader, INTERVIEW, title="'We are nurses, not bargaining chips'")
    held = holders(found, "the ban must end before")
    assert len(held) == 1 and "Tessaria" in held.pop().split(), found
    assert not any("Lirenne" in h for h, _, _ in found), found


LETTER = (
    "BRANTWICK SOLAR FARMS LTD\n"
    "Unit 9, Coldharbour Park, Brantwick BW2 4LP\n\n"
    "Members of the Planning Committee\n"
    "Esselby District Council\n\n"
    "2 April 2026\n\n"
    "Dear Councillors,\n\n"
    "Re: Holloway Fields solar farm - refusal of permission\n\n"
    "The refusal notice gives two reasons: glare on the Holloway road and the loss of farmland. "
    "We disagree with both of those reasons. "
    "We would ask the Council to confirm by 30 April whether it will consider a smaller layout. "
    "We are prepared to drop the twelve panels nearest the road.\n\n"
    "Yours faithfully,\n\n"
    "Oona Threlkeld-Barnes\n"
    "Head of Development\n"
    "Brantwick Solar Farms Ltd\n"
)


def test_a_letter_signed_under_a_capitals_letterhead_is_the_companys(reader):
    found = _read(reader, LETTER, title=guess_title(LETTER))
    company = {h for h, _, _ in found}
    assert company and all("Brantwick Solar Farms" in h for h in company), found
    stance = {text: s for _, s, text in found}
    assert stance.get("We disagree with both of those reasons.") == "rejects", found
    asks = [s for _, s, text in found if text.startswith("We would ask the Council")]
    assert asks == ["demands"], found
    assert any(
        s == "offers" for _, s, text in found if text.startswith("We are prepared to drop")
    ), found


def test_a_timetable_disagreement_is_no_refusal(reader):
    text = (
        "The Harlow Dockers' Union and Vessant Ports met on Tuesday. "
        "The two sides disagree on the timetable for the new rosters. "
        "The union rejected the company's offer of a 3 percent rise."
    )
    found = _read(reader, text)
    assert not holders(found, "disagree on the timetable"), found
    assert holders(found, "rejected the company's offer") == {"Harlow Dockers' Union"}, found


HEARING = (
    "Ports and Harbours Committee\n"
    "Oral evidence: Lanthorn Ferries sailings, HC 208\n\n"
    "Members present: Mr Osric Fell (Chair); Ms Dagny Lowther.\n\n"
    "Witnesses: Dr Ines Caldecott-Ruiz, Chief Executive, Harbour Safety Board; Piers Amberley, "
    "Managing Director, Lanthorn Ferries plc.\n\n"
    "Q1 Chair: Mr Amberley, why were forty sailings cancelled in June?\n\n"
    "Piers Amberley: Two of our ships failed inspection. We will restore the full timetable by "
    "September, and we will refund every cancelled ticket in full.\n\n"
    "Q2 Ms Lowther: Dr Caldecott-Ruiz, will the Board relax the inspection rules?\n\n"
    "Dr Caldecott-Ruiz: We will not relax them. The Board expects a maintenance plan from the "
    "company by 1 August.\n"
)


def test_witnesses_listed_with_title_and_company_speak_for_it(reader):
    found = _read(reader, HEARING, title=guess_title(HEARING))
    ferries = holders(found, "We will restore the full timetable")
    assert len(ferries) == 1 and ferries.pop().startswith("Lanthorn Ferries"), found
    assert holders(found, "We will not relax them") == {"Harbour Safety Board"}, found


RELEASE = (
    "Ormsby Borough Council - Press release\n\n"
    "Ormsby Swimming Baths: your questions answered\n\n"
    "Is the pool closing?\n"
    "The baths will close on 1 March for repairs. We guarantee that every swimming lesson "
    "booked before then will be refunded. The council will not sell the site.\n"
)


def test_a_title_naming_its_body_before_a_dash_makes_the_release_its_own(reader):
    found = _read(reader, RELEASE, title=guess_title(RELEASE))
    assert holders(found, "We guarantee that every swimming lesson") == {
        "Ormsby Borough Council"
    }, found


PRESS_CONFERENCE = (
    "Flood defences: full text of the Morrow Valley Farmers' Union press conference\n\n"
    "Editor's note: The statement was read by the union's president, Tobias Ellery-Crane.\n\n"
    "STATEMENT\n\n"
    "We are asking the Rivers Agency to repair the Morrow embankment before the autumn rains. "
    "Our members are ready to lend their machinery for the work.\n\n"
    "QUESTIONS FROM REPORTERS\n\n"
    "Q (Valley Radio): Will you block the bypass?\n\n"
    "ELLERY-CRANE: We will not rule anything out.\n\n"
    "THE AGENCY'S REPLY\n\n"
    "In a written reply, the Rivers Agency said it would not bring the repairs forward. "
    '"We are willing to meet the union next week," the agency\'s director, Halvard Poole, said.\n'
)


def test_a_press_conferences_text_is_the_bodys_and_a_heading_after_it_reports(reader):
    found = _read(reader, PRESS_CONFERENCE, title=guess_title(PRESS_CONFERENCE))
    union = "Morrow Valley Farmers' Union"
    assert holders(found, "We are asking the Rivers Agency") == {union}, found
    assert holders(found, "Our members are ready to lend") == {union}, found
    # after the last answer, a heading: the agency's reply is the agency's, not the union's
    assert holders(found, "We are willing to meet the union") == {"Rivers Agency"}, found


ANNUAL_REPORT = (
    "Halloran Rail plc - Annual Report 2025\n"
    "Letter from the Chief Executive\n\n"
    "Dear Shareholders,\n\n"
    "Passenger numbers rose by 9 percent last year. "
    "We have offered our drivers 6 percent over two years. "
    "We will not agree to a settlement that puts our fares out of line with the coaches.\n\n"
    "Yours sincerely,\n\n"
    "Marta Quennell-Obi\n"
    "Chief Executive\n"
)


def test_an_annual_reports_letter_from_its_chief_executive_is_the_companys(reader):
    found = _read(reader, ANNUAL_REPORT, title=guess_title(ANNUAL_REPORT))
    held = {h for h, _, _ in found}
    assert held and all(h.startswith("Halloran Rail") for h in held), found


BULLETIN = (
    "HARBOUR FM NEWS - 0800 BULLETIN - MONDAY 3 MARCH\n\n"
    "[ITEM 1 - FERRIES]\n\n"
    "NEWSREADER: Ferry crews at Stennack will strike from Friday unless the operator restores "
    "their overtime rates, the Seafarers' Guild of Stennack says.\n\n"
    "CUE: Our reporter Idony Castellane-Ruiz is at the terminal.\n\n"
    "REPORTER (CASTELLANE-RUIZ): The Stennack Ferry Company says it cannot afford the old "
    "rates. Its operations director, Wendell Ashgrove-Tae, insisted that every booked passenger "
    "would still sail.\n\n"
    "[ITEM 2 - BORDER]\n\n"
    "NEWSREADER: The Embassy of Vorlande has demanded access to two of its citizens held at "
    "the Stennack border post.\n"
)


def test_a_bulletins_newsreader_and_reporters_tell_the_news_as_wire_copy_does(reader):
    found = _read(reader, BULLETIN, title=guess_title(BULLETIN))
    # a reporter's package is news copy here, not an interviewer's question
    assert holders(found, "says it cannot afford the old rates") == {"Stennack Ferry Company"}, (
        found
    )
    # "Its" after a reporter's label: the company the sentence before is about
    assert holders(found, "every booked passenger would still sail") == {
        "Stennack Ferry Company"
    }, found
    # a state the tagger may take for a person, after "Embassy of"
    assert holders(found, "has demanded access to two") == {"Embassy of Vorlande"}, found


def test_who_heads_its_programme_speaks_for_the_body_the_sentence_before_names(reader):
    text = (
        "The two states have argued over the Dalvi river since March. "
        "The International Fisheries Monitoring Office (IFMO), which drafted the 1998 accord, "
        "has tried to keep both sides talking. "
        "Oriel Vantongeren, who heads its river programme, urged both governments to share "
        "their catch data by June."
    )
    found = _read(reader, text)
    assert holders(found, "urged both governments to share") == {
        "International Fisheries Monitoring Office"
    }, found


def test_a_body_named_by_initials_in_a_title_and_a_name_joined_by_and(reader):
    text = (
        "Porters at Kellan Bay General Hospital will strike next week, their union says. "
        "The Federated Union of Porters and Domestic Staff wants a night allowance. "
        "The FUPDS branch chair at Kellan Bay, Ottoline Marsh-Adebayo, spoke to reporters. "
        '"We will not accept another freeze on the night allowance," Marsh-Adebayo said.'
    )
    found = _read(reader, text)
    union = "Federated Union of Porters and Domestic Staff"
    assert holders(found, "wants a night allowance") == {union}, found
    assert holders(found, "We will not accept another freeze") == {union}, found


TWO_LETTERS = (
    "Complaint referral: Dunmore Residents' Association v Cardew Homes\n\n"
    "Dear Ombudsman,\n\n"
    "We ask the Ombudsman to order an independent survey of the Hollis Street flats. "
    "We will not withdraw this complaint until the lifts are repaired.\n\n"
    "Yours faithfully,\n\n"
    "Rosalind Achterberg-Nye\n"
    "Chair, Dunmore Residents' Association\n\n"
    "Enclosure: the landlord's final response\n\n"
    "Dear Ms Achterberg-Nye,\n\n"
    "We do not accept that the lifts are unsafe. "
    "We are prepared to fund a survey of the two oldest blocks.\n\n"
    "Yours sincerely,\n\n"
    "Cosmo Pellegrini\n"
    "Director of Housing, Cardew Homes\n"
)


def test_a_complaint_and_the_reply_enclosed_are_each_their_signers(reader):
    found = _read(reader, TWO_LETTERS, title=guess_title(TWO_LETTERS))
    residents = "Dunmore Residents' Association"
    assert holders(found, "We ask the Ombudsman to order") == {residents}, found
    assert holders(found, "We will not withdraw this complaint") == {residents}, found
    assert holders(found, "We do not accept that the lifts") == {"Cardew Homes"}, found
    assert holders(found, "We are prepared to fund a survey") == {"Cardew Homes"}, found


GROUP_THREAD = (
    "Fernhill Village Noticeboard\n"
    "Public group · 2.1K members\n\n"
    "Fernhill Allotment Society (FAS) › Admin\n"
    "12 June at 08:40 · 🌐\n\n"
    "WATER SUPPLY TO THE PLOTS\n\n"
    "Brookvale Water have told us the standpipes on Mill Lane will be capped from 1 July. "
    "We are asking Brookvale to keep the standpipes on until the end of the growing season. "
    "We will not pay a new connection charge for a supply we already have.\n\n"
    "    Ottilie Franks-Mbeki\n"
    "    My beans will not last a week without water!\n"
    "    12 June at 09:02\n\n"
    "    Brookvale Water ✓\n"
    "    Hi all, thanks for raising this. We can't keep the standpipes on: they fail the new "
    "safety rules. We are prepared to fit a metered tap at the gate at no cost to the society.\n"
    "    12 June at 09:30\n"
)


def test_a_group_pages_posts_and_replies_are_their_posters(reader):
    found = _read(reader, GROUP_THREAD, title=guess_title(GROUP_THREAD))
    society = "Fernhill Allotment Society"
    assert holders(found, "We are asking Brookvale to keep") == {society}, found
    assert holders(found, "We will not pay a new connection") == {society}, found
    assert holders(found, "We are prepared to fit a metered tap") == {"Brookvale Water"}, found
    # a resident's reply holds no party's position
    assert not holders(found, "My beans"), found


NEWSLETTER = (
    "SHOP FLOOR\n"
    "Members' newsletter of the United Guild of Bakery and Mill Workers (UGBMW)\n"
    "Issue 12 - Autumn 2025\n\n"
    "MESSAGE FROM THE GENERAL SECRETARY\n\n"
    "Let me be clear: we will not sign any agreement that cuts the night premium. "
    "I am ready to meet the employers any day of the week. "
    "Regional organiser Tamsin Okafor-Lindqvist said the branch would not accept a pay freeze.\n"
)


def test_a_newsletters_masthead_names_the_body_whose_we_it_is(reader):
    found = _read(reader, NEWSLETTER, title=guess_title(NEWSLETTER))
    guild = "United Guild of Bakery and Mill Workers"
    assert holders(found, "we will not sign any agreement") == {guild}, found
    assert holders(found, "I am ready to meet the employers") == {guild}, found
    # "Regional" is part of a title, no party
    assert not any(h == "Regional" for h, _, _ in found), found


PODCAST = (
    "Field Notes - Episode 40: the barley price (transcript excerpt)\n\n"
    "NELL: Welcome back. Our guest is Ambrose Fairlie-Okoro, who chairs the Westerby Barley "
    "Growers' Cooperative. Ambrose, welcome.\n\n"
    "AMBROSE: Thanks for having me.\n\n"
    "NELL: What do your members want?\n\n"
    "AMBROSE: What we want is simple: a contract price of at least 190 pounds a tonne. "
    "What we won't accept is another one-year deal.\n"
)


def test_a_guest_labelled_by_first_name_speaks_for_the_body_the_intro_names(reader):
    found = _read(reader, PODCAST, title=guess_title(PODCAST))
    coop = "Westerby Barley Growers' Cooperative"
    assert holders(found, "What we want is simple") == {coop}, found
    assert holders(found, "What we won't accept") == {coop}, found


def test_two_bodies_joined_by_and_stay_two(reader):
    text = (
        "The Concerned Parents of Hollowell and Riverside Tenants Alliance released a statement "
        "condemning the closure. "
        '"This is not the leadership our town needs," the groups said. '
        '"We will not stay silent while our schools are closed."'
    )
    found = _read(reader, text)
    held = holders(found, "We will not stay silent")
    assert held and not any("Alliance" in h and "Parents" in h for h in held), found
