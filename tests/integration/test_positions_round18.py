"""Forms met in everyday news the labelled sets hold little of (obituaries of a flood, betting on
a conclave, a shutdown's reporting), each on a text written for the test: an author quoted for
his reading of events, a family asking for privacy, a day the tagger takes for an
organisation, a state's lieutenant governor, a lawmaker named with his state and party label,
and a quoted term ("Labour Agencies") taken for a longer form of a party's name.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


BETTING = (
    "The Carvel Racing League will decide on Friday whether to ban betting on its own races.\n\n"
    "\u201cThe league must stop the bookmakers now,\u201d said Tom Arden, author of a history "
    "of the Carvel Jockeys' Association, on Tuesday.\n\n"
    "The Carvel Gaming Board urged bookmakers to close the market before the vote.\n"
)


def test_an_author_quoted_on_events_holds_no_position(reader):
    found = _read(reader, BETTING, source="Carvel Courier")
    assert not holders(found, "must stop the bookmakers now")
    # the regulator's demand in the same story is kept
    assert holders(found, "urged bookmakers to close the market") == {"Carvel Gaming Board"}
    assert stances(found, "urged bookmakers to close the market") == {"demands"}


FLOOD = (
    "The Brennock River burst its banks on Friday, and four people died in Lowmere.\n\n"
    "The family of Ada Quill said it could not confirm further details and asked for privacy "
    "amid its grief. St. Aidan's Church urged prayer for the families. Her brother requested "
    "privacy as they grieve.\n\n"
    "Lowmere Town Council demanded that the Brennock Water Authority rebuild the flood wall "
    "before winter.\n"
)


def test_asking_for_privacy_or_prayer_is_no_demand(reader):
    found = _read(reader, FLOOD, source="Lowmere Gazette")
    assert not holders(found, "asked for privacy")
    assert not holders(found, "urged prayer for the families")
    assert not holders(found, "requested privacy")
    assert holders(found, "rebuild the flood wall") == {"Lowmere Town Council"}
    assert stances(found, "rebuild the flood wall") == {"demands"}


SHUTDOWN = (
    "WASHINGTON - The shutdown of the Veldt Valley Authority reached its second day on Thursday "
    "as President Ana Corvo said she would decide which offices to close. Corvo has no plans to "
    "meet the board again.\n\n"
    "Texas Republican Rep. Dale Voss demanded that the authority reopen its dams. Ohio "
    "Democratic Rep. Mara Lind said she would not take her salary during the shutdown.\n"
)


def test_a_day_name_is_never_a_party(reader):
    found = _read(reader, SHUTDOWN, source="Wire")
    assert not any(f[0] in ("Thursday", "Friday") for f in found)
    assert holders(found, "no plans to meet the board") in ({"Ana Corvo"}, {"Corvo"})
    assert stances(found, "no plans to meet the board") == {"rejects"}


def test_a_lawmaker_named_with_state_and_party_label_speaks_for_himself(reader):
    found = _read(reader, SHUTDOWN, source="Wire")
    assert holders(found, "reopen its dams") == {"Dale Voss"}
    assert stances(found, "reopen its dams") == {"demands"}
    assert holders(found, "would not take her salary") == {"Mara Lind"}


def test_a_lieutenant_governor_speaks_for_the_state_not_a_party_named_lieutenant(reader):
    from assistant.news_names import news_links

    text = (
        "About 700 children were at the camp, according to Texas Lieutenant Governor Dan "
        "Patrick. Patrick said the state would pay for the search."
    )
    links = {link.person: link for link in news_links(text)}
    assert "Dan Patrick" in links
    assert all("Lieutenant" not in str(v) for v in links.values())


QUOTED_TERM = (
    "The Veldt Valley Authority stayed shut on Friday as President Ana Corvo said she would "
    'decide which "Labour Agencies" to close.\n\n'
    "Labour lawmakers refused to approve the budget. Labour demanded that the board restore "
    "the river fund before any vote.\n"
)


def test_a_quoted_term_is_no_longer_form_of_a_party_name(reader):
    found = _read(reader, QUOTED_TERM, source="Wire")
    assert not any("Agencies" in f[0] for f in found)
    assert holders(found, "restore the river fund") == {"Labour"}
    assert stances(found, "restore the river fund") == {"demands"}


CRASH = (
    "KELSA CITY - A preliminary report from the Kelsan Air Safety Board suggested that "
    "thousands of close calls near the airport had gone unreported.\n\n"
    '"Some of our controllers had to stay at their posts all night," the board\'s chair, '
    "Rina Osk, said. The Kelsan Air Safety Board urged the airport to close its second runway "
    "until the review is done.\n"
)


def test_what_a_report_suggests_is_no_offer(reader):
    found = _read(reader, CRASH, source="Kelsa Herald")
    assert not holders(found, "suggested that thousands of close calls")
    assert holders(found, "close its second runway") == {"Kelsan Air Safety Board"}
    assert stances(found, "close its second runway") == {"demands"}


def test_a_quoted_had_to_tells_what_was_needed_then_and_demands_nothing(reader):
    found = _read(reader, CRASH, source="Kelsa Herald")
    assert not holders(found, "had to stay at their posts")
    # reported speech keeps its backshifted demand
    told = _read(reader, "The Kelsan Air Safety Board said the airport had to close the runway.")
    assert stances(told, "had to close the runway") == {"demands"}


def test_a_quoted_person_is_one_holder_under_the_full_name(reader):
    # a member named with "U.S. Rep." speaks for herself; her later quote under her surname
    # alone is hers too, shown under the same full name
    text = (
        'U.S. Rep. Oksana Wieczorek similarly condemned the attack on the clinic. "Political '
        'violence should have no place in this country," Wieczorek wrote in an X post. "I fully '
        'condemn this."\n'
    )
    found = _read(reader, text, source="Wire")
    assert {f[0] for f in found} == {"Oksana Wieczorek"}
    assert stances(found, "I fully condemn this") == {"rejects"}


def test_an_anti_party_figure_is_not_that_partys_and_anti_x_is_no_party(reader):
    text = (
        "The Keldari Movement took the Varn valley on Sunday.\n\n"
        "Tarek Vossan, son of the famed anti-Keldari leader Omar Vossan, has pledged to fight "
        "back against the Keldari Movement. He called for aid from the West.\n"
    )
    found = _read(reader, text, source="Wire")
    for sentence in ("has pledged to fight back", "He called for aid"):
        assert not holders(found, sentence) & {"Keldari Movement", "anti-Keldari", "Keldari"}


def test_suggesting_what_happened_proposes_nothing(reader):
    text = (
        "Kelsan Harbour Board chair Rina Osk has suggested that the fire was started on purpose. "
        "The Kelsan Harbour Board suggested that the port close its oil berth until spring.\n"
    )
    found = _read(reader, text, source="Kelsa Herald")
    assert not holders(found, "the fire was started on purpose")
    assert stances(found, "close its oil berth") == {"offers"}


def test_no_party_is_named_by_a_day_a_stance_prefix_or_a_cut_abbreviation():
    from assistant.parties import Registry
    from assistant.stance_parties import Parties

    parties = Parties(Registry.load(), text="")
    for name in ("Thursday", "anti-Keldari", "pro-Varnish", "St", "Mt"):
        assert parties.canonical(name, "ORG") == "", name
    for name in ("Anti-Defamation League", "Kelsan Air Safety Board", "UN"):
        assert parties.canonical(name, "ORG"), name


def test_a_tribute_that_says_a_legacy_lives_on_refuses_nothing(reader):
    text = (
        '"His passion for his players and his family will never be forgotten," the Kelsan '
        'Police Association said. "He no longer walks this earth, but his impact will never '
        'leave the lives he touched." "We will never accept this contract," the association '
        "added.\n"
    )
    found = _read(reader, text, source="Kelsa Herald")
    assert not holders(found, "will never be forgotten")
    assert not holders(found, "his impact will never leave")
    assert stances(found, "We will never accept this contract") == {"rejects"}
