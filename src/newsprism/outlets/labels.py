"""Label values, and the one label shown per field when sources disagree.

Scales
------
* **lean** — ``far-left, left, centre-left, centre, centre-right, right, far-right``. A scale that fits outside the
  US: raters' spellings (``left-center``, ``extreme-right``, ``lean left``, ``right wing``) are mapped onto it.
  An outlet without a lean label is **unrated** (``lean`` is null, shown as "unrated"), never "centre".
* **state affiliation** is its own axis, not a point on the lean scale: ``affiliation`` is ``state``,
  ``state-funded``, ``public`` or ``independent`` (registry facts, or a user's label); ``state_affiliated`` is true
  for ``state`` and ``state-funded``.
* **factuality** — ``very-high, high, mostly-factual, mixed, low, very-low`` (MBFC's reporting scale; Baly et al.
  use ``high, mixed, low``, which are points of it).

Which label is shown
--------------------
For each field the label shown comes from the highest kind of source that has one:

1. **user** — the user's own labels (``newsprism outlets label``, ``import-labels``); the newest wins;
2. **page** — what an ingested page said about the outlet ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION");
   the newest wins;
3. **rater** — imported rating data. When the raters agree, that value is shown. When they disagree, the rater
   with the newest dataset date wins (MBFC 2026 before Baly et al. 2020 before 2018); equal dates are broken by
   the fixed order in :data:`RATER_ORDER`. ``outlet_view`` reports ``lean_agreement`` (``agree``/``disagree``)
   and every rater's value in ``lean_raters`` / ``factuality_raters``, so nothing is hidden;
4. **registry** — facts shipped with newsprism (country, kind, affiliation; never lean).

Every label is kept and exported with its source; the rule only picks the one shown.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Outlet, OutletLabel
from .registry import AFFILIATIONS, KINDS

__all__ = [
    "COUNTRY_WORDS",
    "FACTUALITY",
    "FIELDS",
    "LEAN",
    "PRECEDENCE",
    "RATER_ORDER",
    "SIDES",
    "effective_label",
    "normalise_country",
    "normalise_factuality",
    "normalise_lean",
    "normalise_value",
    "outlet_view",
    "rater_values",
    "side_of_lean",
]

LEAN = ("far-left", "left", "centre-left", "centre", "centre-right", "right", "far-right")
FACTUALITY = ("very-high", "high", "mostly-factual", "mixed", "low", "very-low")
#: Who wins when labels disagree: the user's own, then what the page said, then raters, then shipped facts.
PRECEDENCE = ("user", "page", "rater", "registry")
#: Tie-break between raters whose datasets have the same date.
RATER_ORDER = ("mbfc", "allsides", "baly2020", "baly2018", "allsides-articles")
#: Fields a user (or a page) may label, with what is valid for each (``None`` = free text).
FIELDS: dict[str, tuple[str, ...] | None] = {
    "lean": LEAN,
    "factuality": FACTUALITY,
    "country": None,  # ISO 3166-1 alpha-2, checked by normalise_country
    "kind": KINDS,
    "affiliation": AFFILIATIONS,
    "state_affiliated": ("true", "false"),
    "owner_state": None,
    "owner": None,
}

_LEAN_SYNONYMS = {
    "far left": "far-left",
    "extreme left": "far-left",
    "far left wing": "far-left",
    "radical left": "far-left",
    "left": "left",
    "left wing": "left",
    "leftist": "left",
    "liberal": "left",
    "left leaning": "centre-left",
    "centre left": "centre-left",
    "center left": "centre-left",
    "left center": "centre-left",
    "left centre": "centre-left",
    "lean left": "centre-left",
    "leans left": "centre-left",
    "left of centre": "centre-left",
    "left of center": "centre-left",
    "centre left wing": "centre-left",
    "centre": "centre",
    "center": "centre",
    "centrist": "centre",
    "least biased": "centre",
    "neutral": "centre",
    "centre right": "centre-right",
    "center right": "centre-right",
    "right center": "centre-right",
    "right centre": "centre-right",
    "lean right": "centre-right",
    "leans right": "centre-right",
    "right of centre": "centre-right",
    "right of center": "centre-right",
    "right": "right",
    "right wing": "right",
    "rightist": "right",
    "conservative": "right",
    "right leaning": "centre-right",
    "far right": "far-right",
    "extreme right": "far-right",
    "far right wing": "far-right",
    "radical right": "far-right",
}
#: The sides a lean falls on, in display order; an outlet without a lean label is ``unrated``, never centre.
SIDES = ("left", "center", "right", "unrated")
_SIDE_OF = {
    "far-left": "left",
    "left": "left",
    "centre-left": "left",
    "centre": "center",
    "centre-right": "right",
    "right": "right",
    "far-right": "right",
}
_FACT_SYNONYMS = {
    "very high": "very-high",
    "high": "high",
    "mostly factual": "mostly-factual",
    "mixed": "mixed",
    "low": "low",
    "very low": "very-low",
}
_TRUE = {"true", "yes", "1", "y", "state", "state-affiliated", "state affiliated"}
_FALSE = {"false", "no", "0", "n", "independent"}
COUNTRY_WORDS = {
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "british": "GB",
    "england": "GB",
    "english": "GB",
    "scotland": "GB",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "american": "US",
    "united states": "US",
    "russia": "RU",
    "russian": "RU",
    "china": "CN",
    "chinese": "CN",
    "kazakhstan": "KZ",
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "italy": "IT",
    "italian": "IT",
    "france": "FR",
    "french": "FR",
    "germany": "DE",
    "german": "DE",
    "turkey": "TR",
    "turkish": "TR",
    "türkiye": "TR",
    "iran": "IR",
    "iranian": "IR",
    "qatar": "QA",
    "qatari": "QA",
    "ukraine": "UA",
    "ukrainian": "UA",
    "india": "IN",
    "indian": "IN",
    "japan": "JP",
    "japanese": "JP",
    "korea": "KR",
    "south korea": "KR",
    "israel": "IL",
    "israeli": "IL",
    "spain": "ES",
    "spanish": "ES",
    "poland": "PL",
    "polish": "PL",
    "canada": "CA",
    "canadian": "CA",
    "australia": "AU",
    "australian": "AU",
}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[-_/]+", " ", text.casefold()).split())


def normalise_lean(text: str | None) -> str | None:
    """A lean on the newsprism scale, or ``None`` when ``text`` is not one (``"unrated"`` is not a lean)."""
    if not text:
        return None
    return _LEAN_SYNONYMS.get(_words(text).removesuffix(" bias").strip())


def side_of_lean(lean: str | None) -> str:
    """``left``, ``center``, ``right`` or ``unrated`` for a lean in any spelling :func:`normalise_lean` reads
    (``left-center``, ``Lean Right``, ``centre``); a value that is not a lean is ``unrated``."""
    key = normalise_lean(lean)
    return _SIDE_OF[key] if key else "unrated"


def normalise_factuality(text: str | None) -> str | None:
    if not text:
        return None
    return _FACT_SYNONYMS.get(_words(text).removesuffix(" factual reporting").strip())


def normalise_country(text: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code from a code (``gb``), a name (``Italy``) or an adjective (``British``)."""
    if not text:
        return None
    raw = text.strip()
    low = raw.casefold()
    if low in COUNTRY_WORDS:
        return COUNTRY_WORDS[low]
    if re.fullmatch(r"[A-Za-z]{2}", raw):
        import pycountry

        return raw.upper() if pycountry.countries.get(alpha_2=raw.upper()) is not None or raw.upper() == "EU" else None
    import pycountry

    try:
        return str(pycountry.countries.lookup(raw).alpha_2)
    except LookupError:
        return None


