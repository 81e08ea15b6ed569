"""Who wants what: stance statements found in the articles, each with its holder and citation.

The default needs no LLM: stance cues (demand, call for, reject, offer, warn, assure, ...) over a
real sentence splitter, and the party registry to find whose statement it is — the grammatical
subject, or the speaker of a quote — so that "Sherman rejected Russia's demands" is filed as the
United States rejecting, never as Russia demanding.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.parties import Mention, Registry
from assistant.types import Article, Citation, Position, StatementRow
from index.catalog import Catalog
from index.chunking import sentence_spans
from index.text import content_terms

STANCES = ("demands", "rejects", "offers", "warns", "assures")

_CUES: dict[str, str] = {
    "demands": r"demand(?:s|ed|ing)?|call(?:s|ed|ing)? (?:for|on)|insist(?:s|ed|ing)?(?: on| that)?|"
    r"urge[sd]?|urging|press(?:es|ed|ing)? for|seeks|sought|"
    r"will not abandon|(?:want|wants|wanted) (?:to see|guarantees|assurances)",
    "rejects": r"reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|rule[sd]? out|"
    r"ruled out|oppos(?:e|es|ed|ing)|will not (?:accept|allow|forego|agree|compromise|discuss)|"
    r"won't (?:accept|allow)|cannot accept|(?:is|was) a non-starter",
    "offers": r"offer(?:s|ed|ing)?|propos(?:e|es|ed|ing)|"
    r"(?:ready|willing|prepared|open) to (?:discuss|talk|negotiate|engage|meet|work|continue|"
    r"consider|explore|address|listen|look at|resume|return)",
    "warns": r"warn(?:s|ed|ing)?|threat(?:en|ens|ened|ening)",
    "assures": r"assur(?:e|es|ed|ing)|guarantee[sd]?|pledge[sd]?|promis(?:e|es|ed)|reaffirm(?:s|ed)?",
}
_CUE = re.compile("|".join(f"(?P<{k}>\\b(?:{v})\\b)" for k, v in _CUES.items()), re.IGNORECASE)
# Forms that are also nouns ("Russia's demands", "an offer") count only after a subject or an
# auxiliary, never after a determiner or possessive.
_AMBIGUOUS = re.compile(
    r"^(demands?|calls?|offers?|proposals?|threats?|pledges?|promises?|guarantees?|warnings?|"
    r"assurances?|insists?)\b",
    re.IGNORECASE,
)
_NOUN_LEFT = re.compile(
    r"(?:'s|’s|\b(?:its|their|his|her|our|the|these|those|this|that|a|an|any|such|key|make|"
    r"making|made|of|on|security|new|main|no|with|for))\s*$",
    re.IGNORECASE,
)
_DETERMINER_LEFT = re.compile(
    r"(?:'s|’s|\b(?:a|an|the|its|their|his|her|our|these|those))\s*$", re.I
)
_COLLECTIVE = re.compile(
    r"\s+(?:side|delegation|government|officials?|diplomats?|authorities|leadership|"
    r"negotiators?|administration|envoys?)\b"
)
_PREPOSITION_LEFT = re.compile(
    r"\b(?:in|with|to|from|against|on|at|for|by|about|toward|towards|into|over|between|of)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,4}$"
)
_QUOTES = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;:]\s+|\bthat\s+)(He|She|he|she)\s+\w+$")
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:[Ww]e|I)(?:\s+\w+){0,3}\s*$")


@dataclass(frozen=True)
class Statement:
    party_id: str
    stance: str
    sentence: str
    span: tuple[int, int]  # absolute, in the document
    about: str
    speaker: str
    voice: str


def find_statements(text: str, registry: Registry, source_party: str | None) -> list[Statement]:
    """Every stance statement in a document, with whose statement it is."""
    out: list[Statement] = []
    last_person: Mention | None = None
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        mentions = registry.mentions(sentence)
        quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(sentence)]
        seen: set[tuple[str, str]] = set()
        for cue in _CUE.finditer(sentence):
            stance = next(k for k, v in cue.groupdict().items() if v)
            left = sentence[: cue.start()]
            if _DETERMINER_LEFT.search(left) or (
                _AMBIGUOUS.match(cue.group(0)) and _NOUN_LEFT.search(left)
            ):
                continue
            in_quote = any(a <= cue.start() < b for a, b in quotes)
            holders, speaker = _holders(sentence, cue.start(), mentions, quotes, in_quote, registry)
            if not holders and _PRONOUN_SUBJECT.search(left) and last_person is not None:
                holders, speaker = [last_person.party], last_person.person
            if not holders and source_party and _FIRST_PERSON_SUBJECT.search(left):
                holders = [source_party]
            voice = (
                "own" if in_quote or (source_party and source_party in holders) else "paraphrase"
            )
            about = _about(sentence, cue.end())
            for party_id in holders:
                if (party_id, stance) in seen:
                    continue
                seen.add((party_id, stance))
                out.append(Statement(party_id, stance, sentence, (s, e), about, speaker, voice))
        persons = [m for m in mentions if m.person]
        if persons:
            last_person = persons[-1]
    return out


def _holders(
    sentence: str,
    cue_at: int,
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
    in_quote: bool,
    registry: Registry,
) -> tuple[list[str], str]:
    def outside(m: Mention) -> bool:
        return not any(a <= m.start < b for a, b in quotes)

    if in_quote:  # the speaker: a name outside the quotes, preferably next to a speech verb
        speakers = [m for m in mentions if outside(m) and _eligible(sentence, m, registry)]
        return ([speakers[0].party], speakers[0].person) if speakers else ([], "")
    clause_start = max(
        (sentence.rfind(sep, 0, cue_at) for sep in ("; ", ": ", " – ", " — ", ", which", ", but")),
        default=-1,
    )
    before = [
        m
        for m in mentions
        if clause_start < m.start
        and m.end <= cue_at
        and outside(m)
        and _eligible(sentence, m, registry)
    ]
    if not before:
        return [], ""
    group = [before[-1]]
    for m in reversed(before[:-1]):  # "The United States and NATO are calling for ..."
        gap = sentence[m.end : group[0].start]
        appositive = m.party == group[0].party and not gap.strip()
        joined = re.fullmatch(r"\s*(?:,|and|as well as)\s+(?:the\s+)?[\w\s-]{0,40}", gap)
        if appositive or joined:
            group.insert(0, m)
        else:
            break
    # A speaker's title names their party too: keep the person, count the party once.
    parties = list(dict.fromkeys(m.party for m in group))
    person = next((m.person for m in reversed(group) if m.person), "")
    return parties, person


def _eligible(sentence: str, m: Mention, registry: Registry | None = None) -> bool:
    """A subject, not a possessive ("Russia's demands"), a prepositional object ("with NATO")
    or an adjective modifying something else ("Russian military build-up").
    """
    after = sentence[m.end : m.end + 2]
    if after.startswith(("'s", "’s")):
        return False
    if registry is not None and not m.person and registry.is_adjective(m.text):
        if not _COLLECTIVE.match(sentence[m.end :]):
            return False
    return not _PREPOSITION_LEFT.search(sentence[: m.start])


def _about(sentence: str, at: int) -> str:
    rest = sentence[at:].strip(" ,:;")
    rest = re.split(r"(?<=[.;!?])\s|, (?:he|she|they) said|, said\b", rest)[0]
    words = rest.split()
    return " ".join(words[:25]).rstrip('.,;:"”') + (" …" if len(words) > 25 else "")


# --- from statements to positions ---------------------------------------------------------------


def _link(positions: list[Position]) -> list[Position]:
    terms = [set(content_terms(p.about or p.text)) for p in positions]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(positions):
        groups.setdefault((p.party_id, p.stance), []).append(i)
    out = []
    for i, p in enumerate(positions):
        same_docs = {p.citation.doc_id}
        superseded_by = ""
        for j in groups[(p.party_id, p.stance)]:
            q = positions[j]
            if i == j:
                continue
            overlap = _jaccard(terms[i], terms[j])
            if overlap >= 0.3:
                same_docs.add(q.citation.doc_id)
            later = q.said_on and p.said_on and q.said_on > p.said_on
            if later and 0.3 <= overlap < 0.8 and not superseded_by:
                superseded_by = q.citation.chunk_id
        out.append(replace(p, corroboration=len(same_docs), superseded_by=superseded_by))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_DANGLING = re.compile(r"^(?:their|its|his|her|these|those|this|that|it|them)\b", re.IGNORECASE)


def dangling(p: Position) -> bool:
    """Whether the statement leans on context the reader does not have ("their implementation")."""
    return _DANGLING.match(p.about) is not None


def rank(positions: Iterable[Position]) -> list[Position]:
    """Most useful first: current, self-contained, in the party's own words, corroborated."""
    return sorted(
        positions,
        key=lambda p: (
            p.superseded_by != "",
            dangling(p),
            p.voice != "own",
            -p.corroboration,
        ),
    )


