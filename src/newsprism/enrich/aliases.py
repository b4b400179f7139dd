"""The table of known actors and their aliases, and the resolution of entity mentions to canonical entities.

The shipped table is ``resources/actors.yaml`` with the names in other languages of ``resources/actors_i18n.yaml``.
Users extend it with ``<data_dir>/aliases.yaml`` and with the files
named in the ``aliases_files`` setting (``NEWSPRISM_ALIASES_FILES``, paths separated by ``os.pathsep``), in the
same format; an entry whose key exists adds its aliases to the shipped one. See ``docs/entities.md``.

Resolution of one article's mentions (:func:`resolve_mentions`), most certain first:

1. the mention's name key equals the key of an actor's name or alias (``CSTO``, ``ОДКБ``, ``Tokaïev``), as
   written or without an inflectional ending (``Tokayev'in``, ``Тоқаевтың``, ``Tokajewa``: see ``name_forms``);
2. an acronym the article defines ("Collective Security Treaty Organisation (CSTO)");
3. a one-word person mention equal to the last word (surname) or first word of a longer person mention in the
   same article ("Tokayev" after "Kassym-Jomart Tokayev");
4. a first name alone whose known bearer's surname the article names ("Nazarbayev's daughter, Dariga");
5. a surname alone that one known person bears ("Putin"), in Arabic script by its consonant skeleton
   (``بوتين`` ~ Putin).

Unresolved mentions keep their own name as canonical and get the id ``name:<key>``, so that equal spellings still
group across articles.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .name_forms import name_stems
from .translit import consonant_skeleton, fold, has_arabic, has_cyrillic, name_key, token_keys

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = [
    "Actor",
    "ActorTable",
    "Mention",
    "build_actor_table",
    "is_acronym",
    "load_actor_table",
    "read_alias_file",
    "resolve_mentions",
    "user_alias_files",
]

TYPES = ("person", "organisation", "place", "other")


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = "newsprism"


@dataclass(slots=True)
class Mention:
    """One entity mention before and after resolution (offsets into the article body)."""

    start: int
    end: int
    text: str
    type: str
    score: float
    role: str | None = None
    lemma: str | None = None  # normalised form given by the language model (Russian case endings removed)
    canonical: str | None = None
    entity_id: str | None = None
    resolution_score: float | None = None
    actor: Actor | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


class ActorTable:
    """Actors by name key, by exact acronym, by surname and by first name."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        for a in actors:
            self.actors[a.id] = a
        self.by_key: dict[str, list[Actor]] = {}
        self.acronyms: dict[str, list[Actor]] = {}
        self.by_surname: dict[str, list[Actor]] = {}
        self.by_first: dict[str, list[Actor]] = {}
        self._skeletons: dict[str, list[Actor]] | None = None
        for a in self.actors.values():
            for alias in (a.name, *a.aliases):
                alias = alias.strip()
                if alias.lower().startswith("the "):
                    alias = alias[4:]
                if is_acronym(alias):
                    self.acronyms.setdefault(alias.replace(".", ""), []).append(a)
                    continue
                k = name_key(alias)
                if k:
                    self.by_key.setdefault(k, []).append(a)
            if a.type == "person":
                for nm in (a.name, *a.aliases):
                    toks = token_keys(nm)
                    if len(toks) >= 2:
                        self.by_surname.setdefault(toks[-1], [])
                        if a not in self.by_surname[toks[-1]]:
                            self.by_surname[toks[-1]].append(a)
                        self.by_first.setdefault(toks[0], [])
                        if a not in self.by_first[toks[0]]:
                            self.by_first[toks[0]].append(a)

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, text: str) -> tuple[Actor, float] | None:
        """The actor ``text`` names exactly (score 1.0 for the canonical name, 0.95 for an alias)."""
        t = text.strip()
        if t.lower().startswith("the "):
            t = t[4:]
        t = re.sub(r"['’]s$", "", t)
        acr = t.replace(".", "")
        if is_acronym(t) and acr in self.acronyms:
            return self.acronyms[acr][0], 0.95
        hits = self.by_key.get(name_key(t))
        if not hits and has_cyrillic(t):
            for variant in _case_variants(t):  # "Аскара Мамина" → "Аскар Мамин"
                hits = [a for a in self.by_key.get(name_key(variant), []) if a.type == "person"]
                if hits:
                    return hits[0], 0.9
        if not hits:
            return None
        a = hits[0]
        return a, (1.0 if name_key(a.name) == name_key(t) else 0.95)

    def lookup_forms(self, text: str, lang: str | None = None) -> tuple[Actor, float] | None:
        """Like :meth:`lookup`, then with the words' inflectional endings removed ("Tokayev'in", "Тоқаевтың",
        "Tokajevvel", "Касым-Жомарта Токаева"): the last word's stems first, then every word's together."""
        hit = self.lookup(text)
        if hit is not None:
            return hit
        words = text.split()
        if not words or len(words) > 6:
            return None
        for stem in name_stems(words[-1], lang):
            hit = self.lookup(" ".join([*words[:-1], stem]))
            if hit is not None:
                return hit[0], min(hit[1], 0.9)
        if len(words) > 1:
            stems = [name_stems(w, lang)[:1] or (w,) for w in words]
            hit = self.lookup(" ".join(s[0] for s in stems))
            if hit is not None:
                return hit[0], min(hit[1], 0.85)
        return None

    def by_skeleton(self, text: str) -> list[Actor]:
        """People whose surname has the consonant skeleton of ``text`` (Arabic-script names: ``توكاييف``)."""
        index = self._skeletons
        if index is None:
            index = {}
            for key, actors in self.by_surname.items():
                sk = consonant_skeleton(key)
                if len(sk) >= 3:
                    for a in actors:
                        if a not in index.setdefault(sk, []):
                            index[sk].append(a)
            self._skeletons = index
        return index.get(consonant_skeleton(text), [])

    def surface_forms(self) -> list[tuple[str, Actor]]:
        """Every (alias, actor) for scanning texts."""
        out = []
        for a in self.actors.values():
            for alias in (a.name, *a.aliases):
                out.append((alias.removeprefix("the ").strip(), a))
        return out


