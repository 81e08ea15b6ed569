"""The ingest pipeline end to end: real files, real SQLite catalog, real embedded Chroma."""

from __future__ import annotations

import random
import re
import shutil

import pytest

from assistant.settings import Settings
from index.articles import build_article
from index.catalog import Catalog, StoreMismatch
from index.embeddings import HashEmbedder
from index.loaders import load_file
from tests.support.samples import EXPECTED, STRIKE_BODY

STORY = (
    "Dockworkers at Port Halvern began an indefinite strike on Sunday morning, halting the "
    "loading of forty container ships at the northern terminal.\n\n"
    "The union said the walkout followed six months of failed talks over night-shift pay and the "
    "use of temporary crews on the cranes. Its regional secretary, Mara Voss, told reporters that "
    "members had voted by a large majority to stop work until the port authority made a written "
    "offer.\n\n"
    "Harbour officials warned that perishable cargo, including fruit from the southern islands, "
    "would be diverted to Brenmouth within days if the dispute continued. Shipping lines said "
    "they had already rerouted three vessels to terminals further along the coast.\n\n"
    "A spokesperson for the port authority said managers were willing to meet the union again on "
    "Thursday with an independent mediator present, and that contingency staff would keep the "
    "ferry berths open."
)
EDITED_SENTENCE = "would be diverted to Brenmouth before the end of the week if no deal was reached"
NEAR_COPY = STORY.replace(
    "would be diverted to Brenmouth within days if the dispute continued", EDITED_SENTENCE
)

EXTRA = (
    "The Kestrel Rovers academy will host a youth tournament in June, with sixteen teams from "
    "across the league expected to take part over three days."
)


def doc_id_of(path, record=0):
    return build_article(load_file(path, 10**9)[record]).doc_id


def everything(a, query="the", k=200):
    """All passages the store can return (k is far above the number of chunks)."""
    return a.search(query, k=k)


def consistent(a):
    """Vectors, catalog chunks and per-document chunk counts all agree."""
    docs, chunks = a.services.catalog.counts()
    return a.services.vectors.count() == chunks == sum(d.chunks for d in a.documents())


def snapshot(a, queries, ids=None):
    """Documents and the dense search results restricted to `ids` (default: all stored now).

    Dense scores depend only on the stored vectors, so any change to what was stored shows; the
    hybrid ranking legitimately moves when a new document changes the BM25 statistics.
    """
    from index.types import Filters

    docs = a.documents()
    ids = ids if ids is not None else [d.doc_id for d in docs]
    hits = {
        q: sorted(
            (p.chunk_id, round(p.score, 5), p.text, p.title, p.date)
            for p in a.services.retriever.dense(q, 100, Filters(doc_ids=tuple(ids)))
        )
        for q in queries
    }
    return docs, hits


QUERIES = (STRIKE_BODY[1], EXPECTED[2].body[0], "ferry pier storm", "apple harvest frost")


# --- a folder of every format -----------------------------------------------------------------


def test_folder_of_every_format_is_indexed_with_its_metadata(assistant, make_files):
    samples = make_files()
    report = assistant.ingest([samples.dir])

    assert report.failed == [] and report.skipped == []
    assert report.added == samples.n_docs
    assert report.chunks == assistant.services.vectors.count() > 0
    assert consistent(assistant)
    docs = {(d.path, d.title): d for d in assistant.documents()}
    assert len(docs) == samples.n_docs
    for exp in samples.expected:
        d = docs[(exp.file, exp.title)]
        assert (d.source, d.date, d.url) == (exp.source, exp.date, exp.url)
        assert d.chunks >= 1 and d.duplicate_of == ""
    # each article can be found by one of its own sentences, with its metadata attached
    for exp in samples.expected:
        top = assistant.search(exp.body[0], k=1)[0]
        assert exp.body[0] in top.text
        assert (top.title, top.source, top.date, top.url) == (
            exp.title,
            exp.source,
            exp.date,
            exp.url,
        )


