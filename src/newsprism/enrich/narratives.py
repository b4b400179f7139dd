"""Narrative (issue-specific) frames: who calls what "terrorism", "colour revolution", "peacekeeping" ...

Frames are data: one YAML file per frame in ``resources/frames/`` plus the user's ``<data_dir>/frames/*.yaml``
(same-named user files replace shipped ones; see ``resources/frames/README.md``). For every cue of a frame found in
an article the detector decides

* **who holds the frame** — the speaker of the quote the cue sits in (``doc.items("quotes")``); else the subject of
  the nearest attributing verb of the sentence ("The Kremlin and Tokayev have accused 'terrorists'", "which Beijing
  formally identified as terrorist events", "X's framing of ... as"); else, for an agentless passive ("have been
  understood as") or a bare mention, the actor whose reaction/understanding the paragraph (or its heading) is about;
  else nobody (the author's own voice). Actors are normalised with ``resources/holders.yaml`` and the entities
  stage's canonical names when present (Beijing → China, the Kremlin → Russia, keeping the surface text ("The Kremlin")
  in ``holder_text``);
* **the stance** — ``reported`` (attributed to a holder), ``contested`` (the author disputes it: "Unlikely.", "how
  credible is it", "so-called" in the author's voice), ``mentioned`` (scare quotes or "the term ..." without a
  holder) or ``endorsed`` (the author uses it in their own voice), with ``stance_score``.

One :class:`~newsprism.model.Frame` is produced per (frame, holder) in an article; ``evidence`` lists every cue
match, ``terms`` the matched strings (the Chinese term and its romanisation both, when both appear), and
``start``/``end`` point at the sentence of the strongest mention.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources as ilr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import data_dir
from ..errors import ConfigError
from ..model import Entity, Frame, Item, Quote, Span
from .frames import (
    Cue,
    CueMatch,
    Lexicon,
    Sentence,
    cues_from_mapping,
    doc_sentences,
    load_resource_yaml,
    load_yaml,
    sentence_at,
    split_sentences,
)

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["NarrativeFrameDef", "NarrativeModel", "detect_narrative_frames", "load_frame_definitions", "register"]

COMPONENT = "frames.narrative.v1"

_QUOTE_OPEN = "‘“\"'«「『"
_QUOTE_CLOSE = "’”\"'»」』"
_CLAUSE = re.compile(
    r"[,;:(—–]|\s-\s|(?<!\w)(?:that|which|who|whom|whereas|while|but|and "
    r"then|что|который|которые|как)(?!\w)|[，；：、]",
    re.IGNORECASE,
)
_CONTEXT_NOUNS = (
    r"reaction|response|understanding|view|views|position|framing|narrative|rhetoric|perspective|attitude|approach|"
    r"reading|interpretation|account|version|line|discourse|propaganda"
)
_NEXT_SHORT = re.compile(
    r"^\W*(unlikely|hardly|nonsense|not so|doubtful|implausible|maybe not|вряд ли|едва ли|未必)\W*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class NarrativeFrameDef:
    name: str
    description: str
    threshold: float
    cues: tuple[Cue, ...]
    generic: tuple[str, ...] = ()
    path: str = ""


@dataclass(slots=True)
class NarrativeModel:
    frames: dict[str, NarrativeFrameDef]
    lexicon: Lexicon
    actors: Lexicon
    actor_kind: dict[str, str]
    attribution: Lexicon
    contest: re.Pattern[str]
    distance: re.Pattern[str]
    vague: re.Pattern[str]
    passive: re.Pattern[str]
    context: re.Pattern[str] = field(default=re.compile("(?!)"))
    according: re.Pattern[str] = field(default=re.compile("(?!)"))
    reject: re.Pattern[str] = field(default=re.compile("(?!)"))


# -- loading -------------------------------------------------------------------------------------------------------
def _frame_from(data: Any, path: str) -> NarrativeFrameDef:
    if not isinstance(data, Mapping) or not data.get("name"):
        raise ConfigError(f"{path}: a narrative frame file needs a 'name' and 'cues' (see resources/frames/README.md)")
    name = str(data["name"]).strip()
    cues = cues_from_mapping(name, data, source=path)
    if not cues:
        raise ConfigError(f"{path}: frame {name!r} has no cues")
    return NarrativeFrameDef(
        name=name,
        description=str(data.get("description", "")),
        threshold=float(data.get("threshold", 0.6)),
        cues=tuple(cues),
        generic=tuple(data.get("generic") or ()),
        path=path,
    )


def load_frame_definitions(*, user_dir: Path | None = None) -> dict[str, NarrativeFrameDef]:
    """Shipped frame definitions, then the user's (``<data_dir>/frames/*.yaml``), which replace same-named ones."""
    out: dict[str, NarrativeFrameDef] = {}
    shipped = ilr.files("newsprism.enrich").joinpath("resources", "frames")
    for entry in sorted(shipped.iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".yml")):
            path = Path(str(entry))
            d = _frame_from(load_yaml(path), f"resources/frames/{entry.name}")
            out[d.name] = d
    folder = user_dir if user_dir is not None else data_dir() / "frames"
    if folder.is_dir():
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            d = _frame_from(load_yaml(path), str(path))
            out[d.name] = d
    return out


