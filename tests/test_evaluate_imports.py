"""Evaluation is a client of the library: only ``cli/`` (and ``evaluate/`` itself) imports ``newsprism.evaluate``,
and importing the package loads none of its task modules (an AST scan of ``src/``; imports inside functions and
under ``TYPE_CHECKING`` count)."""

from __future__ import annotations

import subprocess
import sys

from test_layering import SRC, _module_name, imported_modules


def _evaluate_importers() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((SRC / "newsprism").rglob("*.py")):
        name = _module_name(path) + (".__init__" if path.name == "__init__.py" else "")
        hits = sorted(
            m
            for m in imported_modules(path.read_text(encoding="utf-8"), name)
            if m == "newsprism.evaluate" or m.startswith("newsprism.evaluate.")
        )
        if hits:
            found[str(path.relative_to(SRC / "newsprism"))] = hits
    return found


def test_only_the_cli_and_evaluate_import_evaluate() -> None:
    found = _evaluate_importers()
    assert any(p.startswith("cli/") for p in found)  # the scan sees the imports that are there
    bad = {p: m for p, m in found.items() if not p.startswith(("cli/", "evaluate/"))}
    assert bad == {}


def test_importing_evaluate_loads_no_task_module() -> None:
    code = (
        "import sys, newsprism.evaluate as e\n"
        "assert e.TASK_MODULES['outlets'] == 'outlets'\n"
        "print(sorted(m for m in sys.modules if m.startswith('newsprism.') and m != 'newsprism.evaluate'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SRC)
    assert out.stdout.strip() == "[]", out.stdout


def test_every_task_module_exists_and_has_main() -> None:
    from newsprism.evaluate import TASK_MODULES

    for module in sorted(set(TASK_MODULES.values())):
        assert (SRC / "newsprism" / "evaluate" / f"{module}.py").is_file(), module
        source = (SRC / "newsprism" / "evaluate" / f"{module}.py").read_text(encoding="utf-8")
        assert "\ndef main(" in source and '"--json"' in source and "split" in source, module
