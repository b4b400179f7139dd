"""Claim kinds that word-by-word cues cannot state: numbers that name things, parts of a count, split verbs and
counts of prisoners that are no arrests (``claims.rules.v1``, every language).

* **A number that names something** is no count: ``School No. 15``, ``Schule Nummer 15``, ``школа № 15``, ``15-sonli
  maktab``, ``15 numaralı okul`` (:func:`names_a_thing`).
* **A part of the count just before** (``14 von ihnen seien Demonstranten gewesen``, ``14 из них``, ``14 of them``)
  takes that count's type, whether the count stands in the same sentence or the one before (:func:`part_of`): a
  breakdown of the dead is a count of dead, never a count of its own kind (protesters, police).
* **Split verbs**: a separable verb whose particle ends the clause (German ``nahm ... sieben Journalisten fest``,
  ``kamen ... 18 Menschen um``) is read as a type cue at the particle (:func:`split_verb_cues`).
* **No arrests**: a count typed ``arrested`` is dropped when a word of release or of trial (``freed``,
  ``freigelassen``, ``освобождены``, ``обвиняемых``, ``sanık``) is nearer the number than any arrest cue, in the same
  clause (:func:`drop_non_arrests`).

Word lists: ``resources/claim_kinds.yaml`` (data, one section per kind, one list per language).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources as ilr
from typing import Any

import yaml

from ..model import Claim
from .lemmas import CueMatch
from .numbers import NumberMention

__all__ = ["drop_non_arrests", "names_a_thing", "part_of", "partitive_after", "split_verb_cues"]

#: marks that make a number a label in every script
_MARKS = ("№", "#", "n°", "nº")
#: a clause ends at these (a comma too, for the nearness of release words)
_CLAUSE_END = re.compile(r"[.;:!?。；：！？؟\n]")
_COMMA = re.compile(r"[,;:()«»“”—–،؛，、；：]")
#: a number is part of the count before it only this near (characters), across one sentence end at most
_PART_REACH = 240


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/claim_kinds.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _words(section: str, lang: str) -> list[str]:
    spec = _data().get(section) or {}
    return [str(w) for w in (spec.get("all") or []) + (spec.get(lang) or [])]


@lru_cache(maxsize=64)
def _pattern(section: str, lang: str, where: str) -> re.Pattern[str] | None:
    """Words of ``section`` for ``lang`` as one pattern anchored ``before`` a position (at the end of the text
    before it) or ``after`` it (at the start of the text after it)."""
    words = sorted(set(_words(section, lang)), key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w.casefold()) for w in words)
    if where == "before":
        return re.compile(rf"(?:^|[^\w.])(?:{alt})\s*$")
    return re.compile(rf"^\s*(?:{alt})(?!\w)")


def names_a_thing(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the number at ``text[start:end]`` names or labels something (``No. 15``, ``Nummer 15``, ``№ 15``,
    ``15-sonli``, ``15 numaralı``) rather than counting it."""
    before = text[max(0, start - 16) : start].casefold().rstrip()
    if before.endswith(_MARKS):
        return True
    pat = _pattern("names_before", lang, "before")
    if pat is not None and pat.search(before):
        return True
    after = _pattern("names_after", lang, "after")
    tail = re.sub(r"^[\d\s.,]+", "", text[start : end + 16].casefold())  # "15-sonli" may be read as one number
    return after is not None and (
        after.match(text[end : end + 16].casefold()) is not None or after.match(tail) is not None
    )


def partitive_after(text: str, end: int, lang: str) -> int | None:
    """The end of a partitive phrase right after a number (``14 von ihnen``, ``14 из них``, ``14 of them``), or
    None."""
    pat = _pattern("partitive", lang, "after")
    if pat is None:
        return None
    m = pat.match(text[end : end + 30].casefold())
    return end + m.end() if m is not None else None


