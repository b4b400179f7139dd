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
