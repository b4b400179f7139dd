import pytest

import newsprism
from newsprism.errors import PipelineError, UnknownComponentError
from newsprism.registry import Registry, default_registry


def _stage(**_):
    return lambda doc: []


def test_plan_orders_stages_by_requirements():
    reg = Registry()
    reg.register("b.v1", "stage", requires=("a_out",), produces=("b_out",), order=1)(_stage)
    reg.register("a.v1", "stage", produces=("a_out",), order=50)(_stage)
    assert [s.name for s in reg.plan()] == ["a.v1", "b.v1"]


def test_plan_names_the_missing_requirement():
    reg = Registry()
    reg.register("b.v1", "stage", requires=("entities",))(_stage)
    with pytest.raises(PipelineError, match="entities"):
        reg.plan()


def test_optional_requirements_do_not_block():
    reg = Registry()
    reg.register("b.v1", "stage", requires=("entities?",))(_stage)
    assert [s.name for s in reg.plan()] == ["b.v1"]


def test_family_name_picks_newest_version_and_unknown_lists_valid():
    reg = Registry()
    reg.register("quotes.rules.v1", "stage")(_stage)
    reg.register("quotes.rules.v2", "stage")(_stage)
    assert reg.get("stage", "quotes.rules").name == "quotes.rules.v2"
    with pytest.raises(UnknownComponentError, match=r"quotes\.rules\.v1"):
        reg.get("stage", "quotes.nope")


def test_builtins_register_through_entry_points():
    reg = default_registry()
    names = {s.name for s in reg.all("loader")}
    assert {"loader.text.v1", "loader.html.v1", "loader.feed.v1", "loader.jsonl.v1", "loader.csv.v1"} <= names
    assert reg.get("store", "store.sqlite").name == "store.sqlite.v1"
    assert reg.get("engine", "engine.local").name == "engine.local.v1"


def test_public_api_is_sorted_and_resolves():
    assert newsprism.__all__ == sorted(newsprism.__all__)
    for name in newsprism.__all__:
        assert getattr(newsprism, name) is not None


def test_optional_requirements_order_after_their_producer_when_it_is_planned():
    reg = Registry()
    reg.register("quotes.v1", "stage", requires=("entities?",), produces=("quotes",), order=1)(_stage)
    reg.register("entities.v1", "stage", produces=("entities",), order=50)(_stage)
    assert [s.name for s in reg.plan()] == ["entities.v1", "quotes.v1"]
    assert [s.name for s in reg.plan(["quotes.v1"])] == ["quotes.v1"]
