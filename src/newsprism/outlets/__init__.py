"""Outlets: who is speaking. Resolution of articles to outlets and the labels kept on them, with their sources."""

from __future__ import annotations

__all__: list[str] = []
