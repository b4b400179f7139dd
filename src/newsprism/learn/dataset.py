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

Each subtask's labels are read against the article files of that subtask's own folder (the SemEval release has
copies of some articles that differ between ``-subtask-1`` and ``-subtask-3``; technique line numbers refer to the
``-subtask-3`` copy). A label row that cannot be used — malformed, no article file, a line number outside its
article — is skipped with the file, line and reason in ``Dataset.problems`` (the article is left out of that task
only), and ``Dataset.summary()`` counts what was read and skipped per language and task. In JSONL, a malformed
record is skipped likewise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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
    skipped: dict[tuple[str, str], int] = field(default_factory=dict)  # (language, task) -> label rows skipped

    def skip(self, language: str, task: str, problem: str) -> None:
        """Record a label row or article left out of ``task`` and why."""
        self.problems.append(problem)
        self.skipped[(language, task)] = self.skipped.get((language, task), 0) + 1

    def summary(self) -> dict[str, dict[str, dict[str, int]]]:
        """Per language and task: articles read, units (articles, or paragraphs for techniques), rows skipped."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for task in ("genre", "frames", "techniques"):
            for a in self.with_task(task):
                row = out.setdefault(a.language, {}).setdefault(task, {"articles": 0, "units": 0, "skipped": 0})
                row["articles"] += 1
                row["units"] += len(a.paragraphs or []) if task == "techniques" else 1
        for (lang, task), n in self.skipped.items():
            out.setdefault(lang, {}).setdefault(task, {"articles": 0, "units": 0, "skipped": 0})["skipped"] += n
        order = {"genre": 0, "frames": 1, "techniques": 2}
        return {
            lang: dict(sorted(tasks.items(), key=lambda kv: order.get(kv[0], 9))) for lang, tasks in sorted(out.items())
        }

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


#: The task each SemEval subtask labels.
SUBTASK_TASK = {1: "genre", 2: "frames", 3: "techniques"}


class _LanguageReader:
    """One language folder: article texts per subtask, labelled articles keyed by (id, text)."""

    def __init__(self, d: Path, split: str, ds: Dataset) -> None:
        self.d, self.split, self.ds = d, split, ds
        self.lang = SEMEVAL_LANGS.get(d.name, d.name)
        self.texts: dict[int, dict[str, Path]] = {}
        for sub in sorted(d.glob(f"{split}-articles-subtask-*")):
            m = re.fullmatch(rf"{re.escape(split)}-articles-subtask-(\d+)", sub.name)
            if m is None or not sub.is_dir():
                continue
            self.texts[int(m.group(1))] = {f.stem.removeprefix("article"): f for f in sorted(sub.glob("article*.txt"))}
        self.arts: dict[tuple[str, str], LabelledArticle] = {}
        self.bodies: dict[Path, str | None] = {}

    def path_for(self, aid: str, subtask: int) -> Path | None:
        """The article file of ``subtask``'s own folder, else the same id in another subtask's folder."""
        own = self.texts.get(subtask, {}).get(aid)
        if own is not None:
            return own
        return next((t[aid] for _, t in sorted(self.texts.items()) if aid in t), None)

    def article(self, aid: str, subtask: int, where: str) -> LabelledArticle | None:
        path = self.path_for(aid, subtask)
        if path is None:
            self.ds.skip(self.lang, SUBTASK_TASK.get(subtask, "?"), f"{where}: no article file for id {aid}")
            return None
        if path not in self.bodies:
            try:
                self.bodies[path] = _read_text(path)
            except InputError as exc:
                self.bodies[path] = None
                self.ds.problems.append(str(exc))
        body = self.bodies[path]
        if body is None:
            self.ds.skip(self.lang, SUBTASK_TASK.get(subtask, "?"), f"{where}: article {aid}: {path} is unreadable")
            return None
        key = (aid, body)
        if key not in self.arts:
            self.arts[key] = LabelledArticle(aid, self.lang, body.split("\n", 1)[0].strip(), body)
        return self.arts[key]

    def read(self) -> list[LabelledArticle]:
        d, split = self.d, self.split
        path1 = d / f"{split}-labels-subtask-1.txt"
        for n, cols in _rows(path1, 2, self.ds, self.lang, "genre"):
            a = self.article(cols[0], 1, f"{path1}:{n}")
            if a is not None:
                a.genre = cols[1].strip()
        path2 = d / f"{split}-labels-subtask-2.txt"
        for n, cols in _rows(path2, 2, self.ds, self.lang, "frames", min_cols=1):
            a = self.article(cols[0], 2, f"{path2}:{n}")
            if a is not None:
                a.frames = _labels(cols[1] if len(cols) > 1 else "")
        self._techniques(d / f"{split}-labels-subtask-3.txt")
        if not path1.exists() and not (d / f"{split}-labels-subtask-2.txt").exists():
            for sub, texts in sorted(self.texts.items()):  # unlabelled articles (a test split): kept for prediction
                for aid in texts:
                    self.article(aid, sub, str(d))
        return [self.arts[k] for k in sorted(self.arts)]

    def _techniques(self, path3: Path) -> None:
        bad: set[tuple[str, str]] = set()
        for n, cols in _rows(path3, 3, self.ds, self.lang, "techniques", min_cols=2):
            a = self.article(cols[0], 3, f"{path3}:{n}")
            if a is None or (a.id, a.body) in bad:
                continue
            try:
                line = int(cols[1])
            except ValueError:
                self.ds.skip(
                    self.lang,
                    "techniques",
                    f"{path3}:{n}: line number {cols[1]!r} is not an integer; article {a.id} skipped for techniques",
                )
                bad.add((a.id, a.body))
                continue
            spans = line_spans(a.body)
            if not 1 <= line <= len(spans):
                where = self.path_for(a.id, 3)
                self.ds.skip(
                    self.lang,
                    "techniques",
                    f"{path3}:{n}: line {line} is outside article {a.id} "
                    f"(1..{len(spans)} in {where}); article skipped for techniques",
                )
                bad.add((a.id, a.body))
                continue
            _, s, e = spans[line - 1]
            if a.paragraphs is None:
                a.paragraphs = []
            a.paragraphs.append(Paragraph(line, s, e, _labels(cols[2] if len(cols) > 2 else "")))
        for key in bad:
            self.arts[key].paragraphs = None


def read_semeval(root: str | Path, *, split: str = "train") -> Dataset:
    """Articles and labels of one split of a SemEval-2023 Task 3 folder (every language found under ``root``).

    Each subtask's labels are read against that subtask's own article files (``-subtask-3`` texts for technique
    line numbers): when the copies differ, the article is kept twice, each copy with its own labels. A label row
    that cannot be used (malformed, no article file, a line number outside its article) is recorded in
    ``Dataset.problems`` and the article is left out of that task; reading goes on.
    """
    root = Path(root)
    dirs = _language_dirs(root, split)
    if not dirs:
        raise InputError(
            str(root),
            f"no '{split}-articles-subtask-N' folder or '{split}-labels-subtask-N.txt' file found (choose "
            "the split with --split)",
        )
    ds = Dataset([], str(root))
    for d in dirs:
        ds.articles.extend(_LanguageReader(d, split, ds).read())
    return ds


def _labels(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _rows(
    path: Path, n_cols: int, ds: Dataset, lang: str, task: str, *, min_cols: int | None = None
) -> list[tuple[int, list[str]]]:
    """Well-formed rows of a label file; each malformed row is recorded in ``ds`` and skipped."""
    if not path.exists():
        return []
    try:
        text = _read_text(path)
    except InputError as exc:
        ds.skip(lang, task, str(exc))
        return []
    rows = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < (min_cols or n_cols) or len(cols) > n_cols:
            ds.skip(
                lang,
                task,
                str(LabelFileError(str(path), n, f"expected {n_cols} tab-separated columns, got {len(cols)}")),
            )
            continue
        if not re.fullmatch(r"[\w\-]+", cols[0].strip()):
            ds.skip(lang, task, str(LabelFileError(str(path), n, f"article id {cols[0]!r} is not an id")))
            continue
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
            a = _jsonl_record(line, path, n)
        except LabelFileError as exc:
            ds.skip("?", "all", str(exc))
            continue
        ds.articles.append(a)
    return ds


def _jsonl_record(line: str, path: Path, n: int) -> LabelledArticle:
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
    return a


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
