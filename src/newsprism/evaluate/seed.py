"""The bundled example page and its gold: where they are, and the page read the way a user's run reads it.

Every seed evaluation reads the page through the real ingest (the text-page loader, outlet resolution, language
detection), so what is scored is what ``newsprism analyze`` produces.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "repo_root",
    "run_seed",
    "seed_articles",
    "seed_gold_path",
    "seed_split",
    "seed_store",
    "seed_text_path",
    "shared_dir",
]


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (or beside a folder holding it, as for a git worktree)."""
    root = repo_root()
    for base in (root.parent, root.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return root.parent / "shared"


def seed_text_path() -> Path:
    """The bundled example page."""
    return repo_root() / "examples" / "kazakhstan-2022-01-12.txt"


def seed_gold_path() -> Path:
    """The example page's gold, in ``../shared/seed`` (not bundled)."""
    return shared_dir() / "seed" / "kazakhstan-2022-01-12.gold.json"


def seed_split(text: Path | str, gold: Path | str) -> str:
    """What a seed evaluation scored on, for its ``split:`` line: ``seed page (2 articles) from PAGE, gold GOLD``."""
    import json

    try:
        n: object = len(json.loads(Path(gold).read_text(encoding="utf-8"))["articles"])
    except (OSError, ValueError, KeyError, TypeError):
        n = "?"
    return f"seed page ({n} articles) from {text}, gold {gold}"


def seed_store(path: Path | str, db: Path | str = ":memory:") -> Store:
    """A store at ``db`` holding the page at ``path``, ingested as ``newsprism ingest`` would."""
    from ..api import ingest_sources
    from ..store import open_store

    store = open_store(str(db))
    ingest_sources([path], store)
    return store


def seed_articles(path: Path | str | None = None) -> list[Article]:
    """The articles of the page at ``path`` (default: the bundled example), in page order."""
    store = seed_store(path or seed_text_path())
    try:
        arts = list(store.iter_articles())
    finally:
        store.close()

    def position(a: Article) -> int:
        part = (a.source.part if a.source else None) or "article 0"
        return int(part.rsplit(" ", 1)[-1]) if part.rsplit(" ", 1)[-1].isdigit() else 0

    return sorted(arts, key=position)


def run_seed(path: Path | str, out: Path | str, *, stages: Sequence[str] | None = None) -> Path:
    """Ingest the page, run the pipeline (every default stage, or ``stages``) and export JSONL to ``out``."""
    from ..pipeline import Pipeline
    from ..publish.export import export

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "seed.db"
    db.unlink(missing_ok=True)
    store = seed_store(path, db)
    try:
        Pipeline(stages).run(store)
        export(store, out, format="jsonl")
    finally:
        store.close()
    return out
