"""Raw articles without a header get a title, an outlet and a date from news conventions.

The texts are invented, each in a different house style; what a header says always wins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.articles import build_article
from index.cleaning import normalise
from index.loaders import RawDoc, load_file

SEED = Path("/work/shared/seed/geneva-talks-dpa.txt")

REUTERS = """\
Harbour pilots end strike after pay deal

March 3, 2025 7:42 AM GMT

PORT ELLIS, March 3 (Reuters) - Harbour pilots in Port Ellis returned to work on Monday after \
their union accepted a pay offer, ending a strike that had stranded dozens of ships.

The agreement raises night-shift pay by twelve percent, the union said in a statement.

Reporting by Anna Berg; Editing by Tom Hale
"""

AP = """\
Flood barrier holds as river peaks in Lindmoor
By Jane Doe, Associated Press
Monday, March 3, 2025

LINDMOOR (AP) — A new flood barrier held overnight as the Lind river peaked at its highest \
level in forty years, officials said on Monday.

Residents of the lower town had been told to move cars to higher ground.

Associated Press writer John Roe contributed to this report.
"""

PRESS_RELEASE = """\
FOR IMMEDIATE RELEASE
3 March 2025

Varden Institute opens new soil research centre

VARDEN – The Varden Institute today opened a research centre for soil enzymes, funded by a \
grant from the regional government. The centre will employ forty scientists.

Contact: press office, Varden Institute
"""

BLOG = """\
Why the ferry timetable keeps changing
https://www.harbourwatch.example/2025/03/03/ferry-timetable

I have taken the morning ferry to Skarra for ten years, and this winter the timetable changed \
three times. Here is what the operator told me when I asked why.

The answer, it turns out, is the pier: repairs after the January storms are still not finished.
"""

NO_CLUES = """\
The council of Ostrow voted on Tuesday evening to close the old municipal swimming pool at \
the end of the summer season, after engineers found cracks in the main basin. A new pool is \
planned but has no budget yet.

Parents said the nearest other pool is forty minutes away by bus.
"""

DPA_CAPTION = """\
Ministers arrive for the talks in Geneva on Monday. © epa / Martial Trezzini

GENEVA / BRUSSELS, March 3, 2025 – The foreign ministers met for six hours without reaching \
an agreement, both delegations said afterwards.

Further talks are planned for Wednesday in Brussels.

Photo: Michael Kappeler/dpa

