"""Fit the opinion/reporting style weights of the genre detector on AllSides train; threshold on AllSides valid.

    PYTHONPATH=src python benchmarks/genre_style_fit.py [ALLSIDES_FOLDER] [--out FILE] [--l2 10] [--hold-out SITE]

Labels come from :func:`newsprism.evaluate.genre_allsides.distant_genre` (outlet and URL, never the text); the
features from :func:`newsprism.enrich.genre.genre_features` with the rules alone. Prints macro-F1 on train and
valid at the chosen threshold beside the floors. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import math
from datetime import UTC, datetime
from pathlib import Path

from newsprism.enrich.genre import genre_features, load_genre_model
from newsprism.enrich.genre_style import StyleWeights, style_weights_from
from newsprism.evaluate.genre_allsides import allsides_genre_set
from newsprism.evaluate.seed import shared_dir
from newsprism.learn.genre_style import STYLE_FEATURES, choose_threshold, fit_logistic, macro_f1_at, style_weights_dict

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "enrich" / "resources" / "genre_style.json"


def rows(
    folder: Path, split: str, *, site: str | None = None, keep: bool = False
) -> tuple[list[list[float]], list[bool]]:
    """Feature rows and opinion flags of ``split``; with ``site``, only its articles (``keep``) or all but them."""
    model = load_genre_model(style=False)
    data = allsides_genre_set(folder, split=split)
    table, flags = [], []
    for art, gold, at in zip(data.articles, data.gold, data.sites, strict=True):
        if site is not None and (at == site) != keep:
            continue
        feats = genre_features(art, model)
        table.append([math.log1p(max(0.0, feats[n])) for n in STYLE_FEATURES])
        flags.append(gold == "opinion")
    print(
        f"{split}: {len(table)} articles ({sum(flags)} opinion), left out {data.left_out}"
        + (f", site {site}" if site else "")
    )
    return table, flags


def _probe(fit: dict[str, object]) -> StyleWeights:
    return style_weights_from(style_weights_dict(STYLE_FEATURES, fit, 0.5, transform="none"))


def _probs(weights: StyleWeights, table: list[list[float]]) -> list[float]:
    return [weights.opinion_probability(dict(zip(STYLE_FEATURES, r, strict=True))) for r in table]


def hold_out(folder: Path, site: str, l2: float) -> None:
    """How the weights do on an outlet they never saw: fit without ``site``, score its valid articles."""
    x_valid, y_valid = rows(folder, "valid", site=site, keep=True)
    for name, keep_site in (("without", True), ("with", False)):
        x_train, y_train = rows(folder, "train", site=site if keep_site else None)
        p = _probs(_probe(fit_logistic(x_train, y_train, l2=l2)), x_valid)
        print(f"fitted {name} {site}: macro-F1 {macro_f1_at(p, y_valid, 0.5):.4f} on its {len(y_valid)} valid articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=shared_dir() / "datasets" / "allsides-articles")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--hold-out", metavar="SITE", help="fit without SITE (e.g. nytimes.com), score its valid articles")
    args = ap.parse_args()
    if args.hold_out:
        hold_out(args.data, args.hold_out, args.l2)
        return
    x_train, y_train = rows(args.data, "train")
    x_valid, y_valid = rows(args.data, "valid")
    fit = fit_logistic(x_train, y_train, l2=args.l2)
    probe = _probe(fit)
    p_train, p_valid = _probs(probe, x_train), _probs(probe, x_valid)
    threshold = choose_threshold(p_valid, y_valid, balanced=True)
    for name, p, y in (("train", p_train, y_train), ("valid", p_valid, y_valid)):
        print(
            f"{name}: macro-F1 {macro_f1_at(p, y, threshold):.4f} at threshold {threshold} "
            f"(class-balanced {macro_f1_at(p, y, threshold, balanced=True):.4f}); "
            f"always reporting {macro_f1_at([0.0] * len(y), y, 0.5):.4f}, always opinion "
            f"{macro_f1_at([1.0] * len(y), y, 0.5):.4f}"
        )
    out = style_weights_dict(
        STYLE_FEATURES,
        fit,
        threshold,
        transform="log1p",
        source=(
            "fitted by benchmarks/genre_style_fit.py on AllSides articles (Baly et al. 2020, "
            "github.com/ramybaly/Article-Bias-Prediction, Apache-2.0), splits/random train "
            f"({len(y_train)} articles, {sum(y_train)} opinion), threshold on valid ({len(y_valid)}); "
            "genre labels from outlet and URL (newsprism.evaluate.genre_allsides)"
        ),
        licence="Apache-2.0 (weights derived from Apache-2.0 data; no text)",
        languages=["en"],
        l2=args.l2,
        created=datetime.now(UTC).strftime("%Y-%m-%d"),
    )
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
