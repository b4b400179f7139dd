"""``newsprism outlets``: list, show, label outlets; import label files and public rating data."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import EXIT_NOTHING, db_option, echo_json, handle_errors, json_option, open_db

__all__ = ["register"]

_LABEL_FIELDS = ("lean", "factuality", "country", "kind", "affiliation", "owner_state", "owner")


def _facts_line(view: dict[str, Any]) -> str:
    sa = view.get("affiliation") or ("state-affiliated" if view.get("state_affiliated") else None)
    parts = [view.get("country") or "?", view.get("kind") or "?", sa or "affiliation not stated"]
    if view.get("owner_state"):
        parts.append(f"owner state {view['owner_state']}")
    return ", ".join(str(p) for p in parts)


def _echo_outlet_line(view: dict[str, Any]) -> None:
    lean = view["lean_shown"]
    src = f" ({view['lean_source']})" if view.get("lean_source") else ""
    flag = "" if view.get("known") else "  [not in registry]"
    click.echo(f"{view['id']:<28} {view['name'][:34]:<34} {_facts_line(view):<46} lean {lean}{src}{flag}")


def _echo_outlet(view: dict[str, Any]) -> None:
    click.echo(f"{view['name']}" + (f" — {view['long_name']}" if view.get("long_name") else ""))
    click.echo(f"  id:           {view['id']}" + ("" if view.get("in_store", True) else "  (registry only)"))
    if view.get("domains"):
        click.echo(f"  domains:      {', '.join(view['domains'])}")
    if view.get("aliases"):
        click.echo(f"  aliases:      {', '.join(view['aliases'])}")
    click.echo(f"  facts:        {_facts_line(view)}")
    if view.get("owner"):
        click.echo(f"  owner:        {view['owner']}")
    if view.get("languages"):
        click.echo(f"  languages:    {', '.join(view['languages'])}")
    for field in ("lean", "factuality"):
        src = f"  (from {view[f'{field}_source']})" if view.get(f"{field}_source") else ""
        agree = f"  raters {view[f'{field}_agreement']}" if view.get(f"{field}_agreement") else ""
        click.echo(f"  {field + ':':<13} {view[f'{field}_shown']}{src}{agree}")
    if view.get("sources"):
        click.echo(f"  sources:      {'; '.join(view['sources'])}")
    click.echo(f"  known:        {'yes (newsprism registry)' if view.get('known') else 'no (created unrated)'}")
    labels = view.get("labels") or []
    click.echo(f"  labels ({len(labels)}):")
    for lab in labels:
        extra = " ".join(x for x in (lab.get("date"), lab.get("note")) if x)
        click.echo(f"    {lab['field']:<16} {lab['value']:<16} {lab['source_kind']:<9} {lab['source']:<22} {extra}")


@click.group("outlets")
def outlets() -> None:
    """The outlets behind articles: registry facts, ratings, page notes and your own labels (each with its source)."""


@outlets.command("list")
@click.option("--country", help="ISO alpha-2 code or country name")
@click.option("--lean", help="far-left, left, centre-left, centre, centre-right, right, far-right or unrated")
@click.option("--kind", help="newspaper, magazine, broadcaster, agency, think tank, blog, aggregator, online")
@click.option("--known/--unknown", "known", default=None, help="only registry outlets / only outlets created unrated")
@click.option("--registry", is_flag=True, help="list the shipped registry instead of the store")
@click.option("--limit", type=int, default=None)
@db_option
@json_option
@handle_errors
def list_cmd(
    country: str | None,
    lean: str | None,
    kind: str | None,
    known: bool | None,
    registry: bool,
    limit: int | None,
    db: str | None,
    as_json: bool,
) -> None:
    """List outlets in the store with the lean shown and whose it is."""
    from ..outlets.catalog import list_outlets

    with open_db(db) as store:
        rows = list_outlets(store, country=country, lean=lean, kind=kind, known=known, registry=registry)
    rows = rows[:limit] if limit else rows
    if as_json:
        echo_json(rows)
        return
    for view in rows:
        _echo_outlet_line(view)
    click.echo(f"{len(rows)} outlet(s)", err=True)


@outlets.command("show")
@click.argument("ref")
@db_option
@json_option
@handle_errors
def show_cmd(ref: str, db: str | None, as_json: bool) -> None:
    """Show one outlet (id, domain or name) with every label and its source."""
    from ..outlets.catalog import describe_outlet

    with open_db(db) as store:
        view = describe_outlet(store, ref)
    if view is None:
        click.echo(f"error: unknown outlet {ref!r}: not in the store or the registry", err=True)
        sys.exit(EXIT_NOTHING)
    if as_json:
        echo_json(view)
    else:
        _echo_outlet(view)


@outlets.command("label")
@click.argument("ref")
@click.option("--lean", help="far-left, left, centre-left, centre, centre-right, right, far-right")
@click.option("--factuality", help="very-high, high, mostly-factual, mixed, low, very-low")
@click.option("--country", help="ISO alpha-2 code or country name")
@click.option("--kind", help="newspaper, magazine, broadcaster, agency, think tank, blog, aggregator, online")
@click.option("--affiliation", help="state, state-funded, public, independent")
@click.option("--owner-state", "owner_state", help="ISO alpha-2 code of the owning state")
@click.option("--owner", help="owner or publisher")
@click.option("--note", help="why (kept with the label)")
@click.option("--by", "by", help="who says so (default: $NEWSPRISM_USER or your login); stored as user:NAME")
@click.option("--create", is_flag=True, help="add the outlet (unrated) if it is in neither the store nor the registry")
@db_option
@json_option
@handle_errors
def label_cmd(
    ref: str,
    lean: str | None,
    factuality: str | None,
    country: str | None,
    kind: str | None,
    affiliation: str | None,
    owner_state: str | None,
    owner: str | None,
    note: str | None,
    by: str | None,
    create: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Label an outlet yourself; your labels win over pages, raters and the registry."""
    from ..outlets.labels import outlet_view
    from ..outlets.userlabels import label_outlet

    given = dict(zip(_LABEL_FIELDS, (lean, factuality, country, kind, affiliation, owner_state, owner), strict=True))
    values = {k: v for k, v in given.items() if v}
    with open_db(db) as store:
        outlet, labels = label_outlet(store, ref, values, by=by, note=note, create=create)
    view = outlet_view(outlet)
    if as_json:
        echo_json({"outlet": view, "added": [lab.to_dict() for lab in labels]})
        return
    for lab in labels:
        click.echo(f"{outlet.id}: {lab.field} = {lab.value} ({lab.source})")
    click.echo(f"shown now: lean {view['lean_shown']} ({view.get('lean_source') or 'no label'})", err=True)


