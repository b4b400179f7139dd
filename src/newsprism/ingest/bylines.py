"""Bylines of HTML pages: people only. Organisations ("Condé Nast", "Associated Press"), roles ("AP Sports Writer"),
navigation text ("View all posts by …"), dates ("March 9") and the site's own name never become authors.

The words and patterns are data: ``resources/bylines.yaml`` (documented there). :func:`clean_authors` returns the
people and, apart, the organisations credited (kept in ``article.meta["byline_organisations"]`` by the HTML loader).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

__all__ = ["BylineLexicon", "clean_authors", "lexicon"]

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class BylineLexicon:
    prefixes: tuple[str, ...]
    navigation: tuple[str, ...]
    agencies: frozenset[str]
    org_words: frozenset[str]
    roles: frozenset[str]
    role_tail: re.Pattern[str]
    credentials: frozenset[str]
    usernames: frozenset[str]


@cache
def lexicon() -> BylineLexicon:
    """The packaged byline lexicon (read once; it is read-only data, the same for every caller)."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("newsprism.ingest").joinpath("resources/bylines.yaml").read_text("utf-8"))

    def words(key: str) -> list[str]:
        return [str(w).casefold() for w in data[key]]

    return BylineLexicon(
        prefixes=tuple(sorted(words("prefixes"), key=len, reverse=True)),
        navigation=tuple(words("navigation")),
        agencies=frozenset(words("agencies")),
        org_words=frozenset(words("org_words")),
        roles=frozenset(words("roles")),
        role_tail=re.compile(str(data["role_tail"])),
        credentials=frozenset(words("credentials")),
        usernames=frozenset(words("usernames")),
    )


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def clean_authors(names: Iterable[str], *, site_names: Iterable[str | None] = ()) -> tuple[list[str], list[str]]:
    """``(people, organisations)`` from the author entries of a page; everything else is dropped.

    ``site_names`` (og:site_name, the outlet's names, the domain) are never authors.
    """
    lex = lexicon()
    sites = {_key(s) for s in site_names if s and len(_key(s)) >= 3}
    people: list[str] = []
    orgs: list[str] = []
    for entry in names:
        name = " ".join(str(entry).split()).strip(" ,;:|-–—")
        low = name.casefold()
        for prefix in lex.prefixes:
            if low.startswith(prefix + " ") or low.startswith(prefix + ":"):
                name = name[len(prefix) + 1 :].strip(" ,;:")
                low = name.casefold()
                break
        name = lex.role_tail.sub("", name).strip(" ,;:")
        name = _cut_at_date(name)
        low = name.casefold()
        if not name or any(phrase in low for phrase in lex.navigation) or "@" in name or "/" in name:
            continue
        words = [w.casefold().strip(".'’") for w in _WORDS.findall(name)]
        for n in (3, 2, 1):  # an agency credited after the name: "ERIC TUCKER Associated Press"
            if len(words) > n + 1 and " ".join(words[-n:]) in lex.agencies:
                name = " ".join(name.split()[:-n])
                words = words[:-n]
                break
        low = name.casefold()
        if not words:
            continue
        is_org = low in lex.agencies or (bool(sites) and _key(name) in sites) or _names_site(name, sites)
        is_org = is_org or words[0] == "the" or any(w in lex.org_words for w in words)
        only_roles = all(w in lex.roles or w in lex.agencies for w in words)
        not_a_name = low in lex.credentials or low in lex.usernames or len(words) > 5 or len(name) > 60
        if is_org:
            _add(orgs, name)
        elif not (only_roles or not_a_name or _same_person_listed(name, people)):
            people.append(name)
    return people, orgs


def _cut_at_date(name: str) -> str:
    """The name before a date or any number ("Jane Roe March 9, 2021" -> "Jane Roe")."""
    m = _DIGIT.search(name)
    if m is None:
        return name
    head = name[: m.start()].rstrip(" ,")
    parts = head.split()
    if parts and parts[-1].casefold().strip(".") in _MONTHS:
        parts = parts[:-1]
    return " ".join(parts)


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _names_site(name: str, sites: set[str]) -> bool:
    key = _key(name)
    return bool(key) and len(key) >= 4 and any(key in s or s in key for s in sites)


def _same_person_listed(name: str, people: list[str]) -> bool:
    """ "Troy L Smith" after "Troy Smith": same first and last word."""
    words = name.casefold().split()
    for other in people:
        ow = other.casefold().split()
        if ow == words or (len(ow) >= 2 and len(words) >= 2 and ow[0] == words[0] and ow[-1] == words[-1]):
            return True
    return False


def _add(out: list[str], name: str) -> None:
    if name not in out:
        out.append(name)
