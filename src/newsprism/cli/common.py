"""Options and output helpers shared by every command module."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import ConfigError, NewsprismError, StoreError

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["EXIT_NOTHING", "EXIT_PARTIAL", "EXIT_USAGE", "db_option", "echo_json", "handle_errors", "json_option",
           "open_db", "progress_bar"]  # fmt: skip

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    "db",
    envvar="NEWSPRISM_DB",
    default=None,
    metavar="PATH|URL",
    help="store: a SQLite file, or postgresql://... (default: newsprism.db in the data folder; env NEWSPRISM_DB)",
)
json_option = click.option("--json", "as_json", is_flag=True, help="print JSON instead of text")


def open_db(db: str | None) -> Store:
    from ..store import open_store

    return open_store(db)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def handle_errors(func: F) -> F:
    """Turn newsprism errors into one-line messages and meaningful exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except StoreError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_NOTHING)
        except NewsprismError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_PARTIAL)

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr when it is a terminal; a no-op callback otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as prog:
        task = prog.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            prog.update(task, completed=done, total=total)

        yield update
