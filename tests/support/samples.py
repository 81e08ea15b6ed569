"""The sample articles: one real file of every supported format and what a user must see of it.

`tests/conftest.py` writes the files (the `make_files` fixture); tests import `EXPECTED` and the
article bodies from here to parametrize over them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Expected:
    """What the user should see for one article of one sample file."""

    file: str
    title: str
    source: str
    date: str
    url: str
    language: str
    body: tuple[str, ...]  # sentences that must survive extraction
    absent: tuple[str, ...] = ()  # boilerplate and markup that must be gone
    record: int = 0  # index of the record, for JSON/JSONL files


STRIKE_BODY = (
    "Dockworkers at Port Halvern began an indefinite strike on Sunday morning, halting the "
    "loading of forty container ships at the northern terminal.",
    "The union said the walkout followed six months of failed talks over night-shift pay.",
    "Harbour officials warned that perishable cargo would be diverted to Brenmouth within days.",
)

TRANSFER_BODY = (
    "Kestrel Rovers completed the signing of winger Tomas Ekdahl for a club-record fee on Friday.",
    "The manager said Ekdahl would start in the opening league match against Millbrook.",
)

ENZYME_BODY = (
    "Researchers at the Varden Institute reported on Tuesday that a modified soil enzyme breaks "
    "down polyethylene film in under a week at room temperature.",
    "The team grew the enzyme in vats of fermented barley and tested it on supermarket bags "
    "collected from a landfill near the campus.",
    "Independent chemists cautioned that the results still need to be reproduced by other "
    "laboratories before any industrial use.",
)

BRIDGE_BODY = (
    "The city council approved a new pedestrian bridge over the Arno Canal on Wednesday.",
    "Construction is due to begin in autumn and cost eleven million euros.",
    "Residents of the east bank had campaigned for the crossing for a decade.",
)

HARVEST_BODY = (
    "Orchard growers in the Lindmoor valley reported a record apple harvest this season.",
    "Mild spring weather and fewer late frosts were credited for the yield, growers said.",
)

FERRY_TEXT = (
    "The ferry service between Skarra and the mainland resumed on Saturday after storm repairs "
    "to the pier were completed."
)
LIBRARY_TEXT = (
    "Die Stadtbibliothek von Skarra wird ab dem kommenden Monat auch sonntags geöffnet sein, "
    "teilte der Gemeinderat am Freitag mit."
)
GLACIER_TEXT = (
    "Surveyors measured a retreat of forty metres at the Felden glacier over the past summer, "
    "the largest loss since records began."
)
TUNNEL_TEXT = (
    "A new rail tunnel under the Brenna pass opened to passenger trains on Friday, cutting the "
    "journey between the two valleys by forty minutes."
)

EXPECTED: tuple[Expected, ...] = (
    Expected(
        "strike.txt",
        "Dockworkers walk out at Port Halvern",
        "Coastal Ledger",
        "2024-03-03",
        "https://ledger.example/port-strike",
        "en",
        STRIKE_BODY,
        absent=("title:", "source:", "url:", "---", "Advertisement", "Share this article"),
    ),
    Expected(
        "transfer.md",
        "Rovers sign winger Tomas Ekdahl",
        "Sideline Weekly",
        "2024-07-14",
        "https://sideline.example/ekdahl",
        "en",
        TRANSFER_BODY,
        absent=("**", "](", "https://example.org/manager", "source: Sideline", "# "),
    ),
    Expected(
        "enzyme.html",
        "Lab finds enzyme that eats plastic film",
        "Science Dispatch",
        "2024-05-21",
        "https://dispatch.example/enzyme",
        "en",
        ENZYME_BODY,
        absent=(
            "Subscribe to our newsletter",
            "Login",
            "All rights reserved",
            "Cookie settings",
            "Privacy policy",
            "analytics-beacon",
            "<p>",
            "Most read",
        ),
    ),
    Expected("bridge.pdf", "Council approves new river bridge", "", "", "", "en", BRIDGE_BODY),
    Expected(
        "harvest.docx",
        "Orchard growers report record apple harvest",
        "Valley Farm News",
        "2024-09-30",
        "",
        "en",
        HARVEST_BODY,
    ),
    Expected(
        "island.json",
        "Ferry service resumes",
        "Island Post",
        "2024-02-10",
        "https://islandpost.example/ferry",
        "en",
        (FERRY_TEXT,),
        record=0,
    ),
    Expected(
        "island.json",
        "Bibliothek öffnet sonntags",
        "Island Post",
        "2024-02-09",
        "https://islandpost.example/bibliothek",
        "de",
        (LIBRARY_TEXT,),
        record=1,
    ),
    Expected(
        "wire.jsonl",
        "Glacier retreat measured",
        "Alpine Wire",
        "2024-08-01",
        "https://alpinewire.example/glacier",
        "en",
        (GLACIER_TEXT,),
        record=0,
    ),
    Expected(
        "wire.jsonl",
        "Rail tunnel opens",
        "Alpine Wire",
        "2024-08-02",
        "https://alpinewire.example/tunnel",
        "en",
        (TUNNEL_TEXT,),
        record=1,
    ),
)


def _write_txt(path: Path) -> None:
    path.write_text(
        "title: Dockworkers walk out at Port Halvern\n"
        "source: Coastal Ledger\n"
        "url: https://ledger.example/port-strike\n"
        "date: March 3, 2024\n"
        "---\n"
        f"{STRIKE_BODY[0]}\n\n"
        "Advertisement\n\n"
        f"{STRIKE_BODY[1]} {STRIKE_BODY[2]}\n\n"
        "Share this article\n",
        encoding="utf-8",
    )


def _write_md(path: Path) -> None:
    path.write_text(
        "---\n"
        "title: Rovers sign winger Tomas Ekdahl\n"
        "source: Sideline Weekly\n"
        "date: 2024-07-14\n"
        "url: https://sideline.example/ekdahl\n"
        "---\n"
        "# Kestrel Rovers land their winger\n\n"
        "Kestrel Rovers completed the **signing** of winger Tomas Ekdahl for a club-record fee "
        "on Friday.\n\n"
        "The [manager](https://example.org/manager) said Ekdahl would start in the opening "
        "league match against Millbrook.\n",
        encoding="utf-8",
    )


def _write_html(path: Path) -> None:
    paras = "\n".join(f"<p>{s}</p>" for s in ENZYME_BODY)
    path.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lab finds enzyme that eats plastic film | Science Dispatch</title>
<meta property="og:title" content="Lab finds enzyme that eats plastic film">
<meta property="og:site_name" content="Science Dispatch">
<meta name="date" content="2024-05-21">
<link rel="canonical" href="https://dispatch.example/enzyme">
<script>var tracker = "analytics-beacon-xyz";</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li><li><a href="/login">Login</a></li>
</ul></nav></header>
<main><article>
<h1>Lab finds enzyme that eats plastic film</h1>
{paras}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Celebrity chef opens bistro</a></li>
<li><a href="/b">Weather warning for the weekend</a></li></ul></aside></main>
<footer><p>Copyright 2024 Science Dispatch. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body></html>
""",
        encoding="utf-8",
    )


