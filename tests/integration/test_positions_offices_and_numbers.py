"""Whose words these are when a joint text is "Issued jointly by the Ministries of Foreign
Affairs of A, B and C and the Secretariat of D", when a wire story names a minister without a
country, and what a numbered paragraph's statement reads: on short texts written for these
tests (not the eval texts). Each of A, B, C and D holds the text's "we" (the ministries speak
for their states, the secretariat for its body); "Interior Minister X" serves the one state the
story has named by then, not a neighbour it names further down; "6. Should ..." is stated
without its "6."; a signature block's "Minister of Fisheries and External Relations" followed
by "For the X Commission:" makes no party of the two run together. Uses the packaged spaCy
model.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


JOINT = (
    "JOINT STATEMENT ON THE SALVAGE OF THE MV KERRA STAR\n\n"
    "1. The Governments of the Republic of Ostrava, the Principality of Lunde and the "
    "Federated States of Harrow, together with the Northern Straits Shipping Council, met in "
    "Keld on 3 May.\n\n"
    "2. We call on the Republic of Varn to remove the wreck of the MV Kerra Star from the "
    "shipping lane before the end of June.\n\n"
    "3. We are prepared to share the cost of a survey of the wreck with Varn.\n\n"
    "For the Principality of Lunde: Anika Berg, Minister of Transport and Maritime Affairs\n"
    "For the Northern Straits Shipping Council: Dr Pieter Holm, Executive Director\n"
)
ISSUERS = {
    "Republic of Ostrava",
    "Principality of Lunde",
    "Federated States of Harrow",
    "Northern Straits Shipping Council",
}


def test_issued_jointly_by_the_ministries_of_several_states_makes_each_state_a_holder(reader):
    found = read(
        reader,
        JOINT,
        source="Issued jointly by the Ministries of Foreign Affairs of the Republic of Ostrava, "
        "the Principality of Lunde and the Federated States of Harrow and the Secretariat of the "
        "Northern Straits Shipping Council",
        title="Joint statement on the salvage of the MV Kerra Star",
    )
    assert holders(found, "We call on the Republic of Varn") == ISSUERS
    assert holders(found, "We are prepared to share") == ISSUERS
    # no party is made of a signature line running into the next one
    assert not any("Maritime Affairs" in h or h == "Council" for h, _, _ in found)


def test_a_numbered_paragraph_is_stated_without_its_number(reader):
    found = read(
        reader,
        JOINT,
        source="Issued jointly by the Ministries of Foreign Affairs of the Republic of Ostrava, "
        "the Principality of Lunde and the Federated States of Harrow and the Secretariat of the "
        "Northern Straits Shipping Council",
    )
    texts = [t for _, _, t in found if "We call on the Republic of Varn" in t]
    assert texts and all(t.startswith("We call on") for t in texts)


def test_a_minister_without_a_country_serves_the_state_the_story_has_named_so_far(reader):
    text = (
        "KESSA, May 2 (Harbour Wire) - The government of Tavrenia and striking port workers "
        "set rival terms on Friday as the stoppage entered its third week.\n\n"
        "Labour Minister Ilona Sarkis told reporters that the dockers must return to work "
        "before any talks on pay could begin.\n\n"
        '"We will not negotiate with a union that is holding the country\'s exports hostage," '
        "Sarkis said.\n\n"
        "Neighbouring Corlesia, whose ports have taken some of the diverted cargo, said it would "
        "charge the diverted ships the normal fees.\n\n"
        "Corlesian Transport Minister Jens Alder said the arrangement would end in June.\n"
    )
    found = read(reader, text, source="Harbour Wire")
    assert holders(found, "the dockers must return to work") == {"Government of Tavrenia"}
    assert holders(found, "We will not negotiate") == {"Government of Tavrenia"}


MINUTES = (
    "KELBY MOOR BOROUGH COUNCIL\nENVIRONMENT AND PARKS COMMITTEE\n\n"
    "Present: Councillor A. Fenwick (Chair); Councillors B. Osei and C. Marlow\n"
    "Officers: Rhian Castell (Head of Parks), Owen Tully (Senior Landscape Planner)\n"
    "Also in attendance: Marta Quell (Regional Director, Brightfield Leisure Ltd); "
    "Sam Arden (Secretary, Kelby Moor Allotment Society)\n\n"
    "4.1 Ms Quell addressed the committee on behalf of Brightfield Leisure. She asked the "
    "committee to extend the company's lease of the lakeside cafe by ten years.\n\n"
    "4.2 In response to Ms Quell, the Head of Parks said the council could not extend the "
    "lease before the review of the park's management plan was complete.\n"
)


def test_an_officer_named_by_office_in_a_councils_minutes_speaks_for_the_council(reader):
    found = read(reader, MINUTES, source="Kelby Moor Borough Council, Democratic Services")
    assert holders(found, "the council could not extend the lease") == {
        "Kelby Moor Borough Council"
    }
    # "4.2 " is the paragraph's number, not part of what was said
    texts = [t for _, _, t in found if "could not extend the lease" in t]
    assert texts and all(t.startswith("In response to") for t in texts)
    # no party is named after an office or a job ("Head of Parks", "Landscape Planner")
    assert not any("Parks" in h or "Planner" in h for h, _, _ in found)


def test_a_name_followed_by_title_and_organisation_in_brackets_speaks_for_it(reader):
    found = read(reader, MINUTES, source="Kelby Moor Borough Council, Democratic Services")
    assert {h for h, _, t in found if "extend the company's lease" in t} <= {
        "Brightfield Leisure Ltd",
        "Brightfield Leisure",
    }
    assert holders(found, "extend the company's lease")


def test_the_foreign_ministry_of_a_ministry_of_foreign_affairs_release_is_that_ministry(reader):
    text = (
        "Transcript of the regular press briefing.\n\n"
        "SOFIA MARR, SPOKESPERSON: Good afternoon. Foreign Minister Teo Brandt will travel to "
        "Lindau on Monday.\n\n"
        "Q: Your neighbour says the pipeline will open in May. What is Ostrevia's response?\n\n"
        "MARR: We do not accept that date. Minister Brandt is ready to meet his counterpart "
        "in Lindau before any gas flows.\n"
    )
    found = read(
        reader,
        text,
        source="Ministry of Foreign Affairs of the Republic of Ostrevia, Press Department",
        title="Regular press briefing by Foreign Ministry Spokesperson Sofia Marr",
    )
    ministry = {"Ministry of Foreign Affairs of the Republic of Ostrevia"}
    assert holders(found, "We do not accept that date") == ministry
    # the minister the publisher's own briefing names without a country is its state's
    assert holders(found, "Minister Brandt is ready to meet") == ministry
    assert not any(h == "Foreign Ministry" for h, _, _ in found)


EMAILS = (
    "From: Lena Hartig <l.hartig@orchard-schools.example>\n"
    "To: Tomas Wray <t.wray@brightdesk.example>\n"
    "Subject: Renewal of the Brightdesk Classroom licence\n\n"
    "Dear Mr Wray,\n\n"
    "The trust's board cannot accept the proposed increase of 15 per cent. We ask Brightdesk "
    "to hold the price for the next two years.\n\n"
    "Kind regards,\n\n"
    "Lena Hartig\nHead of Procurement\nOrchard Valley Schools Trust\n\n"
    "________________________________\n\n"
    "From: Tomas Wray <t.wray@brightdesk.example>\n"
    "To: Lena Hartig <l.hartig@orchard-schools.example>\n"
    "Subject: RE: Renewal of the Brightdesk Classroom licence\n\n"
    "Dear Ms Hartig,\n\n"
    "We can offer an increase of 6 per cent in the first year and none in the second.\n\n"
    "Best regards,\n\n"
    "Tomas Wray\nAccount Manager, Education Sector\nBrightdesk Software\n"
)


def test_each_email_of_an_exchange_speaks_for_the_organisation_its_signature_names(reader):
    found = read(
        reader,
        EMAILS,
        source="correspondence released by the Orchard Valley Schools Trust",
        title="Emails between Brightdesk Software and the Orchard Valley Schools Trust",
    )
    assert holders(found, "We ask Brightdesk to hold the price") == {"Orchard Valley Schools Trust"}
    assert holders(found, "We can offer an increase of 6 per cent") == {"Brightdesk Software"}


def test_a_blog_or_newsletter_in_the_source_line_is_not_part_of_the_publishers_name(reader):
    text = "We call on Harlan Foods to pay every grower within thirty days of delivery.\n"
    found = read(reader, text, source="Marsh End Growers' Cooperative blog")
    assert holders(found, "We call on Harlan Foods") == {"Marsh End Growers' Cooperative"}


def test_workers_at_a_port_who_will_strike_are_their_unions_not_the_ports(reader):
    text = (
        "BRANSK, June 3 (Coast Wire) - Crane drivers at the Port of Bransk will stop work from "
        "July 1 unless the port company drops its plan to close the night shift, their union "
        "said on Monday.\n\n"
        "The Bransk Crane and Harbour Staff Union, which represents 900 drivers, says the plan "
        "will cost 120 jobs.\n"
    )
    found = read(reader, text, source="Coast Wire")
    union = {"Bransk Crane and Harbour Staff Union"}
    assert holders(found, "will stop work from July 1") == union
    # the tagger's cut of the name ("Harbour Staff Union") is the same union, not another party
    assert {h for h, _, _ in found} <= union | {"Port of Bransk"}


def test_taking_questions_at_a_briefing_is_no_offer(reader):
    text = (
        "ANNA VOSS, SPOKESPERSON: Good afternoon. I am happy to take your questions.\n\n"
        "Q: Will the ministry meet the farmers?\n\n"
        "VOSS: We are ready to meet the farmers' union on Friday.\n"
    )
    found = read(reader, text, source="Ministry of Agriculture of the Republic of Teslin")
    assert not holders(found, "take your questions")
    assert holders(found, "We are ready to meet")


def test_a_forecast_of_ones_own_acts_is_no_demand_but_expecting_to_receive_is(reader):
    text = (
        "Dear Ms Orlov,\n\n"
        "My board met on Monday and asked me to reply to your letter in writing.\n\n"
        "The Authority expects to publish its final rules in December.\n\n"
        "We expect to receive the full list of affected customers by Friday 12 June.\n\n"
        "Yours sincerely,\n\nKarl Demsky\nChair, Vessmark Water Authority\n"
    )
    found = read(reader, text, source="Vessmark Water Authority")
    assert not holders(found, "asked me to reply")
    assert not holders(found, "expects to publish its final rules")
    assert holders(found, "We expect to receive the full list") == {"Vessmark Water Authority"}


def test_people_unable_to_do_something_is_no_refusal_but_a_party_that_cannot_agree_is(reader):
    text = (
        '"Small bakeries cannot plan a year on flour prices that change every week," said Ivo '
        "Marek, chairman of the Tessin Bakers' Guild.\n\n"
        '"The guild cannot accept a levy of 8 percent," Marek said.\n'
    )
    found = read(reader, text, source="Tessin Evening Post")
    assert not holders(found, "Small bakeries cannot plan")
    assert holders(found, "cannot accept a levy") == {"Tessin Bakers' Guild"}


def test_what_another_party_told_us_is_never_our_position(reader):
    text = (
        "PRESENTER: Joining me is the festival's director, Anna Berg.\n\n"
        "ANNA BERG: The chief constable told us on Thursday that the force would not pay for "
        "the extra barriers. We ask the force to cap the bill at 40,000 pounds.\n"
    )
    found = read(reader, text, source="Harlow Folk Festival Ltd")
    assert "Harlow Folk Festival" not in holders(found, "The chief constable told us")
    assert holders(found, "We ask the force to cap the bill") == {"Harlow Folk Festival"}


def test_remaining_ready_to_meet_is_an_offer(reader):
    text = (
        "We remain ready to meet the Harbour Board's negotiators at any time before the end of "
        "the month.\n\nWe stand ready to share our survey data with the Board.\n"
    )
    found = read(reader, text, source="Carrow Point Fishermen's Association")
    stances = {s for h, s, t in found if "ready to" in t}
    assert stances == {"offers"}


def test_what_a_party_will_do_without_what_it_asks_is_a_warning(reader):
    text = (
        "Without those two amendments, we will vote against the Bill.\n\n"
        "If the council goes ahead, the association will treat the plan as a breach of the "
        "lease and will advise its members to refuse the new charges.\n"
    )
    found = read(reader, text, source="Ferrow Market Traders' Association")
    assert {s for _, s, t in found if "vote against the Bill" in t} == {"warns"}
    assert {s for _, s, t in found if "advise its members to refuse" in t} == {"warns"}


def test_nobody_being_harmed_is_a_guarantee_but_nobody_acting_against_us_is_not(reader):
    text = (
        '"Nobody will be evicted from the Brenner estate this winter," Tavland\'s housing minister, '
        "Ola Strand, told reporters.\n\n"
        '"Not one flat will be sold to a private landlord," Strand said.\n'
    )
    found = read(reader, text, source="Orsk Daily")
    stances = {s for _, s, t in found if "Nobody will be evicted" in t or "Not one flat" in t}
    assert stances == {"assures"}
