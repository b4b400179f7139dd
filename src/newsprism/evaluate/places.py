"""Place recognition and resolution against gold: the seed page and GeoWebNews (GWN).

``python -m newsprism.evaluate.places [--gold SEED.json] [--gwn GWN.xml] [--limit N]`` prints

* seed: every ``places_must`` item found with the right country (and within 0.5° where the gold gives a point);
* GWN (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation", 200 news articles), the standard measures:
  toponym recognition precision, recall and F1 on spans (one-to-one matching of overlapping spans, every
  prediction counted), and for recognised toponyms with a gold point: the share resolved within 161 km (100 miles),
  the AUC of the error curve (area under the sorted log(1 + km) errors, normalised by the largest error on Earth,
  20,039 km; lower is better; a toponym left without a point counts as the largest error), the mean error, and
  exact GeoNames id matches where the gold has an id.

GWN is split once, by article: article ``file`` is in the dev part when the first eight hex digits of
``sha1("gwn:" + file)`` make an even number (103 articles), else in the held-out test part (97). Rules and weights
are tuned on dev only; the figures reported are those of the test part (``--split test``). The split is printed.

Toponyms counted are GWN's named ones: Literal, Metonymic, Mixed, Literal/Non-literal modifiers, Embedded
literal/non-literal and Coercion with a point, except adjectival modifiers ("Syrian"): demonyms and adjectives are
not places in newsprism. Predictions overlapping any GWN annotation other than Non_Toponym are not counted as false
positives; a prediction overlapping nothing is.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Place
from .entities import Figures, match_name, norm, run_seed
from .metrics import Report, ratio
from .seed import seed_articles, seed_gold_path, seed_split, seed_text_path

__all__ = [
    "GoldToponym",
    "GwnFigures",
    "evaluate_gwn",
    "gwn_split",
    "haversine_km",
    "main",
    "read_gwn",
    "score_article",
    "score_places",
]

COUNTED = {
    "Literal",
    "Metonymic",
    "Mixed",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Embedded_Literal",
    "Embedded_Non_Lit",
    "Coercion",
}


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    type: str
    counted: bool
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class GwnFigures:
    split: str = "all"
    label: str = "GWN"
    articles: int = 0
    gold: int = 0
    recognised: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    with_point: int = 0
    within_161: int = 0
    with_id: int = 0
    exact_id: int = 0
    seconds: float = 0.0
    chars: int = 0
    errors_km: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def report(self) -> Report:
        """Toponym recognition: gold toponyms recognised (recall), predictions on a toponym (precision)."""
        return Report(self.correct_predictions, self.predicted, self.recognised, self.gold)

    @property
    def recall(self) -> float:
        return self.report.recall

    @property
    def precision(self) -> float:
        return self.report.precision

    @property
    def f1(self) -> float:
        return self.report.f1

    @property
    def acc161(self) -> float:
        return ratio(self.within_161, self.with_point)

    @property
    def exact(self) -> float:
        return ratio(self.exact_id, self.with_id)

    @property
    def auc(self) -> float:
        """Area under the curve of sorted log(1 + error km), normalised to [0, 1] (Gritta et al.; lower is better)."""
        errs = sorted(math.log(1 + e) for e in self.errors_km)
        if len(errs) < 2:
            return ratio(errs[0], math.log(1 + MAX_KM)) if errs else 0.0
        area = sum((a + b) / 2 for a, b in itertools.pairwise(errs))
        return area / (math.log(1 + MAX_KM) * (len(errs) - 1))

    @property
    def mean_km(self) -> float:
        return ratio(sum(self.errors_km), len(self.errors_km))

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "articles": self.articles,
            "gold": self.gold,
            "recognised": self.recognised,
            "predicted": self.predicted,
            "correct_predictions": self.correct_predictions,
            **self.report.figures(),
            "within_161": self.within_161,
            "with_point": self.with_point,
            "acc161": round(self.acc161, 4),
            "auc": round(self.auc, 4),
            "mean_km": round(self.mean_km, 1),
            "exact_id": self.exact_id,
            "with_id": self.with_id,
            "exact": round(self.exact, 4),
            "seconds": round(self.seconds, 2),
            "chars": self.chars,
        }

    def lines(self) -> list[str]:
        return [
            f"{self.label} split {self.split}: {self.articles} articles",
            f"{self.label} toponym recognition: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"F1 {self.f1:.3f} "
            f"({self.recognised}/{self.gold} gold toponyms recognised, {self.correct_predictions}/{self.predicted} "
            f"predictions on a toponym)",
            f"{self.label} resolution of recognised toponyms: within 161 km {self.acc161:.3f} "
            f"({self.within_161}/{self.with_point})"
            f", AUC {self.auc:.3f}, mean error {self.mean_km:,.0f} km, exact GeoNames id {self.exact:.3f} "
            f"({self.exact_id}/{self.with_id})",
            f"{self.label} speed: {self.seconds:.1f} s for {self.chars:,} characters "
            f"({self.chars / self.seconds if self.seconds else 0:,.0f} chars/s, entities + places stages)",
        ]


MAX_KM = 20039.0  # half the Earth's circumference: the largest possible error
SPLITS = ("dev", "test", "all")


def gwn_split(file_id: str) -> str:
    """``dev`` or ``test``: the fixed split of GWN by article (see the module docstring)."""
    return "dev" if int(hashlib.sha1(f"gwn:{file_id}".encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path: str | Path) -> list[tuple[Article, list[GoldToponym]]]:
    """GWN.xml as articles and their gold toponyms (parsed with defusedxml)."""
    from defusedxml import ElementTree

    root = ElementTree.parse(str(path)).getroot()
    out = []
    for node in root.findall("article"):
        text = node.findtext("text") or ""
        art = Article(id=f"gwn-{node.get('file')}", title=node.findtext("title"), body=text, language="en")
        gold = []
        for t in node.iter("toponym"):
            typ = t.findtext("type") or ""
            mod = t.findtext("modifierType") or ""
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gid = t.findtext("geonamesID")
            gold.append(
                GoldToponym(
                    start,
                    end,
                    t.findtext("extractedName") or "",
                    typ,
                    counted=typ in COUNTED and mod != "Adjective" and _float(t.findtext("latitude")) is not None,
                    lat=_float(t.findtext("latitude")),
                    lon=_float(t.findtext("longitude")),
                    geonames_id=int(gid) if gid and gid.isdigit() else None,
                )
            )
        out.append((art, gold))
    return out


def evaluate_gwn(path: str | Path, *, split: str = "test", limit: int | None = None) -> GwnFigures:
    """Run the entities and places stages over one part of GWN (``dev``, ``test`` or ``all``) and score them."""
    if split not in SPLITS:
        raise ValueError(f"GWN split {split!r}: choose one of {', '.join(SPLITS)}")
    data = [(a, g) for a, g in read_gwn(path) if split == "all" or gwn_split(a.id.removeprefix("gwn-")) == split]
    data = data[:limit]
    fig = GwnFigures(split=split, articles=len(data))
    arts = [a for a, _ in data]
    fig.chars = sum(len(a.body) for a in arts)
    t0 = time.perf_counter()
    items = run_seed(arts)
    fig.seconds = time.perf_counter() - t0
    for art, gold in data:
        places = [p for p in items.get(art.id, {}).get("places", []) if isinstance(p, Place)]
        ignored = [(g.start, g.end) for g in gold if g.type != "Non_Toponym" and not g.counted]
        score_article(fig, art.id, [g for g in gold if g.counted], ignored, places)
    return fig


def score_article(
    fig: GwnFigures,
    article_id: str,
    counted: Sequence[GoldToponym],
    ignored: Sequence[tuple[int, int]],
    places: Sequence[Place],
) -> None:
    """Add one article to ``fig``: one-to-one matching of gold toponyms and predicted places (overlapping spans),
    the error of each recognised toponym with a point, and every prediction that overlaps no gold toponym and no
    ``ignored`` span as a false positive."""
    fig.gold += len(counted)
    pairs = _match(counted, places)
    for gi, g in enumerate(counted):
        p = pairs.get(gi)
        if p is None:
            fig.misses.append(f"{article_id} missed {g.name!r} at {g.start}")
            continue
        fig.recognised += 1
        if g.lat is not None and g.lon is not None:
            fig.with_point += 1
            km = MAX_KM if p.lat is None or p.lon is None else haversine_km(p.lat, p.lon, g.lat, g.lon)
            fig.errors_km.append(km)
            if km <= 161:
                fig.within_161 += 1
            else:
                fig.misses.append(f"{article_id} far {g.name!r} -> {p.name} {p.country} {p.admin1} ({km:,.0f} km)")
        if g.geonames_id is not None:
            fig.with_id += 1
            fig.exact_id += int(p.geonames_id == g.geonames_id)
    matched = {id(p) for p in pairs.values()}
    for p in places:
        if id(p) in matched:
            fig.predicted += 1
            fig.correct_predictions += 1
        elif any(p.start < end and start < p.end for start, end in ignored):
            continue  # on a toponym the standard measure does not count (a demonym, a place without a point)
        else:
            fig.predicted += 1
            fig.misses.append(f"{article_id} extra {p.text!r} -> {p.name} {p.country}")


def _match(gold: Sequence[GoldToponym], places: Sequence[Place]) -> dict[int, Place]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(places):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    out: dict[int, Place] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in out and pi not in used:
            out[gi] = places[pi]
            used.add(pi)
    return out


def score_places(gold: dict[str, Any], articles: Sequence[Article], items: dict[str, dict[str, list[Any]]]) -> Figures:
    """The seed gold's ``places_must``: name, country and (where given) a point within 0.5°."""
    fig = Figures()
    for i, (ga, art) in enumerate(zip(gold["articles"], articles, strict=True)):
        pls = [p for p in items.get(art.id, {}).get("places", []) if isinstance(p, Place)]
        for g in ga.get("places_must") or []:
            fig.total += 1
            hit = [p for p in pls if match_name([p.name, p.text], g["name"], g.get("seen_as", []))]
            ok = any(norm(p.country) == norm(g["country"]) for p in hit)
            if ok and "lat" in g:
                ok = any(
                    p.lat is not None
                    and p.lon is not None
                    and abs(p.lat - g["lat"]) < 0.5
                    and abs(p.lon - g["lon"]) < 0.5
                    for p in hit
                )
            if ok:
                fig.found += 1
            else:
                fig.misses.append(f"article {i + 1}: missing place {g['name']} ({g['country']})")
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.places", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(seed_gold_path()))
    ap.add_argument("--text", default=str(seed_text_path()))
    ap.add_argument("--gwn", help="GWN.xml of GeoWebNews (e.g. ../shared/datasets/geoparsing/GWN.xml)")
    ap.add_argument("--split", choices=SPLITS, default="test", help="part of GWN to score (tune on dev only)")
    ap.add_argument("--limit", type=int, default=None, help="first N GWN articles of the part only")
    ap.add_argument("--misses", action="store_true", help="print every miss, far resolution and extra prediction")
    ap.add_argument("--json", action="store_true", help="print every report as JSON (one object a line)")
    args = ap.parse_args(argv)
    status = 0
    if Path(args.gold).exists():
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        arts = seed_articles(args.text)
        fig = score_places(gold, arts, run_seed(arts))
        split = seed_split(args.text, args.gold)
        if args.json:
            print(json.dumps({"dataset": "seed", "split": split, **fig.to_dict()}, ensure_ascii=False))
        else:
            print(f"split: {split}")
            for m in fig.misses:
                print(m)
            print(fig.line("places (seed)"))
        status = 0 if fig.found == fig.total else 1
    if args.gwn:
        gfig = evaluate_gwn(args.gwn, split=args.split, limit=args.limit)
        if args.json:
            print(json.dumps({"dataset": "gwn", **gfig.to_dict(), "source": str(args.gwn)}, ensure_ascii=False))
            return status
        print(f"split: GWN {gfig.split} ({gfig.articles} articles) from {args.gwn}")
        ids = sorted((a.id.removeprefix("gwn-") for a, _ in read_gwn(args.gwn)), key=lambda x: (len(x), x))
        print(f"GWN dev articles: {' '.join(i for i in ids if gwn_split(i) == 'dev')}")
        print(f"GWN test articles: {' '.join(i for i in ids if gwn_split(i) == 'test')}")
        if args.misses:
            print("\n".join(gfig.misses))
        for line in gfig.lines():
            print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
