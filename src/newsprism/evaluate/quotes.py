"""Quote extraction against gold: PolNeAR (brat attribution annotations) and the seed page's must-find quotes.

The PolNeAR metric (``evaluate_polnear``, the field's usual strict reading):

* **Gold.** In each article's first annotation file (files sorted by name; a few articles have two annotators),
  every attribution's ``Content`` is one gold quote; a content in several fragments (``1672 1876;1976 2077``, a
  quote interrupted by its attribution) is one gold quote with several ranges. Its kind: ``direct`` when every
  fragment is wholly inside double quotation marks (``"``, ``“ ”``, or two apostrophes ``''`` as NYT texts write
  them), ``mixed`` when it holds such a mark but is not wholly quoted (a paraphrase holding a quoted part),
  ``indirect`` when it holds none. The gold source is a ``pronoun`` (he, she, they, I, we ...) or a ``name``
  (a name or a description such as ``a senior official``).
* **Matching, one to one.** Characters of a prediction: its ``parts`` when it has several, else ``start``–``end``.
  A (prediction, gold) pair is a candidate when the shared characters cover at least half of the gold content's
  characters **and** at least half of the prediction's (so neither a one-word fragment nor a whole paragraph
  matches a sentence). Candidates are taken best first (highest shared / union of the two), each gold quote and
  each prediction at most once.
* **Scores.** Precision = matched predictions / every prediction of the kinds compared; recall = matched gold /
  gold of those kinds; F1 their harmonic mean. The headline compares ``direct`` + ``mixed`` (gold holding a quote
  mark, predictions of kind direct or mixed); ``indirect`` and ``all`` (every kind, every prediction) are matched
  separately. Within direct + mixed, recall is also given by gold kind and precision by predicted kind.
* **Speaker accuracy**, over matched pairs: the gold source's head word (its last word before a comma, a
  parenthesis or ``of/at/for/from/who/in/with``) is a word of the predicted speaker (its name or its text as
  written). Pairs whose gold source is a name or a description give the headline figure; pairs whose gold source is
  a pronoun are counted apart (the prediction must then point at that pronoun or name the same head word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..learn.polnear import KINDS, GoldQuote, load_polnear
from ..model import Quote
from .metrics import Report, one_to_one, ratio
from .seed import run_seed, seed_gold_path, seed_split, seed_text_path

__all__ = ["QuoteScores", "Tally", "evaluate_polnear", "format_scores", "match_quotes", "score_quotes"]

_HEAD_CUT = re.compile(r",|\(|[—–]|\s(?:of|at|for|from|who|in|with|on|and|to|whose|which|that)\s", re.IGNORECASE)
_CLITIC = re.compile(r"[’'](?:s|ve|re|ll|d|m)$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "jr.", "sr."}


@dataclass(slots=True)
class Tally:
    """Counts of one comparison (a set of kinds)."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    gold_matched_by_kind: dict[str, int] = field(default_factory=dict)
    pred_by_kind: dict[str, int] = field(default_factory=dict)
    pred_matched_by_kind: dict[str, int] = field(default_factory=dict)
    speaker_pairs: int = 0
    speaker_ok: int = 0
    pronoun_pairs: int = 0
    pronoun_ok: int = 0

    @property
    def report(self) -> Report:
        """The one-to-one matches, overall and by kind (recall by gold kind, precision by predicted kind)."""
        kinds = {
            k: Report(
                self.pred_matched_by_kind.get(k, 0),
                self.pred_by_kind.get(k, 0),
                self.gold_matched_by_kind.get(k, 0),
                self.gold_by_kind.get(k, 0),
            )
            for k in KINDS
            if self.gold_by_kind.get(k) or self.pred_by_kind.get(k)
        }
        return Report(self.matched, self.predicted, self.matched, self.gold, classes=kinds)

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def f1(self) -> float:
        return self.report.f1

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_ok, self.speaker_pairs)

    def to_dict(self) -> dict[str, Any]:
        report = self.report
        out: dict[str, Any] = {
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            **report.figures(),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_pairs": self.speaker_pairs,
            "pronoun_speaker_accuracy": round(ratio(self.pronoun_ok, self.pronoun_pairs), 4),
            "pronoun_pairs": self.pronoun_pairs,
        }
        for k, r in report.classes.items():
            out[f"recall_{k}"] = round(r.recall, 4)
            out[f"precision_{k}"] = round(r.precision, 4)
            out[f"gold_{k}"] = self.gold_by_kind.get(k, 0)
            out[f"predicted_{k}"] = self.pred_by_kind.get(k, 0)
        return out


