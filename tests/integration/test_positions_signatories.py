"""Who signs, who is addressed and whom a title names, on short texts written for these tests
(not the eval texts): a joint statement's "we" is every signatory's, a signature block's lines
joined by cleaning still link each name to its own organisation, a portfolio after a title is
no organisation, a bare "Dear Minister," is the person the "To:" line names, and a speaker's
talk about what they will say is no position. Uses the packaged spaCy model (no embedding
model)."""

from __future__ import annotations

import pytest

from tests.support.stance_reading import make_reader
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


def _pairs(found):
    return [(h, s) for h, s, _ in found]


def _by_opening(found):
    """Holder by the first word of each statement's sentence."""
    return {t.split()[0]: h for h, _, t in found}


def test_a_joint_statements_we_is_every_signatorys(reader):
    text = (
        "JOINT STATEMENT\n\n"
        "We ask the Harbour Board to approve the shared berth plan by 1 May.\n\n"
        "Tessel Ferries guarantees that no sailing will be cancelled before the plan is approved."
        "\n\n"
        "Mara Quint\nChief Executive, Tessel Ferries\n\n"
        "Olav Brenn\nChair, Kittiwake Line\n"
    )
    found = _read(reader, text, source="Tessel Ferries; Kittiwake Line")
    asked = {h for h, s, t in found if t.startswith("We ask")}
    assert asked == {"Tessel Ferries", "Kittiwake Line"}
    # a sentence that names its holder is that party's alone
    assert {h for h, _, t in found if t.startswith("Tessel Ferries guarantees")} == {
        "Tessel Ferries"
    }


def test_where_a_text_was_found_is_no_signatory(reader):
    text = "We demand that the ministry withdraw the draft regulation before the summer.\n"
    found = _read(reader, text, source="Garrow Growers' Union; via archive.example.org mirror")
    assert _pairs(found) == [("Garrow Growers' Union", "demands")]


def test_a_signature_block_links_each_name_to_its_own_organisation(reader):
    # cleaning joins a block's lines: "... Tessel Ferries Olav Brenn, Chair, ..."
    text = (
        "The two companies met on 3 March.\n\n"
        "Mara Quint, Chief Executive, Tessel Ferries\n"
        "Olav Brenn, Chair, Kittiwake Line\n\n"
        'Brenn said: "We will not accept a berth fee above 40 euros."\n'
    )
    found = _read(reader, text, source="Coast Wire")
    assert ("Kittiwake Line", "rejects") in _pairs(found)


def test_a_portfolio_after_a_title_is_no_organisation(reader):
    text = (
        "Speakers: Ilse Marr, Chief Executive, Office of Water Standards; Tomas Veld, Director "
        "of Enforcement.\n\n"
        "ILSE MARR: We require the company to repair the leaks by June.\n\n"
        "TOMAS VELD: If the leaks are not repaired by June, we will fine the company.\n"
    )
    found = _read(reader, text, source="Office of Water Standards")
    assert _pairs(found) == [
        ("Office of Water Standards", "demands"),
        ("Office of Water Standards", "warns"),
    ]


def test_a_ministers_party_follows_the_portfolio(reader):
    text = (
        "Participants: Edda Krohn, Minister for Reconciliation of the Government of Sarnia; "
        "Pol Aster, spokesperson of the Coastal Front.\n\n"
        "EDDA KROHN: We will not discuss independence.\n\n"
        "Q: Will the army leave the valley?\n\n"
        "POL ASTER: The Front will not disarm while troops remain in the valley.\n"
    )
    found = _read(reader, text, source="Lund Peace Centre")
    assert _pairs(found) == [("Government of Sarnia", "rejects"), ("Coastal Front", "rejects")]


def test_dear_minister_is_the_person_the_to_line_names(reader):
    text = (
        "To: Ms Vera Holm, Minister for Transport, Regional Government of Estry\n\n"
        "Dear Minister,\n\n"
        "Last month your office told the Estry Courier that the ferry subsidy would not be "
        "restored.\n\n"
        "Yours sincerely,\n\nAnna Pike\nChair, Skerry Island Residents' Association\n"
    )
    found = _read(reader, text, source="Skerry Island Residents' Association")
    assert _pairs(found) == [("Regional Government of Estry", "rejects")]


