"""Saying whose words a quoted sentence is, from the voices stored at ingest (assistant/voices.py).

An answer that quotes "We reiterate our long-standing invitation to Russia ..." must say that
NATO wrote it; "We had a frank and forthright discussion" must say that Sherman said it. The
sentence does not say so; the stored voice does (a transcript turn, a party's own text, a named
speaker's quote). A sentence that already names its speaker is left as it is, and a run of
sentences in one voice is introduced once. A journalist's question is never quoted as an answer.
Nothing here parses: the question path reads stored spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date as Date

from assistant.types import VoiceRow
from assistant.voices import INVERTED_END, describes_its_speaker

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d\"]*(?:[\u201d\"]|$)")
# "What did Sherman say about ...", "How did the Kremlin respond ...", "What has Ruiz told ..."
_SAID_QUESTION = re.compile(
    r"\b(?i:what|how)\s+(?i:did|does|do|has|have|had|will|would)\s+(?i:the\s+)?"
    r"(?P<who>[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3})\s+"
    r"(?i:say|said|tell|told|respond|responded|react|reacted|reply|replied|answer|state|write|"
    r"argue|claim|think|mean|announce|promise|warn|propose|proposed|offer|offered|demand|"
    r"demanded|reject|rejected)\b"
)

# the sentence names its speaker itself, if only by a pronoun
_OWN_SPEAKER = re.compile(
    r"\b(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|tells|wrote|"
    r"writes|posted|continued|explained|argued|insisted|noted|stated|declared|replied)\b",
    re.IGNORECASE,
)


class Voices:
    """The stored voices of documents, and the display names of the parties they name."""

    def __init__(
        self,
        read: Callable[[Sequence[str]], Mapping[str, list[VoiceRow]]],
        party_name: Callable[[str], str],
        find_party: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        self.of = read
        self.party_name = party_name
        self.find_party = find_party  # "the Kremlin" -> the id of Russia

    def attributed(
        self,
        claims: Sequence[tuple[str, str, tuple[int, int], str]],
        stored: Mapping[str, Sequence[VoiceRow]] | None = None,
    ) -> list[str]:
        """`attribute` over these documents' voices (read here unless the caller has them)."""
        if stored is None:
            stored = self.of([doc_id for doc_id, _, _, _ in claims])
        return attribute(claims, stored, self.party_name)


def voice_at(voices: Sequence[VoiceRow], span: tuple[int, int]) -> VoiceRow | None:
    """The voice the sentence at `span` is in (its start inside the voice's span)."""
    for v in voices:
        if v.start <= span[0] < v.end:
            return v
        if v.start > span[0]:
            break
    return None


def is_question(voices: Sequence[VoiceRow], span: tuple[int, int]) -> bool:
    v = voice_at(voices, span)
    return v is not None and v.kind == "question"


def asked_speaker(question: str) -> str:
    """The speaker a question asks about ("Sherman" in "What did Sherman say about ...")."""
    m = _SAID_QUESTION.search(question)
    return m.group("who") if m else ""


def spoken_by(voice: VoiceRow | None, who: str, voices: Voices) -> bool:
    """Whether a voice is the asked-about speaker's: their name (or surname), or their party."""
    if voice is None or voice.kind == "question" or not who:
        return False
    want = who.lower().split()
    speaker = voice.speaker.lower().split()
    if speaker and (speaker[-1] == want[-1] or speaker == want):
        return True
    if not voice.party_id or speaker:
        return False  # a named person is not their whole party
    pid = voices.find_party(who)
    party = voices.party_name(voice.party_id).lower()
    return voice.party_id == pid or party == who.lower()


def lead_in(
    voice: VoiceRow | None, sentence: str, date: str, party_name: Callable[[str], str]
) -> str:
    """The words that say whose sentence this is ("Sherman (United States) said: "), or "" when
    the sentence says so itself or is the outlet's own reporting.
    """
    if voice is None or voice.kind in ("question", "paraphrase"):
        return ""
    party = party_name(voice.party_id) if voice.party_id else ""
    outside = _QUOTED.sub(" ", sentence)
    if _OWN_SPEAKER.search(outside):
        return ""  # '"..., I think the debate should be held on Fox," he wrote': it says whose
    if voice.speaker:
        surname = voice.speaker.split()[-1]
        if re.search(rf"\b{re.escape(surname)}\b", outside):
            return ""
        who = voice.speaker
        if party and party.lower() not in who.lower():
            who += f" ({party})"
        return f"{who} said: "
    if not party or (voice.kind == "quote" and party.lower() in outside.lower()):
        return ""
    if describes_its_speaker(sentence):
        return ""  # "... after a senior UN official said ...": the reporter's account
    if sentence.lower().startswith(party.lower()):
        return ""
    when = _short_date(date)
    return f"{party}, {when}: " if when else f"{party} said: "


def attribute(
    claims: Sequence[tuple[str, str, tuple[int, int], str]],
    voices: Mapping[str, Sequence[VoiceRow]],
    party_name: Callable[[str], str],
) -> list[str]:
    """Each claim's text (doc_id, text, span, date in) with its speaker's lead-in where needed; a
    run of claims in one voice of one document is introduced once.
    """
    out: list[str] = []
    previous: tuple[str, str] | None = None
    for doc_id, text, span, date in claims:
        voice = voice_at(voices.get(doc_id, ()), span)
        # one speaker's run is introduced once, across documents too (the citations tell them)
        key = (voice.speaker or doc_id, voice.party_id) if voice is not None else None
        lead = "" if key is not None and key == previous else lead_in(voice, text, date, party_name)
        previous = key
        out.append(lead + (text if lead else named_pronoun(voice, text)))
    return out


# "he said", "she told reporters", "said he": the pronoun that stands for the speaker
_PRONOUN_SPEAKER = re.compile(
    r"\b(?P<p>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|"
    r"tells|wrote|writes|posted|continued|explained|argued|insisted|noted|stated|declared|"
    r"replied|warned|suggested|cautioned|vowed|acknowledged|conceded|countered|asserted|"
    r"maintained|admitted|reiterated|contended|predicted|complained)\b|"
    rf"\b(?:said|says|added|wrote|continued)\s+(?P<q>he|she)\b{INVERTED_END}"
)


def named_pronoun(voice: VoiceRow | None, sentence: str) -> str:
    """The sentence with the pronoun of its reporting clause replaced by the stored speaker's
    name in brackets, as an editor clarifies a quote: '"China has no interest in seeking world
    domination," [Cui Tiankai] said.' Quoted alone, "he said" tells the reader nothing. Only a
    named person's voice, and only "he" or "she" outside the quotation marks.
    """
    if voice is None or not voice.speaker or voice.kind not in ("quote", "paraphrase"):
        return sentence
    surname = voice.speaker.split()[-1]
    outside = _QUOTED.sub(" ", sentence)
    if re.search(rf"\b{re.escape(surname)}\b", outside):
        return sentence
    quoted = [m.span() for m in _QUOTED.finditer(sentence)]
    for m in _PRONOUN_SPEAKER.finditer(sentence):
        group = "p" if m.group("p") else "q"
        a, b = m.span(group)
        if not any(qa <= a < qb for qa, qb in quoted):
            return f"{sentence[:a]}[{voice.speaker}]{sentence[b:]}"
    return sentence


def _short_date(iso: str) -> str:
    try:
        d = Date.fromisoformat(iso[:10])
    except ValueError:
        return ""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
