"""Core commands: ingest, analyze, articles, show, search, failures, export, settings, components."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .common import (
    EXIT_NOTHING,
    EXIT_PARTIAL,
    clean,
    db_option,
    echo_json,
    handle_errors,
    json_option,
    open_db,
    parse_map,
    progress_bar,
    say,
)

__all__ = ["register"]

FORMAT_CHOICES = ["auto", "text", "html", "feed", "jsonl", "csv"]


def _ingest_options(mapping: tuple[str, ...], fetch_full: bool) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if mapping:
        opts["mapping"] = parse_map(mapping)
    if fetch_full:
        opts["fetch_full"] = True
    return opts


def _progress(message: str) -> None:
    """Rows read so far of a long input, on stderr (a plain input name is not printed)."""
    if "rows/s" in message:
        say(f"reading {message}", err=True)


def _report_ingest(rep: Any, as_json: bool) -> None:
    if as_json:
        return
    for source, reason in rep.failed:
        say(f"failed: {source}: {reason}", err=True)
    for source, warning in rep.warnings:
        say(f"warning: {source}: {warning}", err=True)
    again = sum(1 for d in rep.duplicates if d[2] == "already stored")
    syndicated = f" ({len(rep.syndicated)} syndicated cop(ies) from other outlets)" if rep.syndicated else ""
    say(
        f"{len(rep.stored)} new article(s){syndicated}, {len(rep.duplicates) - again} duplicate(s) linked, "
        f"{again} already stored, {len(rep.failed)} failure(s), {rep.labels} outlet label(s) from pages",
        err=True,
    )


def _exit_for(rep: Any) -> None:
    if rep.failed and not rep.article_ids:
        sys.exit(EXIT_NOTHING)
    if rep.failed:
        sys.exit(EXIT_PARTIAL)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True)
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN", help="column mapping for JSONL/CSV")
@click.option("--fetch-full", is_flag=True, help="fetch the page of feed entries that hold only a summary")
@db_option
@json_option
@handle_errors
def ingest(
    sources: tuple[str, ...], fmt: str, mapping: tuple[str, ...], fetch_full: bool, db: str | None, as_json: bool
) -> None:
    """Read files, folders, URLs or - (stdin) into the store."""
    from ..ingest import ingest as run_ingest

    with open_db(db) as store:
        rep = run_ingest(sources, store, format=fmt, options=_ingest_options(mapping, fetch_full), progress=_progress)
    if as_json:
        echo_json(rep.to_dict())
    _report_ingest(rep, as_json)
    _exit_for(rep)


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True)
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN", help="column mapping for JSONL/CSV")
@click.option("--fetch-full", is_flag=True, help="fetch the page of feed entries that hold only a summary")
@click.option("--stage", "stages", multiple=True, help="run only these stages (default: every registered stage)")
@click.option("--engine", default="local", show_default=True, help="engine that runs the stages")
@click.option("--rerun", is_flag=True, help="forget finished work and run every stage again")
@db_option
@json_option
@handle_errors
def analyze(
    sources: tuple[str, ...],
    fmt: str,
    mapping: tuple[str, ...],
    fetch_full: bool,
    stages: tuple[str, ...],
    engine: str,
    rerun: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Ingest SOURCES (if any), then run every stage over what is not yet done."""
    from ..api import analyze as run_analyze

    with open_db(db) as store, progress_bar("analyzing", enabled=not as_json) as bar:
        report = run_analyze(
            sources,
            store,
            format=fmt,
            stages=list(stages) or None,
            options=_ingest_options(mapping, fetch_full),
            engine=engine,
            progress=bar,
            ingest_progress=None if as_json else _progress,
            rerun=rerun,
        )
        db_loc = getattr(store, "path", db)
    rep, run = report.ingest, report.run
    if rep is not None:
        _report_ingest(rep, as_json)
    if as_json:
        echo_json(report.to_dict())
    else:
        for aid, stage, reason in run.failed:
            say(f"stage failed: {stage} on {aid}: {reason}", err=True)
        say(
            f"analyzed {run.articles} article(s) with {len(run.stages)} stage(s) in {run.seconds:.1f}s; "
            f"store: {db_loc}",
            err=True,
        )
    if rep is not None:
        _exit_for(rep)
    if run.failed:
        sys.exit(EXIT_PARTIAL)


@click.command()
@click.option("--outlet", help="outlet id or name")
@click.option("--language", help="ISO 639-1 code")
@click.option("--since", help="published on or after (YYYY-MM-DD)")
@click.option("--until", help="published on or before (YYYY-MM-DD)")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@db_option
@json_option
@handle_errors
def articles(
    outlet: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    db: str | None,
    as_json: bool,
) -> None:
    """List stored articles."""
    with open_db(db) as store:
        rows = list(
            store.iter_articles(outlet=outlet, language=language, since=since, until=until, limit=limit, offset=offset)
        )
    if as_json:
        echo_json([{k: v for k, v in a.to_dict().items() if k != "body"} | {"chars": len(a.body)} for a in rows])
        return
    for a in rows:
        say(
            f"{a.id}  {(a.published or '')[:10]:10}  {a.language or '--':3} "
            f"{clean(a.outlet or '?', oneline=True)[:24]:24}  "
            f"{clean(a.title or '', oneline=True)}"
        )


