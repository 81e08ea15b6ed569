"""One party in the Positions tab however each story names it: a story that calls a body by
the end of its name ("the Fish and Wildlife Service", which the tagger cuts to "Wildlife
Service") and one that names it in full list one party, with both positions (texts of our own).
"""

from __future__ import annotations

from pathlib import Path

CUT = (
    "Title: Ranchers report wolf sightings\nSource: Desert Ledger\nDate: 2026-03-02\n---\n"
    "Ranchers met at the county fairgrounds on Tuesday, where the U.S. Fish and Wildlife "
    "Service had set up an information desk.\n\n"
    "The Fish and Wildlife Service urged ranchers to report sightings of the wolves.\n"
)
FULL = (
    "Title: Darter may be listed\nSource: River Wire\nDate: 2026-03-05\n---\n"
    "The U.S. Fish and Wildlife Service proposed on Monday to list the darter as threatened.\n"
)


def test_a_body_named_by_the_end_of_its_name_is_listed_once(open_store, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cut.txt").write_text(CUT, encoding="utf-8")
    (folder / "full.txt").write_text(FULL, encoding="utf-8")
    a = open_store()
    report = a.ingest([folder])
    assert report.added == 2 and not report.failed
    by_party: dict[str, set[str]] = {}
    for p in a.positions():
        by_party.setdefault(p.party, set()).add(p.text)
    service = by_party.get("U.S. Fish and Wildlife Service", set())
    assert any("urged ranchers" in t for t in service)
    assert any("proposed on Monday" in t for t in service)
    assert "Wildlife Service" not in by_party
    asked = a.positions(party="U.S. Fish and Wildlife Service")
    assert len(asked) == 2
