"""Answering a question from the sources: rewrite, retrieve, compose, verify, or abstain.

Both engines end in the same place: claims with citations, checked by the `Verifier`, numbered in
order of first use. An answer with no supported claim becomes an abstention that says so and shows
the closest passages; parts of a question the sources do not cover are named, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from assistant.attribution import (
    Voices,
    asked_speaker,
    is_question,
    spoken_by,
    voice_at,
)
from assistant.citations import (
    Claim,
    Support,
    Verifier,
    balance_quotes,
    build_citations,
    cited_in_quote,
    in_quote,
    is_instruction,
    parse,
    tidy,
)
from assistant.condense import arewrite, rewrite
from assistant.extractive import (
    ExtractiveConfig,
    Scored,
    SentenceCache,
    asks_several,
    compose,
    leans_at_start,
    quotable_sentences,
    readable_order,
    score_sentences,
    select,
    worth_embedding,
)
from assistant.full_names import name_in_full
from assistant.markers import NOT_IN_SOURCES, attach, format_refs, unmark
from assistant.selector import answer_type, shipped
from assistant.types import Answer, Passage, VoiceRow
from index.chunking import sentence_spans
from index.embeddings import Embedder
from index.reranker import Reranker
from index.search import Retriever
from index.text import (
    STOPWORDS,
    content_terms,
    mentions,
    named_entities,
    term_overlap,
    without_markup,
)
from index.types import Filters

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from assistant.positions import PositionIndex


@dataclass(frozen=True)
class AnswerConfig:
    passages: int = 12
    extractive: ExtractiveConfig = ExtractiveConfig()
    support_threshold: float = 0.55
    debug: bool = False  # keep unsupported sentences, flagged, instead of dropping them


class ChatModel(Protocol):
    """What the LLM engine needs of a chat model: a LangChain chat model (a Runnable), or any
    object whose `stream` over (role, text) pairs yields chunks with the text in `.content`
    (adapted by `assistant.llm.as_runnable`).
    """

    def stream(self, input: Any, /) -> Iterator[Any]: ...


class Answerer:
    def __init__(
        self,
        embedder: Embedder,
        retriever: Retriever,
        config: AnswerConfig | None = None,
        chat: ChatModel | None = None,
        positions: PositionIndex | None = None,
        voices: Voices | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self._voices = voices  # who speaks where, stored at ingest: quotes are attributed
        self._reranker = reranker  # a cross-encoder's score as a feature of the answer selector
        self._embedder = embedder
        self._retriever = retriever
        self.config = config or AnswerConfig()
        self._sentences = SentenceCache(embedder.embed_documents)
        self._verifier = Verifier(embedder.embed_documents, self.config.support_threshold)
        self._chat = chat
        self._positions = positions

    # --- public -------------------------------------------------------------------------------

    @property
    def voices(self) -> Voices | None:
        return self._voices

    def ask(
        self,
        question: str,
        history: Sequence[Any] | None = None,
        filters: Filters | None = None,
        engine: str = "extractive",
        use_positions: bool = True,
        passages: int | None = None,
    ) -> Answer:
        for item in self._run(question, history, filters, engine, use_positions, passages):
            if isinstance(item, Answer):
                return item
        raise AssertionError("_run always ends with an Answer")

    def stream(
        self,
        question: str,
        history: Sequence[Any] | None = None,
        filters: Filters | None = None,
        engine: str = "extractive",
        passages: int | None = None,
    ) -> Iterator[str | Answer]:
        """Yield text pieces as they come, then the verified `Answer` last."""
        streamed = False
        for item in self._run(question, history, filters, engine, True, passages):
            if isinstance(item, Answer) and not streamed:
                yield item.text  # the extractive engine has its whole answer at once
            streamed = True
            yield item

    def _run(
        self,
        question: str,
        history: Sequence[Any] | None,
        filters: Filters | None,
        engine: str,
        use_positions: bool,
        passages: int | None,
    ) -> Iterator[str | Answer]:
        """The one answering path: condense, maybe the positions matrix, retrieve, answer.
        Yields the LLM's pieces as they arrive, and always ends with the verified Answer.
        """
        question = without_markup(question.strip())
        if not question:
            yield Answer(text="Ask a question about the loaded sources.", abstained=True)
            return
        if engine == "llm":  # the LCEL chain: rewrite, retrieve, prompt, model, verify
            request = {"question": question, "history": history, "filters": filters}
            yield from self.chain("llm").stream({**request, "passages": passages})
            return
        standalone = self.rewrite(question, history)
        if engine != "llm" and filters is None and use_positions:
            from_matrix = self._from_positions(question, standalone)
            if from_matrix is not None:
                from_matrix = tidy(from_matrix, self._embedder.embed_documents)
            if from_matrix is not None and from_matrix.citations:
                yield from_matrix
                return
        # The extractive engine scores every sentence it is given: it reads the matched chunks
        # (wider windows cost 5x the time and lost gold fact recall, 0.536 -> 0.484); an LLM
        # gets the passages with their surrounding sentences.
        found = self._retriever.search(
            standalone,
            k=passages or self.config.passages,
            filters=filters,
            window=0 if engine != "llm" else None,
        )
        # a chunk opening on "This is with regard to ..." is read with the sentences before it
        found = [self._retriever.lead_in(p) if leans_at_start(p) else p for p in found]
        yield self._extractive(question, standalone, found)

    # --- the parts the LLM chain (assistant.chain) is composed of -------------------------------

    @property
    def chat(self) -> ChatModel | None:
        return self._chat

    @property
    def reranker(self) -> Reranker | None:
        return self._reranker

    @property
    def verifier(self) -> Verifier:
        return self._verifier

    def chain(self, engine: str = "llm") -> Runnable[Any, Any]:
        """The answerer as a LangChain `Runnable` (see assistant.chain)."""
        from assistant.chain import build_engine_chain

        return build_engine_chain(self, engine)

    def rewrite(self, question: str, history: Sequence[Any] | None) -> str:
        """The stand-alone question: by the model when one is set up, by the rules otherwise."""
        return rewrite(question, history, self._chat)

    async def arewrite(self, question: str, history: Sequence[Any] | None) -> str:
        return await arewrite(question, history, self._chat)

    def retrieve(
        self, standalone: str, passages: int | None = None, filters: Filters | None = None
    ) -> list[Passage]:
        """Passages for an LLM: the matched chunks with their surrounding sentences."""
        return self._retriever.search(
            standalone, k=passages or self.config.passages, filters=filters, window=None
        )

    def verify_reply(
        self, question: str, standalone: str, reply: str, passages: Sequence[Passage]
    ) -> Answer:
        """Keep the reply's sentences that their cited passages support; drop the rest, and
        say how many were dropped (a reader must know the model said more than is shown).
        """
        kept: list[tuple[Claim, Support]] = []
        dropped = 0
        for claim in parse(reply, len(passages)):
            if not claim.cited or is_instruction(claim.text):
                # an uncited sentence is not allowed to stand ("The sources do not say." is
                # the reply's own abstention, not a dropped claim)
                dropped += not claim.text.startswith(NOT_IN_SOURCES.rstrip("."))
                continue
            sup = self._verifier.support(claim.text, passages, claim.cited)
            if sup.score >= self._verifier.threshold:
                kept.append((claim, sup))
            elif self.config.debug:
                kept.append((Claim(f"[unsupported] {claim.text}", claim.cited), sup))
            else:
                dropped += 1
        if not kept:
            return self._abstain(question, standalone, passages)
        text, citations = build_citations(kept, passages)
        if dropped:
            text += " " + dropped_note(dropped)
        return Answer(text, citations, False, question, standalone)

    # --- extractive ---------------------------------------------------------------------------

    def _extractive(self, question: str, standalone: str, passages: list[Passage]) -> Answer:
        cfg = self.config.extractive
        if not passages:
            return self._abstain(question, standalone, passages)
        qvec = self._embedder.embed_query(standalone)
        vecs = self._sentences.vectors(passages, worth_embedding(standalone, passages))
        selector = shipped(reranked=self._reranker is not None)
        scored = score_sentences(standalone, qvec, passages, vecs, cfg, selector, self._reranker)
        voices = self._voices.of([p.doc_id for p in passages]) if self._voices else {}
        # a journalist's question is never an answer
        scored = [s for s in scored if not is_question(voices.get(_doc(passages, s), ()), s.span)]
        by_key = {(s.passage, s.order): vecs[s.passage - 1][s.order] for s in scored}
        # what may be quoted once the sources answer; whether they do is decided on the closer
        # sentences (`relevant`), so a lower floor for quoting never costs an abstention
        quotable = quotable_sentences(standalone, scored, cfg)
        who = asked_speaker(standalone) if self._voices else ""
        if who and self._voices:  # "What did Sherman say ...": Sherman's own words first
            theirs = [
                s
                for s in quotable
                if spoken_by(voice_at(voices.get(_doc(passages, s), ()), s.span), who, self._voices)
            ]
            if any(s.similarity >= cfg.min_similarity for s in theirs):
                quotable = theirs
        relevant = [s for s in quotable if s.similarity >= cfg.min_similarity]
        if not relevant or max(s.relevance for s in relevant) < selector.abstain_below:
            # no sentence is likely enough to hold the answer: say so, show the closest, and
            # name what the question asks about that no passage mentions ("Interpol", "the
            # Pink Panthers"), as the check on asked names below would
            absent = self._unmentioned(asked_names(standalone, passages), passages)
            return self._abstain(question, standalone, passages, absent)
        kept = select(quotable, by_key, cfg, selector.keep_ratio)
        entities = asked_names(standalone, passages)
        uncovered: list[str] = []

        def names(entity: str, s: Scored) -> bool:
            """The sentence names the entity, or is in their own words."""
            if self._names(entity, s.text):
                return True
            voice = voice_at(voices.get(_doc(passages, s), ()), s.span)
            return self._voices is not None and spoken_by(voice, entity, self._voices)

        for entity in entities:
            # named by a sentence close enough to decide that the sources answer
            if any(names(entity, s) for s in kept if s.similarity >= cfg.min_similarity):
                continue
            about = [s for s in relevant if names(entity, s)]
            if about:
                kept.append(max(about, key=lambda s: s.relevance))
            else:
                uncovered.append(entity)
        # a name that no retrieved passage holds is in none of the sources (lexical search
        # would have found it): the question is about something else than what they cover
        # (a two-part question, or one about "X and Y", may be answered in part; days and
        # months are no asked names at all)
        unknown = [
            e
            for e in self._unmentioned(uncovered, passages)
            if not asks_several(standalone) and not _coordinated(e, entities, standalone)
        ]
        if _outside_sources(entities, uncovered, unknown, standalone):
            # The question is about someone or something the sources never mention: any
            # sentence we picked would answer a different question.
            return self._abstain(question, standalone, passages, uncovered)
        if len(entities) < 2:
            uncovered = []
        kept = readable_order(kept, passages, cfg.min_similarity)
        claims = _quoted(compose(kept, relevant, passages, by_key, cfg), passages)
        claims = self._in_full(claims, passages)
        if self._voices:
            claims = self._attributed(claims, passages, voices)
        if coverage(question, standalone, [c.text for c, _ in claims]) < cfg.min_question_coverage:
            # the sentences are about the question's topic, not what it asks ("Which country
            # staged a massive military parade this week ...?" answered with a small town's
            # parade): quoting them would read as an answer
            return self._abstain(question, standalone, passages)
        text, citations = build_citations(claims, passages, grouped=True)
        if uncovered:
            text += " " + _uncovered_note(uncovered)
        return Answer(text, citations, False, question, standalone, uncovered)

    def _unmentioned(self, names: Sequence[str], passages: Sequence[Passage]) -> list[str]:
        """The names no retrieved passage mentions: lexical search would have found them, so
        they are in none of the sources.
        """
        return [e for e in names if not any(self._names(e, p.text) for p in passages)]

    def _in_full(
        self, claims: list[tuple[Claim, Support]], passages: Sequence[Passage]
    ) -> list[tuple[Claim, Support]]:
        """A person first named by surname alone is named in full ("[Sarah Snook]")."""
        docs = [passages[sup.passage - 1].doc_id for _, sup in claims]
        texts = name_in_full(
            [c.text for c, _ in claims],
            docs,
            [sup.span[0] for _, sup in claims],
            self._retriever.document_text,
            self._is_party,
        )
        return [(Claim(t, claim.cited), sup) for t, (claim, sup) in zip(texts, claims, strict=True)]

    def _is_party(self, name: str) -> bool:
        """A state, capital or organisation the registry knows (never a person's surname)."""
        return self._positions is not None and self._positions.registry.find_party(name) is not None

    def _attributed(
        self,
        claims: list[tuple[Claim, Support]],
        passages: Sequence[Passage],
        voices: Mapping[str, Sequence[VoiceRow]],
    ) -> list[tuple[Claim, Support]]:
        """Each quoted sentence says whose words it is when it does not say so itself."""
        assert self._voices is not None
        rows = []
        for claim, sup in claims:
            p = passages[sup.passage - 1]
            rows.append((p.doc_id, claim.text, sup.span, p.date))
        texts = self._voices.attributed(rows, voices)
        return [(Claim(t, claim.cited), sup) for t, (claim, sup) in zip(texts, claims, strict=True)]

    def _from_positions(self, question: str, standalone: str) -> Answer | None:
        """Answer "What does X demand?" from X's own statements in the positions matrix."""
        if self._positions is None:
            return None
        from assistant.positions import ANY, dangling, question_topic, rank, stance_of_question

        if _RESPONSE.search(standalone):
            # "How did X respond to Y's offer?": "offer" is Y's stance, not X's; the answer is
            # in X's own words, whatever their stance (the extractive path, X's voice first)
            return None
        if asks_for_a_fact(standalone):
            return None
        stance = stance_of_question(standalone)
        parties = self._positions.parties_in(standalone)
        if stance is None or not parties:
            return None
        found = self._positions.select(party=parties[0], stance=None if stance == ANY else stance)
        if len(parties) > 1:  # "What is X asking Y to do?": X's statements about Y
            target = self._positions.registry.name(parties[1])
            about = [p for p in found if self._names(target, p.text)]
            found = about or found
        registry = self._positions.registry
        asked = parties[:2]  # the holder and the target
        mentions = registry.mentions(standalone)
        named = [m.text for m in mentions if m.party in asked]
        # a party the documents named is found by a word of its name ("the guild")
        words = [w.strip("'’") for p in asked for w in registry.name(p).split() if len(w) >= 4]
        topic = question_topic(standalone, [*named, *(registry.name(p) for p in asked), *words])
        # a known party named besides them ("a halt to NATO enlargement") is not the subject
        # when the question has one; a name the documents gave ("in Europe") may be
        besides = [m.text for m in mentions if m.party not in asked and not m.person]
        topic = (topic - question_topic(" ".join(besides), [])) or topic
        if not question_topic(_CAPITALISED.sub(" ", standalone), []):
            # only names left ("What does Harwick City Council offer?" when the party found is
            # another council): the name of a party not found is no topic
            topic = set()
        # "What does Moscow want Washington to do about its military footprint in Europe?":
        # its statements on that; none on it, and the passages answer (X's voice first)
        on_topic = {id(p): len(topic & set(content_terms(p.text))) for p in found} if topic else {}
        if topic:
            found = [p for p in found if on_topic[id(p)]]
        if not found:
            return None
        found = rank(found)
        if topic:
            found.sort(key=lambda p: -on_topic[id(p)])
        whole = [p for p in found if not dangling(p)]
        found = whole if len(whole) >= 2 else found
        chosen: list[Any] = []
        for p in found:
            terms = set(content_terms(p.text))
            if all(_containment(terms, set(content_terms(c.text))) < 0.7 for c in chosen):
                chosen.append(p)
            if len(chosen) == self.config.extractive.max_sentences:
                break
        chosen.sort(key=lambda p: (p.said_on or "9999", p.citation.span[0]))
        texts = [cited_in_quote(unmark(p.text), p.citation) for p in chosen]
        if self._voices:  # "Our position remained unchanged" says whose position it is
            rows = [
                (p.citation.doc_id, t, p.citation.span, p.said_on or p.citation.date)
                for p, t in zip(chosen, texts, strict=True)
            ]
            texts = self._voices.attributed(rows)
        parts, citations = [], []
        for n, (p, text) in enumerate(zip(chosen, texts, strict=True), 1):
            citations.append(replace(p.citation, n=n))
            parts.append(attach(balance_quotes(text), format_refs([n])))
        return Answer(" ".join(parts), citations, False, question, standalone)

    def _names(self, entity: str, text: str) -> bool:
        """Whether text names the entity, directly or through a party alias (Americans/US)."""
        if mentions(_untitled(entity), text) or _spelled_out(entity, text):
            return True
        if self._positions is None:
            return False
        registry = self._positions.registry
        party = registry.find(entity)
        if party is None:
            found = registry.mentions(entity)
            party = found[0].party if found else None
        return party is not None and any(m.party == party for m in registry.mentions(text))

    def _abstain(
        self,
        question: str,
        standalone: str,
        passages: Sequence[Passage],
        missing: Sequence[str] = (),
    ) -> Answer:
        closest = list(passages[:3])
        text = f"{NOT_IN_SOURCES} None of the loaded sources answers this question"
        if missing:
            text = (
                f"{NOT_IN_SOURCES} {_uncovered_note(list(missing)).replace('The sources', 'They')}"
            )
        elif closest:
            text += ", though some passages come close."
        else:
            text += "."
        return Answer(text, [], True, question, standalone, list(missing), closest)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*")
_RESPONSE = re.compile(
    r"\b(?:respond|responded|responds|react|reacted|reacts|reply|replied|replies|answer|"
    r"answered|response|reaction)\b",
    re.IGNORECASE,
)


# "where": a place, unless it is "where does X stand on ..." (a position)
_WHERE = re.compile(r"\bwhere\b(?!\s+(?:does|do|did)\b.*\bstand\b)", re.IGNORECASE)


def asks_for_a_fact(question: str) -> bool:
    """Whether the question asks for one kind of thing (a year, a number, a duration, a person,
    a place): "To the situation of which year does Russia want NATO returned?" is answered by
    the sentence with the year, not by Russia's demands from the positions matrix. (Gold fact
    recall 0.695 -> 0.727; RealTime QA dev unchanged.)
    """
    return answer_type(question) is not None or _WHERE.search(question) is not None


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# titles before a person's name: "President X" is not named by a sentence about another president
_TITLES = frozenset(
    "president vice prime minister chancellor secretary general deputy foreign ambassador "
    "senator sen rep representative governor mayor king queen prince princess pope mr mrs ms "
    "dr gen col adm lt sgt capt judge justice chairman chairwoman chair premier sheikh".split()
)


def _untitled(entity: str) -> str:
    """The entity without the titles before a name ("President Zelensky" -> "Zelensky"), so a
    sentence naming another president does not count as naming this one.
    """
    words = entity.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().strip(".") in _TITLES:
        i += 1
    return " ".join(words[i:])


def _spelled_out(acronym: str, text: str) -> bool:
    """Whether text writes the acronym out ("AI": "artificial intelligence")."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    # a stopword starts no word of the name ("and in" does not spell "AI")
    words = re.findall(r"[A-Za-z]+", text)
    n = len(acronym)
    initials = "".join("_" if w.lower() in STOPWORDS else w[0] for w in words).upper()
    return any(initials[i : i + n] == acronym for i in range(len(initials) - n + 1))


def _coordinated(entity: str, entities: Sequence[str], question: str) -> bool:
    """Whether the question joins the entity to another with "and"/"or" ("What did Okafor and
    Messi score?"): each is a part of the question, and one may be answered without the other.
    """
    others = "|".join(re.escape(e) for e in entities if e != entity)
    if not others:
        return False
    me = re.escape(entity)
    joint = r"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)"
    return (
        re.search(rf"(?:{me}){joint}(?:{others})|(?:{others}){joint}(?:{me})", question) is not None
    )


def premise(question: str) -> str:
    """What the question states before it asks ("Jack Schlossberg announced he is running for a
    House seat. Which former president was his grandfather?": the first sentence), or "".
    """
    spans = sentence_spans(question)
    if len(spans) < 2 or not question[spans[-1][0] : spans[-1][1]].endswith("?"):
        return ""
    return question[: spans[-1][0]].strip()


def asked_names(question: str, passages: Sequence[Passage]) -> list[str]:
    """The names a question asks about, as the sources must name them to answer it.

    Not a day or a month ("went down on Monday": the passages' dates say when), and not the
    question's first word when it is capitalised only because it opens the sentence ("Police in
    Rio de Janeiro foiled ...", "Students in the UK ..."): the answer said that the sources "do
    not say anything about Police". Such a word is a common one when the passages write it in
    lower case at least as often as capitalised inside a sentence.
    """
    names = [e for e in named_entities(question) if e.lower() not in _CALENDAR]
    if names and question.lstrip(" \"'(\u201c").startswith(names[0]):
        first, _, rest = names[0].partition(" ")
        if _common_word(first, [p.text for p in passages]):
            names = ([rest] if rest else []) + names[1:]
    return names


def _common_word(word: str, texts: Sequence[str]) -> bool:
    lower = re.compile(rf"\b{re.escape(word.lower())}\b")
    capital = re.compile(rf"\b{re.escape(word)}\b")
    low = sum(len(lower.findall(t)) for t in texts)
    inside = sum(
        1
        for t in texts
        for m in capital.finditer(t)
        if t[: m.start()].rstrip(" \"'(\u201c\u2018")[-1:] not in ("", ".", "!", "?", ":", "\n")
    )
    return low > 0 and low >= inside


def coverage(question: str, standalone: str, texts: Sequence[str]) -> float:
    """The share of the question's content terms that the answer's sentences hold (1.0 for a
    question of fewer than two: "How long did it last?").

    A follow-up's context from earlier turns ("How long did it last? (NATO-Russia Council
    Brussels ...)") is for finding passages, not what the user asks now: it is left out.
    """
    asked = _CONTEXT_ADDED.sub("", standalone) if standalone != question else question
    terms = set(content_terms(_KIND_ASKED.sub(" ", asked)))
    return term_overlap(terms, " ".join(texts)) if len(terms) >= 2 else 1.0


_CONTEXT_ADDED = re.compile(r"\s*\([^()]*\)\s*$")
# the words that ask for a kind of thing, which an answer holds as the thing itself ("How long
# did the talks last?": "four hours")
_KIND_ASKED = re.compile(
    r"\bhow\s+(?:long|far|old|often|soon|big|large|many|much)\b|\blast(?:ed|s)?\s*\?",
    re.IGNORECASE,
)


def _outside_sources(
    entities: Sequence[str], uncovered: Sequence[str], unknown: Sequence[str], question: str
) -> bool:
    """Whether the sources are about something else than the question: its first name, or all
    its names, are covered by no relevant sentence, or one is in no passage at all.

    A name the question only states in its set-up is the user's context, not what is asked:
    the sources may answer the question without confirming it (the answer then says that they
    do not mention it). It still decides when nothing the set-up names is in any passage: then
    the sources do not know the story the question is about.
    """
    if not uncovered:
        return False
    stated = premise(question)
    asked = question[len(stated) :] if stated else question
    context = [e for e in entities if stated and mentions(e, stated) and not mentions(e, asked)]
    core = [e for e in entities if e not in context]
    missing = [e for e in core if e in uncovered]
    if missing and (
        core[0] in missing or len(missing) == len(core) or any(e in unknown for e in core)
    ):
        return True
    if not context:  # (days and months are never in it: `asked_names` leaves them out)
        return False
    if not core:  # "... Whom did he replace?": the set-up's first name is whom it asks about
        return context[0] in uncovered or all(e in uncovered for e in context)
    return all(e in unknown for e in context)


def _doc(passages: Sequence[Passage], s: Scored) -> str:
    return passages[s.passage - 1].doc_id


def dropped_note(n: int) -> str:
    """What an answer says when the verifier removed sentences of the model's reply."""
    if n == 1:
        return "(One sentence of the model's reply was left out: its sources do not support it.)"
    return f"({n} sentences of the model's reply were left out: their sources do not support them.)"


def _containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: catches a sentence restated at length."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _quoted(
    claims: list[tuple[Claim, Support]], passages: Sequence[Passage]
) -> list[tuple[Claim, Support]]:
    """A sentence from the middle of a quote is written in quotation marks (`in_quote`); the
    claim is found in its passage around the support's span, which may hold a neighbour too.
    """
    out = []
    for claim, sup in claims:
        p = passages[sup.passage - 1]
        at = p.text.find(claim.text, max(0, sup.span[0] - p.start))
        if at >= 0:
            end = at + len(claim.text)
            claim = Claim(in_quote(claim.text, p.text, at, end, p.start == 0), claim.cited)
        out.append((claim, sup))
    return out


def _uncovered_note(names: list[str]) -> str:
    joined = ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]
    return f"The sources do not say anything about {joined} on this."