def test_reingesting_the_same_files_adds_nothing(assistant, make_files):
    samples = make_files()
    assistant.ingest([samples.dir])
    vectors = assistant.services.vectors.count()
    docs = assistant.documents()

    again = assistant.ingest([samples.dir])
    assert again.unchanged == samples.n_docs
    assert (again.added, again.replaced, again.duplicates, again.chunks) == (0, 0, 0, 0)
    assert again.failed == []
    assert assistant.services.vectors.count() == vectors
    assert assistant.documents() == docs


def test_a_changed_file_replaces_its_old_chunks(assistant, write_story):
    path = write_story("port.txt", STORY, title="Port strike begins", date="2024-03-03")
    other = write_story("club.txt", EXTRA, title="Youth tournament")
    assistant.ingest([path, other])
    old_id = doc_id_of(path)

    new_sentence = "Talks collapsed on Thursday when the mediator walked out of the harbour office."
    write_story(
        path,
        STORY.replace(
            "Shipping lines said they", f"{new_sentence} Shipping lines said they"
        ).replace("Mara Voss", "Ilse Brandt"),
        title="Port strike talks collapse",
        date="2024-03-07",
    )
    report = assistant.ingest([path, other])

    assert (report.replaced, report.added, report.unchanged) == (1, 0, 1)
    docs = assistant.documents()
    assert len(docs) == 2
    assert old_id not in {d.doc_id for d in docs}
    (port,) = [d for d in docs if d.path == "port.txt"]
    assert (port.title, port.date) == ("Port strike talks collapse", "2024-03-07")
    texts = [p.text for p in everything(assistant)]
    assert not any("Mara Voss" in t for t in texts)
    assert any(new_sentence in t for t in texts)
    assert assistant.services.vectors.ids_for(old_id) == []
    assert consistent(assistant)


def test_an_identical_copy_is_a_duplicate_stored_once(assistant, write_story, tmp_path):
    original = write_story("a/port.txt", STORY, title="Port strike begins")
    assistant.ingest([original])
    vectors = assistant.services.vectors.count()

    copy = tmp_path / "b" / "port-copy.txt"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    report = assistant.ingest([copy])
    assert (report.duplicates, report.added, report.chunks) == (1, 0, 0)
    assert len(assistant.documents()) == 1
    assert assistant.services.vectors.count() == vectors
    # and the copy is known from now on
    assert assistant.ingest([original, copy]).unchanged == 2


def test_a_copy_in_the_same_batch_is_stored_once_and_known_next_time(assistant, write_story):
    a = write_story("news/port.txt", STORY, title="Port strike begins")
    write_story("news/port-copy.txt", STORY, title="Port strike begins")
    first = assistant.ingest([a.parent])
    assert (first.added, first.duplicates) == (1, 1)
    assert len(assistant.documents()) == 1
    assert consistent(assistant)

    again = assistant.ingest([a.parent])
    assert (again.unchanged, again.duplicates, again.added) == (2, 0, 0), again.duplicate_notes


def test_a_near_duplicate_is_linked_not_indexed(assistant, write_story):
    original = write_story("port.txt", STORY, title="Port strike begins", source="Coastal Ledger")
    assistant.ingest([original])
    original_id = doc_id_of(original)
    vectors = assistant.services.vectors.count()

    near = write_story(
        "wire.txt", NEAR_COPY, title="Halvern dockers down tools over pay", source="Alpine Wire"
    )
    report = assistant.ingest([near])

    assert (report.duplicates, report.added, report.chunks) == (1, 0, 0)
    assert any(original_id in note for note in report.duplicate_notes)
    (listed,) = [d for d in assistant.documents() if d.path == "wire.txt"]
    assert listed.duplicate_of == original_id and listed.chunks == 0
    assert listed.title == "Halvern dockers down tools over pay"
    assert assistant.services.vectors.count() == vectors
    assert not any(EDITED_SENTENCE in p.text for p in everything(assistant))
    assert {p.doc_id for p in everything(assistant)} == {original_id}


