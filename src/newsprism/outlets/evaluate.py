"""How well bylines, feed titles and URLs resolve to outlets, against a gold file.

Gold file: tab-separated ``clue<TAB>text<TAB>expected outlet id`` lines (``clue`` is ``url``, ``name`` or
``feed``; ``#`` starts a comment). Precision = right / resolved to a known outlet; recall = right / all lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LabelFileError
from ..evaluate.metrics import f1
from .resolve import OutletResolver

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["ResolutionScore", "evaluate_resolution", "read_resolution_gold"]

_CLUES = ("url", "name", "feed")


@dataclass(slots=True)
class ResolutionScore:
    total: int = 0
    resolved: int = 0
    right: int = 0
    misses: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.resolved if self.resolved else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return f1(p, r)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "resolved": self.resolved, "right": self.right, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "misses": self.misses}  # fmt: skip


def read_resolution_gold(path: str | Path) -> list[tuple[str, str, str]]:
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelFileError(str(p), None, f"cannot read: {exc}") from None
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in _CLUES:
            raise LabelFileError(
                str(p), i, f"expected clue<TAB>text<TAB>outlet id with clue one of {', '.join(_CLUES)}"
            )
        rows.append((parts[0], parts[1].strip(), parts[2].strip()))
    return rows


def evaluate_resolution(rows: list[tuple[str, str, str]], *, resources: Resources | None = None) -> ResolutionScore:
    """Resolve each clue against the registry (an empty in-memory store: nothing is written anywhere)."""
    from ..pipeline import Resources
    from ..store import open_store

    score = ResolutionScore()
    with open_store(":memory:") as store:
        resolver = OutletResolver(store, resources or Resources())
        for clue, text, expected in rows:
            found = resolver.lookup(**{clue: text})
            score.total += 1
            if found is not None:
                score.resolved += 1
            if found is not None and found.id == expected:
                score.right += 1
            else:
                score.misses.append({"clue": clue, "text": text, "expected": expected,
                                     "got": found.id if found else None})  # fmt: skip
    return score
