"""The `briefing` command: a thin shell over the Python API that prints text or JSON."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.types import Position

log = logging.getLogger(__name__)

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Store folder (default: BRIEFING_STORE or data/store)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _open(store: Path | None, create: bool = False) -> Assistant:
    """Open the store; only commands that write (ingest, watch) may create a missing one."""
    from assistant.api import StoreNotFound, open_assistant
    from index.catalog import StoreMismatch

    try:
        return open_assistant(store, create=create)
    except (StoreMismatch, StoreNotFound) as exc:
        log.debug("store %s refused", store, exc_info=True)
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


F = TypeVar("F", bound=Callable[..., Any])


def _store_errors(command: F) -> F:
    """A damaged, read-only or full store ends the command with one line naming the file and
    the fix (exit code 2), never a traceback; other errors keep theirs.
    """

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from index.errors import describe

        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except Exception as exc:
            message = describe(exc, kwargs.get("store") or Settings().store)
            if message is None:
                raise
            log.debug("store failure", exc_info=True)
            typer.echo(f"error: {message}", err=True)
            raise typer.Exit(2) from None

    return run  # type: ignore[return-value]


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.command()
@_store_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (searched recursively), web pages or RSS/Atom feeds (https://…)."
        ),
    ],
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Load articles into the store; unchanged files and pages are not re-indexed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from assistant.warm import start_parser

    start_parser(Settings())
    a = _open(store, create=True)
    show = not as_json and sys.stderr.isatty()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        transient=True,
        disable=not show,
        console=None,
    ) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name[:40] or "done")

        report = a.ingest_sources(paths, progress=progress)
    a.close()
    if as_json:
        _emit(report.to_dict())
    else:
        typer.echo(
            f"added {report.added}, unchanged {report.unchanged}, replaced {report.replaced}, "
            f"duplicates {report.duplicates}, failed {len(report.failed)}; "
            f"{report.chunks} chunks in {report.seconds:.1f} s"
            + (f"; corrected headers {report.updated}" if report.updated else "")
        )
        for note in report.duplicate_notes:
            typer.echo(f"  duplicate: {note}")
        for path in report.skipped:
            typer.echo(f"  skipped (unsupported type): {path}")
        for note in report.notes:
            typer.echo(f"  note: {note}")
        for f in report.failed:
            typer.echo(f"  failed: {f.path}: {f.reason}", err=True)
        if report.stopped:
            typer.echo(f"stopped: {report.stopped}", err=True)
    if report.stopped or (
        report.failed and not (report.added or report.unchanged or report.replaced)
    ):
        raise typer.Exit(1)


@app.command()
@_store_errors
def watch(
    targets: Annotated[
        list[str], typer.Argument(help="Feed addresses (RSS/Atom) or folders to keep current.")
    ],
    every: Annotated[str, typer.Option("--every", help="How often: 30s, 15m, 1h.")] = "15m",
    rounds: Annotated[
        int, typer.Option("--rounds", help="Stop after this many passes (0: run until stopped).")
    ] = 0,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Keep a store current: read feeds and folders every so often, adding only what is new."""
    from index.feeds import WatchRound, parse_every

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        typer.echo(f"error: --every: {exc}", err=True)
        raise typer.Exit(2) from None
    a = _open(store, create=True)

    def report_round(done: WatchRound) -> None:
        for target, r in done.reports:
            if as_json:
                _emit({"target": target, **r.to_dict()})
                continue
            typer.echo(
                f"{target}: added {r.added}, replaced {r.replaced}, unchanged {r.unchanged}, "
                f"duplicates {r.duplicates}, failed {len(r.failed)}"
            )
            for f in r.failed:
                typer.echo(f"  failed: {f.path}: {f.reason}", err=True)

    try:
        a.watch(targets, seconds, rounds=rounds, on_round=report_round)
    except KeyboardInterrupt:
        pass
    finally:
        a.close()


