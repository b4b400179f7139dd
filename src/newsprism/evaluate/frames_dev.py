"""Generic frames scored on newsprism's own hand-annotated development set (``resources/frames_dev.yaml``).

The set holds ids and frame labels only, never text: English articles drawn from the AllSides corpus (Apache-2.0;
``splits/random`` train and valid only, never test) by :func:`allsides_sample`, each annotated on its first
paragraphs (:func:`annotated_text`, ``chars`` in the YAML), and the pages of the multilingual development set
(``resources/multilingual_dev.yaml``, texts in a folder of ``<id>.txt``).

Two fixed parts, chosen by id before any detector was run: ``held`` (AllSides: the half of the ids whose SHA-256
sorts first; pages: the ids ending in ``-01``, one per language, as in :mod:`newsprism.evaluate.multilingual`)
and ``tune`` (the others). The report gives micro-F1, precision and recall per language beside the trivial floor
on the same articles: a constant guess of the three most frequent frames of the tune part.

``newsprism evaluate --task frames-dev --data ALLSIDES_FOLDER [--pages PAGES_DIR] [--part held|tune|all]
[--annotations FILE] [--no-ranker] [--json]``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources as ilr
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError, InputError
from .metrics import micro_prf

__all__ = [
    "PARTS",
    "FrameItem",
    "allsides_held_ids",
    "allsides_sample",
    "annotated_text",
    "evaluate_frames_dev",
    "floor_labels",
    "load_frames_dev",
    "load_texts",
    "main",
    "part_of",
    "report_lines",
]

#: A frame predictor: (article id, text, language) of each article -> the frames predicted for each.
Predictor = Callable[[Sequence[tuple[str, str, str]]], list[set[str]]]

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


def load_frames_dev(path: str | Path | None = None) -> list[FrameItem]:
    """The annotated articles (the shipped ``resources/frames_dev.yaml`` by default; a bare file name that is no
    file here names another shipped set, such as ``frames_pages.yaml``)."""
    from ..enrich.frames import GENERIC_FRAMES

    if path is None:
        text = ilr.files("newsprism.evaluate").joinpath("resources/frames_dev.yaml").read_text(encoding="utf-8")
        where = "frames_dev.yaml"
    elif not Path(path).exists() and Path(path).name == str(path) and _shipped(str(path)):
        where = str(path)  # a shipped set named by its file name (frames_pages.yaml)
        text = ilr.files("newsprism.evaluate").joinpath("resources", str(path)).read_text(encoding="utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(where, str(exc)) from None
    try:
        rows = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: cannot read YAML: {str(exc).splitlines()[0]}") from None
    out: list[FrameItem] = []
    for row in rows:
        frames = frozenset(str(f) for f in row.get("frames") or ())
        unknown = sorted(frames - set(GENERIC_FRAMES))
        if unknown:
            raise ConfigError(f"{where}: {row.get('id')}: unknown frames {unknown}")
        part = str(row.get("part", ""))
        if part not in PARTS:
            raise ConfigError(f"{where}: {row.get('id')}: part must be one of {PARTS}, not {part!r}")
        source = str(row.get("source", "pages"))
        out.append(
            FrameItem(
                id=str(row["id"]),
                lang=str(row["lang"]),
                source=source,
                frames=frames,
                part=part,
                topic=str(row.get("topic") or ""),
                chars=int(row["chars"]) if row.get("chars") is not None else None,
            )
        )
    return out


def _shipped(name: str) -> bool:
    return name.endswith(".yaml") and ilr.files("newsprism.evaluate").joinpath("resources", name).is_file()


def load_texts(
    items: Sequence[FrameItem], *, allsides: str | Path | None = None, pages: str | Path | None = None
) -> dict[str, str]:
    """The annotated text of each item whose source folder is given (AllSides: :func:`annotated_text`; pages:
    ``<id>.txt``). Items whose text is missing are left out; a text whose length differs from ``chars`` raises."""
    out: dict[str, str] = {}
    if allsides is not None:
        wanted = {i.id: i for i in items if i.source == "allsides"}
        for rec in _records(Path(allsides), set(wanted)):
            item = wanted[str(rec["ID"])]
            text = annotated_text(str(rec.get("content_original") or ""))
            if item.chars is not None and len(text) != item.chars:
                raise ConfigError(f"AllSides {item.id}: {item.chars} characters annotated, the text has {len(text)}")
            out[item.id] = text
    if pages is not None:
        for item in items:
            path = Path(pages) / f"{item.id}.txt"
            if item.source == "pages" and path.is_file():
                out[item.id] = path.read_text(encoding="utf-8")
    return out


def floor_labels(items: Iterable[FrameItem], k: int = 3) -> list[str]:
    """The ``k`` most frequent gold frames of ``items`` (ties by name): the constant guess of the trivial floor."""
    counts = Counter(f for i in items for f in i.frames)
    return sorted(sorted(counts, key=lambda f: (-counts[f], f))[:k])


def default_predictor(articles: Sequence[tuple[str, str, str]], *, ranker: bool = True) -> list[set[str]]:
    """The pipeline's generic-frame stage (``frames.generic.v1``) with no trained model: the shipped default
    (``ranker=False``: the lexicon's thresholds alone, without the calibrated ranker)."""
    from ..enrich.frames import load_generic_model
    from ..model import Article, Frame
    from .semeval import _resources, run_detectors

    res = _resources(None, False)
    if not ranker:
        res.get("frames.generic.lexicon", lambda r: load_generic_model(r, ranker=False))
    arts = [Article(id=i, title=None, body=t, language=lang) for i, t, lang in articles]
    found = run_detectors(arts, ("frames.generic.v1",), resources=res)
    return [{f.frame for f in items if isinstance(f, Frame) and f.family == "generic"} for items in found]


def evaluate_frames_dev(
    items: Sequence[FrameItem], texts: dict[str, str], predict: Predictor | None = None
) -> dict[str, Any]:
    """micro P/R/F1 per part and language beside the floor (the 3 most frequent frames of the tune part)."""
    scored = [i for i in items if i.id in texts]
    floor = floor_labels(i for i in items if i.part == "tune")
    preds = (predict or default_predictor)([(i.id, texts[i.id], i.lang) for i in scored])
    out: dict[str, Any] = {"floor_labels": floor, "missing": sorted(i.id for i in items if i.id not in texts)}
    out["articles"] = {i.id: sorted(p) for i, p in zip(scored, preds, strict=True)}
    for part in (*PARTS, "all"):
        idx = [n for n, i in enumerate(scored) if part in (i.part, "all")]
        groups: dict[str, list[int]] = {"all": idx}
        for n in idx:
            groups.setdefault(scored[n].lang, []).append(n)
            groups.setdefault("pages" if scored[n].source == "pages" else "allsides", []).append(n)
        rows = {}
        for name, members in sorted(groups.items()):
            gold = [set(scored[n].frames) for n in members]
            pred = [preds[n] for n in members]
            rows[name] = {**micro_prf(gold, pred), "floor": micro_prf(gold, [set(floor)] * len(gold))["micro_f1"]}
        out[part] = rows
    return out


def report_lines(report: dict[str, Any], parts: Sequence[str] = PARTS) -> list[str]:
    """The report as text: one line per language of each part, the floor beside the figures."""
    lines = [f"floor: constant guess of {' + '.join(report['floor_labels'])} (the 3 most frequent frames of tune)"]
    if report["missing"]:
        lines.append(f"not scored (no text): {len(report['missing'])} articles")
    for part in parts:
        lines.append(f"{part}: {'':6} {'n':>4} {'F1':>6} {'P':>6} {'R':>6} {'floor':>6} {'F1-floor':>8}")
        rows = report[part]
        order = ["all", "allsides", "pages", *sorted(k for k in rows if k not in ("all", "allsides", "pages"))]
        for name in order:
            if name not in rows:
                continue
            r = rows[name]
            lines.append(
                f"  {name:12} {r['n']:4} {r['micro_f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
                f"{r['floor']:6.3f} {r['micro_f1'] - r['floor']:+8.3f}"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``newsprism evaluate --task frames-dev --data ALLSIDES [--pages DIR] [--part held|tune|all] [--json]``."""
    ap = argparse.ArgumentParser(prog="python -m newsprism.evaluate.frames_dev", description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=None, help="the AllSides folder (articles.jsonl.gz, splits/)")
    ap.add_argument("--pages", type=Path, default=None, help="folder of the multilingual dev pages (<id>.txt)")
    ap.add_argument(
        "--annotations",
        type=Path,
        default=None,
        help="annotations (default: the shipped frames_dev.yaml; frames_pages.yaml: the shipped check set of pages)",
    )
    ap.add_argument("--part", choices=(*PARTS, "all"), default=None, help="print one part (default: held and tune)")
    ap.add_argument("--no-ranker", action="store_true", help="the lexicon's thresholds alone (no calibrated ranker)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.data is None and args.pages is None:
        ap.error("give the AllSides folder, --pages DIR, or both")
    items = load_frames_dev(args.annotations)
    texts = load_texts(items, allsides=args.data, pages=args.pages)
    predict = (lambda a: default_predictor(a, ranker=False)) if args.no_ranker else None
    report = evaluate_frames_dev(items, texts, predict)
    held = sorted(i.id for i in items if i.part == "held")
    tune = sorted(i.id for i in items if i.part == "tune")
    name = args.annotations.name if args.annotations else "frames_dev.yaml"
    split = f"{name}: held {len(held)} articles, tune {len(tune)} (parts fixed by id; see the YAML header)"
    if args.json:
        print(json.dumps({"split": split, "held": held, "tune": tune, "report": report}, ensure_ascii=False, indent=2))
        return 0
    print(f"split: {split}")
    print("held ids: " + " ".join(held))
    for line in report_lines(report, (args.part,) if args.part else PARTS):
        print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
