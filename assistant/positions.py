"""Who wants what: stance statements stored at ingest, read back as cited positions.

Statements are read from spaCy's parse at ingest (`assistant.stance`), any party the text names
can hold one, and the question path only reads stored rows.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np

from assistant.holder_names import joined_bodies
from assistant.instructions import is_instruction
from assistant.parties import Registry
from assistant.party_names import joined_names, usable_holder
from assistant.stance import StanceReader
from assistant.types import Annotations, Article, Citation, Position, StatementRow, VoiceRow
from index.catalog import Catalog
from index.chunking import sentence_spans
from index.language import Parser
from index.text import content_terms, mentions, named_entities

STANCES = ("demands", "rejects", "offers", "warns", "assures")

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


_DANGLING = re.compile(
    r"^(?:(?:on|in|to|for|of|with|about|at)\s+)?(?:their|its|his|her|these|those|this|that|it|"
    r"them|they|such)\b",
    re.IGNORECASE,
)


def dangling(p: Position) -> bool:
    """Whether the statement leans on context the reader does not have ("their implementation")."""
    return _DANGLING.match(p.about) is not None or _DANGLING.match(p.text) is not None


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
    "demands": r"demand|want|ask(?:s|ing|ed)?\b|call(?:s|ing)? (?:for|on)|insist|seek|expect|"
    r"urg(?:e|es|ing)",
    "rejects": r"reject|refuse|oppose|dismiss|rule out|red line",
    "offers": r"offer|propose|ready to|willing to|prepared to|concession",
    "warns": r"warn|threat",
    "assures": r"assure|guarantee|promise|pledge",
}


_IN_LONGER_NAME = re.compile(r"\s+(?:of\s+)?[A-Z]")
# "did the", "does", "is the Russian": what comes next is the question's subject
_AFTER_AUXILIARY = re.compile(
    r"\b(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# another's stance, named as a thing, with what it is for ("Russia's call for a guaranteed
# halt", "Moscow's offer of talks"): not the stance asked about
_OWNED_STANCE = re.compile(
    r"\b[A-Z][\w.\-]*['’]s\s+(?:[a-z\-]+\s+)?(?:call|demand|offer|proposal|request|threat|"
    r"warning|guarantee|promise|pledge|refusal|rejection)s?\b[^,?;]*"
)
# "Where does X stand on ...": any of X's positions on it
_ANY_STANCE = re.compile(r"\b(?:stand|stands|standing|position|stance)\s+on\b", re.IGNORECASE)
ANY = "any"


# words of a question about a position that say nothing of its subject
_NOT_TOPIC = re.compile(
    r"\b(?:say|says|said|stand|stands|position|positions|stance|put|puts|forward|make|makes|"
    r"made|do|does|did|done|get|gets|kind|kinds|which|what|thing|things|side|sides)\b",
    re.IGNORECASE,
)


def question_topic(question: str, names: Sequence[str]) -> set[str]:
    """What a question about positions is about, as terms: its words without the parties it
    names, its stance words and its question words ("What does Moscow want Washington to do
    about its military footprint in Europe?" -> military, footprint, europe).
    """
    text = question
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?:['’]s)?(?!\w)", " ", text, flags=re.I)
    for words in _STANCE_WORDS.values():
        text = re.sub(rf"\b(?:{words})\w*", " ", text, flags=re.IGNORECASE)
    return set(content_terms(_NOT_TOPIC.sub(" ", text)))


def stance_of_question(question: str) -> str | None:
    """The stance a question asks about; `ANY` for "Where does X stand on ...?"; None when it
    asks about none.
    """
    own = _OWNED_STANCE.sub(" ", question)
    for stance, words in _STANCE_WORDS.items():
        if re.search(rf"\b(?:{words})", own, re.IGNORECASE):
            return stance
    if _ANY_STANCE.search(question):
        return ANY
    for stance, words in _STANCE_WORDS.items():  # "What are Russia's demands?": its own
        if re.search(rf"\b(?:{words})", question, re.IGNORECASE):
            return stance
    return None


def speakers_worth_keeping(people: dict[str, str], text: str) -> dict[str, str]:
    """The speaker links a document teaches that the question path may trust: a name whose
    words the text never writes in lower case, said in full there (a surname only with its
    full name), for a party that is neither a common word nor a person. The reader also links
    "Sergey Lavrov Before", "Council Briefing", "Europe" or a party "Aide", and a question
    starting "Before the talks, ..." then named Russia.
    """
    lower = set(re.findall(r"\b[a-z][a-z'’\-]*\b", text))
    full = [p for p in people if len(p.split()) >= 2]

    def plain(name: str) -> bool:
        words = re.findall(r"[A-Za-z][\w'’\-]*", name)
        return bool(words) and all(w[0].isupper() and w.lower() not in lower for w in words)

    kept = {}
    for person, party in people.items():
        whole = len(person.split()) >= 2 or any(f.split()[-1] == person for f in full)
        party_ok = len(party) >= 2 and (
            any(w.lower() not in lower for w in party.split()) and not any(f in party for f in full)
        )
        if whole and plain(person) and party_ok:
            kept[person] = party
    return kept


class Annotator:
    """Finds a document's stance statements at ingest time (learning its speakers first), so
    asking for positions reads stored rows instead of re-reading every document.
    """

    def __init__(self, registry: Registry, catalog: Catalog, parser: Parser) -> None:
        self.registry = registry
        self._catalog = catalog
        self._reader = StanceReader(parser, registry)
        self._lock = threading.Lock()

    def __call__(
        self, article: Article, spans: Sequence[tuple[int, int]] | None = None
    ) -> Annotations:
        return self.annotations(article.text, article.source, spans, article.title)

    def warm(self) -> None:
        """Load the parser (in its child process, seconds) while the ingest starts reading."""
        self._reader.parser.parse(["Ready."])

    def annotations(
        self,
        text: str,
        source: str,
        spans: Sequence[tuple[int, int]] | None = None,
        title: str = "",
    ) -> Annotations:
        """`spans` are the document's sentences when the caller has them already."""
        spans = sentence_spans(text) if spans is None else spans
        found, people, voices = self._reader.read(text, spans, source, title)
        ids = {
            person: self.party_id(party)
            for person, party in speakers_worth_keeping(people, text).items()
        }
        with self._lock:
            self._catalog.add_people(ids)  # the question path reads them after this ingest
        statements = tuple(
            StatementRow(
                self.party_id(holder), f.stance, f.start, f.end, f.about, f.speaker, f.voice
            )
            for f in found
            if (holder := usable_holder(f.holder, f.speaker, text))
        )
        return Annotations(
            statements,
            tuple(
                VoiceRow(
                    v.start, v.end, v.speaker, self.party_id(v.party) if v.party else "", v.kind
                )
                for v in voices
            ),
        )

    def party_id(self, name: str) -> str:
        """The registry's id for a party it knows, else the name the text gives it. The reader
        gives a known party its display name ("Spain" for "Madrid demanded"), so a registry
        alias it passes on unchanged is meant as itself: "Madrid" for "Madrid's mayor urged",
        the city, not the state whose capital it is.
        """
        pid = self.registry.find_party(name)
        if not pid:
            return name
        party = self.registry.parties.get(pid)
        if (
            party is not None
            and party.kind == "state"
            and name != party.name
            and name in party.names
        ):
            return name
        return pid

    def backfill(self) -> int:
        """Annotate documents stored before statements were kept (once per store)."""
        rows = self._catalog.documents_without_statements_pass()
        for doc_id, text, source, title in rows:
            notes = self.annotations(text, source, title=title)
            self._catalog.replace_statements(doc_id, notes.statements, notes.voices)
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
        self.limit = limit  # rows read per query; the eval reads everything
        self._vectors: dict[tuple[str, int], np.ndarray] = {}
        self._lock = threading.Lock()
        self._people_generation = catalog.generation()  # build_services read them up to here
        self._people_lock = threading.Lock()
        self._joined: tuple[int, dict[str, str]] = (-1, {})

    def _learn_people(self) -> None:
        """The speakers documents ingested since the start tied to a party ("Lavrov" ->
        Russia), as a restart would read them: without this a question asked right after an
        ingest was answered otherwise than the same question after a restart.
        """
        generation = self._catalog.generation()
        if generation != self._people_generation:
            with self._people_lock:  # two questions at once: one rebuilds the registry's index
                if generation != self._people_generation:
                    self.registry.add_people(self._catalog.learned_people())
                    self._people_generation = generation

    def joined(self) -> dict[str, str]:
        """Holder id -> the id it is shown under ("Trump" -> "Donald Trump", found apart in
        several documents), worked out again after each ingest.
        """
        generation = self._catalog.generation()
        if self._joined[0] != generation:
            with self._people_lock:
                if self._joined[0] != generation:
                    rows = self._catalog.statement_speakers()
                    write = self._catalog.holder_documents_write
                    joined = joined_bodies((pid for pid, _ in rows), self.registry.parties, write)
                    joined.update(joined_names(rows, self.registry.parties, write))
                    self._joined = (generation, joined)
        return self._joined[1]

    def parties_in(self, text: str) -> list[str]:
        """Party ids a question names, in the order it names them: registry aliases, or the
        names of parties found in the documents ("Northwind" for "Northwind Shipping").
        """
        self._learn_people()
        at: dict[str, int] = {}
        for m in self.registry.mentions(text):
            if m.person and _IN_LONGER_NAME.match(text, m.end):
                continue  # "Tallis Authors' Society": not the speaker called Tallis
            at.setdefault(m.party, m.start)
        low = text.lower().replace("’", "'")
        for pid in self._catalog.statement_parties():
            if pid in self.registry.parties or pid in at:
                continue
            words = pid.lower().replace("’", "'").split()
            heads = [pid.lower()] + [w.strip("'") for w in (words[0], words[-1]) if len(w) >= 4]
            for h in heads:
                hit = re.search(rf"(?<!\w){re.escape(h)}(?!\w)", low)
                if hit:
                    at[pid] = hit.start()
                    break
        # the question's subject first: "Apart from Ukraine, from which countries did
        # Stoltenberg ask Russia ...": Stoltenberg's (NATO's) statements, not Ukraine's
        subject = [p for p in at if _AFTER_AUXILIARY.search(text[: at[p]])]
        joined = self.joined()
        named = [joined.get(p, p) for p in sorted(at, key=lambda p: (p not in subject[:1], at[p]))]
        return list(dict.fromkeys(named))

    def all(self) -> list[Position]:
        return self.select()

    def _load(self, party_id: str | None, stance: str | None) -> list[Position]:
        joined = self.joined()
        if party_id:
            shown = joined.get(party_id, party_id)
            ids = [shown, *(k for k, v in joined.items() if v == shown)]
            rows = [r for i in ids for r in self._catalog.statement_rows(i, stance, self.limit)]
        else:
            rows = self._catalog.statement_rows(None, stance, self.limit)
        positions = []
        for stored in rows:
            doc_id, r, sentence = stored.doc_id, stored.row, stored.sentence
            if is_instruction(sentence):
                continue  # a planted instruction is no party's position
            pid, st, start, end = joined.get(r.party_id, r.party_id), r.stance, r.start, r.end
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
            names = named_entities(topic)
            keep = []
            for p in found:
                sim = float(np.asarray(self._vectors[_key(p)]) @ q)
                if not on_topic(names, p.party, p.text, p.citation.title, p.citation.text):
                    continue
                # the holder is no topic of their own statement, and a topic naming several
                # names all the others: on "Trump lawsuit against the BBC", Trump's words on
                # marijuana and a company's on tariffs ("... as the Trump administration
                # enters the White House") named Trump and were kept
                others = [n for n in names if not mentions(n, p.party)]
                where = " ".join((p.text, p.citation.title, p.citation.text))
                if len(names) > 1 and not all(mentions(n, where) for n in others):
                    continue
                own = set(content_terms(p.party)) if len(names) > 1 else set()
                if sim >= min_similarity or (terms - own) & set(content_terms(p.text)):
                    keep.append((sim, p))
            found = [p for _, p in sorted(keep, key=lambda t: -t[0])]
        return found


def on_topic(names: Sequence[str], *texts: str) -> bool:
    """Whether a source is about what a topic names (`named_entities`: "Nepal" of "Nepal
    protests"): in a week's news about everything, a statement on protests in Iowa or in China
    shares the topic's words but not its subject. A topic that names nothing leaves it to the
    search.
    """
    return not names or any(mentions(n, t) for n in names for t in texts)


def _key(p: Position) -> tuple[str, int]:
    return (p.citation.doc_id, p.citation.span[0])
