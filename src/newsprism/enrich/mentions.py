"""Names of people and organisations in one article, and noun-phrase helpers over a spaCy parse.

Shared by the quotes, claims and events extractors to name speakers, claimants, actors and recipients.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import Entity, Item

if TYPE_CHECKING:
    from ..pipeline import Doc

__all__ = ["MentionIndex", "doc_mentions", "np_bounds", "strip_determiner", "token_at"]


class MentionIndex:
    """Names of people and organisations in one article, for resolving speakers, actors and claimants.

    Mentions come from the ``entities`` stage when it ran (canonical names and ids), completed by the spaCy parse's
    named entities where the stage found none. ``name_at(start, end)`` names a phrase; ``person_before(pos)``
    resolves ``he``/``she``; ``ids`` maps a canonical name to the entity id the entities stage gave it.
    """

    KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}

    def __init__(self, text: str, *, entities: Sequence[Item] = (), parsed: Any = None) -> None:
        self.text = text
        self.mentions: list[tuple[int, int, str, str]] = []  # (start, end, type, name)
        self.ids: dict[str, str] = {}
        for e in entities:
            if isinstance(e, Entity):
                etype = {"organization": "organisation"}.get(e.type, e.type)
                name = e.canonical or e.text
                self.mentions.append((e.start, e.end, etype, name))
                if e.entity_id:
                    self.ids.setdefault(name, e.entity_id)
        staged = _Spans([(m[0], m[1]) for m in self.mentions])
        if parsed is not None:
            for ent in parsed.ents:
                kind = self.KINDS.get(ent.label_)
                if kind is None or staged.overlaps(ent.start_char, ent.end_char):
                    continue
                name = strip_determiner(ent.text)
                if kind == "person":
                    name = re.sub(r"(?:'s|’s|’|')$", "", name).strip()
                self.mentions.append((ent.start_char, ent.end_char, kind, name))
        self.mentions.sort()
        self._starts = [m[0] for m in self.mentions]  # mentions by start, for lookups in log time
        self._longest = max((m[1] - m[0] for m in self.mentions), default=0)
        self._full = self._fullest_names()
        self._first_words: dict[str, str] | None = None
        self._honorifics: dict[str, str] | None = None
        self.subjects: set[tuple[int, int]] = set()
        if parsed is not None and len(parsed):
            for m_start, m_end, _, _ in self.mentions:
                i, j = token_at(parsed, m_start), token_at(parsed, max(m_start, m_end - 1))
                span = parsed[i : j + 1]
                if any(t.dep_ in {"nsubj", "nsubjpass"} and not (i <= t.head.i <= j) for t in span):
                    self.subjects.add((m_start, m_end))

    def _fullest_names(self) -> dict[str, str]:
        """Surname (last token) -> the longest person name with that last token in the article."""
        best: dict[str, str] = {}
        for _, _, kind, name in self.mentions:
            if kind != "person" or not name.split():
                continue
            last = name.split()[-1].casefold()
            if len(name) > len(best.get(last, "")):
                best[last] = name
        return best

    def full(self, name: str, kind: str) -> str:
        """The fullest form of a person's name in the article: ``Putin`` -> ``Vladimir Putin``, and for a one-word
        name that starts a longer one (family name first), ``Xi`` -> ``Xi Jinping``."""
        words = name.split()
        if kind != "person" or not words:
            return name
        key = words[-1].casefold()
        best = self._full.get(key, name)
        if len(best.split()) > 1:
            return best
        if len(words) == 1:
            if self._first_words is None:  # first word -> the first longest person name of several words
                self._first_words = {}
                for m in self.mentions:
                    parts = m[3].split()
                    if m[2] == "person" and len(parts) > 1:
                        first = parts[0].casefold()
                        if len(m[3]) > len(self._first_words.get(first, "")):
                            self._first_words[first] = m[3]
            if key in self._first_words:
                return self._first_words[key]
        return name

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """The mentions that start in ``[lo, hi)``, in order."""
        return self.mentions[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def in_span(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        near = self.starting(start - self._longest, end)
        return [m for m in near if m[0] < end and m[1] > start]

    def name_at(
        self, start: int, end: int, *, prefer: Sequence[str] = ("person", "organisation", "group", "place")
    ) -> str | None:
        found = [
            m for m in self.in_span(start, end) if not (m[1] < end - 3 and self.text[m[1] : m[1] + 2] in {"'s", "’s"})
        ]
        found = [m for m in found if m[1] >= end - 3]  # the name must be the phrase's head, not a modifier
        for kind in prefer:
            hits = [m for m in found if m[2] == kind]
            if hits:
                m = max(hits, key=lambda x: x[1] - x[0])
                return self.full(m[3], kind)
        return None

    def person_before(
        self, pos: int, *, window: int = 2500, kind: str = "person", gender: str | None = None
    ) -> tuple[str, int, int] | None:
        """The person ``he``/``she`` at ``pos`` most likely means (``kind="organisation"`` for ``it``): the most
        recent one who was the subject of a clause (when the parse says so), else the most recent one mentioned;
        with ``gender`` (``m`` for he, ``f`` for she), never one known to be of the other (:meth:`gender_of`)."""
        near = self.mentions[bisect_left(self._starts, pos - window - self._longest) : bisect_right(self._starts, pos)]
        people = [m for m in reversed(near) if m[1] <= pos and m[2] == kind and pos - m[1] <= window]
        if gender is not None:
            people = [m for m in people if self.gender_of(self.full(m[3], kind)) in {None, gender}]
        for s, e, kind, name in people:
            if (s, e) in self.subjects:
                return self.full(name, kind), s, e
        for s, e, kind, name in people:
            return self.full(name, kind), s, e
        return None

    def gender_of(self, name: str) -> str | None:
        """``m``, ``f`` or ``None`` for a person's name: from a given name almost always given to one gender
        (``resources/first_names.yaml``), else from ``Mr.``/``Mrs.``/``Ms.`` before its surname in the article when
        only one of them is (``Mr. Clinton`` and ``Mrs. Clinton`` tell nothing)."""
        words = name.split()
        if not words:
            return None
        given = _given_names()
        first = words[0].casefold()
        if first in given["female"] or first in given["male"]:
            return "f" if first in given["female"] else "m"
        if self._honorifics is None:
            seen: dict[str, set[str]] = {}
            for m in _HONORIFIC.finditer(self.text):
                seen.setdefault(m.group(2).casefold(), set()).add("m" if m.group(1) == "Mr" else "f")
            self._honorifics = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._honorifics.get(words[-1].casefold())


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")
_GIVEN: dict[str, frozenset[str]] = {}


def _given_names() -> dict[str, frozenset[str]]:
    """Given names by gender from ``resources/first_names.yaml`` (read once)."""
    if not _GIVEN:
        from importlib import resources as ilr

        import yaml

        data = yaml.safe_load(ilr.files("newsprism.enrich").joinpath("resources/first_names.yaml").read_text("utf-8"))
        for key in ("female", "male"):
            _GIVEN[key] = frozenset(str(n).casefold() for n in data.get(key, []))
    return _GIVEN


class _Spans:
    """Character spans, asked whether any of them overlaps a range (in log time plus the overlaps)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        lo, hi = bisect_left(self.starts, start - self.longest), bisect_left(self.starts, end)
        return any(a < end and start < b for a, b in self.spans[lo:hi])


