"""Duplicates: one article reached by several URLs, or reposted with trivial changes, is stored once and linked.

Exact duplicates share a content hash (text after Unicode and whitespace normalisation). Canonical URLs drop
tracking parameters, fragments, ``www.``/``m.``/``amp`` variants. Near duplicates are found with MinHash over
5-word shingles and LSH banding (16 bands of 4 rows), then confirmed by the exact Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "jaccard", "minhash_bands", "shingles"]

_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|yclid$|mc_cid$|mc_eid$|ref$|ref_src$|cmpid$|ocid$|at_|_ga$|igshid$)")
_WORD = re.compile(r"\w+", re.UNICODE)
_BANDS, _ROWS = 16, 4
_MASK = (1 << 64) - 1
_SEEDS = [int.from_bytes(hashlib.blake2b(str(i).encode(), digest_size=8).digest(), "big") | 1 for i in range(64)]


def canonical_url(url: str | None) -> str | None:
    """A URL's stable form: https, lower-case host without ``www.``/``m.``/``amp.``, no tracking query, no fragment."""
    if not url:
        return None
    url = url.strip()
    if "://" not in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    path = re.sub(r"/+", "/", parts.path or "/")
    for suffix in ("/amp/", "/amp", ".amp"):
        if path.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)]
            break
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())))
    return urlunsplit(("https", host, path, query, ""))


def shingles(text: str, size: int = 5) -> set[int]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < size:
        return {_h(" ".join(words))} if words else set()
    return {_h(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def _h(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def minhash_bands(text: str) -> list[str]:
    """LSH band keys of ``text``: two texts with Jaccard ≥ 0.8 share a band with probability > 0.99."""
    sh = shingles(text)
    if not sh:
        return []
    sig = [min(((s * seed) & _MASK) for s in sh) for seed in _SEEDS]
    out = []
    for b in range(_BANDS):
        row = sig[b * _ROWS : (b + 1) * _ROWS]
        out.append(f"{b}:" + hashlib.blake2b(repr(row).encode(), digest_size=8).hexdigest())
    return out


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
