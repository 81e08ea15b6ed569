"""Names are added after the parse only where the stance reader reads them (issue 18): the
two-step parse must give exactly what one full parse gives, or statements would change with the
order of work.
"""

from __future__ import annotations

from index.language import SpacyParser, with_entities

TEXTS = [
    "The Trawlermen's Guild rejected the quota, its chair Ana Ruiz told Reuters on Tuesday.",
    "Interior Minister Pavel Dresk said the Free Highlands Movement must disarm. Talks resume "
    "in Geneva on 3 March.",
    '"We will not accept this," said Northwind Shipping Ltd\'s chief executive.',
    "No names here at all, only a plain sentence that says very little.",
]


def test_names_added_later_equal_one_full_parse() -> None:
    parser = SpacyParser()
    full = parser.parse(TEXTS)
    bare = parser.parse(TEXTS, entities=False)
    assert all(not s.entities for doc in bare for s in doc)
    later = [
        with_entities(doc, ents) for doc, ents in zip(bare, parser.entities(TEXTS), strict=True)
    ]
    assert later == full
    names = {e.text: e.label for doc in full for s in doc for e in s.entities}
    assert names.get("Trawlermen's Guild") == "ORG"  # the small model's "Guild" person, mended
    assert names.get("Pavel Dresk") == "PERSON"
    person = next(s for s in full[1] if "Dresk" in s.text)
    tokens = [t for t in person.tokens if t.text in ("Pavel", "Dresk")]
    assert {t.ent for t in tokens} == {"PERSON"} and len({t.ent_i for t in tokens}) == 1