@app.command()
@_store_errors
def feeds(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """List the feeds the store follows: when each was last read and what it added."""
    a = _open(store)
    found = a.feeds()
    a.close()
    if as_json:
        _emit({"feeds": [f.to_dict() for f in found]})
        return
    for f in found:
        typer.echo(
            f"{f.url}  {f.title[:40] or '(untitled)'}  last read {f.last_read or 'never'}: "
            f"{f.status}, added {f.last_added} ({f.total_added} in all)"
        )
    typer.echo(f"{len(found)} feeds")


@app.command()
@_store_errors
def documents(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """List the stored documents."""
    a = _open(store)
    docs = a.documents()
    a.close()
    if as_json:
        _emit({"documents": [d.to_dict() for d in docs]})
        return
    for d in docs:
        dup = f"  (near-duplicate of {d.duplicate_of})" if d.duplicate_of else ""
        typer.echo(
            f"{d.doc_id}  {d.date or '----------'}  {d.chunks:3d} chunks  {d.title[:70]}{dup}"
        )
    typer.echo(f"{len(docs)} documents")


@app.command()
@_store_errors
def status(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Show what the store holds: documents, chunks, the embedding model and where it lives."""
    a = _open(store)
    st = a.status()
    a.close()
    if as_json:
        _emit(
            {
                "documents": st.documents,
                "chunks": st.chunks,
                "embedder": st.embedder,
                "vectors": st.vectors,
                "catalog": st.catalog,
            }
        )
        return
    typer.echo(f"{st.documents} documents, {st.chunks} chunks; embedding model {st.embedder}")
    typer.echo(f"stored in {st.where}")


@app.command()
@_store_errors
def delete(doc_id: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Remove one document (by id, as `briefing documents` shows it)."""
    a = _open(store)
    ok = a.delete(doc_id)
    a.close()
    if as_json:
        _emit({"deleted": ok, "doc_id": doc_id})
    else:
        typer.echo(f"deleted {doc_id}" if ok else f"no document {doc_id}")
    if not ok:
        raise typer.Exit(1)


@app.command()
@_store_errors
def search(
    query: str,
    k: Annotated[int, typer.Option("--k", help="How many passages.")] = 10,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the passages that best match a query."""
    a = _open(store)
    hits = a.search(query, k=k)
    a.close()
    if as_json:
        _emit({"query": query, "passages": [p.to_dict() for p in hits]})
        return
    for i, p in enumerate(hits, 1):
        typer.echo(
            f"[{i}] {p.score:.3f}  {p.title[:60]} ({p.source[:30]}, {p.date or 'date unknown'})"
        )
        typer.echo("    " + p.text[:300].replace("\n", " "))


@app.command()
@_store_errors
def ask(
    question: str,
    engine: Annotated[
        str | None, typer.Option("--engine", help="extractive (default) or llm.")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer a question from the stored sources, with numbered citations."""
    a = _open(store)
    answer = a.ask(question, engine=engine)
    a.close()
    if as_json:
        _emit(answer.to_dict())
        return
    typer.echo(answer.text)
    if answer.citations:
        typer.echo("")
    for c in answer.citations:
        typer.echo(f"[{c.n}] {c.title[:70]} ({c.source[:40]}, {c.date or 'date unknown'}) {c.url}")
        typer.echo(f'    "{c.quote[:240]}"')
    for p in answer.closest:
        typer.echo(f"closest: {p.title[:70]} ({p.date or 'date unknown'}): {p.text[:160]}")


@app.command()
@_store_errors
def positions(
    party: Annotated[str | None, typer.Option("--party", help="Only this party.")] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", help="Only statements on a topic.")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who demands, rejects, offers, warns or assures what, each statement cited."""
    a = _open(store)
    found = a.positions(topic=topic, party=party)
    a.close()
    if as_json:
        _emit({"positions": [p.to_dict() for p in found]})
        return
    by_party: dict[str, list[Position]] = {}
    for p in found:
        by_party.setdefault(p.party, []).append(p)
    for name, ps in sorted(by_party.items(), key=lambda kv: -len(kv[1])):
        typer.echo(f"== {name}")
        for p in ps:
            flags = []
            if p.voice == "own":
                flags.append("own words")
            if p.corroboration > 1:
                flags.append(f"{p.corroboration} sources")
            if p.superseded_by:
                flags.append("superseded")
            extra = f" ({', '.join(flags)})" if flags else ""
            typer.echo(f"  {p.stance:8s} {p.text[:150]}{extra}")
            typer.echo(f"           — {p.citation.title[:60]}, {p.said_on or 'undated'}")


@app.command()
@_store_errors
def memo(
    topic: str,
    fmt: Annotated[str, typer.Option("--format", help="md, docx or html.")] = "md",
    out: Annotated[Path | None, typer.Option("--out", help="File to write.")] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a short cited briefing memo on a topic."""
    a = _open(store)
    result = a.memo(topic)
    a.close()
    if out is not None:
        result.export(fmt, out)
    if as_json:
        payload = result.to_dict()
        payload["path"] = str(out) if out else None
        _emit(payload)
    elif out is None:
        typer.echo(result.markdown)
    else:
        typer.echo(f"wrote {out} ({result.words()} words, {len(result.citations)} sources)")


@app.command()
@_store_errors
def verify(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Check the store: counts of the catalog, the vectors and the keyword index, every vector
    read back; one line per problem, exit code 1 when something is damaged.
    """
    a = _open(store)
    health = a.verify()
    a.close()
    if as_json:
        _emit(health.to_dict())
    else:
        typer.echo(
            f"{health.documents} documents, {health.chunks} chunks, {health.vectors} vectors, "
            f"{health.lexical} keyword entries; checked in {health.seconds:.1f} s"
        )
        for problem in health.problems:
            typer.echo(f"  damaged: {problem}", err=True)
        typer.echo("ok" if health.ok else "damaged: run `briefing repair`")
    if not health.ok:
        raise typer.Exit(1)


def _open_salvaged(store: Path | None) -> Assistant:
    """Open the store for `repair`; a damaged SQLite catalog (unreadable, or pages SQLite's
    quick check finds broken) is first replaced by what can still be read of it (issue 17).
    """
    import sqlite3

    from index.errors import StoreDamaged, looks_damaged
    from index.salvage import salvage_catalog

    path = Path(store or Settings().store) / "catalog.sqlite3"
    try:
        a = _open(store)
        try:
            problems = a.services.catalog.damage()
        except sqlite3.DatabaseError as exc:
            if not looks_damaged(exc):
                raise
            problems = [str(exc)]
        if not problems or a.services.settings.catalog_url:
            return a
        a.close()
        raise StoreDamaged(path, problems[0])
    except StoreDamaged:
        typer.echo(str(salvage_catalog(path)), err=True)
    return _open(store)


@app.command()
@_store_errors
def repair(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Repair the store from its catalog: re-embed the chunks that lack a readable vector,
    remove vectors of no stored chunk, rebuild the keyword index; then verify again.
    """
    a = _open_salvaged(store)
    done = a.repair()
    a.close()
    if as_json:
        _emit(done.to_dict())
    else:
        typer.echo(
            f"re-embedded {done.reembedded} chunks, removed {done.removed} stray vectors, "
            f"keyword index {'rebuilt' if done.lexical_rebuilt else 'whole'} "
            f"in {done.seconds:.1f} s"
        )
        for problem in done.after.problems if done.after else []:
            typer.echo(f"  still damaged: {problem}", err=True)
        typer.echo("ok" if done.after and done.after.ok else "damaged")
    if not (done.after and done.after.ok):
        raise typer.Exit(1)


@app.command()
def prepare() -> None:
    """Prepare the embedding model once (its OpenVINO conversion), so no run has to make it."""
    import time

    from assistant.api import prepare_embedder

    t = time.perf_counter()
    name = prepare_embedder(Settings())
    typer.echo(f"embedding model ready: {name} ({time.perf_counter() - t:.1f} s)")


@app.command()
def serve(store: StoreOpt = None) -> None:
    """Start the web app."""
    import app as webapp

    webapp.main(Settings(store=store) if store else None)


def main() -> None:  # pragma: no cover
    app()
