"""An answer from the positions matrix, tidied: a quote that leans on the sentence before it
gets that sentence as its lead-in, and a lead-in the answer already quoted alone is said once.
"""

from __future__ import annotations

from assistant.citations import tidy
from assistant.markers import attach, unmark
from assistant.types import Answer, Citation

PASSAGE = (
    "The union's negotiator, Ines Marlow, again called on the port authority to reopen talks. "
    "\u201cThis week the authority will hear one message from every crew: it is up to the "
    "authority to come back to the table.\u201d"
)
LEAD = PASSAGE[: PASSAGE.index(" \u201c")]
QUOTE = PASSAGE[PASSAGE.index("\u201c") :]
OFFSET = 400  # where the passage sits in its document


def _cite(n: int, quote: str, doc_id: str = "wire-1") -> Citation:
    at = PASSAGE.index(quote)
    return Citation(
        n=n,
        doc_id=doc_id,
        chunk_id=f"{doc_id}:3",
        title="Dock talks",
        source="Harbour Wire",
        date="2025-03-02",
        url="",
        text=PASSAGE,
        quote=quote,
        span=(OFFSET + at, OFFSET + at + len(quote)),
        support=1.0,
    )


def test_a_lead_in_already_quoted_alone_is_said_once_before_its_quote() -> None:
    answer = Answer(
        f"{attach(LEAD, '[1]')} {attach(QUOTE, '[2]')}", [_cite(1, LEAD), _cite(2, QUOTE)]
    )
    tidied = tidy(answer)
    plain = unmark(tidied.text)
    assert plain.count("again called on the port authority") == 1, tidied.text
    assert plain.index("again called") < plain.index("This week")
    # one citation, widened to quote the lead-in with the quote
    (cite,) = tidied.citations
    assert cite.quote.startswith("The union's negotiator") and cite.quote.endswith(QUOTE)
    assert cite.span == (OFFSET, OFFSET + len(PASSAGE))


def test_the_same_sentence_from_another_document_keeps_its_own_citation() -> None:
    """Another outlet's copy of the lead sentence is a second source, not a repeat to drop."""
    answer = Answer(
        f"{attach(LEAD, '[1]')} {attach(QUOTE, '[2]')}",
        [_cite(1, LEAD, doc_id="wire-2"), _cite(2, QUOTE)],
    )
    tidied = tidy(answer)
    assert {c.doc_id for c in tidied.citations} == {"wire-1", "wire-2"}