def test_a_speakers_talk_about_what_they_will_say_is_no_position(reader):
    text = (
        "I want to set out where we stand. I must be clear on one point. I have to be frank "
        "with you. I would welcome your reply by 14 March. We will not close the depot.\n"
    )
    found = _read(reader, text, source="Kell Buses")
    assert [t for _, _, t in found] == ["We will not close the depot."]


def test_what_another_party_must_set_out_is_still_a_demand(reader):
    found = _read(
        reader,
        "We require the operator to set out a recovery plan within 28 days.",
        source="Office of Water Standards",
    )
    assert _pairs(found) == [("Office of Water Standards", "demands")]


def test_it_is_the_subject_before_and_unless_makes_a_threat(reader):
    text = (
        "The Competition Board has found that the merged company would run most screens in "
        "Avel. It has told us that it will refer the merger to a full investigation unless we "
        "sell four cinemas.\n"
    )
    found = _read(reader, text, source="Lumo Cinemas")
    assert _pairs(found) == [("Competition Board", "warns")]


def test_the_unions_chairman_is_the_trade_unions(reader):
    text = (
        "SOFIA — Bulgaria asked the European Union on Monday to fund a second ferry. The Union "
        "of Rhodope Hauliers said its members would block the border crossing unless a lane "
        'was kept open. "We will not wait six hours for a ferry," said the union\'s chairman, '
        "Emil Dabov.\n"
    )
    found = _read(reader, text, source="Balkan Wire")
    assert ("Union of Rhodope Hauliers", "rejects") in _pairs(found)
    assert all(h != "European Union" for h, _, t in found if "chairman" in t)


def test_the_ministers_deputy_speaks_for_the_ministers_government(reader):
    text = (
        "Witnesses: Mr Karl Ost, Minister for Coastal Affairs of the Government of Velna; "
        "Ms Ada Roe, General Secretary, Lifeguards' Union.\n\n"
        "MS ADA ROE: The minister's deputy, Ms Nora Lind, told us in November that no "
        "lifeguard would lose their job because of the closures.\n\n"
        "Q: Minister, will you reopen the stations?\n\n"
        "MR KARL OST: We will not reopen the stations.\n"
    )
    found = _read(reader, text, source="Parliament of Velna")
    assert _pairs(found) == [("Government of Velna", "assures"), ("Government of Velna", "rejects")]


def test_a_quoted_question_is_no_position(reader):
    text = (
        '"Why should our nurses pay for motorways they will never drive on?"\n\n'
        "We will not repeal the regional tax.\n"
    )
    found = _read(reader, text, source="Regional Government of Hollmark")
    assert [t for _, _, t in found] == ["We will not repeal the regional tax."]


def test_a_states_lawmakers_and_opposition_are_not_the_state(reader):
    text = (
        "ASUNCION — Several Ardonian senators have called for the treaty to be torn up. Ardonian "
        "opposition leaders have demanded that the government close the border. The Ardonian "
        "foreign minister, Rui Tello, said Ardonia would not sign the new budget.\n"
    )
    found = _read(reader, text, source="Southern Wire")
    # the opposition leaders are a group of their own (stop 65), the senators counted no one
    assert [(h, s) for h, s, _ in found] == [
        ("Ardonian opposition leaders", "demands"),
        ("Ardonia", "rejects"),
    ]


def test_what_a_party_is_considering_is_not_yet_its_position(reader):
    found = _read(
        reader,
        "Officials said the government of Ardonia is considering refusing to sign the budget.",
        source="Southern Wire",
    )
    assert found == []


def test_the_minister_in_another_partys_turn_is_the_ministrys(reader):
    text = (
        "MS NORA VALK (Ostra Bar Association): We call on the Ministry of Justice to raise the "
        "fees by 25 per cent. On Friday the minister told us that the ministry would not go "
        "beyond 8 per cent this year.\n\n"
        "Q: Will your members strike?\n\n"
        "MS NORA VALK (Ostra Bar Association): Our members will refuse new cases from 12 May.\n"
    )
    found = _read(reader, text, source="Ostra Bar Association")
    held = _by_opening(found)
    assert held["We"] == "Ostra Bar Association"
    assert held["On"] == "Ministry of Justice"


