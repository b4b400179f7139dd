"""Importers for public outlet-rating data. Ratings are labels with their source, never registry facts.

The package bundles no rating data: the user points an importer at files they obtained from the rater
(``newsprism outlets import-ratings mbfc PATH``). Each rated outlet is matched to an outlet by its normalised
domain (by name when the data has no domains); an outlet found nowhere is created unrated (``known=False``) and
gets the imported labels. Re-importing a rater replaces its earlier labels.

=====================  ==========================================================  =========================
rater                  files                                                        labels
=====================  ==========================================================  =========================
``mbfc``               Media Bias/Fact Check ``sources.json`` with its code          lean, factuality,
                       tables (``biases.json``, ``reporting.json``,                  credibility, category
                       ``credibility.json``, ``latest.json`` for the date)
``allsides``           AllSides ratings table (AllSideR ``allsides_data.csv``)      lean
``allsides-articles``  outlet → URL → lean rows derived from the AllSides article   lean (left/centre/right)
                       set (``sources_allsides_labels.tsv``)
``baly2018``           Baly et al. EMNLP 2018 ``corpus.tsv`` (folder ``emnlp18``)   lean, factuality
``baly2020``           Baly et al. ACL 2020 ``corpus.tsv`` (folder ``acl2020``)     lean, factuality
=====================  ==========================================================  =========================
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LabelFileError, UnknownComponentError
from ..model import Outlet, OutletLabel
from .domains import normalise_domain, slug
from .labels import normalise_factuality, normalise_lean
from .registry import suffixes_for
from .resolve import OutletResolver

if TYPE_CHECKING:
    from ..pipeline import Resources
    from ..store import Store

__all__ = ["RATERS", "ImportReport", "Rating", "RatingSet", "import_ratings", "read_ratings"]


@dataclass(slots=True)
class Rating:
    """One rated outlet as a dataset gives it."""

    line: int
    domain: str | None
    name: str | None
    values: dict[str, str]  # field -> value on newsprism's scales
    note: str | None = None


@dataclass(slots=True)
class RatingSet:
    rater: str
    path: str
    date: str | None
    ratings: list[Rating] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file:line: reason"


@dataclass(slots=True)
class ImportReport:
    rater: str
    path: str
    date: str | None
    rows: int = 0
    matched_registry: int = 0
    matched_store: int = 0
    created: int = 0
    labels: int = 0
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


#: Fewer labelled articles than this from one domain say more about a guest writer than about the outlet.
ALLSIDES_ARTICLES_MIN = 3
_BALY_BIAS = {"extreme-left": "far-left", "extreme-right": "far-right"}


def _find(path: Path, names: tuple[str, ...], rater: str) -> Path:
    if path.is_file():
        return path
    if path.is_dir():
        for name in names:
            for cand in (path / name, *sorted(path.glob(f"*/{name}"))):
                if cand.is_file():
                    return cand
    raise LabelFileError(str(path), None, f"no {' or '.join(names)} found for rater {rater!r}")


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelFileError(str(path), None, f"cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise LabelFileError(str(path), exc.lineno, f"not valid JSON: {exc.msg}") from exc


def _codes(folder: Path, name: str, key: str) -> dict[str, str]:
    """A code table beside ``sources.json``: value -> display name (empty when the table is absent)."""
    path = folder / name
    if not path.is_file():
        return {}
    data = _load_json(path)
    return {str(row[key]): str(row.get("name") or row[key]) for row in data if isinstance(row, dict) and key in row}


def read_mbfc(path: Path) -> RatingSet:
    src = _find(path, ("sources.json",), "mbfc")
    folder = src.parent
    biases = _codes(folder, "biases.json", "bias")
    reporting = _codes(folder, "reporting.json", "reporting")
    credibility = _codes(folder, "credibility.json", "credibility")
    date = None
    if (folder / "latest.json").is_file():
        latest = _load_json(folder / "latest.json")
        if isinstance(latest, dict) and latest.get("lastRevision"):
            date = str(latest["lastRevision"])[:10]
    data = _load_json(src)
    if not isinstance(data, list):
        raise LabelFileError(str(src), None, "expected a list of sources")
    out = RatingSet("mbfc", str(src), date)
    for i, row in enumerate(data, 1):
        where = f"{src}: entry {i}"
        if not isinstance(row, dict) or not row.get("domain"):
            out.skipped.append(f"{where}: no domain")
            continue
        values: dict[str, str] = {}
        bias = row.get("bias")
        if biases and bias and bias not in biases:
            out.skipped.append(f"{where}: unknown bias {bias!r}; valid: {', '.join(sorted(biases))}")
            continue
        lean = normalise_lean(bias) if isinstance(bias, str) else None
        if lean:
            values["lean"] = lean
        elif bias:
            values["category"] = str(bias)  # questionable, conspiracy-pseudoscience, satire, pro-science
        rep = row.get("reporting")
        fact = normalise_factuality(rep) if isinstance(rep, str) and (not reporting or rep in reporting) else None
        if fact:
            values["factuality"] = fact
        cred = row.get("credibility")
        if isinstance(cred, str) and cred not in ("n/a", "") and (not credibility or cred in credibility):
            values["credibility"] = cred.removesuffix("-credibility")
        if not values:
            out.skipped.append(f"{where}: no rating")
            continue
        reasons = [q for q in row.get("questionable") or [] if isinstance(q, str)]
        note = str(row.get("url") or "")
        if bias in biases and "category" in values:
            note += f" ({biases[str(bias)]}{': ' + ', '.join(reasons) if reasons else ''})"
        out.ratings.append(Rating(i, str(row["domain"]), row.get("name"), values, note.strip() or None))
    return out


def _read_rows(path: Path, *, delimiter: str) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            return [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LabelFileError(
            str(path), None, f"cannot read as {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}"
        ) from exc


def _need(path: Path, rows: list[tuple[int, dict[str, str]]], columns: tuple[str, ...]) -> None:
    have = set(rows[0][1]) if rows else set()
    missing = [c for c in columns if c not in have]
    if rows and missing:
        raise LabelFileError(str(path), 1, f"missing column(s) {missing}; this rater needs {', '.join(columns)}")


def read_allsides(path: Path) -> RatingSet:
    src = _find(path, ("allsides_data.csv",), "allsides")
    rows = _read_rows(src, delimiter=",")
    _need(src, rows, ("news_source", "rating", "type"))
    out = RatingSet("allsides", str(src), "2019")
    for line, row in rows:
        name = (row.get("news_source") or "").strip()
        if row.get("type") == "Author":
            out.skipped.append(f"{src}:{line}: {name!r} is an author, not an outlet")
            continue
        lean = normalise_lean(row.get("rating"))
        if not name or lean is None:
            out.skipped.append(f"{src}:{line}: {name!r}: rating {row.get('rating')!r} is not a lean")
            continue
        note = " ".join(x for x in (row.get("url"), f"confidence {row.get('confidence_level')}") if x)
        out.ratings.append(Rating(line, None, name, {"lean": lean}, note))
    return out


def read_allsides_articles(path: Path) -> RatingSet:
    src = _find(path, ("sources_allsides_labels.tsv",), "allsides-articles")
    rows = _read_rows(src, delimiter="\t")
    _need(src, rows, ("source", "source_url", "n_articles", "majority_label"))
    out = RatingSet("allsides-articles", str(src), "2020")
    by_domain: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        url = (row.get("source_url") or "").strip()
        if not url:
            out.skipped.append(f"{src}:{line}: no URL")
            continue
        try:
            counts = {k: int(row.get(k) or 0) for k in ("left", "center", "right", "n_articles")}
        except ValueError:
            out.skipped.append(f"{src}:{line}: counts are not numbers")
            continue
        agg = by_domain.setdefault(url, {"line": line, "left": 0, "center": 0, "right": 0, "names": {}})
        for k in ("left", "center", "right"):
            agg[k] += counts[k]
        agg["names"][row.get("source") or url] = agg["names"].get(row.get("source") or url, 0) + counts["n_articles"]
    for url, agg in by_domain.items():
        top = max(("left", "center", "right"), key=lambda k: agg[k])
        total = agg["left"] + agg["center"] + agg["right"]
        if total < ALLSIDES_ARTICLES_MIN:
            out.skipped.append(
                f"{src}:{agg['line']}: {url}: only {total} article(s), fewer than {ALLSIDES_ARTICLES_MIN}"
            )
            continue
        lean = normalise_lean(top)
        name = max(agg["names"], key=agg["names"].get)
        note = f"3-point scale; {agg[top]} of {total} articles labelled {top}"
        out.ratings.append(Rating(agg["line"], url, name, {"lean": str(lean)}, note))
    return out


def _read_baly(path: Path, rater: str, folder: str, date: str) -> RatingSet:
    if path.is_dir() and (path / folder / "corpus.tsv").is_file():
        path = path / folder
    src = _find(path, ("corpus.tsv",), rater)
    rows = _read_rows(src, delimiter="\t")
    _need(src, rows, ("source_url_normalized", "fact", "bias"))
    out = RatingSet(rater, str(src), date)
    for line, row in rows:
        dom = (row.get("source_url_normalized") or row.get("source_url") or "").strip()
        bias = (row.get("bias") or "").strip()
        values: dict[str, str] = {}
        lean = normalise_lean(_BALY_BIAS.get(bias, bias))
        if lean:
            values["lean"] = lean
        fact = normalise_factuality(row.get("fact"))
        if fact:
            values["factuality"] = fact
        if not dom or not values:
            out.skipped.append(f"{src}:{line}: no domain or no valid label (bias {bias!r}, fact {row.get('fact')!r})")
            continue
        out.ratings.append(Rating(line, dom, None, values, (row.get("ref") or "").strip() or None))
    return out


#: Rating importers by rater name.
RATERS: dict[str, Callable[[Path], RatingSet]] = {
    "mbfc": read_mbfc,
    "allsides": read_allsides,
    "allsides-articles": read_allsides_articles,
    "baly2018": lambda p: _read_baly(p, "baly2018", "emnlp18", "2018"),
    "baly2020": lambda p: _read_baly(p, "baly2020", "acl2020", "2020"),
}


def read_ratings(rater: str, path: str | Path) -> RatingSet:
    if rater not in RATERS:
        raise UnknownComponentError(rater, "rater", RATERS)
    p = Path(path).expanduser()
    if not p.exists():
        raise LabelFileError(str(p), None, "no such file or folder")
    return RATERS[rater](p)


def import_ratings(store: Store, rater: str, path: str | Path, *, resources: Resources | None = None) -> ImportReport:
    """Read ``rater``'s data at ``path`` and store its labels (``source=rater``, ``source_kind="rater"``)."""
    from ..pipeline import Resources

    res = resources or Resources()
    data = read_ratings(rater, path)
    resolver = OutletResolver(store, res)
    suffixes = suffixes_for(res)
    report = ImportReport(rater, data.path, data.date, rows=len(data.ratings), skipped=list(data.skipped))
    store.delete_outlet_labels(source=rater)
    for rating in data.ratings:
        dom = normalise_domain(rating.domain, suffixes) if rating.domain else None
        if rating.domain and not dom:
            report.skipped.append(f"{data.path}:{rating.line}: {rating.domain!r} is not a domain")
            continue
        found = resolver.lookup(url=f"https://{rating.domain}") if dom else resolver.lookup(name=rating.name)
        if found is not None and found.known:
            report.matched_registry += 1
            outlet = resolver.ensure_stored(found)
        elif found is not None:
            report.matched_store += 1
            outlet = found
        else:
            report.created += 1
            outlet = resolver.ensure_stored(
                Outlet(
                    id=dom or slug(rating.name or ""),
                    name=rating.name or dom or "",
                    domains=[dom] if dom else [],
                    known=False,
                )
            )
        for fld, value in rating.values.items():
            resolver.add_label(
                outlet.id,
                OutletLabel(
                    field=fld, value=value, source=rater, source_kind="rater", date=data.date, note=rating.note
                ),
            )
            report.labels += 1
    return report
