"""Events: who did what to whom, where and when, in the PLOVER ontology (``events.rules.v1``).

Rules over the shared spaCy parse with a trigger lexicon per PLOVER type (``resources/plover.yaml``):

* A trigger is a verb (``deploy``, ``ask for``, ``accuse``) or a noun (``uprising``, ``deployment``, ``offer``
  ... ``support``) of the lexicon. Types are PLOVER's (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT,
  INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN, PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT, FIGHT); the
  mode refines them (a request for help is DEMAND/request, an accusation DISAPPROVE/accuse, an arrest
  COERCE/arrest). An offer, promise or stated readiness to act is AGREE with the offered action's type as mode
  (``China's offer to support Kazakhstan`` -> AGREE/support).
* Not coded: a negated act (``did not attack``; a sanction or coercion explicitly not taken is CONCEDE/refrain),
  the act a demand, refusal, threat, criticism or inquiry speaks of (``urged X to withdraw``, ``condemned the
  attack``), a meeting or agreement put off or cut (``postponed their meeting``, ``broke off the treaty``), a noun
  inside an adjective (``war-torn``). A journey to talks (``left for X for talks``) is AGREE, a meeting to come.
* Actor: the verb's subject (or the agent of a passive, ``by X``); for a verb that depends on a noun
  (``Tokayev's decision to ask``) or for a noun trigger (``China's offer``), the possessor; for a deployment, the
  organisation or country in its ``of``/``from`` phrase.
* Recipient: the object (or the subject of a passive), or the object of ``to``/``for``/``against``/``with``; when
  the object is what is asked or given (``ask for Putin's support``), its possessor.
* Where: places under a locative preposition inside the trigger's phrase (``uprisings that started in the city of
  Zhanaozen and spread to ... Almaty`` gives one PROTEST per place), else in its sentence, else the last place
  named under a locative preposition shortly before (a heading ``... in Kazakhstan``). Places come from the
  ``places`` stage when it ran, else from the parse.
* Names are canonical when the ``entities`` stage resolved them, else the surface name.

Articles in other languages are coded by :mod:`.event_triggers` (a trigger lexicon per language over lemmas,
roles by the parse where one ships or by window rules).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from itertools import product
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Event, Item, Place
from . import nlp
from .mentions import MentionIndex, doc_mentions, np_bounds, token_at

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["COMPONENT", "Triggers", "cameo_table", "extract_events", "load_triggers", "register"]

COMPONENT = "events.rules.v1"


@dataclass(frozen=True, slots=True)
class Triggers:
    verbs: dict[str, tuple[str, str]]  # lemma -> (type, mode)
    verb_phrases: dict[tuple[str, str], tuple[str, str]]  # (lemma, next word) -> (type, mode)
    nouns: dict[str, tuple[str, str]]
    abstract_objects: frozenset[str]
    place_preps: frozenset[str]
    actor_nouns: frozenset[str]
    noun_prefixes: dict[str, tuple[str, ...]]  # last word of a multiword noun trigger -> words before it
    intent_heads: frozenset[str] = frozenset()
    keep_announced: bool = True


def _data() -> dict[str, Any]:
    text = ilr.files("newsprism.enrich").joinpath("resources/plover.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_triggers(resources: Resources | None = None) -> Triggers:
    def build(_: Any = None) -> Triggers:
        data = _data()
        verbs: dict[str, tuple[str, str]] = {}
        phrases: dict[tuple[str, str], tuple[str, str]] = {}
        nouns: dict[str, tuple[str, str]] = {}
        prefixes: dict[str, tuple[str, ...]] = {}
        for etype, spec in data["types"].items():
            for key, mode in (spec.get("verbs") or {}).items():
                words = str(key).split()
                if len(words) == 1:
                    verbs.setdefault(words[0], (etype, mode or ""))
                else:
                    phrases.setdefault((words[0], words[1]), (etype, mode or ""))
            for key, mode in (spec.get("nouns") or {}).items():
                words = str(key).split()
                nouns.setdefault(words[-1], (etype, mode or ""))
                if len(words) > 1:
                    prefixes[words[-1]] = tuple(words[:-1])
        return Triggers(
            verbs,
            phrases,
            nouns,
            frozenset(data["abstract_objects"]),
            frozenset(data["place_preps"]),
            frozenset(data.get("actor_nouns", [])),
            prefixes,
            frozenset(data.get("intent_heads", [])),
            bool(data.get("keep_announced", True)),
        )

    return resources.get("events.triggers", build) if resources is not None else build()


def cameo_table(resources: Resources | None = None) -> dict[str, str]:
    """CAMEO code prefix -> PLOVER type (``cameo:`` in ``resources/plover.yaml``)."""

    def build(_: Any = None) -> dict[str, str]:
        return {str(k): str(v) for k, v in (_data().get("cameo") or {}).items()}

    return resources.get("events.cameo", build) if resources is not None else build()


class _Places:
    """Place mentions: from the ``places`` stage, else GPE/LOC/FAC entities of the parse."""

    def __init__(self, parsed: Any, places: Sequence[Item]) -> None:
        self.spans: list[tuple[int, int, str]] = []
        for p in places:
            if isinstance(p, Place):
                self.spans.append((p.start, p.end, p.name or p.text))
        if not self.spans:
            for ent in parsed.ents:
                if ent.label_ in {"GPE", "LOC", "FAC"}:
                    self.spans.append((ent.start_char, ent.end_char, re.sub(r"^the\s+|[’']s$", "", ent.text)))
        self.spans.sort()
        self.starts = [p[0] for p in self.spans]
        self.longest = max((p[1] - p[0] for p in self.spans), default=0)

    def in_tokens(self, toks: Sequence[Any]) -> list[tuple[int, int, str]]:
        """The places in which one of ``toks`` starts, in order."""
        if not toks:
            return []
        idx = sorted({t.idx for t in toks})
        lo, hi = bisect_left(self.starts, idx[0] - self.longest), bisect_right(self.starts, idx[-1])
        out = []
        for p in self.spans[lo:hi]:
            k = bisect_left(idx, p[0])  # the first token at or after the place's start
            if k < len(idx) and idx[k] < p[1]:
                out.append(p)
        return out


def _is_locative(parsed: Any, start: int, preps: frozenset[str], text: str) -> bool:
    """The place at ``start`` is under a locative preposition (``in Kazakhstan``, ``to the city of Almaty``)."""
    m = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(0, start - 20) : start])
    if m and m.group(1).lower() in preps:
        return True
    tok = parsed[token_at(parsed, start)]
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return False
        if cur.dep_ in {"compound", "amod", "poss", "nmod"}:
            return False
        cur = cur.head
        if cur.pos_ == "ADP" and cur.lower_ in preps:
            return True
        if cur.pos_ not in {"ADP", "NOUN", "PROPN"}:
            return False
    return False


def _known_verb(lemma: str, trig: Triggers) -> bool:
    return lemma in trig.verbs or any(k[0] == lemma for k in trig.verb_phrases)


def _verb_stem(word: str, trig: Triggers) -> str | None:
    """A lexicon verb that ``word`` inflects by a regular English suffix, or None."""
    for suffix, repl in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", ""), ("es", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if _known_verb(stem, trig):
                return stem
    return None


def _trigger(tok: Any, trig: Triggers) -> tuple[str, str, str] | None:
    """(type, mode, trigger text) when ``tok`` is a trigger."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and not _known_verb(lemma, trig):
        lemma = _verb_stem(tok.lower_, trig) or lemma  # the tagger's lemma is off ("cordoned" -> "cordone")
    if tok.pos_ in {"VERB"}:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and (lemma, nxt.lower_) in trig.verb_phrases:
            t, m = trig.verb_phrases[(lemma, nxt.lower_)]
            return t, m, f"{tok.text} {nxt.text}"
        for child in tok.children:  # "send 2,500 troops" -> MOBILIZE; "celebrated Eid in X with Y" -> CONSULT
            if child.dep_ in {"dobj", "prep", "prt"} and (lemma, child.lower_) in trig.verb_phrases:
                t, m = trig.verb_phrases[(lemma, child.lower_)]
                return t, m, tok.text
        if lemma in trig.verbs and lemma != "send":
            t, m = trig.verbs[lemma]
            return t, m, str(tok.text)
    if tok.pos_ in {"NOUN", "PROPN"} and (tok.lower_ in trig.nouns or lemma in trig.nouns) and tok.is_lower:
        if tok.ent_type_ in {"ORG", "WORK_OF_ART", "EVENT", "LAW", "DATE"}:
            return None  # part of a name: "Collective Security Treaty Organisation", "War on Terror"
        key = tok.lower_ if tok.lower_ in trig.nouns else lemma
        before = trig.noun_prefixes.get(key)
        if before:
            words = [t.lower_ for t in tok.doc[max(0, tok.i - len(before)) : tok.i]]
            if tuple(words) != before:
                return None
        t, m = trig.nouns[key]
        return t, m, str(tok.text)
    return None


