"""Numeric claims against the seed gold: ``counts_must`` (number, counted object, claimant, hedge) and
``counts_must_not`` (years, footnote marks, book titles that are not counts).

Figures printed: recall = must items found / must items; precision over the claims the gold judges = claims that
match a must item / (those + claims whose number is a must-not number such as a year); F1 their harmonic mean. A must item matches a claim of its article with the same number whose ``object`` contains
``object_contains`` and, when the gold says so, whose ``claimant`` contains ``attributed_to`` and whose ``hedge``
contains ``hedge`` (case- and quote-style-insensitive).

``python -m newsprism.evaluate.claims --seed examples/kazakhstan-2022-01-12.txt --gold GOLD.json``
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .metrics import f1
from .quotes import SeedScore, _norm, read_export, run_seed, seed_article_ids
from .seed import seed_gold_path, seed_text_path

__all__ = ["ClaimSeedScore", "claim_matches", "main", "score_seed_claims"]


@dataclass(slots=True)
class ClaimSeedScore(SeedScore):
    judged: int = 0
    judged_ok: int = 0

    @property
    def precision(self) -> float:
        return self.judged_ok / self.judged if self.judged else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def line(self, section: str) -> str:
        return (f"{section}: {self.found}/{self.total} must found, {self.wrong} wrongly reported; precision "
                f"{self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f}")  # fmt: skip


def claim_matches(claim: dict[str, Any], g: dict[str, Any]) -> bool:
    """Whether an exported claim satisfies a gold ``counts_must`` item."""
    if claim.get("number") is None or float(claim["number"]) != float(g["number"]):
        return False
    if _norm(g["object_contains"]) not in _norm(claim.get("object")):
        return False
    if "attributed_to" in g and _norm(g["attributed_to"]) not in _norm(claim.get("claimant")):
        return False
    return not ("hedge" in g and _norm(g["hedge"]) not in _norm(claim.get("hedge")))


def score_seed_claims(out: Path | str, gold: dict[str, Any]) -> ClaimSeedScore:
    ids = seed_article_ids(out)
    claims = read_export(out, "claims")
    score = ClaimSeedScore()
    for ga in gold["articles"]:
        aid = ids.get(_norm(ga["title"]))
        mine = [c for c in claims if c["article_id"] == aid]
        must = ga.get("counts_must", [])
        must_not = ga.get("counts_must_not", [])
        for g in must:
            score.must(any(claim_matches(c, g) for c in mine), f"count {g['number']} {g['object_contains']}")
        for g in must_not:
            score.must_not(any(c.get("number") == g["number"] for c in mine), f"{g['number']} ({g['why']})")
        not_counts = {float(g["number"]) for g in must_not}
        for c in mine:
            right = any(claim_matches(c, g) for g in must)
            if right or (c.get("number") is not None and float(c["number"]) in not_counts):
                score.judged += 1
                score.judged_ok += right
    return score


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import json
    import tempfile

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.claims", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default=str(seed_text_path()), help="the seed page (default: the bundled example)")
    ap.add_argument("--gold", default=str(seed_gold_path()), help="the seed gold JSON (default: ../shared/seed)")
    ap.add_argument("--out", default=None, help="folder for the seed run's export (default: a temporary folder)")
    args = ap.parse_args(argv)
    out = run_seed(args.seed, args.out or tempfile.mkdtemp(prefix="newsprism-seed-"))
    score = score_seed_claims(out, json.loads(Path(args.gold).read_text(encoding="utf-8")))
    for m in score.misses:
        print(m)
    print(score.line("claims"))
    return 0 if score.found == score.total and not score.wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
