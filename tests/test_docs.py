"""Docs that tests keep honest: every exported field is documented, the README's commands exist."""

import dataclasses
import re
from pathlib import Path

from newsprism.model import RECORD_TYPES, Article, Item, Outlet, Story

ROOT = Path(__file__).resolve().parents[1]


def _section(text: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, f"docs/schema.md has no section {title!r}"
    return m.group(1)


def _documented(section: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z_0-9]+)` \|", section, re.M))


def test_every_exported_field_is_documented():
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    common = {f.name for f in dataclasses.fields(Item)}
    assert common <= _documented(_section(text, "Fields every extracted item has"))
    for cls, title in ((Article, "articles.jsonl"), (Outlet, "outlets.jsonl"), (Story, "stories.jsonl")):
        missing = {f.name for f in dataclasses.fields(cls)} - _documented(_section(text, title))
        assert not missing, f"{title}: undocumented {sorted(missing)}"
    from newsprism.model import Outlet as _Outlet
    from newsprism.outlets.labels import outlet_view

    view = set(outlet_view(_Outlet(id="x.org", name="X"))) | {"articles"}
    missing = view - _documented(_section(text, "outlets.jsonl"))
    assert not missing, f"outlets.jsonl: undocumented {sorted(missing)}"
    for kind, cls in RECORD_TYPES.items():
        own = {f.name for f in dataclasses.fields(cls)} - common
        missing = own - _documented(_section(text, f"{kind}.jsonl"))
        assert not missing, f"{kind}.jsonl: undocumented {sorted(missing)}"


def test_readme_gives_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = _section(readme.replace("\r", ""), "Set up on a fresh machine")
    commands = re.findall(r"^    (\S.*)$", setup, re.M)
    assert commands == ["make example", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^example:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