#: the comparisons reported: name -> (gold kinds, predicted kinds)
COMPARISONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "direct+mixed": (frozenset({"direct", "mixed"}), frozenset({"direct", "mixed"})),
    "indirect": (frozenset({"indirect"}), frozenset({"indirect"})),
    "all": (frozenset(KINDS), frozenset(KINDS)),
}


@dataclass(slots=True)
class QuoteScores:
    split: str = ""
    articles: int = 0
    seconds: float = 0.0
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in COMPARISONS})
    misses: list[str] = field(default_factory=list)

    @property
    def main(self) -> Tally:
        return self.tallies["direct+mixed"]

    @property
    def precision(self) -> float:
        return self.main.precision

    @property
    def recall(self) -> float:
        return self.main.recall

    @property
    def f1(self) -> float:
        return self.main.f1

    @property
    def speaker_accuracy(self) -> float:
        return self.main.speaker_accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "articles": self.articles,
            "seconds": round(self.seconds, 2),
            **{name: t.to_dict() for name, t in self.tallies.items()},
        }


def quote_ranges(q: Quote) -> list[tuple[int, int]]:
    """The characters a quote claims: its parts when it has several, else ``start``–``end``."""
    parts = getattr(q, "parts", None) or []
    return [(p.start, p.end) for p in parts] if parts else [(q.start, q.end)]


def _size(ranges: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, b - a) for a, b in ranges)


