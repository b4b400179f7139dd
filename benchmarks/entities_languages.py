"""The entities stage's cost per language: milliseconds per 1,000 characters, against English.

Input: the folder of page texts of newsprism's multilingual development set (``benchmarks/devset_pages.py fetch``
rebuilds it), grouped by their annotated language. The stage runs alone (:func:`extract_entities` on each page,
the language given); for English and French that includes the spaCy parse it needs, for Russian natasha, for
Chinese jieba, elsewhere the rules. Models load in a first pass that is not counted; then each language runs
``--runs`` times and the fastest run counts. Target (issue 11): every language within 1.5x of English per character.

    python benchmarks/entities_languages.py --pages PAGES_DIR [--runs 3] [--lang en,de,zh]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from newsprism.enrich.entities import extract_entities
from newsprism.evaluate.multilingual import load_devset
from newsprism.model import Article
from newsprism.pipeline import Doc, Resources


def run(texts: list[str], lang: str, resources: Resources) -> float:
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        extract_entities(Doc(Article(id=f"{lang}-{i}", title=None, body=text, language=lang), resources))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", required=True, type=Path, help="text folder of the multilingual development set")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default="", help="languages, comma-separated (default: all; English always runs)")
    args = ap.parse_args()
    wanted = {x.strip() for x in args.lang.split(",") if x.strip()}
    by_lang: dict[str, list[str]] = defaultdict(list)
    for page in load_devset():
        path = args.pages / f"{page.id}.txt"
        if path.exists() and (not wanted or page.lang in wanted or page.lang == "en"):
            by_lang[page.lang].append(path.read_text(encoding="utf-8"))
    resources = Resources()
    for lang, texts in by_lang.items():  # warm-up: models and tables load here
        run(texts, lang, resources)
    cost: dict[str, float] = {}
    for lang, texts in sorted(by_lang.items()):
        chars = sum(len(t) for t in texts)
        best = min(run(texts, lang, resources) for _ in range(max(1, args.runs)))
        cost[lang] = best * 1000 / (chars / 1000)
    english = cost.get("en")
    print(f"entities stage, ms per 1,000 characters (best of {args.runs}), development set pages from {args.pages}")
    print(f"{'lang':5} {'pages':>5} {'chars':>7} {'ms/1k':>7} {'x en':>6}")
    for lang in sorted(cost):
        ratio = f"{cost[lang] / english:.2f}" if english else "-"
        chars = sum(len(t) for t in by_lang[lang])
        print(f"{lang:5} {len(by_lang[lang]):5d} {chars:7d} {cost[lang]:7.2f} {ratio:>6}")


if __name__ == "__main__":
    main()
