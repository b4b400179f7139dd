"""Outlet names as they appear in bylines and feed titles, reduced to keys that match the registry's names.

``"THE SPECTATOR"``, ``"The Spectator"`` and ``"Spectator"`` share the key ``"spectator"``; ``"By Reuters Staff"``,
``"(Reuters)"`` and ``"Reuters.com"`` all lead to ``"reuters"``; a feed title ``"BBC News - World"`` is tried whole
and part by part.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_name", "name_candidates", "name_key"]

_ARTICLES = ("the ",)
_LEADING = re.compile(r"^(?:by|from|via|source|sources|written by|reporting by|copyright|©|\(c\))\s*[:\-]?\s+", re.I)
_TRAILING = re.compile(
    r"\s+(?:staff|staff writers?|reporters?|correspondents?|editorial board|editors|news desk|newsroom|"
    r"wire|wire service|online|\.com|with agencies|and agencies|agencies)$",
    re.I,
)
_KIND_WORD = re.compile(
    r"\s+(?:news agency|agency|newspaper|magazine|weekly|daily|tv|television|radio|channel|online|website|"
    r"news website|news portal|portal|think tank)$",
    re.I,
)
_SEPARATORS = re.compile(r"\s+[-–—|:•·»]\s+|\s*\|\s*|:\s+|\s+/\s+|,\s+")
_TLD = re.compile(r"\.(?:com|net|org|info|media|news|[a-z]{2})$", re.I)
_PARENS = re.compile(r"\s*\(([^)]*)\)\s*")


def name_key(text: str) -> str:
    """Case, diacritics, punctuation and a leading article do not matter (both sides of a match use this key)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ").replace("’", "'")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    for art in _ARTICLES:
        if text.startswith(art) and len(text) > len(art) + 2:
            text = text[len(art) :]
            break
    return text


def name_candidates(text: str | None) -> list[str]:
    """Name forms to try for a byline or feed title, most complete first."""
    if not text:
        return []
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    if not text or len(text) > 300:
        return []
    out: list[str] = []

    def add(value: str) -> None:
        value = value.strip(" \t\"'“”«»()[]-–—|:;,.")
        if value and value not in out:
            out.append(value)

    add(text)
    core = _LEADING.sub("", text)
    add(core)
    core2 = _TRAILING.sub("", core)
    add(core2)
    no_parens = _PARENS.sub(" ", core2).strip()
    add(no_parens)
    for inner in _PARENS.findall(core2):
        add(inner)
    add(_TLD.sub("", no_parens))  # "Le Monde.fr" -> "Le Monde"
    for part in _SEPARATORS.split(no_parens):
        add(part)
        add(_TRAILING.sub("", _LEADING.sub("", part.strip())))
    for cand in list(out):  # last: without a word that says what it is ("Kazinform news agency", "Dozhd TV")
        add(_KIND_WORD.sub("", cand))
    return out


def clean_name(text: str) -> str:
    """The name to show for an outlet known only from a byline: ``"By Foo Staff"`` → ``"Foo"``."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    core = _TRAILING.sub("", _LEADING.sub("", text)).strip(" \t\"'“”«»()[]-–—|:;,.")
    return core or text
