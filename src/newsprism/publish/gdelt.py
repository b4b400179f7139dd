"""GDELT-style tables: ``events.tsv``, ``mentions.tsv`` and ``gkg.tsv``, for tools that read GDELT 2.0 layouts.

Differences from GDELT, on purpose: country codes are ISO 3166-1 alpha-2 (GDELT uses FIPS for places and CAMEO
codes for actors); events are coded in PLOVER and also given the CAMEO root code PLOVER maps from (the
CAMEO→PLOVER table of the PLOVER manual, read backwards at root level), with the Goldstein value typical of that
root; every count in ``gkg.tsv`` keeps its claimant and hedge, which GDELT does not have. One event row stands for
the same (date, actor, type, recipient, place) reported by several articles; each report is a row in
``mentions.tsv`` with the character offsets of its evidence.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article, Claim, Entity, Event, Frame, Place, Quote

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["PLOVER_TO_CAMEO", "GdeltExporter"]

#: PLOVER type → (CAMEO root code, QuadClass, typical Goldstein value of that root), for every type of the PLOVER
#: ontology (and the older names REQUEST and ACCUSE that earlier PLOVER drafts used for DEMAND and DISAPPROVE).
#: QuadClass follows CAMEO: 03–05 verbal cooperation (1), 06–08 material cooperation (2), 09–13 verbal conflict (3),
#: 14–20 material conflict (4). RETREAT is CAMEO 08's release/de-escalation half; FIGHT is CAMEO 19 (conventional
#: military force), which PLOVER splits from ASSAULT (18, 20).
PLOVER_TO_CAMEO: dict[str, tuple[str, int, float]] = {
    "AGREE": ("03", 1, 4.0),
    "CONSULT": ("04", 1, 1.0),
    "SUPPORT": ("05", 1, 3.5),
    "COOPERATE": ("06", 2, 6.0),
    "AID": ("07", 2, 7.0),
    "CONCEDE": ("08", 2, 5.0),
    "RETREAT": ("08", 2, 5.0),
    "INVESTIGATE": ("09", 3, -2.0),
    "DEMAND": ("10", 3, -5.0),
    "DISAPPROVE": ("11", 3, -2.0),
    "REJECT": ("12", 3, -4.0),
    "THREATEN": ("13", 3, -6.0),
    "PROTEST": ("14", 4, -6.5),
    "MOBILIZE": ("15", 4, -7.2),
    "SANCTION": ("16", 4, -4.0),
    "COERCE": ("17", 4, -7.0),
    "ASSAULT": ("18", 4, -9.0),
    "FIGHT": ("19", 4, -10.0),
    "REQUEST": ("10", 3, -5.0),
    "ACCUSE": ("11", 3, -2.0),
}

EVENT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1Id",
    "Actor2Name",
    "Actor2Id",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "PloverType",
    "PloverMode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgConfidence",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "ArticleID",
    "ActionCharOffset",
    "ActionCharEnd",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "Evidence",
)
GKG_COLUMNS = (
    "GKGRECORDID",
    "DATE",
    "SourceCommonName",
    "DocumentIdentifier",
    "ArticleID",
    "Language",
    "V2Counts",
    "V2Locations",
    "V2Persons",
    "V2Organizations",
    "V2Quotations",
    "Frames",
)


def _date(value: str | None) -> str:
    return (value or "")[:10].replace("-", "")


def _clean(value: Any) -> str:
    """Field text with the separators GDELT uses (tab, newline, #, ;) replaced."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("#", " ").replace(";", ",").split())


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class GdeltExporter:
    format = "gdelt"

    def __call__(self, store: Store, out: Path, *, tables: Iterable[str] = ()) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        outlets = {o.id: o for o in store.iter_outlets()}
        events: dict[str, dict[str, Any]] = {}
        mentions: list[dict[str, Any]] = []
        gkg: list[dict[str, Any]] = []
        for article in store.iter_articles():
            outlet = outlets.get(article.outlet_id or "")
            source_name = (outlet.id if outlet else None) or article.outlet or ""
            places = [p for p in store.iter_items("places", article_id=article.id) if isinstance(p, Place)]
            for ev in store.iter_items("events", article_id=article.id):
                assert isinstance(ev, Event)
                self._add_event(events, mentions, ev, article, source_name, places)
            gkg.append(self._gkg_row(store, article, source_name, places))
        counts = {
            "events": _write(out / "events.tsv", EVENT_COLUMNS, events.values()),
            "mentions": _write(out / "mentions.tsv", MENTION_COLUMNS, mentions),
            "gkg": _write(out / "gkg.tsv", GKG_COLUMNS, gkg),
        }
        return counts

    def _add_event(
        self,
        events: dict[str, dict[str, Any]],
        mentions: list[dict[str, Any]],
        ev: Event,
        article: Article,
        source_name: str,
        places: list[Place],
    ) -> None:
        date = _date(ev.when if ev.when and ev.when[:4].isdigit() else article.published)
        key = "|".join([date, ev.actor or "", ev.type, ev.recipient or "", ev.where or ""]).casefold()
        event_id = int(hashlib.sha1(key.encode()).hexdigest()[:12], 16)
        root, quad, goldstein = PLOVER_TO_CAMEO.get(ev.type.upper(), ("", 0, 0.0))
        place = next((p for p in places if ev.where and p.name == ev.where), None)
        row = events.get(key)
        if row is None:
            row = events[key] = {
                "GLOBALEVENTID": event_id,
                "SQLDATE": date,
                "Actor1Name": _clean(ev.actor),
                "Actor1Id": ev.actor_id or "",
                "Actor2Name": _clean(ev.recipient),
                "Actor2Id": ev.recipient_id or "",
                "IsRootEvent": 1,
                "EventCode": root,
                "EventBaseCode": root,
                "EventRootCode": root,
                "PloverType": ev.type,
                "PloverMode": ev.mode or "",
                "QuadClass": quad or "",
                "GoldsteinScale": goldstein if root else "",
                "NumMentions": 0,
                "NumSources": set(),
                "NumArticles": set(),
                "AvgConfidence": [],
                "ActionGeo_FullName": _clean(ev.where),
                "ActionGeo_CountryCode": (place.country if place else ev.country) or "",
                "ActionGeo_Lat": place.lat if place and place.lat is not None else "",
                "ActionGeo_Long": place.lon if place and place.lon is not None else "",
                "ActionGeo_FeatureID": place.geonames_id if place and place.geonames_id else "",
                "DATEADDED": date,
                "SOURCEURL": article.url or "",
            }
        row["NumMentions"] += 1
        row["NumSources"].add(source_name)
        row["NumArticles"].add(article.id)
        row["AvgConfidence"].append(ev.score)
        mentions.append(
            {
                "GLOBALEVENTID": event_id,
                "EventTimeDate": date,
                "MentionTimeDate": _date(article.published),
                "MentionType": 1,
                "MentionSourceName": source_name,
                "MentionIdentifier": article.url or article.id,
                "ArticleID": article.id,
                "ActionCharOffset": ev.start,
                "ActionCharEnd": ev.end,
                "InRawText": 1,
                "Confidence": round(100 * ev.score),
                "MentionDocLen": len(article.body),
                "Evidence": _clean(ev.text),
            }
        )

    def _gkg_row(self, store: Store, article: Article, source_name: str, places: list[Place]) -> dict[str, Any]:
        counts = []
        for c in store.iter_items("claims", article_id=article.id):
            assert isinstance(c, Claim)
            counts.append(
                "#".join(
                    [
                        c.type.upper(),
                        _num(c.number),
                        _clean(c.object),
                        _clean(c.claimant),
                        _clean(c.hedge),
                        _clean(c.place),
                        str(c.start),
                    ]
                )
            )
        locs = [
            "#".join(
                [
                    _clean(p.name),
                    p.country or "",
                    _clean(p.admin1),
                    _num(p.lat),
                    _num(p.lon),
                    str(p.geonames_id or ""),
                    str(p.start),
                ]
            )
            for p in places
        ]
        persons: dict[str, int] = {}
        orgs: dict[str, int] = {}
        for e in store.iter_items("entities", article_id=article.id):
            assert isinstance(e, Entity)
            name = _clean(e.canonical or e.text)
            target = persons if e.type == "person" else orgs if e.type == "organisation" else None
            if target is not None:
                target.setdefault(f"{name},{e.start}", e.start)
        quotes = []
        for q in store.iter_items("quotes", article_id=article.id):
            assert isinstance(q, Quote)
            quotes.append(
                "|".join([str(q.start), str(q.end - q.start), _clean(q.cue), _clean(q.speaker), _clean(q.text)])
            )
        frames = sorted(
            {
                f"{f.family}:{_clean(f.frame)}"
                for f in store.iter_items("frames", article_id=article.id)
                if isinstance(f, Frame)
            }
        )
        return {
            "GKGRECORDID": article.id,
            "DATE": _date(article.published),
            "SourceCommonName": source_name,
            "DocumentIdentifier": article.url or "",
            "ArticleID": article.id,
            "Language": article.language or "",
            "V2Counts": ";".join(counts),
            "V2Locations": ";".join(locs),
            "V2Persons": ";".join(persons),
            "V2Organizations": ";".join(orgs),
            "V2Quotations": "#".join(quotes),
            "Frames": ";".join(frames),
        }


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    tmp = path.with_suffix(".tsv.part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(columns)
        for row in rows:
            out = []
            for col in columns:
                value = row.get(col, "")
                if isinstance(value, set):
                    value = len(value)
                elif isinstance(value, list):
                    value = round(sum(value) / len(value), 3) if value else ""
                out.append(value)
            w.writerow(out)
            n += 1
    tmp.replace(path)
    return n