def _shared(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def match_quotes(predicted: Sequence[Quote], gold: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs under the rule of the module docstring, best first."""
    cands: list[tuple[float, int, int]] = []
    for i, q in enumerate(predicted):
        pr = quote_ranges(q)
        ps = _size(pr)
        for j, g in enumerate(gold):
            gs = _size(g.ranges)
            sh = _shared(pr, g.ranges)
            if sh and sh * 2 >= gs and sh * 2 >= ps:
                cands.append((sh / (gs + ps - sh), i, j))
    return one_to_one(cands)


def _head(source: str) -> str:
    """The head word of a source phrase (``Flynn, a top surrogate,`` -> ``flynn``; ``officials at the State
    Department`` -> ``officials``)."""
    head = _HEAD_CUT.split(" " + (source or "").strip() + " ")[0]
    words = [_CLITIC.sub("", w) for w in re.findall(r"[\w’'-]+", head.casefold())]
    while len(words) > 1 and words[-1].strip(".") in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _words(s: str | None) -> set[str]:
    return {_CLITIC.sub("", w) for w in re.findall(r"[\w’'-]+", (s or "").casefold())}


def speaker_correct(q: Quote, g: GoldQuote) -> bool:
    """The predicted speaker names the gold source (see the module docstring)."""
    head = _head(g.source_text)
    if head and head in (_words(q.speaker) | _words(q.speaker_text)):
        return True
    if g.source_kind == "pronoun" and g.source and q.speaker_start is not None and q.speaker_end is not None:
        return q.speaker_start < g.source[1] and g.source[0] < q.speaker_end
    return False


def score_quotes(predicted: Sequence[Quote], gold: Sequence[GoldQuote], scores: QuoteScores, *, name: str = "") -> None:
    """Add one article's predictions and gold (all kinds) to ``scores`` (the metric of the module docstring)."""
    for cname, (gkinds, pkinds) in COMPARISONS.items():
        t = scores.tallies[cname]
        preds = [q for q in predicted if q.kind in pkinds]
        golds = [g for g in gold if g.kind in gkinds]
        t.predicted += len(preds)
        t.gold += len(golds)
        for q in preds:
            t.pred_by_kind[q.kind] = t.pred_by_kind.get(q.kind, 0) + 1
        for g in golds:
            t.gold_by_kind[g.kind] = t.gold_by_kind.get(g.kind, 0) + 1
        pairs = match_quotes(preds, golds)
        t.matched += len(pairs)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            q, g = preds[i], golds[j]
            t.pred_matched_by_kind[q.kind] = t.pred_matched_by_kind.get(q.kind, 0) + 1
            t.gold_matched_by_kind[g.kind] = t.gold_matched_by_kind.get(g.kind, 0) + 1
            sk = g.source_kind
            if sk == "none":
                continue
            ok = speaker_correct(q, g)
            if sk == "pronoun":
                t.pronoun_pairs += 1
                t.pronoun_ok += ok
            else:
                t.speaker_pairs += 1
                t.speaker_ok += ok
            if not ok and cname == "direct+mixed" and len(scores.misses) < 20000:
                scores.misses.append(f"{name}: speaker {q.speaker!r} ({q.speaker_text!r}) vs gold {g.source_text!r}")
        if cname != "direct+mixed":
            continue
        for i, q in enumerate(preds):
            if i not in matched_p and len(scores.misses) < 20000:
                scores.misses.append(f"{name}: extra {q.kind} {q.start}-{q.end} {q.text[:80]!r}")
        for j, g in enumerate(golds):
            if j not in matched_g and len(scores.misses) < 20000:
                scores.misses.append(f"{name}: missed {g.kind} {g.ranges}")


def evaluate_polnear(
    root: Path | str, *, split: str = "dev", limit: int | None = None, batch_size: int = 16, model: bool = True
) -> QuoteScores:
    """Run :func:`newsprism.enrich.quotes.extract_quotes` over a PolNeAR split and score it (every kind), with the
    quote model the pipeline uses (``model=False``: the rules alone)."""
    import time

    from ..enrich.nlp import load_nlp
    from ..enrich.quote_model import load_quote_model
    from ..enrich.quotes import extract_quotes, load_cues
    from ..pipeline import Resources

    resources = Resources()
    nlp = load_nlp(resources, "en")
    cues = load_cues(resources)
    quote_model = load_quote_model(resources) if model else None
    items = list(load_polnear(root, split, kinds=KINDS))[:limit]
    scores = QuoteScores(split=f"polnear/{split}", articles=len(items))
    t0 = time.perf_counter()
    texts = [t for _, t, _ in items]
    parses = nlp.pipe(texts, batch_size=batch_size) if nlp is not None else [None] * len(texts)
    for (name, text, gold), parsed in zip(items, parses, strict=True):
        quotes = extract_quotes(text, parsed=parsed, cues=cues, language="en", model=quote_model)
        score_quotes(quotes, gold, scores, name=name)
    scores.seconds = time.perf_counter() - t0
    return scores


def format_scores(s: QuoteScores, *, model: bool = True) -> str:
    """A readable report of :func:`evaluate_polnear`: the split, then P/R/F1 and speaker accuracy per comparison."""
    lines = [
        f"split: {s.split} ({s.articles} articles), {'rules + quote model' if model else 'rules alone'}, "
        "strict one-to-one matching (shared characters >= half of gold and of prediction)"
    ]
    lines.append(f"{'compared':14} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'pronoun':>8}")
    for name, t in s.tallies.items():
        lines.append(
            f"{name:14} {t.gold:5d} {t.predicted:5d} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} "
            f"{t.speaker_accuracy:8.3f} {ratio(t.pronoun_ok, t.pronoun_pairs):8.3f}"
        )
    m = s.main
    kinds = m.report.classes
    for k in ("direct", "mixed"):
        r = kinds.get(k, Report())
        lines.append(
            f"  {k:12} recall {r.recall:.3f} (of {m.gold_by_kind.get(k, 0)} gold), precision "
            f"{r.precision:.3f} (of {m.pred_by_kind.get(k, 0)} predicted)"
        )
    lines.append(f"seconds: {s.seconds:.1f}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- the seed page
def _norm(s: Any) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKC", str(s or ""))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def names_match(found: str | None, wanted: str) -> bool:
    """The same name: equal after normalisation, or the same last word of more than three letters (``Putin`` for
    ``Vladimir Putin``) — the matching rule of the seed gold."""
    f, w = _norm(found), _norm(wanted)
    if not f:
        return False
    if f == w:
        return True
    return f.split()[-1] == w.split()[-1] and len(w.split()[-1]) > 3


def read_export(out: Path | str, kind: str) -> list[dict[str, Any]]:
    import json

    p = Path(out) / f"{kind}.jsonl"
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_article_ids(out: Path | str) -> dict[str, str]:
    """Title -> article id in an export."""
    return {_norm(a.get("title")): a["id"] for a in read_export(out, "articles")}


@dataclass(slots=True)
class SeedScore:
    found: int = 0
    total: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    def must(self, ok: bool, what: str) -> None:
        self.total += 1
        self.found += ok
        if not ok:
            self.misses.append(f"missing: {what}")

    def must_not(self, bad: bool, what: str) -> None:
        if bad:
            self.wrong += 1
            self.misses.append(f"wrongly reported: {what}")

    @property
    def recall(self) -> float:
        return Report(found=self.found, gold=self.total, empty=1.0).recall

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "total": self.total,
            "wrong": self.wrong,
            "recall": round(self.recall, 4),
            "misses": self.misses,
        }

    def line(self, section: str) -> str:
        return (
            f"{section}: {self.found}/{self.total} must found (recall {self.recall:.3f}), {self.wrong} wrongly reported"
        )


def score_seed_quotes(out: Path | str, gold: dict[str, Any]) -> SeedScore:
    """Each gold ``quotes_must`` item: some quote of its article contains the text and names the speaker."""
    ids = seed_article_ids(out)
    quotes = read_export(out, "quotes")
    score = SeedScore()
    for ga in gold["articles"]:
        aid = ids.get(_norm(ga["title"]))
        mine = [q for q in quotes if q["article_id"] == aid]
        for g in ga.get("quotes_must", []):
            ok = any(
                _norm(g["text_contains"]) in _norm(q["text"]) and names_match(q.get("speaker"), g["speaker"])
                for q in mine
            )
            score.must(ok, f"quote by {g['speaker']}: {g['text_contains']!r}")
    return score


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.quotes --polnear DIR [--split dev]`` or ``--seed PAGE --gold GOLD --out DIR``."""
    import argparse
    import json
    import tempfile

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.quotes", description=main.__doc__)
    ap.add_argument("--polnear", help="PolNeAR folder (with train/, dev/)")
    ap.add_argument("--split", default="dev", help="train or dev (the test split is kept back)")
    ap.add_argument("--rules", action="store_true", help="the rules alone, without the trained quote model")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", default=str(seed_text_path()), help="the seed page (default: the bundled example)")
    ap.add_argument("--gold", default=str(seed_gold_path()), help="the seed gold JSON (default: ../shared/seed)")
    ap.add_argument("--out", default=None, help="folder for the seed run's export (default: a temporary folder)")
    args = ap.parse_args(argv)
    status = 0
    if args.polnear:
        s = evaluate_polnear(args.polnear, split=args.split, limit=args.limit, model=not args.rules)
        if args.json:
            print(json.dumps({"dataset": f"polnear/{args.split}", "model": not args.rules, **s.to_dict()}))
        else:
            print(format_scores(s, model=not args.rules))
    if args.seed and args.gold and Path(args.gold).exists():
        out = run_seed(args.seed, args.out or tempfile.mkdtemp(prefix="newsprism-seed-"))
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        seed = score_seed_quotes(out, gold)
        split = seed_split(args.seed, args.gold)
        if args.json:
            print(json.dumps({"dataset": "seed", "split": split, **seed.to_dict()}, ensure_ascii=False))
        else:
            print(f"split: {split}")
            for m in seed.misses:
                print(m)
            print(seed.line("quotes"))
        status = 0 if seed.found == seed.total and not seed.wrong else 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