def _is_intent(tok: Any, trig: Triggers) -> bool:
    """``offered to send``, ``China's offer to support``, ``is willing to withdraw``, ``said it will release``."""
    if tok.pos_ != "VERB":
        return False
    head = tok.head
    if tok.dep_ in {"xcomp", "acl", "ccomp", "advcl"} and head is not tok and head.lemma_.lower() in trig.intent_heads:
        return True
    future = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "shall"} for c in tok.children)
    return future and tok.dep_ == "ccomp" and head.lemma_.lower() in {"say", "announce", "declare", "state", "tell"}


def _future(tok: Any) -> bool:
    """A verb in the future (``will meet``, ``is to meet``)."""
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in tok.children)


_NEG_DETS = frozenset({"neither", "no", "nor"})


def _negated(tok: Any) -> bool:
    """The verb is negated: ``did not attack``, ``never met``, ``will not wire tap`` (the negation on the verb it
    completes), ``neither X nor Y boycotted`` (a negated subject)."""
    if tok.pos_ != "VERB":
        return False
    verbs = [tok] + ([tok.head] if tok.dep_ in {"xcomp", "conj"} and tok.head.pos_ in {"VERB", "AUX"} else [])
    if any(c.dep_ == "neg" for v in verbs for c in v.children):
        return True
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and any(
            g.dep_ in {"det", "preconj"} and g.lower_ in _NEG_DETS for g in c.children
        ):
            return True
    return False