@outlets.command("import-labels")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--by", "by", help="who the labels are from when a row does not say (stored as user:NAME)")
@db_option
@json_option
@handle_errors
def import_labels_cmd(path: str, by: str | None, db: str | None, as_json: bool) -> None:
    """Import a team's label file (YAML or CSV); a bad row imports nothing and names file, line and valid values."""
    from ..outlets.userlabels import import_label_file

    with open_db(db) as store:
        rep = import_label_file(store, path, by=by)
    if as_json:
        echo_json(rep.to_dict())
    else:
        click.echo(f"{rep.labels} label(s) from {rep.rows} row(s) on {len(rep.outlets)} outlet(s)")


@outlets.command("import-ratings")
@click.argument("rater", type=click.Choice(["mbfc", "allsides", "allsides-articles", "baly2018", "baly2020"]))
@click.argument("path", type=click.Path())
@db_option
@json_option
@handle_errors
def import_ratings_cmd(rater: str, path: str, db: str | None, as_json: bool) -> None:
    """Import public rating data you downloaded (newsprism bundles none); each label keeps the rater as source."""
    from ..outlets.ratings import import_ratings

    with open_db(db) as store:
        rep = import_ratings(store, rater, path)
    if as_json:
        echo_json(rep.to_dict())
        return
    click.echo(
        f"{rater} ({rep.date or 'undated'}): {rep.rows} rated outlet(s), {rep.labels} label(s); "
        f"{rep.matched_registry} matched the registry, {rep.matched_store} already stored, {rep.created} created "
        f"unrated-by-registry; {len(rep.skipped)} row(s) skipped"
    )
    for line in rep.skipped[:10]:
        click.echo(f"skipped: {line}", err=True)
    if len(rep.skipped) > 10:
        click.echo(f"... and {len(rep.skipped) - 10} more skipped (use --json to see all)", err=True)


@outlets.command("resolve")
@click.option("--url", help="an article URL")
@click.option("--name", help="an outlet name as in a byline")
@click.option("--feed", help="a feed title")
@db_option
@json_option
@handle_errors
def resolve_cmd(url: str | None, name: str | None, feed: str | None, db: str | None, as_json: bool) -> None:
    """Which outlet an article with this URL, byline name or feed title resolves to (nothing is stored)."""
    from ..outlets.catalog import resolve_clues

    if not (url or name or feed):
        raise click.UsageError("give --url, --name or --feed")
    with open_db(db) as store:
        view = resolve_clues(store, url=url, name=name, feed=feed)
    if as_json:
        echo_json(view)
    elif view is None:
        click.echo("unknown outlet: it would be created unrated")
    else:
        _echo_outlet(view)


@outlets.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True))
@json_option
@handle_errors
def eval_cmd(gold: str, as_json: bool) -> None:
    """Score outlet resolution on a gold file (clue<TAB>text<TAB>outlet id lines): precision, recall, F1."""
    from ..evaluate.outlets import evaluate_resolution, read_resolution_gold

    score = evaluate_resolution(read_resolution_gold(gold))
    if as_json:
        echo_json(score.to_dict())
        return
    for line in score.lines():
        click.echo(line)


def register(group: click.Group) -> None:
    group.add_command(outlets)