def test_a_near_duplicate_in_the_same_batch_is_linked_not_indexed(assistant, write_story, tmp_path):
    """A folder holding a wire story and its republished copy must not index both."""
    write_story("news/a-port.txt", STORY, title="Port strike begins")
    write_story("news/b-wire.txt", NEAR_COPY, title="Halvern dockers down tools over pay")
    report = assistant.ingest([tmp_path / "news"])

    assert (report.added, report.duplicates) == (1, 1)
    indexed = [d for d in assistant.documents() if not d.duplicate_of]
    assert len(indexed) == 1
    assert not any(EDITED_SENTENCE in p.text for p in everything(assistant))


def test_deleting_a_document_removes_it_everywhere(assistant, write_story):
    port = write_story("port.txt", STORY, title="Port strike begins")
    club = write_story("club.txt", EXTRA, title="Youth tournament")
    assistant.ingest([port, club])
    port_id = doc_id_of(port)

    assert assistant.delete(port_id) is True
    assert [d.path for d in assistant.documents()] == ["club.txt"]
    assert all(p.doc_id != port_id for p in everything(assistant, "strike dockworkers port"))
    assert assistant.services.vectors.ids_for(port_id) == []
    assert consistent(assistant)
    assert assistant.delete(port_id) is False
    # the file can be added back
    assert assistant.ingest([port]).added == 1


def test_pasted_text_is_indexed_once(assistant):
    report = assistant.ingest_text(
        STORY, title="Port strike begins", source="Coastal Ledger", date="March 3, 2024"
    )
    assert (report.added, report.failed) == (1, [])
    (doc,) = assistant.documents()
    assert (doc.title, doc.source, doc.date, doc.path) == (
        "Port strike begins",
        "Coastal Ledger",
        "2024-03-03",
        "",
    )
    top = assistant.search("Mara Voss regional secretary union vote", k=1)[0]
    assert top.doc_id == doc.doc_id and "Mara Voss" in top.text

    vectors = assistant.services.vectors.count()
    twice = assistant.ingest_text(STORY, title="Port strike begins")
    assert (twice.added, twice.unchanged, twice.chunks) == (0, 1, 0)
    assert len(assistant.documents()) == 1
    assert assistant.services.vectors.count() == vectors


def test_pasted_text_without_words_is_refused(assistant):
    report = assistant.ingest_text("   \n\n Advertisement \n")
    assert report.added == 0
    assert len(report.failed) == 1 and "no text" in report.failed[0].reason
    assert assistant.documents() == []


def test_a_store_built_with_another_embedder_refuses_to_open(open_store, tmp_path, write_story):
    store = tmp_path / "store"
    a = open_store(store)
    a.ingest([write_story("port.txt", STORY, title="Port strike begins")])
    docs = a.documents()
    a.close()

    with pytest.raises(StoreMismatch, match=r"hash-64@fp32.*hash-32@fp32"):
        open_store(store, embedder=HashEmbedder(dim=32))
    # the refusal changed nothing: the right model still opens it intact
    assert open_store(store).documents() == docs


# --- bad input ----------------------------------------------------------------------------------


