"""How fast the default genre, frame and technique detectors run, and how much they report per article.

usage: python benchmarks/frames_speed.py [--n 500] [--repeat 50]

Uses the first N AllSides articles when ``../shared/datasets/allsides-articles`` exists beside the clone (or beside
its parent), else the bundled seed example's two articles repeated ``--repeat`` times. Prints articles/second and
characters/second per stage (model loading excluded, reported separately), and the mean number of generic
frames, narrative frames and techniques per article, with the most frequent labels.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from newsprism.enrich.frames import GenericFrameStage, load_generic_model
from newsprism.enrich.genre import GenreStage, load_genre_model
from newsprism.enrich.narratives import NarrativeFrameStage, load_narrative_model
from newsprism.enrich.techniques import TechniqueStage, load_technique_model
from newsprism.evaluate.seed import seed_articles
from newsprism.learn.models import TASKS
from newsprism.model import Article, Frame, Technique
from newsprism.pipeline import Doc, Resources

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path | None:
    for p in (ROOT / "../shared", ROOT / "../../shared"):
        if (p / "datasets" / "allsides-articles" / "articles.jsonl.gz").exists():
            return p.resolve()
    return None


def load_articles(n: int, repeat: int) -> tuple[str, list[Article]]:
    shared = _shared()
    if shared is not None:
        out: list[Article] = []
        with gzip.open(shared / "datasets" / "allsides-articles" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                body = rec.get("content_original") or ""
                if body.strip():
                    out.append(
                        Article(
                            id=rec["ID"], title=rec.get("title"), body=body, outlet=rec.get("source"), language="en"
                        )
                    )
                if len(out) >= n:
                    break
        return f"allsides-articles (first {len(out)})", out
    arts = seed_articles(ROOT / "examples" / "kazakhstan-2022-01-12.txt")
    many = [
        Article(id=f"{a.id}-{i}", title=a.title, body=a.body, outlet=a.outlet, language="en")
        for i in range(repeat)
        for a in arts
    ]
    return f"seed example x{repeat}", many


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    source, articles = load_articles(args.n, args.repeat)
    chars = sum(len(a.body) for a in articles)
    res = Resources()
    for task in TASKS:  # measure the defaults, whatever models the user has installed
        res.get(f"learn.model:{task}", lambda r: None)
    t0 = time.perf_counter()
    res.get("genre.features", load_genre_model)
    res.get("frames.generic.lexicon", load_generic_model)
    res.get("frames.narrative.model", load_narrative_model)
    res.get("techniques.lexicon", load_technique_model)
    load = time.perf_counter() - t0
    stages = {
        "genre": GenreStage(resources=res),
        "generic frames": GenericFrameStage(resources=res),
        "narrative frames": NarrativeFrameStage(resources=res),
        "techniques": TechniqueStage(resources=res),
    }
    docs = [Doc(a, res) for a in articles]
    counts: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {"generic": Counter(), "narrative": Counter(), "technique": Counter()}
    print(f"data: {source}: {len(articles)} articles, {chars / len(articles):.0f} chars/article on average")
    print(f"loading lexicons and frame definitions: {load:.2f} s (once per process)")
    total = 0.0
    for name, stage in stages.items():
        t = time.perf_counter()
        for d in docs:
            for it in stage(d):
                if isinstance(it, Frame):
                    counts[it.family] += 1
                    labels[it.family][it.frame] += 1
                elif isinstance(it, Technique):
                    counts["technique"] += 1
                    labels["technique"][it.technique] += 1
        dt = time.perf_counter() - t
        total += dt
        print(f"{name:17} {len(docs) / dt:8.1f} articles/s  {chars / dt / 1e6:6.2f} M chars/s")
    print(f"{'all four':17} {len(docs) / total:8.1f} articles/s  {chars / total / 1e6:6.2f} M chars/s")
    genres = Counter(a.genre for a in articles)
    print("genres:", dict(genres.most_common()))
    for fam in ("generic", "narrative", "technique"):
        top = ", ".join(f"{k} {v}" for k, v in labels[fam].most_common(6))
        print(f"{fam:9} per article {counts[fam] / len(docs):5.2f}   top: {top}")


if __name__ == "__main__":
    main()
