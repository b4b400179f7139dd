"""Named, versioned components: loaders, stages, corpus stages, stores, publishers and engines.

A component registers under a versioned name (``quotes.rules.v1``) with the kind of thing it is and what it
``requires`` and ``produces``, so a pipeline can be checked before it runs. Built-in components register exactly as
a plugin from another package would: through the ``newsprism.plugins`` entry-point group, whose entries point at
``register(registry)`` functions. Nothing is imported until a registry is asked for something.

What every article has before any stage runs is :data:`GIVEN`; everything else, ``article.language`` included, is
produced by a stage (``language.lingua.v1``). A plan of chosen stages that needs an article field none of them
produces gets the registered default stage that produces it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from .errors import ConfigError, PipelineError, UnknownComponentError

__all__ = ["DEFAULT_REGISTRY_REF", "GIVEN", "KINDS", "ComponentSpec", "Registry", "default_registry", "import_ref"]

#: The kinds of component a registry holds.
KINDS = ("loader", "stage", "corpus", "store", "publisher", "engine")

ENTRY_POINT_GROUP = "newsprism.plugins"

#: How a worker process rebuilds the registry of installed plugins (see :attr:`Registry.factory_ref`).
DEFAULT_REGISTRY_REF = "newsprism.registry:default_registry"

#: What every article has before any stage runs (``parse``: a spaCy parse, computed on demand by the stages).
GIVEN = frozenset({"article", "article.body", "article.title", "article.outlet", "parse"})


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """What a component is and what it needs.

    ``requires``/``produces`` name record kinds (``entities``), article fields (``article.language``) or shared
    analyses (``parse``: a spaCy parse). ``order`` breaks ties between stages whose requirements allow any order.
    ``options`` are the keyword options the factory accepts, with their defaults (an engine's ``workers``).
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

    def __init__(self, *, plugins: bool = False, factory_ref: str | None = None) -> None:
        """``plugins=True`` loads the installed ``newsprism.plugins`` entry points on first lookup.

        ``factory_ref`` (``"module:function"``) names a function that builds this registry again: worker processes
        and Spark executors rebuild it that way to find stages that cannot be pickled (closures).
        """
        self._specs: dict[str, dict[str, ComponentSpec]] = {k: {} for k in KINDS}
        self._autoload = plugins
        self._loaded_plugins = False
        self.factory_ref: str | None = factory_ref

    @classmethod
    def from_ref(cls, ref: str) -> Registry:
        """The registry built by the function ``ref`` names (``"mypkg.mod:make_registry"``), remembering ``ref``
        so worker processes rebuild it the same way."""
        factory = import_ref(ref)
        registry = factory() if callable(factory) else None
        if not isinstance(registry, Registry):
            raise ConfigError(f"{ref}: does not build a newsprism Registry (got {type(registry).__name__})")
        registry.factory_ref = registry.factory_ref or ref
        return registry

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

    def engine(self, name: str, *, settings: Any = None, **options: Any) -> Any:
        """The engine ``name`` (``local``, ``engine.spark`` or ``engine.local.v1``) made with ``settings`` and
        ``options``, each one the engine declares (its spec's ``options``: ``workers`` for the local engine,
        ``master`` for Spark); another option is a :class:`ConfigError` naming the valid ones."""
        spec = self.get("engine", name if name.startswith("engine.") else f"engine.{name}")
        unknown = sorted(set(options) - set(spec.options))
        if unknown:
            valid = ", ".join(sorted(spec.options)) or "none"
            raise ConfigError(f"engine {spec.name} has no option {', '.join(unknown)}; its options: {valid}")
        return spec.factory(**{**spec.options, **options}, settings=settings)

    # -- checking ----------------------------------------------------------------------------------------
    def plan(self, names: Iterable[str] | None = None, *, kind: str = "stage") -> list[ComponentSpec]:
        """The stages to run, in an order where each one's requirements are produced earlier.

        With ``names`` None, every default stage. Chosen stages that need an article field none of them produces
        (``article.language``) get the default stage that produces it (``language.lingua.v1``), planned before
        them. Raises :class:`PipelineError` naming a requirement no stage produces.
        """
        if names is None:
            chosen = [s for s in self.all(kind) if s.default]
        else:
            chosen = self._with_field_producers([self.get(kind, n) for n in names], kind)
        available = set(GIVEN)
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

    def _with_field_producers(self, chosen: list[ComponentSpec], kind: str) -> list[ComponentSpec]:
        """``chosen`` and, for each article field a chosen stage requires and none produces, the first default
        stage that produces it (and, in turn, what that one needs)."""
        chosen = list(chosen)
        while True:
            produced = GIVEN | {p for s in chosen for p in s.produces}
            missing = [r for s in chosen for r in s.requires if r.startswith("article.") and r not in produced]
            producers = [s for s in self.all(kind) if missing and s.default and missing[0] in s.produces]
            if not producers:
                return chosen  # nothing missing, or nothing to add: plan() names what is missing
            chosen.append(producers[0])


def import_ref(ref: str) -> Any:
    """The object ``ref`` names: ``"module:attribute"`` (``"mypkg.mod:make_registry"``)."""
    module, sep, attr = ref.partition(":")
    if not sep or not module or not attr:
        raise ConfigError(f"{ref!r}: name a function as MODULE:FUNCTION (e.g. mypkg.stages:make_registry)")
    try:
        obj: Any = importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(f"{ref}: cannot import {module} ({exc})") from None
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise ConfigError(f"{ref}: {module} has no {attr}") from None
    return obj


def _satisfied(requirement: str, available: set[str], planned: set[str]) -> bool:
    if requirement.endswith("?"):
        name = requirement[:-1]
        return name in available or name not in planned
    return requirement in available


def default_registry() -> Registry:
    """A new registry holding every installed plugin (built-ins included)."""
    reg = Registry(plugins=True, factory_ref=DEFAULT_REGISTRY_REF)
    reg.load_plugins()
    return reg
