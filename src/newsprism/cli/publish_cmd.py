"""Publishing commands: ``brief`` (static HTML briefing), ``serve`` (local web app), ``stories`` (cluster)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .common import db_option, echo_json, handle_errors, json_option, open_db

__all__ = ["register"]


@click.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True, help="folder to write")
@click.option("--title", default="newsprism briefing", show_default=True)
@db_option
@json_option
@handle_errors
def brief(out: Path, title: str, db: str | None, as_json: bool) -> None:
    """Write a static HTML briefing (stories by day, one page per story, outlet and article) to OUT."""
    from ..publish.briefing import write_briefing

    with open_db(db) as store:
        counts = write_briefing(store, out, title=title)
    if as_json:
        echo_json({"out": str(out), "pages": counts})
        return
    click.echo(
        f"{sum(counts.values())} pages ({counts['stories']} stories, {counts['articles']} articles, "
        f"{counts['outlets']} outlets): {out / 'index.html'} (opens from disk, no network)"
    )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind (keep it local)")
@click.option("--port", type=int, default=8765, show_default=True)
@db_option
@handle_errors
def serve(host: str, port: int, db: str | None) -> None:
    """Run the local web app over the store (stories, articles, outlets, entities, claims, JSON API)."""
    from ..web import serve as run

    if host not in {"127.0.0.1", "localhost", "::1"}:
        click.echo(f"warning: binding {host}: anyone who can reach it can read the store and edit labels", err=True)
    run(
        db,
        host=host,
        port=port,
        on_ready=lambda url: click.echo(f"serving on {url}  (API: /openapi.json; Ctrl-C stops)", err=True),
    )


@click.command()
@click.option("--rebuild", is_flag=True, help="forget the stored stories and cluster every article anew")
@click.option("--window", type=int, default=None, help="days; default: setting story_window_days")
@click.option("--threshold", type=float, default=None, help="default: setting story_threshold")
@db_option
@json_option
@handle_errors
def stories(rebuild: bool, window: int | None, threshold: float | None, db: str | None, as_json: bool) -> None:
    """Cluster articles into stories (new articles join existing stories) and list them."""
    from ..config import Settings
    from ..stories import build_stories

    overrides: dict[str, Any] = {}
    if window is not None:
        overrides["story_window_days"] = window
    if threshold is not None:
        overrides["story_threshold"] = threshold
    with open_db(db) as store:
        summary = build_stories(store, settings=Settings(**overrides), rebuild=rebuild)
        rows = list(store.iter_stories())
    if as_json:
        echo_json({"summary": summary, "stories": [s.to_dict() for s in rows]})
        return
    for s in rows:
        click.echo(f"{s.id}  {s.start or '':10}  {len(s.article_ids):3} art.  {', '.join(s.languages):8}  {s.label}")
    click.echo(f"{summary['stories']} stories ({summary['new']} new) over {summary['articles']} articles", err=True)


def register(group: click.Group) -> None:
    for cmd in (brief, serve, stories):
        group.add_command(cmd)
