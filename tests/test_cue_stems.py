"""A stem cue (``term*``) matches every word that starts with it, so a stem that begins a country's or a month's name
in its own language fires on every article that names it: Kazakh қаза* (death) met Қазақстан and made the
country's regions a toll, Turkish ceza* (punishment) met Cezayir (Algeria), Armenian մարտ* (battle) met մարտի
(of March). Country and month names come from CLDR (babel), so the check covers every language with a cue list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from babel import Locale

from newsprism.enrich.softening import softened_forms

RES = Path(__file__).resolve().parents[1] / "src/newsprism/enrich/resources"

#: stems whose country-name matches are meant: compass words that begin "West/South …" names, "Europe…"
#: markers of the EU, the name of a language or people that is also in a country's name
MEANT = {
    "запад*",
    "zachod*",
    "zachodni*",
    "захід*",
    "західн*",
    "დასავლ*",
    "occident*",
    "ევროკავშირ*",
    "متحد*",  # allies; ایالات متحده (the United States) is foreign relations too
    "ұлт*",
    "nyelv*",
    "dil*",
    "cost*",  # Costa Rica: too rare to matter against the English word
}


def _names(lang: str) -> set[str]:
    loc = Locale.parse(lang)
    words = {w.casefold() for code, n in loc.territories.items() if len(code) == 2 for w in re.findall(r"\w+", n)}
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            months = loc.months[ctx][width].values()
            words |= {w.casefold() for n in months for w in re.findall(r"\w+", n) if len(w) > 3}
    return words


def _stems(node: object, lang: str | None) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            key_lang = key if isinstance(key, str) and len(key) == 2 and key.islower() else lang
            if lang and isinstance(key, str):  # trigger files: the terms are the keys
                yield from _stems(key, lang)
            yield from _stems(value, key_lang)
    elif isinstance(node, list):
        for item in node:
            yield from _stems(item, lang)
    elif isinstance(node, str) and lang and node.startswith("="):  # written forms: each form
        for form in node[1:].split("|"):
            yield from _stems(form.strip(), lang)
    elif isinstance(node, str) and lang and not node.startswith("re:"):
        words = node.split()
        if len(words) == 1 and words[0].endswith("*") and len(words[0]) > 3:
            yield lang, words[0]
            for soft in softened_forms(words[0], lang):  # Turkish ortaklığ*, Azerbaijani təhlükəsizliy*
                yield lang, soft


def _cue_stems() -> Iterator[tuple[str, str, str]]:
    """(file, language, stem) of the frame, genre and technique cues, the claim types, the event triggers and the verbs
    of saying."""
    frames = yaml.safe_load((RES / "generic_frames.yaml").read_text(encoding="utf-8"))
    for lang, stem in _stems(frames.get("frames"), None):
        yield "generic_frames.yaml", lang, stem
    for path in sorted((RES / "claims").glob("*.yaml")):
        if path.stem == "numbers":
            continue
        types = yaml.safe_load(path.read_text(encoding="utf-8")).get("types", {})
        for _, stem in _stems(types, path.stem):
            yield f"claims/{path.name}", path.stem, stem
    for path in sorted((RES / "triggers").glob("*.yaml")):
        for _, stem in _stems(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem):
            yield f"triggers/{path.name}", path.stem, stem
    genre = yaml.safe_load((RES / "genre.yaml").read_text(encoding="utf-8"))["cues"]
    for label, by_lang in genre.items():
        if label != "weekdays":  # a weekday's own inflections are what that list is for
            for lang, stem in _stems(by_lang, None):
                yield "genre.yaml", lang, stem
    techniques = yaml.safe_load((RES / "techniques.yaml").read_text(encoding="utf-8"))["techniques"]
    for lang, stem in _stems(techniques, None):
        yield "techniques.yaml", lang, stem
    cues = yaml.safe_load((RES / "cues.yaml").read_text(encoding="utf-8"))
    for lang, spec in cues.items():
        if isinstance(spec, dict) and isinstance(spec.get("verbs"), list):
            for _, stem in _stems(spec["verbs"], lang):
                yield "cues.yaml", lang, stem


def test_no_stem_cue_begins_a_country_or_month_name_of_its_language() -> None:
    names: dict[str, set[str]] = {}
    clashes = []
    checked = 0
    for where, lang, stem in _cue_stems():
        if stem in MEANT:
            continue
        try:
            known = names.setdefault(lang, _names(lang))
        except (ValueError, LookupError):
            continue
        checked += 1
        core = stem[:-1].casefold()
        hits = sorted(w for w in known if w.startswith(core) and w != core)
        if hits:
            clashes.append(f"{where} [{lang}] {stem}: {', '.join(hits[:4])}")
    assert checked > 2000
    assert clashes == []