The delegations will report to their governments first. dpa
"""


def _article(text: str, **meta: str):
    return build_article(RawDoc(text=text, meta=dict(meta)))


@pytest.mark.parametrize(
    ("text", "title", "source", "date"),
    [
        (REUTERS, "Harbour pilots end strike after pay deal", "Reuters", "2025-03-03"),
        (AP, "Flood barrier holds as river peaks in Lindmoor", "AP", "2025-03-03"),
        (
            PRESS_RELEASE,
            "Varden Institute opens new soil research centre",
            "",
            "2025-03-03",
        ),
        (BLOG, "Why the ferry timetable keeps changing", "harbourwatch.example", "2025-03-03"),
        (
            NO_CLUES,
            "The council of Ostrow voted on Tuesday evening to close the old…",
            "",
            "",
        ),
        (
            DPA_CAPTION,
            "The foreign ministers met for six hours without reaching an agreement…",
            "dpa",
            "2025-03-03",
        ),
    ],
    ids=["reuters", "ap", "press-release", "blog", "no-clues", "dpa-caption"],
)
def test_headerless_text_gets_title_source_and_date(text, title, source, date):
    article = _article(text)
    assert (article.title, article.source, article.date) == (title, source, date)


def test_a_blog_url_in_the_text_becomes_the_url():
    assert _article(BLOG).url == "https://www.harbourwatch.example/2025/03/03/ferry-timetable"


def test_a_url_from_the_metadata_names_the_outlet():
    article = _article(NO_CLUES, url="https://m.ostrow-courier.example/news/pool")
    assert article.source == "ostrow-courier.example"


def test_a_yearless_dateline_takes_the_year_from_the_text_or_stays_undated():
    body = "The talks ended without a deal, both delegations said on Monday evening."
    assert _article(f"PORT ELLIS, March 3 – {body}\n\n© 2025 Reuters").date == "2025-03-03"
    assert _article(f"PORT ELLIS, March 3 – {body}").date == ""


def test_the_title_from_the_lead_is_cut_at_a_word_and_skips_the_dateline():
    article = _article(REUTERS.split("\n\n", 2)[2])
    assert article.title.startswith("Harbour pilots in Port Ellis returned to work")
    assert article.title.endswith("…") and "(Reuters)" not in article.title
    words = article.title.rstrip("…").split()
    assert 6 <= len(words) <= 12 and all(w in article.text for w in words)


def test_photo_credits_and_captions_leave_the_text():
    text = _article(DPA_CAPTION).text
    for gone in ("©", "Martial Trezzini", "Ministers arrive", "Photo:", "Kappeler", "dpa"):
        assert gone not in text
    assert text.startswith("GENEVA / BRUSSELS, March 3, 2025 – The foreign ministers met")
    assert text.endswith("The delegations will report to their governments first.")


@pytest.mark.parametrize(
    "credit",
    [
        "(Photo by Fabrice Coffrini/AFP via Getty Images)",
        "(AP Photo/Evan Vucci)",
        "REUTERS/Denis Balibouse",
        "Foto: Michael Kappeler/dpa",
        "© epa / Martial Trezzini",
    ],
)
def test_credit_lines_and_credited_captions_go(credit):
    body = "Dockworkers at Port Halvern began an indefinite strike on Sunday morning."
    assert normalise(f"{credit}\n\n{body}") == body
    assert normalise(f"Pickets at the gate on Sunday. {credit}\n\n{body}") == body
    assert normalise(f"Pickets at the gate on Sunday.\n{credit}\n\n{body}") == body


def test_prose_about_copyright_and_photos_stays():
    text = (
        "Copyright law will change next year, the minister said.\n\n"
        "The photo agency said it would appeal."
    )
    assert normalise(text) == text


def test_a_header_wins_over_anything_guessed():
    article = _article(AP, title="Lindmoor barrier", source="Lindmoor Gazette", date="2025-02-28")
    assert (article.title, article.source, article.date) == (
        "Lindmoor barrier",
        "Lindmoor Gazette",
        "2025-02-28",
    )
    # an impossible date in the header is dropped, not replaced by a guess
    assert _article(AP, date="2025-02-30").date == ""


def test_a_header_in_the_file_wins(tmp_path):
    path = tmp_path / "ap.txt"
    path.write_text(f"title: Barrier holds\nsource: Gazette\n---\n{AP}", encoding="utf-8")
    (raw,) = load_file(path, 10**7)
    article = build_article(raw)
    assert (article.title, article.source, article.date) == (
        "Barrier holds",
        "Gazette",
        "2025-03-03",
    )


def test_a_headline_run_into_its_first_paragraph_is_kept_apart():
    raw = (
        "Harbour pilots end strike\n"
        "Harbour pilots in Port Ellis returned to work on Monday after their union accepted\n"
        "a pay offer from the port authority."
    )
    article = _article(raw)
    assert article.title == "Harbour pilots end strike"
    assert article.text.split("\n")[0] == "Harbour pilots end strike"
    assert normalise(article.text) == article.text


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_the_seed_dpa_article():
    (raw,) = load_file(SEED, 10**7)
    article = build_article(raw)
    assert article.source == "dpa"
    assert article.title == (
        "Defusing the Ukraine crisis: That’s why efforts are in full swing this week"
    )
    assert "© epa" not in article.text and "Ilnitsky" not in article.text
    assert article.text.startswith("Defusing the Ukraine crisis")
    assert "Geneva / Brussels – During the crisis talks in Geneva" in article.text
    assert article.date == ""
