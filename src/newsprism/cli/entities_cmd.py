"""``newsprism entities``: look names up in the actor table and gazetteer, check alias files, list entities."""

from __future__ import annotations

from pathlib import Path

import click

from .common import db_option, echo_json, handle_errors, json_option, open_db


@click.group("entities")
def entities_group() -> None:
    """Known actors, user alias files and the entities of a store."""


@entities_group.command("lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--alias-file", "alias_files", multiple=True, type=click.Path(dir_okay=False), help="extra alias file")
@json_option
@handle_errors
def lookup(names: tuple[str, ...], alias_files: tuple[str, ...], as_json: bool) -> None:
    """How each NAME resolves: actor table first, then the gazetteer of places."""
    from ..enrich.aliases import build_actor_table
    from ..enrich.entities import place_id
    from ..enrich.gazetteer import load_gazetteer
    from ..enrich.translit import name_key

    table = build_actor_table(extra_files=[Path(p) for p in alias_files])
    rows = []
    for name in names:
        hit = table.lookup(name)
        if hit is not None:
            actor, score = hit
            rows.append(
                {
                    "name": name,
                    "key": name_key(name),
                    "entity_id": actor.id,
                    "canonical": actor.name,
                    "type": actor.type,
                    "score": score,
                    "source": actor.source,
                }
            )
            continue
        places = sorted(load_gazetteer().lookup(name, strict=True), key=lambda e: -e.prior)
        if places:
            e = places[0]
            rows.append(
                {
                    "name": name,
                    "key": name_key(name),
                    "entity_id": place_id(e),
                    "canonical": e.name,
                    "type": "place",
                    "country": e.country,
                    "lat": e.lat,
                    "lon": e.lon,
                    "candidates": len(places),
                }
            )
        else:
            rows.append({"name": name, "key": name_key(name), "entity_id": None})
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        if r["entity_id"] is None:
            click.echo(f"{r['name']}: not known (key {r['key']!r})")
        else:
            extra = f" {r['country']} {r['lat']},{r['lon']}" if r.get("type") == "place" else ""
            click.echo(f"{r['name']}: {r['canonical']} [{r['entity_id']}] {r['type']}{extra}")


@entities_group.command("check-aliases")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@handle_errors
def check_aliases(files: tuple[str, ...]) -> None:
    """Read the user's alias files (data folder, NEWSPRISM_ALIASES_FILES, and FILES) and report what they add."""
    from ..enrich.aliases import build_actor_table, read_alias_file, user_alias_files

    paths = [p for p in user_alias_files() if p.exists()] + [Path(f) for f in files]
    for p in paths:
        actors = read_alias_file(p)
        click.echo(f"{p}: {len(actors)} entries, {sum(len(a.aliases) for a in actors)} aliases")
    table = build_actor_table(extra_files=[Path(f) for f in files])
    click.echo(f"actor table: {len(table)} entries")


@entities_group.command("list")
@db_option
@click.option("--type", "type_", type=click.Choice(["person", "organisation", "place", "other"]), default=None)
@click.option("--top", default=30, show_default=True, help="how many entities to show")
@json_option
@handle_errors
def list_entities(db: str | None, type_: str | None, top: int, as_json: bool) -> None:
    """The most mentioned entities of the store, with how many articles name each."""
    from ..compare import entity_rows

    with open_db(db) as store:
        found = entity_rows(store, type=type_, order="mentions", limit=top)
    rows = [
        {
            "entity_id": r["entity_id"] or r["name"],
            "canonical": r["name"],
            "type": r["type"],
            "mentions": r["mentions"],
            "articles": len(r["articles"]),
        }
        for r in found
    ]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['mentions']:5d} {r['articles']:4d}  {r['type']:<12} {r['canonical']} [{r['entity_id']}]")


def register(group: click.Group) -> None:
    group.add_command(entities_group)
