"""Entity extraction against the seed gold: every ``entities_must`` found, nothing in ``entities_must_not``.

``python -m newsprism.evaluate.entities --gold GOLD.json [--text PAGE.txt]`` prints precision, recall and F1.
Recall is the share of ``entities_must`` items found (matched as the seed scorer does: canonical name, surface
text or an alias, or the same surname); precision is found / (found + ``entities_must_not`` items reported).

The seed page holds two articles. Their bodies are cut from the page with the gold's first and last sentences, so
the figures measure the extractor, not the page splitter.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Item
from .metrics import f1
from .seed import seed_articles, seed_gold_path, seed_text_path

__all__ = ["Figures", "main", "match_name", "run_seed", "score_entities"]


@dataclass(slots=True)
class Figures:
    """Counts and the figures derived from them; ``misses`` names what was not found or wrongly found."""

    found: int = 0
    total: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.wrong) if self.found + self.wrong else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.found}/{self.total} found, {self.wrong} wrongly reported)"
        )


def norm(s: Any) -> str:
    s = unicodedata.normalize("NFKC", str(s or ""))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def match_name(names: Iterable[str], gold: str, aliases: Sequence[str] = ()) -> bool:
    """True when one of ``names`` is the gold name or an alias, or ends with the same surname (> 3 letters)."""
    cands = {norm(n) for n in names if n}
    wanted = {norm(gold)} | {norm(a) for a in aliases}
    if cands & wanted:
        return True
    last = {w.split()[-1] for w in wanted if w}
    return any(c and c.split()[-1] in last and len(c.split()[-1]) > 3 for c in cands)


def run_seed(
    articles: Sequence[Article], stages: Sequence[str] = ("entities.ner.v1", "places.gazetteer.v1")
) -> dict[str, dict[str, list[Item]]]:
    """Run the named stages over ``articles`` in process; items by article id and kind."""
    from ..pipeline import Resources, run_stages
    from ..registry import default_registry

    reg = default_registry()
    specs = [reg.get("stage", s) for s in stages]
    results = run_stages(articles, specs, Resources(registry=reg))
    out: dict[str, dict[str, list[Item]]] = {}
    for res in results:
        for o in res.outputs:
            if o.error:
                raise RuntimeError(f"{o.stage} failed on {res.article_id}: {o.error}")
            for it in o.items:
                out.setdefault(res.article_id, {}).setdefault(it.KIND, []).append(it)
    return out


def _names(item: Item) -> list[str]:
    return [str(v) for v in (getattr(item, "canonical", None), getattr(item, "name", None), item.text) if v]


def score_entities(
    gold: dict[str, Any], articles: Sequence[Article], items: dict[str, dict[str, list[Item]]]
) -> Figures:
    fig = Figures()
    for i, (ga, art) in enumerate(zip(gold["articles"], articles, strict=True)):
        ents = items.get(art.id, {}).get("entities", [])
        for g in ga.get("entities_must") or []:
            fig.total += 1
            if any(match_name(_names(e), g["name"], g.get("seen_as", [])) for e in ents):
                fig.found += 1
            else:
                fig.misses.append(f"article {i + 1}: missing entity {g['name']}")
        for g in ga.get("entities_must_not") or []:
            if any(norm(g["name"]) in {norm(n) for n in _names(e)} for e in ents):
                fig.wrong += 1
                fig.misses.append(f"article {i + 1}: wrongly reported {g['name']}")
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.entities", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(seed_gold_path()))
    ap.add_argument("--text", default=str(seed_text_path()))
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    arts = seed_articles(args.text)
    fig = score_entities(gold, arts, run_seed(arts, ("entities.ner.v1",)))
    for m in fig.misses:
        print(m)
    print(fig.line("entities (seed)"))
    return 0 if fig.found == fig.total and fig.wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
