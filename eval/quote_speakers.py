"""Whose words each quoted sentence is: the voice layer scored on real news, labelled blind.

An answer that quotes '"We will not back down," he said.' or a quote's second sentence, which
names no one, is only worth forwarding if it says who spoke, and a wrong name is worse than
none. The positions sets score holders of stance statements; this set scores every quoted
sentence of a news article: each labelled with the person who said it (the fullest name the
article gives) and the party they speak for, or the party alone for an organisation's statement
or an unnamed spokesperson.

The articles are those of `eval/positions_news/` (read from a RealTime QA snapshot at run time;
no article text is in the repository): `labels.jsonl` holds each quoted sentence's offsets in its
article's text, with the sha1 of the span. Each article is ingested on its own through the normal
pipeline and the voice stored for the sentence is compared with the label:

- right: the stored speaker is the labelled person (surname), or for a party's words, the party;
- party only: the labelled person is not named, but the stored party is theirs;
- wrong: another person or another party;
- none: the sentence is stored as nobody's words (the outlet's own reporting).

Rows are also counted by how the sentence itself shows its speaker: "named" (the speaker's
surname or party outside the quotation marks), "pronoun" ('he said'), "described" (a reporting
clause with another subject: "a senior official told CNN", "the regulator said"), or "unmarked"
(no reporting clause at all: a quotation's run-on sentence, where the reader depends entirely on
the stored voice).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.positions_eval import holder_match
from eval.positions_news import DATA as ARTICLES
from eval.positions_news import check_week, read_set, sha1, split_doc
from eval.positions_news import materialise as materialise_articles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "eval" / "quote_speakers"
_FIELDS = {"set", "doc", "start", "end", "sha1", "speaker", "party"}
OUTCOMES = ("right", "party_only", "wrong", "none")
PARTY_OUTCOMES = ("right", "missing", "extra", "wrong")
KINDS = ("named", "pronoun", "described", "unmarked")
# a reporting clause of any subject ("a senior official told CNN", "the regulator said")
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|added|adds|stated|called|described|warned|urged|"
    r"according to|reported|reports|insisted|argued|noted|announced|declared|continued|replied|"
    r"saying|telling|adding|calling|describing|warning)\b",
    re.IGNORECASE,
)
SETS = ("dev", "heldout", "heldout2", "heldout3")
_MARKS = re.compile(r"[\"\u201c\u201d]")
_SAY = r"(?:said|says|added|adds|told|tells|wrote|writes|continued|explained|insisted|noted|stated)"
_PRONOUN_SAID = re.compile(
    rf"\b(?:he|she|they)\s+(?:\w+\s+)?{_SAY}\b|\b{_SAY}\s+(?:he|she)\b", re.IGNORECASE
)


def read_labels(root: str | Path = DATA, articles: str | Path = ARTICLES) -> list[dict[str, Any]]:
    """The label rows, checked: fields, the article in the positions-news manifest, its set."""
    manifest, _ = read_set(articles)
    sets = {d["doc"]: d["set"] for d in manifest["docs"]}
    rows = []
    lines = (Path(root) / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = _FIELDS - row.keys()
        if missing:
            raise ValueError(f"labels.jsonl:{n}: missing {sorted(missing)}")
        check_week(split_doc(row["doc"])[0], row["doc"])
        # "heldout2", "heldout3": later rounds of held-out articles, each labelled after the round
        # before it was read
        if sets.get(row["doc"]) != row["set"].rstrip("0123456789"):
            raise ValueError(f"labels.jsonl:{n}: not a {row['set']} article of the manifest")
        rows.append(row)
    return rows


def materialise(
    snapshot: str | Path,
    out_dir: str | Path,
    root: str | Path = DATA,
    articles: str | Path = ARTICLES,
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Write the labelled articles from `snapshot` into `out_dir`; returns {doc: path} and the
    labels, each with its "sentence" cut from the article at its offsets (sha1 checked)."""
    from eval.positions_news import SnapshotMismatch

    rows = read_labels(root, articles)
    manifest, _ = materialise_articles(snapshot, out_dir, articles)
    wanted = {r["doc"] for r in rows}
    paths = {d["doc"]: d["path"] for d in manifest["docs"] if d["doc"] in wanted}
    texts = {doc: _article_text(Path(p)) for doc, p in paths.items()}
    labels = []
    for row in rows:
        text = texts[row["doc"]]
        sentence = text[int(row["start"]) : int(row["end"])]
        if sha1(sentence) != row["sha1"]:
            raise SnapshotMismatch(f"{row['doc']}: {row['start']}:{row['end']} moved (sha1)")
        labels.append({**row, "sentence": sentence})
    return paths, labels


