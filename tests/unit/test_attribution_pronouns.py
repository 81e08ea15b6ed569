"""A quoted sentence that gives its speaker only as "he" or "she" names the stored speaker in
brackets; a party's voice, a sentence that names the speaker, and a pronoun inside the quote
are left as they are."""

from __future__ import annotations

from assistant.attribution import attribute, named_pronoun
from index.types import VoiceRow

QUOTE = '"China has no interest in seeking world domination," he said.'


def _voice(speaker: str, party: str = "", kind: str = "quote") -> VoiceRow:
    return VoiceRow(0, 200, speaker, party, kind)


def test_the_pronoun_of_the_reporting_clause_becomes_the_name() -> None:
    v = _voice("Cui Tiankai")
    assert named_pronoun(v, QUOTE) == (
        '"China has no interest in seeking world domination," [Cui Tiankai] said.'
    )
    assert named_pronoun(v, "She said the talks would resume.") == (
        "[Cui Tiankai] said the talks would resume."
    )
    assert named_pronoun(v, '"We will go," said he.') == '"We will go," said [Cui Tiankai].'


def test_what_needs_no_name_is_left_alone() -> None:
    assert named_pronoun(_voice("", "China"), QUOTE) == QUOTE  # a party's voice: no person
    assert named_pronoun(_voice("Cui Tiankai", kind="question"), QUOTE) == QUOTE
    named = '"China has no interest," Cui said.'
    assert named_pronoun(_voice("Cui Tiankai"), named) == named
    inside = 'Cui Tiankai recalled: "He said no."'
    assert named_pronoun(_voice("Cui Tiankai"), inside) == inside
    assert named_pronoun(_voice("Cui Tiankai"), 'They said "no".') == 'They said "no".'
    # "said he" with a verb after it: "he" opens what was said, and is not the speaker
    said_of = "The spokesman said he would resign if the talks failed."
    assert named_pronoun(_voice("Cui Tiankai"), said_of) == said_of


def test_answers_and_memos_get_the_name_through_attribute() -> None:
    voices = {"d1": [_voice("Cui Tiankai", "China")]}
    [text] = attribute([("d1", QUOTE, (0, len(QUOTE)), "")], voices, lambda pid: pid)
    assert "[Cui Tiankai] said" in text
