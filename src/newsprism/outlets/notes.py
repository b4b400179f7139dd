"""Statements a page makes about an outlet ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION"), read into labels.

Loaders that meet such a line call :func:`read_outlet_note` and emit one ``PageLabel`` per label; the resolver
attaches them to the article's outlet with the page as their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import OutletLabel
from .labels import COUNTRY_WORDS, normalise_lean

__all__ = ["OutletNote", "read_outlet_note"]

_STATEMENT = re.compile(
    r"^\s*(?P<outlet>[^.!?\n]{2,80}?)\s+(?:is|are|was)\s+(?:a|an|the)\s+(?P<desc>[^.!?\n]{3,120}?)[.!]?\s*$", re.I
)
_KIND_WORDS = {
    "newspaper": "newspaper",
    "daily": "newspaper",
    "tabloid": "newspaper",
    "magazine": "magazine",
    "weekly": "magazine",
    "broadcaster": "broadcaster",
    "channel": "broadcaster",
    "tv": "broadcaster",
    "radio": "broadcaster",
    "agency": "agency",
    "think tank": "think tank",
    "think-tank": "think tank",
    "blog": "blog",
    "website": "online",
    "site": "online",
    "aggregator": "aggregator",
}
_LEAN_PHRASES = (
    "far right",
    "far-right",
    "extreme right",
    "far left",
    "far-left",
    "extreme left",
    "centre right",
    "center right",
    "centre-right",
    "center-right",
    "centre left",
    "center left",
    "centre-left",
    "center-left",
    "right wing",
    "right-wing",
    "left wing",
    "left-wing",
    "centrist",
    "right",
    "left",
)
_OUTLET_NOUN = re.compile(
    r"\b(?:publication|outlet|media|newspaper|paper|tabloid|daily|magazine|weekly|journal|broadcaster|channel|tv|"
    r"radio|station|agency|wire|think[- ]tank|institute|website|site|blog|portal|aggregator|news)\b",
    re.I,
)
_STATE = re.compile(r"\bstate[- ](?:owned|run|controlled|affiliated|media)\b", re.I)
_STATE_FUNDED = re.compile(r"\b(?:state|government)[- ]funded\b", re.I)
_PUBLIC = re.compile(r"\bpublic(?:[- ]service)? broadcaster\b", re.I)
_INDEPENDENT = re.compile(r"\bindependent\b", re.I)


@dataclass(slots=True)
class OutletNote:
    outlet: str
    text: str
    values: dict[str, str] = field(default_factory=dict)  # field -> value

    def labels(self, *, source: str, date: str | None = None) -> list[OutletLabel]:
        return [
            OutletLabel(field=f, value=v, source=source, source_kind="page", date=date, evidence=self.text)
            for f, v in self.values.items()
        ]


def read_outlet_note(text: str) -> OutletNote | None:
    """The outlet and the facts a one-line statement gives (lean, country, kind, affiliation); ``None`` if it gives
    none. Only plain "X is a ... publication" statements are read; anything else is left alone."""
    line = " ".join(text.split())
    m = _STATEMENT.match(line)
    if not m:
        return None
    outlet, desc = m.group("outlet").strip(), m.group("desc").strip()
    low = f" {desc.casefold()} "
    if not _OUTLET_NOUN.search(low):  # "Tokayev is a Kazakh politician" says nothing about an outlet
        return None
    values: dict[str, str] = {}
    for phrase in _LEAN_PHRASES:
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", low):
            lean = normalise_lean(phrase)
            if lean:
                values["lean"] = lean
                break
    for word in sorted(COUNTRY_WORDS, key=len, reverse=True):
        if re.search(rf"(?<![\w.]){re.escape(word)}(?!-(?:language|speaking))(?!\w)", low):
            values["country"] = COUNTRY_WORDS[word]
            break
    for word, kind in _KIND_WORDS.items():
        if re.search(rf"\b{re.escape(word)}\b", low):
            values["kind"] = kind
            break
    if _STATE_FUNDED.search(desc):
        values["affiliation"] = "state-funded"
    elif _STATE.search(desc):
        values["affiliation"] = "state"
    elif _PUBLIC.search(desc):
        values["affiliation"] = "public"
    elif _INDEPENDENT.search(desc):
        values["affiliation"] = "independent"
    if not values:
        return None
    return OutletNote(outlet=outlet, text=line, values=values)
