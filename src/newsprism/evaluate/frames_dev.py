"""Generic frames scored on newsprism's own hand-annotated development set (``resources/frames_dev.yaml``).

The set holds ids and frame labels only, never text: English articles drawn from the AllSides corpus (Apache-2.0;
``splits/random`` train and valid only, never test) by :func:`allsides_sample`, each annotated on its first
paragraphs (:func:`annotated_text`, ``chars`` in the YAML), and the pages of the multilingual development set
(``resources/multilingual_dev.yaml``, texts in a folder of ``<id>.txt``).

Two fixed parts, chosen by id before any detector was run: ``held`` (AllSides: the half of the ids whose SHA-256
sorts first; pages: the ids ending in ``-01``, one per language, as in :mod:`newsprism.evaluate.multilingual`)
and ``tune`` (the others). The report gives micro-F1, precision and recall per language beside the trivial floor
on the same articles: a constant guess of the three most frequent frames of the tune part.

``newsprism evaluate --task frames-dev --data ALLSIDES_FOLDER [--pages PAGES_DIR] [--part held|tune|all] [--json]``.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError

__all__ = ["PARTS", "FrameItem", "allsides_held_ids", "allsides_sample", "annotated_text", "part_of"]

PARTS = ("held", "tune")
#: Characters of an AllSides article that were annotated: whole paragraphs up to this length (at least one).
CUT = 2500
SAMPLE_SEED = 17
SAMPLE_SIZE = 100


@dataclass(frozen=True, slots=True)
class FrameItem:
    """One annotated article: id, language, where it comes from, its gold frames and its part."""

    id: str
    lang: str
    source: str  # allsides | pages
    frames: frozenset[str]
    part: str
    topic: str = ""
    chars: int | None = None


def _split_ids(folder: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "valid"):  # the test split is never read
        path = folder / "splits" / "random" / f"{split}.tsv"
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                out += [row["ID"] for row in csv.DictReader(fh, delimiter="\t")]
        except (OSError, KeyError) as exc:
            raise ConfigError(f"cannot read the AllSides split {path}: {exc}") from None
    return out


def _records(folder: Path, wanted: set[str] | None = None) -> Iterator[dict[str, Any]]:
    path = folder / "articles.jsonl.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if wanted is None or rec.get("ID") in wanted:
                        yield rec
    except OSError as exc:
        raise InputError(str(path), str(exc)) from None


def annotated_text(body: str, limit: int = CUT) -> str:
    """The part of an article that was annotated: whole paragraphs while they fit in ``limit`` characters (the
    first paragraph always)."""
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    out: list[str] = []
    size = 0
    for p in paras:
        if out and size + len(p) + 2 > limit:
            break
        out.append(p)
        size += len(p) + 2
    return "\n\n".join(out)


def allsides_sample(folder: str | Path, n: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED) -> list[tuple[str, str]]:
    """(id, topic) of ``n`` AllSides articles drawn at random across topics: the topics in a seeded random order,
    one random article of each in turn (train and valid splits only; bodies under 600 characters are skipped)."""
    folder = Path(folder)
    allowed = set(_split_ids(folder))
    by_topic: dict[str, list[str]] = defaultdict(list)
    for rec in _records(folder, allowed):
        if len((rec.get("content_original") or "").strip()) >= 600:
            by_topic[str(rec.get("topic") or "")].append(str(rec["ID"]))
    rng = random.Random(seed)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    pools = {t: sorted(by_topic[t]) for t in topics}
    out: list[tuple[str, str]] = []
    while len(out) < n and any(pools.values()):
        for t in topics:
            if pools[t] and len(out) < n:
                out.append((pools[t].pop(rng.randrange(len(pools[t]))), t))
    return out


def part_of(item_id: str, source: str, allsides_held: set[str] | None = None) -> str:
    """The fixed part of an id (see the module docstring)."""
    if source == "pages":
        return "held" if item_id.endswith("-01") else "tune"
    return "held" if allsides_held is not None and item_id in allsides_held else "tune"


def allsides_held_ids(ids: Sequence[str]) -> set[str]:
    """The held half of the AllSides ids: those whose SHA-256 sorts first (ceil of half)."""
    ranked = sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
    return set(ranked[: (len(ranked) + 1) // 2])
