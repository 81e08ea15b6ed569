"""One person, one party in the lists: the names a collection gives a person, joined.

Each document names its people as it likes, and the reader keeps what each says: one story's
"Donald Trump" holds a position, the next story's "Trump", a third's "Republican Donald Trump".
The Positions tab then listed three parties for one man, and "What does Trump want?" read one
of them. Across documents only the stored statements are known: their holder and the speaker
the reader named. A surname held alone joins the one full name the collection gives it, when
the statements show both as a person speaking (the speaker is named so): "Ford" the carmaker
stays apart from "Doug Ford", as its statements are not spoken by a "Ford". Two full names with
one surname ("Joe Biden", "Hunter Biden") leave the surname alone, and so does a full name no
document of the surname's statements writes: a CNN piece on President Johnson's calls is not
Gloria Johnson's, though she is the one Johnson named in full elsewhere. A title or an office before
a full name ("Philadelphia District Attorney Larry Krasner") is shown as the name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

_PERSON_WORD = re.compile(r"[A-Z][a-z'’\-]+(?:[A-Z][a-z'’\-]+)?|[A-Z]\.|Jr\.?|Sr\.?|II|III")
_PARTICLES = {"de", "da", "del", "van", "von", "der", "bin", "al", "la", "le", "di", "du"}
# what stands before a name in a title ("District Attorney Larry Krasner", "Pastor Ramona Nix",
# "Republican Donald Trump"); the first name word follows the last of these
_TITLE_TAIL = {
    "president", "senator", "sen", "sen.", "rep", "rep.", "gov", "gov.", "governor", "mayor",
    "judge", "justice", "attorney", "pastor", "reverend", "rev.", "dr", "dr.", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "minister", "secretary", "chairman", "chair", "chairwoman",
    "councilmember", "councilman", "councilwoman", "councillor", "commissioner", "director",
    "expert", "leader", "speaker", "republican", "democrat", "democratic", "ceo", "chief",
    "officer", "spokesperson", "spokesman", "spokeswoman", "general", "sheriff", "superintendent",
    "professor", "prof.", "ambassador", "representative", "lawmaker", "activist", "founder",
    "owner", "manager", "president-elect", "vice", "former", "candidate", "nominee",
}  # fmt: skip


# capitalised words that open a sentence, not a name: "But Mia said ..."
_NOT_NAME_WORDS = {"but", "and", "the", "if", "when", "as", "so", "or", "following", "after",
                   "before", "while", "then", "now", "also", "still", "meanwhile", "yet"}  # fmt: skip


def _name_words(words: list[str]) -> bool:
    """Two to four words a person's name is made of: capitalised, initials, particles."""
    if not 2 <= len(words) <= 4 or any(w.lower() in _NOT_NAME_WORDS for w in words):
        return False
    if words[-1].lower() in _PARTICLES or not _PERSON_WORD.fullmatch(words[-1]):
        return False
    return all(_PERSON_WORD.fullmatch(w) or w.lower() in _PARTICLES for w in words)


def plain_name(name: str) -> str:
    """The person's name without the title or office written before it, "" when the name is
    no person's ("Senate Judiciary Committee", "Donald Trump and Russian").
    """
    words = name.split()
    cut = max((k + 1 for k, w in enumerate(words) if w.lower() in _TITLE_TAIL), default=0)
    rest = words[cut:]
    return " ".join(rest) if _name_words(rest) else ""


def joined_names(
    rows: Iterable[tuple[str, str]],
    known: Iterable[str] = (),
    written_with: Callable[[str, str], bool] = lambda surname, full: True,
) -> dict[str, str]:
    """Party id -> the id it is shown under, for the ids that change. `rows`: the stored
    (holder id, speaker) pairs; `known`: ids of the shipped registry, never renamed;
    `written_with(surname, full)`: whether a document of the surname's statements writes the
    full name.
    """
    keep = set(known)
    speakers: dict[str, set[str]] = defaultdict(set)
    for pid, speaker in rows:
        speakers[pid].add(speaker or "")
    spoken_as_person = {
        pid
        for pid, names in speakers.items()
        if any(s and s.split()[-1] == pid.split()[-1] for s in names)
    }
    out: dict[str, str] = {}
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for pid in speakers:
        if pid in keep or " " not in pid:
            continue
        plain = plain_name(pid)
        if not plain or pid not in spoken_as_person:
            continue
        if plain != pid:
            out[pid] = plain  # "Republican Donald Trump" -> "Donald Trump"
        full_by_surname[plain.split()[-1]].add(plain)
    for pid in speakers:
        if pid in keep or " " in pid or pid not in spoken_as_person:
            continue
        full = full_by_surname.get(pid, set())
        if len(full) == 1 and written_with(pid, next(iter(full))):
            out[pid] = next(iter(full))  # "Trump" -> "Donald Trump"
    return out


# what opens or describes a phrase, never a party's name: "Incumbent" (Mayor Mitch Roth),
# "Following", "infamous Apophis" (an asteroid)
_NOT_FIRST = {
    "incumbent", "infamous", "following", "but", "and", "from", "although", "while",
    "outgoing", "incoming",
}  # fmt: skip


def usable_holder(holder: str, speaker: str, text: str) -> str:
    """The holder a statement is stored under: the reader's, unless that is no party's name,
    then the speaker who said it in their own name, else "" (no statement): "Incumbent" (for
    Rep. Jahana Hayes), "infamous Apophis" (an asteroid), "Administration administration", a
    lone letter.
    """
    words = holder.split()
    if not words:
        return holder
    bad = (
        words[0].lower() in _NOT_FIRST
        or any(a.lower() == b.lower() for a, b in zip(words, words[1:], strict=False))
        or re.search(r"[/\\|]$", holder) is not None
        or len(re.sub(r"\W", "", holder)) < 2  # "C" of "Spotted (C)ow"
    )
    if not bad:
        return holder
    return speaker if speaker and speaker != holder and speaker[:1].isupper() else ""
