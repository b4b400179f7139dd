"""Learned weights that tell opinion from reporting by style: a logistic regression over genre features.

``resources/genre_style.json`` holds, per feature, the cap it is clipped at, the transform (``log1p``), the mean and
scale it is standardised with and its weight, then the intercept, the decision threshold and the languages the
weights apply to (English only: fitted on English; on news reports in other languages, whose cue lists are shorter
or absent, they call too many reports opinion, so the rules decide there). The weights were
fitted by :mod:`newsprism.learn.genre_style` on the train split of the AllSides articles (Apache-2.0) labelled by
how their outlet published them (see :mod:`newsprism.evaluate.genre_allsides`); the file says so itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["StyleWeights", "load_style_weights", "style_weights_from"]

_TRANSFORMS = {"log1p": math.log1p, "none": float}


@dataclass(frozen=True, slots=True)
class StyleWeights:
    names: tuple[str, ...]
    caps: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    transform: str = "log1p"
    source: str = ""
    #: the languages the weights were fitted and measured on (elsewhere the rules of genre.yaml decide)
    languages: tuple[str, ...] = ("en",)

    def opinion_probability(self, features: Mapping[str, float]) -> float:
        """P(opinion) against reporting, as if the two were equally common."""
        tf = _TRANSFORMS[self.transform]
        z = self.intercept
        for name, cap, mean, scale, w in zip(self.names, self.caps, self.means, self.scales, self.weights, strict=True):
            x = min(tf(max(0.0, float(features.get(name, 0.0)))), cap)
            z += w * (x - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def style_weights_from(data: Mapping[str, Any], *, where: str = "genre_style.json") -> StyleWeights:
    """The weights of one JSON object as :func:`newsprism.learn.genre_style.style_weights_dict` writes it."""
    try:
        feats = data["features"]
        names = tuple(str(n) for n in feats)
        transform = str(data.get("transform", "log1p"))
        if transform not in _TRANSFORMS:
            raise ConfigError(f"{where}: transform {transform!r} is not one of {', '.join(_TRANSFORMS)}")
        return StyleWeights(
            names,
            tuple(float(feats[n]["cap"]) for n in names),
            tuple(float(feats[n]["mean"]) for n in names),
            tuple(float(feats[n]["scale"]) or 1.0 for n in names),
            tuple(float(feats[n]["weight"]) for n in names),
            float(data["intercept"]),
            float(data.get("threshold", 0.5)),
            transform,
            str(data.get("source", "")),
            tuple(str(x) for x in data.get("languages", ["en"])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: not a genre style weight file ({exc!r})") from None


def load_style_weights(resources: Resources | None = None) -> StyleWeights:
    """The weights shipped in ``newsprism/enrich/resources/genre_style.json``."""
    from .frames import load_resource_json

    return style_weights_from(load_resource_json("genre_style.json"))