@click.command()
@click.argument("article_id")
@click.option("--items/--no-items", default=True, help="also print what the stages extracted")
@db_option
@json_option
@handle_errors
def show(article_id: str, items: bool, db: str | None, as_json: bool) -> None:
    """Show one article with its metadata (and extracted items)."""
    from ..model import RECORD_TYPES

    with open_db(db) as store:
        art = store.get_article(article_id)
        if art is None:
            matches = [i for i in store.article_ids() if i.startswith(article_id)]
            art = store.get_article(matches[0]) if len(matches) == 1 else None
        if art is None:
            say(f"error: no article {article_id!r}", err=True)
            sys.exit(EXIT_PARTIAL)
        found = (
            {k: [it.to_dict() for it in store.iter_items(k, article_id=art.id)] for k in RECORD_TYPES} if items else {}
        )
        dups = store.duplicates_of(art.id)
    if as_json:
        echo_json({"article": art.to_dict(), "duplicates": dups, **found})
        return
    say(
        f"{clean(art.title or '', oneline=True)}\n{', '.join(art.authors)} | {art.outlet} | "
        f"{art.published} | {art.language}"
    )
    if art.url:
        say(art.url)
    say("")
    say(art.body)
    if art.footnotes:
        say("\nFootnotes:")
        for fn in art.footnotes:
            say(f"  {fn.mark} {fn.text}")
    if art.author_bio:
        say(f"\nAbout the author: {art.author_bio}")
    for kind, rows in found.items():
        if rows:
            say(f"\n{kind}: {len(rows)}")


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", type=int, default=20, show_default=True)
@db_option
@json_option
@handle_errors
def search(query: tuple[str, ...], limit: int, db: str | None, as_json: bool) -> None:
    """Full-text search over titles and bodies ("quoted phrases", OR, prefix*)."""
    with open_db(db) as store:
        hits = store.search(" ".join(query), limit=limit)
    if as_json:
        echo_json([h.to_dict() for h in hits])
        return
    for h in hits:
        snippet = h.snippet.replace("\x02", "[").replace("\x03", "]")
        say(
            f"{h.article_id}  {clean(h.outlet or '', oneline=True)[:20]:20}  {clean(h.title or '', oneline=True)}\n"
            f"    {clean(snippet, oneline=True)}"
        )
    if not hits:
        say("no match", err=True)


@click.command()
@click.option("--all", "include_resolved", is_flag=True, help="include failures already resolved")
@click.option("--retry", is_flag=True, help="try every open failure again")
@db_option
@json_option
@handle_errors
def failures(include_resolved: bool, retry: bool, db: str | None, as_json: bool) -> None:
    """List inputs and stages that failed, with the reason; --retry tries them again."""
    from ..api import retry_failures

    with open_db(db) as store:
        if retry:
            rep = retry_failures(store)
            say(f"{len(rep.resolved)} failure(s) resolved, {rep.still_open} still open", err=True)
        rows = store.failures(include_resolved=include_resolved)
    if as_json:
        echo_json([f.to_dict() for f in rows])
        return
    for f in rows:
        state = "resolved" if f.resolved_at else f"open, {f.attempts} attempt(s)"
        what = f"stage {f.stage} " if f.kind == "stage" else ""
        say(f"#{f.id} [{state}] {what}{f.source}: {f.reason}")
    if not rows:
        say("no failures", err=True)


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]), default="jsonl", show_default=True
)
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True)
@db_option
@json_option
@handle_errors
def export(fmt: str, out: Path, db: str | None, as_json: bool) -> None:
    """Write one file per record type (articles, outlets, entities, ... stories) to OUT."""
    from ..registry import default_registry

    with open_db(db) as store:
        exporter = default_registry().create("publisher", f"export.{fmt}")
        counts = exporter(store, out)
    if as_json:
        echo_json({"out": str(out), "files": counts})
        return
    for table, n in counts.items():
        say(f"{n:8d}  {out / (table + '.' + (fmt if fmt != 'gdelt' else 'tsv'))}")


@click.command()
@json_option
def settings(as_json: bool) -> None:
    """Show every setting, its value (defaults overridden by NEWSPRISM_* variables) and what it does."""
    from ..config import SETTINGS, Settings, data_dir, default_db_path

    values = Settings().as_dict()
    if as_json:
        echo_json({"settings": values, "data_dir": str(data_dir()), "db": str(default_db_path())})
        return
    say(f"data folder: {data_dir()}\ndefault store: {default_db_path()}\n")
    for s in SETTINGS:
        say(f"{s.name:26} {values[s.name]!s:40} {s.help}")


@click.command()
@json_option
def components(as_json: bool) -> None:
    """List registered components: loaders, stages, stores, publishers, engines."""
    from ..registry import KINDS, default_registry

    reg = default_registry()
    rows = [
        {
            "kind": k,
            "name": s.name,
            "requires": list(s.requires),
            "produces": list(s.produces),
            "default": s.default,
            "options": sorted(s.options),
            "description": s.description,
        }
        for k in KINDS
        for s in reg.all(k)
    ]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        say(f"{r['kind']:9} {r['name']:28} {r['description']}")


def register(group: click.Group) -> None:
    for cmd in (ingest, analyze, articles, show, search, failures, export, settings, components):
        group.add_command(cmd)
