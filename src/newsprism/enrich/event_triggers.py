"""Events in languages other than English: a trigger lexicon per language over lemmas, and who did what to whom by
the parse where one ships (French) or by window rules elsewhere.

* Triggers: ``resources/triggers/<lang>.yaml`` (PLOVER type -> lemmas, phrases and stems, with a mode), matched
  through :class:`newsprism.enrich.lemmas.CueMatcher`, so ``задержали``, ``задержанных`` and ``задержание`` all
  reach ``задержать``/``задержани*``; Chinese terms match as substrings. Where two triggers overlap, the longer wins.
* Actor and recipient: with a Universal Dependencies parse (``fr_core_news_sm``), the trigger's ``nsubj`` (or the
  agent of a passive) is the actor and its ``obj``/``iobj``/``obl:arg`` the recipient. Otherwise, and when the parse
  names nobody, window rules: the actor is the nearest name (person, organisation, group, then place) before the
  trigger in its sentence, the recipient the nearest name after it that is not the place of the event.
* Where: the first place of the sentence (from the ``places`` stage, else a place name among the mentions).

Events carry the same fields as the English coder's (``events.rules.v1``), a lower score (0.55 by window, 0.65 with
the parse's subject), and the trigger's text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import ConfigError
from ..model import Event, Item, Place
from .lemmas import CueMatcher, Token, lemmatizer
from .mentions import MentionIndex, token_at
from .nlp import EntityIndex, regex_sentences

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["LanguageTriggers", "extract_events_window", "load_language_triggers", "trigger_languages"]

COMPONENT = "events.rules.v1"
_NAME_KINDS = ("person", "organisation", "group", "place")


@dataclass(frozen=True, slots=True)
class LanguageTriggers:
    lang: str
    matcher: CueMatcher
    source: str


def _folder() -> Any:
    return ilr.files("newsprism.enrich").joinpath("resources", "triggers")


def trigger_languages() -> list[str]:
    """Languages with a trigger file."""
    return sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".yaml"))


def load_language_triggers(lang: str | None, resources: Resources | None = None) -> LanguageTriggers | None:
    """The trigger lexicon of ``lang`` (cached on ``resources``), or None when the language has none."""
    code = (lang or "").lower()

    def build(_: Any = None) -> LanguageTriggers | None:
        path = _folder().joinpath(f"{code}.yaml")
        if not code.isalpha() or not path.is_file():
            return None
        source = f"triggers/{code}.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{source}: cannot read YAML: {str(exc).splitlines()[0]}") from None
        cues: list[tuple[str, str]] = []
        for etype, terms in (data.get("types") or {}).items():
            if not isinstance(terms, dict):
                raise ConfigError(f"{source}: {etype}: expected a mapping of term -> mode")
            for term, mode in terms.items():
                cues.append((f"{etype}|{mode or ''}", str(term)))
        return LanguageTriggers(code, CueMatcher(cues, code, lemmas=lemmatizer(resources)), source)

    if resources is None:
        return build()
    return resources.get(f"events.triggers:{code}", build)


_ASKED = frozenset({"AID", "SUPPORT", "COOPERATE", "MOBILIZE", "CONSULT"})


def _sentence_break(gap: str) -> bool:
    return any(ch in gap for ch in ".!?。！？\n")


def _overlaps(span: tuple[Any, ...], taken: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _nearest(
    mentions: Sequence[tuple[int, int, str, str]],
    lo: int,
    hi: int,
    *,
    before: int | None = None,
    after: int | None = None,
    skip: tuple[int, int] | None = None,
) -> tuple[str, int, int] | None:
    """The name nearest to ``before`` (ending before it) or ``after`` (starting after it) within [lo, hi)."""
    best: tuple[int, int, tuple[str, int, int]] | None = None
    for s, e, kind, name in mentions:
        if s < lo or e > hi or kind not in _NAME_KINDS or (skip is not None and (s, e) == skip):
            continue
        if before is not None and e <= before:
            dist = before - e
        elif after is not None and s >= after:
            dist = s - after
        else:
            continue
        rank = (_NAME_KINDS.index(kind) // 3, dist)  # person/organisation/group before place, then distance
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], (name, s, e))
    return best[2] if best else None


def _ud_roles(parsed: Any, start: int, mentions: MentionIndex, ents: EntityIndex | None = None) -> tuple[Any, Any]:
    """(actor, recipient) from a Universal Dependencies parse: the trigger's subject (or passive agent) and object."""
    tok = parsed[token_at(parsed, start)]
    if not tok.idx <= start < tok.idx + len(tok.text):
        return None, None
    ents = ents or EntityIndex(parsed)
    actor = recipient = None
    for c in tok.children:
        dep = c.dep_
        sub = list(c.subtree)
        span = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
        name = mentions.name_at(*span)
        if name is None and c.pos_ == "PROPN":  # "Emmanuel Macron": the name and its flat parts
            parts = [c] + [t for t in c.children if t.dep_.startswith("flat")]
            lo, hi = min(t.idx for t in parts), max(t.idx + len(t.text) for t in parts)
            ent = ents.at(lo)
            if ent is not None:
                lo, hi = min(lo, ent.start_char), max(hi, ent.end_char)
            name, span = parsed.text[lo:hi], (lo, hi)
        if name is None:
            continue
        if dep in {"nsubj", "obl:agent"} and actor is None:
            actor = (name, *span)
        elif dep in {"obj", "iobj", "obl:arg", "nsubj:pass"} and recipient is None:
            recipient = (name, *span)
    return actor, recipient