def _alternation(terms: Iterable[str]) -> re.Pattern[str]:
    from .frames import term_pattern

    pats = sorted({term_pattern(t) for t in terms}, key=len, reverse=True)
    return re.compile("|".join(pats) if pats else "(?!)", re.IGNORECASE)


def _all_langs(section: Any) -> list[str]:
    if isinstance(section, Mapping):
        return [str(t) for terms in section.values() for t in terms or []]
    return [str(t) for t in section or []]


def load_narrative_model(resources: Resources | None = None, *, user_dir: Path | None = None) -> NarrativeModel:
    frames = load_frame_definitions(user_dir=user_dir)
    lexicon = Lexicon(c for d in frames.values() for c in d.cues)
    voice = load_resource_yaml("holders.yaml")
    actor_cues: list[Cue] = []
    kinds: dict[str, str] = {}
    for canonical, spec in (voice.get("actors") or {}).items():
        kinds[canonical] = str(spec.get("kind", "other"))
        for alias in spec.get("aliases") or []:
            actor_cues.append(Cue(str(alias), 1.0, "any", str(canonical), "holders.yaml"))
    attribution = Lexicon(
        Cue(t, 1.0, "any", "attr", "holders.yaml")
        for t in _all_langs(voice.get("attribution")) + _all_langs(voice.get("reject"))
    )
    context = re.compile(
        rf"(?P<poss>(?<![\w\-])[^\W\d][\w\-]*(?:\s+[^\W\d][\w\-]*){{0,2}})['’]s\s+(?:\w+\s+)?(?:{_CONTEXT_NOUNS})(?!\w)"
        rf"|(?<!\w)(?:{_CONTEXT_NOUNS})\s+(?:of|by|from|in)\s+(?P<obj>[\w\- ]{{1,40}})",
        re.IGNORECASE,
    )
    return NarrativeModel(
        frames=frames,
        lexicon=lexicon,
        actors=Lexicon(actor_cues),
        actor_kind=kinds,
        attribution=attribution,
        contest=_alternation(_all_langs(voice.get("contest"))),
        distance=_alternation(_all_langs(voice.get("distance"))),
        vague=_alternation(_all_langs(voice.get("vague"))),
        passive=re.compile(
            r"(?:"
            + "|".join(re.escape(p) for p in sorted(voice.get("passive") or [], key=len, reverse=True))
            + r")\s+(?:\w+ly\s+)?$",
            re.IGNORECASE,
        ),
        context=context,
        according=_alternation(_all_langs(voice.get("according"))),
        reject=_alternation(_all_langs(voice.get("reject"))),
    )