def _article_text(path: Path) -> str:
    """The article's own text in a materialised file (after its header, without the last "\\n")."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return body[:-1] if body.endswith("\n") else body


def locate(sentence: str, text: str) -> int:
    """Where the labelled sentence starts in the stored text (cleaning may change its spaces and
    quotation marks); -1 when it is not there."""
    at = text.find(sentence)
    if at >= 0:
        return at
    words = re.findall(r"\w+", sentence)
    if not words:
        return -1
    m = re.search(r"\W+".join(re.escape(w) for w in words), text)
    return m.start() if m else -1


def outside_quotes(sentence: str) -> str:
    """The sentence's words outside quotation marks. A run-on quote's sentence has one mark: the
    words before a closing mark, or after an opening one, are quoted."""
    marks = [m.start() for m in _MARKS.finditer(sentence)]
    if len(marks) % 2:
        first = marks[0]
        closing = sentence[first] == "\u201d" or (
            sentence[first] == '"'
            and (first == len(sentence) - 1 or not sentence[first + 1].isalnum())
        )
        if closing:
            sentence, marks = sentence[first + 1 :], [m - first - 1 for m in marks[1:]]
        else:
            sentence, marks = sentence[: marks[-1]], marks[:-1]
    out, last = [], 0
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        out.append(sentence[last:a])
        last = b + 1
    out.append(sentence[last:])
    return " ".join(out)


def kind_of(sentence: str, speaker: str, party: str) -> str:
    """How the sentence shows its speaker outside its quotation marks."""
    outside = outside_quotes(sentence)
    names = [speaker.split()[-1]] if speaker.strip() else []
    names += [party] if party else []
    for name in names:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", outside, re.IGNORECASE):
            return "named"
    if _PRONOUN_SAID.search(outside):
        return "pronoun"
    return "described" if _REPORTING.search(outside) else "unmarked"


def _words(name: str) -> set[str]:
    words = re.sub(r"['\u2019]s$", "", name.strip()).lower().replace(".", "").split()
    return {re.sub(r"^(?:al|el|ad|as|ash|at|ar)-", "", w) for w in words}  # "al-Hajari"


def same_person(stored: str, wanted: str) -> bool:
    """One name is the other's part: "Murthy" / "Vivek Murthy", "Yoon" / "Yoon Suk Yeol" (a
    Korean name's family name comes first), "Wendy R. Sherman" / "Wendy Sherman"; a name run
    together with another ("Kim Jung Un Chong") is not "Chong Sung Jang"."""
    a, b = _words(stored), _words(wanted)
    return bool(a and b) and (a <= b or b <= a)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_party(stored: str, wanted: str) -> bool:
    """The party as the label names it, by another of its names ("the IOC" for "International
    Olympic Committee")."""
    if not stored or not wanted:
        return False
    if holder_match(stored, wanted):
        return True
    s, w = re.sub(r"^the\s+", "", stored, flags=re.I), re.sub(r"^the\s+", "", wanted, flags=re.I)
    return (len(w) >= 2 and w.isupper() and _initials(s) == w) or (
        len(s) >= 2 and s.isupper() and _initials(w) == s
    )


def outcome(label: dict[str, Any], speaker: str, party: str) -> str:
    """Compare a stored voice (speaker name, party display name) with the label."""
    if not speaker and not party:
        return "none"
    want_person, want_party = label["speaker"].strip(), label["party"].strip()
    if want_person:
        if speaker:
            return "right" if same_person(speaker, want_person) else "wrong"
        if same_person(party, want_person):
            return "right"  # the person read as a party of their own ("Hammond"): named
        return "party_only" if same_party(party, want_party) else "wrong"
    if speaker:  # an organisation's words given to a person
        return "right" if same_party(speaker, want_party) else "wrong"
    return "right" if same_party(party, want_party) else "wrong"


def party_outcome(label: dict[str, Any], party: str) -> str:
    """For a quote given to the right person: is the party shown with them theirs? An answer
    writes "Chuck Schumer (Senate Majority) said:" or "Bill Ackman (Trump) said:" from this
    link, so a wrong party misleads where no party would not. A private person has none.
    """
    want = label["party"].strip()
    if not party:
        return "right" if not want else "missing"
    if not want:
        return "extra"  # often an expert's employer the labeller left out; often a wrong link
    if same_party(party, want) or same_person(party, label["speaker"]):
        return "right"
    return "right" if _party_key(party) == _party_key(want) else "wrong"


_PARTY_FORMS = {"republican party": "republicans", "democratic party": "democrats"}


def _party_key(name: str) -> str:
    """One key for a party's usual names: "Republicans" is the "Republican Party", the White
    House the United States (the registry's aliases)."""
    low = re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()
    return _PARTY_FORMS.get(low) or _registry().find(name) or low


@functools.cache
def _registry() -> Any:
    from assistant.parties import Registry

    return Registry.load()


def score(labels: Sequence[dict[str, Any]], found: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """`found[i]`: what was stored for labels[i] ({"speaker", "party", "located"})."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, label in enumerate(labels):
        if label["speaker"].strip() == "?" or not (label["speaker"] or label["party"]).strip():
            continue  # whose words the article does not tell, or an unnamed private person's
        got = found.get(i, {"speaker": "", "party": "", "located": False})
        kind = kind_of(label["sentence"], label["speaker"], label["party"])
        result = outcome(label, got["speaker"], got["party"]) if got["located"] else "unlocated"
        for key in ("all", kind):
            by[key][result] += 1
        if result == "right" and label["speaker"].strip() and got["speaker"]:
            seat = party_outcome(label, got["party"])
            by["speaker_party"][seat] += 1
            if seat in ("wrong", "extra"):
                examples[f"party_{seat}"].append(
                    {
                        "doc": label["doc"],
                        "sentence": label["sentence"][:200],
                        "kind": kind,
                        "label": f"{label['speaker']} ({label['party']})",
                        "stored": f"{got['speaker']} ({got['party']})",
                    }
                )
        if result in ("wrong", "none"):
            examples[result].append(
                {
                    "doc": label["doc"],
                    "sentence": label["sentence"][:200],
                    "kind": kind,
                    "label": f"{label['speaker']} ({label['party']})",
                    "stored": f"{got['speaker']} ({got['party']})",
                }
            )
    table = {}
    for key in ("all", *KINDS):
        c = by[key]
        n = sum(c[o] for o in OUTCOMES)
        table[key] = {"labelled": n, **{o: c[o] / n if n else 0.0 for o in OUTCOMES}}
        table[key]["unlocated"] = c["unlocated"]
    c = by["speaker_party"]
    n = sum(c.values())
    party = {"labelled": n, **{o: c[o] / n if n else 0.0 for o in PARTY_OUTCOMES}}
    return {"table": table, "speaker_party": party, "examples": examples}


def stored_voices(paths: dict[str, str], labels: Sequence[dict[str, Any]]) -> dict[int, Any]:
    """Ingest each article into one fresh store and read the voice stored at each label."""
    from assistant.api import open_assistant
    from assistant.attribution import voice_at

    found: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="quote-speakers-") as tmp:
        a = open_assistant(Path(tmp) / "store")
        try:
            voices = a.services.answerer.voices
            if voices is None:
                raise RuntimeError("the answerer stores no voices")
            for doc, path in paths.items():
                report = a.ingest([Path(path)])
                if not report.doc_ids:
                    print(f"ingest failed: {doc}: {report.failed}", file=sys.stderr)
                    continue
                doc_id = report.doc_ids[0]
                text = a.document_text(doc_id) or ""
                rows = voices.of([doc_id]).get(doc_id, [])
                for i, label in enumerate(labels):
                    if label["doc"] != doc:
                        continue
                    at = locate(label["sentence"], text)
                    v = voice_at(rows, (at, at + 1)) if at >= 0 else None
                    usable = v is not None and v.kind != "question"
                    found[i] = {
                        "located": at >= 0,
                        "speaker": v.speaker if usable and v else "",
                        "party": voices.party_name(v.party_id)
                        if usable and v and v.party_id
                        else "",
                    }
        finally:
            a.close()
    return found


def evaluate(
    snapshot: str | Path,
    which: str = "all",
    root: str | Path = DATA,
    articles: str | Path = ARTICLES,
) -> dict[str, Any]:
    """The table per set (dev and the held-out rounds) for the labels of `root` over the
    articles of `articles` (a positions-news manifest), read from `snapshot`."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="quote-speakers-docs-") as tmp:
        paths, labels = materialise(snapshot, tmp, root, articles)
        found = stored_voices(paths, labels)
        for name in SETS if which == "all" else (which,):
            keep = [i for i, label in enumerate(labels) if label["set"] == name]
            if keep:
                sub = [labels[i] for i in keep]
                out[name] = score(sub, {k: found[i] for k, i in enumerate(keep) if i in found})
    return out


def format_table(result: dict[str, Any], examples: int = 5) -> str:
    lines = []
    for name, r in result.items():
        lines.append(f"## {name}")
        lines.append("| quotes | labelled | right | party only | wrong | none |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for key, row in r["table"].items():
            cells = " | ".join(f"{100 * row[o]:.1f}" for o in OUTCOMES)
            lines.append(f"| {key} | {row['labelled']} | {cells} |")
        if "speaker_party" in r:
            p = r["speaker_party"]
            lines.append("")
            lines.append(
                "| party shown with a rightly named speaker | quotes | right | missing | wrong |"
            )
            lines.append("|---|---:|---:|---:|---:|")
            cells = " | ".join(f"{100 * p[o]:.1f}" for o in PARTY_OUTCOMES)
            lines.append(f"| all | {p['labelled']} | {cells} |")
        for kind, rows in r["examples"].items():
            for e in rows[:examples]:
                lines.append(f"- {kind} [{e['kind']}] {e['label']} stored {e['stored']}: ")
                lines.append(f"  {e['sentence']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("snapshot", help="a RealTime QA snapshot folder (its past/2024, past/2025)")
    ap.add_argument("--set", choices=(*SETS, "all"), default="all")
    ap.add_argument("--examples", type=int, default=5, help="errors shown per kind")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = evaluate(args.snapshot, args.set)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(format_table(result, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
