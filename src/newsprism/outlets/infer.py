"""Outlet facts inferred when the registry and the user are silent: country from the domain's ccTLD, the page's
language or its dateline; kind from the site's name. Each inferred fact is an ``inferred`` label with its source
(``inferred:cctld``, ``inferred:language``, ``inferred:dateline``, ``inferred:site``) and a score below the 1.0 of a
registry fact or a user's label, so it is shown as a guess and never beats a stated fact. State affiliation is
never inferred: it comes only from evidence (the registry, imported ratings, a page's note, the user).

Scores (how often the clue names the outlet's own country in practice): a country-code domain 0.8; a language
spoken mainly in one country 0.5 (languages of many countries, such as English, Russian, Arabic or Spanish, give no
country); a dateline 0.35 (a dateline says where the reporter was, which is the outlet's own country for most
national outlets, not for foreign correspondents); a kind read from the site's name 0.4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import OutletLabel

__all__ = [
    "GENERIC_CCTLDS",
    "LANGUAGE_COUNTRY",
    "InferredFact",
    "country_of_domain",
    "dateline_of",
    "infer_facts",
    "kind_of_site",
]

SCORE_CCTLD = 0.8
SCORE_LANGUAGE = 0.5
SCORE_DATELINE = 0.35
SCORE_SITE = 0.4

#: Country-code top-level domains sold worldwide as generic names (``.tv``, ``.io``): they tell no country.
GENERIC_CCTLDS = frozenset(
    [
        "ac",
        "ai",
        "cc",
        "co",
        "fm",
        "gg",
        "io",
        "im",
        "je",
        "me",
        "nu",
        "pw",
        "sh",
        "tk",
        "to",
        "tv",
        "vc",
        "vg",
        "ws",
        "eu",
    ]
)
#: Second-level labels under a ccTLD that make even a generic-use ccTLD national (``eltiempo.com.co``).
_NATIONAL_SLD = frozenset(["com", "org", "net", "gov", "gob", "edu", "co", "ac", "nic", "mil", "info"])
_TLD_ALIASES = {"uk": "GB", "su": "RU"}
#: Languages written mainly in one country (a page in Kazakh is almost always from a Kazakh outlet).
LANGUAGE_COUNTRY = {
    "kk": "KZ",
    "ky": "KG",
    "uz": "UZ",
    "tg": "TJ",
    "tk": "TM",
    "mn": "MN",
    "hy": "AM",
    "ka": "GE",
    "az": "AZ",
    "uk": "UA",
    "be": "BY",
    "pl": "PL",
    "hu": "HU",
    "fi": "FI",
    "sv": "SE",
    "da": "DK",
    "nb": "NO",
    "no": "NO",
    "nn": "NO",
    "is": "IS",
    "et": "EE",
    "lv": "LV",
    "lt": "LT",
    "cs": "CZ",
    "sk": "SK",
    "sl": "SI",
    "hr": "HR",
    "bg": "BG",
    "ro": "RO",
    "el": "GR",
    "tr": "TR",
    "fa": "IR",
    "he": "IL",
    "ja": "JP",
    "ko": "KR",
    "th": "TH",
    "vi": "VN",
    "id": "ID",
    "it": "IT",
    "nl": "NL",
    "am": "ET",
    "ps": "AF",
    "ur": "PK",
    "bn": "BD",
    "si": "LK",
    "ne": "NP",
    "my": "MM",
    "km": "KH",
    "lo": "LA",
    "sq": "AL",
    "mk": "MK",
}
_SITE_KINDS = (
    (re.compile(r"(^|[.-])(tv|television|radio|fm)([.-]|\d|$)|(tv|radio)\.", re.I), "broadcaster"),
    (re.compile(r"(^|[.-])(blog|blogs|blogspot|wordpress|substack|medium|livejournal)[.-]", re.I), "blog"),
    (re.compile(r"(agency|press|inform|ajans|agentstvo)", re.I), "agency"),
)


@dataclass(frozen=True, slots=True)
class InferredFact:
    field: str
    value: str
    source: str  # inferred:cctld | inferred:language | inferred:dateline | inferred:site
    score: float
    evidence: str

    def label(self) -> OutletLabel:
        return OutletLabel(
            field=self.field,
            value=self.value,
            source=self.source,
            source_kind="inferred",
            note=f"inferred (score {self.score}) from {self.evidence}",
            evidence=self.evidence,
        )


def country_of_domain(domain: str | None) -> str | None:
    """The country of a country-code domain (``08info.kz`` → ``KZ``, ``bbc.co.uk`` → ``GB``); ``None`` for
    generic domains (``.com``, ``.org``) and ccTLDs sold as generic names (``.tv``, ``.io``)."""
    if not domain:
        return None
    host = domain.strip().lower().rstrip(".").split("/", 1)[0]
    labels = host.split(".")
    tld = labels[-1] if len(labels) > 1 else ""
    national = len(labels) > 2 and labels[-2] in _NATIONAL_SLD
    if len(tld) != 2 or not tld.isalpha() or (tld in GENERIC_CCTLDS and not national):
        return None
    if tld in _TLD_ALIASES:
        return _TLD_ALIASES[tld]
    import pycountry

    return tld.upper() if pycountry.countries.get(alpha_2=tld.upper()) is not None else None


def kind_of_site(domain: str | None, name: str | None = None) -> str | None:
    """A kind read from the site's host or name (``24.kz``: none; ``ktk.tv``: broadcaster; ``x.blogspot.com``:
    blog; ``kazinform.kz``: agency)."""
    for text in (domain or "", name or ""):
        if not text:
            continue
        for rx, kind in _SITE_KINDS:
            if rx.search(text):
                return kind
    return None


def infer_facts(
    *,
    domain: str | None,
    name: str | None = None,
    language: str | None = None,
    dateline_country: str | None = None,
    dateline: str | None = None,
) -> list[InferredFact]:
    """Every fact the clues support, the strongest first for each field."""
    out: list[InferredFact] = []
    country = country_of_domain(domain)
    if country:
        out.append(InferredFact("country", country, "inferred:cctld", SCORE_CCTLD, f"the domain {domain}"))
    lang = (language or "").split("-", 1)[0].lower()
    if lang in LANGUAGE_COUNTRY:
        out.append(
            InferredFact("country", LANGUAGE_COUNTRY[lang], "inferred:language", SCORE_LANGUAGE, f"pages in {lang}")
        )
    if dateline_country:
        where = f"the dateline {dateline!r}" if dateline else "the dateline"
        out.append(InferredFact("country", dateline_country, "inferred:dateline", SCORE_DATELINE, where))
    kind = kind_of_site(domain, name)
    if kind:
        out.append(InferredFact("kind", kind, "inferred:site", SCORE_SITE, f"the site {domain or name}"))
    return out


_DATELINE = re.compile(
    r"^\s*([A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ' -]{2,30}?)\s*(?:,|\.|\s[-–—]|\s\()", re.UNICODE
)


def dateline_of(body: str) -> str | None:
    """The place word(s) of a dateline at the start of ``body`` (``ALMATY, Jan 5 (Reuters) -`` → ``ALMATY``,
    ``АСТАНА. 5 января.`` → ``АСТАНА``): upper-case words followed by a comma, a full stop, a dash or a bracket."""
    m = _DATELINE.match(body[:80])
    if not m:
        return None
    word = m.group(1).strip(" -")
    return word if len(word) >= 3 and word.upper() == word else None