# -- holders -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Holder:
    names: tuple[str, ...]  # canonical
    text: str  # as written
    how: str  # quote | subject | possessive | passive-context | context | vague
    score: float
    rejects: bool = False  # the holder rejects the frame ("Washington dismissed claims of a colour revolution")


def _actors_in(
    model: NarrativeModel, text: str, entities: Sequence[tuple[str, str]] = ()
) -> list[tuple[int, str, str]]:
    """(offset, canonical, surface) of actors named in ``text``: gazetteer first, then the entities stage's names."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(model.actors.matches(text), key=lambda m: (m.start, -(m.end - m.start))):
        if any(s < m.end and m.start < e for s, e in taken):
            continue
        taken.append((m.start, m.end))
        found.append((m.start, m.cue.label, m.text))
    for surface, canonical in entities:
        for em in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(s < em.end() and em.start() < e for s, e in taken):
                taken.append((em.start(), em.end()))
                found.append((em.start(), canonical, surface))
    found.sort()
    names: list[tuple[int, str, str]] = []
    for off, canon, surf in found:
        if canon not in [n for _, n, _ in names]:
            names.append((off, canon, surf))
    return names


_NOUNS = {"framing", "narrative", "rhetoric", "laying the blame", "use of the term"}
_CONNECTOR = re.compile(r"^(?:\s|,|&|and|the|и|та|және|和|与|及|、)*$", re.IGNORECASE)


def _subject_run(seg: str, actors: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The actors that end the subject phrase: the last one and those joined to it by "and" or commas."""
    if not actors:
        return actors
    run = [actors[-1]]
    for prev in reversed(actors[:-1]):
        gap = seg[prev[0] + len(prev[2]) : run[0][0]]
        if not _CONNECTOR.match(gap):
            break
        run.insert(0, prev)
    return run


def _holder_from(actors: list[tuple[int, str, str]], how: str, score: float) -> Holder | None:
    if not actors:
        return None
    return Holder(tuple(a[1] for a in actors), " and ".join(a[2] for a in actors), how, score)


def _until_clause(text: str) -> str:
    m = _CLAUSE.search(text)
    return text[: m.start()] if m else text


def _clause_start(text: str, end: int) -> int:
    start = 0
    for m in _CLAUSE.finditer(text, 0, end):
        if m.end() <= end:
            start = m.end()
    return start


