"""Numeric claims against the seed gold: ``counts_must`` (number, counted object, claimant, hedge) and
``counts_must_not`` (years, footnote marks, book titles that are not counts).

Figures printed: recall = must items found / must items; precision over the claims the gold judges = claims that
match a must item / (those + claims whose number is a must-not number such as a year); F1 their harmonic mean. A must
item matches a claim of its article with the same number whose ``object`` contains
``object_contains`` and, when the gold says so, whose ``claimant`` contains ``attributed_to`` and whose ``hedge``
contains ``hedge`` (case- and quote-style-insensitive).

``python -m newsprism.evaluate.claims --seed examples/kazakhstan-2022-01-12.txt --gold GOLD.json``

Given a folder of page texts of the multilingual development set (``newsprism evaluate --task claims --data
PAGES_DIR``, see :mod:`newsprism.evaluate.multilingual`), the claims stage alone is run on each page in its annotated
language (so language detection errors do not hide what the claims rules do) and figures recall, precision, hedge
and claimant accuracy are printed per language, with the same one-to-one matching as ``--task multilingual``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .metrics import Report
from .quotes import SeedScore, _norm, read_export, run_seed, seed_article_ids
from .seed import seed_gold_path, seed_split, seed_text_path

if TYPE_CHECKING:
    from ..model import Claim
    from ..pipeline import Resources
    from .multilingual import LanguageScore

__all__ = ["ClaimSeedScore", "claim_matches", "claims_for_text", "evaluate_devset_claims", "main", "score_seed_claims"]


@dataclass(slots=True)
class ClaimSeedScore(SeedScore):
    judged: int = 0
    judged_ok: int = 0

    @property
    def report(self) -> Report:
        """Recall over the must items; precision over the claims the gold judges (see the module docstring)."""
        return Report(self.judged_ok, self.judged, self.found, self.total, empty=1.0)

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def f1(self) -> float:
        return self.report.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "total": self.total,
            "wrong": self.wrong,
            "judged": self.judged,
            "judged_ok": self.judged_ok,
            **self.report.figures(),
            "misses": self.misses,
        }

    def line(self, section: str) -> str:
        return (
            f"{section}: {self.found}/{self.total} must found, {self.wrong} wrongly reported; precision "
            f"{self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f}"
        )


def claim_matches(claim: dict[str, Any], g: dict[str, Any]) -> bool:
    """Whether an exported claim satisfies a gold ``counts_must`` item."""
    if claim.get("number") is None or float(claim["number"]) != float(g["number"]):
        return False
    if _norm(g["object_contains"]) not in _norm(claim.get("object")):
        return False
    if "attributed_to" in g and _norm(g["attributed_to"]) not in _norm(claim.get("claimant")):
        return False
    return not ("hedge" in g and _norm(g["hedge"]) not in _norm(claim.get("hedge")))


def score_seed_claims(out: Path | str, gold: dict[str, Any]) -> ClaimSeedScore:
    ids = seed_article_ids(out)
    claims = read_export(out, "claims")
    score = ClaimSeedScore()
    for ga in gold["articles"]:
        aid = ids.get(_norm(ga["title"]))
        mine = [c for c in claims if c["article_id"] == aid]
        must = ga.get("counts_must", [])
        must_not = ga.get("counts_must_not", [])
        for g in must:
            score.must(any(claim_matches(c, g) for c in mine), f"count {g['number']} {g['object_contains']}")
        for g in must_not:
            score.must_not(any(c.get("number") == g["number"] for c in mine), f"{g['number']} ({g['why']})")
        not_counts = {float(g["number"]) for g in must_not}
        for c in mine:
            right = any(claim_matches(c, g) for g in must)
            if right or (c.get("number") is not None and float(c["number"]) in not_counts):
                score.judged += 1
                score.judged_ok += right
    return score


def claims_for_text(text: str, lang: str, *, resources: Resources | None = None) -> list[Claim]:
    """The claims the pipeline's claims stage finds in ``text`` written in ``lang`` (English through its spaCy parse
    when a model is installed, every other language through the window rules)."""
    from ..enrich import nlp
    from ..enrich.claims import extract_claims
    from ..pipeline import Resources

    res = resources or Resources()
    code = (lang or "en").lower()
    parsed = None
    if code == "en":
        model = nlp.load_nlp(res, "en")
        parsed = model(text) if model is not None else None
    return extract_claims(text, lang=code, parsed=parsed, resources=res)


def evaluate_devset_claims(
    texts: Path | str, *, gold: Path | str | None = None, langs: Sequence[str] | None = None
) -> tuple[dict[str, LanguageScore], LanguageScore]:
    """Figures per language on the multilingual development set, the claims stage alone, in each page's annotated
    language; pages without a text in ``texts`` are left out."""
    from ..model import Article
    from ..pipeline import Resources
    from .multilingual import LanguageScore, load_devset, score_page

    res = Resources()
    per_lang: dict[str, LanguageScore] = {}
    total = LanguageScore("all")
    for page in load_devset(gold):
        path = Path(texts) / f"{page.id}.txt"
        if (langs and page.lang not in langs) or not path.is_file() or not page.figures:
            continue
        body = path.read_text(encoding="utf-8")
        article = Article(id=page.id, title=None, body=body, language=page.lang)
        score = score_page(page, article, {"claims": claims_for_text(body, page.lang, resources=res)})
        score.people = score.people_found = score.places = score.places_found = score.quotes = score.quotes_found = 0
        score.misses = [m for m in score.misses if ": figure " in m]
        per_lang.setdefault(page.lang, LanguageScore(page.lang)).add(score)
        total.add(score)
    return dict(sorted(per_lang.items())), total


def _devset_main(texts: Path, gold: str | None, langs: str | None, misses: bool, as_json: bool = False) -> int:
    import json

    per_lang, total = evaluate_devset_claims(texts, gold=gold, langs=langs.split(",") if langs else None)
    split = f"multilingual development set, whole set ({total.pages} pages) from {texts}"
    if as_json:
        out = {"split": split, "languages": {k: v.as_dict() for k, v in per_lang.items()}, "total": total.as_dict()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"split: {split}; claims stage alone, annotated language given")
    print("lang pages figures-R (found/total)  number-R  fig-P  hedge  claimant")
    for s in [*per_lang.values(), total]:
        d = s.as_dict()
        print(
            f"{s.lang:4} {s.pages:5}  {d['figures_recall']:.2f} ({s.figures_found:3}/{s.figures:3})        "
            f"{d['figures_number_recall']:.2f}   {d['figures_precision']:.2f}   {d['hedge_accuracy']:.2f}   "
            f"{d['claimant_accuracy']:.2f}"
        )
    if misses:
        for m in total.misses:
            print("  miss:", m)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import json
    import tempfile

    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.claims", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default=str(seed_text_path()), help="the seed page (default: the bundled example)")
    ap.add_argument("--gold", default=str(seed_gold_path()), help="the seed gold JSON (default: ../shared/seed)")
    ap.add_argument("--out", default=None, help="folder for the seed run's export (default: a temporary folder)")
    ap.add_argument("pages", nargs="?", default=None, help="a folder of development-set page texts (per language)")
    ap.add_argument("devgold", nargs="?", default=None, help="the development set's annotations (default: shipped)")
    ap.add_argument("--lang", default=None, help="only these languages of the development set (comma-separated)")
    ap.add_argument("--misses", action="store_true", help="list every development-set figure not found")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    if args.pages is not None and Path(args.pages).is_dir():
        return _devset_main(Path(args.pages), args.devgold, args.lang, args.misses, args.json)
    out = run_seed(args.seed, args.out or tempfile.mkdtemp(prefix="newsprism-seed-"))
    score = score_seed_claims(out, json.loads(Path(args.gold).read_text(encoding="utf-8")))
    split = seed_split(args.seed, args.gold)
    if args.json:
        print(json.dumps({"split": split, **score.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(f"split: {split}")
        for m in score.misses:
            print(m)
        print(score.line("claims"))
    return 0 if score.found == score.total and not score.wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
