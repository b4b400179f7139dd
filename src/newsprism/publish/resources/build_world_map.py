"""Rebuild ``world-110m.json`` (country outlines as SVG paths) from world-atlas ``countries-110m.json``.

Run by hand, never at run time: ``python build_world_map.py path/to/countries-110m.json > world-110m.json``.
The input is the TopoJSON of the npm package ``world-atlas`` 2.0.2 (ISC licence, Mike Bostock), itself drawn from
Natural Earth 1:110m Admin 0 countries (public domain). The output holds one SVG path per country in a plate carrée
projection: x = (lon + 180) * 2, y = (90 - lat) * 2, so the map is 720 × 360 and a point is placed the same way.
"""

from __future__ import annotations

import json
import sys
from typing import Any

SCALE = 2.0


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], idx: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        coords = []
        last = None
        for lon, lat in ring:
            p = (round((lon + 180) * SCALE, 1), round((90 - lat) * SCALE, 1))
            if p != last:
                coords.append(f"{p[0]:g},{p[1]:g}")
                last = p
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(path: str) -> None:
    import pycountry

    with open(path, encoding="utf-8") as fh:
        topo = json.load(fh)
    arcs = _decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = [_ring(arcs, r) for poly in polys for r in poly]
        num = geom.get("id")
        iso2 = None
        if num:
            c = pycountry.countries.get(numeric=str(num).zfill(3))
            iso2 = c.alpha_2 if c else None
        countries.append({"id": num, "iso2": iso2, "name": geom["properties"]["name"], "d": _path(rings)})
    out = {
        "source": "world-atlas 2.0.2 countries-110m.json (ISC, Mike Bostock) from Natural Earth 1:110m (public domain)",
        "projection": "plate carree: x = (lon + 180) * 2, y = (90 - lat) * 2",
        "width": 360 * SCALE,
        "height": 180 * SCALE,
        "countries": countries,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
