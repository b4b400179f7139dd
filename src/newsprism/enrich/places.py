"""Places named in an article, resolved offline to coordinates with the gazetteer (:mod:`.gazetteer`).

Stage ``places.gazetteer.v1``. Place mentions come from

* entity mentions of type place (the language model's GPE/LOC/FAC, natasha's LOC, the actor table's regions), and
* the gazetteer itself, matched on capitalised word sequences the model missed ("foreign militants from
  Afghanistan"), on Chinese text by substring, and with fuzzy matching (rapidfuzz) for misspellings of countries,
  regions and large cities ("Kyrgistan", "Xinjian"). Demonyms ("Kazakh") are never places; names that are also
  common words ("Nice", "Reading") count only when the model tagged them as places.

Each mention is resolved among the gazetteer's candidates by a prior (countries first, then regions and
subdivisions, then cities by population) plus the article's context: countries the article names without
ambiguity, their neighbours, and context words ("Bataclan" for Paris, France).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Entity, Item, Place
from .entities import work_spans
from .gazetteer import GazEntry, Gazetteer, load_gazetteer
from .translit import fold, name_key

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["NAME", "extract_places", "register", "resolve_candidates"]

NAME = "places.gazetteer.v1"

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’.][^\W\d_]+)*\.?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_CURATED = frozenset({"region", "sea", "river", "landmark", "continent"})  # every name of these is a main name
_CONNECTORS = frozenset({"and", "of", "de", "du", "des", "la", "le", "upon", "on", "al", "el", "da", "do", "dos"})
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "and",
        "or",
        "but",
        "if",
        "as",
        "so",
        "not",
        "no",
        "yes",
        "all",
        "any",
        "some",
        "many",
        "more",
        "most",
        "other",
        "such",
        "only",
        "also",
        "just",
        "than",
        "then",
        "there",
        "here",
        "when",
        "where",
        "what",
        "which",
        "who",
        "whom",
        "why",
        "how",
        "after",
        "before",
        "during",
        "under",
        "over",
        "about",
        "into",
        "through",
        "while",
        "since",
        "new",
        "old",
        "former",
        "first",
        "last",
        "next",
        "president",
        "minister",
        "officials",
        "government",
        "police",
        "army",
        "state",
        "city",
        "world",
    ]
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    entries: list[GazEntry]
    score: float  # recognition confidence
    source: str  # ner | scan | fuzzy | cjk
    match: float = 1.0  # string similarity of the name (1.0 exact)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _scan(body: str, gaz: Gazetteer, blocked: list[tuple[int, int, str]]) -> list[_Cand]:
    """Gazetteer matches on capitalised word sequences of up to four words."""
    words = list(_WORD.finditer(body))
    out: list[_Cand] = []
    lower_words = {w.group().lower() for w in words if not _is_cap(w.group())}
    i = 0
    while i < len(words):
        w = words[i].group()
        if not _is_cap(w):
            i += 1
            continue
        found = None
        for n in range(min(5, len(words) - i), 0, -1):
            last = words[i + n - 1]
            if not _is_cap(last.group()) and n > 1:
                continue
            inner = [words[j].group() for j in range(i + 1, i + n - 1)]
            if any(not _is_cap(x) and x not in _CONNECTORS for x in inner):
                continue
            gaps = [body[words[j].end() : words[j + 1].start()] for j in range(i, i + n - 1)]
            if any(g not in (" ", "-") for g in gaps):
                continue
            start, end = words[i].start(), last.end()
            text = re.sub(r"['’]s$", "", body[start:end].rstrip("."))
            end = start + len(text)
            entries = gaz.lookup(text)
            if not entries and n == 1 and _CYRILLIC.search(text):
                entries, end = _lookup_inflected(gaz, text, start)
                text = body[start:end]
            if entries:
                found = (n, start, end, text, entries)
                break
        if found is None:
            i += 1
            continue
        n, start, end, text, entries = found
        i += n
        key = name_key(text)
        if key in gaz.weak or key in gaz.not_places:
            continue
        kind = next((k for s, e, k in blocked if s <= start and end <= e), None)
        if kind == "person":
            continue
        initial = start == 0 or bool(re.search(r"(?:^|[.!?:\n]\s*|[\"“‘'(]\s*)$", body[max(0, start - 3) : start]))
        keep = []
        latin = text.isascii()
        for e in entries:
            if e.feature in ("admin", "city") and latin and fold(e.name) != fold(text):
                continue  # Latin text must spell the name itself ("War" is not the Var department)
            if e.feature in ("country", "admin", "region", "sea", "river", "continent", "landmark"):
                keep.append(e)
            elif (text.isupper() and len(text) <= 4) or e.population < 15_000:
                continue  # abbreviations and small towns need the model's word
            elif kind:  # a city named inside an organisation's name ("Toronto Raptors"): main names of big cities
                if name_key(e.name) == key and e.population >= 100_000:
                    keep.append(e)
            elif name_key(e.name) == key or (e.population >= 100_000 and not initial):
                keep.append(e)
        if not keep:
            continue
        if n == 1 and not text.isupper() and (text.lower() in _STOP or text.lower() in lower_words):
            continue
        out.append(_Cand(start, end, keep, 0.4 if kind else 0.7, "scan"))
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Russian and Kazakh case endings, longest first ("Жаңаөзенде" → "Жаңаөзен", "Казахстане" → "Казахстан").
_CASE_ENDINGS = tuple(
    sorted(
        [
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "ынан",
            "інен",
            "нан",
            "нен",
            "дан",
            "ден",
            "тан",
            "тен",
            "нда",
            "нде",
            "да",
            "де",
            "та",
            "те",
            "ға",
            "ге",
            "қа",
            "ке",
            "на",
            "не",
            "ны",
            "ні",
            "ды",
            "ді",
            "ты",
            "ті",
            "ом",
            "ем",
            "ой",
            "ей",
            "ою",
            "ах",
            "ях",
            "ам",
            "ям",
            "е",
            "у",
            "ю",
            "а",
            "я",
            "ы",
            "и",
        ],
        key=len,
        reverse=True,
    )
)


def _lookup_inflected(gaz: Gazetteer, word: str, start: int) -> tuple[list[GazEntry], int]:
    """Entries for an inflected Cyrillic word and the end of its stem (the span keeps the whole word)."""
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            entries = gaz.lookup(word[: -len(ending)])
            if entries:
                return entries, start + len(word)
    return [], start + len(word)


def _scan_cjk(body: str, gaz: Gazetteer) -> list[_Cand]:
    out: list[_Cand] = []
    for run in _CJK_RUN.finditer(body):
        text = run.group()
        i = 0
        while i < len(text):
            hit = None
            for n in range(min(8, len(text) - i), 1, -1):
                entries = [e for e in gaz.lookup(text[i : i + n]) if e.feature != "city" or e.population >= 100_000]
                if entries:
                    hit = (n, entries)
                    break
            if hit is None:
                i += 1
                continue
            out.append(_Cand(run.start() + i, run.start() + i + hit[0], hit[1], 0.7, "cjk"))
            i += hit[0]
    return out


def _candidates(doc: Doc, gaz: Gazetteer) -> list[_Cand]:
    body = doc.article.body
    ents = [it for it in doc.items("entities") if isinstance(it, Entity)]
    cands: list[_Cand] = []
    unknown: list[_Cand] = []  # model places the gazetteer does not know: after the scan, which may split them
    for e in ents:
        if e.type != "place":
            continue
        entries, bare = gaz.lookup_bare(e.text)
        match = 1.0
        if not entries and e.canonical and e.canonical != e.text:
            entries, _ = gaz.lookup_bare(e.canonical)
        if entries and e.text.isupper() and len(e.text) <= 4:
            entries = [x for x in entries if x.feature != "city"]  # abbreviations are not towns
        if not entries and e.text[:1].isupper():
            fz = gaz.fuzzy(bare, cutoff=90.0, cities=bare == e.text)
            if fz is not None:
                entries, match = [fz[0]], fz[1]
        key = name_key(e.text)
        if key in gaz.not_places:
            continue
        (cands if entries else unknown).append(_Cand(e.start, e.end, entries, e.score, "ner", match))
    blocked = [(e.start, e.end, e.type) for e in ents if e.type != "place"]
    scanned = _scan(body, gaz, blocked)
    if _CJK_RUN.search(body):
        scanned += _scan_cjk(body, gaz)
    # fuzzy matching of capitalised words the gazetteer does not know (misspelt countries and regions)
    taken = [(c.start, c.end) for c in cands + scanned]
    for m in re.finditer(r"\b([A-Z][a-z]{5,})(?:\s+(?:Autonomous Region|Region|Province|Oblast))?\b", body):
        ms, me = m.start(), m.end()
        if any(ms < te and ts < me for ts, te in taken) or any(bs <= ms and me <= be for bs, be, _ in blocked):
            continue
        word = m.group(1)
        if word.lower() in _STOP or gaz.is_demonym(word) or gaz.lookup(word):
            continue
        fz = gaz.fuzzy(word, cutoff=88.0, cities=False)
        if fz is not None:
            scanned.append(_Cand(ms, me, [fz[0]], 0.6 * fz[1], "fuzzy", fz[1]))
    works = work_spans(body)  # "author of Empires at War: A Short History of Modern Asia" names no place
    scanned = [c for c in scanned if not any(ws <= c.start and c.end <= we for ws, we in works)]
    out = list(cands)
    for c in [*sorted(scanned, key=lambda c: c.start - c.end), *unknown]:
        if any(c.start < o.end and o.start < c.end for o in out):
            continue
        out.append(c)
    return sorted(out, key=lambda c: c.start)


def resolve_candidates(
    entries: list[GazEntry],
    *,
    context: Counter[str],
    neighbours: dict[str, tuple[str, ...]],
    body: str,
    key: str = "",
    qualifier: frozenset[str | None] = frozenset(),
    admins: Counter[tuple[str, str]] | None = None,
) -> tuple[GazEntry, float]:
    """The most likely entry and a resolution score in [0, 1]."""

    def value(e: GazEntry) -> float:
        v = e.prior
        if key and (name_key(e.name) == key or e.feature in _CURATED):
            v += 0.3
        if e.country and context.get(e.country):
            v += 0.1 if e.feature == "city" and e.population < 500_000 else 0.3
        elif e.country and any(context.get(n) for n in neighbours.get(e.country, ())):
            v += 0.1
        if e.context and any(w in body for w in e.context):
            v += 0.5
        if qualifier and (e.country in qualifier or e.admin1 in qualifier):
            v += 1.0
        if admins and e.country and e.admin1 and admins.get((e.country, e.admin1)):
            v += 0.25  # the article names the candidate's state or province, or another place in it
        return v + min(e.population, 10**8) * 1e-10

    ranked = sorted(entries, key=value, reverse=True)
    best = ranked[0]
    if best.lat is not None and best.lon is not None:  # candidates at the same point do not make it doubtful
        ranked = [best] + [
            e for e in ranked[1:]
            if e.lat is None or e.lon is None or abs(e.lat - best.lat) + abs(e.lon - best.lon) > 0.5
        ]  # fmt: skip
    if len(ranked) == 1:
        return best, min(0.99, 0.6 + 0.4 * best.prior)
    margin = value(best) - value(ranked[1])
    return best, round(min(0.99, 0.5 + 0.5 * (1 - math.exp(-3 * margin))), 3)


def _qualifier(body: str, end: int, gaz: Gazetteer) -> frozenset[str | None]:
    """Countries and subdivision codes named right after a place ("Springfield, Illinois", "Paris, France")."""
    m = re.match(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", body[end : end + 40])
    if not m:
        return frozenset()
    out: set[str | None] = set()
    for e in gaz.lookup(m.group(1)):
        if e.feature == "country":
            out.add(e.country)
        elif e.feature == "admin":
            out.add(e.admin1)
    return frozenset(out)


def extract_places(doc: Doc) -> list[Place]:
    """The :class:`Place` items of one article."""
    gaz = load_gazetteer(doc.resources)
    art = doc.article
    body = art.body
    cands = _candidates(doc, gaz)
    context: Counter[str] = Counter()
    for c in cands:
        countries = {e.country for e in c.entries if e.country}
        if len(countries) == 1 and (len(c.entries) == 1 or any(e.feature == "country" for e in c.entries)):
            context[next(iter(countries))] += 1
    # subdivisions the article names without doubt, with the mentions that name them (a first pass)
    admin_of: list[tuple[str, str] | None] = []
    for c in cands:
        if not c.entries:
            admin_of.append(None)
            continue
        best, res = resolve_candidates(c.entries, context=context, neighbours=gaz.neighbours, body=body,
                                       key=name_key(body[c.start : c.end]))  # fmt: skip
        admin_of.append((best.country, best.admin1) if best.country and best.admin1 and res >= 0.8 else None)
    admins: Counter[tuple[str, str]] = Counter(a for a in admin_of if a)
    out: list[Place] = []
    pending: list[tuple[int, _Cand]] = []
    for i, c in enumerate(cands):
        text = body[c.start : c.end]
        if not c.entries:
            pending.append((len(out), c))
            out.append(
                Place(article_id=art.id, start=c.start, end=c.end, text=text, score=round(0.5 * c.score, 3),
                      component=NAME, name=text)
            )  # fmt: skip
            continue
        own = admin_of[i]
        others = Counter({k: v - (1 if k == own else 0) for k, v in admins.items()})
        best, res = resolve_candidates(
            c.entries, context=context, neighbours=gaz.neighbours, body=body, key=name_key(text),
            qualifier=_qualifier(body, c.end, gaz), admins=+others,
        )  # fmt: skip
        out.append(
            Place(
                article_id=art.id, start=c.start, end=c.end, text=text, score=round(min(1.0, c.score), 3),
                component=NAME, name=best.name, country=best.country, admin1=best.admin1,
                lat=None if best.lat is None else round(best.lat, 5), lon=None if best.lon is None else round(best.lon, 5),
                geonames_id=best.geonames_id, feature=best.feature, resolution_score=round(res * c.match, 3),
            )
        )  # fmt: skip
    _vicinity(out, pending)
    return out


def _vicinity(out: list[Place], pending: list[tuple[int, _Cand]]) -> None:
    """A place the gazetteer does not know (a street, a building) gets the point of the locality the article names
    most, marked ``feature="vicinity"`` with a low resolution score: an estimate, never an exact location."""
    local = Counter(
        (p.name, p.country, p.admin1, p.lat, p.lon)
        for p in out
        if p.feature == "city" and p.lat is not None and (p.resolution_score or 0) >= 0.6
    )
    if not local or not pending:
        return
    (_, country, admin1, lat, lon), _ = local.most_common(1)[0]
    for i, _c in pending:
        p = out[i]
        p.country, p.admin1, p.lat, p.lon, p.feature, p.resolution_score = country, admin1, lat, lon, "vicinity", 0.2


class PlaceStage:
    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Item]:
        return list(extract_places(doc))


def register(registry: Registry) -> None:
    @registry.register(
        NAME, "stage", requires=("entities",), produces=("places",), order=25,
        description="places resolved to coordinates with an offline gazetteer (GeoNames cities, ISO, extras)",
    )  # fmt: skip
    def places_stage(*, resources: Resources) -> PlaceStage:
        return PlaceStage(resources)
