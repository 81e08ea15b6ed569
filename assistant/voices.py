"""Whose words each sentence is: read once at ingest, stored per document, read by the answers.

An analyst forwarding an answer must see who is speaking. Quoting "We reiterate our
long-standing invitation to Russia" without saying that the North Atlantic Council wrote it, or
"We had a frank and forthright discussion" without saying that Sherman said it, makes the
answer unusable. The speaker is often not in the sentence: it is the transcript's speaker label
a page above, the publisher of a first-person statement, or the name in the sentence before a
run of quotation. So this is read where the whole document is at hand (at ingest, beside the
stance statements) and stored as spans: a transcript turn, a party's own text, a named
speaker's quoted words, a journalist's or moderator's question. Text without a voice is the
outlet's own reporting, cited to the outlet.

Names and parties come from the stance reader's document state (people linked to their party
through titles, appositions and speaker labels), so both read the same document the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.described_speakers import BODIES, ROLES, DescribedSpeakers
from assistant.quote_spans import QuoteRun, quote_runs, sentence_quotes
from assistant.stance_words import _ORG_HEADS, _TITLE_WORDS, OUTLET_NOUNS, opening_word

# A run of quotation inside a sentence: straight or curly double quotes.
# (news copy mixes the marks: '\u201cThose doors don\u2019t knock themselves," Mayor Cavalier
# Johnson said.' opens curly and closes straight)
_QUOTED = re.compile(
    # an opening straight mark (at the start or after a space) runs to a closing mark, or to the
    # sentence's end when the quote runs on; curly marks likewise; a run-on quote's last
    # sentence is quoted up to its closing mark ('I have been underestimated," she said.')
    r"(?<![^\s(\[\u2014\u2013])\"[^\"\u201c\u201d]{3,}(?:[\"\u201d]|$)"
    r"|\u201c[^\u201d\"]{3,}(?:[\u201d\"]|$)"
    r"|^\u201d?[^\u201c\"]{3,}\u201d"
    r"|^[^\u201c\"]{2,}[^\s\u201c\"]\"(?=[\s,.;:!?)]|$)"
)
_SAY_WORDS = (
    "said|says|added|adds|wrote|writes|stressed|stresses|warned|warns|insisted|"
    "insists|declared|declares|stated|states|noted|notes|explained|explains|argued|argues|"
    "continued|replied|recalled|posted|tweeted|announced|emphasi[sz]ed|suggested|suggests|"
    "cautioned|vowed|vows|acknowledged|conceded|countered|asserted|asserts|maintained|admitted|"
    "reiterated|contended|contends|predicted|complained"
)
_SAY = rf"(?:{_SAY_WORDS})"
# what may follow an inverted "said he": the clause ends, or says where or when
INVERTED_END = (
    r"(?=\s*(?:[,.;:!?\"\u201d\u2014]|$|(?:in|on|at|to|after|before|later|then|again|"
    r"yesterday|today|last|this|when|while|as)\b))"
)
# verbs whose object is the one addressed, not the speaker ("told the Funke media group")
_REPORT = rf"(?:{_SAY_WORDS}|told|tells|asked|urged|urges)"
_NAME = (
    r"(?:[A-Z][\w.'\u2019\-]*(?:\s+(?:de|van|von|al|bin|der|la|le)?\s*[A-Z][\w.'\u2019\-]*){0,4})"
)
# what may stand between a name and its reporting verb: "Keir Starmer yesterday told ...",
# "Jim Mattis on Wednesday said", "Biden has vowed to ..."
_BETWEEN = (
    r"(?:(?:also|later|again|then|yesterday|today|tonight|previously|earlier|recently|quickly|"
    r"separately|repeatedly|publicly|privately|initially|once|first|finally|reportedly|has|have|"
    r"had|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|in (?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|(?:19|20)\d\d))\s+){0,3}"
)
# "Sherman said", "Lumio chairman Henrik Sand said", "Ryabkov, the deputy minister, said",
# "Another former Tory leader, William Hague, said", "The North American Electric Reliability
# Corporation (NERC) said"
_NAME_SAID = re.compile(
    rf"({_NAME})(?:\s+\([A-Z][\w.\-]{{1,15}}\))?"
    # (a title may hold one comma: "Frank Macchiarola, senior vice president of policy,
    # economics and regulatory affairs at API, said", "Tino Ortega, who started the gallery with
    # his friend, Diego Martinez, said"; not a second speaker's: "... at the ACLU, and Amol
    # Sinha, executive director of ACLU-NJ, said")
    rf"(?:,(\s+(?!(?:and|or|but)\b)[a-z][^,\"\u201c\u201d]{{0,119}},"
    rf"[^,\"\u201c\u201d]{{1,80}}"
    rf"|[^,\"\u201c\u201d]{{1,120}}),)?"
    rf"\s+{_BETWEEN}{_REPORT}\b"
)
# "Another former Tory leader, William Hague, said": a person's name set off by commas
_APPOSED_SAID = re.compile(
    rf"(?<=,\s)([A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){{1,3}}),\s+{_BETWEEN}"
    rf"(?:{_REPORT}|called|described|dubbed|termed)\b"
)
# a quote in a sentence whose subject calls something by it: "Kirby described the buildup as
# \u201cnot dramatic\u201d", "Fain accused Ford of ... \"scabs\"", "Cardi B slammed Trump as a ..."
_NAME_CALLED = re.compile(
    rf"({_NAME})(?:,[^,\"\u201c\u201d]{{1,120}},)?\s+{_BETWEEN}"  # "Andre Banks, director of ...,"
    r"(?:described|called|dubbed|termed|branded|labell?ed|hailed|blasted|slammed|denounced|"
    r"decried|praised|critici[sz]ed|accused|pledged|promised|characteri[sz]ed|chided|mocked|"
    # "Harris thanked Republicans \u201cwho ...\u201d", "Cohen demanded to \"free Ben & Jerry's\""
    r"echoed|thanked|demanded|condemned|defended|reaffirmed|welcomed|applauded|lauded)\b"
)
# an unnamed speaker described by the party they speak for: "one US official told CNN", "a
# senior Ukrainian official said", "a National Rifle Association official called ..."
_DESCRIBED_SAID = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal)\s+"
    r"(?:(?:senior|top|former|high-ranking|unnamed|anonymous|second|third)\s+)*"
    # (a date may follow it: "a BBC spokesperson on Dec. 16 said", "A BBC statement from Nov.
    # 13 says"; "a Trump legal team spokesperson" is Trump's, "a Harlow Water customer group
    # spokesperson" not Harlow Water's)
    rf"({_NAME})\s+(?:(?:government|administration|military|defen[cs]e|security|intelligence|"
    r"party|campaign|company|union|ministry|embassy|legal|press|media|communications|team|"
    r"office)\s+){0,2}"
    r"(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|officers?|aides?|"
    r"representatives?|negotiators?|advis[eo]rs?|executives?|statement)\s+"
    r"(?:(?:on|from)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?"
    rf"{_BETWEEN}(?:{_REPORT}|called|described)\b"
)
# the same in the plural, opening the sentence: "Trian officials have said ...", "Ukrainian
# officials told CNN ..."
_DESCRIBED_PLURAL = re.compile(
    rf"^\W*(?:(?:[Ss]enior|[Tt]op|[Ff]ormer|[Ii]ncoming|[Oo]utgoing)\s+)?({_NAME})\s+(?:(?:government|administration|"
    r"military|defen[cs]e|security|intelligence|party|campaign|company|union)\s+)?"
    r"(?:officials|sources|diplomats|executives|representatives|negotiators|aides|advis[eo]rs)\s+"
    rf"{_BETWEEN}(?:{_REPORT}|called|described)\b"
)
# a body speaking by the kind of body it is: "the company said in a statement", "the union
# responded", "the company's spokeswoman said"
_BODY_SAID = re.compile(
    r"\b[Tt]he\s+(company|firm|union|group|agency|organi[sz]ation|association|"
    r"airline|carmaker|automaker|bank|retailer|network|brand|league|club|board|council|"
    r"committee|ministry|department|commission|university|district|coalition|campaign)"
    r"(?:['\u2019]s\s+(?:statement|spokes(?:man|woman|person)|lawyers?))?\s+"
    rf"(?:also\s+|later\s+|then\s+)?(?:{_REPORT}|responded|wrote|posted|announced)\b"
)
# an outlet by what it is: "..., the news agency said", "the broadcaster reported", "the paper
# added" (in a press review, the outlet it quoted last)
_OUTLET_SAID = re.compile(
    rf"\b[Tt]he\s+({OUTLET_NOUNS})\s+(?:also\s+|later\s+|then\s+)?"
    rf"(?:{_REPORT}|reported|reports|continued|wrote|added)\b"
)
# a body's own text, named with the body: '"...," the DOGE post said', "the NAACP statement says"
_ITS_TEXT_SAID = re.compile(
    rf"\b[Tt]he\s+({_NAME})\s+(?:statement|post|tweet|release|letter|memo|filing|notice)\s+"
    rf"{_BETWEEN}{_REPORT}\b"
)
# who speaks for the body named after them ("a spokesperson for TikTok", "officials at the Pentagon")
_SPEAKS_FOR = {
    "spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "lawyer",
    "lawyers", "attorney", "attorneys", "official", "officials", "source", "sources", "aide",
    "aides", "executive", "executives", "negotiator", "negotiators", "statement",
}  # fmt: skip
# a sentence that may introduce someone by their role ("Pentagon spokesman John Kirby")
_ROLE_WORD = re.compile(rf"\b(?:{ROLES}|{BODIES})\b")
_REPORTED = re.compile(rf"\b(?:{_REPORT}|reported|reports)\b")
# "said Sherman", "said Deputy Secretary Wendy Sherman", "told reporters Sherman" is rare
_SAID_NAME = re.compile(rf"\b{_SAY}\s+(?:the\s+)?(?:\d{{1,3}}-year-old\s+)?({_NAME})")
# the words a body's name may go on with after "of" ("Department of Health", "Council on
# Foreign Relations", "University of Michigan")
_BODY_TAIL = re.compile(
    r"(?:\s+(?:of|for|on(?!\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))\s+(?:the\s+)?"
    rf"{_NAME}){{1,3}}"
)
# a finite verb after "said <name>": the name opens what was said ("have said DuPont is ...")
_CLAUSE_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|have|had|will|would|could|should|can|may|might|must|does|did|"
    r"needs|wants|plans)\b"
)
# a possessive: "said Obama's push ..." names what was said, not who said it
_POSSESSIVE = re.compile(r"['\u2019]s$")
# a cheap first look: most sentences have no reporting verb and no quotation mark
_SPEECH = re.compile(rf"[\"\u201c\u201d]|\b{_REPORT}\b|\baccording to\b")
# a pronoun speaks, or opens what is said ("Amanda Gibbs, 40, ..., said she is a former
# Republican"): either way the sentence's speaker is someone named before or as its subject
_HE_SAID = rf"\b(?:he|she|they)\s+(?:also\s+|later\s+)?{_REPORT}\b"
_PRONOUN_SAID = re.compile(rf"{_HE_SAID}|\b{_REPORT}\s+(?:he|she)\b", re.I)
# the pronoun is the speaker: "he said", or "said he" inverted, closing the clause ('"...,"
# said he.'); in "Croft's broadcast partner, Martin Brundle, said he was sad" Brundle speaks
_PRONOUN_SPEAKS = re.compile(rf"{_HE_SAID}|\b{_REPORT}\s+(?:he|she)\b{INVERTED_END}", re.I)
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?:the\s+)?({_NAME})")
# "as Fain called it", "as Lee put it"
_AS_NAME_PUT = re.compile(rf"\bas\s+({_NAME})\s+(?:called|put|described|termed|dubbed)\s+it\b")
# "Stellantis provided a statement late Friday that said ...", "NERC issued a statement: ..."
_NAME_STATEMENT = re.compile(
    rf"({_NAME})\s+{_BETWEEN}(?:issued|provided|released|sent|put out|posted|published)\s+"
    r"(?:a|an)\s+(?:\w+\s+)?(?:statement|letter|memo|post|message)\b"
)
# "Philip Hammond warning that ...": a name, then the reporting verb's participle
_NAME_SAYING = re.compile(
    rf"({_NAME})\s+(?:saying|telling|stating|declaring|warning|adding|writing|noting|"
    r"arguing|insisting|explaining|vowing|asserting|claiming|urging|calling|suggesting)\b"
)
# an outlet whose report a quote comes from: "Le Pen \u201chas abandoned ...\u201d, Reuters
# reported.", "The Times reported that ..." (not "the company reported a loss")
_NAME_REPORTED = re.compile(
    rf"({_NAME})\s+{_BETWEEN}(?:reported|reports)\b"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:that|on|in|last|this|earlier|late|yesterday)\b)"
)
# someone in the outlet's report speaks: the quote is theirs, the outlet only reports it
_SPOKEN = re.compile(rf"\b(?:{_REPORT}|saying|telling|stating|writing|adding)\b")
# "Johnson remains undeterred, telling the Commons that ...": the sentence's subject speaks
_COMMA_SAYING = re.compile(
    r"(?:,|\bby)\s+(?:saying|telling|stating|declaring|warning|adding|writing|noting|arguing|"
    r"insisting|explaining|vowing|asserting|claiming|calling|suggesting|describing|"
    r"characteri[sz]ing)\b"
    rf"|\band\s+(?:also\s+|then\s+)?(?:{_SAY_WORDS}|told)\b"
)
# what opens a sentence before its subject: "In introducing the bill, Rubio ...", "In a
# statement, Newhouse defended his vote, saying ..."
_INTRODUCTORY = re.compile(
    r"(?:In|On|At|After|During|While|When|Asked|Speaking|Addressing|Responding|Writing|"
    r"Earlier|Later|Meanwhile|Separately|Afterward|Afterwards)\b[^,\"\u201c\u201d]{0,80},\s+"
)
# capitalised words that open a sentence as adverbs, never as a name
_ADVERBS = {
    "elsewhere", "meanwhile", "however", "moreover", "furthermore", "additionally", "also",
    "separately", "earlier", "later", "instead", "nevertheless", "nonetheless", "overall",
    "ultimately", "finally", "initially", "previously", "currently", "today", "yesterday", "now",
    "then", "often", "sometimes", "recently", "already", "still", "indeed", "again", "here",
    "there", "once", "soon", "afterward", "afterwards", "otherwise", "likewise", "similarly",
}  # fmt: skip


def _adverb(word: str) -> bool:
    low = word.lower()
    return low in _ADVERBS or (low.endswith("ly") and len(low) > 4)


_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|I|my|me)\b")
_PREPOSITIONS = {"in", "at", "from", "of", "to", "with", "for", "on", "by", "near", "outside"}
# Capitalised words that open a name match but are no name.
_NOT_NAMES = {
    "the", "a", "an", "but", "and", "he", "she", "they", "it", "this", "that", "these", "those",
    "in", "on", "at", "as", "if", "when", "while", "after", "before", "we", "i", "our", "his",
    "her", "their", "its", "there", "then", "also", "however", "meanwhile", "officials",
    "spokesman", "spokeswoman", "spokesperson", "sources", "people", "one", "some",
}  # fmt: skip


@dataclass(frozen=True)
class Voice:
    """A span of the document and whose words it is (party by display name)."""

    start: int
    end: int
    speaker: str
    party: str
    kind: str  # "turn", "own", "quote", "paraphrase" or "question"


@dataclass(frozen=True)
class Turn:
    """A transcript turn as the stance reader resolved it."""

    start: int  # where the label starts
    person: str
    party: str
    question: bool  # a journalist's, moderator's or operator's turn
    narration: bool = False  # a transcriber's note: read as a news story is, turn by sentence


# a paragraph that ends as a sentence ends (a full stop, "!" or "?", then closing marks)
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# a list's item ("- a 5% rise", "2) no layoffs", "(b) talks") or the line that opens one ("Our
# demands are:"): the speaker's words, set out
_LIST_LINE = re.compile(r"^(?:[-\u2013\u2014\u2022*\u00b7]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)|[:;,]$")


def with_headings(text: str, turns: Sequence[Turn]) -> list[Turn]:
    """The turns, each speaker's turn broken off at a paragraph inside it that does not end as a
    sentence does (and taken up again after it): a heading or a prompt between the answers, not
    the speaker's words. An interview that sets each question as a line ("Best musical: "Come
    From Away," "Dear Evan Hansen" ...") before "NOCCIOLINO: ..." had its list lines quoted as
    Nocciolino's. A list inside a turn, and the line that opens it, stay the speaker's.
    """
    out: list[Turn] = []
    for n, turn in enumerate(turns):
        out.append(turn)
        if turn.question or turn.narration:
            continue
        end = turns[n + 1].start if n + 1 < len(turns) else len(text)
        first = text.find("\n", turn.start, end)  # the labelled paragraph is the speaker's
        if first < 0:
            continue
        paragraphs = [m for m in re.finditer(r"[^\n]+", text[first:end]) if m.group(0).strip()]
        for k, m in enumerate(paragraphs):
            line = m.group(0).strip()
            if _ENDS_SENTENCE.search(line) or _LIST_LINE.search(line):
                continue
            out.append(Turn(first + m.start(), "", "", False, narration=True))
            if k + 1 < len(paragraphs):
                out.append(replace(turn, start=first + paragraphs[k + 1].start()))
    # a turn taken up again where the next heading follows at once is that heading's
    starts: dict[int, Turn] = {}
    for t in out:
        if t.start not in starts or t.narration:
            starts[t.start] = t
    return sorted(starts.values(), key=lambda t: t.start)


def read_voices(
    text: str,
    spans: Sequence[tuple[int, int]],
    turns: Sequence[Turn],
    publisher: str,
    speaks_for: Callable[[str], str],
    party_named: Callable[[str], str],
    by: str = "",
    runs: Sequence[QuoteRun] | None = None,
    speaker_at: Mapping[int, int] | None = None,
    a_person: Callable[[str], bool] = lambda party: False,
    the_body: Callable[[str, int], str] = lambda noun, at: "",
) -> list[Voice]:
    """The voices of one document, consecutive sentences of one voice joined into one span.

    `speaks_for(person)` is the party a person speaks for ("" unknown); `party_named(name)` the
    party a name is, when it names one ("the Kremlin", "Northwind"), else "". `by` is the
    person the title says the text is by: a party's own text is in their words. `runs` and
    `speaker_at` are the text's quotes (`quote_runs`, `sentence_quotes`), when the caller has
    them already. `a_person(party)`: the party is a person of no other party, a party of their
    own ("Cui Tiankai", China's ambassador in a story that never links him to China): "he said"
    after "Cui said" is Cui's. `the_body(noun, at)`: the party "the <noun>" ("the company",
    "the union") stands for at that offset of the text, '' when none.
    """
    out: list[Voice] = []
    full: dict[str, str] = {}  # surname -> the fullest name the text gave ("Tomas Brenner")
    last: tuple[str, str] = ("", "")  # the last named speaker (person, party)
    recent: list[str] = []  # sentences since, where a person may be named without speaking
    prev_quote: tuple[str, str] | None = None  # speaker of the sentence before, when a quote
    # the speaker a plain line of narration kept for a bare quote right after it, and where
    held: tuple[str, str] | None = None
    held_at = -1
    t = 0
    runs = quote_runs(text, spans) if runs is None else runs
    if speaker_at is None:
        speaker_at = sentence_quotes(text, runs, spans)[0]
    # sentences a quote runs through ('Yesterday, the jet was gifted," said Peter Welch.')
    in_quote = {n for n, (s, e) in enumerate(spans) if any(r.start < e and r.end > s for r in runs)}
    each: dict[int, Voice] = {}  # sentence -> its voice
    described = DescribedSpeakers()  # "the official added": who the story introduced so
    for n, (s, e) in enumerate(spans):
        while t + 1 < len(turns) and turns[t + 1].start <= s + 1:
            t += 1
        sentence = text[s:e]
        turn = turns[t] if turns and turns[t].start <= s + 1 else None
        if turn is not None and turn.narration:
            turn = None
        voice: Voice | None = None
        if turn is not None:
            if turn.question:
                voice = Voice(s, e, "", "", "question")
            else:
                voice = Voice(s, e, turn.person, turn.party, "turn")
            prev_quote = None
        else:
            speech = _SPEECH.search(sentence) is not None
            found = _reported(sentence, last, speaks_for, party_named, text) if speech else None
            if found and not found[0] and found[1] in full:
                # "Lindqvist said ..." after "Ambassador Oskar Lindqvist said ...": the party the
                # tagger made of a surname is the person who spoke before under it
                found = (full[found[1]], speaks_for(full[found[1]]))
            unknown = False
            named_here = found is not None
            outside = _outside(sentence)
            pronoun_said = speech and _PRONOUN_SAID.search(outside) is not None
            if found is None and pronoun_said:
                found = _opening_person(sentence, speaks_for, party_named, a_person)
                if found is None:
                    found = _opening_speaker(sentence, full, speaks_for)
            if found is None and pronoun_said and recent:
                # "..., he told the Funke media group": the person named just before
                for before in reversed(recent):
                    named = (
                        _named_person(before, speaks_for)
                        or _named_own_party(before, party_named, a_person)
                        or _opening_speaker(before, full, speaks_for)
                    )
                    if named:
                        found = named
                        break
                    speech_of = _whose_speech(before, text)
                    if speech_of and not party_named(speech_of):
                        # "Sky Sports obtained video showing Horner's farewell speech." before
                        # '"...," he said in the clip.': Horner, not the sentence's subject
                        found = (speech_of, speaks_for(speech_of))
                        break
                    # "Trump called for Fox News to host the debate.": a person the text
                    # links to no party is who "he" is, not one named earlier ("Chuck Smith,
                    # a welder, ..." before '"...," he said.'), by the name the text gives
                    if _names_someone(before, text):
                        someone = _opening_someone(before, text)
                        found = (someone, "") if someone else None
                        unknown = True
                        break
                recent.clear()
            if found is None and not unknown and pronoun_said and (last[0] or last[1]):
                found = last  # "..., she added": the last named speaker
            if found is None and speech and not pronoun_said:
                # "the official added", "said the Pentagon spokesman": the speaker the story
                # introduced by that role
                found = described.resolve(outside, party_named)
            if found is None and speech and not pronoun_said:
                # "the company said in a statement", "the union responded": the body of that
                # kind the story named last before
                body = _BODY_SAID.search(outside) or _OUTLET_SAID.search(outside)
                party = the_body(body[1].lower(), s + body.start()) if body else ""
                found = ("", party) if party else None
            if found and not found[0] and found[1] and a_person(found[1]):
                # one person holding in their own name is a speaker, not a body ("Cui Tiankai
                # said: ..."; "[Cui Tiankai] said" for his "he said")
                found = (_person(found[1]), "")
            if found and found[0] and not named_here and _THEY_SAID.search(outside):
                # "They also insisted that ...": a group's words, not the last person's
                found = ("", found[1]) if found[1] else None
            if found and found[0]:
                person = _unowned(found[0], full, text)
                if person != found[0]:  # "Trian's Garden": Ed Garden, and whom he speaks for
                    in_full = full.get(person, person)
                    found = (person, found[1] or speaks_for(in_full) or speaks_for(person))
                name = full.get(found[0].split()[-1], found[0])
                full[name.split()[-1]] = name if len(name) >= len(found[0]) else found[0]
                found = (full[name.split()[-1]], found[1])
            quoted = speech and (_QUOTED.search(sentence) is not None or n in in_quote)
            if found and (found[0] or found[1]):
                if not found[1] and publisher:  # "..., said Ana Ruiz" in her company's release
                    found = (found[0], publisher)
                # a body speaking between a person and a later "he said" leaves "he" unknown
                # ("Trump wrote" read as a party, then "he wrote": not the person before)
                last = found if found[0] or a_person(found[1]) else ("", "")
                kind = "quote" if quoted else "paraphrase"
                voice = Voice(s, e, found[0], found[1], kind)
                prev_quote = found  # a bare quote after "X said ..." is X's too
            elif quoted and prev_quote and _bare_quote(sentence):  # wire copy: own paragraph
                voice = Voice(s, e, prev_quote[0], prev_quote[1], "quote")
            elif quoted and held and _bare_quote(sentence) and _one_paragraph(text, held_at, s):
                # '"..., we would do anything," Derek said. The jobs included operating games.
                # "And we would ride as much as possible."': the speaker one plain line before
                voice = Voice(s, e, held[0], held[1], "quote")
                prev_quote = held
            elif publisher and (_FIRST_PERSON.search(outside) or not quoted):
                voice = Voice(s, e, by, publisher, "own")
                prev_quote = None
            else:
                if not quoted and not speech:
                    # a line of narration that names no one keeps the speaker before it; one
                    # opening with an earlier speaker ("Lopez was not convinced.") gives them
                    if prev_quote and n and _one_paragraph(text, spans[n - 1][1], s):
                        if not _PERSONISH.search(outside) and not _names_someone(sentence, text):
                            held, held_at = prev_quote, s
                    else:
                        held = _opening_speaker(sentence, full, speaks_for)
                        held_at = s
                prev_quote = None
            if held_at != s:
                held, held_at = None, -1
            if speech or _ROLE_WORD.search(sentence):
                described.learn(
                    outside,
                    lambda n: _person(_clean_name(n)),
                    speaks_for,
                    party_named,
                    found,
                )
            if not found:  # "The ambassador in Berlin, Andrij Melnyk, called for ...": he/she next
                recent.append(sentence)
                del recent[:-3]
            else:
                recent.clear()
        if voice is not None:
            each[n] = voice
    # a quote over several sentences is its speaker's throughout, though one sentence names
    # them ('"We know both sides have had problems," Herbst told USA TODAY. "We know that
    # Russia is being supplied ...'; '"Two weeks ago, ... Yesterday, ...," said Sen. Peter
    # Welch'): an answer quoting one of the others said whose words they are not
    for n, m in speaker_at.items():
        naming = each.get(m)
        # a sentence that opens a quote whose speaker a later sentence names is theirs, not
        # the speaker of the quote before it ('"Two weeks ago, ... Yesterday, ...," said Welch')
        mine = n not in each or (
            m > n and each[n].kind == "quote" and _bare_quote(text[spans[n][0] : spans[n][1]])
        )
        if mine and naming is not None and naming.kind == "quote":
            each[n] = Voice(spans[n][0], spans[n][1], naming.speaker, naming.party, "quote")
    for n in sorted(each):
        voice = _named_cleanly(each[n])
        if voice is None:
            continue
        if out and _same_voice(out[-1], voice) and _adjacent(text, out[-1].end, voice.start):
            out[-1] = Voice(out[-1].start, voice.end, voice.speaker, voice.party, voice.kind)
        else:
            out.append(voice)
    return out


def _reported(
    sentence: str,
    last: tuple[str, str],
    speaks_for: Callable[[str], str],
    party_named: Callable[[str], str],
    text: str = "",
) -> tuple[str, str] | None:
    """(person, party) of the reporting clause outside the quotes, None when there is none."""
    # a quote leaves a mark no name runs across: 'Kim Jung Un "wants ...," Chong said' was
    # "Kim Jung Un Chong" speaking
    outside = _QUOTED.sub(" | ", sentence)
    pronoun = _PRONOUN_SPEAKS.search(outside)
    quoted = _QUOTED.search(sentence) is not None
    patterns = [_NAME_SAID, _APPOSED_SAID, _SAID_NAME, _ACCORDING, _AS_NAME_PUT, _NAME_STATEMENT]
    patterns += [_NAME_SAYING, _NAME_CALLED, _NAME_REPORTED] if quoted else [_NAME_SAYING]
    for pattern in patterns:
        if pronoun and pattern is not _NAME_SAID:
            break  # "he told the Funke media group": the speaker is "he"
        if pattern is _NAME_CALLED and any(
            not _COORDINATED.search(outside, 0, r.start()) for r in _REPORTED.finditer(outside)
        ):
            # "Le Pen has pledged to \u201c...\u201d, the news site said": the site's words (but
            # "Rubio described the situation as \"complicated\" but said ..." is Rubio's)
            continue
        if pattern is _NAME_REPORTED and _SPOKEN.search(outside):
            continue  # "Biden ..., saying its actions were \u201cover the top,\u201d the Times reported"
        for m in pattern.finditer(outside):
            before = outside[: m.start(1)].split()
            name = _clean_name(m.group(1))
            if before and before[-1].lower() in _PREPOSITIONS:
                body = party_named(name) if pattern is _NAME_SAID else ""
                if body and len(before) >= 2 and before[-2].lower() in _SPEAKS_FOR:
                    # "a spokesperson for TikTok said", "an official at the Pentagon said"
                    return ("", body)
                # "the mission in Geneva said": Geneva is no speaker; "Special Envoy for Iran
                # Rob Malley said": the place ends the title, the person follows it
                words = name.split()
                if (
                    len(words) < 3
                    or pattern is not _NAME_SAID
                    or {w.lower() for w in words} & _BODIES
                    or re.fullmatch(_ORG_HEADS, words[-1])
                ):
                    continue  # "a spokesperson for Magnum Ice Cream Company said": no person
                name = " ".join(words[-2:])
            if not name:
                continue
            titled = _titled_run(outside, m) if pattern is _SAID_NAME else None
            if titled is not None:
                # "said National Hurricane Center Deputy Director Jamie Rhome", "said AccuWeather
                # Vice President of Forecast Operations Dan DePodwin": the person after the title
                person, office = titled
                found = [party_named(office), speaks_for(person)]
                return (person, next((p for p in found if _a_party_of(p, person)), ""))
            if pattern is _SAID_NAME and _CLAUSE_AFTER.match(outside, m.end(1)):
                continue  # "Trian officials have said DuPont is too tied ...": what was said
            body, ends = (
                _whole_body(name, outside, m.end(1)) if pattern in _BODY_NAMING else ("", 0)
            )
            if body and pattern is _SAID_NAME and _CLAUSE_AFTER.match(outside, ends):
                continue  # "said the Department of Health has ...": what was said
            if body:
                # "according to the U.S. Department of Homeland Security", "said the Council on
                # Foreign Relations": the body, by its whole name (it had been "U.S. Department",
                # a person's)
                return ("", party_named(body) or body)
            owned = _owned(name, speaks_for, party_named) if pattern is _SAID_NAME else None
            if owned is not None and (owned[0] or owned[1]):
                return owned
            if owned is not None and not _ROLE_AFTER.match(outside, m.end(1)):
                continue  # "said Obama's renewed push" (but "said Ford's spokeswoman" is Ford's)
            if not before and " " not in name and _adverb(name):
                continue  # "Elsewhere, in oil-rich Unity state ..., said Aguer": no speaker
            party = party_named(name)
            apposed = m.group(2) if pattern is _NAME_SAID else None
            if (
                apposed
                and _PERSONISH.fullmatch(apposed.strip())
                and not re.match(r"[RDI]-[A-Z]", apposed.strip())  # "Jeffries, D-New York, said"
                and not party_named(apposed.strip())
            ):
                # "The UN High Commissioner for Human Rights, Volker Turk, has said": the
                # person the title names
                person = _person(apposed.strip())
                return (person, party or speaks_for(person))
            role = _ROLE_THEN_NAME.match(outside, m.end(1)) if pattern is _SAID_NAME else None
            if party and role is not None and _titled(role):
                # "said Michigan Medicine spokeswoman Mary Masson": the person, for the party
                return (_person(_clean_name(role[2]) or role[2]), party)
            if party:
                return ("", party)
            person = _person(name)
            if _only_a_title(person, party_named) and not speaks_for(person):
                # "Governor declares ...", "according to the Georgia Secretary of State's
                # office", "the former President recalled": a title, not who holds it (but
                # "said Head" after "Hyla Head, the former Army Corps official," is Head)
                continue
            if before and before[-1].lower() in _NOT_THEIR_OFFICE:
                return (person, speaks_for(person))  # "former Harvard President Larry Summers"
            return (person, speaks_for(person) or _office_party(name, person, party_named))
    plural = _DESCRIBED_PLURAL.search(outside)
    if plural is not None and " " not in plural[1] and not _a_name(plural[1], text):
        plural = None  # "State officials said", "Fire officials said": no body's name
    described = (
        (_DESCRIBED_SAID.search(outside) or plural or _ITS_TEXT_SAID.search(outside))
        if not pronoun
        else None
    )
    if described is not None and (party := party_named(described[1])):
        # "one US official told CNN", "a senior Ukrainian official said": the party alone
        return ("", party)
    if not pronoun and _COMMA_SAYING.search(outside):
        return _opening_subject(outside, text, speaks_for, party_named)
    return None  # "he said": the caller looks for the person named just before


_ROLE_AFTER = re.compile(
    r"\s+(?:[a-z\-]+\s+){0,2}(?:spokes(?:man|woman|person)|officials?|representatives?|lawyers?|"
    r"attorneys?|aides?|executives?|chief|director|president|chair(?:man|woman)?|secretary|"
    r"minister|adviser|advisor|envoy|ambassador|statement|office|campaign|team)\b"
)
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+)?$")


# A run of capitalised words after a reporting verb, longer than `_NAME` takes, with the words
# that join a title's parts ("Vice President of Forecast Operations", "President and CEO",
# "Acting District Attorney for the Central District of California")
_LONG_RUN = re.compile(
    r"[A-Z][\w.'\u2019\-]*(?:,?\s+(?:(?:of|for|and|the|de|van|von|al)\s+)*[A-Z][\w.'\u2019\-]*){0,13}"
)
# the words a title ends on, after which the person is named
_HEAD_TITLES = {
    "president", "ceo", "cfo", "coo", "cto", "cao", "director", "secretary", "minister", "chief",
    "chairman", "chairwoman", "chair", "chairperson", "spokesperson", "spokesman", "spokeswoman",
    "governor", "mayor", "commissioner", "administrator", "attorney", "judge", "founder",
    "officer", "manager", "head", "superintendent", "sheriff", "senator", "representative",
    "ambassador", "general", "leader", "adviser", "advisor", "treasurer", "counsel", "prosecutor",
    "inspector", "coordinator", "executive", "principal", "dean", "chancellor", "commander",
    "captain", "lieutenant", "sergeant", "supervisor", "president-elect", "secretary-general",
}  # fmt: skip
_JOINS = {"of", "for", "and", "the", "de", "van", "von", "al"}


def _titled_run(outside: str, said: re.Match[str]) -> tuple[str, str] | None:
    """(person, office) for a long titled name after a reporting verb (`said`, a match of
    `_SAID_NAME`), when `_NAME` (five words, no joining words) cuts it before the person:
    "National Hurricane Center Deputy Director Jamie Rhome", "Midco President and CEO Pat
    McAdaragh". None when the run is no longer than `_NAME` takes, holds no title, or names no
    one after it ("said Hawk Mayor").
    """
    run = _LONG_RUN.match(outside, said.start(1))
    if run is None:
        return None
    words = run.group(0).split()
    cut = len(words)
    listing = False  # in a portfolio: "Minister of Education, Skills, Youth and Information"
    for i, w in enumerate(words):
        if w.lower().strip(".,") in _HEAD_TITLES:
            listing = i + 1 < len(words) and words[i + 1] in ("of", "for")
        if w.endswith(",") and not listing:
            cut = i + 1  # "said Foreign Minister Sergey Lavrov, Defense Minister ...": one
            break
        if (
            w == "and"
            and i + 1 < len(words)
            and words[i + 1].lower() not in _HEAD_TITLES
            and not (listing and any(x.endswith(",") for x in words[:i]))
        ):
            # "said Secretary of State Marco Rubio and Defense Secretary Pete Hegseth": the first
            cut = i
            break
    words = [w.rstrip(",") for w in words[:cut]]
    if len(words) <= len(said.group(1).split()):  # `_NAME` took it whole
        return None
    titles = [i for i, w in enumerate(words) if w.lower().strip(".,") in _HEAD_TITLES]
    if not titles or titles[-1] >= len(words) - 2:  # two words at least after the title
        return None
    tail = words[titles[-1] + 1 :]
    if tail[0] in _JOINS:  # "Director of Talent Acquisition Amanda Pope": the last two words
        n = 3 if len(tail) >= 4 and re.fullmatch(r"[A-Z]\.", tail[-2]) else 2
        tail = tail[-n:]
    if any(w in _JOINS or not w[:1].isupper() for w in tail) or len(tail) > 3:
        return None
    person = _clean_name(" ".join(tail))
    if not person or re.search(rf"\b(?:{_ORG_HEADS})\b", person):
        return None
    office = [w for w in words[: titles[0]] if w not in _JOINS]
    while office and office[-1].lower() in _TITLE_WORDS | _RANKS:  # "... Deputy", "... Vice"
        office.pop()
    return (person, " ".join(office))


_RANKS = {"vice", "acting", "interim", "associate", "senior", "district", "executive", "first"}


def _only_a_title(name: str, party_named: Callable[[str], str]) -> bool:
    """Whether a speaker's name is a title with nobody's name: a title word alone ("Secretary",
    "CEO") or after a body or place ("Georgia Secretary", "FBI Director"), but not a person
    whose surname is a title word ("Hawk Mayor", "Hyla Head").
    """
    words = name.split()
    if not words or words[-1].lower().strip(".,") not in _HEAD_TITLES:
        return False
    before = " ".join(words[:-1])
    return (
        not before
        or any(w.isupper() and len(w) > 1 for w in words[:-1])  # "FBI Director"
        or bool(party_named(before))
        or words[-2].lower() in _TITLE_WORDS | _RANKS  # "Deputy Director", "Vice President"
    )


def _office_party(name: str, person: str, party_named: Callable[[str], str]) -> str:
    """The body whose office a name gives before the person ("Manatee County Administrator
    Scott Hopes": Manatee County, when the text knows it as a party), '' when none.
    """
    words = name.split()
    if person == name or not name.endswith(person):
        return ""
    office = words[: len(words) - len(person.split())]
    if {w.lower().strip(".,") for w in office} & _NOT_THEIR_OFFICE:
        # "former Harvard President Larry Summers" speaks for Harvard no longer; "U.S. Sen.
        # Tammy Baldwin" and "Texas Rep. ..." speak for a party or campaign, not the place
        return ""
    while office and office[-1].lower().strip(".,") in _OFFICES | _TITLE_WORDS | _RANKS:
        office.pop()
    if len(office) == 1 and office[0].lower().strip(".,") in _KINDS_OF_PLACE:
        return ""  # "Town Clerk Marge Morgan", "House Speaker Mike Johnson": no body's name
    named = " ".join(office).lower()
    party = party_named(" ".join(office)) if office else ""
    if not party or not _a_party_of(party, person):
        return ""
    # the office names the body itself ("Leon County", "Trian"), not a place another body
    # bears the name of ("Nevada Attorney General Aaron Ford" is not the Nevada Assembly's)
    exact = party.lower() == named or (len(office) >= 2 and party.lower().startswith(named + " "))
    # or its initials: "US House Speaker Nancy Pelosi", "NTSB Chairwoman Jennifer Homendy"
    initials = "".join(w[0] for w in party.split() if w[:1].isupper())
    return party if exact or named.replace(".", "").upper() == initials else ""


_NOT_THEIR_OFFICE = {
    "former", "ex", "retired", "late", "sen", "senator", "rep", "representative", "congressman",
    "congresswoman", "lawmaker", "legislator", "assemblyman", "assemblywoman", "delegate",
    "judge", "justice",
}  # fmt: skip
# what an office's first word may be that names no body by itself
_KINDS_OF_PLACE = {
    "town", "city", "county", "state", "district", "village", "borough", "township", "house",
    "senate", "police", "fire", "school", "federal", "national", "u.s", "us", "circuit",
}  # fmt: skip


def _a_party_of(party: str, person: str) -> bool:
    """Whether `party` may stand beside `person`: not a title run the reader took for a body
    ("Kimble County Emergency Coordinator Randy Millican", "Forest Preserve Deputy Police").
    """
    words = {w.lower().strip(".,") for w in party.split()}
    if not words or words & {w.lower().strip(".,") for w in person.split() if len(w) > 2}:
        return False
    return not words & _TITLED


_TITLED = _HEAD_TITLES | {"deputy", "vice", "acting", "interim", "assistant"}


def _whole_body(name: str, outside: str, end: int) -> tuple[str, int]:
    """The whole name of a body whose name `_NAME` cut at "of" ("U.S. Department" of "the U.S.
    Department of Homeland Security", "Vermont Department of Health's"), and where it ends in
    `outside`; ('', 0) when the name is no body's head or nothing follows it.
    """
    if not name or name.split()[-1].lower() not in _BODY_HEADS:
        return ("", 0)
    tail = _BODY_TAIL.match(outside, end)
    if tail is None:
        return ("", 0)
    words = f"{name}{tail.group(0)}".split()
    if any(w.lower().strip(".,") in _HEAD_TITLES for w in words[len(name.split()) :]):
        return ("", 0)  # "Department of Health Services Deputy Secretary Julie ...": a person
    owner = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w)), len(words) - 1)
    whole = " ".join(words[: owner + 1])
    return (_POSSESSIVE.sub("", whole).rstrip(".,"), tail.end())


def _unowned(name: str, full: Mapping[str, str], text: str) -> str:
    """A speaker's name without the body news copy puts before it ("Trian's Garden said",
    "Amtrak's Magliari said"): the person the text named in full before ("Ed Garden"), or the
    given name and surname after the possessive ("Pharmacists' Union's Michael Storme"). The
    name unchanged when what follows is a body ("the Old Farmer's Almanac", "Dana Nessel's
    Office", "DOJ's Environmental Enforcement Section") or a surname the text never gave in
    full ("Atlantic's Goldberg").
    """
    words = name.split()
    owners = [i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)]
    if not owners:
        return name
    rest = words[owners[-1] + 1 :]
    last = rest[-1].lower().strip(".,")
    if not all(w[:1].isupper() for w in rest) or last in _BODIES | _BODY_ENDS:
        return name
    if len(rest) == 1:
        known = full.get(rest[0], "")
        return rest[0] if known and known != name and " " in known else name
    if _a_name(rest[0], text) and not re.search(rf"\b(?:{_ORG_HEADS})\b", " ".join(rest)):
        return " ".join(rest)
    return name


def _owned(
    name: str, speaks_for: Callable[[str], str], party_named: Callable[[str], str]
) -> tuple[str, str] | None:
    """The speaker of "said <name>" when the name holds a possessive: none for "said Obama's
    renewed push" (what was said), the person after it for "said the FT's Foy" and "said
    Trump's VP-elect J.D. Vance"; None when there is no possessive.
    """
    words = name.split()
    owners = [i for i, w in enumerate(words) if _POSSESSIVE.search(w)]
    if not owners:
        return None
    if owners[-1] == len(words) - 1:
        return ("", "")
    person = _person(" ".join(words[owners[-1] + 1 :]))
    owner = _POSSESSIVE.sub("", " ".join(words[: owners[-1] + 1]))
    return (person, speaks_for(person) or party_named(owner))


def describes_its_speaker(sentence: str) -> bool:
    """Whether the sentence's reporting clause gives its speaker as the party they speak for
    ("a senior UN official said", "one US official told CNN"): the sentence says whose words
    they are, and a lead-in naming the party would present the reporter's account as the
    party's own statement.
    """
    outside = _QUOTED.sub(" | ", sentence)
    return _DESCRIBED_SAID.search(outside) is not None or bool(_DESCRIBED_PLURAL.search(outside))


def _opening_subject(
    outside: str, text: str, speaks_for: Callable[[str], str], party_named: Callable[[str], str]
) -> tuple[str, str] | None:
    """(person, party) of the name a sentence opens with, its subject ("Johnson remains
    undeterred, telling ..."; "Ford spokeswoman Jessica Enoch challenged ..., telling"; "NATO
    Secretary-General Anders Fogh Rasmussen remained cautious, saying"), None when it opens
    otherwise ("The union responded, saying ..."; "Often dismissed as ..., Le Pen has ...").
    """
    head = outside[_OPENING.match(outside).end() :]  # type: ignore[union-attr]
    head = head[m.end() :] if (m := _INTRODUCTORY.match(head)) else head
    if head.startswith("The "):  # "The National Center for Public Policy Research submitted ..."
        body = _OPENING_RUN.match(head, 4)
        if body is not None and party_named(body.group(0)):
            head = head[4:]
    run = _OPENING_RUN.match(head)
    if run is None or re.match(r"['\u2019]s?\b", head[run.end() :]):
        return None
    words = run.group(0).split()
    if words[0].lower() in _TITLES:
        # "President Joe Biden on Monday softened ..., saying", "Secretary of Defense Jim
        # Mattis ... , stating": the person the title names
        person = _after_opening_title(head)
        return (person, speaks_for(person)) if person else None
    if words[0].lower() in _NOT_NAMES or _adverb(words[0]):
        return None  # "Often dismissed as ..., Le Pen has ...": no name
    if not _a_name(words[0], text):
        return None
    role = _ROLE_THEN_NAME.match(head, run.end())
    titled = _titled(role)
    for i in range(len(words), 0, -1):
        party = party_named(" ".join(words[:i]))
        if not party:
            continue
        if i < len(words):  # "NATO Secretary-General Anders Fogh Rasmussen"
            person = _person(" ".join(words[i:]))
            if person != " ".join(words[i:]) or len(words) - i >= 2:
                return (person, party)
        if titled and role is not None:
            return (_person(_clean_name(role[2]) or role[2]), party)
        return ("", party)
    if titled and role is not None:
        # "Biden campaign spokesperson Lauren Hitt pushed back ..., saying"
        person = _person(_clean_name(role[2]) or role[2])
        return (person, speaks_for(person))
    person = _person(_clean_name(run.group(0)) or run.group(0))
    return (person, speaks_for(person)) if person else None


# title words, without the articles the shared set holds ("the" alone is no title: "Biden
# apologized for the US withdrawal" names no one after one)
_TITLES = _TITLE_WORDS - {"the", "a", "an"}


def _after_opening_title(head: str) -> str:
    """The name that ends the capitalised run a sentence opens with, after its title
    ("Secretary of Defense Jim Mattis" -> "Jim Mattis"); "" when the run is a title alone.
    """
    run: list[str] = []
    for word in head.split():
        bare = word.rstrip(",;:")
        if bare[:1].isupper() or (run and bare in ("of", "for", "the")):
            run.append(bare)
        else:
            break
        if bare != word:
            break  # "President Joe Biden, who ...": the comma ends the name
    while run and run[-1] in ("of", "for", "the"):
        run.pop()
    if len(run) < 2 or run[0].lower() not in _TITLES:
        return ""
    name = run[-3:] if re.fullmatch(r"[A-Z]\.", run[-2]) else run[-2:] if len(run) > 2 else run[1:]
    if any(w in ("of", "for", "the") or w.lower() in _TITLE_WORDS | _NOT_NAMES for w in name):
        return ""
    if not re.fullmatch(r"[A-Z][a-z][\w'\u2019\-]*", name[0]):
        return ""  # "U.S. Secretary": no given name
    return " ".join(name)


def _titled(role: re.Match[str] | None) -> bool:
    """Whether the words before a name are a title ("spokeswoman", "press secretary")."""
    return role is not None and bool({w.lower() for w in role[1].split()} & _TITLES)


_THEY_SAID = re.compile(rf"\bthey\s+(?:also\s+|later\s+)?{_REPORT}\b", re.I)
_ROLE_THEN_NAME = re.compile(rf"\s+((?:[a-z][a-z\-]*\s+){{1,3}})({_NAME})")


_PERSONISH = re.compile(r"[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]*){1,3}")


def _named_person(sentence: str, speaks_for: Callable[[str], str]) -> tuple[str, str] | None:
    """The last person the sentence names whom the document links to a party; a surname alone
    ("Trump called for Fox News to host the debate.") when the document links that surname.
    Without it, '"..., I think the Debate should be held on FoxNews," he wrote.' was given to
    "Kamala Harris", named in full a sentence earlier.
    """
    found = None
    for m in _PERSONISH.finditer(_outside(sentence)):
        person = _person(m.group(0))
        if len(person.split()) >= 2 and speaks_for(person):
            found = (person, speaks_for(person))
    if found is None:
        for m in _SURNAME.finditer(_outside(sentence)):
            if m.group(0).lower() not in _NOT_NAMES and speaks_for(m.group(0)):
                found = (m.group(0), speaks_for(m.group(0)))
    return found


_OPENING = re.compile(r"^\s*(?:(?:But|And|Yet|So|Still|However|Instead),?\s+)?")
# the capitalised words a sentence opens with ("NATO Secretary-General Anders Fogh Rasmussen")
_OPENING_RUN = re.compile(r"[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,7}")


def _opening_person(
    sentence: str,
    speaks_for: Callable[[str], str],
    party_named: Callable[[str], str],
    a_person: Callable[[str], bool],
) -> tuple[str, str] | None:
    """The person a sentence opens with, its subject, when it reports what "he" or "she" says
    later ("Cipollone cited in his letter what he says were legal flaws ..."): that pronoun is
    them, not the person named a sentence before.
    """
    subject = next(iter(_subjects(sentence)), "")
    if not subject or subject.split()[0].lower() in _NOT_NAMES:
        return None
    return _named_person(subject, speaks_for) or _named_own_party(subject, party_named, a_person)


def _named_own_party(
    sentence: str, party_named: Callable[[str], str], a_person: Callable[[str], bool]
) -> tuple[str, str] | None:
    """The last person the sentence names who holds in their own name ("..., but Cui
    disagreed." before '"...," he said.'), as ("", their party).
    """
    found = None
    for pattern in (_PERSONISH, _SURNAME):
        for m in pattern.finditer(_outside(sentence)):
            party = party_named(m.group(0))
            if party and a_person(party):
                found = ("", party)
        if found:
            return found
    return None


def _a_name(word: str, text: str) -> bool:
    """A sentence's capitalised first word that may be a name: not "According", "Last",
    "During" or "Play", which the text also writes in lower case.
    """
    low = word.lower()
    return (
        low not in _NOT_NAMES | _TITLE_WORDS
        and not _CALENDAR.fullmatch(word)
        and not re.search(rf"\b{re.escape(low)}\b", text)
    )


def _opening_speaker(
    sentence: str, full: Mapping[str, str], speaks_for: Callable[[str], str]
) -> tuple[str, str] | None:
    """An earlier speaker the sentence opens with, as its subject ("..., but Lindqvist
    disagreed." after "Ambassador Oskar Lindqvist said ..."; "Hollis cited in her letter what
    she says ..."); a speaker named later in the sentence may be its object.
    """
    found = None
    for subject in _subjects(sentence, clauses=True):
        surname = _person(subject).split()[-1]
        if surname in full:
            found = (full[surname], speaks_for(full[surname]))
    return found


_CLAUSE = re.compile(r"[,;]\s+(?:but|and|while|yet|though|although)\s+")


def _subjects(sentence: str, clauses: bool = False) -> list[str]:
    """The names a sentence opens with, outside its quotes, and with `clauses` those opening
    each joined clause ("..., but Lindqvist disagreed."); never a possessive ("Smith's lawyer
    said he ...": the subject is not Smith).
    """
    outside = _outside(sentence)
    start = _OPENING.match(outside).end()  # type: ignore[union-attr]
    # "Asked if the visit should be cancelled, Starmer criticized politicians who he said ..."
    intro = _INTRODUCTORY.match(outside, start)
    starts = [intro.end() if intro else start]
    if clauses:
        starts += [m.end() for m in _CLAUSE.finditer(outside)]
    out = []
    for start in starts:
        head = outside[start:]
        m = _PERSONISH.match(head) or _SURNAME.match(head)
        if m is not None and m.group(0).count(" ") == 3:
            # "Washington U.S. Rep. Michael Baumgartner, of Spokane, ...": the whole run, titles
            # and all, for the name after them
            m = _OPENING_RUN.match(head)
        if m is not None and not re.match(r"['\u2019]s?\b", head[m.end() :]):
            out.append(m.group(0))
    return out


def _names_someone(sentence: str, text: str) -> bool:
    """Whether the sentence names a person by a surname the text gives in full somewhere."""
    for m in _SURNAME.finditer(_outside(sentence)):
        word = m.group(0)
        if (
            word.lower() not in _NOT_NAMES
            and not _CALENDAR.fullmatch(word)
            and re.search(rf"\b[A-Z][\w'\u2019\-]+ {word}\b", text)
        ):
            return True
    return False


def _opening_someone(sentence: str, text: str) -> str:
    """The person a sentence opens with, as its subject ("Chuck Smith, a welder, declined to
    say ...", "Smith pointed out that ..."), by the fullest name the text gives; "" when it
    opens otherwise. Only a subject: a person named inside the sentence may be its object.
    """
    subject = next(iter(_subjects(sentence)), "")
    if not subject or not _a_name(subject.split()[0], text):
        return ""
    words = _person(subject).split()
    if len(words) == 1 and not re.search(rf"[a-z,;:] {re.escape(words[0])}\b", text):
        return ""  # a capitalised word met only where a sentence opens is no surname
    if len(words) >= 2:
        return " ".join(words)
    return _in_full(words[0], text)


# words that open a sentence before a surname, never a given name ("Among Trump's promises")
_NOT_GIVEN = _PREPOSITIONS | {"among", "under", "over", "about", "after", "before", "against"}


def _in_full(surname: str, text: str) -> str:
    """The fullest name the text gives a surname ("Horner": "Christian Horner")."""
    for full in re.finditer(
        rf"(?<![\w.'\u2019\-] )\b([A-Z][a-z][\w'\u2019\-]*) {re.escape(surname)}\b", text
    ):
        first = full.group(1)
        if _a_name(first, text) and not opening_word(first) and first.lower() not in _NOT_GIVEN:
            return f"{first} {surname}"
    return surname


# whose speech a sentence is about: "video showing Horner's farewell speech to team members"
# before '"...," he said in the clip.'
_SPEECH_OF = re.compile(
    r"\b([A-Z][a-z][\w\-]+)['\u2019]s\s+(?:[a-z\-]+\s+){0,2}(?:speech|remarks|comments|"
    r"statement|interview|address|testimony|post|letter|message|announcement|news conference|"
    r"press conference)\b"
)


def _whose_speech(sentence: str, text: str) -> str:
    """The person whose speech the sentence is about, in full; "" when none."""
    m = _SPEECH_OF.search(_outside(sentence))
    if m is None or m.group(1).lower() in _NOT_NAMES:
        return ""
    return _in_full(m.group(1), text)


_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_CALENDAR = re.compile(
    rf"{_WEEKDAY.pattern}|January|February|March|April|May|June|July|"
    r"August|September|October|November|December"
)
_SURNAME = re.compile(r"(?<![\w.'\u2019\-])[A-Z][a-z][\w'\u2019\-]+(?![\w'\u2019\-]|\s+[A-Z])")


# "Press conference by NATO Secretary General Jens Stoltenberg following ...", "Briefing with
# Deputy Secretary Wendy R. Sherman on ...", "Statement by Amb. Alexander Lukashevich, ..."
_AUTHOR = re.compile(
    r"^(?:[\w\-]+\s+){0,4}?(?:by|with|from)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.'\u2019\-]*\s+){0,5}[A-Z][\w'\u2019\-]+)"
)
_BODIES = {
    "council", "ministry", "committee", "commission", "office", "department", "government",
    "assembly", "parliament", "board", "authority", "agency", "alliance", "union", "mission",
    "delegation", "embassy", "secretariat", "court", "group", "association", "company",
}  # fmt: skip
# the patterns whose name a body's name may go on after ("according to the ...", "said the ...")
_BODY_NAMING = (_ACCORDING, _SAID_NAME)
_BODY_HEADS = {
    "department", "council", "ministry", "committee", "commission", "office", "bureau",
    "center", "centre", "institute", "administration", "agency", "authority", "board",
    "association", "federation", "service", "services", "university", "college", "bank",
    "foundation", "fund", "organization", "organisation", "union", "court", "chamber",
}  # fmt: skip
_ABBREVIATED_TITLES = {"amb", "sec", "gen", "adm", "col", "sen", "rep", "gov", "prof", "h.e"}


# "Foreign Minister Sergey Lavrov's answers to media questions", "Secretary Antony J. Blinken
# at a Press Availability"
# "Telephone conversation with US President Joseph Biden": the publisher's readout of a call
# or meeting with someone else, not their words (an "interview with" or "briefing with" is)
_WITH_OTHER = re.compile(
    r"^(?:[\w\-]+\s+){0,4}?(?:conversation|call|talks?|meeting|negotiations|summit|visit|"
    r"phone call|exchange)s?\s+with\b",
    re.IGNORECASE,
)
_AUTHOR_FIRST = re.compile(
    r"^((?:[A-Z][\w.'\u2019\-]*\s+){1,5}[A-Z][\w\-]+)(?:['\u2019]s\s+(?:answers|remarks|"
    r"statement|speech|address|interview|message|article|op-ed|opening|comments|letter|"
    r"press)|\s+(?:at|on|in)\s+(?:a|an|the)\s+(?i:press|news|media|joint))"
)


def author(title: str) -> str:
    """The person a statement, speech or press conference is by, as its title names them."""
    m = _AUTHOR.match(title) or _AUTHOR_FIRST.match(title)
    if not m or _WITH_OTHER.match(title):
        return ""
    person = _person(m.group(1))
    words = person.split()
    if (
        not 2 <= len(words) <= 4
        or {w.lower() for w in words} & _BODIES
        or re.fullmatch(_ORG_HEADS, words[-1])
    ):
        # "Statement by the North Atlantic Council", "... from the Independent Pharmacy
        # Federation": the publisher's own text
        return ""
    return person


def one_person(party: str, kind: str | None) -> bool:
    """Whether a party the text found is one person holding in their own name ("Cui Tiankai",
    "Hammond", "Surgeon General Vivek Murthy"): names of no body, not in capitals, that the
    tagger took for no place or organisation, or that carry a person's title.
    """
    words = party.split()
    if not 1 <= len(words) <= 5 or party.isupper() or not all(w[:1].isupper() for w in words):
        return False
    if {w.lower() for w in words} & _BODIES or re.fullmatch(_ORG_HEADS, words[-1]):
        return False
    return kind in (None, "PERSON") or _person(party) != party


def _person(name: str) -> str:
    """'Boris Johnson' from 'British Prime Minister Boris Johnson': the words after the title."""
    words = name.split()
    if len(words) >= 3 and words[0].lower() in _OCCUPATIONS:
        words = words[1:]  # "Artist Tino Ortega, who ..., said": the sentence's first word
    titles = _TITLE_WORDS | _ABBREVIATED_TITLES
    titled = [
        i
        for i, w in enumerate(words)
        if w.lower().strip(".") in titles
        or ("-" in w and any(part in titles for part in w.lower().split("-")))  # Secretary-General
    ]
    if titled and titled[-1] < len(words) - 1:
        words = words[titled[-1] + 1 :]
    return " ".join(_after_office(words))


def _after_office(words: list[str]) -> list[str]:
    """The person's name after the office a news story gives before it ("Manatee County
    Administrator Scott Hopes" is Scott Hopes), so that a speaker reads as a name; the words
    unchanged when what follows the office is no one's name ("Justice Department", "Chief
    Justice", "Paul Farmer Jr.").
    """
    offices = [i for i, w in enumerate(words) if w.lower().strip(".,") in _OFFICES]
    if not offices or offices[-1] >= len(words) - 1:
        return words
    at = offices[-1]
    rest = words[at + 1 :]
    if at == 0 and len(words) == 2 and words[0].lower() in _GIVEN_TITLES:
        return words
    if words[at].lower() in _OCCUPATIONS - _HEAD_TITLES and len(rest) < 2:
        return words  # "Farmer Jones" may be a name; "Economist Greg McBride" is McBride
    if rest[-1].lower().strip(".,") in _BODY_ENDS:
        return words
    if not all(w[:1].isupper() for w in rest) or re.search(
        rf"\b(?:{_ORG_HEADS})\b", " ".join(rest)
    ):
        return words
    if all(w.lower().strip(".,") in _SUFFIXES or re.fullmatch(r"[A-Z]\.?", w) for w in rest):
        return words
    return rest


# what a person is called before their name at the start of a sentence, capitalised only there
_OCCUPATIONS = {
    "artist", "painter", "sculptor", "author", "writer", "novelist", "poet", "singer", "rapper",
    "actor", "actress", "comedian", "musician", "filmmaker", "photographer", "designer", "chef",
    "farmer", "teacher", "student", "resident", "activist", "historian", "economist", "analyst",
    "scientist", "researcher", "journalist", "reporter", "columnist", "entrepreneur", "investor",
    "developer", "architect", "engineer", "veteran", "survivor", "protester", "organizer",
    "volunteer", "coach", "player", "owner", "founder", "shopkeeper", "landlord", "tenant",
    "billionaire", "businessman", "businesswoman", "frontman", "carpenter", "employee",
    "parent", "planner", "candidate", "nurse", "doctor", "lawyer", "attorney", "bartender",
    "manager", "worker", "driver", "pilot", "editor", "producer", "director", "publicist",
}  # fmt: skip
# the titles of offices and callings that stand before a person's name in news copy, beyond
# the diplomatic ones above ("Sheriff Susan Hutson", "Town Manager Aaron Frank", "Marine
# Biology Professor Christopher Lowe", "Beach Police Sgt. Brian Hall")
_OFFICES = (
    _HEAD_TITLES
    | _OCCUPATIONS
    | {
        "speaker", "justice", "professor", "councilman", "councilwoman", "councilmember",
        "alderman", "trooper", "detective", "clerk", "auditor", "comptroller", "marshal",
        "sgt", "lt", "capt", "det", "cpl", "rabbi", "pastor", "rev",
        "bishop", "imam", "sen", "rep", "gov", "prof", "dr",
    }
)  # fmt: skip
# given names that are also titles: "Dean Phillips", "Earl Blumenauer" are no titled surnames
_GIVEN_TITLES = {"dean", "earl", "king", "marshal"}
# the last words of a body's name, which no one's name ends on ("Student Loan Bureau")
_BODY_ENDS = {
    "corp",
    "inc",
    "co",
    "llc",
    "ltd",
    "plc",
    "bureau",
    "center",
    "centre",
    "service",
    "services",
    "administration",
    "industries",
    "partners",
    "news",
    "times",
    "post",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _named_cleanly(voice: Voice) -> Voice | None:
    """The voice with its speaker's name free of the words a sentence opened with; None when
    nothing that names anyone is left ("For added zest, April threw in ...").
    """
    words = voice.speaker.split()
    while words and opening_word(words[0]):
        words.pop(0)
        if words and _WEEKDAY.fullmatch(words[0]):
            words.pop(0)  # "Earlier Wednesday Bastian" (but "Sunday Adelaja" is a name)
    speaker = " ".join(words)
    if speaker == voice.speaker:
        return voice
    if not speaker and not voice.party and voice.kind != "question":
        return None
    return replace(voice, speaker=speaker)


def _clean_name(name: str) -> str:
    words = name.rstrip(".,;:").split()
    # "D-N.Y. Cipollone": a party-and-state tag the sentence splitter left before the next
    # sentence's subject ("... Jerry Nadler, D-N.Y. Cipollone said ...")
    while words and (words[0].lower().strip(".") in _NOT_NAMES or _PARTY_TAG.match(words[0])):
        words.pop(0)
    if words and _CALENDAR.fullmatch(words[0]):
        return ""  # "an opposition lawmaker said Thursday he had ...": a day is no speaker
    return " ".join(words) if words and words[0][:1].isupper() else ""


_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.\-]*$")


def _outside(sentence: str) -> str:
    """The sentence with its quoted stretches blanked out."""
    return _QUOTED.sub(" ", sentence)


def _bare_quote(sentence: str) -> bool:
    """A sentence that is quotation and nothing else (its speaker is the one before)."""
    return len(_outside(sentence).split()) < 2


def _same_voice(a: Voice, b: Voice) -> bool:
    return (a.speaker, a.party, a.kind) == (b.speaker, b.party, b.kind)


def _one_paragraph(text: str, end: int, start: int) -> bool:
    """No line break between two offsets (news copy breaks its paragraphs with one)."""
    return 0 <= end <= start and "\n" not in text[end:start]


def _adjacent(text: str, end: int, start: int) -> bool:
    """Nothing but space between two spans."""
    return not text[end:start].strip()
