"""Genre of the multilingual dev-set pages: every one is a news report, so the share called "reporting" per
language is the one figure other languages allow (reporting recall; opinion cannot be measured there).

    PYTHONPATH=src python benchmarks/genre_devset.py [PAGES_DIR]   (default /work/devset-pages or ../devset-pages)

Prints, per language, the pages called reporting by the default detector and by the rules of genre.yaml alone.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from newsprism.enrich.genre import classify_genre, load_genre_model
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "src" / "newsprism" / "evaluate" / "resources" / "multilingual_dev.yaml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="?", type=Path, default=ROOT.parent / "devset-pages")
    args = ap.parse_args()
    pages = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    models = {"default": load_genre_model(), "rules alone": load_genre_model(style=False)}
    called: dict[str, Counter[str]] = {name: Counter() for name in models}
    seen: Counter[str] = Counter()
    for page in pages:
        path = args.pages / f"{page['id']}.txt"
        if not path.exists():
            continue
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        art = Article(id=page["id"], title=title, body=body.strip() or title, language=page["lang"])
        seen[page["lang"]] += 1
        for name, model in models.items():
            called[name][page["lang"]] += classify_genre(art, model=model)[0] == "reporting"
    print(f"split: the {sum(seen.values())} dev-set pages found in {args.pages} (all news reports)")
    for name in models:
        per = ", ".join(f"{lang} {called[name][lang]}/{n}" for lang, n in sorted(seen.items()))
        print(f"{name:12} reporting {sum(called[name].values())}/{sum(seen.values())}: {per}")


if __name__ == "__main__":
    main()
