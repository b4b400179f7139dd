"""The evaluation of the default frame, technique and genre detectors against the seed gold."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..evaluate.metrics import f1
from ..model import Frame, Item, Technique

__all__ = ["evaluate_seed"]


def _norm(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKC", s).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()


def _prf(tp: int, n_pred: int, n_gold: int, tp_recall: int | None = None) -> dict[str, float]:
    """Precision tp/n_pred, recall tp_recall/n_gold (tp_recall defaults to tp)."""
    p = tp / n_pred if n_pred else 0.0
    r = (tp if tp_recall is None else tp_recall) / n_gold if n_gold else 0.0
    f = f1(p, r)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "correct": tp, "predicted": n_pred,
            "gold": n_gold}  # fmt: skip


def evaluate_seed(gold: dict[str, Any], found: Sequence[Iterable[Item]]) -> dict[str, Any]:
    """P/R/F1 of generic frames, narrative frames (with evidence and holder) and techniques against the seed gold.

    ``found[i]`` holds the items produced for gold article ``i``. The gold lists are minimums ("must"), so
    precision counts a prediction as right only when it matches a gold item: an honest lower bound.
    """
    tallies = {k: [0, 0, 0, 0] for k in ("generic_frames", "narrative_frames", "narrative_holders", "techniques")}
    misses: list[str] = []
    for i, (ga, items) in enumerate(zip(gold["articles"], found, strict=True)):
        items = list(items)
        frames = [f for f in items if isinstance(f, Frame)]
        generic = {f.frame for f in frames if f.family == "generic"}
        narrative = [f for f in frames if f.family == "narrative"]
        techs = [t for t in items if isinstance(t, Technique)]
        must_g = set(ga.get("generic_frames_must", []))
        t = tallies["generic_frames"]
        t[0] += len(generic & must_g)
        t[1] += len(generic)
        t[2] += len(must_g)
        t[3] += len(generic & must_g)
        misses += [f"article {i + 1}: generic frame {g}" for g in sorted(must_g - generic)]
        names_hit: set[str] = set()
        for g in ga.get("narrative_frames_must", []):
            first = _norm(g["frame"]).split()[0]
            hit = [f for f in narrative if first in _norm(f.frame)]
            ok = bool(hit) and any(any(_norm(ev) in _norm(json.dumps(f.to_dict(), ensure_ascii=False))
                                       for ev in g["evidence_any"]) for f in hit)  # fmt: skip
            if ok:
                names_hit.update(f.frame for f in hit)
            tallies["narrative_frames"][3] += int(ok)
            tallies["narrative_frames"][2] += 1
            if not ok:
                misses.append(f"article {i + 1}: narrative frame {g['frame']}")
            if "attributed_to" in g:
                wanted = [_norm(x) for x in g.get("attributed_to_any", [g["attributed_to"]])]
                held = ok and any(any(w in _norm(json.dumps(f.holder or "", ensure_ascii=False)) for w in wanted)
                                  for f in hit)  # fmt: skip
                for j in (0, 3):
                    tallies["narrative_holders"][j] += int(held)
                tallies["narrative_holders"][1] += 1
                tallies["narrative_holders"][2] += 1
                if not held:
                    misses.append(f"article {i + 1}: holder {g['attributed_to']} of {g['frame']}")
        tallies["narrative_frames"][0] += len(names_hit)
        tallies["narrative_frames"][1] += len({f.frame for f in narrative})
        must_t = {g["technique"] for g in ga.get("persuasion_techniques_must", [])}
        pred_t = {x.technique for x in techs}
        tt = tallies["techniques"]
        tt[0] += len(pred_t & must_t) if must_t else 0
        tt[1] += len(pred_t) if must_t else 0  # articles without technique gold do not count against precision
        tt[2] += len(must_t)
        tt[3] += len(pred_t & must_t)
        misses += [f"article {i + 1}: technique {g}" for g in sorted(must_t - pred_t)]
    out: dict[str, Any] = {k: _prf(*v) for k, v in tallies.items()}
    out["misses"] = misses
    return out
