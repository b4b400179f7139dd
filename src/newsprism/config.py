"""Settings: a declared table of names, defaults and help, read from keyword arguments and ``NEWSPRISM_*``.

``Settings()`` gives the defaults overridden by environment variables (``NEWSPRISM_FETCH_TIMEOUT=5``); keyword
arguments override both. ``newsprism settings`` prints the table.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, UnknownComponentError

__all__ = ["SETTINGS", "Setting", "Settings", "data_dir", "default_db_path"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_input_bytes", 50_000_000, "largest input file or download read, in bytes"),
    Setting("max_article_chars", 2_000_000, "longest article body kept, in characters"),
    Setting("max_parse_chars", 1_000_000, "longest body the stages analyse; a longer one is a recorded failure"),
    Setting("stage_timeout", 300.0, "CPU seconds one stage may spend on one article before it is recorded as failed"),
    Setting("stage_memory_mb", 1024, "MB of memory one stage may add on one article before it is recorded as failed"),
    Setting("fetch_timeout", 20.0, "seconds to wait for one URL or feed"),
    Setting("fetch_max_bytes", 20_000_000, "largest response body downloaded, in bytes"),
    Setting("fetch_full_pages", False, "fetch the linked page when a feed entry holds only a summary"),
    Setting("user_agent", "newsprism/0.1 (+local analysis tool)", "User-Agent sent with fetches"),
    Setting(
        "languages",
        "en,ru,zh,kk,uk,de,fr,es,it,pt,pl,tr,ar,fa,az,ky,uz,hu,fi,sv,nl,el,bg,hy,ka,ja,ko",
        "languages the detector chooses from",
    ),
    Setting("near_duplicate_threshold", 0.9, "Jaccard similarity of 5-word shingles above which texts are one"),
    Setting("batch_size", 64, "articles per batch handed to the stages"),
    Setting("story_window_days", 4, "articles further apart than this are not put in one story"),
    Setting("story_threshold", 0.32, "similarity above which an article joins a story"),
    Setting("aliases_files", "", "extra alias YAML files for entity resolution, separated by the OS path separator"),
    Setting("workers", 1, "processes of the local engine (0 = one per core)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings. Attribute access: ``settings.fetch_timeout``."""

    def __init__(self, env: Mapping[str, str] | None = None, **overrides: Any) -> None:
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = env.get("NEWSPRISM_" + s.name.upper())
            values[s.name] = s.default if raw is None else _coerce(s, raw)
        for key, value in overrides.items():
            if key not in _BY_NAME:
                raise UnknownComponentError(key, "setting", _BY_NAME)
            values[key] = _coerce(_BY_NAME[key], value) if isinstance(value, str) else value
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def replace(self, **overrides: Any) -> Settings:
        return Settings(env={}, **{**self._values, **overrides})


def _coerce(setting: Setting, raw: str) -> Any:
    kind = type(setting.default)
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except ValueError:
        raise ConfigError(f"setting {setting.name}: {raw!r} is not a valid {kind.__name__}") from None


def data_dir() -> Path:
    """The user's newsprism data folder (``$NEWSPRISM_HOME``, else ``$XDG_DATA_HOME/newsprism``)."""
    home = os.environ.get("NEWSPRISM_HOME")
    if home:
        return Path(home)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "newsprism"


def default_db_path() -> Path:
    """``$NEWSPRISM_DB`` or ``newsprism.db`` in the data folder."""
    env = os.environ.get("NEWSPRISM_DB")
    return Path(env) if env else data_dir() / "newsprism.db"
