"""Import rules checked on the source (an AST scan, so imports under ``TYPE_CHECKING`` and inside functions count):
nothing under ``enrich/`` imports the store — extractors read records and return records."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def imported_modules(source: str, module: str) -> set[str]:
    """Every module ``source`` (the text of ``module``, a dotted name) imports, relative imports made absolute."""
    package = module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - (node.level - 1)]
                base = ".".join([*parent, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _importers_of(target: str, folder: str) -> list[str]:
    bad = []
    for path in sorted((SRC / "newsprism" / folder).rglob("*.py")):
        name = _module_name(path)
        if path.name == "__init__.py":
            name += ".__init__"  # relative imports in a package's __init__ are relative to the package itself
        mods = imported_modules(path.read_text(encoding="utf-8"), name)
        bad += [
            f"{path.relative_to(SRC)} imports {m}" for m in sorted(mods) if m == target or m.startswith(target + ".")
        ]
    return bad


def test_the_scan_sees_relative_absolute_and_type_checking_imports() -> None:
    src = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..store import Store\n"
        "def f():\n    import newsprism.store.sqlite\n"
        "from . import nlp\n"
    )
    mods = imported_modules(src, "newsprism.enrich.frames")
    assert {"newsprism.store", "newsprism.store.Store", "newsprism.store.sqlite", "newsprism.enrich.nlp"} <= mods
    assert "newsprism.store" in imported_modules("from .. import store\n", "newsprism.enrich.frames")
    assert "newsprism.store" in imported_modules("from ..store import Store\n", "newsprism.enrich.__init__")
    assert _importers_of("newsprism.model", "enrich")  # the scan finds what the extractors do import


def test_nothing_under_enrich_imports_the_store() -> None:
    assert _importers_of("newsprism.store", "enrich") == []


# The rooms of the library and the rooms each may import (docs/architecture.md, "Import rules"). A room is a
# top-level module or package of ``newsprism``; an import inside a function or under TYPE_CHECKING counts too.
# Adding an arrow is a design decision: change this table and the drawing in the docs together.
MAY_IMPORT: dict[str, set[str]] = {
    "__main__": {"cli"},  # python -m newsprism
    "errors": set(),
    "heap": set(),  # the C heap's free memory returned between batches
    "model": {"errors"},
    "config": {"errors"},
    "registry": {"errors"},
    "model_arrow": {"errors", "model"},
    "store": {"config", "errors", "model", "registry"},
    "pipeline": {"config", "errors", "heap", "model", "registry", "store"},
    "learn": {"config", "enrich", "errors", "model", "pipeline"},
    "enrich": {"config", "errors", "learn", "model", "outlets", "pipeline", "registry"},
    "outlets": {"config", "errors", "model", "pipeline", "store"},
    "ingest": {"config", "enrich", "errors", "model", "outlets", "pipeline", "registry", "store"},
    "stories": {"config", "enrich", "model", "registry", "store"},  # enrich: month names that date a year
    "compare": {"errors", "model", "outlets", "store"},
    "publish": {"compare", "config", "errors", "model", "outlets", "registry", "store", "stories"},
    "engine": {"config", "enrich", "errors", "ingest", "model", "model_arrow", "pipeline", "registry"},
    "api": {"config", "ingest", "pipeline", "registry", "store"},
    "web": {"compare", "errors", "model", "outlets", "publish", "store"},
    "evaluate": {
        "api",
        "enrich",
        "errors",
        "ingest",
        "learn",
        "model",
        "outlets",
        "pipeline",
        "publish",
        "registry",
        "store",
        "stories",
    },
    "cli": {
        "api",
        "compare",
        "config",
        "engine",
        "enrich",
        "errors",
        "evaluate",
        "ingest",
        "learn",
        "model",
        "outlets",
        "publish",
        "registry",
        "store",
        "stories",
        "web",
    },
}


def _room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "newsprism" and len(parts) > 1 else None


def room_imports() -> dict[str, dict[str, list[str]]]:
    """For each room, the other rooms it imports and the files that do so."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted((SRC / "newsprism").rglob("*.py")):
        name = _module_name(path)
        room = _room(name)
        if room is None:  # newsprism/__init__.py
            continue
        if path.name == "__init__.py":
            name += ".__init__"
        for module in imported_modules(path.read_text(encoding="utf-8"), name):
            target = _room(module)
            if target is not None and target != room:
                found.setdefault(room, {}).setdefault(target, []).append(str(path.relative_to(SRC)))
    return found


def test_every_room_is_in_the_table() -> None:
    rooms = {_room(_module_name(path)) for path in (SRC / "newsprism").rglob("*.py")} - {None}
    assert rooms == set(MAY_IMPORT), sorted(rooms ^ set(MAY_IMPORT))  # type: ignore[operator]


def test_each_room_imports_only_what_the_table_allows() -> None:
    graph = room_imports()
    assert "api" in graph["cli"] and "model" in graph["enrich"]  # the scan sees real arrows
    bad = [
        f"{room} -> {target} ({', '.join(sorted(set(files)))})"
        for room, targets in sorted(graph.items())
        for target, files in sorted(targets.items())
        if target not in MAY_IMPORT[room]
    ]
    assert bad == []


def test_the_hard_rules_hold_in_the_table() -> None:
    # The rules the docs state in words: no library room reaches the shells; only the CLI runs evaluations; the
    # extractors never touch a store; the data model depends on nothing but the error tree.
    shells = {"cli", "web", "__main__"}
    for room, allowed in MAY_IMPORT.items():
        if room not in shells:
            assert not allowed & shells, room
        if room not in {"cli", "evaluate"}:
            assert "evaluate" not in allowed, room
    assert "store" not in MAY_IMPORT["enrich"]
    assert MAY_IMPORT["__main__"] == {"cli"}
    assert MAY_IMPORT["model"] == {"errors"}
