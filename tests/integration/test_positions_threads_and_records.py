"""Layouts the reader had not met, on texts written for this test (not the eval texts). Uses the
packaged spaCy model.

- A social thread whose post headers give the handle first ("@KelsoBuses · Kelso Buses · 4 Mar
  2026, 09:12", then "@KelsoBuses · 4 Mar 2026, 09:20"), compiled by a newspaper from "posts
  from public accounts": each post is its account's, and an organisation's account (a name
  whose first word the text uses alone, or "... Collective") speaks as the organisation.
- A joint release whose source line lists its three unions with a trailing "(joint release)",
  one name holding "and": every "we" is each union's.
- A legislature's record: "Mr X (Seat) (Party):" speaks for the party after the seat; "The
  Minister of the Interior (Y):" for the government of the state whose assembly it is, even
  when another state's government is named first; "The Government of Z has ... Its foreign
  minister, W, has asked us" is Z's.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, read

THREAD = (
    "Compiled by the Kelso Courier. Posts appear in the order they were published.\n\n"
    "@KelsoRidersCollective · Kelso Riders' Collective · 3 Mar 2026, 08:02\n"
    "1/ Kelso Buses cut the number 9 route without a word to the people who ride it.\n\n"
    "@KelsoRidersCollective · 3 Mar 2026, 08:04\n"
    "2/ We demand that the number 9 runs every 20 minutes again from Monday.\n\n"
    "@KelsoBuses · Kelso Buses · 3 Mar 2026, 11:15\n"
    "Kelso said goodbye to the old timetable on Sunday. We will not restore the 20-minute "
    "service, because the route lost money every week last year.\n\n"
    "@KelsoBuses · 3 Mar 2026, 11:17\n"
    "We are happy to meet the Collective's organisers any day this week.\n"
)

JOINT_SOURCE = (
    "Brenmoor Nurses' Union, Association of Radiographers and Technicians and Brenmoor Porters' "
    "Federation (joint release)"
)
JOINT = (
    "JOINT STATEMENT\n\n"
    "To the Board of Halcyon Clinics.\n\n"
    "We call on the Board to withdraw its plan to close the night pharmacy at Brenmoor.\n\n"
    "We will not accept any cut to night staffing while the review is under way.\n"
)

RECORD_SOURCE = "Official Report (Hansard) of the National Assembly of Corlandia"
RECORD = (
    "NATIONAL ASSEMBLY OF CORLANDIA\nOFFICIAL REPORT\n\n"
    "The Government of Pelvaro has been kept informed of the Bill at every stage. Its foreign "
    "minister, Lina Sorvik, has asked us to keep the new dam gates open in August.\n\n"
    "The Minister of the Interior (Aron Meel): I beg to move, That the Bill be now read a Second "
    "time. Every farmer downstream will be offered compensation before the gates are built.\n\n"
    "Ivo Brandt (Marsh East) (Green Alliance): We will not vote for the Bill in its present "
    "form.\n\n"
    "Aron Meel: I can tell the House that the Government will accept a review after five years.\n"
)


@pytest.fixture(scope="module")
def reader():
    return make_reader()


@pytest.fixture(scope="module")
def thread(reader):
    return read(
        reader,
        THREAD,
        source="Posts from public accounts on the Chirp platform, compiled by the Kelso Courier",
    )


@pytest.fixture(scope="module")
def joint(reader):
    return read(reader, JOINT, source=JOINT_SOURCE)


@pytest.fixture(scope="module")
def record(reader):
    return read(reader, RECORD, source=RECORD_SOURCE)


def test_each_post_is_its_accounts(thread):
    assert holders(thread, "We demand that the number 9 runs") == {"Kelso Riders' Collective"}
    assert holders(thread, "We will not restore the 20-minute service") == {"Kelso Buses"}
    assert holders(thread, "happy to meet the Collective") == {"Kelso Buses"}
    named = {h for h, _, _ in thread}
    assert not any("Posts" in h for h in named), named


def test_a_joint_releases_we_is_each_union(joint):
    unions = {
        "Brenmoor Nurses' Union",
        "Association of Radiographers and Technicians",
        "Brenmoor Porters' Federation",
    }
    assert holders(joint, "We call on the Board to withdraw") == unions
    assert holders(joint, "We will not accept any cut") == unions


def test_a_record_gives_the_government_and_the_parties_their_turns(record):
    assert holders(record, "Every farmer downstream will be offered") == {"Government of Corlandia"}
    assert holders(record, "the Government will accept a review") == {"Government of Corlandia"}
    assert holders(record, "We will not vote for the Bill") == {"Green Alliance"}
    assert holders(record, "Its foreign minister, Lina Sorvik") == {"Government of Pelvaro"}


INTERVIEW_TITLE = "'We will not be hurried': Governor Oda Brenner on rates and the bank levy"
INTERVIEW = (
    "The Bank of Marravia has held its policy rate at 5 per cent since March. The Ministry of "
    "Finance wants a levy on bank profits, and the Marravian Savings Association calls it "
    "unfair.\n\n"
    "Q: The Savings Association says you are strangling credit. Will you cut?\n\n"
    "A: We will not cut rates until core inflation is back near target. I have read the "
    "letter from the Savings Association. The Association wants us to pay interest on reserves, "
    "and we are not going to do that.\n\n"
    "Q: And the levy?\n\n"
    "A: The minister, Jonas Pell, has assured me that the levy will be temporary. I have told "
    "the minister that we will not accept an observer at our rate meetings.\n"
)


@pytest.fixture(scope="module")
def interview(reader):
    return read(reader, INTERVIEW, source="Marravian Business Weekly", title=INTERVIEW_TITLE)


def test_a_governor_interviewed_answers_for_the_bank(interview):
    bank = "Bank of Marravia"
    assert holders(interview, "We will not cut rates") == {bank}
    assert holders(interview, "we will not accept an observer") == {bank}


def test_a_shorter_name_is_the_party_it_ends(interview):
    # "the Savings Association" / "the Association": the Marravian Savings Association
    assert holders(interview, "The Association wants us to pay") == {
        "Marravian Savings Association"
    }


def test_the_minister_is_the_one_ministry_named(interview):
    assert holders(interview, "has assured me that the levy") == {"Ministry of Finance"}


WIRE_CHAIN = (
    "DRAVEN, May 2 (CPA) - Nurses at Halloway Clinics, the country's largest private hospital "
    "group, will strike next month unless the company restores night allowances, their union "
    "said on Friday.\n\n"
    "Halloway, which is owned by the investment fund Pike Ridge Partners, denied that it had "
    "cut pay, saying the allowances had been replaced by higher basic pay. Halloway employs "
    "3,000 nurses.\n\n"
    '"We will not bring back an allowance that our own nurses voted to replace," chief executive '
    "Lena Morvik said in a statement.\n\n"
    "Morvik said the company was prepared to meet the union in the week of May 12.\n"
)


@pytest.fixture(scope="module")
def chain(reader):
    return read(reader, WIRE_CHAIN, source="Reuters")


def test_a_bare_chief_speaks_for_the_company_the_story_names_short(chain):
    # "Halloway" three times and "Halloway Clinics" once: the story's company, not the fund
    # that owns it, named last before "the company"
    assert holders(chain, "We will not bring back an allowance") == {"Halloway Clinics"}
    assert holders(chain, "Morvik said the company was prepared") == {"Halloway Clinics"}
