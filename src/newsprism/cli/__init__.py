"""The ``newsprism`` command: a thin shell over the library. One module per command group.

Exit codes: 0 success; 1 some inputs or stages failed but something was done; 2 usage error;
3 nothing could be done (no input ingested, store unusable).
"""

from __future__ import annotations

import importlib
import sys

import click

__all__ = ["main"]

#: Modules that add commands to the group (each defines ``register(group)``).
COMMAND_MODULES = ("core", "outlets_cmd", "entities_cmd", "publish_cmd", "learn_cmd", "scale_cmd")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="newsprism")
def cli() -> None:
    """newsprism: see one news story through every outlet's eyes."""


def _load_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # a command group not installed in this build
            raise
        mod.register(cli)


def main(argv: list[str] | None = None) -> None:
    _load_commands()
    try:
        cli.main(args=argv, prog_name="newsprism", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        click.echo("interrupted", err=True)
        sys.exit(130)
