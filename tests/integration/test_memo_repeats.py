"""A memo's Positions section says each claim once: a party whose statement says what another
party's statement above already says is pointed to it, cited to its own source. Which of two
such statements a party is given depends on ranking (and so, at the margin, on the embedder's
precision); the memo must not depend on it.
"""

from __future__ import annotations

from assistant.citations import same_claim
from assistant.memo import _Numbering, _party_positions
from assistant.types import Citation, Position


def _position(party: str, text: str, at: int, voice: str) -> Position:
    c = Citation(
        0,
        "dpa-geneva",
        f"c{at}",
        "Geneva talks",
        "dpa",
        "",
        "",
        text,
        text,
        (at, at + len(text)),
        1.0,
    )
    return Position(party, party.lower(), "demands", text, text, c, voice=voice)


OWN = "The USA demanded the withdrawal of Russian troops from the border area with Ukraine."
JOINT = (
    "The United States and the Western defense alliance NATO are calling for Russian troops to "
    "be withdrawn from the border with Ukraine."
)
OTHER = "Ukrainian Foreign Minister Dmytro Kuleba urged the Western alliance not to make any concessions."


def test_a_statement_saying_what_another_partys_says_is_pointed_to(real_embedder):
    positions = [
        _position("United States", OWN, 100, "own"),  # ranked before the joint one
        _position("United States", JOINT, 300, "paraphrase"),
        _position("NATO", JOINT, 300, "paraphrase"),
        _position("Ukraine", OTHER, 500, "paraphrase"),
    ]

    def repeats(a: str, b: str) -> bool:  # as Assistant.same_claim weighs them
        va, vb = real_embedder.embed_documents([a, b])
        return same_claim(a, b, float(va @ vb))

    items = _party_positions(positions, _Numbering(), repeats=repeats)
    said = {i.party: [c.text for c in i.clauses] for i in items}
    assert said["United States"][0].startswith("\u201cThe USA demanded")
    assert said["NATO"] == ["the same as United States (the statement above)"]
    nato = next(i for i in items if i.party == "NATO")
    assert nato.clauses[0].refs  # still cited, to NATO's own source
    assert said["Ukraine"][0].startswith("Ukrainian Foreign Minister Dmytro Kuleba urged")
