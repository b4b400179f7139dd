"""Person entities placed on a test's own text, for the speaker tests that give the entities stage's output."""

from __future__ import annotations

from newsprism.model import Entity


def people_at(text: str, *names: str) -> list[Entity]:
    """Person entities for each listed name, at each place it is written in ``text``."""
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            out.append(Entity(article_id="", start=at, end=at + len(name), text=name, type="person", canonical=name))
            at = text.find(name, at + 1)
    return out
