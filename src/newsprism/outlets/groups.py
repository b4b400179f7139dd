"""Country groups ("Russian state", "Chinese state", "regional", "Western" …): the rules of the ``group``
comparison axis, read from ``resources/country_groups.yaml`` or the user's ``$NEWSPRISM_HOME/country_groups.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

__all__ = ["OTHER", "UNKNOWN", "CountryGroup", "group_of", "load_groups", "parse_groups"]

OTHER = "other"
UNKNOWN = "unknown"
STORY = "story"
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class CountryGroup:
    name: str
    countries: frozenset[str] | None = None  # None: any country
    story: bool = False  # the countries the story's places are in
    state: bool | None = None

    def matches(self, country: str | None, owner_state: str | None, state: bool | None, story: Collection[str]) -> bool:
        if self.state is not None and state is not self.state:
            return False
        where = {c for c in (country, owner_state if state else None) if c}
        if self.story and not (where & set(story)):
            return False
        return not (self.countries is not None and not (where & self.countries))


def parse_groups(data: Any, where: str) -> list[CountryGroup]:
    """Groups from the parsed YAML ``data`` (a list of mappings); errors name ``where`` and the entry."""
    if not isinstance(data, list):
        raise ConfigError(f"{where}: a country groups file is a list of groups")
    out: list[CountryGroup] = []
    for i, entry in enumerate(data, 1):
        here = f"{where}: group {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise ConfigError(f"{here}: each group is a mapping with a 'name'")
        unknown = set(entry) - {"name", "countries", "state"}
        if unknown:
            raise ConfigError(f"{here}: unknown field(s) {sorted(unknown)}; valid: name, countries, state")
        countries, story = entry.get("countries"), False
        codes: frozenset[str] | None = None
        if countries == STORY:
            story = True
        elif countries is not None:
            if not isinstance(countries, list) or not all(isinstance(c, str) and _CODE.match(c) for c in countries):
                raise ConfigError(f"{here}: 'countries' is a list of ISO alpha-2 codes (GB, KZ) or the word 'story'")
            codes = frozenset(countries)
        state = entry.get("state")
        if state is not None and not isinstance(state, bool):
            raise ConfigError(f"{here}: 'state' is true or false, got {state!r}")
        out.append(CountryGroup(name=entry["name"].strip(), countries=codes, story=story, state=state))
    return out


def load_groups(path: str | Path | None = None) -> list[CountryGroup]:
    """The user's groups (``path``, else ``$NEWSPRISM_HOME/country_groups.yaml`` when present), else the defaults."""
    from ..config import data_dir

    own = Path(path) if path else data_dir() / "country_groups.yaml"
    if path or own.is_file():
        try:
            text, where = own.read_text("utf-8"), str(own)
        except OSError as exc:
            raise ConfigError(f"{own}: cannot read country groups: {exc.strerror or exc}") from exc
    else:
        text = importlib_resources.files(__package__).joinpath("resources/country_groups.yaml").read_text("utf-8")
        where = "newsprism/outlets/resources/country_groups.yaml"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from exc
    return parse_groups(data, where)


def group_of(
    groups: Sequence[CountryGroup],
    *,
    country: str | None,
    owner_state: str | None = None,
    state: bool | None = None,
    story_countries: Collection[str] = (),
) -> str:
    """The name of the first group that matches the outlet; ``other``, or ``unknown`` when it has no country."""
    for g in groups:
        if g.matches(country, owner_state, state, story_countries):
            return g.name
    return OTHER if country else UNKNOWN