def test_a_hope_about_a_state_of_mind_asks_for_nothing(reader):
    text = (
        "We hope the Board will recognise that these proposals go further than any before. "
        "We hope the board will reject the developer's plan.\n"
    )
    found = _read(reader, text, source="Ashby Residents' Forum")
    assert [(h, s) for h, s, _ in found] == [("Ashby Residents' Forum", "demands")]
    assert found[0][2].startswith("We hope the board will reject")


def test_an_aside_that_another_party_says_is_not_the_sentences_speaker(reader):
    text = (
        "Orrin Mining Ltd said it would not suspend drilling approved by the ministry. The "
        "council's chair, Ana Wera, said the Tarn Valley Council would block the road if "
        "drilling continued. The company warned that it would take legal action against anyone "
        "who blocked the road, which it says is a public highway.\n"
    )
    found = _read(reader, text, source="Highland Wire")
    assert {h for h, _, t in found if t.startswith("The company warned")} == {"Orrin Mining"}


def test_a_witness_whose_company_sounds_like_a_newspaper_is_no_journalist(reader):
    text = (
        "Witnesses: Ms Ingrid Halve, Chief Executive, Norvik Post; Mr Otto Brenn, Chair, "
        "Association of Rural Municipalities.\n\n"
        "THE CHAIR: Ms Halve, why close the branches?\n\n"
        "MS INGRID HALVE (Norvik Post): We will not keep open branches that nobody uses.\n\n"
        "MR OTTO BRENN (Association of Rural Municipalities): We reject the plan as it stands.\n\n"
        "THE CHAIR: Will you pause the closures?\n\n"
        "MS INGRID HALVE (Norvik Post): No, we will not pause them.\n"
    )
    found = _read(reader, text, source="Parliament of Norvik")
    assert [(h, s) for h, s, _ in found] == [
        ("Norvik Post", "rejects"),
        ("Association of Rural Municipalities", "rejects"),
        ("Norvik Post", "rejects"),
    ]


def test_its_officer_speaks_for_the_company_before(reader):
    text = (
        "Lanterna denied that it was cloning voices. Its chief operating officer, Dana Whit, "
        'said the company was prepared to give performers a veto. "What we cannot do is promise '
        'never to use the technology," she said.\n'
    )
    found = _read(reader, text, source="Games Wire")
    assert {h for h, _, t in found if "What we cannot do" in t} == {"Lanterna"}


def test_accepting_anothers_offer_is_no_offer(reader):
    found = _read(
        reader,
        "We are glad to accept the council's offer of the quarry site.",
        source="Halcyon Orbital",
    )
    assert found == []


def test_a_post_by_an_organisations_handle_is_the_organisations(reader):
    text = (
        "The row between Harlow Bank and the Tessen Small Business Federation moved online.\n\n"
        "Post by @TessenSBF, 9.35 a.m.:\n"
        '"If the branches close, we will advise our members to move their accounts."\n\n'
        "Post by @HarlowBank, 10:05 a.m.:\n"
        '"We will not reverse the closures planned for September."\n\n'
        "Few customers ever switch banks, figures suggest.\n"
    )
    found = _read(reader, text, source="Tessen Courier")
    assert [(h, s) for h, s, _ in found] == [
        ("Tessen Small Business Federation", "warns"),
        ("Harlow Bank", "rejects"),
    ]


def test_the_it_that_asks_us_is_not_us(reader):
    text = (
        "We met the Ministry of Transport on Monday. The Ministry has not asked us to stop the "
        "closures. It has asked us to keep the post-box of every closing branch in place.\n"
    )
    found = _read(reader, text, source="Norvik Post")
    assert {h for h, _, t in found if t.startswith("It has asked")} == {"Ministry of Transport"}


def test_its_members_at_a_company_are_the_reporting_unions(reader):
    found = _read(
        reader,
        "The Voice Actors' Union said on Tuesday that its members at Lantern Studios would "
        "strike from March 1 unless the company stopped cloning their voices.",
        source="Games Wire",
    )
    assert [(h, s) for h, s, _ in found] == [("Voice Actors' Union", "warns")]