def _sentence_holder(
    model: NarrativeModel, sent: str, cue_start: int, cue_end: int, entities: Sequence[tuple[str, str]]
) -> Holder | None:
    """The holder named by an attributing clause of the sentence around the cue (offsets relative to ``sent``)."""
    verbs = sorted(model.attribution.matches(sent), key=lambda m: m.start)
    # possessive right before the cue: "China's protest-terrorism nexus", "Tokayev's laying the blame on"
    before = sent[max(0, cue_start - 60) : cue_start]
    pm = re.search(r"([\w\- ]{1,40}?)['’]s\s+(?:[\w\-]+\s+){0,2}$", before)
    after = sent[cue_end : cue_end + 30]
    if pm and re.match(
        r"^[\w\-]*\s*(?:nexus|narrative|rhetoric|framing|label|labels|claims?|discourse|propaganda)",
        after,
        re.IGNORECASE,
    ):
        h = _holder_from(_actors_in(model, pm.group(1), entities), "possessive", 0.8)
        if h:
            return h
    # "According to the Kremlin, ...", "По словам Путина, ...", "据新华社报道，...": the actor after the phrase
    for pm2 in model.according.finditer(sent, 0, cue_start):
        h = _holder_from(_actors_in(model, _until_clause(sent[pm2.end() : cue_start]), entities), "subject", 0.85)
        if h:
            return h
    for v in reversed([v for v in verbs if v.start < cue_start]):
        prefix = sent[: v.start]
        participle = v.text.casefold().endswith(("ed", "en", "ood", "aid", "old"))
        if participle and model.passive.search(prefix):  # agentless passive unless "by X" follows
            by = re.search(r"\bby\s+([\w\- ]{1,40})", sent[v.end :])
            if by:
                h = _holder_from(_actors_in(model, by.group(1), entities), "subject", 0.8)
                if h:
                    return h
            return Holder((), "", "passive", 0.0)
        seg = sent[_clause_start(sent, v.start) : v.start]
        actors = _actors_in(model, seg, entities)
        if v.text.casefold() not in _NOUNS:
            actors = _subject_run(seg, actors)
        h = _holder_from(actors, "subject", 0.85)
        if h:
            if model.reject.fullmatch(v.text) or model.reject.search(seg):
                return Holder(h.names, h.text, h.how, h.score, rejects=True)
            return h
        # "X's framing of protesters as terrorists": the possessor of an attributing noun
        if v.text.casefold() in _NOUNS:
            h = _holder_from(_actors_in(model, sent[max(0, v.start - 60) : v.start], entities), "subject", 0.8)
            if h:
                return h
        vague = model.vague.search(seg)
        if vague and len(seg.split()) <= 4:
            return Holder((), vague.group().strip(), "vague", 0.6)
    # "... , as China has habitually interpreted ... through this prism": a verb after the cue with its subject
    for v in [v for v in verbs if v.start >= cue_end][:2]:
        seg = sent[_clause_start(sent, v.start) : v.start]
        h = _holder_from(_actors_in(model, seg, entities), "subject", 0.75)
        if h:
            return h
    # "an established practice in China"
    pr = re.search(
        r"(?:practice|tradition|habit|discourse|rhetoric|narrative)\s+(?:in|of)\s+([\w\- ]{1,30})", sent, re.IGNORECASE
    )
    if pr:
        h = _holder_from(_actors_in(model, pr.group(1), entities), "context", 0.7)
        if h:
            return h
    return None


def _context_holder(
    model: NarrativeModel, body: str, sents: list[Sentence], si: int, entities: Sequence[tuple[str, str]]
) -> Holder | None:
    """The actor whose reaction/understanding the paragraph (or its heading) is about, nearest first."""
    para = sents[si].paragraph
    same = [s for s in sents[:si] if s.paragraph == para]
    candidates = same[:1]  # the paragraph's topic sentence first
    # then the heading: the nearest earlier paragraph that is one short sentence without final punctuation
    for s in reversed(sents[:si]):
        if s.paragraph < para:
            text = body[s.start : s.end].strip()
            if len(text) < 120 and not text.endswith((".", "!", "?", "。")):
                candidates.append(s)
            break
    candidates += list(reversed(same[1:]))
    for s in candidates:
        text = body[s.start : s.end]
        for m in model.context.finditer(text):
            seg = m.group("poss") or m.group("obj") or ""
            h = _holder_from(_actors_in(model, seg, entities), "paragraph", 0.65)
            if h:
                return h
    return None


# -- stance --------------------------------------------------------------------------------------------------------
def _quoted(body: str, start: int, end: int) -> bool:
    """The term is wrapped in quotation marks (scare quotes)."""
    before = body[max(0, start - 1) : start]
    after = body[end : end + 1]
    return bool(before) and before in _QUOTE_OPEN and bool(after) and after in _QUOTE_CLOSE


