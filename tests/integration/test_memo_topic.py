"""A memo on a topic in a week's news about everything: the positions are those stated about
the place or party the topic names, not every statement that shares a word with it. On a pool
of real news (RealTime QA), "Nepal protests" listed a Chinese city's lockdown promise and Iowa
protesters' demands, each a "protests" statement from another story.
"""

from __future__ import annotations

import pytest

NEPAL = """title: Nepal's prime minister quits after deadly protests
source: Harbour Wire
date: 2025-09-09
---
KATHMANDU, Sept 9 - Nepal's prime minister resigned on Tuesday after protests against a social media ban turned deadly.

The Nepal Students' Union demanded that the government lift the ban on social media platforms at once.

Ambassadors in Kathmandu urged all parties to exercise restraint and avoid further violence.
"""

IOWA = """title: Protesters in Iowa set out four demands for the city
source: River Valley Herald
date: 2025-09-08
---
DES MOINES, Sept 8 - Protesters marched to City Hall for a third night on Monday.

The Des Moines Tenants Union, which led the protests, demanded that the city council freeze rents for a year.

Mayor Dana Pell rejected the demand, saying the council could not set private rents.
"""

MINES = """title: Miners' strike spreads to a second pit in Wales
source: Valley Post
date: 2025-09-07
---
CARDIFF, Sept 7 - The National Union of Miners demanded a 6 percent pay rise for its members.

Cambrian Coal rejected the demand and offered 3 percent instead.
"""


PELL_BUSES = """title: Mayor Pell sues Northwind over the bus depot
source: River Valley Herald
date: 2025-09-09
---
DES MOINES, Sept 9 - Mayor Dana Pell filed a lawsuit against Northwind Buses on Tuesday over the closure of the city's bus depot.

Pell demanded that Northwind reopen the depot until the court rules.

Northwind rejected the lawsuit as groundless and said it would defend itself in court.
"""

PELL_PARKING = """title: Parking fees to rise downtown
source: River Valley Herald
date: 2025-09-02
---
DES MOINES, Sept 2 - Mayor Dana Pell demanded that the council approve higher parking fees downtown.

The Downtown Traders' Association rejected the rise, saying Mayor Pell had ignored small shops.
"""


@pytest.fixture(scope="module")
def week(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    root = tmp_path_factory.mktemp("memo-topic")
    stories = (("nepal", NEPAL), ("iowa", IOWA), ("mines", MINES))
    stories += (("buses", PELL_BUSES), ("parking", PELL_PARKING))
    for name, text in stories:
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    a = open_assistant(root / "store", embedder=real_embedder)
    a.ingest([root])
    yield a
    a.close()


def test_positions_on_a_named_topic_come_from_statements_about_it(week):
    everything = {p.party for p in week.positions()}
    assert {"Des Moines Tenants Union", "Nepal Students' Union"} <= everything
    on_topic = week.positions(topic="Nepal protests")
    assert on_topic, "the Nepal statements are on the topic"
    assert all("Nepal" in p.citation.title for p in on_topic)


def test_a_topic_without_a_name_still_finds_statements_by_their_words(week):
    parties = {p.party for p in week.positions(topic="pay rise demands")}
    assert "National Union of Miners" in parties


def test_the_memo_is_about_the_story_its_topic_names(week):
    md = week.memo("Nepal protests").markdown
    assert "Nepal Students' Union demanded" in md
    # the Iowa march and the miners' strike share words with the topic, not its subject
    for elsewhere in ("City Hall", "Tenants Union", "Dana Pell", "Miners", "Cambrian"):
        assert elsewhere not in md, elsewhere


def test_a_topic_naming_a_party_and_another_name_is_not_all_that_party_said(week):
    # "Pell lawsuit against Northwind": the mayor's words on parking name Pell, not Northwind,
    # and the traders' statement names Pell too; neither is about the lawsuit
    on_topic = week.positions(topic="Pell lawsuit against Northwind")
    texts = " ".join(p.text for p in on_topic)
    assert "reopen the depot" in texts
    assert "parking" not in texts
    assert "ignored small shops" not in texts