def filter_positions(
    positions: Sequence[Position],
    party: str | None = None,
    stance: str | None = None,
) -> list[Position]:
    return [
        p
        for p in positions
        if (party is None or party in (p.party_id, p.party))
        and (stance is None or p.stance == stance)
    ]


_STANCE_WORDS = {
    "demands": r"demand|want|ask(?:s|ing)? for|call(?:s|ing)? for|insist|seek|expect",
    "rejects": r"reject|refuse|oppose|dismiss|rule out|red line",
    "offers": r"offer|propose|ready to|willing to|prepared to|concession",
    "warns": r"warn|threat",
    "assures": r"assure|guarantee|promise|pledge",
}


def stance_of_question(question: str) -> str | None:
    for stance, words in _STANCE_WORDS.items():
        if re.search(rf"\b(?:{words})", question, re.IGNORECASE):
            return stance
    return None


class Annotator:
    """Finds a document's stance statements at ingest time (learning its speakers first), so
    asking for positions reads stored rows instead of re-reading every document.
    """

    def __init__(self, registry: Registry, catalog: Catalog) -> None:
        self.registry = registry
        self._catalog = catalog
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> list[StatementRow]:
        return self.statements(article.text, article.source)

    def statements(self, text: str, source: str) -> list[StatementRow]:
        with self._lock:
            before = dict(self.registry.people)
            self.registry.learn_people(text)
            new = {k: v for k, v in self.registry.people.items() if k not in before}
            self._catalog.add_people(new)
            found = find_statements(text, self.registry, self.registry.party_of_source(source))
        return [
            StatementRow(
                st.party_id, st.stance, st.span[0], st.span[1], st.about, st.speaker, st.voice
            )
            for st in found
        ]

    def backfill(self) -> int:
        """Annotate documents stored before statements were kept (once per store)."""
        rows = self._catalog.documents_without_statements_pass()
        for _doc_id, text, _source, _date in rows:
            self.registry.learn_people(text)
        for doc_id, text, source, _date in rows:
            self._catalog.replace_statements(doc_id, self.statements(text, source))
        self._catalog.mark_statements_pass()
        return len(rows)


