"""Training and evaluation on a synthetic dataset in the SemEval-2023 Task 3 layout; model safety; seed metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import _load_commands, cli
from newsprism.errors import InputError
from newsprism.evaluate.frames import evaluate_seed
from newsprism.evaluate.metrics import macro_f1, micro_prf
from newsprism.evaluate.seed import seed_articles
from newsprism.evaluate.semeval import evaluate_dataset
from newsprism.learn.dataset import load_dataset, read_jsonl
from newsprism.learn.models import load_model, train
from newsprism.model import Article
from newsprism.pipeline import Doc, Resources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "semeval"
EXAMPLE = ROOT / "examples" / "kazakhstan-2022-01-12.txt"


def test_reads_the_semeval_layout() -> None:
    ds = load_dataset(DATA)
    assert len(ds.articles) == 16 and not ds.problems
    assert {a.language for a in ds.articles} == {"en", "ru"}
    a = next(x for x in ds.articles if x.id == "700000003")
    assert a.genre == "opinion" and a.frames == ["Morality", "Political"]
    assert a.title == "Enough of the ministry's excuses"
    p = a.paragraphs or []
    assert [x.line for x in p] == [1, 3, 4, 5]
    assert a.body[p[1].start : p[1].end].startswith("I have had enough")
    assert p[1].techniques == ["Loaded_Language", "Name_Calling-Labeling"]
    assert len(load_dataset(DATA, split="dev").articles) == 4


def test_bad_label_rows_are_skipped_and_reported_with_file_and_line(tmp_path: Path) -> None:
    d = tmp_path / "data" / "en"
    (d / "train-articles-subtask-1").mkdir(parents=True)
    (d / "train-articles-subtask-1" / "article1.txt").write_text("T\n\nBody.\n", encoding="utf-8")
    (d / "train-labels-subtask-1.txt").write_text("1\topinion\n2\treporting\n", encoding="utf-8")
    (d / "train-labels-subtask-3.txt").write_text("1\tx\tDoubt\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert any(re.search(r"train-labels-subtask-3.txt:1: line number 'x'", p) for p in ds.problems)
    assert ds.articles[0].genre == "opinion" and ds.articles[0].paragraphs is None
    (d / "train-labels-subtask-3.txt").write_text("1\t9\tDoubt\n1\t3\tDoubt\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert any("line 9 is outside article 1 (1..4" in p for p in ds.problems)
    assert ds.articles[0].paragraphs is None  # the whole article is left out of techniques, not only the row
    assert ds.summary()["en"]["techniques"]["skipped"] == 1 and ds.summary()["en"]["genre"]["articles"] == 1
    (d / "train-labels-subtask-3.txt").unlink()
    (d / "train-labels-subtask-2.txt").write_text("1\tPolitical\textra\tcolumns\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert len(ds.articles) == 1 and any("no article file for id 2" in p for p in ds.problems)
    assert any("train-labels-subtask-2.txt:1: expected 2 tab-separated columns, got 4" in p for p in ds.problems)
    with pytest.raises(InputError, match="not a SemEval"):
        load_dataset(tmp_path / "nothing.txt")


def _mismatch_layout(root: Path) -> None:
    """Two languages; in English, article 11's subtask-3 copy has two more paragraphs than its subtask-1 copy, and
    article 12 has a technique label on a line outside its text; Russian is clean."""
    short = "Ministers meet\n\nThe ministers met on Monday.\nThey talked about prices."
    long_ = short + "\nThe so-called experts are liars.\nWho believes them now?"
    texts = {
        "en": {
            "11": (short, long_),
            "12": ("Storm hits coast\n\nA storm hit the coast.", None),
            "13": ("We must act\n\nI say this plainly: the cowards lied.\nWill anyone stop them?", None),
        },
        "ru": {"21": ("Министры встретились\n\nМинистры встретились в понедельник.\nЭто позор!", None)},
    }
    labels = {
        "en": (
            "11\treporting\n12\treporting\n13\topinion\n",
            "11\tEconomic\n12\t\n13\tMorality,Political\n",
            "11\t3\t\n11\t5\tName_Calling-Labeling,Loaded_Language\n11\t6\tDoubt\n12\t7\tDoubt\n"
            "13\t3\tLoaded_Language\n13\t4\tDoubt\n",
        ),
        "ru": ("21\topinion\n", "21\tMorality\n", "21\t3\t\n21\t4\tLoaded_Language\n"),
    }
    for lang, arts in texts.items():
        d = root / "data" / lang
        for sub in (1, 2, 3):
            (d / f"train-articles-subtask-{sub}").mkdir(parents=True)
        for aid, (text1, text3) in arts.items():
            for sub in (1, 2, 3):
                body = text3 if sub == 3 and text3 else text1
                (d / f"train-articles-subtask-{sub}" / f"article{aid}.txt").write_text(body, encoding="utf-8")
        for sub, content in enumerate(labels[lang], start=1):
            (d / f"train-labels-subtask-{sub}.txt").write_text(content, encoding="utf-8")


def test_each_subtask_reads_its_own_article_copy(tmp_path: Path) -> None:
    _mismatch_layout(tmp_path)
    ds = load_dataset(tmp_path)
    copies = [a for a in ds.articles if a.id == "11"]
    assert len(copies) == 2  # the subtask-1 copy (genre, frames) and the longer subtask-3 copy (techniques)
    genre_copy = next(a for a in copies if a.genre)
    tech_copy = next(a for a in copies if a.paragraphs)
    assert genre_copy.frames == ["Economic"] and genre_copy.paragraphs is None
    assert [p.line for p in tech_copy.paragraphs or []] == [3, 5, 6]
    assert tech_copy.body[tech_copy.paragraphs[1].start : tech_copy.paragraphs[1].end].startswith("The so-called")
    assert any("line 7 is outside article 12" in p for p in ds.problems)
    summary = ds.summary()
    assert summary["en"]["techniques"] == {"articles": 2, "units": 5, "skipped": 1}
    assert summary["en"]["genre"]["articles"] == 3 and summary["ru"]["techniques"]["units"] == 2


def test_cli_train_runs_to_the_end_on_a_mismatched_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))
    _mismatch_layout(tmp_path / "semeval")
    _load_commands()
    res = CliRunner().invoke(cli, ["train", "--data", str(tmp_path / "semeval"), "--task", "all"])
    assert res.exit_code == 0, res.output
    assert re.search(
        r"read en\s+genre 3 article\(s\).*techniques 2 article\(s\), 5 paragraph\(s\), 1 skipped", res.output
    )
    assert re.search(r"read ru\s+genre 1 article", res.output)
    assert "skipped: " in res.output and "line 7 is outside article 12" in res.output
    assert "trained techniques: 7 paragraph(s)" in res.output
    assert (tmp_path / "home" / "models" / "techniques.joblib").exists()


def test_jsonl_dataset(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    rows = [
        {
            "id": "a",
            "body": "First line.\nThe despot lied.",
            "genre": "opinion",
            "frames": ["Political"],
            "techniques": [{"technique": "Name_Calling-Labeling", "start": 16, "end": 22}],
        },
        {
            "id": "b",
            "body": "P1.\nP2.",
            "paragraphs": [{"text": "P1.", "techniques": []}, {"text": "P2.", "techniques": ["Doubt"]}],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ds = read_jsonl(path)
    assert ds.articles[0].paragraphs and ds.articles[0].paragraphs[1].techniques == ["Name_Calling-Labeling"]
    assert ds.articles[1].paragraphs and [p.line for p in ds.articles[1].paragraphs] == [1, 2]
    path.write_text('{"id": 1}\nnot json\n' + json.dumps(rows[1]) + "\n", encoding="utf-8")
    ds = read_jsonl(path)
    assert [a.id for a in ds.articles] == ["b"]
    assert "d.jsonl:1: a record needs a 'body'" in ds.problems[0] and "d.jsonl:2: not JSON" in ds.problems[1]


def test_metrics() -> None:
    m = macro_f1(["a", "a", "b"], ["a", "b", "b"])
    assert m["f1:a"] == pytest.approx(0.6667, abs=1e-4) and m["macro_f1"] == pytest.approx(0.6667, abs=1e-4)
    r = micro_prf([{"x", "y"}, {"z"}], [{"x"}, {"z", "w"}])
    assert (r["precision"], r["recall"]) == (pytest.approx(2 / 3, abs=1e-4), pytest.approx(2 / 3, abs=1e-4))


def test_train_store_load_and_use(tmp_path: Path) -> None:
    ds = load_dataset(DATA)
    meta = train(ds, "genre", out_dir=tmp_path)
    assert meta["producer"] == "newsprism" and meta["labels"] == ["opinion", "reporting", "satire"]
    assert meta["train_size"] == 16 and meta["languages"] == ["en", "ru"] and meta["sklearn_version"]
    stored = json.loads((tmp_path / "genre.json").read_text())
    assert stored["sha256"] == meta["sha256"]
    model = load_model("genre", directory=tmp_path)
    assert model is not None
    art = load_dataset(DATA, split="dev").articles[1]
    probs = model.predict_proba([art.body])[0]
    assert max(probs, key=lambda k: probs[k]) == "opinion"
    # a changed file is refused: only files newsprism wrote are loaded
    with (tmp_path / "genre.joblib").open("ab") as fh:
        fh.write(b"\0")
    assert load_model("genre", directory=tmp_path) is None
    meta2 = train(ds, "techniques", out_dir=tmp_path)
    assert meta2["unit"] == "paragraph" and "Doubt" in meta2["labels"]
    stored = json.loads((tmp_path / "techniques.json").read_text())
    stored["producer"] = "someone else"
    (tmp_path / "techniques.json").write_text(json.dumps(stored))
    assert load_model("techniques", directory=tmp_path) is None


def test_pipeline_stages_use_an_installed_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))
    from newsprism.enrich.genre import GenreStage

    ds = load_dataset(DATA)
    art = Article(id="x", title="t", body=ds.articles[0].body.replace("\n", " "))
    before = Article(id="y", title="t", body=art.body)
    GenreStage(resources=Resources())(Doc(before, Resources()))
    train(ds, "genre")  # into <NEWSPRISM_HOME>/models
    assert (tmp_path / "models" / "genre.joblib").exists()
    res = Resources()
    GenreStage(resources=res)(Doc(art, res))
    assert "learn.model:genre" in res.loaded() and art.genre in {"opinion", "reporting", "satire"}
    assert art.genre_score is not None and 0 < art.genre_score <= 1


def test_cli_train_and_evaluate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))
    _load_commands()
    runner = CliRunner()
    base = runner.invoke(cli, ["evaluate", "--task", "all", "--data", str(DATA), "--json"])
    assert base.exit_code == 0, base.output
    before = json.loads(base.output)
    assert before["models"]["genre"].startswith("defaults") and before["frames"]["n"] == 4
    res = runner.invoke(cli, ["train", "--data", str(DATA), "--task", "all"])
    assert res.exit_code == 0, res.output
    assert "trained genre: 16 article(s)" in res.output and "trained techniques: 55 paragraph(s)" in res.output
    for task in ("genre", "frames", "techniques"):
        assert (tmp_path / "models" / f"{task}.joblib").exists()
    after = runner.invoke(cli, ["evaluate", "--task", "all", "--data", str(DATA)])
    assert after.exit_code == 0, after.output
    assert "genre       macro-F1 1.0000" in after.output and "trained model" in after.output
    assert "micro-F1" in after.output
    unknown = runner.invoke(cli, ["evaluate", "--task", "nosuch"])
    assert unknown.exit_code == 2 and "unknown task 'nosuch'" in unknown.output


def test_cli_dispatches_to_other_evaluation_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))
    _load_commands()
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps(_hand_gold()), encoding="utf-8")
    res = CliRunner().invoke(cli, ["evaluate", "--task", "frames_seed_alias_missing"])
    assert res.exit_code == 2
    res = CliRunner().invoke(cli, ["evaluate", "--task", "seed", "--data", str(EXAMPLE), "--gold", str(gold)])
    assert res.exit_code == 0, res.output
    assert "narrative_frames" in res.output and "genre accuracy        1.000" in res.output


def _hand_gold() -> dict:  # type: ignore[type-arg]
    """The seed's frame, technique and genre expectations, restated by hand for tests that run without ../shared."""
    return {
        "articles": [
            {
                "title": "Why Kazakhstan's Crisis Matters to China",
                "genre": "analysis",
                "body_starts_with": "Scarcely two years after protesters redefined",
                "body_ends_with": "is still valid and worthy of being pursued.",
                "generic_frames_must": ["Security_and_defense", "Political", "External_regulation_and_reputation"],
                "narrative_frames_must": [
                    {
                        "frame": "terrorism",
                        "evidence_any": ["恐怖分子", "kongbu fenzi"],
                        "attributed_to": "China",
                        "attributed_to_any": ["China", "Beijing"],
                    },
                    {
                        "frame": "colour revolution",
                        "evidence_any": ["颜色革命", "yanse geming"],
                        "attributed_to": "China",
                    },
                    {"frame": "peacekeeping", "evidence_any": ["维和", "weihe"]},
                ],
            },
            {
                "title": "Was the Kazakhstan uprising an attempted Jihadi takeover?",
                "genre": "opinion",
                "body_starts_with": "The Kazakh uprising is over.",
                "body_ends_with": "may actually be telling the truth.",
                "generic_frames_must": ["Security_and_defense", "Political", "Crime_and_punishment"],
                "narrative_frames_must": [
                    {
                        "frame": "terrorism",
                        "evidence_any": ["terrorists"],
                        "attributed_to": "Tokayev and the Kremlin",
                        "attributed_to_any": ["Tokayev", "Kremlin", "Russia"],
                    },
                    {
                        "frame": "colour revolution",
                        "evidence_any": ["colour revolution"],
                        "attributed_to": "Vladimir Putin",
                        "attributed_to_any": ["Putin"],
                    },
                    {"frame": "jihadist involvement", "evidence_any": ["Jihadi"]},
                    {"frame": "palace coup", "evidence_any": ["palace coup"]},
                    {
                        "frame": "fuel price protest",
                        "evidence_any": ["fuel-price protestors", "rising price of petrol"],
                    },
                ],
                "persuasion_techniques_must": [
                    {"technique": t} for t in ("Whataboutism", "Doubt", "Name_Calling-Labeling", "Loaded_Language")
                ],
            },
        ]
    }


