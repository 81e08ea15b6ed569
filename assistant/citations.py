"""Citation markers and their verification.

The reply (from any engine) cites passages as [n]; markers are parsed, mapped to passages,
renumbered in order of first use, and every sentence is checked against what it cites. A sentence
whose cited passages do not support it is removed (or flagged in debug mode), so a reader never
sees a claim with a citation that does not back it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.instructions import is_instruction
from assistant.markers import MARKER, attach, format_refs, refs, unmark
from assistant.quote_spans import quote_runs
from assistant.types import Answer, Citation, Passage
from index.text import STOPWORDS, content_terms, stem

__all__ = [
    "MARKER",
    "Claim",
    "Support",
    "Verifier",
    "build_citations",
    "is_instruction",
    "parse",
    "unmark",
]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])|\n+")


_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|neither|nor|cannot|without)\b|n't\b", re.I)


@dataclass(frozen=True)
class Claim:
    text: str  # without markers
    cited: tuple[int, ...]  # 1-based passage numbers as written


def parse(reply: str, n_passages: int) -> list[Claim]:
    """Split a reply into sentences with the passage numbers each cites (invalid ones dropped).

    Markers may follow the sentence end ("... Europe. [2]") or sit inside it; `[1, 3]` and
    `[1][2]` both work. A marker-only fragment attaches to the sentence before it.
    """
    claims: list[Claim] = []
    for raw in _SENTENCE_END.split(reply.strip()):
        raw = raw.strip()
        if not raw:
            continue
        nums = [n for m in MARKER.finditer(raw) for n in refs(m)]
        valid = tuple(dict.fromkeys(n for n in nums if 1 <= n <= n_passages))
        text = unmark(raw)
        if not re.search(r"\w", text):
            if claims and valid:
                prev = claims[-1]
                claims[-1] = Claim(prev.text, tuple(dict.fromkeys(prev.cited + valid)))
            continue
        claims.append(Claim(text, valid))
    return claims


@dataclass(frozen=True)
class Support:
    score: float
    passage: int  # 1-based index into the passages given
    span: tuple[int, int]  # absolute span of the best supporting sentence(s) in the document
    quote: str
    others: tuple[Support, ...] = ()  # the same claim in other passages (wire copies, a lead)


SentenceEmbed = Callable[[Sequence[str]], np.ndarray]


class Verifier:
    """Scores how well a passage supports a claim: embedding similarity plus term coverage.

    Term coverage (share of the claim's content words found in the supporting sentences) guards
    against a fluent sentence that shares the topic but not the facts; the embedding similarity
    catches paraphrase. Thresholds come from `eval/` runs on gold data.
    """

    def __init__(
        self, embed: SentenceEmbed, threshold: float = 0.55, min_cover: float = 0.75
    ) -> None:
        self._embed = embed
        self.threshold = threshold
        self.min_cover = min_cover

    def support(self, claim: str, passages: Sequence[Passage], cited: Sequence[int]) -> Support:
        best = Support(0.0, 0, (0, 0), "")
        claim_terms = set(content_terms(claim))
        for n in cited:
            p = passages[n - 1]
            # An instruction planted in the passage is no evidence, alone or next to another.
            sents = [
                (t, sp, k)
                for k, (t, sp) in enumerate(passage_sentences(p))
                if not is_instruction(t)
            ]
            if not sents:
                continue
            texts = [t for t, _, _ in sents]
            vecs = self._embed([claim, *texts])
            sims = vecs[1:] @ vecs[0]
            order = np.argsort(-sims)
            # The best sentence, or the best two adjacent ones, may carry the claim together.
            i = int(order[0])
            candidates = [(i, i)]
            if i + 1 < len(sents) and sents[i + 1][2] == sents[i][2] + 1:
                candidates.append((i, i + 1))
            if i > 0 and sents[i - 1][2] == sents[i][2] - 1:
                candidates.append((i - 1, i))
            for a, b in candidates:
                quote = " ".join(texts[a : b + 1])
                cover = (
                    len(claim_terms & set(content_terms(quote))) / len(claim_terms)
                    if claim_terms
                    else 0.0
                )
                if bool(_NEGATION.search(claim)) != bool(_NEGATION.search(quote)):
                    continue  # "did not reopen" is not supported by "reopened"
                if cover < self.min_cover:
                    continue  # the claim's own facts must be in the quote, not just its topic
                sim = float(max(sims[a : b + 1]))
                score = 0.5 * sim + 0.5 * cover
                if score > best.score:
                    span = (sents[a][1][0], sents[b][1][1])
                    best = Support(score, n, span, quote)
        return best


def passage_sentences(p: Passage) -> list[tuple[str, tuple[int, int]]]:
    """The passage's sentences with their absolute spans in the document."""
    out = []
    for s, e in p.sentence_spans:
        a, b = s - p.start, e - p.start
        if 0 <= a < b <= len(p.text):
            out.append((p.text[a:b], (s, e)))
    if not out and p.text.strip():
        out.append((p.text.strip(), (p.start, p.end)))
    return out


def build_citations(
    claims: Sequence[tuple[Claim, Support]], passages: Sequence[Passage], grouped: bool = False
) -> tuple[str, list[Citation]]:
    """Render kept claims with markers renumbered by first use; one citation per passage.

    A claim several passages state cites them all; `grouped` writes that as "[1, 4]".
    """
    numbering: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for claim, sup in claims:
        quotes = {o.passage: o for o in reversed(sup.others)}
        quotes[sup.passage] = sup
        cites = [sup.passage] + [n for n in claim.cited if n != sup.passage]
        cites += [o.passage for o in sup.others]
        cites = list(dict.fromkeys(n for n in cites if n))
        marks = []
        for n in cites:
            if n not in numbering:
                numbering[n] = len(numbering) + 1
                p = passages[n - 1]
                quote, span = (quotes[n].quote, quotes[n].span) if n in quotes else _first(p)
                citations.append(
                    Citation(
                        n=numbering[n],
                        doc_id=p.doc_id,
                        chunk_id=p.chunk_id,
                        title=p.title,
                        source=p.source,
                        date=p.date,
                        url=p.url,
                        text=p.text,
                        quote=quote,
                        span=span,
                        support=round(sup.score, 3),
                    )
                )
            marks.append(numbering[n])
        marks = list(dict.fromkeys(marks))
        text = balance_quotes(unmark(claim.text))
        parts.append(attach(text, format_refs(marks, grouped=grouped)))
    return " ".join(parts), citations


def balance_quotes(text: str) -> str:
    """The sentence with its quotation marks paired, as an editor cuts a quote at a sentence: a
    quote that runs on past it is closed at its end ('"We know that Russia is being supplied
    ... quality."'), one that began in an earlier sentence is opened at its start ('"It remains
    my priority," Snyder said.'). On real news one answer in six quoted such a sentence as it
    stood. The cited passage keeps the words as written.
    """
    if (text.count("\u201c") + text.count("\u201d") + text.count('"')) % 2 == 0:
        return text  # paired, or oddly paired by its source ('"Their work ...," which ...."')
    depth = unopened = 0
    for i, ch in enumerate(text):
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d" or (ch == '"' and (depth or _closing(text, i))):
            if depth:
                depth -= 1
            else:
                unopened += 1
        elif ch == '"':
            depth += 1
    curly = "\u201c" in text or "\u201d" in text
    opening, closing = ("\u201c", "\u201d") if curly else ('"', '"')
    return opening + text if unopened > depth else text + closing


def in_quote(text: str, passage: str, start: int, end: int, opens_paragraph: bool = False) -> str:
    """`text` (what an answer writes of passage[start:end]) in quotation marks when that
    stretch is the middle of a quote that opened before it and closes after it (or runs to its
    paragraph's end), as news writes a quote of three sentences: '... said, "When I got there,
    ... old. We had bombers that were 60 years old ... new. And now the grandchild is flying
    the bomber."' Cut out alone, the middle sentence held no mark, and an answer gave a
    speaker's claim as the sources' own statement.

    The quotes are the passage's `quote_runs`. A curly opening mark settles it; a straight one
    only when its paragraph's start is in view (`opens_paragraph`: the passage starts one), as
    a straight mark's direction is read from the marks before it.
    """
    if not (0 <= start < end <= len(passage)) or _MARKS.search(passage, start, end):
        return text
    if _MARKS.search(text):
        return text
    run = next((r for r in quote_runs(passage, ()) if r.start < start and end <= r.end), None)
    if run is None:
        return text
    if passage[run.start] == "\u201c":
        return f"\u201c{text}\u201d"
    if "\n" in passage[: run.start] or opens_paragraph:
        return f'"{text}"'
    return text


_MARKS = re.compile('[\u201c\u201d"]')


def cited_in_quote(text: str, c: Citation) -> str:
    """`in_quote` for a citation: its sentence found in its passage."""
    at = c.text.find(c.quote) if c.quote else -1
    return in_quote(text, c.text, at, at + len(c.quote)) if at >= 0 else text


def _closing(text: str, i: int) -> bool:
    """Whether the straight mark at `i` closes a quote: after a word or punctuation and before a
    space, punctuation or the end ('priority," Snyder said'); an opening one comes before a word.
    """
    after = text[i + 1 : i + 2]
    return i > 0 and not text[i - 1].isspace() and (not after or not after.isalnum())


def _first(p: Passage) -> tuple[str, tuple[int, int]]:
    sents = passage_sentences(p)
    return sents[0] if sents else (p.text, (p.start, p.end))


# --- self-contained sentences -----------------------------------------------------------------
#
# An extractive answer quotes sentences out of their articles, so a quoted sentence must make
# sense alone: no pronoun or connective pointing at a sentence the reader does not see, no
# greeting, question, caption or transcript label. These tests are plain English patterns;
# nothing here knows a party, an outlet or a topic.

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb(["
_TIME_NOUNS = (
    "week|weekend|month|year|morning|afternoon|evening|night|time|spring|summer|autumn|fall|"
    "winter|season|quarter|decade|century|century's|january|february|march|april|may|june|july|"
    "august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday"
)
_LEANS = re.compile(
    r"^(?:"
    # pronouns and demonstratives standing for something said before
    r"(?:they|them|their|these|those|he|she|his|her|him|its|such|both of them)\b"
    rf"|(?:this|that)\b(?!\s+(?:{_TIME_NOUNS})\b)"
    r"|it\b(?!\s+(?:is|was|has been|had been|will be|would be|remains|remained|seems|seemed|"
    r"appears|appeared|became|becomes)\s+(?:\w+\s+){0,3}?(?:that|to|whether|unclear|not clear|"
    r"too early)\b)"
    # connectives continuing the sentence before
    r"|(?:and|but|or|nor|yet|so)\b(?!\s+far\b)"
    r"|(?:because|also|however|meanwhile|moreover|furthermore|therefore|thus|hence|still|"
    r"instead|nevertheless|nonetheless|otherwise|besides|accordingly|consequently|likewise|"
    r"similarly|then|again|indeed|rather|which|whose|where)\b"
    r"|(?:in addition|as a result|at the same time|in this context|in that context|in this "
    r"regard|in that regard|in this case|in that case|for this reason|for that reason|to this "
    r"end|on the other hand|by contrast|in contrast|in response|in turn|as well|the latter|"
    r"the former|the same)\b"
    # an elliptic reply
    r"|(?:no|yes|well|okay|ok)\s*[,!]"
    r")",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|tells|"
    r"stressed|noted|explained|insisted|warned|argued|declared|stated|continued|wrote|"
    r"replied|asked|remarked|emphasi[sz]ed|underlined|recalled))\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'\-]*")


def _outside_quotes(text: str) -> str:
    """The text with quoted stretches blanked out ("..." and curly quotes)."""
    return re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u201c[^\u201d]*$", " ", text)


def leans_on_previous(sentence: str) -> bool:
    """Whether the sentence needs the one before it to be understood: it opens on a pronoun,
    demonstrative or connective ("They ...", "This ...", "But ...", "No, ..."), its speaker is
    a bare pronoun ("..., he said") with no name before it, or it is a bare quotation.
    """
    text = sentence.lstrip(_QUOTES + " \t-\u2013\u2014")
    if _LEANS.match(text):
        return True
    if _closes_a_quote(sentence):
        return True  # 'Now the members will decide," he said': the quote opened before
    if sentence.lstrip()[:1] in '"\u201c' and len(_outside_quotes(sentence).split()) < 2:
        return True  # a bare quotation: its speaker is in the sentence before
    m = _PRONOUN_SPEAKER.search(sentence)
    if m is None:
        return False
    before = _outside_quotes(sentence[: m.start()])
    names = _CAPITALISED.findall(before)
    # the sentence's first word is capitalised whatever it is: a function word is no name
    names = [n for n in names if n.lower() not in STOPWORDS]
    return not names


def _closes_a_quote(sentence: str) -> bool:
    """Whether the sentence's first quotation mark closes a quote opened in an earlier one."""
    curly = re.search("[\u201c\u201d]", sentence)
    if curly:
        return curly.group(0) == "\u201d"
    return sentence.count('"') % 2 == 1 and not sentence.lstrip().startswith('"')


_GREETING = re.compile(
    r"^(?:(?:well|so|and|but|first(?:ly)?|finally|again|once again),?\s+)?"
    r"(?:welcome\b|thank(?:s|ing)?\b|many thanks\b|good (?:morning|afternoon|evening|day)\b|"
    r"ladies and gentlemen\b|dear\b|hello\b|hi\b|greetings\b|congratulations\b|"
    r"(?:let me|i want to|i would like to|i'd like to|allow me to)\s+(?:\w+\s+){0,3}?"
    r"(?:thank|welcome|congratulate|greet)|(?:i am|i'm|we are|we're)\s+(?:very\s+|so\s+)?"
    r"(?:grateful|pleased|delighted|honou?red|glad)\s+(?:to|for)\b|"
    r"it is (?:a|my|our) (?:great )?(?:pleasure|honou?r)\b|it's (?:a|my) pleasure\b)"
    r"|\bthank you\b|\bwelcomes? you\b|\b(?:we|i)(?:'re|'m| am| are)\s+(?:very\s+|so\s+|most\s+)?"
    r"(?:grateful|pleased|delighted|honou?red)\s+(?:to you|for (?:the|this) (?:opportunity|invitation))",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:photo|picture|image|file photo|caption|credit|video|graphic|illustration|"
    r"pictured|source)\b\s*[:/|\-\u2013]"
    r"|\((?:photo|picture|image|file)s?\b[^)]*\)|\b(?:photo|image|picture)\s*(?:credit)?\s*:"
    r"|\b(?:AP|AFP|Reuters|EPA|Getty Images|dpa|Xinhua|TASS)\s*(?:Photo|/|Images?\b)"
    r"|\u00a9|\bcopyright\b|\ball rights reserved\b",
    re.IGNORECASE,
)
_LABEL_WORD = r"[A-Z][A-Z.'\-]+"
_SPEAKER_LABEL = re.compile(
    rf"^\s*(?:(?:{_LABEL_WORD}|[A-Z][a-z]?\.?)(?:\s+{_LABEL_WORD})*"  # "AMBASSADOR X", "Q", "MR."
    r"|(?:[A-Z][\w.'\-]+\s+){1,3}[A-Z][\w.'\-]+)"  # "Sergey Lavrov"
    r"(?:\s*\([^)]{1,80}\)){0,2}\s*:\s*(?:\((?i:via|through) [^)]{1,40}\)\s*)?",
)
_QUESTION_LABEL = re.compile(r"^\s*(?:Q|QUESTION|MODERATOR|OPERATOR|REPORTER)\b", re.IGNORECASE)
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
)
_PLACE = r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2}"
_DATELINE = re.compile(
    rf"^\s*(?!(?:The|A|An|This|That|These|Those|It|We|I|He|She|They|Our|In|On|At|But|And)\s)"
    rf"{_PLACE}(?:\s*[/,]\s*{_PLACE})*"
    rf"(?:,?\s+(?:\d{{1,2}}\s+)?{_MONTH})?(?:\s*\([^)]{{1,30}}\))?"
    r"\s+[\u2013\u2014\u2212-]{1,2}\s+(?=[A-Z\"\u201c])"  # USA Today's is a minus sign
)
# A page's label for its summary box, run into the first sentence when the page was made text:
# "AI-assisted summary Meta and Oakley have partnered ..." (USA Today), "Story highlights ...".
# A capital must follow, so "Summary judgment was granted" keeps its first word.
_SECTION_LABEL = re.compile(
    r"^\s*(?:AI-assisted summary|Story highlights|Key points|Key takeaways|What to know|"
    r"Quick read|At a glance|In brief|Highlights|Summary)\s*[:\u2013\u2014-]?\s+(?=(?-i:[A-Z\"\u201c]))",
    re.IGNORECASE,
)


# A live blog's time stamp before an entry: "8:57: Songwriting duo ...", "10:15 a.m. ET - ...".
# Its separator and a capital must follow, so "10:30 was the hour" keeps its first word.
_TIME_STAMP = re.compile(
    r"^\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|BST|UTC))?"
    r"\s*[:\u2013\u2014|-]\s+(?=[A-Z\"\u201c])",
    re.IGNORECASE,
)


# a bullet, an emoji or a dash before the words ("\u25fe Reason for the bill: ...", "\U0001f30e But
# let's catch up ...", "\u2212 A pedestrian mall was quiet ..." after a dateline the splitter cut)
_LEADING_MARK = re.compile(r"^\s*[^\w\s\"'\u201c\u2018(\[$\u00a3\u20ac#@.]+\s+(?=\S)")


def lead_to_strip(sentence: str) -> int:
    """How many leading characters are a summary box's label ("AI-assisted summary "), a live
    blog's time stamp ("8:57: "), a dateline ("Geneva / Brussels - ") or a transcript speaker
    label ("AMBASSADOR X: ", "Sergey Lavrov: (Via interpreter) "): the rest is the sentence a
    reader should get. 0 when there is none.
    """
    section = (
        _SECTION_LABEL.match(sentence)
        or _TIME_STAMP.match(sentence)
        or _LEADING_MARK.match(sentence)
    )
    if section and re.search(r"\w", sentence[section.end() :]):
        return section.end() + lead_to_strip(sentence[section.end() :])
    for pattern in (_DATELINE, _SPEAKER_LABEL):
        m = pattern.match(sentence)
        if m and m.end() < len(sentence) and re.search(r"\w", sentence[m.end() :]):
            label = m.group(0)
            if pattern is _SPEAKER_LABEL and not _is_label(label):
                continue
            return m.end()
    return 0


def _is_label(label: str) -> bool:
    """A transcript speaker label: all capitals ("MR PRICE:"), or a short name ("Sergey
    Lavrov:"); not a clause ending in a colon ("Our position remained unchanged:").
    """
    head = label.split("(")[0].split(":")[0].strip()
    words = head.split()
    if not words or len(words) > 6:
        return False
    if head.upper() == head:
        return True
    return len(words) <= 4 and all(w[:1].isupper() for w in words)


def is_greeting(sentence: str) -> bool:
    """A greeting, welcome or thanks ("Welcome to ...", "Thank you", "Good morning")."""
    return bool(_GREETING.search(sentence.strip()))


def is_question(sentence: str) -> bool:
    """A question: it ends in a question mark (perhaps inside quotes), or a transcript's
    question label opens it ("QUESTION:", "Q:").
    """
    text = sentence.strip()
    if re.search(r"\?[\"'\u201d\u2019)\]]*$", text):
        return True
    return bool(_QUESTION_LABEL.match(text) and _SPEAKER_LABEL.match(text))


def is_caption(sentence: str) -> bool:
    """A photo caption or credit line."""
    return bool(_CAPTION.search(sentence.strip()))


def opening_label(sentence: str) -> str:
    """Which label opens the sentence: "dateline", "speaker_label", or "" for none."""
    for name, pattern in (("dateline", _DATELINE), ("speaker_label", _SPEAKER_LABEL)):
        m = pattern.match(sentence)
        if m and (pattern is _DATELINE or _is_label(m.group(0))):
            return name
    return ""


def is_furniture(sentence: str) -> bool:
    """Not reporting at all: a greeting or thanks, a question, a photo caption or credit, a
    bare speaker label, a journalist's question in a transcript, or a note about the page.
    """
    text = sentence.strip()
    if not text:
        return True
    return is_question(text) or is_greeting(text) or is_caption(text) or is_page_note(text)


# The page's notes about itself, not the story: a newsletter pitch, the reporter's credit or bio
# ("X contributed to this report.", "Tech expert X writes for more than 20 publications"), how to
# reach or follow the author.
_PAGE_NOTE = re.compile(
    r"\bsign up for\b.{0,80}\bnewsletters?\b|\bcontributed (?:to this (?:report|story)|reporting)\b|"
    r"\bwrites for (?:more than |over )?(?:\d+|a number of|several|many) (?:publications|outlets)\b|"
    r"\b(?:follow|reach|contact|email) (?:him|her|them|the author|the writer)\b.{0,20}"
    r"\b(?:on (?:twitter|x|facebook|instagram|threads|bluesky)|at \S+@\S+)|"
    r"\bcan be reached at\b|"
    # "Get CNN Global Health's weekly newsletter Sign up here to get ...", a correction of the
    # page ("An earlier version of this story misstated ..."), an editor's note about it
    r"^\W*get\b.{0,60}\bnewsletter\b|\bsign up here\b|"
    r"\ban earlier version of this (?:story|article|report)\b|^\W*editor['\u2019]s note\b",
    re.IGNORECASE,
)


def is_page_note(sentence: str) -> bool:
    """A newsletter pitch or the author's credit, bio or contact line (never an answer)."""
    return _PAGE_NOTE.search(sentence) is not None


# --- one fact once ----------------------------------------------------------------------------
#
# Two sentences state the same claim when they share most of their content words and read
# alike (the sentence embedding), and nothing marks them as different: one negated and the
# other not, different figures, one rejecting what the other demands, one ending what the
# other begins. Thresholds were chosen on the labelled pairs in tests/unit/test_same_claim.py
# (none from the shared corpus); the embedding similarities there are the packaged MiniLM's.

SAME_CLAIM_SIMILARITY = 0.74  # with at least SAME_CLAIM_SHARED of the content words
SAME_CLAIM_SHARED = 0.5
SAME_CLAIM_TERMS = (0.75, 0.5)  # without embeddings: containment and Jaccard both this high

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_REFUSAL = re.compile(  # a refusal as the verb ("rejected"), not as a noun ("the rejection of")
    r"\b(?:reject(?:ed|s)|refus(?:ed|es)|den(?:ied|ies)|dismiss(?:ed|es)|turn(?:ed|s)? down|"
    r"rul(?:ed|es) out|veto(?:ed|es)|oppos(?:ed|es))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|never|n't|no longer)\s+(?:(?:be|been|have|yet|even|fully)\s+)?([A-Za-z][\w\-]+)",
    re.IGNORECASE,
)
_OPPOSITES = (
    (r"\b(?:beg[ai]n\w*|start\w*|open\w*|launch\w*)\b", r"\b(?:end\w*|clos\w*|finish\w*)\b"),
    (
        r"\b(?:rais\w*|ris\w*|rose|increas\w*|lift\w*|up)\b",
        r"\b(?:cut\w*|fell|fall\w*|lower\w*|"
        r"decreas\w*|reduc\w*|down)\b",
    ),
    (r"\b(?:won|win\w*)\b", r"\b(?:lost|los\w*)\b"),
)


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def differ(a: str, b: str) -> bool:
    """Marks that two sentences about the same thing say different things."""
    if _denies(a, b) or _denies(b, a):
        return True
    na, nb = _numbers(a), _numbers(b)
    if na and nb and not (na <= nb or nb <= na):
        return True
    if bool(_REFUSAL.search(a)) != bool(_REFUSAL.search(b)):
        return True
    for x, y in _OPPOSITES:
        ax, ay = bool(re.search(x, a, re.I)), bool(re.search(y, a, re.I))
        bx, by = bool(re.search(x, b, re.I)), bool(re.search(y, b, re.I))
        if (ax and not ay and by and not bx) or (ay and not ax and bx and not by):
            return True
    return False


def _denies(a: str, b: str) -> bool:
    """`a` negates a verb that `b` states ("did not accept" against "accepted")."""
    said = set(content_terms(_NEGATED.sub(" ", b)))
    negated_in_b = {stem(m.group(1)) for m in _NEGATED.finditer(b.replace("n't", " not"))}
    for m in _NEGATED.finditer(a.replace("n't", " not")):
        verb = stem(m.group(1))
        if verb in said and verb not in negated_in_b:
            return True
    return False


def shared_terms(a: str, b: str) -> tuple[float, float]:
    """Containment (share of the smaller set of content words found in the other) and Jaccard."""
    ta, tb = set(content_terms(a)), set(content_terms(b))
    if not ta or not tb:
        return 0.0, 0.0
    common = len(ta & tb)
    return common / min(len(ta), len(tb)), common / len(ta | tb)


def same_claim(a: str, b: str, similarity: float | Callable[[], float] | None = None) -> bool:
    """Whether two sentences state the same claim (lead and body of one story, wire copies,
    restatements). `similarity` is the cosine of their sentence embeddings, when known, or
    what computes it: called only when the words leave the answer open (embedding a pair costs
    more than all the word tests).
    """
    a, b = unmark(a), unmark(b)
    if differ(a, b):
        return False
    containment, jaccard = shared_terms(a, b)
    if containment >= SAME_CLAIM_TERMS[0] and jaccard >= SAME_CLAIM_TERMS[1]:
        return True
    if similarity is None or containment < SAME_CLAIM_SHARED:
        return False
    return (similarity() if callable(similarity) else similarity) >= SAME_CLAIM_SIMILARITY


# --- fragments --------------------------------------------------------------------------------

_AUXILIARY = re.compile(
    r"\b(?:am|is|are|was|were|has|have|had|do|does|did|will|would|shall|should|can|could|may|"
    r"might|must|cannot|won't|can't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|"
    r"don't|didn't|wouldn't|shouldn't|couldn't)\b"
    r"|\b(?:it|he|she|that|there|what|who|we|they|you|i)['\u2019](?:s|re|ve|ll|d|m)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:[a-z]{2,}ed|said|told|met|held|made|took|gave|went|came|sent|left|led|began|saw|knew|"
    r"thought|found|put|set|kept|brought|spoke|wrote|became|won|lost|struck|rose|fell|paid|ran|"
    r"sold|built|broke|chose|drew|grew|hit|meant|read|sought|stood|taught|threw|understood|"
    r"withdrew|got|felt|heard|let|lay|laid|shut|cut|hung|fought|bought|caught|spent|sat)\b"
)
_PRESENT = re.compile(
    r"\b(?:says|wants|demands|calls|urges|seeks|needs|insists|warns|rejects|offers|remains|"
    r"plans|expects|fears|believes|hopes|thinks|argues|accuses|denies|agrees|refuses|continues|"
    r"faces|holds|makes|takes|gives|shows|means|includes|requires|aims|intends|opposes|supports|"
    r"proposes|suggests|stands|lies|leads|seems|appears|threatens|goes|comes|knows|sees|keeps|"
    r"tells|asks|tries|looks|becomes|gets|puts|meets|runs|pays|leaves|sets|adds|notes|stresses)\b"
    r"|\b(?i:I|we|you|they|who|which|that)\s+(?:also\s+|still\s+|now\s+|only\s+|all\s+)?"
    r"(?!(?:the|a|an|of|in|on|and|or|to)\b)[a-z]{3,}\b"
    r"|\b[A-Z][\w\-]+\s+(?!(?:and|or|of|in|on|at|to|for|the|a|an|with|by|from|as)\b)[a-z]{3,}s\b"
)
_SUBORDINATOR = re.compile(
    r"^(?:because|although|though|while|whereas|if|unless|since|when|whenever|after|before|"
    r"until|once|as|even though|even if|so that|in order to|given that|provided that)\b",
    re.IGNORECASE,
)


def has_finite_verb(text: str) -> bool:
    """A rough test for a finite verb: an auxiliary, a past form, or a present form after a
    subject. Generous on purpose: it only has to tell headings and captions from sentences.
    """
    return bool(_AUXILIARY.search(text) or _PAST.search(text) or _PRESENT.search(text))


def is_fragment(sentence: str) -> bool:
    """No finite verb at all, or a subordinate clause with no main clause after it ("Because
    the talks failed.", "As delivered by the envoy, Vienna, 22 February").
    """
    text = sentence.strip().lstrip(_QUOTES + " ")
    if not has_finite_verb(sentence):
        return True
    if _SUBORDINATOR.match(text):
        _, comma, rest = text.partition(",")
        return not comma or not has_finite_verb(rest)
    return False


# --- a finished answer, read once more --------------------------------------------------------

_CITED_SENTENCE = re.compile(r"\S.*?\[\d+(?:\s*[,;]\s*\d+)*\][^\s\w]*(?=\s|$)", re.DOTALL)


def cited_sentences(text: str) -> tuple[list[tuple[str, tuple[int, ...]]], str]:
    """An answer's sentences with the citation numbers each carries, and the uncited rest
    (a note such as "The sources do not say anything about X on this.").
    """
    out: list[tuple[str, tuple[int, ...]]] = []
    end = 0
    for m in _CITED_SENTENCE.finditer(text):
        out.append((m.group(0).strip(), tuple(dict.fromkeys(refs_in(m.group(0))))))
        end = m.end()
    return out, text[end:].strip()


def refs_in(text: str) -> list[int]:
    return [n for m in MARKER.finditer(text) for n in refs(m)]


def tidy(answer: Answer, embed: SentenceEmbed | None = None) -> Answer:
    """An answer built elsewhere (the positions matrix) held to the same rules as the
    extractive one: no furniture; a sentence leaning on the one before it gets that sentence
    from its cited passage, placed right before it and cited too (or goes, when the passage
    does not hold it); each claim once, citing all its passages. Citations are renumbered by
    first use; the unused ones go.
    """
    if answer.abstained:
        return answer
    sentences, rest = cited_sentences(answer.text)
    if not sentences:
        return answer
    by_n = {c.n: c for c in answer.citations}
    plain = [unmark(t) for t, _ in sentences]
    vecs = embed(plain) if embed is not None and len(plain) > 1 else None
    kept: list[tuple[int, str, list[int]]] = []  # (sentence index or -1, text, citations)
    for i, (_, nums) in enumerate(sentences):
        if is_furniture(plain[i]) or is_instruction(plain[i]):
            continue
        if leans_on_previous(plain[i]) and (
            not kept or kept[-1][0] != i - 1 or not set(kept[-1][2]) & set(nums)
        ):
            lead = _lead_in(by_n[nums[0]], plain[i]) if nums and nums[0] in by_n else None
            if lead is None:
                continue
            texts, joined = lead
            by_n[nums[0]] = joined
            for t in texts:  # a lead already said alone is said once, here, before its quote
                kept = [k for k in kept if not _said_in(k, t, joined, by_n)]
            kept.extend((-1, t, [nums[0]]) for t in texts)
            kept.append((i, plain[i], [nums[0]]))
            continue
        for j, _, merged in kept:
            if j < 0:
                continue
            sim = float(vecs[i] @ vecs[j]) if vecs is not None else None
            if same_claim(plain[i], plain[j], sim):
                merged.extend(n for n in nums if n not in merged)
                break
        else:
            kept.append((i, plain[i], list(nums)))
    unchanged = [(i, list(nums)) for i, (_, nums) in enumerate(sentences)]
    if [(i, c) for i, _, c in kept] == unchanged:
        return answer
    numbering: dict[int, int] = {}
    parts = []
    for _, text, cites in kept:
        for n in cites:
            if n in by_n and n not in numbering:
                numbering[n] = len(numbering) + 1
        marks = [numbering[n] for n in cites if n in numbering]
        parts.append(attach(text, format_refs(marks, grouped=True)))
    citations = [replace(by_n[old], n=new) for old, new in numbering.items()]
    text = " ".join(parts + ([rest] if rest else []))
    return replace(answer, text=text, citations=citations)


def _said_in(
    k: tuple[int, str, list[int]], lead: str, joined: Citation, by_n: Mapping[int, Citation]
) -> bool:
    """Whether kept sentence `k` is `lead`, quoted from the document the widened `joined`
    citation now quotes it from.
    """
    return (
        " ".join(k[1].split()) == " ".join(lead.split())
        and bool(k[2])
        and all(n in by_n and by_n[n].doc_id == joined.doc_id for n in k[2])
    )


def _lead_in(c: Citation, sentence: str, most: int = 2) -> tuple[list[str], Citation] | None:
    """The sentences before the cited quote in its passage that it leans on, up to the first
    that stands alone (at most `most`), and the citation widened to quote them all; None when
    the passage does not hold them.
    """
    from index.chunking import sentence_spans

    at = c.text.find(c.quote) if c.quote else -1
    if at < 0 or not c.quote.startswith(sentence[:20]):
        return None
    before = [(a, b) for a, b in sentence_spans(c.text) if b <= at][::-1][:most]
    texts: list[str] = []
    for a, b in before:
        text = c.text[a:b]
        cut = lead_to_strip(text)
        rest = text[cut:].lstrip()
        a += len(text) - len(rest)
        if (
            not rest
            or is_furniture(rest)
            or is_instruction(rest)
            or is_fragment(rest)
            or not rest.rstrip().endswith((".", "!", '"', "\u201d"))
        ):
            return None
        texts.insert(0, rest)
        if not leans_on_previous(rest):
            quote = c.text[a : at + len(c.quote)]
            return texts, replace(c, quote=quote, span=(c.span[0] - (at - a), c.span[1]))
    return None
