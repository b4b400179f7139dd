"""Labelled data for training and evaluation: the SemEval-2023 Task 3 folder layout, or JSONL.

SemEval-2023 Task 3 layout (what is supported; one folder per language, under an optional ``data/``)::

    <root>/[data/]<lang>/train-articles-subtask-1/article<ID>.txt   (also -subtask-2, -subtask-3: same articles)
    <root>/[data/]<lang>/train-labels-subtask-1.txt                 <ID> TAB <genre>          (opinion|reporting|satire)
    <root>/[data/]<lang>/train-labels-subtask-2.txt                 <ID> TAB <frame>,<frame>,... (may be empty)
    <root>/[data/]<lang>/train-labels-subtask-3.txt                 <ID> TAB <line> TAB <technique>,... (may be empty)

``dev-`` and ``test-`` files follow the same pattern (``--split dev``). Folder names become languages (the
SemEval names ``ge`` and ``po`` become ``de`` and ``pl``). An article file holds the title on line 1,
an empty line, then one paragraph per line; subtask-3 line numbers are 1-based lines of that file. newsprism uses
the whole file as ``Article.body`` (so the title is paragraph 0, as it is line 1 in the labels).

JSONL (one article per line)::

    {"id": "a1", "language": "en", "title": "...", "body": "...", "genre": "opinion",
     "frames": ["Political", "Security_and_defense"],
     "paragraphs": [{"text": "...", "techniques": ["Loaded_Language"]}, ...]}   # or
     "techniques": [{"technique": "Doubt", "start": 120, "end": 180}]           # character spans into body

Malformed label lines raise :class:`~newsprism.errors.LabelFileError` naming the file and line; label rows whose
article file is missing are skipped and listed in ``Dataset.problems``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError, LabelFileError

__all__ = ["SEMEVAL_LANGS", "Dataset", "LabelledArticle", "Paragraph", "load_dataset", "read_jsonl", "read_semeval"]


#: SemEval-2023 Task 3 folder names that are not ISO 639-1 codes.
SEMEVAL_LANGS = {"ge": "de", "po": "pl"}


@dataclass(slots=True)
class Paragraph:
    line: int  # 1-based line of the article file (SemEval numbering)
    start: int  # character offsets into the body
    end: int
    techniques: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LabelledArticle:
    id: str
    language: str
    title: str
    body: str
    genre: str | None = None
    frames: list[str] | None = None
    paragraphs: list[Paragraph] | None = None  # labelled paragraphs only (subtask 3)


@dataclass(slots=True)
class Dataset:
    articles: list[LabelledArticle]
    source: str
    problems: list[str] = field(default_factory=list)

    def with_task(self, task: str) -> list[LabelledArticle]:
        if task == "genre":
            return [a for a in self.articles if a.genre]
        if task == "frames":
            return [a for a in self.articles if a.frames is not None]
        if task == "techniques":
            return [a for a in self.articles if a.paragraphs]
        raise ConfigError(f"unknown task {task!r}; valid: genre, frames, techniques")


def line_spans(body: str) -> list[tuple[int, int, int]]:
    """(1-based line number, start, end) of every line of ``body``."""
    out = []
    pos = 0
    for n, line in enumerate(body.split("\n"), start=1):
        out.append((n, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None


def _language_dirs(root: Path, split: str) -> list[Path]:
    found = set()
    for pattern in (f"{split}-labels-subtask-*.txt", f"{split}-articles-subtask-*"):
        for p in root.glob(pattern):
            found.add(p.parent)
        for p in root.glob(f"*/{pattern}"):
            found.add(p.parent)
        for p in root.glob(f"*/*/{pattern}"):
            found.add(p.parent)
    return sorted(found)


def read_semeval(root: str | Path, *, split: str = "train") -> Dataset:
    """Articles and labels of one split of a SemEval-2023 Task 3 folder (every language found under ``root``)."""
    root = Path(root)
    dirs = _language_dirs(root, split)
    if not dirs:
        raise InputError(
            str(root),
            f"no '{split}-articles-subtask-N' folder or '{split}-labels-subtask-N.txt' file found (choose the split with --split)",
        )
    ds = Dataset([], str(root))
    for d in dirs:
        lang = SEMEVAL_LANGS.get(d.name, d.name)
        texts: dict[str, Path] = {}
        for sub in sorted(d.glob(f"{split}-articles-subtask-*")):
            for f in sorted(sub.glob("article*.txt")):
                texts.setdefault(f.stem.removeprefix("article"), f)
        arts: dict[str, LabelledArticle] = {}

        article = partial(_article, lang=lang, arts=arts, texts=texts, ds=ds)
        for n, cols in _rows(d / f"{split}-labels-subtask-1.txt", 2):
            a = article(cols[0], f"{d / f'{split}-labels-subtask-1.txt'}:{n}")
            if a is not None:
                a.genre = cols[1].strip()
        for n, cols in _rows(d / f"{split}-labels-subtask-2.txt", 2, min_cols=1):
            a = article(cols[0], f"{d / f'{split}-labels-subtask-2.txt'}:{n}")
            if a is not None:
                a.frames = _labels(cols[1] if len(cols) > 1 else "")
        path3 = d / f"{split}-labels-subtask-3.txt"
        for n, cols in _rows(path3, 3, min_cols=2):
            a = article(cols[0], f"{path3}:{n}")
            if a is None:
                continue
            try:
                line = int(cols[1])
            except ValueError:
                raise LabelFileError(str(path3), n, f"line number {cols[1]!r} is not an integer") from None
            spans = line_spans(a.body)
            if not 1 <= line <= len(spans):
                raise LabelFileError(str(path3), n, f"line {line} is outside article {a.id} (1..{len(spans)})")
            _, s, e = spans[line - 1]
            if a.paragraphs is None:
                a.paragraphs = []
            a.paragraphs.append(Paragraph(line, s, e, _labels(cols[2] if len(cols) > 2 else "")))
        if not (d / f"{split}-labels-subtask-1.txt").exists() and not (d / f"{split}-labels-subtask-2.txt").exists():
            for aid in texts:  # unlabelled articles (a test split): kept for prediction
                article(aid, str(d))
        ds.articles.extend(arts[k] for k in sorted(arts))
    return ds


def _article(
    aid: str, where: str, *, lang: str, arts: dict[str, LabelledArticle], texts: dict[str, Path], ds: Dataset
) -> LabelledArticle | None:
    if aid not in arts:
        path = texts.get(aid)
        if path is None:
            ds.problems.append(f"{where}: no article file for id {aid}")
            return None
        body = _read_text(path)
        title = body.split("\n", 1)[0].strip()
        arts[aid] = LabelledArticle(aid, lang, title, body)
    return arts[aid]


def _labels(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _rows(path: Path, n_cols: int, *, min_cols: int | None = None) -> list[tuple[int, list[str]]]:
    if not path.exists():
        return []
    rows = []
    for n, line in enumerate(_read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < (min_cols or n_cols) or len(cols) > n_cols:
            raise LabelFileError(str(path), n, f"expected {n_cols} tab-separated columns, got {len(cols)}")
        if not re.fullmatch(r"[\w\-]+", cols[0].strip()):
            raise LabelFileError(str(path), n, f"article id {cols[0]!r} is not an id")
        cols[0] = cols[0].strip()
        rows.append((n, cols))
    return rows


def read_jsonl(path: str | Path) -> Dataset:
    """Labelled articles from a JSONL file (format in the module docstring)."""
    path = Path(path)
    ds = Dataset([], str(path))
    for n, line in enumerate(_read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelFileError(str(path), n, f"not JSON: {exc.msg}") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("body", rec.get("text")), str):
            raise LabelFileError(str(path), n, "a record needs a 'body' (or 'text') string")
        body = str(rec.get("body", rec.get("text")))
        a = LabelledArticle(str(rec.get("id", n)), str(rec.get("language", "en")), str(rec.get("title") or ""), body)
        if rec.get("genre"):
            a.genre = str(rec["genre"])
        if isinstance(rec.get("frames"), list):
            a.frames = [str(x) for x in rec["frames"]]
        if isinstance(rec.get("paragraphs"), list):
            a.paragraphs = _paragraphs_from_list(a, rec["paragraphs"], path, n)
        elif isinstance(rec.get("techniques"), list):
            a.paragraphs = _paragraphs_from_spans(a, rec["techniques"], path, n)
        ds.articles.append(a)
    return ds


def _paragraphs_from_list(a: LabelledArticle, paras: list[Any], path: Path, n: int) -> list[Paragraph]:
    out = []
    pos = 0
    for p in paras:
        if not isinstance(p, dict) or not isinstance(p.get("text"), str):
            raise LabelFileError(str(path), n, "each paragraph needs a 'text' string")
        start = a.body.find(p["text"], pos)
        if start < 0:
            raise LabelFileError(str(path), n, f"paragraph {p['text'][:40]!r} is not in the body")
        end = start + len(p["text"])
        line = a.body.count("\n", 0, start) + 1
        out.append(Paragraph(line, start, end, [str(t) for t in p.get("techniques") or []]))
        pos = end
    return out


def _paragraphs_from_spans(a: LabelledArticle, spans: list[Any], path: Path, n: int) -> list[Paragraph]:
    lines = {ln: Paragraph(ln, s, e, []) for ln, s, e in line_spans(a.body) if a.body[s:e].strip()}
    for sp in spans:
        try:
            start = int(sp["start"])
            tech = str(sp["technique"])
        except (KeyError, TypeError, ValueError):
            raise LabelFileError(str(path), n, "each technique needs 'technique' and integer 'start'") from None
        ln = a.body.count("\n", 0, max(0, min(start, len(a.body)))) + 1
        if ln in lines and tech not in lines[ln].techniques:
            lines[ln].techniques.append(tech)
    return [lines[k] for k in sorted(lines)]


def load_dataset(path: str | Path, *, split: str = "train") -> Dataset:
    """A SemEval-layout folder or a JSONL file."""
    p = Path(path)
    if p.is_dir():
        return read_semeval(p, split=split)
    if p.is_file() and p.suffix in {".jsonl", ".json", ".ndjson"}:
        return read_jsonl(p)
    raise InputError(str(p), "not a SemEval-2023 Task 3 folder nor a .jsonl file")
