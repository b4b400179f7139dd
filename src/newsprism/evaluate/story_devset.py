"""Stories on newsprism's multilingual development set: do pages on one event join across languages, and do
look-alike events (another earthquake in the same country, another flood) stay apart?

Each page of ``resources/multilingual_dev.yaml`` names its exact event (``story``: kahramanmaras-2023,
elazig-2020, derna-2023 …) and the group of look-alike events it belongs to (``event``). Every page goes through
the real pipeline (:func:`newsprism.analyze` on a temporary SQLite store; language detected, not given), then the
stories are clustered and scored:

* per gold story with at least ``min_pages`` pages: how many of its pages land in its largest cluster, and how
  many pages of other events (look-alikes) that cluster holds;
* pairwise and BCubed precision/recall/F1 over all pages.

Clustering is incremental, so its result may depend on the order pages are placed in. Order 1 is the pipeline's
own (every page at once, as ``build_stories`` places them); every further order places every page at once in a
seeded random order, or (``feed``) feeds the pages one at a time, each call keeping the stories made so far (as a
live feed would). The spread over orders is reported as min / median / max.

Split: the Turkish earthquakes (``event`` starting "turkey-earthquakes") are where the clustering options were
tuned; the other crises (Derna and Rio Grande do Sul floods, the Kakhovka dam) are held out and scored apart. The
fresh check set (``resources/multilingual_fresh.yaml``: the 2023 Al Haouz earthquake in Morocco and its look-alike,
the 2004 Al Hoceima earthquake) is held out whole: no option was tuned on it.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "TUNING_EVENT",
    "StoryPage",
    "cluster_orders",
    "load_story_pages",
    "score_assignment",
    "story_rows",
    "summarise_orders",
]

#: The ``event`` group the clustering options were tuned on; every other group is held out.
TUNING_EVENT = "turkey-earthquakes"


@dataclass(frozen=True, slots=True)
class StoryPage:
    id: str
    lang: str
    url: str | None
    story: str
    event: str

    @property
    def split(self) -> str:
        return "tuning" if self.event.startswith(TUNING_EVENT) else "held-out"


def load_story_pages(path: str | Path | None = None, *, gold_set: str = "dev") -> list[StoryPage]:
    """The pages of an annotation file that carry a ``story`` label (by default the shipped development set;
    ``gold_set="fresh"`` the shipped fresh check set, whose crisis no option was tuned on)."""
    from .multilingual import gold_text

    text = gold_text(path, gold_set)
    return [
        StoryPage(str(r["id"]), str(r["lang"]), r.get("url"), str(r["story"]), str(r.get("event") or r["story"]))
        for r in yaml.safe_load(text)
        if r.get("story")
    ]


def page_url(page: StoryPage) -> str:
    return page.url or f"https://devset.invalid/{page.id}"


def cluster_orders(
    pages: Sequence[StoryPage],
    texts: Path,
    *,
    orders: int = 1,
    seed: int = 0,
    options: Any = None,
    store_path: Path | None = None,
    feed: bool = False,
) -> tuple[list[dict[str, str]], list[str]]:
    """Analyse the pages whose text is in ``texts`` and cluster them in ``orders`` arrival orders.

    Returns one assignment (page id -> story id) per order and the ids of pages with no text. Order 1 is the
    pipeline's; every further order places all pages at once in a random order, or with ``feed`` one page at a
    time (a live feed). ``store_path``: keep the analysed store there (default: a temporary one).
    """
    from .. import api
    from ..store import open_store
    from ..stories import FEATURE_KINDS, build_stories
    from ..stories.cluster import ClusterOptions
    from ..stories.features import article_features

    missing = [p.id for p in pages if not (texts / f"{p.id}.txt").is_file()]
    present = [p for p in pages if p.id not in missing]
    out: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-stories-") as tmp:
        rows = Path(tmp) / "pages.jsonl"
        with rows.open("w", encoding="utf-8") as fh:
            for p in present:
                body = (texts / f"{p.id}.txt").read_text(encoding="utf-8")
                fh.write(json.dumps({"url": page_url(p), "body": body}, ensure_ascii=False) + "\n")
        store = open_store(str(store_path or Path(tmp) / "stories.db"))
        try:
            api.analyze([rows], store)  # every article stage, then the stories stage
            build_stories(store, options=options, rebuild=True)
            page_of = {a.id: a.url or "" for a in store.iter_articles()}
            id_of_url = {page_url(p): p.id for p in present}
            out.append({id_of_url[page_of[aid]]: s.id for s in store.iter_stories() for aid in s.article_ids})
            if orders > 1:
                feats = []
                for a in store.iter_articles():
                    items = [it for kind in FEATURE_KINDS for it in store.iter_items(kind, article_id=a.id)]
                    feats.append(article_features(a, items))
                # the store lists articles inserted in the same second by id, so its order varies between runs:
                # the random orders start from the ids' order, the same in every run
                feats.sort(key=lambda f: f.article_id)
                opts = options or ClusterOptions()
                rng = random.Random(seed)
                for _ in range(orders - 1):
                    assignment = _one_at_a_time(feats, rng, opts) if feed else _batch_in_order(feats, rng, opts)
                    out.append({id_of_url[page_of[aid]]: sid for aid, sid in assignment.items()})
        finally:
            store.close()
    missing += [p.id for p in present if p.id not in out[0]]
    return out, missing


def _batch_in_order(feats: Sequence[Any], rng: random.Random, opts: Any) -> dict[str, str]:
    """Every page at once, placed in a random order: the batch sorts undated pages by id, so the ids are drawn
    anew (the order is all that changes)."""
    from dataclasses import replace

    from ..stories.cluster import cluster_articles

    order = list(range(len(feats)))
    rng.shuffle(order)
    renamed = {f"{rank:06d}-{feats[i].article_id}": feats[i].article_id for rank, i in enumerate(order)}
    shuffled = [replace(feats[i], article_id=new) for new, i in zip(renamed, order, strict=True)]
    states = cluster_articles(shuffled, options=opts)
    return {renamed[m]: st.id for st in states for m in st.members}


def _one_at_a_time(feats: Sequence[Any], rng: random.Random, opts: Any) -> dict[str, str]:
    """Pages arriving one by one in a random order, each run keeping the stories made so far (a live feed)."""
    from ..stories.cluster import cluster_articles

    arrival = list(feats)
    rng.shuffle(arrival)
    stories: list[Any] = []
    for i in range(len(arrival)):
        stories = [_as_story(st) for st in cluster_articles(arrival[: i + 1], existing=stories, options=opts)]
    return {aid: st.id for st in stories for aid in st.article_ids}


def _as_story(state: Any) -> Any:
    from ..model import Story

    return Story(
        id=state.id, label="", article_ids=list(state.members), start=state.start or None, end=state.end or None
    )


def story_rows(pred: Mapping[str, str], gold: Mapping[str, str], *, min_pages: int = 5) -> list[dict[str, Any]]:
    """Per gold story with at least ``min_pages`` pages: its pages, how many are in its largest cluster, and how
    many pages of other stories that cluster holds (look-alikes)."""
    members: dict[str, list[str]] = {}
    for pid, story in gold.items():
        members.setdefault(story, []).append(pid)
    clusters: dict[str, list[str]] = {}
    for pid in gold:
        clusters.setdefault(pred.get(pid, "\0" + pid), []).append(pid)
    rows = []
    for story, pids in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(pids) < min_pages:
            continue
        counts: dict[str, int] = {}
        for pid in pids:
            c = pred.get(pid, "\0" + pid)
            counts[c] = counts.get(c, 0) + 1
        best = min(counts, key=lambda c: (-counts[c], c))
        others = [pid for pid in clusters[best] if gold[pid] != story]
        rows.append(
            {
                "story": story,
                "pages": len(pids),
                "in_largest": counts[best],
                "lookalikes": len(others),
                "clusters": len(counts),
            }
        )
    return rows


def score_assignment(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    """Pairwise and BCubed P/R/F1 of ``pred`` against ``gold`` (page id -> story), pages missing from ``pred``
    counted as singletons."""
    from .stories import evaluate_clusters

    return evaluate_clusters(pred, gold)


def summarise_orders(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}
