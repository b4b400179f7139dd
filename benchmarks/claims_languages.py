"""The claims stage's cost per language: milliseconds per 1,000 characters, against English.

Input: the folder of page texts of newsprism's multilingual development set (``benchmarks/devset_pages.py fetch``
rebuilds it), grouped by their annotated language. For English the stage runs the parse rules on a spaCy parse made
beforehand (the parse is shared by every stage and is not the claims stage's cost; it is printed apart) and then the
window rules; for every other language it runs the window rules on the article's lemmatised tokens, which are also
shared by the stages (printed apart too, after a warm-up that loads the lemmatiser's dictionary). Each language runs
``--runs`` times after a warm-up, the fastest run counts.
Target (issue 11): every language within 1.5x of English per character.

    python benchmarks/claims_languages.py --pages PAGES_DIR [--runs 3] [--lang en,de,zh]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from newsprism.enrich import nlp
from newsprism.enrich.claims import extract_claims
from newsprism.enrich.lemmas import lemmatizer
from newsprism.evaluate.multilingual import load_devset
from newsprism.pipeline import Resources


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, required=True, help="folder of <id>.txt page texts")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default=None, help="only these languages (comma-separated)")
    args = ap.parse_args()
    wanted = set(args.lang.split(",")) if args.lang else None
    texts: dict[str, list[str]] = defaultdict(list)
    for page in load_devset():
        path = args.pages / f"{page.id}.txt"
        if path.is_file() and (wanted is None or page.lang in wanted):
            texts[page.lang].append(path.read_text(encoding="utf-8"))
    res = Resources()
    lem = lemmatizer(res)
    print("split: multilingual development set (whole set); ms per 1,000 characters, fastest of", args.runs, "runs")
    print("lang  chars   claims-stage  shared-tokens  shared-parse  stage-vs-en")
    rows: dict[str, tuple[int, float, float, float]] = {}
    for lang, bodies in sorted(texts.items()):
        chars = sum(len(b) for b in bodies)
        parses = []
        t_parse = 0.0
        if lang == "en":
            model = nlp.load_nlp(res, "en")
            t0 = time.perf_counter()
            parses = [model(b) for b in bodies]
            t_parse = time.perf_counter() - t0
        tokens = [lem.tokenize(b, lang) for b in bodies]  # warm-up: the lemmatiser loads its dictionary
        lem._cache.clear()
        t0 = time.perf_counter()
        tokens = [lem.tokenize(b, lang) for b in bodies]
        t_tok = time.perf_counter() - t0
        best = float("inf")
        for _ in range(args.runs + 1):  # the first run warms the cue lexicons up
            t0 = time.perf_counter()
            for i, body in enumerate(bodies):
                extract_claims(body, lang=lang, parsed=parses[i] if parses else None, tokens=tokens[i], resources=res)
            best = min(best, time.perf_counter() - t0)
        rows[lang] = (chars, best, t_tok, t_parse)
    en = rows.get("en")
    for lang, (chars, stage, tok, parse) in rows.items():
        per = 1000 * stage / chars * 1000
        ratio = f"{per / (1000 * en[1] / en[0] * 1000):.2f}x" if en else "-"
        print(
            f"{lang:4} {chars:7}  {per:10.2f}  {1000 * tok / chars * 1000:12.2f}  "
            f"{1000 * parse / chars * 1000:12.2f}  {ratio:>10}"
        )


if __name__ == "__main__":
    main()