def _write_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setTitle("Council approves new river bridge")
    y = 800
    for line in BRIDGE_BODY:
        c.drawString(40, y, line)
        y -= 20
    c.showPage()
    c.save()


def _write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = "Orchard growers report record apple harvest"
    props.author = "Valley Farm News"
    props.created = dt.datetime(2024, 9, 30, 8, 15)
    for para in HARVEST_BODY:
        document.add_paragraph(para)
    document.save(str(path))


def _write_json(path: Path) -> None:
    records = [
        {
            "title": "Ferry service resumes",
            "source": "Island Post",
            "date": "2024-02-10",
            "url": "https://islandpost.example/ferry",
            "text": FERRY_TEXT,
        },
        {
            "title": "Bibliothek öffnet sonntags",
            "source": "Island Post",
            "date": "9 February 2024",
            "url": "https://islandpost.example/bibliothek",
            "text": LIBRARY_TEXT,
        },
    ]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


def _write_jsonl(path: Path) -> None:
    records = [
        {
            "text": GLACIER_TEXT,
            "title": "Glacier retreat measured",
            "source": "Alpine Wire",
            "date": "2024-08-01T06:30:00Z",
            "url": "https://alpinewire.example/glacier",
        },
        {
            "text": TUNNEL_TEXT,
            "title": "Rail tunnel opens",
            "source": "Alpine Wire",
            "date": "Aug 2, 2024",
            "url": "https://alpinewire.example/tunnel",
            "language": "en",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


WRITERS: dict[str, Callable[[Path], None]] = {
    "strike.txt": _write_txt,
    "transfer.md": _write_md,
    "enzyme.html": _write_html,
    "bridge.pdf": _write_pdf,
    "harvest.docx": _write_docx,
    "island.json": _write_json,
    "wire.jsonl": _write_jsonl,
}
