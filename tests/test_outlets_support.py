"""Paths shared by the outlet tests (no tests here)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "outlets"


def shared_dir() -> Path | None:
    """The project's sibling folder ``shared`` (or the worktree's parent's sibling), when present."""
    for cand in (ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"):
        if (cand / "datasets").is_dir():
            return cand.resolve()
    return None


SHARED = shared_dir()
RATINGS = SHARED / "datasets" / "outlet-ratings" if SHARED else None
