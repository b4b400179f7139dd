"""``newsprism entities`` commands through click's runner (the module registered as the lead will)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsprism.cli import cli, entities_cmd
from newsprism.model import Article
from newsprism.pipeline import Pipeline
from newsprism.store import open_store

if "entities" not in cli.commands:
    entities_cmd.register(cli)


def test_lookup_resolves_actors_and_places() -> None:
    res = CliRunner().invoke(cli, ["entities", "lookup", "Токаев", "ОДКБ", "Kyrgyzstan", "Nobody Atall", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["entity_id"] for r in rows[:2]] == ["tokayev", "csto"]
    assert rows[2]["type"] == "place" and rows[2]["country"] == "KG"
    assert rows[3]["entity_id"] is None


def test_check_aliases_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: [1, 2\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["entities", "check-aliases", str(bad)])
    assert res.exit_code == 2
    assert "bad.yaml" in res.output and "not valid YAML" in res.output


def test_list_counts_entities_across_articles(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    store = open_store(db)
    store.put_article(Article(id="a", title="A", body="President Tokayev met Vladimir Putin.", language="en"))
    store.put_article(Article(id="b", title="B", body="Токаев обратился к ОДКБ.", language="ru"))
    Pipeline(["entities.ner.v1"]).run(store, corpus=False)
    res = CliRunner().invoke(cli, ["entities", "list", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    rows = {r["entity_id"]: r for r in json.loads(res.output)}
    assert rows["tokayev"]["articles"] == 2