def test_seed_evaluation_floors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))
    from newsprism.evaluate.frames import SEED_STAGES
    from newsprism.evaluate.semeval import run_detectors

    arts = seed_articles(EXAMPLE)
    report = evaluate_seed(_hand_gold(), run_detectors(arts, SEED_STAGES))
    assert report["misses"] == []
    assert report["generic_frames"]["recall"] == 1.0 and report["generic_frames"]["precision"] >= 0.7
    assert report["narrative_frames"]["recall"] == 1.0 and report["narrative_frames"]["precision"] >= 0.75
    assert report["narrative_holders"]["recall"] == 1.0
    assert report["techniques"]["recall"] == 1.0 and report["techniques"]["precision"] >= 0.5
    assert [a.genre for a in arts] == ["analysis", "opinion"]


def test_evaluate_dataset_defaults_floor() -> None:
    report = evaluate_dataset(load_dataset(DATA, split="dev"), "all", use_models=False)
    assert report["techniques"]["micro_f1"] >= 0.6 and report["genre"]["accuracy"] >= 0.5


def test_cli_evaluate_runs_another_extractors_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    seen: list[list[str]] = []
    module = types.ModuleType("newsprism.evaluate.dummy_extractor")

    def main(argv: list[str]) -> int:
        seen.append(argv)
        print("dummy P/R/F1 1.0")
        return 0

    module.main = main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsprism.evaluate.dummy_extractor", module)
    _load_commands()
    res = CliRunner().invoke(cli, ["evaluate", "--task", "dummy-extractor", "--data", str(EXAMPLE), "--limit", "3"])
    assert res.exit_code == 0, res.output
    assert "dummy P/R/F1 1.0" in res.output and seen == [[str(EXAMPLE), "--limit", "3"]]


