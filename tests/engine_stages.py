"""Test-only stages for the engine tests, registered in a custom registry (not installed as a plugin).

Worker processes (multiprocessing, Spark executors) must find these stages again: ``make_tokens`` and ``make_genre``
are module-level factories, so their specs pickle by reference to this module (which the tests put on the workers'
path); ``test.sentences.v1`` is a closure, found again by rebuilding the registry with ``factory_ref``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsprism.enrich.nlp import parse, prepare_parses, sentences
from newsprism.model import Entity, Item, Quote
from newsprism.pipeline import Doc, Resources
from newsprism.registry import Registry

TOKENS = "test.tokens.v1"
GENRE = "test.genre.v1"
SENTENCES = "test.sentences.v1"


class _Tokens:
    """Entities for capitalised words after the first of a sentence, from the spaCy parse (regex when no model)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def prepare(self, docs: Sequence[Doc]) -> None:
        prepare_parses(docs)

    def __call__(self, doc: Doc) -> list[Item]:
        parsed = parse(doc)
        body = doc.article.body
        if "EXPLODE" in body:
            raise ValueError("test stage refuses this article")
        out: list[Item] = []
        if parsed is None:
            return out
        for tok in parsed:
            if tok.is_alpha and tok.text[0].isupper() and not tok.is_sent_start:
                start, end = tok.idx, tok.idx + len(tok.text)
                out.append(
                    Entity(
                        doc.article.id, start, end, body[start:end], score=0.5, type="other", canonical=tok.text.lower()
                    )
                )
        return out


def make_tokens(*, resources: Resources) -> Callable[[Doc], list[Item]]:
    return _Tokens(resources)


def make_genre(*, resources: Resources) -> Callable[[Doc], list[Item]]:
    def genre(doc: Doc) -> list[Item]:
        n = len(doc.items("entities"))
        doc.article.genre = "dense" if n >= 5 else "sparse"
        doc.article.genre_score = round(min(1.0, n / 10), 3)
        return []

    return genre


def make_registry() -> Registry:
    reg = Registry.from_plugins(kinds=("loader", "store", "publisher", "engine"))
    reg.register(TOKENS, "stage", requires=("parse",), produces=("entities",), order=10)(make_tokens)
    reg.register(GENRE, "stage", requires=("entities",), produces=("article.genre", "article.genre_score"), order=20)(
        make_genre
    )

    def sentence_quotes(*, resources: Resources) -> Callable[[Doc], list[Item]]:
        def run(doc: Doc) -> list[Item]:
            body = doc.article.body
            return [
                Quote(doc.article.id, s, e, body[s:e], score=0.25, kind="indirect")
                for s, e in sentences(doc)
                if "said" in body[s:e]
            ]

        return run

    reg.register(SENTENCES, "stage", requires=("parse",), produces=("quotes",), order=30)(sentence_quotes)
    reg.factory_ref = "engine_stages:make_registry"  # type: ignore[attr-defined]
    return reg


STAGES = [TOKENS, GENRE, SENTENCES]


def corpus_rows() -> list[dict[str, Any]]:
    """A small hand-written corpus (article rows in the documented schema)."""
    texts = [
        (
            "Protests spread in Almaty",
            "Protesters gathered in Almaty on Tuesday. Police said that Kassym-Jomart "
            "Tokayev ordered a curfew.\n\nThe Interior Ministry said 12 officers were hurt.",
        ),
        (
            "Markets fall",
            "Stocks in London and Frankfurt fell sharply. Analysts at Goldman Sachs said oil prices weighed on shares.",
        ),
        (
            "Flooding in the north",
            "Heavy rain flooded villages near the River Tyne. The Environment Agency issued "
            "warnings for Newcastle and Durham.",
        ),
        (
            "Election results",
            "Voters in Ohio and Pennsylvania went to the polls. Senator Jane Smith said the turnout was high.",
        ),
        (
            "Summit opens",
            "Leaders from France, Germany and Italy met in Brussels. Emmanuel Macron said Europe must act together.",
        ),
        ("Storm warning", "The Met Office warned of gales across Scotland and Wales on Friday."),
        ("Bank rates", "The Federal Reserve held rates steady. Jerome Powell said inflation was easing in America."),
        ("Tech earnings", "Apple and Microsoft reported strong quarters. Investors in New York cheered the news."),
        ("Football final", "Arsenal beat Chelsea at Wembley. Mikel Arteta said his players showed great spirit."),
        ("Space launch", "NASA launched a probe from Florida towards Jupiter. Engineers said all systems were normal."),
    ]
    rows: list[dict[str, Any]] = []
    for i, (title, body) in enumerate(texts):
        row: dict[str, Any] = {
            "id": f"t{i:02d}",
            "title": title,
            "body": body,
            "outlet": "Test Wire",
            "published": f"2022-01-{i + 10:02d}",
            "authors": ["A. Writer"],
            "meta": {"n": i},
        }
        if i % 3 != 0:
            row["language"] = "en"  # the others are detected by the engine
        rows.append(row)
    rows.append(
        {"id": "boom", "title": "Bad", "body": "This EXPLODE article makes the Tokens stage fail.", "language": "en"}
    )
    return rows


def write_jsonl(path: Path, rows: list[dict[str, Any]], *, bad_lines: bool = True) -> Path:
    """The corpus as JSONL, with a line that is not JSON and a row without a body when ``bad_lines``."""
    lines = [json.dumps(r) for r in rows]
    if bad_lines:
        lines.insert(3, "{not json")
        lines.append(json.dumps({"id": "nobody", "title": "No body"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(output: Path) -> dict[str, list[str]]:
    """Every record of every dataset under ``output`` as sorted JSON (what two engines must agree on)."""
    from newsprism.engine.files import iter_kind
    from newsprism.model_arrow import KINDS

    out: dict[str, list[str]] = {}
    for kind in (*KINDS, "failures"):
        rows = list(iter_kind(output, kind))
        out[kind] = sorted(json.dumps(_normal(r), sort_keys=True) for r in rows)
    return out


def _normal(row: dict[str, Any]) -> dict[str, Any]:
    # failures name the input file and row; engines name rows differently, so keep the reason's first words
    if "reason" in row and row.get("stage") == "input":
        return {"stage": "input"}
    return row
