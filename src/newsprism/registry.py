"""Named, versioned components: loaders, stages, corpus stages, stores, publishers and engines.

A component registers under a versioned name (``quotes.rules.v1``) with the kind of thing it is and what it
``requires`` and ``produces``, so a pipeline can be checked before it runs. Built-in components register exactly as
a plugin from another package would: through the ``newsprism.plugins`` entry-point group, whose entries point at
``register(registry)`` functions. Nothing is imported until a registry is asked for something.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from .errors import PipelineError, UnknownComponentError

__all__ = ["KINDS", "ComponentSpec", "Registry", "default_registry"]

#: The kinds of component a registry holds.
KINDS = ("loader", "stage", "corpus", "store", "publisher", "engine")

ENTRY_POINT_GROUP = "newsprism.plugins"


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """What a component is and what it needs.

    ``requires``/``produces`` name record kinds (``entities``), article fields (``article.language``) or shared
    analyses (``parse``: a spaCy parse). ``order`` breaks ties between stages whose requirements allow any order.
    """

    name: str
    kind: str
    factory: Callable[..., Any]
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    description: str = ""
    order: int = 100
    default: bool = True  # part of the default pipeline
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        """The name without its version: ``quotes.rules`` for ``quotes.rules.v1``."""
        head, _, tail = self.name.rpartition(".")
        return head if tail.startswith("v") and tail[1:].isdigit() else self.name

    @property
    def version(self) -> str:
        tail = self.name.rpartition(".")[2]
        return tail if tail.startswith("v") and tail[1:].isdigit() else "v1"


class Registry:
    """Components by kind and name. ``Registry()`` is empty; ``default_registry()`` holds the installed plugins."""

    def __init__(self, *, plugins: bool = False) -> None:
        """``plugins=True`` loads the installed ``newsprism.plugins`` entry points on first lookup."""
        self._specs: dict[str, dict[str, ComponentSpec]] = {k: {} for k in KINDS}
        self._autoload = plugins
        self._loaded_plugins = False

    @classmethod
    def from_plugins(cls, *, kinds: Iterable[str] = KINDS) -> Registry:
        """A registry holding the installed plugins' components of ``kinds`` only (e.g. every engine and store
        but none of the stages, for a pipeline made of one's own stages)."""
        full = default_registry()
        reg = cls()
        for kind in kinds:
            for spec in full.all(kind):
                reg.add(spec)
        return reg

    # -- registration -------------------------------------------------------------------------------------
    def add(self, spec: ComponentSpec) -> ComponentSpec:
        if spec.kind not in self._specs:
            raise UnknownComponentError(spec.kind, "component kind", KINDS)
        self._specs[spec.kind][spec.name] = spec
        return spec

    def register(
        self,
        name: str,
        kind: str,
        *,
        requires: Iterable[str] = (),
        produces: Iterable[str] = (),
        description: str = "",
        order: int = 100,
        default: bool = True,
        options: dict[str, Any] | None = None,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator form of :meth:`add`."""

        def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
            self.add(
                ComponentSpec(
                    name=name,
                    kind=kind,
                    factory=factory,
                    requires=tuple(requires),
                    produces=tuple(produces),
                    description=description or (factory.__doc__ or "").strip().split("\n")[0],
                    order=order,
                    default=default,
                    options=dict(options or {}),
                )
            )
            return factory

        return deco

    def load_plugins(self) -> None:
        """Import every ``newsprism.plugins`` entry point and let it register its components."""
        if self._loaded_plugins:
            return
        self._loaded_plugins = self._autoload = True
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            ep.load()(self)

    # -- lookup ---------------------------------------------------------------------------------------------
    def _ensure_plugins(self) -> None:
        if self._autoload and not self._loaded_plugins:
            self.load_plugins()

    def get(self, kind: str, name: str) -> ComponentSpec:
        self._ensure_plugins()
        specs = self._specs.get(kind)
        if specs is None:
            raise UnknownComponentError(kind, "component kind", KINDS)
        if name in specs:
            return specs[name]
        # a family name picks its newest version: "quotes.rules" -> "quotes.rules.v2"
        family = [s for s in specs.values() if s.family == name]
        if family:
            return max(family, key=lambda s: int(s.version[1:]))
        raise UnknownComponentError(name, kind, specs)

    def all(self, kind: str) -> list[ComponentSpec]:
        self._ensure_plugins()
        return sorted(self._specs[kind].values(), key=lambda s: (s.order, s.name))

    def create(self, kind: str, name: str, **kwargs: Any) -> Any:
        spec = self.get(kind, name)
        return spec.factory(**{**spec.options, **kwargs})

    # -- checking ----------------------------------------------------------------------------------------
    def plan(self, names: Iterable[str] | None = None, *, kind: str = "stage") -> list[ComponentSpec]:
        """The stages to run, in an order where each one's requirements are produced earlier.

        With ``names`` None, every default stage. Raises :class:`PipelineError` naming a requirement no stage
        produces.
        """
        if names is None:
            chosen = [s for s in self.all(kind) if s.default]
        else:
            chosen = [self.get(kind, n) for n in names]
        available = {"article", "article.body", "article.title", "article.outlet", "article.language", "parse"}
        pending = sorted(chosen, key=lambda s: (s.order, s.name))
        ordered: list[ComponentSpec] = []
        # an optional requirement ("entities?") orders a stage after the chosen stages that produce it, if any
        planned = {p for s in chosen for p in s.produces}
        while pending:
            ready = [s for s in pending if all(_satisfied(r, available, planned - set(s.produces)) for r in s.requires)]
            if not ready:
                missing = sorted({r for s in pending for r in s.requires if not _satisfied(r, available, planned)})
                names_left = ", ".join(s.name for s in pending)
                raise PipelineError(f"stages {names_left} require {', '.join(missing)}, which no chosen stage produces")
            first = ready[0]
            ordered.append(first)
            pending.remove(first)
            available.update(first.produces)
        return ordered


def _satisfied(requirement: str, available: set[str], planned: set[str]) -> bool:
    if requirement.endswith("?"):
        name = requirement[:-1]
        return name in available or name not in planned
    return requirement in available


def default_registry() -> Registry:
    """A new registry holding every installed plugin (built-ins included)."""
    reg = Registry(plugins=True)
    reg.load_plugins()
    return reg
