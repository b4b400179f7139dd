"""Persuasion techniques per paragraph on newsprism's check set of real pages in eight languages
(``resources/techniques_pages.yaml``), scored as SemEval-2023 Task 3 subtask 3 is: every paragraph (a non-empty line
of the page's text file) is a unit, gold and predicted technique sets are compared by micro-F1, beside the trivial
floor (a constant guess of the most frequent techniques, on the same paragraphs).

The pages are those of the genre check set (``genre_pages.yaml``, texts not shipped: ``DIR/<id>.txt``), annotated
blind; parts are the genre set's (:func:`~newsprism.evaluate.genre_pages.page_part`: ``tune``, and ``held`` for
its ``check``). Detectors run with no trained model (the shipped defaults)::

    newsprism evaluate --task techniques-pages --data DIR [--part held|tune|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..learn.dataset import Dataset, LabelledArticle, Paragraph, line_spans
from .genre_pages import page_part

__all__ = ["PARTS", "load_technique_pages", "main", "pages_dataset"]

PARTS = ("held", "tune", "all")


def load_technique_pages() -> list[dict[str, Any]]:
    """The annotated pages: id, lang, part (``tune`` or ``held``) and the labelled paragraphs (line, techniques)."""
    text = files("newsprism.evaluate").joinpath("resources/techniques_pages.yaml").read_text(encoding="utf-8")
    rows = list(yaml.safe_load(text) or [])
    for row in rows:
        row["part"] = "tune" if page_part(str(row["id"])) == "tune" else "held"
    return rows


def pages_dataset(folder: Path | str, *, part: str = "held") -> tuple[Dataset, list[str]]:
    """The pages of ``part`` whose text is in ``folder`` as a labelled dataset (every non-empty line a paragraph,
    with its gold techniques), and the ids whose text is missing. An annotated line that is empty or outside
    the text raises :class:`~newsprism.errors.ConfigError` naming the page and line."""
    from ..enrich.techniques import TECHNIQUES

    articles: list[LabelledArticle] = []
    missing: list[str] = []
    for row in load_technique_pages():
        if part != "all" and row["part"] != part:
            continue
        path = Path(folder) / f"{row['id']}.txt"
        if not path.is_file():
            missing.append(str(row["id"]))
            continue
        body = path.read_text(encoding="utf-8")
        gold: dict[int, list[str]] = {}
        for p in row.get("paragraphs") or []:
            unknown = sorted(set(p["techniques"]) - set(TECHNIQUES))
            if unknown:
                raise ConfigError(f"techniques_pages.yaml: {row['id']} line {p['line']}: unknown techniques {unknown}")
            gold[int(p["line"])] = list(p["techniques"])
        paragraphs = [
            Paragraph(n, start, end, gold.pop(n, [])) for n, start, end in line_spans(body) if body[start:end].strip()
        ]
        if gold:
            raise ConfigError(f"techniques_pages.yaml: {row['id']}: lines {sorted(gold)} are empty or not in {path}")
        articles.append(LabelledArticle(str(row["id"]), str(row["lang"]), "", body, paragraphs=paragraphs))
    return Dataset(articles, source=f"techniques_pages.yaml part {part}, texts in {folder}"), missing


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsprism.evaluate.techniques_pages DIR [--part held|tune|all] [--json]``."""
    from .semeval import evaluate_dataset, report_lines

    ap = argparse.ArgumentParser(
        prog="python -m newsprism.evaluate.techniques_pages", description=__doc__.split("\n")[0]
    )
    ap.add_argument("data", type=Path, help="the folder of page texts (<id>.txt)")
    ap.add_argument("--part", choices=PARTS, default="held", help="which part of the set (default: held)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(sys.argv[1:] if argv is None else list(argv))
    ds, missing = pages_dataset(args.data, part=args.part)
    if not ds.articles:
        print(f"error: no page text of part {args.part} in {args.data}", file=sys.stderr)
        return 1
    report = evaluate_dataset(ds, "techniques", use_models=False)
    units = sum(len(a.paragraphs or []) for a in ds.articles)
    split = f"techniques_pages.yaml part {args.part}: {len(ds.articles)} pages, {units} paragraphs"
    if args.json:
        print(json.dumps({"split": split, "missing": missing, **report}, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"split: {split} ({len(missing)} pages without text)")
    for line in report_lines(report):
        print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
