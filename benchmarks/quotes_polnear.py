"""Speed of quote, claim and event extraction on PolNeAR articles (parsing timed apart from the rules).

usage: python benchmarks/quotes_polnear.py [POLNEAR_DIR] [--split dev] [--limit N]

Prints articles, characters, spaCy parse seconds and, for each extractor, seconds and articles per second over the
same parses, plus the quote scores of the run (strict rule, direct + mixed, with the shipped quote model).
POLNEAR_DIR defaults to ../shared/datasets/quotes/polnear beside the
repository.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsprism.enrich.claims import extract_claims, load_lexicon
from newsprism.enrich.events import extract_events, load_triggers
from newsprism.enrich.nlp import load_nlp
from newsprism.enrich.quote_model import load_quote_model
from newsprism.enrich.quotes import extract_quotes, load_cues
from newsprism.evaluate.quotes import QuoteScores, score_quotes
from newsprism.learn.polnear import KINDS, load_polnear
from newsprism.pipeline import Resources

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", nargs="?", default=str(ROOT / ".." / "shared" / "datasets" / "quotes" / "polnear"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    resources = Resources()
    nlp = load_nlp(resources, "en")
    docs = list(load_polnear(args.polnear, args.split, kinds=KINDS))[: args.limit]
    texts = [t for _, t, _ in docs]
    t0 = time.perf_counter()
    parses = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    cues, lex, trig = load_cues(resources), load_lexicon(resources), load_triggers(resources)
    scores = QuoteScores(split=f"polnear/{args.split}", articles=len(docs))
    model = load_quote_model(resources)
    timings: dict[str, float] = {}
    counts: dict[str, int] = {}
    t0 = time.perf_counter()
    for (name, text, gold), parsed in zip(docs, parses, strict=True):
        qs = extract_quotes(text, parsed=parsed, cues=cues, model=model, language="en")
        score_quotes(qs, gold, scores, name=name)
        counts["quotes"] = counts.get("quotes", 0) + len(qs)
    timings["quotes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, parsed in zip(texts, parses, strict=True):
        counts["claims"] = counts.get("claims", 0) + len(extract_claims(text, parsed=parsed, lexicon=lex))
    timings["claims"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, parsed in zip(texts, parses, strict=True):
        counts["events"] = counts.get("events", 0) + len(extract_events(text, parsed=parsed, triggers=trig))
    timings["events"] = time.perf_counter() - t0
    out = {
        "split": args.split,
        "articles": len(docs),
        "chars": sum(map(len, texts)),
        "parse_seconds": round(parse_s, 2),
        "parse_articles_per_s": round(len(docs) / parse_s, 1),
        **{f"{k}_seconds": round(v, 3) for k, v in timings.items()},
        **{f"{k}_articles_per_s": round(len(docs) / v, 1) for k, v in timings.items() if v},
        **{f"{k}_found": n for k, n in counts.items()},
        "quote_f1_direct_mixed_strict": round(scores.f1, 4),
        "speaker_accuracy": round(scores.speaker_accuracy, 4),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