def normalise_value(field: str, value: str | None) -> str | None:
    """The value of ``field`` in its canonical form, or ``None`` when it is not valid (see :data:`FIELDS`)."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if field == "lean":
        return normalise_lean(value)
    if field == "factuality":
        return normalise_factuality(value)
    if field in ("country", "owner_state"):
        return normalise_country(value)
    if field == "state_affiliated":
        low = value.casefold()
        return "true" if low in _TRUE else "false" if low in _FALSE else None
    if field == "kind":
        low = _words(value).replace("thinktank", "think tank")
        low = {"news agency": "agency", "wire": "agency", "website": "online", "tv": "broadcaster"}.get(low, low)
        return low if low in KINDS else None
    if field == "affiliation":
        low = _words(value).replace(" ", "-")
        low = {
            "state-owned": "state",
            "state-run": "state",
            "state-controlled": "state",
            "private": "independent",
            "government-funded": "state-funded",
            "public-broadcaster": "public",
        }.get(low, low)
        return low if low in AFFILIATIONS else None
    if field in FIELDS:
        return value
    return None


def _rater_rank(label: OutletLabel) -> tuple[str, int]:
    order = RATER_ORDER.index(label.source) if label.source in RATER_ORDER else len(RATER_ORDER)
    return (label.date or "", -order)


def effective_label(labels: list[OutletLabel], field: str) -> OutletLabel | None:
    """The label of ``field`` shown for an outlet, by the rule in this module's docstring."""
    by_kind: dict[str, list[OutletLabel]] = {}
    for lab in labels:
        if lab.field == field:
            by_kind.setdefault(lab.source_kind, []).append(lab)
    for kind in PRECEDENCE:
        cands = by_kind.get(kind)
        if not cands:
            continue
        if kind == "rater":
            return max(cands, key=_rater_rank)
        return max(enumerate(cands), key=lambda t: ((t[1].date or ""), t[0]))[1]  # newest, then last added
    others = [lab for k, labs in by_kind.items() if k not in PRECEDENCE for lab in labs]
    return others[-1] if others else None


