"""Engines: what runs the stages over batches of articles (in this process, over local cores, or on Spark)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["register"]


def register(registry: Registry) -> None:
    def local_engine(*, settings: Any = None, **_: Any) -> Any:
        from .local import LocalEngine

        return LocalEngine(settings=settings)

    registry.register("engine.local.v1", "engine", description="runs stages in this process")(local_engine)