_RU_ENDINGS = ("ым", "ом", "ой", "ой", "ей", "а", "у", "е", "ю", "я")


def _case_variants(text: str) -> list[str]:
    """Forms of a Russian name without its case endings, every word at once ("Аскара Мамина" → "Аскар Мамин")."""
    words = text.split()
    out = []
    for ending in _RU_ENDINGS:
        stripped = [w[: -len(ending)] if w.endswith(ending) and len(w) > len(ending) + 2 else w for w in words]
        if stripped != words:
            out.append(" ".join(stripped))
            out.append(" ".join([*words[:-1], stripped[-1]]))
    return out


def _parse_entries(data: Any, source: str) -> list[Actor]:
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: an alias file holds a mapping 'actors:' of key -> entry")
    entries = data.get("actors", data)
    if not isinstance(entries, dict):
        raise ConfigError(f"{source}: 'actors' must be a mapping of key -> entry")
    out = []
    for key, spec in entries.items():
        if isinstance(spec, list):  # short form: key: [alias, alias]
            spec = {"aliases": spec}
        if not isinstance(spec, dict):
            raise ConfigError(f"{source}: entry {key!r} must be a mapping with name, type and aliases")
        typ = str(spec.get("type", "other"))
        if typ not in TYPES:
            raise ConfigError(f"{source}: entry {key!r} has type {typ!r}; valid: {', '.join(TYPES)}")
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, list):
            raise ConfigError(f"{source}: entry {key!r}: aliases must be a list")
        out.append(
            Actor(
                id=str(key),
                name=str(spec.get("name") or key),
                type=typ,
                country=spec.get("country"),
                role=spec.get("role"),
                wikidata=spec.get("wikidata"),
                aliases=tuple(str(a) for a in aliases),
                source=source,
            )
        )
    return out


def read_alias_file(path: str | Path) -> list[Actor]:
    """The actors of one alias file (YAML); :class:`ConfigError` naming the file when it is malformed."""
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read alias file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{p}{line}: not valid YAML") from None
    return _parse_entries(data or {}, str(p))


def _merge(base: dict[str, Actor], extra: Sequence[Actor]) -> None:
    for a in extra:
        old = base.get(a.id)
        if old is None:
            base[a.id] = a
            continue
        spec_name = a.name if a.name != a.id else old.name
        base[a.id] = Actor(
            id=a.id,
            name=spec_name,
            type=a.type if a.type != "other" else old.type,
            country=a.country or old.country,
            role=a.role or old.role,
            wikidata=a.wikidata or old.wikidata,
            aliases=tuple(dict.fromkeys((*old.aliases, *a.aliases))),
            source=f"{old.source}+{a.source}",
        )