def _truncated_docx(tmp_path):
    import docx

    full = tmp_path / "full.docx"
    d = docx.Document()
    d.add_paragraph("The harbour board will publish its annual accounts next week.")
    d.save(str(full))
    data = full.read_bytes()
    full.unlink()
    return data[: len(data) * 2 // 3]


def _blank_pdf():
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 72, 300, 200, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def _huge(path):
    limit = Settings().max_file_mb
    with open(path, "wb") as f:
        f.truncate(int(max(limit, 50) * 1_000_000) + 1_000_000)  # sparse: instant
    return f"{limit:.0f} MB limit"


BAD = {
    "empty.txt": (lambda tmp: b"", r"empty file"),
    "blob.txt": (lambda tmp: random.Random(1).randbytes(5000) + b"\0", r"binary file"),
    "garbled.txt": (
        lambda tmp: bytes(b | 0x80 for b in random.Random(2).randbytes(3000)),
        r"encoding|not decodable",
    ),
    "short.txt": (lambda tmp: b"Republicans opposed the proposal.\n", r"4 words after cleaning"),
    "furniture.txt": (
        lambda tmp: b"Advertisement\n\nShare this article\n\nSubscribe now\n",
        r"no text to index",
    ),
    "menu.html": (
        lambda tmp: (
            b"<html><head><script>var x = 1;</script></head><body><nav>"
            b"<a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
            b"<script>track('page')</script></body></html>"
        ),
        r"no article text",
    ),
    "scan.pdf": (lambda tmp: _blank_pdf(), r"no text layer"),
    "random.docx": (lambda tmp: random.Random(3).randbytes(4000), r"not a valid DOCX"),
    "truncated.docx": (_truncated_docx, r"not a valid DOCX"),
    "broken.json": (
        lambda tmp: b'[{"title": "Ferry", "text": "The ferry runs again"',
        r"malformed JSON",
    ),
    "notes.csv": (lambda tmp: b"berth,ships\n1,4\n", r"unsupported file type '\.csv'"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_fails_alone_and_leaves_the_store_untouched(
    assistant, make_files, write_story, tmp_path, name
):
    samples = make_files()
    assistant.ingest([samples.dir])
    before_docs, before_hits = snapshot(assistant, QUERIES)

    bad = tmp_path / "incoming" / name
    bad.parent.mkdir()
    make, reason = BAD[name]
    bad.write_bytes(make(tmp_path))
    good = write_story("incoming/tournament.txt", EXTRA, title="Youth tournament")

    report = assistant.ingest([bad, good])

    assert len(report.failed) == 1, report.failed
    assert report.failed[0].path == str(bad)
    assert re.search(reason, report.failed[0].reason), report.failed[0].reason
    assert report.added == 1  # the rest of the batch went in
    after = assistant.documents()
    assert [d for d in after if d.path != "tournament.txt"] == before_docs
    assert snapshot(assistant, QUERIES, [d.doc_id for d in before_docs])[1] == before_hits
    assert consistent(assistant)


def test_a_file_above_the_size_limit_is_refused_naming_the_limit(
    assistant, make_files, write_story, tmp_path
):
    samples = make_files(only=("strike.txt",))
    assistant.ingest([samples.dir])
    before = snapshot(assistant, QUERIES)

    huge = tmp_path / "incoming" / "archive.pdf"  # .txt has its own, lower limit
    huge.parent.mkdir()
    limit = _huge(huge)
    good = write_story("incoming/tournament.txt", EXTRA, title="Youth tournament")
    report = assistant.ingest([huge, good])

    assert [f.path for f in report.failed] == [str(huge)]
    assert limit in report.failed[0].reason and "MB" in report.failed[0].reason
    assert report.added == 1
    assert [d for d in assistant.documents() if d.path != "tournament.txt"] == before[0]


def test_unsupported_file_in_a_folder_is_skipped_not_failed(assistant, write_story, tmp_path):
    write_story("inbox/port.txt", STORY, title="Port strike begins")
    (tmp_path / "inbox" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    report = assistant.ingest([tmp_path / "inbox"])
    assert report.failed == []
    assert report.skipped == [str(tmp_path / "inbox" / "photo.jpg")]
    assert report.added == 1


def test_a_missing_path_is_one_failure(assistant, write_story, tmp_path):
    good = write_story("port.txt", STORY, title="Port strike begins")
    missing = tmp_path / "gone.txt"
    report = assistant.ingest([missing, good])
    assert [f.path for f in report.failed] == [str(missing)], report.failed
    assert report.added == 1


def test_a_file_that_vanishes_mid_run_fails_alone(assistant, write_story, tmp_path):
    write_story("batch/a-port.txt", STORY, title="Port strike begins")
    write_story("batch/b-club.txt", EXTRA, title="Youth tournament")
    doomed = write_story(
        "batch/c-ferry.txt",
        "The ferry to Skarra is cancelled on Monday because of high winds on the strait.",
        title="Ferry cancelled",
    )

    def progress(done, total, name):
        if name == "a-port.txt":
            doomed.unlink()

    report = assistant.ingest([tmp_path / "batch"], progress=progress)
    assert [f.path for f in report.failed] == [str(doomed)]
    assert "disappeared" in report.failed[0].reason
    assert report.added == 2
    assert sorted(d.path for d in assistant.documents()) == ["a-port.txt", "b-club.txt"]
    assert consistent(assistant)


# --- crash safety -------------------------------------------------------------------------------


def _crash_on(monkeypatch, path_name):
    real = Catalog.commit_document

    def flaky(self, article, chunks, *args, **kwargs):
        if article.path == path_name:
            raise OSError("simulated power cut before the catalog commit")
        return real(self, article, chunks, *args, **kwargs)

    monkeypatch.setattr(Catalog, "commit_document", flaky)


def test_an_interrupted_ingest_is_never_half_visible_and_a_rerun_completes_it(
    open_store, write_story, tmp_path, monkeypatch
):
    port = write_story("batch/a-port.txt", STORY, title="Port strike begins")
    write_story("batch/b-club.txt", EXTRA, title="Youth tournament")
    port_id = doc_id_of(port)
    a = open_store()

    _crash_on(monkeypatch, "a-port.txt")
    report = a.ingest([tmp_path / "batch"])
    assert [f.path for f in report.failed] == [str(port)]
    assert report.added == 1
    # the catalog never heard of it, and its already-written vectors were taken back
    assert a.services.vectors.ids_for(port_id) == []
    assert all(p.doc_id != port_id for p in everything(a, STORY))
    assert [d.path for d in a.documents()] == ["b-club.txt"]
    monkeypatch.undo()

    # a new process opens the store and runs the same ingest again
    a.close()
    b = open_store()
    rerun = b.ingest([tmp_path / "batch"])
    assert (rerun.added, rerun.unchanged, rerun.failed) == (1, 1, [])
    assert sorted(d.path for d in b.documents()) == ["a-port.txt", "b-club.txt"]
    assert consistent(b)
    assert len(b.services.vectors.ids_for(port_id)) == next(
        d.chunks for d in b.documents() if d.doc_id == port_id
    )
    assert b.search("Mara Voss regional secretary", k=1)[0].doc_id == port_id
    assert b.services.catalog.pending() == []


def test_recover_removes_orphan_vectors_of_an_interrupted_ingest(
    assistant, write_story, monkeypatch
):
    port = write_story("a-port.txt", STORY, title="Port strike begins")
    club = write_story("b-club.txt", EXTRA, title="Youth tournament")

    class Killed(BaseException):
        """The process dies between the vector write and the catalog commit."""

    real = Catalog.commit_document

    def dies(self, article, chunks, *args, **kwargs):
        if article.path == "a-port.txt":
            raise Killed
        return real(self, article, chunks, *args, **kwargs)

    monkeypatch.setattr(Catalog, "commit_document", dies)
    with pytest.raises(Killed):
        assistant.ingest([club, port])
    monkeypatch.undo()
    assert not consistent(assistant)  # orphan vectors of the half-written document

    assistant.services.ingestor.recover()
    assert consistent(assistant)
    assert assistant.services.vectors.ids_for(doc_id_of(port)) == []
    assert assistant.services.catalog.pending() == []
    assert [d.path for d in assistant.documents()] == ["b-club.txt"]