def strip_determiner(name: str) -> str:
    """A name without a leading "the" and stray dashes ("the Interior Ministry" -> "Interior Ministry")."""
    name = re.sub(r"^[\W_]+", "", name.strip(), flags=re.UNICODE) if name[:1] in "―—–-\u00a0 " else name.strip()
    return re.sub(r"^(?:the|The|THE)\s+", "", name)


def token_at(parsed: Any, char: int) -> int:
    """Index of the token that covers (or starts after) character ``char``."""
    lo, hi = 0, len(parsed)
    while lo < hi:
        mid = (lo + hi) // 2
        if parsed[mid].idx + len(parsed[mid].text) <= char:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(parsed) - 1)


def np_bounds(tok: Any) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without relative clauses, appositions after a comma,
    adverbs (``officials alone``) and trailing punctuation."""
    keep = {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "flat",
        "nummod",
        "case",
        "quantmod",
        "prep",
        "pobj",
        "cc",
        "conj",
    }
    left = tok.i
    right = tok.i
    for child in tok.children:
        if child.dep_ not in keep:
            continue
        if child.dep_ == "prep" and (
            child.i < tok.i or child.lower_ not in {"of", "for", "at", "from"} or tok.pos_ == "PROPN"
        ):
            continue
        if child.dep_ in {"cc", "conj"} and child.i < tok.i:
            continue
        sub = list(child.subtree)
        if any(t.dep_ in {"relcl", "acl"} or (t.is_punct and t.text not in "-'’") for t in sub):
            # cut a child that carries a clause or punctuation at that point
            sub = [t for t in sub if t.i < tok.i] if child.i < tok.i else []
        if not sub:
            continue
        left = min(left, sub[0].i)
        right = max(right, sub[-1].i)
    doc = tok.doc
    for k in range(left, right + 1):  # a phrase never crosses a line break (a parse may run a heading on)
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            if k < tok.i:
                left = k + 1
            elif k >= tok.i:
                right = k if "\n" in doc[k].whitespace_ and "\n" not in doc[k].text else k - 1
                break
    while left < tok.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def doc_mentions(doc: Doc) -> MentionIndex:
    """The mention index of an article, built once and shared by the quotes, claims and events stages."""
    from .nlp import parse

    def build(d: Doc) -> MentionIndex:
        return MentionIndex(d.article.body, entities=d.items("entities"), parsed=parse(d))

    return doc.shared("mentions", build)