def user_alias_files(settings: Any = None) -> list[Path]:
    """The user's alias files that exist: ``<data_dir>/aliases.yaml`` and the ``aliases_files`` setting."""
    from ..config import data_dir

    files = [data_dir() / "aliases.yaml"]
    raw = ""
    if settings is not None:
        raw = str(getattr(settings, "aliases_files", "") or "")
    raw = raw or os.environ.get("NEWSPRISM_ALIASES_FILES", "")
    files += [Path(p) for p in raw.split(os.pathsep) if p.strip()]
    return files


def build_actor_table(*, extra_files: Sequence[str | Path] = (), settings: Any = None) -> ActorTable:
    """The shipped actors plus the user's alias files (missing user files are skipped; named files must exist)."""
    import yaml

    text = resources.files("newsprism.enrich").joinpath("resources/actors.yaml").read_text(encoding="utf-8")
    actors: dict[str, Actor] = {a.id: a for a in _parse_entries(yaml.safe_load(text), "actors.yaml")}
    i18n = resources.files("newsprism.enrich").joinpath("resources/actors_i18n.yaml").read_text(encoding="utf-8")
    _merge(actors, _parse_entries(yaml.safe_load(i18n), "actors_i18n.yaml"))
    default_user = user_alias_files(settings)
    for i, path in enumerate([*default_user, *extra_files]):
        p = Path(path)
        if i == 0 and not p.exists():
            continue  # <data_dir>/aliases.yaml is optional
        _merge(actors, read_alias_file(p))
    return ActorTable(actors.values())


def load_actor_table(resources_: Resources) -> ActorTable:
    """The actor table, once per :class:`Resources`."""
    return resources_.get("entities.actors", lambda r: build_actor_table(settings=r.settings))


# -- resolution ------------------------------------------------------------------------------------------------------

_ACRONYM_DEF = re.compile(r"([A-ZА-ЯЁ][\w’'\-]*(?:\s+[\w’'\-]+){1,8}?)\s+\(([A-ZА-ЯЁ]{2,8})\)")
_RELATION = re.compile(
    r"([A-ZА-ЯЁ][\w\-]+)(?:['’]s)?\s+(?:daughter|son|wife|husband|brother|sister|nephew|niece|father|mother|"
    r"son-in-law|daughter-in-law|grandson|granddaughter),?\s+([A-ZА-ЯЁ][\w\-]+)"
)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


def _person_tokens(m: Mention) -> list[str]:
    return token_keys(m.lemma or m.text)


