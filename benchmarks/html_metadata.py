"""Authors and titles of the HTML loader on the Article Extraction Benchmark pages (scrapinghub, 181 pages).

The benchmark has no gold authors or titles, so this is an audit: each author the loader returns is checked against
rules written here, apart from the loader's (a digit or a month date, navigation text, the site's own name, an
organisation or agency word, a role line, a credential or account name, more than five words); each title is checked
for a leftover site name before or after a separator (the page's og:site_name, its domain's main label). It prints
how many authors and titles pass. The rules were written after reading these pages' bylines, so read the figures as
the share of visible errors removed, not as precision on unseen pages.

    python benchmarks/html_metadata.py [--dataset PATH] [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_aeb import DEFAULT_DATASET, load_pages

_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_NAV = ("view all", "posts by", "read more", "follow ", "subscribe", "email", "published", "updated")
_MONTH_DATE = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")
_ORG = {
    "press",
    "associated",
    "reuters",
    "news",
    "media",
    "nast",
    "inc",
    "llc",
    "ltd",
    "staff",
    "writer",
    "reporter",
    "editor",
    "editorial",
    "bureau",
    "desk",
    "wire",
    "services",
    "business",
    "insider",
    "cnn",
    "ap",
    "pti",
    "afp",
    "sport",
    "post",
    "com",
    "international",
    "the",
    "group",
    "network",
    "agency",
    "ministries",
    "municipal",
    "reports",
    "weekly",
    "times",
    "bbc",
    "sputnik",
}
_ACCOUNTS = {"admin", "jdadmin", "webmaster", "administrator"}


def _key(text: str | None) -> str:
    return re.sub(r"\W+", "", (text or "").casefold())


def bad_author(name: str, sites: list[str]) -> str | None:
    """Why ``name`` is not a person's name, or None."""
    low = name.casefold()
    words = re.findall(r"[\w'’-]+", low)
    if re.search(r"\d", name) or _MONTH_DATE.search(name):
        return "date or number"
    if any(n in low for n in _NAV):
        return "navigation"
    if any(s and (_key(name) == s or (len(_key(name)) >= 4 and (_key(name) in s or s in _key(name)))) for s in sites):
        return "site name"
    if any(w in _ORG for w in words):
        return "organisation or role"
    if low in _ACCOUNTS or (name.isupper() and len(name) <= 4):
        return "account or credential"
    if len(words) > 5:
        return "too long"
    return None


def site_in_title(title: str, sites: list[str]) -> bool:
    parts = _SEP.split(title)
    if len(parts) < 2:
        return False
    ends = [_key(p) for p in (parts[0], parts[-1]) if len(p.split()) <= 5]
    return any(e and s and (e == s or (len(e) >= 3 and (e in s or s in e))) for e in ends for s in sites)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", action="store_true", help="print every flagged author and title")
    args = ap.parse_args(argv)
    if not (args.dataset / "ground-truth.json").exists():
        print(f"dataset not found: {args.dataset}", file=sys.stderr)
        return 2
    from newsprism.config import Settings
    from newsprism.errors import InputError
    from newsprism.ingest.base import RawInput
    from newsprism.ingest.html import HTMLLoader, _main_label, read_page_meta
    from newsprism.outlets.resolve import domain_of

    pages = load_pages(args.dataset, args.limit)
    authors = bad_authors = titles = bad_titles = pages_read = 0
    for _, url, _, html in pages:
        raw = RawInput(url, html.encode("utf-8"), origin="url", url=url, content_type="text/html; charset=utf-8")
        try:
            art = HTMLLoader().load(raw, Settings(env={})).articles[0]
        except InputError:
            continue
        pages_read += 1
        domain = domain_of(art.url or url) or ""
        sites = [_key(s) for s in (read_page_meta(html).site_name, domain, _main_label(domain) if domain else "")]
        sites = [s for s in sites if len(s) >= 3]
        for name in art.authors:
            authors += 1
            why = bad_author(name, sites)
            if why:
                bad_authors += 1
                if args.show:
                    print(f"author  {why:22} {name!r}  ({url})")
        if art.title:
            titles += 1
            if site_in_title(art.title, sites):
                bad_titles += 1
                if args.show:
                    print(f"title   site name left     {art.title!r}  ({url})")
    print(f"HTML metadata audit: {pages_read} of {len(pages)} pages read")
    print(
        f"authors: {authors - bad_authors}/{authors} pass ({(authors - bad_authors) / max(1, authors):.3f}); "
        f"{bad_authors} flagged"
    )
    print(f"titles:  {titles - bad_titles}/{titles} without a site name ({(titles - bad_titles) / max(1, titles):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
