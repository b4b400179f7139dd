"""The outlet registry shipped with newsprism (``resources/outlets/*.yaml``) and the indexes that resolve into it.

Facts only — name, domains, country, languages, kind, ownership and state affiliation — each entry with its source.
Users may add their own files in ``$NEWSPRISM_HOME/outlets/*.yaml`` (same format; an entry with an existing ``id``
replaces the shipped one). Load it through :func:`registry_for` so it is read once and cached on ``resources``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import ConfigError
from ..model import Outlet, OutletLabel
from .domains import Suffixes, domain_keys, host_of, load_suffixes, slug
from .names import name_key

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = [
    "AFFILIATIONS",
    "ENTRY_FIELDS",
    "KINDS",
    "REGISTRY_SOURCE",
    "OutletRegistry",
    "load_registry",
    "registry_facts",
    "registry_for",
    "suffixes_for",
]

KINDS = ("newspaper", "magazine", "broadcaster", "agency", "think tank", "blog", "aggregator", "online")
#: Ownership: owned/controlled by a state; funded by a state behind an editorial firewall; public-service
#: broadcaster with independent governance; not owned, controlled or funded by a state.
AFFILIATIONS = ("state", "state-funded", "public", "independent")
#: ``source`` of the labels copied from the registry into the store.
REGISTRY_SOURCE = "registry:newsprism"
ENTRY_FIELDS = {
    "id",
    "name",
    "long_name",
    "domains",
    "aliases",
    "country",
    "languages",
    "kind",
    "affiliation",
    "owner_state",
    "owner",
    "parent",
    "source",
}
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass(slots=True)
class OutletRegistry:
    """Registry outlets by id, with indexes by domain key and by name key."""

    outlets: dict[str, Outlet] = field(default_factory=dict)
    affiliation: dict[str, str] = field(default_factory=dict)  # id -> state | state-funded | public | independent
    parents: dict[str, str] = field(default_factory=dict)
    by_domain: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    ambiguous_names: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets.values())

    def get(self, outlet_id: str) -> Outlet | None:
        return self.outlets.get(outlet_id)

    def find_domain(self, url_or_domain: str | None, suffixes: Suffixes) -> Outlet | None:
        """The outlet a URL or domain belongs to: the most specific registered key wins (path, host, parents)."""
        for key in domain_keys(url_or_domain, suffixes):
            hit = self.by_domain.get(key)
            if hit:
                return self.outlets[hit]
        return None

    def find_name(self, name: str | None) -> Outlet | None:
        """The outlet whose name, long name or alias has the same key as ``name`` (none when ambiguous)."""
        if not name:
            return None
        hit = self.by_name.get(name_key(name))
        return self.outlets[hit] if hit else None

    def _index(self, outlet: Outlet, where: str) -> None:
        for dom in outlet.domains:
            key = dom.lower().strip().rstrip("/")
            if key.startswith("www."):
                key = key[4:]
            other = self.by_domain.get(key)
            if other and other != outlet.id:
                raise ConfigError(f"{where}: domain {dom!r} of {outlet.id!r} is already claimed by {other!r}")
            self.by_domain[key] = outlet.id
        for text in (outlet.name, outlet.long_name, *outlet.aliases, *outlet.domains[:1]):
            if not text:
                continue
            key = name_key(text)
            if not key:
                continue
            other = self.by_name.get(key)
            if other and other != outlet.id:
                self.ambiguous_names.add(key)
                continue
            if key not in self.ambiguous_names:
                self.by_name[key] = outlet.id
        for key in self.ambiguous_names:
            self.by_name.pop(key, None)


def _as_list(value: Any, what: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: {what} must be a string or a list of strings")


def _entry_to_outlet(entry: Any, where: str) -> tuple[Outlet, str | None, str | None]:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each entry must be a mapping of fields")
    unknown = set(entry) - ENTRY_FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; valid: {', '.join(sorted(ENTRY_FIELDS))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: 'name' is required")
    where = f"{where} ({name})"
    domains = [d.strip().lower() for d in _as_list(entry.get("domains"), "domains", where)]
    for dom in domains:
        if host_of(dom) is None:
            raise ConfigError(f"{where}: {dom!r} is not a domain")
    country = entry.get("country")
    if not isinstance(country, str) or not _COUNTRY.match(country):
        raise ConfigError(f"{where}: 'country' must be an ISO 3166-1 alpha-2 code such as GB, got {country!r}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{where}: 'kind' {kind!r} is not valid; valid: {', '.join(KINDS)}")
    affiliation = entry.get("affiliation")
    if affiliation is not None and affiliation not in AFFILIATIONS:
        raise ConfigError(f"{where}: 'affiliation' {affiliation!r} is not valid; valid: {', '.join(AFFILIATIONS)}")
    owner_state = entry.get("owner_state")
    if affiliation in ("state", "state-funded") and not owner_state:
        raise ConfigError(f"{where}: a {affiliation} outlet needs 'owner_state'")
    if owner_state is not None and (not isinstance(owner_state, str) or not _COUNTRY.match(owner_state)):
        raise ConfigError(f"{where}: 'owner_state' must be an ISO alpha-2 code, got {owner_state!r}")
    languages = _as_list(entry.get("languages"), "languages", where)
    for lang in languages:
        if not _LANG.match(lang):
            raise ConfigError(f"{where}: language {lang!r} is not an ISO 639-1 code")
    sources = _as_list(entry.get("source"), "source", where)
    if not sources:
        raise ConfigError(f"{where}: 'source' is required (where the facts were checked)")
    outlet_id = entry.get("id") or (domains[0] if domains else slug(name))
    state_affiliated = None if affiliation is None else affiliation in ("state", "state-funded")
    outlet = Outlet(
        id=str(outlet_id),
        name=name.strip(),
        long_name=entry.get("long_name"),
        domains=domains,
        aliases=_as_list(entry.get("aliases"), "aliases", where),
        country=country,
        languages=languages,
        kind=kind,
        state_affiliated=state_affiliated,
        owner_state=owner_state,
        owner=entry.get("owner"),
        sources=sources,
        known=True,
    )
    return outlet, affiliation, entry.get("parent")


def _bundled_files() -> list[tuple[str, str]]:
    folder = importlib_resources.files(__package__).joinpath("resources/outlets")
    files = sorted((p.name, p) for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))
    return [(f"newsprism/outlets/resources/outlets/{name}", p.read_text("utf-8")) for name, p in files]


def load_registry(*, extra: Sequence[Path] = (), bundled: bool = True) -> OutletRegistry:
    """Read the shipped registry (and ``extra`` YAML files, which may replace shipped entries by id)."""
    texts: list[tuple[str, str]] = _bundled_files() if bundled else []
    for path in extra:
        try:
            texts.append((str(path), Path(path).read_text("utf-8")))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read outlet registry file: {exc.strerror or exc}") from exc
    reg = OutletRegistry()
    entries: dict[str, tuple[Outlet, str | None, str | None, str]] = {}
    for where, text in texts:
        try:
            data = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader (libyaml when present)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{where}: not valid YAML: {exc}") from exc
        if data is None:
            continue
        if not isinstance(data, list):
            raise ConfigError(f"{where}: an outlet registry file is a list of outlets")
        reg.files.append(where)
        seen_here: set[str] = set()
        for i, entry in enumerate(data):
            outlet, affiliation, parent = _entry_to_outlet(entry, f"{where}: entry {i + 1}")
            if outlet.id in seen_here:
                raise ConfigError(f"{where}: entry {i + 1}: id {outlet.id!r} appears twice")
            seen_here.add(outlet.id)
            entries[outlet.id] = (outlet, affiliation, parent, where)
    for outlet, affiliation, parent, where in entries.values():
        reg.outlets[outlet.id] = outlet
        if affiliation:
            reg.affiliation[outlet.id] = affiliation
        if parent:
            reg.parents[outlet.id] = parent
        reg._index(outlet, where)
    for child, parent in reg.parents.items():
        if parent not in reg.outlets:
            raise ConfigError(f"outlet registry: parent {parent!r} of {child!r} is not in the registry")
    return reg


def _user_files() -> list[Path]:
    from ..config import data_dir

    folder = data_dir() / "outlets"
    return sorted(p for p in folder.glob("*.y*ml")) if folder.is_dir() else []


def registry_for(resources: Resources) -> OutletRegistry:
    """The registry, read once per ``resources`` (shipped files, then the user's own)."""
    return resources.get("outlets.registry", lambda _res: load_registry(extra=_user_files()))


def suffixes_for(resources: Resources) -> Suffixes:
    return resources.get("outlets.suffixes", lambda _res: load_suffixes())


def registry_facts(outlet: Outlet, registry: OutletRegistry) -> list[OutletLabel]:
    """The registry's facts about ``outlet`` as ``registry`` labels (country, kind, state affiliation, owner)."""
    note = "; ".join(outlet.sources) or None
    facts: list[tuple[str, str | None]] = [
        ("country", outlet.country),
        ("kind", outlet.kind),
        ("state_affiliated", None if outlet.state_affiliated is None else str(outlet.state_affiliated).lower()),
        ("affiliation", registry.affiliation.get(outlet.id)),
        ("owner_state", outlet.owner_state),
    ]
    return [
        OutletLabel(field=f, value=v, source=REGISTRY_SOURCE, source_kind="registry", note=note) for f, v in facts if v
    ]


def iter_registry_sources(registry: OutletRegistry) -> Iterable[tuple[str, list[str]]]:
    for outlet in registry:
        yield outlet.id, outlet.sources
