"""Domains of outlets: the host of a URL, its registrable domain, and the keys a URL is looked up by.

A registrable domain is the part of a host that one publisher owns (``www.bbc.co.uk`` → ``bbc.co.uk``). The list of
multi-label suffixes is a data file (``resources/public_suffixes.txt``); on blogging platforms (``substack.com``)
every subdomain is its own publisher, so the full host is kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources as importlib_resources
from urllib.parse import urlsplit

__all__ = [
    "Suffixes",
    "domain_keys",
    "host_of",
    "load_suffixes",
    "normalise_domain",
    "registrable_domain",
    "slug",
    "strip_same_site",
]

#: Prefixes of hosts that serve the same outlet in another form (mobile, AMP, www).
_SAME_SITE_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "amp-", "edition.")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_HOST_RX = re.compile(r"^[a-z0-9\-_.]+$")


@dataclass(frozen=True, slots=True)
class Suffixes:
    public: frozenset[str]
    platforms: frozenset[str]


def load_suffixes() -> Suffixes:
    """Read ``resources/public_suffixes.txt`` (call through ``resources.get`` to read it once per process)."""
    text = importlib_resources.files(__package__).joinpath("resources/public_suffixes.txt").read_text("utf-8")
    public: set[str] = set()
    platforms: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("platform:"):
            platforms.update(line[len("platform:") :].split())
        else:
            public.update(line.split())
    return Suffixes(frozenset(public), frozenset(platforms))


def host_of(text: str | None) -> str | None:
    """The lower-case host of a URL or of a bare domain (``"WWW.Spectator.co.uk/x"`` → ``"www.spectator.co.uk"``)."""
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text.strip())
    if not text:
        return None
    if "://" not in text:
        if " " in text or "." not in text:
            return None
        text = "http://" + text.lstrip("/")
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    if not host or "." not in host or not _HOST_RX.match(host):
        return None
    return host


def strip_same_site(host: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _SAME_SITE_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host[len(prefix) :]
                changed = True
    return host


def registrable_domain(host: str, suffixes: Suffixes) -> str:
    """``news.bbc.co.uk`` → ``bbc.co.uk``; ``x.substack.com`` stays ``x.substack.com`` (a platform)."""
    if _IP.match(host):
        return host
    labels = host.split(".")
    for n in range(len(labels) - 1, 0, -1):  # longest suffix first
        suffix = ".".join(labels[-n:])
        if suffix in suffixes.platforms and len(labels) > n:
            return ".".join(labels[-(n + 1) :])
        if suffix in suffixes.public and len(labels) > n:
            return ".".join(labels[-(n + 1) :])
    return ".".join(labels[-2:])


def normalise_domain(text: str | None, suffixes: Suffixes) -> str | None:
    """The registrable domain of a URL or bare domain; ``None`` when ``text`` has no host."""
    host = host_of(text)
    return registrable_domain(strip_same_site(host), suffixes) if host else None


def domain_keys(text: str | None, suffixes: Suffixes) -> list[str]:
    """Keys to look a URL up by, most specific first: ``host/first-path-segment``, ``host``, parent hosts, down to
    the registrable domain (``https://www.bbc.com/russian/x`` → ``bbc.com/russian``, ``bbc.com``)."""
    host = host_of(text)
    if not host:
        return []
    base = registrable_domain(strip_same_site(host), suffixes)
    segment = ""
    if text and "://" in text:
        try:
            path = urlsplit(text.strip()).path
        except ValueError:
            path = ""
        parts = [p for p in path.split("/") if p]
        segment = parts[0].lower() if parts else ""
    elif text and "/" in text:
        segment = text.strip().split("/", 1)[1].split("/", 1)[0].lower()
    keys: list[str] = []
    hosts: list[str] = []
    current = host
    while True:
        hosts += [current, strip_same_site(current)]
        if current == base or not current.endswith("." + base):
            break
        current = current.split(".", 1)[1]
    seen: set[str] = set()
    for h in hosts:
        for key in ((f"{h}/{segment}" if segment else None), h):
            if key and key not in seen:
                seen.add(key)
                keys.append(key)
    return keys


def slug(name: str) -> str:
    """A stable id for an outlet without a domain: ``"Radio Azattyq"`` → ``"radio-azattyq"``."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "outlet"
