import json
import shutil

import pytest
from click.testing import CliRunner

from newsprism.cli import _load_commands, cli
from newsprism.errors import ConfigError, LabelFileError
from newsprism.outlets.labels import outlet_view
from newsprism.outlets.userlabels import import_label_file, label_outlet, read_label_file
from test_outlets_support import DATA


def test_the_users_label_wins_and_keeps_who_said_it(store, res):
    outlet, labels = label_outlet(store, "spectator.co.uk", {"lean": "right"}, by="alice", note="desk", resources=res)
    assert outlet.known and labels[0].source == "user:alice" and labels[0].source_kind == "user"
    view = outlet_view(store.get_outlet("spectator.co.uk"))
    assert view["lean"] == "right" and view["lean_source"] == "user:alice"
    assert any(lab["note"] == "desk" for lab in view["labels"])
    label_outlet(store, "The Spectator", {"lean": "centre-right"}, by="alice", resources=res)
    leans = [lab for lab in store.get_outlet("spectator.co.uk").labels if lab.field == "lean"]
    assert [(lab.source, lab.value) for lab in leans] == [("user:alice", "centre-right")]  # replaced, not doubled


def test_bad_values_and_unknown_outlets_are_refused(store, res):
    with pytest.raises(ConfigError, match="valid: far-left, left, centre-left, centre, centre-right, right, far-right"):
        label_outlet(store, "spectator.co.uk", {"lean": "rigth"}, resources=res)
    with pytest.raises(ConfigError, match=r"unknown outlet 'nowhere\.example'"):
        label_outlet(store, "nowhere.example", {"lean": "left"}, resources=res)
    outlet, _ = label_outlet(store, "nowhere.example", {"lean": "left"}, create=True, by="x", resources=res)
    assert outlet.id == "nowhere.example" and outlet.known is False


def test_csv_and_yaml_label_files_import_with_line_and_author(store, res):
    rep = import_label_file(store, DATA / "labels-good.csv", resources=res)
    assert rep.rows == 2 and rep.labels == 3 and rep.outlets == ["spectator.co.uk", "theguardian.com"]
    spec = {lab.field: lab for lab in store.get_outlet("spectator.co.uk").labels if lab.source_kind == "user"}
    assert spec["lean"].source == "user:alice" and spec["lean"].evidence == "labels-good.csv:2"
    assert spec["country"].value == "GB"
    guardian = store.get_outlet("theguardian.com")
    assert [(x.value, x.source) for x in guardian.labels if x.field == "lean"] == [("centre-left", "user:bob")]
    rep = import_label_file(store, DATA / "labels-good.yaml", resources=res)
    assert rep.labels == 3
    fact = next(x for x in store.get_outlet("spectator.co.uk").labels if x.field == "factuality")
    assert (fact.value, fact.source, fact.evidence) == ("mostly-factual", "user:team", "labels-good.yaml:3")
    azattyq = next(x for x in store.get_outlet("azattyq.org").labels if x.source_kind == "user")
    assert azattyq.source == "user:carol" and azattyq.value == "centre"


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("labels-bad-lean.csv", 3, "lean 'leftish' is not valid; valid: far-left, left, centre-left"),
        ("labels-unknown-outlet.yaml", 2, "unknown outlet 'no-such-outlet.example'"),
        ("labels-malformed.csv", 3, "more cells than the header"),
        ("labels-bad-column.csv", 2, "unknown column(s) ['leaning']; valid columns: outlet"),
    ],
)
def test_a_bad_label_file_names_file_line_and_valid_values_and_imports_nothing(store, res, name, line, message):
    with pytest.raises(LabelFileError) as err:
        import_label_file(store, DATA / name, resources=res)
    assert err.value.line == line and message in str(err.value)
    assert str(err.value).startswith(f"{DATA / name}:{line}: ")
    assert list(store.iter_outlets()) == []  # the good first row was not written either


def test_unreadable_label_files(tmp_path):
    with pytest.raises(LabelFileError, match="no such file"):
        read_label_file(tmp_path / "none.csv")
    bad = tmp_path / "x.json"
    bad.write_text("{}", "utf-8")
    with pytest.raises(LabelFileError, match=r"\.yaml, \.yml, \.csv or \.tsv"):
        read_label_file(bad)
    broken = tmp_path / "b.yaml"
    broken.write_text("- {outlet: a, lean: [\n", "utf-8")
    with pytest.raises(LabelFileError, match="not valid YAML") as err:
        read_label_file(broken)
    assert err.value.line == 2


@pytest.fixture
def runner_db(tmp_path):
    _load_commands()
    return CliRunner(), str(tmp_path / "cli.db")


def test_cli_label_show_list_import_and_resolve(runner_db, tmp_path):
    runner, db = runner_db
    r = runner.invoke(
        cli,
        [
            "outlets",
            "label",
            "spectator.co.uk",
            "--lean",
            "right",
            "--note",
            "UK right wing",
            "--by",
            "alice",
            "--db",
            db,
        ],
    )
    assert r.exit_code == 0, r.output
    assert "lean = right (user:alice)" in r.output
    r = runner.invoke(cli, ["outlets", "show", "THE SPECTATOR", "--db", db, "--json"])
    view = json.loads(r.output)
    assert view["lean"] == "right" and view["lean_source"] == "user:alice" and view["country"] == "GB"
    r = runner.invoke(cli, ["outlets", "show", "The Spectator", "--db", db])
    assert "lean:         right  (from user:alice)" in r.output and "registry:newsprism" in r.output
    r = runner.invoke(cli, ["outlets", "import-ratings", "mbfc", str(DATA / "mbfc"), "--db", db, "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["rows"] == 4
    r = runner.invoke(cli, ["outlets", "list", "--country", "GB", "--db", db, "--json"])
    rows = json.loads(r.output)
    assert [x["id"] for x in rows] == ["spectator.co.uk"] and rows[0]["lean_raters"] == {"mbfc": "centre-right"}
    r = runner.invoke(cli, ["outlets", "list", "--lean", "unrated", "--db", db, "--json"])
    assert {x["id"] for x in json.loads(r.output)} == {"rt.com"}
    r = runner.invoke(cli, ["outlets", "list", "--registry", "--country", "KZ", "--json", "--db", db])
    assert len(json.loads(r.output)) >= 25
    r = runner.invoke(cli, ["outlets", "resolve", "--name", "RFE/RL's Kazakh Service", "--json", "--db", db])
    assert json.loads(r.output)["id"] == "azattyq.org"
    bad = tmp_path / "bad.csv"
    shutil.copy(DATA / "labels-bad-lean.csv", bad)
    r = runner.invoke(cli, ["outlets", "import-labels", str(bad), "--db", db])
    assert r.exit_code == 1 and f"error: {bad}:3: lean 'leftish' is not valid" in r.output
    r = runner.invoke(cli, ["outlets", "label", "spectator.co.uk", "--lean", "sideways", "--db", db])
    assert r.exit_code == 2 and "valid: far-left" in r.output
    r = runner.invoke(cli, ["outlets", "show", "nothing-like-this", "--db", db])
    assert r.exit_code == 3
    r = runner.invoke(cli, ["outlets", "import-labels", str(DATA / "labels-good.yaml"), "--db", db])
    assert r.exit_code == 0 and "3 label(s) from 3 row(s) on 3 outlet(s)" in r.output