def _stance(
    model: NarrativeModel, body: str, sents: list[Sentence], si: int, m: CueMatch, holder: Holder | None, in_quote: bool
) -> tuple[str, float]:
    s = sents[si]
    sent = body[s.start : s.end]
    rel = m.start - s.start
    nxt = body[sents[si + 1].start : sents[si + 1].end] if si + 1 < len(sents) else ""
    window = sent[max(0, rel - 80) : rel + (m.end - m.start) + 40]
    prev = body[sents[si - 1].start : sents[si - 1].end] if si > 0 else ""
    contested = bool(model.contest.search(window)) or bool(_NEXT_SHORT.match(nxt)) or bool(_NEXT_SHORT.match(prev))
    if in_quote and holder and holder.how == "quote":
        contested = bool(_NEXT_SHORT.match(nxt))  # "so-called" inside the speaker's own words is theirs
    if contested and holder and holder.how == "subject" and not _NEXT_SHORT.match(nxt):
        # the doubt may be the holder's own ("President Putin ... 'so-called colour revolution'"): only if unquoted
        contested = not in_quote and bool(model.contest.search(sent[:rel]))
    if contested:
        return "contested", 0.75
    if holder and holder.rejects:
        return "contested", holder.score
    if holder and (holder.names or holder.how == "vague"):
        return "reported", holder.score
    if holder and holder.how == "passive":
        return "reported", 0.55
    if model.distance.search(sent[max(0, rel - 30) : rel]) or _quoted(body, m.start, m.end):
        return "mentioned", 0.6
    return "endorsed", 0.6


# -- detection -----------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Mention:
    match: CueMatch
    sentence: int
    holder: Holder | None
    stance: str
    stance_score: float