def extract_events_window(
    text: str,
    lang: str,
    *,
    tokens: Sequence[Token],
    triggers: LanguageTriggers,
    mentions: MentionIndex,
    places: Sequence[Item] = (),
    article_id: str = "",
    parsed: Any = None,
) -> list[Event]:
    """PLOVER events of ``text`` in ``lang`` (see the module docstring)."""
    hits = sorted(triggers.matcher.find(tokens, text), key=lambda m: (m.start, -(m.end - m.start)))
    taken_until = -1
    chosen = []
    for m in hits:
        if m.start >= taken_until:
            chosen.append(m)
            taken_until = m.end
    # "обратился за помощью", "pidió ayuda": what is asked for is not an event of its own
    chosen = [
        m
        for i, m in enumerate(chosen)
        if not (
            m.label.split("|")[0] in _ASKED
            and i > 0
            and chosen[i - 1].label.startswith("DEMAND|")
            and 0 <= m.start - chosen[i - 1].end <= 30
            and not _sentence_break(text[chosen[i - 1].end : m.start])
        )
    ]
    if not chosen:
        return []
    sents = regex_sentences(text) or [(0, len(text))]
    sent_starts = [s for s, _ in sents]
    place_spans = sorted((p.start, p.end, p.name or p.text) for p in places if isinstance(p, Place))
    place_starts = [p[0] for p in place_spans]
    use_parse = parsed is not None and len(parsed) > 0 and parsed.has_annotation("DEP")
    ents = EntityIndex(parsed) if use_parse else None
    out: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    for m in chosen:
        k = bisect_right(sent_starts, m.start) - 1  # sentences are sorted and apart: the one that holds the trigger
        lo, hi = sents[k] if k >= 0 and m.start < sents[k][1] else (0, len(text))
        etype, _, mode = m.label.partition("|")
        actor = recipient = None
        score = 0.55
        if use_parse:  # the parse decides who; no window guess beside it
            actor, recipient = _ud_roles(parsed, m.start, mentions, ents)
            score = 0.65 if actor else score
        taken = [(p[1], p[2]) for p in (actor, recipient) if p]
        in_sentence = place_spans[bisect_left(place_starts, lo) : bisect_left(place_starts, hi)]
        where = next((p for p in in_sentence if not _overlaps(p, taken)), None)
        named = mentions.starting(lo, hi + 1)  # every name that can lie inside [lo, hi)
        if where is None:
            pm = next((x for x in named if x[0] < hi and x[2] == "place" and not _overlaps(x, taken)), None)
            where = (pm[0], pm[1], pm[3]) if pm else None
        if not use_parse:
            actor = _nearest(named, lo, hi, before=m.start)
            skip = (where[0], where[1]) if where else None
            recipient = _nearest(named, lo, hi, after=m.end, skip=skip)
        key = (etype, lo)  # one event of a type per sentence: the first trigger carries it
        if key in seen:
            continue
        seen.add(key)
        marks = [m.start, m.end] + [x for part in (actor, recipient) if part for x in part[1:]]
        start, end = min(marks), max(marks)
        out.append(
            Event(
                article_id=article_id,
                start=start,
                end=end,
                text=text[start:end],
                score=score,
                component=COMPONENT,
                type=etype,
                mode=mode or None,
                actor=actor[0] if actor else None,
                actor_id=mentions.ids.get(actor[0]) if actor else None,
                recipient=recipient[0] if recipient else None,
                recipient_id=mentions.ids.get(recipient[0]) if recipient else None,
                where=where[2] if where else None,
                trigger=text[m.start : m.end],
            )
        )
    return out
