"""The library first: what the CLI does is one call away in Python (analyze with rerun, retrying failures, engines
made through the registry), and language detection is a registered stage like the others."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsprism
from newsprism import api
from newsprism.enrich.language import STAGE as LANGUAGE_STAGE
from newsprism.enrich.language import register as register_language
from newsprism.errors import ConfigError, PipelineError
from newsprism.model import Article, Entity, Item
from newsprism.pipeline import Doc, Pipeline, Resources
from newsprism.registry import Registry, default_registry
from newsprism.store import open_store


def _rows(path: Path, n: int = 3) -> Path:
    body = "Officials in Almaty said on Tuesday that talks number {} with Astana would resume next week."
    rows = [
        {"url": f"https://example.org/{i}", "title": f"Story {i}", "outlet": "Example Wire", "body": body.format(i)}
        for i in range(n)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _registry(state: dict[str, Any]) -> Registry:
    """Loaders, engines and the language stage of the installed plugins, and a test stage that finds capitalised
    words and fails on an article while ``state["fail"]`` holds its title."""
    reg = Registry.from_plugins(kinds=("loader", "engine"))
    register_language(reg)

    def caps(*, resources: Resources) -> Callable[[Doc], list[Item]]:
        def run(doc: Doc) -> list[Item]:
            state["calls"] = state.get("calls", 0) + 1
            if doc.article.title in state.get("fail", ()):
                raise ValueError("cannot read this one yet")
            body, out = doc.article.body, []
            for word in body.split():
                if word[:1].isupper():
                    start = body.index(word)
                    out.append(Entity(doc.article.id, start, start + len(word), word, type="other"))
            return out

        return run

    reg.register("test.caps.v1", "stage", requires=("article.language",), produces=("entities",), order=10)(caps)
    return reg


def test_analyze_rerun_runs_every_stage_again_and_replaces_items(tmp_path: Path) -> None:
    state: dict[str, Any] = {}
    reg = _registry(state)
    store = open_store(tmp_path / "a.db")
    try:
        first = api.analyze([_rows(tmp_path / "in.jsonl")], store, registry=reg, stages=["test.caps.v1"])
        assert first.ingest is not None and len(first.ingest.stored) == 3
        assert first.run.stages == [LANGUAGE_STAGE, "test.caps.v1"]  # the language stage comes first, added
        assert first.run.articles == 3 and state["calls"] == 3 and not first.run.failed
        entities = store.count_items("entities")["entities"]
        assert entities > 0

        again = api.analyze([], store, registry=reg, stages=["test.caps.v1"])
        assert again.ingest is None and again.to_dict()["ingest"] is None
        assert again.run.articles == 0 and state["calls"] == 3  # nothing left to do

        rerun = api.analyze([], store, registry=reg, stages=["test.caps.v1"], rerun=True)
        assert rerun.run.articles == 3 and state["calls"] == 6
        assert store.count_items("entities")["entities"] == entities  # replaced, not duplicated
        assert all(a.language == "en" and a.language_score for a in store.iter_articles())
    finally:
        store.close()


def test_retry_failures_resolves_what_now_succeeds_and_keeps_the_rest_open(tmp_path: Path) -> None:
    state: dict[str, Any] = {"fail": {"Story 0", "Story 1"}}
    reg = _registry(state)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("", encoding="utf-8")  # an empty input: a recorded ingest failure
    store = open_store(tmp_path / "r.db")
    try:
        rep = api.analyze([_rows(tmp_path / "in.jsonl"), broken], store, registry=reg, stages=["test.caps.v1"])
        assert rep.ingest is not None and [s for s, _ in rep.ingest.failed] == [str(broken)]
        assert sorted(s for _, s, _ in rep.run.failed) == ["test.caps.v1", "test.caps.v1"]
        assert len(store.failures()) == 3

        _rows(broken, n=1)  # the user fixes the file; one article still fails
        state["fail"] = {"Story 1"}
        retried = api.retry_failures(store, registry=reg)
        assert len(retried.attempted) == 3 and len(retried.resolved) == 2 and retried.still_open == 1
        (left,) = store.failures()
        assert left.kind == "stage" and left.stage == "test.caps.v1" and left.attempts == 2
        assert store.get_article(left.article_id).title == "Story 1"  # type: ignore[union-attr]

        state["fail"] = set()
        assert api.retry_failures(store, registry=reg).to_dict() == {
            "attempted": [left.id],
            "resolved": [left.id],
            "still_open": 0,
        }
    finally:
        store.close()


def test_the_library_calls_are_public() -> None:
    for name in ("analyze", "retry_failures", "RetryReport", "AnalyzeReport"):
        assert name in newsprism.__all__ and getattr(newsprism, name) is getattr(api, name)


def test_language_is_a_registered_stage_that_plans_first() -> None:
    reg = default_registry()
    spec = reg.get("stage", "language.lingua")
    assert spec.name == LANGUAGE_STAGE and "article.language" in spec.produces
    assert reg.plan()[0].name == LANGUAGE_STAGE
    # a chosen stage that needs the language gets the language stage, planned before it
    assert [s.name for s in reg.plan(["entities.ner.v1"])] == [LANGUAGE_STAGE, "entities.ner.v1"]
    # a registry with no stage producing it names the requirement
    bare = Registry()
    bare.register("needs.v1", "stage", requires=("article.language",))(lambda **_: lambda doc: [])
    with pytest.raises(PipelineError, match=r"article\.language"):
        bare.plan(["needs.v1"])


def test_the_language_stage_fills_a_missing_language_and_keeps_a_given_one(tmp_path: Path) -> None:
    reg = Registry.from_plugins(kinds=("engine",))
    register_language(reg)
    store = open_store(tmp_path / "l.db")
    try:
        long_body = "Протестующие собрались на главной площади Алматы во вторник утром. " * 800  # over max_parse_chars
        store.put_article(Article(id="ru", title="Протесты", body=long_body))
        store.put_article(Article(id="given", title=None, body="Some English text about the talks.", language="fr"))
        settings = newsprism.Settings(env={}, max_parse_chars=10_000)
        rep = Pipeline(registry=reg, settings=settings).run(store, corpus=False)
        assert rep.stages == [LANGUAGE_STAGE] and not rep.failed  # a long body is not refused: the stage samples
        ru, given = store.get_article("ru"), store.get_article("given")
        assert ru is not None and ru.language == "ru" and (ru.language_score or 0) > 0.5
        assert given is not None and given.language == "fr"
    finally:
        store.close()


def test_engines_are_made_through_the_registry_with_declared_options() -> None:
    reg = default_registry()
    local = reg.engine("local", settings=newsprism.Settings(env={}), workers=3)
    assert local.name == "engine.local.v1" and local.workers == 3
    assert "workers" in reg.get("engine", "engine.local").options
    assert "master" in reg.get("engine", "engine.spark").options
    with pytest.raises(ConfigError, match=r"engine\.spark\.v1 has no option workers; its options: .*master"):
        reg.engine("spark", workers=2)
    with pytest.raises(ConfigError, match=r"valid: .*engine\.local\.v1"):
        reg.engine("nope")


def test_registry_from_ref_names_a_bad_reference() -> None:
    reg = Registry.from_ref("newsprism.registry:default_registry")
    assert reg.factory_ref == "newsprism.registry:default_registry" and reg.get("engine", "engine.local")
    with pytest.raises(ConfigError, match="MODULE:FUNCTION"):
        Registry.from_ref("no_colon_here")
    with pytest.raises(ConfigError, match="cannot import"):
        Registry.from_ref("no_such_module_here:make")
    with pytest.raises(ConfigError, match="does not build a newsprism Registry"):
        Registry.from_ref("newsprism.registry:KINDS")


def test_cli_run_names_the_valid_engines_and_their_options(tmp_path: Path) -> None:
    from newsprism.cli import _load_commands, cli

    _load_commands()
    rows = _rows(tmp_path / "in.jsonl")
    res = CliRunner().invoke(cli, ["run", "--engine", "nope", "--input", str(rows), "--output", str(tmp_path / "o")])
    assert res.exit_code == 2 and "engine.local.v1" in res.output and "engine.spark.v1" in res.output
    res = CliRunner().invoke(
        cli, ["run", "--engine", "spark", "--workers", "2", "--input", str(rows), "--output", str(tmp_path / "o")]
    )
    assert res.exit_code == 2 and "no option workers" in res.output


def test_the_spark_job_calls_the_library_not_the_cli(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        import newsprism.engine.spark_job as job
        try:
            job.main(["--input", {str(tmp_path / "none.jsonl")!r}, "--output", {str(tmp_path / "out")!r},
                      "--map", "no_such_field=x"])
        except SystemExit as exc:
            code = exc.code
        print(code, "newsprism.cli" in sys.modules, "click" in sys.modules, "newsprism.engine.files" in sys.modules)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout.split() == ["2", "False", "False", "True"], proc.stderr
    assert "no_such_field" in proc.stderr


def test_python_dash_m_newsprism_is_the_newsprism_command() -> None:
    ok = subprocess.run([sys.executable, "-m", "newsprism", "--help"], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "analyze" in ok.stdout and "evaluate" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "newsprism", "no-such-command"], capture_output=True, text=True)
    assert bad.returncode == 2 and "no-such-command" in bad.stderr
