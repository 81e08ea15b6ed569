"""Forms the real-news dev batches showed misread at stop 58, each on a text written for the
test.
"""

from __future__ import annotations

import pytest

from tests.support.stance_reading import holders, make_reader, stances
from tests.support.stance_reading import read as _read


@pytest.fixture(scope="module")
def reader():
    return make_reader()


# A quote by one person, then another person's judgement opening on an "it" that stands for
# the clause after it: the judgement is the second speaker's, not the first speaker's or
# whichever party the text named last.
JUDGEMENT = (
    "Talks between Harlan County and its firefighters broke down on Tuesday.\n\n"
    '"No one on this crew will work another double shift for free," said Nell Orrin, '
    "president of the Harlan Firefighters Association.\n\n"
    "Mayor Paul Brisk has said every firefighter was offered a raise.\n\n"
    '"What I will not do is pay overtime twice," Brisk said.\n\n'
    'Orrin said that "it is unacceptable for any firefighter to lose pay under the new '
    'roster."\n'
)


def test_it_standing_for_a_clause_is_the_speakers_judgement(reader):
    found = _read(reader, JUDGEMENT, source="Harlan Ledger")
    assert holders(found, "it is unacceptable") == {"Harlan Firefighters Association"}
    assert holders(found, "pay overtime twice") == {"Paul Brisk"}


# A rally reported with the words of the people at it: the organisers' demand is a position;
# what a passer-by, introduced by what they do, tells the reporter is no party's.
RALLY = (
    "Hundreds marched through Varnby on Saturday against the closure of the rail line.\n\n"
    "The Varnby Rail Users' Group demanded that the operator keep the line open until a bus "
    "service is in place.\n\n"
    '"They want to cut us off, and we will not accept it," said Tomas Brell, a retired '
    "engineer, who came with his wife.\n\n"
    '"We will fight this closure in the courts," said Ada Venn, a former engineer who chairs '
    "the Varnby Rail Users' Group.\n"
)


def test_a_passer_by_quoted_at_a_rally_holds_no_position(reader):
    found = _read(reader, RALLY, source="Varnby Echo")
    assert holders(found, "keep the line open") == {"Varnby Rail Users' Group"}
    assert not holders(found, "cut us off")
    # guard: a former engineer who chairs the group speaks for it
    assert holders(found, "fight this closure") == {"Varnby Rail Users' Group"}


# An opinion verb over a "should" clause is the believer's ask of another party; a negated
# one is what the believer refuses. "I think X should be worried" is a judgement, not a demand.
OPINION = (
    "Teachers in the Pellam school district will strike on Monday.\n\n"
    "The Pellam Teachers Union believes the district should hire forty more teachers before "
    "the spring term.\n\n"
    "The Pellam School Board does not believe the district should borrow to pay for new "
    "staff, its chair, Rosa Venn, said.\n\n"
    '"I think the board should be very worried about the turnout," said Omar Lisk, the '
    "union's president.\n"
)


def test_a_belief_that_another_should_act_is_the_believers_demand(reader):
    found = _read(reader, OPINION, source="Pellam Courier")
    assert holders(found, "hire forty more teachers") == {"Pellam Teachers Union"}
    assert stances(found, "hire forty more teachers") == {"demands"}
    assert holders(found, "borrow to pay") == {"Pellam School Board"}
    assert stances(found, "borrow to pay") == {"rejects"}
    assert not stances(found, "very worried")


# A government named for its leader is the state the leader speaks for, or, when the text does
# not say which, the government itself; never the leader's bare surname.
LED = (
    "Varenland's president, Ilse Moor, met the dockers' union on Monday.\n\n"
    "The Moor government rejected the union's demand for a 9% raise on Tuesday.\n\n"
    "President Donald Trump was in Florida. Separately, the Trump administration refused "
    "Harlan County's request for disaster aid.\n"
)


def test_a_government_named_for_its_leader_holds_its_positions(reader):
    found = _read(reader, LED, source="Harbour Wire")
    assert holders(found, "9% raise") == {"Varenland"}
    assert holders(found, "disaster aid") == {"Trump administration"}


# Officials named by the place they govern from speak for its government; people who are
# merely there do not.
SEAT = (
    "Talks on the Lorvan gas pipeline stalled on Friday.\n\n"
    "Officials in Paris were seeking a guarantee that the pipeline would not cross the Rhine "
    "valley.\n\n"
    "Residents in Strasbourg rejected any new route through the valley.\n"
)


def test_officials_in_a_capital_speak_for_its_government(reader):
    found = _read(reader, SEAT, source="Harbour Wire")
    assert holders(found, "seeking a guarantee") == {"France"}
    assert not holders(found, "any new route")


# A named organisation's non-restrictive "which" clause says what the organisation did; a
# "which" clause on a thing says nothing of anyone's.
WHICH = (
    "The strike at Harlan's schools entered its second week.\n\n"
    "It is backed by the Harlan Teachers Union, which has called on the district to reopen "
    "talks before Friday.\n\n"
    "The district's budget, which rejects any raise above 2%, was passed in March.\n"
)


def test_a_named_bodys_which_clause_is_its_position(reader):
    found = _read(reader, WHICH, source="Harlan Ledger")
    assert holders(found, "reopen talks") == {"Harlan Teachers Union"}
    assert not holders(found, "any raise above")


# A leader introduced in full and then named by the first part of the name, as Malay and
# Korean names are, still speaks for the state.
FIRST_NAME = (
    "Malaysian Prime Minister Anwar Ibrahim hosted the two delegations in Putrajaya.\n\n"
    "Anwar proposed a ceasefire from midnight, soon after the fighting resumed.\n"
)


def test_a_leader_named_by_the_first_part_of_the_name_speaks_for_the_state(reader):
    found = _read(reader, FIRST_NAME, source="Harbour Wire")
    assert holders(found, "proposed a ceasefire") == {"Malaysia"}


# A surname the tagger takes for a common noun when it opens a sentence is still the person
# the text named in full before, speaking for their party.
SURNAME = (
    "Mira Haldane, chief executive of the Veskar Port Authority, met dockers' representatives "
    "on Monday.\n\n"
    "Haldane has repeatedly promised to protect the harbour workers' pensions.\n"
)


def test_a_surname_taken_for_a_common_noun_is_the_person_named_before(reader):
    found = _read(reader, SURNAME, source="Harbour Wire")
    assert holders(found, "protect the harbour") == {"Veskar Port Authority"}


# A quote whose speaker is a pronoun after the words ('..., she said.') is the person the
# sentence before named, though that sentence states nothing itself.
SHE_SAID = (
    "State Rep. Brenna Mottram attended the hearing in Harlan on Monday.\n\n"
    '"We will not accept this quarry on our river," she said.\n'
)


def test_a_quote_said_by_she_is_the_person_named_in_the_sentence_before(reader):
    found = _read(reader, SHE_SAID, source="Harlan Ledger")
    assert holders(found, "accept this quarry") == {"Brenna Mottram"}
