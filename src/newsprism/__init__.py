"""newsprism: see one news story through every outlet's eyes.

The public API; every name is imported on first use, so ``import newsprism`` loads nothing heavy.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "AnalyzeReport": "api",
    "Article": "model",
    "Claim": "model",
    "Entity": "model",
    "Event": "model",
    "Frame": "model",
    "NewsprismError": "errors",
    "Outlet": "model",
    "OutletLabel": "model",
    "Pipeline": "pipeline",
    "Place": "model",
    "Quote": "model",
    "Registry": "registry",
    "Resources": "pipeline",
    "RetryReport": "api",
    "Settings": "config",
    "Span": "model",
    "Story": "model",
    "Technique": "model",
    "analyze": "api",
    "default_registry": "registry",
    "export": "publish.export",
    "ingest_sources": "api",
    "open_store": "store",
    "retry_failures": "api",
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