def test_a_name_addressed_in_a_question_is_not_linked_to_what_follows(reader):
    text = (
        "Spokesperson: Ms Anna Rettig\n\n"
        "MS RETTIG: The contract comes into force on 1 April. We will not reopen it.\n\n"
        "Q: Ms Rettig, the Norvik Association of Family Doctors says its members will stay "
        "shut on Saturdays. Is the minister worried?\n\n"
        "MS RETTIG: No. We will withhold the supplement from any practice that stays closed.\n"
    )
    found = _read(reader, text, source="Ministry of Health of Norvik")
    assert {h for h, _, t in found if t.startswith("We will")} == {"Ministry of Health of Norvik"}


def test_a_sentence_opening_common_noun_is_no_party(reader):
    text = (
        "Rationing has begun for about 300,000 households in Johor. Households in Singapore "
        "would not face rationing, the ministry said.\n"
    )
    found = _read(reader, text, source="Straits Wire")
    assert all(h != "Households" for h, _, _ in found)


def test_a_person_called_by_her_first_name_keeps_her_party(reader):
    text = (
        "Malaysia's water minister, Faridah Kamal, said reservoirs were low. "
        '"We are asking Singapore to share the burden of a drought," Faridah told reporters.\n'
    )
    found = _read(reader, text, source="Straits Wire")
    assert ("Malaysia", "demands") in [(h, s) for h, s, _ in found]


def test_a_spokesman_for_a_states_ministry_speaks_for_the_state(reader):
    text = (
        "In Jakarta, a spokesman for Indonesia's Ministry of Forestry, Arief Wibowo, denied "
        'the claim. "But we are ready to share our hotspot data with Singapore every six '
        'hours," he said.\n'
    )
    found = _read(reader, text, source="Straits Wire")
    assert ("Indonesia", "offers") in [(h, s) for h, s, _ in found]


def test_a_hansard_label_names_the_seat_then_the_party(reader):
    text = (
        "Mr Speaker: I call the Minister.\n\n"
        "The Minister for Forests (Mr Teo Brask): I will not withdraw the Bill.\n\n"
        "Ms Anja Kor (Eastmoor) (Social Democratic Union): We call on the Government to write "
        "that guarantee into clause 4.\n\n"
        "Mr Speaker: Order.\n\n"
        "Ms Anja Kor (Eastmoor) (Social Democratic Union): If the Government forces this Bill "
        "through, my party will ask the Constitutional Court to strike it down.\n"
    )
    found = _read(reader, text, source="House of Representatives of Silvane, Official Report")
    held = _by_opening(found)
    assert held["We"] == "Social Democratic Union"
    assert held["If"] == "Social Democratic Union"


def test_a_wire_agency_is_no_publisher_and_a_place_no_holder(reader):
    text = (
        "Refuse collectors in Ravensholt will extend their strike from Monday unless their "
        "employer, Bexmoor Waste Services, drops its plan, the Union of Waste Workers said. "
        "Bexmoor, which collects the city's waste under a contract with Ravensholt City "
        "Council, said it would not drop the plan. The company has offered a one-off payment "
        "of 1,200 euros to every collector. Its operations director, Gerrit Maas, said no "
        "collector would lose their job.\n"
    )
    found = _read(reader, text, source="Eurowire")
    held = _by_opening(found)
    assert held["Refuse"] == "Union of Waste Workers"
    assert held["Its"] == "Bexmoor Waste Services"
    assert "Eurowire" not in held.values()


def test_a_states_referees_and_its_portfolio_minister(reader):
    text = (
        "Mirelia's referees will refuse to officiate any league match this weekend unless the "
        "federation expels violent clubs, the Mirelian Referees' Association said on Thursday. "
        "Sports Minister Ilona Veck offered to host talks at the Ministry of Sport on Friday.\n"
    )
    found = _read(reader, text, source="AP")
    assert [h for h, _, _ in found] == ["Mirelian Referees' Association", "Ministry of Sport"]


def test_a_datelines_town_is_not_the_company(reader):
    text = (
        "VARNO, Feb 16 (CWS) - The Road Authority ordered motorway operator Brennmark Motorways "
        "on Tuesday to resurface the A4 between Varno and Kessel by June. Brennmark, which is "
        "owned by the fund Aldea Capital, said the work would take five months. The company "
        "said it would not start any work before the toll increase was approved.\n"
    )
    found = _read(reader, text, source="Continental Wire Service")
    assert found and not {h.lower() for h, _, _ in found} & {"varno", "kessel"}
