"""What every engine ships to its workers: a picklable stage plan, and the per-process work on one batch.

A :class:`StagePlan` names the stages to run and how a worker process finds them again:

* a stage whose factory pickles by reference (a module-level function, e.g. ``mypkg.stages:make_quotes``) is
  shipped as is — the worker imports the factory's module, so that module must be importable there;
* any other stage (a factory defined inside a plugin's ``register`` function) is looked up by name in a registry
  rebuilt in the worker by ``registry_ref``, a ``"module:function"`` returning a :class:`Registry`
  (default ``newsprism.registry:default_registry``: every installed ``newsprism.plugins`` entry point).
  A custom registry advertises its own factory with ``Registry(factory_ref="mypkg.mod:make_registry")`` (or
  ``registry.factory_ref = ...``); ``Registry.from_ref("mypkg.mod:make_registry")`` builds one that does.

Each worker process builds its :class:`~newsprism.pipeline.Resources` once per plan (models load once per
process) and keeps it in a small per-process cache for the next batches; only articles and results cross process
boundaries, never spaCy docs.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..errors import PipelineError
from ..model import Article, Item
from ..pipeline import ArticleResult, Resources, run_stages
from ..registry import DEFAULT_REGISTRY_REF, ComponentSpec, Registry

__all__ = ["StagePlan", "apply_fields", "plan_for", "process_batch", "worker_resources"]

# per-process cache: plan key -> (resources, specs); filled lazily in each worker, never at import
_WORKER_STATE: dict[str, tuple[Resources, list[ComponentSpec]]] = {}


@dataclass(frozen=True, slots=True)
class StagePlan:
    """The stages to run, portable to another process or machine."""

    names: tuple[str, ...]
    specs: tuple[bytes | None, ...]  # pickled ComponentSpec, or None: look the name up in the rebuilt registry
    registry_ref: str = DEFAULT_REGISTRY_REF
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        h = hashlib.sha256(repr((self.names, self.specs, self.registry_ref, sorted(self.settings.items()))).encode())
        return h.hexdigest()[:16]


def plan_for(specs: Sequence[ComponentSpec], resources: Resources) -> StagePlan:
    """The portable form of ``specs`` run with ``resources``' settings and registry."""
    shipped: list[bytes | None] = []
    for spec in specs:
        try:
            shipped.append(pickle.dumps(spec))
        except (pickle.PicklingError, AttributeError, TypeError):
            shipped.append(None)  # a closure: rebuilt from the registry by name
    reg = resources._registry
    ref = reg.factory_ref if reg is not None else None
    return StagePlan(
        names=tuple(s.name for s in specs),
        specs=tuple(shipped),
        registry_ref=ref or DEFAULT_REGISTRY_REF,
        settings=resources.settings.as_dict(),
    )


def _build(plan: StagePlan) -> tuple[Resources, list[ComponentSpec]]:
    settings = Settings(env={}, **plan.settings)
    registry: Registry | None = None
    specs: list[ComponentSpec] = []
    for name, blob in zip(plan.names, plan.specs, strict=True):
        if blob is not None:
            specs.append(pickle.loads(blob))
            continue
        if registry is None:
            registry = Registry.from_ref(plan.registry_ref)
        try:
            specs.append(registry.get("stage", name))
        except Exception as exc:
            raise PipelineError(
                f"stage {name} is not in the registry rebuilt by {plan.registry_ref} in this worker: {exc}"
            ) from exc
    return Resources(settings, registry), specs


def worker_resources(plan: StagePlan) -> tuple[Resources, list[ComponentSpec]]:
    """This process's resources and stages for ``plan``, built on first use and reused for every later batch."""
    state = _WORKER_STATE.get(plan.key)
    if state is None:
        state = _WORKER_STATE[plan.key] = _build(plan)
    return state


def process_batch(
    plan: StagePlan,
    articles: Sequence[Article],
    prior: dict[str, dict[str, list[Item]]] | None = None,
    done: dict[str, set[str]] | None = None,
) -> list[ArticleResult]:
    """Run the plan's stages over one batch in this process (the same core every engine calls)."""
    resources, specs = worker_resources(plan)
    return run_stages(articles, specs, resources, prior=prior, done=done)


def apply_fields(article: Article, result: ArticleResult) -> Article:
    """Set the article fields stages produced (``genre`` ...) on ``article``; returns it."""
    for out in result.outputs:
        for name, value in out.fields.items():
            setattr(article, name, value)
    return article
