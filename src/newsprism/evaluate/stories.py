"""Clustering quality: pairwise and BCubed precision/recall/F1, and a labelled set built from AllSides articles.

The AllSides article set (Baly et al. 2020) has no story ids, but AllSides publishes stories as one left, one
centre and one right article on a topic and day. A (topic, date) group of exactly three articles with the three
leans is taken as one gold story; single articles of the same dates join as one-article stories (distractors).

``newsprism evaluate --task stories --data FILE.jsonl`` runs the whole pipeline on a JSONL file whose lines carry a
gold ``story`` and a ``url``; ``--data ALLSIDES_FOLDER [--max-stories N]`` clusters the AllSides set (the offline
features, default options). Either prints the split, then pairwise and BCubed P/R/F1 (``--json``: as JSON).
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article
from .metrics import Report

if TYPE_CHECKING:
    from ..store import Store
    from ..stories.cluster import Embedder

__all__ = [
    "allsides_story_set",
    "bcubed",
    "cluster_allsides",
    "evaluate_clusters",
    "evaluate_labelled_jsonl",
    "main",
    "pairwise",
]


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> Report:
    """Precision/recall of the article pairs put in one story (items missing from ``pred`` are singletons)."""
    ids = sorted(gold)

    def pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(labels.get(i, "\0" + i), []).append(i)
        return {p for members in groups.values() for p in combinations(members, 2)}

    pp, gp = pairs(pred), pairs(gold)
    return Report.matched(len(pp & gp), len(pp), len(gp), empty=1.0)


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> Report:
    """BCubed precision/recall (Bagga & Baldwin 1998; Amigó et al. 2009), averaged over articles: the report's
    counts are the summed per-article shares over the number of articles."""
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
    return Report(p_sum, n, r_sum, n)


def evaluate_clusters(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    gold_n = len(set(gold.values()))
    pred_n = len({pred.get(i, "\0" + i) for i in gold})
    return {
        "articles": len(gold),
        "gold_stories": gold_n,
        "predicted_stories": pred_n,
        "pairwise": pairwise(pred, gold).figures(),
        "bcubed": bcubed(pred, gold).figures(),
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
    from ..stories import build_stories

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


def cluster_allsides(folder: str | Path, *, max_stories: int | None = None) -> dict[str, Any]:
    """Cluster the AllSides story set of ``folder`` with the offline features and default options; score it."""
    from ..stories.cluster import cluster_articles
    from ..stories.features import article_features

    articles, gold = allsides_story_set(folder, max_stories=max_stories)
    states = cluster_articles([article_features(a, []) for a in articles])
    return evaluate_clusters({aid: st.id for st in states for aid in st.members}, gold)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.stories DATA [--max-stories N] [--json]`` (see the module docstring)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.stories", description=__doc__.split("\n")[0])
    ap.add_argument("data", help="a JSONL file with gold story labels, or the AllSides article folder")
    ap.add_argument("--max-stories", type=int, default=None, help="AllSides: the first N gold stories only")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    if Path(args.data).is_dir():
        res = cluster_allsides(args.data, max_stories=args.max_stories)
        what = "AllSides story set"
    else:
        res = evaluate_labelled_jsonl(args.data)
        what = "labelled JSONL"
    split = f"{what}, whole ({res['articles']} articles, {res['gold_stories']} gold stories) from {args.data}"
    if args.json:
        print(json.dumps({"split": split, **res}, ensure_ascii=False, indent=2))
        return 0
    print(f"split: {split}")
    print(f"predicted stories: {res['predicted_stories']}")
    for name in ("pairwise", "bcubed"):
        r = res[name]
        print(f"{name:8} precision {r['precision']:.4f} recall {r['recall']:.4f} F1 {r['f1']:.4f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
