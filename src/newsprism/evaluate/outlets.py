"""How well bylines, feed titles and URLs resolve to outlets, against a gold file.

Gold file: tab-separated ``clue<TAB>text<TAB>expected outlet id`` lines (``clue`` is ``url``, ``name`` or
``feed``; ``#`` starts a comment). Precision = right / resolved to a known outlet; recall = right / all lines.

``newsprism evaluate --task outlets --data GOLD.tsv [--json]`` or ``newsprism outlets eval GOLD.tsv``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LabelFileError
from ..outlets.resolve import OutletResolver
from .metrics import Report

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["ResolutionScore", "evaluate_resolution", "main", "read_resolution_gold"]

_CLUES = ("url", "name", "feed")


@dataclass(slots=True)
class ResolutionScore:
    total: int = 0
    resolved: int = 0
    right: int = 0
    misses: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def report(self) -> Report:
        """Right resolutions over the clues resolved to a known outlet (precision) and over every clue (recall)."""
        return Report.matched(self.right, self.resolved, self.total)

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def f1(self) -> float:
        return self.report.f1

    def lines(self) -> list[str]:
        """Each miss, then the figures."""
        out = [f"miss: {m['clue']} {m['text']!r}: expected {m['expected']}, got {m['got']}" for m in self.misses]
        out.append(
            f"outlet resolution: {self.right}/{self.total} right, precision {self.precision:.3f}, "
            f"recall {self.recall:.3f}, F1 {self.f1:.3f}"
        )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "resolved": self.resolved,
            "right": self.right,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "misses": self.misses,
        }


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
                score.misses.append(
                    {"clue": clue, "text": text, "expected": expected, "got": found.id if found else None}
                )
    return score


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.outlets GOLD.tsv [--json]``: the whole file is scored (there is no tuning)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.outlets", description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="clue<TAB>text<TAB>outlet id lines")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    rows = read_resolution_gold(args.gold)
    score = evaluate_resolution(rows)
    split = f"the whole gold file ({len(rows)} clues) from {args.gold}"
    if args.json:
        print(json.dumps({"split": split, **score.to_dict()}, ensure_ascii=False, indent=2))
        return 0
    print(f"split: {split}")
    for line in score.lines():
        print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