class PositionIndex:
    """Positions read from the statements stored at ingest; the query path never scans the
    store. Corroboration and supersession are worked out among the statements selected.
    """

    def __init__(
        self,
        catalog: Catalog,
        registry: Registry,
        embed: Callable[[Sequence[str]], np.ndarray],
        limit: int = 500,
    ) -> None:
        self._catalog = catalog
        self.registry = registry
        self._embed = embed
        self._limit = limit
        self._vectors: dict[tuple[str, int], np.ndarray] = {}
        self._lock = threading.Lock()

    def all(self) -> list[Position]:
        return self.select()

    def _load(self, party_id: str | None, stance: str | None) -> list[Position]:
        rows = self._catalog.statement_rows(party_id, stance, self._limit)
        positions = []
        for stored in rows:
            doc_id, r, sentence = stored.doc_id, stored.row, stored.sentence
            pid, st, start, end = r.party_id, r.stance, r.start, r.end
            about, speaker, voice = r.about, r.speaker, r.voice
            title, source, date, url = stored.title, stored.source, stored.date, stored.url
            passage = self._catalog.chunk_at(doc_id, start)
            citation = Citation(
                n=0,
                doc_id=doc_id,
                chunk_id=getattr(passage, "chunk_id", ""),
                title=title or "",
                source=source or "",
                date=date or "",
                url=url or "",
                text=getattr(passage, "text", sentence),
                quote=sentence,
                span=(start, end),
                support=1.0,
            )
            positions.append(
                Position(
                    party=self.registry.name(pid),
                    party_id=pid,
                    stance=st,
                    text=sentence,
                    about=about or "",
                    citation=citation,
                    speaker=speaker or "",
                    voice=voice or "paraphrase",
                    said_on=date or "",
                )
            )
        positions.sort(key=lambda p: (p.said_on or "9999", p.citation.doc_id, p.citation.span[0]))
        return _link(positions)

    def select(
        self,
        topic: str | None = None,
        party: str | None = None,
        stance: str | None = None,
        min_similarity: float = 0.3,
    ) -> list[Position]:
        pid = (self.registry.find(party) or party) if party else None
        found = self._load(pid, stance)
        if topic and topic.strip() and found:
            with self._lock:
                missing = [p for p in found if _key(p) not in self._vectors]
                if missing:
                    vecs = self._embed([p.text for p in missing])
                    for p, v in zip(missing, vecs, strict=True):
                        self._vectors[_key(p)] = v
            q = self._embed([topic])[0]
            terms = set(content_terms(topic))
            keep = []
            for p in found:
                sim = float(np.asarray(self._vectors[_key(p)]) @ q)
                if sim >= min_similarity or terms & set(content_terms(p.text)):
                    keep.append((sim, p))
            found = [p for _, p in sorted(keep, key=lambda t: -t[0])]
        return found


def _key(p: Position) -> tuple[str, int]:
    return (p.citation.doc_id, p.citation.span[0])
