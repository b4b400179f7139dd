"""Evaluations against gold data: one module per thing evaluated, each with library functions and ``main(argv)``.

Every module takes its precision, recall and F1 from :class:`newsprism.evaluate.metrics.Report`, prints the split
it scored on and, given ``--json``, prints its report as JSON. ``newsprism evaluate --task NAME`` runs the module
:data:`TASK_MODULES` names (imported only then); another name ``X`` runs ``newsprism.evaluate.X``.

This package is a client of the library: it may import any part of it, and only the command line imports it.
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["TASK_MODULES", "task_module"]

#: ``newsprism evaluate --task NAME`` -> the module of this package whose ``main(argv)`` runs it.
TASK_MODULES: dict[str, str] = {
    "genre": "semeval",  # the official SemEval-2023 Task 3 figures on labelled data
    "frames": "semeval",
    "techniques": "semeval",
    "all": "semeval",
    "seed": "frames",  # frames, techniques and genre against the seed page's gold
    "claims": "claims",
    "entities": "entities",
    "events": "events",
    "multilingual": "multilingual",
    "genre-allsides": "genre_allsides",  # genre on AllSides articles labelled by outlet and URL (open data)
    "genre-pages": "genre_pages",  # genre on real pages in eight languages labelled by section (check set)
    "frames-dev": "frames_dev",  # generic frames on our own hand-annotated AllSides articles and dev pages
    "techniques-pages": "techniques_pages",  # techniques per paragraph on real pages in eight languages (check set)
    "outlets": "outlets",
    "pages": "pages",
    "places": "places",
    "places-local": "places_local",  # place names in local US news (newsprism's own check set, issue 13)
    "quotes": "quotes",
    "stories": "stories",
}


def task_module(task: str) -> ModuleType:
    """The module that runs ``task``, imported now (raises ``ModuleNotFoundError`` for an unknown name)."""
    import importlib

    return importlib.import_module(f"{__name__}.{TASK_MODULES.get(task, task.replace('-', '_'))}")
