"""Who speaks where, as a document's layout says it: transcript labels, Q/A turns, email and
post headers, a letter's salutation, section headings, datelines.

These forms name the speaker outside the sentences the parser reads, so they are read from the
text by regular expressions, before any parse, to tell whose "we" and "I" a sentence holds.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from assistant.no_position import headline
from assistant.stance_parties import HONORIFICS, ORG_LIKE, SHORT_TITLES, Parties, is_titled
from assistant.stance_words import (
    _GOVERNMENT_TITLES,
    _LABEL,
    _NOT_SPEAKER_ROLES,
    _NOT_SPEAKERS,
    _ORG_HEADS,
    _TITLE_RE,
    _TITLE_WORDS,
    _outlet,
)

# a blog's "Posted by Maren Holt, Chief Executive, Brightfold Software, 21 October 2025" under
# its title
_BYLINE_LINE = re.compile(
    r"^[ \t]*(?:(?:Posted|Written|Published) by|By) ((?:[A-Z][\w.'’\-]+ ){1,3}[A-Z][\w'’\-]+)\b",
    re.M,
)


def byline(text: str) -> str:
    """The person a byline names ("By NAME", "Posted by NAME"), on the text's first line or one
    of the three after it.
    """
    head = "\n".join(text.lstrip().split("\n")[:4])
    m = _BYLINE_LINE.search(head)
    return m.group(1) if m else ""


_QA_DOT = re.compile(r"^[ \t]*([QA])\.[ \t]+(?=\S)", re.M)  # "Q. Will you ...?" / "A. No."


def speaker_turns(text: str) -> list[tuple[int, int, str]]:
    """Transcript turns: (label start, text start, speaker label) for 'NAME: ...' lines, and an
    interview's 'Q.' / 'A.' lines.
    """
    out = [(m.start(1), m.end(), m.group(1)) for m in _QA_DOT.finditer(text)]
    if not any(label == "A" for _, _, label in out):
        out = []  # "A. Smith said ...": a Q/A layout has answers
    out += _post_headers(text)
    named: list[tuple[int, int, str]] = []
    for m in _LABEL.finditer(text):
        label = m.group(1).strip()
        if label.lower() == "from":  # an email's header opens the sender's turn
            header = _line(text, m.end())
            label = _with_domain(_sender(header), header, text)
            if label:
                out.append((m.start(1), m.end(), label))
            continue
        if label.lower() in _EMAIL_FIELDS or _field(label, text):
            continue  # "To:", "Present:": a header or a list, not a turn
        if label.lower().replace("\u2019", "'") in _FURNITURE:
            continue  # "News: ...", "WINNER: ...", "Sunday: ...": a page's sections and lists
        if _HEADING_WORD.search(label.partition("(")[0]):
            continue  # "BACK IN THE STATES: What is the draft?", "Sign-up for Your Vote: ..."
        # "The Cabinet Secretary for Net Zero and Energy (Callum Reid)": six names, and the
        # small words between them
        words = [
            w
            for w in label.partition("(")[0].replace(".", "").split()
            if w not in ("of", "for", "the", "and")
        ]
        if len(words) > 6 or (len(words) == 1 and len(words[0]) < 2 and words[0] not in "QA"):
            continue
        first = label.upper().partition("(")[0].split()[0]
        role = label.upper().partition("(")[2].rstrip(")").strip()
        if role in _NOT_SPEAKERS:
            first = role  # "PRIYA NANDAKUMAR (HOST)": the presenter's turn, as "HOST:" is
        if _PRESIDING.fullmatch(label.partition("(")[0].strip()):
            first = "MODERATOR"  # "The Speaker: Order. The motion is not agreed to.": the chair
        # "REPORTER (Dunmore Herald)": a journalist's turn whatever outlet the label names
        named.append((m.start(1), m.end(), first if first in _NOT_SPEAKERS else label))
    # A transcript has speakers who speak more than once; in a text with none, a label with
    # no role in brackets is a listicle's heading or the page's furniture ("Las Vegas: ...",
    # "Editor's Note: ...", "CORRECTION: ...", "PS: ..."), not a turn (of 742 such labels in
    # RealTime QA news, most were places). "News from around our 50 states" names Washington
    # twice among 50 places: repeats must be a good share of the turns.
    named = [turn for turn in named if not _heading(text, turn)]
    # by the person, so that "Aron Meel:" repeats "The Minister of the Interior (Aron Meel):"
    uses = Counter(person_from_label(label)[0] or label for _, _, label in named)
    # a moderator's turn, or a turn that asks ("Mark Dunn: Will you lower the fee?"), makes
    # a transcript too
    asking = [
        turn
        for turn in named
        if turn[2] in _NOT_SPEAKERS
        or turn[2].upper() in ANSWER_LABELS
        or _line(text, turn[1]).endswith("?")
    ]
    repeats = len(named) - len(uses)
    # a form's or a listing's fields ("WHERE:", "WHEN:", "WHO SAID IT:", "OUR FINDING:")
    # repeat item after item as a transcript's speakers do; a label that opens with a question
    # word or a possessive names no one, and makes the page a form, not a transcript
    form = any(_FIELD_OPENER.match(label) for _, _, label in named)
    transcript = not form and (bool(asking) or (repeats > 0 and repeats >= len(uses) // 3))
    out += [
        turn
        for turn in named
        if not _FIELD_OPENER.match(turn[2])
        and (transcript or _bracketed_role(turn[2]) or _introduced(text, turn))
    ]
    for m in _CAPS_LABEL.finditer(text):
        # "MIKE DORAN, PRESIDENT, MARLOW DOCKERS UNION:" (a broadcast transcript's label) reads
        # as "MIKE DORAN (PRESIDENT, MARLOW DOCKERS UNION)"; a correspondent's is a journalist's
        name, rest = m.group(1).split(",", 1)
        role = set(rest.lower().replace(",", " ").split())
        label = "REPORTER" if role & _JOURNALISTS else f"{name.strip()} ({rest.strip()})"
        out.append((m.start(1), m.end(), label))
    if _bulletin(text, out):
        # a news bulletin's newsreader and reporters tell the news as wire copy does; the clips
        # between them are the speakers' own words
        out = [(a, b, NOTE if _READER.match(label.upper()) else label) for a, b, label in out]
    if out:
        # "Transcriber's note: ...", "Editor's note: ..." after the turns, or a heading of its
        # own ("The government's reply", "*"): the record's own words, no longer the last
        # speaker's
        first = min(turn[0] for turn in out)
        out += [(m.start(1), m.end(), NOTE) for m in _NOTE.finditer(text) if m.start(1) > first]
        # (a heading only after an interview's last answer: headings inside speeches, emails
        # and posts are their writers' own)
        last = max(turn[0] for turn in out)
        qa = any(
            label.upper() in ANSWER_LABELS or label.split()[0].upper() in _NOT_SPEAKERS
            for _, _, label in out
        )  # an interview, a press conference's questions
        out += [
            (m.start(1), m.start(1), NOTE)
            for m in _BREAK.finditer(text)
            if qa and m.start(1) > last
        ][:1]
    return sorted(out)


_FIELD_OPENER = re.compile(
    r"(?i:who|whom|whose|what|when|where|why|how|which|our|your|my|their|more)\b"
)


def _bracketed_role(label: str) -> bool:
    """A label with its speaker's role or party in brackets ("Ms Halvik (Eastmoor)"); an amount
    or a year there makes it a listicle's entry ("Tyler Glasnow ($136 million):", "Call of
    Duty (2010):"), whose text is the writer's.
    """
    role = label.partition("(")[2]
    return bool(role) and not re.search(r"[\d$€£¥%]", role)


NOTE = "NOTE"  # the label of such a note's turn
_READER = re.compile(r"(?:NEWSREADER|NEWSCASTER|READER|REPORTER|CORRESPONDENT|CUE|ANCHOR)\b")


def _bulletin(text: str, turns: list[tuple[int, int, str]]) -> bool:
    """A radio or television news bulletin's script: a newsreader's turns, or clips cued."""
    return any(label.upper().startswith(("NEWSREADER", "NEWSCASTER")) for _, _, label in turns) or (
        re.search(r"\[CLIP\b", text) is not None
        and re.search(r"\bBULLETIN\b", text[:300]) is not None
    )


# a paragraph of one short line with no closing stop: a heading, or a row of stars or dashes
_BREAK = re.compile(
    r"\n\n[ \t]*((?:\*+|[-–—]{1,3}|[A-Z][^\n.!?:;]{0,60}[^\n.!?:;\"”’)\]]))[ \t]*\n\n"
)
_NOTE = re.compile(r"^[ \t]*((?:[A-Z][\w'’]+ )?[Nn]ote):[ \t]+", re.M)
# a legislature's presiding officer, who keeps order and puts the question, holding no position
_PRESIDING = re.compile(r"(?:(?:The|Mr\.?|Madam|Madame)\s+)?(?:Deputy\s+)?Speaker", re.I)


def _line(text: str, start: int) -> str:
    return text[start : text.find("\n", start) % (len(text) + 1)].rstrip()


def _heading(text: str, turn: tuple[int, int, str]) -> bool:
    """'Call of Duty: Black Ops (2010)' on a line of its own: a title, not a speaker's turn.
    So is 'New Hampshire: Voter fraud or bogus claims?' when prose follows, unlabelled, as a
    paragraph of its own: one question in a listicle's headings made the whole page a transcript
    of fifty states, and answers quoted its sentences as "New Hampshire said: ...". A speaker's
    question is answered by the next turn ("Mark Dunn: Will you lower the fee?" / "MINISTER: No.").
    """
    line = _line(text, turn[1])
    words = len(line.split())
    after = _BLANK_LINE.match(text, turn[1] + len(line))
    if line.endswith("?"):
        return words < 10 and after is not None and _LABEL.match(text, after.end()) is None
    if line.endswith((".", "!", '"', "\u201d", "\u2019", ":")):
        return False
    # a columnist's headlines run longer ("Bice: Supreme Court candidate Brad Schimel is not
    # supposed to beg for money, but keeps joking about it"), a paragraph of their own
    return words < 10 or (words < 25 and after is not None)


# words a page's headings hold and no speaker's name or office does (an office may hold "of",
# "for", "the", "and", "to": "Ambassador to the United Nations")
_HEADING_WORD = re.compile(
    r"(?<![\w'\u2019-])(?i:in|on|at|your|our|my|is|are|was|with)(?![\w'\u2019-])"
)
_BLANK_LINE = re.compile(r"[ \t]*\n[ \t]*\n\s*")


_CAPS_LABEL = re.compile(
    r"^[ \t]*([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){1,3},(?: [A-Z0-9][A-Z0-9.'’&\-]*){1,8}"
    r"(?:,(?: [A-Z0-9][A-Z0-9.'’&\-]*){1,8})?):[ \t]+",
    re.M,
)
_JOURNALISTS = {"correspondent", "reporter", "anchor", "presenter", "host", "editor", "journalist"}


# labels of a page's sections, lists and notes, never of a speaker
_FURNITURE = {
    *"news sports life tech money travel opinion politics business health weather world nation "
    "entertainment winner winners nominees read related more story watch photo photos video "
    "caption correction corrections update updates note source credit credits about ps re "
    "resolved monday tuesday wednesday thursday friday saturday sunday".split(),
    "editor's note",
    "facts first",
    "what matters",
    "live updates",
    "what's next",
    "why it matters",
    "the big picture",
    "between the lines",
    "the bottom line",
    "go deeper",
    "read more",
}
_EMAIL_FIELDS = {"to", "cc", "bcc", "sent", "date", "subject"}
_POST_HEADER = re.compile(
    r"[ \t]*([A-Z][^\n()@:.!?]{1,80}?)[ \t]*\(@\w{1,40}\)"
    r"(?:[ \t]*[·•|][^\n·•|]{0,30}?(?:\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?|\d{4}|\b\d{1,2}[hmd]\b))?"
    r"[ \t]*\n?"
)


def _not_a_citation(text: str, m: re.Match[str]) -> bool:
    """A header, not a news story's sentence quoting a post ('Another X user, Chaddy
    (@brewcity43) said, "..."', which had made every later paragraph his): no reporting verb
    after the handle.
    """
    return _REPORTED_POST.match(text, m.end()) is None


_REPORTED_POST = re.compile(
    r"[ \t,]*(?:also\s+|later\s+)?(?:said|says|wrote|writes|posted|posts|tweeted|tweets|added|"
    r"replied|commented|shared|responded|asked|argued|claimed|joked|noted)\b",
    re.I,
)


def _post_headers(text: str) -> list[tuple[int, int, str]]:
    """A social-media thread's post headers ('Veloxa Broadband (@VeloxaHelp) · 5 Oct, 10:15'):
    each opens a turn of the account's owner, like a transcript's speaker label. Only the lines
    holding '(@' are read. An organisation's account is labelled as its own sender ('X (sender,
    X)'), so that its posts' "we" is the organisation; a person's account by the name alone.
    """
    out: list[tuple[int, int, str]] = []
    at = text.find("(@")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        m = _POST_HEADER.match(text, start)
        if m and _not_a_citation(text, m):
            name = m.group(1).strip()
            label = name if _personal(name, text) else f"{name} (sender, {name})"
            out.append((m.start(1), m.end(), label))
        at = text.find("(@", at + 2)
    for m in _POST_BY.finditer(text):  # "Post by @MerrivaleBank, 10.05am:"
        owner = handle_owner(m.group(1), text)
        if owner:
            out.append((m.start(), m.end(), f"{owner} (sender, {owner})"))
    for m in _POST_NAMED.finditer(text):  # "Clean Bren Campaign @CleanBren · 8:02"
        name = m.group("name").strip()
        label = name if _personal(name, text) else f"{name} (sender, {name})"
        out.append((m.start("name"), m.end(), label))
    out += _group_posts(text)
    named: dict[str, str] = {}  # handle -> the display name its first header gave
    for m in _POST_AT.finditer(text):  # "@PMDriversCollective · Portmere Drivers' ... · 10 Nov"
        handle = m.group("handle")
        name = (m.group("name") or "").strip() or named.get(handle) or handle_owner(handle, text)
        if not name:
            continue
        named.setdefault(handle, name)
        label = name if _personal(name, text) else f"{name} (sender, {name})"
        out.append((m.start(), m.end(), label))
    return sorted(out)


# a group page's time line: "3 May at 09:14 · 🌐", "Yesterday at 18:02"
_POSTED_AT = re.compile(
    r"(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2}|Yesterday|Today) at \d{1,2}:\d{2}(?:[ \t]*[·•].*)?"
)
# the name over a post or a reply, with its page badges and maybe the time: "Coppins End
# Residents' Association (CERA) › Admin 3 May at 09:14", "Threadwell Buses ✓"
_POSTER_NAME = r"([A-Z][^\n@:.!?·•|()›✓]{1,80}?)(?:[ \t]*\([A-Z]{2,8}\))?"
_BADGE = r"(?:✓|› ?[A-Z][a-z]+)"
_POSTER = re.compile(rf"{_POSTER_NAME}(?:[ \t]*{_BADGE})?(?:[ \t]+(?P<time>{_POSTED_AT.pattern}))?")


@functools.lru_cache(maxsize=4)
def _group_page(text: str) -> bool:
    """A community group's page, whose posts run on to the next poster's name."""
    return any(_group_posts(text))


def _group_posts(text: str) -> list[tuple[int, int, str]]:
    """A community group's posts and replies: a line with the poster's name (and badges, and
    the time: '3 May at 09:14'), the post's text after it, the time at its end when not at its
    head. Each opens its poster's turn, like a transcript's speaker label.
    """
    out: list[tuple[int, int, str]] = []
    start = 0
    for block in text.split("\n\n"):
        lines = block.split("\n")
        head = _POSTER.fullmatch(lines[0].strip())
        # the time closing a reply, on its own line or joined to the reply's last words
        closed = _POSTED_AT_END.search(block) is not None and (len(lines) >= 2 or not head)
        at = start + len(block) - len(block.lstrip())
        if head and (head.group("time") or closed) and len(head.group(1).split()) <= 8:
            name, body = head.group(1).strip(), start + len(lines[0]) + 1
        elif closed and (badged := _BADGED.match(block.lstrip())):
            # "Coppins End Residents' Association (CERA) › Admin Thanks Kristof. ...": the page's
            # badge ends the name
            name, body = badged.group(1).strip(), at + badged.end()
        elif closed and (reply := _REPLY.match(block.lstrip())):
            # "Cllr Romilly Fashanu-Dray Hi Dev, I'm cabinet member ...": a name, then the reply
            name, body = reply.group("name"), at + reply.end("name") + 1
        else:
            start += len(block) + 2
            continue
        label = name if _poster_personal(name, text) else f"{name} (sender, {name})"
        if label == name and name.split()[0].lower().rstrip(".") not in _POSTER_TITLES:
            label = "AUDIENCE"  # a member of the public, posting in their own name
        out.append((at, body, label))
        start += len(block) + 2
    return out


_BADGED = re.compile(rf"{_POSTER_NAME}[ \t]*{_BADGE}[ \t]+")
_POSTER_TITLES = _TITLE_WORDS | {"cllr", "councillor", "mayor", "dr", "prof", "rev", "sen", "rep"}
_POSTED_AT_END = re.compile(rf"(?:^|\s)(?:\^\w+ )?{_POSTED_AT.pattern}$")
# a reply's poster run into its first words: a title, a first name and a surname, one of them
# double ("Hattie Brannagh-Oyo My mum is ..."), before a word no name has
_REPLY = re.compile(
    r"(?P<name>(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Prof)\.? )?[A-Z][a-z]+ "
    r"(?:[A-Z][a-z'’]+ )?[A-Z][a-z'’]+-[A-Z][a-z'’]+) (?=[A-Z])"
)


# "@PMDriversCollective · Portmere Drivers' Collective · 10 Nov 2025, 08:12", then
# "@PMDriversCollective · 10 Nov 2025, 08:13": a post's header, handle first, the display name
# only the first time
_POST_AT = re.compile(
    r"^[ \t]*@(?P<handle>\w{2,40})[ \t]*[·•|][ \t]*"
    r"(?:(?P<name>[A-Z][^\n·•|@]{1,80}?)[ \t]*[·•|][ \t]*)?"
    # (cleaning may have joined the post to its header line; "2/" numbers a thread's parts)
    r"[^\n·•|]{0,30}?\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?(?:\s*\d{1,2}/)?[ \t]*\n?",
    re.M,
)


# "Clean Bren Campaign @CleanBren · 8:02": the display name, then the handle, then the time
_POST_NAMED = re.compile(
    r"^[ \t]*(?P<name>[A-Z][^\n()@:.!?·•|]{1,80}?)[ \t]+@\w{2,40}[ \t]*[·•|][ \t]*"
    r"[^\n·•|]{0,30}?(?:\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?|\b\d{1,2}[hmd]\b|\d{4})[ \t]*\n?",
    re.M,
)


def _poster_personal(name: str, text: str) -> bool:
    """Whether a group member's display name is a person's: no word of a body, and a title,
    a double surname, or a reply that greets them by the first name ("Hi Dev").
    """
    words = name.split()
    if _ACCOUNT_BODY.search(name) or ORG_LIKE.search(name) or len(words) > 4:
        return False
    titled = words[0].lower().rstrip(".") in _POSTER_TITLES and len(words) > 1
    first = words[1] if titled else words[0]
    greeted = re.search(rf"\b(?:Hi|Hello|Hey|Thanks|Thank you|Dear),? {re.escape(first)}\b", text)
    return titled or "-" in words[-1] or greeted is not None or _personal(name, text)


def _personal(name: str, text: str) -> bool:
    """Whether an account's display name is a person's: the text shows it as one (`is_titled`)
    and it is no organisation's: no word of a kind of body ("Portmere Drivers' Collective"),
    and its first word never stands alone as a name ("Zipwell pays its drivers" for "Zipwell
    Portmere", a company's local account).
    """
    words = name.split()
    if _ACCOUNT_BODY.search(name) or ORG_LIKE.search(name):
        return False
    if len(words) > 1 and re.search(rf"\b{re.escape(words[0])}\b(?! {re.escape(words[1])})", text):
        return False
    return is_titled(name, text)


_ACCOUNT_BODY = re.compile(r"\b(?:Collective|Campaign|Residents|Workers|Drivers|News|Team)\b")


# "Post by @OstlandSBF, 9.35am:", "Tweet from @CrestmartNews (8:52):": a post's header line
_POST_BY = re.compile(
    r"^[ \t]*(?:Post|Tweet|Reply|Message|Update|Comment)(?:ed)? (?:by|from) @(\w{2,40})\b"
    r"[^\n]{0,40}:[ \t]*(?:\n|$)",
    re.M,
)


def handle_owner(handle: str, text: str) -> str:
    """The organisation an account's handle stands for, as the text names it: "MerrivaleBank"
    -> "Merrivale Bank", "OstlandSBF" -> "Ostland Small Business Federation" (its initials),
    "CrestmartNews" -> "Crestmart"; '' when the text names none.
    """
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", handle)
    if not parts or not parts[0][:1].isupper():
        return ""
    rest = parts[1:]
    best = ""
    for m in re.finditer(
        rf"\b{re.escape(parts[0])}((?: (?:of |for |and )?[A-Z][\w'’&\-]*)*)", text
    ):
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        if [w.lower() for w in words[: len(rest)]] == [r.lower() for r in rest] or (
            rest and initials == "".join(rest) and all(r.isupper() for r in rest)
        ):
            name = m.group(0) if not rest or initials == "".join(rest) else ""
            name = name or " ".join([parts[0], *words[: len(rest)]])
            if len(name) > len(best):
                best = name
    if best:
        return best.rstrip("'’")
    return parts[0] if re.search(rf"\b{re.escape(parts[0])}\b(?!\w)", text) else ""


def _field(label: str, text: str) -> bool:
    """Whether 'Word:' names a field of the page ("Present:", "Apologies:", "Agreed (by
    show of hands):") rather than a speaker: one capitalised word, not in capitals (a transcript's
    convention), that the text never uses as a surname ("Minister Vasko", "Ned Price").
    """
    name = label.partition("(")[0].split()
    if len(name) != 1 or name[0].isupper() or name[0].lower() in HONORIFICS:
        return False
    return not re.search(rf"\b[A-Z][\w.'’\-]* {re.escape(name[0])}\b(?!:)", text)


def _sender(header: str) -> str:
    """An email's sender as a speaker label: 'Dana Ruiz, Head of Legal, Larkspur Pictures
    <d@x.example>' -> 'Dana Ruiz (Head of Legal, Larkspur Pictures)', which names the person and
    their organisation the way a transcript's label does; '' for an address alone.
    """
    header = re.sub(r"<[^>]*>|\S+@\S+", "", header).strip(" ,;\"'")
    name, _, rest = header.partition(",")
    name = name.strip()
    if not name or not name[0].isupper():
        return ""
    rest = rest.strip(" ,")
    if not rest:
        return name
    if "," in rest or ORG_LIKE.search(rest):
        return f"{name} ({rest})"
    if set(rest.lower().split()) & (_TITLE_WORDS | _NOT_SPEAKER_ROLES):
        return name  # "Dana Ruiz, Chief Executive": a title alone
    return f"{name} (sender, {rest})"  # "Dana Ruiz, Larkspur Pictures": the organisation


def _with_domain(label: str, header: str, text: str) -> str:
    """A sender named without an organisation ('Owen Tarrant <o.tarrant@fju.example>'), given
    the one the address's domain stands for when the text names it ("fju": the Freelance
    Journalists' Union; "ravelston": Ravelston Media Group).
    """
    m = re.search(r"@([a-z0-9\-]+)\.", header, re.I)
    if not label or "(" in label or not m:
        return label
    domain = m.group(1)
    org = _initialled(domain.upper(), text) if 2 <= len(domain) <= 5 else ""
    org = org or handle_owner(domain.capitalize(), text)
    return f"{label} ({org})" if org and " " in org else label


def _initialled(initials: str, text: str) -> str:
    """The name of capitalised words whose initials these are ("FJU": "Freelance Journalists'
    Union"); '' when the text names none.
    """
    for m in re.finditer(r"\b[A-Z][\w'’\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’\-]*)+", text):
        words = [w for w in m.group(0).split() if w[:1].isupper()]
        for i in range(len(words) - len(initials) + 1):
            if "".join(w[0] for w in words[i : i + len(initials)]) == initials:
                return " ".join(words[i : i + len(initials)])
    return ""


ANSWER_LABELS = {"A", "ANSWER"}


def _introduced(text: str, turn: tuple[int, int, str]) -> bool:
    """A speech's one label in capitals, 'GASPARD-MBEKI:', naming the person its heading
    introduced ('Speech by Ottoline Gaspard-Mbeki, chair of ...'): her turn, though no one
    else speaks.
    """
    label = turn[2]
    if not label.isupper() or not re.fullmatch(r"[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}", label):
        return False
    name = " ".join(_name_case(w) for w in label.split())
    return (
        re.search(rf"\b[A-Z][a-z]+ (?:[A-Z][a-z]+ )?{re.escape(name)}\b", text[: turn[0]])
        is not None
    )


def interviewee_of(text: str, turns: list[tuple[int, int, str]], parties: Parties) -> str:
    """Who answers in a Q/A layout ("Q: ... A: ..."): the first person the text names before
    its first question, when the text links them to a party ("Lara Voss, chief executive of the
    port authority, spoke to ..."); '' when none is, and the answers are the publisher's own.
    """
    if not any(label.upper() in ANSWER_LABELS for _, _, label in turns):
        return ""
    intro = text[: turns[0][0]]
    best = ""
    at = len(intro)
    for person in parties.people:
        k = intro.find(person)
        if " " in person and 0 <= k < at:
            best, at = person, k
    return best


def person_from_label(label: str) -> tuple[str, str]:
    """('Paul Okafor', 'Maritime Safety Authority') from 'PAUL OKAFOR (DIRECTOR, MARITIME SAFETY
    AUTHORITY)'; ('Jonas Feld', '') from 'MEMBER (JONAS FELD)'.
    """
    groups = re.findall(r"\(([^()]*)\)", label)
    if len(groups) >= 2:  # "Ms Anja Korvel (Eastmoor) (Social Democratic Union)": seat, party
        label = f"{label.partition('(')[0]}({groups[-1]})"
    name, _, rest = label.partition("(")
    affiliation = ""
    if rest:
        inner = rest.rstrip(") ").split(",")
        role = {w.lower() for w in name.split()}
        titled = set(inner[0].lower().split()) & (_TITLE_WORDS | _NOT_SPEAKER_ROLES | {"master"})
        if len(inner) == 1 and name.strip().lower() in _TITLE_WORDS | _NOT_SPEAKER_ROLES:
            name = inner[0]
        elif (
            len(inner) == 1
            and role & _GOVERNMENT_TITLES
            and (_PERSONAL.match(inner[0]) or _BARE_NAME.fullmatch(inner[0].strip()))
        ):
            # "The Minister for Transport (Ms Odile Brandt)": the person, for the government
            name, affiliation = inner[0], "Government"
        elif len(inner) > 1 or ORG_LIKE.search(inner[0]):
            affiliation = inner[-1].strip()
        elif _PERSONAL.match(name) and not titled and not re.search(_TITLE_RE, inner[0]):
            affiliation = inner[0].strip()  # "Ms Hana Vogt (Marland Greens)": her party
        elif _POLITICAL.search(inner[0]) and not titled:
            affiliation = inner[0].strip()  # "Priya Lorne (Northmarch Greens)": a party, no seat
        elif len(groups) >= 2 and not titled and not re.search(_TITLE_RE, inner[0]):
            affiliation = inner[0].strip()  # "Daniel Roske (Hallstead North) (Civic Renewal)"
        # else "ELENA RUIZ (HARBOUR MASTER)": a title alone, no organisation
        # "COUNSEL FOR HALVARD ENERGY", "HEAD OF COMMUNICATIONS AT X": the organisation
        parts = re.split(r"\s(?:FOR|AT|OF|for|at|of)\s(?:THE\s|the\s)?", affiliation)
        if not _ORG_HEADS_RE.search(parts[0]):  # not "Association of Rural Municipalities"
            affiliation = parts[-1]
        if _portfolio_label(inner[-1] if rest else ""):
            # "CABINET MEMBER FOR REGENERATION": an office, not a party; a minister's is the
            # government's ("Mr Okafor (Minister for Housing)")
            office = set(inner[-1].lower().partition(" for ")[0].partition(" of ")[0].split())
            affiliation = "Government" if office & {"minister", "secretary"} else ""
    words = [
        w
        for w in name.split()
        if w.lower().strip(".") not in _TITLE_WORDS | SHORT_TITLES | _TITLE_MODIFIERS
    ]
    person = " ".join(_name_case(w) if w.isupper() else w for w in words)
    aff = " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in affiliation.split())
    return person, aff


# the words before a title that are no part of a name: "VICE PRESIDENT KAMALA HARRIS:" is
# Kamala Harris (answers said "Vice Kamala Harris said: ...")
_TITLE_MODIFIERS = {"vice", "acting", "former", "interim"}


def _name_case(word: str) -> str:
    """'ABADI-TOLE' -> 'Abadi-Tole', as the text writes the name ('Abadi-tole' is no one)."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _portfolio_label(role: str) -> bool:
    """Whether a label's bracket names an office by its portfolio ("Cabinet Member for
    Regeneration", "Minister for Housing and Planning", "Director of Enforcement"): a title, then
    for/of, then common nouns that name no organisation (no 'Council', 'Ltd', ... in them; one
    word, or words joined by 'and'). Its holder speaks for the body that holds the office.
    """
    m = re.fullmatch(r"\s*(.+?)\s+(?:for|of)\s+(?:the\s+)?(.+?)\s*", role, re.I)
    if not m or not set(m.group(1).lower().split()) & (_TITLE_WORDS | _OFFICE_WORDS):
        return False
    field = m.group(2)
    if re.search(rf"\b(?:{_ORG_HEADS})\b|\b(?:Ltd|plc|Inc|Corp|LLC|AG|GmbH)\b", field, re.I):
        return False
    words = [w for w in re.split(r"\s+(?:and|&)\s+|,\s*", field) if w]
    if set(m.group(1).lower().split()) & {"minister", "secretary"}:
        # "Minister for Home Affairs", "Secretary of State for Energy Security": a ministry's
        # field may take several words
        return all(len(w.split()) <= 3 for w in words)
    return all(len(w.split()) == 1 for w in words)


_OFFICE_WORDS = {"member", "cabinet", "portfolio", "holder", "lead", "director", "head", "officer"}


_MEMBER_TITLES = {"councillor", "cllr", "senator", "sen", "mp", "msp", "deputy", "alderman"}


def floor_member(label: str) -> bool:
    """A member speaking from the floor under their own group ("COUNCILLOR HELEN JONES (GREEN
    PARTY)", "SENATOR A. RUIZ (INDEPENDENT)"): not the voice of the body that publishes the
    record; an office ("(CABINET MEMBER FOR ...)") or a title ("(LEADER)") is.
    """
    name, _, rest = label.partition("(")
    words = {w.lower().strip(".,") for w in name.split()}
    inner = rest.rstrip(") ").lower()
    return (
        bool(words & _MEMBER_TITLES)
        and bool(inner)
        and not office_label(label)
        and not set(inner.replace(",", " ").split()) & (_TITLE_WORDS | _NOT_SPEAKER_ROLES)
    )


def office_label(label: str) -> bool:
    """A speaker label naming a holder of office by portfolio ('CLLR ANITA ROWE (CABINET MEMBER
    FOR REGENERATION)'): the speaker is not a member from the floor but speaks for the body.
    """
    _, _, rest = label.partition("(")
    return bool(rest) and _portfolio_label(rest.rstrip(") ").split(",")[-1])


_BARE_NAME = re.compile(r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,2}")
# what a political party's name ends in, unlike a constituency's ("Aske Coast")
_POLITICAL = re.compile(
    r"\b(?:Party|Greens|Democrats|Republicans|Conservatives|Liberals|Labour|Socialists|"
    r"Independents?|Alliance|Front|Movement|League|Coalition)\s*$"
)
# (in a verbatim record's capitals too: "MR. OKONJO (Mabundu):", a delegate and the state)
_PERSONAL = re.compile(r"\s*(?i:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z]")
_DATELINE = re.compile(
    # ("KINGMAN, Ariz. — ", "HAGÅTÑA, Guam — ": a state or territory after the place)
    r"^\s*(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+(?:[ /][A-Z][A-Za-z.'’\-]+)*,?\s+"
    r"(?:[A-Z][A-Za-z.]{1,6}\s+(?=[–—-]))?(?:\(\w+\)\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?(?:\([A-Za-z .]+\)\s*)?[–—-]{1,2}\s+)"
)
DEAR = re.compile(
    r"^[ \t]*Dear (?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.? )?([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*),",
    re.M,
)
_TO_LINE = re.compile(r"^[ \t]*To:[ \t]*([^\n,;]{3,80})", re.M)


def salutations(text: str) -> list[tuple[int, str]]:
    """(where, name) of each "Dear X,": a bare title ("Dear Minister,", "Dear Chief Executive,")
    stands for the person the letter's "To:" line names ("To: Ms Regina Falk, Minister for
    Infrastructure, ..."), so that "your office" and "your deputy" are that person's party.
    """
    out = []
    for m in DEAR.finditer(text):
        name = m.group(1)
        if all(w.lower() in _TITLE_WORDS | _BARE_ADDRESS for w in name.split()):
            to = [t for t in _TO_LINE.finditer(text, 0, m.start())]
            if to:
                words = [
                    w for w in to[-1].group(1).split() if w.lower().strip(".") not in _TITLE_WORDS
                ]
                name = " ".join(words) if 2 <= len(words) <= 3 else name
        out.append((m.start(), name))
    return out


_BARE_ADDRESS = {"sir", "madam", "or", "colleagues", "chief", "executive", "members", "board"}
_SALUTATION = re.compile(r"^\s*(?:Dear|To)\b[^\n]{0,80},[ \t]*\n\s*")


def label_end(text: str, span: tuple[int, int], opens: dict[int, int]) -> int:
    """Characters of a speaker label opening a sentence ('CLLR DEREK HALE (INDEPENDENT GROUP): '):
    the label is not part of what is said, and parsed with it the speaker's name can be taken
    for the subject of the sentence.
    """
    start, end = span
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    after = opens.get(start + lead, 0)
    return after - start if start < after < end else 0


# a numbered paragraph's number: "6. Should these steps not be taken ...", "(b) We ask ..."
_PARAGRAPH_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}\.(?:\d{1,2}\.?)?|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\))[ \t]+(?=[A-Z\"“])"
)


def furniture_end(sentence: str) -> int:
    """Characters of page furniture opening a sentence: 'PORT ELLIS, March 3 – ', 'Dear ...,',
    a paragraph's number ('6. ').
    """
    m = (
        _DATELINE.match(sentence)
        or _SALUTATION.match(sentence)
        or _PARAGRAPH_NUMBER.match(sentence)
    )
    return m.end() if m else 0


# a heading line that names whose text follows: "RESPONSE OF THE MINISTRY OF ... OF MARDOVA",
# "Statement by the Kell Valley Council", "REPLY FROM NORTHWIND SHIPPING"
_SECTION = re.compile(
    r"^[ \t]*(?:[A-Za-z]+ ){0,3}(?:STATEMENT|RESPONSE|REPLY|REBUTTAL|DECLARATION|COMMUNIQU[EÉ]|"
    r"Statement|Response|Reply|Rebuttal|Declaration|Communiqu[eé])"
    r" (?:OF|BY|FROM|of|by|from) (?:THE |the )?([A-Z][^\n.!?:;]{1,200}?)[ \t]*$",
    re.M,
)


_LISTED = re.compile(r"^[^,]+(?:,\s*(?:THE |the )?[A-Z][^,]*)+,?\s+(?:AND|and)\s+[A-Z]")


_KIND_OF = re.compile(
    r"^(?!(?:Republic|Kingdom|Principality|Commonwealth|Federation|Sultanate|Emirate) )"
    r"(?:\w+ )?(?:of|for) (?:the )?"
)


_CAPS_HEADING = re.compile(r"^[ \t]*[A-Z][A-Z'’\- ]{2,40}[ \t]*$", re.M)


def headed_sections(
    text: str, parties: Parties, publisher: str
) -> list[tuple[int, tuple[str, ...]]]:
    """(where, parties) of each heading after which "we" is not the publisher alone: a rebuttal
    printed under a statement ("RESPONSE OF THE MINISTRY ... OF MARDOVA"), or a joint statement
    ("JOINT STATEMENT OF THE GOVERNMENTS OF ORRIN AND TESKAL": both). A heading that opens the
    document for its publisher, or names no party, keeps the voice it follows.
    """
    out: list[tuple[int, tuple[str, ...]]] = []
    for m in _SECTION.finditer(text):
        opening = not re.search(r"[.!?][\"”’]?[ \t]*\n", text[: m.start()])
        name = re.split(r" on | about | regarding | to | in |\(", m.group(1), flags=re.I)[0]
        # "JOINT STATEMENT OF A, B AND C" lists three issuers; "OF A, MINISTER OF X" names one
        joint = re.search(r"\bjoint\b", m.group(0), re.I) and _LISTED.search(name)
        # "JOINT STATEMENT OF THE MINISTRY OF FOREIGN AFFAIRS OF A AND THE MINISTRY OF FOREIGN
        # AFFAIRS AND TRADE OF B": two bodies, each named with "the"
        bodies = (
            re.split(r"\s+(?:AND|and)\s+(?=(?:THE|the)\s)", name)
            if re.search(r"\bjoint\b", m.group(0), re.I)
            else []
        )
        upper = name.isupper()  # before the commas become "and"s: "A, B AND C"
        name = re.sub(r",\s*", " and ", name) if joint else name.split(",")[0]
        if upper:
            name = " ".join(
                w if w.upper() in ("OF", "AND", "FOR", "THE") else w.capitalize()
                for w in name.split()
            )
            name = re.sub(r"\b(OF|AND|FOR|THE)\b", lambda w: w.group(1).lower(), name)
        names = [n.strip() for n in re.split(r"\band\b|&", name) if n.strip()]
        if len(bodies) > 1:
            names = [
                re.sub(r"^the ", "", n.strip(), flags=re.I)
                for n in re.split(r"\s+and\s+(?=the\s)", name, flags=re.I)
            ]
        if len(names) > 1:  # "the Governments of Orrin and Teskal"
            # "Governments of Orrin": Orrin; "Republic of Palemora" keeps its whole name; a
            # ministry "of Foreign Affairs of the Republic of X" too
            names = [n if len(bodies) > 1 else _KIND_OF.sub("", n) for n in names]
            found = tuple(p for p in (parties.canonical(n, "ORG") for n in names) if p)
            if len(found) == len(names):
                out.append((m.end(), found))
            continue
        if opening or name.split()[-1].lower() in _TITLE_WORDS:
            continue  # the document's own heading, before any of its text: the publisher's
        words = name.split()
        if words[0].lower().strip(".") in _TITLE_WORDS | SHORT_TITLES | HONORIFICS:
            party = parties.speaks_for(" ".join(words[1:]))  # "Statement by Dr Ana Ruiz"
        else:
            party = parties.speaks_for(name) or parties.canonical(name, "ORG")
        if party:
            out.append((m.end(), (party,)))
    if out and out[0][1] == (publisher,):
        out = out[1:] if len(out) == 1 else out
    if out:
        # "REACTION", "BACKGROUND": a heading of another kind ends the section before it, and
        # the text after it is the document's own voice again (no parties: the publisher's)
        ends: list[tuple[int, tuple[str, ...]]] = [
            (h.end(), ())
            for h in _CAPS_HEADING.finditer(text)
            if h.start() > out[0][0] and not any(at == h.end() for at, _ in out)
        ]
        out = sorted(out + ends)
    return out


# what may stand before a line's words: a number or a bullet ("4. TfL warns of Tube strike"),
# or a related story's label ("PREVIOUS PROTEST: New Castle County police officers call for")
_LINE_MARK = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[•*–-]|[A-Z][A-Z'’ ]{2,40}:)?[ \t]*")


def headline_at(text: str, start: int, end: int) -> bool:
    """Whether the sentence at start:end is a line of its own that is a headline (numbered in
    a list of stories too: "4. TfL warns of Tube strike today").
    """
    line_start = text.rfind("\n", 0, start) + 1
    alone = _LINE_MARK.fullmatch(text, line_start, start) is not None and (
        end == len(text) or text[end] == "\n"
    )
    return alone and headline(text[start:end])


# a broadcast's opening names who asks: "Presenter: Marta Linde.", "Hosted by Tom Dale"; not a
# press conference's "Moderator: Anneke Sohl, head of press, Ministry of Finance" (the host body's)
_HOST = re.compile(
    r"\b(?:Presenter|Host|Interviewer|Anchor|Presented by|Hosted by|Interviewed by)"
    r":? (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


def _programme_opening(text: str, turns: list[tuple[int, int, str]]) -> str:
    """The lines before the first turn (a programme's billing), or the first 600 characters
    when the text has no turns.
    """
    return text[: turns[0][0]] if turns else text[:600]


def programme_hosts(text: str, turns: list[tuple[int, int, str]]) -> set[str]:
    """The names (full and surname, upper case) of the hosts a programme's opening lines name
    before the first turn: their turns are the broadcaster's questions, and the source line
    names the broadcaster, not a party that speaks ("The Sunday Exchange, RTK One ...").
    """
    head = _programme_opening(text, turns)
    out: set[str] = set()
    for m in _HOST.finditer(head):
        out |= {m["name"].upper(), m["name"].split()[-1].upper()}
    return out


_GUEST = re.compile(
    r"\bGuests?: (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}), (?P<title>[^.;\n]{3,160})"
)


def programme_guests(text: str, turns: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """(guest, body) of a programme's opening "Guest: Dana Orvik, Minister for Urban Affairs in
    the Government of Sarnovia": the body after "in"/"at", else after the first "of".
    """
    head = _programme_opening(text, turns)
    out = []
    for m in _GUEST.finditer(head):
        title = m["title"]
        where = re.search(r"\b(?:in|at) (?:the )?(?=[A-Z])", title) or re.search(
            r"\bof (?:the )?(?=[A-Z])", title
        )
        if where:
            out.append((m["name"], title[where.end() :].strip()))
    return out


def questioner(
    text: str,
    turn: tuple[int, int, str],
    turns: list[tuple[int, int, str]],
    affiliation: str,
    party: str,
    linked: bool = False,
) -> bool:
    """Whether a named speaker's turn is a journalist's: the label names an outlet ('BEN SORLEY
    (COASTAL EVENING NEWS)'), or a speaker no text links to a party ends the turn with a
    question ('MARK DUNN: The lines say the fee is unfair. Will you lower it?'): what such a
    turn reports is context for the question, not a position.
    """
    bracket = turn[2].partition("(")[2].rstrip(") ") or affiliation
    words = set(re.findall(r"[a-z]+", bracket.lower()))
    name = turn[2].partition("(")[0].strip()
    k = bisect.bisect_right(turns, turn)  # turns are sorted by where they start
    said = text[turn[1] : turns[k][0] if k < len(turns) else len(text)].strip()
    if linked and not said.endswith("?"):
        # "Witnesses: Ms Ingrid Halve, Chief Executive, Gallenta Post" and then "MS INGRID HALVE
        # (Gallenta Post): ...": a witness the text titles, whatever her company is called
        return False
    if (
        not party
        and _outlet(name)
        and not _ORG_HEADS_RE.search(name)
        and not set(re.findall(r"[a-z]+", name.lower())) & (_TITLE_WORDS | _NOT_SPEAKER_ROLES)
    ):
        return True  # "HARBOUR WEEKLY: Bayline rejected that in March.": the paper asking
    if (
        bracket
        and _outlet(bracket)
        and not _ORG_HEADS_RE.search(bracket)
        and not words & (_TITLE_WORDS | _NOT_SPEAKER_ROLES | {"independent", "secretary"})
    ):
        return True  # not "(PRESS SECRETARY)", "(INDEPENDENT)": an office, a councillor
    if party:
        return False
    return said.endswith("?")


_ORG_HEADS_RE = re.compile(rf"\b(?:{_ORG_HEADS})\b", re.I)


def turn_at(turns: list[tuple[int, int, str]], at: int, text: str) -> tuple[int, int, str] | None:
    found = None
    for t in turns:
        if t[0] <= at + 1:  # a label that starts the sentence, or one before it
            found = t
        else:
            break
    if found and found[2] == NOTE:
        return None  # a transcriber's note: no one's turn
    if found and found[2].endswith(")") and "(sender, " in found[2] and not _group_page(text):
        # a social post is one paragraph: the reporter's sentences after it are no one's turn
        end = text.find("\n\n", found[1])
        if 0 <= end < at:
            return None
    return found
