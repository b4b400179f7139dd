"""Publishers: exports (JSON Lines, CSV, Parquet, GDELT-style tables) and the briefing, registered by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["register"]


def register(registry: Registry) -> None:
    def exporter(fmt: str) -> Callable[..., Any]:
        def factory(**_: Any) -> Any:
            from .export import Exporter

            return Exporter(fmt)

        factory.__doc__ = f"export every record type as {fmt}"
        return factory

    for fmt in ("jsonl", "csv", "parquet"):
        registry.register(f"export.{fmt}.v1", "publisher")(exporter(fmt))

    def gdelt(**_: Any) -> Any:
        from .gdelt import GdeltExporter

        return GdeltExporter()

    registry.register("export.gdelt.v1", "publisher", description="GDELT-style events, mentions and GKG tables")(gdelt)
