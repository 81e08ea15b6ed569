"""A memo's sources quote what its claims say, and a statement quoted once is not written again
(issue 14's readability): a bottom-line claim joined with the sentence that leans on it cites
both sentences, and the party's statement inside that joined quote is not repeated under
Positions. And the readability check reads a colon-introduced quote as attributed when a name
introduces it, not when a thing or a possessive does.
"""

from __future__ import annotations

from assistant.memo import _Numbering, _quoted
from assistant.types import Citation
from eval.readability import unattributed_quote, unpaired_quote

PASSAGE = (
    "The troop presence was not an issue. However, Halden again rejected the demands: "
    "\u201cWe will not give up cooperation with states that want it.\u201d"
)


def _cite(start: int, end: int, doc: str = "d1") -> Citation:
    return Citation(
        0, doc, f"{doc}:c", "T", "wire", "", "", PASSAGE, PASSAGE[start:end], (start, end), 1.0
    )


def test_a_joined_claim_widens_its_source_and_covers_the_statement_inside_it() -> None:
    numbering = _Numbering()
    first = PASSAGE.index(".") + 1
    n = numbering.number(_cite(0, first))
    assert numbering.number(_cite(0, len(PASSAGE))) == n  # the same claim, joined
    assert numbering.citations[n - 1].quote == PASSAGE  # the source quotes both sentences
    quoted = numbering.spans([n])
    statement = _cite(PASSAGE.index("However"), len(PASSAGE))
    assert _quoted(statement, quoted)  # so Positions does not write it again
    assert not _quoted(_cite(PASSAGE.index("However"), len(PASSAGE), doc="d2"), quoted)


def test_a_statement_whose_span_takes_in_its_opening_mark_is_quoted_already() -> None:
    # the bottom line's sentence starts after the quotation mark, the statement on it
    opening = PASSAGE.index("\u201c")
    quoted = {("d1", opening + 1, len(PASSAGE))}
    assert _quoted(_cite(opening, len(PASSAGE)), quoted)
    # a statement only partly written above is not
    assert not _quoted(_cite(PASSAGE.index("However"), len(PASSAGE)), quoted)


def test_a_quote_a_name_introduces_with_a_colon_is_attributed() -> None:
    quote = "\u201cWe will not give up cooperation with states that want it.\u201d"
    assert not unattributed_quote(f"However, Halden again rejected the demands: {quote}")
    assert not unattributed_quote(f"It was no issue. But Halden rejected the demands: {quote}")
    assert unattributed_quote(f"The troop presence was not an issue: {quote}")
    assert unattributed_quote(f"Russia\u2019s demands were clear: {quote}")
    assert unattributed_quote(quote)


def test_a_quotation_mark_without_its_partner_is_a_defect() -> None:
    assert unpaired_quote('"We know the shells are of poor quality.')
    assert unpaired_quote("It remains my priority,\u201d Snyder said.")
    assert not unpaired_quote('"We know the shells are of poor quality."')
    assert not unpaired_quote('\u201cIt is a slap in the face," Schumer said.')  # mixed, paired
    assert not unpaired_quote("He called it \u201cblatant corruption\u201d and left.")


def test_a_title_in_quotation_marks_is_not_a_quote_without_a_speaker():
    # a film's title is not speech; a shouted line and a sentence of speech still are quotes
    title = "\u201cShang-Chi and the Legend of the Ten Rings\u201d star Simu Liu is engaged."
    assert not unattributed_quote(title)
    assert not unattributed_quote('The band played "Birds of a Feather Tonight" twice.')
    assert unattributed_quote("\u201cThe penny costs over 3 cents to make.\u201d")
    assert unattributed_quote('The post ended: "Drag shows for our youth WILL STOP NOW"')
    assert unattributed_quote('The post ended: "THIS WILL NOT STAND ANY LONGER"')


def test_where_they_disagree_sets_side_by_side_only_parties_their_sentences_name() -> None:
    from assistant.memo import _disagree_and_meet
    from assistant.types import Position

    def position(party: str, stance: str, text: str, about: str, doc: str) -> Position:
        c = Citation(0, doc, f"{doc}:c", "T", "wire", "", "", text, text, (0, len(text)), 1.0)
        return Position(party, party, stance, text, about, c)

    demand = position(
        "Harwick Council",
        "demands",
        "Harwick Council demanded that the depot stay open until March.",
        "depot stay open until March",
        "d1",
    )
    # a holder found through "the president" sentences back: its sentence never names it
    wrong = position(
        "Detroit City Council",
        "rejects",
        "It comes as the president rejected calls to keep the depot open until March.",
        "keep the depot open until March",
        "d2",
    )
    named = position(
        "Northwind Buses",
        "rejects",
        "Northwind Buses rejected calls to keep the depot open until March.",
        "keep the depot open until March",
        "d3",
    )
    items = _disagree_and_meet([demand, wrong], _Numbering())
    assert not [i for i in items if len(i.clauses) == 2]
    items = _disagree_and_meet([demand, wrong, named], _Numbering())
    [pair] = [i for i in items if len(i.clauses) == 2]
    assert "Northwind Buses rejected" in pair.clauses[1].text
