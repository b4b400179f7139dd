"""The local engine: stages run batch by batch in this process, with bounded memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..config import Settings
from ..model import Article, Item
from ..pipeline import ArticleResult, Resources, run_stages
from ..registry import ComponentSpec

__all__ = ["LocalEngine"]


class LocalEngine:
    name = "engine.local.v1"

    def __init__(self, *, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def map(
        self,
        batches: Iterable[tuple[list[Article], dict[str, dict[str, list[Item]]]]],
        specs: Sequence[ComponentSpec],
        resources: Resources,
        done: dict[str, set[str]],
    ) -> Iterator[list[ArticleResult]]:
        for articles, prior in batches:
            yield run_stages(articles, specs, resources, prior=prior, done=done)

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "workers": 1}