def part_of(text: str, n: NumberMention, lang: str, previous: Claim | None) -> Claim | None:
    """The claim of a number that a partitive phrase makes a part of ``previous`` (the last count before it, in this
    sentence or the one before): the previous count's type, subject and claimant; None when there is no such
    phrase, no harm count before or the two are too far apart."""
    if previous is None or previous.type in {"other", "troops", "protesters", "destroyed"}:
        return None
    if n.shape != "count" or n.value is None or n.value != int(n.value):
        return None
    if previous.number is not None and n.value >= previous.number:
        return None  # a part is smaller than its whole
    end = partitive_after(text, n.end, lang)
    if end is None or not 0 <= n.start - previous.end <= _PART_REACH:
        return None
    if len(_CLAUSE_END.findall(text, previous.end, n.start)) > 1 or "\n" in text[previous.end : n.start]:
        return None
    return Claim(
        article_id=previous.article_id,
        start=n.start,
        end=end,
        text=text[n.start : end],
        score=0.55,
        component=previous.component,
        type=previous.type,
        number=n.value,
        number_low=n.low,
        number_high=n.high,
        number_text=n.text,
        object=previous.object,
        claimant=previous.claimant,
        subject=previous.subject,
    )


def split_verb_cues(text: str, lang: str) -> list[CueMatch]:
    """Type cues at the particles of split verbs (``nahm ... fest`` -> ``type:arrested`` at ``fest``): a particle
    that ends its clause, with a form of its verb before it in the clause (at most 120 characters back)."""
    spec = (_data().get("split_verbs") or {}).get(lang) or {}
    out: list[CueMatch] = []
    low = text.casefold()
    for ctype, pairs in spec.items():
        for verbs, particle in pairs:
            verb_alt = "|".join(re.escape(str(v).casefold()) for v in verbs)
            verb_re = re.compile(rf"(?<!\w)(?:{verb_alt})(?!\w)")
            for m in re.finditer(rf"(?<!\w){re.escape(str(particle).casefold())}(?=\s*(?:[.,;:!?)\n]|$))", low):
                lo = max(0, m.start() - 120)
                stop = max((x.end() for x in _CLAUSE_END.finditer(low, lo, m.start())), default=lo)
                if verb_re.search(low, stop, m.start()):
                    out.append(CueMatch(f"type:{ctype}", m.start(), m.end(), str(particle)))
    return out


def drop_non_arrests(claims: Sequence[Claim], text: str, lang: str, matches: Sequence[CueMatch]) -> list[Claim]:
    """``claims`` without the counts typed ``arrested`` that a release or trial word (``freed``, ``обвиняемых``)
    describes: one nearer the number than any arrest cue (``matches``), in the same clause."""
    words = [w.casefold() for w in _words("not_arrest", lang)]
    if not words:
        return list(claims)
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    pat = re.compile(rf"(?<!\w)(?:{alt})(?!\w)")
    arrests = [(m.start, m.end) for m in matches if m.label in {"type:arrested", "noun:arrested"}]
    out: list[Claim] = []
    for c in claims:
        own = [(a, b) for a, b in arrests if b <= c.start or a >= c.end]  # "500 prisoners": the noun is what is freed
        if c.type == "arrested" and _released(text, c, pat, own):
            continue
        out.append(c)
    return out


def _released(text: str, c: Claim, pat: re.Pattern[str], arrests: list[tuple[int, int]]) -> bool:
    lo, hi = max(0, c.start - 60), min(len(text), c.end + 60)
    low = text[lo:hi].casefold()

    def gap(a: int, b: int) -> int | None:
        """Distance from the claim to the span a..b, None across a clause or sentence end."""
        x, y = (b, c.start) if b <= c.start else (c.end, a)
        if y < x:
            return 0
        between = text[x:y]
        if _CLAUSE_END.search(between) or _COMMA.search(between):
            return None
        return y - x

    best_release = min(
        (d for m in pat.finditer(low) if (d := gap(lo + m.start(), lo + m.end())) is not None), default=None
    )
    if best_release is None:
        return False
    best_arrest = min((d for a, b in arrests if (d := gap(a, b)) is not None), default=None)
    return best_arrest is None or best_release < best_arrest


def without_names(numbers: Sequence[NumberMention], text: str, lang: str) -> list[NumberMention]:
    """``numbers`` with those that name something (:func:`names_a_thing`) made no counts (shape ``label``)."""
    return [replace(n, shape="label") if names_a_thing(text, n.start, n.end, lang) else n for n in numbers]
