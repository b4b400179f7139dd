"""newsprism's own frame development set: sampling, annotated text, the report against the floor, the command,
and the calibrated ranker of the generic frames. Texts are sentences written for these tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import _load_commands, cli
from newsprism.enrich.frames import GENERIC_FRAMES, detect_generic_frames, load_generic_model
from newsprism.enrich.frames_ranker import FEATURES, FrameRanker, frame_features, ranker_from
from newsprism.errors import ConfigError
from newsprism.evaluate.frames_dev import (
    allsides_held_ids,
    allsides_sample,
    annotated_text,
    evaluate_frames_dev,
    floor_labels,
    load_frames_dev,
    load_texts,
    report_lines,
)
from newsprism.learn.frames_ranker import choose_rule, fit_ranker

QUAKE = (
    "The earthquake killed 40 people and injured more than 200 others, the health ministry said.\n"
    "Hospitals in the region treated the wounded through the night, doctors said."
)
QUAKE_DE = "Bei dem Erdbeben wurden mindestens 40 Menschen getötet und 200 verletzt. Krankenhäuser nahmen sie auf."
COURT = (
    "The Supreme Court ruled on Monday that the law violates the constitution.\n"
    "Judges said the statute could not stand, and lawyers for the state said they would ask for a new hearing."
)
BUDGET = (
    "Parliament passed the budget after the opposition party lost a vote on taxes.\n"
    "The government said the economy would grow as prices fall and investment rises."
)


def _allsides(folder: Path) -> None:
    body = "\n\n".join(f"Paragraph {i} says something about the topic at some length, " * 4 for i in range(4))
    recs = [
        {"ID": f"a{i}", "topic": topic, "content_original": body, "title": "t"}
        for i, topic in enumerate(["taxes", "taxes", "courts", "courts", "health", "health"])
    ]
    (folder / "splits" / "random").mkdir(parents=True)
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in recs)
    for split, ids in (("train", ["a0", "a2", "a4"]), ("valid", ["a1"]), ("test", ["a3", "a5"])):
        rows = "ID\tbias\n" + "".join(f"{i}\t0\n" for i in ids)
        (folder / "splits" / "random" / f"{split}.tsv").write_text(rows, encoding="utf-8")


def test_allsides_sample_is_seeded_spread_over_topics_and_never_reads_test(tmp_path: Path) -> None:
    _allsides(tmp_path)
    first = allsides_sample(tmp_path, n=3)
    assert first == allsides_sample(tmp_path, n=3)  # the seed fixes it
    assert {t for _, t in first} == {"taxes", "courts", "health"}  # one per topic before any second
    assert {i for i, _ in allsides_sample(tmp_path, n=10)} == {"a0", "a1", "a2", "a4"}  # a3, a5 are test
    held = allsides_held_ids(["a0", "a1", "a2", "a4"])
    assert len(held) == 2 and held == allsides_held_ids(["a4", "a2", "a1", "a0"])


def test_annotated_text_keeps_whole_paragraphs() -> None:
    body = "First paragraph.\n\n" + "x" * 30 + "\n\n" + "y" * 30
    assert annotated_text(body, limit=60) == "First paragraph.\n\n" + "x" * 30
    assert annotated_text("z" * 100, limit=10) == "z" * 100  # the first paragraph always


def _set(tmp_path: Path) -> tuple[Path, Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in (("en-a-01", QUAKE), ("en-b-02", COURT), ("en-c-03", BUDGET), ("de-a-01", QUAKE_DE)):
        (pages / f"{name}.txt").write_text(text, encoding="utf-8")
    rows = [
        {"id": "en-a-01", "lang": "en", "source": "pages", "part": "held", "frames": ["Health_and_safety"]},
        {"id": "de-a-01", "lang": "de", "source": "pages", "part": "held", "frames": ["Health_and_safety"]},
        {
            "id": "en-b-02",
            "lang": "en",
            "source": "pages",
            "part": "tune",
            "frames": ["Legality_Constitutionality_and_jurisprudence"],
        },
        {"id": "en-c-03", "lang": "en", "source": "pages", "part": "tune", "frames": ["Economic", "Political"]},
        {"id": "en-d-04", "lang": "en", "source": "pages", "part": "tune", "frames": ["Political"]},  # no text
    ]
    gold = tmp_path / "frames.yaml"
    gold.write_text(json.dumps(rows), encoding="utf-8")  # JSON is YAML
    return pages, gold


def test_report_scores_each_part_and_language_beside_the_tune_floor(tmp_path: Path) -> None:
    pages, gold = _set(tmp_path)
    items = load_frames_dev(gold)
    texts = load_texts(items, pages=pages)
    assert set(texts) == {"en-a-01", "en-b-02", "en-c-03", "de-a-01"}
    assert floor_labels(i for i in items if i.part == "tune") == sorted(
        ["Political", "Economic", "Legality_Constitutionality_and_jurisprudence"]
    )

    def fixed(articles: object) -> list[set[str]]:  # a plain predictor: Health for everything
        return [{"Health_and_safety"} for _ in articles]  # type: ignore[attr-defined]

    report = evaluate_frames_dev(items, texts, fixed)
    assert report["missing"] == ["en-d-04"]
    held = report["held"]
    assert held["all"]["micro_f1"] == 1.0 and held["en"]["n"] == 1 and held["de"]["n"] == 1
    assert held["all"]["floor"] == 0.0  # the tune floor guesses none of the held frames
    tune = report["tune"]["all"]
    assert tune["precision"] == 0.0 and tune["gold"] == 3 and tune["floor"] == 0.6667
    # the shipped detector on the same texts: the casualty reports get Health_and_safety, the ruling Legality
    real = evaluate_frames_dev(items, texts)
    assert "Health_and_safety" in real["articles"]["en-a-01"] and "Health_and_safety" in real["articles"]["de-a-01"]
    assert "Legality_Constitutionality_and_jurisprudence" in real["articles"]["en-b-02"]
    assert real["held"]["all"]["micro_f1"] > real["held"]["all"]["floor"] + 0.10
    lines = report_lines(real)
    assert lines[0].startswith("floor: constant guess of Economic + Legality")
    assert any(line.split()[:2] == ["de", "1"] for line in lines)


def test_command_prints_the_split_and_the_floor(tmp_path: Path) -> None:
    pages, gold = _set(tmp_path)
    args = ["evaluate", "--task", "frames-dev", "--pages", str(pages), "--annotations", str(gold), "--part", "held"]
    _load_commands()
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert "split: frames.yaml: held 2 articles, tune 3" in res.output
    assert "held ids: de-a-01 en-a-01" in res.output and "floor" in res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(json.dumps([{"id": "x", "lang": "en", "part": "held", "frames": ["Weather"]}]), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_frames_dev(bad)


def test_the_shipped_ranker_reports_the_strongest_frames_with_evidence() -> None:
    model = load_generic_model()
    assert model.ranker is not None and "frames_dev" in model.ranker.source
    frames = detect_generic_frames("q", QUAKE, model=model, language="en")
    assert frames[0].frame == "Health_and_safety" and frames[0].evidence
    assert all(0.0 < f.score <= 1.0 and f.text == QUAKE[f.start : f.end] for f in frames)
    assert detect_generic_frames("e", "Nothing here at all.", model=model, language="en") == []
    # without the ranker, the thresholds of generic_frames.yaml decide as before
    plain = detect_generic_frames("q", QUAKE, model=load_generic_model(ranker=False), language="en")
    assert "Health_and_safety" in {f.frame for f in plain}


def test_ranker_fit_and_rule_on_written_rows() -> None:
    labels = list(GENERIC_FRAMES)
    strong = {"mass": 3.0, "sentences": [(0, 2.0), (1, 1.0)], "cues": {0: {"a": 1.0, "b": 1.0}, 1: {"c": 1.0}}}
    weak = {"mass": 0.3, "sentences": [(1, 0.3)], "cues": {1: {"d": 0.3}}}
    articles = []
    for i in range(20):
        top, other = labels[i % 3], labels[3 + i % 3]
        scored = {top: strong, other: weak}
        mass = {top: 3.0, other: 0.3}
        articles.append((frame_features(scored, 4, labels), mass, frozenset({top})))
    feats = articles[0][0][labels[0]]
    assert len(feats) == len(FEATURES) and feats[2] == 1.0  # top1
    fit = fit_ranker(articles, labels)
    assert fit["features"]["log_mass"] > 0 and fit["features"]["top1"] > 0
    ranker = FrameRanker(tuple(fit["features"][n] for n in FEATURES), fit["intercepts"], 0.5, 3, 0.0)
    probs = [ranker.probabilities(a[0]) for a in articles]
    threshold, max_frames, min_mass, f1 = choose_rule(probs, articles)
    assert f1 == 1.0 and 0.1 <= threshold <= 0.8 and max_frames >= 1 and min_mass >= 0.0
    with pytest.raises(ConfigError):
        ranker_from({"features": {"x": 1.0}, "intercepts": {}, "threshold": 0.5, "max_frames": 3, "min_mass": 0})
