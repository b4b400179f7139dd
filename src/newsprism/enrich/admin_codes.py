"""Codes of first-level divisions: GeoNames' own codes mapped to ISO 3166-2, and the capital-letter postal codes
news write inside names ("NSW Police", "FrontCounter BC", "The NJ State Federation").

GeoNames writes the divisions of some countries with codes of its own ("02" for British Columbia, "F5" for Nelson in
New Zealand) where the divisions themselves carry ISO 3166-2 codes ("BC", "NSN"). Towns and counties take the ISO
code, so that a town, its province and a qualifier ("Castlegar, B.C.") agree. Each mapping was checked against the
division of the capital of every division in the index.
"""

from __future__ import annotations

__all__ = ["DIVISION_CODES", "ISO_ADMIN1", "iso_admin1"]


def _pairs(geonames: str, iso: str) -> dict[str, str]:
    return dict(zip(geonames.split(), iso.split(), strict=True))


ISO_ADMIN1: dict[str, dict[str, str]] = {
    "CA": _pairs("01 02 03 04 05 07 08 09 10 11 12 13 14", "AB BC MB NB NL NS ON PE QC SK YT NT NU"),
    "AU": _pairs("01 02 03 04 05 06 07 08", "ACT NSW NT QLD SA TAS VIC WA"),
    "NZ": _pairs(
        "E7 E8 E9 F1 F2 F3 F4 F5 F6 F7 F8 F9 G1 G2 G3", "AUK BOP CAN GIS HKB MWT MBH NSN NTL OTA STL TKI WKO WGN WTC"
    ),
    "ZA": _pairs("02 03 05 06 07 08 09 10 11", "KZN FS EC GP MP NC LP NW WC"),
    "IN": _pairs(
        "03 05 07 09 11 12 13 16 19 21 23 25 28 34 35 36 38 39 40",
        "AS CH DL GJ HP JK KL MH KA OD PB TN WB BR MP UP JH UK TS",
    ),
}

#: Capital-letter codes that stand for one division or country and are not English words or common abbreviations
#: (no "IN", "OR", "ME", "PA", "MD", "CA"): code -> (country, name of the division or country).
DIVISION_CODES: dict[str, tuple[str, str]] = {
    "NJ": ("US", "New Jersey"),
    "NY": ("US", "New York"),
    "NH": ("US", "New Hampshire"),
    "TX": ("US", "Texas"),
    "AZ": ("US", "Arizona"),
    "FL": ("US", "Florida"),
    "BC": ("CA", "British Columbia"),
    "NSW": ("AU", "New South Wales"),
    "QLD": ("AU", "Queensland"),
    "NZ": ("NZ", "New Zealand"),
}


def iso_admin1(country: str | None, admin1: str | None) -> str | None:
    """The ISO 3166-2 code of a GeoNames first-level division code, where they differ (else the code unchanged)."""
    table = ISO_ADMIN1.get(country or "")
    return table.get(admin1, admin1) if table and admin1 else admin1
