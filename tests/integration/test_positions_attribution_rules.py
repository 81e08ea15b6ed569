"""Attribution rules on short texts written for these tests (not the eval texts): a sentence-
initial "Its chief executive, NAME" belongs to the party the sentence before is about, a body
the text does not otherwise name ("the city council") is not the speaker, and a name the tagger
did not take for the subject of a reporting verb is still its subject. Uses the packaged spaCy
model (no embedding model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def test_its_chief_executive_is_the_previous_sentences_subject(reader):
    text = (
        "The Lakeshore Anglers' Association urged the Corrow Water Board on Monday to stop "
        "the dredging.\n\n"
        "The Marsh Birds Trust said its volunteers would count the herons.\n\n"
        "The water board, which owns the lake, said it would not stop the work before spring. "
        "Its chief executive, Helen Dorrit, said the board would pay for a new jetty.\n\n"
        '"We will not leave the lake to silt up," Dorrit told reporters.\n'
    )
    found = _read(reader, text, source="Valley Gazette")
    held = {t[:22]: h for h, _, t in found}
    assert held.get('"We will not leave the') == "Corrow Water Board", found
    assert "Marsh Birds Trust" not in [h for h, _, t in found if "Dorrit" in t]


def test_an_unnamed_city_council_in_a_speakers_turn_is_not_the_speaker(reader):
    text = (
        "Press conference, 9 September\n\n"
        "JOAN BELL (CHAIR, MARLOW ROAD TENANTS' ASSOCIATION): Thank you for coming. "
        "We want new lifts in all three towers by Christmas.\n\n"
        "The borough council has asked Kestrel Housing to publish its repair plan, and we "
        "fully support that request.\n"
    )
    found = _read(reader, text, source="Marlow Road Tenants' Association")
    council = [(h, s) for h, s, t in found if t.startswith("The borough council")]
    assert council == [("Borough Council", "demands")], found
    assert ("Marlow Road Tenants' Association", "demands") in [(h, s) for h, s, _ in found]


def test_a_name_tagged_as_an_adverb_is_the_reporting_verbs_subject(reader):
    text = (
        "AMINA SORO (SPOKESPERSON, VENN RIDERS' GUILD): Good afternoon. Since 1 February our "
        "riders have lost a quarter of their income. Fastly told us in writing last Thursday "
        "that it will not go back to the old rates. We demand a minimum of 14 euros an hour.\n"
    )
    found = _read(reader, text, source="Venn Riders' Guild")
    told = [(h, s) for h, s, t in found if t.startswith("Fastly told")]
    assert told == [("Fastly", "rejects")], found


def test_some_other_bodies_are_not_the_letters_writer(reader):
    text = (
        "Dear Minister,\n\n"
        "We reject the pay freeze. Several hospital trusts have warned that they may have to "
        "close birth centres. We ask the government to fund 600 new posts.\n"
    )
    found = _read(reader, text, source="Arland College of Midwives")
    assert [s for _, s, _ in found] == ["rejects", "demands"], found


def test_the_memo_lines_addressee_is_whom_your_stands_for(reader):
    text = (
        "To: Chief Elder Mara Tovin, Kell Valley Council\n"
        "From: Dr Paul Hart, Director, Westbrook Folk Museum\n\n"
        "Dear Chief Elder Tovin,\n\n"
        "Your council has asked for the return of the twelve carved masks by next spring. "
        "We cannot release the masks while the court case goes on.\n"
    )
    found = _read(reader, text, source="Westbrook Folk Museum")
    asked = [(h, s) for h, s, t in found if t.startswith("Your council")]
    assert asked == [("Kell Valley Council", "demands")], found


def test_they_after_our_trustees_is_the_writer(reader):
    text = (
        "Dear Ms Olsen,\n\n"
        "Thank you for your letter. The Harlow Dock Company has said it will not sell the land.\n\n"
        "Our trustees met on 20 May. They are prepared to return the 38 objects in the store.\n"
    )
    found = _read(reader, text, source="Westbrook Folk Museum")
    they = [(h, s) for h, s, t in found if t.startswith("They are prepared")]
    assert they == [("Westbrook Folk Museum", "offers")], found


def test_we_under_a_rebuttals_heading_is_the_rebutting_party(reader):
    text = (
        "Statement by the Orrin Ministry of Foreign Affairs on the Vey river\n\n"
        "We are ready to share the cost of an independent study of the Vey dam.\n\n"
        "RESPONSE OF THE MINISTRY OF FOREIGN AFFAIRS OF MARDOVA\n\n"
        "We will not halt a project that will bring electricity to two million people.\n"
    )
    found = _read(reader, text, source="Orrin Ministry of Foreign Affairs")
    held = [(h, s) for h, s, _ in found]
    assert held[0] == ("Orrin Ministry of Foreign Affairs", "offers"), found
    assert len(held) == 2 and "Mardova" in held[1][0] and held[1][1] == "rejects", found


def test_we_in_a_joint_statement_is_each_of_its_parties(reader):
    text = (
        "JOINT STATEMENT OF THE GOVERNMENTS OF ORRIN AND TESKAL\n\n"
        "We will not accept any reduction in the river's flow during the dry season.\n"
    )
    found = _read(reader, text, source="Orrin Ministry of Foreign Affairs")
    held = sorted((h, s) for h, s, _ in found)
    assert [s for _, s in held] == ["rejects", "rejects"], found
    assert "Teskal" in held[1][0] and "Orrin" in held[0][0], found


def test_we_under_a_capitals_heading_listing_three_bodies_is_each_of_them(reader):
    # the heading's commas and its capital "AND" both separate names: three holders, not two
    text = (
        "JOINT STATEMENT OF THE HARBOUR PILOTS' GUILD, THE TUG CREWS' UNION AND THE "
        "LINESMEN'S ASSOCIATION OF PORT VELLA\n\n"
        "We ask the Port of Vella Authority to withdraw the new night roster before 1 March.\n"
    )
    found = _read(reader, text, source="Harbour Pilots' Guild")
    held = sorted(h for h, s, _ in found if s == "demands")
    assert len(held) == 3, found
    assert any("Linesmen" in h for h in held) and any("Tug Crews" in h for h in held), found


def test_a_turn_labelled_with_a_papers_name_is_the_interviewer(reader):
    text = (
        "HARBOUR WEEKLY: Bayline says it will leave unless you approve the road.\n\n"
        "ORTIZ: We will not be bullied into paving over the marsh.\n\n"
        "HARBOUR WEEKLY: Bayline rejected your offer of a smaller road in March.\n\n"
        "ORTIZ: I am asking them to come back to the table.\n"
    )
    found = _read(reader, text, source="Saltmarsh Town Council")
    assert [t[:20] for _, _, t in found] == ["We will not be bulli", "I am asking them to "]


def test_a_bodys_secretary_general_is_not_the_state_in_the_news(reader):
    text = (
        "Talks between Kelani and the Moro Islands broke down on Tuesday.\n\n"
        "Kelani's fisheries minister, Tevita Lomu, said his government would not give up any "
        "part of its quota.\n\n"
        "The commission's secretary general, Paul Tane, urged both sides to keep talking. He "
        "said the commission would not take sides.\n"
    )
    found = _read(reader, text, source="Pacific Wire Service")
    assert [h for h, _, t in found if "Tane" in t or t.startswith("He said")] == [], found
    assert ("Kelani", "rejects") in [(h, s) for h, s, _ in found]


def test_a_stance_told_as_history_is_background(reader):
    text = (
        "The Kelby Fishers' Association warned on Monday that it would sue the port.\n\n"
        "The association has previously threatened legal action over the dredging.\n\n"
        "In 2019 the association asked the port to stop night dredging.\n"
    )
    found = _read(reader, text, source="Coast Wire")
    assert [(h, s) for h, s, _ in found] == [("Kelby Fishers' Association", "warns")], found


def test_a_councillor_from_the_floor_is_not_the_council(reader):
    text = (
        "Ashby Borough Council, full council meeting, 11 February.\n\n"
        "COUNCILLOR MARK WEBB (CONSERVATIVE): We will vote against this motion.\n\n"
        "COUNCILLOR SARA LOCK (CABINET MEMBER FOR ENVIRONMENT): We will not grant the permit "
        "before the health study is done.\n"
    )
    found = _read(reader, text, source="Ashby Borough Council")
    assert [(h, t[:20]) for h, _, t in found] == [
        ("Ashby Borough Council", "We will not grant th")
    ], found


_RADIO = (
    "HOST: With me are Clara Voss, who runs the hall, and Dominic Fry of the Wendmoor "
    "Stagehands Union. Good evening.\n\n"
    "DOMINIC FRY: We want a rise of 6 per cent backdated to September.\n\n"
    "CLARA VOSS: We cannot pay 6 per cent this year.\n\n"
    "DOMINIC FRY: If the tour is not rescheduled, they won't work the summer festival.\n"
)


def test_a_guest_introduced_as_of_an_organisation_speaks_for_it(reader):
    found = _read(reader, _RADIO, source="Radio Wendmoor")
    assert ("Wendmoor Stagehands Union", "demands") in [(h, s) for h, s, _ in found], found


def test_they_is_never_a_speaker_no_text_links_to_a_party(reader):
    found = _read(reader, _RADIO, source="Radio Wendmoor")
    assert all(h != "Clara Voss" for h, _, _ in found), found


def test_what_you_said_to_an_unnamed_addressee_is_not_the_writers(reader):
    text = (
        "Dear Minister,\n\n"
        "In your speech of 4 August, you said the government would not fund any new posts. "
        "We reject the pay freeze.\n"
    )
    found = _read(reader, text, source="Arland College of Midwives")
    assert [(h, t[:9]) for h, _, t in found] == [("Arland College of Midwives", "We reject")]


def test_a_legislators_seat_or_party_tag_is_not_their_party(reader):
    text = (
        "Sen. Paul Driscoll of Ohio rejected a blanket tariff on imports.\n\n"
        "Sen. Marcus Reyes (D-N.M.) warned that his colleagues would block the spending bill.\n\n"
        "The Kelby Farmers' Union demanded a tariff on imported grain.\n"
    )
    found = _read(reader, text, source="National Desk News")
    held = [h for h, _, _ in found]
    assert "Ohio" not in held and not any("D-N.M" in h for h in held), found
    assert "Kelby Farmers' Union" in held, found


def test_a_broadcast_label_with_commas_opens_a_turn(reader):
    text = (
        "ANCHOR: Good evening. Dock workers at Marlow have walked out again.\n\n"
        "JANE PRICE, CHANNEL 9 CORRESPONDENT: The union says the strike will go on. The "
        "authority has refused to negotiate while the strike continues.\n\n"
        "ANNE KIRK, CHIEF EXECUTIVE, MARLOW PORT AUTHORITY: We cannot stop the automation. "
        "But I promise that no docker will lose their job.\n"
    )
    found = _read(reader, text, source="Channel 9 Evening News")
    assert [(h, s) for h, s, _ in found] == [
        ("Marlow Port Authority", "rejects"),
        ("Marlow Port Authority", "assures"),
    ], found
    assert all(not t.startswith("ANNE") for _, _, t in found)


def test_an_anchors_turn_holds_no_position(reader):
    text = (
        "ANCHOR: Good evening. The drivers' union says it will strike on Monday. Tolbridge "
        "Buses has refused to restore the night routes.\n\n"
        "TOM HALE, GENERAL SECRETARY, TOLBRIDGE DRIVERS UNION: We demand that the night routes "
        "are restored.\n"
    )
    found = _read(reader, text, source="Channel 9 Evening News")
    assert [(h, s) for h, s, _ in found] == [("Tolbridge Drivers Union", "demands")], found


def test_a_broadcasts_host_asks_and_its_guest_speaks_for_her_body(reader):
    # the source is the broadcaster: not the "we" of the guest, and the host's turns (even
    # those without a question mark) hold no position; the opening line links the guest
    text = (
        "Business Hour, Channel Nine, 2 June. Host: Peter Vance. Guest: Rita Olsen, chief "
        "executive of Harbourline Ferries.\n\n"
        "VANCE: Welcome. The island council wants a winter timetable by September.\n\n"
        "OLSEN: We will not run empty boats all winter. We are prepared to add a Friday evening "
        "sailing from October.\n\n"
        "VANCE: The council says that is not enough.\n"
    )
    found = _read(reader, text, source="Channel Nine")
    assert {h for h, _, _ in found} == {"Harbourline Ferries"}, found
    assert sorted(s for _, s, _ in found) == ["offers", "rejects"], found


def test_what_your_people_told_our_members_is_the_addressees(reader):
    # a letter's "Your manager ... told our members that ..." is the addressee's position (the
    # title names it: "Letter to X Ltd about ..."), never the writer's, though "Dear Mr Y"
    # names no one the text links to a party
    text = (
        "Dear Mr Brandt,\n\n"
        "Your maintenance manager, Mr Ivo Stenberg, told our members on 2 May that no tower "
        "would be left without a working lift for more than a day. Your company also told our "
        "chair that it would not pay for taxis while the lifts are broken.\n\n"
        "We ask you to replace both lifts in Tower B before the winter.\n\n"
        "Yours sincerely,\nAnna Holt\nChair, Harlow Quay Tenants' Association\n"
    )
    found = _read(
        reader,
        text,
        source="Harlow Quay Tenants' Association",
        title="Letter to Quayside Homes Ltd about the lifts",
    )
    told = [(h, s) for h, s, t in found if "told our" in t]
    assert told == [("Quayside Homes", "assures"), ("Quayside Homes", "rejects")], found


def test_what_an_unnamed_speaker_said_is_never_the_op_ed_writers(reader):
    # "the grocer said it would not ..." in a union leader's op-ed: the grocer's refusal, which
    # the text does not let us name; not the union's
    text = (
        "By Ana Lisk, president of the Corran Fishers' Union\n\n"
        "Last spring the grocer said it would not pay more than two euros a kilo for cod, "
        "whatever the catch.\n\n"
        "We are asking for a floor price of three euros a kilo.\n"
    )
    found = _read(reader, text, source="The Corran Herald")
    union = [t[:12] for h, _, t in found if h == "Corran Fishers' Union"]
    assert union == ["We are askin"], found
