"""Entity extraction against the seed gold: every ``entities_must`` found, nothing in ``entities_must_not``.

``python -m newsprism.evaluate.entities --gold GOLD.json [--text PAGE.txt]`` prints precision, recall and F1.
Recall is the share of ``entities_must`` items found (matched as the seed scorer does: canonical name, surface
text or an alias, or the same surname); precision is found / (found + ``entities_must_not`` items reported).

``newsprism evaluate --task entities --data PAGES_DIR [--lang de,fr] [--detect]`` scores people instead on the
multilingual development set (``newsprism/evaluate/resources/multilingual_dev.yaml``; the text folder is rebuilt by
``benchmarks/devset_pages.py``), per language: recall of the annotated people by the usual overlap rule (a gold
name is found when a person entity overlaps one of its occurrences) and precision over every person entity
reported (right when it overlaps an occurrence of an annotated person). The split is the whole development set.

The seed page holds two articles. Their bodies are cut from the page with the gold's first and last sentences, so
the figures measure the extractor, not the page splitter.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Entity, Item
from .metrics import Report
from .seed import seed_articles, seed_gold_path, seed_split, seed_text_path

__all__ = ["Figures", "evaluate_people", "main", "match_name", "people_and_orgs", "run_seed", "score_entities"]


@dataclass(slots=True)
class Figures:
    """Counts and the figures derived from them; ``misses`` names what was not found or wrongly found."""

    found: int = 0
    total: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def report(self) -> Report:
        """Recall over the must items; precision over the found ones and the must-not items reported."""
        return Report(self.found, self.found + self.wrong, self.found, self.total, empty=1.0)

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def f1(self) -> float:
        return self.report.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "total": self.total,
            "wrong": self.wrong,
            **self.report.figures(),
            "misses": self.misses,
        }

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.found}/{self.total} found, {self.wrong} wrongly reported)"
        )


def norm(s: Any) -> str:
    s = unicodedata.normalize("NFKC", str(s or ""))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def match_name(names: Iterable[str], gold: str, aliases: Sequence[str] = ()) -> bool:
    """True when one of ``names`` is the gold name or an alias, or ends with the same surname (> 3 letters)."""
    cands = {norm(n) for n in names if n}
    wanted = {norm(gold)} | {norm(a) for a in aliases}
    if cands & wanted:
        return True
    last = {w.split()[-1] for w in wanted if w}
    return any(c and c.split()[-1] in last and len(c.split()[-1]) > 3 for c in cands)


def run_seed(
    articles: Sequence[Article], stages: Sequence[str] = ("entities.ner.v1", "places.gazetteer.v1")
) -> dict[str, dict[str, list[Item]]]:
    """Run the named stages over ``articles`` in process; items by article id and kind."""
    from ..pipeline import Resources, run_stages
    from ..registry import default_registry

    reg = default_registry()
    specs = [reg.get("stage", s) for s in stages]
    results = run_stages(articles, specs, Resources(registry=reg))
    out: dict[str, dict[str, list[Item]]] = {}
    for res in results:
        for o in res.outputs:
            if o.error:
                raise RuntimeError(f"{o.stage} failed on {res.article_id}: {o.error}")
            for it in o.items:
                out.setdefault(res.article_id, {}).setdefault(it.KIND, []).append(it)
    return out


def _names(item: Item) -> list[str]:
    return [str(v) for v in (getattr(item, "canonical", None), getattr(item, "name", None), item.text) if v]


def score_entities(
    gold: dict[str, Any], articles: Sequence[Article], items: dict[str, dict[str, list[Item]]]
) -> Figures:
    fig = Figures()
    for i, (ga, art) in enumerate(zip(gold["articles"], articles, strict=True)):
        ents = items.get(art.id, {}).get("entities", [])
        for g in ga.get("entities_must") or []:
            fig.total += 1
            if any(match_name(_names(e), g["name"], g.get("seen_as", [])) for e in ents):
                fig.found += 1
            else:
                fig.misses.append(f"article {i + 1}: missing entity {g['name']}")
        for g in ga.get("entities_must_not") or []:
            if any(norm(g["name"]) in {norm(n) for n in _names(e)} for e in ents):
                fig.wrong += 1
                fig.misses.append(f"article {i + 1}: wrongly reported {g['name']}")
    return fig


def people_and_orgs(text: str, lang: str, *, resources: Any = None, authors: Sequence[str] = ()) -> list[Entity]:
    """People and organisations of ``text`` written in ``lang``, with their spans, canonical names, ids and
    scores (the entities stage alone; ``authors`` are the byline's names, which are not mentions)."""
    from ..enrich.entities import extract_entities
    from ..pipeline import Doc, Resources

    art = Article(id="text", title=None, body=text, language=lang, authors=list(authors))
    ents = extract_entities(Doc(art, resources if resources is not None else Resources()))
    return [e for e in ents if e.type in ("person", "organisation")]


def _occurs(body: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], body.find(needle)
    while needle and start >= 0:
        out.append((start, start + len(needle)))
        start = body.find(needle, start + 1)
    return out


def evaluate_people(
    pages_dir: str | Path,
    *,
    langs: Sequence[str] = (),
    detect: bool = False,
    annotations: str | Path | None = None,
    wrong: list[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Per language (and ``"all"``): pages, gold people, found, predicted, right, recall, precision, misses, on the
    multilingual development set or another annotation file of its format (``annotations``). ``wrong`` (a list)
    collects the person entities that match no gold name."""
    from ..enrich.language import detect_language
    from ..pipeline import Resources
    from .multilingual import load_devset

    res = Resources()
    rows: dict[str, dict[str, Any]] = {}
    for page in load_devset(annotations):
        path = Path(pages_dir) / f"{page.id}.txt"
        if (langs and page.lang not in langs) or not path.exists():
            continue
        body = path.read_text(encoding="utf-8")
        lang = (detect_language(body, res)[0] or page.lang) if detect else page.lang
        spans = [(e.start, e.end) for e in people_and_orgs(body, lang, resources=res) if e.type == "person"]
        gold_spans = [o for name in page.people for o in _occurs(body, name)]
        if wrong is not None:
            wrong += [f"{page.id}: {body[a:b]}" for a, b in spans if not any(a < e and s < b for s, e in gold_spans)]
        for key in (page.lang, "all"):
            r = rows.setdefault(key, {"pages": 0, "gold": 0, "found": 0, "predicted": 0, "right": 0, "misses": []})
            r["pages"] += 1
            r["gold"] += len(page.people)
            r["predicted"] += len(spans)
            r["right"] += sum(1 for a, b in spans if any(a < e and s < b for s, e in gold_spans))
            for name in page.people:
                if any(a < e and s < b for s, e in _occurs(body, name) for a, b in spans):
                    r["found"] += 1
                elif key != "all":
                    r["misses"].append(f"{page.id}: {name}")
    for r in rows.values():
        report = Report(r["right"], r["predicted"], r["found"], r["gold"])
        r["recall"] = report.recall if r["gold"] else None
        r["precision"] = report.precision if r["predicted"] else None
    return rows


def _print_people(rows: dict[str, dict[str, Any]], pages_dir: str) -> None:
    pages = rows["all"]["pages"] if "all" in rows else 0
    print(f"split: multilingual development set, whole set ({pages} pages) from {pages_dir}")
    print(f"{'lang':5} {'pages':>5} {'gold':>5} {'recall':>7} {'precision':>9}")
    for lang in sorted(rows, key=lambda k: (k == "all", k)):
        r = rows[lang]
        rec = "-" if r["recall"] is None else f"{r['recall']:.3f}"
        prec = "-" if r["precision"] is None else f"{r['precision']:.3f}"
        print(f"{lang:5} {r['pages']:5d} {r['gold']:5d} {rec:>7} {prec:>9}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.entities", description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=None, help="text folder of the multilingual development set")
    ap.add_argument("--gold", default=str(seed_gold_path()))
    ap.add_argument("--text", default=str(seed_text_path()))
    ap.add_argument("--lang", default="", help="languages to score, comma-separated (default: all)")
    ap.add_argument("--detect", action="store_true", help="detect each page's language instead of using the gold one")
    ap.add_argument("--misses", action="store_true", help="list the people not found and the persons reported wrongly")
    ap.add_argument("--annotations", default=None, help="another annotation file of the development set's format")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    if args.data and Path(args.data).is_dir():
        langs = [x.strip() for x in args.lang.split(",") if x.strip()]
        wrong: list[str] = []
        rows = evaluate_people(args.data, langs=langs, detect=args.detect, annotations=args.annotations, wrong=wrong)
        if args.json:
            pages = rows["all"]["pages"] if "all" in rows else 0
            split = f"multilingual development set, whole set ({pages} pages) from {args.data}"
            print(json.dumps({"split": split, "languages": rows}, ensure_ascii=False, indent=2))
            return 0
        if args.misses:
            for lang in sorted(rows):
                for m in rows[lang]["misses"]:
                    print(m)
            for w in wrong:
                print(f"reported, not a gold person: {w}")
        _print_people(rows, args.data)
        return 0
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    arts = seed_articles(args.text)
    fig = score_entities(gold, arts, run_seed(arts, ("entities.ner.v1",)))
    split = seed_split(args.text, args.gold)
    if args.json:
        print(json.dumps({"split": split, **fig.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(f"split: {split}")
        for m in fig.misses:
            print(m)
        print(fig.line("entities (seed)"))
    return 0 if fig.found == fig.total and fig.wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