def _governor(tok: Any) -> Any:
    """The word whose event ``tok`` is the content of: the verb a clause or an infinitive completes (``refused to
    meet``, ``threatened to impose``), the verb or noun of which ``tok`` is the object (``condemned the attack``,
    ``accused X of shelling``, ``calls for a ceasefire``, ``refusal to talk``), or None."""
    if tok.dep_ in {"xcomp", "ccomp", "acl"} and tok.head is not tok:
        return tok.head
    if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB":
        return tok.head
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.pos_ == "ADP" and tok.head.lower_ in _CONTENT_PREPS:
        return tok.head.head if tok.head.head is not tok.head else None
    return None


# a preposition whose object is what a framing event is about ("accused of", "calls for", "warned about")
_CONTENT_PREPS = frozenset({"of", "for", "about", "over", "against"})
# events that speak about another act without it taking place: the act they frame is not coded beside them
_FRAMING = frozenset({"DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "INVESTIGATE"})
# verbs that put an act off or call it off: the meeting or agreement they govern did not (yet) take place
_UNREALISED = frozenset({"postpone", "delay", "defer", "cancel", "scrap", "adjourn", "suspend", "abandon"})
# travel toward a meeting: PLOVER codes the meeting to come as AGREE (an intention to meet)
_TRAVEL = frozenset({"leave", "depart", "head", "travel", "fly", "set", "go", "come", "arrive", "return"})


def _framed(tok: Any, etype: str, trig: Triggers) -> bool:
    """``tok``'s event is only the content of another: a demand, refusal, threat, criticism or inquiry
    (``urged X to withdraw``, ``refused to meet``, ``condemned the attack``), or a meeting or agreement that was
    put off or cut (``postponed their meeting``, ``suspended talks``)."""
    gov = _governor(tok)
    for _ in range(3):  # through verbs that are no event: "threatened to impose sanctions"
        if gov is None:
            return False
        if etype in {"CONSULT", "AGREE"} and gov.lemma_.lower() in _UNREALISED:
            return True
        hit = _trigger(gov, trig)
        if hit is not None:
            if hit[0] == "SANCTION" and etype in {"CONSULT", "AGREE", "COOPERATE"}:
                return True  # "suspended talks", "broke off the treaty": the ties are what is cut
            return hit[0] in _FRAMING and hit[0] != etype
        gov = _governor(gov) if gov.pos_ == "VERB" else None
    return False


# nouns whose infinitive names something possible, not an act ("a place to visit", "no reason to attack")
_POSSIBLE = frozenset({"place", "time", "way", "reason", "chance", "opportunity", "thing", "right", "need", "nothing"})


def _modifier(tok: Any) -> bool:
    """A trigger that only qualifies another word: a noun inside an adjective (``war-torn``, ``riot-hit``) or an
    infinitive of possibility (``a place to visit``)."""
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "npadvmod" and tok.head.dep_ == "amod":
        return True
    return (
        tok.pos_ == "VERB"
        and tok.dep_ in {"acl", "relcl"}
        and tok.head.lemma_.lower() in _POSSIBLE
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _travel_to_meet(tok: Any) -> bool:
    """A meeting noun that is the purpose of a journey: ``left for X for meetings with Y``."""
    prep = tok.head
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in _TRAVEL
    )


def _prominent(tok: Any) -> bool:
    """The trigger is the sentence's main event: its root verb, a verb right under it, or a noun that is the root
    verb's subject or object."""
    head = tok.head
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ == "VERB" and tok.dep_ in {"xcomp", "ccomp", "conj"} and head.dep_ == "ROOT":
        return True
    return tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nsubj", "dobj", "nsubjpass"} and head.dep_ == "ROOT"


def _entity_in(
    tok: Any,
    mentions: MentionIndex,
    text: str,
    actor_nouns: frozenset[str],
    *,
    kinds: Sequence[str] = ("person", "organisation", "place", "group"),
) -> tuple[str, int, int] | None:
    """The best name in the phrase headed by ``tok``: a named mention of the head, else any named mention in its
    subtree, else the phrase itself."""
    if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
        return None  # "on Wednesday" is when, not who
    s, e = np_bounds(tok)
    name = mentions.name_at(s, e, prefer=kinds)
    if name:
        return name, s, e
    if tok.pos_ == "PROPN":  # a name the entity tagger missed
        return re.sub(r"^(?:the|The)\s+|[’']s$", "", text[s:e]), s, e
    sub = list(tok.subtree)
    ss, ee = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    hits = [m for m in mentions.in_span(ss, ee) if m[2] in kinds]
    if hits:
        order = {k: i for i, k in enumerate(kinds)}
        m = min(hits, key=lambda x: (order.get(x[2], 9), x[0]))
        return mentions.full(m[3], m[2]), m[0], m[1]
    if tok.pos_ in {"PRON", "DET"} or not (tok.lemma_.lower() in actor_nouns or tok.lower_ in actor_nouns):
        return None
    return re.sub(r"^(?:the|The)\s+", "", text[s:e]), s, e


def _actor(tok: Any, etype: str, trig: Triggers, mentions: MentionIndex, text: str) -> tuple[str, int, int] | None:
    if tok.pos_ == "VERB":
        cur = tok
        for _ in range(4):
            for c in cur.children:
                if c.dep_ == "nsubj":
                    return _entity_in(c, mentions, text, trig.actor_nouns)
                if c.dep_ == "agent":
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        return _entity_in(obj, mentions, text, trig.actor_nouns)
            if cur.dep_ == "pcomp" and cur.head.lower_ in {"by", "after", "while"}:
                subj = next((t for t in tok.sent if t.i > tok.i and t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
                return _entity_in(subj, mentions, text, trig.actor_nouns) if subj is not None else None
            if cur.dep_ in {"xcomp", "acl", "advcl", "conj", "relcl", "ccomp"} and cur.head is not cur:
                head = cur.head
                if head.pos_ in {"NOUN", "PROPN"}:
                    poss = next((c for c in head.children if c.dep_ == "poss"), None)
                    if poss is not None:
                        return _entity_in(poss, mentions, text, trig.actor_nouns)
                    if cur.dep_ == "relcl":
                        return None
                cur = head
                continue
            break
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return _entity_in(poss, mentions, text, trig.actor_nouns)
    if etype == "MOBILIZE":  # "deployment of Russia-led peacekeepers from the CSTO"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "by"}:
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return _entity_in(
                        obj, mentions, text, trig.actor_nouns, kinds=("organisation", "place", "group", "person")
                    )
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return _entity_in(obj, mentions, text, trig.actor_nouns)
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":  # "Judge Rivera opened investigations": the verb's subject
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return _entity_in(subj, mentions, text, trig.actor_nouns)
    return None


def _recipient(tok: Any, trig: Triggers, mentions: MentionIndex, text: str) -> tuple[str, int, int] | None:
    """Who the action is directed at: a named object first (the object, the subject of a passive, the object of
    ``to``/``against``/``into`` ..., the subject of a ``that`` clause as in ``demanded that the US cancel``), else a
    group noun."""
    cands: list[Any] = []
    for c in tok.children:
        # the object, or the subject of a passive verb ("Keldan was criticised by Norvia": Keldan)
        if c.dep_ in {"dobj", "dative", "attr"} or (c.dep_ == "nsubjpass" and tok.pos_ == "VERB"):
            cands.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"to", "for", "against", "with", "on", "from", "into", "between"}:
            cands.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in {"xcomp", "acl"} and tok.pos_ in {"NOUN", "PROPN"}:  # "offer to support Kazakhstan"
            cands.extend(g for g in c.children if g.dep_ == "dobj")
        elif c.dep_ == "ccomp":  # "demanded that the United States match ..."
            cands.extend(g for g in c.children if g.dep_ == "nsubj")
    found: list[tuple[str, int, int]] = []
    for c in cands:
        if c.lemma_.lower() in trig.abstract_objects:
            poss = next((g for g in c.children if g.dep_ == "poss"), None)
            if poss is not None:
                return _entity_in(poss, mentions, text, trig.actor_nouns)
            continue
        if c.pos_ in {"PRON"}:
            continue
        hit = _entity_in(c, mentions, text, trig.actor_nouns)
        if hit is None:
            continue
        if c.pos_ == "PROPN" or mentions.in_span(hit[1], hit[2]):
            return hit  # a name
        found.append(hit)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class _Sentence:
    start_char: int
    end_char: int
    tokens: tuple[Any, ...]

    def __iter__(self) -> Any:
        return iter(self.tokens)


def _clause_sentence(text: str, tok: Any) -> _Sentence:
    """The parse's sentence of ``tok`` cut to its paragraph (a heading without a full stop is not its sentence)."""
    sent = tok.sent
    lo = max(sent.start_char, text.rfind("\n", 0, tok.idx) + 1)
    hi_nl = text.find("\n", tok.idx)
    hi = sent.end_char if hi_nl < 0 else min(sent.end_char, hi_nl)
    toks = tuple(t for t in sent if lo <= t.idx < hi)
    return _Sentence(lo, hi, toks)


_PLACE_NOUNS = {"city", "town", "capital", "village", "region", "province", "district", "oblast", "port", "area"}


def _places_in(
    toks: Sequence[Any], where_index: _Places, parsed: Any, trig: Triggers, text: str
) -> list[tuple[int, int, str]]:
    """Places among ``toks`` under a locative preposition; proper nouns after ``the city of`` or ``in`` count too
    when no gazetteer or entity tagger named them."""
    found = [p for p in where_index.in_tokens(toks) if _is_locative(parsed, p[0], trig.place_preps, text)]
    taken = {i for p in found for i in range(p[0], p[1])}
    for t in toks:
        if t.pos_ != "PROPN" or t.dep_ != "pobj" or t.idx in taken:
            continue
        prep = t.head
        named = prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS  # "the city of Zhanaozen"
        if named or (prep.lower_ in trig.place_preps and t.ent_type_ not in {"PERSON", "ORG", "NORP", "DATE"}):
            left = min((c.i for c in t.children if c.dep_ == "compound"), default=t.i)
            start = parsed[left].idx
            found.append((start, t.idx + len(t.text), text_of(parsed, left, t.i)))
    found.sort()
    return found


def text_of(parsed: Any, i: int, j: int) -> str:
    return str(parsed[i : j + 1].text)


def extract_events(
    text: str,
    *,
    parsed: Any,
    entities: Sequence[Item] = (),
    places: Sequence[Item] = (),
    mentions: MentionIndex | None = None,
    article_id: str = "",
    triggers: Triggers | None = None,
) -> list[Event]:
    """PLOVER events in ``text`` from its spaCy parse (see the module docstring); ``[]`` without a parse."""
    if parsed is None or len(parsed) == 0 or not parsed.has_annotation("DEP"):
        return []
    trig = triggers or load_triggers()
    if mentions is None:
        mentions = MentionIndex(text, entities=entities, parsed=parsed)
    where_index = _Places(parsed, places)
    located = [p for p in where_index.spans if _is_locative(parsed, p[0], trig.place_preps, text)]
    located_starts = [p[0] for p in located]
    ents = nlp.EntityIndex(parsed)
    out: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    for tok in parsed:
        hit = _trigger(tok, trig)
        if hit is None:
            continue
        etype, mode, trigger_text = hit
        if tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in trig.abstract_objects:
            head = tok.head.head if tok.head.pos_ == "ADP" else tok.head
            if head is not tok and _trigger(head, trig) is not None:
                continue  # "ask for Putin's support": the support is what is asked, not an event of its own
        if tok.lemma_.lower() in trig.intent_heads and any(
            c.dep_ in {"xcomp", "acl", "ccomp"} and _trigger(c, trig) is not None for c in tok.children
        ):
            continue  # "offer to support": the offered action carries the event
        if _modifier(tok):
            continue  # "war-torn", "a place to visit": the word qualifies something else, nothing happens
        if _framed(tok, etype, trig):
            continue  # "urged Russia to withdraw", "condemned the attack": the framing event is the one coded
        codings = [(etype, mode, 0.0)]
        if _negated(tok):
            if etype not in {"SANCTION", "COERCE"}:
                continue  # "did not attack" is no attack
            # a sanction or coercion explicitly not taken is coded as a yield (CAMEO 08, PLOVER CONCEDE)
            codings = [("CONCEDE", "refrain", -0.05)]
        elif _is_intent(tok, trig) or (etype == "CONSULT" and (_future(tok) or _travel_to_meet(tok))):
            # PLOVER codes an offer, a promise, a stated readiness, a meeting to come as AGREE; the announced act
            # itself is kept beside it with a lower score ("will contribute a million to X": AGREE, and AID)
            codings = [("AGREE", etype.lower(), 0.0)] + ([(etype, mode, -0.15)] if trig.keep_announced else [])
        actor = _actor(tok, etype, trig, mentions, text)
        recipient = _recipient(tok, trig, mentions, text)
        sent = _clause_sentence(text, tok)
        sub = [t for t in tok.subtree if sent.start_char <= t.idx < sent.end_char]
        here = _places_in(sub, where_index, parsed, trig, text)
        if etype == "PROTEST":  # "uprisings that started in Zhanaozen and soon spread to ... Almaty"
            later = [p for p in _places_in(list(sent), where_index, parsed, trig, text) if p[0] > tok.idx]
            here = sorted({*here, *later})
        if not here:
            here = _places_in(list(sent), where_index, parsed, trig, text)[:1]
        score = 0.75 if _prominent(tok) else 0.6
        if not here:
            lo = bisect_left(located_starts, sent.start_char - 400 - where_index.longest)
            near = located[lo : bisect_right(located_starts, sent.start_char)]
            before = [p for p in near if p[1] <= sent.start_char and sent.start_char - p[1] < 400]
            here = before[-1:]
            score -= 0.1
        if etype != "PROTEST":
            here = here[:1]
        in_sent = ents.starting(sent.start_char, sent.end_char) if sent.tokens else []
        when = next((e.text for e in in_sent if e.label_ == "DATE"), None)
        spots: list[tuple[int, int, str] | None] = list(here) if here else [None]
        for (etype, mode, delta), place in product(codings, spots):
            key = (
                etype,
                actor[0] if actor else None,
                recipient[0] if recipient else None,
                place[2] if place else None,
                sent.start_char,
            )
            if key in seen:
                continue
            seen.add(key)
            marks = [tok.idx, tok.idx + len(tok.text)]
            for part in (actor, recipient):
                if part is not None and sent.start_char <= part[1] < sent.end_char:
                    marks += [part[1], part[2]]
            if place is not None and sent.start_char <= place[0] < sent.end_char:
                marks += [place[0], place[1]]
            start, end = min(marks), max(marks)
            out.append(
                Event(
                    article_id=article_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    score=round(score + delta, 4),
                    component=COMPONENT,
                    type=etype,
                    mode=mode or None,
                    actor=actor[0] if actor else None,
                    actor_id=mentions.ids.get(actor[0]) if actor else None,
                    recipient=recipient[0] if recipient else None,
                    recipient_id=mentions.ids.get(recipient[0]) if recipient else None,
                    where=place[2] if place else None,
                    when=when,
                    trigger=trigger_text,
                )
            )
    return out


class EventStage:
    """The ``events.rules.v1`` stage."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: Sequence[Doc]) -> None:
        nlp.prepare_parses(docs)

    def __call__(self, doc: Doc) -> list[Item]:
        lang = (doc.article.language or "en").lower()
        if lang != "en":
            return list(self._other_language(doc, lang))
        events = extract_events(
            doc.article.body,
            parsed=nlp.parse(doc),
            entities=doc.items("entities"),
            mentions=doc_mentions(doc),
            places=doc.items("places"),
            article_id=doc.article.id,
            triggers=load_triggers(self.resources),
        )
        return list(events)

    def _other_language(self, doc: Doc, lang: str) -> list[Event]:
        """Per-language triggers over lemmas; roles by the parse where one ships, else window rules."""
        from .event_triggers import extract_events_window, load_language_triggers
        from .lemmas import doc_tokens

        triggers = load_language_triggers(lang, self.resources)
        if triggers is None:
            return []
        return extract_events_window(
            doc.article.body,
            lang,
            tokens=doc_tokens(doc),
            triggers=triggers,
            mentions=doc_mentions(doc),
            places=doc.items("places"),
            article_id=doc.article.id,
            parsed=nlp.parse(doc),
        )


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        requires=("entities?", "places?", "parse"),
        produces=("events",),
        order=64,
        description="PLOVER events (who did what to whom, where) from trigger words over the spaCy parse",
    )(EventStage)