def test_thresholds_are_calibrated_on_held_out_folds_and_saved(tmp_path: Path) -> None:
    from newsprism.learn.calibration import best_threshold, fit_class_bias

    # a label whose scores sit far below 0.5 still gets a cutoff that separates them
    t, prf = best_threshold([0.1, 0.22, 0.12, 0.3, 0.05], [False, True, False, True, False])
    assert 0.12 < t <= 0.22 and prf["f1"] == 1.0
    # a genre the model under-predicts gets a positive offset
    bias = fit_class_bias([[0.6, 0.4], [0.7, 0.3], [0.55, 0.45], [0.9, 0.1]], ["b", "a", "b", "a"], ["a", "b"])
    assert bias["b"] - bias["a"] > 0.2
    ds = load_dataset(DATA)
    meta = train(ds, "techniques", out_dir=tmp_path)
    assert meta["calibrated"] and meta["folds"] == 3
    assert set(meta["thresholds"]["*"]) == set(meta["labels"])
    assert all(0.05 <= v <= 0.95 for v in meta["thresholds"]["*"].values())
    assert set(meta["held_out"]["Doubt"]) >= {"threshold", "precision", "recall", "f1", "support"}
    model = load_model("techniques", directory=tmp_path)
    assert model is not None and model.threshold("Doubt", "en") == meta["thresholds"].get(
        "en", meta["thresholds"]["*"]
    ).get("Doubt", meta["thresholds"]["*"]["Doubt"])
    assert model.threshold("Doubt", "xx") == meta["thresholds"]["*"]["Doubt"]
    genre = train(ds, "genre", out_dir=tmp_path)
    assert genre["calibrated"] and set(genre["class_bias"]) == {"opinion", "reporting", "satire"}
    probs = load_model("genre", directory=tmp_path).predict_proba([ds.articles[0].body])[0]  # type: ignore[union-attr]
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert train(ds, "frames", out_dir=tmp_path, folds=0)["calibrated"] is False


def test_evaluation_prints_per_language_floor_and_per_label_figures() -> None:
    report = evaluate_dataset(load_dataset(DATA, split="dev"), "all", use_models=False)
    fr = report["frames"]
    assert fr["floor"]["micro_f1"] > 0 and fr["languages"]["en"]["floor"] == fr["floor"]["micro_f1"]
    assert set(fr["labels"]["Economic"]) >= {"precision", "recall", "f1", "support"}
    assert report["genre"]["floor"]["label"] == "reporting" and report["genre"]["floor"]["macro_f1"] < 0.3
    _load_commands()
    res = CliRunner().invoke(cli, ["evaluate", "--task", "frames", "--data", str(DATA), "--no-models"])
    assert res.exit_code == 0 and re.search(r"\n  en +micro-F1 [\d.]+  floor [\d.]+  n=4", res.output)
    assert re.search(r"Economic +P [\d.]+  R [\d.]+  F1 [\d.]+  support 1", res.output)
