"""Calibrated ranking of the generic frames: a small logistic model over the lexicon's evidence for each frame.

For each article and frame the lexicon (:func:`newsprism.enrich.frames.generic_frame_scores`) gives a cue mass;
:func:`frame_features` turns the masses of one article into a few numbers per frame (its mass, its share of the
article's mass, its rank among the frames, how many sentences and distinct cues carry it), and one logistic model
shared by all frames, with an intercept per frame, turns them into a probability. The detector reports the frames
whose probability reaches ``threshold`` (at most ``max_frames``), and when none does, the most probable one if its
mass reaches ``min_mass`` (an article is about something: the strongest evidence is reported rather than nothing).

``resources/generic_frames_ranker.json`` holds the weights, fitted by :mod:`newsprism.learn.frames_ranker` on the
tune part of newsprism's own annotated frame set (``evaluate/resources/frames_dev.yaml``); the file names its source.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from typing import Any

from ..errors import ConfigError

__all__ = ["FEATURES", "FrameRanker", "frame_features", "load_frame_ranker", "ranker_from"]

#: The per-frame features, in the order of the weights.
FEATURES = ("log_mass", "share", "top1", "top2", "top3", "sentence_share", "log_cues")


def frame_features(scored: Mapping[str, Any], n_sentences: int, labels: Sequence[str]) -> dict[str, list[float]]:
    """Per label of ``labels``: the values of :data:`FEATURES` from one article's lexicon scores (``scored`` as
    ``generic_frame_scores`` returns it; a label without evidence gets zeros)."""
    mass = {k: float(scored[k]["mass"]) if k in scored else 0.0 for k in labels}
    total = sum(mass.values())
    ranked = [k for k in sorted(labels, key=lambda k: (-mass[k], labels.index(k))) if mass[k] > 0]
    out: dict[str, list[float]] = {}
    for k in labels:
        info = scored.get(k)
        rank = ranked.index(k) if k in ranked else 99
        n_sent = len(info["sentences"]) if info else 0
        n_cues = len({t.casefold() for cues in info["cues"].values() for t in cues}) if info else 0
        out[k] = [
            math.log1p(mass[k]),
            mass[k] / total if total else 0.0,
            float(rank == 0),
            float(rank == 1),
            float(rank == 2),
            n_sent / max(1, n_sentences),
            math.log1p(n_cues),
        ]
    return out


@dataclass(frozen=True, slots=True)
class FrameRanker:
    weights: tuple[float, ...]
    intercepts: Mapping[str, float]
    threshold: float
    max_frames: int
    min_mass: float
    source: str = ""

    def probabilities(self, features: Mapping[str, Sequence[float]]) -> dict[str, float]:
        out = {}
        for label, row in features.items():
            z = self.intercepts.get(label, 0.0) + sum(w * x for w, x in zip(self.weights, row, strict=True))
            out[label] = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
        return out

    def choose(self, probs: Mapping[str, float], mass: Mapping[str, float]) -> list[str]:
        """The labels reported: those at or over the threshold, most probable first, at most ``max_frames``; if
        none, the most probable label with evidence (``mass >= min_mass``)."""
        ranked = sorted(probs, key=lambda k: (-probs[k], k))
        chosen = [k for k in ranked if probs[k] >= self.threshold and mass.get(k, 0.0) > 0][: self.max_frames]
        if not chosen:
            chosen = [k for k in ranked if mass.get(k, 0.0) >= self.min_mass and mass.get(k, 0.0) > 0][:1]
        return chosen


def ranker_from(data: Mapping[str, Any], *, where: str = "generic_frames_ranker.json") -> FrameRanker:
    """The ranker of one JSON object as :func:`newsprism.learn.frames_ranker.ranker_dict` writes it."""
    try:
        names = tuple(data["features"])
        if names != FEATURES:
            raise ConfigError(f"{where}: features {list(names)} differ from {list(FEATURES)}")
        return FrameRanker(
            weights=tuple(float(data["features"][n]) for n in FEATURES),
            intercepts={str(k): float(v) for k, v in data["intercepts"].items()},
            threshold=float(data["threshold"]),
            max_frames=int(data["max_frames"]),
            min_mass=float(data["min_mass"]),
            source=str(data.get("source", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: not a frame ranker ({exc})") from None


def load_frame_ranker() -> FrameRanker | None:
    """The shipped ranker, or None when the file is absent (the thresholds of ``generic_frames.yaml`` decide)."""
    path = ilr.files("newsprism.enrich").joinpath("resources", "generic_frames_ranker.json")
    if not path.is_file():
        return None
    from .frames import load_resource_json

    return ranker_from(load_resource_json("generic_frames_ranker.json"))