def _entity_names(items: Iterable[Item]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for it in items:
        if isinstance(it, Entity) and it.type in {"person", "organisation", "place"} and len(it.text) > 2:
            out.append((it.text, it.canonical or it.text))
    return sorted(set(out), key=lambda p: -len(p[0]))


def detect_narrative_frames(
    article_id: str,
    body: str,
    *,
    model: NarrativeModel,
    sentences: list[Sentence] | None = None,
    quotes: Sequence[Item] = (),
    entities: Sequence[Item] = (),
) -> list[Frame]:
    """Narrative frames of one text, one record per (frame, holder), with stance and evidence."""
    sents = sentences if sentences is not None else split_sentences(body)
    if not sents:
        return []
    ents = _entity_names(entities)
    entity_ids = {e.canonical or e.text: e.entity_id for e in entities if isinstance(e, Entity) and e.entity_id}
    quote_spans = [(q.start, q.end, q.speaker) for q in quotes if isinstance(q, Quote)]
    mentions: dict[str, list[_Mention]] = {}
    for m in model.lexicon.matches(body):
        si = sentence_at(sents, m.start)
        s = sents[si]
        holder: Holder | None = None
        in_quote = False
        for qs, qe, speaker in quote_spans:
            if qs <= m.start < qe:
                in_quote = True
                if speaker:
                    actors = _actors_in(model, speaker, ents)
                    names = tuple(a[1] for a in actors) or (speaker,)
                    holder = Holder(names, speaker, "quote", 0.9)
                break
        sent = body[s.start : s.end]
        if not in_quote:
            in_quote = _inside_quotes(sent, m.start - s.start)
        if holder is None:
            holder = _sentence_holder(model, sent, m.start - s.start, m.end - s.start, ents)
        if holder is None or holder.how == "passive" or (holder.how == "context" and not holder.names):
            ctx = _context_holder(model, body, sents, si, ents)
            if ctx is not None:
                holder = Holder(ctx.names, ctx.text, "passive-context" if holder else "paragraph", ctx.score)
            elif holder is not None and holder.how == "passive":
                holder = None
        if holder is not None and holder.how == "paragraph" and not _mentions_usage(model, sent):
            # a paragraph about X's reaction, but the sentence itself does not speak of framing: author's voice
            holder = None
        stance, stance_score = _stance(model, body, sents, si, m, holder, in_quote)
        mentions.setdefault(m.cue.label, []).append(_Mention(m, si, holder, stance, stance_score))
    frames: list[Frame] = []
    for name, ms in mentions.items():
        fdef = model.frames[name]
        mass = _mass(ms)
        if mass < fdef.threshold:
            continue
        groups: dict[tuple[str, ...], list[_Mention]] = {}
        for mn in ms:
            key = mn.holder.names if mn.holder and mn.holder.names else ()
            groups.setdefault(key, []).append(mn)
        for key, group in groups.items():
            rec = _record(article_id, body, sents, name, key, group, mass)
            ids = [entity_ids[h] for h in key if h in entity_ids]
            rec.holder_id = "; ".join(i for i in ids if i) or None
            frames.append(rec)
    frames.sort(key=lambda f: (f.start, f.frame))
    return frames


def _mentions_usage(model: NarrativeModel, sent: str) -> bool:
    return bool(model.distance.search(sent)) or any(True for _ in model.attribution.matches(sent))


def _inside_quotes(sent: str, offset: int) -> bool:
    """Whether ``offset`` lies between an opening and a closing quotation mark of the sentence."""
    depth = 0
    for ch in sent[:offset]:
        if ch in "‘“«「『":
            depth += 1
        elif (ch in "’”»」』" and depth > 0 and ch != "’") or (ch == "’" and depth > 0):
            depth -= 1
    return depth > 0


def _mass(ms: list[_Mention]) -> float:
    seen: dict[str, int] = {}
    total = 0.0
    for mn in ms:
        k = mn.match.text.casefold()
        seen[k] = seen.get(k, 0) + 1
        if seen[k] <= 3:
            total += mn.match.cue.weight
    return total


_STANCE_RANK = {"contested": 3, "reported": 2, "endorsed": 1, "mentioned": 0}


def _record(
    article_id: str,
    body: str,
    sents: list[Sentence],
    name: str,
    key: tuple[str, ...],
    group: list[_Mention],
    mass: float,
) -> Frame:
    counts: dict[str, float] = {}
    for mn in group:
        counts[mn.stance] = counts.get(mn.stance, 0.0) + mn.stance_score
    stance = max(counts, key=lambda s: (counts[s], _STANCE_RANK[s]))
    if any(mn.stance == "contested" and mn.match.cue.weight >= 0.8 for mn in group):
        stance = "contested"  # the author disputing a core term outweighs passing uses of weaker cues
    stance_score = round(counts[stance] / sum(counts.values()) * max(mn.stance_score for mn in group), 4)
    best = max(group, key=lambda mn: (mn.match.cue.weight, mn.holder.score if mn.holder else 0.0, -mn.match.start))
    s = sents[best.sentence]
    terms: list[str] = []
    for mn in group:
        if mn.match.text not in terms:
            terms.append(mn.match.text)
    evidence = [Span(article_id, mn.match.start, mn.match.end, mn.match.text) for mn in group]
    holder_texts: list[str] = []
    for mn in group:
        if mn.holder and mn.holder.text and mn.holder.text not in holder_texts:
            holder_texts.append(mn.holder.text)
    score = round(min(0.99, 1.0 - math.exp(-mass)) * (0.7 + 0.3 * min(1.0, _mass(group) / max(mass, 1e-9))), 4)
    return Frame(
        article_id,
        s.start,
        s.end,
        body[s.start : s.end],
        score,
        COMPONENT,
        frame=name,
        family="narrative",
        stance=stance,
        holder=" and ".join(key) or None,
        holder_id=None,
        evidence=evidence,
        terms=terms,
        holders=list(key),
        holder_text="; ".join(holder_texts) or None,
        stance_score=stance_score,
    )


class NarrativeFrameStage:
    """Stage: narrative frames with holder and stance, from the frame definitions (shipped + user's)."""

    def __init__(self, *, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> list[Frame]:
        model = self.resources.get("frames.narrative.model", load_narrative_model)
        return detect_narrative_frames(
            doc.article.id,
            doc.article.body,
            model=model,
            sentences=doc_sentences(doc),
            quotes=doc.items("quotes"),
            entities=doc.items("entities"),
        )


def register(registry: Registry) -> None:
    registry.register(
        COMPONENT,
        "stage",
        requires=("quotes?", "entities?"),
        produces=("frames",),
        description="narrative frames (YAML definitions, en/ru/zh/kk/...), with holder and stance",
        order=61,
    )(NarrativeFrameStage)
