"""Clustering quality: pairwise and BCubed precision/recall/F1, and a labelled set built from AllSides articles.

The AllSides article set (Baly et al. 2020) has no story ids, but AllSides publishes stories as one left, one
centre and one right article on a topic and day. A (topic, date) group of exactly three articles with the three
leans is taken as one gold story; single articles of the same dates join as one-article stories (distractors).
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..evaluate.metrics import f1
from ..model import Article

if TYPE_CHECKING:
    from ..store import Store
    from .cluster import Embedder

__all__ = ["PRF", "allsides_story_set", "bcubed", "evaluate_clusters", "evaluate_labelled_jsonl", "pairwise"]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _f1(p: float, r: float) -> float:
    return f1(p, r)


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """Precision/recall of the article pairs put in one story (items missing from ``pred`` are singletons)."""
    ids = sorted(gold)

    def pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(labels.get(i, "\0" + i), []).append(i)
        return {p for members in groups.values() for p in combinations(members, 2)}

    pp, gp = pairs(pred), pairs(gold)
    hit = len(pp & gp)
    p = hit / len(pp) if pp else 1.0
    r = hit / len(gp) if gp else 1.0
    return PRF(p, r, _f1(p, r))


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """BCubed precision/recall (Bagga & Baldwin 1998; Amigó et al. 2009), averaged over articles."""
    ids = sorted(gold)
    pc: dict[str, set[str]] = {}
    gc: dict[str, set[str]] = {}
    for i in ids:
        pc.setdefault(pred.get(i, "\0" + i), set()).add(i)
        gc.setdefault(gold[i], set()).add(i)
    p_sum = r_sum = 0.0
    for i in ids:
        mine = pc[pred.get(i, "\0" + i)]
        truth = gc[gold[i]]
        both = len(mine & truth)
        p_sum += both / len(mine)
        r_sum += both / len(truth)
    n = max(1, len(ids))
    return PRF(p_sum / n, r_sum / n, _f1(p_sum / n, r_sum / n))


def evaluate_clusters(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    gold_n = len(set(gold.values()))
    pred_n = len({pred.get(i, "\0" + i) for i in gold})
    return {
        "articles": len(gold),
        "gold_stories": gold_n,
        "predicted_stories": pred_n,
        "pairwise": pairwise(pred, gold).to_dict(),
        "bcubed": bcubed(pred, gold).to_dict(),
    }


def _iter_jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def allsides_story_set(
    folder: str | Path, *, max_stories: int | None = None, distractors: bool = True
) -> tuple[list[Article], dict[str, str]]:
    """Articles and gold story labels built from the AllSides article set in ``folder``.

    Returns (articles, gold) where ``gold`` maps article id to a story key.
    """
    folder = Path(folder)
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    with open(folder / "articles_meta.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("date"):
                groups.setdefault((row["topic"], row["date"]), []).append(row)
    triples = sorted(
        (key, rows)
        for key, rows in groups.items()
        if len(rows) == 3 and {r["bias_text"] for r in rows} == {"left", "center", "right"}
    )
    if max_stories is not None:
        triples = triples[:max_stories]
    gold: dict[str, str] = {}
    for (topic, day), rows in triples:
        for r in rows:
            gold[r["ID"]] = f"{topic}|{day}"
    if distractors:
        days = {day for (_, day), _ in triples}
        used: set[str] = set()
        for (_topic, day), rows in sorted(groups.items()):
            if len(rows) == 1 and day in days and day not in used:
                used.add(day)
                gold[rows[0]["ID"]] = f"single|{rows[0]['ID']}"
    articles: list[Article] = []
    for rec in _iter_jsonl_gz(folder / "articles.jsonl.gz"):
        if rec.get("ID") in gold:
            articles.append(
                Article(
                    id=rec["ID"],
                    title=rec.get("title"),
                    body=rec.get("content_original") or rec.get("content") or "",
                    published=rec.get("date"),
                    outlet=rec.get("source"),
                    outlet_id=rec.get("source_url"),
                    language="en",
                )
            )
    return articles, gold


def evaluate_labelled_jsonl(
    path: str | Path, *, store: Store | None = None, stages: list[str] | None = None, embed: Embedder | None = None
) -> dict[str, Any]:
    """Run the whole pipeline (ingest, every article stage, then stories) on a JSONL file whose lines carry a gold
    ``story`` and a unique ``url``, and score the stories: pairwise and BCubed P/R/F1, the gold and predicted story
    of each article. ``store``: where to put them (kept open for the caller; default: a temporary one in memory);
    ``stages``: the article stages to run (default: all registered ones); ``embed``: a sentence embedder for the
    stories (see :mod:`newsprism.stories.embedding`)."""
    from ..api import analyze
    from ..store import open_store
    from . import build_stories

    gold_by_url: dict[str, str] = {}
    name_of: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                gold_by_url[rec["url"]] = rec["story"]
                name_of[rec["url"]] = str(rec.get("id") or rec["url"])
    own = store is None
    if store is None:
        store = open_store(":memory:")
    try:
        analyze([str(path)], store, stages=stages)
        build_stories(store, rebuild=True, embed=embed)
        story_of = {aid: s.id for s in store.iter_stories() for aid in s.article_ids}
        gold: dict[str, str] = {}
        url_of: dict[str, str] = {}
        for a in store.iter_articles():
            if a.url in gold_by_url:
                gold[a.id] = gold_by_url[a.url]
                url_of[a.id] = a.url
        res = evaluate_clusters(story_of, gold)
        res["assignments"] = sorted((name_of[url_of[aid]], gold[aid], story_of.get(aid, "-")) for aid in gold)
        res["labels"] = {s.id: s.label for s in store.iter_stories()}
    finally:
        if own:
            store.close()
    return res
