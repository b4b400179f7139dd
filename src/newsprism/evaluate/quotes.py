"""Quote extraction against gold: PolNeAR (brat attribution annotations) and the seed page's must-find quotes.

PolNeAR metric (``evaluate_polnear``):

* Gold direct quotes: in each article's first annotation file (files sorted by name; a few articles have two
  annotators), every ``Content`` span whose text holds a double quotation mark (``"``, ``“``, ``”``, or two apostrophes ``''`` as NYT texts write it). A content
  made of several fragments (``1672 1876;1976 2077``) is one gold quote with several ranges.
* Predicted direct quotes: quotes of kind ``direct`` (indirect ones are not scored here).
* A prediction matches a gold quote when their character ranges overlap by at least one character.
  Precision = predictions that match some gold quote / predictions; recall = gold quotes matched by some
  prediction / gold quotes; F1 their harmonic mean.
* Speaker accuracy, over matched (prediction, gold) pairs whose gold quote has a source: the predicted speaker phrase (``speaker_start/end``)
  overlaps the gold ``Source`` span, or the predicted speaker name and the gold source text share their last
  token (the same person named twice, e.g. a pronoun resolved to ``Bill Clinton`` for gold ``Clinton``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Quote
from .metrics import f1, ratio
from .seed import run_seed, seed_gold_path, seed_text_path

__all__ = [
    "GoldQuote",
    "QuoteScores",
    "evaluate_polnear",
    "load_polnear",
    "score_quotes",
]

_DQ = re.compile(r"[\"“”]|''")


@dataclass(slots=True)
class GoldQuote:
    ranges: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str


@dataclass(slots=True)
class QuoteScores:
    predicted: int = 0
    gold: int = 0
    true_pred: int = 0
    true_gold: int = 0
    matched_pairs: int = 0
    speaker_ok: int = 0
    articles: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return ratio(self.true_pred, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.true_gold, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_ok, self.matched_pairs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "predicted": self.predicted, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4), "matched_pairs": self.matched_pairs,
            "seconds": round(self.seconds, 2),
        }  # fmt: skip


def _parse_ann(text: str) -> list[GoldQuote]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T") and len(parts) >= 3:
            label, _, ranges = parts[1].partition(" ")
            rr = []
            for piece in ranges.split(";"):
                a, b = piece.split()
                rr.append((int(a), int(b)))
            spans[parts[0]] = (label, rr, parts[2])
        elif parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append(roles)
    out: list[GoldQuote] = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None or not _DQ.search(content[2]):
            continue
        src = spans.get(ev.get("Source", ""))
        source = (src[1][0][0], src[1][-1][1]) if src else None
        out.append(GoldQuote(content[1], source, src[2] if src else ""))
    return out


def load_polnear(root: Path | str, split: str = "dev") -> Iterator[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold direct quotes) for each article of a PolNeAR split (``train``, ``dev``, ``test``)."""
    base = Path(root) / split
    anns: dict[str, list[Path]] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    for name in sorted(anns):
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield name, text, _parse_ann(anns[name][0].read_text(encoding="utf-8"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _last(s: str | None) -> str:
    """Last word of a name, without a trailing apposition or parenthesis (``Flynn, a top surrogate,``)."""
    head = re.split(r"[,(]", (s or "").strip())[0]
    words = re.findall(r"[\w’'-]+", head.casefold())
    return words[-1].replace("’s", "").replace("'s", "") if words else ""


def score_quotes(predicted: Sequence[Quote], gold: Sequence[GoldQuote], scores: QuoteScores, *, name: str = "") -> None:
    """Add one article's predictions and gold to ``scores`` (the metric of the module docstring)."""
    preds = [q for q in predicted if q.kind == "direct"]
    scores.predicted += len(preds)
    scores.gold += len(gold)
    matched_gold: set[int] = set()
    for q in preds:
        hits = [i for i, g in enumerate(gold) if any(_overlap((q.start, q.end), r) for r in g.ranges)]
        if hits:
            scores.true_pred += 1
        for i in hits:
            matched_gold.add(i)
            g = gold[i]
            if not g.source_text.strip():
                continue  # a gold quote without a source cannot judge the speaker
            scores.matched_pairs += 1
            ok = False
            if g.source and q.speaker_start is not None and q.speaker_end is not None:
                ok = _overlap((q.speaker_start, q.speaker_end), g.source)
            if not ok and g.source_text and q.speaker:
                ok = _last(q.speaker) == _last(g.source_text) and bool(_last(q.speaker))
            scores.speaker_ok += ok
            if not ok and len(scores.misses) < 200:
                scores.misses.append(f"{name}: speaker {q.speaker!r} ({q.speaker_text!r}) vs gold {g.source_text!r}")
        if not hits and len(scores.misses) < 200:
            scores.misses.append(f"{name}: extra quote {q.text[:60]!r}")
    scores.true_gold += len(matched_gold)


def evaluate_polnear(
    root: Path | str, *, split: str = "dev", limit: int | None = None, batch_size: int = 16
) -> QuoteScores:
    """Run :func:`newsprism.enrich.quotes.extract_quotes` over a PolNeAR split and score it."""
    import time

    from ..enrich.nlp import load_nlp
    from ..enrich.quotes import extract_quotes, load_cues
    from ..pipeline import Resources

    resources = Resources()
    nlp = load_nlp(resources, "en")
    cues = load_cues(resources)
    items = list(load_polnear(root, split))[:limit]
    scores = QuoteScores(articles=len(items))
    t0 = time.perf_counter()
    texts = [t for _, t, _ in items]
    parses = nlp.pipe(texts, batch_size=batch_size) if nlp is not None else [None] * len(texts)
    for (name, text, gold), parsed in zip(items, parses, strict=True):
        quotes = extract_quotes(text, parsed=parsed, cues=cues, indirect=False)
        score_quotes(quotes, gold, scores, name=name)
    scores.seconds = time.perf_counter() - t0
    return scores


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
        return self.found / self.total if self.total else 1.0

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
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", default=str(seed_text_path()), help="the seed page (default: the bundled example)")
    ap.add_argument("--gold", default=str(seed_gold_path()), help="the seed gold JSON (default: ../shared/seed)")
    ap.add_argument("--out", default=None, help="folder for the seed run's export (default: a temporary folder)")
    args = ap.parse_args(argv)
    status = 0
    if args.polnear:
        s = evaluate_polnear(args.polnear, split=args.split, limit=args.limit)
        print(json.dumps({"dataset": f"polnear/{args.split}", **s.to_dict()}))
    if args.seed and args.gold and Path(args.gold).exists():
        out = run_seed(args.seed, args.out or tempfile.mkdtemp(prefix="newsprism-seed-"))
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        seed = score_seed_quotes(out, gold)
        for m in seed.misses:
            print(m)
        print(seed.line("quotes"))
        status = 0 if seed.found == seed.total and not seed.wrong else 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
