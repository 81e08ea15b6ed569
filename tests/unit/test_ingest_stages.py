"""The ingest's overlapped stages (issue 18): files are read and chunked while the group before
is embedded on another thread, statements are parsed on a third; the report and the store come
out as a one-thread run would make them.
"""

from __future__ import annotations

import threading

import index.pipeline as pipeline
from index.embeddings import HashEmbedder


class Recording(HashEmbedder):
    def __init__(self, fail_on: str = "") -> None:
        super().__init__()
        self.threads: set[str] = set()
        self.fail_on = fail_on

    def embed_documents(self, texts):  # type: ignore[no-untyped-def]
        self.threads.add(threading.current_thread().name.split("_")[0])
        if self.fail_on and any(self.fail_on in t for t in texts):
            raise RuntimeError("embedder failed")
        return super().embed_documents(texts)


def consistent(a):
    docs, chunks = a.services.catalog.counts()
    return a.services.vectors.count() == chunks == sum(d.chunks for d in a.documents())


def test_small_groups_give_the_same_store_and_report_as_one_group(
    open_store, make_files, tmp_path, monkeypatch
):
    files = make_files()
    whole = open_store(tmp_path / "one")
    one = whole.ingest([files.dir])

    monkeypatch.setattr(pipeline, "GROUP_CHUNKS", 1)  # every file is its own group
    emb = Recording()
    a = open_store(tmp_path / "many", embedder=emb)
    parsed: list[str] = []
    annotate = a.services.ingestor._annotate

    def recording(article, spans):  # type: ignore[no-untyped-def]
        parsed.append(threading.current_thread().name.split("_")[0])
        return annotate(article, spans) if annotate else []

    a.services.ingestor._annotate = recording
    many = a.ingest([files.dir])
    assert many.failed == one.failed == []
    assert (
        (many.added, many.chunks) == (one.added, one.chunks) == (len(files.expected), many.chunks)
    )
    assert sorted(many.doc_ids) == sorted(one.doc_ids)
    assert emb.threads == {"write"}  # embedded off the reading thread
    assert set(parsed) == {"annotate"} and len(parsed) == many.added
    assert consistent(a)
    again = a.ingest([files.dir])
    assert (again.added, again.unchanged) == (0, one.added)


def test_a_group_that_fails_to_embed_fails_its_files_only(
    open_store, write_story, tmp_path, monkeypatch
):
    monkeypatch.setattr(pipeline, "GROUP_CHUNKS", 1)
    words = ["harbour", "orchard", "glacier", "lantern"]
    for n, w in enumerate(words):
        write_story(
            tmp_path / "news" / f"{n}.txt",
            f"The {w} committee met on Monday. " * 3 + f"Its {w} report was published. " * 3,
            title=f"The {w} story",
        )
    a = open_store(embedder=Recording(fail_on="glacier"))
    report = a.ingest([tmp_path / "news"])
    assert report.added == 3
    assert [f.path.rsplit("/", 1)[-1] for f in report.failed] == ["2.txt"]
    assert "could not be indexed" in report.failed[0].reason
    assert consistent(a)


def test_an_article_whose_positions_cannot_be_read_is_stored_without_them(
    open_store, write_story, tmp_path
):
    """A fault in the stance reader on one article (a real one lost a whole article to an
    IndexError) costs that article its positions, not its place in the store: it is searchable,
    and the report says which file and why. The other articles keep theirs.
    """
    for n, w in enumerate(["harbour", "glacier"]):
        write_story(
            tmp_path / "news" / f"{n}.txt",
            f"The {w} union demanded a 5 percent pay rise on Monday. " * 2,
            title=f"The {w} story",
        )
    a = open_store(tmp_path / "store")
    annotate = a.services.ingestor._annotate

    def failing_on_glacier(article, spans):  # type: ignore[no-untyped-def]
        if "glacier" in article.text:
            raise IndexError("list index out of range")
        return annotate(article, spans)

    a.services.ingestor._annotate = failing_on_glacier
    report = a.ingest([tmp_path / "news"])
    assert report.added == 2 and report.failed == []
    assert len(report.notes) == 1
    assert "1.txt" in report.notes[0] and "stored without positions" in report.notes[0]
    assert "IndexError" in report.notes[0]
    assert any("glacier" in p.text for p in a.search("glacier union pay rise", k=3))
    assert consistent(a)
