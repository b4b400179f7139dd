"""US state codes as local news writes them after a town: postal codes ("Fergus Falls, MN") and AP abbreviations
typed without their full stop ("Alexandria, La -"). Facts (USPS and AP style), used by the places stage to read
"Town, ST" as a town and its state."""

from __future__ import annotations

__all__ = ["AP_FORMS", "POSTAL", "PROVINCE_CODES", "state_code"]

#: USPS code -> the state's name (the District of Columbia included).
POSTAL: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip

#: AP style abbreviations, written without the full stop -> USPS code.
AP_FORMS: dict[str, str] = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Colo": "CO", "Conn": "CT", "Del": "DE", "Fla": "FL",
    "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA", "Md": "MD",
    "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE", "Nebr": "NE",
    "Nev": "NV", "Okla": "OK", "Ore": "OR", "Pa": "PA", "Tenn": "TN", "Tex": "TX", "Va": "VA", "Vt": "VT",
    "Wash": "WA", "Wis": "WI", "Wyo": "WY",
}  # fmt: skip


def state_code(word: str) -> str | None:
    """The USPS code a word after "Town, " may stand for: a postal code in capitals, an AP abbreviation with or
    without its full stop, or a state's name in capitals ("LA", "La", "La.", "Minn."); else None."""
    w = word.rstrip(".")
    if w.isupper() and w in POSTAL:
        return w
    return AP_FORMS.get(w)


#: Canadian and Australian codes written after a town ("Nelson, BC", "Newcastle, NSW") -> (country, ISO code);
#: only those no US state shares ("ON", "WA", "SA", "NT" are not read).
PROVINCE_CODES: dict[str, tuple[str, str]] = {
    "AB": ("CA", "AB"), "BC": ("CA", "BC"), "MB": ("CA", "MB"), "NB": ("CA", "NB"), "NL": ("CA", "NL"),
    "NS": ("CA", "NS"), "PEI": ("CA", "PE"), "QC": ("CA", "QC"), "SK": ("CA", "SK"), "YT": ("CA", "YT"),
    "NU": ("CA", "NU"), "NSW": ("AU", "NSW"), "VIC": ("AU", "VIC"), "QLD": ("AU", "QLD"), "TAS": ("AU", "TAS"),
    "ACT": ("AU", "ACT"),
}  # fmt: skip
