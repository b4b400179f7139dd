"""Options and output helpers shared by every command module."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import ConfigError, NewsprismError, StoreError

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "EXIT_NOTHING",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "clean",
    "db_option",
    "echo_json",
    "handle_errors",
    "json_option",
    "open_db",
    "parse_map",
    "progress_bar",
    "say",
]

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


#: Terminal control sequences: OSC (window title, hyperlinks) and other string commands up to their terminator,
#: CSI (colours, cursor moves), two-character escapes, and their 8-bit C1 forms.
_CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
#: What remains of C0 and C1 after the sequences are gone (tab and newline are kept), and DEL.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029]")
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: object, *, oneline: bool = False) -> str:
    """``text`` safe to print on a terminal: control sequences (C0/C1, CSI, OSC) removed; ``oneline`` also turns
    line breaks into spaces (for a title in a one-line listing)."""
    out = _CONTROL_CHAR.sub("", _CONTROL_SEQUENCE.sub("", str(text)))
    if oneline:
        out = " ".join(out.split())
    return out


def say(text: object, *, err: bool = False) -> None:
    """Print ``text`` with every control sequence removed (everything stored came from hostile input)."""
    click.echo(clean(text), err=err)


def parse_map(pairs: tuple[str, ...]) -> dict[str, str]:
    """``--map FIELD=COLUMN`` options as a mapping (the same on ``ingest``, ``analyze`` and ``run``)."""
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r}: use FIELD=COLUMN, e.g. body=content_original", param_hint="--map")
        field, column = pair.split("=", 1)
        out[field.strip()] = column.strip()
    return out


def open_db(db: str | None) -> Store:
    from ..store import open_store

    return open_store(db)


def echo_json(value: Any) -> None:
    """JSON on stdout; C1 controls and DEL, which JSON allows raw, are escaped so no terminal acts on them."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    click.echo(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def handle_errors(func: F) -> F:
    """Turn newsprism errors into one-line messages and meaningful exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            say(f"error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except StoreError as exc:
            say(f"error: {exc}", err=True)
            sys.exit(EXIT_NOTHING)
        except NewsprismError as exc:
            say(f"error: {exc}", err=True)
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