def rater_values(labels: list[OutletLabel], field: str) -> dict[str, str]:
    return {lab.source: lab.value for lab in labels if lab.field == field and lab.source_kind == "rater"}


def _agreement(values: dict[str, str]) -> str | None:
    if not values:
        return None
    return "agree" if len(set(values.values())) == 1 else "disagree"


def outlet_view(outlet: Outlet) -> dict[str, Any]:
    """The outlet as exported (``outlets.jsonl``) and shown: its facts, the one label shown per field with whose it
    is, every rater's value, and every label with its source."""
    row = outlet.to_dict()
    labels = outlet.labels
    for field in ("country", "kind", "owner_state", "owner"):
        lab = effective_label(labels, field)
        if lab is not None and lab.source_kind in ("user", "page"):
            row[field] = lab.value
            row[f"{field}_source"] = lab.source
    aff = effective_label(labels, "affiliation")
    row["affiliation"] = aff.value if aff else None
    row["affiliation_source"] = aff.source if aff else None
    sa = effective_label(labels, "state_affiliated")
    if aff is not None and aff.source_kind in ("user", "page"):
        row["state_affiliated"] = aff.value in ("state", "state-funded")
    elif sa is not None and sa.source_kind in ("user", "page"):
        row["state_affiliated"] = sa.value == "true"
    for field in ("lean", "factuality"):
        lab = effective_label(labels, field)
        row[field] = lab.value if lab else None
        row[f"{field}_source"] = lab.source if lab else None
        row[f"{field}_source_kind"] = lab.source_kind if lab else None
        raters = rater_values(labels, field)
        row[f"{field}_raters"] = raters
        row[f"{field}_agreement"] = _agreement(raters)
    row["lean_shown"] = row["lean"] or "unrated"
    row["factuality_shown"] = row["factuality"] or "unrated"
    row["inferred"] = _inferred(outlet, row)
    return row


def _inferred(outlet: Outlet, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Facts no source states, inferred from the outlet's domain and languages (see :mod:`.infer`)."""
    from .infer import infer_facts

    if row.get("country") and row.get("kind"):
        return []
    langs = outlet.languages
    facts = infer_facts(
        domain=outlet.domains[0] if outlet.domains else (outlet.id if "." in outlet.id else None),
        name=outlet.name,
        language=langs[0] if len(langs) == 1 else None,
    )
    return [
        {"field": f.field, "value": f.value, "source": f.source, "score": f.score, "evidence": f.evidence}
        for f in facts
        if not row.get(f.field)
    ]
