"""Scale commands: ``run`` — files in, files out, on the local engine (worker processes) or on Spark."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import EXIT_NOTHING, EXIT_PARTIAL, echo_json, handle_errors, json_option, parse_map, progress_bar, say

__all__ = ["register"]


@click.command()
@click.option(
    "--input",
    "input_path",
    required=True,
    metavar="PATH",
    help="articles: a .parquet or .jsonl(.gz) file or a folder of them (schema: docs/scale.md)",
)
@click.option(
    "--output",
    "output",
    required=True,
    metavar="DIR",
    help="folder for one Parquet dataset per record kind (articles, entities, places, ... failures)",
)
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN", help="column mapping, as for ingest")
@click.option("--engine", default="local", show_default=True, help="a registered engine: local, spark")
@click.option("--stage", "stages", multiple=True, help="run only these stages (default: every registered stage)")
@click.option(
    "--workers",
    type=int,
    default=None,
    help="an option of the local engine: worker processes (0 = one per core; default: the workers setting)",
)
@click.option(
    "--master", default=None, help="an option of the spark engine: master URL when not run by spark-submit (local[4])"
)
@click.option(
    "--registry",
    "registry_ref",
    default=None,
    metavar="MODULE:FUNCTION",
    help="build the component registry with this function instead of the installed plugins",
)
@json_option
@handle_errors
def run(
    input_path: str,
    output: str,
    mapping: tuple[str, ...],
    engine: str,
    stages: tuple[str, ...],
    workers: int | None,
    master: str | None,
    registry_ref: str | None,
    as_json: bool,
) -> None:
    """Run every stage over the articles in --input and write Parquet datasets to --output."""
    from ..engine.files import process_files
    from ..registry import Registry

    registry = Registry.from_ref(registry_ref) if registry_ref else None
    engine_options: dict[str, Any] = {k: v for k, v in (("workers", workers), ("master", master)) if v is not None}
    with progress_bar("running", enabled=not as_json) as bar:
        rep = process_files(
            input_path,
            output,
            engine=engine,
            stages=list(stages) or None,
            registry=registry,
            progress=bar,
            mapping=parse_map(mapping) if mapping else None,
            **engine_options,
        )
    if as_json:
        echo_json(rep.to_dict())
    else:
        for aid, stage, reason in rep.failed[:50]:
            say(f"failed: {stage} on {aid or '-'}: {reason}", err=True)
        counts = ", ".join(f"{k} {v}" for k, v in rep.counts.items())
        say(
            f"{rep.articles} article(s) with {len(rep.stages)} stage(s) on {rep.engine} in "
            f"{rep.seconds:.1f}s -> {rep.output}: {counts}",
            err=True,
        )
    if not rep.articles:
        sys.exit(EXIT_NOTHING)  # nothing went in: every row failed, or there was none
    if rep.failed:
        sys.exit(EXIT_PARTIAL)


def register(group: click.Group) -> None:
    group.add_command(run)
