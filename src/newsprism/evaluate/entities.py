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

from ..errors import InputError
from ..model import Article, Item

__all__ = ["Figures", "main", "match_name", "run_seed", "score_entities", "seed_articles"]


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
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

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


def seed_articles(text_path: str | Path, gold: dict[str, Any]) -> list[Article]:
    """The seed page's articles, bodies cut at the gold's first and last sentences."""
    text = Path(text_path).read_text(encoding="utf-8")
    out = []
    for i, ga in enumerate(gold["articles"]):
        start = text.find(ga["body_starts_with"])
        end = text.find(ga["body_ends_with"], max(start, 0))
        if start < 0 or end < 0:
            raise InputError(str(text_path), f"article {i + 1}: body boundaries from the gold not found")
        body = text[start : end + len(ga["body_ends_with"])]
        out.append(Article(id=f"seed-{i + 1}", title=ga["title"], body=body, language=ga.get("language", "en")))
    return out


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


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (or beside a folder holding it, as for a git worktree)."""
    root = repo_root()
    for base in (root.parent, root.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return root.parent / "shared"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.entities", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(shared_dir() / "seed/kazakhstan-2022-01-12.gold.json"))
    ap.add_argument("--text", default=str(repo_root() / "examples/kazakhstan-2022-01-12.txt"))
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    arts = seed_articles(args.text, gold)
    fig = score_entities(gold, arts, run_seed(arts, ("entities.ner.v1",)))
    for m in fig.misses:
        print(m)
    print(fig.line("entities (seed)"))
    return 0 if fig.found == fig.total and fig.wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
