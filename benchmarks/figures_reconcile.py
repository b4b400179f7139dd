"""How fast a story's figures are normalised and reconciled, as the number of counts in one group grows.

usage: python benchmarks/figures_reconcile.py [--sizes 25,100,400] [--seed 1]

Builds N claims of one group (``killed``, people) in N one-sentence articles over four weeks from seven claimants
(a third with no claimant: the article's own count), then times ``figures_of_claims`` (normalising: interval,
subject, date, claimant) and ``reconcile`` (every pair labelled: N·(N-1)/2 pairs). Prints seconds and the statuses.
A story's groups hold tens of figures in practice; ``reconcile`` caps a group at 500.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from newsprism.compare import figures_of_claims, reconcile
from newsprism.model import Article, Claim


def build(n: int, rng: random.Random) -> tuple[list[Claim], dict[str, Article]]:
    claims: list[Claim] = []
    arts: dict[str, Article] = {}
    for i in range(n):
        value = rng.randint(10, 900)
        who = f"ministry number {i % 7}" if i % 3 else None
        body = f"The authorities in district {i % 5} said {value} people were killed on Tuesday."
        aid = f"a{i}"
        arts[aid] = Article(id=aid, title=aid, body=body, published=f"2023-02-{1 + i % 28:02d}", outlet=f"O{i % 11}")
        s = body.index(f"{value} people")
        e = s + len(f"{value} people")
        claims.append(
            Claim(
                aid,
                s,
                e,
                body[s:e],
                type="killed",
                number=value,
                number_low=value,
                number_high=value,
                object="people",
                claimant=who,
                when="Tuesday",
            )
        )
    return claims, arts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="25,100,400")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    warm, warm_arts = build(3, rng)
    reconcile(figures_of_claims(warm, warm_arts))  # the lexicon is read once
    for n in (int(x) for x in args.sizes.split(",")):
        claims, arts = build(n, rng)
        t0 = time.perf_counter()
        figures = figures_of_claims(claims, arts)
        t1 = time.perf_counter()
        groups = reconcile(figures)
        t2 = time.perf_counter()
        pairs = sum(len(g.pairs) for g in groups)
        statuses = Counter(p.status for g in groups for p in g.pairs)
        print(
            f"{n:>5} figures: normalise {t1 - t0:.3f} s ({n / max(t1 - t0, 1e-9):,.0f}/s), reconcile "
            f"{t2 - t1:.3f} s ({pairs:,} pairs); {dict(statuses.most_common())}"
        )


if __name__ == "__main__":
    main()
