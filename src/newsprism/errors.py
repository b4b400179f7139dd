"""One error tree for everything newsprism raises on purpose.

::

    NewsprismError
    ├── ConfigError                 a setting, option or file the user gave is not valid
    │   └── UnknownComponentError   a name that is not registered (lists the valid names)
    ├── InputError                  one input document could not be read (names the input and the reason)
    │   ├── EmptyInputError
    │   ├── UnsupportedInputError   binary, too large, not a feed, HTML without an article ...
    │   └── FetchError              a URL could not be fetched (timeout, status, size)
    ├── LabelFileError              a label file row is wrong (names file, line and the valid values)
    ├── StoreError                  the store could not be opened, migrated or written
    ├── PipelineError               stages do not fit together (a requirement nobody produces)
    └── StageError                  one stage failed on one article (recorded, the batch goes on)

Messages say what was wrong, where, and what would be valid.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ConfigError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "LabelFileError",
    "NewsprismError",
    "PipelineError",
    "StageError",
    "StoreError",
    "UnknownComponentError",
    "UnsupportedInputError",
]


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class ConfigError(NewsprismError):
    pass


class UnknownComponentError(ConfigError):
    def __init__(self, name: str, what: str, valid: Iterable[str]) -> None:
        self.name = name
        self.valid = sorted(valid)
        super().__init__(f"unknown {what} {name!r}; valid: {', '.join(self.valid) or '(none registered)'}")


class InputError(NewsprismError):
    """One input could not be ingested. ``source`` names it, ``reason`` says why in one line."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class EmptyInputError(InputError):
    pass


class UnsupportedInputError(InputError):
    pass


class FetchError(InputError):
    pass


class LabelFileError(NewsprismError):
    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(NewsprismError):
    pass


class PipelineError(NewsprismError):
    pass


class StageError(NewsprismError):
    def __init__(self, stage: str, article_id: str, reason: str) -> None:
        self.stage = stage
        self.article_id = article_id
        self.reason = reason
        super().__init__(f"stage {stage} failed on article {article_id}: {reason}")