def _surname_match(key: str, surname: str) -> bool:
    """Surname keys equal, or equal up to a feminine/case ending (nazarbaev ~ nazarbaeva)."""
    if key == surname:
        return True
    short, long_ = sorted((key, surname), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2


def resolve_mentions(mentions: list[Mention], body: str, table: ActorTable, *, lang: str | None = None) -> None:
    """Set ``canonical``, ``entity_id`` and ``resolution_score`` on each mention of one article, in place
    (``lang`` chooses the inflectional endings tried on names)."""
    # 1. the table
    for m in mentions:
        hit = table.lookup_forms(m.text, lang) or (table.lookup(m.lemma) if m.lemma else None)
        if hit is not None:
            actor, score = hit
            if actor.type == "person" and m.type not in ("person", "other") and len(m.text.split()) == 1:
                continue  # a place or organisation named like a person's alias: leave it
            _set(m, actor, score)

    # 2. acronyms the article defines
    defined: dict[str, Mention] = {}
    keyed: dict[str, list[Mention]] | None = None  # name key -> the mentions with that key, in order
    for match in _ACRONYM_DEF.finditer(body):
        long_words, acr = match.group(1).split(), match.group(2)
        for n in range(len(long_words), 1, -1):
            tail = long_words[-n:]
            if _initials(tail) == acr:
                if keyed is None:
                    keyed = {}
                    for m in mentions:
                        keyed.setdefault(name_key(m.text), []).append(m)
                for m in keyed.get(name_key(" ".join(tail)), []):
                    if m.canonical:
                        defined[acr] = m
                break
    for m in mentions:
        if m.canonical is None and m.text in defined:
            src = defined[m.text]
            m.canonical, m.entity_id, m.actor = src.canonical, src.entity_id, src.actor
            m.resolution_score = 0.9
            m.type = src.type if m.type == "other" else m.type

    # 3-5. persons named by one word
    full_persons = [m for m in mentions if m.type == "person" and len(_person_tokens(m)) >= 2]
    by_last_form: dict[str, int] = {}  # a key of a full name's last word -> the first such name (its index)
    by_first_word: dict[str, int] = {}
    for i, f in enumerate(full_persons):
        for form in _last_forms(f, lang):
            by_last_form.setdefault(form, i)
        by_first_word.setdefault(_person_tokens(f)[0], i)
    article_keys = set(token_keys(body))
    long_keys = [k for k in article_keys if len(k) >= 5]
    named_surnames: dict[str, bool] = {}
    relations: list[list[str]] | None = None
    for m in mentions:
        if m.canonical is not None:
            continue
        toks = _person_tokens(m)
        if len(toks) != 1:
            continue
        key = toks[0]
        forms = {key, *(name_key(x) for x in name_stems(m.text.strip(), lang))}
        by_last = min((by_last_form[x] for x in forms if x in by_last_form), default=None)
        by_first = min((by_first_word[x] for x in forms if x in by_first_word), default=None)
        found = by_last if by_last is not None else by_first
        if found is not None:
            src = full_persons[found]
            if src.canonical is None:
                _set_unresolved(src)
            m.canonical, m.entity_id, m.actor = src.canonical, src.entity_id, src.actor
            m.resolution_score = 0.9 if by_last is not None else 0.85
            m.type = "person"
            continue
        # a first name whose known bearer's surname the article names
        relatives = [a for a in table.by_first.get(key, []) if a.type == "person"]
        chosen = None
        for a in relatives:
            surname = token_keys(a.name)[-1]
            if surname not in named_surnames:
                named_surnames[surname] = any(_surname_match(k, surname) for k in long_keys)
            if named_surnames[surname]:
                chosen = a
                break
        if chosen is not None and (m.type in ("person", "other") or m.text[:1].isupper()):
            if relations is None:
                relations = [token_keys(r.group(2)) for r in _RELATION.finditer(body)]
            relation = [key] in relations
            _set(m, chosen, 0.9 if relation else 0.75)
            continue
        bearers = table.by_surname.get(key, [])
        for form in sorted(forms - {key}, key=len, reverse=True):
            if bearers:
                break
            bearers = table.by_surname.get(form, [])
        if not bearers and has_arabic(m.text) and m.type == "person":
            bearers = [a for a in table.by_skeleton(m.text) if a.type == "person"]
        if len(bearers) == 1 and m.type != "place" and (m.text[:1].isupper() or not m.text[:1].islower()):
            _set(m, bearers[0], 0.7 if m.type == "person" else 0.6)  # "Trump" in "the Trump administration" too
    for m in mentions:
        if m.canonical is None and m.type == "person" and has_arabic(m.text) and len(m.text.split()) > 1:
            bearers = [a for a in table.by_skeleton(m.text.split()[-1]) if a.type == "person"]
            if len(bearers) == 1:
                _set(m, bearers[0], 0.65)
        if m.canonical is None:
            _set_unresolved(m)


def _last_forms(m: Mention, lang: str | None) -> set[str]:
    """Keys of a full name's last word and of its stems ("Tokajewa" → tokaeva, tokaev)."""
    words = (m.lemma or m.text).split()
    if not words:
        return set()
    last = words[-1]
    return {_person_tokens(m)[-1], *(name_key(x) for x in name_stems(last, lang))}


def _set(m: Mention, actor: Actor, score: float) -> None:
    m.actor = actor
    m.canonical = actor.name
    m.entity_id = actor.id
    m.resolution_score = score
    m.type = actor.type


def _set_unresolved(m: Mention) -> None:
    name = m.lemma or m.text
    name = re.sub(r"['’]s$", "", name).strip()
    m.canonical = name
    key = fold(name).replace(".", "") if is_acronym(name) else (name_key(name) or fold(name))
    m.entity_id = "name:" + key.replace(" ", "_")
    m.resolution_score = 0.5
