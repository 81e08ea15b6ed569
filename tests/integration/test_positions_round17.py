"""Forms met in blind round 17, each on a text written for the test: a minister and "a
government spokeswoman" in a story whose one governed state the tagger does not take for a
place, refusals in reported speech ("said there was no question of"), "pressed X to",
"brushed aside", a vow not to drop a demand, "we are going to pay", "not something we can commit
to", contracted negations ("don't accept"), and "members" in a union's own statement.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


STORY = (
    "KESSARO, May 4 - Ombrevia's government and the Sarth Valley Front failed on Sunday to agree "
    "terms for reopening the Ulmar pass.\n\n"
    "Defence Minister Petra Vaskel said there was no question of a withdrawal from the pass "
    "before the harvest. Vaskel also pressed the Front to hand back two border posts it took in "
    "March.\n\n"
    "A government spokesman, Ilan Morrow, warned that the army would clear the road by force "
    "if the Front's checkpoints near the Dorka river crossing stayed in place.\n\n"
    "The Front has brushed aside the proposal. It vowed not to drop its demand for a regional "
    "assembly.\n"
)


def test_a_minister_with_no_country_speaks_for_the_state_the_story_gives_a_government(reader):
    found = _read(reader, STORY, source="Meridian Press Agency")
    assert holders(found, "no question of a withdrawal") == {"Ombrevia"}
    assert stances(found, "no question of a withdrawal") == {"rejects"}
    assert holders(found, "pressed the Front to hand back") == {"Ombrevia"}
    assert stances(found, "pressed the Front to hand back") == {"demands"}
    # "a government spokesman": the state's, not the river crossing's
    assert holders(found, "A government spokesman") == {"Ombrevia"}
    assert stances(found, "A government spokesman") == {"warns"}


def test_brushing_aside_rejects_and_a_vow_to_keep_a_demand_demands(reader):
    found = _read(reader, STORY, source="Meridian Press Agency")
    assert holders(found, "brushed aside the proposal") == {"Sarth Valley Front"}
    assert stances(found, "brushed aside the proposal") == {"rejects"}
    assert holders(found, "vowed not to drop its demand") == {"Sarth Valley Front"}
    assert stances(found, "vowed not to drop its demand") == {"demands"}


GRID = (
    "PRESENTER: With me now is Mara Tellen, chief executive of Halden Power. Will customers be "
    "compensated?\n\n"
    "MARA TELLEN: Yes. We are going to refund every standing charge for the days without "
    "power, and we will do it automatically, so nobody has to apply. But a flat payment of 300 "
    "crowns is not something we can commit to this winter. We don't accept that the storm "
    "plan failed.\n"
)


def test_a_company_chiefs_future_refund_assures_and_her_limits_refuse(reader):
    found = _read(
        reader, GRID, source="Radio Ostvall, Morning Desk", title="Interview: Halden Power"
    )
    assert stances(found, "going to refund every standing charge") == {"assures"}
    assert stances(found, "not something we can commit to") == {"rejects"}
    assert stances(found, "We don't accept that the storm plan failed") == {"rejects"}


UNION = (
    "Statement from the Corlan Bus Drivers' Union\n\n"
    "The union has written to the Corlan Transport Company about the new rotas. If the company "
    "does not withdraw the rotas by 1 June, members will begin an overtime ban on 3 June.\n"
)


def test_members_in_a_unions_own_statement_are_the_union(reader):
    found = _read(reader, UNION, source="Corlan Bus Drivers' Union")
    assert holders(found, "members will begin an overtime ban") == {"Corlan Bus Drivers' Union"}
    assert stances(found, "members will begin an overtime ban") == {"warns"}


NEWS = (
    "SEOUL, Dec 14 - The Valdane Dockers' Union has pushed for a negotiated settlement, and "
    "the Port of Merrow had encouraged the government to act before the holidays.\n\n"
    "The Harbour Traders' Council pleaded with both sides to keep the quays open. The Port of "
    "Merrow defended the lockout and resisted calls to reopen the quays. Its chairman resisted "
    "arrest in 2019, court records show.\n\n"
    "Asked about talks, the Port of Merrow said that so far there is no agreement on the night "
    "shifts. The council made no specific pledges of support.\n\n"
    '"Those who want to close the port misunderstand how the city lives," the Harbour Traders\' '
    'Council said. "We are still seeking information about the incident," the union added.\n\n'
    "The weather office issued a red alert on Sunday, warning of the potential for extreme "
    "danger from flooding along the quays. Last month the union asked both mayoral candidates "
    "for their views on the night shifts.\n"
)


def test_news_verbs_of_pressure_and_resistance_hold_positions(reader):
    found = _read(reader, NEWS, source="Meridian Press Agency")
    assert stances(found, "has pushed for a negotiated settlement") == {"demands"}
    assert stances(found, "pleaded with both sides") == {"demands"}
    assert holders(found, "pleaded with both sides") == {"Harbour Traders' Council"}
    assert stances(found, "resisted calls to reopen the quays") == {"rejects"}
    assert not [t for _, _, t in found if "resisted arrest" in t]


def test_news_facts_that_only_look_like_positions_are_none(reader):
    found = _read(reader, NEWS, source="Meridian Press Agency")
    for words in (
        "there is no agreement on the night shifts",  # where things stand
        "made no specific pledges",  # none was made
        "Those who want to close the port",  # no one in particular
        "seeking information about the incident",  # no demand on anyone
        "warning of the potential for extreme danger",  # a hazard, no threat
        "for their views on the night shifts",  # a question put, no demand
    ):
        assert not [t for _, _, t in found if words in t], words


CAUSES = (
    "ARDENVALE, June 9 - The Ardenvale Tenants' Association said the landlords' leaflet campaign "
    "was encouraging owners to evict tenants before the census. The association said the new "
    "deposit rules could encourage landlords to refuse families with children. It encouraged "
    "the council to cap deposits at one month's rent.\n"
)


def test_a_thing_that_encourages_asks_nothing_but_a_feared_effect_warns(reader):
    found = _read(reader, CAUSES, source="Meridian Press Agency")
    # a campaign that encourages evictions is the association's charge, not its demand
    assert not [t for _, _, t in found if "leaflet campaign" in t]
    # what a party says a measure could bring about: a warning, not a demand
    assert stances(found, "could encourage landlords to refuse") == {"warns"}
    # a party that encourages someone to act asks it to
    assert stances(found, "encouraged the council to cap deposits") == {"demands"}
    assert holders(found, "encouraged the council to cap deposits") == {
        "Ardenvale Tenants' Association"
    }


SHORT = (
    "SALTHAVEN, Oct 2 - The Salthaven Dockers' Union said on Monday that the port operator's "
    "offer fell far short of what its members had asked for. The union responded on Tuesday by "
    "rejecting a second offer outright. The port operator later confirmed that its "
    "ultimatum to the union had been ignored.\n"
)


def test_an_offer_found_wanting_and_a_refusal_by_gerund_are_the_unions(reader):
    found = _read(reader, SHORT, source="Meridian Press Agency")
    assert stances(found, "offer fell far short") == {"rejects"}
    assert holders(found, "offer fell far short") == {"Salthaven Dockers' Union"}
    assert stances(found, "by rejecting a second offer") == {"rejects"}
    assert holders(found, "by rejecting a second offer") == {"Salthaven Dockers' Union"}
    # how a demand was met is a fact about it, not the demand made again
    assert not [t for _, _, t in found if "had been ignored" in t]


BRIEFING = (
    "MINISTER TOMAS HARLE: Good afternoon. I have just come back from two days of talks with "
    "Ostrelia in Vessa. I met my Ostrelian counterpart, Foreign Minister Ilse Warrick, twice. "
    "Minister Warrick "
    "proposed a joint patrol of the strait. She also insisted that our ferries carry an "
    "Ostrelian pilot. Our harbours will remain open to Ostrelian ferries, whatever happens.\n"
)


def test_a_counterpart_named_after_her_title_speaks_for_her_own_state(reader):
    found = _read(
        reader, BRIEFING, source="Ministry of Foreign Affairs of the Republic of Kestmark"
    )
    assert holders(found, "proposed a joint patrol") == {"Ostrelia"}
    assert holders(found, "She also insisted") == {"Ostrelia"}
    # what stays open to the other side's ships: a guarantee, not an offer of talks
    assert stances(found, "Our harbours will remain open") == {"assures"}


RELEASE = (
    "BRANTFORD, Nov 19 (Meridian Press Agency) - Brantford City Council voted on Tuesday to "
    "double berth fees for cruise ships.\n\n"
    '"We expect the cruise lines to pay their fair share from April," deputy mayor Carla Nyström '
    "told reporters. The Brantford Dock Workers' Union has turned down any extension of night "
    "shifts. Selvane Cruises disputed the council's claim that the fees were in line with other "
    'ports. "We will appeal this decision to the Maritime Tribunal," Selvane Cruises said. The '
    "company has ten days to say whether it intends to submit a revised offer.\n\n"
    "The union would be willing to postpone its strike ballot if the council publishes the "
    "new rosters by Friday, its secretary said.\n"
)


def test_round_17_wire_forms(reader):
    found = _read(reader, RELEASE, source="Meridian Press Agency")
    assert holders(found, "We expect the cruise lines to pay") == {"Brantford City Council"}
    assert stances(found, "has turned down any extension") == {"rejects"}
    assert stances(found, "disputed the council's claim") == {"rejects"}
    assert stances(found, "We will appeal this decision") == {"warns"}
    assert stances(found, "willing to postpone its strike ballot") == {"offers"}
    assert not [t for _, _, t in found if "whether it intends to submit" in t]


OPPOSED = (
    "HARLOW, March 3 - Harlow General Hospital said on Monday that the nurses' lawsuit had no "
    'merit. "We will vigorously defend the hospital from this lawsuit," said Dana Moyo, a '
    "spokeswoman for Harlow General Hospital. \"We remain opposed to the union's efforts to "
    "bring bargaining onto the wards,\" she said. The Harlow Patients' Forum said the "
    "hospital's staffing proposal could lead to longer waits and missed diagnoses.\n"
)


def test_defending_against_a_lawsuit_and_remaining_opposed_refuse(reader):
    found = _read(reader, OPPOSED, source="Meridian Press Agency")
    assert stances(found, "defend the hospital from this lawsuit") == {"rejects"}
    assert stances(found, "We remain opposed") == {"rejects"}
    assert holders(found, "We remain opposed") == {"Harlow General Hospital"}


def test_what_a_proposal_could_lead_to_is_a_warning_of_its_harm(reader):
    found = _read(reader, OPPOSED, source="Meridian Press Agency")
    assert stances(found, "could lead to longer waits") == {"warns"}
    assert holders(found, "could lead to longer waits") == {"Harlow Patients' Forum"}
