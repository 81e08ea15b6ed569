"""Who issued the document a sentence makes the subject of its stance: "The advisory calls for
banning assault weapons" holds the position of whoever the text said issued that advisory
("In an advisory, Surgeon General Vivek Murthy said ...", "Murthy's advisory"); "The draft
resolution calls on Iran to ..." that of "a proposed resolution by the US". News copy names
a document's author once and then calls it by its kind; without this the position had no
holder and was dropped.

Only what the text before the sentence says is read, and only an author the reading already
knows as a party or a person is returned: a document whose author is never named stays
unowned.
"""

from __future__ import annotations

import functools
import re

# documents that state a position for their author
DOCUMENTS = frozenset(
    {
        "advisory", "proposal", "resolution", "pledge", "plan", "letter", "report", "petition",
        "statement", "release", "memo", "memorandum", "recommendation", "recommendations",
        "campaign", "complaint", "lawsuit", "suit", "motion", "declaration", "communique",
        "communiqué", "manifesto", "platform", "initiative", "offer", "guidance", "directive",
        "decree", "order", "ultimatum", "filing", "op-ed",
    }
)  # fmt: skip
# Not "bill", "ordinance" or "budget": "The bill would punish states" describes what a measure
# does, not what its sponsor demands. ("The offer was rejected" is done to the offer: a passive
# subject is never read as a document's voice, see `stance_holders._a_document`.)

# a name as news copy writes it: capitalised words, "of"/"for" inside ("Department of Labor")
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|de|the)\s+)?[A-Z][\w.&'’-]*){0,4}"
# what is done to a document, past tense and participle alike but for "wrote"/"written"
_ACTS = (
    r"issued|released|sent|drafted|proposed|published|signed|filed|submitted|introduced|"
    r"unveiled|announced|circulated|tabled|launched|put\s+forward|made|penned"
)
_ISSUED = rf"(?:wrote|{_ACTS})"  # "Murthy issued an advisory", "the union wrote a letter"
_BY = rf"(?:written|{_ACTS})"  # "a resolution proposed by the US"
_DET = r"(?:a|an|the|its|his|her|their)"


@functools.lru_cache(maxsize=64)
def _patterns(noun: str) -> tuple[re.Pattern[str], ...]:
    n = rf"(?:{re.escape(noun)}|{re.escape(noun)}s)\b"
    return (
        # "Murthy's advisory", "the company's latest offer"
        re.compile(rf"(?P<o>{_NAME})['’]s?\s+(?:[\w-]+\s+){{0,2}}?{n}"),
        # "the Biden campaign", "a UN report", "the FCA proposal"
        re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<o>{_NAME})\s+(?:[a-z-]+\s+)?{n}"),
        # "a proposed resolution by the US", "an advisory from Surgeon General Vivek Murthy"
        re.compile(rf"\b{n}\s+(?:{_BY}\s+)?(?:by|from)\s+(?:the\s+)?(?P<o>{_NAME})"),
        # "Murthy issued an advisory", "the union has sent a letter"
        re.compile(
            rf"(?P<o>{_NAME})\s+(?:has\s+|have\s+|had\s+|also\s+)?{_ISSUED}\s+{_DET}\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{n}"
        ),
        # "In an advisory, Surgeon General Vivek Murthy said"
        re.compile(
            rf"\b[Ii]n\s+{_DET}\s+(?:[\w-]+\s+){{0,2}}?{n}[^.;]{{0,80}}?,\s+(?:the\s+)?(?P<o>{_NAME})\s+"
            r"(?:said|says|wrote|writes|added|called|urged|argued|warned)\b"
        ),
    )


def author_named(text: str, noun: str) -> str:
    """The name the text last gives as the author of a document of this kind ('' when none)."""
    best, where = "", -1
    for pattern in _patterns(noun.lower()):
        for m in pattern.finditer(text):
            if m.end() > where:
                best, where = m.group("o"), m.end()
    return best
